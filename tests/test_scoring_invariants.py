"""Property tests of the invariants issue 13 asks of an honest scorer, over generated packages
(the generators are those of tests/test_scoring_properties.py):

- splitting, merging or reordering lines never changes a criterion;
- every quantity is monotone: more soldiers, money, width or years, a stronger basis, a
  withdrawal fewer parties can force, a stated composition never lower the index or a
  criterion;
- zero or negative quantities are refused;
- the protected party's own money, arms, sanctions and cyber cover are no guarantee;
- no stress card (default or a shipped motion's) raises the index, and after every card a
  stronger legal basis still never scores lower;
- reasons add up exactly and each names a source of docs/scoring.md's bibliography.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from debate.motions import load_motion
from debate.scoring import default_cards, score, stress_test
from debate.vocabulary.cards import StressCard
from debate.vocabulary.commitments import BASES, KIND_MODELS, Commitment, parse_commitment
from test_scoring_properties import (
    AGGRESSOR,
    EPS,
    PROTECTED,
    PROXY,
    Case,
    cases,
    others_by,
)

ROOT = Path(__file__).resolve().parents[1]
WITHDRAWAL_ORDER = ("aggressor", "host", "any_party", "guarantor", "none")  # weakest first


@cache
def every_card() -> tuple[StressCard, ...]:
    cards = list(default_cards())
    for path in sorted((ROOT / "motions").glob("*.toml")):
        cards += load_motion(path).cards
    return tuple(cards)


def scores(case: Case) -> dict[str, float]:
    return score(case.package, factors=case.factors).scores()


def same(a: dict[str, float], b: dict[str, float], tol: float = 1e-6) -> bool:
    return all(abs(a[k] - b[k]) <= tol for k in a)


def quantity(c: Commitment) -> str | None:
    """The field of a commitment that is an amount (summed before any curve)."""
    for name in ("size", "usd_bn_per_year", "width_km"):
        if name in type(c).model_fields:
            return name
    return None


# ------------------------------------------------------------------ split, merge, reorder
@settings(max_examples=150, deadline=None)
@given(st.data())
def test_splitting_a_line_in_two_changes_no_criterion(data: st.DataObject) -> None:
    case = data.draw(cases())
    splittable = [
        i for i, c in enumerate(case.package.commitments)
        if quantity(c) and (quantity(c) != "size" or getattr(c, "size", 0) >= 2)
    ]
    assume(splittable)
    i = data.draw(st.sampled_from(splittable))
    c = case.package.commitments[i]
    name = quantity(c)
    assert name is not None
    whole = getattr(c, name)
    if isinstance(whole, int):
        part: Any = data.draw(st.integers(min_value=1, max_value=whole - 1))
        rest: Any = whole - part
    else:
        share = data.draw(st.floats(min_value=0.01, max_value=0.99))
        part, rest = whole * share, whole * (1 - share)
    halves = [c.model_copy(update={name: part}), c.model_copy(update={name: rest})]
    commitments = list(case.package.commitments)
    factors = list(case.factors)
    commitments[i : i + 1] = halves
    factors[i : i + 1] = [factors[i]] * 2
    split = case.with_commitments(commitments, factors)
    assert same(scores(split), scores(case)), (name, whole, part)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_reordering_the_lines_changes_no_criterion(data: st.DataObject) -> None:
    case = data.draw(cases())
    order = data.draw(st.permutations(range(len(case.package.commitments))))
    shuffled = case.with_commitments(
        [case.package.commitments[i] for i in order], [case.factors[i] for i in order]
    )
    assert same(scores(shuffled), scores(case), 1e-9)


# ------------------------------------------------------------------ monotonicity
def stronger(data: st.DataObject, c: Commitment) -> Commitment | None:
    """The same commitment made stronger in one field, or None if it has none to raise."""
    fields = type(c).model_fields
    options = []
    if "size" in fields and c.kind != "own_forces":
        options.append("size")
    if c.kind == "own_forces" and c.by not in (AGGRESSOR, PROXY):
        options.append("size")
    options += [n for n in ("usd_bn_per_year", "width_km", "basis", "withdrawal") if n in fields]
    if "years" in fields and getattr(c, "years", 0) > 0:
        options.append("years")
    if "composition" in fields:
        options.append("composition")
    if c.kind == "demilitarisation":
        options.append("force_cap")
    if not options:
        return None
    name = data.draw(st.sampled_from(options))
    value = getattr(c, name)
    info = fields[name]
    top = next((m.le for m in info.metadata if getattr(m, "le", None) is not None), None)
    if name == "basis":
        new: Any = data.draw(st.sampled_from(BASES[BASES.index(value):]))
    elif name == "withdrawal":
        new = data.draw(st.sampled_from(WITHDRAWAL_ORDER[WITHDRAWAL_ORDER.index(value):]))
    elif name == "years":  # a longer term, or open-ended (0)
        new = data.draw(st.sampled_from([0, *range(value, 100)]))
    elif name == "composition":
        more = data.draw(st.lists(st.sampled_from(
            ["infantry", "armour", "air", "air_defence", "support"]), min_size=1, max_size=5))
        new = tuple(dict.fromkeys([*value, *more]))[:5]
    elif isinstance(value, int):
        new = data.draw(st.integers(min_value=value, max_value=top))
    else:
        new = data.draw(st.floats(min_value=value, max_value=top))
    return c.model_copy(update={name: new})


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_more_of_anything_a_party_gives_never_lowers_a_criterion(data: st.DataObject) -> None:
    case = data.draw(cases())
    assume(case.package.commitments)
    i = data.draw(st.integers(min_value=0, max_value=len(case.package.commitments) - 1))
    c = case.package.commitments[i]
    better = stronger(data, c)
    assume(better is not None)
    assert better is not None
    commitments = list(case.package.commitments)
    commitments[i] = better
    before, after = scores(case), scores(case.with_commitments(commitments, list(case.factors)))
    for cid, value in before.items():
        assert after[cid] >= value - EPS, (cid, c, better)


# ------------------------------------------------------------------ zero earns nothing
AMOUNTS = [(kind, name) for kind, model in KIND_MODELS.items()
           for name in ("size", "usd_bn_per_year", "width_km") if name in model.model_fields]


@pytest.mark.parametrize(("kind", "name"), AMOUNTS)
@given(value=st.one_of(st.integers(max_value=0), st.floats(max_value=0, allow_nan=False)))
def test_zero_or_negative_amounts_are_refused(kind: str, name: str, value: float) -> None:
    base: dict[str, Any] = {
        "troops": {"basis": "statute"},
        "peacekeepers": {"mandate": "enforce", "basis": "statute", "withdrawal": "none"},
        "monitors": {"basis": "statute", "withdrawal": "none"},
        "funding": {"years": 1, "basis": "statute"},
        "own_forces": {"readiness": "high", "equipment": "modern"},
        "dmz": {},
    }[kind]
    with pytest.raises(ValidationError):
        parse_commitment({"by": "us", "kind": kind, name: value, **base})


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_the_protected_partys_own_paper_is_no_guarantee(data: st.DataObject) -> None:
    case = data.draw(cases())
    kinds = others_by(PROTECTED)  # peacekeepers, monitors, pact, assurance, funding, arms,
    own = data.draw(st.one_of(kinds[4], kinds[5], kinds[6], kinds[8]))  # sanctions, ..., hybrid
    assert own.kind in {"funding", "arms", "sanctions", "hybrid_defence"}
    added = case.with_commitments([*case.package.commitments, own], [*case.factors, 1.0])
    assert same(scores(added), scores(case), 1e-9)


# ------------------------------------------------------------------ stress cards
@settings(max_examples=80, deadline=None)
@given(cases())
def test_no_card_raises_the_index(case: Case) -> None:
    base = case.index()
    for result in stress_test(case.package, every_card(), factors=case.factors):
        assert result.deterrence_index <= base + EPS, result


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_after_every_card_a_stronger_basis_never_scores_lower(data: st.DataObject) -> None:
    case = data.draw(cases())
    with_basis = [i for i, c in enumerate(case.package.commitments) if hasattr(c, "basis")]
    assume(with_basis)
    i = data.draw(st.sampled_from(with_basis))
    commitments = list(case.package.commitments)
    current = BASES.index(commitments[i].basis)  # type: ignore[union-attr]
    commitments[i] = commitments[i].model_copy(
        update={"basis": data.draw(st.sampled_from(BASES[current:]))}
    )
    firmer = case.with_commitments(commitments, list(case.factors))
    cards = every_card()
    before = stress_test(case.package, cards, factors=case.factors)
    after = stress_test(firmer.package, cards, factors=firmer.factors)
    for weak, strong in zip(before, after, strict=True):
        assert strong.deterrence_index >= weak.deterrence_index - EPS, weak.card


# ------------------------------------------------------------------ reasons
def bibliography() -> set[str]:
    text = (ROOT / "docs" / "scoring.md").read_text("utf-8")
    return set(re.findall(r"^- \[([a-z_0-9]+)\]", text, flags=re.MULTILINE))


@settings(max_examples=100, deadline=None)
@given(cases())
def test_every_reason_adds_up_and_names_a_source(case: Case) -> None:
    keys = bibliography()
    for c in score(case.package, factors=case.factors).criteria:
        tenths = [round(float(r.split()[0]) * 10) for r in c.reasons]
        assert sum(tenths) == round(float(f"{c.score:.1f}") * 10), (c.id, c.reasons)
        for reason in c.reasons:
            assert re.search(r" \[([a-z_0-9]+)\]$", reason), reason
            assert reason.rsplit("[", 1)[1].rstrip("]") in keys, reason
