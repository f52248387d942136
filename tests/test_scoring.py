"""The scorer on hand-made packages: the package format, pinned explanations, the weakest-link
cap, stress cards, weights and factors (issue 3)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from debate.engine.testing import tiny_motion_data
from debate.motions import Motion
from debate.scoring import (
    CRITERION_IDS,
    Package,
    StressCard,
    default_cards,
    score,
    stress_test,
)
from debate.scoring.rubric import RUBRIC, load_rubric
from debate.validation import DataError, load_file

ISSUE_EXAMPLE = """\
title = "Korea 1953-54: armistice, US forces, mutual defence treaty"
protected = "rok"          # id of the protected party (a party below)
aggressor = "dprk"         # id of the potential aggressor (a party below)

[[parties]]
id = "us"
name = "United States"
tier = "superpower"
nuclear = true             # default false

[[parties]]
id = "rok"
name = "Republic of Korea"
tier = "protected_party"

[[parties]]
id = "dprk"
name = "North Korea"
tier = "aggressor"

[[commitments]]
by = "us"                  # a party id
kind = "troops"
size = 60000
timing = "standing"
basis = "ratified_treaty"
withdrawal = "guarantor"
years = 0                  # 0 = open-ended
"""

US = {"id": "us", "name": "United States", "tier": "superpower", "nuclear": True}
UA = {"id": "ua", "name": "Ukraine", "tier": "protected_party"}
RU = {"id": "ru", "name": "Russia", "tier": "aggressor", "nuclear": True}
EU = {"id": "eu", "name": "European Union", "tier": "international_body"}


def package(*commitments: dict[str, Any], parties: tuple[dict[str, Any], ...] = (US, UA, RU),
            **fields: Any) -> Package:
    data = {"title": "Test", "protected": "ua", "aggressor": "ru", "parties": list(parties),
            "commitments": list(commitments), **fields}
    return Package.model_validate(data)


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(DataError) as e:
        load_file(path, Package)
    assert all(p.file == str(path) for p in e.value.problems)
    return [(p.path, p.message) for p in e.value.problems]


TROOPS = {"by": "us", "kind": "troops", "size": 50_000, "basis": "statute",
          "composition": ["infantry", "armour", "air", "air_defence", "support"]}
PACT = {"by": "us", "kind": "defence_pact", "obligation": "fight", "basis": "executive"}
ARMY = {"by": "ua", "kind": "own_forces", "size": 600_000, "readiness": "high",
        "equipment": "adequate"}
THREAT = {"by": "ru", "kind": "own_forces", "size": 700_000, "readiness": "high",
          "equipment": "adequate"}
RU_PROMISE = {"by": "ru", "kind": "assurance", "obligation": "refrain", "basis": "memorandum"}
CAP = {"by": "ua", "kind": "demilitarisation", "force_cap": 400_000}


# --------------------------------------------------------------------------- package format
def test_the_issues_example_loads_from_toml_and_the_same_structure_from_json(
    tmp_path: Path,
) -> None:
    from_toml = load_file(write(tmp_path, ISSUE_EXAMPLE), Package)
    as_json = json.dumps(from_toml.model_dump(mode="json"))
    from_json = load_file(write(tmp_path, as_json, "p.json"), Package)
    assert from_json == from_toml
    assert from_toml.party("us").nuclear is True
    assert from_toml.commitments[0].kind == "troops"
    assert score(from_json) == score(from_toml)


def test_unknown_keys_are_errors_with_their_field_path(tmp_path: Path) -> None:
    text = ISSUE_EXAMPLE.replace("size = 60000", "size = 60000\nsise = 1").replace(
        'title = "Korea', 'colour = "red"\ntitle = "Korea'
    )
    found = dict(problems(write(tmp_path, text)))
    assert found["commitments[0].sise"].startswith("unknown field (not part of the format)")
    assert found["colour"].startswith("unknown field (not part of the format)")


def test_references_to_parties_are_checked_with_field_paths(tmp_path: Path) -> None:
    text = (
        ISSUE_EXAMPLE.replace('aggressor = "dprk"', 'aggressor = "ussr"')
        + '\n[[commitments]]\nby = "uk"\nkind = "monitors"\nsize = 10\nbasis = "treaty"\n'
        'withdrawal = "host"\n'
    )
    found = dict(problems(write(tmp_path, text)))
    assert found["aggressor"].startswith("unknown party 'ussr'")
    assert found["commitments[1].by"] == "unknown party 'uk' (parties: dprk, rok, us)"


def test_duplicate_parties_and_a_self_aggressor_are_refused() -> None:
    with pytest.raises(ValidationError) as e:
        package(parties=(US, UA, RU, US))
    assert e.value.errors()[0]["loc"] == ("parties", 3, "id")
    with pytest.raises(ValidationError) as e:
        package(aggressor="ua")
    assert "cannot be the protected party" in e.value.errors()[0]["msg"]


def test_an_unknown_kind_or_a_bad_value_names_the_commitment(tmp_path: Path) -> None:
    found = dict(problems(write(tmp_path, ISSUE_EXAMPLE.replace('kind = "troops"',
                                                                  'kind = "tanks"'))))
    assert "unknown kind 'tanks'" in found["commitments[0]"]
    found = dict(problems(write(tmp_path, ISSUE_EXAMPLE.replace('"standing"', '"soon"'))))
    assert "commitments[0].timing" in found


# --------------------------------------------------------------------------- explanations
def bare(reason: str) -> str:
    """A reason without its source key (``... [huth1988]``)."""
    return reason.rsplit(" [", 1)[0]


def test_a_tripwire_package_is_explained_line_by_line() -> None:
    card = score(package(TROOPS, PACT, ARMY, THREAT, RU_PROMISE, CAP))
    troops = ("#1 United States: troops 50,000 standing, statute, withdrawal: guarantor "
              "(infantry, armour, air, air defence, support)")
    kept = "kept there by a statute, the guarantor can send it home: 90%"
    assert card.criterion("pre_positioning").reasons == (
        f"+82.1 {troops}: stationed before any attack; {kept} [schelling1966]",
    )
    assert card.criterion("local_denial").reasons == (
        "+71.0 #3 Ukraine: own forces 600,000, high readiness, adequate kit: "
        "the protected party's own army (high readiness, adequate kit) [bondarev2025]",
        f"+1.9 {troops}: stationed on the spot; {kept} [huth1988]",
        "-7.7 #6 Ukraine: demilitarisation: force cap 400,000: caps the protected party's "
        "forces [huth1988]",
        "+0.0 #4 Russia: own forces 700,000, high readiness, adequate kit: "
        "the threat local defence is measured against (525,000 effective) [huth1988]",
    )
    assert card.criterion("guarantor_standing").reasons == (
        f"+82.1 {troops}: its own soldiers stand in the way [walter2002]",
        "+0.0 #2 United States: defence pact to fight, executive: a pact to fight, after an "
        "attack; the same party's stronger commitment counts [walter2002]",
        "+0.0 #5 Russia: assurance to refrain, memorandum: made by the aggressor's side: "
        "counts for nothing [walter2002]",
    )
    assert card.criterion("legal_durability").reasons == (
        f"+77.5 {troops}: statute (100%), the guarantor can end it (85%) [leeds2003]",
        "+0.0 #2 United States: defence pact to fight, executive: executive (35%); "
        "the same party's stronger commitment counts [leeds2003]",
    )
    assert card.criterion("concessions").reasons == (
        "+100.0 no land, forces or alliances given up [bondarev2025]",
        "-13.5 #6 Ukraine: demilitarisation: force cap 400,000: a cap on the protected "
        "party's forces [bondarev2025]",
    )
    assert card.criterion("hybrid").reasons == ()  # nothing bears on it: no line credits nothing
    assert card.criterion("obligation").reasons[0] == (
        f"+78.0 {troops}: a tripwire: fighting starts without a decision [schelling1966]"
    )
    assert round(card.deterrence_index, 1) == 51.4


def test_paper_guarantees_alone_are_capped_at_25_however_many() -> None:
    paper = [
        PACT | {"basis": "statute"},
        {"by": "eu", "kind": "funding", "usd_bn_per_year": 50, "years": 10, "basis": "statute"},
        {"by": "us", "kind": "arms", "level": "full", "years": 10, "basis": "statute"},
        {"by": "eu", "kind": "sanctions", "severity": "comprehensive", "snapback": True,
         "basis": "treaty"},
        {"by": "us", "kind": "troops", "size": 100_000, "timing": "on_attack",
         "basis": "statute"},
        THREAT,
    ]
    card = score(package(*paper, parties=(US, UA, RU, EU)))
    assert card.deterrence_index == pytest.approx(25.0)
    assert card.index_reasons[-1].endswith("(capped: too little stands in place before aggression)")
    assert bare(card.criterion("pre_positioning").reasons[0]).endswith(
        "arrives only after an attack"
    )
    # The same promises with the troops standing instead: far above the cap.
    paper[4] = paper[4] | {"timing": "standing"}
    assert score(package(*paper, parties=(US, UA, RU, EU))).deterrence_index > 55


def test_an_empty_package_scores_low_and_only_facts_explain_its_points() -> None:
    card = score(package())
    assert card.deterrence_index < 10
    assert [c.id for c in card.criteria] == list(CRITERION_IDS)
    assert all(c.reasons for c in card.criteria if c.score > 0)
    assert card.criterion("concessions").reasons == (
        "+100.0 no land, forces or alliances given up [bondarev2025]",
    )


def test_a_foreign_troop_ban_voids_the_foreign_troops_but_not_the_protected_army() -> None:
    ban = {"by": "ua", "kind": "foreign_troop_ban"}
    card = score(package(TROOPS, ARMY, THREAT, ban))
    assert card.criterion("pre_positioning").score == 0
    assert any(bare(r).endswith("voided by the ban on foreign forces in this package")
               for r in card.criterion("pre_positioning").reasons)
    assert card.criterion("local_denial").score > 50  # the army still stands


def test_a_ban_that_allows_peacekeepers_keeps_them() -> None:
    keepers = {"by": "eu", "kind": "peacekeepers", "size": 10_000, "mandate": "enforce",
               "basis": "treaty", "withdrawal": "none"}
    allowed = score(package(keepers, {"by": "ua", "kind": "foreign_troop_ban",
                                      "allows_peacekeepers": True}, parties=(EU, UA, RU)))
    banned = score(package(keepers, {"by": "ua", "kind": "foreign_troop_ban"},
                           parties=(EU, UA, RU)))
    assert allowed.criterion("pre_positioning").score > 0
    assert banned.criterion("pre_positioning").score == 0


def test_sanctions_relief_takes_points_off_the_cost_to_the_aggressor() -> None:
    sanctions = {"by": "eu", "kind": "sanctions", "severity": "comprehensive",
                 "basis": "treaty"}
    relief = {"by": "eu", "kind": "sanctions_relief", "scope": "full"}
    before = score(package(sanctions, parties=(EU, UA, RU))).criterion("cost_to_aggressor")
    after = score(package(sanctions, relief, parties=(EU, UA, RU))).criterion("cost_to_aggressor")
    assert after.score < before.score
    assert after.reasons[-1].startswith("-")
    assert bare(after.reasons[-1]).endswith(
        "sanctions relief (full): relief lowers the sanctions' cost"
    )


def test_nuclear_blackmail_needs_a_nuclear_aggressor() -> None:
    conventional = dict(RU, nuclear=False)
    card = score(package(parties=(US, UA, conventional)))
    assert card.criterion("nuclear_resilience").reasons == (
        "+100.0 no nuclear weapons on the aggressor's side (Russia) [huth1988]",
    )
    assert score(package()).criterion("nuclear_resilience").score == 0


def test_a_discounted_commitment_counts_at_its_factor_and_says_so() -> None:
    card = score(package(PACT), factors=[0.5])
    assert bare(card.criterion("obligation").reasons[0]).endswith("(counted at 50%)")
    assert card.criterion("obligation").score == pytest.approx(
        score(package(PACT)).criterion("obligation").score / 2
    )
    assert bare(score(package(PACT), factors=[0]).criterion("obligation").reasons[0]).endswith(
        "(voided)"
    )


def test_bad_factors_and_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="2 factors for 1 commitments"):
        score(package(PACT), factors=[1.0, 1.0])
    with pytest.raises(ValueError, match="between 0 and 1"):
        score(package(PACT), factors=[1.5])
    with pytest.raises(ValueError, match="unknown criterion 'morale'"):
        score(package(PACT), weights={"morale": 1.0})
    with pytest.raises(ValueError, match="must be >= 0"):
        score(package(PACT), weights={"hybrid": -1.0})


def test_weights_change_the_index_but_never_the_criteria() -> None:
    pkg = package(TROOPS, ARMY, THREAT)
    default = score(pkg)
    no_hybrid = score(pkg, weights={"hybrid": 0.0})
    assert no_hybrid.deterrence_index > default.deterrence_index
    assert [c.score for c in no_hybrid.criteria] == [c.score for c in default.criteria]
    every_zero = dict.fromkeys(CRITERION_IDS, 0.0)
    assert score(pkg, weights=every_zero).deterrence_index > 0  # equal weights then


def test_the_json_shape_is_the_issues() -> None:
    pkg = package(TROOPS, ARMY, THREAT)
    doc = score(pkg).to_dict(stress_test(pkg, default_cards()))
    assert set(doc) == {"title", "deterrence_index", "criteria", "stress"}
    assert [set(c) for c in doc["criteria"]] == [{"id", "name", "score", "reasons"}] * 11
    assert {frozenset(s) for s in doc["stress"]} == {frozenset({"card", "deterrence_index",
                                                                "defeated"})}
    assert score(pkg).to_dict()["stress"] == []
    json.dumps(doc)  # serialisable as is
    with pytest.raises(KeyError):
        score(pkg).criterion("morale")


# --------------------------------------------------------------------------- stress cards
def test_the_default_cards_cover_the_issues_scenarios_and_check_clean_in_a_motion() -> None:
    ids = {c.id for c in default_cards()}
    assert {"nuclear_blackmail", "new_administration", "withdrawal_demand", "hybrid_campaign",
            "budget_crunch", "salami_slice"} <= ids
    motion = Motion.model_validate(
        tiny_motion_data(cards=[c.model_dump() for c in default_cards()])
    )
    assert [p for p in motion.reference_problems() if p[0][0] == "cards"] == []


def by_card(pkg: Package, **kwargs: Any) -> dict[str, Any]:
    return {r.card: r for r in stress_test(pkg, default_cards(), **kwargs)}


def test_a_withdrawal_demand_sends_away_forces_the_host_can_expel() -> None:
    expellable = TROOPS | {"withdrawal": "host"}
    results = by_card(package(expellable, ARMY, THREAT))
    demand = results["withdrawal_demand"]
    assert demand.defeated == (
        "#1 United States: troops 50,000 standing, statute, withdrawal: host (infantry, armour, "
        "air, air defence, support): voided: a force that the host or the aggressor can send "
        "away leaves when asked",
    )
    assert demand.deterrence_index < score(package(expellable, ARMY, THREAT)).deterrence_index
    assert by_card(package(TROOPS, ARMY, THREAT))["withdrawal_demand"].defeated == ()


def test_a_new_administration_voids_executive_acts_and_spares_statutes() -> None:
    results = by_card(package(TROOPS, PACT, ARMY, THREAT))
    assert results["new_administration"].defeated == (
        "#2 United States: defence pact to fight, executive: voided: a declaration, a "
        "memorandum or an executive act falls with the government that made it",
    )
    assert results["new_administration"].name == "New administration in United States"


def test_hybrid_defence_shields_the_army_from_the_hybrid_campaign() -> None:
    shield = {"by": "eu", "kind": "hybrid_defence", "domains": ["counter_terrorism"],
              "basis": "treaty"}
    bare = by_card(package(ARMY, THREAT, parties=(EU, UA, RU)))["hybrid_campaign"]
    shielded = by_card(package(ARMY, THREAT, shield, parties=(EU, UA, RU)))["hybrid_campaign"]
    assert bare.defeated[0].endswith("kept at 75%: sabotage and subversion wear down an army "
                                     "left alone against them")
    assert shielded.defeated == ()


def test_the_harshest_effect_of_a_card_counts_and_the_threat_is_never_touched() -> None:
    card = StressCard.model_validate({
        "id": "test", "name": "Test", "description": "Test.",
        "effects": [
            {"effect": "discount", "factor": 0.8, "kinds": ["troops"], "reason": "mild"},
            {"effect": "discount", "factor": 0.2, "where": {"timing": ["standing"]},
             "reason": "harsh"},
            {"effect": "void", "kinds": ["own_forces"], "reason": "everything"},
        ]})
    (result,) = stress_test(package(TROOPS, ARMY, THREAT, RU_PROMISE), [card])
    assert [line.rsplit(": ", 2)[-2:] for line in result.defeated] == [
        ["kept at 20%", "harsh"], ["voided", "everything"]]
    assert all("Russia" not in line for line in result.defeated)


def test_a_card_does_nothing_when_its_unless_is_met() -> None:
    card = StressCard.model_validate({
        "id": "test", "name": "Test", "description": "Test.",
        "effects": [{"effect": "void", "kinds": ["defence_pact"], "reason": "r",
                     "unless": {"kinds": ["troops"], "where": {"timing": ["standing"]}}}]})
    assert stress_test(package(PACT, TROOPS), [card])[0].defeated == ()
    assert len(stress_test(package(PACT), [card])[0].defeated) == 1


def test_stress_results_respect_the_games_factors() -> None:
    pkg = package(TROOPS, PACT, ARMY, THREAT)
    void = by_card(pkg, factors=[1.0, 0.0, 1.0, 1.0])["new_administration"]
    assert void.defeated == ()  # already void: nothing left for the card to defeat


# --------------------------------------------------------------------------- rubric data
def test_the_rubric_refuses_tables_that_would_break_the_scorers_guarantees() -> None:
    text = (Path(__file__).resolve().parents[1] / "src/debate/scoring/rubric.toml").read_text()
    assert load_rubric(text) == RUBRIC
    with pytest.raises(ValidationError, match="basis must not decrease"):
        load_rubric(text.replace("statute = 1.0", "statute = 0.5"))
    with pytest.raises(ValidationError, match="troops_standing must be >= troops_on_attack"):
        load_rubric(text.replace("troops_on_attack = 0.35", "troops_on_attack = 0.9"))
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        load_rubric(text.replace("guarantor = 0.85", "guarantor = 1.5"))
    with pytest.raises(ValidationError, match="forces_floor must be >= obligation_floor"):
        load_rubric(text.replace("forces_floor = 0.5", "forces_floor = 0.3"))
    with pytest.raises(ValidationError, match="assurance needs exactly: refrain, consult"):
        load_rubric(text.replace("refrain = 0.05, ", ""))


# --------------------------------------------------------------------------- documentation
DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_the_package_docs_examples_load_and_agree(tmp_path: Path) -> None:
    text = (DOCS / "packages.md").read_text("utf-8")
    toml_block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    json_block = text.split("```json\n", 1)[1].split("```", 1)[0]
    from_toml = load_file(write(tmp_path, toml_block), Package)
    from_json = load_file(write(tmp_path, json_block, "p.json"), Package)
    assert from_json == from_toml.model_copy(
        update={"commitments": tuple(c.model_copy(update={"note": None})
                                     for c in from_toml.commitments)}
    )


def test_the_docs_name_every_kind_field_and_criterion() -> None:
    from debate.vocabulary.commitments import KINDS, kind_fields

    packages = (DOCS / "packages.md").read_text("utf-8")
    for kind in KINDS:
        row = next(line for line in packages.splitlines() if line.startswith(f"| `{kind}` |"))
        for field in kind_fields(kind):
            assert f"`{field}`" in row, (kind, field)
    scoring = (DOCS / "scoring.md").read_text("utf-8")
    for cid in CRITERION_IDS:
        assert f"(`{cid}`, weight" in scoring, cid
    for card in default_cards():
        assert f"| {card.name} |" in scoring, card.id


# --------------------------------------------------------------------------- force size and basis
SUPPORT = (
    ARMY,
    THREAT,
    {"by": "us", "kind": "arms", "level": "sustained", "years": 10, "basis": "executive"},
    {"by": "eu", "kind": "funding", "usd_bn_per_year": 30, "years": 10,
     "basis": "ratified_treaty"},
    {"by": "eu", "kind": "sanctions", "severity": "sectoral", "snapback": True, "basis": "treaty"},
    {"by": "eu", "kind": "hybrid_defence", "years": 10, "basis": "treaty",
     "domains": ["cyber", "intelligence", "counter_terrorism", "nonproliferation"]},
)
ARMOUR_AIR_SUPPORT = ("armour", "air", "support")


def us_troops(size: int, basis: str, composition: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"by": "us", "kind": "troops", "size": size, "basis": basis,
            "composition": list(composition)}


def with_support(*troops: dict[str, Any]) -> Any:
    return score(package(*SUPPORT, *troops, parties=(US, UA, RU, EU)))


def test_a_small_tripwire_by_decree_deters_far_less_than_a_large_force_by_statute() -> None:
    """Reiter and Poast: small tripwires do not deter by themselves; the article: a large
    force with armour, aircraft and support, on a statute rather than a decree."""
    ladder = [
        with_support().deterrence_index,
        with_support(us_troops(15_000, "executive")).deterrence_index,
        with_support(us_troops(20_000, "statute")).deterrence_index,
        with_support(us_troops(50_000, "statute")).deterrence_index,
        with_support(us_troops(75_000, "statute", ARMOUR_AIR_SUPPORT)).deterrence_index,
    ]
    assert all(a < b for a, b in itertools.pairwise(ladder)), ladder
    _, tripwire, _, large, armoured = ladder
    assert 45 < tripwire < 60, ladder
    assert large - tripwire >= 12, ladder  # the size and the statute matter, not presence alone
    assert armoured > large + 2, ladder


def test_the_force_size_effect_grows_up_to_the_articles_range() -> None:
    """Guarantor standing, obligation and nuclear resilience no longer max out at tripwire
    size: 15,000 troops count well below a force of 50,000, and 100,000 still add to that."""
    by_size = {
        size: with_support(us_troops(size, "statute"))
        for size in (5_000, 15_000, 50_000, 100_000)
    }
    for cid in ("guarantor_standing", "obligation", "nuclear_resilience"):
        scores = [by_size[size].criterion(cid).score for size in sorted(by_size)]
        assert all(a < b for a, b in itertools.pairwise(scores)), (cid, scores)
        assert scores[1] < 65 < scores[2], (cid, scores)  # 15,000 well below 50,000
        assert scores[3] - scores[2] > 4, (cid, scores)  # and 100,000 still adds


def test_a_force_one_leader_can_withdraw_is_less_automatic_and_more_exposed() -> None:
    """An executive act weighs on more than legal durability: the next executive can pull the
    force out before the shooting starts (Leeds), and nuclear threats target exactly that."""
    decree = with_support(us_troops(50_000, "executive"))
    statute = with_support(us_troops(50_000, "statute"))
    for cid in ("obligation", "nuclear_resilience", "legal_durability", "pre_positioning"):
        assert decree.criterion(cid).score < statute.criterion(cid).score - 5, cid
    assert bare(decree.criterion("pre_positioning").reasons[0]).endswith(
        "stationed before any attack; kept there by an executive act, the guarantor can send "
        "it home: 67%"
    )
