"""Seats of a new game: for each role a human (with a name) or a scripted level; a seed."""

from __future__ import annotations

import random
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from debate.motions import Motion
from debate.play import DIFFICULTIES, MAX_NAME, GameController, check_player_name
from debate.tui.styles import APP_TCSS
from debate.tui.text import literal, role_label

ABSENT = "absent"
CHOICES = [("human", "human")] + [(f"scripted {d}", d) for d in DIFFICULTIES]


def seat_choices(optional: bool) -> list[tuple[Text, str]]:
    pairs = CHOICES + ([("not seated", ABSENT)] if optional else [])
    return [(Text(label), value) for label, value in pairs]


class SeatsScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+s", "start", "Start"),
    ]

    def __init__(self, motion: Motion, host: bool = False) -> None:
        super().__init__()
        self.motion = motion
        #: Host a networked game (join codes) instead of starting one on this screen.
        self.host = host

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Text.assemble(("Seats for: ", "bold"), self.motion.title), classes="screen-title"
        )
        protected = self.motion.protected.id
        with VerticalScroll(id="seats"):
            for role in self.motion.roles:
                kind = (
                    "human" if role.id == protected else ("absent" if role.optional else "normal")
                )
                with HorizontalGroup(classes="seat-row"):
                    yield Label(role_label(self.motion, role.id), classes="seat-role")
                    yield Select(
                        seat_choices(role.optional),
                        value=kind,
                        allow_blank=False,
                        id=f"kind-{role.id}",
                        compact=True,
                        classes="seat-kind",
                    )
                    yield Input(
                        placeholder=f"player name (max {MAX_NAME})",
                        id=f"name-{role.id}",
                        compact=True,
                        classes="seat-name",
                        disabled=kind != "human",
                    )
                yield Label("", id=f"err-{role.id}", classes="field-error seat-error")
            with HorizontalGroup(classes="seat-row"):
                yield Label("seed", classes="seat-role")
                yield Input(
                    str(random.randrange(1, 10_000)),
                    id="seed",
                    type="integer",
                    compact=True,
                    classes="seat-seed",
                )
            yield Label("", id="seats-error", classes="form-error")
            yield Button("Start (ctrl+s)", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#name-{self.motion.protected.id}", Input).focus()

    @on(Select.Changed)
    def _kind_changed(self, event: Select.Changed) -> None:
        role = (event.select.id or "").removeprefix("kind-")
        name = self.query_one(f"#name-{role}", Input)
        name.disabled = event.value != "human"
        self._check_name(role)

    @on(Input.Changed)
    def _name_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.input.id.startswith("name-"):
            self._check_name(event.input.id.removeprefix("name-"))

    def _check_name(self, role: str, strict: bool = False) -> str | None:
        """The problem with a human seat's name; shown beside it (an empty name only
        once Start was pressed, so the form does not open full of errors)."""
        kind = self.query_one(f"#kind-{role}", Select).value
        name = self.query_one(f"#name-{role}", Input).value
        problem = check_player_name(name) if kind == "human" else None
        shown = problem if (strict or name) else None
        self.query_one(f"#err-{role}", Label).update(literal(shown or ""))
        return problem

    @on(Button.Pressed, "#start")
    def _pressed(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        from debate.store import Seat

        seats = []
        problems = []
        for role in self.motion.roles:
            kind = self.query_one(f"#kind-{role.id}", Select).value
            name_input = self.query_one(f"#name-{role.id}", Input)
            if self.host and kind == "human" and not name_input.value.strip():
                name_input.value = role.name  # students join by code; the name is a label
            if kind == ABSENT:
                continue
            if kind == "human":
                if problem := self._check_name(role.id, strict=True):
                    problems.append(f"{role.name}: {problem}")
                    continue
                name = self.query_one(f"#name-{role.id}", Input).value.strip()
                seats.append(Seat(role.id, name, "human"))
            else:
                seats.append(Seat(role.id, f"{role.name} ({kind})", "scripted", str(kind)))
        from debate.store import StoreError, check_seed

        seed_text = self.query_one("#seed", Input).value.strip()
        if len(seed_text) > 20 or not seed_text.lstrip("-").isdigit():
            problems.append("the seed must be a whole number")
        elif problem := check_seed(int(seed_text)):
            problems.append(problem)
        error = self.query_one("#seats-error", Label)
        if problems:
            error.update(literal("; ".join(problems)))
            return
        app: Any = self.app
        if self.host:
            app.host(self.motion, seats, int(seed_text))
            return
        try:
            game = GameController.start(
                app.store, self.motion, seats, int(seed_text), title=self.motion.title
            )
        except StoreError as e:  # e.g. the database became unwritable: say so, stay here
            error.update(literal(f"could not start the game: {e.message}"))
            return
        app.begin(game)
