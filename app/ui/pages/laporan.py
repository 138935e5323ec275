"""The reports page (Laporan); its widget lives in app.ui.report_page.

Only this small spec is imported when the window starts; the page, the figures
and the printing code load the first time the page is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.report_page import ReportPage

    return ReportPage(context)


PAGE = PageSpec(
    key="laporan",
    order=70,
    title=lambda: QCoreApplication.translate("Pages", "Reports"),
    factory=_open,
    permission=Permission.RECORD,
)
