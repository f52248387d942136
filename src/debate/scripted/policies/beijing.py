"""Beijing (a great power that will not shield the protected party): non-committal.

Drawn from DESIGN.md section 1 and the article (Bondarev, The Moscow Times, 18 Aug 2025):
China is one of the two states Moscow would never want to fight, but it will not defend
Ukraine against its partner. It talks of dialogue, offers light commitments (an assurance,
monitors), opposes sanctions and alliance expansion, and otherwise refuses. Also used, by
guarantor tier, for international bodies of other motions.
"""

from __future__ import annotations

from debate.engine.state import DemandRecord
from debate.scripted import facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.policies.base import Policy
from debate.vocabulary.commitments import Assurance, Commitment, Monitors, SanctionsRelief


class BeijingPolicy(Policy):
    rule_prefix = "beijing"
    vote_bar = 0.5

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        if not ctx.mine_of_kind("assurance") and ctx.chance(0.3):
            out.append(
                ctx.propose(
                    Assurance(by=ctx.role, obligation="refrain", basis="declaration"),
                    rule=self.rule("non_aggression_assurance"),
                    why="offers a light assurance that commits it to nothing against a partner",
                    priority=20.0,
                )
            )
        if not ctx.mine_of_kind("monitors") and ctx.chance(0.2):
            out.append(
                ctx.propose(
                    Monitors(by=ctx.role, size=500, basis="un_resolution", withdrawal="any_party"),
                    rule=self.rule("offer_observers"),
                    why="offers observers under a UN resolution, as a peacemaker would",
                    priority=15.0,
                    claims_on=("separation",),
                )
            )
        if ctx.chance(0.3):
            for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role):
                if not ctx.demands_made("sanctions_relief", g):
                    out.append(
                        ctx.demand(
                            SanctionsRelief(by=g, scope="partial"),
                            rule=self.rule("oppose_sanctions"),
                            why="calls unilateral sanctions an obstacle to peace",
                            priority=12.0,
                            claims_on=("cost_to_aggressor",),
                        )
                    )
                    break
        return out

    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        if d.terms.kind == "monitors" and ctx.chance(0.5):
            return True, "observation is a role a neutral party can play", None
        if d.terms.kind == "funding" and ctx.chance(0.3):
            return True, "reconstruction money serves every party", None
        return False, "China takes no side and accepts no obligation against a third party", None
