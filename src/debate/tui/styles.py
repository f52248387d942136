"""Where the app's one stylesheet lives.

``app.tcss`` is attached to every screen class but the lobby (``CSS_PATH = APP_TCSS``):
Textual reads it once, when the first such screen opens, so the lobby (styled by its own
few rules) appears without waiting for the whole stylesheet to be parsed. A command that
opens a screen at once (``debate play MOTION``, ``debate replay ID``) gives it to the app
from the start instead (``DebateApp``'s ``css_path``): added when that screen is pushed, it
would make Textual parse every stylesheet again and restyle every widget.
"""

from __future__ import annotations

from pathlib import Path

APP_TCSS = str(Path(__file__).with_name("app.tcss"))
