"""The home page (Beranda): today's figures, and a refresh off the GUI thread after a change.

The figures are read by ``app.core.home.home_figures`` on a background task:
the page is built with placeholders, filled just after it is shown, and read
again (once for a burst) after ``data_changed``; never on the GUI thread.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.backup import make_backup
from app.core.clock import ZONES, utcnow
from app.core.home import HomeFigures
from app.core.settings import Settings
from app.core.visits import VisitInput, VisitService
from app.db.models import Activity, Item, Loan, Member, Title
from app.db.uow import UnitOfWork
from app.ui.context import AppContext
from app.ui.pages import beranda
from app.ui.pages.beranda import PLACEHOLDER, TODAY_BAR, BerandaPage
from tests.conftest import LibraryDb

WARNING_ORANGE = "#e65100"


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread each read of the figures ran on (the real function does the reading)."""
    threads: list[str] = []
    real = beranda.home_figures

    def counted(conn: sqlite3.Connection, zone: str) -> HomeFigures:
        threads.append(threading.current_thread().name)
        return real(conn, zone)

    monkeypatch.setattr(beranda, "home_figures", counted)
    return threads


def record_guest(library_db: LibraryDb, gender: str) -> None:
    with VisitService(library_db.db, library_db.admin) as visits:
        visits.record(
            VisitInput(kind="guest", gender=gender, age_band="dewasa", purposes=("membaca",))
        )


def make_page(qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection) -> BerandaPage:
    context = AppContext(
        db=library_db.db, conn=conn, user=library_db.admin, profile=library_db.profile
    )
    page = beranda.PAGE.factory(context)
    assert isinstance(page, BerandaPage)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitExposed(page)
    return page


def figure(page: BerandaPage, key: str) -> QLabel:
    label = page.findChild(QLabel, f"figure_{key}")
    assert label is not None
    return label


def text(page: BerandaPage, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None
    return label.text()


def test_the_page_shows_todays_figures(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, reads: list[str]
) -> None:
    for gender in ("L", "P", "P"):
        record_guest(library_db, gender)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Activity(
                title="Dongeng anak",
                category_code="literasi",
                strategy="layanan",
                starts_at=datetime.now(UTC),
                place="Balai desa",
                status="rencana",
            )
        )
    page = make_page(qtbot, library_db, conn)
    assert figure(page, "visitors_today").text() == PLACEHOLDER  # nothing read while building
    assert reads == []
    qtbot.waitUntil(lambda: figure(page, "visitors_today").text() == "3")
    assert reads and threading.main_thread().name not in reads
    assert text(page, "note_visitors_today") == "1 male, 2 female"
    assert figure(page, "visitors_this_month").text() == "3"
    assert figure(page, "loans_out").text() == "0"
    assert figure(page, "overdue").text() == "0"
    assert figure(page, "activities").text() == "0"  # planned: not held
    assert "Dongeng anak (Balai desa)" in text(page, "activitiesToday")
    assert text(page, "activitiesUpcoming") == "Nothing planned yet."
    pending = int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
    assert text(page, "syncStatus") == (f"Changes waiting to be sent: {pending}. Never synced yet.")
    # The chart: 30 days, today's bar (the last, in its own colour) drawn.
    assert [d.people for d in page.chart.days][-1] == 3
    assert len(page.chart.days) == 30
    image = page.chart.grab().toImage()
    today = TODAY_BAR.rgb()
    assert any(
        image.pixel(x, y) == today
        for x in range(image.width() * 9 // 10, image.width())
        for y in range(image.height())
    ), "today's bar is not drawn"
    assert "3 people" in page.chart.toolTip()


def test_a_recorded_visit_updates_the_card_without_blocking(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, reads: list[str]
) -> None:
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: figure(page, "visitors_today").text() == "0")
    read_before = len(reads)
    record_guest(library_db, "P")
    for _ in range(5):  # a burst: a class signing in, one after the other
        page.context.signals.data_changed.emit("visit")
    assert figure(page, "visitors_today").text() == "0"  # not read on the GUI thread
    assert len(reads) == read_before
    qtbot.waitUntil(lambda: figure(page, "visitors_today").text() == "1")
    assert text(page, "note_visitors_today") == "0 male, 1 female"
    assert figure(page, "visitors_this_month").text() == "1"
    assert len(reads) == read_before + 1  # the burst was read once
    assert threading.main_thread().name not in reads


def test_a_hidden_page_reads_the_figures_when_shown_again(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, reads: list[str]
) -> None:
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: figure(page, "visitors_today").text() == "0")
    read_before = len(reads)
    page.hide()
    record_guest(library_db, "L")
    page.context.signals.data_changed.emit("visit")
    qtbot.waitUntil(lambda: page.stale)  # the change is noted, nothing read while hidden
    assert len(reads) == read_before
    page.show()
    qtbot.waitUntil(lambda: figure(page, "visitors_today").text() == "1")
    assert len(reads) == read_before + 1


def test_an_overdue_loan_is_counted_and_shown_in_red(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    now = datetime.now(UTC)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(
            Member(
                member_no="A001",
                name="Sari",
                gender="P",
                member_type="umum",
                registered_on=date(2026, 1, 5),
                consent_at=now,
                consent_by=library_db.admin.id,
                active=True,
            )
        )
        title = uow.add(Title(title="Laskar Pelangi", authors="Andrea Hirata"))
        uow.flush()
        item = uow.add(Item(title_id=title.id, barcode="B1", source="hibah"))
        uow.flush()
        uow.add(
            Loan(
                item_id=item.id,
                member_id=member.id,
                loaned_at=now - timedelta(days=20),
                due_on=(now - timedelta(days=6)).date(),
            )
        )
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: figure(page, "overdue").text() == "1")
    assert figure(page, "loans_out").text() == "1"
    assert text(page, "note_overdue") == "past their due date"
    image = figure(page, "overdue").grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }
    assert "#c62828" in colours, "the overdue figure is not red"


def test_the_sync_line_gives_the_last_successful_sync_in_local_time(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    assert library_db.profile.time_zone == "WIB"
    conn.execute("UPDATE sync_state SET last_sync_at = '2026-11-14 16:30:00.000000'")  # UTC
    pending = int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: text(page, "syncStatus") != PLACEHOLDER)
    day = QLocale().toString(QDate(2026, 11, 14), "d MMMM yyyy")
    assert text(page, "syncStatus") == (
        f"Changes waiting to be sent: {pending}. Last successful sync: {day}, 23:30."
    )


# --- the backup status and the second-drive warning -------------------------------------


def colours_of(label: QLabel) -> set[str]:
    image = label.grab().toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    }


def test_no_second_drive_chosen_is_warned_in_orange(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: text(page, "backupStatus") != PLACEHOLDER)
    assert text(page, "backupStatus") == "No backup has been made yet."
    warning = page.findChild(QLabel, "backupWarning")
    assert warning is not None and warning.isVisible()
    assert warning.text().startswith("No USB stick or second drive is chosen for backups.")
    assert WARNING_ORANGE in colours_of(warning)


def test_the_last_backup_is_shown_and_a_week_without_a_copy_on_the_stick_warns(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, tmp_path: Path
) -> None:
    stick = tmp_path / "flashdisk"
    Settings(conn).set("backup_dir", str(stick))
    week_ago = utcnow() - timedelta(days=8)
    make_backup(library_db.db, now=week_ago)  # onto the stick too, eight days ago
    recent = utcnow() - timedelta(hours=2)
    shutil.rmtree(stick)  # the stick is out, a file is where it was: the copy fails
    stick.write_text("")
    made = make_backup(library_db.db, now=recent)
    assert made.second_error is not None
    page = make_page(qtbot, library_db, conn)
    qtbot.waitUntil(lambda: text(page, "backupStatus") != PLACEHOLDER)
    when = page._when(recent.replace(microsecond=0))
    assert text(page, "backupStatus") == f"Last backup: {when}, checked."
    local = recent.astimezone(ZONES["WIB"])
    assert QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy") in when
    warning = page.findChild(QLabel, "backupWarning")
    assert warning is not None and warning.isVisible()
    assert warning.text().startswith("No backup on the USB stick or second drive for 7 days.")
    assert page._when(week_ago.replace(microsecond=0)) in warning.text()
    assert WARNING_ORANGE in colours_of(warning)
    # The stick is plugged in again and a backup is made: the warning goes.
    stick.unlink()
    make_backup(library_db.db)
    page.context.signals.data_changed.emit("backup")
    qtbot.waitUntil(lambda: not warning.isVisible())
    assert text(page, "backupStatus").startswith("Last backup: ")
