"""The unit of work: the one write path for synced records, with audit and outbox."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import StatementError

from app.core.clock import ZONES
from app.core.settings import Settings
from app.db.database import Database
from app.db.models import AuditEntry, Item, Library, Member, Outbox, SyncedRecord, Title
from app.db.uow import UnitOfWork, WriteRefused
from tests.conftest import LibraryDb


def new_member(admin_id: str, **changes: Any) -> Member:
    fields: dict[str, Any] = {
        "member_no": "A-0001",
        "name": "Siti Aminah",
        "gender": "P",
        "member_type": "umum",
        "registered_on": date(2026, 3, 2),
        "consent_at": datetime(2026, 3, 2, 2, 0, tzinfo=UTC),
        "consent_by": admin_id,
    }
    fields.update(changes)
    return Member(**fields)


def add_member(library_db: LibraryDb, **changes: Any) -> Member:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(new_member(library_db.admin.id, **changes))
    return member


def outbox_rows(db: Database, record_id: str | None = None) -> list[Outbox]:
    with db.session() as session:
        query = select(Outbox).order_by(Outbox.seq)
        if record_id is not None:
            query = query.where(Outbox.record_id == record_id)
        return list(session.scalars(query))


def audit_entries(db: Database, record_id: str) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.record_id == record_id)
        return list(session.scalars(query.order_by(AuditEntry.id)))


def stored(db: Database, model: type[SyncedRecord], record_id: str) -> Any:
    with db.session() as session:
        return session.get(model, record_id)


def count(db: Database, model: type[Any]) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _is_aware_utc(value: datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() == timedelta(0)


# --- create, update, delete ----------------------------------------------------


def test_create_stamps_the_record(library_db: LibraryDb) -> None:
    before = datetime.now(UTC)
    member = add_member(library_db)
    after = datetime.now(UTC)

    saved = stored(library_db.db, Member, member.id)
    assert saved.version == 1
    assert saved.id == member.id and len(saved.id) == 36
    assert saved.library_id == library_db.library_id
    assert saved.deleted_at is None
    for stamp in (saved.created_at, saved.updated_at):
        assert _is_aware_utc(stamp)
        assert before <= stamp <= after
    assert saved.created_at == saved.updated_at


def test_create_writes_one_outbox_row_and_one_audit_entry(library_db: LibraryDb) -> None:
    member = add_member(library_db)

    [row] = outbox_rows(library_db.db, member.id)
    assert (row.table_name, row.op, row.version, row.state) == ("member", "create", 1, "pending")
    assert row.batch_id is None
    [entry] = audit_entries(library_db.db, member.id)
    assert entry.action == "create"
    assert entry.table_name == "member"
    assert entry.username == library_db.admin.username
    assert entry.user_id == library_db.admin.id


def test_records_in_one_unit_of_work_share_one_transaction(library_db: LibraryDb) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        title = uow.add(Title(title="Laskar Pelangi", authors="Andrea Hirata"))
        uow.flush()
        item = uow.add(Item(title_id=title.id, barcode="B0001", source="perpusnas"))

    rows = [row for row in outbox_rows(library_db.db) if row.record_id in {title.id, item.id}]
    assert [(row.table_name, row.op) for row in rows] == [("title", "create"), ("item", "create")]
    assert rows[0].created_at <= rows[1].created_at
    assert stored(library_db.db, Item, item.id).library_id == library_db.library_id


def test_update_bumps_version_and_appends_outbox_row(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, member.id)
        assert record is not None
        record.name = "Siti Aminah Lubis"
        record.phone = "081234567890"

    saved = stored(library_db.db, Member, member.id)
    assert saved.name == "Siti Aminah Lubis"
    assert saved.version == 2
    assert _is_aware_utc(saved.updated_at)
    assert saved.updated_at > member.updated_at
    assert saved.created_at == member.created_at

    rows = outbox_rows(library_db.db, member.id)
    assert [(row.op, row.version) for row in rows] == [("create", 1), ("update", 2)]
    assert rows[0].seq < rows[1].seq
    entries = audit_entries(library_db.db, member.id)
    assert [entry.action for entry in entries] == ["create", "update"]
    assert entries[1].detail == {"fields": ["name", "phone"]}
    assert entries[1].username == library_db.admin.username


def test_two_changes_in_one_unit_of_work_are_two_versions(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, member.id)
        assert record is not None
        record.name = "Siti A."
        uow.flush()
        record.phone = "0812"

    assert stored(library_db.db, Member, member.id).version == 3
    rows = outbox_rows(library_db.db, member.id)
    assert [(row.op, row.version) for row in rows] == [("create", 1), ("update", 2), ("update", 3)]


def test_setting_the_same_value_is_not_a_change(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, member.id)
        assert record is not None
        record.name = member.name

    assert stored(library_db.db, Member, member.id).version == 1
    assert len(outbox_rows(library_db.db, member.id)) == 1


def test_delete_is_a_tombstone(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, member.id)
        assert record is not None
        uow.delete(record)

    saved = stored(library_db.db, Member, member.id)
    assert saved is not None, "a synced record is never removed"
    assert saved.deleted_at is not None and _is_aware_utc(saved.deleted_at)
    assert saved.version == 2
    assert saved.name == "Siti Aminah"
    [_, row] = outbox_rows(library_db.db, member.id)
    assert (row.op, row.version) == ("delete", 2)
    assert audit_entries(library_db.db, member.id)[-1].action == "delete"


def test_deleting_twice_changes_nothing(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    for _ in range(2):
        with UnitOfWork(library_db.db, library_db.actor) as uow:
            record = uow.get(Member, member.id)
            assert record is not None
            uow.delete(record)

    assert stored(library_db.db, Member, member.id).version == 2
    assert [row.op for row in outbox_rows(library_db.db, member.id)] == ["create", "delete"]


def test_undelete_is_a_restore(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    for deleted_at in (datetime.now(UTC), None):
        with UnitOfWork(library_db.db, library_db.actor) as uow:
            record = uow.get(Member, member.id)
            assert record is not None
            record.deleted_at = deleted_at

    assert stored(library_db.db, Member, member.id).deleted_at is None
    rows = outbox_rows(library_db.db, member.id)
    assert [(row.op, row.version) for row in rows] == [("create", 1), ("delete", 2), ("restore", 3)]


# --- all or nothing --------------------------------------------------------------


def test_exception_inside_the_block_leaves_nothing(library_db: LibraryDb) -> None:
    db = library_db.db
    outbox_before = len(outbox_rows(db))
    audits_before = count(db, AuditEntry)

    with pytest.raises(RuntimeError, match="power cut"), UnitOfWork(db, library_db.actor) as uow:
        member = uow.add(new_member(library_db.admin.id))
        uow.flush()  # the record, its outbox row and audit entry are in the transaction now
        Settings(uow.dbapi_connection()).set("paper", "F4")
        raise RuntimeError("power cut")

    assert stored(db, Member, member.id) is None
    assert count(db, Member) == 0
    assert len(outbox_rows(db)) == outbox_before
    assert count(db, AuditEntry) == audits_before
    conn = db.connect()
    try:
        assert Settings(conn).get("paper") == "A4"
    finally:
        conn.close()


def test_failed_change_keeps_the_old_version(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    with pytest.raises(RuntimeError), UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Member, member.id)
        assert record is not None
        record.name = "Tidak Jadi"
        uow.flush()
        raise RuntimeError("cancelled")

    saved = stored(library_db.db, Member, member.id)
    assert (saved.name, saved.version) == ("Siti Aminah", 1)
    assert len(outbox_rows(library_db.db, member.id)) == 1


def test_unit_of_work_before_set_up_is_refused(db: Database) -> None:
    from app.db.uow import SYSTEM

    with pytest.raises(WriteRefused), UnitOfWork(db, SYSTEM) as uow:
        uow.add(new_member("nobody"))
    assert count(db, Member) == 0
    assert outbox_rows(db) == []


# --- the outbox sequence only grows ------------------------------------------------


def test_outbox_sequence_only_grows(library_db: LibraryDb) -> None:
    db = library_db.db
    for number in range(3):
        add_member(library_db, member_no=f"A-{number}")
    seqs = [row.seq for row in outbox_rows(db)]
    assert seqs == sorted(set(seqs)), "strictly increasing"
    highest = seqs[-1]

    # Remove the highest outbox row behind the program's back (no authorizer here).
    raw = sqlite3.connect(db.path)
    try:
        with raw:
            raw.execute("DELETE FROM outbox WHERE seq = ?", (highest,))
    finally:
        raw.close()

    member = add_member(library_db, member_no="A-new")
    [row] = outbox_rows(db, member.id)
    assert row.seq > highest, "a sequence number is never handed out twice"


# --- writes around the unit of work are refused --------------------------------------


def test_plain_session_cannot_add_a_synced_record(library_db: LibraryDb) -> None:
    with library_db.db.session(write=True) as session:
        session.add(new_member(library_db.admin.id, id="m-1", library_id=library_db.library_id))
        with pytest.raises(WriteRefused):
            session.commit()
    assert count(library_db.db, Member) == 0


def test_plain_session_cannot_change_a_synced_record(library_db: LibraryDb) -> None:
    member = add_member(library_db)
    outbox_before = len(outbox_rows(library_db.db))
    with library_db.db.session(write=True) as session:
        record = session.get(Member, member.id)
        assert record is not None
        record.name = "Diam-diam"
        with pytest.raises(WriteRefused):
            session.commit()
    saved = stored(library_db.db, Member, member.id)
    assert (saved.name, saved.version) == ("Siti Aminah", 1)
    assert len(outbox_rows(library_db.db)) == outbox_before


def test_plain_session_cannot_change_the_library_profile(library_db: LibraryDb) -> None:
    with library_db.db.session(write=True) as session:
        library = session.get(Library, library_db.library_id)
        assert library is not None
        library.name = "Nama Lain"
        with pytest.raises(WriteRefused):
            session.flush()
    assert stored(library_db.db, Library, library_db.library_id).name == library_db.profile.name


@pytest.mark.parametrize("in_unit_of_work", [False, True], ids=["session", "unit-of-work"])
def test_hard_delete_is_refused(library_db: LibraryDb, in_unit_of_work: bool) -> None:
    member = add_member(library_db)
    if in_unit_of_work:
        with pytest.raises(WriteRefused), UnitOfWork(library_db.db, library_db.actor) as uow:
            record = uow.get(Member, member.id)
            uow.session.delete(record)
    else:
        with library_db.db.session(write=True) as session:
            session.delete(session.get(Member, member.id))
            with pytest.raises(WriteRefused):
                session.commit()
    saved = stored(library_db.db, Member, member.id)
    assert saved is not None and saved.deleted_at is None


BULK = {
    "update": lambda: update(Member).values(name="Semua"),
    "delete": lambda: delete(Member),
    "insert": lambda: insert(Member).values(id="x", name="Massal"),
}


@pytest.mark.parametrize("in_unit_of_work", [False, True], ids=["session", "unit-of-work"])
@pytest.mark.parametrize("kind", sorted(BULK))
def test_bulk_statements_are_refused(
    library_db: LibraryDb, kind: str, in_unit_of_work: bool
) -> None:
    member = add_member(library_db)
    statement = BULK[kind]()
    if in_unit_of_work:
        with pytest.raises(WriteRefused), UnitOfWork(library_db.db, library_db.actor) as uow:
            uow.session.execute(statement)
    else:
        with library_db.db.session(write=True) as session, pytest.raises(WriteRefused):
            session.execute(statement)
    assert [m.name for m in _all_members(library_db.db)] == [member.name]


def _all_members(db: Database) -> list[Member]:
    with db.session() as session:
        return list(session.scalars(select(Member)))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", 7),
        ("id", "another-id"),
        ("library_id", "another-library"),
        ("created_at", datetime(2020, 1, 1, tzinfo=UTC)),
        ("updated_at", datetime(2020, 1, 1, tzinfo=UTC)),
    ],
)
def test_bookkeeping_fields_cannot_be_set_by_hand(
    library_db: LibraryDb, field: str, value: object
) -> None:
    member = add_member(library_db)
    with (
        pytest.raises(WriteRefused, match="bookkeeping"),
        UnitOfWork(library_db.db, library_db.actor) as uow,
    ):
        record = uow.get(Member, member.id)
        assert record is not None
        setattr(record, field, value)
        record.name = "Ganti"
    saved = stored(library_db.db, Member, member.id)
    assert (saved.name, saved.version) == ("Siti Aminah", 1)
    assert len(outbox_rows(library_db.db, member.id)) == 1


def test_times_are_stored_as_utc(library_db: LibraryDb) -> None:
    nine_in_semarang = datetime(2026, 3, 2, 9, 0, tzinfo=ZONES["WIB"])
    member = add_member(library_db, consent_at=nine_in_semarang)
    saved = stored(library_db.db, Member, member.id)
    assert _is_aware_utc(saved.consent_at)
    assert saved.consent_at == nine_in_semarang
    assert saved.consent_at.hour == 2


def test_naive_times_are_refused(library_db: LibraryDb) -> None:
    with (
        pytest.raises(StatementError, match="naive datetime"),
        UnitOfWork(library_db.db, library_db.actor) as uow,
    ):
        uow.add(new_member(library_db.admin.id, consent_at=datetime(2026, 3, 2, 9, 0)))
    assert count(library_db.db, Member) == 0
