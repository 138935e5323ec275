"""Pengguna: the administrator manages who may use the program."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import ROLE_LABELS, Role, User, UserService, check_repeat
from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.i18n import error_text, tr
from app.ui.table_model import RowsModel
from app.ui.widgets import ErrorLabel, password_edit

_Index = QModelIndex | QPersistentModelIndex


STATUS_LABELS = {
    True: QT_TRANSLATE_NOOP("PerpusDesa", "Active"),
    False: QT_TRANSLATE_NOOP("PerpusDesa", "Inactive"),
}


class UsersModel(RowsModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Full name"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Username"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Role"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Status"),
    )

    def __init__(self, service: UserService) -> None:
        super().__init__(self.HEADERS)
        self.service = service
        self.reload()

    @property
    def users(self) -> list[User]:
        return self.rows

    def reload(self) -> None:
        self.set_rows(self.service.list_users(include_inactive=True))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.users[index.row()]
        column = index.column()
        if column == 0:
            return user.full_name
        if column == 1:
            return user.username
        if column == 2:
            return tr(ROLE_LABELS[user.role])
        return tr(STATUS_LABELS[user.active])


def _finish_layout(
    dialog: QDialog, form: QFormLayout, error: QLabel, on_save: Callable[[], None]
) -> None:
    """Form, error line and Save/Cancel (labels in Indonesian) under one another."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = QCoreApplication.translate("UserDialog", "&Save")
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save)
    cancel = QCoreApplication.translate("UserDialog", "Cancel")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)


class UserDialog(QDialog):
    """Add a user (with a password) or change one (name, role, active)."""

    def __init__(
        self, service: UserService, actor: User, user: User | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.actor = actor
        self.user = user
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Change user"))
        self.setMinimumWidth(420)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.full_name.setObjectName("full_name")
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("username")
        self.username.setReadOnly(user is not None)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(tr(ROLE_LABELS[role]), role.value)
        self.role.setCurrentIndex(self.role.findData((user.role if user else Role.RELAWAN).value))
        self.active = QCheckBox(self.tr("Account is active"))
        self.active.setObjectName("active")
        self.active.setChecked(user.active if user else True)
        self.password = password_edit("password")
        self.repeat = password_edit("password_repeat")
        self.error = ErrorLabel("dialogError")

        form = QFormLayout()
        form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Role"), self.role)
        if user is None:
            form.addRow(self.tr("&Password"), self.password)
            form.addRow(self.tr("R&epeat password"), self.repeat)
        else:
            form.addRow("", self.active)
        _finish_layout(self, form, self.error, self.on_save_clicked)

    def on_save_clicked(self) -> None:
        try:
            if self.user is None:
                check_repeat(self.password.text(), self.repeat.text())
                self.service.create_user(
                    self.actor,
                    self.username.text(),
                    self.full_name.text(),
                    self.role.currentData(),
                    self.password.text(),
                )
            else:
                self.service.update_user(
                    self.actor,
                    self.user.id,
                    full_name=self.full_name.text(),
                    role=self.role.currentData(),
                    active=self.active.isChecked(),
                )
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.accept()


class PasswordDialog(QDialog):
    def __init__(self, service: UserService, actor: User, user: User, parent: QWidget) -> None:
        super().__init__(parent)
        self.service = service
        self.actor = actor
        self.user = user
        self.setWindowTitle(self.tr("New password for {name}").format(name=user.full_name))
        self.password = password_edit("password")
        self.repeat = password_edit("password_repeat")
        self.error = ErrorLabel("dialogError")
        form = QFormLayout()
        form.addRow(self.tr("&New password"), self.password)
        form.addRow(self.tr("R&epeat password"), self.repeat)
        _finish_layout(self, form, self.error, self.on_save_clicked)

    def on_save_clicked(self) -> None:
        try:
            check_repeat(self.password.text(), self.repeat.text())
            self.service.set_password(self.actor, self.user.id, self.password.text())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.accept()


class UsersPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.service = UserService(context.conn)
        self.model = UsersModel(self.service)
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.on_edit_clicked())
        heading = QLabel(self.tr("Users of this PC"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        note = QLabel(
            self.tr(
                "Administrators can do everything. Managers do all daily work and reports. "
                "Volunteers record visits, loans and activities, and cannot delete or change settings."
            )
        )
        note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add user"))
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.on_add_clicked)
        self.edit_button = QPushButton(self.tr("&Change"))
        self.edit_button.setObjectName("editUser")
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.password_button = QPushButton(self.tr("Set &password"))
        self.password_button.setObjectName("setPassword")
        self.password_button.clicked.connect(self.on_password_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.users[rows[0].row()] if rows else None

    def on_add_clicked(self) -> None:
        dialog = UserDialog(self.service, self.context.user, None, self)
        dialog.accepted.connect(self.model.reload)
        dialog.open()

    def on_edit_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = UserDialog(self.service, self.context.user, user, self)
        dialog.accepted.connect(self.model.reload)
        dialog.open()

    def on_password_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        PasswordDialog(self.service, self.context.user, user, self).open()
