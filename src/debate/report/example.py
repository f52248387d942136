"""Make the example session shipped in ``saves/examples/``: a scripted game, saved and exported.

Run from the project root (it overwrites the files)::

    python -m debate.report.example

It plays one complete game of the main motion with every seat scripted (the project's own
scripted roles, seeded), saves it through the store in a scratch database, adds a few
instructor notes at its turning points, and writes the store's JSON session document plus a
sidecar of the figures a replay must reproduce (``*.expected.json``: the final index, each
criterion, the stress test and the index after every event). Instructors import the
document with ``debate import saves/examples/<name>.json`` and open it with
``debate replay ID``; a test checks that it imports and replays to the recorded figures.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from debate.engine import Event, fold, replay
from debate.motions import Motion, resolve_motion

EXAMPLES_DIR = Path("saves/examples")
NAME = "guarantees-scripted"
MOTION = "guarantees"
#: Every seat scripted at the normal level (Beijing, optional, is left out). The seed was
#: picked for a game that ends in an agreed package that one stress card dents: a good
#: first debrief.
SEATS: dict[str, str] = {
    "kyiv": "normal",
    "kremlin": "normal",
    "washington": "normal",
    "brussels": "normal",
}
SEED = 5
AUTHOR = "Example instructor"


def expected_figures(motion: Motion, events: list[Event], roles: list[str]) -> dict[str, Any]:
    """What a replay of ``events`` must give: computed by folding, never by the game."""
    from debate.scoring.game import score_state, stress_state

    states = replay(motion, events, roles)
    final = states[-1]
    card = score_state(final)
    return {
        "events": len(events),
        "finished": final.finished,
        "agreed": final.agreed,
        "deterrence_index": card.deterrence_index,
        "criteria": {c.id: c.score for c in card.criteria},
        "stress": {s.card: s.deterrence_index for s in stress_state(final)},
        "index_trace": [score_state(s).deterrence_index for s in states],
    }


def figures_of_document(document: Mapping[str, Any]) -> dict[str, Any]:
    """Replay a session document (motion snapshot, seats, events) and score it."""
    from debate.engine import events_from_json

    motion = Motion.model_validate(document["motion"]["snapshot"])
    events = events_from_json(
        json.dumps(
            [{k: e[k] for k in ("seq", "actor", "action", "rationale")} for e in document["events"]]
        )
    )
    roles = [s["role"] for s in document["seats"]]
    return expected_figures(motion, events, roles)


def _notes(
    motion: Motion, events: tuple[Event, ...], roles: list[str], trace: list[float]
) -> list[tuple[int, str]]:
    """A few notes an instructor might leave: at the opening, and at the biggest moves."""
    from debate.history.timeline import turning_points
    from debate.history.transcript import entry_for

    end = fold(motion, events, roles)
    notes = [
        (
            0,
            "Opening round: before any commitment is tabled, ask each capital what it would "
            "need to see on the table to vote yes, and write the answers on the board.",
        )
    ]
    for tp in turning_points(trace, top=3):
        if tp.seq == 0:
            continue
        event = events[tp.seq]
        who = motion.role_by_id[event.actor].name
        what = entry_for(event, end).summary
        direction = "rises" if tp.delta > 0 else "falls"
        notes.append(
            (
                tp.seq,
                f"Turning point: the index {direction} from {tp.before:.1f} to {tp.after:.1f} "
                f"when {who} {what}. Open the Scores panel: which criteria moved, and would "
                "the aggressor read this move the same way?",
            )
        )
    from debate.scoring.game import stress_state

    verdict = "accepted" if end.agreed else "rejected"
    worst = min(stress_state(end), key=lambda r: r.deterrence_index, default=None)
    if worst is not None:
        notes.append(
            (
                len(events) - 1,
                f"The package is {verdict} at {trace[-1]:.1f}. In the stress test, "
                f"'{worst.name}' hurts most ({worst.deterrence_index:.1f}): which commitment "
                "would have had to be written differently to survive it?",
            )
        )
    return notes


def make_example(
    out_dir: Path = EXAMPLES_DIR,
    name: str = NAME,
    motion_ref: str = MOTION,
    seats: Mapping[str, str] = SEATS,
    seed: int = SEED,
) -> tuple[Path, Path]:
    """Play, save, annotate and export the example; return (document, sidecar) paths."""
    from debate.scripted.runner import play_game
    from debate.store import Seat, open_store

    motion = resolve_motion(motion_ref)
    game = play_game(motion, seats, seed)
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(str(Path(scratch) / "example.db"))
        try:
            info = store.create_session(
                motion,
                [
                    Seat(role, f"{motion.role_by_id[role].name} ({level})", "scripted", level)
                    for role, level in game.seats.items()
                ],
                seed=seed,
                title=f"Example: a scripted seminar on '{motion.title}' (seed {seed})",
            )
            for event in game.events:
                store.append(info.id, event, expected_seq=event.seq)
            trace = expected_figures(motion, list(game.events), list(game.seats))["index_trace"]
            for seq, text in _notes(motion, game.events, list(game.seats), trace):
                store.annotate(info.id, seq, AUTHOR, text)
            store.set_status(info.id, "finished")
            document = store.export_json(info.id)
        finally:
            store.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    doc_path = out_dir / f"{name}.json"
    doc_path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    sidecar = out_dir / f"{name}.expected.json"
    figures = {
        "document": doc_path.name,
        "made_by": "python -m debate.report.example",
        **figures_of_document(document),
    }
    sidecar.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return doc_path, sidecar


if __name__ == "__main__":  # pragma: no cover - a maintenance script
    doc, side = make_example()
    print(f"wrote {doc} and {side}")
