"""Where the app's one stylesheet lives.

``app.tcss`` is attached to every screen class but the lobby (``CSS_PATH = APP_TCSS``):
Textual reads it once, when the first such screen opens, so the lobby (styled by its own
few rules) appears without waiting for the whole stylesheet to be parsed.
"""

from __future__ import annotations

from pathlib import Path

APP_TCSS = str(Path(__file__).with_name("app.tcss"))
