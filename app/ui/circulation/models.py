"""The circulation tables: a member's open loans, a loan history, and the desk's session log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core.circulation import LoanView
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import tr
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

LATE_BACKGROUND = QColor("#fde2e1")
LATE_FOREGROUND = QColor("#8a1c1c")
LOG_COLORS = {"lent": QColor("#0d47a1"), "returned": QColor("#1b5e20")}


def day_text(day: date | None, pattern: str = "d MMM yyyy") -> str:
    """A date in the user's language ('20 Nov 2026'; '20 Nov 2026' in Indonesian too)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def days_late_text(days: int) -> str:
    if days <= 0:
        return ""
    return tr(QT_TRANSLATE_NOOP("PerpusDesa", "{days} days late")).format(days=days)


def rupiah(amount: int) -> str:
    """'Rp 1.500' (Indonesian thousands separator whatever the language)."""
    return "Rp " + f"{amount:,}".replace(",", ".")


class OpenLoansModel(RowsModel):
    """A member's loans still out: title, barcode, due date, days late (late rows in red)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Barcode"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Due"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Late"),
    )

    def __init__(self) -> None:
        super().__init__(self.HEADERS)
        self.today = date.today()

    def set_loans(self, loans: list[LoanView], today: date) -> None:
        self.today = today
        self.set_rows(loans)

    def loan_at(self, row: int) -> LoanView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def days_late(self, loan: LoanView) -> int:
        return max(0, (self.today - loan.due_on).days)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        loan: LoanView = self.rows[index.row()]
        column = index.column()
        late = self.days_late(loan)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return loan.title
            if column == 1:
                return loan.barcode
            if column == 2:
                return day_text(loan.due_on)
            return days_late_text(late)
        if role == Qt.ItemDataRole.UserRole:
            return loan
        if role == Qt.ItemDataRole.BackgroundRole and late:
            return QBrush(LATE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(LATE_FOREGROUND)
        return None


class HistoryModel(RowsModel):
    """Loans of a member or of a copy, open ones first: every loan, returned or not."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Barcode"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Member"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Lent on"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Due"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Returned on"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Fine"),
    )

    def __init__(self, zone: tzinfo) -> None:
        super().__init__(self.HEADERS)
        self.zone = zone

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        loan: LoanView = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(loan, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return loan
        return None

    def _local_day(self, moment: datetime | None) -> date | None:
        return None if moment is None else moment.astimezone(self.zone).date()

    def _text(self, loan: LoanView, column: int) -> str:
        if column == 0:
            return loan.title
        if column == 1:
            return loan.barcode
        if column == 2:
            return f"{loan.member_name} ({loan.member_no})"
        if column == 3:
            return day_text(self._local_day(loan.loaned_at))
        if column == 4:
            return day_text(loan.due_on)
        if column == 5:
            if loan.returned_at is None:
                return tr(QT_TRANSLATE_NOOP("PerpusDesa", "still on loan"))
            return day_text(self._local_day(loan.returned_at))
        return rupiah(loan.fine) if loan.fine else ""


@dataclass(frozen=True)
class LogLine:
    time: str  # HH:MM, the library's time
    text: str
    kind: str  # lent, returned or renewed


class SessionLogModel(RowsModel):
    """What this desk did since the page opened, newest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Time"),
        QT_TRANSLATE_NOOP("PerpusDesa", "What happened"),
    )

    def __init__(self) -> None:
        super().__init__(self.HEADERS)

    def add(self, line: LogLine) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, line)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: LogLine = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return line.time if index.column() == 0 else line.text
        if role == Qt.ItemDataRole.ForegroundRole and line.kind in LOG_COLORS:
            return QBrush(LOG_COLORS[line.kind])
        return None
