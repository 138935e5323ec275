"""SQLite connections: the pragmas every connection gets, and light connections.

Every connection, whether SQLAlchemy's or a light ``sqlite3`` one used for fast
start-up reads, goes through :func:`apply_pragmas`:

* ``journal_mode=WAL``: readers never block the writer;
* ``synchronous=FULL``: a committed transaction survives a power cut (in WAL
  mode NORMAL could lose the last commits when the power goes);
* ``foreign_keys=ON`` and a ``busy_timeout`` so a second reader waits instead
  of failing.

Light connections additionally refuse any write to a synced table (SQLite
authorizer): synced records are written only by ``app.db.uow.UnitOfWork``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.db.tables import SYNCED_TABLES

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(dbapi_connection: sqlite3.Connection) -> None:
    """Set the pragmas on a fresh DB-API connection (outside any transaction)."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


_WRITE_ACTIONS = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}


def _refuse_synced_writes(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
    if action in _WRITE_ACTIONS and arg1 in SYNCED_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """A light ``sqlite3`` connection in autocommit mode, with the pragmas.

    Use :func:`transaction` around writes (local-only tables only).
    """
    if readonly:
        conn = sqlite3.connect(
            f"file:{Path(path).as_posix()}?mode=ro", uri=True, isolation_level=None
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    apply_pragmas(conn) if not readonly else conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.set_authorizer(_refuse_synced_writes)
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception.

    A full disk, a read-only or locked database or a disk error is raised as a
    :class:`~app.core.errors.StorageError` with the librarian's message.

    If the connection is already inside a transaction (for example one lent by
    a unit of work), the caller's transaction is used as it is.
    """
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite rolls back by itself after some errors
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except (sqlite3.Error, OSError) as exc:
        _raise_storage_error(exc, Path(_database_file(conn)).parent)
        raise


def _database_file(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return "."
    return str(row[2]) if row is not None and row[2] else "."


def _raise_storage_error(exc: BaseException, data_dir: Path) -> None:
    """A full disk, a read-only or locked database or a disk error: the librarian's message."""
    from app.core.errors import announce
    from app.db.database import save_error  # app.db.database imports this module

    known = save_error(exc, data_dir)
    if known is not None:
        raise announce(known) from exc
