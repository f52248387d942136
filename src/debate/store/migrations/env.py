"""Alembic environment: always runs on a connection the store has already opened and
locked (``config.attributes["connection"]``), inside the store's own transaction."""

from __future__ import annotations

from alembic import context

from debate.store.tables import STORE_METADATA, VERSION_TABLE


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through debate.store.database.migrate()")
    context.configure(
        connection=connection,
        target_metadata=STORE_METADATA,
        version_table=VERSION_TABLE,
        # SQLite cannot ALTER most things: rebuild tables through "batch" operations.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # run by Alembic; importing this module elsewhere does nothing
    run_migrations()
