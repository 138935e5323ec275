"""Small widgets every form uses, so that they look and behave the same."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


class ErrorLabel(QLabel):
    """A red line under a form that says what is wrong; hidden until then."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()


def password_edit(object_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
