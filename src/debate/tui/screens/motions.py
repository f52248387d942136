"""Motions: a list with a preview (proposition, roles, public positions, source).

Used by "New game" (Enter picks the motion and goes on to the seats) and by "Motions".
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from debate.motions import Motion, default_motion_dirs
from debate.motions.validated import discover_validated
from debate.tui.styles import APP_TCSS
from debate.tui.text import role_label, shown

MAIN_MOTION = "guarantees"


def motion_preview(motion: Motion) -> RenderableType:
    parts: list[RenderableType] = [Text(motion.title, style="bold"), Text(motion.summary)]
    parts.append(Text("\nRoles and public positions", style="bold"))
    for role in motion.roles:
        line = role_label(motion, role.id)
        if role.optional:
            line.append(" (optional)", style="dim")
        line.append(": ")
        line.append(role.position)
        parts.append(line)
    src = motion.source
    cite = f"\nSource: {src.author}, {src.title}, {src.outlet}, {src.date}"
    parts.append(Text(cite + (f", {src.url}" if src.url else ""), style="dim"))
    return Group(*(shown(p) if isinstance(p, Text) else p for p in parts))


class MotionsScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "choose", "Choose", show=False),
    ]

    def __init__(self, purpose: Literal["new", "browse", "host"] = "new") -> None:
        super().__init__()
        self.purpose = purpose
        self.motions: list[Motion] = []

    def compose(self) -> ComposeResult:
        yield Header()
        title = "New game: choose a motion (Enter)" if self.purpose == "new" else "Motions"
        yield Static(Text(title, style="bold"), classes="screen-title")
        with Horizontal(id="motions"):
            yield OptionList(id="motion-list")
            with VerticalScroll(id="motion-preview-box"):
                yield Static(id="motion-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "New game" if self.purpose == "new" else "Motions"
        app: Any = self.app
        found = discover_validated(default_motion_dirs(app.motion_dirs))
        # The article's own motion first; the others in file order.
        found.sort(key=lambda pm: not (isinstance(pm[1], Motion) and pm[1].id == MAIN_MOTION))
        listing = self.query_one("#motion-list", OptionList)
        for path, motion in found:
            if isinstance(motion, Motion):
                self.motions.append(motion)
                listing.add_option(Option(Text(motion.title), id=f"m{len(self.motions) - 1}"))
            else:
                label = Text(f"{path.name}: invalid (run `debate motions check`)", style="red")
                listing.add_option(Option(label, disabled=True))
        if not self.motions:
            self.query_one("#motion-preview", Static).update(
                Text("No motion files found in ./motions or the motion directories.")
            )
        if self.motions:
            listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionHighlighted, "#motion-list")
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        motion = self._motion(event.option.id)
        if motion is not None:
            self.query_one("#motion-preview", Static).update(motion_preview(motion))

    @on(OptionList.OptionSelected, "#motion-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._start(self._motion(event.option.id))

    def action_choose(self) -> None:
        listing = self.query_one("#motion-list", OptionList)
        if listing.highlighted is not None:
            self._start(self._motion(listing.get_option_at_index(listing.highlighted).id))

    def _motion(self, option_id: str | None) -> Motion | None:
        if not option_id or not option_id.startswith("m"):
            return None
        return self.motions[int(option_id[1:])]

    def _start(self, motion: Motion | None) -> None:
        if motion is None:
            return
        from debate.tui.screens.seats import SeatsScreen

        self.app.push_screen(SeatsScreen(motion, host=self.purpose == "host"))
