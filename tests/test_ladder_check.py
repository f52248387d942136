"""The stress cards' legal-ladder check (vocabulary/cards.py) decides exactly as the rule
reads: probing every basis with the full selector, effect by effect (issue 15 made the
check decide each effect's selection once for all bases; this guards that shortcut)."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from debate.vocabulary import cards
from debate.vocabulary.cards import CardEffect, ladder_problem, selects
from debate.vocabulary.commitments import BASES, CONCESSION_KINDS, KIND_MODELS

KINDS = sorted(k for k in KIND_MODELS if k not in CONCESSION_KINDS)
TIERS = ("superpower", "great_power", "middle_power", "international_body", "protected_party")


def reference(effects: tuple[CardEffect, ...]) -> str | None:
    """The rule, word for word: each basis probed with every effect's whole selector."""
    conditional = [i for i, e in enumerate(effects) if e.unless is not None]
    for kind, model in KIND_MODELS.items():
        if "basis" not in model.model_fields or kind in CONCESSION_KINDS:
            continue
        for fields in cards._probes(model, effects):
            for tier, nuclear in itertools.product(TIERS, (False, True)):
                for met in itertools.product((False, True), repeat=len(conditional)):
                    off = {i for i, m in zip(conditional, met, strict=True) if m}
                    kept = [
                        min((e.kept for i, e in enumerate(effects) if i not in off
                             and selects(e, kind, {**fields, "basis": b}, tier, nuclear)),
                            default=1.0)
                        for b in BASES
                    ]
                    if any(b < a for a, b in itertools.pairwise(kept)):
                        return "broken"
    return None


def selector(draw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if draw(st.booleans()):
        out["kinds"] = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3,
                                     unique=True))
    where: dict[str, Any] = {}
    if draw(st.booleans()):
        where["basis"] = draw(st.lists(st.sampled_from(BASES), min_size=1, unique=True))
    if draw(st.booleans()):
        where["timing"] = ["on_attack"]
    if where:
        out["where"] = where
    if draw(st.booleans()):
        out["by_tier"] = [draw(st.sampled_from(TIERS[:3]))]
    if draw(st.booleans()):
        out["max_years"] = draw(st.integers(1, 10))
    return out


@st.composite
def effect_lists(draw: Any) -> tuple[CardEffect, ...]:
    effects = []
    for _ in range(draw(st.integers(1, 3))):
        effect = {**selector(draw), "effect": draw(st.sampled_from(["void", "discount"])),
                  "factor": draw(st.sampled_from([0.25, 0.5, 0.75])), "reason": "r"}
        if draw(st.booleans()):
            effect["unless"] = selector(draw)
        effects.append(CardEffect.model_validate(effect))
    return tuple(effects)


@settings(max_examples=150, deadline=None)
@given(effect_lists())
def test_the_check_agrees_with_the_rule_read_literally(effects: tuple[CardEffect, ...]) -> None:
    assert (ladder_problem(effects) is None) == (reference(effects) is None)


def test_a_card_voiding_only_the_stronger_basis_is_refused() -> None:
    effect = CardEffect.model_validate(
        {"effect": "void", "where": {"basis": ["statute"]}, "reason": "r"}
    )
    assert "keeps 100% but on a statute 0%" in (ladder_problem((effect,)) or "")
