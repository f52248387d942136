"""A tiny three-role motion for doctests, unit tests and examples.

Real motions live in TOML files under ``motions/``; this one is small enough to read in
one screen, and exercises every action type.
"""

from __future__ import annotations

from typing import Any

from debate.motions.model import Motion

_GUARANTOR_KINDS = [
    "troops",
    "peacekeepers",
    "monitors",
    "defence_pact",
    "assurance",
    "funding",
    "arms",
    "sanctions",
    "hybrid_defence",
    "sanctions_relief",
]
_CONCESSIONS = ["demilitarisation", "recognition", "neutrality", "foreign_troop_ban"]


def tiny_motion_data(**overrides: Any) -> dict[str, Any]:
    """The tiny motion as plain data (edit it to build variants)."""
    data: dict[str, Any] = {
        "id": "tiny",
        "title": "Guarantees must operate before aggression",
        "summary": "A three-role test motion.",
        "source": {"author": "Test", "title": "Test", "outlet": "Test", "date": "2025"},
        "actions_per_turn": 2,
        "turn_order": ["kyiv", "kremlin", "washington"],
        "roles": [
            _role(
                "kyiv",
                "Kyiv",
                "protected_party",
                False,
                ["own_forces", *_CONCESSIONS],
                ["troops", "defence_pact", "funding", "arms"],
            ),
            _role(
                "kremlin",
                "Kremlin",
                "aggressor",
                True,
                ["own_forces", "dmz"],
                [*_CONCESSIONS, "sanctions_relief"],
            ),
            _role("washington", "Washington", "superpower", True, _GUARANTOR_KINDS, []),
        ],
        "claims": [
            {
                "id": "army_first",
                "text": "A state's own army is its first guarantee.",
                "criteria": ["local_denial"],
                "source": "article",
            },
            {
                "id": "after_is_empty",
                "text": "Promises that act only after an attack are empty.",
                "criteria": ["pre_positioning"],
                "source": "article",
            },
        ],
        "phases": [
            {
                "id": "negotiation",
                "name": "Negotiation",
                "rounds": 2,
                "actions": [
                    "speak",
                    "propose",
                    "amend",
                    "withdraw",
                    "challenge",
                    "concede",
                    "demand",
                    "accept",
                    "reject",
                    "pass",
                ],
            },
            {"id": "vote", "name": "Vote", "rounds": 1, "actions": ["vote"]},
        ],
    }
    data.update(overrides)
    return data


def tiny_motion(**overrides: Any) -> Motion:
    return Motion.model_validate(tiny_motion_data(**overrides))


def _role(
    rid: str, name: str, tier: str, nuclear: bool, commit: list[str], demand: list[str]
) -> dict[str, Any]:
    return {
        "id": rid,
        "name": name,
        "symbol": {"kyiv": "K", "kremlin": "R"}.get(rid, name[0]),
        "position": f"{name}'s public position.",
        "brief": {
            "summary": f"{name}'s brief.",
            "objectives": [
                {
                    "id": "index",
                    "text": "Move the index.",
                    "criterion": "deterrence_index",
                    **({"at_most": 40} if tier == "aggressor" else {"at_least": 60}),
                }
            ],
        },
        "guarantor": {"tier": tier, "nuclear": nuclear},
        "may_commit": commit,
        "may_demand": demand,
    }
