"""The activity categories, renamed, reordered and hidden from the Settings page as a librarian does.

What is saved is read back through ``app.core.codes`` and the activity
service (what a new activity is offered, what the month's figures count
under). New messages may not be translated yet, so the expected texts go
through the installed catalogue like the program's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from app.core import codes
from app.core.activities import ActivityInput, ActivityService
from app.core.auth import Role, UserService
from app.core.errors import ValidationError
from app.core.settings import Settings
from app.ui.activities.page import ActivitiesPage
from app.ui.app import Controller
from app.ui.i18n import tr
from app.ui.settings.lists import CategoriesDialog, CategoriesModel
from app.ui.settings.page import SettingsPage
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

KEY = "activity_categories"
VOLUNTEER_PASSWORD = "relawan123"


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


def open_categories(qtbot: QtBot, controller: Controller) -> CategoriesDialog:
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.categories_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, CategoriesDialog)
    assert dialog.windowTitle() == QCoreApplication.translate(
        "CategoriesDialog", "Activity categories"
    )
    return dialog


def row_of(dialog: CategoriesDialog, code: str) -> int:
    return dialog.model.codes().index(code)


def names(dialog: CategoriesDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, model.NAME).data() for row in range(model.rowCount())]


def rename(qtbot: QtBot, dialog: CategoriesDialog, row: int, text: str) -> None:
    """F2 on the name, type over it, Enter: as a librarian renames a row."""
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(row, CategoriesModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    # The one open now (an earlier rename's editor may not be deleted yet).
    editors = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "F2 did not open the name for editing"
    editor = editors[0]
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on its next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def save_and_close(qtbot: QtBot, controller: Controller, dialog: CategoriesDialog) -> None:
    """Save; the dialog closes and the pages hear that the categories changed."""
    assert controller.context is not None
    signals = controller.context.signals
    with (
        qtbot.waitSignal(dialog.accepted, timeout=5_000),
        qtbot.waitSignal(
            signals.settings_changed, check_params_cb=lambda values: set(values) == {KEY}
        ),
        qtbot.waitSignal(signals.data_changed, check_params_cb=lambda table: table == "setting"),
    ):
        click_save(qtbot, dialog)


def save_refused(qtbot: QtBot, controller: Controller, dialog: CategoriesDialog) -> str:
    """Save; the dialog stays open, nothing is announced; the error line's text."""
    assert controller.context is not None
    with qtbot.assertNotEmitted(controller.context.signals.settings_changed):
        click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    return str(dialog.error.text())


def stored(conn: sqlite3.Connection) -> Any:
    return conn.execute("SELECT value FROM setting WHERE key = ?", (KEY,)).fetchone()


def held_activity(category: str) -> ActivityInput:
    return ActivityInput(
        title="Pelatihan keripik singkong",
        category=category,
        strategy="pelibatan",
        starts_at=datetime.now(UTC) - timedelta(hours=3),
        status="terlaksana",
        participants={"L": {"dewasa": 4}, "P": {"dewasa": 11}},
    )


def test_a_renamed_category_keeps_its_national_code(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    activities = workspace(controller).open_page("kegiatan")
    assert isinstance(activities, ActivitiesPage)
    dialog = open_categories(qtbot, controller)
    assert names(dialog) == [tr(c.label) for c in codes.DEFAULT_ACTIVITY_CATEGORIES]
    row = row_of(dialog, "umkm")
    rename(qtbot, dialog, row, "  Kewirausahaan   Desa ")
    assert names(dialog)[row] == "Kewirausahaan Desa"
    assert dialog.model.codes()[row] == "umkm"  # the code column did not move
    save_and_close(qtbot, controller, dialog)

    setting = Settings(conn).get(KEY)
    offered = codes.activity_categories(setting)
    assert codes.codes(offered) == codes.NATIONAL_ACTIVITY_CATEGORY_CODES
    assert offered[row] == codes.Code("umkm", "Kewirausahaan Desa")
    others = [c for c in offered if c.code != "umkm"]
    assert others == [c for c in codes.DEFAULT_ACTIVITY_CATEGORIES if c.code != "umkm"]
    # The open Activities page filters by the new name at once.
    box = activities.category_filter
    assert box.itemText(box.findData("umkm")) == "Kewirausahaan Desa"

    # An activity of the category is offered under the new name and counted under its code.
    with ActivityService(library_db.db, library_db.admin) as service:
        assert codes.Code("umkm", "Kewirausahaan Desa") in service.options().categories
        activity = service.get(service.record(held_activity("umkm")))
        assert activity is not None and activity.category == "umkm"
        assert service.category_label("umkm") == "Kewirausahaan Desa"
        figures = service.month_figures(activity.day.year, activity.day.month)
    assert figures.by_category == {"umkm": 1}
    assert figures.people_by_category == {"umkm": 15}


def test_a_moved_category_is_offered_in_its_new_place(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_categories(qtbot, controller)
    table = dialog.table
    start = row_of(dialog, "pertemuan")
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(start, CategoriesModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert row_of(dialog, "pertemuan") == start - 2
    assert table.currentIndex().row() == start - 2  # the moved row stays the current one
    table.setCurrentIndex(dialog.model.index(0, CategoriesModel.NAME))
    assert not dialog.up_button.isEnabled()  # the first cannot go higher
    last = dialog.model.rowCount() - 1
    table.setCurrentIndex(dialog.model.index(last, CategoriesModel.NAME))
    assert not dialog.down_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert row_of(dialog, "lainnya") == last  # nothing moved
    save_and_close(qtbot, controller, dialog)

    order = list(codes.codes(codes.activity_categories(Settings(conn).get(KEY))))
    expected = list(codes.NATIONAL_ACTIVITY_CATEGORY_CODES)
    expected.remove("pertemuan")
    expected.insert(start - 2, "pertemuan")
    assert order == expected


def test_a_hidden_category_is_no_longer_offered_but_keeps_its_label(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection, library_db: LibraryDb
) -> None:
    dialog = open_categories(qtbot, controller)
    model = dialog.model
    offered_cell = model.index(row_of(dialog, "bimtek"), CategoriesModel.OFFERED)
    assert offered_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(offered_cell)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # the keyboard unticks it
    assert offered_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert offered_cell.data() == QCoreApplication.translate("PurposesModel", "hidden")
    save_and_close(qtbot, controller, dialog)

    setting = Settings(conn).get(KEY)
    assert "bimtek" not in codes.codes(codes.activity_categories(setting))
    assert codes.Code("bimtek", codes.DEFAULT_ACTIVITY_CATEGORIES[8].label) in (
        codes.all_activity_categories(setting)
    )
    with ActivityService(library_db.db, library_db.admin) as service:
        assert "bimtek" not in codes.codes(service.options().categories)
        assert "bimtek" in codes.codes(service.options().all_categories)
        with pytest.raises(ValidationError) as refused:
            service.record(held_activity("bimtek"))
    assert refused.value.field == "category"
    assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == 0


def test_an_empty_name_is_refused_and_nothing_is_saved(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_categories(qtbot, controller)
    row = row_of(dialog, "kesehatan")
    rename(qtbot, dialog, row, "")
    message = save_refused(qtbot, controller, dialog)
    assert message == shown("Fill in the name of activity category {number}.", number=row + 1)
    assert dialog.table.currentIndex().row() == row  # the row to fix is selected
    assert stored(conn) is None
    assert codes.activity_categories(Settings(conn).get(KEY)) == codes.DEFAULT_ACTIVITY_CATEGORIES


def test_a_name_twice_and_hiding_them_all_are_refused(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_categories(qtbot, controller)
    other = tr("Other")
    rename(qtbot, dialog, row_of(dialog, "pelatihan"), other.lower())
    assert save_refused(qtbot, controller, dialog) == shown(
        'Two activity categories are called "{label}".', label=other
    )
    rename(qtbot, dialog, row_of(dialog, "pelatihan"), "Pelatihan keterampilan")
    model = dialog.model
    for row in range(model.rowCount()):
        model.setData(
            model.index(row, CategoriesModel.OFFERED),
            Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )
    assert save_refused(qtbot, controller, dialog) == shown(
        "At least one activity category must stay offered."
    )
    assert stored(conn) is None


def test_restore_the_defaults(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    entries = [
        codes.CategoryEntry("lainnya", "Lain-lain"),
        *(
            codes.CategoryEntry(c.code, c.label, hidden=c.code == "bimtek")
            for c in codes.DEFAULT_ACTIVITY_CATEGORIES
            if c.code != "lainnya"
        ),
    ]
    Settings(conn).set(KEY, codes.activity_categories_setting(entries))
    dialog = open_categories(qtbot, controller)
    assert names(dialog)[0] == "Lain-lain"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == [tr(c.label) for c in codes.DEFAULT_ACTIVITY_CATEGORIES]
    save_and_close(qtbot, controller, dialog)
    setting = Settings(conn).get(KEY)
    assert codes.activity_categories(setting) == codes.DEFAULT_ACTIVITY_CATEGORIES


def test_cancel_writes_nothing(
    qtbot: QtBot, controller: Controller, conn: sqlite3.Connection
) -> None:
    dialog = open_categories(qtbot, controller)
    rename(qtbot, dialog, 0, "Sesuatu yang lain")
    assert controller.context is not None
    with (
        qtbot.assertNotEmitted(controller.context.signals.settings_changed),
        qtbot.waitSignal(dialog.rejected),
    ):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert stored(conn) is None


def test_a_volunteer_cannot_change_the_categories(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    setup = library_db.db.connect()
    UserService(setup).create_user(
        library_db.admin, "rina", "Rina Relawan", Role.RELAWAN, VOLUNTEER_PASSWORD
    )
    setup.close()
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "rina", VOLUNTEER_PASSWORD)
    assert "pengaturan" not in workspace(controller).page_keys()  # no Settings page at all

    # Even a dialog opened some other way saves nothing for her.
    assert controller.context is not None and controller.conn is not None
    dialog = CategoriesDialog(controller.context, controller.window)
    dialog.open()
    rename(qtbot, dialog, 0, "Pelatihan menjahit")
    assert save_refused(qtbot, controller, dialog) == shown(
        "Your role may not change the settings."
    )
    assert stored(controller.conn) is None


def test_the_categories_model_is_a_correct_qt_model(
    qtbot: QtBot, controller: Controller, qtmodeltester: Any
) -> None:
    dialog = open_categories(qtbot, controller)
    model = dialog.model
    model.setData(
        model.index(2, model.OFFERED), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.move(0, 1) == 1 and model.move(9, -1) == 8
    assert model.move(0, -1) == 0  # the first cannot go higher
    qtmodeltester.check(model, force_py=True)
    assert set(model.codes()) == set(codes.NATIONAL_ACTIVITY_CATEGORY_CODES)
    assert model.headerData(2, Qt.Orientation.Horizontal) == QCoreApplication.translate(
        "PurposesModel", "Code"
    )
