"""The headless game core (debate.play): saving on every action, refusals, resuming,
scripted seats, the commitment forms' checks, the engine's reasons."""

from __future__ import annotations

import pytest
from tui_helpers import KYIV_ANSWERS, OPENING, play, solo_seats

from debate.engine import IllegalAction, Pass, Speak, Vote, new_game
from debate.history.transcript import entries
from debate.motions import Motion
from debate.play import GameController, check_player_name
from debate.play.forms import check_commitment, field_specs, initial_values
from debate.play.refusals import why_not
from debate.vocabulary.commitments import Troops


def test_every_accepted_action_is_in_the_store_at_once(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    play(game, OPENING)
    loaded = store.load(game.session_id)
    assert list(loaded.events) == game.events
    assert loaded.state.seq == game.state.seq == len(OPENING)


def test_a_refused_action_changes_nothing(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    with pytest.raises(IllegalAction) as refused:
        game.submit(Vote(accept=True))
    assert "not allowed in the Opening statements phase" in refused.value.reason
    with pytest.raises(IllegalAction):
        game.submit(Pass(), actor="kremlin")  # not its turn
    assert game.events == [] and game.state.seq == 0
    assert store.load(game.session_id).events == ()


def test_resume_rebuilds_the_same_game(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=3)
    play(game, OPENING + KYIV_ANSWERS)
    again = GameController.resume(store, game.session_id)
    assert again.events == game.events
    assert again.state.commitments == game.state.commitments
    assert again.seats == game.seats and again.seed == 3
    assert again.scores.index() == game.scores.index()


def test_a_resumed_game_plays_on_exactly_as_without_a_break(store, main_motion: Motion) -> None:
    seats = solo_seats(main_motion, human="kyiv")
    scripted_all = [s.__class__(s.role, s.player, "scripted", "normal") for s in seats]
    straight = GameController.start(store, main_motion, scripted_all, seed=11)
    for _ in range(20):
        straight.play_scripted()
    broken = GameController.start(store, main_motion, scripted_all, seed=11)
    for _ in range(7):
        broken.play_scripted()
    resumed = GameController.resume(store, broken.session_id)  # as after a crash
    for _ in range(13):
        resumed.play_scripted()
    assert [e.model_dump() for e in resumed.events] == [e.model_dump() for e in straight.events]
    assert all(e.rationale for e in straight.events)  # scripted moves say why


def test_finishing_marks_the_session_finished(store, main_motion: Motion) -> None:
    seats = [s.__class__(s.role, s.player, "scripted", "easy") for s in solo_seats(main_motion)]
    game = GameController.start(store, main_motion, seats, seed=5)
    while not game.finished:
        game.play_scripted()
    assert store.get(game.session_id).status == "finished"
    assert len(store.load(game.session_id).events) == len(game.events)


def test_player_names_are_bounded() -> None:
    assert check_player_name("Ana") is None
    assert check_player_name("   ") == "a human seat needs a player name"
    assert "limited to 40 characters (this one has 41)" in (check_player_name("x" * 41) or "")


def test_form_fields_come_from_the_commitment_kind() -> None:
    specs = {s.name: s for s in field_specs("troops")}
    assert list(specs) == ["size", "timing", "basis", "withdrawal", "years", "composition"]
    assert specs["size"].type == "int" and specs["size"].required
    assert specs["timing"].options == ("standing", "on_attack")
    assert specs["composition"].type == "multi"


def test_each_bad_field_gets_its_own_message() -> None:
    raw = initial_values("troops") | {"size": "lots", "basis": ""}
    commitment, errors = check_commitment("troops", "washington", raw)
    assert commitment is None
    assert errors == {"size": "a whole number is needed", "basis": "required"}
    raw |= {"size": "-5", "basis": "statute"}
    assert check_commitment("troops", "washington", raw)[1] == {
        "size": "must be greater than or equal to 1"
    }
    raw |= {"size": "60,000", "composition": ("armour", "air")}
    commitment, errors = check_commitment("troops", "washington", raw)
    assert errors == {}
    assert commitment == Troops(
        by="washington", size=60_000, basis="statute", composition=("armour", "air")
    )


def test_an_existing_commitment_fills_the_form() -> None:
    old = Troops(by="washington", size=5000, basis="executive", timing="on_attack")
    raw = initial_values("troops", old)
    assert raw["size"] == "5000" and raw["timing"] == "on_attack"
    assert check_commitment("troops", "washington", raw) == (old, {})


def test_refusals_are_the_engines_reasons(main_motion: Motion) -> None:
    state = new_game(main_motion)
    assert why_not(state, "kyiv", "challenge") == (
        "'challenge' is not allowed in the Opening statements phase "
        "(allowed: speak, propose, demand, pass)"
    )
    assert why_not(state, "kremlin", "speak") == "it is kyiv's turn, not kremlin's"
    assert why_not(state, None, "pass") == "the game is over"


def test_transcript_keeps_player_text_apart(store, main_motion: Motion) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion), seed=1)
    game.submit(Speak(text="[bold red]x[/] [link=http://x]y[/link]"))
    play(game, OPENING[1:])
    lines = entries(game.events, game.state)
    assert (
        lines[0].summary == "speaks" and lines[0].text == "[bold red]x[/] [link=http://x]y[/link]"
    )
    assert lines[1].summary == "tables c1: own forces 800,000, high readiness, adequate kit"
    assert lines[3].summary.startswith("demands of Kyiv (d1): demilitarisation")
    assert lines[3].rationale == "demands demilitarisation (demilitarisation_push)"


def test_a_game_started_later_touches_no_store_until_it_is_saved(
    store, main_motion: Motion
) -> None:
    opened: list[object] = []

    def open_store() -> object:
        opened.append(store)
        return store

    before = len(store.list_sessions())
    game = GameController.start_later(open_store, main_motion, solo_seats(main_motion), 3)
    assert opened == [] and game.current_role == "kyiv"  # playable state, nothing saved
    assert game.settle() is False  # quit now: nothing was written, nothing to wait for
    saving = game.save_in_background()
    assert saving is not None
    saving.result(timeout=30)
    assert opened == [store] and len(store.list_sessions()) == before + 1
    assert game.settle() is True
    assert game.save_in_background() is saving  # once only
    play(game, OPENING)
    loaded = store.load(game.session_id)
    assert list(loaded.events) == game.events and loaded.info.seed == 3


def test_an_unsaved_game_saves_itself_before_its_first_action(
    store, main_motion: Motion
) -> None:
    game = GameController.start_later(lambda: store, main_motion, solo_seats(main_motion), 3)
    event = game.submit(Speak(text="Our own army is the first guarantee."))
    assert store.load(game.session_id).events == (event,)


def test_a_store_that_cannot_be_opened_stops_the_first_action(main_motion: Motion) -> None:
    from debate.store import StoreUnavailable

    def broken() -> object:
        raise StoreUnavailable("the database server is not answering")

    game = GameController.start_later(broken, main_motion, solo_seats(main_motion), 3)
    saving = game.save_in_background()
    assert saving is not None and isinstance(saving.exception(timeout=30), StoreUnavailable)
    assert game.settle() is False
    with pytest.raises(StoreUnavailable):
        game.submit(Speak(text="Our own army is the first guarantee."))
    assert game.events == [] and game.state.seq == 0
