"""Issue 10, item 1 on the screens: escape sequences in a session title, a player's name, a
speech or a note (from a crafted database, or typed) are shown as visible stand-ins in the
lobby's lists, the hand-over screen, the debate table and the replay, never sent raw."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tui_helpers import wait_for

from debate.engine import Speak
from debate.motions import Motion
from debate.play import GameController
from debate.store import Seat, open_store
from debate.tui import create_app
from debate.tui.screens.handover import HandOverScreen
from debate.tui.screens.replay import ReplayScreen, open_replay_screen
from debate.tui.screens.replay_sessions import ReplaySessionsScreen
from debate.tui.screens.sessions import SessionsScreen

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"


def obeyed(svg: str) -> list[str]:
    """Characters of a screenshot a terminal would obey (there should be none)."""
    return [c for c in ("\x1b", "\x07", "\x9b", "\u202e") if c in svg]


def crafted_game(path: Path, motion: Motion) -> GameController:
    """A game whose title and a player's name hold escape sequences (written straight into
    the database, as a crafted file would), with a hostile speech and a hostile note."""
    store = open_store(str(path))
    seats = [Seat("kyiv", "Ana", "human"), Seat("kremlin", "Bot", "scripted", "easy"),
             Seat("washington", "Ben", "human"), Seat("brussels", "Bot", "scripted", "easy")]
    game = GameController.start(store, motion, seats, seed=2)
    game.submit(Speak(text=f"Hear me {OSC52} out {CLEAR}\u202eright-to-left"))
    store.annotate(game.session_id, 0, "Dr Ivanova", f"note {OSC52} here")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE sessions SET title = ?", (f"Seminar {OSC52}{CLEAR}",))
    conn.execute("UPDATE seats SET player = ? WHERE role = 'washington'", (f"Ben{CLEAR}",))
    conn.commit()
    conn.close()
    return GameController.resume(store, game.session_id)


async def test_the_lobby_lists_show_escape_sequences_as_stand_ins(
    tmp_path: Path, main_motion: Motion
) -> None:
    game = crafted_game(tmp_path / "games.db", main_motion)
    app = create_app(store=game.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")  # Continue
        await wait_for(pilot, lambda: isinstance(app.screen, SessionsScreen))
        await pilot.pause()
        shot = app.export_screenshot()
        assert obeyed(shot) == [] and "␛]52;c;aGVsbG8=" in shot  # BEL: stripped or shown
        await pilot.press("escape")
        await pilot.press("r")  # Replay
        await wait_for(pilot, lambda: isinstance(app.screen, ReplaySessionsScreen))
        await pilot.pause()
        assert obeyed(app.export_screenshot()) == []


async def test_the_hand_over_screen_shows_a_hostile_name_as_stand_ins(
    tmp_path: Path, main_motion: Motion
) -> None:
    app = create_app(store=open_store(str(tmp_path / "g.db")))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(HandOverScreen(main_motion, "washington", f"Ben{OSC52}"))
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.pause()
        shot = app.export_screenshot()
        assert obeyed(shot) == [] and "Ben␛]52" in shot


async def test_the_table_and_the_replay_show_hostile_speech_and_notes_as_stand_ins(
    tmp_path: Path, main_motion: Motion
) -> None:
    game = crafted_game(tmp_path / "games.db", main_motion)
    app = create_app(store=game.store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.press("space")  # Ana takes the keyboard
        await wait_for(pilot, lambda: getattr(app.screen, "shown_seq", -1) >= 1)
        await pilot.pause()
        shot = app.export_screenshot()
        assert obeyed(shot) == [] and "Hear&#160;me&#160;␛]52" in shot

    replay: Any = create_app(
        store=game.store,
        on_ready=lambda a: open_replay_screen(a, game.session_id, start=1, confirmed=True),
    )
    async with replay.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(replay.screen, ReplayScreen))
        await pilot.pause()
        for tab in ("1", "2", "3", "4", "5"):
            await pilot.press(tab)
            await pilot.pause()
            assert obeyed(replay.export_screenshot()) == [], tab
