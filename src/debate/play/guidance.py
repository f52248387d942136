"""Rules announced before they bite: the vote rule, what passing costs, why answers wait.

Plain sentences for the table's dialogs, forms and status line (never markup).

>>> from debate.engine import new_game
>>> from debate.engine.testing import tiny_motion
>>> print(vote_rule(tiny_motion()))  # doctest: +ELLIPSIS
The package passes only if every seated role accepts it: each role has a veto. ...
"""

from __future__ import annotations

from debate.engine import GameState
from debate.history.transcript import criterion_name
from debate.motions import Motion


def vote_rule(motion: Motion) -> str:
    """How the final vote is decided, and what a rejection means."""
    if motion.agreement == "unanimous":
        rule = "The package passes only if every seated role accepts it: each role has a veto."
    else:
        rule = "The package passes if more than half of the seated roles accept it."
    return (
        f"{rule} A rejected package is no deal: nothing on the table comes into force and each "
        "role scores its brief's no-deal outcome instead. A vote cannot be changed."
    )


def pass_costs(state: GameState, role: str) -> list[str]:
    """What ending the turn now gives up: unused actions, challenges that will lapse."""
    motion = state.motion
    left = motion.actions_per_turn - state.actions_this_turn
    costs: list[str] = []
    if left > 0 and not state.in_vote:
        costs.append(f"You give up {left} unused action{'s' if left != 1 else ''} this turn.")
    for ch in state.open_challenges(against=role):
        if ch.made_turn >= state.turn_no:
            continue  # made during this very turn: it is answered next time
        challenger = motion.role_by_id[ch.challenger].name
        costs.append(
            f"{challenger}'s challenge to {ch.commitment_id} on "
            f"{criterion_name(ch.criterion)} is still unanswered: if your turn ends now it "
            f"lapses, {ch.commitment_id} counts at half its value and {challenger} scores. "
            "Answer it by amending, conceding, or speaking on that criterion."
        )
    for d in state.pending_demands(to=role):
        who = motion.role_by_id[d.by].name
        costs.append(f"{who}'s demand {d.id} stays unanswered until your next turn.")
    return costs


def answer_hint(state: GameState, role: str, legal: tuple[str, ...]) -> str | None:
    """Why demands addressed to ``role`` cannot be answered now, if that is the case."""
    pending = state.pending_demands(to=role)
    if not pending or "accept" in legal or "reject" in legal or state.finished:
        return None
    later = next(
        (
            p.name
            for p in state.motion.phases[state.phase_index + 1 :]
            if "accept" in p.actions or "reject" in p.actions
        ),
        None,
    )
    ids = ", ".join(d.id for d in pending)
    if later is None:
        return f"Demand {ids} can no longer be answered: no later phase allows it."
    return (
        f"Demand {ids} cannot be answered in {state.phase.name}; "
        f"answer it in the {later} phase."
    )


def recap(game: object, role: str) -> list[str]:
    """What the other roles did since ``role`` last acted (one short line per role, in
    playing order), then how the index moved. Empty before anyone else acted.

    ``game`` is a :class:`~debate.play.GameController`.
    """
    from debate.play.controller import GameController

    assert isinstance(game, GameController)
    events = game.events
    last = max((i for i, e in enumerate(events) if e.actor == role), default=-1)
    since = [e for e in events[last + 1 :] if e.actor != role]
    if not since:
        return []
    state = game.state
    names = state.motion.role_by_id
    moves: dict[str, list[str]] = {}
    for e in since:
        moves.setdefault(e.actor, []).append(_terse(e, state))
    lines = [f"{names[r].name}: {', '.join(m)}." for r, m in moves.items()]
    before, now = game.scores.index(last + 1), game.scores.index()
    # The change is taken between the rounded figures shown, so the line adds up.
    shown_before, shown_now = round(before), round(now)
    lines.append(
        f"The Deterrence Index moved {shown_before} → {shown_now} "
        f"({shown_now - shown_before:+d})."
    )
    return lines


def _terse(event: object, state: GameState) -> str:
    """A move in a few words: ``tables c4``, ``challenges c2``, ``demands d1 of Kyiv``."""
    from debate.engine import Event

    assert isinstance(event, Event)
    a = event.action
    seq = event.seq
    tabled = next((c.id for c in state.commitments.values() if c.tabled_at == seq), "")
    match a.type:
        case "propose":
            return f"tables {tabled}"
        case "amend" | "withdraw":
            return f"{a.type}s {getattr(a, 'commitment_id', '')}"
        case "challenge":
            return f"challenges {getattr(a, 'commitment_id', '')}"
        case "concede":
            return f"concedes {getattr(a, 'challenge_id', '')}"
        case "demand":
            did = next((d.id for d in state.demands.values() if d.made_at == seq), "")
            target = state.motion.role_by_id[a.commitment.by].name
            return f"demands {did} of {target}"
        case "accept":
            return f"accepts {getattr(a, 'demand_id', '')} (now {tabled})"
        case "reject":
            return f"rejects {getattr(a, 'demand_id', '')}"
        case "speak":
            return "speaks"
        case "vote":
            return "votes"
    return "passes"


def turn_effect(game: object, role: str) -> str | None:
    """How ``role``'s latest turn moved the index (shown before the keyboard changes hands)."""
    from debate.play.controller import GameController

    assert isinstance(game, GameController)
    mine = [i for i, e in enumerate(game.events) if e.actor == role]
    if not mine:
        return None
    end = mine[-1] + 1
    start = end - 1
    while start > 0 and game.events[start - 1].actor == role:
        start -= 1
    before, after = game.scores.index(start), game.scores.index(end)
    name = game.motion.role_by_id[role].name
    return (
        f"{name}'s turn moved the Deterrence Index {before:.0f} → {after:.0f} "
        f"({after - before:+.0f})."
    )


def red_lines_crossed_by(state: GameState, role: str, action: object) -> list[str]:
    """``role``'s red lines that ``action`` would cross (texts); empty if none, or if the
    engine would refuse the action anyway (it then says why)."""
    from debate.engine import IllegalAction, apply
    from debate.scoring.red_lines import newly_crossed

    try:
        after, _ = apply(state, role, action)  # type: ignore[arg-type]
    except IllegalAction:
        return []
    return [line.text for line in newly_crossed(state, after, role)]
