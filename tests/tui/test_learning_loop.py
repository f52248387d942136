"""Pilot tests of the learning loop: the leak is closed, the index is always on screen,
rules are announced before they bite, each seat gets a recap and its own result."""

from __future__ import annotations

from tui_helpers import plain, run_palette_command, solo_seats, wait_for, wait_for_table

from debate.engine import Challenge, Pass, Propose, Speak
from debate.motions import Motion
from debate.play import GameController
from debate.store import Seat
from debate.tui import create_app
from debate.tui.screens.handover import HandOverScreen
from debate.tui.screens.replay import ReplayScreen, open_replay_screen
from debate.tui.screens.table import TableScreen
from debate.tui.widgets import StatusLine
from debate.vocabulary.commitments import Troops


def hot_seat(main_motion: Motion) -> list[Seat]:
    return [
        Seat("kyiv", "Ana", "human"),
        Seat("kremlin", "Bot", "scripted", "normal"),
        Seat("washington", "Ben", "human"),
        Seat("brussels", "Bot", "scripted", "normal"),
    ]


async def test_replaying_a_hot_seat_game_in_progress_asks_first(store, main_motion) -> None:
    game = GameController.start(store, main_motion, hot_seat(main_motion), seed=2)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await run_palette_command(pilot, "Replay a saved session")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReplaySessionsScreen")
        assert open_replay_screen(app, game.session_id)  # what choosing the session does
        await wait_for(pilot, lambda: app.screen.query("#confirm-question"))
        question = plain(app.screen.query_one("#confirm-question").content)
        assert "still being played" in question and "private brief" in question
        assert "Kyiv" in question and "Washington" in question
        await pilot.press("n")
        await pilot.pause()
        assert not any(isinstance(s, ReplayScreen) for s in app.screen_stack)
        # the instructor confirms: the replay opens
        assert open_replay_screen(app, game.session_id)
        await wait_for(pilot, lambda: app.screen.query("#confirm-question"))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, ReplayScreen))


async def test_leaving_the_table_asks_first(store, main_motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.query("#confirm-question"))
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is table


async def test_the_index_and_its_last_change_are_on_the_table_at_80x24(
    store, main_motion: Motion
) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: table.legal())
        status = table.query_one(StatusLine)
        assert status.region.width > 0 and status.region.y < 24
        line = plain(status.content, width=78)
        assert f"Index {game.scores.index():.0f}" in line


async def test_passing_says_what_it_costs(store, main_motion: Motion) -> None:
    seats = [Seat(r, "Ana" if r == "kyiv" else "Bo", "human") for r in
             ("kyiv", "kremlin", "washington", "brussels")]
    game = GameController.start(store, main_motion, seats, seed=1)
    # Washington tables troops, Kyiv challenges them; it is Washington's turn to answer
    game.submit(Pass(), "kyiv")
    game.submit(Pass(), "kremlin")
    game.submit(Propose(commitment=Troops(by="washington", size=50_000, basis="executive")),
                "washington")
    game.submit(Pass(), "washington")
    game.submit(Pass(), "brussels")
    game.submit(Challenge(commitment_id="c1", criterion="legal_durability"), "kyiv")
    game.submit(Pass(), "kyiv")
    game.submit(Speak(text="No."), "kremlin")
    game.submit(Pass(), "kremlin")
    assert game.current_role == "washington"
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        news = plain(app.screen.query_one("#handover").content)
        assert "Since your last turn" in news and "Deterrence Index moved" in news
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        assert isinstance(table, TableScreen)
        await pilot.press("x")
        await wait_for(pilot, lambda: app.screen.query("#confirm-question"))
        question = plain(app.screen.query_one("#confirm-question").content)
        assert "End your turn now?" in question and "2 unused actions" in question
        assert "challenge to c1" in question and "lapses" in question
        await pilot.press("n")
        await pilot.pause()
        assert game.current_role == "washington" and app.screen is table


async def test_the_vote_form_states_the_rule_and_confirms(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    while not game.state.in_vote:
        game.submit(Pass(), rationale=None if game.is_human(game.current_role) else "passes")
    while game.current_role != "kyiv":
        from debate.engine import Vote

        game.submit(Vote(accept=True), rationale="agrees")
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: "vote" in table.legal())
        await pilot.press("v")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VoteForm")
        rule = plain(app.screen.query_one("#vote-rule").content)
        assert "veto" in rule and "no deal" in rule
        await pilot.press("ctrl+s")  # nothing chosen: refused, stays
        await pilot.pause()
        assert "Choose accept or reject" in plain(app.screen.query_one("#form-error").content)
        app.screen.query_one("#pick").value = "no"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query("#confirm-question"))
        assert "REJECT" in plain(app.screen.query_one("#confirm-question").content)
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "VoteForm" and "kyiv" not in game.state.votes


async def test_a_seat_gets_a_recap_when_its_turn_starts(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: table.legal())
        table.submit(Pass())  # Kyiv ends its turn; the scripted seats play
        await wait_for(pilot, lambda: game.current_role == "kyiv" and table.legal())
        assert table.recap, "no recap shown"
        assert table.recap[-1].startswith("The Deterrence Index moved")
        names = {main_motion.role_by_id[r].name for r in ("kremlin", "washington", "brussels")}
        assert any(line.split(":")[0] in names for line in table.recap[:-1])


async def test_the_form_warns_before_a_red_line_is_crossed(store) -> None:
    from tui_helpers import ROOT_MOTIONS

    from debate.engine import Demand
    from debate.motions import load_motion
    from debate.vocabulary.commitments import Demilitarisation

    motion = load_motion(ROOT_MOTIONS / "demilitarisation_price.toml")
    seats = [Seat(r.id, f"P{i}", "human") for i, r in enumerate(motion.roles)]
    game = GameController.start(store, motion, seats, seed=1)
    game.submit(Demand(commitment=Demilitarisation(by="kyiv", force_cap=250_000)), "kremlin")
    while not (game.current_role == "kyiv" and game.state.phase.id == "negotiation"):
        game.submit(Pass())
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: "accept" in table.legal())
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AnswerDemandForm")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        warning = plain(form.query_one("#form-error").content)
        assert type(form).__name__ == "AnswerDemandForm", "accepted without a warning"
        assert "red line" in warning and "400,000" in warning
        assert not game.state.active_commitments()
        await pilot.press("ctrl+s")  # submitted again: the player goes ahead
        await wait_for(pilot, lambda: game.state.active_commitments())
        scores = game.scores.role_scores()
        assert scores["kyiv"].red_lines


async def test_the_debrief_opens_on_your_own_result(store, main_motion: Motion) -> None:
    from tui_helpers import OPENING, pass_to_the_end, play

    from debate.tui.screens.debrief import DebriefScreen

    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    play(game, OPENING)
    pass_to_the_end(game, accept=False)  # Kyiv vetoes: no deal
    app = create_app(store=store, on_ready=lambda a: a.push_screen(DebriefScreen(game)))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#debrief").active == "tab-result"
        text = plain(screen.query_one("#debrief-result").content, width=200)
        first = text.splitlines()[0]
        assert first.startswith("You, Kyiv: ") and "objectives met" in first
        assert "red line" in first and "index" in first and "your goal 60" in first
        assert "The package was rejected: no deal." in text
        assert "The whole table" in text and "Kremlin:" in text
        kyiv = screen.results["kyiv"]
        assert kyiv.outcome == "no_deal"
        assert kyiv.objective_score == main_motion.role_by_id["kyiv"].brief.no_deal.objective


async def test_form_fields_have_units_and_help_and_keep_every_key(store, main_motion) -> None:
    from textual.widgets import Input, Select

    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: "propose" in table.legal())
        await pilot.press("p")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CommitmentForm")
        await pilot.pause()
        form = app.screen
        form.query_one("#kind", Select).value = "demilitarisation"
        field = form.query_one("#kind-demilitarisation #f-force_cap", Input)
        field.focus()
        await pilot.press(*"450000")  # typed at once, while the fields change
        assert field.value == "450000"
        group = form.query_one("#kind-demilitarisation")
        assert group.display and not form.query_one("#kind-own_forces").display
        text = " ".join(plain(w.content) for w in group.query("Label"))
        assert "force cap (troops)" in text and "largest army Ukraine may keep" in text
        await pilot.press("ctrl+s")  # a cap of 450,000 crosses no red line of Kyiv's
        await wait_for(pilot, lambda: game.state.active_commitments())
        assert game.state.active_commitments()[0].terms.force_cap == 450_000


async def test_a_demand_that_cannot_be_answered_yet_says_why(store, main_motion) -> None:
    from debate.engine import Demand
    from debate.vocabulary.commitments import Funding

    seats = [Seat(r, "P" + r, "human") for r in ("kyiv", "kremlin", "washington", "brussels")]
    game = GameController.start(store, main_motion, seats, seed=1)
    game.submit(Demand(commitment=Funding(by="washington", usd_bn_per_year=5, years=2,
                                          basis="treaty")), "kyiv")
    game.submit(Pass(), "kyiv")
    game.submit(Pass(), "kremlin")
    assert game.current_role == "washington" and game.state.phase.id == "opening"
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        assert "accept" not in table.legal()
        status = plain(table.query_one(StatusLine).content, width=200)
        assert "cannot be answered in Opening statements" in status
        assert "Negotiation" in status


async def test_coaching_in_solo_practice_names_missed_opportunities(store, main_motion) -> None:
    from tui_helpers import pass_to_the_end

    from debate.tui.screens.debrief import DebriefScreen

    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await wait_for_table(pilot)
        await wait_for(pilot, lambda: table.legal())
        assert not game.coaching  # off unless asked for
        await run_palette_command(pilot, "Coaching in solo practice")
        await wait_for(pilot, lambda: game.coaching)
        table.submit(Pass())  # an empty opening turn: the coach has a better move
        assert table.advice is not None
        assert table.advice.move and table.advice.gain >= 1
        await wait_for(pilot, lambda: game.current_role == "kyiv" and table.legal())
        pass_to_the_end(game)
        app.push_screen(DebriefScreen(game))
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.pause()
        text = plain(app.screen.query_one("#debrief-result").content, width=200)
        assert "Missed opportunities" in text and "After event 0:" in text


async def test_coaching_stays_off_in_a_seminar(store, main_motion) -> None:
    game = GameController.start(store, main_motion, hot_seat(main_motion), seed=2)
    assert not game.can_coach
    app = create_app(store=store, scripted_delay=0, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HandOverScreen))
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        table.action_coach()
        assert not game.coaching
