"""The benchmark's start-up hooks, and what start-up leaves for after the window is shown.

``PERPUSDESA_AUTOLOGIN`` opens the workspace without a password only together
with ``PERPUSDESA_QUIT_WHEN_IDLE`` (the program then quits at once); alone it
must change nothing. The idle lock's activity watch starts once the window is
shown, and still notices the librarian's keys after that.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.core.home import home_figures
from app.db.models import Visit
from app.db.uow import UnitOfWork
from app.ui.app import AUTOLOGIN_ENV, QUIT_WHEN_IDLE_ENV, Controller
from app.ui.errors import ErrorHook
from tests.conftest import LibraryDb
from tests.gui.helpers import REGION_PATH, log_in, workspace


@pytest.fixture
def quits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Calls of QApplication.quit(), which would end the test session's application."""
    calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: calls.append(True))
    return calls


def audit_logins(library_db: LibraryDb) -> int:
    conn = library_db.db.connect()
    try:
        row = conn.execute("SELECT count(*) FROM audit_entry WHERE action = 'login'").fetchone()
        return int(row[0])
    finally:
        conn.close()


def test_autologin_alone_changes_nothing(
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
    quits: list[bool],
    qtbot: QtBot,
) -> None:
    controller = make_controller()
    monkeypatch.setenv(AUTOLOGIN_ENV, "admin")  # no QUIT_WHEN_IDLE: a normal run
    assert controller.start()
    assert controller.window.workspace is None
    assert controller.login is not None
    assert controller.window.stack.currentWidget() is controller.login
    qtbot.waitUntil(lambda: controller.settled)
    assert quits == []
    assert controller.context is None


def test_autologin_with_quit_when_idle_opens_the_home_page_then_quits(
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
    quits: list[bool],
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    logins_before = audit_logins(library_db)
    controller = make_controller()
    monkeypatch.setenv(AUTOLOGIN_ENV, "Admin")
    monkeypatch.setenv(QUIT_WHEN_IDLE_ENV, "1")
    assert controller.start()
    ws = workspace(controller)
    assert ws.current_key() == "beranda"
    assert controller.context is not None
    assert controller.context.user.username == "admin"
    assert controller.window.isVisible()
    qtbot.waitUntil(lambda: quits == [True])
    printed = capsys.readouterr().out.split()
    assert printed[:2] == ["idle:", "beranda"]
    assert float(printed[2]) > 0  # time.monotonic() when idle, for the benchmark
    assert audit_logins(library_db) == logins_before  # not a real login: nothing recorded


def test_quit_when_idle_on_the_login_screen_and_an_unknown_user(
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
    quits: list[bool],
    qtbot: QtBot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A hook naming nobody opens nothing: the login screen, and the benchmark sees it."""
    controller = make_controller()
    monkeypatch.setenv(AUTOLOGIN_ENV, "tidakada")
    monkeypatch.setenv(QUIT_WHEN_IDLE_ENV, "1")
    assert controller.start()
    assert controller.window.workspace is None
    assert controller.window.stack.currentWidget() is controller.login
    qtbot.waitUntil(lambda: quits == [True])
    assert capsys.readouterr().out.split()[:2] == ["idle:", "login"]


def test_idle_watch_starts_after_the_window_is_shown_and_sees_keys(
    library_db: LibraryDb, make_controller: Callable[[], Controller], qtbot: QtBot
) -> None:
    now = [1000.0]
    controller = make_controller()
    controller.idle.clock = lambda: now[0]
    assert controller.start()
    assert not controller.settled  # nothing watched while the window is being built
    qtbot.waitUntil(lambda: controller.settled)
    log_in(qtbot, controller, "admin", library_db.admin_password)
    ws = workspace(controller)
    assert controller.idle.armed
    assert controller.idle.last == 1000.0
    now[0] = 1234.0
    qtbot.keyClick(ws.sidebar, Qt.Key.Key_Down)
    assert controller.idle.last == 1234.0


def test_the_program_freezes_what_start_up_built_once_the_window_is_up(
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    tested = make_controller()  # a test's controller: nothing frozen
    assert tested.start()
    qtbot.waitUntil(lambda: tested.settled)
    assert frozen == []
    program = make_controller()
    program.freeze_when_settled = True  # as run_gui sets it
    assert program.start()
    assert frozen == []  # not while the window is being built
    qtbot.waitUntil(lambda: program.settled)
    assert frozen == [True]


def test_nothing_is_frozen_after_the_set_up_wizard(
    make_controller: Callable[[], Controller],
) -> None:
    """The wizard builds and drops much: what it leaves must stay collectable."""
    controller = make_controller()  # an empty data folder: the wizard
    controller.freeze_when_settled = True
    assert controller.start()
    assert controller.wizard is not None
    assert not controller.freeze_when_settled


def test_home_page_shows_the_library_at_a_glance(
    library_db: LibraryDb, make_controller: Callable[[], Controller], qtbot: QtBot
) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        for name in ("Pak Darto", "Bu Sari"):
            uow.add(
                Visit(
                    kind="guest",
                    visited_at=datetime.now(UTC),
                    guest_name=name,
                    gender="L",
                    age_band="dewasa",
                    count_male=1,
                    count_female=0,
                    age_counts={"dewasa": 1},
                    purposes=["membaca"],
                )
            )
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    home = workspace(controller).pages["beranda"]
    assert home.isVisible()
    region = home.findChild(QLabel, "regionPath")
    assert region is not None
    assert region.text() == REGION_PATH
    conn = library_db.db.connect()
    try:
        expected = home_figures(conn, library_db.profile.time_zone)
    finally:
        conn.close()
    # The figures are read just after the window is shown, off the GUI thread.
    items = home.findChild(QLabel, "figure_items")
    assert items is not None
    qtbot.waitUntil(lambda: items.text() == QLocale().toString(expected.items))
    for key in ("members", "titles", "items", "visitors_this_month", "activities"):
        figure = home.findChild(QLabel, f"figure_{key}")
        assert figure is not None
        assert figure.text() == QLocale().toString(getattr(expected, key))
        assert figure.alignment() == Qt.AlignmentFlag.AlignCenter
    assert expected.visitors_this_month == 2
    today = home.findChild(QLabel, "figure_visitors_today")
    assert today is not None
    assert today.text() == "2"
    assert expected.pending_sync >= 2  # never synced: every change waits
    sync = home.findChild(QLabel, "syncStatus")
    assert sync is not None
    assert QLocale().toString(expected.pending_sync) in sync.text()


def test_error_message_is_shown_after_the_hook_returns(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    hook = ErrorHook(None)
    hook.install()
    try:
        raise RuntimeError("sesudah")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert hook.shown == []  # never a dialog inside the hook
    qtbot.waitUntil(lambda: bool(hook.shown))
    assert [str(exc) for exc in hook.shown] == ["sesudah"]
    QCoreApplication.processEvents()
