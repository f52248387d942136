"""Property tests of the scorer over generated packages (issue 3, "Tests").

Each property states one way the Deterrence Index must respond to a change in a package.
Packages are drawn with every commitment kind, by any party (the protected party, guarantors of
every tier, the aggressor, and a second party of tier ``aggressor``), with random factors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from debate.scoring import CRITERION_IDS, Package, Party, default_cards, score, stress_test
from debate.vocabulary.commitments import (
    BASES,
    CONCESSION_KINDS,
    Arms,
    Assurance,
    Commitment,
    DefencePact,
    Demilitarisation,
    Dmz,
    ForeignTroopBan,
    Funding,
    HybridDefence,
    Membership,
    Monitors,
    Neutrality,
    OwnForces,
    Peacekeepers,
    Recognition,
    Sanctions,
    SanctionsRelief,
    Troops,
)

EPS = 1e-9
GUARANTOR_TIERS = ("superpower", "great_power", "middle_power", "international_body")
PROTECTED, AGGRESSOR, PROXY = "p", "a", "x"  # PROXY: another party of tier "aggressor"

sizes = st.integers(min_value=1, max_value=1_000_000)
army_sizes = st.integers(min_value=1, max_value=5_000_000)
peacekeeper_sizes = st.integers(min_value=1, max_value=100_000)
monitor_sizes = st.integers(min_value=1, max_value=10_000)
caps = st.integers(min_value=0, max_value=5_000_000)
bases = st.sampled_from(BASES)
years = st.integers(min_value=0, max_value=99)
withdrawals = st.sampled_from(["none", "any_party", "guarantor", "host", "aggressor"])


@cache
def kinds_by(by: str) -> st.SearchStrategy[Commitment]:
    """Any commitment of any kind made by ``by``."""
    return st.one_of(
        troops_by(by),
        *others_by(by),
        own_forces_by(by),
        st.builds(
            Dmz,
            by=st.just(by),
            width_km=st.floats(min_value=0.1, max_value=200),
            monitored=st.booleans(),
        ),
        concessions_by(by),
    )


@cache
def troops_by(by: str) -> st.SearchStrategy[Troops]:
    return st.builds(
            Troops,
            by=st.just(by),
            size=sizes,
            timing=st.sampled_from(["standing", "on_attack"]),
            basis=bases,
            withdrawal=withdrawals,
            years=years,
            composition=st.lists(
                st.sampled_from(["infantry", "armour", "air", "air_defence", "support"]),
                max_size=5,
            ).map(tuple),
        )


@cache
def own_forces_by(by: str) -> st.SearchStrategy[OwnForces]:
    return st.builds(
        OwnForces,
        by=st.just(by),
        size=army_sizes,
        readiness=st.sampled_from(["low", "medium", "high"]),
        equipment=st.sampled_from(["poor", "adequate", "modern"]),
    )


@cache
def others_by(by: str) -> tuple[st.SearchStrategy[Commitment], ...]:
    """Every kind but troops, own forces, a DMZ and the concessions."""
    return (
        st.builds(
            Peacekeepers,
            by=st.just(by),
            size=peacekeeper_sizes,
            armed=st.booleans(),
            mandate=st.sampled_from(["observe", "self_defence", "enforce"]),
            basis=bases,
            withdrawal=withdrawals,
            years=years,
        ),
        st.builds(
            Monitors, by=st.just(by), size=monitor_sizes, basis=bases, withdrawal=withdrawals
        ),
        st.builds(
            DefencePact,
            by=st.just(by),
            obligation=st.sampled_from(["consult", "assist", "fight"]),
            basis=bases,
            years=years,
        ),
        st.builds(
            Assurance,
            by=st.just(by),
            obligation=st.sampled_from(["refrain", "consult", "seek_un_action"]),
            basis=bases,
        ),
        st.builds(
            Funding,
            by=st.just(by),
            usd_bn_per_year=st.floats(min_value=0.01, max_value=500),
            years=years,
            basis=bases,
        ),
        st.builds(
            Arms,
            by=st.just(by),
            level=st.sampled_from(["drip", "sustained", "full"]),
            years=years,
            basis=bases,
        ),
        st.builds(
            Sanctions,
            by=st.just(by),
            severity=st.sampled_from(["targeted", "sectoral", "comprehensive"]),
            snapback=st.booleans(),
            basis=bases,
        ),
        st.builds(
            Membership,
            by=st.just(by),
            alliance=st.just("NATO"),
            collective_defence=st.booleans(),
            basis=bases,
        ),
        st.builds(
            HybridDefence,
            by=st.just(by),
            domains=st.lists(
                st.sampled_from(
                    [
                        "cyber",
                        "intelligence",
                        "counter_terrorism",
                        "border",
                        "energy",
                        "information",
                        "nonproliferation",
                    ]
                ),
                min_size=1,
                max_size=7,
            ).map(tuple),
            basis=bases,
            years=years,
        ),
    )


@cache
def concessions_by(by: str) -> st.SearchStrategy[Commitment]:
    return st.one_of(
        st.builds(Demilitarisation, by=st.just(by), force_cap=caps),
        st.builds(Recognition, by=st.just(by), scope=st.sampled_from(["de_facto", "de_jure"])),
        st.builds(
            Neutrality,
            by=st.just(by),
            alliances=st.lists(st.sampled_from(["NATO", "EU"]), max_size=2).map(tuple),
        ),
        st.builds(ForeignTroopBan, by=st.just(by), allows_peacekeepers=st.booleans()),
        st.builds(SanctionsRelief, by=st.just(by), scope=st.sampled_from(["partial", "full"])),
    )


@dataclass(frozen=True)
class Case:
    package: Package
    factors: tuple[float, ...]

    def with_commitments(self, commitments: list[Commitment], factors: list[float]) -> Case:
        pkg = Package.model_validate(
            {**self.package.model_dump(), "commitments": [c.model_dump() for c in commitments]}
        )
        return Case(pkg, tuple(factors))

    def index(self) -> float:
        return score(self.package, factors=self.factors).deterrence_index


@st.composite
def parties(draw: st.DrawFn) -> list[Party]:
    out = [
        Party(id=PROTECTED, name="Protected", tier="protected_party", nuclear=draw(st.booleans())),
        Party(id=AGGRESSOR, name="Aggressor", tier="aggressor", nuclear=draw(st.booleans())),
        Party(id=PROXY, name="Proxy", tier="aggressor", nuclear=draw(st.booleans())),
    ]
    for i in range(draw(st.integers(min_value=0, max_value=3))):
        out.append(
            Party(
                id=f"g{i}",
                name=f"Guarantor {i}",
                tier=draw(st.sampled_from(GUARANTOR_TIERS)),
                nuclear=draw(st.booleans()),
            )
        )
    return out


factor_values = st.one_of(st.just(1.0), st.just(0.5), st.floats(min_value=0, max_value=1))


@st.composite
def cases(draw: st.DrawFn, max_size: int = 10) -> Case:
    people = draw(parties())
    ids = [p.id for p in people]
    commitments = draw(
        st.lists(st.sampled_from(ids).flatmap(kinds_by), max_size=max_size)
    )
    factors = draw(st.lists(factor_values, min_size=len(commitments), max_size=len(commitments)))
    package = Package(
        title="generated",
        protected=PROTECTED,
        aggressor=AGGRESSOR,
        parties=tuple(people),
        commitments=tuple(commitments),
    )
    return Case(package, tuple(factors))


def non_aggressor(case: Case) -> st.SearchStrategy[str]:
    return st.sampled_from([p.id for p in case.package.parties if p.id != AGGRESSOR])


@settings(max_examples=150, deadline=None)
@given(cases())
def test_the_index_and_every_criterion_stay_between_0_and_100(case: Case) -> None:
    card = score(case.package, factors=case.factors)
    assert 0.0 <= card.deterrence_index <= 100.0
    assert [c.id for c in card.criteria] == list(CRITERION_IDS)
    for c in card.criteria:
        assert 0.0 <= c.score <= 100.0, c
    for result in stress_test(case.package, default_cards(), factors=case.factors):
        assert 0.0 <= result.deterrence_index <= 100.0


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_adding_standing_armed_troops_by_a_non_aggressor_never_lowers_the_index(
    data: st.DataObject,
) -> None:
    case = data.draw(cases())
    by = data.draw(non_aggressor(case))
    troops = data.draw(troops_by(by)).model_copy(update={"timing": "standing"})
    where = data.draw(st.integers(min_value=0, max_value=len(case.package.commitments)))
    commitments = list(case.package.commitments)
    factors = list(case.factors)
    commitments.insert(where, troops)
    factors.insert(where, data.draw(factor_values))
    assert case.with_commitments(commitments, factors).index() >= case.index() - EPS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_strengthening_a_basis_never_lowers_the_index(data: st.DataObject) -> None:
    case = data.draw(cases())
    with_basis = [i for i, c in enumerate(case.package.commitments) if hasattr(c, "basis")]
    if not with_basis:
        return
    i = data.draw(st.sampled_from(with_basis))
    commitments = list(case.package.commitments)
    current = BASES.index(commitments[i].basis)  # type: ignore[union-attr]
    stronger = data.draw(st.sampled_from(BASES[current:]))
    commitments[i] = commitments[i].model_copy(update={"basis": stronger})
    assert case.with_commitments(commitments, list(case.factors)).index() >= case.index() - EPS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_moving_troops_from_standing_to_on_attack_never_raises_the_index(
    data: st.DataObject,
) -> None:
    case = data.draw(cases())
    standing = [
        i
        for i, c in enumerate(case.package.commitments)
        if isinstance(c, Troops) and c.timing == "standing"
    ]
    if not standing:
        return
    i = data.draw(st.sampled_from(standing))
    commitments = list(case.package.commitments)
    commitments[i] = commitments[i].model_copy(update={"timing": "on_attack"})
    assert case.with_commitments(commitments, list(case.factors)).index() <= case.index() + EPS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_adding_a_concession_never_raises_the_index(data: st.DataObject) -> None:
    case = data.draw(cases())
    by = data.draw(st.sampled_from([p.id for p in case.package.parties]))
    concession = data.draw(concessions_by(by))
    assert concession.kind in CONCESSION_KINDS
    commitments = [*case.package.commitments, concession]
    factors = [*case.factors, data.draw(factor_values)]
    assert case.with_commitments(commitments, factors).index() <= case.index() + EPS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_aggressor_commitments_other_than_own_forces_and_a_dmz_change_nothing(
    data: st.DataObject,
) -> None:
    case = data.draw(cases())
    by = data.draw(st.sampled_from([AGGRESSOR, PROXY]))
    extra = data.draw(st.one_of(troops_by(by), *others_by(by), concessions_by(by)))
    where = data.draw(st.integers(min_value=0, max_value=len(case.package.commitments)))
    commitments = list(case.package.commitments)
    factors = list(case.factors)
    commitments.insert(where, extra)
    factors.insert(where, data.draw(factor_values))
    before = score(case.package, factors=case.factors)
    after = score(case.with_commitments(commitments, factors).package, factors=factors)
    assert after.deterrence_index == before.deterrence_index
    assert [c.score for c in after.criteria] == [c.score for c in before.criteria]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_larger_aggressor_force_never_raises_the_index(data: st.DataObject) -> None:
    case = data.draw(cases())
    by = data.draw(st.sampled_from([AGGRESSOR, PROXY]))
    force = data.draw(own_forces_by(by))
    more = force.model_copy(
        update={"size": data.draw(st.integers(min_value=force.size, max_value=5_000_000))}
    )
    smaller = case.with_commitments([*case.package.commitments, force], [*case.factors, 1.0])
    larger = case.with_commitments([*case.package.commitments, more], [*case.factors, 1.0])
    assert larger.index() <= smaller.index() + EPS


@settings(max_examples=100, deadline=None)
@given(cases())
def test_the_result_is_deterministic(case: Case) -> None:
    again = Package.model_validate_json(case.package.model_dump_json())
    first = score(case.package, factors=case.factors)
    assert score(again, factors=case.factors) == first
    assert score(case.package, factors=case.factors).to_dict() == first.to_dict()
    cards = default_cards()
    assert stress_test(case.package, cards, factors=case.factors) == stress_test(
        again, cards, factors=case.factors
    )


@settings(max_examples=150, deadline=None)
@given(cases())
def test_the_reasons_add_up_to_each_criterion_score(case: Case) -> None:
    """Every point is traceable: the points on a criterion's reason lines, each rounded to
    0.1, sum exactly to its score as shown (largest remainder)."""
    for c in score(case.package, factors=case.factors).criteria:
        tenths = [round(float(reason.split()[0]) * 10) for reason in c.reasons]
        assert sum(tenths) == round(float(f"{c.score:.1f}") * 10), (c.id, c.score, c.reasons)


@settings(max_examples=100, deadline=None)
@given(cases())
def test_the_default_stress_cards_never_raise_the_index(case: Case) -> None:
    base = case.index()
    for result in stress_test(case.package, default_cards(), factors=case.factors):
        assert result.deterrence_index <= base + EPS, result


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_discounting_a_guarantee_never_raises_the_index(data: st.DataObject) -> None:
    """What the game does to a commitment that lost a challenge can only weaken the package."""
    case = data.draw(cases())
    guarantees = [
        i for i, c in enumerate(case.package.commitments) if c.kind not in CONCESSION_KINDS
    ]
    if not guarantees:
        return
    i = data.draw(st.sampled_from(guarantees))
    factors = list(case.factors)
    factors[i] *= data.draw(st.floats(min_value=0, max_value=1))
    assert Case(case.package, tuple(factors)).index() <= case.index() + EPS


@settings(max_examples=60, deadline=None)
@given(cases(max_size=6), st.integers(min_value=1, max_value=40))
def test_paper_alone_never_scores_above_the_cap(case: Case, copies: int) -> None:
    """Nothing standing (no stationed forces, no army of the protected party): however much
    paper is stacked, the index stays at or below 25."""
    paper = [
        c
        for c in case.package.commitments
        if c.kind not in {"troops", "peacekeepers", "own_forces"} or c.by in {AGGRESSOR, PROXY}
    ]
    pledge = DefencePact(by=PROTECTED, obligation="fight", basis="statute")
    guarantors = [p.id for p in case.package.parties if p.id.startswith("g")]
    if guarantors:
        pledge = pledge.model_copy(update={"by": guarantors[0]})
    stacked = case.with_commitments([*paper, *[pledge] * copies], [1.0] * (len(paper) + copies))
    assert stacked.index() <= 25.0 + EPS
