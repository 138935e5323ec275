"""Stock take: scanning, what each scan means, missing copies, closing all or nothing, power cuts.

The library (Miroto) has two titles: Laskar Pelangi with copies B001..B004 and
Bumi Manusia with B010 (damaged, still expected on the shelf), B011 (lost) and
B012 (weeded). Member 2026-0001 has B004 on loan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from app.core.auth import Role, User, UserService
from app.core.circulation import CirculationService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.stocktake import (
    ALREADY,
    FOUND,
    MISSING,
    ON_LOAN,
    UNEXPECTED,
    UNKNOWN,
    NoOpenCount,
    StocktakeService,
)
from app.db.database import Database
from app.db.models import Item, Member, Title
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

START = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # 10:00 WIB


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


def add_items(library_db: LibraryDb, title: str, *copies: tuple[str, str]) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.add(Title(title=title, authors="Penulis", material_type="buku"))
        uow.flush()
        for barcode, status in copies:
            uow.add(
                Item(
                    title_id=record.id,
                    barcode=barcode,
                    call_number=f"899.221 {barcode}",
                    source="perpusnas",
                    status=status,
                )
            )


def status_of(conn: sqlite3.Connection, barcode: str) -> str:
    return str(conn.execute("SELECT status FROM item WHERE barcode = ?", (barcode,)).fetchone()[0])


def outbox_rows(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return [
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT o.table_name, o.op, i.barcode FROM outbox o"
            " LEFT JOIN item i ON i.id = o.record_id ORDER BY o.seq"
        )
    ]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def shelves(library_db: LibraryDb, clock: Clock) -> LibraryDb:
    add_items(
        library_db,
        "Laskar Pelangi",
        ("B001", "tersedia"),
        ("B002", "tersedia"),
        ("B003", "tersedia"),
        ("B004", "tersedia"),
    )
    add_items(
        library_db, "Bumi Manusia", ("B010", "rusak"), ("B011", "hilang"), ("B012", "disiangi")
    )
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Member(
                member_no="2026-0001",
                name="Budi Santoso",
                gender="L",
                member_type="umum",
                registered_on=date(2026, 1, 10),
                expires_on=date(2027, 1, 10),
                consent_at=START - timedelta(days=300),
                consent_by=library_db.admin.id,
                active=True,
            )
        )
    with CirculationService(library_db.db, library_db.admin, now=clock) as desk:
        desk.lend("2026-0001", "B004")
    return library_db


@pytest.fixture
def service(shelves: LibraryDb, clock: Clock) -> Iterator[StocktakeService]:
    with StocktakeService(shelves.db, shelves.admin, now=clock) as found:
        yield found


def make_user(conn: sqlite3.Connection, admin: User, role: Role) -> User:
    return UserService(conn).create_user(
        admin, role.value, role.value.title(), role, "kata-sandi-1"
    )


# --- starting ---------------------------------------------------------------------


def test_start_opens_one_count_and_a_second_is_refused(service: StocktakeService) -> None:
    assert service.current() is None
    count = service.start("  Rak   anak  ")
    assert count.status == "open"
    assert count.notes == "Rak anak"
    assert count.started_by == "admin"
    assert service.current() == count

    with pytest.raises(KnownError) as refused:
        service.start()
    assert "still open" in refused.value.message
    assert refused.value.params == {"user": "admin"}
    assert service.current() == count


def test_scanning_without_an_open_count_is_refused(service: StocktakeService) -> None:
    with pytest.raises(NoOpenCount):
        service.scan("B001")
    with pytest.raises(NoOpenCount):
        service.close(mark_missing_lost=False)


# --- scanning ---------------------------------------------------------------------


def test_each_kind_of_scan(service: StocktakeService, conn: sqlite3.Connection) -> None:
    service.start()

    found = service.scan("B001")
    assert found.kind == FOUND
    assert (found.line.barcode, found.line.title) == ("B001", "Laskar Pelangi")

    lowercase = service.scan("  b002 ")  # typed by hand, in lower case
    assert lowercase.kind == FOUND and lowercase.line.barcode == "B002"

    damaged = service.scan("B010")
    assert damaged.kind == FOUND and damaged.line.status == "rusak"

    lent = service.scan("B004")
    assert lent.kind == ON_LOAN

    lost = service.scan("B011")
    assert lost.kind == UNEXPECTED and lost.line.status == "hilang"
    weeded = service.scan("B012")
    assert weeded.kind == UNEXPECTED and weeded.line.status == "disiangi"

    unknown = service.scan("x999")
    assert unknown.kind == UNKNOWN
    assert unknown.line.barcode == "X999" and unknown.line.item_id is None

    again = service.scan("B001")
    assert again.kind == ALREADY
    assert again.line.kind == FOUND
    scans = conn.execute("SELECT count(*) FROM stocktake_scan").fetchone()[0]
    assert scans == 7  # the second B001 is not a second row

    progress = service.progress()
    assert progress.expected == 4  # B001-B003 and the damaged B010; B004 is lent out
    assert (progress.found, progress.missing) == (3, 1)
    assert (progress.on_loan, progress.on_loan_on_shelf) == (1, 1)
    assert (progress.unexpected, progress.unknown, progress.scanned) == (2, 1, 7)
    assert progress.percent == 75


def test_expected_copies_are_available_and_damaged_ones_not_on_loan(
    service: StocktakeService,
) -> None:
    service.start()
    missing = service.missing()
    assert [line.barcode for line in missing] == ["B001", "B002", "B003", "B010"]
    assert {line.kind for line in missing} == {MISSING}
    assert service.progress().expected == 4


def test_lists_missing_on_loan_unexpected_and_scanned(service: StocktakeService) -> None:
    service.start()
    for code in ("B003", "B004", "B011", "ZZZ1"):
        service.scan(code)

    assert [line.barcode for line in service.missing()] == ["B001", "B002", "B010"]
    on_loan = service.on_loan()
    assert [line.barcode for line in on_loan] == ["B004"]
    assert on_loan[0].scanned_at is not None  # found on the shelf though lent out
    assert on_loan[0].due_on == date(2026, 12, 4)
    assert [(line.barcode, line.kind) for line in service.unexpected()] == [
        ("ZZZ1", UNKNOWN),
        ("B011", UNEXPECTED),
    ]
    assert [line.barcode for line in service.scanned()] == ["ZZZ1", "B011", "B004", "B003"]

    # Printed while the count is open, the result is what the lists say now.
    report = service.report()
    assert report.count.status == "open"
    assert report.missing == service.missing() and report.unexpected == service.unexpected()
    assert report.progress == service.progress()
    assert report.time_zone == "WIB" and report.head_name == "Sri Wahyuni"


def test_bad_codes_are_refused_and_nothing_is_saved(
    service: StocktakeService, conn: sqlite3.Connection
) -> None:
    service.start()
    for code in ("", "   ", "B0 01", "#123", "A" * 31):
        with pytest.raises(ValidationError) as refused:
            service.scan(code)
        assert refused.value.field == "code"
    assert conn.execute("SELECT count(*) FROM stocktake_scan").fetchone()[0] == 0


def test_a_code_typed_wrongly_can_be_taken_back(service: StocktakeService) -> None:
    service.start()
    service.scan("B0O1")
    assert service.progress().unknown == 1
    service.remove_scan("B0O1")
    assert service.progress().unknown == 0
    assert service.scanned() == []


def test_a_lost_copy_found_can_be_made_available_again(
    service: StocktakeService, conn: sqlite3.Connection
) -> None:
    service.start()
    assert service.scan("B011").kind == UNEXPECTED
    item = service.make_available("B011")
    assert item.status == "tersedia"
    assert status_of(conn, "B011") == "tersedia"
    # Now it counts as found, and it is no longer unexpected.
    assert service.unexpected() == []
    assert service.progress().found == 1
    assert service.scanned()[0].kind == FOUND
    assert ("item", "update", "B011") in outbox_rows(conn)


# --- closing --------------------------------------------------------------------------


def test_close_marks_exactly_the_missing_copies_lost(
    service: StocktakeService, conn: sqlite3.Connection
) -> None:
    service.start()
    for code in ("B001", "B004", "B011"):
        service.scan(code)
    before = outbox_rows(conn)
    audit_before = conn.execute("SELECT max(id) FROM audit_entry").fetchone()[0]

    closed = service.close(mark_missing_lost=True)

    assert closed.marked_lost == 3
    assert closed.count.status == "closed" and closed.count.marked_lost == 3
    statuses = {code: status_of(conn, code) for code in ("B001", "B002", "B003", "B004", "B010")}
    assert statuses == {
        "B001": "tersedia",
        "B002": "hilang",
        "B003": "hilang",
        "B004": "dipinjam",
        "B010": "hilang",
        # B011 was lost and found: it stays lost until someone makes it available.
    }
    assert status_of(conn, "B011") == "hilang"
    new_rows = outbox_rows(conn)[len(before) :]
    assert sorted(new_rows) == [
        ("item", "update", "B002"),
        ("item", "update", "B003"),
        ("item", "update", "B010"),
    ]
    audit = conn.execute(
        "SELECT username, table_name, action FROM audit_entry WHERE id > ?", (audit_before,)
    ).fetchall()
    assert [tuple(row) for row in audit] == [("admin", "item", "update")] * 3
    assert service.current() is None

    # The printed result shows the count as it stood at closing.
    report = service.report(closed.count.id)
    assert [line.barcode for line in report.missing] == ["B002", "B003", "B010"]
    assert (report.progress.expected, report.progress.found, report.progress.missing) == (4, 1, 3)
    assert [line.barcode for line in report.unexpected] == ["B011"]
    assert [line.barcode for line in report.on_loan] == ["B004"]
    assert report.library_name == "Perpustakaan Desa Miroto"
    assert service.last_closed() == closed.count


def test_close_without_marking_changes_no_copy(
    service: StocktakeService, conn: sqlite3.Connection
) -> None:
    service.start()
    service.scan("B001")
    before = outbox_rows(conn)
    closed = service.close(mark_missing_lost=False)
    assert closed.marked_lost == 0
    assert status_of(conn, "B002") == "tersedia"
    assert outbox_rows(conn) == before
    assert [line.barcode for line in service.report(closed.count.id).missing] == [
        "B002",
        "B003",
        "B010",
    ]
    # A new count may start now.
    assert service.start().status == "open"


def test_a_failure_in_the_middle_of_closing_changes_nothing(
    service: StocktakeService, conn: sqlite3.Connection, shelves: LibraryDb
) -> None:
    count = service.start()
    service.scan("B001")
    outbox_before = outbox_rows(conn)
    # The disk fails while the third copy is written: a trigger aborts that statement.
    raw = sqlite3.connect(shelves.db.path)
    raw.execute(
        "CREATE TRIGGER fail_b010 BEFORE UPDATE OF status ON item WHEN new.barcode = 'B010'"
        " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    raw.commit()
    raw.close()

    with pytest.raises(Exception, match="disk I/O error"):
        service.close(mark_missing_lost=True)

    statuses = {code: status_of(conn, code) for code in ("B002", "B003", "B010")}
    assert statuses == {"B002": "tersedia", "B003": "tersedia", "B010": "rusak"}
    assert outbox_rows(conn) == outbox_before
    assert service.current() == count  # still open, its scans kept
    assert [line.barcode for line in service.scanned()] == ["B001"]


def test_a_count_survives_a_power_cut(shelves: LibraryDb, clock: Clock) -> None:
    first = StocktakeService(shelves.db, shelves.admin, now=clock)
    count = first.start()
    first.scan("B001")
    first.scan("B002")
    # The power goes: the connection is never closed properly, the engine is thrown away.
    shelves.db.dispose()

    reopened = Database(shelves.db.data_dir)
    try:
        with StocktakeService(reopened, shelves.admin, now=clock) as again:
            assert again.current() == count
            assert [line.barcode for line in again.scanned()] == ["B002", "B001"]
            assert again.scan("B002").kind == ALREADY
            assert again.scan("B003").kind == FOUND
            assert [line.barcode for line in again.missing()] == ["B010"]
    finally:
        reopened.dispose()
    first.close_connection()


def test_cancel_leaves_the_copies_and_allows_a_new_count(
    service: StocktakeService, conn: sqlite3.Connection
) -> None:
    service.start()
    service.scan("B001")
    cancelled = service.cancel()
    assert cancelled.status == "cancelled"
    assert service.current() is None
    assert status_of(conn, "B002") == "tersedia"
    fresh = service.start()
    assert fresh.id != cancelled.id
    assert service.scanned() == []  # the new count starts empty


# --- permissions -----------------------------------------------------------------------


def test_a_volunteer_may_scan_and_close_but_not_mark_lost(
    shelves: LibraryDb, conn: sqlite3.Connection, clock: Clock
) -> None:
    relawan = make_user(conn, shelves.admin, Role.RELAWAN)
    with StocktakeService(shelves.db, relawan, now=clock) as volunteer:
        count = volunteer.start()
        assert count.started_by == "relawan"
        assert volunteer.scan("B001").kind == FOUND
        with pytest.raises(PermissionDenied):
            volunteer.close(mark_missing_lost=True)
        with pytest.raises(PermissionDenied):
            volunteer.cancel()
        with pytest.raises(PermissionDenied):
            volunteer.make_available("B011")
        assert status_of(conn, "B002") == "tersedia"
        assert volunteer.current() == count
        assert volunteer.close(mark_missing_lost=False).marked_lost == 0
    assert status_of(conn, "B002") == "tersedia"


def test_a_manager_may_mark_lost(
    shelves: LibraryDb, conn: sqlite3.Connection, clock: Clock
) -> None:
    manager = make_user(conn, shelves.admin, Role.PENGELOLA)
    with StocktakeService(shelves.db, manager, now=clock) as desk:
        desk.start()
        assert desk.close(mark_missing_lost=True).marked_lost == 4
    assert status_of(conn, "B001") == "hilang"
