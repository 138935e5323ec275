"""The server's database: the engine (SQLite tuned for safety, or PostgreSQL) and migrations.

SQLite is the embedded default (a file in the current folder, no set-up): WAL,
``synchronous=NORMAL`` (durable with WAL up to the last checkpointed commit on a
power cut, never corrupt), a busy timeout, foreign keys on, and every
transaction ``BEGIN IMMEDIATE`` so that two writers wait for each other instead
of failing. PostgreSQL through psycopg 3: ``postgresql+psycopg://...``.
Migrations (Alembic, ``sync/server/migrations``) run at every start; running
them again is harmless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from pydantic_core import from_json, to_json
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATABASE_FILE: Final = "perpusdesa-server.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else ``DATABASE_URL``, else the SQLite file here."""
    url = url or os.environ.get("DATABASE_URL")
    if url:
        if url.startswith(("postgres://", "postgresql://")):
            # Plain PostgreSQL URLs mean psycopg 3 here (SQLAlchemy would pick psycopg2).
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
    return f"sqlite:///{Path(DEFAULT_DATABASE_FILE).resolve()}"


def _json_dumps(value: Any) -> str:
    return to_json(value).decode()


# pydantic-core's JSON codec for the JSON/JSONB columns (records, roll-ups, receipts):
# several times faster than the json module the engine would use otherwise.
_JSON_CODEC: Final[dict[str, Any]] = {
    "json_serializer": _json_dumps,
    "json_deserializer": from_json,
}


def make_engine(url: str | None = None) -> Engine:
    """An engine for the server's database, SQLite pragmas set on every connection."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"timeout": 30, "check_same_thread": False}, **_JSON_CODEC
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, **_JSON_CODEC)


def migrate(engine: Engine) -> None:
    """Bring the database to the newest revision (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The engine and a session factory; ``with db.transaction() as s:`` commits or rolls back."""

    def __init__(self, url: str | None = None, *, run_migrations: bool = True) -> None:
        self.url = database_url(url)
        self.engine = make_engine(self.url)
        if run_migrations:
            migrate(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
