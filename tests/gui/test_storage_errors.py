"""A save at the desk that the disk refuses: a dialog says so, the form keeps what was typed.

The disk is made full with SQLite's own means (``PRAGMA max_page_count`` on
every new connection: a real ``SQLITE_FULL``), then the librarian saves a
guest in the Buku Tamu. The error hook of the running program (installed here
as ``run_gui`` installs it) shows the message in a dialog, not the apology for
a bug; nothing of the visit is written; once there is room again, Enter saves
the same input.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core.errors import DiskFull
from app.core.visits import VisitService
from app.db import connection
from app.ui.app import Controller
from app.ui.errors import ErrorHook
from app.ui.guestbook.page import GuestbookPage
from tests.conftest import LibraryDb
from tests.gui.helpers import log_in, visible_top_levels, workspace

DISK_FULL = "The disk is full: the data was not saved. Free some space on the disk, then try again."
NAME = "Ibu Sulastri Wahyuningsih"


@pytest.fixture
def hook(library_db: LibraryDb) -> Iterator[ErrorHook]:
    installed = ErrorHook(library_db.db.data_dir)
    installed.install()
    yield installed
    installed.uninstall()


def guest_visits(library_db: LibraryDb) -> dict[str, int]:
    conn = sqlite3.connect(library_db.db.path)
    try:
        return {
            "visit": conn.execute("SELECT count(*) FROM visit").fetchone()[0],
            "outbox": conn.execute(
                "SELECT count(*) FROM outbox WHERE table_name = 'visit'"
            ).fetchone()[0],
        }
    finally:
        conn.close()


def test_saving_a_guest_on_a_full_disk_shows_the_message_and_keeps_the_form(
    qtbot: QtBot,
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    hook: ErrorHook,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("bukutamu")
    assert isinstance(page, GuestbookPage)
    qtbot.waitUntil(lambda: page.guest.origin.combo.count() > 2, timeout=10_000)
    page.tabs.setCurrentIndex(1)
    guest = page.guest
    qtbot.keyClicks(guest.name, NAME)
    guest.gender.setCurrentIndex(guest.gender.findData("P"))
    guest.age_band.setCurrentIndex(guest.age_band.findData("dewasa"))
    guest.purposes.boxes["membaca"].setChecked(True)

    # The disk fills up: guests like this one are recorded until one no longer fits.
    conn = sqlite3.connect(library_db.db.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    monkeypatch.setattr(
        connection, "PRAGMAS", (*connection.PRAGMAS, f"PRAGMA max_page_count={pages}")
    )
    page.context.db.dispose()
    filler = VisitService(page.context.db, library_db.admin)
    with pytest.raises(DiskFull):  # saved until the disk is full
        for _ in range(500):
            filler.record(guest.collect(None), allow_repeat=True)
    qtbot.waitUntil(lambda: len(hook.shown) == 1)  # the filler's own refusal: closed
    for box in visible_top_levels(QMessageBox):
        box.done(0)
    hook.shown.clear()
    before = guest_visits(library_db)

    guest.name.setFocus()
    qtbot.keyClick(guest.name, Qt.Key.Key_Return)

    message = QCoreApplication.translate("PerpusDesa", DISK_FULL)
    qtbot.waitUntil(lambda: len(visible_top_levels(QMessageBox)) == 1)
    [box] = visible_top_levels(QMessageBox)
    assert box.text() == message
    assert box.icon() == QMessageBox.Icon.Warning  # not the apology for a bug
    assert len(hook.shown) == 1 and isinstance(hook.shown[0], DiskFull)
    assert page.guest_error.text() == message  # under the form as well
    # Nothing of the visit was written, and the form keeps what was typed.
    assert guest_visits(library_db) == before
    assert guest.name.text() == NAME
    assert guest.gender.currentData() == "P"
    assert guest.age_band.currentData() == "dewasa"
    assert guest.purposes.boxes["membaca"].isChecked()

    # Room again: close the message, Enter saves the same input.
    box.done(0)
    monkeypatch.undo()
    page.context.db.dispose()
    guest.name.setFocus()
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.keyClick(guest.name, Qt.Key.Key_Return)
    after = guest_visits(library_db)
    assert after == {"visit": before["visit"] + 1, "outbox": before["outbox"] + 1}
    assert visible_top_levels(QMessageBox) == []
