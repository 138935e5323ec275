"""The login screen, also shown when the program locks itself after idle time.

Its "Restore from backup..." button opens ``app.ui.restore.RestoreDialog``,
which asks for an administrator's name and password before anything changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import User, UserService
from app.core.errors import KnownError
from app.ui.i18n import error_text
from app.ui.widgets import ErrorLabel, password_edit

# Qt.AlignmentFlag.AlignCenter and Qt.ItemDataRole.UserRole + 1 without naming Qt:
# that would build all its ~90 enums (~30 ms) before the login screen is shown.
CENTRE = "AlignCenter"
USER_ID_ROLE = 0x0101


class LoginScreen(QWidget):
    """Pick your name, type your password, press Enter."""

    logged_in = Signal(object)  # User

    def __init__(
        self,
        users: Callable[[], UserService],
        library_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._users = users
        self.setObjectName("loginScreen")

        card = QFrame(self)
        card.setObjectName("loginCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)

        self.title = QLabel(library_name)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setProperty("alignment", CENTRE)
        self.subtitle = QLabel(self.tr("Log in to continue"))
        self.subtitle.setProperty("alignment", CENTRE)
        self.locked_note = QLabel(
            self.tr("The program was locked because nobody used it for a while. Your work is kept.")
        )
        self.locked_note.setWordWrap(True)
        self.locked_note.setProperty("alignment", CENTRE)
        self.locked_note.hide()

        self.user_box = QComboBox()
        self.user_box.setObjectName("userBox")
        self.password = password_edit("password")
        self.password.returnPressed.connect(self.on_login_clicked)
        self.error = ErrorLabel("loginError")
        self.login_button = QPushButton(self.tr("&Log in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.on_login_clicked)
        self.restore_button = QPushButton(self.tr("&Restore from backup..."))
        self.restore_button.setObjectName("restoreFromBackup")
        self.restore_button.setFlat(True)
        self.restore_button.setToolTip(
            self.tr(
                "Bring back the data from a backup file. An administrator's password is needed."
            )
        )
        self.restore_button.clicked.connect(self.on_restore_clicked)

        form = QFormLayout()
        user_label = QLabel(self.tr("&Name"))
        user_label.setBuddy(self.user_box)
        password_label = QLabel(self.tr("&Password"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.user_box)
        form.addRow(password_label, self.password)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addWidget(self.locked_note)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.login_button)
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        inner.addLayout(restore_row)

        middle = QHBoxLayout()  # the card centred across, at its preferred width
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.reload_users()

    def reload_users(self, select: User | None = None) -> None:
        current = select.id if select else self.user_box.currentData()
        self.user_box.clear()
        for user in self._users().list_users():
            self.user_box.addItem(f"{user.full_name} ({user.username})", user.username)
            self.user_box.setItemData(self.user_box.count() - 1, user.id, USER_ID_ROLE)
            if user.id == current or user.username == current:
                self.user_box.setCurrentIndex(self.user_box.count() - 1)

    def set_library_name(self, name: str) -> None:
        self.title.setText(name)

    def show_locked(self, user: User | None) -> None:
        """Shown by the idle lock: the last user pre-selected, the note visible."""
        self.locked_note.show()
        self.reload_users(select=user)
        self.password.clear()
        self.error.hide()
        self.password.setFocus()

    def show_fresh(self) -> None:
        self.locked_note.hide()
        self.password.clear()
        self.error.hide()
        self.password.setFocus()

    def on_login_clicked(self) -> None:
        username = self.user_box.currentData()
        if not username:
            return
        try:
            user = self._users().login(username, self.password.text())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password.clear()
        self.error.hide()
        self.logged_in.emit(user)

    def on_restore_clicked(self) -> None:
        from app.ui.restore import open_restore_dialog  # loaded when needed, not at start-up

        username = self.user_box.currentData()
        open_restore_dialog(self, username if isinstance(username, str) else "")
