"""Housekeeping after login: old guests' names go, their visits stay counted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from app.db.models import Visit
from app.db.uow import UnitOfWork
from app.ui.app import Controller
from tests.conftest import LibraryDb
from tests.gui.helpers import log_in


def test_old_guest_names_are_removed_after_login(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=500)
    recent = datetime.now(UTC) - timedelta(days=3)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        for when, name in ((long_ago, "Pak Darto"), (recent, "Bu Sari")):
            uow.add(
                Visit(
                    kind="guest",
                    visited_at=when,
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
    controller.start_maintenance()  # runs 30 s after login; the test does not wait for that
    conn = library_db.db.connect()

    def names() -> list[str | None]:
        rows = conn.execute("SELECT guest_name FROM visit ORDER BY visited_at").fetchall()
        return [row[0] for row in rows]

    qtbot.waitUntil(lambda: names() == [None, "Bu Sari"], timeout=10_000)
    total = conn.execute("SELECT sum(count_male + count_female) FROM visit").fetchone()[0]
    assert total == 2


def test_housekeeping_is_not_run_once_the_window_is_gone(
    qtbot: QtBot,
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chore scheduled at login must not outlive the window (it would crash)."""
    monkeypatch.setattr("app.ui.app.MAINTENANCE_DELAY_MS", 0)
    started: list[bool] = []
    monkeypatch.setattr(Controller, "start_maintenance", lambda self: started.append(True))
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    controller.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()  # a zero-delay timer would fire here
    assert started == []


def test_housekeeping_runs_after_login_while_the_window_lives(
    qtbot: QtBot,
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("app.ui.app.MAINTENANCE_DELAY_MS", 0)
    started: list[bool] = []
    monkeypatch.setattr(Controller, "start_maintenance", lambda self: started.append(True))
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    qtbot.waitUntil(lambda: started == [True])
