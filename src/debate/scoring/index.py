"""The Deterrence Index: the criteria combined with a weakest-link property.

Two steps (docs/scoring.md has the reasoning and sources):

1. a *weighted geometric mean* of the criteria, each lifted by ``index_lift`` points so one
   zero pulls the index down hard without erasing it: a weak criterion cannot be bought back
   by piling up strong ones the way an average would allow;
2. a *cap* set by what stands in place before any aggression: the better of pre-positioning
   and local denial. With nothing standing the index cannot exceed ``cap_floor`` (25), however
   many paper guarantees the package stacks.

>>> from debate.vocabulary.criteria import CRITERION_IDS
>>> strong = dict.fromkeys(CRITERION_IDS, 90.0)
>>> round(deterrence_index(strong)[0], 1)
90.0
>>> paper = {**strong, "pre_positioning": 0.0, "local_denial": 0.0}
>>> round(deterrence_index(paper)[0], 1)
25.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from debate.scoring.rubric import RUBRIC, Rubric
from debate.vocabulary.criteria import CRITERION_IDS, CRITERION_NAMES, DEFAULT_CRITERIA

DEFAULT_WEIGHTS: dict[str, float] = {c.id: c.weight for c in DEFAULT_CRITERIA}
#: The criteria that measure what is in place before aggression (the weakest link).
FOUNDATION: tuple[str, ...] = ("pre_positioning", "local_denial")


def resolve_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Default weights overlaid with ``weights``; unknown ids and negative weights are errors.

    If every weight is zero the criteria count equally.
    """
    out = dict(DEFAULT_WEIGHTS)
    for cid, w in (weights or {}).items():
        if cid not in out:
            raise ValueError(f"unknown criterion {cid!r} (known: {', '.join(CRITERION_IDS)})")
        if not w >= 0:  # also refuses NaN
            raise ValueError(f"weight of {cid!r} must be >= 0, not {w!r}")
        out[cid] = float(w)
    if sum(out.values()) <= 0:
        out = dict.fromkeys(out, 1.0)
    return out


def deterrence_index(
    scores: Mapping[str, float],
    weights: Mapping[str, float] | None = None,
    rubric: Rubric = RUBRIC,
    explain: bool = False,
) -> tuple[float, tuple[str, ...]]:
    """The index (0-100) from criterion scores, and how it was reached when ``explain``.

    ``weights`` must hold every criterion (see :func:`resolve_weights`); None = defaults.
    """
    w = DEFAULT_WEIGHTS if weights is None else weights
    total = sum(w.values())
    lift = rubric.scales.index_lift
    log_mean = (
        sum(
            w[cid] * math.log((_clamp(scores[cid]) + lift) / (100.0 + lift))
            for cid in CRITERION_IDS
        )
        / total
    )
    mean = math.exp(log_mean) * (100.0 + lift) - lift
    foundation = max(_clamp(scores[cid]) for cid in FOUNDATION)
    floor = rubric.scales.cap_floor
    cap = floor + (100.0 - floor) * foundation / 100.0
    index = _clamp(min(mean, cap))
    if not explain:
        return index, ()
    best = max(FOUNDATION, key=lambda cid: scores[cid])
    lines = [
        f"weighted geometric mean of the criteria (each lifted by {lift:g} points): {mean:.1f}",
        f"weakest link: what stands before any attack ({CRITERION_NAMES[best].lower()}, "
        f"{foundation:.1f}) caps the index at {floor:g} + {100 - floor:g}% of it = {cap:.1f}",
    ]
    lines.append(
        f"Deterrence Index {index:.1f}"
        + (" (capped: too little stands in place before aggression)" if cap < mean else "")
    )
    return index, tuple(lines)


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 100.0 if x > 100 else x
