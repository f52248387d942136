"""Issue 10: a bounded, seeded fuzz of every file the command line reads.

A few hundred mutated motion, package and session documents per run (structure-aware
mutations: impossible numbers, wrong types, control characters, NUL, deep nesting, missing
and unknown fields; and byte-level ones: flips, truncation). Each case must end in exit 0
(the mutation happened to be harmless) or exit 2 naming the file (and the field, when the
problem is in one), with no traceback, within a timeout, leaving the input file and the
database exactly as they were. A handful of cases also run as whole `debate` processes.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import signal
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from debate.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = 20250818
CASES = {"motion": 90, "package": 90, "session": 120}
TIMEOUT_S = 20  # per case; a hang fails the case instead of the run
runner = CliRunner()

HOSTILE_VALUES: list[Any] = [
    float("inf"), float("-inf"), float("nan"), 10**400, -(10**30), 2**63, -1, 0, 1e308,
    True, None, "", "x" * 5000, "\x1b]52;c;aGk=\x07", "\x00", "\u202eevil", "\x9b2J",
    [], {}, [[[[[]]]]], {"kind": "troops"}, "9" * 400, 3.5,
]


# -- documents to mutate ------------------------------------------------------------------


def _session_document() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from store_games import SEATS, full_game, motion

    from debate.store import open_store

    scratch = Path(__import__("tempfile").mkdtemp(prefix="fuzz-source-"))
    store = open_store(str(scratch / "source.db"))
    sid = store.create_session(motion(), SEATS, seed=3, title="Fuzzed seminar").id
    events = full_game()
    for seq, event in enumerate(events):
        store.append(sid, event, seq, finish=seq == len(events) - 1)
    store.annotate(sid, 1, "Dr Ivanova", "A note.")
    doc = store.export_json(sid)
    store.close()
    return doc


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


def _mutate_data(data: Any, rng: random.Random) -> Any:
    """One to three structure-aware changes at random places of parsed data."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = [p for p in _paths(data) if p]
        path = rng.choice(paths)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        roll = rng.random()
        if roll < 0.6:
            parent[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
        elif roll < 0.75 and isinstance(parent, dict):
            del parent[key]
        elif roll < 0.85 and isinstance(parent, dict):
            parent[rng.choice(["colour", "wieght", "\x1b[2J", "extra"])] = 1
        elif isinstance(parent[key], str):
            text = parent[key]
            at = rng.randint(0, len(text))
            parent[key] = text[:at] + rng.choice(["\x1b[2J", "\x00", "\u2066", "\x07"]) + text[at:]
        else:
            parent[key] = {"nested": [parent[key]] * 2}
    return data


def _mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.4:  # flip some bytes
        out = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if roll < 0.7:  # cut the file short
        return raw[: rng.randrange(len(raw))]
    if roll < 0.85:  # nest it very deeply
        depth = rng.choice([1000, 100_000])
        return b"[" * depth + raw + b"]" * depth
    return raw + rng.choice([b"\x00", b"\xff\xfe", b"x = 1e309\n", b'"\x1b]0;t\x07"'])


def _toml_line_mutation(text: str, rng: random.Random) -> str:
    """Replace the value of one ``key = value`` line with a hostile TOML literal."""
    lines = text.splitlines()
    candidates = [i for i, line in enumerate(lines) if " = " in line and not line.startswith("#")]
    i = rng.choice(candidates)
    key = lines[i].split(" = ", 1)[0]
    literal = rng.choice([
        "inf", "-inf", "nan", "1e309", "9" * 400, "9" * 5000, "true", '"\\u001b]52;c;aGk=\\u0007"',
        '"\\u0000"', "[" * 2000 + "]" * 2000, "{}", '"' + "y" * 100_000 + '"', "-1", "0",
    ])
    lines[i] = f"{key} = {literal}"
    return "\n".join(lines) + "\n"


def _cases() -> list[tuple[str, int]]:
    return [(kind, n) for kind, count in CASES.items() for n in range(count)]


# -- running one case ---------------------------------------------------------------------


class _Hung(Exception):
    pass


def _with_timeout(action: Callable[[], Result]) -> Result:
    def alarm(_signum: int, _frame: Any) -> None:
        raise _Hung

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIMEOUT_S)
    try:
        return action()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes() if p.exists() else b"<none>")
    return h.hexdigest()


@pytest.fixture(scope="module")
def sources() -> dict[str, Any]:
    return {
        "motion": (ROOT / "motions" / "guarantees.toml").read_text(encoding="utf-8"),
        "package": (ROOT / "docs" / "cases" / "failed_budapest_1994.toml").read_text("utf-8"),
        "session": _session_document(),
    }


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from debate.store import open_store

    path = tmp_path_factory.mktemp("fuzz") / "target.db"
    open_store(str(path)).close()
    return path


def _build(kind: str, n: int, source: Any, rng: random.Random, folder: Path) -> Path:
    if kind == "session":
        suffix = ".json"
        if n % 4 == 3:
            raw = _mutate_bytes(json.dumps(source).encode(), rng)
        else:
            raw = json.dumps(_mutate_data(source, rng)).encode()
    else:
        suffix = ".toml" if n % 3 else ".json"
        if suffix == ".json":
            raw = json.dumps(_mutate_data(tomllib.loads(source), rng)).encode()
        elif n % 3 == 1:
            raw = _toml_line_mutation(source, rng).encode()
        else:
            raw = _mutate_bytes(source.encode(), rng)
    path = folder / f"{kind}-{n}{suffix}"
    path.write_bytes(raw)
    return path


def _args(kind: str, path: Path, database: Path) -> list[str]:
    if kind == "motion":
        return ["motions", "check", str(path)]
    if kind == "package":
        return ["score", str(path), "--json", "--stress"]
    return ["import", str(path), "--db", str(database), "--json"]


def test_fuzzed_inputs_exit_0_or_2_naming_the_file_and_change_nothing(
    sources: dict[str, Any], database: Path, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    db_files = [database, database.with_name(database.name + "-wal")]
    outcomes = {0: 0, 2: 0}
    for kind, n in _cases():
        path = _build(kind, n, sources[kind], rng, tmp_path)
        before_file, before_db = path.read_bytes(), _digest(*db_files)
        args = _args(kind, path, database)
        try:
            result = _with_timeout(lambda a=args: runner.invoke(app, a))  # type: ignore[misc]
        except _Hung:
            pytest.fail(f"{kind} case {n} hung: {path}")
        where = f"{kind} case {n} ({path.name})"
        assert result.exit_code in (0, 2), (where, result.output[-2000:], result.exception)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        assert not crashed, (where, repr(result.exception))
        assert "Traceback" not in result.output, where
        assert path.read_bytes() == before_file, f"{where}: the input file changed"
        outcomes[result.exit_code] += 1
        if result.exit_code == 2:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            assert lines and all(line.startswith(f"{path}: ") for line in lines), (
                where, result.stderr[-1000:]
            )
            assert _digest(*db_files) == before_db, f"{where}: the database changed"
            assert len(result.stderr) < 20_000, f"{where}: the message is too long"
            assert "\x1b" not in result.stderr and "\x00" not in result.stderr, where
    print("fuzz outcomes", outcomes)
    assert sum(outcomes.values()) == sum(CASES.values())
    assert outcomes[2] > sum(CASES.values()) // 2  # most mutations are bad input


@pytest.mark.parametrize("n", range(5))
def test_a_few_fuzzed_inputs_through_the_whole_command_line(
    sources: dict[str, Any], database: Path, tmp_path: Path, n: int
) -> None:
    rng = random.Random(SEED + 1000 + n)
    kind = ("motion", "package", "session")[n % 3]
    path = _build(kind, n, sources[kind], rng, tmp_path)
    before_file, before_db = path.read_bytes(), database.read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", "from debate.cli import main; main()",
         *_args(kind, path, database)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert done.returncode in (0, 2), done.stderr
    assert "Traceback" not in done.stderr and path.read_bytes() == before_file
    if done.returncode == 2:
        assert str(path) in done.stderr and database.read_bytes() == before_db
