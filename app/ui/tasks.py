"""Long work off the GUI thread, in the spirit of Anki's ``QueryOp``.

    Task(self, lambda progress: import_file(path, progress), on_done)
        .on_failure(on_error)              # default: show_error
        .with_progress(self.tr("Importing..."))
        .run()

The job runs on a worker thread (database jobs on one single-thread pool so
writes never race; network jobs on another) and receives a
:class:`app.core.tasks.Progress`. Its result, or its exception, comes back on
the GUI thread through queued signals; the job itself must never touch a
widget. With ``with_progress`` a progress dialog appears if the job takes more
than a moment, and its Cancel button asks the job to stop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.tasks import Cancelled, Progress
from app.ui.errors import show_error

_POOLS: dict[str, QThreadPool] = {}
_RUNNING: set[Task] = set()


def pool(kind: str) -> QThreadPool:
    """One thread per kind of work: 'db' or 'net'."""
    if kind not in _POOLS:
        threads = QThreadPool()
        threads.setMaxThreadCount(1)
        _POOLS[kind] = threads
    return _POOLS[kind]


def wait_all(msecs: int = 30_000) -> bool:
    """Wait for running jobs (at shutdown); True if all finished."""
    return all(threads.waitForDone(msecs) for threads in _POOLS.values())


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        task = self.task
        try:
            result = task.op(task.progress)
        except BaseException as exc:  # everything goes back to the GUI thread
            task.failed_signal.emit(exc)
        else:
            task.succeeded_signal.emit(result)


class Task(QObject):
    succeeded_signal = Signal(object)
    failed_signal = Signal(object)
    progress_signal = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        op: Callable[[Progress], Any],
        on_success: Callable[[Any], None] | None = None,
        *,
        kind: str = "db",
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.op = op
        self.kind = kind
        self._on_success = on_success
        self._on_failure: Callable[[BaseException], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._progress_label: str | None = None
        self._cancellable = True
        self.progress = Progress(self.progress_signal.emit)
        self.succeeded_signal.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.failed_signal.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.progress_signal.connect(self._progressed, Qt.ConnectionType.QueuedConnection)

    def on_failure(self, callback: Callable[[BaseException], None]) -> Self:
        self._on_failure = callback
        return self

    def with_progress(self, label: str, *, cancellable: bool = True) -> Self:
        self._progress_label = label
        self._cancellable = cancellable
        return self

    def run(self) -> Self:
        if self._progress_label is not None:
            dialog = QProgressDialog(self.parent_widget)
            dialog.setLabelText(self._progress_label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setRange(0, 0)
            dialog.setValue(0)  # starts Qt's timer: without it the dialog waits ~4 s
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if self._cancellable:
                dialog.setCancelButtonText(self.tr("Cancel"))
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            self._dialog = dialog
        _RUNNING.add(self)
        pool(self.kind).start(_Runner(self))
        return self

    @Slot()
    def cancel(self) -> None:
        self.progress.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Stopping..."))

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))
        if text:
            self._dialog.setLabelText(text)

    def _finish(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _RUNNING.discard(self)
        self.finished.emit()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self._on_failure is not None:
            self._on_failure(exc)
        elif not isinstance(exc, Cancelled):
            show_error(self.parent_widget, exc)
