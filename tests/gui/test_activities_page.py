"""Kegiatan: the month calendar and list, filters, cancel, copy and delete, and who may do what.

The page runs on a real database of the Miroto library (WIB) holding three
activities of October 2026 (always in the past, so they may be held) and one
of November. Texts are compared with what the installed catalogue shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.activities import ActivityInput, ActivityService
from app.core.auth import Role, User, UserService
from app.ui.activities.form import ActivityDialog
from app.ui.activities.model import STATUS_COLOURS
from app.ui.activities.page import ActivitiesPage, CopyDialog
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.pages.kegiatan import PAGE
from tests.conftest import LibraryDb
from tests.gui.helpers import find_dialog, log_in, workspace

WIB = timezone(timedelta(hours=7))


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def at(day: int, hour: int, minute: int = 0, month: int = 10) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


KERIPIK = ActivityInput(
    title="Pelatihan keripik singkong",
    category="umkm",
    strategy="pelibatan",
    starts_at=at(10, 9),
    ends_at=at(10, 12),
    status="terlaksana",
    participants={"L": {"dewasa": 3}, "P": {"dewasa": 12, "lansia": 2}},
)
DONGENG = ActivityInput(
    title="Mendongeng Sabtu pagi",
    category="literasi_anak",
    strategy="layanan",
    starts_at=at(17, 9),
    ends_at=at(17, 10, 30),
)
MUSYAWARAH = ActivityInput(
    title="Musyawarah anggaran perpustakaan",
    category="pertemuan",
    strategy="advokasi",
    kind="pertemuan",
    starts_at=at(24, 13),
    ends_at=at(24, 15),
    status="terlaksana",
    participants={"L": {"dewasa": 9}, "P": {"dewasa": 6}},
    representatives={"pemerintah_desa": 3, "bpd": 2},
)
NOVEMBER = ActivityInput(
    title="Kelas literasi digital",
    category="literasi_digital",
    strategy="layanan",
    starts_at=at(5, 14, month=11),
    ends_at=at(5, 16, month=11),
)


@pytest.fixture
def activity_ids(library_db: LibraryDb) -> dict[str, str]:
    with ActivityService(library_db.db, library_db.admin) as service:
        return {
            "keripik": service.record(KERIPIK),
            "dongeng": service.plan(DONGENG),
            "musyawarah": service.record(MUSYAWARAH),
            "november": service.plan(NOVEMBER),
        }


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


def make_page(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, user: User
) -> ActivitiesPage:
    context = AppContext(db=library_db.db, conn=conn, user=user, profile=library_db.profile)
    page = PAGE.factory(context)
    assert isinstance(page, ActivitiesPage)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.show_month(2026, 10)
    return page


@pytest.fixture
def page(
    qtbot: QtBot, library_db: LibraryDb, conn: sqlite3.Connection, activity_ids: dict[str, str]
) -> Iterator[ActivitiesPage]:
    found = make_page(qtbot, library_db, conn, library_db.admin)
    yield found
    found.service.close()


def titles(page: ActivitiesPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def choose_row(page: ActivitiesPage, title: str) -> None:
    page.show_list()
    row = titles(page).index(title)
    page.table.selectRow(row)
    assert page.current() is not None and page.current().title == title  # type: ignore[union-attr]


def message_button(page: ActivitiesPage, name: str) -> QPushButton:
    box = find_dialog(page, QMessageBox)
    button = box.findChild(QPushButton, name)
    assert button is not None
    return button


# --- showing the month ---------------------------------------------------------------------


def test_the_page_is_listed_for_recorders_and_opens_lazily() -> None:
    assert (PAGE.key, PAGE.order) == ("kegiatan", 50)
    assert PAGE.title() == QCoreApplication.translate("Pages", "Activities")
    assert PAGE.permission is not None and PAGE.permission.name == "RECORD"


def test_the_calendar_shows_each_activity_on_its_day(qtbot: QtBot, page: ActivitiesPage) -> None:
    assert page.views.currentWidget() is page.calendar
    assert page.month_label.text().endswith("2026")
    assert page.calendar.cell_lines(date(2026, 10, 10)) == ["09:00 Pelatihan keripik singkong"]
    assert page.calendar.cell_lines(date(2026, 10, 17)) == ["09:00 Mendongeng Sabtu pagi"]
    assert page.calendar.cell_lines(date(2026, 10, 11)) == []
    assert page.calendar.cell_lines(date(2026, 11, 5)) == [], "November is not shown in October"
    page.calendar.setSelectedDate(QDate(2026, 10, 24))
    assert page.current() is not None and page.current().title == MUSYAWARAH.title  # type: ignore[union-attr]
    assert page.figures.text() == shown(
        "This month: {held} held with {people} people ({men} men, {women} women),"
        " {planned} planned, {cancelled} cancelled.",
        "ActivitiesPage",
        held=2,
        people=32,
        men=12,
        women=20,
        planned=1,
        cancelled=0,
    )
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert (page.calendar.yearShown(), page.calendar.monthShown()) == (2026, 11)
    assert page.calendar.cell_lines(date(2026, 11, 5)) == ["14:00 Kelas literasi digital"]
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.month == 10
    page.calendar.setSelectedDate(QDate(2026, 10, 31))
    page.calendar.setFocus()
    qtbot.keyClick(page.calendar.focusWidget() or page.calendar, Qt.Key.Key_Right)
    assert page.calendar.selected_day() == date(2026, 11, 1)
    assert page.month == 11, "the arrow keys moved into November: its activities are shown"
    assert page.calendar.cell_lines(date(2026, 11, 5)) == ["14:00 Kelas literasi digital"]
    assert page.month_label.text() == QLocale().toString(QDate(2026, 11, 1), "MMMM yyyy")
    page.show_month(2026, 10)
    page.calendar.grab().save("/tmp/shots/activities_calendar_test.png")


def test_the_list_shows_the_month_and_filters_by_category_and_strategy(
    page: ActivitiesPage,
) -> None:
    page.show_list()
    assert page.views.currentWidget() is page.table
    assert titles(page) == [KERIPIK.title, DONGENG.title, MUSYAWARAH.title]
    model = page.model
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[1:] == [
        "09:00–12:00",
        KERIPIK.title,
        shown("Small business and entrepreneurship"),
        shown("Community involvement"),
        shown("Held"),
        "3",
        "14",
        "17",
    ]
    assert model.data(model.index(1, 8)) == "", "a planned activity has no headcount yet"
    assert (
        model.data(model.index(1, 5), Qt.ItemDataRole.ForegroundRole) == STATUS_COLOURS["rencana"]
    )

    page.category_filter.setCurrentIndex(page.category_filter.findData("pertemuan"))
    assert titles(page) == [MUSYAWARAH.title]
    page.category_filter.setCurrentIndex(0)
    page.strategy_filter.setCurrentIndex(page.strategy_filter.findData("layanan"))
    assert titles(page) == [DONGENG.title]
    assert page.calendar.cell_lines(date(2026, 10, 10)) == [], "the calendar is filtered too"
    page.category_filter.setCurrentIndex(page.category_filter.findData("umkm"))
    assert titles(page) == []


def test_the_list_model_is_a_correct_qt_model(
    page: ActivitiesPage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model)
    page.model.set_activities([])
    qtmodeltester.check(page.model)
    page.refresh()
    qtmodeltester.check(page.model)
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == shown("Title")


# --- the actions ----------------------------------------------------------------------------


def test_ctrl_n_plans_an_activity_on_the_chosen_day(qtbot: QtBot, page: ActivitiesPage) -> None:
    page.calendar.setSelectedDate(QDate(2026, 10, 21))
    page.calendar.setFocus()
    qtbot.keyClick(page.calendar, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(page, ActivityDialog)
    assert dialog.view is None
    assert dialog.date.date() == QDate(2026, 10, 21)
    qtbot.keyClicks(dialog.title, "Senam lansia")
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        qtbot.mouseClick(
            dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton
        )  # Save (first button)
    assert changed.args == ["activity"]
    assert page.calendar.cell_lines(date(2026, 10, 21)) == ["09:00 Senam lansia"]


def test_enter_in_the_list_opens_the_activity(qtbot: QtBot, page: ActivitiesPage) -> None:
    choose_row(page, MUSYAWARAH.title)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = find_dialog(page, ActivityDialog)
    assert dialog.view is not None and dialog.title.text() == MUSYAWARAH.title
    assert dialog.meeting_box.isVisible()
    assert dialog.representatives["bpd"].value() == 2


def test_a_cancelled_activity_shows_as_cancelled(
    qtbot: QtBot, page: ActivitiesPage, activity_ids: dict[str, str]
) -> None:
    choose_row(page, DONGENG.title)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.mouseClick(message_button(page, "confirmCancel"), Qt.MouseButton.LeftButton)
    view = page.service.get(activity_ids["dongeng"])
    assert view is not None and view.status == "batal"
    row = titles(page).index(DONGENG.title)
    model = page.model
    assert model.data(model.index(row, 5)) == shown("Cancelled")
    assert model.data(model.index(row, 5), Qt.ItemDataRole.ForegroundRole) == QColor("#8a8a8a")
    font = model.data(model.index(row, 2), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert not page.cancel_button.isEnabled(), "cancelled once is enough"
    assert "{cancelled}" not in page.figures.text()
    assert page.service.month_figures(2026, 10).cancelled == 1


def test_copy_plans_the_next_session(
    qtbot: QtBot, page: ActivitiesPage, activity_ids: dict[str, str]
) -> None:
    choose_row(page, KERIPIK.title)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, CopyDialog)
    assert dialog.when.dateTime() == QDateTime(QDate(2026, 10, 17), QTime(9, 0)), "a week later"
    dialog.when.setDateTime(QDateTime(QDate(2026, 11, 14), QTime(9, 30)))
    with qtbot.waitSignal(page.context.signals.data_changed):
        dialog.accept()
    assert page.month == 11, "the page moves to the new session's month"
    assert page.calendar.cell_lines(date(2026, 11, 14)) == ["09:30 Pelatihan keripik singkong"]
    copies = [a for a in page.service.month_list(2026, 11) if a.title == KERIPIK.title]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.status == "rencana" and copy.participants_total == 0
    assert copy.starts_at == at(14, 9, 30, month=11).astimezone(UTC)
    assert copy.ends_at == at(14, 12, 30, month=11).astimezone(UTC), "the same length"


def test_delete_asks_first_and_a_volunteer_cannot_delete(
    qtbot: QtBot,
    library_db: LibraryDb,
    conn: sqlite3.Connection,
    page: ActivitiesPage,
    activity_ids: dict[str, str],
) -> None:
    choose_row(page, DONGENG.title)
    assert page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    assert DONGENG.title in box.text()
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.mouseClick(message_button(page, "confirmDelete"), Qt.MouseButton.LeftButton)
    assert DONGENG.title not in titles(page)
    deleted = page.service.get(activity_ids["dongeng"])
    assert deleted is not None and deleted.deleted

    relawan = UserService(conn).create_user(
        library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
    )
    volunteer = make_page(qtbot, library_db, conn, relawan)
    try:
        volunteer.show_list()
        volunteer.table.selectRow(0)
        assert volunteer.current() is not None
        assert not volunteer.delete_button.isEnabled()
        assert volunteer.new_button.isEnabled() and volunteer.copy_button.isEnabled()
        volunteer.on_delete_clicked()  # even if asked: no question, nothing deleted
        assert not [d for d in volunteer.findChildren(QMessageBox) if d.isVisible()]
        assert len(volunteer.service.month_list(2026, 10)) == 2
    finally:
        volunteer.service.close()


def test_enter_on_a_calendar_day_opens_its_activity_or_plans_one(
    qtbot: QtBot, page: ActivitiesPage
) -> None:
    page.calendar.setSelectedDate(QDate(2026, 10, 10))
    page.calendar.setFocus()
    target = page.calendar.focusWidget() or page.calendar
    qtbot.keyClick(target, Qt.Key.Key_Return)
    dialog = find_dialog(page, ActivityDialog)
    assert dialog.view is not None and dialog.title.text() == KERIPIK.title
    assert dialog.grid.grand_total.text() == "17"
    dialog.reject()

    page.calendar.setSelectedDate(QDate(2026, 10, 12))
    qtbot.keyClick(target, Qt.Key.Key_Return)
    empty_day = find_dialog(page, ActivityDialog)
    assert empty_day.view is None and empty_day.date.date() == QDate(2026, 10, 12)


def test_the_page_opens_in_the_program_after_login(
    qtbot: QtBot,
    library_db: LibraryDb,
    activity_ids: dict[str, str],
    make_controller: Callable[[], Controller],
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    opened = workspace(controller).open_page("kegiatan")
    assert isinstance(opened, ActivitiesPage)
    assert opened.isVisible()
    opened.show_month(2026, 10)
    assert opened.calendar.cell_lines(date(2026, 10, 24)) == ["13:00 " + MUSYAWARAH.title]
    opened.service.close()
