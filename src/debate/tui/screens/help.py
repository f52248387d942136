"""Help: the rules in short, and the keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from debate.tui.styles import APP_TCSS

RULES = """\
# How Guarantees is played

Each seat speaks for a capital. Turns follow the motion's order; a turn allows a few
actions (the status line says how many are left). **Pass** ends your turn early.

| key | action | what it does |
|---|---|---|
| s | Speak | argue; cite claims from the bank and invoke criteria |
| p | Propose | table a commitment of your own (troops, a treaty, funding...) |
| m | Amend | change the terms of your commitment (answers challenges on it) |
| w | Withdraw | pull one of your commitments |
| c | Challenge | contest another role's commitment on one criterion |
| o | Concede | accept a challenge: the commitment is discounted |
| d | Demand | ask another role for a concession or a commitment |
| a / r | Accept / Reject | answer a demand addressed to you |
| v | Vote | in the final phase, accept or reject the package |
| x | Pass | end your turn |

**Challenges** must be answered on your next turn: amend the commitment, rebut (speak
invoking the same criterion) or concede. An unanswered challenge discounts the commitment
and scores for the challenger. Passing asks first, and says what it would cost.

**Demands** are answered (accept or reject) only in phases that allow it: a demand made
during the opening statements waits for the negotiation; the status line says so.

**The vote.** Under unanimity the package passes only if every seated role accepts it:
each role has a veto. Under a majority rule it needs more than half. A rejected package is
**no deal**: nothing on the table comes into force, and each role scores the no-deal
outcome its brief states. The vote form chooses nothing for you and asks you to confirm.

**Red lines.** Your brief lists lines your role must not cross. The forms warn you before
a move would cross one; a crossed red line costs objective points and the debrief says so.

**Scores.** The status line always shows the Deterrence Index and its change over the
last turn. The index (0-100) rates the package against the criteria; a
package with nothing in place before aggression cannot score high. Highlight a criterion
in the Scores tab to read its reasons. After the vote, stress-test cards (nuclear
blackmail, a new administration...) show what would hold.

**Privacy.** Your private brief (Brief tab) is shown only to your seat. In a seminar,
a hand-over screen hides it before the keyboard passes to the next player.

## Other keys
1 / 2 / 3 show the Package, Scores and Brief tabs; space skips a scripted role's pause;
ctrl+p opens the command palette (every action and screen, and themes: light, dark,
high contrast); escape goes back; f1 shows this help; ctrl+q quits. Games are saved
after every action: **Continue** in the lobby resumes them.
"""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(RULES)
        yield Footer()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
