"""A branch beside its parent: package differences, criteria side by side, outcome, stress.

Built from the two sessions' final states; shown by the replay screen (tab 7) and added to
the Markdown and HTML debriefs by ``debate export ID --compare-parent``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from debate.engine import GameState
from debate.history.timeline import FoldCache
from debate.report.debrief import SessionRecord
from debate.report.escape import md_cell, md_escape
from debate.scoring.game import GameScores, score_game, stress_state
from debate.vocabulary.commitments import describe


@dataclass(frozen=True, slots=True)
class PackageChange:
    kind: str  # "added", "removed" or "changed"
    id: str
    owner: str
    parent: str  # the parent's terms ('' if added)
    branch: str  # the branch's terms ('' if removed)


@dataclass(frozen=True, slots=True)
class Comparison:
    branch_id: str
    parent_id: str
    fork_point: int | None
    changes: tuple[PackageChange, ...]
    criteria: tuple[tuple[str, float, float], ...]  # (name, parent, branch)
    index: tuple[float, float]
    outcome: tuple[str, str]
    stress: tuple[tuple[str, float | None, float | None], ...]  # (card, parent, branch)


def _final(record: SessionRecord) -> GameState:
    return FoldCache(record.motion, record.events, record.roles or None).states()[-1]


def _outcome(state: GameState) -> str:
    if not state.finished:
        return "still being played"
    return "agreed" if state.agreed else "rejected (no deal)"


def _package(state: GameState) -> dict[str, tuple[str, str]]:
    names = state.motion.role_by_id
    out = {}
    for c in state.active_commitments():
        terms = describe(c.terms) + (" (discounted)" if c.discounted else "")
        out[c.id] = (names[c.owner].name if c.owner in names else c.owner, terms)
    return out


def compare(branch: SessionRecord, parent: SessionRecord) -> Comparison:
    """The branch's end beside its parent's."""
    b_state, p_state = _final(branch), _final(parent)
    b_scores, p_scores = score_game(b_state), score_game(p_state)
    b_pkg, p_pkg = _package(b_state), _package(p_state)
    changes = []
    for cid in dict.fromkeys([*p_pkg, *b_pkg]):
        if cid not in p_pkg:
            changes.append(PackageChange("added", cid, b_pkg[cid][0], "", b_pkg[cid][1]))
        elif cid not in b_pkg:
            changes.append(PackageChange("removed", cid, p_pkg[cid][0], p_pkg[cid][1], ""))
        elif p_pkg[cid][1] != b_pkg[cid][1]:
            changes.append(
                PackageChange("changed", cid, b_pkg[cid][0], p_pkg[cid][1], b_pkg[cid][1])
            )
    return Comparison(
        branch_id=branch.id,
        parent_id=parent.id,
        fork_point=branch.fork_point,
        changes=tuple(changes),
        criteria=_criteria(p_scores, b_scores),
        index=(p_scores.deterrence_index, b_scores.deterrence_index),
        outcome=(_outcome(p_state), _outcome(b_state)),
        stress=_stress(p_state, b_state),
    )


def _criteria(p: GameScores, b: GameScores) -> tuple[tuple[str, float, float], ...]:
    theirs = {c.id: c.score for c in p.card.criteria}
    return tuple((c.name, theirs.get(c.id, 0.0), c.score) for c in b.card.criteria)


def _stress(p: GameState, b: GameState) -> tuple[tuple[str, float | None, float | None], ...]:
    ps = {r.name: r.deterrence_index for r in stress_state(p)} if p.finished else {}
    bs = {r.name: r.deterrence_index for r in stress_state(b)} if b.finished else {}
    return tuple((name, ps.get(name), bs.get(name)) for name in dict.fromkeys([*ps, *bs]))


def _n(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def _d(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return ""
    d = b - a
    return "±0" if abs(d) < 0.05 else f"{d:+.1f}"


def lines(c: Comparison) -> list[str]:
    """The comparison in plain lines (the replay screen's tab)."""
    out = [
        f"Branch {c.branch_id} beside its parent {c.parent_id}"
        + (f" (forked after event {c.fork_point})" if c.fork_point is not None else ""),
        f"Outcome: parent {c.outcome[0]}; branch {c.outcome[1]}.",
        f"Deterrence Index: parent {c.index[0]:.1f}; branch {c.index[1]:.1f} "
        f"({_d(*c.index)}).",
        "",
        "Package differences:",
    ]
    out += [_change(ch) for ch in c.changes] or ["  none: the same commitments on the table"]
    out += ["", "Criteria (parent → branch):"]
    out += [f"  {name}: {a:.1f} → {b:.1f} ({_d(a, b)})" for name, a, b in c.criteria]
    if c.stress:
        out += ["", "Stress test, index after each card (parent → branch):"]
        out += [f"  {card}: {_n(a)} → {_n(b)} {_d(a, b)}" for card, a, b in c.stress]
    return out


def _change(ch: PackageChange) -> str:
    if ch.kind == "added":
        return f"  + {ch.id} {ch.owner}: {ch.branch} (only in the branch)"
    if ch.kind == "removed":
        return f"  - {ch.id} {ch.owner}: {ch.parent} (only in the parent)"
    return f"  ~ {ch.id} {ch.owner}: {ch.parent} → {ch.branch}"


def markdown(c: Comparison) -> list[str]:
    out = ["## Compared with the parent session", ""]
    out.append(md_escape(lines(c)[0]))
    out += ["", "| | Parent | Branch | Change |", "|---|---|---|---|"]
    out.append(f"| Outcome | {c.outcome[0]} | {c.outcome[1]} | |")
    out.append(f"| Deterrence Index | {c.index[0]:.1f} | {c.index[1]:.1f} | {_d(*c.index)} |")
    out += [f"| {md_cell(n)} | {a:.1f} | {b:.1f} | {_d(a, b)} |" for n, a, b in c.criteria]
    out += [
        f"| Stress: {md_cell(card)} | {_n(a)} | {_n(b)} | {_d(a, b)} |" for card, a, b in c.stress
    ]
    out += ["", "Package differences:", ""]
    if not c.changes:
        out.append("- none: the same commitments on the table")
    out += [f"- {md_escape(_change(ch).strip())}" for ch in c.changes]
    return [*out, ""]


def html(c: Comparison) -> list[str]:
    rows = [("Outcome", c.outcome[0], c.outcome[1], "")]
    rows.append(("Deterrence Index", f"{c.index[0]:.1f}", f"{c.index[1]:.1f}", _d(*c.index)))
    rows += [(n, f"{a:.1f}", f"{b:.1f}", _d(a, b)) for n, a, b in c.criteria]
    rows += [(f"Stress: {card}", _n(a), _n(b), _d(a, b)) for card, a, b in c.stress]
    table = "".join(
        "<tr>" + "".join(f"<td>{escape(str(x))}</td>" for x in row) + "</tr>" for row in rows
    )
    changes = [_change(ch).strip() for ch in c.changes] or ["none"]
    return [
        "<h2>Compared with the parent session</h2>",
        f"<p>{escape(lines(c)[0])}</p>",
        "<table><tr><th></th><th>Parent</th><th>Branch</th><th>Change</th></tr>"
        f"{table}</table>",
        "<p>Package differences:</p><ul>"
        + "".join(f"<li>{escape(x)}</li>" for x in changes)
        + "</ul>",
    ]
