"""Washington (the superpower guarantor): arms and money by executive act first, troops
only under pressure, a statute only when the case for one is made; cost always weighed.

Drawn from DESIGN.md section 1 and the article (Bondarev, The Moscow Times, 18 Aug 2025):
only the United States fields forces Moscow would never risk fighting, but caution about
nuclear escalation made it hesitate, and a deployment is only durable once Congress puts it
into law. Here the pressure that moves it is counted from the table: challenges on its
commitments citing claims on pre-positioning, legal durability or obligation, and demands
for its troops. How far that pressure can move it depends on its *stance* this game, drawn
once per game from the seeded generator (:class:`Stance`): a wary administration holds out
with arms and money, a guarded one sends a modest force on an executive order, a forward one
accepts a large deployment. Also used, by guarantor tier, for superpowers of other motions.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate.engine.actions import Amend
from debate.engine.state import ChallengeRecord, DemandRecord
from debate.scripted import facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.policies.base import ANSWER_CHALLENGE, Policy
from debate.vocabulary.commitments import (
    Arms,
    Commitment,
    Funding,
    HybridDefence,
    Peacekeepers,
    Sanctions,
    Troops,
)

#: Criteria on which a well-argued challenge moves Washington towards troops and a statute.
PRESSURE_CRITERIA = ("pre_positioning", "legal_durability", "obligation", "guarantor_standing")
#: Chance of granting a demand for standing troops, by pressure (0, 1, 2, 3 or more).
TROOPS_BY_PRESSURE = (0.1, 0.35, 0.6, 0.85)
STRONG_BASES = ("ratified_treaty", "statute")
#: The largest force it will pay for; a demand for more is countered with this many.
LARGEST_DEPLOYMENT = 60_000
#: The aggressor's challenges that put its nerve to the test.
NUCLEAR_DOUBTS = ("guarantor_standing", "nuclear_resilience")


@dataclass(frozen=True)
class Stance:
    """How far Washington will go this game (normal and hard difficulties).

    ``troops_from``: the pressure at which it will station any troops at all (None: it
    holds out with arms and money); ``full_deployment``: whether a demand for a large force
    by statute can be granted as asked (otherwise it counters with a small force by
    executive act); ``statute_after``: how many cited challenges it must have faced before
    it puts troops into law; ``yields``/``per_claim``: the chance that an argued challenge
    makes it strengthen a commitment, and what each cited claim adds; ``flinch``: the chance
    that it lets the aggressor's nuclear threats against its troops go unanswered (it
    concedes rather than face the escalation down).
    """

    name: str
    share: float
    troops_from: int | None
    full_deployment: bool
    statute_after: int
    yields: float
    per_claim: float
    flinch: float
    why: str


STANCES: tuple[Stance, ...] = (
    Stance(
        name="wary",
        share=0.35,
        troops_from=None,
        full_deployment=False,
        statute_after=99,
        yields=0.10,
        per_claim=0.10,
        flinch=0.6,
        why="a wary administration this game: fearing escalation, it keeps to arms and money",
    ),
    Stance(
        name="guarded",
        share=0.40,
        troops_from=2,
        full_deployment=False,
        statute_after=3,
        yields=0.20,
        per_claim=0.15,
        flinch=0.4,
        why="a guarded administration this game: a modest force at most, on its own authority",
    ),
    Stance(
        name="forward",
        share=0.25,
        troops_from=2,
        full_deployment=True,
        statute_after=1,
        yields=0.35,
        per_claim=0.25,
        flinch=0.0,
        why="a forward-leaning administration this game: it commits forces once the case is made",
    ),
)


def stance_of(ctx: Ctx) -> Stance:
    """Washington's stance for the whole game (from the game's seed; see Ctx.disposition)."""
    draw = ctx.disposition("resolve")
    for stance in STANCES:
        if draw < stance.share:
            return stance
        draw -= stance.share
    return STANCES[-1]


class WashingtonPolicy(Policy):
    rule_prefix = "washington"
    #: Partial credit lifts even a hollow package to about 75% of its brief; it signs only a
    #: package that goes most of the way to ending the war.
    vote_bar = 0.8

    def pressure(self, ctx: Ctx) -> int:
        """Cited challenges on its commitments plus demands for its troops, so far (the
        aggressor's challenges do not count: they never argue for more troops)."""
        asked = sum(
            d.target == ctx.role and d.terms.kind == "troops" for d in ctx.state.demands.values()
        )
        return self.cited(ctx) + asked

    @staticmethod
    def cited(ctx: Ctx) -> int:
        """Challenges citing claims on its commitments, from the roles that want them stronger."""
        aggressor = facts.aggressor_role(ctx.state)
        return sum(
            bool(ch.claims) and ch.challenger != aggressor
            for ch in ctx.challenges_against_me(PRESSURE_CRITERIA)
        )

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        out += self._opening_offer(ctx)
        out += self._troops_under_pressure(ctx)
        out += self._europe_pays(ctx)
        return out

    def _opening_offer(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        if not ctx.mine_of_kind("arms"):
            out += [
                ctx.propose(
                    Arms(by=ctx.role, level="sustained", years=years, basis="executive"),
                    rule=self.rule("arms_by_executive_act"),
                    why=f"opens with {years} years of weapons by executive act: fast, and "
                    "nothing Congress must vote on",
                    priority=57.0,
                    claims_on=("sustainability",),
                )
                for years in ctx.variants([2, 3])
            ]
        if not ctx.mine_of_kind("funding"):
            out += [
                ctx.propose(
                    Funding(by=ctx.role, usd_bn_per_year=usd, years=3, basis="executive"),
                    rule=self.rule("funding_by_executive_act"),
                    why=f"adds ${usd}bn a year for 3 years by executive act, keeping the cost "
                    "within what it can defend at home",
                    priority=55.0,
                    claims_on=("sustainability",),
                )
                for usd in ctx.variants([10, 15, 20])
            ]
        if not ctx.mine_of_kind("sanctions") and ctx.chance(0.5):
            out.append(
                ctx.propose(
                    Sanctions(by=ctx.role, severity="sectoral", snapback=True, basis="executive"),
                    rule=self.rule("sanctions_with_snapback"),
                    why="keeps sanctions on, returning automatically if the deal is broken",
                    priority=30.0,
                    claims_on=("cost_to_aggressor",),
                )
            )
        return out

    def _troops_under_pressure(self, ctx: Ctx) -> list[Candidate | None]:
        if ctx.mine_of_kind("troops"):
            return []
        stance = stance_of(ctx)
        p = self.pressure(ctx)
        if stance.troops_from is None or p < stance.troops_from:
            return []
        if not ctx.chance(TROOPS_BY_PRESSURE[min(p, 3)]):
            return []
        full = stance.full_deployment and p >= 3 and self.cited(ctx) >= stance.statute_after
        size, basis = (50_000, "statute") if full else (20_000, "executive")
        return [
            ctx.propose(
                Troops(
                    by=ctx.role,
                    size=size,
                    timing="standing",
                    basis=basis,
                    withdrawal="guarantor",
                    composition=("armour", "air", "support")
                    if full
                    else ("air_defence", "support"),
                ),
                rule=self.rule("troops_under_pressure"),
                why=f"after {p} cited challenges and demands, stations {size:,} troops "
                f"before any attack ({basis}); {stance.why}",
                priority=60.0,
                claims_on=("pre_positioning", "guarantor_standing"),
                prefer=("tripwire_logic", "only_us_deters"),
            )
        ]

    def _europe_pays(self, ctx: Ctx) -> list[Candidate | None]:
        europe = next(
            (
                g
                for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role)
                if not facts.nuclear(ctx.state, g)
            ),
            None,
        )
        if europe is None:
            return []
        out: list[Candidate | None] = []
        if not ctx.demands_made("funding", europe):
            out.append(
                ctx.demand(
                    Funding(by=europe, usd_bn_per_year=20, years=5, basis="treaty"),
                    rule=self.rule("europe_pays"),
                    why=f"asks {ctx.name(europe)} to carry its share of the bill",
                    priority=40.0,
                    claims_on=("sustainability",),
                )
            )
        if not ctx.demands_made("peacekeepers", europe) and ctx.chance(0.6):
            out.append(
                ctx.demand(
                    Peacekeepers(
                        by=europe,
                        size=20_000,
                        armed=True,
                        mandate="self_defence",
                        basis="treaty",
                        withdrawal="guarantor",
                    ),
                    rule=self.rule("europe_on_the_ground"),
                    why=f"prefers that {ctx.name(europe)} provide any presence on the ground",
                    priority=34.0,
                    claims_on=("pre_positioning",),
                )
            )
        if not ctx.demands_made("hybrid_defence", europe) and ctx.chance(0.4):
            out.append(
                ctx.demand(
                    HybridDefence(by=europe, domains=("cyber", "energy"), basis="treaty", years=5),
                    rule=self.rule("europe_hybrid"),
                    why="the hybrid war hits Europe first; Europe should cover it",
                    priority=20.0,
                    claims_on=("hybrid",),
                )
            )
        return out

    # -- answering ------------------------------------------------------------------------
    def answer_challenge(self, ctx: Ctx, ch: ChallengeRecord) -> list[Candidate]:
        target = ctx.state.commitments[ch.commitment_id]
        upgraded = self._upgrade(target.terms, ch.criterion)
        out = [self.rebut(ctx, ch, ANSWER_CHALLENGE), self.concede(ctx, ch, 10.0)]
        stance = stance_of(ctx)
        threatened = (
            ch.challenger == facts.aggressor_role(ctx.state)
            and ch.criterion in NUCLEAR_DOUBTS
            and isinstance(target.terms, Troops)
        )
        if threatened and ctx.chance(stance.flinch):
            # The caution the article blames for teaching Moscow that threats work.
            out.append(
                self.concede(
                    ctx,
                    ch,
                    ANSWER_CHALLENGE + 1.0,
                    f"will not face down the nuclear threat against {target.id}: {stance.why}",
                )
            )
        if upgraded is None or not ctx.can("amend"):
            return out
        old = target.terms
        if (
            isinstance(upgraded, Troops)
            and isinstance(old, Troops)
            and not self._will_deploy(ctx, old, upgraded)
        ):
            # Not moved this far yet: it defends what it offered (rebuts).
            return out
        moved = ch.criterion in PRESSURE_CRITERIA and ctx.chance(
            min(0.95, stance.yields + stance.per_claim * len(ch.claims))
        )
        claims = ", ".join(ch.claims) or "no claim"
        out.append(
            Candidate(
                Amend(commitment_id=target.id, commitment=upgraded),
                self.rule("yield_to_argument"),
                f"{ctx.name(ch.challenger)}'s case on {ch.criterion} ({claims}) is persuasive: "
                f"strengthens {target.id}",
                ANSWER_CHALLENGE + (1.0 if moved else -5.0),
                (f"criterion {ch.criterion}", *(f"claim {c}" for c in ch.claims)),
            )
        )
        return out

    def _will_deploy(self, ctx: Ctx, old: Troops, new: Troops) -> bool:
        """Whether its stance lets it move troops this far: to standing forces at all, and
        into a statute only after sustained, cited challenges."""
        stance = stance_of(ctx)
        to_standing = new.timing == "standing" and old.timing != "standing"
        if to_standing and (stance.troops_from is None or self.pressure(ctx) < stance.troops_from):
            return False
        return new.basis != "statute" or self.cited(ctx) >= stance.statute_after

    @staticmethod
    def _upgrade(terms: Commitment, criterion: str) -> Commitment | None:
        """The commitment strengthened on ``criterion``, or None if that does not apply."""
        if criterion == "legal_durability":
            basis = getattr(terms, "basis", None)
            if basis is None or basis in STRONG_BASES:
                return None
            better = "statute" if isinstance(terms, Troops) else "ratified_treaty"
            return terms.model_copy(update={"basis": better})
        if (
            criterion in ("pre_positioning", "obligation")
            and isinstance(terms, Troops)
            and terms.timing == "on_attack"
        ):
            return terms.model_copy(update={"timing": "standing"})
        return None

    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        terms, kind = d.terms, d.terms.kind
        if isinstance(terms, Troops):
            return self._grants_troops(ctx, terms)
        if kind in ("defence_pact", "membership"):
            return False, "no obligation to fight that Congress has not approved", None
        if kind == "peacekeepers":
            return False, "Europe should provide any force on the ground", None
        if kind == "sanctions_relief":
            dmz = any(
                c.terms.kind == "dmz" and getattr(c.terms, "monitored", False)
                for c in ctx.state.active_commitments()
            )
            if getattr(terms, "scope", "full") == "partial" and dmz and ctx.chance(0.7):
                return True, "partial relief for a monitored zone is a trade worth making", None
            return False, "sanctions stay until Moscow's conduct changes", None
        usd = getattr(terms, "usd_bn_per_year", 0.0)
        if ctx.chance(0.4 if usd > 20 else 0.7):
            return True, "affordable, and it helps end the war", None
        return False, "the cost is more than Congress will bear", None

    def _grants_troops(self, ctx: Ctx, terms: Troops) -> tuple[bool, str, Commitment | None]:
        """Weighs a demand for its troops against its stance, the pressure and the cost."""
        if ctx.mine_of_kind("troops"):
            return False, "its troops are already on the table", None
        stance, p = stance_of(ctx), self.pressure(ctx)
        if stance.troops_from is None:
            return False, f"too costly and too risky: {stance.why}", None
        sustained = self.cited(ctx) >= stance.statute_after or terms.basis != "statute"
        if stance.full_deployment and sustained and ctx.chance(TROOPS_BY_PRESSURE[min(p, 3)]):
            if terms.size > LARGEST_DEPLOYMENT:
                # Weighs the bill: the force asked for, but no larger than it will pay for.
                smaller = terms.model_copy(update={"size": LARGEST_DEPLOYMENT})
                return (
                    False,
                    f"under pressure ({p} cited challenges and demands) it will station "
                    f"forces, but {terms.size:,} costs more than it will carry",
                    smaller,
                )
            return (
                True,
                f"under pressure ({p} cited challenges and demands) it accepts standing forces",
                None,
            )
        counter = None
        if p >= 1 and ctx.chance(TROOPS_BY_PRESSURE[min(p, 3)] + 0.15):
            counter = Troops(
                by=ctx.role,
                size=15_000,
                timing="standing",
                basis="executive",
                withdrawal="guarantor",
                years=2,
                composition=("air_defence", "support"),
            )
        why = (
            "too costly and too risky for now"
            if counter is None
            else (
                "a force that size, by law, is more than it will bear now; "
                "a smaller one by executive order instead"
            )
        )
        return False, f"{why} ({stance.why})", counter
