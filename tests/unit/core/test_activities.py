"""The activity service: counts that add up, cancelled ones nowhere, bad input refused with nothing written.

The library is Miroto (Kota Semarang): WIB, seven hours ahead of UTC. The
service's clock is fixed at 10:00 WIB on 15 November 2026 unless a test says
otherwise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app.core import codes
from app.core.activities import (
    PHOTO_MAX_BYTES,
    ActivityInput,
    ActivityService,
    Attendee,
    check_picture,
    grid_totals,
)
from app.core.auth import Role, User, UserService
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.settings import Settings
from app.db.models import Member, Partner
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=WIB).astimezone(UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


HELD = ActivityInput(
    title="Pelatihan membuat keripik singkong",
    category="umkm",
    strategy="pelibatan",
    starts_at=at(10, 9),
    ends_at=at(10, 12),
    kind="pelatihan",
    place="Balai desa",
    facilitator="Bu Sri (PKK)",
    target_group="pelaku_umkm",
    participants={"L": {"dewasa": 3, "remaja": 1}, "P": {"dewasa": 12, "lansia": 2}},
    outcomes="Lima peserta mulai menjual keripik.",
)
MEETING = ActivityInput(
    title="Musyawarah rencana kerja perpustakaan",
    category="pertemuan",
    strategy="advokasi",
    starts_at=at(12, 13),
    ends_at=at(12, 15),
    kind="pertemuan",
    participants={"L": {"dewasa": 9}, "P": {"dewasa": 6, "lansia": 1}},
    representatives={"pemerintah_desa": 3, "bpd": 2, "pkk": 4},
    commitments="Desa menambah anggaran buku tahun depan.",
)
PLANNED = ActivityInput(
    title="Mendongeng Sabtu pagi",
    category="literasi_anak",
    strategy="layanan",
    starts_at=at(21, 9),
    ends_at=at(21, 10, 30),
    target_group="pelajar",
)


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[ActivityService]:
    with ActivityService(library_db.db, library_db.admin, now=lambda: NOW) as found:
        yield found


def make_user(conn: sqlite3.Connection, admin: User, username: str, role: Role) -> User:
    return UserService(conn).create_user(admin, username, username.title(), role, "kata-sandi-1")


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(activities, outbox rows, audit entries): what a write leaves behind."""
    return (
        conn.execute("SELECT count(*) FROM activity").fetchone()[0],
        conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
        conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
    )


def add_partner(library_db: LibraryDb, name: str = "Puskesmas Miroto") -> str:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        partner = uow.add(Partner(name=name, partner_type="kesehatan", address=""))
    return partner.id


def add_member(library_db: LibraryDb, number: str, gender: str, birth: date | None) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Member(
                member_no=number,
                name=f"Anggota {number}",
                gender=gender,
                birth_date=birth,
                member_type="umum",
                registered_on=date(2025, 1, 10),
                consent_at=NOW - timedelta(days=300),
                consent_by=library_db.admin.id,
                active=True,
            )
        )


# --- the participant grid ---------------------------------------------------------------


def test_participant_grid_totals_are_stored_and_shown(
    service: ActivityService, conn: sqlite3.Connection
) -> None:
    activity_id = service.record(HELD)
    row = conn.execute(
        "SELECT participants, participants_male, participants_female, status FROM activity"
        " WHERE id = ?",
        (activity_id,),
    ).fetchone()
    # Bands in the library's order, men first; zero cells are not kept.
    assert row["participants"] == (
        '{"L": {"remaja": 1, "dewasa": 3}, "P": {"dewasa": 12, "lansia": 2}}'
    )
    assert (row["participants_male"], row["participants_female"]) == (4, 14)
    assert row["status"] == "terlaksana"
    view = service.get(activity_id)
    assert view is not None
    assert view.participants_total == 18
    assert view.day == date(2026, 11, 10)
    totals = grid_totals(view.participants)
    assert (totals.male, totals.female, totals.total) == (4, 14, 18)
    assert dict(totals.by_age_band) == {"remaja": 1, "dewasa": 15, "lansia": 2}


def test_zero_cells_do_not_count_and_a_planned_activity_needs_no_headcount(
    service: ActivityService,
) -> None:
    planned = service.plan(PLANNED)
    view = service.get(planned)
    assert view is not None
    assert (view.status, view.participants_total, dict(view.participants)) == ("rencana", 0, {})
    held = service.record(replace(HELD, participants={"L": {"anak": 0, "dewasa": 2}, "P": {}}))
    shown = service.get(held)
    assert shown is not None
    assert shown.participants == {"L": {"dewasa": 2}}
    assert (shown.participants_male, shown.participants_female) == (2, 0)


# --- what counts ---------------------------------------------------------------------------


def test_a_cancelled_activity_counts_nowhere(service: ActivityService) -> None:
    kept = service.record(HELD)
    dropped = service.record(replace(HELD, title="Pelatihan batik", category="pelatihan"))
    service.plan(PLANNED)
    before = service.month_figures(2026, 11)
    assert (before.activities, before.people, before.planned) == (2, 36, 1)
    service.cancel(dropped)

    figures = service.month_figures(2026, 11)
    assert figures.activities == 1
    assert (figures.people, figures.male, figures.female) == (18, 4, 14)
    assert dict(figures.by_category) == {"umkm": 1}
    assert dict(figures.people_by_category) == {"umkm": 18}
    assert dict(figures.by_strategy) == {"pelibatan": 1}
    assert dict(figures.by_age_band) == {"remaja": 1, "dewasa": 15, "lansia": 2}
    assert (figures.trainings, figures.trainees) == (1, 18)
    assert (figures.planned, figures.cancelled) == (1, 1)
    # The calendar still shows it, marked; the figures do not add it.
    listed = {a.id: a.status for a in service.month_list(2026, 11)}
    assert listed[dropped] == "batal" and listed[kept] == "terlaksana"
    assert dropped not in {a.id for a in service.month_list(2026, 11, include_cancelled=False)}


def test_a_deleted_activity_counts_nowhere_and_can_come_back(service: ActivityService) -> None:
    activity_id = service.record(HELD)
    service.delete(activity_id)
    assert service.month_figures(2026, 11).activities == 0
    assert service.month_list(2026, 11) == []
    service.undo_delete(activity_id)
    assert service.month_figures(2026, 11).people == 18


def test_meetings_count_representatives_and_trainings_their_libraries(
    service: ActivityService,
) -> None:
    service.record(MEETING)
    service.record(
        replace(
            HELD,
            title="Bimbingan teknis pengelola perpustakaan desa",
            category="bimtek",
            strategy="advokasi",
            trainee_libraries=6,
        )
    )
    figures = service.month_figures(2026, 11)
    assert (figures.activities, figures.meetings, figures.representatives) == (2, 1, 9)
    assert dict(figures.representatives_by_type) == {"pemerintah_desa": 3, "bpd": 2, "pkk": 4}
    assert (figures.trainings, figures.trainee_libraries) == (1, 6)
    assert dict(figures.by_kind) == {"pertemuan": 1, "pelatihan": 1}
    assert dict(figures.by_strategy) == {"advokasi": 2}


def test_the_month_is_the_librarys_own(service: ActivityService) -> None:
    late = service.record(replace(HELD, starts_at=at(31, 23, month=10), ends_at=None))
    assert [a.id for a in service.month_list(2026, 10)] == [late]
    assert service.month_list(2026, 11) == []
    assert service.month_figures(2026, 10).activities == 1


def test_month_list_filters_by_category_and_strategy(service: ActivityService) -> None:
    held = service.record(HELD)
    meeting = service.record(MEETING)
    planned = service.plan(PLANNED)
    assert [a.id for a in service.month_list(2026, 11)] == [held, meeting, planned]
    assert [a.id for a in service.month_list(2026, 11, category="pertemuan")] == [meeting]
    assert [a.id for a in service.month_list(2026, 11, strategy="layanan")] == [planned]
    assert service.month_list(2026, 11, category="pertanian") == []


# --- categories of the library -------------------------------------------------------


def _renamed(settings: Any) -> list[dict[str, Any]]:
    entries = codes.activity_category_entries(settings)
    value = codes.activity_categories_setting(entries)
    for item in value:
        if item["code"] == "literasi_anak":
            item["label"] = "Dongeng Sabtu Ceria"
        if item["code"] == "pertanian":
            item["hidden"] = True
    return value


def test_a_category_renamed_locally_still_counts_under_its_national_code(
    service: ActivityService, conn: sqlite3.Connection
) -> None:
    Settings(conn).set("activity_categories", _renamed(None))
    options = service.options()
    offered = {c.code: c.label for c in options.categories}
    assert offered["literasi_anak"] == "Dongeng Sabtu Ceria"
    assert "pertanian" not in offered, "a hidden category is not offered"
    assert len(options.all_categories) == 10
    activity_id = service.record(
        replace(PLANNED, starts_at=at(14, 9), ends_at=None, participants={"P": {"anak": 7}})
    )
    row = conn.execute("SELECT category_code FROM activity WHERE id = ?", (activity_id,)).fetchone()
    assert row[0] == "literasi_anak"
    assert dict(service.month_figures(2026, 11).by_category) == {"literasi_anak": 1}
    assert service.category_label("literasi_anak") == "Dongeng Sabtu Ceria"
    assert service.category_label("umkm") == "Small business and entrepreneurship"


def test_a_hidden_category_is_refused_for_new_activities_but_kept_by_old_ones(
    service: ActivityService, conn: sqlite3.Connection
) -> None:
    old = service.record(replace(HELD, category="pertanian"))
    Settings(conn).set("activity_categories", _renamed(None))
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(HELD, category="pertanian"))
    assert refused.value.field == "category"
    assert counts(conn) == before
    view = service.get(old)
    assert view is not None
    service.update(old, replace(view.as_input(), outcomes="Panen naik."))
    assert dict(service.month_figures(2026, 11).by_category) == {"pertanian": 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda v: v[:-1], "cannot be added, removed or recoded"),
        (lambda v: [*v, {"code": "senam", "label": "Senam"}], "cannot be added"),
        (lambda v: [{**v[0], "code": "latihan"}, *v[1:]], "recoded"),
        (lambda v: [{**v[0], "label": "  "}, *v[1:]], "Fill in the name"),
        (lambda v: [{**v[0], "label": v[1]["label"]}, *v[1:]], "Two activity categories"),
        (lambda v: [{**item, "hidden": True} for item in v], "must stay offered"),
        (lambda v: "pelatihan", "damaged"),
    ],
)
def test_the_category_setting_refuses_what_would_break_the_national_count(
    conn: sqlite3.Connection, change: Any, message: str
) -> None:
    value = codes.activity_categories_setting(codes.activity_category_entries(None))
    with pytest.raises(ValidationError) as refused:
        Settings(conn).set("activity_categories", change(value))
    assert refused.value.field == "activity_categories"
    assert message in str(refused.value)
    assert (
        conn.execute("SELECT count(*) FROM setting WHERE key = 'activity_categories'").fetchone()[0]
        == 0
    )


def test_the_category_setting_may_reorder_and_cleans_labels(conn: sqlite3.Connection) -> None:
    value = codes.activity_categories_setting(codes.activity_category_entries(None))
    value.reverse()
    value[0]["label"] = "  Lain-lain   juga "
    Settings(conn).set("activity_categories", value)
    stored = Settings(conn).get("activity_categories")
    assert stored[0] == {"code": "lainnya", "label": "Lain-lain juga", "hidden": False}
    assert [c.code for c in codes.activity_categories(stored)][:2] == ["lainnya", "bimtek"]


def test_a_damaged_category_setting_falls_back_to_the_national_list() -> None:
    national = codes.DEFAULT_ACTIVITY_CATEGORIES
    assert codes.activity_categories("rusak") == national
    assert codes.activity_categories([{"code": "senam", "label": "Senam"}]) == national
    hidden_all = [{"code": c.code, "label": c.label, "hidden": True} for c in national]
    assert codes.activity_categories(hidden_all) == national, "something is always offered"
    # Missing national categories are added back at the end, with their own labels.
    partial = [{"code": "lainnya", "label": "Lain-lain"}]
    every = codes.all_activity_categories(partial)
    assert (every[0].code, len(every)) == ("lainnya", 10)
    assert every[0].label == "Lain-lain"


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"participants": {"L": {"dewasa": -2}}}, "participants"),
        ({"participants": {}}, "participants"),
        ({"participants": {"L": {"dewasa": 0}, "P": {"anak": 0}}}, "participants"),
        ({"participants": {"L": {"bayi": 3}}}, "participants"),
        ({"participants": {"X": {"dewasa": 3}}}, "participants"),
        ({"participants": {"L": {"dewasa": True}}}, "participants"),
        ({"participants": {"L": {"dewasa": 6000}}}, "participants"),
        ({"ends_at": at(10, 8)}, "ends_at"),
        ({"ends_at": at(10, 9)}, "ends_at"),
        ({"title": "   "}, "title"),
        ({"category": "senam"}, "category"),
        ({"strategy": "promosi"}, "strategy"),
        ({"kind": "rapat"}, "kind"),
        ({"target_group": "semua"}, "target_group"),
        ({"starts_at": at(20, 9), "ends_at": None}, "status"),
        ({"representatives": {"bpd": 2}}, "representatives"),
        ({"commitments": "Janji"}, "commitments"),
        ({"trainee_libraries": -1}, "trainee_libraries"),
        ({"trainee_libraries": 40}, "trainee_libraries"),
        ({"partner_ids": ("no-such-partner",)}, "partner_ids"),
        ({"place": "x" * 201}, "place"),
    ],
)
def test_bad_input_is_refused_with_nothing_written(
    service: ActivityService, conn: sqlite3.Connection, changes: dict[str, Any], field: str
) -> None:
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(HELD, **changes))
    assert refused.value.field == field
    assert str(refused.value)
    assert counts(conn) == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"representatives": {"bpd": -1}}, "representatives"),
        ({"representatives": {"wartawan": 2}}, "representatives"),
        ({"representatives": {}}, "representatives"),
        ({"representatives": {"pemerintah_desa": 20}}, "representatives"),
    ],
)
def test_bad_meetings_are_refused_with_nothing_written(
    service: ActivityService, conn: sqlite3.Connection, changes: dict[str, Any], field: str
) -> None:
    before = counts(conn)
    with pytest.raises(ValidationError) as refused:
        service.record(replace(MEETING, **changes))
    assert refused.value.field == field
    assert counts(conn) == before


def test_a_bad_change_leaves_the_activity_as_it_was(
    service: ActivityService, conn: sqlite3.Connection
) -> None:
    activity_id = service.record(HELD)
    before = counts(conn)
    view = service.get(activity_id)
    assert view is not None
    with pytest.raises(ValidationError):
        service.update(activity_id, replace(view.as_input(), ends_at=at(9, 9)))
    assert counts(conn) == before
    assert service.get(activity_id) == view


# --- audit, outbox, versions -------------------------------------------------------------------


def test_writes_leave_audit_and_outbox_rows(
    library_db: LibraryDb, service: ActivityService, conn: sqlite3.Connection
) -> None:
    partner = add_partner(library_db)
    before = counts(conn)
    activity_id = service.record(replace(HELD, partner_ids=(partner, partner)))
    assert counts(conn) == (before[0] + 1, before[1] + 1, before[2] + 1)
    view = service.get(activity_id)
    assert view is not None and view.partner_ids == (partner,)
    service.update(activity_id, replace(view.as_input(), outcomes="Tujuh peserta berjualan."))
    service.cancel(activity_id)
    service.cancel(activity_id)  # already cancelled: nothing changes
    outbox = conn.execute(
        "SELECT op, version FROM outbox WHERE record_id = ? ORDER BY seq", (activity_id,)
    ).fetchall()
    assert [tuple(r) for r in outbox] == [("create", 1), ("update", 2), ("update", 3)]
    audit = conn.execute(
        "SELECT username, action FROM audit_entry WHERE record_id = ? ORDER BY id", (activity_id,)
    ).fetchall()
    assert [tuple(r) for r in audit] == [
        ("admin", "create"),
        ("admin", "update"),
        ("admin", "update"),
    ]


def test_copy_plans_the_next_session_of_a_series(
    service: ActivityService, conn: sqlite3.Connection
) -> None:
    first = service.record(replace(HELD, title="Kelas keripik (1)"))
    copy_id = service.copy(first, at(24, 9))
    copy = service.get(copy_id)
    original = service.get(first)
    assert copy is not None and original is not None
    assert (copy.title, copy.category, copy.strategy, copy.kind) == (
        "Kelas keripik (1)",
        "umkm",
        "pelibatan",
        "pelatihan",
    )
    assert copy.status == "rencana"
    assert copy.ends_at is not None and copy.ends_at - copy.starts_at == timedelta(hours=3)
    assert (copy.participants_total, copy.outcomes) == (0, "")
    assert copy.place == original.place and copy.target_group == "pelaku_umkm"
    assert original.participants_total == 18, "the first session is unchanged"
    assert service.month_figures(2026, 11).activities == 1, "a planned copy does not count"


# --- attendance -----------------------------------------------------------------------------------


def test_an_attendance_list_fills_the_grid_with_ages_on_the_day(
    library_db: LibraryDb, service: ActivityService
) -> None:
    add_member(library_db, "A1", "P", date(2013, 11, 10))  # 13 on 10 November 2026
    add_member(library_db, "A2", "L", date(2013, 11, 11))  # still 12
    add_member(library_db, "A3", "L", None)  # birth date unknown
    grid = service.grid_from_attendance(
        date(2026, 11, 10),
        [
            Attendee(member_no="A1"),
            Attendee(member_no=" A2 "),
            Attendee(member_no="A3", age_band="dewasa"),
            Attendee(name="Pak Darto", gender="L", age_band="lansia"),
        ],
    )
    assert grid == {"L": {"anak": 1, "dewasa": 1, "lansia": 1}, "P": {"remaja": 1}}
    activity_id = service.record(replace(HELD, participants=grid))
    view = service.get(activity_id)
    assert view is not None and (view.participants_male, view.participants_female) == (3, 1)


@pytest.mark.parametrize(
    "attendees",
    [
        [Attendee(member_no="A1"), Attendee(member_no="A1")],
        [Attendee(member_no="ZZ9")],
        [Attendee(member_no="A3")],
        [Attendee(name="Tamu", gender="L")],
        [Attendee(name="Tamu", age_band="anak")],
    ],
)
def test_a_bad_attendance_list_is_refused(
    library_db: LibraryDb, service: ActivityService, attendees: list[Attendee]
) -> None:
    add_member(library_db, "A1", "P", date(1990, 1, 1))
    add_member(library_db, "A3", "L", None)
    with pytest.raises(ValidationError) as refused:
        service.grid_from_attendance(date(2026, 11, 10), attendees)
    assert refused.value.field == "attendance"


# --- photos -------------------------------------------------------------------------------------


def test_photos_are_copied_into_the_data_folder(
    library_db: LibraryDb, service: ActivityService, conn: sqlite3.Connection, tmp_path: Path
) -> None:
    activity_id = service.record(HELD)
    source = tmp_path / "IMG_0001.JPEG"
    source.write_bytes(JPEG)
    png = tmp_path / "poster"  # no suffix: the first bytes decide
    png.write_bytes(PNG)
    first = service.add_photo(activity_id, source)
    second = service.add_photo(activity_id, png)
    folder = library_db.db.data_dir / "photos" / "activities" / activity_id
    assert service.photos(activity_id) == [first, second]
    assert first.parent == folder and first.suffix == ".jpg" and second.suffix == ".png"
    assert first.read_bytes() == JPEG
    audit = conn.execute(
        "SELECT action FROM audit_entry WHERE record_id = ? AND table_name = 'activity'"
        " ORDER BY id",
        (activity_id,),
    ).fetchall()
    assert [r[0] for r in audit][-2:] == ["photo_add", "photo_add"]
    service.remove_photo(activity_id, first)
    assert service.photos(activity_id) == [second]
    with pytest.raises(KnownError):
        service.remove_photo(activity_id, first)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ini bukan gambar, hanya teks.", "not a picture"),
        (b"", "not a picture"),
        (JPEG + b"\x00" * PHOTO_MAX_BYTES, "larger than 5 MB"),
    ],
)
def test_a_file_that_is_not_a_picture_or_too_large_is_refused(
    service: ActivityService, tmp_path: Path, content: bytes, message: str
) -> None:
    activity_id = service.record(HELD)
    source = tmp_path / "foto.jpg"
    source.write_bytes(content)
    with pytest.raises(ValidationError) as refused:
        service.add_photo(activity_id, source)
    assert refused.value.field == "photo"
    assert message in str(refused.value)
    assert service.photos(activity_id) == []


def test_a_missing_picture_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        check_picture(tmp_path / "hilang.jpg")
    assert "could not be opened" in str(refused.value)


# --- who may do what -------------------------------------------------------------------------------


def test_a_volunteer_records_but_does_not_change_old_activities(
    library_db: LibraryDb, service: ActivityService, conn: sqlite3.Connection
) -> None:
    relawan = make_user(conn, library_db.admin, "relawan", Role.RELAWAN)
    old = service.record(HELD)
    old_plan = service.plan(
        replace(PLANNED, starts_at=datetime.now(UTC) + timedelta(days=9), ends_at=None)
    )
    # Records are stamped by the real clock: "today" and "two days later" are real days.
    with (
        ActivityService(library_db.db, relawan) as today,
        ActivityService(
            library_db.db, relawan, now=lambda: datetime.now(UTC) + timedelta(days=2)
        ) as later,
    ):
        mine = today.record(replace(HELD, title="Kelas menjahit"))
        view = today.get(mine)
        assert view is not None and today.can_change(view)
        today.update(mine, replace(view.as_input(), outcomes="Selesai."))
        later.copy(old, at(28, 9))

        # Two days later: what was held is "old"; a plan may still be recorded as held.
        plan = later.get(old_plan)
        held = later.get(mine)
        assert plan is not None and later.can_change(plan)
        assert held is not None and not later.can_change(held)
        later.update(old_plan, replace(plan.as_input(), title="Mendongeng bersama"))
        before = counts(conn)
        with pytest.raises(PermissionDenied):
            later.update(mine, replace(held.as_input(), outcomes="Diubah"))
        with pytest.raises(PermissionDenied):
            later.cancel(mine)
        with pytest.raises(PermissionDenied):
            today.delete(mine)
        with pytest.raises(PermissionDenied):
            today.remove_photo(mine, Path("x.jpg"))
        assert counts(conn) == before
        assert later.get(mine) == held
    audit = conn.execute(
        "SELECT username FROM audit_entry WHERE record_id = ? AND action = 'create'", (mine,)
    ).fetchone()
    assert audit[0] == "relawan"
    # A manager changes old activities.
    manager = make_user(conn, library_db.admin, "budi", Role.PENGELOLA)
    with ActivityService(
        library_db.db, manager, now=lambda: datetime.now(UTC) + timedelta(days=2)
    ) as boss:
        boss.cancel(mine)
        cancelled = boss.get(mine)
        assert cancelled is not None and cancelled.status == "batal"


def test_an_activity_gone_is_a_clear_error(service: ActivityService) -> None:
    with pytest.raises(KnownError):
        service.cancel("no-such-id")
    with pytest.raises(KnownError):
        service.copy("no-such-id", at(24, 9))
