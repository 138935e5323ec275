"""The activity form: the participant grid adds up as you type, bad input is refused, photos.

The form runs on a real database of the Miroto library (WIB). Held
activities are dated October 2026, always in the past; texts are compared with
what the installed catalogue shows, so the tests hold before and after the
Indonesian translations are added.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox
from pytestqt.qtbot import QtBot

from app.core.activities import ActivityInput, ActivityService
from app.core.auth import Role, UserService
from app.core.members import MemberInput, MemberService
from app.db.models import Library
from app.db.uow import UnitOfWork
from app.ui.activities.attendance import AttendanceDialog
from app.ui.activities.form import ActivityDialog, FormServices
from app.ui.context import AppContext
from tests.conftest import VILLAGE_CODE, LibraryDb
from tests.gui.helpers import click_save, find_dialog

WIB = timezone(timedelta(hours=7))
HELD_DAY = date(2026, 10, 10)


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(db=library_db.db, conn=conn, user=library_db.admin, profile=library_db.profile)
    conn.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[ActivityService]:
    with ActivityService(library_db.db, library_db.admin) as found:
        yield found


@pytest.fixture
def members(context: AppContext) -> Iterator[MemberService]:
    found = MemberService(context.db, context.user, conn=context.conn)
    yield found
    found.close()


def open_form(
    qtbot: QtBot,
    service: ActivityService,
    members: MemberService,
    activity_id: str | None = None,
) -> ActivityDialog:
    view = service.get(activity_id) if activity_id else None
    dialog = ActivityDialog(
        FormServices(service, members.search), service.options(), view, parent=None, day=HELD_DAY
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def type_count(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def cell(dialog: ActivityDialog, gender: str, band: str) -> QSpinBox:
    return dialog.grid.cells[(gender, band)]


def fill_details(qtbot: QtBot, dialog: ActivityDialog, status: str = "terlaksana") -> None:
    qtbot.keyClicks(dialog.title, "Pelatihan membuat keripik singkong")
    dialog.category.setCurrentIndex(dialog.category.findData("umkm"))
    dialog.strategy.setCurrentIndex(dialog.strategy.findData("pelibatan"))
    dialog.status.setCurrentIndex(dialog.status.findData(status))
    dialog.date.setDate(QDate(2026, 10, 10))
    dialog.start_time.setTime(QTime(9, 0))
    dialog.end_time.setTime(QTime(12, 0))
    qtbot.keyClicks(dialog.place, "Balai desa")


def activity_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM activity").fetchone()[0])


def png_file(folder: Path, name: str = "kegiatan.png") -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7d44"))
    path = folder / name
    assert image.save(str(path))  # the format follows the suffix
    return path


# --- the grid --------------------------------------------------------------------------


def test_the_grid_totals_follow_what_is_typed(
    qtbot: QtBot, service: ActivityService, members: MemberService
) -> None:
    dialog = open_form(qtbot, service, members)
    grid = dialog.grid
    assert grid.grand_total.text() == "0"
    type_count(qtbot, cell(dialog, "L", "dewasa"), "3")
    type_count(qtbot, cell(dialog, "L", "remaja"), "1")
    type_count(qtbot, cell(dialog, "P", "dewasa"), "12")
    assert grid.row_totals["L"].text() == "4"
    assert grid.row_totals["P"].text() == "12"
    assert grid.column_totals["dewasa"].text() == "15"
    assert grid.column_totals["remaja"].text() == "1"
    assert grid.column_totals["anak"].text() == "0"
    assert grid.grand_total.text() == "16"
    type_count(qtbot, cell(dialog, "P", "dewasa"), "2")  # a slip corrected
    assert grid.grand_total.text() == "6"
    type_count(qtbot, cell(dialog, "P", "lansia"), "-5")  # a minus sign cannot be typed
    assert cell(dialog, "P", "lansia").value() == 5
    assert grid.grand_total.text() == "11"


def test_saving_a_held_activity_stores_its_headcounts(
    qtbot: QtBot, service: ActivityService, members: MemberService, context: AppContext
) -> None:
    dialog = open_form(qtbot, service, members)
    assert dialog.kind.findData("pelatihan") < 0, "a village library gives no trainings"
    fill_details(qtbot, dialog)
    type_count(qtbot, cell(dialog, "L", "dewasa"), "3")
    type_count(qtbot, cell(dialog, "P", "dewasa"), "12")
    type_count(qtbot, cell(dialog, "P", "lansia"), "2")
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert not dialog.isVisible()
    view = service.get(saved.args[0])
    assert view is not None
    assert view.status == "terlaksana"
    assert view.participants == {"L": {"dewasa": 3}, "P": {"dewasa": 12, "lansia": 2}}
    assert (view.participants_male, view.participants_female) == (3, 14)
    assert view.starts_at == datetime(2026, 10, 10, 9, 0, tzinfo=WIB).astimezone(UTC)
    assert view.ends_at == datetime(2026, 10, 10, 12, 0, tzinfo=WIB).astimezone(UTC)
    assert view.place == "Balai desa"

    again = open_form(qtbot, service, members, view.id)  # it opens as it was saved
    assert again.grid.grand_total.text() == "17"
    assert again.title.text() == view.title
    assert again.status.currentData() == "terlaksana"


def test_a_held_activity_without_headcounts_is_refused(
    qtbot: QtBot, service: ActivityService, members: MemberService, context: AppContext
) -> None:
    dialog = open_form(qtbot, service, members)
    fill_details(qtbot, dialog)
    type_count(qtbot, cell(dialog, "L", "anak"), "-")  # only a minus: nothing
    assert dialog.grid.grand_total.text() == "0"
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == shown(
        "Fill in how many men and women of each age group took part."
    )
    assert dialog.error.isVisible()
    assert dialog.focusWidget() is cell(dialog, "L", "anak")
    assert activity_count(context.conn) == 0


def test_an_end_before_the_start_is_refused(
    qtbot: QtBot, service: ActivityService, members: MemberService, context: AppContext
) -> None:
    dialog = open_form(qtbot, service, members)
    fill_details(qtbot, dialog, status="rencana")
    dialog.start_time.setTime(QTime(14, 0))
    dialog.end_time.setTime(QTime(10, 0))
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == shown("The activity must end after it starts.")
    assert dialog.focusWidget() is dialog.end_time
    assert activity_count(context.conn) == 0

    dialog.end_time.setTime(QTime(16, 0))
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert activity_count(context.conn) == 1


def test_a_stakeholder_meeting_records_representatives_and_commitments(
    qtbot: QtBot, service: ActivityService, members: MemberService
) -> None:
    dialog = open_form(qtbot, service, members)
    assert not dialog.meeting_box.isVisibleTo(dialog)
    fill_details(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("pertemuan"))
    assert dialog.meeting_box.isVisible()
    assert not dialog.training_box.isVisibleTo(dialog)
    assert dialog.category.currentData() == "pertemuan"
    type_count(qtbot, cell(dialog, "L", "dewasa"), "9")
    type_count(qtbot, cell(dialog, "P", "dewasa"), "6")
    click_save(qtbot, dialog)
    assert dialog.error.text() == shown(
        "Fill in how many representatives of each kind came to the meeting."
    )
    type_count(qtbot, dialog.representatives["pemerintah_desa"], "3")
    type_count(qtbot, dialog.representatives["bpd"], "2")
    dialog.commitments.setPlainText("Desa menambah anggaran buku.")
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    view = service.get(saved.args[0])
    assert view is not None
    assert view.kind == "pertemuan"
    assert view.representatives == {"pemerintah_desa": 3, "bpd": 2}
    assert view.commitments == "Desa menambah anggaran buku."


def test_a_district_library_records_trainings_and_their_libraries(
    qtbot: QtBot, library_db: LibraryDb, members: MemberService, context: AppContext
) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        library = uow.get(Library, library_db.library_id)
        assert library is not None
        library.library_type = "kabupaten_kota"
    with ActivityService(library_db.db, library_db.admin) as service:
        dialog = open_form(qtbot, service, members)
        dialog.kind.setCurrentIndex(dialog.kind.findData("pelatihan"))
        assert dialog.training_box.isVisible()
        fill_details(qtbot, dialog)
        type_count(qtbot, cell(dialog, "P", "dewasa"), "20")
        type_count(qtbot, dialog.trainee_libraries, "12")
        with qtbot.waitSignal(dialog.saved) as saved:
            click_save(qtbot, dialog)
        view = service.get(saved.args[0])
        assert view is not None
        assert (view.kind, view.trainee_libraries, view.participants_total) == ("pelatihan", 12, 20)


def test_the_attendance_list_fills_the_grid(
    qtbot: QtBot, service: ActivityService, members: MemberService
) -> None:
    member = members.register(
        MemberInput(
            name="Siti Wahyuningsih",
            gender="P",
            birth_date=date(1990, 5, 17),
            village_code=VILLAGE_CODE,
            address="Jl. Pemuda No. 5",
            consent_given=True,
        )
    )
    dialog = open_form(qtbot, service, members)
    type_count(qtbot, cell(dialog, "L", "anak"), "7")  # replaced by the list
    qtbot.mouseClick(dialog.attendance_button, Qt.MouseButton.LeftButton)
    attendance = find_dialog(dialog, AttendanceDialog)
    qtbot.keyClicks(attendance.member_search, "siti wah")
    qtbot.keyClick(attendance.member_search, Qt.Key.Key_Return)
    assert attendance.people.count() == 1, "the one member found is added"
    assert attendance.isVisible(), "Enter searched; it did not close the list"
    qtbot.keyClicks(attendance.member_search, member.member_no)
    qtbot.keyClick(attendance.member_search, Qt.Key.Key_Return)
    assert attendance.people.count() == 1
    assert attendance.error.text() == shown(
        "{name} is on the list already.",
        "AttendanceDialog",
        name=f"{member.member_no} · Siti Wahyuningsih",
    )
    attendance.guest_gender.setCurrentIndex(attendance.guest_gender.findData("L"))
    attendance.guest_band.setCurrentIndex(attendance.guest_band.findData("remaja"))
    type_count(qtbot, attendance.guest_count, "3")
    qtbot.mouseClick(attendance.add_guest_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(attendance.guest_name, "Pak Darto")
    attendance.guest_band.setCurrentIndex(attendance.guest_band.findData("lansia"))
    qtbot.mouseClick(attendance.add_guest_button, Qt.MouseButton.LeftButton)
    assert attendance.count_label.text() == shown("{count} people", "AttendanceDialog", count=5)
    with qtbot.waitSignal(attendance.filled):
        qtbot.mouseClick(attendance.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.grid.grid() == {"L": {"remaja": 3, "lansia": 1}, "P": {"dewasa": 1}}
    assert dialog.grid.grand_total.text() == "5"


# --- photos -------------------------------------------------------------------------------


def test_a_file_that_is_not_a_picture_is_refused(
    qtbot: QtBot, tmp_path: Path, service: ActivityService, members: MemberService
) -> None:
    fake = tmp_path / "foto-kegiatan.jpg"
    fake.write_text("bukan gambar", encoding="utf-8")
    dialog = open_form(qtbot, service, members)
    assert not dialog.attach_photo(str(fake))
    assert dialog.photo_error.text() == shown(
        "The file {name} is not a picture: choose a JPEG or PNG photo.", name="foto-kegiatan.jpg"
    )
    assert dialog.photo_list.count() == 0
    assert dialog.pending_photos == []


def test_a_good_photo_gets_a_thumbnail_and_is_kept_with_the_activity(
    qtbot: QtBot, tmp_path: Path, service: ActivityService, members: MemberService
) -> None:
    dialog = open_form(qtbot, service, members)
    fill_details(qtbot, dialog, status="rencana")
    assert dialog.attach_photo(str(png_file(tmp_path)))
    assert dialog.photo_list.count() == 1
    icon = dialog.photo_list.item(0).icon()
    size = icon.availableSizes()[0]
    assert (size.width(), size.height()) == (96, 72), "scaled down, shape kept"
    assert not icon.pixmap(size).toImage().isNull()
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    photos = service.photos(saved.args[0])
    assert len(photos) == 1 and photos[0].suffix == ".png"

    again = open_form(qtbot, service, members, saved.args[0])
    assert again.photo_list.count() == 1
    qtbot.waitUntil(lambda: not again.photo_list.item(0).icon().isNull())
    again.photo_list.setCurrentRow(0)
    assert again.remove_photo_button.isEnabled()
    qtbot.mouseClick(again.remove_photo_button, Qt.MouseButton.LeftButton)
    assert again.photo_list.count() == 0
    assert service.photos(saved.args[0]) == []


def test_a_planned_activity_needs_no_headcount(
    qtbot: QtBot, service: ActivityService, members: MemberService
) -> None:
    dialog = open_form(qtbot, service, members)
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == [
        "rencana",
        "terlaksana",
    ], "a new activity is planned or held, not cancelled"
    fill_details(qtbot, dialog, status="rencana")
    dialog.end_time.setTime(QTime(0, 0))
    assert dialog.end_time.text() == shown("not known", "ActivityDialog")
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    view = service.get(saved.args[0])
    assert view is not None
    assert (view.status, view.ends_at, view.participants_total) == ("rencana", None, 0)


def test_bad_input_on_a_saved_activity_leaves_it_as_it_was(
    qtbot: QtBot, service: ActivityService, members: MemberService
) -> None:
    activity_id = service.record(
        ActivityInput(
            title="Mendongeng",
            category="literasi_anak",
            strategy="layanan",
            starts_at=datetime(2026, 10, 3, 9, 0, tzinfo=WIB),
            ends_at=datetime(2026, 10, 3, 10, 0, tzinfo=WIB),
            status="terlaksana",
            participants={"P": {"anak": 8}},
        )
    )
    dialog = open_form(qtbot, service, members, activity_id)
    type_count(qtbot, cell(dialog, "P", "anak"), "0")
    dialog.title.clear()
    click_save(qtbot, dialog)
    assert dialog.error.text() == shown("Fill in the title of the activity.")
    assert dialog.focusWidget() is dialog.title
    view = service.get(activity_id)
    assert view is not None and view.title == "Mendongeng" and view.participants_total == 8


def test_a_volunteer_sees_an_older_activity_but_cannot_change_it(
    qtbot: QtBot,
    tmp_path: Path,
    library_db: LibraryDb,
    service: ActivityService,
    members: MemberService,
    context: AppContext,
) -> None:
    activity_id = service.record(
        ActivityInput(
            title="Mendongeng",
            category="literasi_anak",
            strategy="layanan",
            starts_at=datetime(2026, 10, 3, 9, 0, tzinfo=WIB),
            status="terlaksana",
            participants={"P": {"anak": 8}},
        )
    )
    service.add_photo(activity_id, png_file(tmp_path))
    relawan = UserService(context.conn).create_user(
        library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
    )
    two_days_later = datetime.now(UTC) + timedelta(days=2)
    with ActivityService(library_db.db, relawan, now=lambda: two_days_later) as later:
        dialog = open_form(qtbot, later, members, activity_id)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled()
        assert dialog.note.isVisible()
        assert dialog.note.text() == shown(
            "Your role may change only planned activities and those typed in today.",
            "ActivityDialog",
        )
        dialog.photo_list.setCurrentRow(0)
        assert not dialog.remove_photo_button.isEnabled(), "removing a kept photo is deleting"

    with ActivityService(library_db.db, relawan) as today:  # typed in today: still open
        dialog = open_form(qtbot, today, members, activity_id)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        assert not dialog.note.isVisibleTo(dialog)
