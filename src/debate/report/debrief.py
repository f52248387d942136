"""The debrief of a session: everything an instructor hands out, as plain data.

:func:`build_debrief` folds a session's events once, scores every point, and gathers the
transcript (turn by turn, with scripted rationales and notes), the final package, the
criteria with their reasons, the stress test, each role's scores, the annotations and the
Deterrence Index trace. Renderers (:mod:`debate.report.markdown`,
:mod:`debate.report.html`) only format it; all player text in it is raw and they escape it.

Points and numbers: *point k* is the state after the first ``k`` events (0 is the start).
Events are numbered from 1 for people, so event number ``k`` is the one that leads to
point ``k`` (its ``seq`` is ``k - 1``). An annotation at point ``k`` is shown under event
``k``; a branch made at point ``k`` holds events 1..k of its parent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import methodcaller
from typing import NamedTuple

from debate.engine import Challenge, Event, GameState, Speak
from debate.history.effects import explain
from debate.history.timeline import FoldCache, TurningPoint, turning_points
from debate.history.transcript import wording
from debate.motions import Motion
from debate.report.memo import card_reader, memoised
from debate.report.results import RoleResult, index_contributions, role_results
from debate.report.summaries import consequences
from debate.scoring.game import GameScores, score_game, stress_state
from debate.scoring.results import Scorecard, StressResult
from debate.vocabulary.commitments import CONCESSION_KINDS, describe

#: The actions that cite claims (asking any other for its claims costs pydantic an exception).
_CITING = (Speak, Challenge)
#: A function from a state to its scores (the real scorer, or a stand-in in tests).
Scorer = Callable[[GameState], GameScores]
#: A function from a final state to its stress test, one result per card.
StressTester = Callable[[GameState], tuple[StressResult, ...]]


# -- what goes in ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Seat:
    role: str
    player: str  # a person's name, or a label for a scripted seat
    scripted: bool = False
    difficulty: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """An instructor's annotation at a point of the session."""

    point: int
    text: str
    author: str = ""
    created: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class SessionRecord:
    """A saved session as the report needs it (the store converts its rows to this)."""

    id: str
    title: str
    motion: Motion
    seats: tuple[Seat, ...]
    events: tuple[Event, ...]
    notes: tuple[Note, ...] = ()
    parent_id: str | None = None
    fork_point: int | None = None
    created: datetime | None = None
    updated: datetime | None = None
    status: str = ""
    seed: int | None = None

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(s.role for s in self.seats)


# -- what comes out --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SeatLine:
    role: str
    name: str
    symbol: str
    player: str
    scripted: bool
    difficulty: str | None


class Entry(NamedTuple):
    """One event of the transcript. A named tuple: a debrief makes one per event, and a
    frozen dataclass took twice as long to build (~30 ms of a 50,000-event export)."""

    number: int  # 1-based event number (= the point it leads to)
    actor: str
    action: str  # the action type
    summary: str  # plain text, e.g. "proposes c2: troops 60,000 standing, statute, ..."
    effects: tuple[str, ...]  # what it settled: "challenge x1 (...) lapsed", "c2 is discounted"
    text: str  # the player's own words ('' if none)
    rationale: str | None  # why a scripted role acted
    claims: tuple[tuple[str, str], ...]  # (claim id, claim text) cited
    index_after: float
    delta: float
    notes: tuple[Note, ...] = ()


class Turn(NamedTuple):
    """Consecutive events by one role in one turn (a named tuple, as :class:`Entry`)."""

    turn_no: int  # 1-based over the whole game
    round: int
    phase: str
    actor: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class PackageLine:
    id: str
    owner: str
    kind: str
    description: str
    status: str
    concession: bool
    from_demand: str | None
    note: str | None  # player text


@dataclass(frozen=True)
class ParentTrace:
    """The session a branch was made from, and its index trace."""

    id: str
    title: str
    fork_point: int
    trace: tuple[float, ...]


@dataclass(frozen=True)
class Debrief:
    session_id: str
    title: str
    motion: Motion
    seats: tuple[SeatLine, ...]
    start_notes: tuple[Note, ...]  # notes at point 0, before any event
    turns: tuple[Turn, ...]
    package: tuple[PackageLine, ...]
    final: GameScores
    stress: tuple[StressResult, ...]
    notes: tuple[Note, ...]
    trace: tuple[float, ...]  # trace[k] = index at point k
    criteria_traces: dict[str, tuple[float, ...]]
    turning: tuple[TurningPoint, ...]
    finished: bool
    agreed: bool | None
    votes: dict[str, bool]
    debate_points: dict[str, int]
    parent: ParentTrace | None = None
    created: datetime | None = None
    updated: datetime | None = None
    status: str = ""
    criterion_names: dict[str, str] = field(default_factory=dict)
    #: Each seated role's result (objectives, red lines, what the seat did), by role id.
    results: dict[str, RoleResult] = field(default_factory=dict)
    #: Why each turning point moved the index (its events and what they settled), by seq.
    turning_why: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return len(self.trace) - 1

    def role_name(self, role: str) -> str:
        spec = self.motion.role_by_id.get(role)
        return spec.name if spec else role

    def role_label(self, role: str) -> str:
        """Name and symbol, so roles are told apart without colour: 'Kyiv (K)'."""
        spec = self.motion.role_by_id.get(role)
        return f"{spec.name} ({spec.symbol})" if spec else role

    @property
    def source_citation(self) -> str:
        s = self.motion.source
        text = f"{s.author}, \u201c{s.title}\u201d, {s.outlet}, {s.date}"
        return text + (f", {s.url}" if s.url else "")


def score_trace(states: Sequence[GameState], scorer: Scorer = score_game) -> list[GameScores]:
    """The scores at every point, given every state."""
    return [scorer(s) for s in states]


def build_debrief(
    session: SessionRecord,
    *,
    parent: SessionRecord | None = None,
    scorer: Scorer = score_game,
    stress: StressTester = stress_state,
) -> Debrief:
    """Fold, score and gather a session into a :class:`Debrief`.

    ``parent`` (the session a branch was made from) adds its index trace for comparison.
    """
    return debrief_and_state(session, parent=parent, scorer=scorer, stress=stress)[0]


def debrief_and_state(
    session: SessionRecord,
    *,
    parent: SessionRecord | None = None,
    scorer: Scorer = score_game,
    stress: StressTester = stress_state,
) -> tuple[Debrief, GameState]:
    """:func:`build_debrief`, and the state the session's events fold to (its fold may then
    be the store's check that they replay: see :func:`debate.report.saved.load_debrief`)."""
    motion = session.motion
    scorer = memoised(scorer)  # once per distinct package: long sessions stay linear
    card_at = card_reader(scorer)  # every point needs the card; role scores only the end
    notes_by_point: dict[int, list[Note]] = {}
    for note in sorted(session.notes, key=lambda n: (n.point, n.created or datetime.min)):
        notes_by_point.setdefault(note.point, []).append(note)

    # States are folded and scored one at a time and not kept: a 50,000-event session
    # holds one state at a time, its scores shared between the points of one package.
    cache = FoldCache(motion, session.events, session.roles or None)
    # A snapshot every 1,024 events lets the turning points' explanations refold a little.
    states = cache.iter_states(keep_every=1024)
    before = next(states)
    marks = [0] if before.actions_this_turn == 0 else []  # where each turn begins
    first = card_at(before)
    trace: list[float] = [first.deterrence_index]
    cards = [first]
    turns: list[Turn] = []
    current: list[Entry] = []
    final_state = before
    last = len(session.events) - 1
    for k, (event, after) in enumerate(zip(session.events, states, strict=False)):
        final_state = after
        card = card_at(after)
        index = card.deterrence_index
        trace.append(index)
        cards.append(card)
        if after.actions_this_turn == 0:
            marks.append(k + 1)
        summary, text, _ = wording(event, after)  # as the debate table's transcript says it
        action = event.action
        cited = action.claims if isinstance(action, _CITING) else ()
        entry = Entry(
            number=k + 1,
            actor=event.actor,
            action=action.type,
            summary=summary,
            effects=tuple(consequences(before, after)),
            text=text or "",
            rationale=event.rationale,
            claims=tuple((c, _claim_text(motion, c)) for c in cited) if cited else (),
            index_after=index,
            delta=index - trace[k],
            notes=tuple(notes_by_point.get(k + 1, ())),
        )
        current.append(entry)
        turn_over = after.turn_no != before.turn_no or k == last
        if turn_over:
            turns.append(
                Turn(
                    turn_no=before.turn_no + 1,
                    round=before.round,
                    phase=before.phase.name,
                    actor=event.actor,
                    entries=tuple(current),
                )
            )
            current = []
        before = after
    final = scorer(final_state)
    criteria_traces = _criteria_traces(cards, [c.id for c in final.card.criteria])

    seats = tuple(_seat_line(motion, s) for s in session.seats) or tuple(
        _seat_line(motion, Seat(role=r, player="")) for r in final_state.roles
    )
    parent_trace = None
    if parent is not None and session.fork_point is not None:
        parent_states = FoldCache(parent.motion, parent.events, parent.roles or None).iter_states()
        parent_trace = ParentTrace(
            id=parent.id,
            title=parent.title,
            fork_point=session.fork_point,
            trace=tuple(card_at(s).deterrence_index for s in parent_states),
        )
    players = {s.role: (s.player, not s.scripted) for s in seats}
    contributions = index_contributions((e.actor for e in session.events), trace)
    results = role_results(final_state, final, players, contributions)
    # One rule everywhere (the live debrief, the replay, the exports): a turning point is a
    # turn, a player's unit of play, and it says which events and effects moved the index.
    if not marks or marks[-1] != len(trace) - 1:
        marks.append(len(trace) - 1)  # the last point closes the last turn
    turning = turning_points({k: trace[k] for k in marks}, starts=marks)
    why = {
        tp.seq: tuple(explain(tp, session.events, cache.state_at, final_state)) for tp in turning
    }
    debrief = Debrief(
        turning_why=why,
        results=results,
        session_id=session.id,
        title=session.title,
        motion=motion,
        seats=seats,
        start_notes=tuple(notes_by_point.get(0, ())),
        turns=tuple(turns),
        package=tuple(
            PackageLine(
                id=c.id,
                owner=c.owner,
                kind=c.terms.kind,
                description=describe(c.terms),
                status=c.status,
                concession=c.terms.kind in CONCESSION_KINDS,
                from_demand=c.from_demand,
                note=c.terms.note,
            )
            for c in final_state.commitments.values()
        ),
        final=final,
        stress=stress(final_state) if final_state.finished else (),
        notes=tuple(sorted(session.notes, key=lambda n: (n.point, n.created or datetime.min))),
        trace=tuple(trace),
        criteria_traces=criteria_traces,
        turning=tuple(turning),
        finished=final_state.finished,
        agreed=final_state.agreed,
        votes=dict(final_state.votes),
        debate_points={r: p.total for r, p in final_state.points.items()},
        parent=parent_trace,
        created=session.created,
        updated=session.updated,
        status=session.status,
        criterion_names={c.id: c.name for c in final.card.criteria},
    )
    return debrief, final_state


def _claim_text(motion: Motion, claim: str) -> str:
    found = motion.claim_by_id.get(claim)
    return found.text if found is not None else ""


def _criteria_traces(
    cards: Sequence[Scorecard], ids: Sequence[str]
) -> dict[str, tuple[float, ...]]:
    """Each criterion's score at every point; points of one package share their card, so
    each card is read once."""
    read: dict[int, dict[str, float]] = {}
    by_point = []
    for card in cards:
        scores = read.get(id(card))
        if scores is None:
            scores = read[id(card)] = card.scores()
        by_point.append(scores)
    return {cid: tuple(map(methodcaller("get", cid, 0.0), by_point)) for cid in ids}


def _seat_line(motion: Motion, seat: Seat) -> SeatLine:
    spec = motion.role_by_id.get(seat.role)
    return SeatLine(
        role=seat.role,
        name=spec.name if spec else seat.role,
        symbol=spec.symbol if spec else "?",
        player=seat.player,
        scripted=seat.scripted,
        difficulty=seat.difficulty,
    )


__all__ = [
    "Debrief",
    "Entry",
    "Note",
    "PackageLine",
    "ParentTrace",
    "Scorer",
    "Seat",
    "SeatLine",
    "SessionRecord",
    "StressTester",
    "Turn",
    "build_debrief",
    "debrief_and_state",
    "score_trace",
]
