"""The search results table: one row per member found (SearchHit), nothing fetched lazily.

A search returns at most a page of hits (``SEARCH_LIMIT``), so the model holds them all.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.members import SearchHit
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import tr
from app.ui.members.format import format_short_date
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole

HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Number"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Name"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Village"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Phone"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Valid until"),
)

STATUS_ACTIVE = QT_TRANSLATE_NOOP("PerpusDesa", "Active")
STATUS_INACTIVE = QT_TRANSLATE_NOOP("PerpusDesa", "Inactive")
STATUS_EXPIRED = QT_TRANSLATE_NOOP("PerpusDesa", "Expired")


def status_text(active: bool, expires_on: date | None, today: date) -> str:
    if not active:
        return tr(STATUS_INACTIVE)
    if expires_on is not None and expires_on < today:
        return tr(STATUS_EXPIRED)
    return tr(STATUS_ACTIVE)


class SearchModel(RowsModel):
    def __init__(self, today: date) -> None:
        super().__init__(HEADERS)
        self.today = today

    @property
    def hits(self) -> list[SearchHit]:
        return self.rows

    def set_hits(self, hits: list[SearchHit], today: date | None = None) -> None:
        if today is not None:
            self.today = today
        self.set_rows(hits)

    def hit(self, row: int) -> SearchHit:
        return self.hits[row]

    def row_of(self, member_id: str) -> int | None:
        for row, hit in enumerate(self.hits):
            if hit.id == member_id:
                return row
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == ID_ROLE:
            return hit.id
        usable = hit.active and not (hit.expires_on is not None and hit.expires_on < self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if usable else QColor("#8a1c1c")
        if role == Qt.ItemDataRole.ToolTipRole:
            return None if usable else status_text(hit.active, hit.expires_on, self.today)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 4:  # an inactive member's date does not matter
            return format_short_date(hit.expires_on) if hit.active else tr(STATUS_INACTIVE)
        values = (hit.member_no, hit.name, hit.village_name or "", hit.phone or "")
        return values[index.column()]
