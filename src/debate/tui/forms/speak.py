"""Speak: a speech, the claims it cites from the bank, the criteria it invokes."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.widget import Widget
from textual.widgets import Label, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from debate.engine import Action, GameState, Speak
from debate.engine.actions import MAX_SPEECH
from debate.history.transcript import criterion_name
from debate.tui.forms.base import ActionForm
from debate.tui.widgets.toggles import Picks


def claim_selections(state: GameState) -> list[Selection[str]]:
    return [Selection(Text(f"{c.id}: {c.text}"), c.id) for c in state.motion.claims]


def criterion_selections(state: GameState) -> list[Selection[str]]:
    return [Selection(Text(criterion_name(c)), c) for c in state.motion.criterion_weights]


def length_note(text: str, limit: int = MAX_SPEECH) -> Text:
    """``123/2,000 characters``, in red with the excess once over the limit."""
    count = len(text)
    if count > limit:
        return Text(f"{count:,}/{limit:,} characters: too long by {count - limit:,}", "bold red")
    return Text(f"{count:,}/{limit:,} characters", "dim")


class SpeakForm(ActionForm):
    TITLE_TEXT = "Speak: make your argument"

    def body(self) -> Iterable[Widget]:
        yield Label("Your speech (shown exactly as typed):")
        yield TextArea(id="speech", soft_wrap=True, classes="speech", compact=True)
        yield Label(length_note(""), id="speech-count")
        yield Label("Claims you cite (space to tick):")
        yield Picks(
            *claim_selections(self.state), id="claims", classes="picks", compact=True
        )
        yield Label("Criteria you invoke (answers challenges on them):")
        yield Picks(
            *criterion_selections(self.state), id="criteria", classes="picks", compact=True
        )

    def on_mount(self) -> None:
        self.query_one("#speech", TextArea).focus()

    @on(TextArea.Changed, "#speech")
    def _count(self, event: TextArea.Changed) -> None:
        self.query_one("#speech-count", Label).update(length_note(event.text_area.text))

    def build(self) -> Action | str:
        text = self.query_one("#speech", TextArea).text
        if not text.strip():
            return "Write something to say first."
        if len(text) > MAX_SPEECH:
            return f"A speech is limited to {MAX_SPEECH:,} characters; this one has {len(text):,}."
        claims = tuple(self.query_one("#claims", SelectionList).selected)
        criteria = tuple(self.query_one("#criteria", SelectionList).selected)
        return Speak(text=text, claims=claims, criteria=criteria)
