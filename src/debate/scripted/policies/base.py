"""The shape every role policy shares, and the behaviour common to all of them.

A policy offers candidate actions for a decision (:meth:`Policy.candidates`), answers a
challenge or a demand addressed to it (also used by the hard difficulty to predict replies),
and votes. Role policies subclass :class:`Policy` and add their own rules in
:meth:`Policy.rules`.
"""

from __future__ import annotations

from debate.engine.actions import Accept, Concede, Pass, Reject, Vote
from debate.engine.state import ChallengeRecord, DemandRecord
from debate.scripted import evaluate
from debate.scripted.context import Candidate, Ctx
from debate.scripted.lines import Topic
from debate.vocabulary.commitments import Commitment, describe

# Priorities (higher first). Answering what is addressed to you comes before new business:
# an unanswered challenge discounts your commitment when your turn ends.
ANSWER_CHALLENGE = 90.0
ANSWER_DEMAND = 80.0
FILLER_SPEECH = 5.0
END_TURN = 6.0


class Policy:
    """A role's policy. Subclasses set :attr:`rule_prefix` and override the hooks."""

    #: Prefix of the rule names in rationales (``kyiv.reject_demilitarisation``).
    rule_prefix = "role"
    #: Share of its brief's weight (0-1) a role needs met to vote for the package.
    vote_bar = 0.5

    def __init__(self, prefix: str | None = None) -> None:
        if prefix is not None:
            self.rule_prefix = prefix

    def rule(self, name: str) -> str:
        return f"{self.rule_prefix}.{name}"

    # -- the decision ---------------------------------------------------------------------
    def candidates(self, ctx: Ctx) -> list[Candidate]:
        """Every action the rules offer now, in no particular order (the difficulty picks)."""
        return self.answers(ctx) + self.initiatives(ctx)

    def answers(self, ctx: Ctx) -> list[Candidate]:
        """Answers to what is addressed to the role: open challenges, pending demands."""
        out: list[Candidate] = []
        if ctx.can("concede") or ctx.can("speak") or ctx.can("amend"):
            for ch in ctx.state.open_challenges(against=ctx.role):
                out += self.answer_challenge(ctx, ch)
        if ctx.can("accept") or ctx.can("reject"):
            for d in ctx.state.pending_demands(to=ctx.role):
                out += self.answer_demand(ctx, d)
        return out

    def initiatives(self, ctx: Ctx) -> list[Candidate]:
        """The role's own business: its rules, then a speech or the end of its turn."""
        return [c for c in self.rules(ctx) if c is not None] + self.filler(ctx)

    def rules(self, ctx: Ctx) -> list[Candidate | None]:
        """The role's own rules (None entries are rules that could not fire)."""
        return []

    def filler(self, ctx: Ctx) -> list[Candidate]:
        """A speech when there is nothing better to do, or an early end of turn."""
        out: list[Candidate] = []
        if ctx.can("speak"):
            topic: Topic = "opening" if ctx.state.phase_index == 0 else "argue"
            out.append(
                ctx.speech(
                    topic,
                    rule=self.rule("argue"),
                    why="nothing on the table calls for an answer, so it argues its case",
                    priority=FILLER_SPEECH if ctx.state.actions_this_turn == 0 else 2.0,
                )
            )
        if ctx.can("pass"):
            out.append(
                Candidate(
                    Pass(),
                    self.rule("end_turn"),
                    "its business for this turn is done",
                    END_TURN if ctx.state.actions_this_turn > 0 else 1.0,
                )
            )
        return out

    # -- answering ------------------------------------------------------------------------
    def answer_challenge(self, ctx: Ctx, ch: ChallengeRecord) -> list[Candidate]:
        """Default: rebut by arguing the criterion; conceding is the fallback."""
        return [self.rebut(ctx, ch, ANSWER_CHALLENGE), self.concede(ctx, ch, 10.0)]

    def rebut(self, ctx: Ctx, ch: ChallengeRecord, priority: float) -> Candidate:
        return ctx.speech(
            "rebut",
            rule=self.rule("rebut"),
            why=f"answers {ctx.name(ch.challenger)}'s challenge {ch.id} on {ch.criterion} "
            "before it lapses",
            priority=priority,
            criterion=ch.criterion,
        )

    def concede(self, ctx: Ctx, ch: ChallengeRecord, priority: float, why: str = "") -> Candidate:
        return Candidate(
            Concede(challenge_id=ch.id),
            self.rule("concede"),
            why or f"cannot defend {ch.commitment_id} on {ch.criterion}",
            priority,
            (f"criterion {ch.criterion}",),
        )

    def answer_demand(self, ctx: Ctx, d: DemandRecord) -> list[Candidate]:
        """Default: a novice (easy) flips a coin; otherwise weigh it with :meth:`grants`."""
        if ctx.difficulty == "easy":
            yes = ctx.chance(0.5)
            why = "takes the demand at face value" if yes else "turns the demand down"
            return [self.accept(ctx, d, why) if yes else self.reject(ctx, d, why)]
        verdict = self.grants(ctx, d)
        if verdict is None:
            return []
        yes, why, counter = verdict
        return [self.accept(ctx, d, why) if yes else self.reject(ctx, d, why, counter)]

    def grants(self, ctx: Ctx, d: DemandRecord) -> tuple[bool, str, Commitment | None] | None:
        """Whether to grant a demand: (yes, why, counter-proposal if refusing), or None to
        leave it pending. Default: refuse."""
        return False, f"{describe(d.terms)} is not in its interest", None

    def accept(self, ctx: Ctx, d: DemandRecord, why: str) -> Candidate:
        return Candidate(
            Accept(demand_id=d.id),
            self.rule(f"accept_{d.terms.kind}"),
            f"{ctx.name(d.by)} asked for {describe(d.terms)}: {why}",
            ANSWER_DEMAND,
        )

    def reject(
        self, ctx: Ctx, d: DemandRecord, why: str, counter: Commitment | None = None
    ) -> Candidate:
        if counter is not None and counter.kind not in ctx.spec.may_commit:
            counter = None
        text, _ = ctx.line("reject", "concessions")
        extra = f"; counters with {describe(counter)}" if counter is not None else ""
        return Candidate(
            Reject(demand_id=d.id, counter=counter, text=text),
            self.rule(f"reject_{d.terms.kind}"),
            f"{ctx.name(d.by)} asked for {describe(d.terms)}: {why}{extra}",
            ANSWER_DEMAND,
        )

    # -- the vote -------------------------------------------------------------------------
    def vote(self, ctx: Ctx) -> Candidate:
        """Vote for the package when enough of the private brief is met (one scorer call)."""
        met = evaluate.satisfaction(ctx.state, ctx.role)
        yes = met >= self.vote_bar
        verb = "meets" if yes else "falls short of"
        return Candidate(
            Vote(accept=yes),
            self.rule("vote"),
            f"the package {verb} its brief (objective score {met:.0%}; "
            f"it signs from {self.vote_bar:.0%})",
            100.0,
            ("its private objectives",),
        )
