"""Hosted games in one process: codes, seat views, acting, races, pause, timer, lease."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from debate.engine import Pass, Speak
from debate.engine.testing import tiny_motion
from debate.seminar import (
    BadCode,
    GameMovedOn,
    Refused,
    SeatClient,
    SeatSpec,
    SeminarError,
    host_game,
    parse_seat,
)
from debate.seminar.pace import Console
from debate.seminar.referee import LEASE_SECONDS, due, duty
from debate.store import Store


def hosted(store: Store, *specs: SeatSpec, days: int = 14):  # type: ignore[no-untyped-def]
    return host_game(store, tiny_motion(), list(specs), seed=5, days=days)


def test_codes_open_their_seat_and_only_hashes_are_stored(store: Store) -> None:
    codes = hosted(store, SeatSpec("kremlin", "scripted", "easy"))
    assert set(codes.seats) == {"kyiv", "washington"}  # only human seats get codes
    kyiv = SeatClient.open(store, codes.seats["kyiv"].lower().replace("-", " "))
    assert (kyiv.session_id, kyiv.role) == (codes.session, "kyiv")
    assert SeatClient.open(store, codes.facilitator).facilitator
    with store.engine.connect() as conn:
        stored = " ".join(str(r) for r in conn.execute(text("SELECT * FROM access_codes")))
    for code in [*codes.seats.values(), codes.facilitator]:
        assert code not in stored and code.replace("-", "") not in stored


def test_wrong_or_expired_codes_get_the_same_message(store: Store) -> None:
    codes = hosted(store, days=-1)  # already expired
    with pytest.raises(BadCode) as expired:
        SeatClient.open(store, codes.seats["kyiv"])
    with pytest.raises(BadCode) as wrong:
        SeatClient.open(store, "AAAA-BBBB-CCCC-DDDD")
    assert expired.value.message == wrong.value.message
    assert expired.value.exit_code == 2


def test_a_seat_sees_its_own_brief_and_never_another(store: Store) -> None:
    codes = hosted(store)
    motion = tiny_motion()
    for role, code in codes.seats.items():
        view = SeatClient.open(store, code).view()
        assert view["brief"]["summary"] == motion.role_by_id[role].brief.summary
        dumped = json.dumps(view)
        for other in motion.roles:
            if other.id != role:
                assert other.brief.summary not in dumped
    everything = SeatClient.open(store, codes.facilitator).view()
    assert set(everything["brief"]) == {"kyiv", "kremlin", "washington"}
    keys = {"session", "role", "to_play", "next_seq", "finished", "paused", "legal", "brief"}
    assert keys | {"transcript", "package", "deterrence_index", "criteria"} <= set(everything)


def test_actions_only_on_ones_turn_and_others_see_them(store: Store) -> None:
    codes = hosted(store)
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    kremlin = SeatClient.open(store, codes.seats["kremlin"])
    assert kremlin.legal() == () and "speak" in kyiv.legal()
    with pytest.raises(Refused, match="kyiv's turn"):
        kremlin.act(Speak(text="Not yet"))
    kyiv.act(Speak(text="[b]Army[/b] first"))
    assert kremlin.refresh()
    assert kremlin.view()["transcript"][0]["text"] == "[b]Army[/b] first"
    with pytest.raises(Refused):  # an illegal action: the engine's reason, nothing saved
        kyiv.act(Speak(text="x", claims=["no-such-claim"]))
    assert store.get(codes.session).events == 1


def test_two_writers_race_one_wins_the_loser_recovers(store: Store) -> None:
    codes = hosted(store)
    first = SeatClient.open(store, codes.seats["kyiv"])
    second = SeatClient.open(store, codes.seats["kyiv"])  # the same seat on two screens
    first.act(Speak(text="mine"))
    with pytest.raises(GameMovedOn):
        second.act(Speak(text="also mine"))
    assert second.game.state.seq == 1  # reloaded: it shows the fresh state
    second.act(Pass())  # and is not stuck
    loaded = store.load(codes.session)
    assert [e.seq for e in loaded.events] == [0, 1]
    assert [e.action.type for e in loaded.events] == ["speak", "pass"]


def test_pause_refuses_actions_until_resume(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    console.pause()
    kyiv.refresh()
    assert kyiv.legal() == () and kyiv.view()["paused"]
    with pytest.raises(Refused, match="paused"):
        kyiv.act(Pass())
    console.resume()
    kyiv.refresh()
    kyiv.act(Pass())


def test_an_expired_turn_timer_passes_the_seat(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    console.set_limit(30)
    referee = SeatClient.open(store, codes.facilitator)
    limit = referee.deadline()
    assert limit is not None
    assert duty(referee, now=limit - timedelta(seconds=1)) is None
    event = duty(referee, now=limit + timedelta(seconds=1))
    assert event is not None and event.actor == "kyiv" and event.action.type == "pass"
    assert "time ran out" in (event.rationale or "")
    kremlin = SeatClient.open(store, codes.seats["kremlin"])
    assert kremlin.to_play == "kremlin"
    assert "time ran out" in kremlin.view()["transcript"][-1]["rationale"]


def test_pause_keeps_the_time_used(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    console.set_limit(60)
    before = console.client.deadline()
    console.pause()
    assert console.client.deadline() is None
    console.resume()
    after = console.client.deadline()
    assert before is not None and after is not None and after >= before


def test_scripted_seats_are_played_by_the_lease_holder_only(store: Store) -> None:
    codes = hosted(store, SeatSpec("kyiv", "scripted", "easy"))
    one = SeatClient.open(store, codes.facilitator)
    two = SeatClient.open(store, codes.facilitator)
    assert due(one) == "scripted"
    assert duty(one) is not None  # takes the lease and plays
    two.refresh()
    if due(two) == "scripted":
        assert duty(two) is None  # the lease is one's
    assert store.lease_holder(codes.session) == one.client_id
    # A holder that dies: its lease runs out, another takes over.
    later = datetime.now(UTC) + timedelta(seconds=LEASE_SECONDS + 1)
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE leases SET expires = :t"), {"t": datetime.now(UTC) - timedelta(seconds=1)}
        )
    assert later > datetime.now(UTC)
    assert store.take_lease(codes.session, two.client_id, LEASE_SECONDS)
    assert not store.take_lease(codes.session, one.client_id, LEASE_SECONDS)


def test_handing_a_seat_over_and_back(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    console.hand_to_scripted("kyiv", "easy")
    with pytest.raises(BadCode):
        SeatClient.open(store, codes.seats["kyiv"])  # the absent student's code stops
    referee = SeatClient.open(store, codes.facilitator)
    assert due(referee) == "scripted" and duty(referee) is not None
    new = console.hand_to_human("kyiv")
    assert SeatClient.open(store, new).role == "kyiv"


def test_end_early_goes_to_the_vote_and_banner_shows(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    console.set_banner("Five minutes left")
    console.end_debate()
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    assert kyiv.game.state.in_vote
    assert kyiv.view()["banner"] == "Five minutes left"


@pytest.mark.parametrize("bad", ["kyiv", "kyiv=robot", "kyiv=human:hard", "kyiv=scripted:x"])
def test_bad_seat_options(bad: str) -> None:
    with pytest.raises(SeminarError):
        parse_seat(bad)


@pytest.mark.parametrize("shared", [False, True])
def test_watchers_wake_on_a_commit_by_another_client(store: Store, shared: bool) -> None:
    codes = hosted(store)
    watcher = store.watch(codes.session, shared=shared)
    try:
        watcher.wait(0.3)  # settle (a shared listener starts listening in its thread)
        SeatClient.open(store, codes.seats["kyiv"]).act(Speak(text="wake up"))
        woke = False
        for _ in range(100):  # a bound, not a timing assertion
            if watcher.wait(0.1):
                woke = True
                break
        assert woke
        follower = SeatClient.open(store, codes.seats["kremlin"])
        assert follower.game.state.seq == 1
    finally:
        watcher.close()


def test_a_second_terminal_on_the_same_session_can_act_after_losing(store: Store) -> None:
    """Hot-seat controllers too: the loser of a race reloads and is never stuck."""
    from debate.play import GameController
    from debate.store import Seat, SequenceConflict

    seats = [
        Seat("kyiv", "A", "human"),
        Seat("kremlin", "B", "human"),
        Seat("washington", "C", "human"),
    ]
    first = GameController.start(store, tiny_motion(), seats, seed=1)
    second = GameController.resume(store, first.session_id)
    first.submit(Speak(text="one"))
    with pytest.raises(SequenceConflict):
        second.submit(Speak(text="two"))
    assert second.state.seq == 1 and second.events[0].action.text == "one"  # type: ignore[union-attr]
    second.submit(Pass())
    first.reload()
    assert [e.seq for e in first.events] == [0, 1]


def test_an_action_racing_a_pause_is_refused_not_saved(store: Store) -> None:
    codes = hosted(store)
    kyiv = SeatClient.open(store, codes.seats["kyiv"])  # still believes the game runs
    Console(SeatClient.open(store, codes.facilitator)).pause()
    assert not kyiv.paused
    with pytest.raises(Refused, match="paused"):
        kyiv.act(Speak(text="just in time?"))
    assert store.get(codes.session).events == 0
    assert kyiv.paused  # and it now shows the pause


def test_a_replaced_code_stops_working_on_an_open_screen(store: Store) -> None:
    codes = hosted(store)
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    console = Console(SeatClient.open(store, codes.facilitator))
    console.hand_to_scripted("kyiv")
    console.hand_to_human("kyiv")  # a new code for someone else
    kyiv.refresh()
    assert kyiv.revoked and kyiv.legal() == ()
    with pytest.raises(Refused, match="no longer"):
        kyiv.act(Pass())
    assert store.get(codes.session).events == 0


def test_banner_is_plain_text_and_a_hosted_game_can_be_deleted(store: Store) -> None:
    codes = hosted(store)
    console = Console(SeatClient.open(store, codes.facilitator))
    console.set_banner("\x1b[31mred\x1b[0m \u202eevil\n next")
    assert console.client.hosted.banner == "[31mred[0m evil next"
    store.delete(codes.session)
    with pytest.raises(BadCode):
        SeatClient.open(store, codes.seats["kyiv"])
    assert store.lease_holder(codes.session) is None
