"""The catalogue's tables: titles found by a search, and the copies of one title.

A search returns at most a page of hits (``SEARCH_LIMIT``) and a title has at
most a few dozen copies, so both models hold all their rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.catalog import ItemView, SearchHit
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.catalog.format import CONDITION_LABELS, SOURCE_LABELS, STATUS_LABELS, label
from app.ui.members.format import format_short_date
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MUTED = QColor("#8a1c1c")

TITLE_HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Authors"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Year"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Class (DDC)"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Available"),
)
ITEM_HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Barcode"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Call number"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Acquired"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Source"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Condition"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Status"),
)


class TitleModel(RowsModel):
    """Titles found: title, authors, year, DDC class, copies available of all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(TITLE_HEADERS, parent)

    @property
    def hits(self) -> list[SearchHit]:
        return self.rows

    def hit(self, row: int) -> SearchHit:
        return self.hits[row]

    def row_of(self, title_id: str) -> int | None:
        for row, hit in enumerate(self.hits):
            if hit.id == title_id:
                return row
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 4):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and hit.available == 0:
            return _MUTED
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return hit.title
        if column == 1:
            return hit.authors
        if column == 2:
            return "" if hit.year is None else str(hit.year)
        if column == 3:
            return hit.ddc or ""
        return f"{hit.available} / {hit.copies}"


class ItemModel(RowsModel):
    """The copies of one title: barcode, call number, acquired, source, condition, status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ITEM_HEADERS, parent)

    @property
    def items(self) -> list[ItemView]:
        return self.rows

    def item(self, row: int) -> ItemView:
        return self.items[row]

    def row_of(self, item_id: str) -> int | None:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and item.status != "tersedia":
            return _MUTED
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            item.barcode,
            item.call_number or "",
            format_short_date(item.acquired_on),
            label(SOURCE_LABELS, item.source),
            label(CONDITION_LABELS, item.condition),
            label(STATUS_LABELS, "dipinjam" if item.on_loan else item.status),
        )
        return values[column]
