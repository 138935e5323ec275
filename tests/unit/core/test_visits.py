"""The guestbook service: every bad input refused with nothing written, and counts that add up.

The library is Miroto (Semarang Tengah, Kota Semarang): WIB, seven hours ahead of
UTC. The service's clock is fixed at 10:00 WIB on 15 November 2026 unless a test
says otherwise; records' own ``created_at`` stamps come from the real clock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from app.core import codes
from app.core.auth import Role, User, UserService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.settings import Settings
from app.core.visits import MemberCheck, RepeatVisit, VisitInput, VisitService, origin_villages
from app.db.models import Member
from app.db.uow import UnitOfWork
from tests.conftest import VILLAGE_CODE, LibraryDb

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=WIB).astimezone(UTC)
TODAY = date(2026, 11, 15)
NEIGHBOUR = "33.74.01.1002"  # Brumbungan, same kecamatan
ELSEWHERE = "33.74.02.1001"  # Bandarharjo, another kecamatan


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[VisitService]:
    with VisitService(library_db.db, library_db.admin, now=lambda: NOW) as found:
        yield found


def add_member(library_db: LibraryDb, number: str, **fields: Any) -> str:
    values: dict[str, Any] = {
        "member_no": number,
        "name": f"Anggota {number}",
        "gender": "P",
        "birth_date": date(1990, 5, 1),
        "village_code": VILLAGE_CODE,
        "occupation": "guru",
        "member_type": "umum",
        "registered_on": date(2025, 1, 10),
        "consent_at": NOW - timedelta(days=300),
        "consent_by": library_db.admin.id,
        "active": True,
    }
    values.update(fields)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(Member(**values))
    return member.id


def make_user(conn: sqlite3.Connection, admin: User, username: str, role: Role) -> User:
    return UserService(conn).create_user(admin, username, username.title(), role, "kata-sandi-1")


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(visits, outbox rows, audit entries): what a write leaves behind."""
    return (
        conn.execute("SELECT count(*) FROM visit").fetchone()[0],
        conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
    )


def stored(conn: sqlite3.Connection, visit_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM visit WHERE id = ?", (visit_id,)).fetchone()
    assert row is not None
    return row


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


GUEST = VisitInput(
    kind="guest",
    visited_at=at(TODAY, 9),
    guest_name="Pak Darto",
    gender="L",
    age_band="lansia",
    occupation="petani",
    origin_village_code=NEIGHBOUR,
    purposes=("membaca", "informasi"),
)
GROUP = VisitInput(
    kind="group",
    visited_at=at(TODAY, 8, 30),
    group_name="SD Negeri Miroto 01",
    group_leader="Bu Ratna",
    group_phone="0812-2345 678",
    count_male=12,
    count_female=14,
    age_counts={"anak": 24, "dewasa": 2},
    purposes=("membaca", "belajar"),
)


# --- members at the desk -------------------------------------------------------------


def test_member_visit_stores_the_member_not_the_name(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    member_id = add_member(library_db, "20260001", name="Ayu Kartika", gender="P")
    visit_id = service.record(
        VisitInput(kind="member", member_no=" 20260001 ", purposes=("pinjam",))
    )
    row = stored(conn, visit_id)
    assert row["member_id"] == member_id
    assert (row["gender"], row["age_band"]) == ("P", "dewasa")
    assert (row["count_male"], row["count_female"]) == (0, 1)
    assert row["age_counts"] == '{"dewasa": 1}'
    assert row["guest_name"] is None
    assert "Ayu" not in " ".join(str(value) for value in row)
    assert row["visited_at"].startswith("2026-11-15 03:00:00")  # now, in UTC
    # Where members come from counts too: their village, from the card.
    assert row["origin_village_code"] == VILLAGE_CODE


def test_member_age_band_is_taken_on_the_day_of_the_visit(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "A1", birth_date=date(2013, 11, 15))  # 13 today
    add_member(library_db, "A2", birth_date=None)
    before = service.record(
        VisitInput(
            kind="member",
            member_no="A1",
            visited_at=at(date(2026, 11, 14), 23, 59),
            purposes=("membaca",),
        )
    )
    birthday = service.record(
        VisitInput(
            kind="member", member_no="A1", visited_at=at(TODAY, 0, 1), purposes=("membaca",)
        ),
        allow_repeat=True,  # two minutes after the visit before midnight
    )
    unknown = service.record(VisitInput(kind="member", member_no="A2", purposes=("membaca",)))
    assert stored(conn, before)["age_band"] == "anak"
    assert stored(conn, birthday)["age_band"] == "remaja"
    row = stored(conn, unknown)
    assert row["age_band"] is None and row["age_counts"] == "{}"
    assert service.day_totals(TODAY).age_unknown == 1


def test_find_member_offers_the_purposes_of_the_last_visit(
    library_db: LibraryDb, service: VisitService
) -> None:
    member_id = add_member(
        library_db, "20260002", name="Bayu", gender="L", birth_date=date(2010, 1, 1)
    )
    first = service.find_member("20260002")
    assert first == MemberCheck(member_id, "20260002", "Bayu", "L", "remaja", ())
    service.record(
        VisitInput(
            kind="member",
            member_no="20260002",
            visited_at=at(TODAY, 8),
            purposes=("internet", "belajar"),
        )
    )
    latest = service.record(
        VisitInput(
            kind="member", member_no="20260002", visited_at=at(TODAY, 9, 30), purposes=("pinjam",)
        )
    )
    assert service.find_member("20260002").last_purposes == ("pinjam",)
    service.delete(latest)  # a deleted visit is not "the last visit"
    assert service.find_member("20260002").last_purposes == ("internet", "belajar")


@pytest.mark.parametrize(
    ("number", "fields", "message"),
    [
        ("404", {}, "There is no member with the number {number}."),
        ("", {}, "Scan the card or type the member number."),
        ("M1", {"active": False}, "The membership of {name} ({number}) has been ended."),
        ("M1", {"erased_at": NOW}, "The data of member {number} was erased; they cannot check in."),
        (
            "M1",
            {"expires_on": date(2026, 11, 14)},
            "The membership of {name} ({number}) has expired. Renew it first.",
        ),
    ],
)
def test_members_who_cannot_check_in(
    library_db: LibraryDb,
    service: VisitService,
    conn: sqlite3.Connection,
    number: str,
    fields: dict[str, Any],
    message: str,
) -> None:
    add_member(library_db, "M1", **fields)
    before = counts(conn)
    with pytest.raises(ValidationError) as found:
        service.find_member(number)
    assert found.value.message == message
    assert found.value.field == "member_no"
    with pytest.raises(ValidationError) as again:
        service.record(VisitInput(kind="member", member_no=number, purposes=("membaca",)))
    assert again.value.message == message
    assert counts(conn) == before


def test_a_deleted_member_is_unknown(library_db: LibraryDb, service: VisitService) -> None:
    member_id = add_member(library_db, "M9")
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.get(Member, member_id)
        assert member is not None
        uow.delete(member)
    with pytest.raises(ValidationError, match="no member"):
        service.find_member("M9")


def test_expiry_is_judged_by_the_library_calendar(library_db: LibraryDb) -> None:
    add_member(library_db, "E1", expires_on=date(2026, 11, 14))
    # 23:30 UTC on the 14th is already 06:30 on the 15th in Semarang: expired there.
    late = VisitService(
        library_db.db, library_db.admin, now=lambda: datetime(2026, 11, 14, 23, 30, tzinfo=UTC)
    )
    with pytest.raises(ValidationError, match="expired"):
        late.find_member("E1")
    # 16:30 UTC on the 14th is 23:30 on the 14th there: still the last valid day.
    evening = VisitService(
        library_db.db, library_db.admin, now=lambda: datetime(2026, 11, 14, 16, 30, tzinfo=UTC)
    )
    assert evening.find_member("E1").member_no == "E1"
    # A paper guestbook typed in later: the visit on the last valid day is accepted.
    late.record(
        VisitInput(
            kind="member",
            member_no="E1",
            visited_at=at(date(2026, 11, 14), 10),
            purposes=("membaca",),
        )
    )


# --- repeats -------------------------------------------------------------------------


def test_a_second_check_in_within_the_window_is_asked(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "R1", name="Citra")
    service.record(
        VisitInput(kind="member", member_no="R1", visited_at=at(TODAY, 7), purposes=("membaca",))
    )
    before = counts(conn)
    with pytest.raises(RepeatVisit) as found:
        service.record(
            VisitInput(
                kind="member", member_no="R1", visited_at=at(TODAY, 7, 35), purposes=("membaca",)
            )
        )
    assert found.value.minutes == 35
    assert found.value.render() == "Citra already checked in 35 min ago."
    assert counts(conn) == before
    # Asked and confirmed: counted twice.
    service.record(
        VisitInput(
            kind="member", member_no="R1", visited_at=at(TODAY, 7, 35), purposes=("membaca",)
        ),
        allow_repeat=True,
    )
    # After the window (60 minutes by default) it is a new visit.
    service.record(
        VisitInput(
            kind="member", member_no="R1", visited_at=at(TODAY, 8, 36), purposes=("membaca",)
        )
    )
    assert service.day_totals(TODAY).members == 3


def test_the_repeat_window_looks_both_ways_and_skips_deleted_visits(
    library_db: LibraryDb, service: VisitService
) -> None:
    add_member(library_db, "R2")
    first = service.record(
        VisitInput(kind="member", member_no="R2", visited_at=at(TODAY, 9), purposes=("membaca",))
    )
    # Typed in later from paper: 20 minutes before a visit already recorded.
    with pytest.raises(RepeatVisit) as found:
        service.record(
            VisitInput(
                kind="member", member_no="R2", visited_at=at(TODAY, 8, 40), purposes=("membaca",)
            )
        )
    assert found.value.minutes == 20
    service.delete(first)
    service.record(
        VisitInput(
            kind="member", member_no="R2", visited_at=at(TODAY, 8, 40), purposes=("membaca",)
        )
    )


def test_the_repeat_window_is_a_setting(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "R3")
    Settings(conn).set("repeat_visit_minutes", 10)
    service.record(
        VisitInput(kind="member", member_no="R3", visited_at=at(TODAY, 9), purposes=("membaca",))
    )
    service.record(
        VisitInput(
            kind="member", member_no="R3", visited_at=at(TODAY, 9, 11), purposes=("membaca",)
        )
    )
    with pytest.raises(RepeatVisit):
        service.record(
            VisitInput(
                kind="member", member_no="R3", visited_at=at(TODAY, 9, 15), purposes=("membaca",)
            )
        )
    Settings(conn).set("repeat_visit_minutes", 0)  # never ask
    service.record(
        VisitInput(
            kind="member", member_no="R3", visited_at=at(TODAY, 9, 15), purposes=("membaca",)
        )
    )
    assert service.day_totals(TODAY).members == 3


# --- guests and groups -----------------------------------------------------------------


def test_a_guest_visit_is_one_person(service: VisitService, conn: sqlite3.Connection) -> None:
    visit_id = service.record(GUEST)
    row = stored(conn, visit_id)
    assert row["kind"] == "guest"
    assert row["guest_name"] == "Pak Darto"
    assert (row["gender"], row["age_band"], row["occupation"]) == ("L", "lansia", "petani")
    assert (row["count_male"], row["count_female"], row["age_counts"]) == (1, 0, '{"lansia": 1}')
    assert (row["origin_village_code"], row["origin_other"]) == (NEIGHBOUR, None)
    assert row["purposes"] == '["membaca", "informasi"]'
    anonymous = service.record(
        replace(
            GUEST,
            guest_name="  ",
            origin_village_code=None,
            origin_other=" Jakarta ",
            occupation=None,
        )
    )
    row = stored(conn, anonymous)
    assert (row["guest_name"], row["origin_village_code"], row["origin_other"]) == (
        None,
        None,
        "Jakarta",
    )


def test_a_group_keeps_its_headcounts(service: VisitService, conn: sqlite3.Connection) -> None:
    visit_id = service.record(replace(GROUP, age_counts={"dewasa": 2, "anak": 24, "remaja": 0}))
    row = stored(conn, visit_id)
    assert (row["count_male"], row["count_female"]) == (12, 14)
    assert row["age_counts"] == '{"anak": 24, "dewasa": 2}'  # in band order, no zeros
    assert (row["group_name"], row["group_leader"], row["group_phone"]) == (
        "SD Negeri Miroto 01",
        "Bu Ratna",
        "0812-2345 678",
    )
    assert row["gender"] is None and row["member_id"] is None


BAD_INPUT = [
    ("unknown kind", VisitInput(kind="visitor", purposes=("membaca",)), "kind"),
    ("guest without gender", replace(GUEST, gender=None), "gender"),
    ("guest with an unknown gender", replace(GUEST, gender="X"), "gender"),
    ("guest without age band", replace(GUEST, age_band=None), "age_band"),
    ("guest with an unknown age band", replace(GUEST, age_band="bayi"), "age_band"),
    ("no purpose", replace(GUEST, purposes=()), "purposes"),
    ("blank purpose only", replace(GUEST, purposes=(" ",)), "purposes"),
    ("unknown purpose", replace(GUEST, purposes=("membaca", "belanja")), "purposes"),
    ("unknown occupation", replace(GUEST, occupation="astronot"), "occupation"),
    (
        "village of another kecamatan",
        replace(GUEST, origin_village_code=ELSEWHERE),
        "origin_village_code",
    ),
    ("not a village code", replace(GUEST, origin_village_code="33.74.01"), "origin_village_code"),
    ("village and another place", replace(GUEST, origin_other="Solo"), "origin_other"),
    ("name too long", replace(GUEST, guest_name="x" * 201), "guest_name"),
    ("a future time", replace(GUEST, visited_at=NOW + timedelta(minutes=6)), "visited_at"),
    ("tomorrow", replace(GUEST, visited_at=at(TODAY + timedelta(days=1), 9)), "visited_at"),
    ("group without a name", replace(GROUP, group_name="   "), "group_name"),
    (
        "group with nobody",
        replace(GROUP, count_male=0, count_female=0, age_counts={}),
        "count_male",
    ),
    ("negative men", replace(GROUP, count_male=-2, age_counts={"anak": 12}), "count_male"),
    ("negative women", replace(GROUP, count_female=-1), "count_female"),
    ("ages do not add up", replace(GROUP, age_counts={"anak": 20, "dewasa": 2}), "age_counts"),
    ("no ages at all", replace(GROUP, age_counts={}), "age_counts"),
    ("negative age count", replace(GROUP, age_counts={"anak": 28, "dewasa": -2}), "age_counts"),
    ("unknown age band in a group", replace(GROUP, age_counts={"anak": 24, "guru": 2}), "age_band"),
    (
        "a group too large",
        replace(GROUP, count_male=900, count_female=200, age_counts={"dewasa": 1100}),
        "count_male",
    ),
    ("letters in the phone", replace(GROUP, group_phone="08 satu dua"), "group_phone"),
    ("a count that is no number", replace(GROUP, count_male="12"), "count_male"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("case", "data", "field"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_bad_input_is_refused_and_nothing_is_written(
    service: VisitService, conn: sqlite3.Connection, case: str, data: VisitInput, field: str
) -> None:
    before = counts(conn)
    with pytest.raises(ValidationError) as found:
        service.record(data)
    assert found.value.field == field, case
    assert found.value.render(), case
    assert counts(conn) == before


def test_the_age_sum_message_gives_both_numbers(service: VisitService) -> None:
    with pytest.raises(ValidationError) as found:
        service.record(replace(GROUP, age_counts={"anak": 20, "dewasa": 2}))
    assert found.value.render() == "The age groups add up to 22 people, but men and women to 26."


def test_times_a_little_ahead_or_long_ago_are_fine(service: VisitService) -> None:
    service.record(replace(GUEST, visited_at=NOW + timedelta(minutes=4)))  # a fast clock
    service.record(replace(GUEST, visited_at=datetime(1998, 3, 2, 10, 0, tzinfo=WIB)))  # old paper
    assert service.day_totals(date(1998, 3, 2)).people == 1


def test_a_naive_time_is_a_programming_error(service: VisitService) -> None:
    with pytest.raises(ValueError, match="naive"):
        service.record(replace(GUEST, visited_at=datetime(2026, 11, 15, 9, 0)))


def test_purposes_and_age_bands_follow_the_settings(
    service: VisitService, conn: sqlite3.Connection
) -> None:
    settings = Settings(conn)
    purposes = codes.purposes_setting(codes.purpose_entries())
    purposes[5]["hidden"] = True  # informasi: no longer offered
    purposes.insert(1, {"code": "posyandu", "label": "Posyandu", "hidden": False})
    settings.set("purposes", purposes)
    bands = codes.age_bands_setting(codes.DEFAULT_AGE_BANDS)
    bands[0].update(label="Anak (0–9)")
    bands[1].update(label="Remaja (10–17)", min_age=10)
    settings.set("age_bands", bands)
    service.record(replace(GUEST, age_band="anak", purposes=("posyandu", "membaca")))
    with pytest.raises(ValidationError) as found:
        service.record(replace(GUEST, age_band="anak", purposes=("informasi",)))
    assert found.value.field == "purposes"
    with pytest.raises(ValidationError) as found:
        service.record(replace(GUEST, age_band="balita", purposes=("membaca",)))
    assert found.value.field == "age_band"
    options = service.form_options()
    assert [p.code for p in options.purposes] == [
        "membaca",
        "posyandu",
        "pinjam",
        "internet",
        "kegiatan",
        "belajar",
        "lainnya",
    ]
    assert [b.min_age for b in options.age_bands] == [0, 10, 18, 60]
    row = service.day_list(TODAY)[0]
    assert row.purposes == ("membaca", "posyandu")  # in the library's order


def test_origin_villages_are_those_of_the_kecamatan(service: VisitService) -> None:
    villages, own = origin_villages(VILLAGE_CODE)
    codes = [village.code for village in villages]
    assert VILLAGE_CODE in codes and NEIGHBOUR in codes and ELSEWHERE not in codes
    assert all(code.startswith("33.74.01.") for code in codes)
    assert own == VILLAGE_CODE
    assert origin_villages("33.74.01") == (villages, None)  # a kecamatan library
    assert origin_villages("33.74") == ((), None)  # a city library: origins are typed
    assert service.form_options().time_zone == "WIB"


def test_is_member_number_knows_every_member_whatever_their_status(
    library_db: LibraryDb, service: VisitService
) -> None:
    add_member(library_db, "S1", active=False)
    assert service.is_member_number(" S1 ")
    assert not service.is_member_number("S2")
    assert not service.is_member_number("")


# --- the day: list and totals -------------------------------------------------------------


def test_day_totals_count_people_by_gender_kind_age_and_purpose(
    library_db: LibraryDb, service: VisitService
) -> None:
    add_member(library_db, "T1", gender="L", birth_date=date(2015, 1, 1))  # anak
    service.record(
        VisitInput(
            kind="member", member_no="T1", visited_at=at(TODAY, 8), purposes=("pinjam", "membaca")
        )
    )
    service.record(GUEST)  # L, lansia, membaca + informasi
    service.record(replace(GUEST, gender="P", age_band="dewasa", purposes=("internet",)))
    service.record(GROUP)  # 12 L, 14 P; anak 24, dewasa 2; membaca + belajar
    gone = service.record(
        replace(
            GROUP, group_name="Dihapus", count_male=50, count_female=0, age_counts={"dewasa": 50}
        )
    )
    service.delete(gone)
    totals = service.day_totals(TODAY)
    assert (totals.people, totals.male, totals.female) == (29, 14, 15)
    assert (totals.members, totals.guests, totals.groups, totals.group_visits) == (1, 2, 26, 1)
    assert totals.by_age_band == {"anak": 25, "lansia": 1, "dewasa": 3}
    assert totals.by_purpose == {
        "pinjam": 1,
        "membaca": 28,
        "informasi": 1,
        "internet": 1,
        "belajar": 26,
    }
    assert totals.age_unknown == 0
    assert service.day_totals(TODAY - timedelta(days=1)).people == 0


def test_the_day_is_the_library_day(service: VisitService) -> None:
    # 23:59 WIB on the last day of October is 16:59 UTC: it belongs to 31 October.
    late = service.record(replace(GUEST, visited_at=datetime(2026, 10, 31, 16, 59, tzinfo=UTC)))
    early = service.record(
        replace(GUEST, gender="P", visited_at=datetime(2026, 10, 31, 17, 0, tzinfo=UTC))
    )
    assert [row.id for row in service.day_list(date(2026, 10, 31))] == [late]
    assert [row.id for row in service.day_list(date(2026, 11, 1))] == [early]
    assert service.day_totals(date(2026, 10, 31)).male == 1
    assert service.day_totals(date(2026, 11, 1)).female == 1


def test_day_list_is_newest_first_with_names_for_display(
    library_db: LibraryDb, service: VisitService
) -> None:
    add_member(library_db, "N1", name="Dimas Pratama", gender="L")
    group = service.record(GROUP)  # 08:30
    guest = service.record(GUEST)  # 09:00
    member = service.record(
        VisitInput(
            kind="member", member_no="N1", visited_at=at(TODAY, 9, 45), purposes=("membaca",)
        )
    )
    gone = service.record(replace(GUEST, visited_at=at(TODAY, 9, 50)))
    service.delete(gone)
    rows = service.day_list(TODAY)
    assert [row.id for row in rows] == [member, guest, group]
    assert [row.display_name for row in rows] == [
        "Dimas Pratama",
        "Pak Darto",
        "SD Negeri Miroto 01",
    ]
    assert rows[0].member_no == "N1"
    assert rows[2].people == 26
    assert rows[1].visited_at == at(TODAY, 9)


# --- change, delete, undo, roles ------------------------------------------------------------


def test_update_changes_a_visit_and_checks_it_again(
    service: VisitService, conn: sqlite3.Connection
) -> None:
    visit_id = service.record(GROUP)
    row = service.get(visit_id)
    assert row is not None
    service.update(
        visit_id, replace(row.as_input(), count_female=15, age_counts={"anak": 25, "dewasa": 2})
    )
    changed = stored(conn, visit_id)
    assert (changed["count_female"], changed["version"]) == (15, 2)
    before = counts(conn)
    with pytest.raises(ValidationError) as found:
        service.update(visit_id, replace(row.as_input(), count_female=-1))
    assert found.value.field == "count_female"
    assert counts(conn) == before
    assert stored(conn, visit_id)["count_female"] == 15
    # Saving it unchanged writes nothing.
    again = service.get(visit_id)
    assert again is not None
    service.update(visit_id, again.as_input())
    assert counts(conn) == before


def test_a_member_visit_can_be_edited_after_the_membership_ended(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    member_id = add_member(library_db, "X1")
    visit_id = service.record(
        VisitInput(kind="member", member_no="X1", visited_at=at(TODAY, 9), purposes=("membaca",))
    )
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.get(Member, member_id)
        assert member is not None
        member.active = False
    row = service.get(visit_id)
    assert row is not None
    service.update(visit_id, replace(row.as_input(), purposes=("pinjam",)))
    assert stored(conn, visit_id)["purposes"] == '["pinjam"]'


def test_delete_is_a_tombstone_and_undo_brings_it_back(
    service: VisitService, conn: sqlite3.Connection
) -> None:
    visit_id = service.record(GROUP)
    service.delete(visit_id)
    assert service.day_list(TODAY) == []
    assert service.day_totals(TODAY).people == 0
    assert stored(conn, visit_id)["deleted_at"] is not None  # kept, marked deleted
    service.undo_delete(visit_id)
    assert [row.id for row in service.day_list(TODAY)] == [visit_id]
    assert service.day_totals(TODAY).people == 26
    ops = [
        r[0]
        for r in conn.execute("SELECT op FROM outbox WHERE record_id = ? ORDER BY seq", (visit_id,))
    ]
    assert ops == ["create", "delete", "restore"]
    with pytest.raises(KnownError, match="no longer exists"):
        service.delete("no-such-visit")


def test_a_volunteer_records_but_cannot_delete(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    relawan = make_user(conn, library_db.admin, "relawan", Role.RELAWAN)
    service = VisitService(library_db.db, relawan)
    visit_id = service.record(replace(GUEST, visited_at=None))
    assert not service.can_delete()
    before = counts(conn)
    with pytest.raises(PermissionDenied):
        service.delete(visit_id)
    with pytest.raises(PermissionDenied):
        service.undo_delete(visit_id)
    assert counts(conn) == before
    assert stored(conn, visit_id)["deleted_at"] is None
    audit = conn.execute(
        "SELECT username FROM audit_entry WHERE record_id = ? AND action = 'create'", (visit_id,)
    ).fetchone()
    assert audit[0] == "relawan"


def test_a_volunteer_changes_only_what_was_typed_in_today(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    relawan = make_user(conn, library_db.admin, "relawan", Role.RELAWAN)
    today = VisitService(library_db.db, relawan)
    visit_id = today.record(replace(GUEST, visited_at=datetime.now(UTC) - timedelta(days=3)))
    row = today.get(visit_id)
    assert row is not None and today.can_edit(row)
    today.update(visit_id, replace(row.as_input(), guest_name="Pak Darto Wiyono"))
    # Two days later the same row is "old": only a manager may change it.
    later_clock: Callable[[], datetime] = lambda: datetime.now(UTC) + timedelta(days=2)  # noqa: E731
    later = VisitService(library_db.db, relawan, now=later_clock)
    assert not later.can_edit(row)
    with pytest.raises(PermissionDenied):
        later.update(visit_id, replace(row.as_input(), guest_name="Lain"))
    assert stored(conn, visit_id)["guest_name"] == "Pak Darto Wiyono"
    manager = make_user(conn, library_db.admin, "budi", Role.PENGELOLA)
    boss = VisitService(library_db.db, manager, now=later_clock)
    assert boss.can_edit(row) and boss.can_delete()
    boss.update(visit_id, replace(row.as_input(), guest_name="Lain"))
    assert stored(conn, visit_id)["guest_name"] == "Lain"


# --- retention of guests' names ------------------------------------------------------------


def test_old_guest_names_are_removed_and_counts_stay(
    library_db: LibraryDb, service: VisitService, conn: sqlite3.Connection
) -> None:
    add_member(library_db, "G1")
    old_day = date(2025, 11, 14)  # twelve months and a day before 15 November 2026
    kept_day = date(2025, 11, 16)
    old_guest = service.record(replace(GUEST, visited_at=at(old_day, 10)))
    old_group = service.record(replace(GROUP, visited_at=at(old_day, 9)))
    old_member = service.record(
        VisitInput(kind="member", member_no="G1", visited_at=at(old_day, 11), purposes=("membaca",))
    )
    recent = service.record(replace(GUEST, visited_at=at(kept_day, 10)))
    totals_before = service.day_totals(old_day)

    assert service.anonymise_old_guest_names() == 2
    guest = stored(conn, old_guest)
    assert guest["guest_name"] is None
    assert (guest["gender"], guest["age_band"], guest["count_male"]) == ("L", "lansia", 1)
    group = stored(conn, old_group)
    assert (group["group_leader"], group["group_phone"]) == (None, None)
    assert group["group_name"] == "SD Negeri Miroto 01"  # an institution, not a person
    assert stored(conn, old_member)["member_id"] is not None
    assert stored(conn, recent)["guest_name"] == "Pak Darto"
    assert service.day_totals(old_day) == totals_before
    # The change travels like any other (the server must forget the name too).
    ops = conn.execute(
        "SELECT op FROM outbox WHERE record_id = ? ORDER BY seq", (old_guest,)
    ).fetchall()
    assert [r[0] for r in ops] == ["create", "update"]
    assert service.anonymise_old_guest_names() == 0


def test_name_retention_is_a_setting(service: VisitService, conn: sqlite3.Connection) -> None:
    visit_id = service.record(replace(GUEST, visited_at=at(date(2026, 8, 1), 10)))
    assert service.anonymise_old_guest_names() == 0
    Settings(conn).set("guest_name_retention_months", 3)
    assert service.anonymise_old_guest_names() == 1
    assert stored(conn, visit_id)["guest_name"] is None
    Settings(conn).set("guest_name_retention_months", 0)  # 0: names are kept
    service.record(replace(GUEST, visited_at=at(date(2020, 1, 1), 10)))
    assert service.anonymise_old_guest_names() == 0


def test_a_visit_keeps_a_purpose_that_was_hidden_after_it(
    service: VisitService, conn: sqlite3.Connection
) -> None:
    """Old visits keep their hidden purpose: changing the visit does not drop or refuse it."""
    visit_id = service.record(GUEST)  # membaca + informasi
    purposes = codes.purposes_setting(codes.purpose_entries())
    purposes[5]["hidden"] = True  # informasi is no longer offered
    Settings(conn).set("purposes", purposes)

    options = service.form_options()
    assert "informasi" not in [p.code for p in options.purposes]
    labels = {p.code: p.label for p in options.all_purposes}
    assert labels["informasi"] == "Looking for information"  # the list still names it
    offered = [p.code for p in options.for_visit(("membaca", "informasi")).purposes]
    assert offered.index("membaca") < offered.index("informasi")

    service.update(visit_id, replace(GUEST, guest_name="Pak Darto Wiryo"))
    row = stored(conn, visit_id)
    assert row["purposes"] == '["membaca", "informasi"]'
    assert row["guest_name"] == "Pak Darto Wiryo"
    with pytest.raises(ValidationError) as refused:  # a new visit may not pick it
        service.record(replace(GUEST, purposes=("informasi",)))
    assert refused.value.field == "purposes"
