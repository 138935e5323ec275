"""Logging in, what each role sees, and the lock (idle time, Ctrl+L, too many wrong passwords)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.core.auth import ROLE_PERMISSIONS, Role, UserService
from app.core.settings import Settings
from app.db.connection import connect
from app.ui.app import Controller
from app.ui.pages import discover
from tests.conftest import LibraryDb
from tests.gui.helpers import indonesian, log_in, workspace

RELAWAN_PASSWORD = "relawan123"


@pytest.fixture
def started(library_db: LibraryDb, make_controller: Callable[[], Controller]) -> Controller:
    """The program started on a set-up library, with a volunteer account too."""
    conn = connect(library_db.db.path)
    try:
        UserService(conn).create_user(
            library_db.admin, "rina", "Rina Relawan", Role.RELAWAN, RELAWAN_PASSWORD
        )
    finally:
        conn.close()
    controller = make_controller()
    assert controller.start()
    return controller


def test_start_shows_the_login_screen(started: Controller, library_db: LibraryDb) -> None:
    login = started.login
    assert login is not None
    assert started.window.isVisible()
    assert started.window.stack.currentWidget() is login
    assert started.window.workspace is None
    assert login.title.text() == library_db.profile.name
    assert not login.locked_note.isVisible()
    assert [login.user_box.itemData(i) for i in range(login.user_box.count())] == [
        "admin",
        "rina",
    ]


def volunteer_pages() -> list[str]:
    """Pages without a permission, or for recording: what a volunteer may open."""
    allowed = ROLE_PERMISSIONS[Role.RELAWAN]
    return [s.key for s in discover() if s.permission is None or s.permission in allowed]


def test_administrator_sees_every_page(qtbot: QtBot, started: Controller) -> None:
    log_in(qtbot, started, "admin", "rahasia123")
    ws = workspace(started)
    assert ws.page_keys() == [spec.key for spec in discover()]  # every page, in order
    assert ws.page_keys()[0] == "beranda"
    titles = [ws.sidebar.item(i).text() for i in range(ws.sidebar.count())]
    for english, key in (("Home", "beranda"), ("Settings", "pengaturan"), ("Users", "pengguna")):
        assert titles[ws.page_keys().index(key)] == indonesian(english, "Pages")
    for key in ws.page_keys():
        page = ws.open_page(key)
        assert page.isVisible()
        assert ws.current_key() == key


def test_volunteer_sees_only_the_daily_work_pages(qtbot: QtBot, started: Controller) -> None:
    log_in(qtbot, started, "rina", RELAWAN_PASSWORD)
    ws = workspace(started)
    assert ws.page_keys() == volunteer_pages()
    assert "pengguna" not in ws.page_keys()
    assert "pengaturan" not in ws.page_keys()
    assert "Rina Relawan" in ws.user_label.text()
    assert indonesian("Volunteer") in ws.user_label.text()


def test_idle_lock_keeps_the_work(qtbot: QtBot, started: Controller) -> None:
    now = [1000.0]
    started.idle.clock = lambda: now[0]
    log_in(qtbot, started, "admin", "rahasia123")
    ws = workspace(started)
    minutes = Settings(started.conn).get("idle_lock_minutes")  # type: ignore[arg-type]
    settings_page = ws.open_page("pengaturan")
    name = settings_page.findChild(QLineEdit, "name")
    assert name is not None
    qtbot.keyClicks(name, " (belum disimpan)")
    typed = name.text()
    typed_at = now[0]

    now[0] = typed_at + minutes * 60 - 1
    started.idle.check()
    assert started.window.stack.currentWidget() is ws, "locked before the idle time was over"

    now[0] = typed_at + minutes * 60
    started.idle.check()
    login = started.login
    assert login is not None
    assert started.window.stack.currentWidget() is login
    assert login.locked_note.isVisible()
    assert login.locked_note.text() == indonesian(
        "The program was locked because nobody used it for a while. Your work is kept.",
        "LoginScreen",
    )
    assert login.user_box.currentData() == "admin"
    assert login.password.text() == ""

    log_in(qtbot, started, "admin", "rahasia123")
    assert workspace(started) is ws
    assert ws.current_key() == "pengaturan"
    assert ws.pages["pengaturan"] is settings_page
    assert name.text() == typed
    assert started.idle.armed


def test_ctrl_l_locks(qtbot: QtBot, started: Controller) -> None:
    log_in(qtbot, started, "admin", "rahasia123")
    ws = workspace(started)
    started.window.activateWindow()
    qtbot.waitActive(started.window)
    qtbot.keyClick(ws.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    login = started.login
    assert login is not None
    assert started.window.stack.currentWidget() is login
    assert login.locked_note.isVisible()
    assert not started.idle.armed


def test_lock_button_then_another_user(qtbot: QtBot, started: Controller) -> None:
    """After a lock the next person logs in; the sidebar follows the new user's role."""
    log_in(qtbot, started, "admin", "rahasia123")
    ws = workspace(started)
    qtbot.mouseClick(ws.lock_button, Qt.MouseButton.LeftButton)
    log_in(qtbot, started, "rina", RELAWAN_PASSWORD)
    assert workspace(started) is ws
    assert ws.page_keys() == volunteer_pages()
    assert ws.current_key() == "beranda"
    assert ws.stack.currentWidget() is ws.pages["beranda"]


def test_too_many_wrong_passwords_make_the_next_try_wait(qtbot: QtBot, started: Controller) -> None:
    login = started.login
    assert login is not None
    wrong = indonesian("Wrong username or password.")
    for attempt in range(5):
        log_in(qtbot, started, "admin", f"salah{attempt}")
        assert login.error.isVisible()
        assert login.error.text() == wrong
    log_in(qtbot, started, "admin", "rahasia123")
    assert started.window.workspace is None
    assert started.window.stack.currentWidget() is login
    template = indonesian("Too many wrong passwords. Wait {seconds} seconds and try again.")
    pattern = re.escape(template).replace(re.escape("{seconds}"), r"(\d+)")
    match = re.fullmatch(pattern, login.error.text())
    assert match, f"not the wait message: {login.error.text()!r}"
    assert 1 <= int(match.group(1)) <= 31


def test_translation_catalogue_is_installed(started: Controller) -> None:
    """Sanity check for the helpers above: the Indonesian catalogue is active."""
    assert QCoreApplication.translate("Pages", "Home") != "Home"
