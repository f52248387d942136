"""The debrief as Markdown: a file an instructor can hand out or paste into a course site.

Every piece of text that came from a person or a data file goes through
:func:`~debate.report.escape.md_escape`, so a speech reading ``[bold red]x[/]`` or
``<script>`` shows exactly that in any Markdown viewer.
"""

from __future__ import annotations

from collections.abc import Iterable

from debate.history.transcript import rationale_text
from debate.report.assessment import guide_markdown, results_markdown, rubric_markdown
from debate.report.debrief import Debrief, Entry, Note
from debate.report.escape import md_cell, md_code, md_escape
from debate.text_safety import neutralise


def render_markdown(d: Debrief) -> str:
    """The whole debrief as one Markdown document."""
    parts: list[str] = []
    parts += _header(d)
    parts += _seats(d)
    parts += _outcome(d)
    parts += _transcript(d)
    parts += _package(d)
    parts += _criteria(d)
    parts += _stress(d)
    parts += _roles(d)
    parts += results_markdown(d)
    parts += rubric_markdown(d)
    parts += guide_markdown(d)
    parts += _annotations(d)
    parts += _trace(d)
    return neutralise("\n".join(parts).rstrip() + "\n")  # no control codes reach a terminal


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def _delta(v: float) -> str:
    return "±0" if abs(v) < 0.05 else f"{v:+.1f}"


def _header(d: Debrief) -> list[str]:
    m = d.motion
    lines = [
        f"# Debrief: {md_escape(d.title or d.session_id)}",
        "",
        f"- **Session:** {md_code(d.session_id)}"
        + (f" ({md_escape(d.status)})" if d.status else ""),
        f"- **Motion:** {md_escape(m.title)} ({md_code(m.id)})",
        f"- **Source:** {md_escape(d.source_citation)}",
        f"- **Events:** {d.events}",
    ]
    if d.created:
        lines.append(f"- **Started:** {d.created:%Y-%m-%d %H:%M}")
    if d.updated:
        lines.append(f"- **Last saved:** {d.updated:%Y-%m-%d %H:%M}")
    if d.parent:
        lines.append(
            f"- **Branch of:** {md_escape(d.parent.title)} ({md_code(d.parent.id)}), "
            f"from event {d.parent.fork_point}"
        )
    return [*lines, ""]


def _seats(d: Debrief) -> list[str]:
    lines = ["## Seats", "", "| Role | Player | Seat |", "|---|---|---|"]
    for s in d.seats:
        kind = (
            f"scripted ({s.difficulty})"
            if s.scripted and s.difficulty
            else ("scripted" if s.scripted else "human")
        )
        lines.append(
            f"| {md_cell(f'{s.name} ({s.symbol})')} | {md_cell(s.player or '-')} | {kind} |"
        )
    return [*lines, ""]


def _outcome(d: Debrief) -> list[str]:
    lines = ["## Outcome", ""]
    if not d.finished:
        lines.append(f"The session is unfinished (stopped after event {d.events}).")
    elif d.agreed:
        lines.append("The package was **accepted**.")
    else:
        lines.append("The package was **rejected**.")
    if d.votes:
        votes = ", ".join(
            f"{md_escape(d.role_label(r))}: {'yes' if v else 'no'}" for r, v in d.votes.items()
        )
        lines.append(f"Votes: {votes}.")
    lines += ["", f"Final Deterrence Index: **{_fmt(d.final.deterrence_index)}** / 100.", ""]
    if d.turning:
        lines += ["Turning points (the turns that moved the index most, and why):", ""]
        for t in d.turning:
            entry = _entry(d, t.seq + 1)
            who = md_escape(d.role_label(entry.actor)) if entry else "?"
            lines.append(
                f"- {who}'s turn, {_events(t.seq + 1, t.end)}: "
                f"{_fmt(t.before)} → {_fmt(t.after)} ({_delta(t.delta)})"
            )
            lines += [f"  - {md_escape(why)}" for why in d.turning_why.get(t.seq, ())]
        lines.append("")
    return lines


def _events(first: int, last: int) -> str:
    return f"event {first}" if first >= last else f"events {first} to {last}"


def _entry(d: Debrief, number: int) -> Entry | None:
    for turn in d.turns:
        for e in turn.entries:
            if e.number == number:
                return e
    return None


def _notes(notes: Iterable[Note], indent: str = "") -> list[str]:
    out = []
    for n in notes:
        by = f" ({md_escape(n.author)})" if n.author else ""
        out.append(f"{indent}> **Note{by}:** {md_escape(n.text)}")
    return out


def _transcript(d: Debrief) -> list[str]:
    lines = ["## Transcript", ""]
    if d.start_notes:
        lines += [*_notes(d.start_notes), ""]
    if not d.turns:
        lines += ["No event yet.", ""]
    for turn in d.turns:
        lines += [
            f"### Turn {turn.turn_no}: {md_escape(d.role_label(turn.actor))}, "
            f"{md_escape(turn.phase)}, round {turn.round}",
            "",
        ]
        for e in turn.entries:
            lines.append(
                f"- **{e.number}.** {md_escape(e.summary)} "
                f"— index {_fmt(e.index_after)} ({_delta(e.delta)})"
            )
            if e.text:
                lines.append(f"  > {md_escape(e.text).replace(chr(10), chr(10) + '  > ')}")
            for effect in e.effects:
                lines.append(f"  - *Then:* {md_escape(effect)}")
            for _cid, text in e.claims:
                lines.append(f"  - cites: {md_escape(text)}")
            if e.rationale:
                lines.append(f"  - *Why (scripted):* {md_escape(rationale_text(e.rationale))}")
            if e.notes:
                lines += _notes(e.notes, indent="  ")
        lines.append("")
    return lines


def _package(d: Debrief) -> list[str]:
    lines = ["## The package at the end", ""]
    if not d.package:
        return [*lines, "Nothing was tabled.", ""]
    lines += ["| Id | Owner | Commitment | Status |", "|---|---|---|---|"]
    for c in d.package:
        what = c.description
        if c.concession:
            what += " (concession)"
        if c.from_demand:
            what += f" (from demand {c.from_demand})"
        if c.note:
            what += f" — note: {c.note}"
        lines.append(
            f"| {md_code(c.id)} | {md_cell(d.role_label(c.owner))} | {md_cell(what)} | {c.status} |"
        )
    return [*lines, ""]


def _criteria(d: Debrief) -> list[str]:
    lines = [
        "## Deterrence criteria",
        "",
        f"Deterrence Index: **{_fmt(d.final.deterrence_index)}** / 100.",
        "",
        "| Criterion | Score | Reasons |",
        "|---|---:|---|",
    ]
    for c in d.final.card.criteria:
        reasons = "; ".join(c.reasons) or "no contributing commitment"
        lines.append(f"| {md_cell(c.name)} | {_fmt(c.score)} | {md_cell(reasons)} |")
    return [*lines, ""]


def _stress(d: Debrief) -> list[str]:
    lines = ["## Stress test", ""]
    if not d.finished:
        return [*lines, "Not run: the session did not reach the end of the vote.", ""]
    if not d.stress:
        return [*lines, "The motion has no stress-test cards.", ""]
    if not d.agreed:
        lines += [
            "The package was rejected; the cards are applied to it anyway, to show what "
            "it would have withstood.",
            "",
        ]
    lines += [
        f"Before the cards, the index stands at {_fmt(d.final.deterrence_index)}.",
        "",
        "| Card | Index after | Defeated |",
        "|---|---:|---|",
    ]
    for s in d.stress:
        defeated = "; ".join(s.defeated) or "nothing"
        lines.append(f"| {md_cell(s.name)} | {_fmt(s.deterrence_index)} | {md_cell(defeated)} |")
    return [*lines, ""]


def _roles(d: Debrief) -> list[str]:
    lines = [
        "## Role scores",
        "",
        "| Role | Objectives (0-100) | Debate points |",
        "|---|---:|---:|",
    ]
    objective = d.final.roles
    for s in d.seats:
        line = objective.get(s.role)
        score = _fmt(line.objective) if line else "-"
        points = f"{line.debate if line else d.debate_points.get(s.role, 0):g}"
        lines.append(f"| {md_cell(f'{s.name} ({s.symbol})')} | {score} | {points} |")
    lines.append("")
    for s in d.seats:
        line = objective.get(s.role)
        if line and line.details:
            lines += [
                f"{md_escape(f'{s.name} ({s.symbol})')}, objectives of the private brief:",
                "",
            ]
            lines += [f"- {md_escape(detail)}" for detail in line.details]
            lines.append("")
    return lines


def _annotations(d: Debrief) -> list[str]:
    lines = ["## Annotations", ""]
    if not d.notes:
        return [*lines, "No annotations.", ""]
    for n in d.notes:
        where = "at the start" if n.point == 0 else f"after event {n.point}"
        by = f" — {md_escape(n.author)}" if n.author else ""
        when = f", {n.created:%Y-%m-%d %H:%M}" if n.created else ""
        lines.append(f"- *{where}*{by}{when}: {md_escape(n.text)}")
    return [*lines, ""]


def _trace(d: Debrief) -> list[str]:
    lines = ["## Deterrence Index, event by event", ""]
    parent = d.parent
    head = "| Event | Role | Action | Index | Change |"
    rule = "|---:|---|---|---:|---:|"
    if parent:
        head += " Parent's index |"
        rule += "---:|"
    lines += [head, rule]
    start = f"| 0 | | start | {_fmt(d.trace[0])} | |"
    if parent:
        start += f" {_fmt(parent.trace[0])} |" if parent.trace else " |"
    lines.append(start)
    cells: dict[str, str] = {}  # role -> its cell (a long session names a few roles)
    for turn in d.turns:
        for e in turn.entries:
            who = cells.get(e.actor)
            if who is None:
                who = cells[e.actor] = md_cell(d.role_label(e.actor))
            row = (
                f"| {e.number} | {who} | {e.action} "
                f"| {_fmt(e.index_after)} | {_delta(e.delta)} |"
            )
            if parent:
                k = e.number
                row += f" {_fmt(parent.trace[k])} |" if k < len(parent.trace) else " |"
            lines.append(row)
    return [*lines, ""]
