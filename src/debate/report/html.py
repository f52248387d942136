"""The debrief as one self-contained HTML file: inline styles, inline SVG charts, no network.

Every piece of text goes through :func:`html.escape` (quotes included), so player text such
as ``<script>`` or ``[bold red]x[/]`` is shown literally and never runs or styles anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from debate.history.transcript import rationale_text
from debate.report.assessment import results_html
from debate.report.debrief import Debrief, Note
from debate.report.svg import Marker, Series, line_chart
from debate.text_safety import neutralise

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:960px;margin:2em auto;
padding:0 1em;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;
margin-top:1.8em}h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #d0d0d0;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#444}.meta dt{font-weight:bold;float:left;clear:left;width:9em}
.meta dd{margin-left:9.5em}
.entry{margin:.3em 0 .6em 0}.speech{white-space:pre-wrap;border-left:3px solid #bbb;
margin:.3em 0 .3em 1em;padding:.1em .6em;background:#fafafa}
.why{color:#555;font-style:italic;margin-left:1em}.claim{margin-left:1em;color:#333}
.note{background:#fff7d6;border-left:3px solid #e0b000;padding:.2em .6em;margin:.3em 0 .3em 1em}
.up{color:#146c2e}.down{color:#a1261a}.muted{color:#777}
.charts{display:flex;flex-wrap:wrap;gap:8px}.charts figure{margin:0;width:230px}
figcaption{font-size:.8em;color:#444}
code{background:#f0f0f0;padding:0 .2em;border-radius:3px}
"""


def render_html(d: Debrief) -> str:
    """The whole debrief as one HTML document."""
    title = escape(d.title or d.session_id)
    body = "\n".join(
        [
            *_header(d),
            *_charts(d),
            *_seats(d),
            *_outcome(d),
            *_transcript(d),
            *_package(d),
            *_criteria(d),
            *_stress(d),
            *_roles(d),
            *results_html(d),
            *_annotations(d),
            *_trace(d),
        ]
    )
    # Control and bidi characters are made visible in the whole page (debate.text_safety):
    # `cat report.html` must not move the terminal, and a browser must not reorder text.
    return neutralise(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No script, no remote anything: the file must open offline and run nothing.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>Debrief: {title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def _delta(v: float) -> str:
    if abs(v) < 0.05:
        return '<span class="muted">±0</span>'
    cls = "up" if v > 0 else "down"
    return f'<span class="{cls}">{v:+.1f}</span>'


def _header(d: Debrief) -> list[str]:
    m = d.motion
    rows = [
        (
            "Session",
            f"<code>{_e(d.session_id)}</code>" + (f" ({_e(d.status)})" if d.status else ""),
        ),
        ("Motion", f"{_e(m.title)} (<code>{_e(m.id)}</code>)"),
        ("Source", _e(d.source_citation)),
        ("Events", str(d.events)),
    ]
    if d.created:
        rows.append(("Started", f"{d.created:%Y-%m-%d %H:%M}"))
    if d.updated:
        rows.append(("Last saved", f"{d.updated:%Y-%m-%d %H:%M}"))
    if d.parent:
        rows.append(
            (
                "Branch of",
                f"{_e(d.parent.title)} (<code>{_e(d.parent.id)}</code>), "
                f"from event {d.parent.fork_point}",
            )
        )
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return [f"<h1>Debrief: {_e(d.title or d.session_id)}</h1>", f'<dl class="meta">{meta}</dl>']


def _charts(d: Debrief) -> list[str]:
    series = [Series("This session", d.trace, color="#1f5fa8")]
    markers: list[Marker] = []
    if d.parent:
        series.append(Series("Parent session", d.parent.trace, color="#c0392b", dashed=True))
        markers.append(Marker(d.parent.fork_point, f"branch point (event {d.parent.fork_point})"))
    markers += [Marker(n.point, f"note: {n.text}", color="#e0b000") for n in d.notes]
    out = [
        "<h2>Deterrence Index over the session</h2>",
        line_chart(series, title="Deterrence Index (0-100)", markers=markers),
    ]
    if d.criteria_traces:
        out.append('<div class="charts">')
        for cid, values in d.criteria_traces.items():
            name = d.criterion_names.get(cid, cid)
            out.append(
                "<figure>"
                + line_chart(
                    [Series(name, values, color="#2e7d5b")],
                    width=230,
                    height=110,
                    x_label="",
                    legend=False,
                )
                + f"<figcaption>{_e(name)}: {_fmt(values[-1])}</figcaption></figure>"
            )
        out.append("</div>")
    return out


def _table(head: Iterable[str], rows: Iterable[Iterable[str]], num: Iterable[int] = ()) -> str:
    """A table; cells are already-escaped HTML; columns in ``num`` are right-aligned."""
    numeric = set(num)
    out = ["<table><thead><tr>", *(f"<th>{h}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        cells = (
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _seats(d: Debrief) -> list[str]:
    rows = []
    for s in d.seats:
        kind = "human"
        if s.scripted:
            kind = f"scripted ({_e(s.difficulty)})" if s.difficulty else "scripted"
        rows.append([_e(f"{s.name} ({s.symbol})"), _e(s.player or "-"), kind])
    return ["<h2>Seats</h2>", _table(["Role", "Player", "Seat"], rows)]


def _outcome(d: Debrief) -> list[str]:
    if not d.finished:
        verdict = f"The session is unfinished (stopped after event {d.events})."
    else:
        verdict = f"The package was <strong>{'accepted' if d.agreed else 'rejected'}</strong>."
    out = ["<h2>Outcome</h2>", f"<p>{verdict}"]
    if d.votes:
        votes = ", ".join(
            f"{_e(d.role_label(r))}: {'yes' if v else 'no'}" for r, v in d.votes.items()
        )
        out.append(f" Votes: {votes}.")
    index = _fmt(d.final.deterrence_index)
    out.append(f"</p><p>Final Deterrence Index: <strong>{index}</strong> / 100.</p>")
    if d.turning:
        out.append("<p>Turning points (the turns that moved the index most, and why):</p><ul>")
        entries = {e.number: e for t in d.turns for e in t.entries}
        for t in d.turning:
            e = entries.get(t.seq + 1)
            who = _e(d.role_label(e.actor)) if e else "?"
            span = f"event {t.seq + 1}" if t.seq + 1 >= t.end else f"events {t.seq + 1} to {t.end}"
            why = "".join(f"<li>{_e(x)}</li>" for x in d.turning_why.get(t.seq, ()))
            out.append(
                f"<li>{who}'s turn, {span}: {_fmt(t.before)} → {_fmt(t.after)} "
                f"({_delta(t.delta)})" + (f"<ul>{why}</ul>" if why else "") + "</li>"
            )
        out.append("</ul>")
    return out


def _notes(notes: Iterable[Note]) -> list[str]:
    return [
        f'<div class="note"><strong>Note{(" (" + _e(n.author) + ")") if n.author else ""}:'
        f'</strong> <span style="white-space:pre-wrap">{_e(n.text)}</span></div>'
        for n in notes
    ]


def _transcript(d: Debrief) -> list[str]:
    out = ["<h2>Transcript</h2>", *_notes(d.start_notes)]
    if not d.turns:
        out.append("<p>No event yet.</p>")
    for turn in d.turns:
        out.append(
            f"<h3>Turn {turn.turn_no}: {_e(d.role_label(turn.actor))}, {_e(turn.phase)}, "
            f"round {turn.round}</h3>"
        )
        for e in turn.entries:
            out.append(
                f'<div class="entry" id="event-{e.number}"><strong>{e.number}.</strong> '
                f'{_e(e.summary)} <span class="muted">— index {_fmt(e.index_after)}</span> '
                f"({_delta(e.delta)})"
            )
            if e.text:
                out.append(f'<div class="speech">{_e(e.text)}</div>')
            for effect in e.effects:
                out.append(f'<div class="claim">then: {_e(effect)}</div>')
            for _cid, text in e.claims:
                out.append(f'<div class="claim">cites: {_e(text)}</div>')
            if e.rationale:
                out.append(
                    f'<div class="why">Why (scripted): {_e(rationale_text(e.rationale))}</div>'
                )
            out += _notes(e.notes)
            out.append("</div>")
    return out


def _package(d: Debrief) -> list[str]:
    out = ["<h2>The package at the end</h2>"]
    if not d.package:
        return [*out, "<p>Nothing was tabled.</p>"]
    rows = []
    for c in d.package:
        what = _e(c.description)
        if c.concession:
            what += " <em>(concession)</em>"
        if c.from_demand:
            what += f" (from demand {_e(c.from_demand)})"
        if c.note:
            what += f'<br><span class="muted">note: {_e(c.note)}</span>'
        rows.append([f"<code>{_e(c.id)}</code>", _e(d.role_label(c.owner)), what, _e(c.status)])
    return [*out, _table(["Id", "Owner", "Commitment", "Status"], rows)]


def _criteria(d: Debrief) -> list[str]:
    rows = []
    for c in d.final.card.criteria:
        reasons = "<br>".join(_e(r) for r in c.reasons) or '<span class="muted">none</span>'
        rows.append([_e(c.name), _fmt(c.score), reasons])
    return [
        "<h2>Deterrence criteria</h2>",
        f"<p>Deterrence Index: <strong>{_fmt(d.final.deterrence_index)}</strong> / 100.</p>",
        _table(["Criterion", "Score", "Reasons"], rows, num=[1]),
    ]


def _stress(d: Debrief) -> list[str]:
    out = ["<h2>Stress test</h2>"]
    if not d.finished:
        return [*out, "<p>Not run: the session did not reach the end of the vote.</p>"]
    if not d.stress:
        return [*out, "<p>The motion has no stress-test cards.</p>"]
    rows = [
        [_e(s.name), _fmt(s.deterrence_index), "<br>".join(_e(x) for x in s.defeated) or "nothing"]
        for s in d.stress
    ]
    if not d.agreed:
        out.append(
            "<p>The package was rejected; the cards are applied to it anyway, to show what "
            "it would have withstood.</p>"
        )
    return [
        *out,
        f"<p>Before the cards, the index stands at {_fmt(d.final.deterrence_index)}.</p>",
        _table(["Card", "Index after", "Defeated"], rows, num=[1]),
    ]


def _roles(d: Debrief) -> list[str]:
    objective = d.final.roles
    rows = []
    for s in d.seats:
        line = objective.get(s.role)
        rows.append(
            [
                _e(f"{s.name} ({s.symbol})"),
                _fmt(line.objective) if line else "-",
                f"{line.debate if line else d.debate_points.get(s.role, 0):g}",
            ]
        )
    out = [
        "<h2>Role scores</h2>",
        _table(["Role", "Objectives (0-100)", "Debate points"], rows, num=[1, 2]),
    ]
    for s in d.seats:
        line = objective.get(s.role)
        if line and line.details:
            out.append(f"<p>{_e(f'{s.name} ({s.symbol})')}, objectives of the private brief:</p>")
            out.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in line.details) + "</ul>")
    return out


def _annotations(d: Debrief) -> list[str]:
    out = ["<h2>Annotations</h2>"]
    if not d.notes:
        return [*out, "<p>No annotations.</p>"]
    out.append("<ul>")
    for n in d.notes:
        where = (
            "at the start"
            if n.point == 0
            else f'after <a href="#event-{n.point}">event {n.point}</a>'
        )
        by = f" — {_e(n.author)}" if n.author else ""
        when = f", {n.created:%Y-%m-%d %H:%M}" if n.created else ""
        out.append(
            f'<li><em>{where}</em>{by}{when}: <span style="white-space:pre-wrap">'
            f"{_e(n.text)}</span></li>"
        )
    return [*out, "</ul>"]


def _trace(d: Debrief) -> list[str]:
    parent = d.parent
    head = ["Event", "Role", "Action", "Index", "Change"] + (["Parent's index"] if parent else [])
    rows = [["0", "", "start", _fmt(d.trace[0]), ""] + ([_fmt(parent.trace[0])] if parent else [])]
    for turn in d.turns:
        for e in turn.entries:
            row = [
                str(e.number),
                _e(d.role_label(e.actor)),
                _e(e.action),
                _fmt(e.index_after),
                _delta(e.delta),
            ]
            if parent:
                row.append(_fmt(parent.trace[e.number]) if e.number < len(parent.trace) else "")
            rows.append(row)
    return [
        "<h2>Deterrence Index, event by event</h2>",
        _table(head, rows, num=[0, 3, 4, 5]),
    ]
