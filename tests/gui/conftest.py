"""GUI test set-up: a Controller on the test's data folder, and a clean Qt state after each test.

Every GUI test ignores the offscreen platform's harmless "propagateSizeHints"
message. After each test the background jobs are waited for, windows and
dialogs the test opened are closed and deleted, translators and the default
locale are reset, and log handlers added by ``setup_logging`` are closed, so no
test sees what an earlier one left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from app.ui import i18n
from app.ui.app import AUTOLOGIN_ENV, QUIT_WHEN_IDLE_ENV, Controller
from app.ui.tasks import wait_all

HERE = Path(__file__).resolve().parent

HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(*HARMLESS_QT_MESSAGES))


def _close(widget: QWidget) -> None:
    if not shiboken6.isValid(widget):  # a test may have deleted it already
        return
    # hide(), not close(): closing a dialog rejects it, and the wizard quits the program then.
    widget.hide()
    widget.deleteLater()


@pytest.fixture(autouse=True)
def _clean_qt_state(qapp: QApplication) -> Iterator[None]:
    widgets_before = set(QApplication.topLevelWidgets())
    logger = logging.getLogger("perpusdesa")
    handlers_before = list(logger.handlers)
    level_before = logger.level
    yield
    assert wait_all(10_000), "a background task was still running after the test"
    for widget in QApplication.topLevelWidgets():
        if widget not in widgets_before:
            _close(widget)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for translator in i18n._installed:
        QCoreApplication.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(QLocale.system())
    for handler in logger.handlers:
        if handler not in handlers_before:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level_before)


@pytest.fixture
def make_controller(
    qapp: QApplication, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], Controller]]:
    """Build Controllers on the test's data folder; they are taken apart after the test."""
    monkeypatch.delenv(AUTOLOGIN_ENV, raising=False)
    monkeypatch.delenv(QUIT_WHEN_IDLE_ENV, raising=False)
    made: list[Controller] = []

    def make() -> Controller:
        controller = Controller(data_dir)
        made.append(controller)
        return controller

    yield make
    wait_all(10_000)
    for controller in made:
        controller.idle.stop()
        qapp.removeEventFilter(controller.idle)
        if controller.wizard is not None:
            _close(controller.wizard)
        _close(controller.window)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if controller.conn is not None:
            controller.conn.close()
        controller.db.dispose()
