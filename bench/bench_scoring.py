"""Benchmark: scoring a package of 20 and of 200 commitments with every stress card (issue 3).

One run scores each package (all criteria with their reasons, and the index) and then applies
every default stress card to it, the way `debate score FILE --stress` and the debrief do.

Goals: a 200-commitment package with all cards in under 10 ms median on this machine, and
cost that grows linearly: the 200/20 median ratio at most 12 (the 20-commitment package,
measured in the same run, is the baseline). Nothing here is a pass/fail test; the goals and
whether they were met are printed.

    python bench/bench_scoring.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import time

from debate.scoring import Package, Party, default_cards, score, stress_test
from debate.vocabulary.commitments import (
    Arms,
    Assurance,
    Commitment,
    DefencePact,
    Demilitarisation,
    Dmz,
    Funding,
    HybridDefence,
    Membership,
    Monitors,
    OwnForces,
    Peacekeepers,
    Recognition,
    Sanctions,
    SanctionsRelief,
    Troops,
)

GUARANTORS = ("us", "uk", "fr", "de", "pl", "eu", "un")
PARTIES = (
    Party(id="us", name="United States", tier="superpower", nuclear=True),
    Party(id="uk", name="United Kingdom", tier="great_power", nuclear=True),
    Party(id="fr", name="France", tier="great_power", nuclear=True),
    Party(id="de", name="Germany", tier="great_power"),
    Party(id="pl", name="Poland", tier="middle_power"),
    Party(id="eu", name="European Union", tier="international_body"),
    Party(id="un", name="United Nations", tier="international_body"),
    Party(id="ua", name="Ukraine", tier="protected_party"),
    Party(id="ru", name="Russia", tier="aggressor", nuclear=True),
)
BASES = ("declaration", "memorandum", "executive", "un_resolution", "treaty", "ratified_treaty")


def commitment(i: int) -> Commitment:
    """The i-th commitment of a realistic mix: mostly guarantees, some concessions."""
    by = GUARANTORS[i % len(GUARANTORS)]
    basis = BASES[i % len(BASES)]
    makers = [
        lambda: Troops(
            by=by,
            size=5_000 + 1_000 * i,
            basis=basis,
            timing="standing" if i % 3 else "on_attack",
            composition=("infantry", "armour", "air")[: i % 4],
        ),
        lambda: Peacekeepers(
            by=by,
            size=2_000,
            mandate="enforce",
            basis=basis,
            withdrawal="host" if i % 2 else "none",
        ),
        lambda: Monitors(by=by, size=300, basis=basis, withdrawal="any_party"),
        lambda: DefencePact(by=by, obligation=("consult", "assist", "fight")[i % 3], basis=basis),
        lambda: Assurance(by=by, obligation="consult", basis=basis),
        lambda: Funding(by=by, usd_bn_per_year=2.5, years=i % 12, basis=basis),
        lambda: Arms(by=by, level=("drip", "sustained", "full")[i % 3], years=3, basis=basis),
        lambda: Sanctions(by=by, severity="sectoral", snapback=bool(i % 2), basis=basis),
        lambda: Membership(by=by, alliance="NATO", basis=basis),
        lambda: HybridDefence(by=by, domains=("cyber", "energy", "border"), basis=basis, years=5),
        lambda: OwnForces(by="ua", size=100_000 + i, readiness="high", equipment="adequate"),
        lambda: OwnForces(by="ru", size=50_000 + i, readiness="high", equipment="adequate"),
        lambda: Dmz(by="ru", width_km=10 + i % 30, monitored=bool(i % 2)),
        lambda: Demilitarisation(by="ua", force_cap=600_000 + i),
        lambda: Recognition(by="ua", scope="de_facto"),
        lambda: SanctionsRelief(by=by, scope="partial"),
    ]
    return makers[i % len(makers)]()


def package(size: int) -> Package:
    return Package(
        title=f"{size} commitments",
        protected="ua",
        aggressor="ru",
        parties=PARTIES,
        commitments=tuple(commitment(i) for i in range(size)),
    )


def median_ms(pkg: Package, repeat: int) -> float:
    cards = default_cards()
    # A fresh copy each run, so no run reuses what an earlier one read from the package.
    copies = [pkg.model_copy() for _ in range(repeat)]
    times = []
    for copy in copies:
        start = time.perf_counter()
        score(copy)
        stress_test(copy, cards)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="runs per package (median)")
    args = parser.parse_args()
    small, large = package(20), package(200)
    median_ms(small, 20)  # warm-up: imports, caches
    cards = len(default_cards())
    t_small = median_ms(small, args.repeat)
    t_large = median_ms(large, args.repeat)
    ratio = t_large / t_small
    print(f"score + stress test with all {cards} cards, median of {args.repeat} runs")
    print(f"   20 commitments: {t_small:7.3f} ms  (baseline)")
    print(
        f"  200 commitments: {t_large:7.3f} ms  goal < 10 ms: {'met' if t_large < 10 else 'MISSED'}"
    )
    print(f"  ratio 200/20:    {ratio:7.2f}     goal <= 12: {'met' if ratio <= 12 else 'MISSED'}")


if __name__ == "__main__":
    main()
