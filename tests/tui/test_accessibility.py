"""Accessibility: focus visible in every theme, toggles readable without colour, text and
role labels at WCAG AA contrast, the theme remembered, the lobby driven by arrow keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Button, Input, Select
from tui_helpers import plain, wait_for

from debate.motions import load_motion
from debate.tui import create_app
from debate.tui.contrast import AA, contrast
from debate.tui.screens.seats import SeatsScreen
from debate.tui.settings import config_path
from debate.tui.text import role_label
from debate.tui.widgets.toggles import OnOffSwitch, Picks, StateRadioButton

ROOT = Path(__file__).resolve().parents[2]
THEMES = ["textual-light", "high-contrast", "textual-dark"]
MOTIONS = [load_motion(p) for p in sorted((ROOT / "motions").glob("*.toml"))]


def grounds(app) -> dict[str, str]:
    v = app.get_css_variables()
    return {k: v[k][:7] for k in ("background", "surface", "panel")}


@pytest.mark.parametrize("theme", THEMES)
async def test_body_text_and_role_labels_reach_aa(theme: str) -> None:
    app = create_app(theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        v = app.get_css_variables()
        for name, ground in grounds(app).items():
            ratio = contrast(v["foreground"][:7], ground)
            assert ratio >= AA, f"body text on {name}: {ratio:.2f}:1"
            for motion in MOTIONS:
                for role in motion.roles:
                    style = Style.parse(str(role_label(motion, role.id).spans[0].style))
                    colour = style.color.get_truecolor()  # type: ignore[union-attr]
                    hex_colour = "#{:02X}{:02X}{:02X}".format(*colour)
                    ratio = contrast(hex_colour, ground)
                    assert ratio >= AA, f"{role.name} ({role.color}) on {name}: {ratio:.2f}:1"


def focus_mark(widget) -> tuple[bool, str]:
    """What tells a focused widget apart: reverse video, and its left border."""
    target = widget.query_one("SelectCurrent") if isinstance(widget, Select) else widget
    return bool(target.styles.text_style.reverse), str(widget.styles.border_left[0])


@pytest.mark.parametrize("theme", THEMES)
async def test_focus_is_reverse_video_or_a_border_in_every_theme(store, theme: str) -> None:
    app = create_app(store=store, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SeatsScreen(MOTIONS[0]))
        await wait_for(pilot, lambda: isinstance(app.screen, SeatsScreen))
        await pilot.pause()
        screen = app.screen
        kinds = Input | Select | Button
        widgets = [w for w in screen.query("*") if isinstance(w, kinds) and w.focusable]
        assert len(widgets) >= 4
        app.set_focus(None)
        await pilot.pause()
        blurred = {w: focus_mark(w) for w in widgets}
        for w in widgets:
            w.focus()
            await pilot.pause()
            focused = focus_mark(w)
            assert focused != blurred[w], f"{w!r}: focus is not visible"
            assert focused[0] or focused[1] not in ("", "none", "blank")


async def test_toggles_show_their_state_in_words() -> None:
    from textual.app import App, ComposeResult

    class Toggles(App[None]):
        def compose(self) -> ComposeResult:
            yield StateRadioButton("a", value=True, id="on")
            yield StateRadioButton("b", value=False, id="off")
            yield OnOffSwitch(value=True, id="sw")
            yield Picks(("x", "x", True), ("y", "y", False), id="picks")

    app = Toggles()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        assert app.query_one("#on")._button.plain == "(•)"
        assert app.query_one("#off")._button.plain == "( )"
        switch = app.query_one("#sw", OnOffSwitch)
        assert "on" in plain(switch.render())
        switch.value = False
        assert "off" in plain(switch.render())
        picks = app.query_one("#picks", Picks)
        lines = ["".join(s.text for s in picks.render_line(y)) for y in range(2)]
        assert lines[0].startswith("[x]") and lines[1].startswith("[ ]")


async def test_the_chosen_theme_is_remembered(store, monkeypatch) -> None:
    app = create_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        app.action_theme("high-contrast")
        await pilot.pause()
    assert 'theme = "high-contrast"' in config_path().read_text()
    again = create_app(store=store)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "high-contrast"
    monkeypatch.setenv("DEBATE_THEME", "light")  # what `debate --theme light` sets
    asked = create_app(store=store)
    async with asked.run_test(size=(80, 24)):
        assert asked.theme == "textual-light"


def test_an_unknown_theme_is_bad_input() -> None:
    from typer.testing import CliRunner

    from debate.cli import app

    result = CliRunner().invoke(app, ["--theme", "purple", "sessions"])
    assert result.exit_code == 2 and "unknown theme" in result.output


async def test_the_lobby_menu_works_with_arrow_keys_and_enter(store) -> None:
    app = create_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "down")  # New game, Host, Join, Continue, Replay
        lines = plain(app.screen.query_one("#lobby-menu").content).splitlines()
        assert [line for line in lines if "▸" in line] == [next(x for x in lines if "Replay" in x)]
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReplaySessionsScreen")
