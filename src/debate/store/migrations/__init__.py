"""Alembic migrations of the store's schema, shipped inside the package.

They are run by :func:`debate.store.database.migrate`; there is no alembic.ini to edit.
"""
