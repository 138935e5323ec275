"""The settings page (Pengaturan); its widget lives in app.ui.settings.page.

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
    from app.ui.settings.page import SettingsPage

    return SettingsPage(context)


PAGE = PageSpec(
    key="pengaturan",
    order=80,
    title=lambda: QCoreApplication.translate("Pages", "Settings"),
    factory=_open,
    permission=Permission.SETTINGS,
)
