"""One PerpusDesa per data folder: real program processes, and the parts in-process.

A second ``python -m app --data-dir X gui`` on a folder a running copy has does
not start: it asks the running one to come to the front and exits 0 without a
word; a copy on another folder starts beside it; a copy killed with SIGKILL
(a power cut) leaves a lock file that does not stop the next start; a
``restore`` from the command line is refused while the window is open.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDir, QLockFile
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.core.backup import make_backup
from app.ui import i18n, single_instance
from app.ui.app import AUTOLOGIN_ENV, QUIT_WHEN_IDLE_ENV
from app.ui.single_instance import (
    LOCK_NAME,
    FolderInUse,
    Instance,
    bring_to_front,
    claim,
    hold_folder,
    server_name,
)
from tests.conftest import LibraryDb

IN_USE = "PerpusDesa is open on this data folder; close it first."
BROUGHT_FORWARD = "another start on this data folder: the window is brought to the front"
START_S = 60  # a child's start-up, generously (a busy 2-core machine)


def child_env(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in (AUTOLOGIN_ENV, QUIT_WHEN_IDLE_ENV, "PERPUSDESA_LANG")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def program(data_dir: Path, *words: str) -> list[str]:
    return [sys.executable, "-m", "app", "--data-dir", str(data_dir), *words]


def run(data_dir: Path, *words: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        program(data_dir, *words),
        env=child_env(**env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=START_S,
        check=False,
    )


def copy_library(library_db: LibraryDb, folder: Path) -> Path:
    """A second library folder (the online backup API: a consistent copy)."""
    folder.mkdir()
    source = sqlite3.connect(library_db.db.path)
    target = sqlite3.connect(folder / library_db.db.path.name)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return folder


@pytest.fixture
def window(library_db: LibraryDb, qtbot: QtBot) -> Iterator[subprocess.Popen[str]]:
    """PerpusDesa running on the library's folder (the login screen), holding its lock."""
    data_dir = library_db.db.data_dir
    library_db.db.dispose()
    child = subprocess.Popen(
        program(data_dir, "gui"),
        env=child_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        lock = data_dir / LOCK_NAME
        qtbot.waitUntil(
            lambda: lock.exists() and lock.read_text().split("\n")[0] == str(child.pid),
            timeout=START_S * 1000,
        )
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=START_S)


def log_text(data_dir: Path) -> str:
    path = data_dir / "logs" / "perpusdesa.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_second_start_brings_the_first_forward_and_exits_quietly(
    library_db: LibraryDb, window: subprocess.Popen[str], qtbot: QtBot
) -> None:
    data_dir = library_db.db.data_dir
    second = run(data_dir, "gui", **{QUIT_WHEN_IDLE_ENV: "1"})
    assert second.returncode == 0
    assert second.stdout == ""  # no window of its own: it never got to "idle: login"
    assert second.stderr == ""
    qtbot.waitUntil(lambda: BROUGHT_FORWARD in log_text(data_dir), timeout=START_S * 1000)
    assert window.poll() is None  # the first copy runs on

    # The same folder spelt another way is the same folder.
    again = run(data_dir / ".." / data_dir.name, "gui", **{QUIT_WHEN_IDLE_ENV: "1"})
    assert (again.returncode, again.stdout) == (0, "")
    qtbot.waitUntil(lambda: log_text(data_dir).count(BROUGHT_FORWARD) == 2)


def test_another_data_folder_starts_alongside(
    library_db: LibraryDb, tmp_path: Path, window: subprocess.Popen[str]
) -> None:
    other = copy_library(library_db, tmp_path / "perpustakaan-lain")
    started = run(other, "gui", **{QUIT_WHEN_IDLE_ENV: "1"})
    assert started.returncode == 0, started.stderr
    assert "idle: login" in started.stdout
    assert window.poll() is None


def test_a_killed_copy_does_not_block_the_next_start(
    library_db: LibraryDb, window: subprocess.Popen[str]
) -> None:
    data_dir = library_db.db.data_dir
    window.send_signal(signal.SIGKILL)  # a power cut: no clean-up at all
    window.wait(timeout=START_S)
    assert (data_dir / LOCK_NAME).exists()  # the lock file is left behind
    started = run(data_dir, "gui", **{QUIT_WHEN_IDLE_ENV: "1"})
    assert started.returncode == 0, started.stderr
    assert "idle: login" in started.stdout


def test_restore_from_the_command_line_is_refused_while_the_window_is_open(
    library_db: LibraryDb, tmp_path: Path, qtbot: QtBot
) -> None:
    data_dir = library_db.db.data_dir
    backup = make_backup(library_db.db, to_dir=tmp_path / "usb").path
    library_db.db.dispose()
    i18n.install("id")
    message = QCoreApplication.translate("PerpusDesa", IN_USE)
    child = subprocess.Popen(
        program(data_dir, "gui"), env=child_env(), stdin=subprocess.DEVNULL, text=True
    )
    try:
        lock = data_dir / LOCK_NAME
        qtbot.waitUntil(lock.exists, timeout=START_S * 1000)
        refused = run(data_dir, "restore", str(backup))
        assert refused.returncode == 1
        assert refused.stderr.strip() == f"perpusdesa: {message}"
        assert not (data_dir / "backups" / "before-restore").exists()  # nothing was touched
    finally:
        child.kill()
        child.wait(timeout=START_S)
    restored = run(data_dir, "restore", str(backup))  # the window is gone: it goes ahead
    assert restored.returncode == 0, restored.stderr
    assert (data_dir / "backups" / "before-restore").is_dir()


# --- in-process: the lock, the socket, the window ----------------------------------------


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Instance]:
    instance = claim(tmp_path / "data", wait_s=0)
    assert isinstance(instance, Instance)
    yield instance
    instance.release()


def test_a_second_claim_in_the_same_folder_asks_the_holder_to_come_forward(
    held: Instance, tmp_path: Path, qtbot: QtBot
) -> None:
    assert held.listen()
    with qtbot.waitSignal(held.activate_requested, timeout=5000):
        assert claim(tmp_path / "data", wait_s=0) == single_instance.EXIT_HANDED_OVER
    with pytest.raises(FolderInUse) as refused, hold_folder(tmp_path / "data"):
        pass
    assert str(refused.value) == IN_USE
    held.release()
    with hold_folder(tmp_path / "data"):  # free again
        assert (tmp_path / "data" / LOCK_NAME).exists()
    assert not (tmp_path / "data" / LOCK_NAME).exists()


def test_a_stale_socket_left_by_a_crash_does_not_stop_listening(
    held: Instance, tmp_path: Path
) -> None:
    if sys.platform == "win32":
        pytest.skip("named pipes vanish with their process")
    stale = Path(QDir.tempPath()) / held.name  # QLocalServer's socket file on Unix
    stale.write_text("")
    try:
        assert held.listen()
    finally:
        held.release()
    assert not stale.exists()


def test_a_live_lock_older_than_thirty_seconds_is_still_held(tmp_path: Path) -> None:
    """QLockFile's default calls a lock stale after 30 s: the program's lasts for hours."""
    folder = tmp_path / "data"
    folder.mkdir()
    holder = QLockFile(str(folder / LOCK_NAME))
    holder.setStaleLockTime(0)
    assert holder.tryLock(0)
    old = 1_000_000_000  # 2001: the lock file looks very old
    os.utime(folder / LOCK_NAME, (old, old))
    try:
        with pytest.raises(FolderInUse), hold_folder(folder):
            pass
    finally:
        holder.unlock()


def test_folder_names(tmp_path: Path) -> None:
    one, two = tmp_path / "satu", tmp_path / "dua"
    one.mkdir()
    assert server_name(one) == server_name(tmp_path / "dua" / ".." / "satu")
    assert server_name(one) != server_name(two)
    assert server_name(one).startswith("perpusdesa-")


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMaximized()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert bring_to_front(None, window) is window
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
    assert window.isMaximized()  # back as it was before it was minimised


def test_a_holder_that_does_not_answer_gets_a_message_not_a_second_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restore from the command line holds the folder and has no window to bring forward."""
    shown: list[str] = []
    monkeypatch.setattr(single_instance, "_show_in_use", lambda error: shown.append(str(error)))
    with hold_folder(tmp_path / "data"):
        assert claim(tmp_path / "data", wait_s=0.3) == single_instance.EXIT_IN_USE
    assert shown == [IN_USE]
    instance = claim(tmp_path / "data", wait_s=0)  # the restore is over: this start goes on
    assert isinstance(instance, Instance)
    instance.release()
