"""`debate serve`: the game in web browsers through textual-serve.

textual-serve starts one app process per browser tab and relays its terminal over a web
socket. Each of those processes runs :func:`served_app`: the lobby in restricted mode
(Join a game, solo practice). The database reaches them through ``$DEBATE_DB`` in their
environment, never on a command line or a page.
"""

from __future__ import annotations

import os
import shlex
import sys

from debate.commands.common import err, fail

#: What each browser tab runs (no database in it: that is in the environment).
APP_COMMAND = "from debate.commands.serving import served_app; served_app()"


def run_server(host: str, port: int, public_url: str | None, db: str | None) -> None:
    try:
        from textual_serve.server import Server
    except ImportError:
        fail("debate serve needs textual-serve: pip install 'debate-guarantees[web]'")
    from debate.store import StoreError, open_store

    if db:
        os.environ["DEBATE_DB"] = db  # inherited by every app process
    try:
        open_store(db).close()  # create or upgrade it once, before the first tab opens
    except StoreError as e:
        fail(e.message, code=e.exit_code)
    command = shlex.join([sys.executable, "-c", APP_COMMAND])
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"[yellow]warning:[/] listening on {host}: anyone who can reach this port can join "
            "with a code (see docs/seminar.md for a reverse proxy with TLS)"
        )
    Server(command, host=host, port=port, title="Guarantees", public_url=public_url).serve()


def served_app() -> None:
    """One browser tab's app: restricted mode, database from ``$DEBATE_DB``."""
    from debate.tui import create_app

    create_app(db_url=os.environ.get("DEBATE_DB") or None, restricted=True).run()
