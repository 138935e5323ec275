"""The success stories page (Kisah Sukses); its widget lives in app.ui.stories.page.

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
    from app.ui.stories.page import StoriesPage

    return StoriesPage(context)


PAGE = PageSpec(
    key="kisah",
    order=65,
    title=lambda: QCoreApplication.translate("Pages", "Success stories"),
    factory=_open,
    permission=Permission.RECORD,
)
