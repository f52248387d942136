"""The debate table: transcript, package, scores, private brief and the legal actions.

The screen only reads the game's state and sends actions to the controller, which applies
and saves them. Scripted seats play in a thread worker after a short pause (space skips
it), so the interface never waits on them. Between two human seats a hand-over screen
hides the private brief.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from debate.engine import Action, IllegalAction, Pass, legal_action_types
from debate.play import GameController
from debate.play.guidance import answer_hint, pass_costs, recap, turn_effect
from debate.play.refusals import why_not
from debate.store.errors import StoreError
from debate.tui.forms import open_form
from debate.tui.screens.handover import HandOverScreen as HandOver
from debate.tui.styles import APP_TCSS
from debate.tui.text import literal, role_label
from debate.tui.widgets import (
    ActionBar,
    BriefPanel,
    PackagePanel,
    Scoreboard,
    StatusLine,
    Transcript,
)
from debate.tui.widgets.action_bar import ACTIONS

TABS = {"package": "tab-package", "scores": "tab-scores", "brief": "tab-brief"}
#: Seconds after the table is mounted before a new game is saved. Saving loads the
#: database's modules in a thread that shares the interpreter with the interface: started
#: at the first refresh, it delayed the table's first complete frame (transcript lines and
#: tab labels come in a second refresh) by ~150 ms of a ~1.4 s start (issue 15).
SAVE_AFTER = 0.25


class TableScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        # The action bar shows these keys beside each legal action; the footer keeps the rest.
        *(
            Binding(key, f"act('{kind}')", label, show=False)
            for kind, (key, label) in ACTIONS.items()
        ),
        Binding("space", "skip", "Skip pause"),
        Binding("1", "tab('package')", "Package"),
        Binding("2", "tab('scores')", "Scores"),
        Binding("3", "tab('brief')", "Brief"),
        Binding("escape", "leave", "Lobby"),
    ]

    def __init__(self, game: GameController, scripted_delay: float = 0.8) -> None:
        super().__init__()
        self.game = game
        self.delay = scripted_delay
        humans = game.human_roles
        self.hot_seat = len(humans) > 1
        #: The human seat whose brief may be shown (who holds the keyboard).
        self.viewer: str | None = None if self.hot_seat else (humans[0] if humans else None)
        self.keyboard: str | None = self.viewer
        self.thinking = False
        self.failed = False  # a scripted move failed: space tries again
        self.note: Text | None = None
        self._timer: Timer | None = None
        #: The event count the panels last showed (-1 until the first refresh).
        self.shown_seq = -1
        self._legal_shown: tuple[str, ...] | None = None
        #: The recap shown when the seat at the keyboard last began a turn (for the tests).
        self.recap: list[str] = []
        #: The coach's last advice (None: the turn played was as good).
        self.advice: object = None
        self._recapped: int | None = None
        #: Whether the table has advanced since it was shown (an action advances it too).
        self._advanced = False
        #: Whether the scores are drawn: from just after the table's first complete frame
        #: (the scorer's modules and validators take longer to load than the table takes to
        #: draw; issue 15). Until then the status line and the Scores tab say so; the Scores
        #: tab is filled while it is open.
        self.scores_shown = False

    def compose(self) -> ComposeResult:
        motion = self.game.motion
        yield Header()
        yield StatusLine(id="status")
        with Horizontal(id="table"):
            yield Transcript(motion, id="transcript")
            with TabbedContent(id="side", initial="tab-package"):
                with TabPane("1 Package", id="tab-package"):
                    yield PackagePanel(id="package")
                with TabPane("2 Scores", id="tab-scores"):
                    yield Scoreboard(motion, id="scores")
                with TabPane("3 Brief", id="tab-brief"):
                    yield BriefPanel(motion, id="brief")
        yield ActionBar(id="actions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.game.motion.title
        self.query_one(Transcript).focus()
        self.refresh_table()
        self.set_timer(SAVE_AFTER, self._save_new_game)
        self.call_after_refresh(self.call_after_refresh, self._first_advance)

    def _save_new_game(self) -> None:
        """A game started by `debate play MOTION` is saved once its table is on screen (the
        database's modules take longer to load than the table takes to draw); every action
        waits for the session to exist (an action before this creates it at once) and is
        committed before the screen moves on."""
        saving = self.game.save_in_background()
        if saving is not None:
            self.run_worker(saving.result, thread=True, group="saving", exit_on_error=False)

    @on(Worker.StateChanged)
    def _saving_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "saving" and event.state == WorkerState.ERROR:
            error = event.worker.error
            self.app.fail(str(error) if isinstance(error, StoreError) else repr(error))

    # -- showing the state ---------------------------------------------------------------
    def legal(self) -> tuple[str, ...]:
        """Action types the seat at the keyboard may take now (none while waiting)."""
        role = self.game.current_role
        if self.thinking or role is None or role != self.viewer or not self.game.is_human(role):
            return ()
        return legal_action_types(self.game.state, role)

    def refresh_table(self) -> None:
        game, state = self.game, self.game.state
        self.query_one(Transcript).show(game.events, state)
        self.query_one(PackagePanel).show(state)
        self._show_scoreboard()
        hidden = "Private briefs are hidden while the keyboard changes hands."
        self.query_one(BriefPanel).show(self.viewer, hidden)
        role = state.current_role
        player = game.seat(role).player if role and game.is_human(role) else None
        legal = self.legal()
        hint = answer_hint(state, role, legal) if legal and role else None
        index = (game.scores.index(), game.scores.last_turn_delta()) if self.scores_shown else None
        self.query_one(StatusLine).show(
            state, player, self.note, index, hint, scoring=not self.scores_shown
        )
        self.query_one(ActionBar).show(legal)
        if legal != self._legal_shown:  # the footer recomposes on every refresh_bindings
            self._legal_shown = legal
            self.refresh_bindings()
        self.shown_seq = state.seq

    def _show_scoreboard(self) -> None:
        # Drawn while its tab is open only: filling the hidden tab lays the screen out again
        # (its list of criteria changes height), which cost the table's first update ~50 ms.
        side = self.query_one("#side", TabbedContent)
        if self.scores_shown and side.active == TABS["scores"]:
            self.query_one(Scoreboard).show_scores(self.game.scores)

    @on(TabbedContent.TabActivated, "#side")
    def _tab_shown(self) -> None:
        self._show_scoreboard()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return parameters[0] in self.legal()
        if action == "skip":
            return self.thinking or self.failed
        return True

    # -- what happens next ---------------------------------------------------------------
    def _first_advance(self) -> None:
        if not self.is_attached:  # gone already: a quick player ended the game, or left
            return
        self.scores_shown = True
        # Unless a quick player's action has advanced the table already: scheduling a
        # scripted seat twice would leave a pause timer nothing can stop.
        if not self._advanced:
            self.advance()
        else:
            self.refresh_table()

    def advance(self) -> None:
        """After any change: end the game, let a scripted seat play, or hand over."""
        self._advanced = True
        game = self.game
        if game.finished:
            from debate.tui.screens.stress import StressScreen

            self.app.switch_screen(StressScreen(game))
            return
        role = game.current_role
        assert role is not None
        if not game.is_human(role):
            if self.hot_seat:
                self.viewer = None
            self._schedule_scripted(role)
        elif role == self.keyboard:
            self.viewer = role
            self._show_recap(role)
        else:
            self.viewer = None
            self.refresh_table()  # the brief leaves the screen before the hand-over shows
            seat = game.seat(role)
            last = game.last_human_actor()
            news = [turn_effect(game, last)] if last and last != role else []
            news = [line for line in news if line] + recap(game, role)
            self._recapped = game.state.turn_no
            self.recap = recap(game, role)
            self.app.push_screen(
                HandOver(game.motion, role, seat.player, news), lambda _: self._taken_over(role)
            )
            return
        self.refresh_table()

    def _show_recap(self, role: str) -> None:
        """Once per turn, when the seat at the keyboard begins it: what the others did."""
        state = self.game.state
        if state.actions_this_turn or self._recapped == state.turn_no:
            return
        self._recapped = state.turn_no
        self.recap = recap(self.game, role)
        if self.recap:
            self.notify(
                "\n".join(self.recap), title="Since your last turn", timeout=12, markup=False
            )

    def action_leave(self) -> None:
        """Back to the lobby; a game in progress asks first (it stays saved)."""
        if self.game.finished:
            self.app.action_lobby()
            return
        from debate.tui.screens.replay_dialogs import ConfirmDialog

        question = (
            "Leave the table for the lobby? The game is saved: continue it later from "
            "'Continue a saved game'. Private briefs stay hidden."
        )

        def answered(ok: object) -> None:
            if ok:
                self.app.action_lobby()

        self.app.push_screen(ConfirmDialog(question, ok="Leave"), answered)

    def on_unmount(self) -> None:
        # Leaving for the lobby mid-pause: nothing was decided, so nothing is lost; the
        # scripted seat decides again (identically, it is seeded) when the game continues.
        if self._timer is not None:
            self._timer.stop()
        # Left (or quit) before the new game's save began: it begins now, as the leave
        # dialog promises; `debate play` waits for it before the process ends.
        self.game.save_in_background()

    def _taken_over(self, role: str) -> None:
        self.viewer = self.keyboard = role
        self.refresh_table()

    def _schedule_scripted(self, role: str) -> None:
        self.thinking = True
        self.note = Text.assemble(
            role_label(self.game.motion, role), (" is thinking… (space: skip the pause)", "dim")
        )
        if self.delay > 0:
            self._timer = self.set_timer(self.delay, self._decide)
        else:
            self.call_later(self._decide)

    def action_skip(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._decide()
        elif self.failed:
            self.failed = False
            self._schedule_scripted(self.game.current_role or "")
            self.refresh_table()

    def _decide(self) -> None:
        self._timer = None
        self.run_worker(
            self.game.scripted_move,
            thread=True,
            group="scripted",
            exclusive=True,
            exit_on_error=False,
        )

    @on(Worker.StateChanged)
    def _scripted_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "scripted":
            return
        if event.state == WorkerState.SUCCESS:
            move = event.worker.result
            self.thinking = False
            self.note = None
            self.submit(move.action, rationale=move.rationale)
        elif event.state == WorkerState.ERROR:
            self.thinking, self.failed = False, True
            self.note = literal(
                f"A scripted seat failed ({event.worker.error}); space tries again", "bold red"
            )
            self.refresh_table()

    # -- acting --------------------------------------------------------------------------
    def action_act(self, kind: str) -> None:
        """Open the form for ``kind`` (or refuse it with the engine's reason)."""
        role = self.game.current_role
        if kind not in self.legal():
            if role is not None and not self.game.is_human(role):
                self.refuse(f"{self.game.motion.role_by_id[role].name} (scripted) is to play")
            else:
                self.refuse(why_not(self.game.state, role, kind))
            return
        assert role is not None
        # The player is acting: the recap toast has done its job and must not cover the form
        # (nor come after it, for a player quicker than the table's first complete frame).
        self.app.clear_notifications()
        self._recapped = self.game.state.turn_no
        if kind == "pass":
            self._confirm_pass(role)
            return
        self.app.push_screen(open_form(kind, self.game.state, role), self._form_done)

    def _confirm_pass(self, role: str) -> None:
        from debate.tui.screens.replay_dialogs import ConfirmDialog

        costs = pass_costs(self.game.state, role)
        question = Text("End your turn now?", style="bold")
        for line in costs or ["Nothing is lost: you have no action left to take."]:
            question.append("\n• " + line, style="")

        def answered(ok: object) -> None:
            if ok:
                self.submit(Pass())

        self.app.push_screen(ConfirmDialog(question, ok="End turn"), answered)

    def _form_done(self, action: Action | None) -> None:
        if action is not None:
            self.submit(action)

    def submit(self, action: Action, rationale: str | None = None) -> bool:
        """Send ``action`` to the controller (engine, then store); show the outcome."""
        from debate.store.errors import SequenceConflict, StoreError

        actor = self.game.current_role
        try:
            self.game.submit(action, rationale=rationale)
        except IllegalAction as e:
            self.refuse(e.reason)
            return False
        except SequenceConflict:
            # Another screen on this session played first; the controller has reloaded.
            self.note = literal("The game moved on (another screen played first).", "bold yellow")
            self.notify("The game moved on", title="Not saved", severity="warning")
            self.advance()
            return False
        except StoreError as e:
            self.note = literal(self.app.redact(f"Not saved, so not played: {e}"), "bold red")
            self.notify(str(e), title="Saving failed", severity="error", markup=False)
            self.refresh_table()
            return False
        self.note = None
        if self.game.coaching and actor and self.game.is_human(actor):
            self._coach(actor)
        self.advance()
        return True

    def _coach(self, role: str) -> None:
        """At the end of the human seat's turn: the coach's better move, if there was one."""
        from debate.history.transcript import rationale_text

        state = self.game.state
        if state.current_role == role and state.actions_this_turn != 0:
            return  # the turn goes on
        turns = self.game.turns_of(role)
        if not turns:
            return
        advice = self.game.advice_for(*turns[-1])
        self.advice = advice
        if advice is not None:
            self.notify(
                f"You could have chosen to {advice.move}: {rationale_text(advice.why)} "
                f"(+{advice.gain:g} for your objectives).",
                title="Coach: a missed opportunity",
                timeout=15,
                markup=False,
            )

    #: Whether this table may offer coaching at all (a hosted game's seat is in a seminar).
    coaching_offered = True

    def action_coach(self) -> None:
        """Coaching on or off (solo practice only, never in a seminar)."""
        if not (self.coaching_offered and self.game.can_coach):
            self.notify("Coaching is for solo practice: it stays off with several players.",
                        markup=False)
            return
        self.game.coaching = not self.game.coaching
        state = "on: after each of your turns" if self.game.coaching else "off"
        self.notify(f"Coaching {state}.", markup=False)

    def refuse(self, reason: str) -> None:
        """Show why an action was refused; nothing else changes."""
        self.note = literal(f"Refused: {reason}", "bold red")
        self.notify(reason, title="Refused", severity="warning", markup=False)
        self.refresh_table()

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("act-"):
            self.action_act(event.button.id.removeprefix("act-"))

    def action_tab(self, name: str) -> None:
        self.query_one("#side", TabbedContent).active = TABS[name]
