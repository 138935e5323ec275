"""The sync page (Sinkronisasi); its widget lives in app.ui.sync_page.

Only this small spec is imported when the window starts; the page, the sync
client and its network libraries load the first time the page is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.auth import Permission
from app.ui.context import AppContext
from app.ui.pages import PageSpec


def _open(context: AppContext) -> QWidget:
    from app.ui.sync_page import SyncPage

    return SyncPage(context)


PAGE = PageSpec(
    key="sinkronisasi",
    order=75,
    title=lambda: QCoreApplication.translate("Pages", "Sync"),
    factory=_open,
    # Everyone who records may send; enrolling the PC needs Permission.SYNC (the page checks).
    permission=Permission.RECORD,
)
