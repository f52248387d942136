"""Debriefs of saved sessions, and the model behind the replay screen.

Everything here reads sessions (motion + events + notes), folds them with the engine and
scores them with the scorer; nothing writes. Renderers escape all player text.

- :mod:`debate.report.debrief`: :func:`build_debrief` gathers a session into a Debrief;
- :mod:`debate.report.markdown`, :mod:`debate.report.html`: render it;
- :mod:`debate.report.exports`: ``md`` / ``html`` / ``json`` exports of a stored session;
- :mod:`debate.report.replay`, :mod:`debate.report.timeline`: cached states and scores for
  stepping through a session;
- :mod:`debate.report.example`: makes the example session in ``saves/examples/``.
"""

from debate.report.debrief import Debrief, Note, Seat, SessionRecord, build_debrief
from debate.report.html import render_html
from debate.report.markdown import render_markdown

__all__ = [
    "Debrief",
    "Note",
    "Seat",
    "SessionRecord",
    "build_debrief",
    "render_html",
    "render_markdown",
]
