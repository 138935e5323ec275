"""Background tasks and what the librarian sees when something goes wrong."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.core.errors import ValidationError
from app.core.tasks import Cancelled, Progress
from app.ui import i18n
from app.ui.app import Controller
from app.ui.errors import ErrorHook, describe, setup_logging, show_error
from app.ui.tasks import Task
from tests.gui.helpers import indonesian, visible_top_levels

WAIT = 10_000  # ms; a worker that does not answer by then is a failure


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def indonesian_ui() -> None:
    i18n.install("id")


def one_message_box() -> QMessageBox:
    boxes = visible_top_levels(QMessageBox)
    assert len(boxes) == 1, f"expected one message box, found {len(boxes)}"
    return boxes[0]


# --- Task ----------------------------------------------------------------------


def test_task_runs_off_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def op(progress: Progress) -> int:
        seen["op_thread"] = threading.get_ident()
        seen["progress"] = progress
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    task = Task(parent, op, done)
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        task.run()
    assert seen["op_thread"] != gui
    assert isinstance(seen["progress"], Progress)
    assert seen["result"] == 42
    assert seen["done_thread"] == gui


def test_task_failure_reaches_on_failure(qtbot: QtBot, parent: QWidget) -> None:
    failures: list[tuple[BaseException, int]] = []
    successes: list[object] = []

    def op(_progress: Progress) -> None:
        raise ValueError("kaput")

    task = Task(parent, op, successes.append).on_failure(
        lambda exc: failures.append((exc, threading.get_ident()))
    )
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        task.run()
    assert successes == []
    [(exc, thread)] = failures
    assert isinstance(exc, ValueError) and str(exc) == "kaput"
    assert thread == threading.get_ident()
    assert visible_top_levels(QMessageBox) == []


def test_cancel_stops_the_job(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()
    go_on = threading.Event()
    steps: list[int] = []
    failures: list[BaseException] = []

    def op(progress: Progress) -> str:
        started.set()
        assert go_on.wait(WAIT / 1000), "the test never let the job go on"
        for step in range(3):
            progress.check()
            steps.append(step)
        return "finished anyway"

    task = Task(parent, op, lambda _r: None).on_failure(failures.append)
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        task.run()
        assert started.wait(WAIT / 1000), "the job did not start"
        task.cancel()
        go_on.set()
    assert steps == []
    [exc] = failures
    assert isinstance(exc, Cancelled)


def test_cancelled_job_shows_no_error(qtbot: QtBot, parent: QWidget) -> None:
    """Without on_failure a cancelled job ends quietly; another failure shows a message."""
    task = Task(parent, lambda progress: progress.check())
    task.progress.cancel()
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        task.run()
    assert visible_top_levels(QMessageBox) == []


def test_progress_dialog_cancel_button(qtbot: QtBot, parent: QWidget, indonesian_ui: None) -> None:
    started = threading.Event()
    go_on = threading.Event()
    failures: list[BaseException] = []

    def op(progress: Progress) -> None:
        started.set()
        go_on.wait(WAIT / 1000)
        progress.check()

    task = Task(parent, op).on_failure(failures.append).with_progress("Mengimpor...")
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        task.run()
        assert started.wait(WAIT / 1000)
        dialog = task._dialog
        assert dialog is not None
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == indonesian("Cancel", "Task")
        cancel.click()
        assert dialog.labelText() == indonesian("Stopping...", "Task")
        go_on.set()
    assert [type(exc) for exc in failures] == [Cancelled]
    assert task._dialog is None


# --- errors --------------------------------------------------------------------


def test_describe_damaged_database(data_dir: Path, indonesian_ui: None) -> None:
    message, bug = describe(sqlite3.DatabaseError("file is not a database"), data_dir)
    assert not bug
    assert message == indonesian(
        "The database file {path} is damaged. Restore it from a backup.", path=str(data_dir)
    )


def test_describe_full_disk_and_bug(data_dir: Path, indonesian_ui: None) -> None:
    message, bug = describe(sqlite3.OperationalError("database or disk is full"), data_dir)
    assert not bug
    assert message == indonesian(
        "The disk is full. Free some space on {path} and try again.", path=str(data_dir)
    )
    message, bug = describe(KeyError("x"), data_dir)
    assert bug
    assert str(data_dir / "logs" / "perpusdesa.log") in message
    assert "KeyError" not in message


@pytest.fixture
def hook(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> ErrorHook:
    """An installed ErrorHook; pytest's own hooks come back after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    assert setup_logging(data_dir) == data_dir / "logs" / "perpusdesa.log"
    error_hook = ErrorHook(data_dir)
    error_hook.install()
    return error_hook


@pytest.fixture
def active_window(qtbot: QtBot, parent: QWidget) -> QWidget:
    """A window that has the focus, as the main window has while the librarian works."""
    parent.show()
    parent.activateWindow()
    qtbot.waitActive(parent)
    return parent


def raised(exc: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_error_hook_logs_a_bug_and_shows_no_traceback(
    qtbot: QtBot, hook: ErrorHook, data_dir: Path, indonesian_ui: None, active_window: QWidget
) -> None:
    sys.excepthook(*raised(RuntimeError("rusak di dalam")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(hook.shown), timeout=WAIT)
    log = (data_dir / "logs" / "perpusdesa.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: rusak di dalam" in log
    box = one_message_box()
    assert "Traceback" not in box.text()
    assert "rusak di dalam" not in box.text()
    assert str(data_dir / "logs" / "perpusdesa.log") in box.text()
    assert box.text() == describe(RuntimeError(), data_dir)[0]
    assert box.text() != QCoreApplication.translate("Nothing", describe(RuntimeError())[0])
    assert box.icon() == QMessageBox.Icon.Critical


def test_error_hook_shows_a_known_error_translated(
    qtbot: QtBot, hook: ErrorHook, data_dir: Path, indonesian_ui: None, active_window: QWidget
) -> None:
    error = ValidationError("Fill in the library's name.", field="name")
    sys.excepthook(*raised(error))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(hook.shown), timeout=WAIT)
    box = one_message_box()
    assert box.text() == indonesian("Fill in the library's name.")
    assert box.icon() == QMessageBox.Icon.Warning
    log = (data_dir / "logs" / "perpusdesa.log").read_text(encoding="utf-8")
    assert "Traceback" not in log


def test_error_hook_shows_a_message_with_no_active_window(
    qtbot: QtBot, hook: ErrorHook, data_dir: Path
) -> None:
    """At start-up, or while another program has the focus, there is no active window;
    the message must be shown all the same (not garbage-collected at once)."""
    sys.excepthook(*raised(RuntimeError("tanpa jendela")))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(hook.shown), timeout=WAIT)
    box = one_message_box()
    assert box.text() == describe(RuntimeError(), data_dir)[0]


def test_error_hook_catches_worker_thread_errors(
    qtbot: QtBot, hook: ErrorHook, data_dir: Path
) -> None:
    def fail() -> None:
        raise RuntimeError("di thread lain")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join(WAIT / 1000)
    qtbot.waitUntil(lambda: bool(hook.shown), timeout=WAIT)
    assert [str(exc) for exc in hook.shown] == ["di thread lain"]
    assert "RuntimeError: di thread lain" in (data_dir / "logs" / "perpusdesa.log").read_text(
        encoding="utf-8"
    )


def test_show_error_for_storage_failure(
    qtbot: QtBot, parent: QWidget, data_dir: Path, indonesian_ui: None
) -> None:
    parent.show()
    show_error(parent, sqlite3.OperationalError("attempt to write a readonly database"), data_dir)
    (box,) = parent.findChildren(QMessageBox)
    assert box.isVisible()
    assert box.text() == indonesian(
        "The data folder {path} cannot be written to. Choose another folder.",
        path=str(data_dir),
    )


def test_corrupt_database_at_start(
    make_controller: Callable[[], Controller],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "perpusdesa.sqlite3").write_bytes(bytes(range(256)) * 64)
    messages: list[str] = []
    monkeypatch.setattr(Controller, "fatal", lambda _self, message: messages.append(message))
    controller = make_controller()
    assert controller.start() is False
    [message] = messages
    assert "cadangan" in message.lower()
    assert "perpusdesa.sqlite3" in message
    assert "Traceback" not in message
    assert controller.wizard is None
    assert not controller.window.isVisible()
