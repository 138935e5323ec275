"""The copy form: add a copy (an item) to a title, or change one.

A new copy's barcode is given by the program when the field is left empty (the
next number is shown in the field); a pre-printed label can be scanned or typed
instead. The call number is proposed from the title's class, first author and
title. A copy on loan keeps the status "on loan": it changes only when the copy
is taken back at the circulation desk (the catalogue service refuses anything
else), so the status list is locked for it, and "on loan" is never offered for
a copy on the shelf.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.catalog import (
    CONDITIONS,
    SOURCES,
    STATUSES,
    CatalogService,
    ItemInput,
    ItemView,
    TitleView,
    call_number,
)
from app.core.errors import KnownError, ValidationError
from app.ui.catalog.format import CONDITION_LABELS, SOURCE_LABELS, STATUS_LABELS, label
from app.ui.catalog.title_form import grow_to_fit
from app.ui.i18n import error_text
from app.ui.widgets import ErrorLabel

NO_DATE = QDate(1900, 1, 1)  # the date edit's "empty" value, shown as "not known"


def to_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


class ItemDialog(QDialog):
    """Add a copy of ``title`` (``item`` None) or change ``item``."""

    saved = Signal(object)  # ItemView

    def __init__(
        self,
        service: CatalogService,
        title: TitleView,
        item: ItemView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.title = title
        self.item = item
        self.setObjectName("itemDialog")
        self.setMinimumWidth(460)
        if item is None:
            self.setWindowTitle(self.tr("Add a copy of {title}").format(title=title.title))
        else:
            self.setWindowTitle(self.tr("Change the copy {barcode}").format(barcode=item.barcode))
        today = service.today()

        self.heading = QLabel(title.title)
        self.heading.setObjectName("itemTitle")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.barcode = QLineEdit()
        self.barcode.setObjectName("barcode")
        self.call_number = QLineEdit()
        self.call_number.setObjectName("call_number")
        self.acquired_on = QDateEdit()
        self.acquired_on.setObjectName("acquired_on")
        self.acquired_on.setDisplayFormat("dd/MM/yyyy")
        self.acquired_on.setCalendarPopup(True)
        self.acquired_on.setMinimumDate(NO_DATE)
        self.acquired_on.setMaximumDate(to_qdate(today))
        self.acquired_on.setSpecialValueText(self.tr("not known"))
        self.source = self._box("source", SOURCES, SOURCE_LABELS)
        self.condition = self._box("condition", CONDITIONS, CONDITION_LABELS)
        on_loan = item is not None and item.on_loan
        statuses = ("dipinjam",) if on_loan else tuple(s for s in STATUSES if s != "dipinjam")
        self.status = self._box("status", statuses, STATUS_LABELS)
        self.status_note = QLabel(
            self.tr(
                "This copy is on loan: its status changes when it is taken back at the"
                " circulation desk."
            )
        )
        self.status_note.setObjectName("statusNote")
        self.status_note.setWordWrap(True)
        self.status_note.setVisible(on_loan)
        self.status.setEnabled(not on_loan)
        self.error = ErrorLabel("itemError")

        if item is None:
            self.barcode.setPlaceholderText(
                self.tr("Given by the program: {barcode}").format(barcode=service.next_barcode())
            )
            self.call_number.setText(call_number(title.ddc, title.authors, title.title))
            self.acquired_on.setDate(to_qdate(today))
        else:
            self.barcode.setText(item.barcode)
            self.call_number.setText(item.call_number or "")
            self.acquired_on.setDate(to_qdate(item.acquired_on))
            for box, value in (
                (self.source, item.source),
                (self.condition, item.condition),
                (self.status, "dipinjam" if on_loan else item.status),
            ):
                if box.findData(value) < 0:
                    box.addItem(value, value)
                box.setCurrentIndex(box.findData(value))

        form = QFormLayout()
        form.addRow(self.tr("&Barcode"), self.barcode)
        form.addRow(self.tr("&Call number"), self.call_number)
        form.addRow(self.tr("&Acquired on"), self.acquired_on)
        form.addRow(self.tr("S&ource"), self.source)
        form.addRow(self.tr("Co&ndition"), self.condition)
        form.addRow(self.tr("S&tatus"), self.status)
        form.addRow("", self.status_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.barcode.setFocus()

    def _box(self, name: str, codes: tuple[str, ...], labels: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for code in codes:
            box.addItem(label(labels, code), code)
        return box

    def data(self) -> ItemInput:
        return ItemInput(
            barcode=self.barcode.text() or None,
            call_number=self.call_number.text() or None,
            acquired_on=to_date(self.acquired_on),
            source=self.source.currentData(),
            condition=self.condition.currentData(),
            status=self.status.currentData(),
        )

    def on_save_clicked(self) -> None:
        self.error.hide()
        try:
            if self.item is None:
                stored = self.service.add_item(self.title.id, self.data())
            else:
                stored = self.service.update_item(self.item.id, self.data())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            grow_to_fit(self)
            if isinstance(exc, ValidationError) and exc.field:
                target = self.findChild(QWidget, exc.field)
                if target is not None:
                    target.setFocus()
            return
        self.saved.emit(stored)
        self.accept()
