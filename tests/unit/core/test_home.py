"""The home page's figures, hand-counted: today, this month against last, the last 30 days, sync.

Days and months are the library's own (WIB here); tombstoned records and
cancelled activities count nowhere.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from app.core.backup import make_backup
from app.core.clock import month_bounds, to_db
from app.core.home import DAYS, home_figures
from app.core.settings import Settings
from app.db.models import Activity, Item, Loan, Member, Title, Visit
from app.db.uow import UnitOfWork
from tests.conftest import LibraryDb

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=WIB)  # Sunday 15 November 2026, 10:00 WIB


def wib(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def _visit(at: datetime, male: int, female: int, kind: str = "guest") -> Visit:
    return Visit(
        kind=kind,
        visited_at=at,
        count_male=male,
        count_female=female,
        age_counts={"dewasa": male + female},
        purposes=["membaca"],
    )


def _activity(title: str, at: datetime, status: str, male: int = 0, female: int = 0) -> Activity:
    return Activity(
        title=title,
        category_code="literasi",
        strategy="layanan",
        starts_at=at,
        place="Balai desa",
        status=status,
        participants={"L": {"dewasa": male}, "P": {"dewasa": female}} if male + female else {},
        participants_male=male,
        participants_female=female,
    )


def _delete(library_db: LibraryDb, model: Any, record_id: str) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(model, record_id)
        assert record is not None
        uow.delete(record)


def test_visitors_this_month_follow_the_library_clock(library_db: LibraryDb) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(_visit(datetime(2026, 10, 31, 23, 59, tzinfo=WIB), 1, 0))  # October, local
        uow.add(_visit(datetime(2026, 11, 1, 0, 0, tzinfo=WIB), 0, 1))  # November, local
        uow.add(_visit(datetime(2026, 11, 30, 23, 59, tzinfo=WIB), 2, 3, kind="group"))
        uow.add(_visit(datetime(2026, 12, 1, 0, 0, tzinfo=WIB), 1, 0))  # December
        gone = uow.add(_visit(datetime(2026, 11, 10, 10, 0, tzinfo=WIB), 4, 4, kind="group"))
    _delete(library_db, Visit, gone.id)

    conn = library_db.db.connect()
    figures = home_figures(conn, "WIB", now=datetime(2026, 11, 15, 3, 0, tzinfo=UTC))
    assert figures.visitors_this_month == 1 + 2 + 3
    assert figures.visits.previous == 1  # 31 October 23:59
    # The same records seen from Papua (WIT, two hours ahead of WIB): 31 Oct 23:59 WIB is
    # already November there, and the group of 30 Nov 23:59 WIB falls in December.
    papua = home_figures(conn, "WIT", now=datetime(2026, 11, 15, tzinfo=UTC))
    assert papua.visitors_this_month == 1 + 1
    # Every record written is waiting to be synced: the library, five visits and one change.
    assert figures.pending_sync == 1 + 5 + 1
    assert figures.last_sync_at is None  # never synced
    conn.close()


def test_month_bounds_cross_the_year_in_local_time() -> None:
    start, end = month_bounds(datetime(2026, 12, 31, 18, 0, tzinfo=UTC), "WIB")  # 1 Jan 01:00 WIB
    assert start == datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
    assert end == datetime(2027, 1, 31, 17, 0, tzinfo=UTC)


def _fill(library_db: LibraryDb) -> None:
    """The hand-counted library of the tests below (today is 15 November 2026, WIB)."""
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(_visit(wib(11, 15, 8), 1, 0))  # today
        uow.add(_visit(wib(11, 15, 9, 30), 3, 4, kind="group"))  # today: a class
        uow.add(_visit(wib(11, 14, 23, 59), 0, 1))  # yesterday, late
        uow.add(_visit(wib(10, 20), 2, 3, kind="group"))  # last month, in the 30 days
        uow.add(_visit(wib(10, 1), 0, 1))  # last month, before the 30 days
        uow.add(_visit(wib(9, 30, 23, 59), 1, 0))  # September: neither month
        gone_visit = uow.add(_visit(wib(11, 15, 10), 0, 1))  # tombstoned below

        member = uow.add(
            Member(
                member_no="A001",
                name="Sari",
                gender="P",
                member_type="umum",
                registered_on=date(2026, 1, 5),
                consent_at=wib(1, 5),
                consent_by=library_db.admin.id,
                active=True,
            )
        )
        title = uow.add(Title(title="Laskar Pelangi", authors="Andrea Hirata"))
        uow.flush()
        items = [
            uow.add(Item(title_id=title.id, barcode=f"B{n}", source="hibah")) for n in range(5)
        ]
        uow.flush()

        def loan(n: int, at: datetime, due: date, back: datetime | None = None) -> Loan:
            return uow.add(
                Loan(
                    item_id=items[n].id,
                    member_id=member.id,
                    loaned_at=at,
                    due_on=due,
                    returned_at=back,
                )
            )

        loan(0, wib(11, 10), date(2026, 11, 17))  # this month, out, not yet due
        loan(1, wib(10, 25), date(2026, 11, 1))  # last month, out, overdue
        loan(2, wib(10, 5), date(2026, 10, 12), back=wib(10, 10))  # last month, back
        loan(3, wib(11, 14), date(2026, 11, 15))  # this month, due today: not overdue
        gone_loan = loan(4, wib(11, 12), date(2026, 11, 1))  # tombstoned below

        uow.add(_activity("Kelas menulis", wib(11, 3), "terlaksana", 10, 12))
        uow.add(_activity("Dibatalkan", wib(11, 5), "batal", 5, 5))
        uow.add(_activity("Pelatihan UMKM", wib(10, 28), "terlaksana", 3, 4))
        uow.add(_activity("Dongeng anak", wib(11, 15, 14), "rencana"))  # today
        uow.add(_activity("Lomba mewarnai", wib(11, 20, 9), "rencana"))  # in the week
        uow.add(_activity("Terlalu jauh", wib(11, 23, 9), "rencana"))  # 8 days on
        uow.add(_activity("Batal minggu ini", wib(11, 18, 9), "batal"))
        gone_activity = uow.add(_activity("Dihapus", wib(11, 19, 9), "rencana"))
    _delete(library_db, Visit, gone_visit.id)
    _delete(library_db, Loan, gone_loan.id)
    _delete(library_db, Activity, gone_activity.id)


def test_today_and_this_month_against_last_hand_counted(library_db: LibraryDb) -> None:
    _fill(library_db)
    conn = library_db.db.connect()
    f = home_figures(conn, "WIB", now=NOW)
    conn.close()
    assert f.today == date(2026, 11, 15)
    # Today: a man alone, and a class of 3 boys and 4 girls; the tombstoned woman nowhere.
    assert (f.visitors_today_male, f.visitors_today_female) == (4, 4)
    assert f.visitors_today == 8
    assert f.loans_out == 3  # the tombstoned open loan is not out
    assert f.overdue == 1  # due 1 November; the one due today is not late yet
    assert (f.visits.current, f.visits.previous) == (1 + 7 + 1, 5 + 1)
    assert (f.loans.current, f.loans.previous) == (2, 2)
    assert (f.activities_held.current, f.activities_held.previous) == (1, 1)  # cancelled: no
    assert (f.participants.current, f.participants.previous) == (22, 7)
    assert [a.title for a in f.activities_today] == ["Dongeng anak"]
    assert f.activities_today[0].starts_at.hour == 14  # local time
    assert f.activities_today[0].place == "Balai desa"
    assert [a.title for a in f.activities_upcoming] == ["Lomba mewarnai"]
    assert (f.members, f.titles, f.items) == (1, 1, 5)


def test_last_30_days_have_every_day_zero_days_too(library_db: LibraryDb) -> None:
    _fill(library_db)
    conn = library_db.db.connect()
    f = home_figures(conn, "WIB", now=NOW)
    conn.close()
    assert len(f.last_days) == DAYS == 30
    assert f.last_days[0].day == date(2026, 10, 17)
    assert f.last_days[-1].day == date(2026, 11, 15)
    assert [d.day for d in f.last_days] == [
        date(2026, 10, 17) + timedelta(days=n) for n in range(30)
    ]
    people = {d.day: d.people for d in f.last_days if d.people}
    assert people == {date(2026, 10, 20): 5, date(2026, 11, 14): 1, date(2026, 11, 15): 8}


def test_sync_status_counts_the_pending_outbox_and_reads_the_last_sync(
    library_db: LibraryDb,
) -> None:
    conn = library_db.db.connect()
    before = home_figures(conn, "WIB", now=NOW).pending_sync
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        first = uow.add(_visit(wib(11, 15, 8), 1, 0))
        uow.add(_visit(wib(11, 15, 9), 0, 1))
    _delete(library_db, Visit, first.id)
    assert home_figures(conn, "WIB", now=NOW).pending_sync == before + 3
    # Sent and acknowledged rows wait no longer; the last sync is read from sync_state.
    synced_at = datetime(2026, 11, 14, 16, 30, tzinfo=UTC)
    conn.execute("UPDATE outbox SET state = 'synced' WHERE seq = (SELECT min(seq) FROM outbox)")
    conn.execute("UPDATE sync_state SET last_sync_at = ?", (to_db(synced_at),))
    after = home_figures(conn, "WIB", now=NOW)
    conn.close()
    assert after.pending_sync == before + 3 - 1
    assert after.last_sync_at == synced_at


# --- the backup status (file names and a small mark; no backup file is opened) ------------


def _backup_figures(library_db: LibraryDb, now: datetime) -> Any:
    conn = library_db.db.connect()
    try:
        return home_figures(conn, "WIB", now=now)
    finally:
        conn.close()


def _set_second_folder(library_db: LibraryDb, folder: Path) -> None:
    conn = library_db.db.connect()
    try:
        Settings(conn).set("backup_dir", str(folder))
    finally:
        conn.close()


def test_no_backup_and_no_second_drive_is_warned_about(library_db: LibraryDb) -> None:
    figures = _backup_figures(library_db, NOW)
    assert figures.backup.last_at is None
    assert figures.backup.second_folder is None
    assert figures.second_copy_missing  # none chosen: warn
    assert not figures.backups_stale  # nothing made yet is not "stale"


def test_the_second_drive_warns_after_7_days_without_a_copy(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    stick = tmp_path / "flashdisk"
    _set_second_folder(library_db, stick)
    made = make_backup(library_db.db, now=NOW - timedelta(hours=1))
    assert made.second_copy is not None
    made_at = (NOW - timedelta(hours=1)).astimezone(UTC).replace(microsecond=0)
    figures = _backup_figures(library_db, NOW)
    assert figures.backup.last_at == made_at
    assert figures.backup.second_folder == stick
    assert figures.backup.second_at == made_at
    assert not figures.second_copy_missing and not figures.backups_stale
    # Six days later: still fine; eight days later: the warning, and the backups are stale.
    assert not _backup_figures(library_db, NOW + timedelta(days=6)).second_copy_missing
    later = _backup_figures(library_db, NOW + timedelta(days=8))
    assert later.second_copy_missing and later.backups_stale
    # A backup made while the stick is out: a good backup, but still none on the stick.
    shutil.rmtree(stick)
    stick.touch()  # a file where the folder was: the copy cannot be written
    make_backup(library_db.db, now=NOW + timedelta(days=8))
    later = _backup_figures(library_db, NOW + timedelta(days=8, hours=1))
    assert later.backup.last_at == NOW + timedelta(days=8)
    assert not later.backups_stale
    assert later.backup.second_at == made_at  # remembered from the mark
    assert later.second_copy_missing


def test_an_unplugged_stick_keeps_its_last_copy_until_another_folder_is_chosen(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    stick = tmp_path / "flashdisk"
    _set_second_folder(library_db, stick)
    make_backup(library_db.db, now=NOW - timedelta(days=2))
    shutil.rmtree(stick)  # unplugged
    figures = _backup_figures(library_db, NOW)
    assert figures.backup.second_at == NOW - timedelta(days=2)
    assert not figures.second_copy_missing
    _set_second_folder(library_db, tmp_path / "drive-d")  # another folder: nothing there yet
    assert _backup_figures(library_db, NOW).second_copy_missing


def test_backup_status_is_cheap_it_opens_no_backup_file(
    library_db: LibraryDb, tmp_path: Path, monkeypatch: Any
) -> None:
    import zipfile

    make_backup(library_db.db, now=NOW - timedelta(hours=1))
    opened: list[object] = []
    monkeypatch.setattr(zipfile.ZipFile, "__init__", lambda *args, **_kw: opened.append(args))
    figures = _backup_figures(library_db, NOW)
    assert figures.backup.last_at is not None
    assert opened == []
