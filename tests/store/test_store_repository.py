"""The sessions repository, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC

import pytest
from sqlalchemy import text
from store_games import ROLES, SEATS, full_game, long_motion, motion, speeches

from debate.engine import Event, GameState, Speak, apply, fold
from debate.engine.testing import tiny_motion
from debate.motions import Motion
from debate.store import (
    AnnotationNotFound,
    CorruptSession,
    InvalidRequest,
    Seat,
    SequenceConflict,
    SessionNotFound,
    Store,
)


def played(
    store: Store, events: list[Event], title: str | None = None, on: Motion | None = None
) -> str:
    """A session of the tiny motion (or ``on``) holding ``events``."""
    sid = store.create_session(on or motion(), SEATS, seed=42, title=title).id
    for seq, event in enumerate(events):
        assert store.append(sid, event, seq) == seq + 1
    return sid


def turns_played(state: GameState) -> int:
    """The engine's own count of turns in which something was done."""
    return state.turn_no + (1 if state.actions_this_turn else 0)


def test_create_session_saves_seats_seed_and_motion(store: Store) -> None:
    info = store.create_session(motion(), SEATS, seed=-7, title="  Seminar   one ")
    assert len(info.id) == 8 and info.title == "Seminar one"
    assert (info.motion_id, info.motion_title) == ("tiny", motion().title)
    assert info.seats == SEATS
    assert (info.seed, info.status, info.events, info.turns) == (-7, "active", 0, 0)
    assert info.parent_id is None and info.fork_seq is None
    assert info.created.tzinfo is not None and info.created == info.updated
    assert store.get(info.id) == info
    default = store.create_session(motion(), SEATS, seed=1)
    assert default.title == motion().title and default.id != info.id


@pytest.mark.parametrize(
    ("seats", "reason"),
    [
        ([Seat("kyiv", "A"), Seat("atlantis", "B")], "atlantis"),
        ([Seat("kyiv", "A"), Seat("kyiv", "B")], "seated twice"),
        ([Seat("kremlin", "A"), Seat("washington", "B")], "protected party"),
    ],
)
def test_create_session_refuses_seats_the_motion_cannot_play(
    store: Store, seats: list[Seat], reason: str
) -> None:
    with pytest.raises(InvalidRequest, match=reason):
        store.create_session(motion(), seats, seed=1)
    assert store.list_sessions() == []


def test_appended_events_load_and_fold_to_the_engine_state(store: Store) -> None:
    events = full_game()
    sid = played(store, events)
    loaded = store.load(sid)
    assert list(loaded.events) == events
    assert loaded.motion == motion()
    assert loaded.seats == SEATS and loaded.roles == list(ROLES)
    expected = fold(motion(), events, ROLES)
    assert loaded.state.finished and loaded.state.seq == len(events)
    assert loaded.state.votes == expected.votes
    assert loaded.state.commitments == expected.commitments
    assert loaded.state.challenges == expected.challenges
    assert loaded.info.events == len(events)
    assert loaded.info.turns == turns_played(expected) == 9
    assert store.load_events(sid) == events


def test_a_stale_writer_gets_a_conflict_and_writes_nothing(store: Store) -> None:
    events = full_game()
    sid = played(store, events[:2])
    before = store.get(sid)
    with pytest.raises(SequenceConflict) as stale:
        store.append(sid, events[1], 1)  # someone else already stored event 1
    assert (stale.value.expected, stale.value.actual) == (1, 2)
    gap = events[4].model_copy(update={"seq": 4})
    with pytest.raises(SequenceConflict) as ahead:
        store.append(sid, gap, 4)  # a writer that skipped events 2 and 3
    assert ahead.value.actual == 2
    after = store.get(sid)
    assert after == before
    assert store.load_events(sid) == events[:2]


def test_append_refuses_an_unknown_session_or_a_mismatched_seq(store: Store) -> None:
    event = full_game()[0]
    with pytest.raises(SessionNotFound, match="nope"):
        store.append("nope", event, 0)
    sid = store.create_session(motion(), SEATS, seed=1).id
    with pytest.raises(InvalidRequest, match=r"event\.seq is 0"):
        store.append(sid, event, 3)
    assert store.get(sid).events == 0


def test_the_motion_snapshot_outlives_edits_of_the_motion(store: Store) -> None:
    original = store.create_session(motion(), SEATS, seed=1)
    edited_motion = tiny_motion(title="An edited proposition", actions_per_turn=3)
    edited = store.create_session(edited_motion, SEATS, seed=1)
    assert original.motion_sha256 != edited.motion_sha256
    assert store.load(original.id).motion == motion()
    assert store.load(edited.id).motion == edited_motion
    assert store.load(edited.id).motion.actions_per_turn == 3
    # sessions of one motion share one stored snapshot
    store.create_session(motion(), SEATS, seed=2)
    with store.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM motion_snapshots")).scalar()
    assert count == 2


def test_list_sessions_filters_by_motion_text_and_status(store: Store) -> None:
    a = store.create_session(motion(), SEATS, seed=1, title="Monday seminar")
    b = store.create_session(long_motion(), SEATS, seed=2, title="Tuesday practice")
    c = store.create_session(
        motion(), [Seat("kyiv", "Łucja Żak"), Seat("kremlin", "Bot", "scripted", "easy")], seed=3
    )
    store.set_status(a.id, "finished")
    assert [i.id for i in store.list_sessions()] == [a.id, c.id, b.id]  # last updated first
    assert {i.id for i in store.list_sessions(motion_id="tiny")} == {a.id, b.id, c.id}
    assert store.list_sessions(motion_id="other") == []
    assert [i.id for i in store.list_sessions(text="TUESDAY")] == [b.id]
    assert [i.id for i in store.list_sessions(text="łucja")] == [c.id]
    assert [i.id for i in store.list_sessions(text="o'neil")] == [a.id, b.id]
    assert [i.id for i in store.list_sessions(text=a.id[:6])] == [a.id]
    assert [i.id for i in store.list_sessions(status="finished")] == [a.id]
    listed = {i.id: i for i in store.list_sessions()}
    assert listed[c.id].seats == (
        Seat("kyiv", "Łucja Żak"),
        Seat("kremlin", "Bot", "scripted", "easy"),
    )


def test_fork_copies_the_first_k_events_and_points_to_its_parent(store: Store) -> None:
    events = full_game()
    parent = played(store, events, title="Original")
    branch = store.fork(parent, 7)
    assert (branch.parent_id, branch.fork_seq, branch.events) == (parent, 7, 7)
    assert branch.title == "Original (branch at 7)" and branch.status == "active"
    assert branch.seats == SEATS and branch.seed == 42
    loaded = store.load(branch.id)
    assert branch.turns == turns_played(loaded.state) == 4
    assert list(loaded.events) == events[:7]
    assert loaded.state.seq == 7 and not loaded.state.finished
    # the branch goes its own way; the parent is untouched
    alternative = Speak(text="A different second point.")
    _, event = apply(loaded.state, "kyiv", alternative)
    assert store.append(branch.id, event, 7) == 8
    assert store.load(parent).events == tuple(events)
    assert store.load(branch.id).events[7].action == alternative
    empty = store.fork(parent, 0, title="From the start")
    assert (empty.events, empty.title) == (0, "From the start")
    whole = store.fork(parent, len(events))
    assert store.load(whole.id).state.finished
    assert whole.status == "active"  # the parent was never marked finished
    store.set_status(parent, "finished")
    assert store.fork(parent, len(events)).status == "finished"
    assert store.fork(parent, len(events) - 1).status == "active"


def test_fork_can_hand_a_seat_to_a_person(store: Store) -> None:
    parent = played(store, full_game()[:7])
    kremlin = Seat("kremlin", "Dr. Kim", "human")
    branch = store.fork(parent, 5, take_over=kremlin)
    seats = {s.role: s for s in store.load(branch.id).seats}
    assert seats["kremlin"] == kremlin
    assert [s.role for s in store.load(branch.id).seats] == [s.role for s in SEATS]
    assert {s.role: s for s in store.load(parent).seats}["kremlin"].kind == "scripted"
    with pytest.raises(InvalidRequest, match="no seat 'beijing'"):
        store.fork(parent, 5, take_over=Seat("beijing", "X", "human"))


@pytest.mark.parametrize("at", [-1, 16])
def test_fork_refuses_a_point_outside_the_session(store: Store, at: int) -> None:
    parent = played(store, full_game())
    with pytest.raises(InvalidRequest, match=r"0\.\.15"):
        store.fork(parent, at)
    with pytest.raises(SessionNotFound):
        store.fork("nope", 0)
    assert len(store.list_sessions()) == 1


def test_annotations_are_added_edited_listed_and_deleted(store: Store) -> None:
    sid = played(store, full_game())
    late = store.annotate(sid, 9, "Dr. Kim", "Conceding here cost the Kremlin the point.")
    early = store.annotate(sid, 0, "Dr. Kim", "  A strong opening.  ")
    assert early.text == "A strong opening." and early.seq == 0 and early.session_id == sid
    assert [a.id for a in store.annotations(sid)] == [early.id, late.id]  # by event
    edited = store.update_annotation(late.id, "Conceding lost the challenge.")
    assert edited.text == "Conceding lost the challenge." and edited.created == late.created
    assert edited.updated >= late.updated
    assert store.load(sid).annotations == (early, edited)
    store.delete_annotation(early.id)
    assert store.annotations(sid) == [edited]
    with pytest.raises(AnnotationNotFound):
        store.delete_annotation(early.id)
    with pytest.raises(AnnotationNotFound):
        store.update_annotation(early.id, "x")


@pytest.mark.parametrize(
    ("seq", "author", "note"), [(15, "a", "x"), (-1, "a", "x"), (0, " ", "x"), (0, "a", "")]
)
def test_annotate_refuses_bad_arguments(store: Store, seq: int, author: str, note: str) -> None:
    sid = played(store, full_game())
    with pytest.raises(InvalidRequest):
        store.annotate(sid, seq, author, note)
    with pytest.raises(SessionNotFound):
        store.annotate("nope", 0, "a", "x")
    assert store.annotations(sid) == []


def test_status_and_title_changes(store: Store) -> None:
    sid = store.create_session(motion(), SEATS, seed=1).id
    store.set_status(sid, "finished")
    store.set_title(sid, "Renamed")
    info = store.get(sid)
    assert (info.status, info.title) == ("finished", "Renamed")
    assert info.updated > info.created
    with pytest.raises(InvalidRequest, match="unknown status"):
        store.set_status(sid, "paused")
    with pytest.raises(SessionNotFound):
        store.set_status("nope", "active")


def test_delete_removes_the_session_and_keeps_its_branches(store: Store) -> None:
    parent = played(store, full_game())
    store.annotate(parent, 1, "a", "note")
    branch = store.fork(parent, 3)
    store.delete(parent)
    with pytest.raises(SessionNotFound):
        store.get(parent)
    with pytest.raises(SessionNotFound):
        store.delete(parent)
    assert [i.id for i in store.list_sessions()] == [branch.id]
    assert store.load(branch.id).info.parent_id == parent
    with store.engine.connect() as conn:
        for table in ("events", "seats", "annotations"):
            rows = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE session_id = :s"), {"s": parent}
            ).scalar()
            assert rows == 0, table
    store.delete(branch.id)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM motion_snapshots")).scalar() == 0


def smuggle_an_illegal_move(store: Store, sid: str, events: list[Event]) -> None:
    """Event 2 rewritten as played by a role whose turn it was not."""
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE events SET payload = :p WHERE session_id = :s AND seq = 2"),
            {"p": events[2].model_copy(update={"actor": "kyiv"}).model_dump_json(), "s": sid},
        )


def test_a_damaged_event_log_is_reported_not_replayed(store: Store) -> None:
    events = full_game()
    sid = played(store, events)
    smuggle_an_illegal_move(store, sid, events)
    with pytest.raises(CorruptSession, match="event 2"):
        store.load(sid)
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE events SET payload = '{\"seq\": 2}' WHERE session_id = :s AND seq = 2"),
            {"s": sid},
        )
    with pytest.raises(CorruptSession, match="event 2 does not validate"):
        store.load(sid)


def test_read_then_replayed_is_load_and_a_state_handed_over_must_end_the_log(
    store: Store,
) -> None:
    events = full_game()
    sid = played(store, events)  # appended without `finish`: the row still says active
    stored = store.read(sid)
    assert stored.info.status == "active" and stored.events == tuple(events)
    loaded = store.load(sid)
    assert stored.replayed() == loaded and loaded.info.status == "finished"
    # A reader that folded the events itself hands its state over instead of folding again.
    state = fold(stored.motion, stored.events, roles=stored.roles)
    assert stored.replayed(state) == loaded
    with pytest.raises(ValueError, match="not the fold"):
        stored.replayed(fold(stored.motion, stored.events[:3], roles=stored.roles))


def test_a_log_that_does_not_replay_is_refused_alike_whoever_folds_it(store: Store) -> None:
    events = full_game()
    sid = played(store, events)
    smuggle_an_illegal_move(store, sid, events)
    with pytest.raises(CorruptSession) as loading:
        store.load(sid)
    stored = store.read(sid)  # reading alone does not replay
    with pytest.raises(CorruptSession) as folding, stored.replaying():
        fold(stored.motion, stored.events, roles=stored.roles)
    assert folding.value.message == loading.value.message
    assert loading.value.message.startswith(f"session {sid} does not replay: event 2")


def test_a_tampered_motion_snapshot_is_refused(store: Store) -> None:
    sid = store.create_session(motion(), SEATS, seed=1).id
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE motion_snapshots SET snapshot = replace(snapshot, 'Kyiv', 'Kiev')")
        )
    with pytest.raises(CorruptSession, match="sha256"):
        store.load(sid)


def test_times_are_aware_utc_and_events_keep_their_order(store: Store) -> None:
    events = speeches(40)
    sid = played(store, events, on=long_motion())
    info = store.get(sid)
    assert info.updated.tzinfo == UTC and info.created.tzinfo == UTC
    assert info.updated >= info.created
    assert [e.seq for e in store.load_events(sid)] == list(range(40))
    loaded = store.load(sid)
    assert loaded.info.turns == turns_played(loaded.state) == 6
