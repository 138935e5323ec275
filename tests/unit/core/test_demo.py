"""The demo library: deterministic, consistent, written the sync-ready way.

One year of demo data is made once for the module (real SQLite in a temp
folder); the determinism and cancel tests add two short runs cancelled after
a few months, which must agree with the full run month for month.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.auth import UserService
from app.core.demo import (
    AGE_BANDS,
    DEMO_REGION,
    DEMO_USERS,
    PURPOSES,
    DemoSummary,
    generate_demo,
)
from app.core.errors import KnownError, ValidationError
from app.core.settings import Settings
from app.db.database import Database
from app.db.tables import SYNCED_TABLES

TODAY = date(2026, 11, 26)
START = date(2025, 11, 26)  # one year before TODAY
WIB_HOURS = timedelta(hours=7)
CATEGORIES = {
    "pelatihan",
    "literasi_digital",
    "pertanian",
    "umkm",
    "literasi_anak",
    "kesehatan",
    "bimbingan_belajar",
    "pertemuan",
    "bimtek",
    "lainnya",
}


class Demo:
    def __init__(self, db: Database, summary: DemoSummary, progress: list[tuple[int, int]]):
        self.db = db
        self.summary = summary
        self.progress = progress
        self.conn = db.connect()

    def rows(self, sql: str, *params: Any) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params))

    def scalar(self, sql: str, *params: Any) -> Any:
        return self.conn.execute(sql, params).fetchone()[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    db = Database(tmp_path_factory.mktemp("demo") / "data")
    calls: list[tuple[int, int]] = []
    summary = generate_demo(
        db, years=1, seed=1, today=TODAY, progress=lambda done, total: calls.append((done, total))
    )
    found = Demo(db, summary, calls)
    yield found
    found.conn.close()
    db.dispose()


def _cancelled_after(months: int) -> Any:
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > months

    return cancelled


def _local(text: str) -> datetime:
    """A stored UTC timestamp as WIB wall-clock time."""
    return datetime.fromisoformat(text) + WIB_HOURS


# --- the whole run -------------------------------------------------------------


def test_summary_matches_the_database(demo: Demo) -> None:
    s = demo.summary
    assert s.library_id == demo.scalar("SELECT id FROM library")
    for table, expected in [
        ("member", s.members),
        ("title", s.titles),
        ("item", s.items),
        ("visit", s.visits),
        ("loan", s.loans),
        ("activity", s.activities),
        ("partner", s.partners),
        ("partnership", s.partnerships),
        ("story", s.stories),
    ]:
        assert demo.scalar(f"SELECT count(*) FROM {table}") == expected, table
    # a village library's year, roughly
    assert 200 <= s.members <= 600
    assert 1300 <= s.titles <= 1800 and s.titles <= s.items <= 3 * s.titles
    assert 2500 <= s.visits <= 8000
    assert 800 <= s.loans <= 4000
    assert 48 <= s.activities <= 110
    assert 8 <= s.partners <= 16 and s.partnerships >= 4 and s.stories >= 1


def test_a_real_village_and_the_demo_setting(demo: Demo) -> None:
    library = demo.rows("SELECT * FROM library")[0]
    assert library["region_code"] == DEMO_REGION
    assert library["library_type"] == "desa" and library["time_zone"] == "WIB"
    assert Settings(demo.conn).get("demo") is True
    assert Settings(demo.conn).get("language") == "id"


def test_demo_users_log_in_with_the_demo_password(demo: Demo) -> None:
    users = UserService(demo.conn)
    for username, full_name, role, password in DEMO_USERS:
        assert password == "perpusdesa"
        user = users.login(username, password)
        assert (user.full_name, user.role.value) == (full_name, role)
    assert [u[0] for u in DEMO_USERS] == ["admin", "pengelola", "relawan"]


def test_progress_counts_up_to_the_total(demo: Demo) -> None:
    done = [d for d, _ in demo.progress]
    totals = {t for _, t in demo.progress}
    assert len(totals) == 1
    assert done == sorted(done) and done[-1] == totals.pop()
    assert len(done) >= 13  # set-up, then each month


def test_every_synced_record_has_its_outbox_row(demo: Demo) -> None:
    for table in sorted(SYNCED_TABLES):
        missing = demo.scalar(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM outbox o"
            f" WHERE o.table_name = ? AND o.record_id = t.id AND o.version = t.version)",
            table,
        )
        assert missing == 0, table
        created = demo.scalar(
            "SELECT count(DISTINCT record_id) FROM outbox WHERE table_name = ? AND op = 'create'",
            table,
        )
        assert created == demo.scalar(f"SELECT count(*) FROM {table}"), table
    # changes after creation went through the unit of work as well
    assert demo.scalar("SELECT count(*) FROM outbox WHERE op = 'update'") > 0
    assert demo.scalar("SELECT max(version) FROM item") == 2
    seqs = [r[0] for r in demo.rows("SELECT seq FROM outbox ORDER BY seq")]
    assert len(seqs) == len(set(seqs))


def test_records_have_time_ordered_uuid_ids(demo: Demo) -> None:
    for table in ("member", "visit", "loan", "title", "item", "activity", "story"):
        for row in demo.rows(f"SELECT id FROM {table} LIMIT 50"):
            assert re.fullmatch(
                r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", row[0]
            )


# --- visits ----------------------------------------------------------------------


def test_visit_headcounts_add_up(demo: Demo) -> None:
    kinds = {r[0]: r[1] for r in demo.rows("SELECT kind, count(*) FROM visit GROUP BY kind")}
    assert set(kinds) == {"member", "guest", "group"}
    for row in demo.rows("SELECT * FROM visit"):
        ages = json.loads(row["age_counts"])
        purposes = json.loads(row["purposes"])
        assert purposes and set(purposes) <= set(PURPOSES)
        assert purposes == sorted(purposes, key=PURPOSES.index)
        assert set(ages) <= set(AGE_BANDS) and all(n > 0 for n in ages.values())
        people = row["count_male"] + row["count_female"]
        if row["kind"] == "group":
            assert sum(ages.values()) == people > 1
            assert row["group_name"] and row["member_id"] is None
        else:
            assert (row["count_male"], row["count_female"]) == (
                (1, 0) if row["gender"] == "L" else (0, 1)
            )
            assert ages == {row["age_band"]: 1}
            assert (row["member_id"] is not None) == (row["kind"] == "member")


def test_visits_keep_opening_hours_and_rhythm(demo: Demo) -> None:
    per_weekday = [0] * 7
    per_hour: dict[int, int] = {}
    for (text,) in demo.rows("SELECT visited_at FROM visit"):
        local = _local(text)
        assert START <= local.date() < TODAY
        assert 8 <= local.hour < 17
        per_weekday[local.weekday()] += 1
        per_hour[local.hour] = per_hour.get(local.hour, 0) + 1
    assert per_weekday[6] < min(per_weekday[:6])  # quieter on Sundays
    assert per_hour[14] > per_hour[12]  # after school beats lunchtime
    # closed on Independence Day and over Lebaran (Idul Fitri 2026-03-21)
    for closed in (date(2026, 8, 17), date(2026, 3, 21), date(2026, 3, 22)):
        start = datetime.combine(closed, datetime.min.time()) - WIB_HOURS
        n = demo.scalar(
            "SELECT count(*) FROM visit WHERE visited_at >= ? AND visited_at < ?",
            str(start),
            str(start + timedelta(days=1)),
        )
        assert n == 0, closed


def test_member_visits_follow_registration(demo: Demo) -> None:
    early = demo.scalar(
        "SELECT count(*) FROM visit v JOIN member m ON m.id = v.member_id"
        " WHERE date(datetime(v.visited_at, '+7 hours')) <= m.registered_on"
    )
    assert early == 0
    after_leaving = demo.scalar(
        "SELECT count(*) FROM visit v JOIN member m ON m.id = v.member_id"
        " WHERE m.deactivated_at IS NOT NULL AND v.visited_at >= m.deactivated_at"
    )
    assert after_leaving == 0


# --- loans -------------------------------------------------------------------------


def test_no_copy_is_on_two_loans_at_once(demo: Demo) -> None:
    twice = demo.rows(
        "SELECT item_id FROM loan WHERE returned_at IS NULL GROUP BY item_id HAVING count(*) > 1"
    )
    assert twice == []
    last: dict[str, tuple[str, str | None]] = {}
    for row in demo.rows("SELECT item_id, loaned_at, returned_at FROM loan ORDER BY loaned_at"):
        before = last.get(row["item_id"])
        if before is not None:
            assert before[1] is not None and before[1] <= row["loaned_at"]
        if row["returned_at"] is not None:
            assert row["returned_at"] > row["loaned_at"]
        last[row["item_id"]] = (row["loaned_at"], row["returned_at"])


def test_open_loans_show_their_copies_as_lent(demo: Demo) -> None:
    open_items = {r[0] for r in demo.rows("SELECT item_id FROM loan WHERE returned_at IS NULL")}
    lent = {r[0] for r in demo.rows("SELECT id FROM item WHERE status = 'dipinjam'")}
    assert open_items and open_items == lent
    today = TODAY.isoformat()
    overdue = demo.scalar(
        "SELECT count(*) FROM loan WHERE returned_at IS NULL AND due_on < ?", today
    )
    not_yet_due = demo.scalar(
        "SELECT count(*) FROM loan WHERE returned_at IS NULL AND due_on >= ?", today
    )
    assert overdue > 0 and not_yet_due > 0
    total = demo.summary.loans
    returned = demo.scalar("SELECT count(*) FROM loan WHERE returned_at IS NOT NULL")
    late = demo.scalar(
        "SELECT count(*) FROM loan WHERE date(datetime(returned_at, '+7 hours')) > due_on"
    )
    assert returned > 0.9 * total and 0.03 * total < late < 0.3 * total


def test_loan_periods_by_member_type(demo: Demo) -> None:
    rows = demo.rows(
        "SELECT m.member_type, l.loaned_at, l.due_on FROM loan l JOIN member m ON m.id = l.member_id"
        " WHERE l.renewals = 0"
    )
    assert rows
    for row in rows:
        days = (date.fromisoformat(row["due_on"]) - _local(row["loaned_at"]).date()).days
        period = 7 if row["member_type"] == "anak" else 14
        assert period <= days <= period + 9  # moved past holidays and closed days


# --- members, collection, activities, stories ------------------------------------------


def test_members_are_plausible_and_consented(demo: Demo) -> None:
    kecamatan = DEMO_REGION.rsplit(".", 1)[0] + "."
    types = set()
    for row in demo.rows("SELECT * FROM member"):
        types.add(row["member_type"])
        assert row["gender"] in ("L", "P") and len(row["name"].split()) >= 1
        assert row["village_code"].startswith(kecamatan)
        assert row["consent_at"] and row["consent_by"]
        birth = date.fromisoformat(row["birth_date"])
        registered = date.fromisoformat(row["registered_on"])
        age = (registered - birth).days // 365.25
        if age < 17:  # minors: a guardian's consent
            assert row["guardian_name"] and row["guardian_consent_at"]
        if row["member_type"] == "anak":
            assert age <= 12
        if row["phone"] is not None:
            assert re.fullmatch(r"08\d{9,11}", row["phone"]), row["phone"]
        assert re.fullmatch(r"\d{3}", row["rt"]) and re.fullmatch(r"\d{3}", row["rw"])
    assert types == {"umum", "pelajar", "anak"}
    numbers = [r[0] for r in demo.rows("SELECT member_no FROM member")]
    assert len(numbers) == len(set(numbers))


def test_titles_and_copies(demo: Demo) -> None:
    isbns = [r[0] for r in demo.rows("SELECT isbn FROM title WHERE isbn IS NOT NULL")]
    assert len(isbns) > 0.7 * demo.summary.titles
    for isbn in isbns:
        assert len(isbn) == 13 and isbn.startswith("978")
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(isbn))
        assert total % 10 == 0, isbn
    assert demo.scalar("SELECT count(*) FROM title WHERE ddc LIKE '2X%'") > 0
    assert demo.scalar("SELECT count(*) FROM title WHERE material_type = 'buku'") > (
        0.9 * demo.summary.titles
    )
    barcodes = [r[0] for r in demo.rows("SELECT barcode FROM item")]
    assert all(re.fullmatch(r"B\d{6}", b) for b in barcodes)
    assert len(set(barcodes)) == len(barcodes)
    sources = {r[0] for r in demo.rows("SELECT DISTINCT source FROM item")}
    assert sources == {"perpusnas", "hibah", "pembelian", "swadaya"}
    copies = demo.rows("SELECT count(*) FROM item GROUP BY title_id")
    assert {r[0] for r in copies} <= {1, 2, 3}


def test_activities_count_their_participants(demo: Demo) -> None:
    now = datetime.combine(TODAY, datetime.min.time()) - WIB_HOURS
    statuses = set()
    for row in demo.rows("SELECT * FROM activity"):
        assert row["category_code"] in CATEGORIES
        assert row["strategy"] in ("layanan", "pelibatan", "advokasi")
        starts = datetime.fromisoformat(row["starts_at"])
        statuses.add(row["status"])
        if row["status"] == "rencana":
            assert starts >= now
        else:
            assert starts < now
        people = json.loads(row["participants"])
        male = sum(people.get("L", {}).values())
        female = sum(people.get("P", {}).values())
        assert (male, female) == (row["participants_male"], row["participants_female"])
        assert set(people) <= {"L", "P"}
        for bands in people.values():
            assert set(bands) <= set(AGE_BANDS)
        if row["status"] == "terlaksana":
            assert male + female > 0
        reps = json.loads(row["representatives"])
        assert sum(reps.values()) <= male + female
        if row["kind"] == "pertemuan" and row["status"] == "terlaksana":
            assert reps
    assert statuses == {"terlaksana", "rencana", "batal"}
    women = demo.scalar(
        "SELECT sum(participants_female) * 1.0 / sum(participants_male + participants_female)"
        " FROM activity WHERE category_code IN ('kesehatan', 'umkm', 'pelatihan')"
    )
    assert women > 0.65


def test_partnerships_and_stories(demo: Demo) -> None:
    kinds = {r[0] for r in demo.rows("SELECT DISTINCT kind FROM partnership")}
    assert {"mou", "dukungan", "regulasi"} <= kinds
    apbdes = demo.rows("SELECT value_rupiah FROM partnership WHERE support_type = 'apbdes'")
    assert apbdes and all(r[0] >= 1_000_000 for r in apbdes)
    for row in demo.rows("SELECT * FROM story"):
        assert row["consent_at"] and row["consent_witness"]
        assert row["activity_id"] is not None
        if row["age_band"] in ("anak", "remaja"):
            assert row["guardian_name"] and row["guardian_consent_at"]


def test_datetimes_read_back_aware_utc(demo: Demo) -> None:
    from sqlalchemy import select

    from app.db.models import Loan, Visit

    with demo.db.session() as session:
        visit = session.scalars(select(Visit).limit(1)).one()
        loan = session.scalars(select(Loan).where(Loan.returned_at.is_not(None)).limit(1)).one()
    assert visit.visited_at.tzinfo is UTC
    assert loan.returned_at is not None and loan.returned_at.tzinfo is UTC


# --- refusals, determinism, cancelling ----------------------------------------------------


def test_refuses_a_folder_with_a_library(demo: Demo) -> None:
    with pytest.raises(ValidationError):
        generate_demo(demo.db, years=1, seed=1, today=TODAY)


@pytest.mark.parametrize("years", [0, -1, 21])
def test_refuses_a_silly_number_of_years(tmp_path: Path, years: int) -> None:
    with pytest.raises(ValidationError) as caught:
        generate_demo(Database(tmp_path), years=years, today=TODAY)
    assert caught.value.field == "years"
    assert not Database(tmp_path).exists()


def _first_months(db: Database, before: str) -> tuple[list[tuple[str, ...]], list[str], int]:
    conn = db.connect()
    try:
        members = [
            tuple(r)
            for r in conn.execute(
                "SELECT id, member_no, name, birth_date FROM member WHERE registered_on < ?"
                " ORDER BY member_no",
                (before,),
            )
        ]
        visits = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM visit WHERE date(datetime(visited_at, '+7 hours')) < ? ORDER BY id",
                (before,),
            )
        ]
        titles = int(conn.execute("SELECT count(*) FROM title").fetchone()[0])
        return members, visits, titles
    finally:
        conn.close()


def test_same_seed_same_library_and_cancel_keeps_whole_months(demo: Demo, tmp_path: Path) -> None:
    db = Database(tmp_path / "again")
    with pytest.raises(KnownError) as caught:
        generate_demo(db, years=1, seed=1, today=TODAY, cancelled=_cancelled_after(2))
    assert caught.value.message == "Demo creation was cancelled."
    # two whole months were written: November (from the 26th) and December 2025
    members, visits, _ = _first_months(db, "2026-01-01")
    assert members and visits
    assert (members, visits) == _first_months(demo.db, "2026-01-01")[:2]
    assert _first_months(db, "2027-01-01")[:2] == (members, visits)  # and nothing later
    db.dispose()


def test_another_seed_another_library(demo: Demo, tmp_path: Path) -> None:
    db = Database(tmp_path / "other")
    with pytest.raises(KnownError):
        generate_demo(db, years=1, seed=2, today=TODAY, cancelled=_cancelled_after(1))
    members, visits, titles = _first_months(db, "2026-01-01")
    theirs, our_visits, _ = _first_months(demo.db, "2025-12-01")
    assert titles >= 1000  # the starting collection came with the first month
    assert [m[2] for m in members] != [m[2] for m in theirs]
    assert visits != our_visits
    db.dispose()


def test_members_and_visits_use_the_shared_codes(demo: Demo) -> None:
    """Statistics count by code: the demo must not invent its own spellings."""
    from app.core.codes import EDUCATION, OCCUPATIONS, codes

    occupations = {r[0] for r in demo.rows("SELECT DISTINCT occupation FROM member")}
    occupations |= {
        r[0]
        for r in demo.rows("SELECT DISTINCT occupation FROM visit WHERE occupation IS NOT NULL")
    }
    assert occupations <= set(codes(OCCUPATIONS))
    education = {r[0] for r in demo.rows("SELECT DISTINCT education FROM member")}
    assert education <= set(codes(EDUCATION))
    numbers = [r[0] for r in demo.rows("SELECT member_no FROM member")]
    assert all(re.fullmatch(r"\d{4}-\d{4}", number) for number in numbers)
