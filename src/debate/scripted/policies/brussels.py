"""Brussels (a non-nuclear great-power guarantor): money, sanctions and hybrid-war cover
for years; a peacekeeping force that wobbles under nuclear threats unless a superpower
stands beside it.

Drawn from DESIGN.md section 1 and the article (Bondarev, The Moscow Times, 18 Aug 2025):
European capitals will pay and arm, but their plans for a reassurance force faded for fear
of provoking Moscow, and the hybrid war reaches their own cities. Also used, by guarantor
tier, for great and middle powers of other motions.
"""

from __future__ import annotations

from debate.engine.actions import Amend
from debate.engine.state import ChallengeRecord, DemandRecord
from debate.scripted import facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.policies.base import ANSWER_CHALLENGE, Policy
from debate.vocabulary.commitments import (
    Commitment,
    Funding,
    HybridDefence,
    Peacekeepers,
    Sanctions,
    Troops,
)


class BrusselsPolicy(Policy):
    rule_prefix = "brussels"
    vote_bar = 0.6

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        out += self._pay_and_sanction(ctx)
        out += self._reassurance_force(ctx)
        out += self._american_boots(ctx)
        out += self._challenge_late_help(ctx)
        return out

    def _pay_and_sanction(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        if not ctx.mine_of_kind("funding"):
            out += [
                ctx.propose(
                    Funding(by=ctx.role, usd_bn_per_year=usd, years=years, basis="treaty"),
                    rule=self.rule("multi_year_funding"),
                    why=f"commits ${usd}bn a year for {years} years by treaty, not drip-fed",
                    priority=57.0,
                    claims_on=("sustainability",),
                )
                for usd, years in ctx.variants([(15, 4), (20, 5), (25, 5)])
            ]
        if not ctx.mine_of_kind("hybrid_defence") and ctx.chance(0.8):
            out.append(
                ctx.propose(
                    HybridDefence(
                        by=ctx.role,
                        domains=(
                            "cyber",
                            "intelligence",
                            "counter_terrorism",
                            "energy",
                            "information",
                        ),
                        basis="treaty",
                        years=5,
                    ),
                    rule=self.rule("hybrid_cover"),
                    why="the hybrid war already reaches European cities; the package must cover it",
                    priority=52.0,
                    claims_on=("hybrid",),
                    prefer=("hybrid_persists",),
                )
            )
        if not ctx.mine_of_kind("sanctions") and ctx.chance(0.7):
            out.append(
                ctx.propose(
                    Sanctions(by=ctx.role, severity="sectoral", snapback=True, basis="treaty"),
                    rule=self.rule("keep_sanctions"),
                    why="keeps the cost of renewed aggression high, with snapback",
                    priority=45.0,
                    claims_on=("cost_to_aggressor",),
                )
            )
        return out

    def _reassurance_force(self, ctx: Ctx) -> list[Candidate | None]:
        if ctx.mine_of_kind("peacekeepers"):
            return []
        backed = facts.superpower_on_the_ground(ctx.state)
        if not backed and not ctx.chance(0.3):
            return []
        return [
            ctx.propose(
                Peacekeepers(
                    by=ctx.role,
                    size=size,
                    armed=True,
                    mandate="self_defence",
                    basis="treaty",
                    withdrawal="guarantor",
                ),
                rule=self.rule("reassurance_force"),
                why=(
                    f"offers {size:,} armed peacekeepers now that a superpower stands beside them"
                    if backed
                    else f"floats {size:,} peacekeepers, though without an American backstop"
                ),
                priority=53.0 if backed else 35.0,
                claims_on=("separation", "pre_positioning"),
                prefer=("peacekeepers_help",),
            )
            for size in ctx.variants([15_000, 25_000])
        ]

    def _american_boots(self, ctx: Ctx) -> list[Candidate | None]:
        if facts.superpower_on_the_ground(ctx.state):
            return []
        for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role):
            if facts.tier(ctx.state, g) != "superpower" or not ctx.may_demand("troops", g):
                continue
            if ctx.demands_made("troops", g):
                return []
            return [
                ctx.demand(
                    Troops(
                        by=g,
                        size=30_000,
                        timing="standing",
                        basis="ratified_treaty",
                        withdrawal="guarantor",
                        composition=("air", "air_defence", "support"),
                    ),
                    rule=self.rule("american_boots"),
                    why=f"European troops cannot be the only ones exposed: asks {ctx.name(g)} "
                    "to station its own",
                    priority=48.0,
                    claims_on=("guarantor_standing", "nuclear_resilience"),
                    prefer=("only_us_deters", "tripwire_logic"),
                )
            ]
        return []

    def _challenge_late_help(self, ctx: Ctx) -> list[Candidate | None]:
        return [
            ctx.challenge(
                c,
                "pre_positioning",
                "challenge_after_attack",
                rule=self.rule("challenge_late_help"),
                why="help that arrives after the first weeks of a war leaves Europe exposed",
                priority=30.0,
            )
            for c in ctx.others()
            if facts.is_guarantee(ctx.state, c)
            and facts.acts_only_after_attack(c.terms)
            and facts.tier(ctx.state, c.owner) == "superpower"
        ]

    # -- answering ------------------------------------------------------------------------
    def answer_challenge(self, ctx: Ctx, ch: ChallengeRecord) -> list[Candidate]:
        target = ctx.state.commitments[ch.commitment_id]
        terms = target.terms
        out = [self.rebut(ctx, ch, ANSWER_CHALLENGE), self.concede(ctx, ch, 10.0)]
        exposed = ch.criterion == "nuclear_resilience" and isinstance(terms, Peacekeepers)
        if (
            isinstance(terms, Peacekeepers)
            and exposed
            and not facts.superpower_on_the_ground(ctx.state)
        ):
            # The contingent wobbles: no nuclear power stands beside it.
            if ctx.chance(0.5) or not ctx.can("amend"):
                out.append(
                    self.concede(
                        ctx,
                        ch,
                        ANSWER_CHALLENGE + 1.0,
                        f"its contingent wobbles under the nuclear threat: no superpower "
                        f"stands beside {target.id}",
                    )
                )
            else:
                smaller = terms.model_copy(
                    update={"size": max(1_000, terms.size // 2), "mandate": "observe"}
                )
                out.append(
                    Candidate(
                        Amend(commitment_id=target.id, commitment=smaller),
                        self.rule("scale_back_under_threat"),
                        f"under the nuclear threat and without an American backstop, cuts "
                        f"{target.id} to an observer mission",
                        ANSWER_CHALLENGE + 1.0,
                        (f"criterion {ch.criterion}",),
                    )
                )
        elif ch.criterion == "legal_durability" and ctx.can("amend"):
            basis = getattr(terms, "basis", None)
            if basis not in (None, "ratified_treaty", "statute") and ctx.chance(0.6):
                out.append(
                    Candidate(
                        Amend(
                            commitment_id=target.id,
                            commitment=terms.model_copy(update={"basis": "ratified_treaty"}),
                        ),
                        self.rule("ratify"),
                        f"puts {target.id} before the parliaments for ratification",
                        ANSWER_CHALLENGE + 1.0,
                        (f"criterion {ch.criterion}", *(f"claim {c}" for c in ch.claims)),
                    )
                )
        return out

    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        terms, kind = d.terms, d.terms.kind
        backed = facts.superpower_on_the_ground(ctx.state)
        if kind == "peacekeepers":
            if backed:
                return True, "with a superpower beside it, Europe can deploy", None
            counter = None
            if not ctx.mine_of_kind("funding"):
                counter = Funding(by=ctx.role, usd_bn_per_year=10, years=5, basis="ratified_treaty")
            return False, "no European troops without US forces alongside", counter
        if kind == "sanctions_relief":
            dmz = any(
                c.terms.kind == "dmz" and getattr(c.terms, "monitored", False)
                for c in ctx.state.active_commitments()
            )
            if getattr(terms, "scope", "full") == "partial" and dmz and ctx.chance(0.6):
                return True, "partial relief with snapback, for a monitored zone", None
            return False, "no relief while Russian troops occupy Ukrainian land", None
        if kind == "membership":
            return (ctx.chance(0.4), "weighs the accession path", None)
        if kind == "funding" and getattr(terms, "usd_bn_per_year", 0.0) > 30:
            return False, "beyond what the budget can carry", None
        if ctx.chance(0.8):
            return True, "Europe lives next to the threat and pays its share", None
        return False, "not in this budget cycle", None
