"""Schema upgrades through Alembic, the only way the schema is created or changed.

A library's database already stamped with an older revision (a newer version of
the program opening an older library) is backed up before it is migrated
(``app.core.upgrade``: ``backups/before-upgrade`` in the data folder); if that
backup fails, the database is left as it was and the error goes to the caller.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from app.db.tables import SEARCH_TABLES

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = alembic_config()
    _backup_if_older(engine, revision)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        before = _stamped(conn)
        command.upgrade(config, revision)
        if _stamped(conn) != before:
            rebuild_search_indexes(conn)


def _backup_if_older(engine: Engine, revision: str) -> None:
    """Back up a library database stamped with a revision other than ``revision``."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return
    with engine.connect() as conn:
        stamped = _stamped(conn)
    target = head_revision() if revision == "head" else revision
    if stamped is None or stamped == target:
        return
    from app.core.upgrade import backup_before_upgrade_of

    backup_before_upgrade_of(Path(database), stamped, target)


def _stamped(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def rebuild_search_indexes(conn: Connection) -> None:
    """Rebuild the full-text indexes from their tables.

    They are keyed on SQLite's implicit rowid, which a migration that rebuilds a
    table (or a VACUUM) may renumber; rebuilding after every schema change
    keeps search right whatever a migration did.
    """
    for table in sorted(SEARCH_TABLES):
        if inspect(conn).has_table(table):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
