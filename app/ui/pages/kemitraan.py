"""The partnerships page (Kemitraan); its widget lives in app.ui.partnerships.page.

Everyone may look up partners, agreements, support and regulations; the page
itself shows the buttons that write only to a role that may change them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.partnerships.page import PartnershipsPage

    return PartnershipsPage(context)


PAGE = PageSpec(
    key="kemitraan",
    order=60,
    title=lambda: QCoreApplication.translate("Pages", "Partnerships"),
    factory=_open,
    permission=Permission.RECORD,
)
