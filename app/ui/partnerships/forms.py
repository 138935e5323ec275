"""The partner form and the partnership form (an agreement, a support received or a regulation).

Each field has its own red line under it: when the service refuses what was
typed, its message appears under the field it names and that field gets the
focus; a message about no field in particular goes to the line above the
buttons. Nothing is written then. An amount in Rupiah may be typed as
"15.000.000" or "15000000"; it is shown again with the dots once the field is
left.
"""

from __future__ import annotations

from dataclasses import replace
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
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.codes import Code
from app.core.errors import KnownError, ValidationError
from app.core.partnerships import (
    AGREEMENT_KINDS,
    KINDS,
    MAX_QUANTITY,
    PARTNER_TYPES,
    REGULATION_TYPES,
    SUPPORT_TYPES,
    PartnerInput,
    PartnershipInput,
    PartnershipService,
    PartnershipView,
    PartnerView,
)
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import error_text, tr
from app.ui.partnerships.money import format_number, parse_rupiah
from app.ui.widgets import ErrorLabel

NO_DATE = QDate(1900, 1, 1)  # the date edits' "empty" value, shown as a blank
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "PerpusDesa", "Fill in the amount in Rupiah as a whole number, for example 15.000.000."
)

AGREEMENT = "agreement"  # the form of an MoU or a PKS (the kind is chosen in it)
SUPPORT = "dukungan"
REGULATION = "regulasi"


def to_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def date_edit(name: str, blank_text: str = "") -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank_text)
    edit.setDate(NO_DATE)
    return edit


def code_box(
    name: str, items: tuple[Code, ...], current: str | None, placeholder: str
) -> QComboBox:
    """A drop-down of translated labels carrying the codes; nothing chosen unless ``current``."""
    box = QComboBox()
    box.setObjectName(name)
    for item in items:
        box.addItem(tr(item.label), item.code)
    if current is not None and box.findData(current) < 0:
        box.addItem(current, current)  # a code this version no longer offers: kept as it is
    box.setPlaceholderText(placeholder)
    box.setCurrentIndex(box.findData(current) if current is not None else -1)
    return box


def line_edit(name: str, text: str | None = None) -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setObjectName(name)
    return edit


def text_edit(name: str, text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(60)
    return edit


class FieldForm(QDialog):
    """A dialog of labelled fields, each with a red line for its own message."""

    saved = Signal(str)  # the id of the record saved

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.error = ErrorLabel("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_field(self, label: str, field: str, widget: QWidget) -> None:
        """A row: ``label`` (its & key moves to ``widget``), the widget, its red line under it."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel(f"{field}Error")
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, cell)
        self.fields[field] = widget
        self.errors[field] = error

    def clear_errors(self) -> None:
        self.error.hide()
        for label in self.errors.values():
            label.hide()

    def show_refusal(self, exc: KnownError) -> None:
        """The message under the field it names (which gets the focus), else above the buttons."""
        self.clear_errors()
        field = exc.field if isinstance(exc, ValidationError) else None
        if field in self.errors and self.fields[field].isVisibleTo(self):
            self.errors[field].show_message(error_text(exc))
            self.fields[field].setFocus()
        else:
            self.error.show_message(error_text(exc))

    def on_save_clicked(self) -> None:
        try:
            saved_id = self.save()
        except KnownError as exc:
            self.show_refusal(exc)
            return
        self.saved.emit(saved_id)
        self.accept()

    def save(self) -> str:
        raise NotImplementedError


class PartnerDialog(FieldForm):
    """Add a partner (``partner`` None) or change one."""

    def __init__(
        self, service: PartnershipService, partner: PartnerView | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.partner = partner
        self.setObjectName("partnerDialog")
        self.setWindowTitle(
            self.tr("New partner")
            if partner is None
            else self.tr("Change partner {name}").format(name=partner.name)
        )
        self.name = line_edit("name", partner.name if partner else None)
        self.partner_type = code_box(
            "partner_type",
            PARTNER_TYPES,
            partner.partner_type if partner else None,
            self.tr("Choose…"),
        )
        self.contact_person = line_edit(
            "contact_person", partner.contact_person if partner else None
        )
        self.contact_person.setPlaceholderText(
            self.tr("optional, for example the head of the office")
        )
        self.phone = line_edit("phone", partner.phone if partner else None)
        self.phone.setPlaceholderText("081234567890")
        self.address = text_edit("address", partner.address if partner else "")
        self.add_field(self.tr("&Name"), "name", self.name)
        self.add_field(self.tr("&Type"), "partner_type", self.partner_type)
        self.add_field(self.tr("&Contact person"), "contact_person", self.contact_person)
        self.add_field(self.tr("&Phone"), "phone", self.phone)
        self.add_field(self.tr("A&ddress"), "address", self.address)
        self.name.setFocus()

    def data(self) -> PartnerInput:
        return PartnerInput(
            name=self.name.text(),
            partner_type=self.partner_type.currentData() or "",
            contact_person=self.contact_person.text() or None,
            phone=self.phone.text() or None,
            address=self.address.toPlainText(),
        )

    def save(self) -> str:
        if self.partner is None:
            return self.service.add_partner(self.data())
        self.service.update_partner(self.partner.id, self.data())
        return self.partner.id


class PartnershipDialog(FieldForm):
    """Record (``record`` None) or change an agreement, a support received or a regulation.

    ``form`` is AGREEMENT, SUPPORT or REGULATION. Fields a form does not show
    (an APBDes's end date written by an import, say) keep what the record had.
    """

    def __init__(
        self,
        service: PartnershipService,
        form: str,
        record: PartnershipView | None,
        today: date,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.form_kind = form
        self.record = record
        self.setObjectName("partnershipDialog")
        titles = {
            AGREEMENT: (self.tr("New agreement"), self.tr("Change agreement")),
            SUPPORT: (self.tr("Support received"), self.tr("Change support received")),
            REGULATION: (self.tr("New village regulation"), self.tr("Change village regulation")),
        }
        self.setWindowTitle(titles[form][0 if record is None else 1])

        self.title = line_edit("title", record.title if record else None)
        self.number = line_edit("number", record.number if record else None)
        self.number.setPlaceholderText(self.tr("optional"))
        self.start_on = date_edit("start_on")
        self.start_on.setDate(to_qdate(record.start_on if record else today))
        self.description = text_edit("description", record.description if record else "")
        self.partner = QComboBox()
        self.partner.setObjectName("partner_id")
        self.end_on = date_edit("end_on", self.tr("no end date"))
        self.support_type: QComboBox | None = None
        self.regulation_type: QComboBox | None = None
        self.value = line_edit("value_rupiah")
        self.quantity = QSpinBox()

        if form == AGREEMENT:
            self._agreement_fields(record)
        elif form == SUPPORT:
            self._support_fields(record)
        else:
            self._regulation_fields(record)
        self.add_field(self.tr("Descri&ption"), "description", self.description)
        next(iter(self.fields.values())).setFocus()

    # --- the fields of each form ------------------------------------------------------

    def _fill_partners(self, current: str | None, *, optional: bool) -> None:
        if optional:
            self.partner.addItem(self.tr("(none)"), None)
        else:
            self.partner.setPlaceholderText(self.tr("Choose…"))
        for partner in self.service.partners():
            self.partner.addItem(partner.name, partner.id)
        if current is not None and self.partner.findData(current) < 0:
            found = self.service.get_partner(current)
            self.partner.addItem(found.name if found else current, current)
        self.partner.setCurrentIndex(self.partner.findData(current) if current or optional else -1)

    def _agreement_fields(self, record: PartnershipView | None) -> None:
        self.kind = code_box(
            "kind",
            tuple(k for k in KINDS if k.code in AGREEMENT_KINDS),
            record.kind if record else "mou",
            self.tr("Choose…"),
        )
        self._fill_partners(record.partner_id if record else None, optional=False)
        self.title.setPlaceholderText(self.tr("What the partners agree to do together"))
        self.end_on.setDate(to_qdate(record.end_on if record else None))
        self.add_field(self.tr("&Kind"), "kind", self.kind)
        self.add_field(self.tr("&Partner"), "partner_id", self.partner)
        self.add_field(self.tr("&Title"), "title", self.title)
        self.add_field(self.tr("N&umber"), "number", self.number)
        self.add_field(self.tr("&From"), "start_on", self.start_on)
        self.add_field(self.tr("&Until"), "end_on", self.end_on)

    def _support_fields(self, record: PartnershipView | None) -> None:
        self.support_type = code_box(
            "support_type",
            SUPPORT_TYPES,
            record.support_type if record else None,
            self.tr("Choose…"),
        )
        self._fill_partners(record.partner_id if record else None, optional=True)
        self.title.setPlaceholderText(self.tr("For example: library budget in the APBDes 2026"))
        self.value.setPlaceholderText(self.tr("for example 15.000.000"))
        if record is not None and record.value_rupiah is not None:
            self.value.setText(format_number(record.value_rupiah))
        self.value.editingFinished.connect(self.on_value_editing_finished)
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(0, MAX_QUANTITY)
        self.quantity.setSpecialValueText(" ")  # 0: no quantity
        self.quantity.setGroupSeparatorShown(True)
        self.quantity.setValue((record.quantity or 0) if record is not None else 0)
        self.add_field(self.tr("&Type"), "support_type", self.support_type)
        self.add_field(self.tr("Received &on"), "start_on", self.start_on)
        self.add_field(self.tr("&From"), "partner_id", self.partner)
        self.add_field(self.tr("&What was received"), "title", self.title)
        self.add_field(self.tr("&Value (Rp)"), "value_rupiah", self.value)
        self.add_field(self.tr("&Quantity"), "quantity", self.quantity)
        self.add_field(self.tr("N&umber"), "number", self.number)

    def _regulation_fields(self, record: PartnershipView | None) -> None:
        self.regulation_type = code_box(
            "regulation_type",
            REGULATION_TYPES,
            record.regulation_type if record else None,
            self.tr("Choose…"),
        )
        self.title.setPlaceholderText(self.tr("For example: Perdes on the village library"))
        self.number.setPlaceholderText(self.tr("for example 5 Tahun 2026"))
        self.add_field(self.tr("&Type"), "regulation_type", self.regulation_type)
        self.add_field(self.tr("N&umber"), "number", self.number)
        self.add_field(self.tr("&Date"), "start_on", self.start_on)
        self.add_field(self.tr("&Title"), "title", self.title)

    # --- behaviour ----------------------------------------------------------------------

    def on_value_editing_finished(self) -> None:
        """Show the amount again with its dots (15000000 -> 15.000.000)."""
        try:
            value = parse_rupiah(self.value.text())
        except ValueError:
            return  # said when saving
        if value is not None and value >= 0:
            self.value.setText(format_number(value))

    def data(self) -> PartnershipInput:
        """What the form holds; a ValidationError if the amount is not a number."""
        start = to_date(self.start_on)
        base = (
            self.record.as_input()
            if self.record is not None
            else PartnershipInput(kind=self.form_kind, title="", start_on=start or date.today())
        )
        common = {
            "title": self.title.text(),
            "number": self.number.text() or None,
            "start_on": start,
            "description": self.description.toPlainText(),
        }
        if self.form_kind == AGREEMENT:
            return replace(
                base,
                kind=self.kind.currentData(),
                partner_id=self.partner.currentData(),
                end_on=to_date(self.end_on),
                **common,  # type: ignore[arg-type]
            )
        if self.form_kind == SUPPORT:
            assert self.support_type is not None
            try:
                value = parse_rupiah(self.value.text())
            except ValueError:
                raise ValidationError(NOT_AN_AMOUNT, field="value_rupiah") from None
            return replace(
                base,
                kind=SUPPORT,
                support_type=self.support_type.currentData(),
                partner_id=self.partner.currentData(),
                value_rupiah=value,
                quantity=self.quantity.value() or None,
                **common,  # type: ignore[arg-type]
            )
        assert self.regulation_type is not None
        return replace(
            base,
            kind=REGULATION,
            regulation_type=self.regulation_type.currentData(),
            **common,  # type: ignore[arg-type]
        )

    def save(self) -> str:
        data = self.data()
        if self.record is None:
            return self.service.add(data)
        self.service.update(self.record.id, data)
        return self.record.id
