"""The debrief's Markdown export, through the report module once it is installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Exporter = Callable[[Any, str], str]


def markdown_exporter() -> Exporter | None:
    """``(store, session_id) -> markdown``, or None if the report module is missing."""
    try:
        from debate.report.debrief import build_debrief
        from debate.report.markdown import render_markdown
        from debate.report.saved import load_parent, load_record
    except ImportError:
        return None

    def export(store: Any, session_id: str) -> str:
        record = load_record(store, session_id)
        return render_markdown(build_debrief(record, parent=load_parent(store, record)))

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
