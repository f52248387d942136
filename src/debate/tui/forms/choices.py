"""Forms that pick one item: withdraw, concede, accept, reject, challenge, vote."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList

from debate.engine import (
    Accept,
    Action,
    Challenge,
    Concede,
    GameState,
    Reject,
    Vote,
    Withdraw,
)
from debate.engine.actions import MAX_NOTE, MAX_SPEECH
from debate.history.transcript import criterion_name
from debate.play.guidance import vote_rule
from debate.tui.forms.base import ActionForm, field_row, options, pick_one, selected
from debate.tui.forms.speak import claim_selections
from debate.tui.text import literal
from debate.tui.widgets.toggles import Picks
from debate.vocabulary.commitments import describe


def _role_name(state: GameState, role: str) -> str:
    return state.motion.role_by_id[role].name


class WithdrawForm(ActionForm):
    TITLE_TEXT = "Withdraw one of your commitments"

    def body(self) -> Iterable[Widget]:
        mine = [c for c in self.state.active_commitments() if c.owner == self.role]
        yield field_row(
            "commitment",
            pick_one(((f"{c.id}: {describe(c.terms)}", c.id) for c in mine), "pick"),
        )

    def build(self) -> Action | str:
        cid = selected(self.query_one("#pick", Select))
        return Withdraw(commitment_id=cid) if cid else "Choose a commitment to withdraw."


class ConcedeForm(ActionForm):
    TITLE_TEXT = "Concede a challenge (the commitment is discounted)"

    def body(self) -> Iterable[Widget]:
        open_ = self.state.open_challenges(against=self.role)
        labels = (
            (
                f"{ch.id}: {ch.commitment_id} on {criterion_name(ch.criterion)} "
                f"(by {_role_name(self.state, ch.challenger)})",
                ch.id,
            )
            for ch in open_
        )
        yield field_row("challenge", pick_one(labels, "pick"))

    def build(self) -> Action | str:
        xid = selected(self.query_one("#pick", Select))
        return Concede(challenge_id=xid) if xid else "Choose a challenge to concede."


class AnswerDemandForm(ActionForm):
    """Accept or reject a demand addressed to you."""

    def __init__(self, state: GameState, role: str, accept: bool) -> None:
        super().__init__(state, role)
        self.accept = accept
        self.TITLE_TEXT = (
            "Accept a demand (it becomes your commitment)" if accept else ("Reject a demand")
        )

    def body(self) -> Iterable[Widget]:
        pending = self.state.pending_demands(to=self.role)
        labels = (
            (f"{d.id} from {_role_name(self.state, d.by)}: {describe(d.terms)}", d.id)
            for d in pending
        )
        yield field_row("demand", pick_one(labels, "pick"))
        if not self.accept:
            yield field_row("note", Input(placeholder="why (optional)", id="note"), "note-error")

    def build(self) -> Action | str:
        did = selected(self.query_one("#pick", Select))
        if not did:
            return "Choose a demand."
        if self.accept:
            return Accept(demand_id=did)
        note = self.query_one("#note", Input).value
        if len(note) > MAX_NOTE:
            return f"A note is limited to {MAX_NOTE} characters; this one has {len(note)}."
        return Reject(demand_id=did, text=note)


class ChallengeForm(ActionForm):
    TITLE_TEXT = "Challenge another role's commitment on one criterion"

    def body(self) -> Iterable[Widget]:
        theirs = [c for c in self.state.active_commitments() if c.owner != self.role]
        labels = (
            (f"{c.id} ({_role_name(self.state, c.owner)}): {describe(c.terms)}", c.id)
            for c in theirs
        )
        yield field_row("commitment", pick_one(labels, "pick"))
        crits = ((criterion_name(c), c) for c in self.motion.criterion_weights)
        yield field_row("criterion", Select(options(crits), id="criterion"))
        yield Label("Claims you cite:")
        yield Picks(
            *claim_selections(self.state), id="claims", classes="picks", compact=True
        )
        yield field_row("argument", Input(placeholder="optional", id="text"))

    def build(self) -> Action | str:
        cid = selected(self.query_one("#pick", Select))
        criterion = selected(self.query_one("#criterion", Select))
        if not cid or not criterion:
            return "Choose a commitment and a criterion."
        text = self.query_one("#text", Input).value
        if len(text) > MAX_SPEECH:
            return (
                f"An argument is limited to {MAX_SPEECH:,} characters; this one has {len(text):,}."
            )
        claims = tuple(self.query_one("#claims", SelectionList).selected)
        return Challenge(commitment_id=cid, criterion=criterion, claims=claims, text=text)


class VoteForm(ActionForm):
    """The vote: the rule first, no answer chosen in advance, and a confirmation."""

    TITLE_TEXT = "Vote on the package on the table"

    def body(self) -> Iterable[Widget]:
        yield Label(literal(vote_rule(self.motion)), id="vote-rule", classes="form-help")
        yield Label("Accept the package as it stands, or reject it.")
        yield field_row(
            "your vote",
            Select(
                options([("accept the package", "yes"), ("reject the package", "no")]),
                id="pick",
                prompt="choose accept or reject",
            ),
        )

    def build(self) -> Action | str:
        choice = selected(self.query_one("#pick", Select))
        if choice is None:
            return "Choose accept or reject."
        return Vote(accept=choice == "yes")

    def action_submit(self) -> None:
        result = self.build()
        if isinstance(result, str):
            self.show_error(result)
            return
        from debate.tui.screens.replay_dialogs import ConfirmDialog

        verb = "ACCEPT" if isinstance(result, Vote) and result.accept else "REJECT"
        question = f"Vote to {verb} the package? A vote cannot be changed. {vote_rule(self.motion)}"

        def answered(ok: object) -> None:
            if ok:
                self.dismiss(result)

        self.app.push_screen(ConfirmDialog(question, ok=f"Vote {verb.lower()}"), answered)
