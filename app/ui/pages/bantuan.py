"""The help page (Bantuan): the user guide; its widget lives in app.ui.help_page.

Only this small spec is imported when the window starts; the guide loads the
first time the page is opened. Every role may read it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.help_page import HelpPage

    return HelpPage(context)


PAGE = PageSpec(
    key="bantuan",
    order=95,
    title=lambda: QCoreApplication.translate("Pages", "Help"),
    factory=_open,
)
