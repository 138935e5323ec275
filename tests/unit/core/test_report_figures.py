"""The report's figures (``app.reports.figures.compute_report``) against hand-counted fixtures.

The library is Miroto (WIB, UTC+7). Records are made through the services
(visits, loans, activities, stories, partnerships) or the unit of work
(members, titles, copies), each at a chosen local time; "now" is 10:00 WIB on
10 April 2028, so that October 2027 and February 2028 are over.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.core.activities import ActivityInput, ActivityService, activity_views_between
from app.core.circulation import CirculationService
from app.core.partnerships import PartnerInput, PartnershipInput, PartnershipService
from app.core.settings import Settings
from app.core.stories import StoryInput, StoryService, story_views_between
from app.core.visits import VisitInput, VisitService
from app.db.models import Item, Loan, Member, Title
from app.db.uow import UnitOfWork
from app.reports.figures import compute_report, excerpt, initials
from app.reports.model import Breakdown, Comparison, Period, Report
from tests.conftest import LibraryDb

WIB = timezone(timedelta(hours=7))
NOW = datetime(2028, 4, 10, 10, 0, tzinfo=WIB).astimezone(UTC)
OCT_2027 = Period.of_month(2027, 10)


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


class Clock:
    def __init__(self) -> None:
        self.at = NOW

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def visits(library_db: LibraryDb) -> Iterator[VisitService]:
    service = VisitService(library_db.db, library_db.admin, now=lambda: NOW)
    yield service
    service.close()


def report(conn: sqlite3.Connection, period: Period = OCT_2027) -> Report:
    return compute_report(conn, period, now=NOW)


def guest(
    service: VisitService,
    when: datetime,
    gender: str = "L",
    band: str = "dewasa",
    purposes: tuple[str, ...] = ("membaca",),
) -> str:
    return service.record(
        VisitInput(kind="guest", visited_at=when, gender=gender, age_band=band, purposes=purposes)
    )


def add_member(library_db: LibraryDb, number: str, **fields: Any) -> str:
    values: dict[str, Any] = {
        "member_no": number,
        "name": f"Anggota {number}",
        "gender": "P",
        "birth_date": date(1990, 5, 1),
        "member_type": "umum",
        "registered_on": date(2027, 1, 10),
        "expires_on": date(2030, 1, 10),
        "consent_at": NOW - timedelta(days=900),
        "consent_by": library_db.admin.id,
        "active": True,
    }
    values.update(fields)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(Member(**values))
    return member.id


def add_title(
    library_db: LibraryDb,
    title: str,
    copies: dict[str, tuple[date, str]],
    ddc: str | None = None,
) -> str:
    """A title with copies {barcode: (acquired on, source)}."""
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.add(Title(title=title, authors="Penulis", material_type="buku", ddc=ddc))
        uow.flush()
        for barcode, (acquired, source) in copies.items():
            uow.add(Item(title_id=record.id, barcode=barcode, source=source, acquired_on=acquired))
    return record.id


def tombstone(library_db: LibraryDb, model: Any, record_id: str) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(model, record_id)
        assert record is not None
        uow.delete(record)


def breakdowns(value: object, path: str = "report") -> Iterator[tuple[str, Breakdown]]:
    """Every Breakdown inside a report, with where it is."""
    if isinstance(value, Breakdown):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from breakdowns(getattr(value, f.name), f"{path}.{f.name}")


def assert_breakdowns_add_up(r: Report) -> int:
    checked = 0
    for path, breakdown in breakdowns(r):
        if breakdown.overlapping:
            continue
        total = Comparison()
        for row in breakdown.rows:
            total = total + row.value
        assert total == breakdown.total, f"{path} rows add up to {total}, not {breakdown.total}"
        checked += 1
    return checked


def values(breakdown: Breakdown) -> dict[str, int]:
    """This period's figure of each row."""
    return {row.code: row.value.current for row in breakdown.rows}


# --- periods -----------------------------------------------------------------------------


def test_previous_of_january_is_december_of_last_year() -> None:
    assert Period.of_month(2028, 1).previous() == Period.of_month(2027, 12)
    assert Period.of_month(2028, 3).previous() == Period.of_month(2028, 2)
    assert Period.of_year(2028).previous() == Period.of_year(2027)


def test_same_month_last_year_across_a_leap_year() -> None:
    february = Period.of_month(2028, 2)
    assert february.last_day == date(2028, 2, 29)
    assert february.same_last_year() == Period.of_month(2027, 2)
    assert february.same_last_year().last_day == date(2027, 2, 28)
    assert Period.of_month(2029, 2).same_last_year().last_day == date(2028, 2, 29)


def test_period_keys_parse_back() -> None:
    assert Period.parse("2026-11") == Period.of_month(2026, 11)
    assert Period.parse("2026") == Period.of_year(2026)
    assert Period.of_month(2026, 1).key == "2026-01"
    for bad in ("2026-13", "26-11", "2026-1", "November"):
        with pytest.raises(ValueError):
            Period.parse(bad)


# --- visits ------------------------------------------------------------------------------


def test_a_visit_at_2359_local_time_on_the_last_day_belongs_to_that_month(
    conn: sqlite3.Connection, visits: VisitService
) -> None:
    guest(visits, wib(2027, 9, 30, 23, 59))  # September
    guest(visits, wib(2027, 10, 1, 0, 0))  # October's first minute
    guest(visits, wib(2027, 10, 31, 23, 59))  # 16:59 UTC: still October in WIB
    guest(visits, wib(2027, 11, 1, 0, 1))  # 31 Oct 17:01 UTC, but November in WIB

    october = report(conn).visits
    assert october.people == Comparison(current=2, previous=1, last_year=0)
    days = {d.day: d.people for d in october.per_day}
    assert len(october.per_day) == 31
    assert days[date(2027, 10, 1)] == 1
    assert days[date(2027, 10, 31)] == 1
    assert sum(days.values()) == 2
    november = report(conn, Period.of_month(2027, 11)).visits
    assert november.people == Comparison(current=1, previous=2, last_year=0)
    assert november.per_day[0].people == 1


def test_visit_breakdowns_hand_counted(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    add_member(library_db, "A001", gender="P", birth_date=date(1990, 5, 1))  # adult woman
    visits.record(
        VisitInput(
            kind="member",
            member_no="A001",
            visited_at=wib(2027, 10, 4, 9, 0),
            purposes=("pinjam", "membaca"),
        )
    )
    guest(visits, wib(2027, 10, 5, 10, 0), "L", "anak", ("membaca", "internet"))
    guest(visits, wib(2027, 10, 6, 10, 0), "P", "dewasa", ("informasi",))
    visits.record(
        VisitInput(
            kind="group",
            visited_at=wib(2027, 10, 7, 10, 0),
            group_name="SD Negeri 1",
            group_leader="Bu Guru",
            count_male=3,
            count_female=4,
            age_counts={"anak": 5, "dewasa": 2},
            purposes=("kegiatan", "membaca"),
        )
    )
    deleted = guest(visits, wib(2027, 10, 8, 10, 0), "L", "lansia", ("internet",))
    visits.delete(deleted)
    guest(visits, wib(2026, 10, 20, 10, 0), "P", "remaja")  # October last year

    v = report(conn).visits
    assert v.people == Comparison(current=10, previous=0, last_year=1)
    assert v.visits.current == 4  # the group is one line
    assert values(v.by_gender) == {"L": 4, "P": 6}
    assert values(v.by_kind) == {"member": 1, "guest": 2, "group": 7}
    assert values(v.by_age_band) == {
        "anak": 6,
        "remaja": 0,
        "dewasa": 4,
        "lansia": 0,
        "unknown": 0,
    }
    assert v.by_age_band.value("remaja").last_year == 1
    purposes = values(v.by_purpose)
    assert v.by_purpose.overlapping
    assert purposes["membaca"] == 1 + 1 + 7
    assert purposes["internet"] == 1  # the deleted visit counts nowhere
    assert purposes["kegiatan"] == 7
    assert purposes["pinjam"] == 1
    assert purposes["informasi"] == 1
    assert sum(d.people for d in v.per_day) == 10
    assert v.per_month == (v.per_day[0].__class__(date(2027, 10, 1), 10),)


def test_the_report_counts_visits_as_the_guestbook_day_totals_do(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    add_member(library_db, "U1", gender="L", birth_date=None)  # age band not known
    make_year(library_db, visits)
    for day in (3, 14, 28):
        visits.record(
            VisitInput(
                kind="member",
                member_no="U1",
                visited_at=wib(2027, 6, day, 11),
                purposes=("membaca", "pinjam"),
            )
        )
    visits.record(
        VisitInput(
            kind="group",
            visited_at=wib(2027, 6, 14, 9),
            group_name="PKK",
            group_leader="Bu RT",
            count_female=12,
            age_counts={"dewasa": 12},
            purposes=("kegiatan",),
        )
    )
    june = report(conn, Period.of_month(2027, 6)).visits
    days = [visits.day_totals(date(2027, 6, d)) for d in range(1, 31)]
    assert june.people.current == sum(t.people for t in days) == 17
    assert june.by_age_band.value("unknown").current == sum(t.age_unknown for t in days) == 3
    assert june.by_kind.value("group").current == sum(t.groups for t in days)
    assert june.by_kind.value("member").current == sum(t.members for t in days)
    for band in ("anak", "remaja", "dewasa", "lansia"):
        assert june.by_age_band.value(band).current == sum(t.by_age_band.get(band, 0) for t in days)
    for purpose in ("membaca", "pinjam", "internet", "belajar", "kegiatan"):
        assert june.by_purpose.value(purpose).current == sum(
            t.by_purpose.get(purpose, 0) for t in days
        )
    assert june.by_purpose.value("kegiatan").current == 12


def test_damaged_json_in_a_visit_does_not_break_the_report(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    damaged = guest(visits, wib(2027, 10, 5, 10), "P", "anak", ("membaca",))
    array = guest(visits, wib(2027, 10, 6, 10), "L", "anak", ("internet",))
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        raw = uow.dbapi_connection()
        raw.execute(
            "UPDATE visit SET age_counts = 'not json', purposes = '{\"membaca\": 1}' WHERE id = ?",
            (damaged,),
        )
        raw.execute("UPDATE visit SET age_counts = '[7]' WHERE id = ?", (array,))
    v = report(conn).visits
    assert v.people.current == 2
    assert values(v.by_age_band) == {"anak": 0, "remaja": 0, "dewasa": 0, "lansia": 0, "unknown": 2}
    assert values(v.by_purpose)["membaca"] == 0
    assert values(v.by_purpose)["internet"] == 1


def test_a_renamed_purpose_keeps_its_code_and_is_shown_as_typed(
    conn: sqlite3.Connection, visits: VisitService
) -> None:
    Settings(conn).set(
        "purposes",
        [
            {"code": "membaca", "label": "Baca di tempat"},
            {"code": "pinjam", "label": "Borrowing or returning books"},
            {"code": "internet", "label": "Internet or computer"},
            {"code": "kegiatan", "label": "Taking part in an activity"},
            {"code": "belajar", "label": "Studying or homework"},
            {"code": "informasi", "label": "Looking for information"},
            {"code": "lainnya", "label": "Other", "hidden": True},
        ],
    )
    guest(visits, wib(2027, 10, 5, 10, 0))
    rows = {row.code: row for row in report(conn).visits.by_purpose.rows}
    assert (rows["membaca"].label, rows["membaca"].own_label) == ("Baca di tempat", True)
    assert rows["membaca"].value.current == 1
    assert (rows["pinjam"].label, rows["pinjam"].own_label) == (
        "Borrowing or returning books",
        False,
    )
    assert "lainnya" in rows  # hidden, still listed for old visits


def test_february_2028_against_february_2027_with_29_february(
    conn: sqlite3.Connection, visits: VisitService
) -> None:
    guest(visits, wib(2028, 2, 29, 10, 0))
    guest(visits, wib(2028, 2, 29, 23, 59))
    guest(visits, wib(2028, 3, 1, 0, 0))  # March
    guest(visits, wib(2028, 1, 31, 12, 0))  # the month before
    guest(visits, wib(2027, 2, 28, 23, 59))  # the same month last year
    guest(visits, wib(2027, 3, 1, 0, 1))  # not February 2027

    february = report(conn, Period.of_month(2028, 2))
    assert february.last_year == Period.of_month(2027, 2)
    assert february.visits.people == Comparison(current=2, previous=1, last_year=1)
    assert len(february.visits.per_day) == 29
    assert february.visits.per_day[-1].day == date(2028, 2, 29)
    assert february.visits.per_day[-1].people == 2
    march = report(conn, Period.of_month(2028, 3))
    assert march.visits.people == Comparison(current=1, previous=2, last_year=1)


def test_january_is_compared_with_december_of_the_year_before(
    conn: sqlite3.Connection, visits: VisitService
) -> None:
    guest(visits, wib(2027, 12, 31, 23, 30))
    guest(visits, wib(2028, 1, 1, 0, 30))
    guest(visits, wib(2027, 1, 15, 9, 0))
    january = report(conn, Period.of_month(2028, 1))
    assert january.previous == Period.of_month(2027, 12)
    assert january.visits.people == Comparison(current=1, previous=1, last_year=1)


# --- membership and collection -----------------------------------------------------------


def test_membership_new_active_total(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    add_member(library_db, "M1", gender="L", member_type="umum", registered_on=date(2027, 3, 1))
    add_member(library_db, "M2", gender="P", member_type="anak", registered_on=date(2027, 10, 31))
    add_member(library_db, "M3", gender="P", member_type="pelajar", registered_on=date(2027, 11, 1))
    add_member(  # left in November: still a member at the end of October
        library_db,
        "M4",
        gender="L",
        member_type="pelajar",
        registered_on=date(2027, 9, 5),
        active=False,
        deactivated_at=wib(2027, 11, 3, 9, 0).astimezone(UTC),
    )
    gone = add_member(library_db, "M5", gender="L", registered_on=date(2027, 10, 2))
    tombstone(library_db, Member, gone)
    visits.record(
        VisitInput(
            kind="member", member_no="M1", visited_at=wib(2027, 10, 9, 9), purposes=("membaca",)
        )
    )

    m = report(conn).membership
    assert m.total == Comparison(current=3, previous=2, last_year=0)
    assert m.new == Comparison(current=1, previous=1, last_year=0)
    assert m.active == Comparison(current=1, previous=0, last_year=0)
    assert values(m.by_gender) == {"L": 2, "P": 1}
    assert values(m.by_member_type) == {"umum": 1, "pelajar": 1, "anak": 1}
    assert values(m.new_by_gender) == {"L": 0, "P": 1}
    november = report(conn, Period.of_month(2027, 11)).membership
    assert november.total.current == 3  # M3 joined, M4 left
    assert values(november.by_member_type) == {"umum": 1, "pelajar": 1, "anak": 1}


def test_collection_counts_copies_from_their_acquisition(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    add_title(
        library_db,
        "Bertani Cabai",
        {"B000001": (date(2026, 5, 1), "perpusnas"), "B000002": (date(2027, 10, 12), "hibah")},
    )
    add_title(library_db, "Kancil", {"B000003": (date(2027, 10, 31), "pembelian")})
    add_title(library_db, "Tahun Depan", {"B000004": (date(2027, 11, 1), "swadaya")})
    weeded = add_title(library_db, "Dihapus", {"B000005": (date(2027, 10, 2), "hibah")})
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        for item in uow.session.query(Item).filter(Item.title_id == weeded):
            uow.delete(item)
        title = uow.get(Title, weeded)
        assert title is not None
        uow.delete(title)

    c = report(conn).collection
    assert c.items == Comparison(current=3, previous=1, last_year=1)
    assert c.titles == Comparison(current=2, previous=1, last_year=1)
    assert c.new_items == Comparison(current=2, previous=0, last_year=0)
    assert c.new_titles == Comparison(current=1, previous=0, last_year=0)
    assert values(c.new_by_source) == {"perpusnas": 0, "hibah": 1, "pembelian": 1, "swadaya": 0}


# --- circulation -----------------------------------------------------------------------


def test_circulation_loans_returns_overdue_top_titles_and_ddc(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "A1")
    add_member(library_db, "A2", gender="L")
    add_title(
        library_db, "Fikih Sehari-hari", {"B000011": (date(2027, 1, 1), "perpusnas")}, "2X4.3"
    )
    add_title(
        library_db,
        "Laskar Pelangi",
        {"B000012": (date(2027, 1, 1), "perpusnas"), "B000013": (date(2027, 1, 1), "hibah")},
        "899.221 3",
    )
    add_title(library_db, "Tanpa Kelas", {"B000014": (date(2027, 1, 1), "hibah")})
    clock = Clock()
    desk = CirculationService(library_db.db, library_db.admin, now=clock)

    def at(moment: datetime) -> None:
        clock.at = moment.astimezone(UTC)

    at(wib(2027, 10, 4, 9))
    desk.lend("A1", "B000012")  # returned in October
    desk.lend("A2", "B000011")  # still out at the end of October, due 18 October
    at(wib(2027, 10, 9, 9))
    desk.return_item("B000012")
    at(wib(2027, 10, 20, 9))
    desk.lend("A1", "B000012")  # due in November: out, not overdue
    desk.lend("A1", "B000014")
    at(wib(2027, 10, 25, 9))
    late = desk.lend("A2", "B000013")  # tombstoned below: counts nowhere
    at(wib(2027, 11, 2, 9))
    desk.return_item("B000011")  # returned in November: overdue at the end of October
    desk.close()
    tombstone(library_db, Loan, late.id)

    c = report(conn).circulation
    assert c.loans == Comparison(current=4, previous=0, last_year=0)
    assert c.returns.current == 1
    assert c.overdue.current == 1
    assert c.borrowers.current == 2
    assert [(t.title, t.loans) for t in c.top_titles] == [
        ("Laskar Pelangi", 2),
        ("Fikih Sehari-hari", 1),
        ("Tanpa Kelas", 1),
    ]
    by_ddc = values(c.by_ddc)
    assert by_ddc["200"] == 1  # 2X4.3: Islam counts under religion
    assert by_ddc["800"] == 2
    assert by_ddc["unknown"] == 1
    assert sum(by_ddc.values()) == 4
    november = report(conn, Period.of_month(2027, 11)).circulation
    assert november.returns.current == 1
    # The two lent on 20 October were never returned: overdue at the end of November.
    assert november.overdue == Comparison(current=2, previous=1, last_year=0)


def test_overdue_of_a_month_not_over_is_taken_now(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "A1")
    add_title(library_db, "Kancil", {"B000021": (date(2027, 1, 1), "perpusnas")})
    clock = Clock()
    clock.at = wib(2028, 3, 20, 9).astimezone(UTC)
    with CirculationService(library_db.db, library_db.admin, now=clock) as desk:
        loan = desk.lend("A1", "B000021")
    assert loan.due_on == date(2028, 4, 3)
    april = compute_report(conn, Period.of_month(2028, 4), now=NOW)
    assert april.ends_at == date(2028, 4, 10)
    assert april.circulation.overdue.current == 1
    before_due = compute_report(conn, Period.of_month(2028, 4), now=wib(2028, 4, 3, 20))
    assert before_due.circulation.overdue.current == 0


# --- activities ------------------------------------------------------------------------


def test_activities_count_only_held_ones(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    service = ActivityService(library_db.db, library_db.admin, now=lambda: NOW)
    story_time = ActivityInput(
        title="Dongeng Anak",
        category="literasi_anak",
        strategy="layanan",
        starts_at=wib(2027, 10, 5, 15),
        participants={"L": {"anak": 5}, "P": {"anak": 7, "dewasa": 2}},
    )
    service.record(story_time)
    service.record(
        ActivityInput(
            title="Musyawarah Perpustakaan",
            category="pertemuan",
            strategy="advokasi",
            kind="pertemuan",
            starts_at=wib(2027, 10, 31, 23, 0),  # late on the last day: October
            participants={"L": {"dewasa": 3}},
            representatives={"pemerintah_desa": 2, "bpd": 1},
        )
    )
    cancelled = service.record(dataclasses.replace(story_time, starts_at=wib(2027, 10, 12, 15)))
    service.cancel(cancelled)
    deleted = service.record(dataclasses.replace(story_time, starts_at=wib(2027, 10, 19, 15)))
    service.delete(deleted)
    service.plan(dataclasses.replace(story_time, starts_at=wib(2027, 10, 26, 15), participants={}))
    service.record(dataclasses.replace(story_time, starts_at=wib(2027, 9, 7, 15)))
    service.close()

    a = report(conn).activities
    assert a.count == Comparison(current=2, previous=1, last_year=0)
    assert a.people == Comparison(current=17, previous=14, last_year=0)
    assert [(line.day, line.title, line.male, line.female) for line in a.lines] == [
        (date(2027, 10, 5), "Dongeng Anak", 5, 9),
        (date(2027, 10, 31), "Musyawarah Perpustakaan", 3, 0),
    ]
    assert a.lines[0].category_label == "Children's literacy and storytelling"
    assert a.lines[1].strategy_label == "Advocacy"
    assert values(a.by_category)["literasi_anak"] == 1
    assert values(a.by_category)["pertemuan"] == 1
    assert values(a.people_by_category)["literasi_anak"] == 14
    assert values(a.by_strategy) == {"layanan": 1, "pelibatan": 0, "advokasi": 1}
    assert values(a.by_gender) == {"L": 8, "P": 9}
    assert values(a.by_age_band) == {
        "anak": 12,
        "remaja": 0,
        "dewasa": 5,
        "lansia": 0,
        "unknown": 0,
    }
    assert a.meetings.current == 1
    assert a.representatives.current == 3
    assert (a.planned, a.cancelled) == (1, 1)


def test_activity_views_between_reads_the_month_as_the_calendar_does(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    service = ActivityService(library_db.db, library_db.admin, now=lambda: NOW)
    base = ActivityInput(
        title="Dongeng Anak",
        category="literasi_anak",
        strategy="layanan",
        starts_at=wib(2027, 10, 1, 0, 0),  # the first minute of October
        participants={"L": {"anak": 5}},
    )
    first = service.record(base)
    late = service.record(dataclasses.replace(base, starts_at=wib(2027, 10, 31, 23, 59)))
    cancelled = service.record(dataclasses.replace(base, starts_at=wib(2027, 10, 12, 15)))
    service.cancel(cancelled)
    deleted = service.record(dataclasses.replace(base, starts_at=wib(2027, 10, 19, 15)))
    service.delete(deleted)
    service.record(dataclasses.replace(base, starts_at=wib(2027, 11, 1, 0, 0)))  # November
    service.record(dataclasses.replace(base, starts_at=wib(2027, 9, 30, 23, 59)))  # September

    views = activity_views_between(conn, wib(2027, 10, 1), wib(2027, 11, 1), WIB)
    assert [v.id for v in views] == [first, cancelled, late]
    assert [v.day for v in views] == [date(2027, 10, 1), date(2027, 10, 12), date(2027, 10, 31)]
    assert views == service.month_list(2027, 10)
    service.close()


def test_story_views_between_leaves_out_deleted_stories_and_other_months(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    service = StoryService(library_db.db, library_db.admin, now=lambda: NOW)
    base = StoryInput(
        person_name="Siti Wulandari",
        gender="P",
        age_band="dewasa",
        category="peningkatan_pendapatan",
        title="Siti menjual keripik",
        text="Setelah pelatihan, Siti mulai menjual keripik singkong.",
        consent_given=True,
        consent_witness=library_db.admin.id,
        consent_on=date(2027, 10, 20),
    )
    later = service.record(base)
    earlier = service.record(dataclasses.replace(base, consent_on=date(2027, 10, 1)))
    gone = service.record(dataclasses.replace(base, consent_on=date(2027, 10, 21)))
    service.delete(gone)
    service.record(dataclasses.replace(base, consent_on=date(2027, 11, 1)))

    views = story_views_between(conn, wib(2027, 10, 1), wib(2027, 11, 1), WIB)
    assert [v.id for v in views] == [earlier, later]  # in the order the consent was given
    assert [v.consent_on for v in views] == [date(2027, 10, 1), date(2027, 10, 20)]
    assert views == [service.get(earlier), service.get(later)]
    service.close()


# --- partnerships and stories --------------------------------------------------------------


def test_partnerships_of_the_month(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    service = PartnershipService(library_db.db, library_db.admin, now=lambda: NOW)
    puskesmas = service.add_partner(PartnerInput("Puskesmas Miroto", "kesehatan"))
    service.add(
        PartnershipInput(
            kind="mou",
            title="Pojok Baca Sehat",
            start_on=date(2027, 10, 3),
            end_on=date(2028, 10, 2),
            partner_id=puskesmas,
            number="01/MOU/X/2027",
        )
    )
    service.add(
        PartnershipInput(
            kind="dukungan",
            title="Dana desa untuk buku",
            start_on=date(2027, 10, 31),
            support_type="apbdes",
            value_rupiah=5_000_000,
        )
    )
    gone = service.add(
        PartnershipInput(
            kind="dukungan",
            title="Salah ketik",
            start_on=date(2027, 10, 15),
            support_type="apbdes",
            value_rupiah=900_000_000,
        )
    )
    service.delete(gone)
    service.add(
        PartnershipInput(
            kind="dukungan",
            title="Rak buku",
            start_on=date(2027, 9, 30),
            support_type="peralatan",
            value_rupiah=1_250_000,
        )
    )
    service.close()

    p = report(conn).partnerships
    assert [(line.title, line.partner, line.kind) for line in p.agreements] == [
        ("Pojok Baca Sehat", "Puskesmas Miroto", "mou")
    ]
    assert [(line.title, line.rupiah, line.support_type) for line in p.support] == [
        ("Dana desa untuk buku", 5_000_000, "apbdes")
    ]
    assert p.rupiah == Comparison(current=5_000_000, previous=1_250_000, last_year=0)
    assert p.new_agreements.current == 1
    assert p.support_received == Comparison(current=1, previous=1, last_year=0)
    assert values(p.rupiah_by_type)["apbdes"] == 5_000_000
    assert p.in_force == Comparison(current=1, previous=0, last_year=0)


def test_stories_show_initials_without_consent_to_the_name(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    service = StoryService(library_db.db, library_db.admin, now=lambda: NOW)
    base = StoryInput(
        person_name="Siti Wulandari",
        gender="P",
        age_band="dewasa",
        category="peningkatan_pendapatan",
        title="Siti Wulandari menjual keripik",
        text="Setelah pelatihan, Siti mulai menjual keripik singkong. " * 20,
        consent_given=True,
        consent_witness=library_db.admin.id,
        consent_on=date(2027, 10, 10),
    )
    service.record(base)
    service.record(
        dataclasses.replace(
            base,
            person_name="Budi Santoso",
            title="Budi belajar internet",
            text="Budi kini memasarkan hasil panen lewat internet.",
            publish_with_name=True,
            consent_on=date(2027, 10, 20),
        )
    )
    gone = service.record(dataclasses.replace(base, consent_on=date(2027, 10, 21)))
    service.delete(gone)
    service.record(dataclasses.replace(base, consent_on=date(2027, 11, 1)))
    service.close()

    s = report(conn).stories
    assert s.count == Comparison(current=2, previous=0, last_year=0)
    hidden, named = s.lines
    assert (hidden.person, hidden.named) == ("S. W.", False)
    assert hidden.title == "S. W. menjual keripik"
    assert "Siti" not in hidden.excerpt and "Wulandari" not in hidden.excerpt
    assert hidden.excerpt.startswith("Setelah pelatihan, S. mulai")
    assert hidden.excerpt.endswith("…") and len(hidden.excerpt) <= 401
    assert (named.person, named.named, named.title) == (
        "Budi Santoso",
        True,
        "Budi belajar internet",
    )
    assert named.excerpt == "Budi kini memasarkan hasil panen lewat internet."


def test_initials_and_excerpt() -> None:
    assert initials("siti  nur wulandari") == "S. N. W."
    assert initials("") == ""
    assert excerpt("pendek") == "pendek"
    assert excerpt("satu dua tiga empat", limit=10) == "satu dua…"


# --- the whole report -----------------------------------------------------------------------


def make_year(library_db: LibraryDb, visits: VisitService) -> None:
    """A little of everything across 2027, and some of 2026."""
    add_member(library_db, "Y1", gender="L", registered_on=date(2026, 6, 1))
    add_member(library_db, "Y2", gender="P", member_type="anak", birth_date=date(2018, 1, 1))
    add_title(library_db, "Kancil", {"B000031": (date(2027, 2, 1), "perpusnas")}, "398.2")
    add_title(library_db, "Tani", {"B000032": (date(2027, 8, 1), "hibah")}, "631")
    for month in range(1, 13):
        guest(visits, wib(2027, month, 3, 10), "L", "dewasa", ("internet",))
        guest(visits, wib(2027, month, 28, 16), "P", "anak", ("membaca", "belajar"))
    guest(visits, wib(2026, 12, 31, 23, 59), "P", "lansia")
    visits.record(
        VisitInput(
            kind="member", member_no="Y2", visited_at=wib(2027, 2, 28, 23, 59), purposes=("pinjam",)
        )
    )
    clock = Clock()
    with CirculationService(library_db.db, library_db.admin, now=clock) as desk:
        for month, barcode in ((3, "B000031"), (9, "B000032"), (12, "B000031")):
            clock.at = wib(2027, month, 2, 9).astimezone(UTC)
            desk.lend("Y1", barcode)
            clock.at = wib(2027, month, 6, 9).astimezone(UTC)
            desk.return_item(barcode)
    with ActivityService(library_db.db, library_db.admin, now=lambda: NOW) as service:
        for month in (4, 11):
            service.record(
                ActivityInput(
                    title="Pelatihan Internet",
                    category="literasi_digital",
                    strategy="pelibatan",
                    starts_at=wib(2027, month, 10, 9),
                    participants={"L": {"dewasa": 4}, "P": {"remaja": 6}},
                )
            )
    with PartnershipService(library_db.db, library_db.admin, now=lambda: NOW) as partners:
        school = partners.add_partner(PartnerInput("SD Negeri 1", "sekolah"))
        partners.add(
            PartnershipInput(
                kind="pks", title="Kunjungan kelas", start_on=date(2027, 7, 1), partner_id=school
            )
        )


def test_every_breakdown_adds_up_to_its_total(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    make_year(library_db, visits)
    for period in (Period.of_month(2027, 2), Period.of_month(2027, 4), Period.of_year(2027)):
        assert assert_breakdowns_add_up(report(conn, period)) >= 14


def test_a_year_report_sums_its_months(
    library_db: LibraryDb, conn: sqlite3.Connection, visits: VisitService
) -> None:
    make_year(library_db, visits)
    year = report(conn, Period.of_year(2027))
    months = [report(conn, Period.of_month(2027, m)) for m in range(1, 13)]

    def summed(pick: Any) -> int:
        return sum(pick(m).current for m in months)

    assert year.previous == year.last_year == Period.of_year(2026)
    assert year.visits.people.current == summed(lambda m: m.visits.people) == 25
    assert year.visits.people.previous == 1
    assert year.circulation.loans.current == summed(lambda m: m.circulation.loans) == 3
    assert year.circulation.returns.current == summed(lambda m: m.circulation.returns)
    assert year.activities.count.current == summed(lambda m: m.activities.count) == 2
    assert year.activities.people.current == summed(lambda m: m.activities.people) == 20
    assert year.membership.new.current == summed(lambda m: m.membership.new)
    assert year.collection.new_items.current == summed(lambda m: m.collection.new_items) == 2
    for code in ("L", "P"):
        assert year.visits.by_gender.value(code).current == summed(
            lambda m, code=code: m.visits.by_gender.value(code)
        )
    assert [d.people for d in year.visits.per_month] == [m.visits.people.current for m in months]
    assert len(year.visits.per_day) == 365
    # The stock at the end of the year is the stock at the end of December.
    assert year.membership.total.current == months[-1].membership.total.current == 2
    assert year.collection.items.current == months[-1].collection.items.current == 2
    assert year.iplm is not None
    assert year.iplm.users.current == 25
    assert year.iplm.ict_users.current == 12
    assert year.iplm.read_on_site.current == 12
    assert year.iplm.loans.current == 3
    assert year.iplm.literacy_participants.current == 20
    assert year.iplm.activities.current == 2
    assert year.iplm.partnerships.current == 1
    assert months[0].iplm is None


def test_the_header_names_the_library_and_the_region(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    Settings(conn).set("paper", "F4")
    header = report(conn).header
    assert header.name == "Perpustakaan Desa Miroto"
    assert (header.village, header.kecamatan, header.provinsi) == (
        "Miroto",
        "Semarang Tengah",
        "Jawa Tengah",
    )
    assert "Semarang" in header.kabupaten
    assert header.head_name == "Sri Wahyuni"
    assert header.village_head_name == "Joko Santoso"
    assert header.address == "Jl. Pemuda No. 1"
    assert header.paper == "F4"
    assert header.time_zone == "WIB"


def test_an_empty_library_reports_zeros(conn: sqlite3.Connection) -> None:
    r = report(conn)
    assert r.visits.people == Comparison()
    assert r.circulation.top_titles == ()
    assert r.activities.lines == ()
    assert r.notes.text == ""
    assert assert_breakdowns_add_up(r) >= 14
