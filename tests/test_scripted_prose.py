"""Player-facing scripted text is prose: no ids (snake_case tokens), no ``claim x``, no rule
names. Ids stay in the stored events, for the JSON export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate.history.transcript import entry_for, rationale_text
from debate.motions import load_motion
from debate.scripted.lines import shipped_lines
from debate.scripted.runner import default_seats, play_game

MOTIONS = sorted((Path(__file__).parents[1] / "motions").glob("*.toml"))
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def ids_in(text: str, claim_ids: tuple[str, ...] = ()) -> list[str]:
    found = SNAKE.findall(text)
    words = set(re.findall(r"[a-z0-9_]+", text))
    found += [f"claim id {c}" for c in claim_ids if c in words]
    if "(rests on " in text:
        found.append("rests on")
    return found


@pytest.mark.parametrize("path", MOTIONS, ids=lambda p: p.stem)
@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_scripted_games_say_nothing_with_ids(path: Path, level: str) -> None:
    motion = load_motion(path)
    seats = {role: level for role in default_seats(motion)}
    for seed in (1, 2):
        game = play_game(motion, seats, seed=seed)
        for event in game.events:
            entry = entry_for(event, game.final)
            shown = [
                rationale_text(event.rationale or ""),
                entry.text or "",
                entry.summary,
            ]
            for text in shown:
                found = ids_in(text, tuple(motion.claim_by_id))
                assert not found, f"{path.stem} #{event.seq + 1}: {text!r}"


def test_every_line_filled_is_prose() -> None:
    for line in shipped_lines().lines:
        text = line.fill(
            target="Kyiv", commitment="a ban on foreign troops", criterion="legal durability"
        )
        assert not ids_in(text), text
        assert "{" not in text


def test_the_stored_rationale_keeps_its_ids() -> None:
    motion = load_motion(MOTIONS[0])
    game = play_game(motion, default_seats(motion), seed=3)
    scripted = [e.rationale for e in game.events if e.rationale]
    assert any(SNAKE.search(r.split(":")[0]) or "." in r.split(":")[0] for r in scripted)
