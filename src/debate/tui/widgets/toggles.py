"""Toggles whose state reads without colour: ``[x]``/``[ ]``, ``(•)``/``( )``, on/off.

Textual's own toggles show the same glyph on and off and tell them apart by colour only;
these subclasses draw the state itself, in every theme.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList, Switch

CHECKED, UNCHECKED = "[x]", "[ ]"
PRESSED, UNPRESSED = "(•)", "( )"


_TOGGLE_CSS = """
{name} > .toggle--button {{ color: $foreground; background: $panel; }}
{name}.-on > .toggle--button {{ color: $foreground; background: $panel; text-style: bold; }}
"""


class StateCheckbox(Checkbox):
    DEFAULT_CSS = _TOGGLE_CSS.format(name="StateCheckbox")

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled(CHECKED if self.value else UNCHECKED, style)


class StateRadioButton(RadioButton):
    DEFAULT_CSS = _TOGGLE_CSS.format(name="StateRadioButton")

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled(PRESSED if self.value else UNPRESSED, style)


class Picks(SelectionList[str]):
    """A selection list whose boxes read ``[x]`` when chosen and ``[ ]`` when not."""

    DEFAULT_CSS = """
    Picks > .selection-list--button, Picks > .selection-list--button-highlighted {
        color: $foreground; background: $panel;
    }
    Picks > .selection-list--button-selected,
    Picks > .selection-list--button-selected-highlighted {
        color: $foreground; background: $panel; text-style: bold;
    }
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3:
            return strip
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except Exception:  # past the last option
            return strip
        text = CHECKED if option.value in self._selected else UNCHECKED
        _, button, _, *rest = segments
        return Strip([Segment(text, button.style), *rest], strip.cell_length)


class OnOffSwitch(Switch):
    """A switch that says ``on`` or ``off`` beside its slider."""

    def render(self) -> Any:
        return Text.assemble(
            ("■ on " if self.value else "□ off", "bold" if self.value else ""),
        )

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 5
