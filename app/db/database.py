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

from app.core.errors import DatabaseBusy, DiskFull, DiskIOError, StorageError, StorageReadOnly
from app.core.text import QT_TRANSLATE_NOOP
from app.db import connection
from app.db.tables import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

DB_FILENAME = "perpusdesa.sqlite3"

Connection = sqlite3.Connection  # what Database.connect() returns


# SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode & 0xFF``).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = (
    10,
    11,
    13,
    14,
    26,
)
_KIND_OF_CODE = {
    _SQLITE_FULL: "full",
    _SQLITE_READONLY: "readonly",
    _SQLITE_PERM: "readonly",
    _SQLITE_BUSY: "busy",
    _SQLITE_LOCKED: "busy",
    _SQLITE_IOERR: "io",
    _SQLITE_CANTOPEN: "io",
    _SQLITE_CORRUPT: "damaged",
    _SQLITE_NOTADB: "damaged",
}
_KIND_OF_ERRNO = {
    errno.ENOSPC: "full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "full",
    errno.EACCES: "readonly",
    errno.EPERM: "readonly",
    errno.EROFS: "readonly",
    # ENOTDIR/EEXIST: the folder chosen lies under, or is, a file.
    errno.ENOTDIR: "readonly",
    errno.EEXIST: "readonly",
    errno.EIO: "io",
}
_CLASS_OF_KIND: dict[str, type[StorageError]] = {
    "full": DiskFull,
    "readonly": StorageReadOnly,
    "busy": DatabaseBusy,
    "io": DiskIOError,
    "damaged": StorageError,
}

# What a librarian reads when a save of the running program fails.
_SAVE_MESSAGES = {
    "full": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The disk is full: the data was not saved. Free some space on the disk, then try again.",
    ),
    "readonly": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "PerpusDesa may not write to the data folder {path}: the data was not saved."
        " Check that the disk is not write-protected, then try again.",
    ),
    # The same words as when the database is opened: the kiosk shows them too.
    "busy": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The database is in use by another copy of PerpusDesa. Close it and try again.",
    ),
    "io": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "A disk error stopped PerpusDesa: the data was not saved. Try again; if it happens"
        " again, make a backup and ask your district facilitator to check the PC.",
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The database file {path} is damaged. Restore it from a backup.",
    ),
}


def _kind(exc: BaseException) -> str | None:
    """'full', 'readonly', 'busy', 'io' or 'damaged'; None for anything else (a bug)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):  # SQLite said what it was: its words may be anyone's
        return _KIND_OF_CODE.get(code & 0xFF)
    err_no = getattr(exc, "errno", None)
    if err_no in _KIND_OF_ERRNO:
        return _KIND_OF_ERRNO[err_no]
    text = str(exc).lower()  # an error without a code: its words
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "locked" in text or "busy" in text:
        return "busy"
    if "disk i/o error" in text:
        return "io"
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return "damaged"
    return None


def save_error(exc: BaseException, path: Path) -> StorageError | None:
    """The message for a save of the running program that the disk or the database refused.

    ``exc``: a ``sqlite3`` error, SQLAlchemy's wrapper of one, or an ``OSError``;
    ``path``: the data folder. None if ``exc`` is not such a failure (a bug).
    """
    known, _candidate, kind = _classify(exc)
    if known is not None or kind is None:
        return known
    return _CLASS_OF_KIND[kind](_SAVE_MESSAGES[kind], path=str(path))


def _classify(exc: BaseException) -> tuple[StorageError | None, BaseException, str | None]:
    """(the StorageError ``exc`` already is, the sqlite3 or OS error inside, its kind or None)."""
    candidate = getattr(exc, "orig", exc)  # SQLAlchemy wraps the sqlite3 error
    if isinstance(candidate, StorageError):
        return candidate, candidate, None
    if not isinstance(candidate, sqlite3.Error | OSError):
        return None, candidate, None
    return None, candidate, _kind(candidate)


def as_storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """A StorageError if ``exc`` is a disk or database failure the user can act on.

    For an error that escaped to the error hook (saves are translated where they
    happen, by :func:`save_error`): the messages of :func:`storage_error`.
    """
    known, candidate, kind = _classify(exc)
    if known is not None or kind is None:
        return known
    return save_error(candidate, path) if kind == "io" else storage_error(candidate, path)


def storage_error(exc: BaseException, path: Path) -> StorageError:
    """Translate an OS or SQLite failure (opening a database, a backup) into a clear message."""
    kind = _kind(exc)
    if kind == "full":
        return DiskFull(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The disk is full. Free some space on {path} and try again."
            ),
            path=str(path),
        )
    if kind == "readonly":
        return StorageReadOnly(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The data folder {path} cannot be written to. Choose another folder."
            ),
            path=str(path),
        )
    if kind == "busy":
        return DatabaseBusy(_SAVE_MESSAGES["busy"])
    if kind == "damaged":
        return StorageError(_SAVE_MESSAGES["damaged"], path=str(path))
    return (DiskIOError if kind == "io" else StorageError)(
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
