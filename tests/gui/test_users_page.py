"""Pengguna: the administrator adds users, changes roles and passwords; the last admin stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.ui.app import Controller
from app.ui.users_page import PasswordDialog, UserDialog, UsersModel, UsersPage
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, indonesian, log_in, workspace


@pytest.fixture
def page(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> UsersPage:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    users = workspace(controller).open_page("pengguna")
    assert isinstance(users, UsersPage)
    assert users.isVisible()
    return users


def rows(model: UsersModel) -> list[list[str]]:
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def open_add_dialog(qtbot: QtBot, page: UsersPage) -> UserDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    return find_dialog(page, UserDialog)


def open_edit_dialog(qtbot: QtBot, page: UsersPage, username: str) -> UserDialog:
    row = next(i for i, user in enumerate(page.model.users) if user.username == username)
    page.table.selectRow(row)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, UserDialog)
    assert dialog.username.text() == username
    assert dialog.username.isReadOnly()
    return dialog


def fill_new_user(
    qtbot: QtBot, dialog: UserDialog, username: str, full_name: str, role: Role, password: str
) -> None:
    qtbot.keyClicks(dialog.full_name, full_name)
    qtbot.keyClicks(dialog.username, username)
    dialog.role.setCurrentIndex(dialog.role.findData(role.value))
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.repeat, password)


def test_users_model_is_a_correct_qt_model(
    page: UsersPage, qtmodeltester: ModelTester, library_db: LibraryDb
) -> None:
    qtmodeltester.check(page.model)
    UserService(page.context.conn).create_user(
        library_db.admin, "budi", "Budi Pengelola", Role.PENGELOLA, "pengelola1"
    )
    page.model.reload()
    qtmodeltester.check(page.model)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == indonesian("Full name")
    assert page.model.headerData(0, Qt.Orientation.Vertical) is None


def test_admin_adds_a_user(qtbot: QtBot, page: UsersPage) -> None:
    dialog = open_add_dialog(qtbot, page)
    assert dialog.windowTitle() == indonesian("Add user", "UserDialog")
    fill_new_user(qtbot, dialog, "budi", "Budi Santoso", Role.PENGELOLA, "pengelola1")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert ["Budi Santoso", "budi", indonesian("Manager"), indonesian("Active")] in rows(page.model)
    assert page.table.model().rowCount() == 2
    budi = UserService(page.context.conn).login("budi", "pengelola1")
    assert budi.role == Role.PENGELOLA


def test_duplicate_username_keeps_the_dialog_open(qtbot: QtBot, page: UsersPage) -> None:
    service = UserService(page.context.conn)
    before = service.list_users(include_inactive=True)
    dialog = open_add_dialog(qtbot, page)
    fill_new_user(qtbot, dialog, "admin", "Admin Kedua", Role.ADMIN, "rahasia456")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == indonesian(
        "The username {username} is already taken.", username="admin"
    )
    assert service.list_users(include_inactive=True) == before
    assert page.model.rowCount() == len(before)


def test_passwords_that_differ_keep_the_dialog_open(qtbot: QtBot, page: UsersPage) -> None:
    dialog = open_add_dialog(qtbot, page)
    fill_new_user(qtbot, dialog, "budi", "Budi Santoso", Role.RELAWAN, "pengelola1")
    qtbot.keyClicks(dialog.repeat, "x")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == indonesian("The two passwords are not the same.")
    assert [u.username for u in UserService(page.context.conn).list_users()] == ["admin"]
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel),
        Qt.MouseButton.LeftButton,
    )
    assert not dialog.isVisible()


def test_admin_changes_a_role(qtbot: QtBot, page: UsersPage, library_db: LibraryDb) -> None:
    service = UserService(page.context.conn)
    budi = service.create_user(
        library_db.admin, "budi", "Budi Santoso", Role.PENGELOLA, "pengelola1"
    )
    page.model.reload()
    dialog = open_edit_dialog(qtbot, page, "budi")
    assert dialog.windowTitle() == indonesian("Change user", "UserDialog")
    assert dialog.role.currentData() == Role.PENGELOLA.value
    dialog.role.setCurrentIndex(dialog.role.findData(Role.RELAWAN.value))
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    changed = service.get(budi.id)
    assert changed is not None and changed.role == Role.RELAWAN
    assert ["Budi Santoso", "budi", indonesian("Volunteer"), indonesian("Active")] in rows(
        page.model
    )


def test_last_administrator_cannot_be_demoted(qtbot: QtBot, page: UsersPage) -> None:
    service = UserService(page.context.conn)
    dialog = open_edit_dialog(qtbot, page, "admin")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.RELAWAN.value))
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    message = indonesian("At least one active administrator must remain.")
    assert dialog.error.text() == message

    # Switching the account off is refused the same way.
    dialog.role.setCurrentIndex(dialog.role.findData(Role.ADMIN.value))
    dialog.active.setChecked(False)
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == message
    (admin,) = service.list_users(include_inactive=True)
    assert admin.role == Role.ADMIN and admin.active


def test_admin_sets_a_password(qtbot: QtBot, page: UsersPage, library_db: LibraryDb) -> None:
    service = UserService(page.context.conn)
    service.create_user(library_db.admin, "budi", "Budi Santoso", Role.RELAWAN, "lama12345")
    page.model.reload()
    row = next(i for i, user in enumerate(page.model.users) if user.username == "budi")
    page.table.selectRow(row)
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, PasswordDialog)
    assert dialog.windowTitle() == indonesian(
        "New password for {name}", "PasswordDialog", name="Budi Santoso"
    )
    qtbot.keyClicks(dialog.password, "pendek")
    qtbot.keyClicks(dialog.repeat, "pendek")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == indonesian(
        "The password must have at least {count} characters.", count=8
    )
    dialog.password.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.password, "baru12345")
    qtbot.keyClicks(dialog.repeat, "baru12345")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert service.login("budi", "baru12345").username == "budi"
