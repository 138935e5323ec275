"""What the GUI tests share: the expected Indonesian text, logging in, finding dialogs."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.ui.app import Controller
from app.ui.main_window import Workspace

CONTEXT = "PerpusDesa"
REGION_PATH = "Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah"

W = TypeVar("W", bound=QWidget)


def indonesian(source: str, context: str = CONTEXT, **params: object) -> str:
    """The installed catalogue's translation of ``source``; fails if it is missing."""
    text = QCoreApplication.translate(context, source)
    assert text != source, f"no Indonesian translation for {context!r}: {source!r}"
    return text.format(**params) if params else text


def log_in(qtbot: QtBot, controller: Controller, username: str, password: str) -> None:
    """Pick the user in the login screen, type the password, press Enter."""
    login = controller.login
    assert login is not None
    assert controller.window.stack.currentWidget() is login
    index = login.user_box.findData(username)
    assert index >= 0, f"{username} is not offered on the login screen"
    login.user_box.setCurrentIndex(index)
    login.password.clear()
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def workspace(controller: Controller) -> Workspace:
    """The workspace, which must be what the window shows."""
    ws = controller.window.workspace
    assert ws is not None, "no workspace: the login did not succeed"
    assert controller.window.stack.currentWidget() is ws
    return ws


def find_dialog(parent: QWidget, kind: type[W]) -> W:
    """The one visible dialog of ``kind`` under ``parent`` (opened with ``open()``)."""
    found = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, f"expected one open {kind.__name__}, found {len(found)}"
    return found[0]


def visible_top_levels(kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def click_save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
