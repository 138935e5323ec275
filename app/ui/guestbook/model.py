"""The day's visits as a table: time, kind, who, gender, age, people, purposes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.core.codes import AgeBand, Code
from app.core.text import QT_TRANSLATE_NOOP
from app.core.visits import VisitRow
from app.ui.i18n import tr
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    "member": QT_TRANSLATE_NOOP("PerpusDesa", "Member"),
    "guest": QT_TRANSLATE_NOOP("PerpusDesa", "Guest"),
    "group": QT_TRANSLATE_NOOP("PerpusDesa", "Group"),
}


def short_label(label: str) -> str:
    """'Anak (0–12)' -> 'Anak': a band's name without its ages, for narrow cells."""
    return label.split(" (", 1)[0]


class VisitsModel(RowsModel):
    """Rows of one day, newest first; ``VisitRow`` under ``Qt.UserRole``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Time"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Kind"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Name or group"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Gender"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Age group"),
        QT_TRANSLATE_NOOP("PerpusDesa", "People"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Purposes"),
    )
    PEOPLE_COLUMN = 5

    def __init__(self, zone: tzinfo) -> None:
        super().__init__(self.HEADERS)
        self.zone = zone
        self.purpose_labels: dict[str, str] = {}
        self.band_labels: dict[str, str] = {}

    def set_lists(self, purposes: Sequence[Code], bands: Sequence[AgeBand]) -> None:
        self.purpose_labels = {p.code: p.label for p in purposes}
        self.band_labels = {b.code: b.label for b in bands}

    def row_at(self, row: int) -> VisitRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        visit = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column)
        if role == Qt.ItemDataRole.UserRole:
            return visit
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 6):
            tip = self._text(visit, column)
            return f"{tip}\n{visit.notes}" if visit.notes else tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, self.PEOPLE_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, visit: VisitRow, column: int) -> str:
        if column == 0:
            return visit.visited_at.astimezone(self.zone).strftime("%H:%M")
        if column == 1:
            return tr(KIND_LABELS.get(visit.kind, visit.kind))
        if column == 2:
            return visit.display_name or "—"
        if column == 3:
            if visit.kind == "group":
                return f"{visit.count_male} L · {visit.count_female} P"
            return visit.gender or "—"
        if column == 4:
            return self._ages(visit.age_counts) or "—"
        if column == self.PEOPLE_COLUMN:
            return str(visit.people)
        return ", ".join(self._purpose(code) for code in visit.purposes)

    def _purpose(self, code: str) -> str:
        return tr(self.purpose_labels[code]) if code in self.purpose_labels else code

    def _ages(self, counts: Mapping[str, int]) -> str:
        def label(code: str) -> str:
            return short_label(tr(self.band_labels[code])) if code in self.band_labels else code

        if len(counts) == 1 and sum(counts.values()) == 1:
            return label(next(iter(counts)))
        return ", ".join(f"{label(code)} {n}" for code, n in counts.items())
