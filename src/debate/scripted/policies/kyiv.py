"""Kyiv (the protected party): its own army first, guarantees in place before any attack,
on a legal footing no single leader can revoke; no disarmament.

Drawn from DESIGN.md section 1 and the article (Bondarev, The Moscow Times, 18 Aug 2025):
the first guarantee is the state's own army; a promise that acts only after an attack repeats
the Budapest Memorandum; what would deter is a large foreign force stationed beforehand by a
state Moscow would not fight, enshrined in a law covering funding, supply, troop status,
duration and amendment. Also used, by guarantor tier, for protected parties of other motions.
"""

from __future__ import annotations

from dataclasses import replace

from debate.engine.state import DemandRecord, GameState, TabledCommitment
from debate.scripted import evaluate, facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.policies.base import Policy
from debate.vocabulary.commitments import (
    Commitment,
    Demilitarisation,
    Funding,
    HybridDefence,
    OwnForces,
    Recognition,
    Troops,
)

#: What the demanded statute must cover (the article's list), carried in the demand's note.
STATUTE_NOTE = "by statute covering funding, supply, troop status, duration and amendment"
#: Its red line on a cap, read with the scorer: the capped army alone must still score at
#: least this on local denial (the rubric's 50 is a defender able to hold its ground).
HOLDS_THE_FRONT = 50.0


class KyivPolicy(Policy):
    rule_prefix = "kyiv"
    vote_bar = 0.6

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        out += self._army_first(ctx)
        out += self._demand_stationed_troops(ctx)
        out += self._demand_support(ctx)
        out += self._challenge_weak_guarantees(ctx)
        return out

    # -- own forces -----------------------------------------------------------------------
    def _army_first(self, ctx: Ctx) -> list[Candidate | None]:
        if ctx.mine_of_kind("own_forces"):
            return []
        return [
            ctx.propose(
                OwnForces(by=ctx.role, size=size, readiness="high", equipment=kit),
                rule=self.rule("army_first"),
                why=f"tables its own army ({size:,}, {kit} kit) first: the army that "
                "already fought is the base every other guarantee builds on",
                priority=60.0,
                claims_on=("local_denial",),
                prefer=("army_first", "weakness_invites_attack"),
            )
            for size, kit in ctx.variants(
                [(700_000, "modern"), (800_000, "adequate"), (900_000, "modern")]
            )
        ]

    # -- what it asks of guarantors -------------------------------------------------------
    def _demand_stationed_troops(self, ctx: Ctx) -> list[Candidate | None]:
        """Standing troops from the strongest guarantor, by statute (the article's remedy)."""
        for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role):
            if not ctx.may_demand("troops", g):
                continue
            if any(
                c.owner == g and facts.is_force_on_the_ground(c.terms)
                for c in ctx.state.active_commitments()
            ):
                return []  # already has forces on the ground; challenges do the rest
            made = ctx.demands_made("troops", g)
            if made == 0:
                sizes = ctx.variants([50_000, 75_000, 100_000])
                priority, why = 55.0, "asks the guarantor Moscow would least like to fight "
            elif made == 1 and not self._pending(ctx, "troops", g):
                sizes, priority = [30_000], 35.0
                why = "after a refusal, asks again for a smaller standing force "
            else:
                return []
            return [
                ctx.demand(
                    Troops(
                        by=g,
                        size=size,
                        timing="standing",
                        basis="statute",
                        withdrawal="guarantor",
                        composition=("armour", "air", "air_defence", "support"),
                        note=STATUTE_NOTE,
                    ),
                    rule=self.rule("demand_standing_troops"),
                    why=why + f"for {size:,} troops stationed before any attack, " + STATUTE_NOTE,
                    priority=priority,
                    claims_on=("pre_positioning", "legal_durability"),
                    prefer=("large_contingent", "law_not_decree"),
                )
                for size in sizes
            ]
        return []

    def _demand_support(self, ctx: Ctx) -> list[Candidate | None]:
        """Years of money for its army, and cover against the hybrid war."""
        out: list[Candidate | None] = []
        funder = self._first_who_may(ctx, "funding")
        if funder and not ctx.demands_made("funding", funder) and not self._long_funding(ctx):
            basis = (
                "statute" if facts.tier(ctx.state, funder) == "superpower" else "ratified_treaty"
            )
            out += [
                ctx.demand(
                    Funding(by=funder, usd_bn_per_year=usd, years=10, basis=basis),
                    rule=self.rule("demand_funding"),
                    why=f"an army this size cannot be paid for alone: asks for ${usd}bn a year "
                    f"for 10 years by {basis.replace('_', ' ')}",
                    priority=40.0,
                    claims_on=("sustainability",),
                    prefer=("army_needs_backers",),
                )
                for usd in ctx.variants([20, 30, 40])
            ]
        hybrid = self._first_who_may(ctx, "hybrid_defence", prefer_non_superpower=True)
        if (
            hybrid
            and not ctx.demands_made("hybrid_defence", hybrid)
            and "hybrid_defence" not in facts.package_kinds(ctx.state)
        ):
            out.append(
                ctx.demand(
                    HybridDefence(
                        by=hybrid,
                        domains=("cyber", "intelligence", "counter_terrorism", "nonproliferation"),
                        basis="treaty",
                        years=10,
                    ),
                    rule=self.rule("demand_hybrid_defence"),
                    why="troops will not stop sabotage, cyber attacks and smuggling: asks for "
                    "a common defence against the hybrid war",
                    priority=25.0,
                    claims_on=("hybrid",),
                    prefer=("hybrid_persists",),
                )
            )
        return out

    # -- challenges -----------------------------------------------------------------------
    def _challenge_weak_guarantees(self, ctx: Ctx) -> list[Candidate | None]:
        """Every guarantee that acts only after aggression, or rests on paper or a decree."""
        out: list[Candidate | None] = []
        for c in ctx.others():
            if not facts.is_guarantee(ctx.state, c):
                continue
            if facts.acts_only_after_attack(c.terms):
                out.append(
                    ctx.challenge(
                        c,
                        "pre_positioning",
                        "challenge_after_attack",
                        rule=self.rule("challenge_after_attack"),
                        why="a guarantee that switches on only after an attack is the "
                        "Budapest pattern",
                        priority=50.0,
                        claim_criteria=("pre_positioning", "obligation"),
                        prefer=("after_attack_worthless", "budapest_precedent"),
                    )
                )
            if facts.paper_basis(c.terms):
                out.append(
                    ctx.challenge(
                        c,
                        "legal_durability",
                        "challenge_paper",
                        rule=self.rule("challenge_memorandum"),
                        why="a memorandum or declaration binds nobody when war comes",
                        priority=48.0,
                        prefer=("budapest_precedent",),
                    )
                )
            elif facts.executive_basis(c.terms):
                out.append(
                    ctx.challenge(
                        c,
                        "legal_durability",
                        "challenge_executive",
                        rule=self.rule("challenge_decree"),
                        why="an executive act can be revoked by the next executive; asks for "
                        "a statute instead",
                        priority=45.0,
                        claim_criteria=("legal_durability", "sustainability"),
                        prefer=("law_not_decree",),
                    )
                )
        return out

    # -- answering demands ----------------------------------------------------------------
    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        """Its red lines are refused outright; the concessions its brief's fallbacks trade
        for standing guarantor forces are granted once those forces stand, kept open while
        they may still come, and refused on its last turn if they have not."""
        terms, state = d.terms, ctx.state
        guarded = facts.superpower_on_the_ground(state)
        if isinstance(terms, Demilitarisation):
            held = self.front_held(state, ctx.role, terms)
            if held < HOLDS_THE_FRONT:
                counter = None
                if not ctx.mine_of_kind("own_forces") and "own_forces" in ctx.spec.may_commit:
                    counter = OwnForces(
                        by=ctx.role, size=800_000, readiness="high", equipment="adequate"
                    )
                return (
                    False,
                    f"red line: a cap of {terms.force_cap:,} would leave an army that cannot "
                    f"hold the front alone (local denial {held:.0f}); capping the army that "
                    "stopped the invasion invites the next invasion",
                    counter,
                )
            if guarded:
                return (
                    True,
                    f"fallback: with a superpower's troops standing guard, a cap of "
                    f"{terms.force_cap:,} still leaves an army that holds the front alone "
                    f"(local denial {held:.0f})",
                    None,
                )
            return self._hold_or_refuse(
                ctx, "no cap on its army while no foreign force stands guard"
            )
        if isinstance(terms, Recognition):
            if terms.scope != "de_facto":
                return False, "red line: no de jure recognition of annexed land", None
            if guarded:
                return (
                    True,
                    "fallback: de facto lines are bearable once a superpower's troops stand guard",
                    None,
                )
            return self._hold_or_refuse(
                ctx, "no recognition of annexed land without forces standing guard"
            )
        if terms.kind == "neutrality":
            if guarded and self._statute_troops(ctx):
                return True, "fallback: neutrality traded for a statute-based deployment", None
            return self._hold_or_refuse(
                ctx, "neutrality with nothing stationed by law would leave it alone again"
            )
        if terms.kind == "foreign_troop_ban":
            return False, "a ban would send home the very forces that deter", None
        return False, "gives away defence for nothing in return", None

    def _hold_or_refuse(self, ctx: Ctx, why: str) -> tuple[bool, str, Commitment | None] | None:
        """A concession it would trade for forces that are not there yet: left open (no
        answer) while a guarantor could still station them, refused on its last turn."""
        if facts.last_negotiation_turn(ctx.state) or not any(
            "troops" in ctx.state.role(g).may_commit
            for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role)
        ):
            return False, why, None
        return None

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def front_held(state: GameState, role: str, cap: Demilitarisation) -> float:
        """Local denial (0-100) of its own army alone under ``cap``, against the aggressor's
        forces on the table: what the scorer says is left to hold the front without help."""
        aggressor = facts.aggressor_role(state)
        kept = {
            c.id: c
            for c in state.active_commitments()
            if c.terms.kind == "own_forces" and c.owner in (role, aggressor)
        }
        if not any(c.owner == role for c in kept.values()):
            return 0.0  # no army tabled: nothing would be left
        kept["cap"] = TabledCommitment(id="cap", owner=role, terms=cap, tabled_at=state.seq)
        alone = replace(state, commitments=kept)  # the scorer only reads it
        return evaluate.scorecard(alone).scores().get("local_denial", 0.0)

    @staticmethod
    def _pending(ctx: Ctx, kind: str, target: str) -> bool:
        return any(
            d.by == ctx.role and d.target == target and d.terms.kind == kind
            for d in ctx.state.pending_demands()
        )

    @staticmethod
    def _first_who_may(ctx: Ctx, kind: str, prefer_non_superpower: bool = False) -> str | None:
        found = [
            g
            for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role)
            if ctx.may_demand(kind, g)
        ]
        if prefer_non_superpower:
            found.sort(key=lambda g: facts.tier(ctx.state, g) == "superpower")
        return found[0] if found else None

    @staticmethod
    def _long_funding(ctx: Ctx) -> bool:
        return any(
            isinstance(c.terms, Funding) and (c.terms.years == 0 or c.terms.years >= 5)
            for c in ctx.state.active_commitments()
        )

    @staticmethod
    def _statute_troops(ctx: Ctx) -> bool:
        return any(
            isinstance(c.terms, Troops)
            and facts.is_force_on_the_ground(c.terms)
            and c.terms.basis == "statute"
            for c in ctx.state.active_commitments()
        )
