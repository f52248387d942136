"""Snapshots of the lobby, the debate table, the debrief, the hand-over, the vote form and
the confirmations (replaying a game in play, passing) at 80x24 and 120x40.

Deterministic: fixed games (no scripted randomness, see tui_helpers), a temporary SQLite
database, no clock on screen. After an intended change of the screens (or of the scorer's
figures they show), review the diff and update with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

import pytest
from tui_helpers import (
    KYIV_ANSWERS,
    OPENING,
    pass_to_the_end,
    play,
    solo_seats,
    table_complete,
    wait_for,
)

from debate.motions import Motion
from debate.play import GameController
from debate.tui import create_app
from debate.tui.screens.debrief import DebriefScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


#: The lobby names the database; a snapshot must not show the test's temporary path.
SHOWN_DB = "/home/student/.local/share/debate-guarantees/debate.db"


@pytest.mark.parametrize("size", SIZES)
def test_lobby(snap_compare, store, size: tuple[int, int], monkeypatch) -> None:
    monkeypatch.setattr("debate.tui.screens.lobby.saves_location", lambda _app: SHOWN_DB)
    assert snap_compare(create_app(store=store), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_debate_table(snap_compare, store, main_motion: Motion, size: tuple[int, int]) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)  # Kyiv to play, with a demand to answer
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))

    async def table_filled(pilot) -> None:
        await wait_for(pilot, lambda: table_complete(pilot.app.screen, 8))

    assert snap_compare(app, terminal_size=size, run_before=table_filled)


@pytest.mark.parametrize("size", SIZES)
def test_debrief(snap_compare, store, main_motion: Motion, size: tuple[int, int]) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING + KYIV_ANSWERS)  # Washington leaves Kyiv's challenge unanswered
    pass_to_the_end(game, accept=True)
    app = create_app(
        store=store,
        on_ready=lambda a: a.push_screen(
            DebriefScreen(GameController.resume(a.store, game.session_id))
        ),
    )

    async def debrief_shown(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=debrief_shown)


@pytest.mark.parametrize("size", SIZES)
def test_hand_over_with_recap(snap_compare, store, main_motion: Motion, size) -> None:
    from debate.store import Seat

    seats = [
        Seat("kyiv", "Ana", "human"),
        Seat("kremlin", "Kremlin (normal)", "scripted", "normal"),
        Seat("washington", "Ben", "human"),
        Seat("brussels", "Brussels (normal)", "scripted", "normal"),
    ]
    game = GameController.start(store, main_motion, seats, seed=1)
    play(game, OPENING)  # everyone has played once: Ana's turn comes back
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))

    async def hand_over_shown(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "HandOverScreen")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=hand_over_shown)


@pytest.mark.parametrize("size", SIZES)
def test_vote_form_states_the_rule(snap_compare, store, main_motion: Motion, size) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)
    while not game.state.in_vote or game.current_role != "kyiv":
        from debate.engine import Pass, Vote

        action = Vote(accept=True) if game.state.in_vote else Pass()
        game.submit(action, rationale=None if game.is_human(game.current_role) else "passes")
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))

    async def vote_form(pilot) -> None:
        await wait_for(pilot, lambda: "vote" in getattr(pilot.app.screen, "legal", lambda: ())())
        # As a player meets it: the recap toast is on the table when the key is pressed; the
        # form must not show it, neither above the form nor on the table beneath.
        await wait_for(pilot, lambda: pilot.app.screen.query("Toast"))
        await pilot.press("v")
        await wait_for(pilot, lambda: pilot.app.screen.query("#vote-rule"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=vote_form)


@pytest.mark.parametrize("size", SIZES)
def test_replay_of_a_game_in_play_asks_first(
    snap_compare, store, main_motion: Motion, size, monkeypatch
) -> None:
    from debate.tui.screens.replay import open_replay_screen

    # The dialog names the session and the lobby behind it the database: fix both.
    monkeypatch.setattr("debate.store.repository.sessions.secrets.token_hex", lambda _n: "5e55101d")
    monkeypatch.setattr("debate.tui.screens.lobby.saves_location", lambda _app: SHOWN_DB)
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)  # still being played: a replay would show every private brief
    app = create_app(store=store, on_ready=lambda a: open_replay_screen(a, game.session_id))

    async def asked(pilot) -> None:
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ConfirmDialog")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=asked)


@pytest.mark.parametrize("size", SIZES)
def test_passing_says_what_it_costs(snap_compare, store, main_motion: Motion, size) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)  # Kyiv to play, with a demand waiting for an answer
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))

    async def pass_asked(pilot) -> None:
        await wait_for(pilot, lambda: table_complete(pilot.app.screen, 8))
        await pilot.press("x")
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ConfirmDialog")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=pass_asked)
