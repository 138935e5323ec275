"""Buku Tamu as the librarian uses it: cards scanned, guests and groups typed in, the list.

The scanner is a keyboard: the tests type the member number and Enter into
whatever has the focus, key by key, as a USB barcode scanner does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.core.clock import ZONES
from app.core.visits import VisitInput, VisitService
from app.db.models import Member
from app.db.uow import UnitOfWork
from app.ui.app import Controller
from app.ui.guestbook.forms import VisitDialog
from app.ui.guestbook.page import GuestbookPage
from app.ui.i18n import tr
from tests.conftest import VILLAGE_CODE, LibraryDb
from tests.gui.helpers import find_dialog, indonesian, log_in, workspace

WIB = ZONES["WIB"]
VOLUNTEER_PASSWORD = "relawan123"


def add_member(library_db: LibraryDb, number: str, name: str, **fields: Any) -> str:
    values: dict[str, Any] = {
        "member_no": number,
        "name": name,
        "gender": "P",
        "birth_date": date(2012, 3, 4),
        "village_code": VILLAGE_CODE,
        "member_type": "pelajar",
        "registered_on": date(2025, 7, 1),
        "consent_at": datetime(2025, 7, 1, 3, 0, tzinfo=UTC),
        "consent_by": library_db.admin.id,
        "guardian_name": "Bu Wati",
        "guardian_consent_at": datetime(2025, 7, 1, 3, 0, tzinfo=UTC),
        "active": True,
    }
    values.update(fields)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(Member(**values))
    return member.id


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


def open_guestbook(
    qtbot: QtBot, make_controller: Callable[[], Controller], username: str, password: str
) -> GuestbookPage:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, username, password)
    page = workspace(controller).open_page("bukutamu")
    assert isinstance(page, GuestbookPage)
    controller.window.activateWindow()
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: page.member_panel.scan_box.hasFocus())
    # The village list loads in the background.
    qtbot.waitUntil(lambda: page.guest.origin.combo.count() > 2, timeout=10_000)
    return page


@pytest.fixture
def page(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> GuestbookPage:
    add_member(library_db, "20260007", "Nadia Putri")  # 14 years old: remaja
    return open_guestbook(qtbot, make_controller, "admin", library_db.admin_password)


def scan(qtbot: QtBot, text: str) -> None:
    """Type like a USB scanner: each key into whatever has the focus now, then Enter."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, char)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


class Keyboard:
    """The scan catcher's clock: each key takes ``step`` seconds."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.004

    def __call__(self) -> float:
        self.now += self.step
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


def visits(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM visit WHERE deleted_at IS NULL ORDER BY visited_at"
    ).fetchall()


def table_rows(page: GuestbookPage) -> list[list[str]]:
    model = page.model
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- members ------------------------------------------------------------------------


def test_a_scanned_card_looks_up_then_records(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    with VisitService(library_db.db, library_db.admin) as service:
        service.record(
            VisitInput(
                kind="member",
                member_no="20260007",
                visited_at=datetime.now(UTC) - timedelta(days=2),
                purposes=("pinjam", "belajar"),
            )
        )
    scan(qtbot, "20260007")
    assert "Nadia Putri" in page.member_panel.info.text()
    assert "20260007" in page.member_panel.info.text()
    # Last time she borrowed books and studied: ticked again, and still editable.
    assert page.member_panel.purposes.codes() == ("pinjam", "belajar")
    assert len(visits(conn)) == 1, "looking up writes nothing"
    page.member_panel.purposes.boxes["internet"].setChecked(True)

    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        qtbot.keyClick(page.member_panel.scan_box, Qt.Key.Key_Return)  # the second Enter
    assert changed.args == ["visit"]
    saved = visits(conn)[-1]
    assert saved["kind"] == "member" and saved["purposes"] == '["pinjam", "internet", "belajar"]'
    assert (saved["gender"], saved["age_band"]) == ("P", "remaja")
    teenager = tr("Teenager (13–17)").split(" (")[0]
    assert table_rows(page)[0][1:6] == [tr("Member"), "Nadia Putri", "P", teenager, "1"]
    assert page.totals.text().startswith("1 ")
    assert "Nadia Putri" in page.status.text()
    # Ready for the next card.
    assert page.member_panel.scan_box.text() == ""
    assert page.member_panel.scan_box.hasFocus()
    assert page.member_panel.info.text() == ""


def test_a_card_scanned_while_a_button_has_the_focus(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.member_panel.save_button.setFocus()
    assert QApplication.focusWidget() is page.member_panel.save_button
    scan(qtbot, "20260007")
    assert page.member_panel.scan_box.text() == "20260007"
    assert "Nadia Putri" in page.member_panel.info.text()
    assert visits(conn) == []
    page.member_panel.purposes.boxes["membaca"].setChecked(True)
    page.table.setFocus()  # the librarian clicked the list meanwhile
    assert QApplication.focusWidget() is page.table
    scan(qtbot, "20260007")  # the same card again: record
    assert [(row["kind"], row["purposes"]) for row in visits(conn)] == [("member", '["membaca"]')]
    assert [row[2] for row in table_rows(page)] == ["Nadia Putri"]


def test_a_card_scanned_into_the_guest_form_is_a_member_check_in(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    keyboard = Keyboard()
    page.scanner.clock = keyboard
    page.tabs.setCurrentIndex(1)
    page.guest.name.setFocus()
    keyboard.step = 0.25  # a person typing
    qtbot.keyClicks(page.guest.name, "Bu Sri")
    keyboard.pause(3.0)
    keyboard.step = 0.004  # the scanner
    scan(qtbot, "20260007")
    # The number is taken back out of the name, and the member is looked up.
    assert page.guest.name.text() == "Bu Sri"
    assert page.tabs.currentWidget() is page.member_panel
    assert "Nadia Putri" in page.member_panel.info.text()
    assert visits(conn) == [], "no guest was recorded by that Enter"
    page.member_panel.purposes.boxes["internet"].setChecked(True)
    scan(qtbot, "20260007")
    assert [row["kind"] for row in visits(conn)] == ["member"]


def test_a_card_scanned_into_a_headcount_leaves_the_number_as_it_was(
    qtbot: QtBot, page: GuestbookPage
) -> None:
    page.tabs.setCurrentIndex(2)
    page.group.male.setValue(12)
    page.group.male.setFocus()
    page.group.male.selectAll()
    page.scanner.clock = Keyboard()
    scan(qtbot, "20260007")
    assert page.group.male.value() == 12
    assert page.tabs.currentWidget() is page.member_panel
    assert "Nadia Putri" in page.member_panel.info.text()


def test_fast_typing_that_is_no_member_number_stays_where_it_was_typed(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.tabs.setCurrentIndex(1)
    page.guest.name.setFocus()
    scan(qtbot, "Wulan")  # fast, and Enter: but nobody has that number
    assert page.tabs.currentIndex() == 1
    assert page.guest.name.text() == "Wulan"
    assert page.guest_error.isVisible(), "Enter tried to record the guest"
    assert visits(conn) == []


def test_f2_goes_to_the_scan_box(qtbot: QtBot, page: GuestbookPage) -> None:
    page.tabs.setCurrentIndex(2)
    page.group.name.setFocus()
    qtbot.keyClick(page.group.name, Qt.Key.Key_F2)
    assert page.tabs.currentWidget() is page.member_panel
    assert page.member_panel.scan_box.hasFocus()


@pytest.mark.parametrize(
    ("number", "fields", "expected"),
    [
        ("99999999", {}, "There is no member with the number {number}."),
        (
            "20260008",
            {"expires_on": date(2026, 1, 31)},
            "The membership of {name} ({number}) has expired. Renew it first.",
        ),
        ("20260008", {"active": False}, "The membership of {name} ({number}) has been ended."),
    ],
)
def test_members_who_cannot_check_in_get_a_clear_message(
    qtbot: QtBot,
    page: GuestbookPage,
    conn: sqlite3.Connection,
    library_db: LibraryDb,
    number: str,
    fields: dict[str, Any],
    expected: str,
) -> None:
    add_member(library_db, "20260008", "Rudi Hartono", **fields)
    scan(qtbot, number)
    error = page.member_panel.error
    assert error.isVisible()
    assert error.text() == indonesian(expected).format(number=number, name="Rudi Hartono")
    assert page.member_panel.info.text() == ""
    scan(qtbot, number)  # Enter again does not record either
    assert visits(conn) == []
    # The next scan replaces the number in the box.
    scan(qtbot, "20260007")
    assert page.member_panel.scan_box.text() == "20260007"
    assert not error.isVisible()


def repeat_box(qtbot: QtBot, page: GuestbookPage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.repeat_box is not None and page.repeat_box.isVisible())
    box = page.repeat_box
    assert box is not None
    return box


def test_a_second_check_in_within_the_hour_is_asked(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.member_panel.auto_save.setChecked(True)  # busy desk: record as soon as scanned
    page.member_panel.purposes.boxes["membaca"].setChecked(True)
    scan(qtbot, "20260007")
    assert len(visits(conn)) == 0, "no purpose yet: nothing recorded"
    assert page.member_panel.error.isVisible()
    page.member_panel.purposes.boxes["membaca"].setChecked(True)
    qtbot.keyClick(page.member_panel.scan_box, Qt.Key.Key_Return)
    assert len(visits(conn)) == 1

    scan(qtbot, "20260007")
    box = repeat_box(qtbot, page)
    asked = indonesian("{name} already checked in {minutes} min ago.").format(
        name="Nadia Putri", minutes=0
    )
    assert box.text().startswith(asked)
    texts = [button.text() for button in box.findChildren(QPushButton)]
    assert page.tr("&Yes") in texts and page.tr("&No") in texts
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter (another scan) means no
    qtbot.waitUntil(lambda: page.repeat_box is None)
    assert len(visits(conn)) == 1
    assert page.status.text() == page.tr("Not recorded again.")

    scan(qtbot, "20260007")
    box = repeat_box(qtbot, page)
    yes = next(b for b in box.findChildren(QPushButton) if b.text() == page.tr("&Yes"))
    click(qtbot, yes)
    qtbot.waitUntil(lambda: len(visits(conn)) == 2)
    assert page.model.rowCount() == 2


# --- guests, groups, past days ------------------------------------------------------------


def test_guest_form_bad_input_then_good_input(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.tabs.setCurrentIndex(1)
    guest = page.guest
    qtbot.keyClicks(guest.name, "Pak Darto")
    qtbot.keyClick(guest.name, Qt.Key.Key_Return)
    assert page.guest_error.isVisible()
    assert page.guest_error.text() == tr("Choose the visitor's gender.")
    assert guest.gender.hasFocus()
    assert visits(conn) == []

    guest.gender.setCurrentIndex(guest.gender.findData("L"))
    guest.age_band.setCurrentIndex(guest.age_band.findData("lansia"))
    click(qtbot, page.guest_button)
    assert page.guest_error.isVisible() and guest.purposes.first() is not None
    assert guest.purposes.first().hasFocus()  # type: ignore[union-attr]
    assert visits(conn) == []

    guest.origin.combo.setCurrentIndex(guest.origin.combo.findData("__other__"))
    qtbot.keyClicks(guest.origin.other, "Kota Solo")
    guest.purposes.boxes["informasi"].setChecked(True)
    guest.occupation.setCurrentIndex(guest.occupation.findData("petani"))
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.keyClick(guest.name, Qt.Key.Key_Return)
    assert not page.guest_error.isVisible()
    [row] = visits(conn)
    assert (row["kind"], row["guest_name"], row["gender"], row["age_band"]) == (
        "guest",
        "Pak Darto",
        "L",
        "lansia",
    )
    assert (row["origin_village_code"], row["origin_other"], row["occupation"]) == (
        None,
        "Kota Solo",
        "petani",
    )
    assert table_rows(page)[0][2] == "Pak Darto"
    # Without fast entry the form starts afresh.
    assert guest.name.text() == "" and guest.gender.currentData() is None
    assert guest.origin.combo.currentData() == VILLAGE_CODE  # the library's own village


def test_fast_entry_keeps_the_answers_but_the_name(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.tabs.setCurrentIndex(1)
    guest = page.guest
    page.fast_entry.setChecked(True)
    guest.gender.setCurrentIndex(guest.gender.findData("P"))
    guest.age_band.setCurrentIndex(guest.age_band.findData("anak"))
    guest.purposes.boxes["membaca"].setChecked(True)
    guest.purposes.boxes["belajar"].setChecked(True)
    for name in ("Ani", "Budi", ""):
        guest.name.setFocus()
        qtbot.keyClicks(guest.name, name)
        qtbot.keyClick(guest.name, Qt.Key.Key_Return)
        assert not page.guest_error.isVisible()
        assert guest.name.text() == ""
        assert guest.name.hasFocus()
        assert guest.gender.currentData() == "P"
        assert guest.purposes.codes() == ("membaca", "belajar")
    names = [row["guest_name"] for row in visits(conn)]
    assert sorted(names, key=str) == sorted(["Ani", "Budi", None], key=str)
    assert all(row["purposes"] == '["membaca", "belajar"]' for row in visits(conn))
    assert page.model.rowCount() == 3


def test_group_form_shows_the_running_total_and_refuses_a_mismatch(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.tabs.setCurrentIndex(2)
    group = page.group
    qtbot.keyClicks(group.name, "SD Negeri Miroto 01")
    qtbot.keyClicks(group.leader, "Bu Ratna")
    group.male.setValue(12)
    group.female.setValue(14)
    group.ages["anak"].setValue(22)
    assert "26" in group.total.text() and "22" in group.total.text()
    assert "b00020" in group.total.styleSheet()  # shown in red
    group.purposes.boxes["membaca"].setChecked(True)
    click(qtbot, page.group_button)
    assert page.group_error.isVisible()
    assert "22" in page.group_error.text() and "26" in page.group_error.text()
    assert visits(conn) == []

    group.ages["dewasa"].setValue(4)
    assert group.total.text() == page.group.tr("Together: {total} people.").format(total=26)
    qtbot.keyClick(group.leader, Qt.Key.Key_Return)
    [row] = visits(conn)
    assert (row["kind"], row["count_male"], row["count_female"]) == ("group", 12, 14)
    assert row["age_counts"] == '{"anak": 22, "dewasa": 4}'
    assert table_rows(page)[0][2] == "SD Negeri Miroto 01"
    assert table_rows(page)[0][5] == "26"
    assert "26" in page.totals.text()
    assert group.name.text() == "" and group.male.value() == 0


def test_group_with_nobody_is_refused(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection
) -> None:
    page.tabs.setCurrentIndex(2)
    qtbot.keyClicks(page.group.name, "Karang Taruna")
    page.group.purposes.boxes["kegiatan"].setChecked(True)
    click(qtbot, page.group_button)
    assert page.group_error.isVisible()
    assert page.group.male.hasFocus()
    assert visits(conn) == []


def set_time(page: GuestbookPage, day: date, hour: int, minute: int = 0) -> None:
    edit = page.time_edit
    edit.setDateTime(
        QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute), edit.timeZone())
    )


def test_the_visit_time_follows_the_clock_of_the_library(page: GuestbookPage) -> None:
    assert page.follow.isChecked()
    shown = page.time_edit.moment()
    assert abs(shown - datetime.now(UTC)) < timedelta(minutes=1)
    assert page.time_edit.text() == shown.astimezone(WIB).strftime("%d/%m/%Y %H:%M")
    today = datetime.now(WIB).date()
    assert page.day_label.text().endswith(str(today.year))
    assert str(today.day) in page.day_label.text()


def test_a_paper_guestbook_is_typed_in_for_a_past_day(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    today = datetime.now(WIB).date()
    past = today - timedelta(days=3)
    set_time(page, past, 10, 15)
    assert not page.follow.isChecked(), "a time set by hand stops following the clock"
    assert page.model.rowCount() == 0
    assert str(past.day) in page.day_label.text()
    page.tabs.setCurrentIndex(1)
    page.fast_entry.setChecked(True)
    guest = page.guest
    guest.gender.setCurrentIndex(guest.gender.findData("L"))
    guest.age_band.setCurrentIndex(guest.age_band.findData("dewasa"))
    guest.purposes.boxes["membaca"].setChecked(True)
    for name in ("Joko", "Slamet"):
        qtbot.keyClicks(guest.name, name)
        qtbot.keyClick(guest.name, Qt.Key.Key_Return)
    service = VisitService(library_db.db, library_db.admin)
    rows = service.day_list(past)
    assert [row.guest_name for row in rows] == ["Slamet", "Joko"]  # newest first
    assert all(
        row.visited_at == datetime(past.year, past.month, past.day, 10, 15, tzinfo=WIB)
        for row in rows
    )
    assert service.day_list(today) == []
    assert page.model.rowCount() == 2
    # A future day cannot be picked; back to now shows today again.
    assert page.time_edit.maximumDate() == QDate(today.year, today.month, today.day)
    page.follow.setChecked(True)
    assert page.model.rowCount() == 0
    service.close()


# --- the list -----------------------------------------------------------------------------


def test_the_list_model_is_a_correct_qt_model(
    page: GuestbookPage, qtmodeltester: ModelTester, library_db: LibraryDb
) -> None:
    qtmodeltester.check(page.model)
    service = VisitService(library_db.db, library_db.admin)
    service.record(VisitInput(kind="member", member_no="20260007", purposes=("membaca",)))
    service.record(VisitInput(kind="guest", gender="L", age_band="dewasa", purposes=("internet",)))
    service.record(
        VisitInput(
            kind="group",
            group_name="PKK RW 03",
            count_female=9,
            age_counts={"dewasa": 7, "lansia": 2},
            purposes=("kegiatan",),
        )
    )
    service.close()
    page.refresh()
    qtmodeltester.check(page.model)
    rows = table_rows(page)
    assert [row[2] for row in rows] == ["PKK RW 03", "—", "Nadia Putri"]
    assert rows[0][3] == "0 L · 9 P"
    assert rows[0][5] == "9"
    assert page.model.headerData(0, Qt.Orientation.Vertical) is None
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == tr("Name or group")


def record_guest(library_db: LibraryDb, name: str) -> str:
    service = VisitService(library_db.db, library_db.admin)
    try:
        return service.record(
            VisitInput(
                kind="guest", guest_name=name, gender="P", age_band="dewasa", purposes=("membaca",)
            )
        )
    finally:
        service.close()


def test_delete_then_undo(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    record_guest(library_db, "Bu Tini")
    page.refresh()
    assert page.delete_button.isVisible()
    assert not page.delete_button.isEnabled(), "nothing selected yet"
    page.table.selectRow(0)
    with qtbot.waitSignal(page.context.signals.data_changed):
        click(qtbot, page.delete_button)
    assert page.model.rowCount() == 0
    assert visits(conn) == []
    assert "Bu Tini" in page.status.text()
    assert page.undo_button.isVisible()
    click(qtbot, page.undo_button)
    assert [row[2] for row in table_rows(page)] == ["Bu Tini"]
    assert len(visits(conn)) == 1
    assert not page.undo_button.isVisible()


def test_edit_a_visit_in_the_dialog(
    qtbot: QtBot, page: GuestbookPage, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    record_guest(library_db, "Bu Tini")
    page.refresh()
    rect = page.table.visualRect(page.model.index(0, 2))
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = find_dialog(page, VisitDialog)
    form = dialog.form
    assert form.name.text() == "Bu Tini"  # type: ignore[union-attr]
    form.name.clear()  # type: ignore[union-attr]
    qtbot.keyClicks(form.name, "Bu Tini Rahayu")  # type: ignore[union-attr]
    form.gender.setCurrentIndex(0)  # type: ignore[union-attr]
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # type: ignore[union-attr]
    assert dialog.isVisible() and dialog.error.isVisible()
    assert visits(conn)[0]["guest_name"] == "Bu Tini"
    form.gender.setCurrentIndex(form.gender.findData("P"))  # type: ignore[union-attr]
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # type: ignore[union-attr]
    assert not dialog.isVisible()
    assert visits(conn)[0]["guest_name"] == "Bu Tini Rahayu"
    assert table_rows(page)[0][2] == "Bu Tini Rahayu"


def test_a_volunteer_cannot_delete_nor_change_old_rows(
    qtbot: QtBot,
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    conn: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    UserService(conn).create_user(
        library_db.admin, "rina", "Rina Relawan", Role.RELAWAN, VOLUNTEER_PASSWORD
    )
    # One row typed in two days ago (for this morning), one now.
    earlier = datetime.now(UTC) - timedelta(days=2)
    with monkeypatch.context() as patch:
        patch.setattr("app.db.uow.utcnow", lambda: earlier)
        old = record_guest(library_db, "Ditulis kemarin")
    record_guest(library_db, "Ditulis hari ini")
    page = open_guestbook(qtbot, make_controller, "rina", VOLUNTEER_PASSWORD)
    assert not page.delete_button.isVisible()
    names = [row[2] for row in table_rows(page)]
    page.table.selectRow(names.index("Ditulis hari ini"))
    assert page.edit_button.isEnabled()
    page.table.selectRow(names.index("Ditulis kemarin"))
    assert not page.edit_button.isEnabled()
    page.on_edit_clicked()  # double-click does nothing either
    assert not [d for d in page.findChildren(VisitDialog) if d.isVisible()]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert conn.execute("SELECT deleted_at FROM visit WHERE id = ?", (old,)).fetchone()[0] is None
    assert page.model.rowCount() == 2


def test_the_page_follows_changes_made_elsewhere(
    page: GuestbookPage, library_db: LibraryDb
) -> None:
    record_guest(library_db, "Dari kios")  # the self check-in kiosk, for example
    page.context.signals.data_changed.emit("visit")
    assert [row[2] for row in table_rows(page)] == ["Dari kios"]
