"""SQLite pragmas on every connection, and light connections that cannot write synced tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.db.connection import BUSY_TIMEOUT_MS, transaction
from app.db.database import Database
from app.db.models import Visit
from app.db.tables import SYNCED_TABLES
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed transaction survives a power cut
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def _pragmas(execute: Callable[[str], object]) -> dict[str, object]:
    return {name: execute(f"PRAGMA {name}") for name in EXPECTED_PRAGMAS}


def _scalar(connection: sa.Connection) -> Callable[[str], object]:
    return lambda sql: connection.exec_driver_sql(sql).scalar()


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = db.connect()
    yield connection
    connection.close()


def test_light_connection_pragmas(conn: sqlite3.Connection) -> None:
    assert BUSY_TIMEOUT_MS >= 1000  # a second reader waits seconds, not zero
    assert _pragmas(lambda sql: conn.execute(sql).fetchone()[0]) == EXPECTED_PRAGMAS


def test_engine_connection_pragmas(db: Database) -> None:
    # Two connections at once: each new pooled connection gets the pragmas.
    with db.engine.connect() as first, db.engine.connect() as second:
        for connection in (first, second):
            assert _pragmas(_scalar(connection)) == EXPECTED_PRAGMAS


def test_session_connection_pragmas(db: Database) -> None:
    for write in (False, True):
        with db.session(write=write) as session:
            assert _pragmas(_scalar(session.connection())) == EXPECTED_PRAGMAS


def test_wal_mode_stays_in_the_file(db: Database) -> None:
    plain = sqlite3.connect(db.path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


def test_foreign_keys_are_enforced(library_db: LibraryDb) -> None:
    """A visit of a member who does not exist is refused, and nothing is written."""
    visit = Visit(
        kind="member",
        visited_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC),
        member_id="no-such-member",
        count_male=1,
    )
    with pytest.raises(sa.exc.IntegrityError), UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(visit)
    conn = library_db.db.connect()
    try:
        assert conn.execute("SELECT count(*) FROM visit").fetchone()[0] == 0
        assert (
            conn.execute("SELECT count(*) FROM outbox WHERE table_name = 'visit'").fetchone()[0]
            == 0
        )
    finally:
        conn.close()


WRITES = {
    "insert": "INSERT INTO {table} (id) VALUES ('x')",
    "update": "UPDATE {table} SET version = version + 1",
    "delete": "DELETE FROM {table}",
}


@pytest.mark.parametrize("statement", sorted(WRITES))
@pytest.mark.parametrize("table", sorted(SYNCED_TABLES))
def test_light_connection_refuses_writes_to_synced_tables(
    library_db: LibraryDb, table: str, statement: str
) -> None:
    conn = library_db.db.connect()
    try:
        before = conn.execute(f"SELECT * FROM {table}").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            conn.execute(WRITES[statement].format(table=table))
        # Reading is allowed, and nothing changed.
        assert conn.execute(f"SELECT * FROM {table}").fetchall() == before
    finally:
        conn.close()


def test_light_connection_writes_local_tables(library_db: LibraryDb) -> None:
    conn = library_db.db.connect()
    try:
        with transaction(conn):
            conn.execute("INSERT INTO setting (key, value) VALUES ('paper', '\"F4\"')")
            conn.execute("UPDATE outbox SET state = 'sending', batch_id = 'b1'")
            conn.execute("DELETE FROM setting WHERE key = 'language'")
    finally:
        conn.close()

    conn = library_db.db.connect()
    try:
        keys = {row[0] for row in conn.execute("SELECT key FROM setting")}
        states = {row[0] for row in conn.execute("SELECT state FROM outbox")}
    finally:
        conn.close()
    assert "paper" in keys
    assert "language" not in keys
    assert states == {"sending"}


def test_transaction_rolls_back_on_error(db: Database) -> None:
    conn = db.connect()
    try:
        with pytest.raises(RuntimeError), transaction(conn):
            conn.execute("INSERT INTO setting (key, value) VALUES ('paper', '\"F4\"')")
            raise RuntimeError("power cut")
        assert not conn.in_transaction
        assert conn.execute("SELECT count(*) FROM setting").fetchone()[0] == 0
    finally:
        conn.close()


def test_nested_transaction_joins_the_outer_one(db: Database) -> None:
    conn = db.connect()
    try:
        with pytest.raises(RuntimeError), transaction(conn):
            with transaction(conn):
                conn.execute("INSERT INTO setting (key, value) VALUES ('paper', '\"F4\"')")
            assert conn.in_transaction  # the inner block did not commit on its own
            raise RuntimeError("later failure")
        assert conn.execute("SELECT count(*) FROM setting").fetchone()[0] == 0
    finally:
        conn.close()
