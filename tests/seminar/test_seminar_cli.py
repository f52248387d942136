"""`debate host | state | act | referee`: one JSON document, exit codes, and several client
processes on one game (SQLite and PostgreSQL)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner, Result

from debate.cli import app
from debate.engine import Pass
from debate.seminar import SeatClient
from debate.store import Store

runner = CliRunner()
DEBATE = [sys.executable, "-c", "from debate.cli import main; main()"]
#: Generous bound for a multi-process game to get somewhere (never a timing assertion).
PATIENCE = 120.0


def debate(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DEBATE, *args], capture_output=True, text=True, timeout=120)


def host(db_url: str, *seats: str) -> dict[str, object]:
    args = ["host", "guarantees", "--db", db_url, "--seed", "4", "--json"]
    for s in seats:
        args += ["--seat", s]
    result = debate(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # exactly one document


def test_host_prints_codes_for_human_seats_only(db_url: str) -> None:
    codes = host(db_url, "kremlin=scripted:easy")
    assert set(codes) == {"session", "seats", "facilitator"}
    assert set(codes["seats"]) == {"kyiv", "washington", "brussels"}  # type: ignore[arg-type]
    readable = debate("host", "guarantees", "--db", db_url)
    assert readable.exit_code == 0 and "facilitator" in readable.stdout
    bad = debate("host", "guarantees", "--db", db_url, "--seat", "atlantis=human")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_state_and_act_exit_codes(db_url: str, store: Store) -> None:
    codes = host(db_url)
    seats: dict[str, str] = codes["seats"]  # type: ignore[assignment]
    state = debate("state", seats["kyiv"], "--db", db_url, "--json")
    assert state.exit_code == 0
    view = json.loads(state.stdout)
    assert view["role"] == "kyiv" and view["to_play"] == "kyiv" and "speak" in view["legal"]
    speak = json.dumps({"type": "speak", "text": "Our army first"})
    refused = [
        debate("act", seats["kremlin"], "--action", speak, "--db", db_url),  # not its turn
        debate("act", seats["kyiv"], "--action", "{not json", "--db", db_url),
        debate("act", seats["kyiv"], "--action", '{"type": "fly"}', "--db", db_url),
        debate("act", "WRNG-CODE-0000-0000", "--action", speak, "--db", db_url),
        debate(
            "act", seats["kyiv"], "--action", '{"type": "vote", "accept": true}', "--db", db_url
        ),
    ]
    for result in refused:
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    assert store.get(str(codes["session"])).events == 0  # nothing saved
    done = debate("act", seats["kyiv"], "--action", speak, "--db", db_url, "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["next_seq"] == 1
    as_event = json.dumps({"action": {"type": "pass"}, "rationale": "done"})
    assert debate("act", seats["kyiv"], "--action", as_event, "--db", db_url).exit_code == 0
    kremlin = json.loads(debate("state", seats["kremlin"], "--db", db_url, "--json").stdout)
    assert [t["kind"] for t in kremlin["transcript"]] == ["speak", "pass"]


def test_paused_game_refuses_act(db_url: str, store: Store) -> None:
    from debate.seminar.pace import Console

    codes = host(db_url)
    Console(SeatClient.open(store, str(codes["facilitator"]))).pause()
    kyiv = codes["seats"]["kyiv"]  # type: ignore[index]
    result = debate("act", kyiv, "--action", '{"type": "pass"}', "--db", db_url)
    assert result.exit_code == 2 and "paused" in result.output


def test_actions_from_separate_processes_appear_in_the_others(db_url: str) -> None:
    codes = host(db_url, "washington=scripted:easy", "brussels=scripted:easy")
    seats: dict[str, str] = codes["seats"]  # type: ignore[assignment]
    for actor, watcher in (("kyiv", "kremlin"), ("kremlin", "kyiv")):
        if actor == "kremlin":  # kyiv ends its turn first
            assert run("act", seats["kyiv"], "--action", '{"type":"pass"}', "--db", db_url)
        text = json.dumps({"type": "speak", "text": f"{actor} speaks"})
        act = run("act", seats[actor], "--action", text, "--db", db_url)
        assert act.returncode == 0, act.stderr
        view = json.loads(run("state", seats[watcher], "--db", db_url, "--json").stdout)
        assert f"{actor} speaks" in [t["text"] for t in view["transcript"]]


def _referee(db_url: str, code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DEBATE, "referee", code, "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_a_killed_referee_is_replaced_and_the_game_finishes(db_url: str, store: Store) -> None:
    codes = host(
        db_url, "kremlin=scripted:easy", "washington=scripted:easy", "brussels=scripted:easy"
    )
    sid = str(codes["session"])
    kyiv = SeatClient.open(store, codes["seats"]["kyiv"])  # type: ignore[index]
    first = _referee(db_url, str(codes["facilitator"]))
    second: subprocess.Popen[str] | None = None
    try:
        end = time.monotonic() + PATIENCE
        while not kyiv.finished and time.monotonic() < end:
            kyiv.refresh()
            scripted = [e for e in kyiv.game.events if e.actor != "kyiv"]
            if second is None and len(scripted) >= 3:
                first.send_signal(signal.SIGKILL)  # dies holding the lease
                first.wait()
                second = _referee(db_url, str(codes["facilitator"]))
            if kyiv.my_turn():
                from debate.seminar import GameMovedOn

                action = Pass() if not kyiv.game.state.in_vote else _vote()
                with contextlib.suppress(GameMovedOn):
                    kyiv.act(action)
            time.sleep(0.05)
        assert second is not None, "the first referee never played"
        assert kyiv.finished, "the game did not finish after the referee was replaced"
        events = store.load(sid).events
        assert [e.seq for e in events] == list(range(len(events)))  # no gaps, no duplicates
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)


def _vote():  # type: ignore[no-untyped-def]
    from debate.engine import Vote

    return Vote(accept=True)


def test_no_traceback_for_a_missing_database_directory(tmp_path: Path) -> None:
    result = debate("state", "AAAA-BBBB-CCCC-DDDD", "--db", str(tmp_path / "nope" / "x.db"))
    assert result.exit_code in (1, 2) and "Traceback" not in result.output


def test_facilitate_without_a_screen(db_url: str, store: Store) -> None:
    codes = host(db_url)
    boss, seats = str(codes["facilitator"]), codes["seats"]
    paced = debate(
        "facilitate",
        boss,
        "--db",
        db_url,
        "--pause",
        "--timer",
        "60",
        "--say",
        "Five minutes",
        "--bot",
        "washington:easy",
        "--json",
    )
    assert paced.exit_code == 0, paced.output
    doc = json.loads(paced.stdout)
    assert doc["paused"] and doc["turn_limit"] == 60 and doc["banner"] == "Five minutes"
    kyiv = seats["kyiv"]  # type: ignore[index]
    refused = debate("act", kyiv, "--action", '{"type": "pass"}', "--db", db_url)
    assert refused.exit_code == 2 and "paused" in refused.output
    back = json.loads(
        debate(
            "facilitate", boss, "--db", db_url, "--resume", "--human", "washington", "--json"
        ).stdout
    )
    assert not back["paused"] and set(back["codes"]) == {"washington"}
    assert SeatClient.open(store, back["codes"]["washington"]).role == "washington"
    assert debate("facilitate", kyiv, "--db", db_url, "--pause").exit_code == 2  # a seat code
    assert debate("facilitate", boss, "--db", db_url, "--timer", "soon").exit_code == 2


def test_two_processes_racing_for_each_event_number(
    db_url: str, store: Store, tmp_path: Path
) -> None:
    """Two facilitator screens act as fast as they can: every event number has exactly one
    winner, the loser reloads and goes on; nothing lost, nothing duplicated, no gaps."""
    codes = host(db_url)
    go = tmp_path / "go"
    child = Path(__file__).with_name("seminar_child.py")
    procs = [
        subprocess.Popen(
            [sys.executable, str(child), db_url, str(codes["facilitator"]), str(go), "12"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [p.communicate(timeout=PATIENCE)[0].split("\n") for p in procs]
    won = sorted(int(line.split()[1]) for out in outputs for line in out if line.startswith("ok"))
    events = store.load(str(codes["session"])).events
    assert won == list(range(len(won))) == [e.seq for e in events]  # one winner per number
    assert len(won) == 24
    texts = [e.action.text for e in events if e.action.type == "speak"]  # type: ignore[union-attr]
    assert len(texts) == len(set(texts))  # nothing duplicated
