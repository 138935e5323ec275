"""Receipts on the PC's outbox: a refusal covers the record's later rows in its own bundle,
and no further (a later bundle may carry the corrected record); a record changed on the PC
after the server's version of it goes again above that version."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.core.clock import from_db
from app.db.connection import transaction
from app.db.database import Database
from app.db.uow import SYSTEM, UnitOfWork
from sync import outbox
from sync.protocol import Counts, Receipt, RecordResult
from tests.conftest import LibraryDb

DEVICE, EPOCH = str(uuid.uuid4()), str(uuid.uuid4())


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = db.connect()
    yield connection
    connection.close()


def _row(conn: sqlite3.Connection, kind: str, record_id: str, version: int) -> int:
    cursor = conn.execute(
        "INSERT INTO outbox (table_name, record_id, version, op, created_at, state)"
        " VALUES (?, ?, ?, 'update', '2026-11-26 10:00:00.000000', 'pending')",
        (kind, record_id, version),
    )
    conn.commit()
    return int(cursor.lastrowid or 0)


def _receipt(
    seq_from: int, seq_to: int, refused: tuple[str, ...] = (), held: tuple[RecordResult, ...] = ()
) -> Receipt:
    return Receipt(
        batch_id=str(uuid.uuid4()),
        device_id=DEVICE,
        db_epoch=EPOCH,
        seq_from=seq_from,
        seq_to=seq_to,
        received_at=datetime.now(UTC),
        counts=Counts(inserted=1, rejected=len(refused)),
        results=[
            RecordResult(
                kind="member", id=i, status="rejected", code="invalid_record", message="wrong"
            )
            for i in refused
        ]
        + list(held),
        high_water=seq_to,
    )


def _states(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute("SELECT seq, state FROM outbox ORDER BY seq").fetchall())


def test_a_refusal_covers_the_records_later_rows_in_its_own_bundle_only(
    conn: sqlite3.Connection,
) -> None:
    x, y = str(uuid.uuid4()), str(uuid.uuid4())
    first = _row(conn, "member", x, 3)  # bundle 1, batch A: carries X at version 3
    later = _row(conn, "member", x, 4)  # ...a row of X in batch B of the same bundle
    other = _row(conn, "member", y, 1)
    # Bundle 1: A refuses X; B leaves X out (carried in A already).
    with conn:
        synced, refused = outbox.apply_bundle_receipts(
            conn, [_receipt(first, first, (x,)), _receipt(later, other)]
        )
    assert _states(conn) == {first: "rejected", later: "rejected", other: "synced"}
    assert (synced, [(r.kind, r.id) for r in refused]) == (1, [("member", x)])

    # X corrected: bundle 2 carries it at version 5 and the server takes it.
    fixed = _row(conn, "member", x, 5)
    with conn:
        synced, refused = outbox.apply_bundle_receipts(conn, [_receipt(fixed, fixed)])
    assert _states(conn)[fixed] == "synced" and (synced, refused) == (1, [])
    assert outbox.rejected_records(conn) == []

    # Bundle 1's receipts again (its rows settled already): nothing marked, nothing listed.
    with conn:
        synced, refused = outbox.apply_bundle_receipts(
            conn, [_receipt(first, first, (x,)), _receipt(later, other)]
        )
    assert (synced, refused) == (0, [])


def test_a_record_changed_here_after_the_servers_version_goes_again_above_it(
    library_db: LibraryDb,
) -> None:
    db = library_db.db
    conn = db.connect()
    try:
        record_id, version, updated = conn.execute(
            "SELECT id, version, updated_at FROM library"
        ).fetchone()
        changed = from_db(updated)
        assert changed is not None
        seq = outbox.max_seq(conn)

        def differs(made: datetime, held: int = version) -> Receipt:
            result = RecordResult(
                kind="library",
                id=record_id,
                status="unchanged",
                code="differs",
                message="the server has version 1 with other content",
                server_version=held,
                server_updated_at=made,
            )
            return _receipt(seq, seq, held=(result,))

        def newer_rows() -> list[tuple[int, str]]:
            return [
                (int(row[0]), str(row[1]))
                for row in conn.execute(
                    "SELECT version, state FROM outbox WHERE record_id = ? AND op = 'newer'",
                    (record_id,),
                )
            ]

        # The server's version was made after the PC's change: the server's is the newer.
        with transaction(conn):
            assert outbox.apply_receipt(conn, differs(changed + timedelta(seconds=1)))[2] == 0
        assert newer_rows() == []
        # Made before it: a row to send above the server's version, once.
        for times in (1, 0):
            with transaction(conn):
                assert outbox.apply_receipt(conn, differs(changed - timedelta(days=1)))[2] == times
        assert newer_rows() == [(version + 1, "pending")]
        # The record itself takes that version in a unit of work (before batches are made).
        with UnitOfWork(db, SYSTEM) as uow:
            assert outbox.raise_versions(uow.dbapi_connection()) == 1
        assert conn.execute("SELECT version FROM library").fetchone()[0] == version + 1
        # Above the server's version now: a late receipt of the old one changes nothing.
        with transaction(conn):
            assert outbox.apply_receipt(conn, differs(changed - timedelta(days=1)))[2] == 0
        assert newer_rows() == [(version + 1, "pending")]
    finally:
        conn.close()
