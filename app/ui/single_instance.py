"""One running PerpusDesa per data folder; a second start brings the first to the front.

Two copies on one database would each think they own it (backups on close,
housekeeping, a restore under the other's feet). The program that uses a data
folder holds the folder's lock file (``QLockFile``, ``perpusdesa.lock``). A lock
left behind by a crash or a power cut names a process that no longer runs (Qt
checks the process id, its name and the boot time), so it does not stop the
next start.

The holder also listens on a local socket (``QLocalServer``) named after a hash
of the resolved folder path. A second start on the same folder does not open
the database: it connects, sends ``activate``, and exits 0; the first copy
restores its window if minimised, raises and activates it. A copy on another
data folder has another lock and another name, and runs alongside.

Start-up pays only for the lock file (about a millisecond): the socket, and
``QtNetwork`` with it, start once the window is shown; a second start waits up
to :data:`WAIT_FOR_ANSWER_S` for an answer. A holder that never answers (a
``perpusdesa restore`` from the command line, a hung window) gets the second
start a message instead.

The command line uses :func:`hold_folder` around work that must not run under a
window (a restore replaces the database file).
"""

from __future__ import annotations

import atexit
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal

from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

LOCK_NAME = "perpusdesa.lock"
ACTIVATE = b"activate\n"
WAIT_FOR_ANSWER_S = 5.0  # the first copy listens once its window is shown
RETRY_S = 0.1
CONNECT_MS = 500
EXIT_HANDED_OVER = 0  # the running copy was asked to come to the front
EXIT_IN_USE = 1  # the folder is held by a program that does not answer


class FolderInUse(KnownError):
    """Another running PerpusDesa holds this data folder."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "PerpusDesa is open on this data folder; close it first."
            )
        )


def server_name(data_dir: Path) -> str:
    """The local socket's name: the same for every spelling of one folder."""
    resolved = str(Path(data_dir).expanduser().resolve())
    if sys.platform == "win32":
        resolved = resolved.casefold()
    # zlib, not hashlib: loading OpenSSL costs start-up a few ms. The name only finds the
    # running copy; the lock file is what keeps a second copy out.
    data = resolved.encode("utf-8")
    return f"perpusdesa-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _lock_file(data_dir: Path) -> QLockFile:
    lock = QLockFile(str(Path(data_dir) / LOCK_NAME))
    lock.setStaleLockTime(0)  # held for hours: only a dead owner makes it stale
    return lock


def _try_lock(lock: QLockFile, data_dir: Path) -> bool | None:
    """True: ours now; False: another live program holds it; None: no lock can be made
    here (a read-only folder: opening the database will say so)."""
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if lock.tryLock(0):
        return True
    return False if lock.error() == QLockFile.LockError.LockFailedError else None


class Instance(QObject):
    """This program's hold on its data folder: the lock, and the socket a second start calls."""

    activate_requested = Signal()

    def __init__(self, data_dir: Path, lock: QLockFile | None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.name = server_name(data_dir)
        self.lock = lock
        self.server: QLocalServer | None = None

    def listen(self) -> bool:
        """Answer second starts (called once the window is shown)."""
        from PySide6.QtNetwork import QLocalServer

        if self.lock is None or self.server is not None:
            return False
        server = QLocalServer(self)
        # We hold the lock: a socket of that name is a crashed copy's leftover.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            from app.ui.errors import log

            log.warning("second starts cannot reach this window: %s", server.errorString())
            return False
        server.newConnection.connect(self.on_server_new_connection)
        self.server = server
        return True

    def on_server_new_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self.on_socket_ready_read(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self.on_socket_ready_read(socket)

    def on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            from app.ui.errors import log

            log.info("another start on this data folder: the window is brought to the front")
            self.activate_requested.emit()

    def release(self) -> None:
        """Stop answering and free the folder (also done at exit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def _send_activate(name: str, owner_pid: int) -> bool:
    """Ask the running copy to come to the front; False if it does not answer."""
    from PySide6.QtNetwork import QLocalSocket

    if sys.platform == "win32" and owner_pid > 0:  # let it take the foreground from us
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(owner_pid)
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(ACTIVATE)
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return sent


def claim(data_dir: Path, wait_s: float = WAIT_FOR_ANSWER_S) -> Instance | int:
    """This program's hold on ``data_dir``, or the exit code if another copy has it.

    The other copy is asked to come to the front (exit code 0, nothing shown);
    if it does not answer within ``wait_s`` seconds, a message says the folder
    is in use (exit code 1). Call with a QApplication made, before the database
    is opened.
    """
    lock = _lock_file(data_dir)
    deadline = time.monotonic() + wait_s
    while True:
        held = _try_lock(lock, data_dir)
        if held is not False:
            instance = Instance(data_dir, lock if held else None)
            atexit.register(instance.release)
            return instance
        owner_pid = lock.getLockInfo()[0]
        if _send_activate(server_name(data_dir), owner_pid):
            return EXIT_HANDED_OVER
        if time.monotonic() >= deadline:
            break
        time.sleep(RETRY_S)  # the first copy may still be starting
    _show_in_use(FolderInUse())
    return EXIT_IN_USE


def _show_in_use(error: KnownError) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.i18n import error_text

    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("PerpusDesa", "PerpusDesa"),
        error_text(error),
    )
    box.exec()


@contextmanager
def hold_folder(data_dir: Path) -> Iterator[None]:
    """Hold the folder's lock for a command-line job; FolderInUse if a window has it."""
    lock = _lock_file(data_dir)
    held = _try_lock(lock, data_dir)
    if held is False:
        raise FolderInUse()
    try:
        yield
    finally:
        if held:
            lock.unlock()


def bring_to_front(*candidates: QWidget | None) -> QWidget | None:
    """Restore (if minimised), show, raise and activate the first visible candidate."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    present = [widget for widget in candidates if widget is not None]
    widget = next((w for w in present if w.isVisible()), present[0] if present else None)
    if widget is None:
        return None
    if widget.isMinimized():
        state = widget.windowState() & ~Qt.WindowState.WindowMinimized
        widget.setWindowState(state | Qt.WindowState.WindowActive)
    widget.show()
    widget.raise_()
    widget.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not widget:  # a dialog open on it stays on top
        modal.raise_()
        modal.activateWindow()
    return widget
