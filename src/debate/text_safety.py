"""Text from players and files is data: it never reaches a terminal (or a page) as control codes.

One function, :func:`neutralise`, is used by every renderer of such text (screens, the
command line, Markdown and HTML exports). It keeps newline and tab, and makes every other
C0/C1 control character and every bidirectional override visible instead of obeying it:
ESC becomes ``␛`` (the C0 controls become their Unicode "control pictures"), DEL ``␡``,
C1 controls and bidi overrides U+FFFD.

Names and ids are refused outright when they hold such characters (:func:`name_problem`);
NUL is refused in any text (:func:`text_problem`), because PostgreSQL cannot store it.

>>> neutralise("title\\x1b]52;c;aGk=\\x07 ok")
'title␛]52;c;aGk=␇ ok'
>>> neutralise("a\\tb\\nc\\u202ed\\x9b")
'a\\tb\\nc\\ufffdd\\ufffd'
>>> name_problem("Olena\\x1b[2J")
'control character U+001B is not allowed here'
>>> text_problem("speech\\x00") , text_problem("two\\nlines")
('the NUL character (U+0000) is not allowed', None)
>>> clip("x" * 500, 20)
"'xxxxxxxxxxxxxxxxxxx… (500 characters)"
"""

from __future__ import annotations

import re
from typing import Any

#: Bidirectional embedding/override/isolate controls (they reorder what a reader sees).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI + "]")
#: Not in a name: control and bidi characters, and lone surrogates (one search for both: names
#: are checked in every event a session loads).
_NAME_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI + "\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _visible(match: re.Match[str]) -> str:
    ch = match.group(0)
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟ (␛ for ESC)
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def neutralise(text: str) -> str:
    """``text`` with every control character except newline and tab, and every bidi
    override, replaced by a visible stand-in. Safe to hand to any terminal or page."""
    if text.isprintable():  # no control (Cc) or format (Cf: bidi) character: the usual case
        return text
    if len(text) >= _LONG and _UNSAFE.search(_beyond_plain_ascii(text)) is None:
        return text  # a whole document (its newlines are not "printable"), found safe
    return _UNSAFE.sub(_visible, text)


#: From this length, text is checked by :func:`_beyond_plain_ascii` first.
_LONG = 4096
#: Printable ASCII, tab and newline: most of any text, and never changed.
_PLAIN_ASCII = bytes([0x09, 0x0A, *range(0x20, 0x7F)])


def _beyond_plain_ascii(text: str) -> str:
    """``text`` without its printable ASCII, tab and newline: what :data:`_UNSAFE` may match
    in it, in order. Dropping bytes in C and searching the rest is 2-3 times faster than
    searching a long text (an export's Markdown, 20 MB, at the end). The dropped bytes never
    occur inside a multi-byte UTF-8 sequence, so the rest decodes to the other characters."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return rest.decode("utf-8", "surrogatepass")


_JSON_UNSAFE = re.compile("[\x7f-\x9f" + BIDI + "]")


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``, which escapes C0 controls
    already) with DEL, C1 controls and bidi overrides written as ``\\uXXXX`` escapes too:
    the same data, but ``cat`` of the file cannot move a terminal.

    >>> json_safe('"a\u009b2Jb"')
    '"a\\\\u009b2Jb"'
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def is_safe(text: str) -> bool:
    """Whether ``text`` holds nothing :func:`neutralise` would change."""
    return _UNSAFE.search(text) is None


def name_problem(text: str) -> str | None:
    """Why ``text`` cannot be a name, title or id (any control or bidi character, or a lone
    surrogate), or None."""
    found = _NAME_UNSAFE.search(text)
    if found is None:
        return None
    if 0xD800 <= ord(found.group(0)) <= 0xDFFF:
        return surrogate_problem(found.group(0))
    return f"control character U+{ord(found.group(0)):04X} is not allowed here"


def surrogate_problem(text: str) -> str | None:
    """Why ``text`` is not valid Unicode text (half of a UTF-16 pair, alone: what Python
    makes of bytes that are not UTF-8 in a command-line argument), or None. No database
    can store it.

    >>> surrogate_problem("Olena"), surrogate_problem("A\\udcff")
    (None, 'U+DCFF is not valid Unicode text (bytes that are not UTF-8?)')
    """
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return f"U+{ord(found.group(0)):04X} is not valid Unicode text (bytes that are not UTF-8?)"


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as free text (NUL), or None."""
    if "\x00" in text:
        return "the NUL character (U+0000) is not allowed"
    return None


def clip(value: Any, limit: int = 80) -> str:
    """A bad value as an error message may quote it: repr, neutralised, at most ``limit``
    characters of it (an error must never echo a megabyte back)."""
    text = neutralise(repr(value[: limit + 1] if isinstance(value, str) else value))
    if len(text) > limit + 2:
        text = text[:limit] + "…"
    if isinstance(value, str) and len(value) > limit:
        text += f" ({len(value)} characters)"
    return text
