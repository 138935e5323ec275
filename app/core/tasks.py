"""What a long job sees of its progress and cancellation (Qt-free).

The UI's background-task helper (``app.ui.tasks``) hands a :class:`Progress`
to the job; the job reports with :meth:`Progress.update` and calls
:meth:`Progress.check` at safe points, which raises :class:`Cancelled` once the
user pressed Cancel. Command-line callers pass their own ``Progress``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP


class Cancelled(KnownError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("PerpusDesa", "Cancelled."))


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        if self._report is not None:
            self._report(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
