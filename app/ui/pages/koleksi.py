"""The catalogue page (Koleksi); its widget lives in app.ui.catalog.page.

Only this small spec is imported when the window starts; the page and the
catalogue services behind it load the first time the page is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.catalog.page import CatalogPage

    return CatalogPage(context)


PAGE = PageSpec(
    key="koleksi",
    order=30,
    title=lambda: QCoreApplication.translate("Pages", "Collection"),
    factory=_open,
    permission=Permission.RECORD,
)
