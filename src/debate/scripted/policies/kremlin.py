"""The Kremlin (the aggressor): a weak, neutral, foreign-free Ukraine, sanctions lifted, and
every guarantee made to look hollow.

Drawn from DESIGN.md section 1 and the article (Bondarev, The Moscow Times, 18 Aug 2025):
having misjudged Ukraine's army once, Moscow pushes to have it capped; nuclear threats have
made Western guarantors flinch, so it brandishes them at any contingent without a nuclear
power behind it; promises that act only after an attack cost it nothing. It accepts a
package only when what it gains outweighs the deterrence it faces. Also used, by guarantor
tier, for the aggressor of other motions.
"""

from __future__ import annotations

from debate.engine.actions import Vote
from debate.engine.state import DemandRecord
from debate.scripted import evaluate, facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.policies.base import Policy
from debate.vocabulary.commitments import (
    Commitment,
    Demilitarisation,
    Dmz,
    ForeignTroopBan,
    Neutrality,
    OwnForces,
    Recognition,
    SanctionsRelief,
    Troops,
)

#: The deterrence (index points) the regime will live with when it gains nothing: drawn once
#: per game between these bounds (a hawkish leadership tolerates less, a weary one more).
TOLERANCE = (20.0, 50.0)
#: Index points of deterrence each point gained in concessions (sanctions relief included)
#: makes up for.
GAIN_WEIGHT = 1.5
#: Share of games in which its leadership seeks sanctions relief before anything else.
ECONOMY_FIRST = 0.3


class KremlinPolicy(Policy):
    rule_prefix = "kremlin"

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        out += self._show_of_force(ctx)
        out += self._demands_on_protected(ctx)
        out += self._price_of_presence(ctx)
        out += self._sanctions_relief(ctx)
        out += self._challenges(ctx)
        out.append(self._dmz_bargain(ctx))
        return out

    def _show_of_force(self, ctx: Ctx) -> list[Candidate | None]:
        if ctx.mine_of_kind("own_forces"):
            return []
        return [
            ctx.propose(
                OwnForces(by=ctx.role, size=size, readiness="high", equipment="adequate"),
                rule=self.rule("show_of_force"),
                why=f"puts its {size:,}-strong force on the table: every guarantee is "
                "measured against it",
                priority=58.0,
                claims_on=("local_denial",),
            )
            for size in ctx.variants([600_000, 700_000, 800_000])
        ]

    def _demands_on_protected(self, ctx: Ctx) -> list[Candidate | None]:
        target = facts.protected_role(ctx.state)
        if target is None:
            return []
        out: list[Candidate | None] = []

        def ask(terms: Commitment, priority: float, why: str, again: float | None = None) -> None:
            made = ctx.demands_made(terms.kind, target)
            if made == 0 or (again is not None and made == 1 and self._refused(ctx, terms.kind)):
                out.append(
                    ctx.demand(
                        terms,
                        rule=self.rule(f"demand_{terms.kind}"),
                        why=why,
                        priority=priority if made == 0 else again or priority,
                        claims_on=("concessions",),
                        prefer=("demilitarisation_push",)
                        if terms.kind == "demilitarisation"
                        else (),
                    )
                )

        first_cap = ctx.demands_made("demilitarisation", target) == 0
        caps = [50_000, 85_000, 120_000] if first_cap else [150_000, 250_000]
        for cap in ctx.variants(caps):
            ask(
                Demilitarisation(by=target, force_cap=cap),
                56.0,
                f"weaken the army it misjudged in 2022: a cap of {cap:,}",
                again=49.0,
            )
        ask(
            Neutrality(by=target, alliances=("NATO",)),
            52.0,
            "a neutral neighbour outside any alliance",
        )
        foreign_forces = any(
            facts.is_force_on_the_ground(c.terms) and c.owner != target
            for c in ctx.state.active_commitments()
        ) or any(d.terms.kind == "troops" for d in ctx.state.pending_demands())
        ask(
            ForeignTroopBan(by=target, allows_peacekeepers=False),
            50.0 if foreign_forces else 30.0,
            "no Western soldiers on its border"
            + (" now that some are offered" if foreign_forces else ""),
        )
        out += self._recognition(ctx, target)
        return out

    def _recognition(self, ctx: Ctx, target: str) -> list[Candidate | None]:
        """Asks for de jure recognition first; settles for de facto once refused (the hard
        difficulty weighs both from the start)."""
        made = ctx.demands_made("recognition", target)
        out: list[Candidate | None] = []
        if made == 0:
            out.append(
                ctx.demand(
                    Recognition(by=target, scope="de_jure"),
                    rule=self.rule("demand_recognition"),
                    why="recognition (de jure) of the annexed regions",
                    priority=48.0,
                    claims_on=("concessions",),
                )
            )
        if (made == 0 and ctx.difficulty == "hard") or (
            made == 1 and self._refused(ctx, "recognition")
        ):
            out.append(
                ctx.demand(
                    Recognition(by=target, scope="de_facto"),
                    rule=self.rule("settle_for_de_facto"),
                    why="settles for de facto recognition of the annexed regions",
                    priority=38.0,
                    claims_on=("concessions",),
                )
            )
        return out

    def _price_of_presence(self, ctx: Ctx) -> list[Candidate | None]:
        """Once a superpower's troops stand in the country, names its price for tolerating
        them: neutrality, de facto lines and a cap the protected party's fallbacks could
        grant, each asked once more if it was refused (or never asked) before they came."""
        target = facts.protected_role(ctx.state)
        since = self._troops_standing_since(ctx)
        if target is None or since is None:
            return []
        asks: list[tuple[Commitment, float, str]] = [
            (Neutrality(by=target, alliances=("NATO",)), 55.0, "neutrality"),
            (Recognition(by=target, scope="de_facto"), 53.0, "de facto lines"),
        ]
        cap = self._last_demand(ctx, "demilitarisation", target)
        floor = getattr(cap.terms, "force_cap", 0) if cap is not None else 0
        caps = [c for c in (250_000, 300_000, 400_000) if c > floor] or [floor]
        asks += [
            (Demilitarisation(by=target, force_cap=c), 51.0, f"a cap of {c:,} on its army")
            for c in ctx.variants(caps)
        ]
        out: list[Candidate | None] = []
        for terms, priority, what in asks:
            last = self._last_demand(ctx, terms.kind, target)
            if last is not None and (last.made_at > since or last.status != "rejected"):
                continue  # already asked since the troops came, or granted, or pending
            out.append(
                ctx.demand(
                    terms,
                    rule=self.rule("price_of_presence"),
                    why="if foreign troops are to stand on its border, it names its price: " + what,
                    priority=priority,
                    claims_on=("concessions",),
                    prefer=("demilitarisation_push",) if terms.kind == "demilitarisation" else (),
                )
            )
        return out

    def economy_first(self, ctx: Ctx) -> bool:
        """Whether this game's leadership puts sanctions relief before the other demands
        (decided once per game): it then opens with its fallback bargain, a monitored zone
        for partial relief, instead of asking for everything at once."""
        return ctx.difficulty != "easy" and ctx.disposition("economy") < ECONOMY_FIRST

    def _sanctions_relief(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        early = self.economy_first(ctx)
        for g in facts.guarantors_by_strength(ctx.state, exclude=ctx.role):
            made = ctx.demands_made("sanctions_relief", g)
            if made == 0:
                scope, priority = ("partial", 53.0) if early else ("full", 44.0)
            elif made == 1 and self._refused(ctx, "sanctions_relief", g):
                scope, priority = "partial", 43.0
            else:
                continue
            out.append(
                ctx.demand(
                    SanctionsRelief(by=g, scope=scope),
                    rule=self.rule("demand_sanctions_relief"),
                    why=f"asks {ctx.name(g)} for {scope} sanctions relief as the price of peace"
                    + (", its first concern this time" if early and made == 0 else ""),
                    priority=priority,
                    claims_on=("cost_to_aggressor",),
                )
            )
        return out

    def _challenges(self, ctx: Ctx) -> list[Candidate | None]:
        out: list[Candidate | None] = []
        for c in ctx.others():
            if not facts.is_guarantee(ctx.state, c):
                continue
            if facts.is_force_on_the_ground(c.terms) and not facts.nuclear(ctx.state, c.owner):
                out.append(
                    ctx.challenge(
                        c,
                        "nuclear_resilience",
                        "challenge_nuclear",
                        rule=self.rule("nuclear_threat"),
                        why="a contingent with no nuclear power behind it is told what "
                        "escalation would mean",
                        priority=54.0,
                        claim_criteria=("nuclear_resilience",),
                        prefer=("blackmail_worked",),
                    )
                )
            if facts.acts_only_after_attack(c.terms):
                out.append(
                    ctx.challenge(
                        c,
                        "obligation",
                        "challenge_after_attack",
                        rule=self.rule("mock_empty_promise"),
                        why="a promise that acts only after an attack is waved away as empty",
                        priority=46.0,
                        prefer=("article5_ambiguous",),
                    )
                )
            if facts.is_force_on_the_ground(c.terms) and facts.nuclear(ctx.state, c.owner):
                out.append(
                    ctx.challenge(
                        c,
                        "guarantor_standing",
                        "challenge_nuclear",
                        rule=self.rule("doubt_resolve"),
                        why="a guarantor that flinched at nuclear threats since 2022 is told it "
                        "would flinch again",
                        priority=45.0,
                        prefer=("blackmail_worked",),
                    )
                )
            if isinstance(c.terms, Troops) and facts.executive_basis(c.terms):
                out.append(
                    ctx.challenge(
                        c,
                        "legal_durability",
                        "challenge_executive",
                        rule=self.rule("outwait_the_decree"),
                        why="troops sent by decree go home with the next administration",
                        priority=43.0,
                    )
                )
        return out

    def _dmz_bargain(self, ctx: Ctx) -> Candidate | None:
        """Fallback from its brief: a monitored zone in exchange for sanctions relief, offered
        while it waits for relief, and readily once full relief has been refused or when
        relief comes first this game."""
        if ctx.mine_of_kind("dmz"):
            return None
        asked = [
            d
            for d in ctx.state.demands.values()
            if d.by == ctx.role and d.terms.kind == "sanctions_relief"
        ]
        keen = self.economy_first(ctx) or any(d.status == "rejected" for d in asked)
        waiting = any(d.status == "pending" for d in asked)
        if not (keen or waiting) or not ctx.chance(0.8 if keen else 0.5):
            return None
        return ctx.propose(
            Dmz(by=ctx.role, width_km=15, monitored=True),
            rule=self.rule("dmz_for_relief"),
            why="offers a monitored demilitarised zone to make sanctions relief easier to grant",
            priority=54.0 if keen else 30.0,
            claims_on=("separation",),
        )

    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        if d.terms.kind == "dmz":
            relief = "sanctions_relief" in facts.package_kinds(ctx.state)
            if relief:
                return True, "a zone is a fair price once sanctions are being eased", None
            return False, "no zone before sanctions relief", None
        return False, "ignores Russia's security interests", None

    def vote(self, ctx: Ctx) -> Candidate:
        """Signs only when what it gained in concessions and sanctions relief outweighs the
        deterrence it would face: ``index <= tolerance + GAIN_WEIGHT * gained``, where the
        tolerance is this game's temper (:data:`TOLERANCE`)."""
        card = evaluate.scorecard(ctx.state)
        gained = 100.0 - card.scores().get("concessions", 100.0)
        faced = card.deterrence_index
        low, high = TOLERANCE
        tolerance = low + (high - low) * ctx.disposition("tolerance")
        bar = tolerance + GAIN_WEIGHT * gained
        yes = faced <= bar
        verb = "outweigh" if yes else "do not outweigh"
        return Candidate(
            Vote(accept=yes),
            self.rule("vote"),
            f"its gains in concessions and sanctions relief ({gained:.0f}/100) {verb} the "
            f"deterrence it would face (index {faced:.0f}; this game it lives with "
            f"{tolerance:.0f}, plus {GAIN_WEIGHT:g} for each point gained: "
            + (f"up to {bar:.0f})" if bar < 100 else "any index at all)"),
            100.0,
            ("criterion concessions", "criterion deterrence_index"),
        )

    @staticmethod
    def _troops_standing_since(ctx: Ctx) -> int | None:
        """When a superpower's standing troops were tabled (None if there are none)."""
        found = [
            c.tabled_at
            for c in ctx.others()
            if isinstance(c.terms, Troops)
            and facts.is_force_on_the_ground(c.terms)
            and facts.tier(ctx.state, c.owner) == "superpower"
        ]
        return min(found) if found else None

    def _last_demand(self, ctx: Ctx, kind: str, target: str) -> DemandRecord | None:
        mine = [
            d
            for d in ctx.state.demands.values()
            if d.by == ctx.role and d.terms.kind == kind and d.target == target
        ]
        return mine[-1] if mine else None

    def _refused(self, ctx: Ctx, kind: str, target: str | None = None) -> bool:
        """Whether its last demand of this kind was rejected (so it may ask for less)."""
        mine = [
            d
            for d in ctx.state.demands.values()
            if d.by == ctx.role and d.terms.kind == kind and target in (None, d.target)
        ]
        return bool(mine) and mine[-1].status == "rejected"
