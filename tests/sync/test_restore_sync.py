"""A PC restored from a backup, and a copied data folder, against a real server: nothing lost, nothing doubled.

Restore: the demo library (``--years 1``) enrols and syncs; a few visits are
recorded and left unsent; a backup is made; more is recorded (visits, a loan,
an activity, a book returned) and synced; the PC is restored from the backup
(a new sync epoch) and records again, other records, and renews the loan whose
return the restore took away; it syncs. The server must then hold every record
once, at the newest version any sync brought, the records of the lost afternoon
still among them, the renewal over the lost return (the restore gives each
record the version it had reached, so an edit after it goes above what the
server holds), and per kind exactly the restored PC's records plus those made
between backup and restore.

A copy: the data folder is copied to a second folder (same device, epoch and
token) and both go on recording and syncing. What the client must do: when
the server's high-water mark for its epoch is beyond what THIS database sent
(beyond its highest outbox number, or beyond the last receipt it recorded with
no batch of its own in flight), another database has sent under its device and
epoch, so it starts a new epoch and sends again everything it has not seen
acknowledged itself; the server's upsert by id and version makes that
harmless. Then every record of both folders arrives, once.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.core.backup import make_backup, restore_backup
from app.core.clock import utcnow
from app.db.database import Database
from app.db.tables import SYNCED_TABLES
from sync.client import SyncClient
from tests.sync.conftest import SyncServer
from tests.sync_child import demo_copy

pytestmark = pytest.mark.slow  # each test syncs a demo library of ~10,000 records

Key = tuple[str, str]
_BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "deleted_at", "library_id"})


@pytest.fixture
def demo(data_dir: Path) -> Iterator[Database]:
    db = demo_copy(data_dir)
    yield db
    db.dispose()


def pc_records(db: Database) -> dict[Key, int]:
    """(kind, id) -> version of every record on the PC."""
    conn = db.connect()
    try:
        return {
            (table, str(row[0])): int(row[1])
            for table in SYNCED_TABLES
            for row in conn.execute(f"SELECT id, version FROM {table}")
        }
    finally:
        conn.close()


def server_records(server: SyncServer, library_id: str) -> dict[Key, int]:
    """(kind, id) -> version on the server; fails if a record is there twice."""
    with server.database().transaction() as session:
        rows = session.execute(
            text("SELECT kind, id, version FROM record WHERE library_id = :library"),
            {"library": library_id},
        ).all()
    found: dict[Key, int] = {}
    for kind, record_id, version in rows:
        assert (kind, record_id) not in found, f"{kind} {record_id} twice on the server"
        found[(str(kind), str(record_id))] = int(version)
    return found


def open_rows(db: Database) -> dict[str, int]:
    """Outbox rows per state other than synced (what still waits or was refused)."""
    conn = db.connect()
    try:
        return dict(
            conn.execute(
                "SELECT state, count(*) FROM outbox WHERE state != 'synced' GROUP BY state"
            ).fetchall()
        )
    finally:
        conn.close()


def per_kind(records: dict[Key, int] | set[Key]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, _ in records:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def client_for(db: Database, data_dir: Path | None = None) -> SyncClient:
    return SyncClient(db, data_dir, tries=6, backoff=0.2)


def enrol(server: SyncServer, db: Database) -> tuple[SyncClient, str]:
    client = client_for(db)
    result = client.enroll(server.url, server.issue_code(server.add_library()))
    return client, result.library_id


def _clone(record: Any, **changes: Any) -> Any:
    values = {
        c.key: getattr(record, c.key)
        for c in type(record).__table__.columns
        if c.key not in _BOOKKEEPING
    }
    values.update(changes)
    return type(record)(**values)


def record(
    db: Database, *, visits: int = 0, loans: int = 0, activities: int = 0, returns: int = 0,
    seed: int = 0,
) -> set[Key]:  # fmt: skip
    """Record new visits, loans and activities (copies of the demo's) and return open loans.

    Returns the (kind, id) of the records written (new or changed).
    """
    from app.db.models import Activity, Item, Loan, Member, Visit
    from app.db.uow import SYSTEM, UnitOfWork

    rng = random.Random(seed)
    now = utcnow()
    with UnitOfWork(db, SYSTEM) as uow:
        session = uow.session
        some_visits = list(session.scalars(select(Visit).order_by(Visit.id).limit(200)))
        some_activities = list(session.scalars(select(Activity).order_by(Activity.id)))
        members = list(session.scalars(select(Member.id).order_by(Member.id)))
        open_loans = list(
            session.scalars(select(Loan).where(Loan.returned_at.is_(None)).order_by(Loan.id))
        )
        on_loan = {loan.item_id for loan in open_loans}
        free = [i for i in session.scalars(select(Item.id).order_by(Item.id)) if i not in on_loan]
        written: list[Any] = []
        for _ in range(visits):
            written.append(uow.add(_clone(rng.choice(some_visits), visited_at=now)))
        for item_id in rng.sample(free, loans):
            loan = Loan(
                item_id=item_id,
                member_id=rng.choice(members),
                loaned_at=now,
                due_on=now.date() + timedelta(days=7),
                returned_at=None,
                renewals=0,
                fine=0,
            )
            written.append(uow.add(loan))
        for _ in range(activities):
            activity = _clone(rng.choice(some_activities), starts_at=now, status="rencana")
            written.append(uow.add(activity))
        for loan in rng.sample(open_loans, returns):
            loan.returned_at = now
            written.append(loan)
        uow.flush()
        return {(obj.__tablename__, str(obj.id)) for obj in written}


def restored_loan(db: Database, loan_id: str) -> tuple[int, Any]:
    """A loan's (renewals, returned_at) on the PC."""
    conn = db.connect()
    try:
        row = conn.execute(
            "SELECT renewals, returned_at FROM loan WHERE id = ?", (loan_id,)
        ).fetchone()
        return int(row[0]), row[1]
    finally:
        conn.close()


def renew(db: Database, loan_id: str) -> None:
    from app.db.models import Loan
    from app.db.uow import SYSTEM, UnitOfWork

    with UnitOfWork(db, SYSTEM) as uow:
        loan = uow.session.get(Loan, loan_id)
        assert loan is not None
        loan.renewals += 1
        uow.flush()


def server_loan(server: SyncServer, library_id: str, loan_id: str) -> tuple[int, Any]:
    """A loan's (renewals, returned_at) on the server."""
    with server.database().transaction() as session:
        data = session.execute(
            text("SELECT data FROM record WHERE library_id = :l AND kind = 'loan' AND id = :i"),
            {"l": library_id, "i": loan_id},
        ).scalar_one()
    payload = json.loads(data) if isinstance(data, str) else data
    return int(payload["renewals"]), payload.get("returned_at")


def test_restore_from_an_older_backup_loses_and_doubles_nothing(
    server: SyncServer, demo: Database, tmp_path: Path
) -> None:
    client, library = enrol(server, demo)
    first = client.sync()
    assert first.refused == 0
    # Recorded before the backup but not sent yet: the backup holds them as pending.
    unsent = record(demo, visits=3, seed=1)
    backup = make_backup(demo, to_dir=tmp_path / "backups").path
    epoch_before = client.state().db_epoch

    # The afternoon after the backup: recorded, a book returned, and synced.
    between = record(demo, visits=5, loans=1, activities=1, returns=1, seed=2)
    between_sync = client.sync()
    assert between_sync.refused == 0 and open_rows(demo) == {}
    afternoon = pc_records(demo)
    assert unsent | between <= set(server_records(server, library))

    # The PC's disk fails: the library is restored from the morning's backup.
    restored = restore_backup(demo, backup)
    assert restored.db_epoch != epoch_before
    on_pc_restored = pc_records(demo)
    made_between = between - set(on_pc_restored)  # new records the restore took away
    changed_between = between & set(on_pc_restored)  # the returned loan: older on the PC now
    assert per_kind(made_between) == {"visit": 5, "loan": 1, "activity": 1}
    assert len(changed_between) == 1
    ((kind, loan_id),) = changed_between
    renewals, returned_at = restored_loan(demo, loan_id)
    assert kind == "loan" and returned_at is None  # open again
    # At the version the server may hold, so that an edit after the restore goes above it.
    assert on_pc_restored[(kind, loan_id)] == afternoon[(kind, loan_id)]
    assert unsent <= set(on_pc_restored)

    # Work goes on on the restored PC: other records, the loan (open again) renewed, a sync.
    after = record(demo, visits=4, loans=1, activities=1, seed=3)
    assert not after & (between | unsent)
    renew(demo, loan_id)
    result = client_for(demo).sync()
    # Sent: what was recorded after the restore; the backup's unsent visits were there already.
    assert (result.sent, result.already_there, result.refused) == (
        len(after) + 1,
        len(unsent),
        0,
    )
    assert open_rows(demo) == {}, "every change of the restored PC is acknowledged"

    on_pc = pc_records(demo)
    on_server = server_records(server, library)
    # Nothing lost: what the PC holds, and what it made between backup and restore.
    assert set(on_server) == set(on_pc) | made_between
    assert after <= set(on_server) and unsent <= set(on_server)
    # Each record once (checked while reading), at the newest version any sync brought.
    newest = {key: max(on_pc.get(key, 0), afternoon.get(key, 0)) for key in on_server}
    assert on_server == newest
    # The renewal made after the restore won over the afternoon's return.
    assert on_server[("loan", loan_id)] == afternoon[("loan", loan_id)] + 1
    assert server_loan(server, library, loan_id) == (renewals + 1, None)
    # Per kind: the restored PC's records plus the ones made between backup and restore.
    expected = per_kind(on_pc)
    for kind, count in per_kind(made_between).items():
        expected[kind] += count
    assert per_kind(on_server) == expected


def move_visit(db: Database, visit_id: str, minutes: int) -> None:
    """A visit's time corrected: the demo's first visit time plus ``minutes``."""
    from app.db.models import Visit
    from app.db.uow import SYSTEM, UnitOfWork

    with UnitOfWork(db, SYSTEM) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        visit.visited_at = _BASE + timedelta(minutes=minutes)
        uow.flush()


_BASE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def server_visit(server: SyncServer, library_id: str, visit_id: str) -> tuple[int, int]:
    """A visit on the server: (version, minutes after the base time)."""
    with server.database().transaction() as session:
        version, data = session.execute(
            text(
                "SELECT version, data FROM record"
                " WHERE library_id = :l AND kind = 'visit' AND id = :i"
            ),
            {"l": library_id, "i": visit_id},
        ).one()
    payload = json.loads(data) if isinstance(data, str) else data
    moved = datetime.fromisoformat(payload["visited_at"]) - _BASE
    return int(version), int(moved.total_seconds() // 60)


class PowerCut(BaseException):
    """The process stops where it is."""


def test_a_database_file_copied_back_by_hand_loses_no_edit_made_after(
    server: SyncServer, demo: Database, tmp_path: Path
) -> None:
    """The backup is a copy of the database file, put back by hand: the program has no
    older database to take the versions from (as ``restore_backup`` does). An edit made
    after it may reach a version the server holds already, from the lost database; the
    server says so, with the time of its version, and the later change wins."""
    client, library = enrol(server, demo)
    client.sync()
    conn = demo.connect()
    try:
        v, x, y, z = (str(row[0]) for row in conn.execute("SELECT id FROM visit LIMIT 4"))
    finally:
        conn.close()
    move_visit(demo, z, 1)  # unsent when the file is copied: the copy holds it pending
    demo.dispose()
    copy = tmp_path / "copied.sqlite3"
    shutil.copy2(demo.path, copy)

    # The lost database goes on: edits synced, each visit at a version of its own.
    move_visit(demo, v, 10)  # version 2
    move_visit(demo, x, 20)
    move_visit(demo, x, 21)  # version 3
    move_visit(demo, y, 30)  # version 2
    move_visit(demo, z, 40)  # version 3
    client_for(demo).sync()
    assert server_visit(server, library, v) == (2, 10)

    # The file copied back; the librarian corrects two visits again, then syncs.
    demo.dispose()
    for leftover in (Path(f"{demo.path}-wal"), Path(f"{demo.path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy2(copy, demo.path)
    move_visit(demo, v, 11)  # version 2 again, other content
    move_visit(demo, x, 22)  # version 2: below the server's 3
    # The PC's clock runs ten minutes fast: both times weighed are its own, so it does
    # not matter (moving one of them by the skew against the server would).
    fast = SyncClient(demo, tries=6, backoff=0.2, clock=lambda: utcnow() + timedelta(minutes=10))
    result = fast.sync()
    assert result.clock_warning
    assert result.new_epoch and result.refused == 0
    assert open_rows(demo) == {}, "every change of the copied-back database is acknowledged"
    # The later edits won, each above the server's version; the copy's unsent edit of z
    # is older than the server's and did not overwrite it; y was not touched again.
    assert server_visit(server, library, v) == (3, 11)
    assert server_visit(server, library, x) == (4, 22)
    assert server_visit(server, library, z) == (3, 40)
    assert server_visit(server, library, y) == (2, 30)
    assert pc_records(demo)[("visit", v)] == 3 and pc_records(demo)[("visit", x)] == 4

    # An edit long after the copy went back: y reaches the server's version 2 again. The
    # power goes right after the receipt that said so was recorded; the next sync goes on.
    move_visit(demo, y, 31)
    calls: list[str] = []

    def power_cut(client: SyncClient, conn: Any) -> None:
        calls.append("raise")
        if len(calls) > 1:  # the first is at the sync's start: nothing to raise yet
            raise PowerCut()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SyncClient, "_raise_versions", power_cut)
        with pytest.raises(PowerCut):
            client_for(demo).sync()
    assert server_visit(server, library, y) == (2, 30)
    again = client_for(demo).sync()
    assert (again.sent, again.already_there, again.refused) == (1, 0, 0)
    assert server_visit(server, library, y) == (3, 31)
    assert open_rows(demo) == {}


def test_a_newer_edit_in_a_batch_that_timed_out_still_goes_above_the_server(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    """As above, but the batch that carries the edit is applied and its answer lost to a
    timeout, and the sync ends there: the next sync asks for that batch's receipt, and
    the edit goes above the server's version all the same."""
    import sync.client as client_module
    from sync.transport import HalveBatch, SyncError

    client, library = enrol(server_sqlite, demo)
    client.sync()
    conn = demo.connect()
    try:
        (y,) = conn.execute("SELECT id FROM visit LIMIT 1").fetchone()
    finally:
        conn.close()
    demo.dispose()
    copy = tmp_path / "copied.sqlite3"
    shutil.copy2(demo.path, copy)
    move_visit(demo, y, 30)  # version 2, synced by the database that is then lost
    client_for(demo).sync()
    demo.dispose()
    for leftover in (Path(f"{demo.path}-wal"), Path(f"{demo.path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy2(copy, demo.path)
    assert client_for(demo).sync().new_epoch
    move_visit(demo, y, 31)  # version 2 again, later, other content
    applied = client_module._checked

    def timing_out(*args: Any) -> Any:
        applied(*args)  # the server applies it; the answer does not come back in time
        raise HalveBatch("timeout")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(client_module, "_checked", timing_out)
        with pytest.raises(SyncError):
            SyncClient(demo, tries=1, backoff=0.01, window=1).sync()
    assert server_visit(server_sqlite, library, y) == (2, 30)
    again = client_for(demo).sync()
    assert not again.new_epoch and (again.sent, again.refused) == (1, 0)
    assert server_visit(server_sqlite, library, y) == (3, 31)
    assert open_rows(demo) == {}


def _copy_folder(db: Database, target: Path) -> Database:
    """The data folder copied as a librarian would (program closed), to another folder."""
    db.dispose()
    shutil.copytree(db.data_dir, target)
    return Database(target)


def test_a_copy_that_records_less_syncs_in_a_new_epoch(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    original, library = enrol(server_sqlite, demo)
    original.sync()
    copy_db = _copy_folder(demo, tmp_path / "copy")
    try:
        copied = client_for(copy_db)
        assert copied.state().device_id == original.state().device_id
        made_a = record(demo, visits=6, seed=4)
        assert original.sync().sent == 6
        made_b = record(copy_db, visits=2, loans=1, seed=5)
        result = copied.sync()
        # The server's mark is past the copy's outbox: the copy starts a new epoch.
        assert result.new_epoch
        assert copied.state().db_epoch != original.state().db_epoch
        assert open_rows(copy_db) == {} and open_rows(demo) == {}
        made_a |= record(demo, visits=1, seed=6)
        original.sync()
        on_server = server_records(server_sqlite, library)
        assert made_a | made_b <= set(on_server)
        assert set(on_server) == set(pc_records(demo)) | set(pc_records(copy_db))
    finally:
        copy_db.dispose()


def test_a_copy_that_records_more_loses_nothing(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    original, library = enrol(server_sqlite, demo)
    original.sync()
    copy_db = _copy_folder(demo, tmp_path / "copy")
    try:
        copied = client_for(copy_db)
        made_a = record(demo, visits=3, seed=7)
        original.sync()
        # The copy records more than the original sent after the copy was made, so its
        # outbox reaches past the server's mark: only the mark's origin can tell.
        made_b = record(copy_db, visits=10, seed=8)
        copied.sync()
        made_a |= record(demo, visits=12, seed=9)
        original.sync()
        on_server = server_records(server_sqlite, library)
        lost = (made_a | made_b) - set(on_server)
        assert not lost, f"{len(lost)} records never reached the server"
        assert open_rows(copy_db) == {} and open_rows(demo) == {}
        assert set(on_server) == set(pc_records(demo)) | set(pc_records(copy_db))
    finally:
        copy_db.dispose()


def test_a_copy_without_the_pcs_keys_enrols_as_a_pc_of_its_own(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    """The folder copied to another PC, where the keys (kept by the first PC's keyring)
    are not: the copy enrols with a new code and gets a device id of its own, so the
    first PC keeps syncing with its token; everything of both reaches the server once."""
    original, library = enrol(server_sqlite, demo)
    original.sync()
    copy_db = _copy_folder(demo, tmp_path / "copy")
    try:
        shutil.rmtree(tmp_path / "copy" / "sync-keys")
        copied = client_for(copy_db)
        assert not copied.state().enrolled
        result = copied.enroll(server_sqlite.url, server_sqlite.issue_code(library))
        assert result.library_id == library
        assert result.new_device and result.device_id != original.state().device_id
        assert copied.state().db_epoch != original.state().db_epoch
        made_b = record(copy_db, visits=2, loans=1, seed=10)
        synced = copied.sync()
        assert synced.refused == 0 and open_rows(copy_db) == {}
        # Everything went again under the new id; the server had all but the new ones.
        assert synced.sent == len(made_b)
        made_a = record(demo, visits=3, seed=11)
        assert original.sync().sent == 3, "the first PC's token still works"
        on_server = server_records(server_sqlite, library)
        assert made_a | made_b <= set(on_server)
        assert set(on_server) == set(pc_records(demo)) | set(pc_records(copy_db))
    finally:
        copy_db.dispose()
