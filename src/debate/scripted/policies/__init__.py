"""One policy per role, looked up by role id, with a fallback by guarantor tier.

The shipped motions use the role ids kyiv, kremlin, washington, brussels and beijing; a
motion with other ids gets the policy written for the same guarantor tier (its rules refer
to "the protected party", "the strongest guarantor" and so on, not to capitals by name).

>>> from debate.engine.testing import tiny_motion
>>> policy_for(tiny_motion(), "washington").rule_prefix
'washington'
>>> from debate.engine.testing import tiny_motion_data
>>> from debate.motions import Motion
>>> data = tiny_motion_data()
>>> data["roles"][2]["id"] = "london"; data["turn_order"][2] = "london"
>>> data["roles"][2]["guarantor"]["tier"] = "middle_power"
>>> policy_for(Motion.model_validate(data), "london").rule_prefix
'middle_power'
"""

from __future__ import annotations

from debate.motions.model import Motion
from debate.scripted.policies.base import Policy
from debate.scripted.policies.beijing import BeijingPolicy
from debate.scripted.policies.brussels import BrusselsPolicy
from debate.scripted.policies.kremlin import KremlinPolicy
from debate.scripted.policies.kyiv import KyivPolicy
from debate.scripted.policies.washington import WashingtonPolicy

BY_ROLE_ID: dict[str, Policy] = {
    "kyiv": KyivPolicy(),
    "kremlin": KremlinPolicy(),
    "washington": WashingtonPolicy(),
    "brussels": BrusselsPolicy(),
    "beijing": BeijingPolicy(),
}

BY_TIER: dict[str, Policy] = {
    "protected_party": KyivPolicy("protected_party"),
    "aggressor": KremlinPolicy("aggressor"),
    "superpower": WashingtonPolicy("superpower"),
    "great_power": BrusselsPolicy("great_power"),
    "middle_power": BrusselsPolicy("middle_power"),
    "international_body": BeijingPolicy("international_body"),
}


def policy_for(motion: Motion, role: str) -> Policy:
    """The policy that plays ``role`` in ``motion``: by role id, else by guarantor tier."""
    if role in BY_ROLE_ID:
        return BY_ROLE_ID[role]
    return BY_TIER[motion.role_by_id[role].guarantor.tier]


__all__ = ["BY_ROLE_ID", "BY_TIER", "Policy", "policy_for"]
