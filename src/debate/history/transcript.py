"""The transcript as plain data: one entry per event, in words a seminar can read.

Entries carry the player's own text separately (``text``) so that every renderer can show
it literally; ``summary`` is built only from ids, names and commitment descriptions.
Shared by the debate table, the replay screen and exports.

>>> from debate.engine import Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> state, event = apply(new_game(tiny_motion()), "kyiv", Speak(text="[b]Hi[/b]"))
>>> entry = entry_for(event, state)
>>> entry.role, entry.summary, entry.text
('kyiv', 'speaks', '[b]Hi[/b]')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from debate.engine import (
    Accept,
    Amend,
    Challenge,
    Concede,
    Demand,
    Event,
    GameState,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
)
from debate.text_safety import neutralise
from debate.vocabulary import criteria as criteria_table
from debate.vocabulary.commitments import describe, word


@dataclass(frozen=True)
class TranscriptEntry:
    """What one event said and did."""

    seq: int
    role: str
    kind: str  # the action type
    summary: str  # built from ids and descriptions, never from player text
    text: str | None = None  # the player's own words, to be shown literally
    cites: tuple[str, ...] = ()  # claim ids
    rationale: str | None = None  # why a scripted role acted


def criterion_name(criterion: str) -> str:
    return criteria_table.CRITERION_NAMES.get(criterion, criterion.replace("_", " "))


def entry_for(event: Event, state: GameState) -> TranscriptEntry:
    """Describe ``event`` using ``state``, any state at or after it (ids are stable)."""
    summary, text, cites = wording(event, state)
    return TranscriptEntry(
        seq=event.seq,
        role=event.actor,
        kind=event.action.type,
        summary=summary,
        text=text,
        cites=cites,
        rationale=None if event.rationale is None else neutralise(event.rationale),
    )


def wording(event: Event, state: GameState) -> tuple[str, str | None, tuple[str, ...]]:
    """What :func:`entry_for` says ``event`` did: its summary, the player's own words (or
    None) and the claim ids cited, neutralised; for readers that need no more (the debrief
    words every event of a long session)."""
    action = event.action
    if type(action) is Pass:  # most events of a long session: skip the match and its checks
        return "passes", None, ()
    text: str | None = None
    cites: tuple[str, ...] = ()
    match action:
        case Speak():
            summary, text, cites = "speaks", action.text, action.claims
            if action.criteria:
                summary += " on " + ", ".join(criterion_name(c) for c in action.criteria)
        case Propose():
            cid = _tabled_at(state, event.seq)
            summary = f"tables {cid}: {describe(action.commitment)}"
        case Amend():
            summary = f"amends {action.commitment_id}: {describe(action.commitment)}"
        case Withdraw():
            summary = f"withdraws {action.commitment_id}"
        case Challenge():
            owner = state.commitments.get(action.commitment_id)
            whose = f" ({_name(state, owner.owner)})" if owner else ""
            summary = (
                f"challenges {action.commitment_id}{whose} on {criterion_name(action.criterion)}"
            )
            text, cites = action.text or None, action.claims
        case Concede():
            ch = state.challenges.get(action.challenge_id)
            on = f" on {ch.commitment_id}" if ch else ""
            summary = f"concedes challenge {action.challenge_id}{on}"
        case Demand():
            did = next((d.id for d in state.demands.values() if d.made_at == event.seq), "?")
            target = _name(state, action.commitment.by)
            summary = f"demands of {target} ({did}): {describe(action.commitment)}"
            text = action.text or None
        case Accept():
            cid = _tabled_at(state, event.seq)
            summary = f"accepts demand {action.demand_id}, now {cid}"
        case Reject():
            summary = f"rejects demand {action.demand_id}"
            if action.counter is not None:
                summary += f", counters with {describe(action.counter)}"
            text = action.text or None
        case Vote():
            summary = (
                "votes to accept the package" if action.accept else "votes against the package"
            )
        case _:
            summary = "passes"
    # Entries are what every renderer shows: control and bidi characters are made visible
    # here once (debate.text_safety), whatever the renderer does after.
    return (
        neutralise(summary),
        None if text is None else neutralise(text),
        tuple(map(neutralise, cites)) if cites else (),
    )


_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+:\s*")
_RESTS_ON = re.compile(r"\s*\(rests on ([^)]*)\)")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


@lru_cache(maxsize=2048)  # scripted roles give the same reasons again and again
def rationale_text(rationale: str) -> str:
    """A scripted role's stored rationale as prose for players: no rule id, no claim ids,
    no ``snake_case`` values (the ids stay in the event, for the JSON export).

    >>> rationale_text("kyiv.argue: keeps the floor (rests on claim army_first, claim x_y)")
    'Keeps the floor (citing 2 claims from the source)'
    >>> rationale_text("kremlin.vote: weighs it (rests on criterion deterrence_index)")
    'Weighs it (on the Deterrence Index)'
    """
    text = _RULE_ID.sub("", rationale.strip())

    def rests(match: re.Match[str]) -> str:
        parts = [p.strip() for p in match.group(1).split(",")]
        claims = sum(p.startswith("claim ") for p in parts)
        criteria = [p.removeprefix("criterion ") for p in parts if p.startswith("criterion ")]
        said = []
        if claims:
            said.append(f"citing {claims} claim{'s' if claims != 1 else ''} from the source")
        if criteria:
            said.append("on " + ", ".join(_criterion_words(c) for c in criteria))
        return f" ({'; '.join(said)})" if said else ""

    text = _RESTS_ON.sub(rests, text)
    text = _SNAKE.sub(lambda m: _criterion_words(m.group(0)), text)
    return text[:1].upper() + text[1:]


def _criterion_words(value: str) -> str:
    if value == "deterrence_index":
        return "the Deterrence Index"
    names = criteria_table.CRITERION_NAMES
    if value in names:
        return names[value].lower()
    return word(value)


def entries(events: Iterable[Event], state: GameState) -> list[TranscriptEntry]:
    """Entries for ``events``, described with ``state`` (the state after the last of them)."""
    return [entry_for(e, state) for e in events]


def _tabled_at(state: GameState, seq: int) -> str:
    return next((c.id for c in state.commitments.values() if c.tabled_at == seq), "?")


def _name(state: GameState, role: str) -> str:
    spec = state.motion.role_by_id.get(role)
    return spec.name if spec else role
