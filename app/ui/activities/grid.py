"""The participant grid: men and women by age band, with row, column and grand totals.

One spin box per cell (never below 0, so a negative headcount cannot be
typed); the totals follow every change at once. ``grid()`` gives the counts in
the form the activity service takes (``{"L": {band: n}, "P": {band: n}}``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from app.core import codes
from app.core.activities import GENDER_CODES, MAX_PEOPLE, grid_totals
from app.ui.i18n import tr


class ParticipantGrid(QWidget):
    """Headcounts by gender (rows) and age band (columns)."""

    changed = Signal()

    def __init__(self, bands: Sequence[codes.AgeBand], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participants")
        self.bands = tuple(bands)
        self.cells: dict[tuple[str, str], QSpinBox] = {}
        self.row_totals: dict[str, QLabel] = {}
        self.column_totals: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bold = "font-weight: bold;"
        for column, band in enumerate(self.bands, start=1):
            header = QLabel(tr(band.label))
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setWordWrap(True)
            layout.addWidget(header, 0, column)
        total_header = QLabel(self.tr("Total"))
        total_header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        total_header.setStyleSheet(bold)
        layout.addWidget(total_header, 0, len(self.bands) + 1)
        for row, gender in enumerate(codes.GENDERS, start=1):
            layout.addWidget(QLabel(tr(gender.label)), row, 0)
            for column, band in enumerate(self.bands, start=1):
                spin = QSpinBox()
                spin.setObjectName(f"participants_{gender.code}_{band.code}")
                spin.setRange(0, MAX_PEOPLE)
                spin.setAccessibleName(
                    self.tr("{gender}, {band}").format(gender=tr(gender.label), band=tr(band.label))
                )
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                spin.valueChanged.connect(self.on_cell_value_changed)
                self.cells[(gender.code, band.code)] = spin
                layout.addWidget(spin, row, column)
            total = QLabel("0")
            total.setObjectName(f"total_{gender.code}")
            total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.row_totals[gender.code] = total
            layout.addWidget(total, row, len(self.bands) + 1)
        footer_row = len(codes.GENDERS) + 1
        footer = QLabel(self.tr("Total"))
        footer.setStyleSheet(bold)
        layout.addWidget(footer, footer_row, 0)
        for column, band in enumerate(self.bands, start=1):
            total = QLabel("0")
            total.setObjectName(f"total_{band.code}")
            total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.column_totals[band.code] = total
            layout.addWidget(total, footer_row, column)
        self.grand_total = QLabel("0")
        self.grand_total.setObjectName("total_all")
        self.grand_total.setStyleSheet(bold)
        self.grand_total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.grand_total, footer_row, len(self.bands) + 1)
        for column in range(1, len(self.bands) + 2):
            layout.setColumnStretch(column, 1)

    def first_cell(self) -> QSpinBox:
        return self.cells[(GENDER_CODES[0], self.bands[0].code)]

    def grid(self) -> dict[str, dict[str, int]]:
        """The counts typed, zeros left out."""
        found: dict[str, dict[str, int]] = {}
        for (gender, band), spin in self.cells.items():
            if spin.value():
                found.setdefault(gender, {})[band] = spin.value()
        return found

    def set_grid(self, grid: Mapping[str, Mapping[str, int]]) -> None:
        for (gender, band), spin in self.cells.items():
            spin.blockSignals(True)
            spin.setValue(int(grid.get(gender, {}).get(band, 0)))
            spin.blockSignals(False)
        self.on_cell_value_changed()

    def total(self) -> int:
        return grid_totals(self.grid()).total

    def on_cell_value_changed(self, *_: object) -> None:
        totals = grid_totals(self.grid())
        self.row_totals["L"].setText(str(totals.male))
        self.row_totals["P"].setText(str(totals.female))
        for band, label in self.column_totals.items():
            label.setText(str(totals.by_age_band.get(band, 0)))
        self.grand_total.setText(str(totals.total))
        self.changed.emit()
