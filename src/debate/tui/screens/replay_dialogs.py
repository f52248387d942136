"""Small dialogs of the replay screen: a note, a jump to an event, an export, a yes/no.

Each returns its result through ``dismiss`` (None when cancelled) and never touches the
store itself: the replay screen saves, so that every write happens in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, Vertical
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from debate.play import MAX_NAME as MAX_PLAYER
from debate.tui.text import literal
from debate.tui.widgets.toggles import StateRadioButton

#: Longest note accepted from the dialog (the store accepts more; a note is a remark).
MAX_NOTE = 2000
MAX_AUTHOR = 80

_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80; max-width: 98%; height: auto; max-height: 96%;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} .dialog-error {{ color: $error; height: auto; }}
{name} .dialog-buttons {{ height: auto; margin-top: 1; }}
{name} .dialog-buttons Button {{ margin-right: 2; }}
"""


class _Dialog(ModalScreen[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
    ]

    def buttons(self, ok: str) -> ComposeResult:
        yield Label("", id="dialog-error", classes="dialog-error")
        with HorizontalGroup(classes="dialog-buttons"):
            yield Button(f"{ok} (ctrl+s)", id="dialog-ok", variant="primary", compact=True)
            yield Button("Cancel (esc)", id="dialog-cancel", compact=True)

    def error(self, message: str) -> None:
        self.query_one("#dialog-error", Label).update(literal(message))

    @on(Button.Pressed, "#dialog-ok")
    def _ok(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class NoteDraft:
    author: str
    text: str


class NoteDialog(_Dialog):
    """Write or edit a note (plain text; markup in it stays literal everywhere)."""

    DEFAULT_CSS = (
        _DIALOG_CSS.format(name="NoteDialog")
        + """
    NoteDialog TextArea { height: 8; }
    """
    )

    def __init__(self, where: str, author: str, text: str = "", editing: bool = False) -> None:
        super().__init__()
        self.where, self.author, self.text, self.editing = where, author, text, editing

    def compose(self) -> ComposeResult:
        with Vertical():
            title = "Edit the note" if self.editing else "Add a note"
            yield Static(Text.assemble((title, "bold"), f" {self.where}"))
            yield Label("Author")
            yield Input(
                self.author,
                id="note-author",
                max_length=MAX_AUTHOR,
                disabled=self.editing,
                compact=True,
            )
            yield Label(f"Note (at most {MAX_NOTE} characters)")
            yield TextArea(self.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield from self.buttons("Save")

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    def action_submit(self) -> None:
        author = self.query_one("#note-author", Input).value.strip()
        text = self.query_one("#note-text", TextArea).text.strip()
        if not author:
            self.error("A note needs an author.")
        elif not text:
            self.error("The note is empty.")
        elif len(text) > MAX_NOTE:
            self.error(f"Notes are limited to {MAX_NOTE} characters (this one has {len(text)}).")
        else:
            self.dismiss(NoteDraft(author, text))


class JumpDialog(_Dialog):
    """Go to an event by its number (0 is the start)."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="JumpDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, last: int) -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Go to event (0 = start, {self.last} = end)", style="bold"))
            yield Input(placeholder="event number", id="jump-to", type="integer", compact=True)
            yield from self.buttons("Go")

    def on_mount(self) -> None:
        self.query_one("#jump-to", Input).focus()

    @on(Input.Submitted, "#jump-to")
    def _entered(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        raw = self.query_one("#jump-to", Input).value.strip()
        try:
            number = int(raw)
        except ValueError:
            self.error("Type an event number.")
            return
        if not 0 <= number <= self.last:
            self.error(f"There are events 0 to {self.last}.")
            return
        self.dismiss(number)


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: Path


class ExportDialog(_Dialog):
    """Pick a format and a file for the debrief."""

    DEFAULT_CSS = (
        _DIALOG_CSS.format(name="ExportDialog")
        + """
    ExportDialog RadioSet { width: 100%; height: auto; }
    """
    )
    FORMATS: ClassVar[dict[str, str]] = {
        "md": "Markdown (.md)",
        "html": "HTML, one self-contained file (.html)",
        "json": "JSON session document (.json, re-importable)",
        "csv": "Assessment sheet (.csv, one row per human seat)",
    }

    def __init__(self, session_id: str, directory: Path) -> None:
        super().__init__()
        self.session_id = session_id
        self.directory = directory

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export the debrief", style="bold"))
            with RadioSet(id="export-format"):
                for i, (fmt, label) in enumerate(self.FORMATS.items()):
                    yield StateRadioButton(label, value=i == 0, name=fmt, id=f"export-{fmt}")
            yield Label("File")
            yield Input(str(self._path("md")), id="export-path", compact=True)
            yield from self.buttons("Export")

    def _path(self, fmt: str) -> Path:
        return self.directory / f"debrief-{self.session_id}.{fmt}"

    def _format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return (pressed.name if pressed is not None else None) or "md"

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        current = Path(path.value)
        if current.parent == self.directory or not path.value.strip():
            path.value = str(self._path(self._format()))

    def action_submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.error("Name a file to write.")
            return
        self.dismiss(ExportChoice(self._format(), Path(raw)))


class ConfirmDialog(_Dialog):
    """A yes/no question; ``y`` or Enter confirms."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ConfirmDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "cancel", "No"),
        Binding("y,enter", "submit", "Yes"),
    ]

    def __init__(self, question: Text | str, ok: str = "Yes") -> None:
        super().__init__()
        self.question, self.ok = question, ok

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                self.question if isinstance(self.question, Text) else literal(self.question),
                id="confirm-question",
            )
            with HorizontalGroup(classes="dialog-buttons"):
                yield Button(f"{self.ok} (y)", id="dialog-ok", variant="primary", compact=True)
                yield Button("Cancel (n)", id="dialog-cancel", compact=True)

    def action_submit(self) -> None:
        self.dismiss(True)


@dataclass(frozen=True)
class BranchChoice:
    """Who plays the branch: ``role`` taken over by ``player`` (a person), or nobody new."""

    role: str | None
    player: str


KEEP_SEATS = "__keep__"


class BranchDialog(_Dialog):
    """Play from here: with the same seats, or with a person taking over one scripted seat."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="BranchDialog")

    def __init__(self, point: int, scripted: list[tuple[str, str]], player: str) -> None:
        super().__init__()
        self.point, self.scripted, self.player = point, scripted, player

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text.assemble(
                    ("Play from here\n", "bold"),
                    f"A new session will hold events 1 to {self.point} of this one and open at "
                    "the debate table; this session is not changed. Scripted seats play as "
                    "they did, so take one over to try another line.",
                )
            )
            yield Label("Seats")
            options = [(Text("keep every seat as it is"), KEEP_SEATS)]
            options += [(Text(f"I take over {name}"), role) for role, name in self.scripted]
            yield Select(
                options, value=KEEP_SEATS, allow_blank=False, id="branch-seat", compact=True
            )
            yield Label("Player name (for a seat taken over)")
            yield Input(self.player, id="branch-player", max_length=MAX_PLAYER, compact=True)
            yield from self.buttons("Play")

    def on_mount(self) -> None:
        self.query_one("#branch-seat", Select).focus()

    def action_submit(self) -> None:
        seat = self.query_one("#branch-seat", Select).value
        player = self.query_one("#branch-player", Input).value.strip()
        if seat == KEEP_SEATS or not isinstance(seat, str):
            self.dismiss(BranchChoice(None, player))
        elif not player:
            self.error("A seat taken over needs a player name.")
        else:
            self.dismiss(BranchChoice(seat, player))
