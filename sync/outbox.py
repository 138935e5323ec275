"""The outbox as the sync sees it: rows become batches, receipts become row states.

Every change of a synced record left one outbox row (``app.db.uow``), numbered
by ``seq`` in commit order. A batch covers a contiguous range ``seq_from ..
seq_to`` and carries the CURRENT state of each record that has a row in the
range still to send (``pending`` or ``sending``), once, whatever the number of
its rows; rows already ``synced`` or ``rejected`` inside the range are skipped
but covered, so the server's high-water mark stays contiguous.

Row states: ``pending`` (not sent), ``sending`` (in a batch whose receipt has
not come back: the batch id is on the row, and the same batch is sent again
after a cut or a crash), ``synced`` and ``rejected`` (``error`` holds the
receipt's code). A receipt is recorded in ONE transaction with the rows it
marks, so a crash leaves either the old states or the new ones.

These functions take a light ``sqlite3`` connection (``Database.connect()``):
the outbox is a local table, which it may write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.clock import to_db, utcnow
from app.db.connection import transaction
from sync.protocol import RECORD_KINDS, Receipt, Record, RecordResult
from sync.records import parse_time, read_records

STATES = ("pending", "sending", "synced", "rejected")
OPEN = ("pending", "sending")
_FETCH = 2000
_MAX_VERSION = 2**31 - 1  # the server's version column: a 32-bit integer


@dataclass(frozen=True)
class PlannedBatch:
    """A range of the outbox and the records to send for it."""

    seq_from: int
    seq_to: int
    records: list[Record]
    rows: int  # rows to send in the range (pending or sending)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per state (every state present, 0 if none)."""
    found = dict.fromkeys(STATES, 0)
    for state, number in conn.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        found[str(state)] = int(number)
    return found


def max_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()[0])


def open_records(conn: sqlite3.Connection, seq_from: int = 1) -> int:
    """How many distinct records have rows still to send from ``seq_from`` on."""
    row = conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT table_name, record_id FROM outbox"
        " WHERE seq >= ? AND state IN ('pending', 'sending'))",
        (seq_from,),
    ).fetchone()
    return int(row[0])


def plan_batch(
    conn: sqlite3.Connection,
    seq_from: int,
    max_records: int,
    *,
    upto: int | None = None,
    covered: dict[tuple[str, str], int] | None = None,
) -> PlannedBatch | None:
    """The next batch from ``seq_from``: at most ``max_records`` distinct records.

    The range ends at the last row taken; when every row up to ``upto`` (default:
    the highest seq) fits, it ends at ``upto``, covering trailing synced rows. None
    when ``seq_from`` is past the end. ``covered``: (kind, id) -> a version an
    earlier batch of the same bundle carried; rows up to it are skipped.
    """
    last = max_seq(conn) if upto is None else upto
    if seq_from > last:
        return None
    keys: dict[tuple[str, str], None] = {}
    rows = 0
    seq_to = last
    cursor = conn.execute(
        "SELECT seq, table_name, record_id, state, version FROM outbox"
        " WHERE seq BETWEEN ? AND ? ORDER BY seq",
        (seq_from, last),
    )
    full = False
    while not full and (chunk := cursor.fetchmany(_FETCH)):
        for seq, table, record_id, state, version in chunk:
            if state not in OPEN:
                continue
            key = (str(table), str(record_id))
            if covered is not None and covered.get(key, 0) >= version:
                continue
            if key not in keys and len(keys) >= max_records:
                seq_to = int(seq) - 1
                full = True
                break
            keys[key] = None
            rows += 1
    cursor.close()
    return PlannedBatch(seq_from, seq_to, load_records(conn, keys), rows)


def plan_range(conn: sqlite3.Connection, seq_from: int, seq_to: int) -> PlannedBatch:
    """The batch for a fixed range (a batch sent again under its own id)."""
    keys: dict[tuple[str, str], None] = {}
    rows = 0
    for table, record_id in conn.execute(
        "SELECT table_name, record_id FROM outbox WHERE seq BETWEEN ? AND ?"
        " AND state IN ('pending', 'sending') ORDER BY seq",
        (seq_from, seq_to),
    ):
        keys[(str(table), str(record_id))] = None
        rows += 1
    return PlannedBatch(seq_from, seq_to, load_records(conn, keys), rows)


def load_records(conn: sqlite3.Connection, keys: Iterable[tuple[str, str]]) -> list[Record]:
    """The current state of these records, parents' kinds first, in outbox order within a kind."""
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in keys:
        by_kind.setdefault(kind, []).append(record_id)
    records: list[Record] = []
    for kind in RECORD_KINDS:
        ids = by_kind.get(kind)
        if not ids:
            continue
        found = read_records(conn, kind, ids)
        records += [found[record_id] for record_id in ids if record_id in found]
    return records


def mark_sending(conn: sqlite3.Connection, batch_id: str, seq_from: int, seq_to: int) -> None:
    """Put the batch's rows in ``sending`` under its id (inside the caller's transaction)."""
    conn.execute(
        "UPDATE outbox SET state = 'sending', batch_id = ? WHERE seq BETWEEN ? AND ?"
        " AND state IN ('pending', 'sending')",
        (batch_id, seq_from, seq_to),
    )


def unmark_sending(conn: sqlite3.Connection, seq_from: int, seq_to: int) -> None:
    """Back to ``pending`` (a batch that will go again smaller or under another id)."""
    conn.execute(
        "UPDATE outbox SET state = 'pending', batch_id = NULL WHERE seq BETWEEN ? AND ?"
        " AND state = 'sending'",
        (seq_from, seq_to),
    )


def apply_receipt(
    conn: sqlite3.Connection, receipt: Receipt, sent: Iterable[Record] = ()
) -> tuple[int, int, int]:
    """Mark the rows a receipt covers (inside the caller's transaction): (synced, rejected,
    records to go again above the server's version, :func:`send_newer_again`).

    Rows of a record the server rejected become ``rejected`` with the code in
    ``error``; the other rows still open in the range become ``synced`` (a stale
    record is on the server at a newer version already). ``sent``: the records
    the batch carried; a later row of one of them at a version not above the
    one sent is on the server too, and is marked so that the next batch does
    not carry the record again; for a rejected one, such a later row already
    marked synced (by a batch that left the record out for this one) is
    rejected too.
    """
    sent = list(sent)
    rejected_ids = {(r.kind, r.id) for r in receipt.results if r.status == "rejected"}
    ahead = [
        (record.version, record.kind, record.id, receipt.seq_to)
        for record in sent
        if (record.kind, record.id) not in rejected_ids
    ]
    if ahead:
        conn.executemany(
            "UPDATE outbox SET state = 'synced', error = NULL WHERE version <= ?"
            " AND table_name = ? AND record_id = ? AND seq > ? AND state = 'pending'",
            ahead,
        )
    rejected = 0
    carried: dict[tuple[str, str], int] = {(r.kind, r.id): r.version for r in sent}
    for result in receipt.results:
        if result.status != "rejected":
            continue
        rejected += conn.execute(
            "UPDATE outbox SET state = 'rejected', error = ? WHERE seq BETWEEN ? AND ?"
            " AND table_name = ? AND record_id = ? AND state IN ('pending', 'sending')",
            (result.code, receipt.seq_from, receipt.seq_to, result.kind, result.id),
        ).rowcount
        version = carried.get((result.kind, result.id))
        if version is not None:
            # A later row of the record that a batch after this one marked synced without
            # carrying it (this batch had it; then this batch was halved and sent again):
            # its change is in the refused version, so it is refused with it.
            rejected += conn.execute(
                "UPDATE outbox SET state = 'rejected', error = ? WHERE seq > ?"
                " AND table_name = ? AND record_id = ? AND version <= ? AND state = 'synced'",
                (result.code, receipt.seq_to, result.kind, result.id, version),
            ).rowcount
    synced = conn.execute(
        "UPDATE outbox SET state = 'synced', error = NULL WHERE seq BETWEEN ? AND ?"
        " AND state IN ('pending', 'sending')",
        (receipt.seq_from, receipt.seq_to),
    ).rowcount
    return synced, rejected, send_newer_again(conn, receipt.results)


def send_newer_again(conn: sqlite3.Connection, results: Iterable[RecordResult]) -> int:
    """Records the server holds at a version this PC reached too (or a higher one), that
    the PC changed after the server's version was made: each gets a ``pending`` row at
    the version above the server's (op ``newer``), inside the caller's transaction (the
    receipt's); their number. :func:`raise_versions` then gives the records that version,
    so that they go again above it.

    That version was made twice: by this PC before a restore from a backup (or a copy of
    its database file put back) took the record back, and again after it; or by two PCs
    of the library. The later change wins, by the device clocks' times of the two
    changes: after a restore both are this PC's clock, which is why neither is moved
    (by the skew measured against the server, say: that would misjudge exactly this
    case). Two PCs' clocks may disagree; the Sinkronisasi page warns of a PC whose
    clock is off. A record changed before the server's version was made is left as it
    is: the server's is the newer one.
    """
    again = 0
    for result in results:
        held, made = result.server_version, result.server_updated_at
        # The kind names a table: only a kind the protocol knows.
        if held is None or made is None or result.kind not in RECORD_KINDS:
            continue
        row = conn.execute(
            f"SELECT version, updated_at FROM {result.kind} WHERE id = ?", (result.id,)
        ).fetchone()
        if row is None or int(row[0]) > held or held >= _MAX_VERSION:
            continue  # gone, or changed again since: that change goes above the server's
        changed = parse_time(row[1])
        if changed is None or changed <= made:
            continue
        if conn.execute(
            "SELECT 1 FROM outbox WHERE table_name = ? AND record_id = ? AND op = 'newer'"
            " AND version > ? AND state = 'pending' LIMIT 1",
            (result.kind, result.id, held),
        ).fetchone():
            continue  # another batch's receipt found it first
        conn.execute(
            "INSERT INTO outbox (table_name, record_id, version, op, created_at, state)"
            " VALUES (?, ?, ?, 'newer', ?, 'pending')",
            (result.kind, result.id, held + 1, to_db(utcnow())),
        )
        again += 1
    return again


def open_keys(conn: sqlite3.Connection, seq_from: int, seq_to: int) -> set[tuple[str, str]]:
    """The records with a row of the range still to send (pending or sending)."""
    return {
        (str(kind), str(record_id))
        for kind, record_id in conn.execute(
            "SELECT DISTINCT table_name, record_id FROM outbox WHERE seq BETWEEN ? AND ?"
            " AND state IN ('pending', 'sending')",
            (seq_from, seq_to),
        )
    }


def newer_keys(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """The records to send again above the server's version (a pending row of op newer)."""
    return {
        (str(kind), str(record_id))
        for kind, record_id in conn.execute(
            "SELECT DISTINCT table_name, record_id FROM outbox"
            " WHERE op = 'newer' AND state = 'pending'"
        )
    }


def raise_versions(conn: sqlite3.Connection) -> int:
    """Give each record with a ``pending`` row of op ``newer`` that row's version, where
    its own is lower (on a unit of work's connection: synced tables are written); the
    number of records raised. Run before batches are made: a record still below would go
    at a version the server has."""
    raised = 0
    rows = conn.execute(
        "SELECT table_name, record_id, max(version) FROM outbox"
        " WHERE op = 'newer' AND state = 'pending' GROUP BY table_name, record_id"
    ).fetchall()
    for table, record_id, version in rows:
        if table in RECORD_KINDS:
            raised += conn.execute(
                f"UPDATE {table} SET version = ? WHERE id = ? AND version < ?",
                (version, record_id, version),
            ).rowcount
    return raised


def apply_bundle_receipts(
    conn: sqlite3.Connection, receipts: Iterable[Receipt]
) -> tuple[int, list[RecordResult]]:
    """Mark the rows the receipts of ONE bundle's batches cover, in the batches' order
    (inside the caller's transaction): (rows synced, the refusals that marked rows).

    A bundle carries each record once, at its latest version, in the batch of its first
    open row: where the server refused it, its later rows (in later batches' ranges) are
    refused with it, not marked synced. A refusal of rows already settled otherwise (an
    online sync sent them first) marks nothing and is not returned.
    """
    refused: dict[tuple[str, str], RecordResult] = {}
    marked: dict[tuple[str, str], RecordResult] = {}
    synced = 0
    for receipt in receipts:
        judged = {(r.kind, r.id) for r in receipt.results}
        results = [*receipt.results, *(r for key, r in refused.items() if key not in judged)]
        for result in results:
            if (
                result.status == "rejected"
                and conn.execute(
                    "SELECT 1 FROM outbox WHERE seq BETWEEN ? AND ? AND table_name = ?"
                    " AND record_id = ? AND state IN ('pending', 'sending') LIMIT 1",
                    (receipt.seq_from, receipt.seq_to, result.kind, result.id),
                ).fetchone()
            ):
                marked[(result.kind, result.id)] = result
        done, _, _ = apply_receipt(conn, receipt.model_copy(update={"results": results}))
        synced += done
        refused.update(((r.kind, r.id), r) for r in receipt.results if r.status == "rejected")
    return synced, list(marked.values())


def reopen_after(conn: sqlite3.Connection, high_water: int) -> int:
    """The server has nothing past ``high_water``: rows after it are to be sent again."""
    with transaction(conn):
        return conn.execute(
            "UPDATE outbox SET state = 'pending', batch_id = NULL, error = NULL"
            " WHERE seq > ? AND state IN ('synced', 'sending')",
            (high_water,),
        ).rowcount


def reopen_outside(
    conn: sqlite3.Connection, high_water: int, received: list[list[int]], sent_to: int
) -> int:
    """Rows past the mark, up to ``sent_to`` (the end of the last batch this epoch's
    receipts marked), held as sent but in none of the server's ranges (it lost them:
    restored from a backup) are to be sent again."""
    lost = 0
    with transaction(conn):
        start = high_water + 1
        for first, last in [*sorted(received), [sent_to + 1, sent_to + 1]]:
            if last < start:
                continue
            if first > start:
                lost += conn.execute(
                    "UPDATE outbox SET state = 'pending', batch_id = NULL, error = NULL"
                    " WHERE seq BETWEEN ? AND ? AND state = 'synced'",
                    (start, first - 1),
                ).rowcount
            start = max(start, last + 1)
    return lost


def settle_up_to(conn: sqlite3.Connection, high_water: int) -> int:
    """Rows up to the server's high-water mark that are still open are on the server."""
    return conn.execute(
        "UPDATE outbox SET state = 'synced', error = NULL WHERE seq <= ?"
        " AND state IN ('pending', 'sending')",
        (high_water,),
    ).rowcount


def rejected_records(conn: sqlite3.Connection, limit: int = 200) -> list[tuple[str, str, str]]:
    """(kind, id, code) of records whose latest change the server refused, newest first."""
    rows = conn.execute(
        "SELECT o.table_name, o.record_id, coalesce(o.error, '') FROM outbox o"
        " WHERE o.state = 'rejected' AND o.seq = (SELECT max(seq) FROM outbox i"
        " WHERE i.record_id = o.record_id AND i.table_name = o.table_name)"
        " ORDER BY o.seq DESC LIMIT ?",
        (limit,),
    )
    return [(str(kind), str(record_id), str(code)) for kind, record_id, code in rows]
