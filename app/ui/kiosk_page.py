"""Mode Mandiri: the page from which staff start the self check-in kiosk."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.auth import User
from app.ui.context import AppContext

if TYPE_CHECKING:
    from app.ui.kiosk import KioskWindow


class KioskStartPage(QWidget):
    """A short explanation and one big button; the kiosk covers the whole screen until unlocked."""

    kiosk_running = Signal(bool)

    def __init__(
        self,
        context: AppContext,
        kiosk_factory: Callable[[AppContext], KioskWindow] | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.kiosk_factory = kiosk_factory  # tests hand in a kiosk with short delays
        self.kiosk: KioskWindow | None = None
        self.host: QWidget | None = None  # the main window, hidden while the kiosk runs

        title = QLabel(self.tr("Self check-in"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.explanation = QLabel()
        self.explanation.setObjectName("kioskExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.leaving = QLabel(
            self.tr(
                "The self check-in fills the whole screen. To leave it, tap the small "
                "Staff button in the corner (or press Ctrl+Shift+Q) and type a staff password."
            )
        )
        self.leaving.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Start self check-in"))
        self.start_button.setObjectName("kioskStartButton")
        self.start_button.setMinimumHeight(64)
        self.start_button.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 8px 32px;")
        self.start_button.clicked.connect(self.on_start_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.leaving)
        layout.addSpacing(16)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        context.signals.user_changed.connect(self.on_user_changed)
        self.on_user_changed(context.user)

    def on_user_changed(self, user: User) -> None:
        self.explanation.setText(
            self.tr(
                "Visitors sign the guestbook themselves on this PC: members scan their card, "
                "guests tap who they are and why they came. The visits are recorded in your "
                "name ({name}), just like the ones typed at the desk."
            ).format(name=user.full_name)
        )

    def on_start_clicked(self) -> None:
        if self.kiosk is not None:
            return
        if self.kiosk_factory is not None:
            kiosk = self.kiosk_factory(self.context)
        else:
            from app.ui.kiosk import KioskWindow  # loaded when needed, not at program start

            kiosk = KioskWindow(self.context)
        kiosk.stopped.connect(self.on_kiosk_stopped)
        self.kiosk = kiosk
        self.host = self.window()
        self.announce(True)
        kiosk.start()
        self.host.hide()

    def on_kiosk_stopped(self, user: User) -> None:
        """Unlocked: the main window comes back, for whoever typed the password."""
        if self.host is not None:
            self.host.show()
            self.host.activateWindow()
        if user.id != self.context.user.id:
            self.context.set_user(user)  # never hand one person's session to another
        if self.kiosk is not None:
            self.kiosk.deleteLater()
        self.kiosk = None
        self.announce(False)

    def announce(self, running: bool) -> None:
        """Tell the program the kiosk runs, so that the idle lock pauses meanwhile."""
        self.kiosk_running.emit(running)
        self.context.signals.kiosk_running.emit(running)
