"""The shipped motions, the motion-writing guide, and what `debate motions check` reports.

Broken motion files are built from one small valid motion (``BASE``) by a single textual edit,
so each error test shows exactly the mistake it makes.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from debate.cli import app
from debate.engine.rules import new_game
from debate.motions import Motion, load_motion, motion_schema
from debate.validation import DataError
from debate.vocabulary.commitments import KINDS
from debate.vocabulary.criteria import CRITERION_IDS

ROOT = Path(__file__).resolve().parents[1]
MOTIONS_DIR = ROOT / "motions"
GUIDE = ROOT / "docs" / "motions.md"
SHIPPED = sorted(MOTIONS_DIR.glob("*.toml"))

# Wide enough that Rich never wraps a problem line in the middle.
ENV = {"COLUMNS": "400"}


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=ENV)


def flat(text: str) -> str:
    """Whitespace collapsed, so assertions do not depend on line wrapping."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- shipped motions


def test_the_shipped_motions_are_the_article_motion_and_at_least_three_more(
    all_motions: list[Motion],
) -> None:
    ids = [m.id for m in all_motions]
    assert "guarantees" in ids
    assert len(ids) >= 4
    assert len(set(ids)) == len(ids), "motion ids must be unique across files"


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_shipped_motion_checks_clean_and_is_named_after_its_id(path: Path) -> None:
    motion = load_motion(path)
    assert motion.id == path.stem
    result = run("motions", "check", str(path))
    assert result.exit_code == 0, result.output
    assert f"{path}: ok" in flat(result.stdout)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_shipped_motion_starts_a_game_with_its_required_roles(path: Path) -> None:
    motion = load_motion(path)
    state = new_game(motion)
    assert set(state.roles) == {r.id for r in motion.roles if not r.optional}
    assert motion.protected.id == "kyiv"
    assert motion.aggressor is not None and motion.aggressor.id == "kremlin"


def test_every_claim_cites_the_article_or_a_study_listed_in_the_guide(
    all_motions: list[Motion],
) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for motion in all_motions:
        assert motion.source.author and motion.source.title and motion.source.url
        for claim in motion.claims:
            assert claim.source.strip(), f"{motion.id}: claim {claim.id} has no source"
            if claim.source != "article":
                assert f"| {claim.source} |" in guide, (
                    f"{motion.id}: claim {claim.id} cites {claim.source!r}, "
                    "which docs/motions.md does not list"
                )
            assert claim.criteria, f"{motion.id}: claim {claim.id} bears on no criterion"


def test_the_main_motion_has_five_roles_with_beijing_optional(article_motion: Motion) -> None:
    roles = article_motion.role_by_id
    assert list(article_motion.turn_order) == [
        "kyiv",
        "kremlin",
        "washington",
        "brussels",
        "beijing",
    ]
    assert [r.id for r in article_motion.roles if r.optional] == ["beijing"]
    assert (roles["kyiv"].guarantor.tier, roles["kyiv"].guarantor.nuclear) == (
        "protected_party",
        False,
    )
    assert (roles["kremlin"].guarantor.tier, roles["kremlin"].guarantor.nuclear) == (
        "aggressor",
        True,
    )
    assert (roles["washington"].guarantor.tier, roles["washington"].guarantor.nuclear) == (
        "superpower",
        True,
    )
    assert not roles["brussels"].guarantor.nuclear
    assert roles["beijing"].guarantor.nuclear
    assert len({r.symbol for r in article_motion.roles}) == 5
    # Seated by default without Beijing; seated on request with it.
    assert "beijing" not in new_game(article_motion).roles
    assert new_game(article_motion, roles.keys()).roles[-1] == "beijing"


def test_the_main_motion_gives_each_side_its_levers(article_motion: Motion) -> None:
    roles = article_motion.role_by_id
    concessions = {"demilitarisation", "recognition", "neutrality", "foreign_troop_ban"}
    assert concessions <= set(roles["kyiv"].may_commit)
    assert {"troops", "defence_pact", "funding", "arms"} <= set(roles["kyiv"].may_demand)
    assert set(roles["kremlin"].may_commit) == {"own_forces", "dmz"}
    assert concessions | {"sanctions_relief"} <= set(roles["kremlin"].may_demand)
    assert "troops" in roles["washington"].may_commit
    assert "troops" not in roles["beijing"].may_commit  # it will not shield Ukraine


def test_the_main_motion_has_the_stress_cards_the_article_suggests(
    article_motion: Motion,
) -> None:
    ids = {c.id for c in article_motion.cards}
    assert {
        "nuclear_blackmail",
        "new_administration",
        "withdrawal_demand",
        "hybrid_campaign",
        "budget_crunch",
        "salami_slice",
    } <= ids
    blackmail = next(c for c in article_motion.cards if c.id == "nuclear_blackmail")
    first = blackmail.effects[0]
    assert first.by_nuclear is False and first.unless is not None
    assert first.unless.by_tier == ("superpower",)


def test_only_the_main_motion_has_an_optional_role(all_motions: list[Motion]) -> None:
    for motion in all_motions:
        if motion.id != "guarantees":
            assert len(motion.roles) == 4, motion.id
            assert not any(r.optional for r in motion.roles), motion.id


def test_the_further_motions_reweight_the_criteria_their_proposition_is_about(
    all_motions: list[Motion],
) -> None:
    weights = {m.id: m.criterion_weights for m in all_motions}
    main = weights["guarantees"]
    assert weights["before_aggression"]["pre_positioning"] > main["pre_positioning"]
    assert weights["us_statute"]["legal_durability"] > main["legal_durability"]
    assert weights["demilitarisation_price"]["concessions"] > main["concessions"]


# --------------------------------------------------------------------------- schema and guide


def test_motions_schema_prints_a_json_schema() -> None:
    result = run("motions", "schema")
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert "properties" in schema and "roles" in schema["properties"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_schema_shipped_beside_the_motions_is_up_to_date() -> None:
    shipped = json.loads((MOTIONS_DIR / "motion.schema.json").read_text(encoding="utf-8"))
    assert shipped == motion_schema(), (
        "regenerate it: debate motions schema > motions/motion.schema.json"
    )


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_the_schema_accepts_every_shipped_motion(path: Path) -> None:
    # What an editor using the schema underlines must agree with `debate motions check`.
    validator = jsonschema.Draft202012Validator(motion_schema())
    errors = [e.message for e in validator.iter_errors(tomllib.loads(path.read_text("utf-8")))]
    assert errors == []


def test_the_schema_rejects_an_unknown_field() -> None:
    data = tomllib.loads(BASE)
    data["roles"][0]["colour"] = "gold"
    assert not jsonschema.Draft202012Validator(motion_schema()).is_valid(data)


def test_the_guides_worked_example_checks_clean(tmp_path: Path) -> None:
    example = re.findall(r"```toml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)[-1]
    path = tmp_path / "ceasefire_monitors.toml"
    path.write_text(example, encoding="utf-8")
    result = run("motions", "check", str(path))
    assert result.exit_code == 0, result.output
    assert load_motion(path).id == "ceasefire_monitors"


def test_the_guide_names_every_commitment_kind_and_criterion() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for name in (*KINDS, *CRITERION_IDS):
        assert f"`{name}`" in guide, name
    assert "debate motions schema > motion.schema.json" in guide
    assert "#:schema" in guide


# --------------------------------------------------------------------------- motions list


def test_motions_list_shows_every_shipped_id(all_motions: list[Motion]) -> None:
    result = run("motions", "list")
    assert result.exit_code == 0, result.output
    for motion in all_motions:
        assert motion.id in result.stdout


def test_motions_list_json_is_one_document_with_ids_and_roles() -> None:
    result = run("motions", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout) if "id" in row}
    assert rows["guarantees"]["roles"] == ["kyiv", "kremlin", "washington", "brussels", "beijing"]


def test_motions_list_marks_a_broken_file_in_an_extra_dir(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text(BASE.replace("rounds = 2", "rounds = = 2"), "utf-8")
    result = run("motions", "list", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "invalid" in result.stdout and "broken.toml" in result.stdout
    assert "Traceback" not in result.output


def test_motions_list_marks_two_files_with_the_same_id(tmp_path: Path) -> None:
    copy = tmp_path / "my_motion.toml"
    copy.write_text((MOTIONS_DIR / "before_aggression.toml").read_text("utf-8"), "utf-8")
    result = run("motions", "list", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert " ".join(result.stdout.split()).count("duplicate id") == 2


# --------------------------------------------------------------------------- motions check errors

BASE = """\
id = "base"
title = "A test proposition"
summary = "Three roles, one card."
turn_order = ["kyiv", "kremlin", "brussels"]

[source]
author = "Test"
title = "Test"
outlet = "Test"
date = "2025"

[[phases]]
id = "negotiation"
name = "Negotiation"
rounds = 2
actions = ["speak", "propose", "demand", "accept", "reject", "challenge", "concede", "pass"]

[[phases]]
id = "vote"
name = "Vote"
rounds = 1
actions = ["vote"]

[[roles]]
id = "kyiv"
name = "Kyiv"
symbol = "K"
color = "yellow"
position = "Forces first."
may_commit = ["own_forces", "foreign_troop_ban"]
may_demand = ["monitors"]

[roles.guarantor]
tier = "protected_party"

[roles.brief]
summary = "Hold the line."

[[roles.brief.objectives]]
id = "hold"
text = "Deny a quick victory."
criterion = "local_denial"
at_least = 60

[[roles]]
id = "kremlin"
name = "Kremlin"
symbol = "R"
color = "red"
position = "No foreign armies."
may_commit = ["own_forces", "dmz"]
may_demand = ["foreign_troop_ban"]

[roles.guarantor]
tier = "aggressor"
nuclear = true

[roles.brief]
summary = "Keep them out."

[[roles.brief.objectives]]
id = "ban"
text = "A ban on foreign troops."
wants_kind = "foreign_troop_ban"

[[roles]]
id = "brussels"
name = "Brussels"
symbol = "B"
position = "We will watch the line."
may_commit = ["monitors"]
may_demand = ["dmz"]

[roles.guarantor]
tier = "international_body"

[roles.brief]
summary = "Verify."

[[roles.brief.objectives]]
id = "verify"
text = "A monitored zone."
criterion = "separation"
at_least = 50

[[criteria]]
id = "separation"
weight = 2.0

[[claims]]
id = "buffers"
text = "Buffer zones with monitors help ceasefires last."
criteria = ["separation"]
source = "Fortna 2003"

[[cards]]
id = "slice"
name = "Salami slicing"
description = "Small incursions."

[[cards.effects]]
effect = "discount"
kinds = ["dmz"]
where = { monitored = [false] }
reason = "unmonitored zones are nibbled away"
"""

# (test id, text to replace in BASE, replacement, field path, words the message must contain)
BROKEN = [
    (
        "colour_the_terminal_cannot_show",
        'color = "yellow"',
        'color = "not a colour"',
        "roles[0].color",
        "'not a colour' is not allowed; expected a terminal colour name",
    ),
    (
        "wrong_enum",
        'tier = "international_body"',
        'tier = "hyperpower"',
        "roles[2].guarantor.tier",
        "'hyperpower' is not allowed; expected 'superpower'",
    ),
    (
        "missing_required_field",
        'symbol = "R"\n',
        "",
        "roles[1].symbol",
        "required field is missing",
    ),
    (
        "unknown_field",
        'color = "yellow"',
        'colour = "yellow"',
        "roles[0].colour",
        "unknown field (not part of the format); did you mean 'color'?",
    ),
    (
        "objective_unknown_criterion",
        'criterion = "local_denial"',
        'criterion = "local_denail"',
        "roles[0].brief.objectives[0].criterion",
        "unknown criterion 'local_denail' (known: ",
    ),
    (
        "card_where_unknown_field",
        "where = { monitored = [false] }",
        "where = { watched = [false] }",
        "cards[0].effects[0].where.watched",
        "no commitment kind in ['dmz'] has a field 'watched'",
    ),
    (
        "card_where_impossible_value",
        "where = { monitored = [false] }",
        'where = { monitored = ["no"] }',
        "cards[0].effects[0].where.monitored[0]",
        "'no' is not a possible value of 'monitored'",
    ),
    (
        "card_unknown_kind",
        'kinds = ["dmz"]',
        'kinds = ["buffer_zone"]',
        "cards[0].effects[0].kinds[0]",
        "'buffer_zone' is not allowed; expected 'troops'",
    ),
    (
        "role_unknown_kind",
        'may_commit = ["monitors"]',
        'may_commit = ["observers"]',
        "roles[2].may_commit[0]",
        "'observers' is not allowed",
    ),
    (
        "duplicate_role_id",
        'id = "brussels"',
        'id = "kyiv"',
        "roles[2].id",
        "duplicate id 'kyiv'",
    ),
    (
        "duplicate_symbol",
        'symbol = "B"',
        'symbol = "K"',
        "roles[2].symbol",
        "symbol 'K' is already kyiv's",
    ),
    (
        "negative_weight",
        "weight = 2.0",
        "weight = -2.0",
        "criteria[0].weight",
        "-2.0 is out of range; it should be greater than or equal to 0",
    ),
    (
        "turn_order_unknown_role",
        'turn_order = ["kyiv", "kremlin", "brussels"]',
        'turn_order = ["kyiv", "kreml", "brussels"]',
        "turn_order[1]",
        "unknown role 'kreml' (known: brussels, kremlin, kyiv)",
    ),
    (
        "demand_nobody_can_meet",
        'may_demand = ["monitors"]',
        'may_demand = ["troops"]',
        "roles[0].may_demand[0]",
        "no other role may commit 'troops', so this demand could never be met",
    ),
    (
        "objective_with_two_tests",
        'wants_kind = "foreign_troop_ban"',
        'wants_kind = "foreign_troop_ban"\navoids_kind = "dmz"',
        "roles[1].brief.objectives[0]",
        "an objective needs exactly one of",
    ),
    (
        "vote_not_last",
        'actions = ["vote"]',
        'actions = ["speak"]',
        "phases",
        "the last phase, and only it, must allow exactly ['vote']",
    ),
]


def test_the_base_motion_of_the_error_tests_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "base.toml"
    path.write_text(BASE, encoding="utf-8")
    assert load_motion(path).id == "base"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_check_names_file_field_and_problem(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    assert BASE.count(old) == 1, f"the edit must be unambiguous: {old!r}"
    path = tmp_path / "broken_motion.toml"
    path.write_text(BASE.replace(old, new), encoding="utf-8")

    result = run("motions", "check", str(path))

    assert result.exit_code == 2, result.output
    assert f"{path}: {field}: {message}" in flat(result.stderr)
    assert "Traceback" not in result.output
    assert result.stdout == ""
    # The library reports the same problem to callers that load motions directly.
    with pytest.raises(DataError) as caught:
        load_motion(path)
    assert any(p.path == field and message in p.message for p in caught.value.problems)


def test_check_gives_line_and_column_of_malformed_toml(tmp_path: Path) -> None:
    path = tmp_path / "malformed.toml"
    text = BASE.replace("rounds = 2", "rounds = = 2")
    line = text.splitlines().index("rounds = = 2") + 1
    path.write_text(text, encoding="utf-8")

    result = run("motions", "check", str(path))

    assert result.exit_code == 2, result.output
    assert f"{path}: malformed TOML:" in flat(result.stderr)
    assert f"(at line {line}, column 10)" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_check_reports_every_problem_not_just_the_first(tmp_path: Path) -> None:
    path = tmp_path / "two_problems.toml"
    text = BASE.replace('color = "yellow"', 'colour = "yellow"').replace(
        'tier = "international_body"', 'tier = "hyperpower"'
    )
    path.write_text(text, encoding="utf-8")
    result = run("motions", "check", str(path))
    assert result.exit_code == 2
    assert "roles[0].colour" in result.stderr and "roles[2].guarantor.tier" in result.stderr


def test_check_of_several_files_reports_each_and_fails_if_any_fails(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(BASE, encoding="utf-8")
    bad.write_text(BASE.replace('symbol = "R"\n', ""), encoding="utf-8")
    result = run("motions", "check", str(good), str(bad))
    assert result.exit_code == 2
    assert f"{good}: ok" in flat(result.stdout)
    assert f"{bad}: roles[1].symbol" in flat(result.stderr)


def test_check_of_a_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    result = run("motions", "check", str(path))
    assert result.exit_code == 2
    assert f"{path}: file not found" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_running_text_is_reflowed_into_paragraphs(article_motion) -> None:  # type: ignore[no-untyped-def]
    # TOML multi-line strings break where the author typed; screens wrap to their own width.
    texts = [article_motion.summary]
    for role in article_motion.roles:
        texts += [role.position, role.brief.summary]
    for text in texts:
        assert "\n" not in text.replace("\n\n", ""), text
        assert "  " not in text and text == text.strip()


def test_an_id_resolves_to_the_first_file_that_declares_it(tmp_path: Path) -> None:
    # A --dir copy under another file name comes before the shipped guarantees.toml; only
    # the file asked for is loaded, the others are known from the motion listing.
    from debate.motions import resolve_motion

    mine = tmp_path / "mine"
    mine.mkdir()
    text = (MOTIONS_DIR / "guarantees.toml").read_text("utf-8")
    original_title = tomllib.loads(text)["title"]
    (mine / "seminar_copy.toml").write_text(
        text.replace(f'title = "{original_title}"', 'title = "Our seminar\'s copy"', 1), "utf-8"
    )
    assert resolve_motion("guarantees", [mine]).title == "Our seminar's copy"
    assert resolve_motion("guarantees").title == original_title
    with pytest.raises(DataError, match=r"known ids: .*guarantees"):
        resolve_motion("no_such_motion", [mine])
