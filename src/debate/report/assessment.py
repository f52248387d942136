"""Per-role results and the instructor's assessment sheet, for the exports.

- :func:`results_markdown` / :func:`results_html`: one page per role (headline, objectives
  met / partly / missed and why, red lines, outcome).
- :func:`rubric_markdown`: a single-point rubric per human player, the evidence filled in,
  the *concerns* and *advanced* columns left for the instructor.
- :func:`guide_markdown`: the motion's debrief questions.
- :func:`sheet_csv`: one row per human seat (``debate export ID --format csv``).
"""

from __future__ import annotations

import csv
import io
from html import escape

from debate.report.debrief import Debrief
from debate.report.escape import md_cell, md_escape
from debate.report.results import RoleResult

#: The CSV sheet's columns, in order.
CSV_COLUMNS = (
    "session",
    "role",
    "player",
    "objectives_met",
    "objectives_partly",
    "objectives_total",
    "objective_score",
    "red_lines_crossed",
    "red_lines",
    "claims_cited",
    "challenges_made",
    "challenges_won",
    "challenges_received",
    "challenges_answered",
    "index_contribution",
    "vote",
    "outcome",
    "debate_points",
)


def _ordered(d: Debrief) -> list[RoleResult]:
    return [d.results[s.role] for s in d.seats if s.role in d.results]


def objective_lines(r: RoleResult) -> list[str]:
    """``met: Enough force on the ground... (local denial 64, wanted at least 60)``."""
    return [f"{o.verdict}: {o.text} ({o.why})" for o in r.objectives]


def results_markdown(d: Debrief) -> list[str]:
    lines = ["## Results by role", ""]
    for r in _ordered(d):
        lines += [f"### {md_escape(r.name)} ({md_escape(r.symbol)})", ""]
        lines += [f"**{md_escape(r.headline())}**", "", md_escape(r.outcome_text()), ""]
        lines += [f"- {md_escape(x)}" for x in objective_lines(r)]
        lines += [f"- red line crossed: {md_escape(x)}" for x in r.red_lines]
        lines.append("")
    return lines


def results_html(d: Debrief) -> list[str]:
    out = ["<h2>Results by role</h2>"]
    for r in _ordered(d):
        out.append(f"<h3>{escape(r.name)} ({escape(r.symbol)})</h3>")
        out.append(f"<p><strong>{escape(r.headline())}</strong></p>")
        out.append(f"<p>{escape(r.outcome_text())}</p>")
        items = objective_lines(r) + [f"red line crossed: {x}" for x in r.red_lines]
        out.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in items) + "</ul>")
    return out


def rubric_markdown(d: Debrief) -> list[str]:
    """A single-point rubric per human seat: criteria and the evidence from the game."""
    humans = [r for r in _ordered(d) if r.human]
    lines = [
        "## Assessment sheet (single-point rubric)",
        "",
        "One table per human player. The *Standard* column states what meeting the standard "
        "looks like, with the evidence from this game; write what fell short under *Concerns* "
        "and what went beyond under *Advanced*.",
        "",
    ]
    if not humans:
        return [*lines, "No human seats in this session.", ""]
    for r in humans:
        lines += [f"### {md_escape(r.player or r.name)}: {md_escape(r.name)}", ""]
        lines += ["| Concerns | Standard (evidence from the game) | Advanced |", "|---|---|---|"]
        for standard in _standards(r):
            lines.append(f"|  | {md_cell(standard)} |  |")
        lines += ["", "Grade / comments:", ""]
    return lines


def _standards(r: RoleResult) -> list[str]:
    crossed = len(r.red_lines)
    goal = f" (goal {r.goal:.0f})" if r.goal is not None else ""
    return [
        f"Pursues the brief's objectives: {r.met} of {len(r.objectives)} met, "
        f"{r.partly} partly; objective score {r.objective_score:.0f}/100.",
        "Respects the role's red lines or justifies crossing one: "
        + (f"{crossed} crossed ({'; '.join(r.red_lines)})." if crossed else "none crossed."),
        f"Argues from evidence: {r.claims_cited} claim(s) from the source cited.",
        f"Tests other roles' commitments: {r.challenges_made} challenge(s) made, "
        f"{r.challenges_won} won.",
        f"Answers challenges in time: {r.challenges_answered} of {r.challenges_received} "
        "answered.",
        f"Moves the package towards durable deterrence: own moves changed the index by "
        f"{r.index_contribution:+.0f}; final index {r.index:.0f}{goal}.",
        f"Votes consistently with the brief: voted {r.vote or 'nothing'}; "
        f"{r.outcome_text()}",
    ]


def guide_markdown(d: Debrief) -> list[str]:
    questions = d.motion.debrief_questions
    lines = ["## Debrief guide", ""]
    if not questions:
        return [*lines, "The motion has no debrief questions.", ""]
    lines += [f"{i}. {md_escape(q)}" for i, q in enumerate(questions, 1)]
    return [*lines, ""]


def sheet_rows(d: Debrief) -> list[dict[str, str]]:
    rows = []
    for r in _ordered(d):
        if not r.human:
            continue
        rows.append({
            "session": d.session_id,
            "role": r.name,
            "player": r.player,
            "objectives_met": str(r.met),
            "objectives_partly": str(r.partly),
            "objectives_total": str(len(r.objectives)),
            "objective_score": f"{r.objective_score:.1f}",
            "red_lines_crossed": str(len(r.red_lines)),
            "red_lines": "; ".join(r.red_lines),
            "claims_cited": str(r.claims_cited),
            "challenges_made": str(r.challenges_made),
            "challenges_won": str(r.challenges_won),
            "challenges_received": str(r.challenges_received),
            "challenges_answered": str(r.challenges_answered),
            "index_contribution": f"{r.index_contribution:+.1f}",
            "vote": r.vote,
            "outcome": r.outcome,
            "debate_points": str(r.debate_points),
        })
    return rows


def sheet_csv(d: Debrief) -> str:
    """The assessment sheet as CSV: a header, then one row per human seat.

    Cells starting with ``=``, ``+``, ``-`` or ``@`` (a player's name, say) are prefixed
    with a quote so a spreadsheet shows them as text instead of running them as formulas.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sheet_rows(d):
        writer.writerow({k: _cell(k, v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(column: str, value: str) -> str:
    if column == "index_contribution":
        return value  # a signed number, written by us
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
