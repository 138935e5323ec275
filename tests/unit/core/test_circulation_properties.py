"""Circulation invariants under random sequences of lend, return, renew, scan and days passing.

Each hypothesis example runs on a fresh copy of the set-up library database
(real SQLite) with three members (an adult, a child, an expired adult), six
items (one damaged) and loan limits of 2 and 1 set through ``loan_rules``.
After every step: no item is on two open loans, every item's status agrees
with its open loans, no member holds more open loans than their type allows,
a refused step wrote nothing, and a return closed exactly one loan.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.circulation import CirculationService
from app.core.errors import KnownError
from app.core.settings import Settings
from app.db.database import Database
from app.db.models import Item, Member, Title
from app.db.uow import Actor, UnitOfWork
from tests.conftest import _copy_database, _Templates

WIB = timezone(timedelta(hours=7))
START = datetime(2026, 11, 20, 10, 0, tzinfo=WIB).astimezone(UTC)
MEMBERS = {"2026-0001": "umum", "2026-0002": "anak", "2025-0003": "umum"}  # the last expired
# Lower than the defaults (set through the loan_rules setting) so that limits are often hit.
RULES = {"umum": {"max_items": 2, "days": 14}, "anak": {"max_items": 1, "days": 7}}
LIMITS = {"2026-0001": 2, "2026-0002": 1, "2025-0003": 0}
BARCODES = ("B1", "B2", "B3", "B4", "B5", "R1")  # R1 is damaged
CODES = (*MEMBERS, *BARCODES, "NOPE")

lend = st.tuples(st.just("lend"), st.sampled_from(tuple(MEMBERS)), st.sampled_from(BARCODES))
steps = st.lists(
    st.one_of(
        lend,  # lending weighs more, so that members reach their limits
        lend,
        lend,
        st.tuples(st.just("return"), st.sampled_from(BARCODES)),
        st.tuples(st.just("renew"), st.integers(0, 20)),
        st.tuples(st.just("scan"), st.sampled_from(CODES)),
        st.tuples(st.just("days"), st.integers(1, 12)),
    ),
    min_size=10,
    max_size=40,
)


def _populate(db: Database, actor: Actor, admin_id: str) -> None:
    with UnitOfWork(db, actor) as uow:
        for number, member_type in MEMBERS.items():
            uow.add(
                Member(
                    member_no=number,
                    name=f"Anggota {number}",
                    gender="L",
                    member_type=member_type,
                    registered_on=date(2025, 1, 1),
                    expires_on=date(2026, 1, 1) if number.startswith("2025") else None,
                    consent_at=START,
                    consent_by=admin_id,
                    active=True,
                )
            )
        title = uow.add(Title(title="Bumi Manusia", authors="Pramoedya", material_type="buku"))
        uow.flush()
        for barcode in BARCODES:
            status = "rusak" if barcode.startswith("R") else "tersedia"
            uow.add(Item(title_id=title.id, barcode=barcode, source="hibah", status=status))


def _snapshot(conn: sqlite3.Connection) -> tuple[Any, ...]:
    loans = conn.execute(
        "SELECT id, item_id, member_id, due_on, returned_at, renewals FROM loan ORDER BY id"
    ).fetchall()
    items = conn.execute("SELECT barcode, status FROM item ORDER BY barcode").fetchall()
    return tuple(map(tuple, loans)), tuple(map(tuple, items))


def _open_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM loan WHERE returned_at IS NULL").fetchone()[0])


def _check_invariants(conn: sqlite3.Connection) -> None:
    doubled = conn.execute(
        "SELECT item_id FROM loan WHERE returned_at IS NULL GROUP BY item_id HAVING count(*) > 1"
    ).fetchall()
    assert doubled == [], "an item is on two open loans"
    for barcode, status, open_loans in conn.execute(
        "SELECT i.barcode, i.status, (SELECT count(*) FROM loan l"
        " WHERE l.item_id = i.id AND l.returned_at IS NULL) FROM item i"
    ):
        if open_loans:
            assert status == "dipinjam", barcode
        else:
            assert status in ("tersedia", "rusak"), barcode
    for number, open_loans in conn.execute(
        "SELECT m.member_no, (SELECT count(*) FROM loan l"
        " WHERE l.member_id = m.id AND l.returned_at IS NULL) FROM member m"
    ):
        assert open_loans <= LIMITS[number], number


@settings(
    max_examples=75,
    deadline=None,
    # The autouse data_dir fixture only points HOME and XDG folders into a temp
    # folder; sharing it between examples is harmless, each example has its own database.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=steps)
def test_invariants_hold_over_random_circulation(
    _db_templates: _Templates, steps: list[tuple[Any, ...]]
) -> None:
    admin = _db_templates.admin
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "library")
        _copy_database(_db_templates.library, db)
        try:
            _populate(db, Actor(admin.id, admin.username), admin.id)
            clock = [START]
            conn = db.connect()
            Settings(conn).set_many({"loan_rules": RULES})
            service = CirculationService(db, admin, now=lambda: clock[0], conn=conn)
            for step in steps:
                before = _snapshot(conn)
                open_before = _open_count(conn)
                kind = step[0]
                try:
                    if kind == "lend":
                        loan = service.lend(step[1], step[2])
                        assert _open_count(conn) == open_before + 1
                        assert loan.barcode == step[2] and loan.returned_at is None
                    elif kind == "return":
                        loan = service.return_item(step[1])
                        assert _open_count(conn) == open_before - 1
                        assert len(_snapshot(conn)[0]) == len(before[0])
                        assert loan.returned_at == clock[0]
                    elif kind == "renew":
                        ids = [row[0] for row in before[0]]
                        if not ids:
                            continue
                        loan = service.renew(ids[step[1] % len(ids)])
                        assert loan.renewals <= 2
                        assert _open_count(conn) == open_before
                    elif kind == "scan":
                        result = service.scan(step[1])
                        expected = {"member": 0, "lent": 1, "returned": -1}[result.action]
                        assert _open_count(conn) == open_before + expected
                    else:
                        clock[0] += timedelta(days=step[1])
                except KnownError:
                    assert _snapshot(conn) == before, f"{step} was refused but wrote"
                _check_invariants(conn)
            conn.close()
        finally:
            db.dispose()
