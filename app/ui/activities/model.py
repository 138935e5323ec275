"""The month's activities as a table, and how an activity's codes read on screen.

Status colours are shared with the calendar: planned blue, held green,
cancelled grey (and struck through in the list).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.core.activities import KINDS, STATUSES, STRATEGIES, ActivityOptions, ActivityView
from app.core.clock import ZONES
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.members.format import code_label, format_short_date
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole

STATUS_COLOURS = {
    "rencana": QColor("#1f5fa8"),
    "terlaksana": QColor("#1e7b34"),
    "batal": QColor("#8a8a8a"),
}

HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Date"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Time"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Category"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Strategy"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Status"),
    QT_TRANSLATE_NOOP("PerpusDesa", "M"),
    QT_TRANSLATE_NOOP("PerpusDesa", "F"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Total"),
)
NUMBER_COLUMNS = (6, 7, 8)


def category_label(options: ActivityOptions, code: str) -> str:
    """The library's label of a category (a default label translated, its own as typed)."""
    return code_label(options.all_categories, code)


def status_label(code: str) -> str:
    return code_label(STATUSES, code)


def time_text(view: ActivityView, zone: str) -> str:
    """'09:00–12:00' in the library's time ('09:00' when no end is known)."""
    start = view.starts_at.astimezone(ZONES[zone])
    if view.ends_at is None:
        return f"{start:%H:%M}"
    end = view.ends_at.astimezone(ZONES[zone])
    return f"{start:%H:%M}–{end:%H:%M}"


class ActivityListModel(RowsModel):
    """One row per activity of the month, in time order."""

    def __init__(self, options: ActivityOptions) -> None:
        super().__init__(HEADERS)
        self.options = options

    @property
    def activities(self) -> list[ActivityView]:
        return self.rows

    def set_activities(
        self, activities: Sequence[ActivityView], options: ActivityOptions | None = None
    ) -> None:
        if options is not None:
            self.options = options
        self.set_rows(activities)

    def activity(self, row: int) -> ActivityView:
        return self.activities[row]

    def row_of(self, activity_id: str) -> int | None:
        return next((r for r, a in enumerate(self.activities) if a.id == activity_id), None)

    def text(self, view: ActivityView, column: int) -> str:
        if column == 0:
            return format_short_date(view.day)
        if column == 1:
            return time_text(view, self.options.time_zone)
        if column == 2:
            return view.title
        if column == 3:
            return category_label(self.options, view.category)
        if column == 4:
            return code_label(STRATEGIES, view.strategy)
        if column == 5:
            return status_label(view.status)
        if view.status != "terlaksana":
            return ""  # no headcount yet, or none that counts
        numbers = (view.participants_male, view.participants_female, view.participants_total)
        return str(numbers[column - 6])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.activities[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return view.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(view, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            return STATUS_COLOURS.get(view.status)
        if role == Qt.ItemDataRole.ForegroundRole and view.status == "batal":
            return STATUS_COLOURS["batal"]
        if role == Qt.ItemDataRole.FontRole and view.status == "batal" and column == 2:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def kind_label(code: str) -> str:
    return code_label(KINDS, code)
