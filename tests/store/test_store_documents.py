"""JSON export and import: round trips, and documents refused with field paths before
anything is written."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from store_games import SEATS, full_game, motion

from debate.store import Store, open_store
from debate.store.document import DOCUMENT_VERSION, SessionDocument, validate_document
from debate.validation import DataError


def rich_session(store: Store) -> str:
    """A finished game with every action kind, annotations, and a branch of it."""
    sid = store.create_session(
        motion(), SEATS, seed=2025, title="Seminar \u00e9t\u00e9 [b]x[/b]"
    ).id
    for seq, event in enumerate(full_game()):
        store.append(sid, event, seq)
    store.annotate(sid, 8, "Dr. Kim", "Conceding here\nlost the point.")
    store.annotate(sid, 0, "TA", "Good opening \u2014 cites a claim.")
    store.set_status(sid, "finished")
    return store.fork(sid, 5, title="What if Washington refused?").id


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("sessions", "seats", "events", "annotations", "motion_snapshots")
        }


def test_export_import_export_is_identical(store: Store, tmp_path: Path) -> None:
    branch = rich_session(store)
    parent = store.get(branch).parent_id
    assert parent is not None
    for sid in (parent, branch):
        first = store.export_json(sid)
        text_first = json.dumps(first, indent=2, ensure_ascii=False)
        store.delete(sid)
        info = store.import_json(json.loads(text_first), "first.json")
        assert info.id == sid  # the id is kept when it is free
        second = store.export_json(sid)
        assert second == first
        assert json.dumps(second, indent=2, ensure_ascii=False) == text_first
    # the document carries everything: all action kinds, annotations, branch pointers
    doc = store.export_json(parent)
    assert {e["action"]["type"] for e in doc["events"]} == {e.action.type for e in full_game()}
    assert [a["seq"] for a in doc["annotations"]] == [0, 8]
    assert doc["session"]["status"] == "finished"
    assert store.export_json(branch)["session"]["fork_seq"] == 5
    assert store.load(parent).state.finished


def test_round_trip_between_databases(store: Store, tmp_path: Path) -> None:
    """SQLite -> this backend -> SQLite, and the other way: documents stay identical."""
    sid = rich_session(store)
    parent = store.get(sid).parent_id
    assert parent is not None
    other = open_store(str(tmp_path / "other.db"))
    try:
        first = store.export_json(parent)
        assert other.export_json(other.import_json(first).id) == first
        moved = other.export_json(parent)
        store.delete(parent)
        assert store.export_json(store.import_json(moved).id) == first
    finally:
        other.close()


def test_importing_a_document_whose_id_is_taken_gives_a_new_id(store: Store) -> None:
    sid = store.create_session(motion(), SEATS, seed=1).id
    for seq, event in enumerate(full_game()[:4]):
        store.append(sid, event, seq)
    doc = store.export_json(sid)
    copy_info = store.import_json(doc)
    assert copy_info.id != sid
    again = store.export_json(copy_info.id)
    assert again["session"]["id"] == copy_info.id
    assert {**again, "session": {**again["session"], "id": sid}} == doc
    assert len(store.list_sessions()) == 2


def test_the_document_model_is_the_documented_format() -> None:
    schema = SessionDocument.model_json_schema()
    assert set(schema["required"]) == {"format", "version", "session", "motion", "seats"}
    assert DOCUMENT_VERSION == 1
    docs = (Path(__file__).resolve().parents[2] / "docs" / "sessions.md").read_text()
    for field in (
        "format",
        "version",
        "session",
        "motion",
        "sha256",
        "snapshot",
        "seats",
        "events",
        "annotations",
        "fork_seq",
        "rationale",
    ):
        assert f"`{field}`" in docs, field


Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _drop(path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


def _swap_actor(doc: dict[str, Any]) -> None:
    doc["events"][3]["actor"] = "washington"  # it is the Kremlin's turn


def _renumber(doc: dict[str, Any]) -> None:
    doc["events"][2]["seq"] = 5


def _edit_snapshot(doc: dict[str, Any]) -> None:
    doc["motion"]["snapshot"]["summary"] = "Edited after export."


def _bad_snapshot(doc: dict[str, Any]) -> None:
    doc["motion"]["snapshot"]["actions_per_turn"] = 0


@pytest.mark.parametrize(
    ("mutate", "path", "message"),
    [
        (_set("format", "chess-game"), "format", "expected 'debate-session'"),
        (_set("version", 2), "version", "newer than this program reads"),
        (_set("session.colour", "red"), "session.colour", "unknown field"),
        (_drop("session.seed"), "session.seed", "required field is missing"),
        (_set("session.status", "paused"), "session.status", "'paused' is not allowed"),
        (_set("session.created", "yesterday"), "session.created", "datetime"),
        (_set("session.created", "2025-08-18T12:00:00"), "session.created", "timezone"),
        (_set("seats.0.role", "atlantis"), "seats[0].role", "no role 'atlantis'"),
        (_set("seats.1.kind", "robot"), "seats[1].kind", "'robot' is not allowed"),
        (_set("events.0.action.text", ""), "events[0].action.text", "at least 1 character"),
        (_set("events.4.action.type", "bribe"), "events[4].action", "unknown kind 'bribe'"),
        (_swap_actor, "events[3]", "it is kremlin's turn"),
        (_renumber, "events[2].seq", "expected 2"),
        (_set("annotations.0.seq", 99), "annotations[0].seq", "no event 99"),
        (_edit_snapshot, "motion.sha256", "does not match the snapshot"),
        (_bad_snapshot, "motion.snapshot.actions_per_turn", "greater than or equal to 1"),
        (_set("motion.id", "other"), "motion.id", "the snapshot's id is 'tiny'"),
        (_set("events.8.action.challenge_id", "x9"), "events[8]", "no challenge 'x9'"),
        (_set("events.6.action.counter.size", -5), "events[6].action.counter.size", "greater"),
    ],
)
def test_a_bad_document_is_refused_with_its_field_path_and_nothing_is_written(
    store: Store, mutate: Mutation, path: str, message: str
) -> None:
    sid = store.create_session(motion(), SEATS, seed=1).id
    for seq, event in enumerate(full_game()):
        store.append(sid, event, seq)
    store.annotate(sid, 1, "a", "note")
    doc = copy.deepcopy(store.export_json(sid))
    mutate(doc)
    before = counts(store)
    with pytest.raises(DataError) as refused:
        store.import_json(doc, "session.json")
    found = [(p.file, p.path) for p in refused.value.problems]
    assert ("session.json", path) in found, refused.value
    assert message in str(refused.value)
    assert counts(store) == before


def test_motion_id_must_match_its_snapshot() -> None:
    from debate.store.convert import motion_snapshot_text

    snapshot = motion().model_dump(mode="json")
    doc = {
        "format": "debate-session",
        "version": 1,
        "session": {
            "id": "abc",
            "title": "t",
            "status": "active",
            "seed": 1,
            "created": "2025-08-18T12:00:00+00:00",
            "updated": "2025-08-18T12:00:00+00:00",
        },
        "motion": {
            "id": "renamed",
            "title": snapshot["title"],
            "sha256": motion_snapshot_text(snapshot)[1],
            "snapshot": snapshot,
        },
        "seats": [s.to_json() for s in SEATS],
    }
    with pytest.raises(DataError, match=r"motion\.id: is 'renamed'"):
        validate_document(doc, "f.json")
    doc["motion"]["id"] = "tiny"
    assert validate_document(doc, "f.json").session.id == "abc"


def test_documents_that_are_not_objects_are_refused() -> None:
    with pytest.raises(DataError, match="must be a JSON object"):
        validate_document([1, 2], "list.json")
