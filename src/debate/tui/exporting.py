"""The debrief's Markdown export, through the report module once it is installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Exporter = Callable[[Any, str], str]


def markdown_exporter() -> Exporter | None:
    """``(store, session_id) -> markdown``, or None if the report module is missing."""
    try:
        from debate.report.markdown import render_markdown
        from debate.report.saved import load_debrief
    except ImportError:
        return None

    def export(store: Any, session_id: str) -> str:
        return render_markdown(load_debrief(store, session_id))

    return export


def export_markdown(store: Any, session_id: str, directory: Path) -> Path:
    """Write the session's debrief to ``directory/<session id>.md`` and return the path."""
    exporter = markdown_exporter()
    if exporter is None:
        raise RuntimeError("the Markdown export is not installed")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"debrief-{session_id}.md"
    path.write_text(exporter(store, session_id), encoding="utf-8")
    return path
