"""Keeping player text literal in Markdown (HTML uses :func:`html.escape`).

Markdown renderers interpret inline punctuation (``*``, ``[``, ``|``, ``<script>``...) and
line starts (``#``, ``-``, ``1.``, ``>``). Player text is data, never markup: such
characters are backslash-escaped (CommonMark defines the escape for any ASCII punctuation),
so the text renders exactly as typed while the raw file stays readable.

>>> md_escape("[bold red]x[/] <script>alert(1)</script>")
'\\\\[bold red\\\\]x\\\\[/\\\\] \\\\<script\\\\>alert(1)\\\\</script\\\\>'
>>> md_escape("1. first\\n# not a title")
'1\\\\. first  \\n\\\\# not a title'
"""

from __future__ import annotations

import re
from functools import lru_cache

from debate.text_safety import neutralise

# Punctuation that opens inline markup anywhere in a line (emphasis, links, code, HTML,
# tables, strikethrough, entities, footnotes).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!^$])")
# What opens a block at the start of a line: headings, lists, quotes, rules, setext lines.
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+(?=[.)]))")


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    if not line:
        return "&nbsp;"  # a blank line would end the paragraph; keep it visible instead
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(2).isdigit():  # "1." -> "1\." : escape the delimiter after the number
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return line[: match.start(2)] + "\\" + line[match.start(2) :]


# Transcripts repeat themselves (scripted lines and reasons, "passes", claim texts): a long
# session's export escapes the same few hundred strings tens of thousands of times.
@lru_cache(maxsize=4096)
def md_escape(text: str) -> str:
    """Escape ``text`` for a Markdown paragraph or list item, keeping its line breaks.

    Lines are joined with hard breaks (two spaces + newline), so a multi-line speech keeps
    its shape without ever starting a heading, a list or a code block.
    """
    lines = neutralise(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return "  \n".join(_escape_line(line) for line in lines)


def md_cell(text: str) -> str:
    """Escape ``text`` for a table cell: as :func:`md_escape`, folded onto one line."""
    return md_escape(" ".join(text.split()) or " ")


def md_code(text: str) -> str:
    """An identifier (id, kind) as a code span; backticks in it are replaced.

    >>> md_code("c3")
    '`c3`'
    """
    return "`" + neutralise(text).replace("`", "'") + "`"
