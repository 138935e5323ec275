"""The main window: a sidebar of pages and the login screen. Wiring only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import ROLE_LABELS, User
from app.ui.context import AppContext
from app.ui.i18n import tr
from app.ui.pages import PageSpec, discover

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


class Workspace(QWidget):
    """Sidebar + pages + a header with who is logged in."""

    lock_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.specs = discover()
        self.pages: dict[str, QWidget] = {}
        self.keys: list[str] = []  # the page key of each sidebar row

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.setIconSize(QSize(20, 20))
        # Large, well-spaced entries: easy to hit on an old screen, easy to read.
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { font-size: 12pt; }"
            " QListWidget#sidebar::item { padding: 8px 6px; }"
        )
        self.sidebar.currentRowChanged.connect(self.on_sidebar_current_changed)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        self.library_label = QLabel()
        self.library_label.setObjectName("libraryName")
        self.library_label.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.user_label = QLabel()
        self.user_label.setObjectName("userName")
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(
            self.tr("Lock the program (Ctrl+L) so that the next person logs in")
        )
        self.lock_button.clicked.connect(self.lock_requested)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock_requested.emit)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            self,
            self.on_help_shortcut_activated,
        )

        header = QHBoxLayout()
        header.addWidget(self.library_label, 1)
        header.addWidget(self.user_label)
        header.addWidget(self.lock_button)

        body = QHBoxLayout()
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        context.signals.user_changed.connect(self.on_user_changed)
        context.signals.profile_changed.connect(self.on_profile_changed)
        self.on_user_changed(context.user)

    def on_profile_changed(self, _profile: object) -> None:
        self.refresh_header()

    def refresh_header(self) -> None:
        self.library_label.setText(self.context.profile.name)
        user = self.context.user
        self.user_label.setText(
            self.tr("{name} · {role}").format(name=user.full_name, role=tr(ROLE_LABELS[user.role]))
        )

    def visible_specs(self) -> list[PageSpec]:
        return [s for s in self.specs if s.permission is None or self.context.can(s.permission)]

    def on_user_changed(self, _user: User) -> None:
        """Rebuild the sidebar for the user's role; pages already open keep their work."""
        self.refresh_header()
        current = self.current_key()
        specs = self.visible_specs()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self.sidebar.addItems([spec.title() for spec in specs])
        self.keys = [spec.key for spec in specs]
        self.sidebar.blockSignals(False)
        self.open_page(current if current in self.keys else self.keys[0])

    def current_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def page_keys(self) -> list[str]:
        return list(self.keys)

    def on_help_shortcut_activated(self) -> None:
        if "bantuan" in self.keys:
            self.open_page("bantuan")

    def open_page(self, key: str) -> QWidget:
        if key in self.keys:
            self.sidebar.setCurrentRow(self.keys.index(key))
        return self._page(key)

    def _page(self, key: str) -> QWidget:
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.factory(self.context)
            widget.setObjectName(f"page_{key}")
            self.pages[key] = widget
            self.stack.addWidget(widget)
        widget = self.pages[key]
        self.stack.setCurrentWidget(widget)
        return widget

    def on_sidebar_current_changed(self, row: int) -> None:
        if 0 <= row < len(self.keys):
            self._page(self.keys[row])


class MainWindow(QMainWindow):
    """Holds the login screen and the workspace; the workspace survives a lock."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("PerpusDesa"))
        self.resize(1100, 720)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.workspace: Workspace | None = None
        # The program's Controller (app.ui.restore.restore_host finds it here). An
        # attribute, not a Qt property: setProperty would build QByteArray's enums.
        self.restore_host: object | None = None

    def show_widget(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def set_workspace(self, workspace: Workspace) -> None:
        if self.workspace is not None and self.workspace is not workspace:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
        self.workspace = workspace
        self.show_widget(workspace)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        super().closeEvent(event)
