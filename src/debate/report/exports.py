"""Exporting a saved session as a debrief: Markdown, HTML, or the store's JSON document.

Used by ``debate export`` (through the sessions command's format registry) and by the
export action of the replay screen, so both write the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate.report.assessment import sheet_csv
from debate.report.html import render_html
from debate.report.markdown import render_markdown
from debate.report.saved import load_debrief
from debate.text_safety import json_safe

if TYPE_CHECKING:
    from debate.store.repository import Store

#: Format name -> function from (store, session id) to the text of the file.
Renderer = Callable[[Any, str], str]


def markdown_export(store: Store, session_id: str) -> str:
    """The debrief of a saved session as Markdown."""
    return render_markdown(load_debrief(store, session_id))


def html_export(store: Store, session_id: str) -> str:
    """The debrief of a saved session as one self-contained HTML page."""
    return render_html(load_debrief(store, session_id))


def compared_export(store: Store, session_id: str, fmt: str) -> str:
    """The Markdown or HTML debrief of a branch with a comparison to its parent appended
    (before the annotations); a session that is not a branch is refused."""
    from debate.report import compare
    from debate.report.saved import load_debrief_and_parent

    if fmt not in ("md", "html"):
        raise ValueError("--compare-parent works with --format md or html")
    # The branch and its parent are each read once, for the debrief and the comparison.
    debrief, record, parent = load_debrief_and_parent(store, session_id, branch_only=True)
    assert parent is not None  # branch_only
    comparison = compare.compare(record, parent)
    if fmt == "md":
        text = render_markdown(debrief)
        return text.rstrip("\n") + "\n\n" + "\n".join(compare.markdown(comparison))
    page = render_html(debrief)
    return page.replace("</body>", "\n".join(compare.html(comparison)) + "\n</body>", 1)


def csv_export(store: Store, session_id: str) -> str:
    """The instructor's assessment sheet: one CSV row per human seat."""
    return sheet_csv(load_debrief(store, session_id))


def json_export(store: Store, session_id: str) -> str:
    """The store's session document (the re-importable JSON format)."""
    return json_safe(json.dumps(store.export_json(session_id), indent=2, ensure_ascii=False)) + "\n"


RENDERERS: dict[str, Renderer] = {
    "md": markdown_export, "html": html_export, "json": json_export, "csv": csv_export
}
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv"}


def render_export(store: Store, session_id: str, fmt: str) -> str:
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r} (one of: {', '.join(RENDERERS)})"
        ) from None
    return renderer(store, session_id)


def write_export(store: Store, session_id: str, fmt: str, path: Path) -> Path:
    """Write the export to ``path`` (creating its folder); return the path written."""
    text = render_export(store, session_id, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
