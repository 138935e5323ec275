"""The library's visit purposes and age bands, edited from the Settings page as a librarian does.

The dialogs are driven with the keyboard and the mouse; what is saved is read
back through ``app.core.codes`` (what the guestbook and the kiosk offer) and
seen in the open guestbook page. New messages may not be translated yet, so
the expected texts go through the installed catalogue like the program's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from app.core import codes
from app.core.settings import Settings
from app.ui.app import Controller
from app.ui.guestbook.page import GuestbookPage
from app.ui.i18n import tr
from app.ui.settings.lists import AgeBandsDialog, PurposesDialog, PurposesModel
from app.ui.settings.page import SettingsPage
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace


def shown(source: str, **params: object) -> str:
    """A core message as the program shows it (translated once the catalogue has it)."""
    return QCoreApplication.translate("PerpusDesa", source).format(**params)


@pytest.fixture
def controller(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> Controller:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    return controller


@pytest.fixture
def conn(controller: Controller) -> sqlite3.Connection:
    assert controller.conn is not None
    return controller.conn


def open_page(controller: Controller) -> SettingsPage:
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    return page


def open_purposes(qtbot: QtBot, controller: Controller) -> PurposesDialog:
    page = open_page(controller)
    qtbot.mouseClick(page.purposes_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, PurposesDialog)
    assert dialog.windowTitle() == QCoreApplication.translate("PurposesDialog", "Visit purposes")
    return dialog


def open_age_bands(qtbot: QtBot, controller: Controller) -> AgeBandsDialog:
    page = open_page(controller)
    qtbot.mouseClick(page.age_bands_button, Qt.MouseButton.LeftButton)
    return find_dialog(page, AgeBandsDialog)


def row_of(dialog: PurposesDialog, code: str) -> int:
    return dialog.model.codes().index(code)


def names(dialog: PurposesDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, model.NAME).data() for row in range(model.rowCount())]


def rename(qtbot: QtBot, dialog: PurposesDialog, row: int, text: str) -> None:
    """F2 on the name, type over it, Enter: as a librarian renames a row."""
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(row, PurposesModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor is not None, "F2 did not open the name for editing"
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on its next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def save_and_close(qtbot: QtBot, controller: Controller, dialog: Any, key: str) -> None:
    """Save; the dialog closes and the pages hear which setting changed."""
    assert controller.context is not None
    signals = controller.context.signals
    with (
        qtbot.waitSignal(dialog.accepted, timeout=5_000),
        qtbot.waitSignal(
            signals.settings_changed, check_params_cb=lambda values: set(values) == {key}
        ),
        qtbot.waitSignal(signals.data_changed, check_params_cb=lambda table: table == "setting"),
    ):
        click_save(qtbot, dialog)


def save_refused(qtbot: QtBot, controller: Controller, dialog: Any) -> str:
    """Save; the dialog stays open, nothing is announced; the error line's text."""
    assert controller.context is not None
    with qtbot.assertNotEmitted(controller.context.signals.settings_changed):
        click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    return str(dialog.error.text())


def stored(conn: sqlite3.Connection, key: str) -> Any:
    return conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()


def open_guestbook(qtbot: QtBot, controller: Controller) -> GuestbookPage:
    page = workspace(controller).open_page("bukutamu")
    assert isinstance(page, GuestbookPage)
    qtbot.waitUntil(lambda: page.guest.origin.combo.count() > 2, timeout=10_000)
    return page


def offered_in_guestbook(page: GuestbookPage) -> dict[str, str]:
    return {code: box.text() for code, box in page.member_panel.purposes.boxes.items()}


def test_a_renamed_purpose_is_offered_under_its_new_name(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    guestbook = open_guestbook(qtbot, controller)
    assert offered_in_guestbook(guestbook)["membaca"] == tr("Reading in the library")
    dialog = open_purposes(qtbot, controller)
    rename(qtbot, dialog, row_of(dialog, "membaca"), "  Membaca  koran ")
    assert names(dialog)[0] == "Membaca koran"
    save_and_close(qtbot, controller, dialog, "purposes")
    offered = codes.purposes(Settings(conn).get("purposes"))
    assert offered[0] == codes.Code("membaca", "Membaca koran")
    assert codes.codes(offered) == codes.NATIONAL_PURPOSE_CODES  # the codes did not move
    assert offered[1:] == codes.DEFAULT_PURPOSES[1:]  # the others keep their source labels
    assert offered_in_guestbook(guestbook)["membaca"] == "Membaca koran"


def test_an_empty_name_is_refused_and_nothing_is_written(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_purposes(qtbot, controller)
    row = row_of(dialog, "internet")
    rename(qtbot, dialog, row, "")
    message = save_refused(qtbot, controller, dialog)
    assert message == shown("Fill in the name of purpose {number}.", number=row + 1)
    assert dialog.table.currentIndex().row() == row  # the row to fix is selected
    assert stored(conn, "purposes") is None
    assert codes.purposes(Settings(conn).get("purposes")) == codes.DEFAULT_PURPOSES


def test_a_name_twice_is_refused_as_the_librarian_sees_it(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    """A new name equal to another purpose's translated name is a duplicate."""
    dialog = open_purposes(qtbot, controller)
    other = tr("Other")
    rename(qtbot, dialog, row_of(dialog, "informasi"), other.upper())
    assert save_refused(qtbot, controller, dialog) == shown(
        'Two purposes are called "{label}".', label=other
    )
    assert stored(conn, "purposes") is None


def test_a_hidden_purpose_is_no_longer_offered_but_keeps_its_label(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    guestbook = open_guestbook(qtbot, controller)
    dialog = open_purposes(qtbot, controller)
    model = dialog.model
    row = row_of(dialog, "internet")
    offered_cell = model.index(row, PurposesModel.OFFERED)
    assert offered_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(offered_cell)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the keyboard unticks it
    assert offered_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert offered_cell.data() == QCoreApplication.translate("PurposesModel", "hidden")
    save_and_close(qtbot, controller, dialog, "purposes")
    setting = Settings(conn).get("purposes")
    assert "internet" not in codes.codes(codes.purposes(setting))
    assert codes.Code("internet", "Internet or computer") in codes.all_purposes(setting)
    assert "internet" not in offered_in_guestbook(guestbook)
    assert "membaca" in offered_in_guestbook(guestbook)


def test_the_last_offered_purpose_cannot_be_hidden(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_purposes(qtbot, controller)
    model = dialog.model
    for row in range(model.rowCount()):
        model.setData(
            model.index(row, PurposesModel.OFFERED),
            Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )
    assert save_refused(qtbot, controller, dialog) == shown(
        "At least one purpose must stay offered."
    )
    assert stored(conn, "purposes") is None


def test_the_library_adds_its_own_purpose(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    guestbook = open_guestbook(qtbot, controller)
    dialog = open_purposes(qtbot, controller)
    assert not dialog.remove_button.isEnabled()  # a national purpose cannot be removed
    dialog.new_label.setFocus()
    qtbot.keyClicks(dialog.new_label, "Senam Lansia")
    qtbot.keyClick(dialog.new_label, Qt.Key.Key_Return)  # Enter adds; it does not save
    assert dialog.isVisible()
    assert dialog.new_label.text() == ""
    model = dialog.model
    assert model.codes()[-2:] == ["senam_lansia", "lainnya"]  # placed before "Other"
    assert names(dialog)[-2] == "Senam Lansia"
    assert dialog.table.currentIndex().row() == model.rowCount() - 2
    assert dialog.remove_button.isEnabled()  # added now: it may still go
    qtbot.keyClicks(dialog.new_label, "Coba-coba")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "coba_coba" in model.codes()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "coba_coba" not in model.codes()
    save_and_close(qtbot, controller, dialog, "purposes")

    offered = codes.purposes(Settings(conn).get("purposes"))
    assert codes.codes(offered)[-2:] == ("senam_lansia", "lainnya")
    assert offered[-2].label == "Senam Lansia"
    assert offered_in_guestbook(guestbook)["senam_lansia"] == "Senam Lansia"

    again = open_purposes(qtbot, controller)  # saved: now it can only be hidden
    again.table.setCurrentIndex(again.model.index(row_of(again, "senam_lansia"), 0))
    assert not again.remove_button.isEnabled()


def test_an_empty_new_purpose_is_not_added(qtbot: QtBot, controller: Controller) -> None:
    dialog = open_purposes(qtbot, controller)
    count = dialog.model.rowCount()
    dialog.new_label.setFocus()
    qtbot.keyClicks(dialog.new_label, "   ")
    qtbot.keyClick(dialog.new_label, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == count
    assert dialog.error.text() == QCoreApplication.translate(
        "PurposesDialog", "Type the name of the new purpose first."
    )


def test_restore_the_defaults_keeps_the_librarys_own_purposes_hidden(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    entries = [
        codes.PurposeEntry("membaca", "Baca di tempat"),
        *(codes.PurposeEntry(p.code, p.label, hidden=True) for p in codes.DEFAULT_PURPOSES[1:3]),
        *(codes.PurposeEntry(p.code, p.label) for p in codes.DEFAULT_PURPOSES[3:]),
        codes.PurposeEntry("posyandu", "Posyandu"),
    ]
    Settings(conn).set("purposes", codes.purposes_setting(entries))
    dialog = open_purposes(qtbot, controller)
    assert names(dialog)[0] == "Baca di tempat"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert names(dialog)[0] == tr("Reading in the library")
    save_and_close(qtbot, controller, dialog, "purposes")
    setting = Settings(conn).get("purposes")
    assert codes.purposes(setting) == codes.DEFAULT_PURPOSES
    assert codes.Code("posyandu", "Posyandu") in codes.all_purposes(setting)


def test_cancel_writes_nothing(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_purposes(qtbot, controller)
    rename(qtbot, dialog, 0, "Sesuatu yang lain")
    assert controller.context is not None
    with (
        qtbot.assertNotEmitted(controller.context.signals.settings_changed),
        qtbot.waitSignal(dialog.rejected),
    ):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert stored(conn, "purposes") is None


def test_the_purposes_model_is_a_correct_qt_model(
    qtbot: QtBot, controller: Controller, qtmodeltester: Any
) -> None:
    dialog = open_purposes(qtbot, controller)
    model = dialog.model
    model.setData(
        model.index(2, model.OFFERED), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    model.add("Posyandu balita")
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == QCoreApplication.translate(
        "PurposesModel", "Name"
    )


def set_start(qtbot: QtBot, dialog: AgeBandsDialog, code: str, age: int) -> None:
    spin = dialog.findChild(QSpinBox, f"band_{code}_start")
    assert spin is not None and spin.isEnabled()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(age))
    assert spin.value() == age


def set_name(qtbot: QtBot, dialog: AgeBandsDialog, code: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, f"band_{code}_label")
    assert edit is not None
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def test_age_bands_that_do_not_rise_are_refused(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_age_bands(qtbot, controller)
    first = dialog.findChild(QSpinBox, "band_anak_start")
    assert first is not None and not first.isEnabled() and first.value() == 0
    set_start(qtbot, dialog, "remaja", 20)  # after the adults' 18
    assert save_refused(qtbot, controller, dialog) == shown(
        '"{label}" must start at an older age than "{previous}".',
        label=tr("Adult (18–59)"),
        previous=tr("Teenager (13–17)"),
    )
    assert dialog.focusWidget() is dialog.starts[2]  # where the adults start
    assert stored(conn, "age_bands") is None


def test_a_band_whose_ages_moved_needs_a_new_name(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    guestbook = open_guestbook(qtbot, controller)
    dialog = open_age_bands(qtbot, controller)
    set_start(qtbot, dialog, "remaja", 15)
    ranges = [dialog.ranges[i].text() for i in range(4)]
    assert ranges[:2] == [
        QCoreApplication.translate("AgeBandsDialog", "{low}–{high} years").format(low=0, high=14),
        QCoreApplication.translate("AgeBandsDialog", "{low}–{high} years").format(low=15, high=17),
    ]
    assert save_refused(qtbot, controller, dialog) == shown(
        'The band "{label}" now covers the ages {ages}: change its name too.',
        label=tr("Child (0–12)"),
        ages="0–14",
    )
    assert dialog.focusWidget() is dialog.names[0]  # the name to change
    assert stored(conn, "age_bands") is None

    set_name(qtbot, dialog, "anak", "Anak (0-14)")
    set_name(qtbot, dialog, "remaja", "")
    assert save_refused(qtbot, controller, dialog) == shown(
        "Fill in the name of age band {number}.", number=2
    )
    assert dialog.focusWidget() is dialog.names[1]
    set_name(qtbot, dialog, "remaja", "Remaja (15-17)")
    save_and_close(qtbot, controller, dialog, "age_bands")

    bands = codes.age_bands(Settings(conn).get("age_bands"))
    assert bands == (
        codes.AgeBand("anak", "Anak (0-14)", 0),
        codes.AgeBand("remaja", "Remaja (15-17)", 15),
        *codes.DEFAULT_AGE_BANDS[2:],  # untouched: still the translated defaults
    )
    assert codes.age_band_for(14, bands) == "anak"
    offered = [
        guestbook.guest.age_band.itemData(i) for i in range(1, guestbook.guest.age_band.count())
    ]
    assert offered == list(codes.NATIONAL_AGE_BAND_CODES)
    assert guestbook.guest.age_band.itemText(1).startswith("Anak (0-14)")


def test_age_bands_restore_the_defaults(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    bands = (
        codes.AgeBand("anak", "Bocah", 0),
        codes.AgeBand("remaja", "ABG", 10),
        codes.AgeBand("dewasa", "Dewasa", 20),
        codes.AgeBand("lansia", "Sepuh", 65),
    )
    Settings(conn).set("age_bands", codes.age_bands_setting(bands))
    dialog = open_age_bands(qtbot, controller)
    assert [edit.text() for edit in dialog.names] == ["Bocah", "ABG", "Dewasa", "Sepuh"]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [edit.text() for edit in dialog.names] == [tr(b.label) for b in codes.DEFAULT_AGE_BANDS]
    save_and_close(qtbot, controller, dialog, "age_bands")
    assert codes.age_bands(Settings(conn).get("age_bands")) == codes.DEFAULT_AGE_BANDS


def test_saving_a_list_keeps_the_idle_lock(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    setup = library_db.db.connect()
    Settings(setup).set("idle_lock_minutes", 25)
    setup.close()
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    assert controller.idle.limit == 25 * 60
    dialog = open_purposes(qtbot, controller)
    rename(qtbot, dialog, 0, "Membaca koran")
    save_and_close(qtbot, controller, dialog, "purposes")
    assert controller.idle.limit == 25 * 60
