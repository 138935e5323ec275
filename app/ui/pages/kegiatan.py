"""The activities page (Kegiatan); its widget lives in app.ui.activities.page.

Only this small spec is imported when the window starts; the page, its form
and the activity service load the first time the page is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.activities.page import ActivitiesPage

    return ActivitiesPage(context)


PAGE = PageSpec(
    key="kegiatan",
    order=50,
    title=lambda: QCoreApplication.translate("Pages", "Activities"),
    factory=_open,
    permission=Permission.RECORD,
)
