"""One library's database file: light connections, the SQLAlchemy engine, migrations.

Start-up reads (the user list, the library's name, the home page) use light
``sqlite3`` connections so that the window opens before SQLAlchemy (~0.3 s to
import on an old PC) is loaded; the engine is created on first use.
"""

from __future__ import annotations

import errno
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import StorageError
from app.core.text import QT_TRANSLATE_NOOP
from app.db import connection
from app.db.tables import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

DB_FILENAME = "perpusdesa.sqlite3"

Connection = sqlite3.Connection  # what Database.connect() returns


def as_storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """A StorageError if ``exc`` is a disk or database failure the user can act on."""
    candidate = getattr(exc, "orig", exc)  # SQLAlchemy wraps the sqlite3 error
    if not isinstance(candidate, sqlite3.Error | OSError):
        return None
    known = storage_error(candidate, path)
    return None if known.params.get("reason") is not None else known


def storage_error(exc: BaseException, path: Path) -> StorageError:
    """Translate an OS or SQLite failure into a message the librarian can act on."""
    text = str(exc).lower()
    err_no = getattr(exc, "errno", None)
    if err_no == errno.ENOSPC or "full" in text:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The disk is full. Free some space on {path} and try again."
            ),
            path=str(path),
        )
    if (
        # ENOTDIR/EEXIST: the folder chosen lies under, or is, a file.
        err_no in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST)
        or "readonly" in text
        or "read-only" in text
    ):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The data folder {path} cannot be written to. Choose another folder."
            ),
            path=str(path),
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The database is in use by another copy of PerpusDesa. Close it and try again.",
            )
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The database file {path} is damaged. Restore it from a backup.",
            ),
            path=str(path),
        )
    return StorageError(
        QT_TRANSLATE_NOOP("PerpusDesa", "The database {path} could not be opened: {reason}"),
        path=str(path),
        reason=str(exc),
    )


class Database:
    """The SQLite database of one library (one data folder)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_FILENAME

    # --- light connections ---------------------------------------------------

    def exists(self) -> bool:
        return self.path.is_file() and self.path.stat().st_size > 0

    def connect(self) -> sqlite3.Connection:
        """A light connection (autocommit; synced tables read-only)."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            return connection.connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise storage_error(exc, self.data_dir) from exc

    def revision(self, conn: sqlite3.Connection | None = None) -> str | None:
        """The schema revision stamped in the file, or None for an empty database.

        ``conn``: an open connection to this database to read it with (start-up
        saves opening one more); otherwise a read-only connection is opened.
        """
        if conn is None and not self.exists():
            return None
        try:
            reader = conn if conn is not None else connection.connect(self.path, readonly=True)
            try:
                row = reader.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).fetchone()
                if row is None:
                    return None
                row = reader.execute("SELECT version_num FROM alembic_version").fetchone()
                return None if row is None else str(row[0])
            finally:
                if reader is not conn:
                    reader.close()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc

    def is_current(self, conn: sqlite3.Connection | None = None) -> bool:
        return self.revision(conn) == HEAD_REVISION

    def upgrade(self) -> None:
        """Create or migrate the schema to the newest revision (Alembic)."""
        from app.db.migrate import upgrade

        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            upgrade(self.engine)
        except (OSError, sqlite3.Error) as exc:
            raise storage_error(exc, self.data_dir) from exc
        except Exception as exc:  # SQLAlchemy wraps sqlite3 errors
            orig = getattr(exc, "orig", None)
            if isinstance(orig, sqlite3.Error):
                raise storage_error(orig, self.data_dir) from exc
            raise

    def ensure_schema(self) -> None:
        if not self.is_current():
            self.upgrade()

    # --- SQLAlchemy ----------------------------------------------------------

    @cached_property
    def engine(self) -> Engine:
        from sqlalchemy import create_engine, event

        engine = create_engine(f"sqlite:///{self.path}")

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, decide where transactions begin.
            dbapi_connection.isolation_level = None
            connection.apply_pragmas(dbapi_connection)

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine

    def session(self, *, write: bool = False) -> Session:
        """A plain session; synced records are written only through UnitOfWork."""
        from sqlalchemy.orm import Session

        bind = self.engine.execution_options(write=True) if write else self.engine
        return Session(bind=bind, expire_on_commit=False)

    def dispose(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()
            del self.__dict__["engine"]
