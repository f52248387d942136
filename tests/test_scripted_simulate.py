"""`debate simulate`: tournaments of scripted roles, their summary, --json, --save, workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli import app
from debate.commands.simulate import run_games
from debate.engine import fold
from debate.motions import Motion
from debate.scripted import default_seats, play_game

runner = CliRunner()


def simulate(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["simulate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_is_one_object_with_the_figures() -> None:
    code, out, err = simulate("guarantees", "--games", "6", "--seed", "3", "--json")
    assert code == 0, err
    figures = json.loads(out)  # exactly one document, nothing else on stdout
    assert figures["motion"] == "guarantees" and figures["games"] == 6 and figures["seed"] == 3
    assert figures["seats"] == {
        "kyiv": "normal",
        "kremlin": "normal",
        "washington": "normal",
        "brussels": "normal",
    }
    di = figures["deterrence_index"]
    assert di["min"] <= di["q1"] <= di["median"] <= di["q3"] <= di["max"]
    assert sum(b["count"] for b in di["histogram"]) == 6
    assert 0.0 <= figures["agreement_rate"] <= 1.0
    assert [r["role"] for r in figures["roles"]] == list(figures["seats"])
    assert all(0 <= r["mean_objective"] <= 100 for r in figures["roles"])
    assert {c["card"] for c in figures["stress_breaking"]} >= {"nuclear_blackmail"}
    for c in figures["criteria_failing"]:
        assert 0 < c["rate"] <= 1 and c["games"] >= 1
    assert err == ""  # no progress bar when not on a terminal


def test_the_figures_match_the_games_played(article_motion: Motion) -> None:
    code, out, _ = simulate(
        "guarantees", "--games", "4", "--seed", "10", "--seats", "kyiv=easy", "--json"
    )
    assert code == 0
    figures = json.loads(out)
    seats = default_seats(article_motion, {"kyiv": "easy"})
    games = [play_game(article_motion, seats, seed) for seed in range(10, 14)]
    mean = sum(g.deterrence_index for g in games) / 4
    assert figures["deterrence_index"]["mean"] == round(mean, 1)
    assert figures["agreement_rate"] == sum(g.agreed for g in games) / 4
    kyiv = next(r for r in figures["roles"] if r["role"] == "kyiv")
    assert kyiv["difficulty"] == "easy"
    assert kyiv["mean_objective"] == round(
        sum(g.role_scores["kyiv"].objective for g in games) / 4, 1
    )


def test_the_summary_for_people() -> None:
    code, out, err = simulate("guarantees", "--games", "5", "--seats", "kremlin=hard")
    assert code == 0, err
    for heading in (
        "Final Deterrence Index",
        "Agreement rate",
        "Roles",
        "Criteria most often failing",
        "Stress cards most often breaking",
    ):
        assert heading in out
    assert " 90-100 |" in out  # the histogram
    assert "kremlin=hard" in out.replace("\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seats", "kyiv=expert"], "unknown difficulty 'expert'"),
        (["--seats", "moscow=hard"], "no role 'moscow'"),
        (["--seats", "kyiv"], "expected role=difficulty"),
        (["--games", "0"], "--games"),
        (["--seed", "-1"], "--seed"),
        (["--seats", "kyiv=hard,kyiv=easy"], "role 'kyiv' is given twice"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(args: list[str], message: str) -> None:
    code, out, err = simulate("guarantees", *args)
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_a_bad_database_is_refused_before_any_game_is_played(tmp_path: Path) -> None:
    # 100,000 games would take minutes: the refusal must come first, as bad input.
    code, out, err = simulate("guarantees", "--games", "100000", "--save", "--db",
                              str(tmp_path))
    assert code == 2 and "is a directory" in err and out == ""


def test_an_unknown_motion_exits_2() -> None:
    code, _, err = simulate("no_such_motion", "--games", "1")
    assert code == 2 and "no_such_motion" in err


def test_results_do_not_depend_on_the_number_of_workers(article_motion: Motion) -> None:
    seats = default_seats(article_motion, {"kyiv": "hard", "kremlin": "easy"})
    one = run_games(article_motion, seats, range(40, 52), workers=1)
    two = run_games(article_motion, seats, range(40, 52), workers=2)  # several chunks, 2 processes
    assert [g.seed for g in two] == list(range(40, 52))
    assert one == two


def test_json_is_identical_with_one_or_two_workers() -> None:
    args = ("guarantees", "--games", "8", "--seed", "5", "--json")
    _, one, _ = simulate(*args, "--workers", "1")
    _, two, _ = simulate(*args, "--workers", "2")
    assert json.loads(one) == json.loads(two)


def test_save_stores_every_game_for_replay(tmp_path: Path, article_motion: Motion) -> None:
    from debate.store import open_store

    db = tmp_path / "games.db"
    code, out, err = simulate(
        "guarantees", "--games", "3", "--seed", "7", "--save", "--db", str(db), "--json"
    )
    assert code == 0, err
    saved = json.loads(out)["saved"]
    assert len(saved) == 3
    store = open_store(str(db))
    try:
        for offset, session_id in enumerate(saved):
            loaded = store.load(session_id)
            info = store.get(session_id)
            assert info.seed == 7 + offset and info.status == "finished"
            assert all(s.kind == "scripted" and s.difficulty == "normal" for s in info.seats)
            game = play_game(article_motion, default_seats(article_motion), 7 + offset)
            assert tuple(store.load_events(session_id)) == game.events
            replayed = fold(article_motion, game.events, roles=game.seats)
            assert replayed.finished and loaded.state.seq == replayed.seq
    finally:
        store.close()


def test_save_streams_games_from_the_pool_in_batches(tmp_path: Path) -> None:
    from debate.commands import simulate as simulate_command
    from debate.store import open_store

    db = tmp_path / "many.db"
    games = simulate_command.SAVE_BATCH * 2 + 3
    args = ("guarantees", "--games", str(games), "--seed", "11", "--json", "--workers", "2")
    code, out, err = simulate(*args, "--save", "--db", str(db))
    assert code == 0, err
    figures = json.loads(out)
    _, unsaved, _ = simulate(*args)
    assert {k: v for k, v in figures.items() if k != "saved"} == json.loads(unsaved)
    store = open_store(str(db))
    try:
        infos = [store.get(i) for i in figures["saved"]]
        assert [i.seed for i in infos] == list(range(11, 11 + games))
        assert all(i.status == "finished" and i.events > 0 for i in infos)
    finally:
        store.close()
