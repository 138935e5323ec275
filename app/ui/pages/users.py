"""The users page (Pengguna); its widget lives in app.ui.users_page.

Only this small spec is imported when the window starts; the page loads the
first time it is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.users_page import UsersPage

    return UsersPage(context)


PAGE = PageSpec(
    key="pengguna",
    order=90,
    title=lambda: QCoreApplication.translate("Pages", "Users"),
    factory=_open,
    permission=Permission.MANAGE_USERS,
)
