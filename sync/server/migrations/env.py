"""Alembic environment of the server's database: the connection comes from ``db.migrate``."""

from __future__ import annotations

from alembic import context

from sync.server.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the alembic command line, for new revisions
    from sync.server.db import make_engine

    with make_engine().begin() as connection:
        context.configure(
            connection=connection, target_metadata=Base.metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
