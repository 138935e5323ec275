"""Loan history: every loan of a member (by member number) or of a copy (by barcode).

Type or scan the code and press Enter; the list shows all loans, returned or
not, newest first for a copy and open ones first for a member.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.catalog import CatalogService
from app.core.circulation import CirculationService
from app.core.members import MemberService
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.circulation.models import HistoryModel
from app.ui.i18n import tr
from app.ui.widgets import ErrorLabel

UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "PerpusDesa", "No member and no item in the catalogue has the code {code}."
)


class HistoryView(QWidget):
    """A look-up box over a table of loans."""

    def __init__(
        self,
        circulation: Callable[[], CirculationService],
        members: Callable[[], MemberService],
        catalog: Callable[[], CatalogService],
        zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.circulation = circulation
        self.members = members
        self.catalog = catalog
        self.shown_code: str | None = None

        self.box = QLineEdit()
        self.box.setObjectName("historyBox")
        self.box.setPlaceholderText(self.tr("Member number or barcode of a copy, then Enter"))
        self.box.setClearButtonEnabled(True)
        label = QLabel(self.tr("Member or &copy:"))
        label.setBuddy(self.box)
        self.show_button = QPushButton(self.tr("Sho&w"))
        self.show_button.setObjectName("showHistory")
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.error = ErrorLabel("historyError")
        self.model = HistoryModel(zone)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.box, 1)
        row.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self.box.returnPressed.connect(self.on_show_clicked)
        self.show_button.clicked.connect(self.on_show_clicked)
        self.box.textEdited.connect(self.error.hide)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def on_show_clicked(self) -> None:
        self.show_code(self.box.text())

    def show_code(self, code: str) -> bool:
        """Show the loans of the member or copy with ``code``; False (and a message) if none."""
        code = code.strip()
        self.box.setText(code)
        self.error.hide()
        if not code:
            return False
        member = self.members().get_by_no(code)
        if member is not None:
            loans = self.circulation().loans_of(member.id)
            self.summary.setText(
                self.tr("Loans of {name} ({number}): {count}").format(
                    name=member.name, number=member.member_no, count=len(loans)
                )
            )
        else:
            item = self.catalog().item_by_barcode(code)
            if item is None:
                self.shown_code = None
                self.model.set_rows([])
                self.summary.clear()
                self.error.show_message(tr(UNKNOWN_CODE).format(code=code))
                self.box.selectAll()
                return False
            loans = self.circulation().history_of_item(item.id)
            self.summary.setText(
                self.tr("Loans of the copy {barcode}, {title}: {count}").format(
                    barcode=item.barcode, title=item.title, count=len(loans)
                )
            )
        self.shown_code = code
        self.model.set_rows(loans)
        self.box.selectAll()
        return True

    def refresh(self) -> None:
        if self.shown_code is not None:
            self.show_code(self.shown_code)
