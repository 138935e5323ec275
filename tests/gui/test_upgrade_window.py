"""The window opening an older library whose pre-update backup cannot be written."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.core.upgrade import before_upgrade_folder
from app.db.database import Database
from app.ui.app import Controller
from tests.conftest import LibraryDb
from tests.unit.test_upgrade import GUESTS, OLD_REVISION, count, older_library


def test_no_backup_no_update_and_a_clear_message(
    library_db: LibraryDb,
    make_controller: Callable[[], Controller],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = older_library(library_db)
    folder = before_upgrade_folder(db)
    db.dispose()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the backup folder should be")
    messages: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(Controller, "fatal", lambda _self, message: messages.append(message))
    monkeypatch.setattr("app.ui.app.QApplication.exit", lambda code=0: exits.append(code))

    controller = make_controller()
    assert controller.start()
    qtbot.waitUntil(lambda: bool(exits), timeout=20_000)

    [message] = messages
    assert str(folder) in message
    assert "Traceback" not in message
    assert exits == [1]
    assert controller.login is None  # no login screen on a database left half-done
    assert Database(library_db.db.data_dir).revision() == OLD_REVISION
    assert count(library_db.db.path, "SELECT count(*) FROM visit") == len(GUESTS)
