"""Modal forms that build one engine action each; they return None when cancelled.

The forms' modules (text areas, selection lists, selects) load when a form first opens,
not with the debate table: `debate play` paints its table without them (issue 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debate.tui.forms.base import ActionForm

#: Every action a form builds (``pass`` is confirmed, not filled in).
FORM_KINDS = (
    "speak", "propose", "amend", "demand", "withdraw", "challenge", "concede", "accept",
    "reject", "vote",
)


def open_form(kind: str, state: Any, role: str) -> ActionForm:
    """The form that builds a ``kind`` action for ``role`` in ``state``.

    >>> open_form("shout", None, "kyiv")
    Traceback (most recent call last):
    ...
    KeyError: 'shout'
    """
    if kind not in FORM_KINDS:
        raise KeyError(kind)
    if kind == "speak":
        from debate.tui.forms.speak import SpeakForm

        return SpeakForm(state, role)
    if kind in ("propose", "amend", "demand"):
        from debate.tui.forms.commitment import CommitmentForm

        return CommitmentForm(state, role, kind)
    from debate.tui.forms import choices

    if kind in ("accept", "reject"):
        return choices.AnswerDemandForm(state, role, accept=kind == "accept")
    simple = {
        "withdraw": choices.WithdrawForm,
        "challenge": choices.ChallengeForm,
        "concede": choices.ConcedeForm,
        "vote": choices.VoteForm,
    }
    return simple[kind](state, role)
