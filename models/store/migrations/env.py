"""Alembic's entry point for the workspace schema: migrates the connection handed over in
``config.attributes["connection"]`` (see :mod:`models.store.migrate`), in that connection's
transaction."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from models.store.schema import metadata


def run() -> None:
    """Run the pending revisions on the caller's connection (there is no offline mode)."""
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, sa.Connection):
        raise RuntimeError("the workspace migrations run on a connection passed in "
                           "config.attributes['connection']")
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=True, transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()


def _in_migration() -> bool:
    """Whether Alembic is running this file (rather than a tool that imports every module)."""
    try:
        return context.config is not None
    except AttributeError:  # no migration context: the proxy has no config
        return False


if _in_migration():
    run()
