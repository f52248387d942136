"""The replay screen: an instructor steps through a saved session, annotates, branches, exports.

The screen shows the state at one point of the session (the cursor): the transcript up to
that point, the package, the scoreboard, every role's private brief (replay is the
instructor's view), the notes, and charts of the Deterrence Index and of each criterion over
the whole session with the cursor marked. The model is :class:`~debate.report.replay.
ReplaySession` (states folded once and cached, scores computed once per point); the screen
only reads it, and writes through the store (notes, branches) the moment asked.

Keys: left/right step one event, home/end, page up/down by turn, ``g`` go to an event
number, ``t`` next turning point, ``n``/``e``/``d`` add/edit/delete a note, ``b`` play from
here (a branch), ``x`` export, ``1``-``6`` panels, escape back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from debate.engine import GameState
from debate.report.debrief import Scorer, SessionRecord
from debate.report.replay import ReplaySession, SessionFigures, Stopped
from debate.scoring.game import score_game
from debate.tui.screens.replay_dialogs import (
    BranchChoice,
    BranchDialog,
    ExportChoice,
    ExportDialog,
    JumpDialog,
)
from debate.tui.screens.replay_notes import ReplayNotes
from debate.tui.screens.replay_panels import scores_blocks, timeline_rows
from debate.tui.text import role_label, safe
from debate.tui.widgets.brief import brief_renderable
from debate.tui.widgets.index_chart import CriteriaChart, Line, TraceChart
from debate.tui.widgets.package import package_renderable
from debate.tui.widgets.replay_transcript import ReplayTranscript
from debate.tui.widgets.strip_view import StripView
from debate.tui.widgets.timeline import HEADER, Timeline, role_styles

TABS = ("transcript", "package", "scores", "briefs", "notes", "charts", "parent")
# Short enough for one line at 80 columns (the footer shows the rest).
KEY_HINTS = "←/→ step · g go to · t turning pt · n/e/d note · b branch · x export · 1-7"
DEFAULT_AUTHOR = "instructor"


class ReplayScreen(ReplayNotes):
    """Replay of one saved session (see the module docstring for the keys)."""

    DEFAULT_CSS = """
    ReplayScreen #replay-status {
        height: 2; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ReplayScreen #replay-timeline-head { height: 1; text-wrap: nowrap; text-overflow: clip; }
    ReplayScreen #replay-main { height: 1fr; }
    ReplayScreen #replay-left { width: 42%; min-width: 30; height: 1fr; }
    ReplayScreen #replay-tabs { width: 1fr; height: 1fr; }
    ReplayScreen #replay-tabs TabPane { padding: 0 0 0 1; }
    ReplayScreen #replay-index { height: auto; max-height: 9; border-top: hkey $panel; }
    ReplayScreen #replay-notes-here { height: auto; padding: 0 0 1 0; }
    ReplayScreen #replay-notes-all { height: 1fr; }
    ReplayScreen #replay-turning { height: auto; padding: 1 0 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the arrows step the replay whichever panel has focus.
        Binding("right", "step(1)", "Next", priority=True),
        Binding("left", "step(-1)", "Back", priority=True),
        Binding("home", "go_start", "Start", priority=True, show=False),
        Binding("end", "go_end", "End", priority=True, show=False),
        Binding("pagedown", "turn(1)", "Next turn", show=False),
        Binding("pageup", "turn(-1)", "Prev turn", show=False),
        Binding("g", "jump", "Go to"),
        Binding("t", "turning", "Turning pt", show=False),
        Binding("n", "note_add", "Note"),
        Binding("e", "note_edit", "Edit note", show=False),
        Binding("d", "note_delete", "Delete note", show=False),
        Binding("b", "branch", "Play from here"),
        Binding("x", "export", "Export"),
        *(
            Binding(str(i + 1), f"tab('{name}')", name.title(), show=False)
            for i, name in enumerate(TABS)
        ),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(
        self,
        record: SessionRecord,
        *,
        parent: SessionRecord | None = None,
        scorer: Scorer = score_game,
        store: Any = None,
        export_dir: Path | None = None,
        start: int | None = None,
        background_trace: bool = True,
        end: GameState | None = None,
    ) -> None:
        super().__init__()
        self.replay = ReplaySession(record, scorer=scorer, parent=parent, end=end)
        self.record = record
        self._store = store
        self.export_dir = export_dir or Path("debriefs")
        self.author = DEFAULT_AUTHOR
        self.background_trace = background_trace
        self.trace_ready = False
        self._package_shown: object = None
        self._scores_shown: object = None
        if start is not None:
            self.replay.go(start)

    # -- building ------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        return self._store if self._store is not None else getattr(self.app, "store", None)

    def compose(self) -> ComposeResult:
        motion = self.record.motion
        yield Header()
        yield Static(id="replay-status")
        with Horizontal(id="replay-main"):
            with Vertical(id="replay-left"):
                yield Static(Text(HEADER, style="bold"), id="replay-timeline-head")
                yield Timeline(id="replay-timeline")
            with TabbedContent(id="replay-tabs", initial="tab-transcript"):
                with TabPane("1 Transcript", id="tab-transcript"):
                    yield ReplayTranscript(motion, id="replay-transcript")
                with TabPane("2 Package", id="tab-package"):
                    yield StripView(id="replay-package")
                with TabPane("3 Scores", id="tab-scores"):
                    yield StripView(id="replay-scores")
                with TabPane("4 Briefs", id="tab-briefs"), VerticalScroll():
                    yield Static(self._briefs(), id="replay-briefs")
                with TabPane("5 Notes", id="tab-notes"), Vertical():
                    yield Static(id="replay-notes-here")
                    yield OptionList(id="replay-notes-all")
                with TabPane("6 Charts", id="tab-charts"), VerticalScroll():
                    yield CriteriaChart(id="replay-criteria")
                    yield Static(id="replay-turning")
                if self.replay.parent is not None:
                    with TabPane("7 Vs parent", id="tab-parent"), VerticalScroll():
                        yield Static(id="replay-compare")
        yield TraceChart(height=3, id="replay-index")
        yield Footer()

    def _briefs(self) -> RenderableType:
        motion = self.record.motion
        parts: list[RenderableType] = []
        for seat in self.record.seats:
            if seat.role in motion.role_by_id:
                if parts:
                    parts.append(Text("─" * 40, style="dim"))
                parts.append(brief_renderable(motion, seat.role))
        return Group(*parts) if parts else Text("No seats.", style="dim")

    def on_mount(self) -> None:
        record = self.record
        self.sub_title = safe(f"Replay: {record.title}")
        timeline = self.query_one(Timeline)
        timeline.load(
            timeline_rows(self.replay), self.replay.note_points(), role_styles(record.motion)
        )
        self.query_one(ReplayTranscript).load(
            self.replay.events, self.replay.cache.state_at(self.replay.length)
        )
        self._fill_notes_list()
        if self.background_trace:
            # After the first paint: the screen shows at once, the charts fill in after.
            self.call_after_refresh(self._compute_trace)
        else:
            self._trace_done(self.replay.figures())
        self.show_point()

    # -- the whole-session figures, computed off the interface's thread -------------------
    @work(thread=True, exclusive=True, group="replay-trace")
    def _compute_trace(self) -> None:
        # Cancelled (the screen closed, the app quitting): asked at every point, the worker
        # stops within one point's work, so nobody waits for a long session's charts. The
        # work is Python throughout: the interpreter hands the GIL to the interface's thread
        # whenever it waits (within 5 ms); yielding it at every point as well (sleep(0))
        # made the charts of 50,000 events three times slower to come.
        worker = get_current_worker()
        try:
            # The turning points and their reasons too: the interface's thread only shows.
            figures = self.replay.figures(stop=lambda: worker.is_cancelled)
        except Stopped:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._trace_done, figures)

    def _trace_done(self, figures: SessionFigures) -> None:
        replay = self.replay
        replay.adopt_figures(figures)
        parent = figures.parent
        trace = replay.trace()
        self.trace_ready = True
        self.query_one(Timeline).set_indexes(trace)
        lines = [Line("Index", trace, "bold blue")]
        fork = None
        if parent is not None:
            lines.append(Line("Parent", parent, "magenta"))
            fork = self.record.fork_point
        chart = self.query_one(TraceChart)
        chart.set_lines(lines, fork_point=fork)
        chart.set_marks(replay.note_points())
        self.query_one(CriteriaChart).set_traces(replay.criteria_traces(), replay.criterion_names())
        self._show_turning_points()
        self.show_point()

    def _show_turning_points(self) -> None:
        motion = self.record.motion
        parts: list[RenderableType] = [Text("Turning points (t jumps to the next)", style="bold")]
        for tp in self.replay.turning_points():
            event = self.replay.events[tp.seq]
            span = f"event {tp.seq + 1}" if tp.seq + 1 >= tp.end else (
                f"events {tp.seq + 1}-{tp.end}"
            )
            line = Text.assemble(role_label(motion, event.actor), f"'s turn, {span}")
            line.append(f": {tp.before:.1f} → {tp.after:.1f} ({tp.delta:+.1f})")
            parts.append(line)
            parts += [Text(f"  {why}", style="dim") for why in self.replay.why(tp)]
        if len(parts) == 1:
            parts.append(Text("The index never moved much.", style="dim"))
        self.query_one("#replay-turning", Static).update(Group(*parts))

    # -- showing the cursor's point --------------------------------------------------------
    @property
    def point(self) -> int:
        return self.replay.point

    def show_point(self) -> None:
        """Bring every visible panel to the cursor's point."""
        k = self.replay.point
        self.query_one(Timeline).select_point(k)
        # A fixed-height line: updating it never forces a new layout of the screen.
        self.query_one("#replay-status", Static).update(self._status(), layout=False)
        self.query_one(TraceChart).point = k
        self._show_tab(self.query_one("#replay-tabs", TabbedContent).active)

    def _status(self) -> Text:
        replay, state = self.replay, self.replay.state
        # The index comes first after the position: at 80 columns the tail may be cut.
        out = Text.assemble(("Event ", "bold"), (f"{replay.point}/{replay.length}", "bold"))
        out.append(f" · index {replay.score.deterrence_index:.1f}", style="bold")
        if replay.point == 0:
            out.append(" · start")
        if state.finished:
            out.append(" · the game is over")
            if state.agreed is not None:
                out.append(" (package " + ("accepted)" if state.agreed else "rejected)"))
        else:
            phase = state.phase
            out.append(f" · {phase.name} · round {state.round}/{phase.rounds} · ")
            out.append_text(role_label(state.motion, state.current_role or ""))
            out.append(" to play")
        second: list[Text] = []
        if self.record.parent_id:
            second.append(
                Text(f"Branch of {self.record.parent_id} at event {self.record.fork_point}")
            )
        notes = replay.notes_at()
        if notes:
            plural = "s" if len(notes) > 1 else ""
            second.append(Text(f"✎ {len(notes)} note{plural} here (5 Notes)", style="italic"))
        if not second:
            second.append(Text(KEY_HINTS, style="dim"))
        out.append("\n")
        out.append_text(Text(" · ", style="dim").join(second))
        return out

    def _show_tab(self, tab_id: str) -> None:
        """Update the panel in ``tab_id`` (hidden panels update when they are shown)."""
        replay, k = self.replay, self.replay.point
        if tab_id == "tab-transcript":
            self.query_one(ReplayTranscript).show(k)
        elif tab_id == "tab-package":
            state = replay.state
            # Speeches and passes leave the package as it was: skip redrawing it then.
            shown = (state.commitments, state.challenges, state.demands)
            if shown != self._package_shown:
                self._package_shown = shown
                self.query_one("#replay-package", StripView).show(package_renderable(state))
        elif tab_id == "tab-scores":
            score, delta = replay.score, replay.turn_delta()
            if (score, delta) != self._scores_shown:
                self._scores_shown = (score, delta)
                self.query_one("#replay-scores", StripView).show_blocks(
                    scores_blocks(self.record.motion, score, delta)
                )
        elif tab_id == "tab-notes":
            self._show_notes_here()
        elif tab_id == "tab-charts":
            self.query_one(CriteriaChart).point = k
        elif tab_id == "tab-parent":
            self._show_comparison()

    @on(TabbedContent.TabActivated, "#replay-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._show_tab(event.pane.id)

    # -- moving ------------------------------------------------------------------------------
    def move_to(self, k: int) -> None:
        before = self.replay.point
        if self.replay.go(k) != before:
            self.show_point()

    def action_step(self, delta: int) -> None:
        self.move_to(self.replay.point + delta)

    def action_go_start(self) -> None:
        self.move_to(0)

    def action_go_end(self) -> None:
        self.move_to(self.replay.length)

    def action_turn(self, direction: int) -> None:
        replay = self.replay
        self.move_to(replay.next_turn() if direction > 0 else replay.turn_start())

    def action_turning(self) -> None:
        """Jump to the point after the next turning point (wrapping round)."""
        if not self.trace_ready:  # never score the whole session on the interface's thread
            self.notify("The turning points are still being computed.", markup=False)
            return
        points = [tp.seq + 1 for tp in self.replay.turning_points()]
        if not points:
            self.notify("The index never moved much.", markup=False)
            return
        later = [p for p in points if p > self.replay.point]
        self.move_to(later[0] if later else points[0])

    def action_jump(self) -> None:
        self.app.push_screen(JumpDialog(self.replay.length), self._jumped)

    def _jumped(self, number: object) -> None:
        if isinstance(number, int):
            self.move_to(number)

    @on(Timeline.PointChosen)
    def _clicked(self, event: Timeline.PointChosen) -> None:
        self.move_to(event.point)

    def action_tab(self, name: str) -> None:
        if name == "parent" and self.replay.parent is None:
            self.notify("This session is not a branch: there is no parent to compare with.",
                        markup=False)
            return
        self.query_one("#replay-tabs", TabbedContent).active = f"tab-{name}"

    def _show_comparison(self) -> None:
        """The branch's end beside its parent's: package, criteria, outcome, stress."""
        from debate.report.compare import compare, lines

        parent = self.replay.parent
        if parent is None or getattr(self, "_compared", False):
            return
        self._compared = True
        text = "\n".join(lines(compare(self.record, parent)))
        self.query_one("#replay-compare", Static).update(Text(text))

    # -- branching -------------------------------------------------------------------------------
    def action_branch(self) -> None:
        k = self.replay.point
        if self.replay.state.finished:
            self.notify(
                "The game is over at this point: step back to a point before the end of "
                "the vote to play from there.",
                markup=False,
            )
            return
        motion = self.replay.state.motion
        scripted = [
            (s.role, motion.role_by_id[s.role].name) for s in self.record.seats if s.scripted
        ]
        dialog = BranchDialog(k, scripted, player=self.author)
        self.app.push_screen(dialog, self._branch_confirmed)

    def _branch_confirmed(self, choice: object) -> None:
        if not isinstance(choice, BranchChoice):
            return
        from debate.store import Seat

        k = self.replay.point
        take_over = Seat(choice.role, choice.player, "human") if choice.role else None
        try:
            info = self.store.fork(self.record.id, k, take_over=take_over)
        except Exception as e:
            self.notify(str(e), title="Branch not created", severity="error", markup=False)
            return
        self.branched = info.id
        resume = getattr(self.app, "resume", None)
        if resume is not None:
            resume(info.id)
        else:  # an app without the debate table (tests): stay, and say where it went
            self.notify(f"Branch {info.id} created.", markup=False)

    # -- export ------------------------------------------------------------------------------------
    def action_export(self) -> None:
        self.app.push_screen(ExportDialog(self.record.id, self.export_dir), self._export_chosen)

    def _export_chosen(self, choice: object) -> None:
        if not isinstance(choice, ExportChoice):
            return
        from debate.report.exports import write_export

        try:
            path = write_export(self.store, self.record.id, choice.format, choice.path)
        except Exception as e:
            self.notify(str(e), title="Export failed", severity="error", markup=False)
            return
        self.notify(f"Written to {path}", title="Exported", markup=False)


def open_replay_screen(
    app: Any,
    session_id: str,
    start: int | None = None,
    confirmed: bool = False,
    loaded: tuple[SessionRecord, GameState] | None = None,
) -> bool:
    """Load ``session_id`` (and its parent, for a branch) from ``app.store`` and show its
    replay; on failure say why in a notification and return False. ``loaded`` (the record
    and its end state), when the caller has loaded the session already (`debate replay`),
    is not loaded again.

    A session still being played shows private briefs: unless ``confirmed`` (the CLI's
    ``--instructor``), a dialog names what the replay would reveal and asks first.
    """
    from debate.report.privacy import still_played, what_it_reveals
    from debate.report.saved import load_parent, load_replay

    try:
        if loaded is None or loaded[0].id != session_id:
            loaded = load_replay(app.store, session_id)
        record, end = loaded
        parent = load_parent(app.store, record)
    except Exception as e:  # a missing or damaged session: words, not a traceback
        app.notify(str(e), title="Cannot replay", severity="error", markup=False)
        return False
    screen = ReplayScreen(record, parent=parent, start=start, end=end)
    if confirmed or not still_played(record.status):
        app.push_screen(screen)
        return True
    from debate.tui.screens.replay_dialogs import ConfirmDialog

    question = what_it_reveals(record.motion, record.seats, record.id)

    def answered(ok: object) -> None:
        if ok:
            app.push_screen(screen)

    app.push_screen(ConfirmDialog(question, ok="Reveal and replay"), answered)
    return True
