"""What the replay screen's panels show, built from the replay model (no widgets here)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from debate.history.transcript import entry_for
from debate.report.replay import ReplaySession
from debate.scoring.game import GameScores
from debate.tui.text import role_label
from debate.tui.widgets.scoreboard import criterion_line, index_line, role_scores_renderable
from debate.tui.widgets.strip_view import Block
from debate.tui.widgets.timeline import TimelineRow


def timeline_rows(replay: ReplaySession) -> list[TimelineRow]:
    """One row per point: the start, then each event (summaries, never player text)."""
    motion = replay.record.motion
    end = replay.cache.state_at(replay.length)  # ids in summaries are stable: use the end
    vote_phases = {p.id for p in motion.phases if p.actions == ("vote",)}
    rows = [TimelineRow(0, "", "", "·", "start of the session")]
    for event, (phase, rnd) in zip(replay.events, replay.event_rounds(), strict=True):
        spec = motion.role_by_id.get(event.actor)
        rows.append(
            TimelineRow(
                point=event.seq + 1,
                round="vote" if phase in vote_phases else f"R{rnd}",
                role=event.actor,
                symbol=spec.symbol if spec else "?",
                summary=entry_for(event, end).summary,
            )
        )
    return rows


def scores_blocks(motion: Any, score: GameScores, delta: float | None) -> list[Block]:
    """The debate table's scoreboard, opened up for the instructor: the index, a bar per
    criterion, every criterion's reasons, and each role's scores, as blocks keyed by what
    they show (an unchanged block is neither built nor drawn again)."""

    def criteria() -> RenderableType:
        parts: list[RenderableType] = [Text("")]
        parts += [criterion_line(c.name, c.score) for c in score.card.criteria]
        for c in score.card.criteria:
            parts.append(Text(f"\n{c.name}: {c.score:.1f}", style="bold"))
            parts += [Text.assemble("  • ", r) for r in c.reasons] or [
                Text("  • no contribution", style="dim")
            ]
        return Group(*parts)

    def roles() -> RenderableType:
        lines = score.roles
        if not lines:
            return Text("")
        parts: list[RenderableType] = [
            Text("\nRoles", style="bold"),
            role_scores_renderable(motion, lines),
        ]
        for role, line in lines.items():
            if line.details:
                parts.append(Text.assemble("\n", role_label(motion, role), " objectives"))
                parts += [Text.assemble("  • ", d) for d in line.details]
        return Group(*parts)

    return [
        (
            ("index", score.deterrence_index, delta),
            lambda: index_line(score.deterrence_index, delta),
        ),
        (("criteria", score.card.criteria), criteria),
        (("roles", tuple(score.roles.items())), roles),
    ]
