"""Join codes: capabilities that can be read aloud.

A code is 16 characters of Crockford's base 32 (no I, L, O, U) in four groups of four:
80 random bits. Typing is forgiving (case, spaces, dashes, O for 0, I or L for 1); only
the SHA-256 of the normalised code is ever stored.

>>> code = new_code()
>>> len(code), code.count("-")
(19, 3)
>>> normalise(code.lower().replace("-", " ")) == code.replace("-", "")
True
>>> normalise("oil-") == "011"
True
>>> code_hash("7KQM-4XRT-9PZB-W2HD") == code_hash("7kqm 4xrt 9pzb w2hd")
True
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_SIZE = 4, 4
#: Random bits in a code (5 per character).
BITS = 5 * GROUPS * GROUP_SIZE
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh random code, e.g. ``7KQM-4XRT-9PZB-W2HD``."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))


def normalise(typed: str) -> str:
    """The code as stored (before hashing): upper case, no separators, look-alikes fixed."""
    kept = "".join(ch for ch in typed.upper() if not ch.isspace() and ch not in "-_.")
    return kept.translate(_LOOKALIKES)


def code_hash(typed: str) -> str:
    """What the store keeps of a code."""
    return hashlib.sha256(
        ("debate-join:" + normalise(typed)).encode("ascii", "replace")
    ).hexdigest()
