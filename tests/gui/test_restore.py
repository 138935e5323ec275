"""Restore from a backup: from the login screen (an administrator's password first) and Settings.

Real backups made with ``make_backup`` of the test's library; the data counted
with a fresh SQLite connection. Texts are compared through the installed
catalogue, so the tests hold before and after the Indonesian translation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.auth import UserService
from app.core.backup import BEFORE_RESTORE, BackupInfo, list_backups, make_backup, read_manifest
from app.core.settings import Settings
from app.core.visits import VisitInput, VisitService
from app.ui.app import Controller
from app.ui.restore import RestoreDialog
from app.ui.settings.page import SettingsPage
from tests.conftest import LibraryDb
from tests.gui.helpers import find_dialog, log_in, workspace

OTHER_PASSWORD = "sandi-rahasia-9"


def t(context: str, source: str, **params: object) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def record_guests(library_db: LibraryDb, count: int) -> None:
    with VisitService(library_db.db, library_db.admin) as visits:
        for number in range(count):
            visits.record(
                VisitInput(
                    kind="guest",
                    guest_name=f"Tamu {number}",
                    gender="P",
                    age_band="dewasa",
                    purposes=("membaca",),
                )
            )


def visits(library_db: LibraryDb) -> int:
    conn = sqlite3.connect(str(library_db.db.path))
    try:
        return int(
            conn.execute("SELECT count(*) FROM visit WHERE deleted_at IS NULL").fetchone()[0]
        )
    finally:
        conn.close()


def add_user(library_db: LibraryDb, username: str, role: str) -> None:
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, username, username.title(), role, OTHER_PASSWORD
        )
    finally:
        conn.close()


@pytest.fixture
def old_backup(library_db: LibraryDb) -> BackupInfo:
    """A backup holding 2 visits; the library then records 3 more (5 now)."""
    record_guests(library_db, 2)
    info = make_backup(library_db.db)
    record_guests(library_db, 3)
    assert visits(library_db) == 5
    return info


@pytest.fixture
def controller(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> Controller:
    controller = make_controller()
    assert controller.start()
    assert controller.login is not None
    qtbot.waitExposed(controller.window)
    return controller


def open_from_login(qtbot: QtBot, controller: Controller) -> RestoreDialog:
    login = controller.login
    assert login is not None and login.restore_button.isVisible()
    qtbot.mouseClick(login.restore_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(controller.window, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.backups.topLevelItemCount() > 0)
    return dialog


def choose_first(dialog: RestoreDialog) -> None:
    first = dialog.backups.topLevelItem(0)
    assert first is not None
    dialog.backups.setCurrentItem(first)


def enter_admin(qtbot: QtBot, dialog: RestoreDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def restore_now(qtbot: QtBot, dialog: RestoreDialog) -> None:
    assert dialog.pages.currentIndex() == RestoreDialog.CONFIRM
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == RestoreDialog.RESULT, timeout=20_000)


def test_restore_from_the_login_screen_brings_back_the_old_data_and_the_login_screen(
    qtbot: QtBot, library_db: LibraryDb, old_backup: BackupInfo, controller: Controller
) -> None:
    old_login = controller.login
    dialog = open_from_login(qtbot, controller)
    # The list: the one backup, with its library, size and check.
    assert dialog.backups.topLevelItemCount() == 1
    row = dialog.backups.topLevelItem(0)
    assert row is not None
    assert row.text(1) == "Perpustakaan Desa Miroto"
    assert row.text(3) == t("RestoreDialog", "checked OK")
    assert dialog.backups.currentItem() is row  # the newest is chosen at once
    assert dialog.next_button.isEnabled()
    contents = dialog.contents.text()
    assert t("RestoreDialog", "Library: {name}", name="Perpustakaan Desa Miroto") in contents
    assert "2 " in contents.split("\n")[2]  # Holds: ... 2 visits (the counts of the backup)
    assert old_backup.path.name in contents
    enter_admin(qtbot, dialog, "admin", library_db.admin_password)
    assert dialog.pages.currentIndex() == RestoreDialog.CONFIRM
    assert dialog.confirm_text.text().startswith(
        t(
            "RestoreDialog",
            "The current data will first be saved as a backup, then replaced by the backup of"
            " {library} made on {when}.",
        ).split("{")[0]
    )
    assert visits(library_db) == 5  # nothing changed before the confirmation
    restore_now(qtbot, dialog)
    assert dialog.result_title.text() == t("RestoreDialog", "The backup was restored.")
    assert visits(library_db) == 2  # the old data is back
    (safety,) = list_backups(library_db.db.data_dir / "backups" / BEFORE_RESTORE)
    assert str(safety) in dialog.result_text.text()
    assert dict(read_manifest(safety).counts)["visits"] == 5  # the data as it was is kept
    # The program shows a fresh login screen on the restored database; logging in works.
    assert controller.login is not None and controller.login is not old_login
    assert controller.window.stack.currentWidget() is controller.login
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    assert workspace(controller).current_key() == "beranda"


def test_wrong_or_non_admin_credentials_are_refused_and_nothing_changes(
    qtbot: QtBot, library_db: LibraryDb, old_backup: BackupInfo, controller: Controller
) -> None:
    add_user(library_db, "pengelola", "pengelola")
    dialog = open_from_login(qtbot, controller)
    choose_first(dialog)
    enter_admin(qtbot, dialog, "admin", "bukan-sandinya")
    assert dialog.pages.currentIndex() == RestoreDialog.CHOOSE
    assert dialog.choose_error.isVisible()
    assert dialog.choose_error.text() == t("PerpusDesa", "Wrong username or password.")
    enter_admin(qtbot, dialog, "pengelola", OTHER_PASSWORD)  # right password, wrong role
    assert dialog.pages.currentIndex() == RestoreDialog.CHOOSE
    assert dialog.choose_error.text() == t(
        "RestoreDialog", "Only an administrator can restore a backup. Ask your administrator."
    )
    assert visits(library_db) == 5
    assert not (library_db.db.data_dir / "backups" / BEFORE_RESTORE).exists()
    qtbot.mouseClick(dialog.findChild(QWidget, "restoreCancel"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert controller.window.stack.currentWidget() is controller.login


@pytest.mark.parametrize("damage", ["truncated", "foreign"])
def test_a_truncated_or_foreign_file_is_refused_with_its_message(
    qtbot: QtBot,
    library_db: LibraryDb,
    old_backup: BackupInfo,
    controller: Controller,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    damage: str,
) -> None:
    bad = tmp_path / "dari-flashdisk.pdbak"
    whole = old_backup.path.read_bytes()
    bad.write_bytes(whole[: len(whole) // 2] if damage == "truncated" else b"Daftar belanja")
    monkeypatch.setattr("app.ui.restore.QFileDialog.getOpenFileName", lambda *_args: (str(bad), ""))
    dialog = open_from_login(qtbot, controller)
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    message = t(
        "PerpusDesa",
        "{file} is not a PerpusDesa backup, or it is incomplete (perhaps it was not copied to"
        " the end). Choose another backup file.",
        file=bad.name,
    )
    assert dialog.choose_error.isVisible() and dialog.choose_error.text() == message
    assert not dialog.next_button.isEnabled()
    enter_admin(qtbot, dialog, "admin", library_db.admin_password)  # Next stays refused
    assert dialog.pages.currentIndex() == RestoreDialog.CHOOSE
    assert visits(library_db) == 5


def test_a_backup_damaged_inside_is_refused_at_the_check_and_the_program_goes_on(
    qtbot: QtBot,
    library_db: LibraryDb,
    old_backup: BackupInfo,
    controller: Controller,
) -> None:
    import zipfile

    with zipfile.ZipFile(old_backup.path) as archive:  # the database inside is changed
        entries = {name: archive.read(name) for name in archive.namelist()}
    database = bytearray(entries["perpusdesa.sqlite3"])
    database[4096:4196] = b"\xff" * 100  # the second page's header and more
    entries["perpusdesa.sqlite3"] = bytes(database)
    with zipfile.ZipFile(old_backup.path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(controller.window, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.backups.topLevelItemCount() > 0)
    assert dialog.username.text() == "admin"
    choose_first(dialog)  # its manifest reads well
    enter_admin(qtbot, dialog, "admin", library_db.admin_password)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.confirm_error.isVisible, timeout=20_000)
    assert dialog.confirm_error.text() == t(
        "PerpusDesa",
        "The backup {file} is damaged: its database cannot be used. Choose another backup file.",
        file=old_backup.path.name,
    )
    assert visits(library_db) == 5
    assert workspace(controller) is controller.window.workspace  # still logged in, nothing lost


def test_restore_from_settings_returns_to_the_login_screen(
    qtbot: QtBot, library_db: LibraryDb, old_backup: BackupInfo, controller: Controller
) -> None:
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage) and page.restore_button.isVisible()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(controller.window, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.backups.topLevelItemCount() > 0)
    choose_first(dialog)
    enter_admin(qtbot, dialog, "admin", library_db.admin_password)
    restore_now(qtbot, dialog)
    assert visits(library_db) == 2
    assert controller.window.workspace is None and controller.context is None
    assert controller.window.stack.currentWidget() is controller.login
    log_in(qtbot, controller, "admin", library_db.admin_password)
    assert workspace(controller).current_key() == "beranda"


def test_only_an_administrator_sees_restore_in_settings(
    qtbot: QtBot, library_db: LibraryDb, controller: Controller
) -> None:
    add_user(library_db, "pengelola", "pengelola")
    add_user(library_db, "relawan", "relawan")
    controller.login.reload_users()  # type: ignore[union-attr]
    log_in(qtbot, controller, "relawan", OTHER_PASSWORD)
    assert "pengaturan" not in workspace(controller).page_keys()  # no Settings at all
    controller.lock()
    log_in(qtbot, controller, "pengelola", OTHER_PASSWORD)
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    assert not page.restore_button.isVisible()
    assert page.backup_button.isVisible()  # a manager may still back up
    controller.lock()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage) and page.restore_button.isVisible()


class InformationBoxes:
    """Stands in for QMessageBox in the settings page: records instead of blocking."""

    shown: ClassVar[list[str]] = []

    @staticmethod
    def information(_parent: QWidget, _title: str, text: str) -> None:
        InformationBoxes.shown.append(text)


def test_settings_saves_the_second_folder_and_backs_up_into_both(
    qtbot: QtBot,
    library_db: LibraryDb,
    controller: Controller,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(InformationBoxes, "shown", [])
    monkeypatch.setattr("app.ui.settings.page.QMessageBox", InformationBoxes)
    stick = tmp_path / "flashdisk" / "cadangan"
    monkeypatch.setattr(
        "app.ui.settings.page.QFileDialog.getExistingDirectory", lambda *_args: str(stick)
    )
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(
        lambda: page.last_backup.text() == t("SettingsPage", "No backup has been made yet.")
    )
    page.backup_dir.setText("flashdisk")  # not a whole path: refused, nothing saved
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert Settings(controller.conn).get("backup_dir") is None  # type: ignore[arg-type]
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert page.backup_dir.text() == str(stick)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: InformationBoxes.shown != [], timeout=10_000)
    assert Settings(controller.conn).get("backup_dir") == str(stick)  # type: ignore[arg-type]
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.backup_result.isVisible, timeout=20_000)
    (made,) = list_backups(library_db.db.data_dir / "backups")
    (copy,) = list_backups(stick)
    assert copy.name == made.name
    assert str(made) in page.backup_result.text() and str(copy) in page.backup_result.text()
    assert page.last_backup.toolTip() == str(made)
