"""Automatic backups: when the program closes, and daily while it runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.backup import list_backups, verify_backup
from app.ui.app import Controller
from tests.conftest import LibraryDb
from tests.gui.helpers import log_in


def backups(library_db: LibraryDb) -> list[Path]:
    return list_backups(library_db.db.data_dir / "backups")


def test_closing_the_program_writes_a_backup(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    assert backups(library_db) == []
    assert controller.window.close()  # the close is never refused
    (made,) = backups(library_db)  # written before close() returned
    assert verify_backup(made).library_name == "Perpustakaan Desa Miroto"
    assert not controller.window.isVisible()


def test_closing_the_login_screen_before_anyone_logged_in_makes_no_backup(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    assert controller.window.close()
    assert backups(library_db) == []


def test_a_failed_backup_does_not_stop_the_close(
    qtbot: QtBot,
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
) -> None:
    blocker = library_db.db.data_dir / "backups"
    blocker.write_text("a file where the backup folder should be")
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    assert controller.window.close()
    assert not controller.window.isVisible()
    assert blocker.read_text() == "a file where the backup folder should be"


def test_the_daily_backup_runs_once_a_day(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    from app.ui.tasks import wait_all

    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    controller.start_maintenance()  # runs 30 s after login; the test does not wait for that
    qtbot.waitUntil(lambda: len(backups(library_db)) == 1, timeout=10_000)
    assert controller.backup_timer is not None and controller.backup_timer.isActive()
    controller.on_backup_timer_timeout()  # an hour later: the last backup is still fresh
    wait_all(10_000)  # the worker is idle: a second backup would be on disk by now
    assert len(backups(library_db)) == 1
