"""Saved sessions for replay: filter by motion and by text, branches shown under their parent.

A branch whose parent is filtered out (or was deleted) is listed at the top level, saying
which session it came from. The list is read a page at a time from the database (newest
first; ctrl+n reads the next page), and the search runs in the database once typing pauses,
so neither depends on how many sessions are saved.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Select, Static, Tree
from textual.widgets.tree import TreeNode

from debate.store.branches import branch_forest
from debate.tui.text import literal, shown

ALL_MOTIONS = "__all__"
#: Sessions read per page.
PAGE = 100
#: Seconds of quiet in the search box before the list is searched again.
DEBOUNCE = 0.15


def session_label(info: Any) -> Text:
    """One line (a tree row shows one): id, where a branch starts, title, then events,
    status, motion and players, so that a narrow row still tells sessions apart. Literal text.
    """
    out = Text(info.id, style="bold")
    if info.parent_id is not None:
        out.append(f" ↳{info.fork_seq}", style="italic")
    out.append("  ")
    out.append(info.title, style="bold")
    out.append(f" · {info.events} ev · {info.status} · {info.motion_id} · ", style="dim")
    for i, seat in enumerate(info.seats):
        if i:
            out.append(", ", style="dim")
        if seat.kind == "human":
            out.append(seat.player)
            out.append(f" ({seat.role})", style="dim")
        else:
            out.append(f"{seat.role}: {seat.difficulty or 'scripted'}", style="dim")
    out.no_wrap = True
    return shown(out)


class ReplaySessionsScreen(Screen[None]):
    """Pick a saved session to replay."""

    DEFAULT_CSS = """
    ReplaySessionsScreen #replay-filters { height: auto; padding: 0 1; }
    ReplaySessionsScreen #replay-search { width: 1fr; }
    ReplaySessionsScreen #replay-motion { width: 36; }
    ReplaySessionsScreen #replay-sessions { height: 1fr; }
    ReplaySessionsScreen #replay-sessions-note { height: auto; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+f", "focus_search", "Search"),
        Binding("ctrl+n", "more", "More sessions"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []  # session ids in the tree, depth first
        self.limit = PAGE  # sessions listed (grows a page at a time)
        self.more = False  # whether the filters match more sessions than are listed
        self.damaged = 0  # damaged sessions the page left out
        self._search_timer: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Text(
                "Replay a saved session (Enter opens it; ↳N: a branch from event N)",
                style="bold",
            ),
            classes="screen-title",
        )
        with HorizontalGroup(id="replay-filters"):
            yield Input(placeholder="search titles, players, ids", id="replay-search", compact=True)
            yield Select(
                [], prompt="all motions", id="replay-motion", compact=True, allow_blank=True
            )
        tree: Tree[str] = Tree("Sessions", id="replay-sessions")
        tree.show_root = False
        tree.auto_expand = False  # Enter opens a session; branches stay shown
        yield tree
        yield Static(id="replay-sessions-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Replay"
        try:
            motions = self._store().session_motions()
        except Exception as e:  # a store that cannot open says why, in words
            self._note(f"Cannot read saves: {e}")
            return
        self.query_one("#replay-motion", Select).set_options(
            [(literal(f"{mid}: {title}"), mid) for mid, title in motions]
        )
        self.refill()
        self.query_one("#replay-sessions", Tree).focus()

    def _store(self) -> Any:
        return getattr(self.app, "store")  # noqa: B009 - the app owns the store

    def _note(self, text: str) -> None:
        self.query_one("#replay-sessions-note", Static).update(Text(text, style="dim italic"))

    def refill(self) -> None:
        """List the sessions that pass the filters, as a branch tree."""
        search = self.query_one("#replay-search", Input).value.strip() or None
        motion = self.query_one("#replay-motion", Select).value
        motion_id = motion if isinstance(motion, str) else None
        try:
            # One more than the page: whether there is a next page, without counting.
            page = self._store().scan_sessions(
                motion_id=motion_id, text=search, limit=self.limit + 1
            )
        except Exception as e:
            self._note(f"Cannot read saves: {e}")
            return
        # Damaged sessions are counted in the page (never shown): `debate sessions` names them.
        self.damaged = len(page.damaged)
        self.more = len(page.sessions) + self.damaged > self.limit
        infos = page.sessions[: self.limit]
        tree = self.query_one("#replay-sessions", Tree)
        tree.clear()
        self.shown = []
        listed = {i.id for i in infos}

        def add(node: TreeNode[str], info: Any, kids: list[Any]) -> None:
            label = session_label(info)
            if info.parent_id is not None and info.parent_id not in listed:
                label.append(f" (from {info.parent_id})", style="dim")
            self.shown.append(info.id)
            if kids:
                child = node.add(label, data=info.id, expand=True)
                for kid, grandkids in kids:
                    add(child, kid, grandkids)
            else:
                node.add_leaf(label, data=info.id)

        for info, kids in branch_forest(infos):
            add(tree.root, info, kids)
        if infos:
            tree.cursor_line = 0  # Enter opens the first session straight away
        filtered = search is not None or motion_id is not None
        left_out = (
            f" {self.damaged} damaged session(s) left out: `debate sessions` names them."
            if self.damaged
            else ""
        )
        if not infos:
            self._note(("No session matches." if filtered else "No saved session yet.") + left_out)
        elif self.more:
            self._note(f"The newest {len(infos)} sessions: ctrl+n lists {PAGE} more." + left_out)
        else:
            self._note(left_out.strip())

    @on(Input.Changed, "#replay-search")
    def _search_changed(self) -> None:
        # Searched once typing pauses: a keystroke costs nothing but restarting the timer.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(DEBOUNCE, self._first_page)

    @on(Select.Changed, "#replay-motion")
    def _first_page(self) -> None:
        self._search_timer = None
        self.limit = PAGE
        self.refill()

    def action_more(self) -> None:
        """List the next page of sessions."""
        if self.more:
            self.limit += PAGE
            self.refill()

    @on(Input.Submitted, "#replay-search")
    def _search_done(self) -> None:
        self.query_one("#replay-sessions", Tree).focus()

    def action_focus_search(self) -> None:
        self.query_one("#replay-search", Input).focus()

    @on(Tree.NodeSelected, "#replay-sessions")
    def _chosen(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data is None:
            return
        from debate.tui.screens.replay import open_replay_screen

        open_replay_screen(self.app, event.node.data)
