"""What every action form shares: a title, a body, an error line, Submit and Cancel.

Forms build an action and hand it back; they never apply it. The debate table submits it
to the engine, which has the last word (its refusal is shown and nothing changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Select, Static

from debate.engine import Action, GameState
from debate.play.guidance import red_lines_crossed_by
from debate.tui.styles import APP_TCSS
from debate.tui.text import literal


def options(pairs: Iterable[tuple[object, str]]) -> list[tuple[Text, str]]:
    """Select options from (label, value) pairs, labels shown literally."""
    return [(literal(label), value) for label, value in pairs]


def pick_one(pairs: Iterable[tuple[object, str]], id: str) -> Select[str]:
    """A Select of literal options that starts on the only choice when there is just one
    (one pending demand, one own commitment): nothing to pick, so nothing to press."""
    choices = options(pairs)
    only = choices[0][1] if len(choices) == 1 else Select.NULL
    return Select(choices, id=id, value=only)


def selected(select: Select[str]) -> str | None:
    value = select.value
    return value if isinstance(value, str) else None


class ActionForm(ModalScreen[Action | None]):
    """Base class: subclasses implement :meth:`body` and :meth:`build`."""

    CSS_PATH = APP_TCSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Submit"),
    ]
    TITLE_TEXT = "Action"

    def __init__(self, state: GameState, role: str) -> None:
        super().__init__()
        self.state = state
        self.role = role
        self.motion = state.motion
        #: The action last warned about (a red line): submitting it again goes ahead.
        self.warned: Action | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(Text(self.TITLE_TEXT, style="bold"), classes="form-title")
            with VerticalScroll(classes="form-body"):
                yield from self.body()
            yield Label("", id="form-error", classes="form-error")
            with HorizontalGroup(classes="form-buttons"):
                yield Button("Submit (ctrl+s)", id="form-submit", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="form-cancel", compact=True)

    def on_mount(self) -> None:
        # Start in the first field, not on the scrolling container: a player types at once,
        # and Tab walks the fields only (a focused field scrolls itself into view).
        body = self.query_one(".form-body", VerticalScroll)
        body.can_focus = False
        first = next((w for w in body.query("*") if w.focusable), None)
        if first is not None:
            first.focus()

    def body(self) -> Iterable[Widget]:
        raise NotImplementedError

    def build(self) -> Action | str:
        """The action, or a message saying what is missing or wrong."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        label = self.query_one("#form-error", Label)
        label.remove_class("form-warning")
        label.update(literal(message))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-submit":
            event.stop()
            self.action_submit()
        elif event.button.id == "form-cancel":
            event.stop()
            self.action_cancel()

    def action_submit(self) -> None:
        from pydantic import ValidationError

        try:
            result = self.build()
        except ValidationError as e:  # e.g. a NUL character the model refuses
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            result = f"{where}: {first['msg']}" if where else str(first["msg"])
        if isinstance(result, str):
            self.show_error(result)
            return
        crossed = red_lines_crossed_by(self.state, self.role, result)
        if crossed and result != self.warned:
            self.warned = result
            self.show_warning(
                "Warning: this crosses your red line"
                + (f"s: {'; '.join(crossed)}" if len(crossed) > 1 else f": {crossed[0]}")
                + " It will cost you objective points and the debrief will record it."
                " Submit again (ctrl+s) to go ahead, or change it."
            )
            return
        self.dismiss(result)

    def show_warning(self, message: str) -> None:
        label = self.query_one("#form-error", Label)
        label.add_class("form-warning")
        label.update(literal(message))

    def action_cancel(self) -> None:
        self.dismiss(None)


def field_row(label: str, widget: Widget, error_id: str | None = None) -> HorizontalGroup:
    """A labelled row: ``label | widget | error`` (the error sits beside its field)."""
    if hasattr(widget, "compact"):  # borderless inputs: a form fits in 24 lines
        widget.compact = True
    parts: list[Widget] = [Label(literal(label), classes="field-label"), widget]
    if error_id:
        parts.append(Label("", id=error_id, classes="field-error"))
    return HorizontalGroup(*parts, classes="field-row")
