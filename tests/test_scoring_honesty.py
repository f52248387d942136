"""Issue 13, "an honest scorer": one reproducer per defect a careful student found, each of
which held on the old scorer and must not now (the figures in comments are the old ones).

The hypothesis properties behind them are in tests/test_scoring_invariants.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from debate.cli import app
from debate.engine import Pass, Propose, apply, new_game
from debate.engine.testing import tiny_motion
from debate.motions import Motion
from debate.scoring import Package, StressCard, default_cards, score, stress_test
from debate.scoring.game import score_state
from debate.validation import load_file
from debate.vocabulary.commitments import BASES, Troops

CASES = Path(__file__).resolve().parents[1] / "docs" / "cases"
US = {"id": "us", "name": "United States", "tier": "superpower", "nuclear": True}
UA = {"id": "ua", "name": "Ukraine", "tier": "protected_party"}
RU = {"id": "ru", "name": "Russia", "tier": "aggressor", "nuclear": True}
ARMY = {"by": "ua", "kind": "own_forces", "size": 600_000, "readiness": "high",
        "equipment": "adequate"}
THREAT = {"by": "ru", "kind": "own_forces", "size": 700_000, "readiness": "high",
          "equipment": "adequate"}


def package(*commitments: dict[str, Any], parties: tuple[dict[str, Any], ...] = (US, UA, RU),
            ) -> Package:
    return Package.model_validate({"title": "Test", "protected": "ua", "aggressor": "ru",
                                   "parties": list(parties), "commitments": list(commitments)})


def troops(size: int, **fields: Any) -> dict[str, Any]:
    return {"by": "us", "kind": "troops", "size": size, "basis": "statute", **fields}


def criteria(pkg: Package) -> dict[str, float]:
    return score(pkg).scores()


# ------------------------------------------------------------------ 1. splitting the score
@pytest.mark.parametrize("lines", [2, 10, 1_000])
def test_1_the_same_troops_score_the_same_however_many_lines_they_are_written_on(
    lines: int,
) -> None:
    """Old: 54.7 as one line, 50.8 as two, 38.8 as ten, 26.5 as a thousand."""
    whole = criteria(package(troops(50_000), ARMY, THREAT))
    split = criteria(package(*[troops(50_000 // lines)] * lines, ARMY, THREAT))
    for cid, value in whole.items():
        assert split[cid] == pytest.approx(value, abs=1e-6), cid


def test_1_two_half_proposals_in_a_game_score_as_one_whole() -> None:
    def tabled(*sizes: int) -> float:
        state = new_game(tiny_motion())
        state, _ = apply(state, "kyiv", Pass())
        state, _ = apply(state, "kremlin", Pass())
        for size in sizes:  # one turn: up to two actions
            terms = Troops(by="washington", size=size, basis="statute")
            state, _ = apply(state, "washington", Propose(commitment=terms))
        return score_state(state).deterrence_index

    assert tabled(25_000, 25_000) == pytest.approx(tabled(50_000), abs=1e-9)


def test_1_one_party_under_three_ids_is_refused_and_three_guarantors_pass_the_buck() -> None:
    """Old: the same pact under three party ids raised obligation from 70 to 97."""
    pact = {"kind": "defence_pact", "obligation": "fight", "basis": "statute"}
    clones = tuple(dict(US, id=f"us{i}") for i in range(3))
    with pytest.raises(ValidationError, match="one id per party"):
        package(*[dict(pact, by=f"us{i}") for i in range(3)], parties=(*clones, UA, RU))
    one = criteria(package(dict(pact, by="us")))["obligation"]
    three = tuple(dict(US, id=f"g{i}", name=f"Guarantor {i}") for i in range(3))
    many = criteria(package(*[dict(pact, by=f"g{i}") for i in range(3)],
                            parties=(*three, UA, RU)))["obligation"]
    assert one == pytest.approx(70.0)
    # Each guarantor after the strongest counts at half (buck-passing): 1 - 0.3 * 0.65^2.
    assert many == pytest.approx(100 * (1 - 0.3 * 0.65 * 0.65))


# ------------------------------------------------------------------ 2. hollow packages
HOLLOW = (
    troops(1_000_000, basis="declaration", withdrawal="aggressor", years=1),
    {"by": "ua", "kind": "funding", "usd_bn_per_year": 500, "years": 99, "basis": "statute"},
    {"by": "ua", "kind": "hybrid_defence", "basis": "statute",
     "domains": ["cyber", "intelligence", "counter_terrorism", "border", "energy",
                 "information", "nonproliferation"]},
    {"by": "ru", "kind": "dmz", "width_km": 200, "monitored": True},
)


def test_2_a_hollow_package_scores_far_below_a_real_guarantee() -> None:
    """Old: a billion troops on a one-year declaration the aggressor can end, with the
    protected party's own paper, scored 87.8, above Korea 1953."""
    hollow = score(package(*HOLLOW))
    assert hollow.deterrence_index < 25
    assert hollow.criterion("sustainability").score == 0  # its own money is no guarantee
    assert hollow.criterion("hybrid").score == 0  # nor its own cyber cover
    korea = score(load_file(CASES / "held_korea_1953.toml", Package))
    assert hollow.deterrence_index < korea.deterrence_index - 40


def test_2_quantities_outside_their_plausible_range_are_refused() -> None:
    for field, value in [("size", 1_000_000_000), ("years", 1_000)]:
        with pytest.raises(ValidationError, match=field):
            package(troops(50_000) | {field: value})
    with pytest.raises(ValidationError, match="usd_bn_per_year"):
        package({"by": "us", "kind": "funding", "usd_bn_per_year": 10_000, "years": 1,
                 "basis": "statute"})


def test_2_a_dmz_earns_monitoring_credit_only_with_monitors_in_the_package() -> None:
    flagged = {"by": "ru", "kind": "dmz", "width_km": 10, "monitored": True}
    unflagged = dict(flagged, monitored=False)
    monitors = {"by": "us", "kind": "monitors", "size": 400, "basis": "treaty",
                "withdrawal": "none"}
    assert criteria(package(flagged))["separation"] == criteria(package(unflagged))["separation"]
    watched = criteria(package(flagged, monitors))["separation"]
    assert watched > criteria(package(unflagged, monitors))["separation"]


# ------------------------------------------------------------------ 3. credibility
def test_3_a_force_the_aggressor_can_send_home_is_worth_a_small_fraction() -> None:
    """Old: full marks on forces in place and local denial (UNEF 1967 says the opposite)."""
    firm = criteria(package(troops(50_000, withdrawal="none"), THREAT))
    for who, share in (("aggressor", 0.1), ("host", 0.35), ("any_party", 0.5)):
        loose = criteria(package(troops(50_000, withdrawal=who), THREAT))
        for cid in ("pre_positioning", "local_denial"):
            assert loose[cid] <= firm[cid] * share + 1e-9, (who, cid)


# ------------------------------------------------------------------ 4. zero counts
@pytest.mark.parametrize(
    "commitment",
    [troops(0), {"by": "us", "kind": "funding", "usd_bn_per_year": 0, "years": 0,
                 "basis": "statute"},
     {"by": "us", "kind": "monitors", "size": 0, "basis": "statute", "withdrawal": "none"},
     {"by": "ru", "kind": "dmz", "width_km": 0}],
)
def test_4_zero_quantities_are_refused(commitment: dict[str, Any]) -> None:
    """Old: 0 troops and $0 by statute took an index from 10.1 to 18.2."""
    with pytest.raises(ValidationError, match="greater than"):
        package(commitment)


# ------------------------------------------------------------------ 5. stress cards
def by_card(pkg: Package, cards: tuple[StressCard, ...] | None = None) -> dict[str, float]:
    return {r.card: r.deterrence_index for r in stress_test(pkg, cards or default_cards())}


def test_5_after_a_new_administration_the_legal_ladder_still_holds() -> None:
    """Old: a memorandum ended above an executive act, a UN resolution above a treaty."""
    pact = {"by": "us", "kind": "defence_pact", "obligation": "fight"}
    after = [by_card(package(dict(pact, basis=b), ARMY, THREAT))["new_administration"]
             for b in BASES]
    assert after == sorted(after), after


def test_5_a_new_administration_hits_one_capital_the_one_that_hurts_most() -> None:
    uk = {"id": "uk", "name": "United Kingdom", "tier": "great_power", "nuclear": True}
    pkg = package(troops(50_000, basis="executive"),
                  dict(troops(5_000, basis="executive"), by="uk"), ARMY, THREAT,
                  parties=(US, uk, UA, RU))
    (result,) = stress_test(pkg, [c for c in default_cards() if c.id == "new_administration"])
    assert result.name == "New administration in United States"
    assert len(result.defeated) == 1 and "United Kingdom" not in result.defeated[0]


def test_5_nuclear_blackmail_needs_a_nuclear_aggressor_and_spares_no_non_nuclear_state() -> None:
    conventional = dict(RU, nuclear=False)
    pkg = package(troops(50_000), ARMY, THREAT, parties=(US, UA, conventional))
    (result,) = stress_test(pkg, [default_cards()[0]])
    assert result.defeated == () and result.name.endswith("(does not apply)")
    non_nuclear_superpower = dict(US, nuclear=False)
    (hit,) = stress_test(package(troops(50_000), parties=(non_nuclear_superpower, UA, RU)),
                         [default_cards()[0]])
    assert hit.defeated, "a non-nuclear superpower's contingent is exposed too"


def test_5_the_hybrid_campaign_reaches_an_army_listed_as_troops() -> None:
    army_as_troops = {"by": "ua", "kind": "troops", "size": 600_000, "basis": "statute"}
    (result,) = stress_test(package(army_as_troops, THREAT),
                            [c for c in default_cards() if c.id == "hybrid_campaign"])
    assert result.defeated and result.defeated[0].startswith("#1 Ukraine")


def test_5_a_budget_crunch_spares_the_protected_partys_own_money() -> None:
    own = {"by": "ua", "kind": "funding", "usd_bn_per_year": 30, "years": 5,
           "basis": "executive"}
    (result,) = stress_test(package(own, ARMY, THREAT),
                            [c for c in default_cards() if c.id == "budget_crunch"])
    assert result.defeated == ()


def test_5_a_card_that_could_raise_the_index_or_break_the_ladder_is_refused() -> None:
    base = {"id": "x", "name": "X", "description": "X."}
    with pytest.raises(ValidationError, match="may not touch a concession"):
        StressCard.model_validate({**base, "effects": [
            {"effect": "void", "kinds": ["foreign_troop_ban"], "reason": "r"}]})
    with pytest.raises(ValidationError, match="legal ladder"):
        StressCard.model_validate({**base, "effects": [
            {"effect": "discount", "factor": 0.3, "where": {"basis": ["memorandum"]},
             "reason": "r"},
            {"effect": "void", "where": {"basis": ["declaration", "executive"]},
             "reason": "r"}]})


def test_5_no_motion_card_raises_the_index_of_the_packages_they_are_played_on(
    article_motion: Motion,
) -> None:
    ban = {"by": "ua", "kind": "foreign_troop_ban"}
    relief = {"by": "us", "kind": "sanctions_relief", "scope": "full"}
    pkg = package(troops(50_000, basis="executive"), ban, relief, ARMY, THREAT)
    before = score(pkg).deterrence_index
    for result in stress_test(pkg, article_motion.cards):
        assert result.deterrence_index <= before + 1e-9, result.card


# ------------------------------------------------------------------ 6. monotonicity
def test_6_open_ended_funding_is_worth_at_least_any_fixed_term() -> None:
    """Old: funding for 100 years scored above open-ended funding (counted as 10 years)."""
    def funded(years: int) -> float:
        money = {"by": "us", "kind": "funding", "usd_bn_per_year": 5, "years": years,
                 "basis": "statute"}
        return criteria(package(money))["sustainability"]

    terms = [funded(y) for y in (1, 5, 10, 30, 99)]
    assert terms == sorted(terms)
    assert funded(0) >= terms[-1]


def test_6_saying_nothing_about_composition_never_beats_saying_infantry() -> None:
    unknown = criteria(package(troops(20_000), THREAT))
    infantry = criteria(package(troops(20_000, composition=["infantry"]), THREAT))
    for cid, value in unknown.items():
        assert value <= infantry[cid] + 1e-9, cid


# ------------------------------------------------------------------ 7. explanations
def points(reason: str) -> float:
    return float(reason.split()[0])


def test_7_nuclear_resilience_credits_each_army_line_by_what_it_brings() -> None:
    """Old: all the army's credit went to a 10,000 low-readiness reserve line."""
    reserve = {"by": "ua", "kind": "own_forces", "size": 10_000, "readiness": "low",
               "equipment": "poor"}
    reasons = score(package(reserve, dict(ARMY, size=500_000), THREAT)).criterion(
        "nuclear_resilience").reasons
    small = next(r for r in reasons if "10,000" in r)
    large = next(r for r in reasons if "500,000" in r)
    assert points(large) > 50 * points(small) >= 0


def test_7_many_small_lines_are_one_reason_and_the_reasons_add_up() -> None:
    """Old: a thousand lines each showed +0.0, or rounded to a sum of 100 against 86.9."""
    card = score(package(*[troops(50)] * 1_000, THREAT))
    pre = card.criterion("pre_positioning")
    assert len(pre.reasons) == 1
    assert pre.reasons[0].startswith(f"+{pre.score:.1f} 1,000 United States troops lines")
    assert "50,000 in all" in pre.reasons[0]
    for c in card.criteria:
        assert round(sum(points(r) for r in c.reasons), 1) == round(c.score, 1), c.id


def test_7_concession_credit_does_not_depend_on_listing_order() -> None:
    cap = {"by": "ua", "kind": "demilitarisation", "force_cap": 100_000}
    land = {"by": "ua", "kind": "recognition", "scope": "de_jure"}
    one = score(package(cap, land)).criterion("concessions").reasons
    other = score(package(land, cap)).criterion("concessions").reasons
    assert sorted(points(r) for r in one) == sorted(points(r) for r in other)


def test_7_every_reason_cites_a_source_of_the_bibliography() -> None:
    bibliography = (CASES.parent / "scoring.md").read_text("utf-8")
    keys = set(re.findall(r"^- \[([a-z_0-9]+)\]", bibliography, flags=re.MULTILINE))
    card = score(package(troops(50_000), ARMY, THREAT, *HOLLOW[1:]))
    for c in card.criteria:
        for reason in c.reasons:
            key = reason.rsplit("[", 1)[-1].rstrip("]")
            assert key in keys, reason


# ------------------------------------------------------------------ 8. extreme input
def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["score", *args])


@pytest.mark.parametrize(
    ("field", "value"),
    [("usd_bn_per_year", "inf"), ("usd_bn_per_year", "nan"), ("size", "1" + "0" * 400)],
)
def test_8_extreme_numbers_exit_2_naming_the_field(
    tmp_path: Path, field: str, value: str
) -> None:
    """Old: inf printed a "+nan" reason; a 401-digit size crashed with a traceback."""
    commitment = (
        {"by": "us", "kind": "funding", "usd_bn_per_year": "X", "years": 1, "basis": "statute"}
        if field == "usd_bn_per_year"
        else troops(1) | {"size": "X"}
    )
    doc = {"title": "t", "protected": "ua", "aggressor": "ru", "parties": [US, UA, RU],
           "commitments": [commitment]}
    number = {"inf": "Infinity", "nan": "NaN"}.get(value, value)  # what json.loads accepts
    path = tmp_path / "p.json"
    path.write_text(json.dumps(doc).replace('"X"', number), "utf-8")
    result = run(str(path), "--json")
    assert result.exit_code == 2, result.output
    assert f"commitments[0].{field}" in result.stderr
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ docstring examples
@pytest.mark.parametrize(
    "name",
    ["debate.scoring.combine", "debate.scoring.explain", "debate.scoring.assess",
     "debate.scoring.scorer", "debate.scoring.stress", "debate.scoring.index",
     "debate.scoring.rubric", "debate.vocabulary.cards", "debate.vocabulary.commitments"],
)
def test_the_docstring_examples_run_as_shown(name: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, name
