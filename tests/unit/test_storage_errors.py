"""A save that the disk or the database refuses: a clear message, and nothing half-written.

Real SQLite throughout: a full disk is ``PRAGMA max_page_count`` (SQLite's own
``SQLITE_FULL``), a read-only database ``PRAGMA query_only`` (``SQLITE_READONLY``;
file permissions do not stop root), a locked one a write transaction held by
another connection past a short busy timeout (``SQLITE_BUSY``).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import (
    DatabaseBusy,
    DiskFull,
    DiskIOError,
    KnownError,
    StorageError,
    StorageReadOnly,
    on_storage_error,
)
from app.core.settings import Settings
from app.core.visits import VisitInput, VisitService
from app.db import connection
from app.db.database import Database, save_error, storage_error
from tests.conftest import LibraryDb

DISK_FULL = "The disk is full: the data was not saved. Free some space on the disk, then try again."
READ_ONLY = (
    "PerpusDesa may not write to the data folder {path}: the data was not saved."
    " Check that the disk is not write-protected, then try again."
)
BUSY = "The database is in use by another copy of PerpusDesa. Close it and try again."
DISK_ERROR = (
    "A disk error stopped PerpusDesa: the data was not saved. Try again; if it happens"
    " again, make a backup and ask your district facilitator to check the PC."
)

GUEST = VisitInput(
    kind="guest",
    guest_name="Ibu Sulastri Wahyuningsih",
    gender="P",
    age_band="dewasa",
    purposes=("membaca",),
)


def with_pragma(monkeypatch: pytest.MonkeyPatch, db: Database, *pragmas: str) -> None:
    """Every connection opened from now on (light or SQLAlchemy) also runs ``pragmas``."""
    monkeypatch.setattr(connection, "PRAGMAS", (*connection.PRAGMAS, *pragmas))
    db.dispose()  # the engine's pooled connections were opened without them


def counts(db: Database) -> dict[str, int]:
    """Visits, and the outbox rows and audit entries about visits."""
    conn = sqlite3.connect(db.path)
    try:
        return {
            "visit": conn.execute("SELECT count(*) FROM visit").fetchone()[0],
            "outbox": conn.execute(
                "SELECT count(*) FROM outbox WHERE table_name = 'visit'"
            ).fetchone()[0],
            "audit": conn.execute(
                "SELECT count(*) FROM audit_entry WHERE table_name = 'visit'"
            ).fetchone()[0],
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }
    finally:
        conn.close()


@pytest.fixture
def announced() -> Iterator[list[StorageError]]:
    """The storage errors the core announced (what the UI shows in a dialog)."""
    seen: list[StorageError] = []
    stop = on_storage_error(seen.append)
    yield seen
    stop()


def fill_the_disk(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch, service: VisitService
) -> tuple[int, DiskFull]:
    """Cap the database at its size, then record guests until the disk is full."""
    db = library_db.db
    conn = sqlite3.connect(db.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with_pragma(monkeypatch, db, f"PRAGMA max_page_count={pages}")
    for saved in range(500):
        try:
            service.record(GUEST, allow_repeat=True)
        except DiskFull as exc:
            return saved, exc
    raise AssertionError("500 visits fitted on a disk with no room left")


def test_a_full_disk_says_so_and_writes_nothing_of_the_visit(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch, announced: list[StorageError]
) -> None:
    service = VisitService(library_db.db, library_db.admin)
    before = counts(library_db.db)
    saved, refused = fill_the_disk(library_db, monkeypatch, service)

    assert isinstance(refused, KnownError)
    assert str(refused) == DISK_FULL
    cause = refused.__cause__
    assert cause is not None
    orig = getattr(cause, "orig", cause)
    assert isinstance(orig, sqlite3.OperationalError)
    assert orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL  # a real SQLITE_FULL
    # Every visit saved before is whole; the refused one left no visit, outbox row or audit.
    after = counts(library_db.db)
    assert after == {
        "visit": before["visit"] + saved,
        "outbox": before["outbox"] + saved,
        "audit": before["audit"] + saved,
        "integrity": "ok",
    }
    assert announced == [refused]

    # The same save again: the same message, still nothing written.
    with pytest.raises(DiskFull):
        service.record(GUEST, allow_repeat=True)
    assert counts(library_db.db) == after


def test_the_visit_saves_once_there_is_room_again(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = VisitService(library_db.db, library_db.admin)
    fill_the_disk(library_db, monkeypatch, service)
    monkeypatch.undo()  # space freed
    library_db.db.dispose()
    before = counts(library_db.db)
    service.record(GUEST, allow_repeat=True)
    after = counts(library_db.db)
    assert (after["visit"], after["outbox"], after["audit"]) == (
        before["visit"] + 1,
        before["outbox"] + 1,
        before["audit"] + 1,
    )


def test_a_read_only_database_says_so_and_writes_nothing(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch, announced: list[StorageError]
) -> None:
    before = counts(library_db.db)
    with_pragma(monkeypatch, library_db.db, "PRAGMA query_only=ON")
    service = VisitService(library_db.db, library_db.admin)
    with pytest.raises(StorageReadOnly) as refused:
        service.record(GUEST)
    assert str(refused.value) == READ_ONLY.format(path=library_db.db.data_dir)
    assert counts(library_db.db) == before
    assert announced == [refused.value]


def test_a_locked_database_says_so_and_writes_nothing(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch, announced: list[StorageError]
) -> None:
    before = counts(library_db.db)
    with_pragma(monkeypatch, library_db.db, "PRAGMA busy_timeout=100")
    other = sqlite3.connect(library_db.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing, and goes on writing
    service = VisitService(library_db.db, library_db.admin)
    try:
        with pytest.raises(DatabaseBusy) as refused:
            service.record(GUEST)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(refused.value) == BUSY
    assert counts(library_db.db) == before
    assert announced == [refused.value]
    service.record(GUEST)  # the lock is gone: the save goes through
    assert counts(library_db.db)["visit"] == before["visit"] + 1


def test_a_settings_save_on_a_light_connection_is_refused_cleanly(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch, announced: list[StorageError]
) -> None:
    """The light connection's transaction: the message, and no 'no transaction' error."""
    db = library_db.db
    conn = db.connect()
    before = Settings(conn).get("idle_lock_minutes")
    conn.execute("PRAGMA query_only=ON")
    try:
        with pytest.raises(StorageReadOnly) as refused:
            Settings(conn).set("idle_lock_minutes", int(before) + 5)
        assert not conn.in_transaction
        conn.execute("PRAGMA query_only=OFF")
        assert Settings(conn).get("idle_lock_minutes") == before
    finally:
        conn.close()
    assert str(refused.value) == READ_ONLY.format(path=db.data_dir)
    assert announced == [refused.value]


def test_a_bug_in_a_transaction_stays_a_bug(library_db: LibraryDb) -> None:
    """A constraint or an unknown table is not the disk's fault: no storage message."""
    conn = library_db.db.connect()
    try:
        with (
            pytest.raises(sqlite3.OperationalError, match="no such table"),
            connection.transaction(conn),
        ):
            conn.execute("INSERT INTO no_such_table VALUES (1)")
        assert not conn.in_transaction
    finally:
        conn.close()


def _sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        (_sqlite_error("disk I/O error", 778), DiskIOError, DISK_ERROR),  # SQLITE_IOERR_WRITE
        (_sqlite_error("database or disk is full", 13), DiskFull, DISK_FULL),
        (_sqlite_error("database is locked", 5), DatabaseBusy, BUSY),
        (OSError(errno.ENOSPC, "No space left on device"), DiskFull, DISK_FULL),
        (OSError(errno.EIO, "Input/output error"), DiskIOError, DISK_ERROR),
        (
            OSError(errno.EROFS, "Read-only file system"),
            StorageReadOnly,
            READ_ONLY.format(path="/data"),
        ),
    ],
    ids=["sqlite io error", "sqlite full", "sqlite busy", "enospc", "eio", "erofs"],
)
def test_save_errors_by_code(error: BaseException, kind: type, message: str) -> None:
    known = save_error(error, Path("/data"))
    assert isinstance(known, kind)
    assert str(known) == message


def test_not_storage_errors_are_left_alone() -> None:
    assert save_error(sqlite3.IntegrityError("UNIQUE constraint failed"), Path("/d")) is None
    assert save_error(sqlite3.DatabaseError("not authorized"), Path("/d")) is None
    assert save_error(ValueError("full"), Path("/d")) is None


def test_opening_messages_keep_their_words_and_gain_their_kind(tmp_path: Path) -> None:
    """``storage_error`` (opening a database, a backup) keeps its messages; the kind is
    now a class a caller can catch."""
    full = storage_error(OSError(errno.ENOSPC, "No space left"), tmp_path)
    assert isinstance(full, DiskFull)
    assert str(full) == f"The disk is full. Free some space on {tmp_path} and try again."
    denied = storage_error(OSError(errno.EACCES, "Permission denied"), tmp_path)
    assert isinstance(denied, StorageReadOnly)
    assert "cannot be written to" in str(denied)
