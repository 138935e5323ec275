"""The four tables of the partnerships page: partners, agreements, support received, regulations.

Each holds every record of its kind (a village library has tens, not
thousands), one row per record; ``record(row)`` gives the record back and
``row_of(id)`` finds it again after a refresh. The description of a record is
its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.partnerships import (
    KINDS,
    PARTNER_TYPES,
    REGULATION_TYPES,
    SUPPORT_TYPES,
    PartnershipView,
    PartnerView,
)
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import tr
from app.ui.members.format import code_label, format_short_date
from app.ui.partnerships.money import format_number, format_rupiah
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole

IN_FORCE = QT_TRANSLATE_NOOP("PerpusDesa", "In force")
ENDED = QT_TRANSLATE_NOOP("PerpusDesa", "Ended")
NOT_YET = QT_TRANSLATE_NOOP("PerpusDesa", "Not yet in force")
NO_END = QT_TRANSLATE_NOOP("PerpusDesa", "no end date")
SHORT_KINDS = {"mou": "MoU", "pks": "PKS"}  # the names every village office uses

_ENDED_COLOUR = "#6b6b6b"


class RecordsModel(RowsModel):
    """Records (with an ``id``) shown as the texts ``values`` makes; numbers right-aligned."""

    right_aligned: tuple[int, ...] = ()

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__(headers)

    def record(self, row: int) -> Any:
        return self.rows[row]

    def row_of(self, record_id: str) -> int | None:
        for row, record in enumerate(self.rows):
            if record.id == record_id:
                return row
        return None

    def values(self, record: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def tooltip(self, record: Any) -> str | None:
        """The whole title (a long one ends in "…" in its cell) and the description."""
        lines = [getattr(record, "title", ""), getattr(record, "description", "")]
        return "\n\n".join(line for line in lines if line) or None

    def foreground(self, record: Any) -> QColor | None:
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.values(record)[index.column()]
        if role == ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PartnersModel(RecordsModel):
    def __init__(self) -> None:
        super().__init__(
            (
                QT_TRANSLATE_NOOP("PerpusDesa", "Name"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Type"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Contact person"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Phone"),
            )
        )

    def values(self, record: PartnerView) -> tuple[str, ...]:
        return (
            record.name,
            code_label(PARTNER_TYPES, record.partner_type),
            record.contact_person or "",
            record.phone or "",
        )

    def tooltip(self, record: PartnerView) -> str | None:
        return record.address or None


def agreement_status(record: PartnershipView, today: date) -> str:
    if record.in_force(today):
        return tr(IN_FORCE)
    if record.start_on > today:
        return tr(NOT_YET)
    return tr(ENDED)


class AgreementsModel(RecordsModel):
    def __init__(self, today: date) -> None:
        super().__init__(
            (
                QT_TRANSLATE_NOOP("PerpusDesa", "Partner"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Kind"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Number"),
                QT_TRANSLATE_NOOP("PerpusDesa", "From"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Until"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Today"),
            )
        )
        self.today = today

    def values(self, record: PartnershipView) -> tuple[str, ...]:
        return (
            record.partner_name or "",
            SHORT_KINDS.get(record.kind) or code_label(KINDS, record.kind),
            record.title,
            record.number or "",
            format_short_date(record.start_on),
            format_short_date(record.end_on) if record.end_on else tr(NO_END),
            agreement_status(record, self.today),
        )

    def foreground(self, record: PartnershipView) -> QColor | None:
        return None if record.in_force(self.today) else QColor(_ENDED_COLOUR)


class SupportModel(RecordsModel):
    right_aligned = (4, 5)

    def __init__(self) -> None:
        super().__init__(
            (
                QT_TRANSLATE_NOOP("PerpusDesa", "Date"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Type"),
                QT_TRANSLATE_NOOP("PerpusDesa", "From"),
                QT_TRANSLATE_NOOP("PerpusDesa", "What"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Quantity"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Value"),
            )
        )

    def values(self, record: PartnershipView) -> tuple[str, ...]:
        return (
            format_short_date(record.start_on),
            code_label(SUPPORT_TYPES, record.support_type),
            record.partner_name or "",
            record.title,
            "" if record.quantity is None else format_number(record.quantity),
            "" if record.value_rupiah is None else format_rupiah(record.value_rupiah),
        )


class RegulationsModel(RecordsModel):
    def __init__(self) -> None:
        super().__init__(
            (
                QT_TRANSLATE_NOOP("PerpusDesa", "Type"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Number"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Date"),
                QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
            )
        )

    def values(self, record: PartnershipView) -> tuple[str, ...]:
        return (
            code_label(REGULATION_TYPES, record.regulation_type),
            record.number or "",
            format_short_date(record.start_on),
            record.title,
        )
