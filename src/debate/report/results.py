"""Each role's result, in words a player and an instructor can use.

A :class:`RoleResult` gathers what the scorer says about one seat (objectives met, red lines
crossed, the outcome) with what the seat did (claims cited, challenges made and answered, its
moves' effect on the index, its vote). The in-game debrief opens on the player's own result,
the Markdown and HTML exports show one per role, and the instructor's CSV sheet has one row
per human seat. Pure: built from a final state and its scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from debate.engine import GameState
from debate.scoring.game import INDEX_ID, GameScores, ObjectiveResult

#: Challenge outcomes that mean the challenged role answered in time.
ANSWERED = frozenset({"rebutted", "amended", "conceded"})


@dataclass(frozen=True, slots=True)
class RoleResult:
    role: str
    name: str
    symbol: str
    player: str
    human: bool
    objectives: tuple[ObjectiveResult, ...]
    red_lines: tuple[str, ...]
    index: float
    goal: float | None  # the brief's Deterrence Index target, if it has one
    objective_score: float
    debate_points: int
    claims_cited: int
    challenges_made: int
    challenges_won: int
    challenges_received: int
    challenges_answered: int
    index_contribution: float  # sum of the index changes of this role's own moves
    vote: str  # "accept", "reject" or "" (no vote yet)
    outcome: str  # "open", "agreed" or "no_deal"
    no_deal_text: str | None = None

    @property
    def met(self) -> int:
        return sum(o.verdict == "met" for o in self.objectives)

    @property
    def partly(self) -> int:
        return sum(o.verdict == "partly met" for o in self.objectives)

    def headline(self, you: bool = False) -> str:
        """``You, Kyiv: 4 of 6 objectives met, 1 red line crossed, index 62 vs your goal 70``."""
        if you:
            who = f"You, {self.name}"
        else:
            who = f"{self.name} ({self.player})" if self.player and self.human else self.name
        crossed = len(self.red_lines)
        lines = f"{crossed} red line{'s' if crossed != 1 else ''} crossed"
        index = f"index {self.index:.0f}"
        if self.goal is not None:
            index += f" vs {'your' if you else 'its'} goal {self.goal:.0f}"
        text = f"{who}: {self.met} of {len(self.objectives)} objectives met"
        if self.partly:
            text += f" ({self.partly} partly)"
        return f"{text}, {lines}, {index}"

    def outcome_text(self) -> str:
        if self.outcome == "no_deal":
            text = "The package was rejected: no deal."
            return text + (f" {self.no_deal_text}" if self.no_deal_text else "")
        if self.outcome == "agreed":
            return "The package was agreed."
        return "The game is still being played."


def index_contributions(
    actors: Iterable[str], trace: Iterable[float]
) -> dict[str, float]:
    """Per role, the sum of the index changes its own moves caused.

    ``actors[k]`` made event ``k``; ``trace[k]`` is the index after ``k`` events.
    """
    out: dict[str, float] = {}
    values = list(trace)
    for k, actor in enumerate(actors):
        out[actor] = out.get(actor, 0.0) + values[k + 1] - values[k]
    return out


def role_results(
    state: GameState,
    scores: GameScores,
    players: Mapping[str, tuple[str, bool]],
    contributions: Mapping[str, float],
) -> dict[str, RoleResult]:
    """Every seated role's result. ``players`` maps a role to (player, is human)."""
    motion = state.motion
    index = scores.deterrence_index
    out: dict[str, RoleResult] = {}
    for role in state.roles:
        spec = motion.role_by_id[role]
        score = scores.roles.get(role)
        goal = next(
            (o.at_least for o in spec.brief.objectives
             if (o.criterion or "") == INDEX_ID and o.at_least is not None),
            None,
        )
        points = state.points.get(role)
        made = [c for c in state.challenges.values() if c.challenger == role]
        received = [c for c in state.challenges.values() if c.target == role]
        vote = state.votes.get(role)
        player, human = players.get(role, ("", False))
        no_deal = spec.brief.no_deal
        out[role] = RoleResult(
            role=role,
            name=spec.name,
            symbol=spec.symbol,
            player=player,
            human=human,
            objectives=score.objectives if score else (),
            red_lines=score.red_lines if score else (),
            index=index,
            goal=goal,
            objective_score=score.objective if score else 0.0,
            debate_points=score.debate if score else 0,
            claims_cited=points.claims_cited if points else 0,
            challenges_made=len(made),
            challenges_won=points.challenges_won if points else 0,
            challenges_received=len(received),
            challenges_answered=sum(c.status in ANSWERED for c in received),
            index_contribution=contributions.get(role, 0.0),
            vote="" if vote is None else ("accept" if vote else "reject"),
            outcome=score.outcome if score else "open",
            no_deal_text=no_deal.text if no_deal else None,
        )
    return out
