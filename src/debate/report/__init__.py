"""Debriefs of saved sessions, and the model behind the replay screen.

Everything here reads sessions (motion + events + notes), folds them with the engine and
scores them with the scorer; nothing writes. Renderers escape all player text.

- :mod:`debate.report.debrief`: :func:`build_debrief` gathers a session into a Debrief;
- :mod:`debate.report.markdown`, :mod:`debate.report.html`: render it;
- :mod:`debate.report.exports`: ``md`` / ``html`` / ``json`` exports of a stored session;
- :mod:`debate.report.replay`: cached states and scores for
  stepping through a session;
- :mod:`debate.report.example`: makes the example session in ``saves/examples/``.
"""

# Nothing is imported here: the game loads one report module (say, timeline) without
# paying for the HTML and Markdown renderers at start-up.
