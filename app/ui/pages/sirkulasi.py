"""The circulation page (Sirkulasi); its widget lives in app.ui.circulation.page.

Only this small spec is imported when the window starts; the page and the
services behind it load the first time the page is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.circulation.page import CirculationPage

    return CirculationPage(context)


PAGE = PageSpec(
    key="sirkulasi",
    order=35,
    title=lambda: QCoreApplication.translate("Pages", "Circulation"),
    factory=_open,
    permission=Permission.RECORD,
)
