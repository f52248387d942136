"""Reusable panels of the debate table. Each takes engine state (and scores) and renders it;
the replay screen reuses them at any point of a session."""

from debate.tui.widgets.action_bar import ActionBar
from debate.tui.widgets.brief import BriefPanel
from debate.tui.widgets.package import PackagePanel
from debate.tui.widgets.scoreboard import Scoreboard
from debate.tui.widgets.status import StatusLine
from debate.tui.widgets.transcript import Transcript

__all__ = ["ActionBar", "BriefPanel", "PackagePanel", "Scoreboard", "StatusLine", "Transcript"]
