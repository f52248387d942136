"""What the replay screen's panels show, built from the replay model (no widgets here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from rich.console import Group, RenderableType
from rich.text import Text

from debate.history.transcript import entry_for
from debate.report.replay import ReplaySession
from debate.scoring.game import GameScores
from debate.tui.text import role_label
from debate.tui.widgets.scoreboard import criterion_line, index_line, role_scores_renderable
from debate.tui.widgets.strip_view import Block
from debate.tui.widgets.timeline import TimelineRow


def timeline_rows(replay: ReplaySession) -> Sequence[TimelineRow]:
    """One row per point: the start, then each event (summaries, never player text). Rows
    are made when first shown: opening a long session costs the rows on screen."""
    return TimelineRows(replay)


class TimelineRows(Sequence[TimelineRow]):
    """:func:`timeline_rows`, computed on demand and kept."""

    def __init__(self, replay: ReplaySession) -> None:
        self.replay = replay
        start = TimelineRow(0, "", "", "·", "start of the session")
        self._rows: dict[int, TimelineRow] = {0: start}
        self._rounds: list[tuple[str, int]] | None = None
        self._votes = {p.id for p in replay.record.motion.phases if p.actions == ("vote",)}

    def __len__(self) -> int:
        return self.replay.length + 1

    @overload
    def __getitem__(self, k: int) -> TimelineRow: ...

    @overload
    def __getitem__(self, k: slice) -> list[TimelineRow]: ...

    def __getitem__(self, k: int | slice) -> TimelineRow | list[TimelineRow]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        row = self._rows.get(k)
        if row is None:
            row = self._rows[k] = self._make(k)
        return row

    def _make(self, point: int) -> TimelineRow:
        replay = self.replay
        if self._rounds is None:
            self._rounds = replay.event_rounds()  # one pass over the actors: cheap
        motion = replay.record.motion
        event = replay.events[point - 1]
        phase, rnd = self._rounds[point - 1]
        spec = motion.role_by_id.get(event.actor)
        end = replay.cache.state_at(replay.length)  # ids in summaries are stable: the end's
        return TimelineRow(
            point=point,
            round="vote" if phase in self._votes else f"R{rnd}",
            role=event.actor,
            symbol=spec.symbol if spec else "?",
            summary=entry_for(event, end).summary,
        )


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
