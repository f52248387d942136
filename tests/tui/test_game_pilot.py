"""Pilot tests of the game, driven by key presses like a player at the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input, TextArea
from tui_helpers import (
    OPENING,
    plain,
    play,
    run_palette_command,
    solo_seats,
    strip_text,
    wait_for,
    wait_for_table,
)

from debate.engine import Pass, Propose
from debate.motions import Motion
from debate.play import GameController
from debate.store import Seat, open_store
from debate.tui import create_app
from debate.tui.screens.debrief import DebriefScreen
from debate.tui.screens.handover import HandOverScreen
from debate.tui.screens.seats import SeatsScreen
from debate.tui.screens.stress import StressScreen
from debate.tui.screens.table import TableScreen
from debate.tui.widgets import BriefPanel, StatusLine, Transcript
from debate.vocabulary.commitments import OwnForces

MARKUP = "[bold red]x[/] and [link=http://x]y[/link]"


async def start_solo_by_keys(pilot, name: str = "Ana", seed: str = "7") -> TableScreen:
    """Lobby -> New game -> first motion (the article's) -> seats -> Start."""
    app = pilot.app
    await pilot.press("n")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "MotionsScreen")
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, SeatsScreen))
    await pilot.press(*name)
    app.screen.query_one("#seed", Input).value = seed
    await pilot.press("ctrl+s")
    return await wait_for_table(pilot)


async def pass_by_keys(pilot) -> None:
    """x, then confirm in the dialog that says what passing costs."""
    await pilot.press("x")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ConfirmDialog")
    await pilot.press("y")
    await pilot.pause()


async def speak_by_keys(pilot, text: str) -> None:
    await pilot.press("s")
    await wait_for(pilot, lambda: pilot.app.screen.query(TextArea))
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_complete_solo_game_from_lobby_to_debrief(store, main_motion: Motion) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await start_solo_by_keys(pilot)
        game = table.game
        assert game.motion.id == "guarantees" and game.seat("kyiv").player == "Ana"
        turns = 0
        while not game.finished:
            await wait_for(pilot, lambda: game.finished or table.legal())
            if game.finished:
                break
            if "vote" in table.legal():
                await pilot.press("v")
                await wait_for(pilot, lambda: type(app.screen).__name__ == "VoteForm")
                await pilot.press("ctrl+s")  # nothing chosen in advance: refused
                await pilot.pause()
                assert type(app.screen).__name__ == "VoteForm"
                app.screen.query_one("#pick").value = "yes"
                await pilot.press("ctrl+s")
                await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
                await pilot.press("y")
            else:
                await speak_by_keys(pilot, f"Kyiv speaks, turn {turns}")
                if table.legal():  # one action left in the turn: end it
                    await pass_by_keys(pilot)
            turns += 1
            await pilot.pause()
        assert turns == 5  # opening, three negotiation rounds, the vote
        await wait_for(pilot, lambda: isinstance(app.screen, StressScreen))
        assert "The vote" in plain(app.screen.query_one("#stress-body").content)
        for _ in range(len(app.screen.results) + 1):
            await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
    saved = store.load(game.session_id)
    assert saved.info.status == "finished"
    assert list(saved.events) == game.events
    kyiv_speeches = [e for e in saved.events if e.actor == "kyiv" and e.action.type == "speak"]
    assert len(kyiv_speeches) == 4
    assert all(e.rationale for e in saved.events if e.actor != "kyiv")


async def test_hot_seat_hand_over_hides_the_previous_brief(store, main_motion: Motion) -> None:
    seats = [
        Seat("kyiv", "Ana", "human"),
        Seat("kremlin", "Bot", "scripted", "normal"),
        Seat("washington", "Ben", "human"),
        Seat("brussels", "Bot", "scripted", "normal"),
    ]
    game = GameController.start(store, main_motion, seats, seed=2)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    kyiv_brief = main_motion.role_by_id["kyiv"].brief.summary
    washington_brief = main_motion.role_by_id["washington"].brief.summary
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.press("enter")  # Ana takes the keyboard
        table = await wait_for_table(pilot)
        brief = table.query_one(BriefPanel)
        assert brief.role == "kyiv"
        assert kyiv_brief[:40] in plain(brief.query_one("#brief-body").content)
        await pass_by_keys(pilot)  # Ana passes; the Kremlin plays; then it is Ben's turn
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        assert game.current_role == "washington"
        shown = plain(brief.query_one("#brief-body").content)
        assert brief.role is None and kyiv_brief[:40] not in shown
        assert "Ben" in plain(app.screen.query_one("#handover").content)
        assert table.legal() == ()  # nobody can act behind the hand-over screen
        await pilot.press("space")
        await wait_for_table(pilot)
        assert brief.role == "washington"
        assert washington_brief[:40] in plain(brief.query_one("#brief-body").content)


async def test_an_illegal_action_is_refused_with_the_engines_reason(
    store, main_motion: Motion
) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await start_solo_by_keys(pilot)
        assert "vote" not in table.legal() and "challenge" not in table.legal()
        await pilot.press("v")  # not offered: the key does nothing
        await pilot.pause()
        assert table.game.state.seq == 0 and table.note is None
        await run_palette_command(pilot, "Action: Vote")
        await wait_for(pilot, lambda: table.note is not None)
        status = plain(table.query_one(StatusLine).content)
        assert "Refused: 'vote' is not allowed in the Opening statements phase" in status
        assert table.game.state.seq == 0
        assert store.load(table.game.session_id).events == ()


async def test_continue_resumes_a_game_after_the_app_was_closed(db_path: Path) -> None:
    first = open_store(str(db_path))
    app = create_app(store=first, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await start_solo_by_keys(pilot)
        await speak_by_keys(pilot, "Before the break")
        session_id, seq = table.game.session_id, table.game.state.seq
    first.close()  # the terminal is gone; only the database remains

    second = open_store(str(db_path))
    app = create_app(store=second, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await wait_for(
            pilot,
            lambda: (
                type(app.screen).__name__ == "SessionsScreen"
                and app.screen.query_one("#session-list").highlighted == 0
            ),
        )
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        assert table.game.session_id == session_id and table.game.state.seq == seq
        assert "Before the break" in strip_text(table.query_one(Transcript))
        await wait_for(pilot, lambda: table.legal())
        await speak_by_keys(pilot, "After the break")
        assert table.game.events[seq].action.text == "After the break"
        assert [e.action.type for e in table.game.events[: seq + 1]].count("speak") == 2
    second.close()


async def test_markup_typed_by_players_is_shown_literally(store, main_motion: Motion) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await start_solo_by_keys(pilot, name="[b]Ana[/b]")
        assert table.game.seat("kyiv").player == "[b]Ana[/b]"
        assert "[K] Kyiv ([b]Ana[/b]) to play" in plain(table.query_one(StatusLine).content)
        await speak_by_keys(pilot, MARKUP)
        assert table.game.events[0].action.text == MARKUP
        transcript = strip_text(table.query_one(Transcript))
        assert MARKUP in transcript
        await pilot.press("escape", "y")  # to the lobby (confirmed); the saved game lists the name
        await pilot.press("c")
        await wait_for(
            pilot,
            lambda: (
                type(app.screen).__name__ == "SessionsScreen"
                and app.screen.query_one("#session-list").option_count == 1
            ),
        )
        listing = app.screen.query_one("#session-list")
        assert "[b]Ana[/b]" in str(listing.get_option_at_index(0).prompt)


async def test_too_long_input_is_refused_with_a_clear_message(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_table(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen.query(TextArea))
        app.screen.query_one(TextArea).text = "x" * 2001
        await pilot.pause()
        assert "too long by 1" in plain(app.screen.query_one("#speech-count").content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = plain(app.screen.query_one("#form-error").content).strip()
        assert error == "A speech is limited to 2,000 characters; this one has 2,001."
        assert game.events == []


async def test_the_table_shows_the_package_scores_and_rationales(
    store, main_motion: Motion
) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_table(pilot)
        text = strip_text(table.query_one(Transcript))
        assert "[R] Kremlin demands of Kyiv (d1)" in text
        assert "why: Demands demilitarisation (demilitarisation push)" in text  # prose
        package = plain(table.query_one("#package-body").content)
        assert "c5" in package
        assert set(table.legal()) >= {"accept", "reject", "challenge", "speak", "pass"}
        await pilot.press("2")
        await pilot.pause()
        index = plain(table.query_one("#score-index").content)
        assert f"{game.scores.index():.1f}" in index


async def test_help_themes_and_palette_work_from_the_keyboard(store) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LobbyScreen")
        for label, theme in (("light", "textual-light"), ("high contrast", "high-contrast")):
            await run_palette_command(pilot, f"Theme: {label}")
            await wait_for(pilot, lambda theme=theme: app.theme == theme)


async def test_the_palette_hosts_and_joins_games_except_hosting_from_a_browser(store) -> None:
    from debate.tui.commands import GameCommands

    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette_command(pilot, "Join a game")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "JoinScreen")
        await pilot.press("escape")
        await run_palette_command(pilot, "Host a game")
        await wait_for(pilot, lambda: getattr(app.screen, "purpose", None) == "host")
    served = create_app(store=store, restricted=True)
    async with served.run_test(size=(80, 24)):
        titles = [title for title, _, _ in GameCommands(served.screen).entries()]
        assert "Join a game" in titles and "Host a game" not in titles


async def test_a_commitment_is_proposed_from_the_keyboard(store, main_motion: Motion) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await start_solo_by_keys(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CommitmentForm")
        # The form opens in its first field (the kind); Tab goes on to the size.
        assert app.focused is not None and app.focused.id == "kind"
        await pilot.press("tab", *"750000")
        assert isinstance(app.focused, Input) and app.focused.value == "750000"
        for field in ("f-readiness", "f-equipment"):
            await pilot.press("tab", "enter", "down", "enter")  # open, pick the first choice
            assert app.focused is not None and app.focused.id == field
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: table.game.state.commitments)
        tabled = table.game.state.commitments["c1"]
        assert tabled.owner == "kyiv" and tabled.terms.kind == "own_forces"
        assert tabled.terms.size == 750_000  # type: ignore[union-attr]
        assert store.load(table.game.session_id).events[-1].action.type == "propose"


async def test_a_seed_the_store_cannot_hold_is_refused_on_the_seats_screen(store) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MotionsScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SeatsScreen))
        await pilot.press(*"Ana")
        app.screen.query_one("#seed", Input).value = str(2**64)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SeatsScreen)  # still here, saying why
        error = app.screen.query_one("#seats-error")
        assert "between -2^63 and 2^63 - 1" in plain(error.render())
    assert store.list_sessions() == []


async def test_continue_on_a_session_deleted_meanwhile_says_so(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), 7, title="Gone")
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SessionsScreen")
        store.delete(game.session_id)  # e.g. `debate delete` from another terminal
        await pilot.press("enter")
        await wait_for(pilot, lambda: app._notifications)
        (note,) = list(app._notifications)
        assert note.title == "Cannot continue" and game.session_id in note.message
        assert type(app.screen).__name__ == "SessionsScreen"


async def test_no_transcript_line_hides_under_the_scrollbar(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), 7, title="Long")
    play(game, OPENING)
    while not game.state.in_vote:  # a turn for every seat: the transcript overflows 80x24
        game.submit(Pass(), rationale=None if game.is_human(game.current_role) else "passes")
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        app.resume(game.session_id)
        table = await wait_for_table(pilot)
        await pilot.pause(0.3)
        transcript = table.query_one(Transcript)
        assert transcript.show_vertical_scrollbar
        visible = transcript.scrollable_content_region.width
        assert max(line.cell_length for line in transcript.lines) <= visible
        assert transcript.scroll_y == transcript.max_scroll_y > 0  # the newest entry in view

        # A narrower terminal: the entries wrap again to the new width (RichLog, which the
        # transcript used to be, kept the width they were written at), still at the end.
        words = strip_text(transcript).split()
        await pilot.resize_terminal(64, 24)
        await pilot.pause(0.3)
        narrower = transcript.scrollable_content_region.width
        assert narrower < visible
        assert max(line.cell_length for line in transcript.lines) <= narrower
        assert strip_text(transcript).split() == words
        assert transcript.scroll_y == transcript.max_scroll_y > 0

        # Entries added below the scrollbar (no new layout of the screen) are scrolled to,
        # and the scrollbar knows how many lines there are now.
        before = len(transcript.lines)
        for i in range(3):
            transcript.write(Text(f"Entry {i} added"))
        await pilot.pause(0.3)
        assert len(transcript.lines) == before + 3
        assert transcript.vertical_scrollbar.window_virtual_size == len(transcript.lines)
        assert transcript.scroll_y == transcript.max_scroll_y
        bottom = transcript.render_line(transcript.size.height - 1).text.rstrip()
        assert bottom == "Entry 2 added"  # drawn on the last row

        # A reader scrolled back to the start stays there when the panel's height changes.
        transcript.scroll_to(y=0, animate=False)
        await pilot.pause()
        await pilot.resize_terminal(64, 20)
        await pilot.pause(0.3)
        assert transcript.scroll_y == 0 < transcript.max_scroll_y


async def test_a_form_with_a_single_choice_starts_on_it(store, main_motion: Motion) -> None:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await start_solo_by_keys(pilot)
        game = table.game
        table.submit(Propose(commitment=OwnForces(by="kyiv", size=700_000, readiness="high",
                                                  equipment="adequate")))
        await pass_by_keys(pilot)  # end the opening turn; amending opens in the negotiation
        await wait_for(pilot, lambda: "amend" in table.legal())
        await pilot.press("m")  # amend: Kyiv has exactly one commitment
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CommitmentForm")
        await pilot.pause()
        size = app.screen.query_one("#f-size", Input)
        assert size.value == "700000"  # the only commitment is picked, its terms filled in
        size.value = "750000"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: game.state.commitments["c1"].amended)
        assert game.state.commitments["c1"].terms.size == 750_000  # type: ignore[union-attr]


def test_every_action_on_the_action_bar_opens_a_form_or_a_confirmation(
    main_motion: Motion,
) -> None:
    from debate.engine import new_game
    from debate.tui.forms import FORM_KINDS, open_form
    from debate.tui.forms.base import ActionForm
    from debate.tui.widgets.action_bar import ACTIONS

    assert set(ACTIONS) == {*FORM_KINDS, "pass"}  # pass is confirmed, not filled in
    state = new_game(main_motion, [r.id for r in main_motion.roles if not r.optional])
    for kind in FORM_KINDS:
        assert isinstance(open_form(kind, state, "kyiv"), ActionForm)


@pytest.mark.parametrize("how", ["quit", "lobby"])
async def test_a_new_game_left_at_once_is_saved_all_the_same(
    how: str, store, main_motion: Motion, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `debate play MOTION` saves its new game a moment after the table shows; a player who
    # quits (or leaves for the lobby) before that still finds the game under Continue.
    from debate.tui.screens import table

    before = len(store.list_sessions())
    game = GameController.start_later(lambda: store, main_motion, solo_seats(main_motion), 5)
    # As `debate play MOTION` opens it: the table is the app's first screen.
    app = create_app(store=store, scripted_delay=0, first_screen=lambda a: a.table_for(game))
    # The moment never comes in this test (on a busy machine it could come before the check).
    monkeypatch.setattr(table, "SAVE_AFTER", 3600)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TableScreen))
        assert game.settle() is False  # not saving yet
        if how == "quit":
            await pilot.press("ctrl+q")
        else:
            first = pilot.app.screen
            app.action_lobby()
            await wait_for(pilot, lambda: not first.is_attached)  # the lobby replaced it
            assert game.settle() is True  # the table was unmounted: its save began
    assert game.settle() is True
    assert len(store.list_sessions()) == before + 1


async def test_a_quick_first_action_does_not_start_the_scripted_seats_twice(
    store, main_motion: Motion
) -> None:
    game = GameController.start_later(lambda: store, main_motion, solo_seats(main_motion), 5)
    app = create_app(store=store, scripted_delay=30, first_screen=lambda a: a.table_for(game))
    scheduled: list[str] = []
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TableScreen))
        screen = pilot.app.screen
        original = screen._schedule_scripted
        screen._schedule_scripted = lambda role: (scheduled.append(role), original(role))
        assert not screen._advanced and screen.submit(Pass())  # before the first advance
        await pilot.pause(0.2)
        assert len(scheduled) == 1 and screen.thinking
