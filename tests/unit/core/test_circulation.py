"""Circulation: lending, returning and renewing, the scan box, refusals and the overdue list.

The library is Miroto (WIB). The service's clock starts at 10:00 WIB on Friday
20 November 2026 and is moved forward by tests that need time to pass.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.core.auth import Role, UserService
from app.core.circulation import CirculationService, due_date, is_open, loan_rules
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.settings import Settings
from app.db.models import Item, Member, Title
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

WIB = timezone(timedelta(hours=7))
START = datetime(2026, 11, 20, 10, 0, tzinfo=WIB).astimezone(UTC)
TODAY = date(2026, 11, 20)


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at

    def advance(self, days: int) -> None:
        self.at += timedelta(days=days)


def add_member(library_db: LibraryDb, number: str, **fields: Any) -> str:
    values: dict[str, Any] = {
        "member_no": number,
        "name": f"Anggota {number}",
        "gender": "P",
        "birth_date": date(1990, 5, 1),
        "member_type": "umum",
        "phone": "081234567890",
        "registered_on": date(2026, 1, 10),
        "expires_on": date(2027, 1, 10),
        "consent_at": START - timedelta(days=300),
        "consent_by": library_db.admin.id,
        "active": True,
    }
    values.update(fields)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(Member(**values))
    return member.id


def add_items(library_db: LibraryDb, title: str, *barcodes: str, status: str = "tersedia") -> str:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.add(Title(title=title, authors="Penulis", material_type="buku"))
        uow.flush()
        for barcode in barcodes:
            uow.add(Item(title_id=record.id, barcode=barcode, source="perpusnas", status=status))
    return record.id


def item_id(conn: sqlite3.Connection, barcode: str) -> str:
    return str(conn.execute("SELECT id FROM item WHERE barcode = ?", (barcode,)).fetchone()[0])


def status(conn: sqlite3.Connection, barcode: str) -> str:
    return str(conn.execute("SELECT status FROM item WHERE barcode = ?", (barcode,)).fetchone()[0])


def loan_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM loan").fetchone()[0])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb, clock: Clock) -> Iterator[CirculationService]:
    add_member(library_db, "2026-0001", name="Budi Santoso")
    add_member(library_db, "2026-0002", name="Siti Anak", member_type="anak")
    add_items(library_db, "Laskar Pelangi", "B001", "B002", "B003", "B004")
    with CirculationService(library_db.db, library_db.admin, now=clock) as found:
        yield found


# --- due dates and rules -----------------------------------------------------------


def test_due_date_skips_sundays_and_public_holidays() -> None:
    # 3 Aug 2026 + 14 days is Monday 17 August, Independence Day: due on the 18th.
    assert due_date(date(2026, 8, 3), 14) == date(2026, 8, 18)
    # 8 Nov 2026 + 14 days is Sunday 22 November: due on Monday the 23rd.
    assert date(2026, 11, 22).weekday() == 6
    assert due_date(date(2026, 11, 8), 14) == date(2026, 11, 23)
    assert not is_open(date(2026, 12, 25))
    assert is_open(date(2026, 11, 21))  # a Saturday: open


def test_loan_rules_default_and_configured() -> None:
    rules = loan_rules(None)
    assert (rules["anak"].max_items, rules["anak"].days) == (2, 7)
    assert (rules["umum"].max_items, rules["umum"].days) == (3, 14)
    assert (rules["pelajar"].max_items, rules["pelajar"].days) == (3, 14)
    changed = loan_rules({"umum": {"max_items": 5}, "anak": {"days": 0}})
    assert (changed["umum"].max_items, changed["umum"].days) == (5, 14)
    assert changed["anak"].days == 7  # a nonsense value keeps the default


# --- lending and returning ---------------------------------------------------------


def test_lend_sets_due_date_by_member_type_and_marks_the_item(
    service: CirculationService, conn: sqlite3.Connection
) -> None:
    adult = service.lend("2026-0001", "B001")
    child = service.lend("2026-0002", "B002")
    assert adult.due_on == date(2026, 12, 4)
    assert child.due_on == date(2026, 11, 27)
    assert (adult.title, adult.member_name, adult.returned_at) == (
        "Laskar Pelangi",
        "Budi Santoso",
        None,
    )
    assert status(conn, "B001") == "dipinjam"
    assert [loan.barcode for loan in service.loans_of(adult.member_id)] == ["B001"]


def test_return_closes_the_loan_and_frees_the_item(
    service: CirculationService, conn: sqlite3.Connection, clock: Clock
) -> None:
    loan = service.lend("2026-0001", "B001")
    clock.advance(3)
    back = service.return_item("B001")
    assert back.id == loan.id
    assert back.returned_at == clock.at
    assert back.fine == 0  # fines are off by default
    assert status(conn, "B001") == "tersedia"
    with pytest.raises(KnownError, match="not on loan"):
        service.return_item("B001")


def test_loan_and_item_change_in_one_transaction_with_outbox(
    service: CirculationService, conn: sqlite3.Connection
) -> None:
    before = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    service.lend("2026-0001", "B001")
    rows = conn.execute("SELECT table_name, op FROM outbox ORDER BY seq DESC LIMIT 2").fetchall()
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == before + 2
    assert sorted(tuple(row) for row in rows) == [("item", "update"), ("loan", "create")]


def test_fine_on_late_return_when_set(
    service: CirculationService, conn: sqlite3.Connection, clock: Clock
) -> None:
    Settings(conn).set_many({"fine_per_day": 500})
    service.lend("2026-0002", "B001")  # due 27 November
    clock.advance(10)  # back on 30 November: 3 days late
    assert service.return_item("B001").fine == 1500


# --- refusals ----------------------------------------------------------------------


def test_unknown_barcode_refused_and_nothing_written(
    service: CirculationService, conn: sqlite3.Connection
) -> None:
    with pytest.raises(ValidationError, match="not in the catalogue") as caught:
        service.lend("2026-0001", "X999")
    assert caught.value.params == {"barcode": "X999"}
    assert loan_count(conn) == 0


def test_unknown_member_refused(service: CirculationService) -> None:
    with pytest.raises(ValidationError, match="no member with the number"):
        service.lend("2026-9999", "B001")


def test_expired_member_refused(
    library_db: LibraryDb, service: CirculationService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "2025-0007", expires_on=date(2026, 11, 19))
    with pytest.raises(KnownError, match="ended on 2026-11-19"):
        service.lend("2025-0007", "B001")
    assert loan_count(conn) == 0
    assert status(conn, "B001") == "tersedia"
    # Expiring today still borrows today.
    add_member(library_db, "2025-0008", expires_on=TODAY)
    assert service.lend("2025-0008", "B001").due_on == date(2026, 12, 4)


def test_deactivated_and_erased_members_refused(
    library_db: LibraryDb, service: CirculationService
) -> None:
    add_member(library_db, "2025-0010", active=False)
    add_member(library_db, "2025-0011", erased_at=START)
    for number in ("2025-0010", "2025-0011"):
        with pytest.raises(KnownError, match="no longer active"):
            service.lend(number, "B001")


def test_limit_reached_refused(service: CirculationService, conn: sqlite3.Connection) -> None:
    service.lend("2026-0002", "B001")
    service.lend("2026-0002", "B002")
    with pytest.raises(KnownError, match="already has 2 items on loan"):
        service.lend("2026-0002", "B003")
    assert status(conn, "B003") == "tersedia"


def test_configured_limit_applies(service: CirculationService, conn: sqlite3.Connection) -> None:
    Settings(conn).set_many({"loan_rules": {"umum": {"max_items": 1, "days": 3}}})
    assert service.lend("2026-0001", "B001").due_on == date(2026, 11, 23)  # 23rd; 22nd a Sunday
    with pytest.raises(KnownError, match="already has 1 items"):
        service.lend("2026-0001", "B002")


@pytest.mark.parametrize("bad", ["hilang", "rusak", "disiangi"])
def test_lost_damaged_weeded_items_refused(
    library_db: LibraryDb, service: CirculationService, conn: sqlite3.Connection, bad: str
) -> None:
    add_items(library_db, "Buku Rusak", "R001", status=bad)
    label = {"hilang": "Lost", "rusak": "Damaged", "disiangi": "Weeded"}[bad]
    with pytest.raises(KnownError, match=f"marked {label}"):
        service.lend("2026-0001", "R001")
    assert loan_count(conn) == 0


def test_item_already_on_loan_refused_when_lending_explicitly(
    service: CirculationService, conn: sqlite3.Connection
) -> None:
    service.lend("2026-0001", "B001")
    with pytest.raises(KnownError, match="already on loan"):
        service.lend("2026-0002", "B001")
    assert loan_count(conn) == 1


def test_relawan_may_lend_and_is_audited(
    library_db: LibraryDb, service: CirculationService, conn: sqlite3.Connection, clock: Clock
) -> None:
    relawan = UserService(conn).create_user(
        library_db.admin, "relawan", "Relawan", Role.RELAWAN, "kata-sandi-1"
    )
    with CirculationService(library_db.db, relawan, now=clock) as desk:
        assert desk.lend("2026-0001", "B001").barcode == "B001"
    audit = conn.execute("SELECT username FROM audit_entry WHERE table_name = 'loan'").fetchone()
    assert audit[0] == "relawan"


def test_permission_denied_without_record(
    library_db: LibraryDb,
    service: CirculationService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(type(library_db.admin), "can", lambda self, permission: False)
    with pytest.raises(PermissionDenied):
        service.lend("2026-0001", "B001")


# --- renewing ----------------------------------------------------------------------


def test_renew_twice_then_refused(service: CirculationService, clock: Clock) -> None:
    loan = service.lend("2026-0001", "B001")  # due 4 December
    clock.advance(10)  # 30 November
    renewed = service.renew(loan.id)
    assert (renewed.renewals, renewed.due_on) == (1, date(2026, 12, 14))
    clock.advance(10)  # 10 December
    # 24 December is collective leave and the 25th Christmas: due Saturday the 26th.
    assert service.renew(loan.id).due_on == date(2026, 12, 26)
    with pytest.raises(KnownError, match="Renewed 2 times already"):
        service.renew(loan.id)


def test_renew_overdue_allowed_within_loan_days_only(
    service: CirculationService, clock: Clock
) -> None:
    a = service.lend("2026-0002", "B001")  # anak: due 27 November, 7 loan days
    b = service.lend("2026-0002", "B002")
    clock.advance(14)  # 4 December: 7 days late
    assert service.renew(a.id).due_on == date(2026, 12, 11)
    clock.advance(1)  # 8 days late
    with pytest.raises(KnownError, match="8 days late"):
        service.renew(b.id)


def test_renew_returned_loan_refused(service: CirculationService) -> None:
    loan = service.lend("2026-0001", "B001")
    service.return_item("B001")
    with pytest.raises(KnownError, match="already returned"):
        service.renew(loan.id)


# --- the scan box ------------------------------------------------------------------


def test_scan_member_then_items_lends_then_scan_again_returns(
    service: CirculationService, conn: sqlite3.Connection
) -> None:
    chosen = service.scan(" 2026-0001 ")
    assert chosen.action == "member"
    assert chosen.member is not None and chosen.member.name == "Budi Santoso"
    lent = service.scan("B001")
    assert lent.action == "lent" and lent.loan is not None
    assert lent.member is not None and lent.member.open_loans == 1
    back = service.scan("B001")
    assert back.action == "returned" and back.loan is not None
    assert back.loan.returned_at is not None
    assert status(conn, "B001") == "tersedia"


def test_scan_item_without_member_asks_for_the_card(service: CirculationService) -> None:
    with pytest.raises(ValidationError, match="member's card first"):
        service.scan("B001")


def test_scan_unknown_code(service: CirculationService) -> None:
    with pytest.raises(ValidationError, match="has the code ZZZ"):
        service.scan("ZZZ")


def test_scan_refused_member_clears_the_desk(
    library_db: LibraryDb, service: CirculationService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "2025-0007", expires_on=date(2026, 1, 1))
    service.scan("2026-0001")
    with pytest.raises(KnownError, match="ended on"):
        service.scan("2025-0007")
    assert service.current_member is None
    with pytest.raises(ValidationError, match="card first"):
        service.scan("B001")
    assert loan_count(conn) == 0


def test_scan_return_works_for_another_members_item(service: CirculationService) -> None:
    service.lend("2026-0002", "B001")
    service.scan("2026-0001")
    back = service.scan("B001")
    assert back.action == "returned"
    assert back.loan is not None and back.loan.member_no == "2026-0002"


# --- history and overdue -----------------------------------------------------------


def test_history_of_item_and_overdue_list(
    service: CirculationService, conn: sqlite3.Connection, clock: Clock
) -> None:
    service.lend("2026-0001", "B001")
    service.return_item("B001")
    service.lend("2026-0002", "B001")  # due 27 November
    service.lend("2026-0001", "B002")  # due 4 December
    history = service.history_of_item(item_id(conn, "B001"))
    assert [loan.member_no for loan in history] == ["2026-0002", "2026-0001"]
    lines = service.overdue(date(2026, 12, 7))
    assert [(line.barcode, line.days_late) for line in lines] == [("B001", 10), ("B002", 3)]
    assert lines[0].member_name == "Siti Anak"
    assert lines[0].phone == "081234567890"
    assert lines[0].title == "Laskar Pelangi"
    assert service.overdue(date(2026, 11, 27)) == []
