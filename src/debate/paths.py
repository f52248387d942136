"""Where this user's games are saved by default (light: no database library imported).

One database per user, in the platform's user data directory (platformdirs), so that
Continue finds the same games whatever folder ``debate`` is started from.
``$DEBATE_DATA_DIR`` overrides the directory (tests, portable installs); the cache (files
the program can always rebuild) then lives in its ``cache`` folder.

>>> import os
>>> saved = os.environ.get(DATA_DIR_ENV)
>>> os.environ[DATA_DIR_ENV] = "/tmp/debate-data"
>>> str(default_db_path()), str(cache_dir())
('/tmp/debate-data/debate.db', '/tmp/debate-data/cache')
>>> if saved is None: del os.environ[DATA_DIR_ENV]
... else: os.environ[DATA_DIR_ENV] = saved
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable overriding the per-user data directory.
DATA_DIR_ENV = "DEBATE_DATA_DIR"
#: File name of the default database inside the data directory.
DEFAULT_DB_NAME = "debate.db"
APP_NAME = "debate-guarantees"


def data_dir() -> Path:
    """``$DEBATE_DATA_DIR``, else the user data directory (``~/.local/share/
    debate-guarantees`` on Linux, ``~/Library/Application Support/...`` on macOS)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The default database file (not created here)."""
    return data_dir() / DEFAULT_DB_NAME


def cache_dir() -> Path:
    """``$DEBATE_DATA_DIR/cache``, else the user cache directory (``~/.cache/
    debate-guarantees`` on Linux): what is kept only to go faster (not created here)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser().absolute() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
