"""A seat's view of a hosted game as plain data (``debate state --json``): public state for
everyone, the private brief of this seat only (every brief for the facilitator)."""

from __future__ import annotations

from typing import Any

from debate.vocabulary.commitments import describe


def seat_view(client: Any) -> dict[str, Any]:
    """``client`` is a :class:`debate.seminar.SeatClient` (not imported: it imports us)."""
    game, state = client.game, client.game.state
    motion = game.motion
    card = game.scores.card()
    due = client.deadline()
    if client.role is None:
        brief: Any = {r: motion.role_by_id[r].brief.model_dump(mode="json") for r in state.roles}
    else:
        brief = motion.role_by_id[client.role].brief.model_dump(mode="json")
    return {
        "session": client.session_id,
        "role": client.role,
        "facilitator": client.facilitator,
        "motion": {"id": motion.id, "title": motion.title},
        "to_play": client.to_play,
        "next_seq": state.seq,
        "finished": client.finished,
        "paused": client.paused,
        "banner": client.hosted.banner,
        "turn_limit": client.hosted.turn_limit,
        "deadline": due.isoformat() if due else None,
        "phase": state.phase.name,
        "round": state.round,
        "legal": list(client.legal()),
        "brief": brief,
        "seats": [
            {"role": s.role, "player": s.player, "kind": s.kind, "difficulty": s.difficulty}
            for s in game.seats.values()
        ],
        "transcript": [
            {
                "seq": e.seq,
                "role": e.role,
                "kind": e.kind,
                "summary": e.summary,
                "text": e.text,
                "cites": list(e.cites),
                "rationale": e.rationale,
            }
            for e in game.transcript()
        ],
        "package": [
            {
                "id": c.id,
                "owner": c.owner,
                "kind": c.terms.kind,
                "description": describe(c.terms),
                "status": c.status,
            }
            for c in state.commitments.values()
        ],
        "deterrence_index": round(card.deterrence_index, 1),
        "criteria": [
            {"id": c.id, "name": c.name, "score": round(c.score, 1)} for c in card.criteria
        ],
    }
