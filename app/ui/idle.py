"""Auto-lock: after a configurable idle time the program returns to the login screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


def _activity() -> frozenset[QEvent.Type]:
    """The events that count as someone at the PC.

    Made on the first event watched, not at import: naming ``QEvent`` builds its ~180
    types of event (~2 ms), which the start of the program can do without.
    """
    from PySide6.QtCore import QEvent

    return frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )


class IdleWatcher(QObject):
    """Notes the time of the last key or mouse event; emits ``idle`` when it is too old.

    The event filter does nothing but store a number, and a slow timer compares,
    so watching costs next to nothing on an old PC.
    """

    idle = Signal()

    def __init__(
        self,
        minutes: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        check_every_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.limit = minutes * 60.0
        self.last = clock()
        self.armed = False
        self.activity: frozenset[QEvent.Type] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(check_every_ms)
        self.timer.timeout.connect(self.check)

    def set_minutes(self, minutes: float) -> None:
        self.limit = minutes * 60.0

    def start(self) -> None:
        self.last = self.clock()
        self.armed = True
        self.timer.start()

    def stop(self) -> None:
        self.armed = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        activity = self.activity
        if activity is None:
            activity = self.activity = _activity()
        if event.type() in activity:
            self.last = self.clock()
        return False

    def check(self) -> None:
        if self.armed and self.clock() - self.last >= self.limit:
            self.stop()
            self.idle.emit()
