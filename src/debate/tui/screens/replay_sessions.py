"""Saved sessions for replay: filter by motion and by text, branches shown under their parent.

A branch whose parent is filtered out (or was deleted) is listed at the top level, saying
which session it came from. The list is read a page at a time from the database (newest
first; ctrl+n reads the next page and adds it below), and the search runs in the database
once typing pauses, so neither depends on how many sessions are saved. A keystroke only
restarts the pause's timer; a search whose first page is what the tree already shows leaves
the tree alone.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Span, Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Select, Static, Tree
from textual.widgets.tree import TreeNode

from debate.store.branches import branch_forest
from debate.text_safety import neutralise
from debate.tui.text import literal

ALL_MOTIONS = "__all__"
#: Sessions read per page.
PAGE = 100
#: Seconds of quiet in the search box before the list is searched again.
DEBOUNCE = 0.15


def session_label(info: Any) -> Text:
    """One line (a tree row shows one): id, where a branch starts, title, then events,
    status, motion and players, so that a narrow row still tells sessions apart. Literal text.
    """
    parts = [(info.id, "bold")]
    if info.parent_id is not None:
        parts.append((f" ↳{info.fork_seq}", "italic"))
    parts += [("  ", ""), (info.title, "bold")]
    parts.append((f" · {info.events} ev · {info.status} · {info.motion_id} · ", "dim"))
    for i, seat in enumerate(info.seats):
        if i:
            parts.append((", ", "dim"))
        if seat.kind == "human":
            parts += [(seat.player, ""), (f" ({seat.role})", "dim")]
        else:
            parts.append((f"{seat.role}: {seat.difficulty or 'scripted'}", "dim"))
    return _one_text(parts)


def _one_text(parts: list[tuple[str, str]]) -> Text:
    """A Text of ``(text, style)`` parts made in one go (a page makes a hundred rows; piece
    by piece, Rich would clean every piece). Control characters are made visible first, one
    stand-in each, so every span still covers its own characters."""
    spans, at = [], 0
    for piece, style in parts:
        if style:
            spans.append(Span(at, at + len(piece), style))
        at += len(piece)
    return Text(neutralise("".join(piece for piece, _ in parts)), spans=spans, no_wrap=True)


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
        self.listed: list[Any] = []  # the sessions in the tree, in the order read
        self.nodes: dict[str, TreeNode[str]] = {}  # session id -> its row
        self.rows_read = 0  # listed and damaged sessions: where the next page starts
        self.more = False  # whether the filters match more sessions than are listed
        self.damaged = 0  # damaged sessions the pages left out
        self.rebuilds = 0  # times the tree was built anew (a test counts them)
        self._search_timer: Any = None

    @property
    def shown(self) -> list[str]:
        """Session ids in the tree, depth first."""
        out: list[str] = []
        stack = list(reversed(self.query_one("#replay-sessions", Tree).root.children))
        while stack:
            node = stack.pop()
            if node.data is not None:
                out.append(node.data)
            stack.extend(reversed(node.children))
        return out

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

    def _filters(self) -> tuple[str | None, str | None]:
        search = self.query_one("#replay-search", Input).value.strip() or None
        motion = self.query_one("#replay-motion", Select).value
        return search, motion if isinstance(motion, str) else None

    def _read(self, offset: int) -> tuple[list[Any], int, int] | None:
        """(sessions, damaged, rows read) of the page at ``offset``; None: cannot read."""
        search, motion_id = self._filters()
        try:
            # One more than a page: whether there is a next page, without counting.
            page = self._store().scan_sessions(
                motion_id=motion_id, text=search, limit=PAGE + 1, offset=offset
            )
        except Exception as e:
            self._note(f"Cannot read saves: {e}")
            return None
        infos, damaged = page.sessions, len(page.damaged)
        # Damaged sessions take their place in the page: counted, said, never shown.
        read = len(infos) + damaged
        self.more = read > PAGE
        if self.more and not damaged:  # the extra row is the last one: leave it for later
            infos, read = infos[:PAGE], PAGE
        return infos, damaged, read

    def refill(self) -> None:
        """List the first page of sessions that pass the filters, as a branch tree; the
        tree is left alone when that page is what it already shows."""
        found = self._read(0)
        if found is None:
            return
        infos, self.damaged, self.rows_read = found
        if infos != self.listed or len(self.nodes) != len(infos):
            self._build(infos)
        self._say()

    def _build(self, infos: list[Any]) -> None:
        tree = self.query_one("#replay-sessions", Tree)
        tree.clear()
        self.listed, self.nodes = [], {}
        self.rebuilds += 1
        self._grow(infos)
        if infos:
            tree.cursor_line = 0  # Enter opens the first session straight away

    def _grow(self, infos: list[Any]) -> None:
        """Add ``infos`` to the tree: a branch under its parent when that is listed."""
        self.listed += infos
        listed = self.nodes.keys() | {i.id for i in infos}
        root = self.query_one("#replay-sessions", Tree).root

        def add(node: TreeNode[str], info: Any, kids: list[Any]) -> None:
            label = session_label(info)
            if info.parent_id is not None and info.parent_id not in listed:
                label.append(f" (from {info.parent_id})", style="dim")
            if kids:
                self.nodes[info.id] = child = node.add(label, data=info.id, expand=True)
                for kid, grandkids in kids:
                    add(child, kid, grandkids)
            else:
                self.nodes[info.id] = node.add_leaf(label, data=info.id)

        for info, kids in branch_forest(infos):
            parent = self.nodes.get(info.parent_id or "", root)
            if parent is not root:  # a branch of a session an earlier page listed
                parent.allow_expand = True
                parent.expand()
            add(parent, info, kids)

    def _say(self) -> None:
        search, motion_id = self._filters()
        left_out = (
            f" {self.damaged} damaged session(s) left out: `debate sessions` names them."
            if self.damaged
            else ""
        )
        if not self.listed:
            filtered = search is not None or motion_id is not None
            self._note(("No session matches." if filtered else "No saved session yet.") + left_out)
        elif self.more:
            self._note(
                f"The newest {len(self.listed)} sessions: ctrl+n lists {PAGE} more." + left_out
            )
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
        self.refill()

    def action_more(self) -> None:
        """List the next page of sessions, added below those listed."""
        if not self.more:
            return
        found = self._read(self.rows_read)
        if found is None:
            return
        infos, damaged, read = found
        self.rows_read += read
        self.damaged += damaged
        new = {i.id for i in infos}
        if any(i.parent_id in new for i in self.listed):
            self._build(self.listed + infos)  # a listed branch's parent came: nest it anew
        else:
            self._grow(infos)
        self._say()

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
