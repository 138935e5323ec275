"""What the librarian sees when something goes wrong: never a traceback.

* ``KnownError`` (bad input, full disk, locked database...): its message.
* A storage failure from SQLite: a clear message about the disk or the database.
  A save on the GUI thread that the disk or the database refused (full, read-only,
  locked, a disk error) is announced by the core (``app.core.errors.announce``):
  the hook shows it in a dialog whatever the page does with it, once, so a full
  disk is never only a line under a form.
* Anything else is a bug: the traceback goes to ``logs/perpusdesa.log`` in the
  data folder and the user gets a short apology naming that file.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.core.errors import KnownError, StorageError, on_storage_error
from app.db.database import as_storage_error
from app.ui.i18n import error_text

if TYPE_CHECKING:  # QMessageBox when first shown: naming a Qt class at start-up builds its enums
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("perpusdesa")

LOG_NAME = "perpusdesa.log"


class _LogFile(logging.Handler):
    """A rotating log file, opened on the first message (start-up does not pay for it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(logging.INFO)
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
                )
            except OSError:
                return  # nowhere to write: the message box still tells the user
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            self._file = handler
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(data_dir: Path) -> Path:
    """Log to a rotating file in the data folder's ``logs`` folder."""
    path = data_dir / "logs" / LOG_NAME
    log.addHandler(_LogFile(path))
    log.setLevel(logging.INFO)
    return path


def describe(exc: BaseException, data_dir: Path | None = None) -> tuple[str, bool]:
    """(message for the user, is it a bug?)."""
    if isinstance(exc, KnownError):
        return error_text(exc), False
    known = as_storage_error(exc, data_dir) if data_dir is not None else None
    if known is not None:
        return error_text(known), False
    log_hint = str(data_dir / "logs" / LOG_NAME) if data_dir else ""
    text = QCoreApplication.translate(
        "PerpusDesa",
        "Sorry, something went wrong inside PerpusDesa. What you saved before is safe. "
        "The details were written to {log}; please give that file to your district facilitator.",
    ).format(log=log_hint)
    return text, True


_PARENTLESS: set[QMessageBox] = set()  # kept alive until closed
# Storage errors whose dialog the hook has shown or is about to show.
_ANNOUNCED: weakref.WeakSet[BaseException] = weakref.WeakSet()


def _message_box(parent: QWidget | None, message: str, bug: bool) -> QMessageBox:
    from PySide6.QtCore import Qt  # not at start-up: naming Qt builds its ~90 enums (~30 ms)
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    if parent is None:
        _PARENTLESS.add(box)
        box.finished.connect(lambda _result: _PARENTLESS.discard(box))
    box.setIcon(QMessageBox.Icon.Critical if bug else QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PerpusDesa", "PerpusDesa"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.open()
    return box


def show_error(parent: QWidget | None, exc: BaseException, data_dir: Path | None = None) -> None:
    """Show an error caught by a caller (a task's failure, a form's save)."""
    if exc in _ANNOUNCED:  # the error hook shows it already
        return
    message, bug = describe(exc, data_dir)
    if bug:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    _message_box(parent, message, bug)


class _Relay(QObject):
    """Carries exceptions from any thread to the GUI thread."""

    raised = Signal(object)


class ErrorHook:
    """``sys.excepthook`` and ``threading.excepthook`` that log and show, never crash."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self.relay = _Relay()
        # From a worker thread the signal is queued to the GUI thread; there, the
        # message is shown once the hook has returned (a zero timer), never inside it.
        self.relay.raised.connect(self._show_soon)
        self.shown: list[BaseException] = []  # for tests and for not stacking dialogs
        self._stop_listening: Callable[[], None] | None = None

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )
        self._stop_listening = on_storage_error(self.on_storage_error)

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None

    def on_storage_error(self, error: StorageError) -> None:
        """A save the librarian made (on the GUI thread) met a full disk or the like: a dialog.

        A background task's failure is its own handler's to show (or to log quietly,
        as a failed automatic backup is).
        """
        if sys.excepthook != self._hook:  # not the installed hook (any more)
            return
        if threading.current_thread() is not threading.main_thread() or error in _ANNOUNCED:
            return
        _ANNOUNCED.add(error)
        log.warning("save refused by the disk or the database: %s", error)
        self._show_soon(error)

    def _hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QTimer.singleShot(0, QApplication.quit)
            return
        if exc in _ANNOUNCED:  # its dialog is shown already
            return
        message, bug = describe(exc, self.data_dir)
        if bug:
            log.error("unexpected error", exc_info=(exc_type, exc, tb))
        else:
            log.warning("error shown to the user: %s", message)
        self.relay.raised.emit(exc)

    def _show_soon(self, exc: BaseException) -> None:
        QTimer.singleShot(0, self.relay, lambda: self._show(exc))

    def _show(self, exc: BaseException) -> None:
        self.shown.append(exc)
        message, bug = describe(exc, self.data_dir)
        _message_box(QApplication.activeWindow(), message, bug)
