"""Kemitraan: the library's partners, agreements (MoU/PKS), support received and village regulations.

The support this year (the village budget first, "APBDes 2026: Rp 15.000.000")
is summed up above four tabs, one per kind of record. Each tab is a table with
its buttons: Enter or a double click changes the chosen record, Delete deletes
it. Reading is for everyone; the buttons that write are shown only to a role
that may change (or delete) partnerships, which the service checks again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission, User
from app.core.clock import ZONES
from app.core.errors import KnownError
from app.core.partnerships import (
    AGREEMENT_KINDS,
    SUPPORT_TYPES,
    PartnershipService,
    PartnershipView,
    PartnerView,
    SupportTotals,
)
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import tr
from app.ui.partnerships.forms import (
    AGREEMENT,
    REGULATION,
    SUPPORT,
    FieldForm,
    PartnerDialog,
    PartnershipDialog,
)
from app.ui.partnerships.models import (
    AgreementsModel,
    PartnersModel,
    RecordsModel,
    RegulationsModel,
    SupportModel,
)
from app.ui.partnerships.money import format_number, format_rupiah

PARTNERS = "partners"


class RecordTab(QWidget):
    """A table of one kind of record with its Add, Change and Delete buttons."""

    def __init__(self, name: str, model: RecordsModel, add_text: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}Tab")
        self.model = model
        self.table = QTableView()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{name}Add")
        self.edit_button = QPushButton(self.tr("&Change…"))
        self.edit_button.setObjectName(f"{name}Edit")
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName(f"{name}Delete")
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{name}Count")
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.on_table_selection_changed()

    def stretch(self, column: int) -> None:
        self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def selected(self) -> object | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, record_id: str | None) -> None:
        row = self.model.row_of(record_id) if record_id else None
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)

    def on_table_selection_changed(self, *_: object) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


class PartnershipsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._service = PartnershipService(context.db, context.user)

        heading = QLabel(self.tr("Partnerships"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.totals_label = QLabel()
        self.totals_label.setObjectName("supportTotals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setStyleSheet("font-size: 11pt;")
        self.read_only_note = QLabel(
            self.tr("Only a manager can change partnerships: your role may look them up.")
        )
        self.read_only_note.setObjectName("readOnlyNote")
        self.read_only_note.setStyleSheet("color: #555;")
        self.read_only_note.setWordWrap(True)

        today = self.today()
        self.partners = RecordTab("partners", PartnersModel(), self.tr("&New partner…"))
        self.partners.stretch(0)
        self.agreements = RecordTab(
            "agreements", AgreementsModel(today), self.tr("&New agreement…")
        )
        self.agreements.stretch(2)
        self.support = RecordTab("support", SupportModel(), self.tr("&Record support…"))
        self.support.stretch(3)
        self.regulations = RecordTab("regulations", RegulationsModel(), self.tr("&New regulation…"))
        self.regulations.stretch(3)
        self.tab_kinds: dict[str, RecordTab] = {
            PARTNERS: self.partners,
            AGREEMENT: self.agreements,
            SUPPORT: self.support,
            REGULATION: self.regulations,
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("partnershipTabs")
        self.tabs.addTab(self.partners, self.tr("Pa&rtners"))
        self.tabs.addTab(self.agreements, self.tr("A&greements (MoU/PKS)"))
        self.tabs.addTab(self.support, self.tr("S&upport received"))
        self.tabs.addTab(self.regulations, self.tr("Village regu&lations"))

        for kind, tab in self.tab_kinds.items():
            tab.add_button.clicked.connect(lambda _c=False, k=kind: self.open_form(k, None))
            tab.edit_button.clicked.connect(lambda _c=False, k=kind: self.on_edit_requested(k))
            tab.delete_button.clicked.connect(lambda _c=False, k=kind: self.on_delete_requested(k))
            tab.table.doubleClicked.connect(lambda _i, k=kind: self.on_edit_requested(k))
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                enter = QShortcut(QKeySequence(key), tab.table)
                enter.setContext(Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(lambda k=kind: self.on_edit_requested(k))
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), tab.table)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(lambda k=kind: self.on_delete_requested(k))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        self.update_buttons()
        self.refresh()

    # --- plumbing ------------------------------------------------------------------------

    @property
    def service(self) -> PartnershipService:
        return self._service

    def today(self) -> date:
        """Today in the library's time zone."""
        zone = ZONES.get(self.context.profile.time_zone, ZONES["WIB"])
        return self._service.now().astimezone(zone).date()

    def can_edit(self) -> bool:
        return self.context.can(Permission.EDIT)

    def update_buttons(self) -> None:
        edit = self.can_edit()
        delete = self.context.can(Permission.DELETE)
        for tab in self.tab_kinds.values():
            tab.add_button.setVisible(edit)
            tab.edit_button.setVisible(edit)
            tab.delete_button.setVisible(delete)
        self.read_only_note.setVisible(not edit)

    def on_context_user_changed(self, user: User) -> None:
        self._service.close()
        self._service = PartnershipService(self.context.db, user)
        self.update_buttons()

    def on_context_data_changed(self, table: str) -> None:
        if table in ("partner", "partnership"):
            self.refresh()

    # --- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again, keeping each tab's chosen record chosen."""
        kept = {kind: getattr(tab.selected(), "id", None) for kind, tab in self.tab_kinds.items()}
        today = self.today()
        try:
            partners = self._service.partners()
            records = self._service.partnerships()
            totals = self._service.support_totals(date(today.year, 1, 1), date(today.year, 12, 31))
        except KnownError as exc:
            show_error(self, exc)
            return
        agreements_model = self.agreements.model
        assert isinstance(agreements_model, AgreementsModel)
        agreements_model.today = today
        self.partners.model.set_rows(partners)
        self.agreements.model.set_rows(r for r in records if r.kind in AGREEMENT_KINDS)
        self.support.model.set_rows(r for r in records if r.kind == SUPPORT)
        self.regulations.model.set_rows(r for r in records if r.kind == REGULATION)
        for kind, tab in self.tab_kinds.items():
            tab.select(kept[kind])
            tab.count_label.setText(
                self.tr("{count} in the list").format(count=tab.model.rowCount())
            )
        self.totals_label.setText(self.totals_text(totals, today.year))

    def totals_text(self, totals: SupportTotals, year: int) -> str:
        """ "APBDes 2026: Rp 15.000.000 · Books: 120 · …", the support of ``year``."""
        parts = [
            self.tr("APBDes {year}: {amount}").format(
                year=year, amount=format_rupiah(totals.rupiah_by_type.get("apbdes", 0))
            )
        ]
        for code in SUPPORT_TYPES:
            if code.code == "apbdes" or not totals.count_by_type.get(code.code):
                continue
            label = tr(code.label)
            quantity = totals.quantity_by_type.get(code.code)
            amount = totals.rupiah_by_type.get(code.code)
            if quantity and amount:
                text = self.tr("{label}: {quantity} ({amount})").format(
                    label=label, quantity=format_number(quantity), amount=format_rupiah(amount)
                )
            elif quantity:
                text = self.tr("{label}: {quantity}").format(
                    label=label, quantity=format_number(quantity)
                )
            elif amount:
                text = self.tr("{label}: {amount}").format(
                    label=label, amount=format_rupiah(amount)
                )
            else:
                text = self.tr("{label}: {count}×").format(
                    label=label, count=format_number(totals.count_by_type[code.code])
                )
            parts.append(text)
        parts.append(
            self.tr("All support in {year}: {amount}").format(
                year=year, amount=format_rupiah(totals.rupiah)
            )
        )
        return "  ·  ".join(parts)

    # --- changes ------------------------------------------------------------------------

    def open_form(self, kind: str, record: object | None) -> FieldForm:
        dialog: FieldForm
        if kind == PARTNERS:
            assert record is None or isinstance(record, PartnerView)
            dialog = PartnerDialog(self._service, record, self)
        else:
            assert record is None or isinstance(record, PartnershipView)
            dialog = PartnershipDialog(self._service, kind, record, self.today(), self)
        dialog.saved.connect(lambda saved_id, k=kind: self.on_form_saved(k, saved_id))
        dialog.open()
        return dialog

    def on_edit_requested(self, kind: str) -> None:
        record = self.tab_kinds[kind].selected()
        if record is not None and self.can_edit():
            self.open_form(kind, record)

    def on_form_saved(self, kind: str, saved_id: str) -> None:
        # the page listens too: on_context_data_changed reads everything again
        self.context.signals.data_changed.emit("partner" if kind == PARTNERS else "partnership")
        self.tab_kinds[kind].select(saved_id)

    def on_delete_requested(self, kind: str) -> None:
        record = self.tab_kinds[kind].selected()
        if record is None or not self.context.can(Permission.DELETE):
            return
        if isinstance(record, PartnerView):
            if self._service.partnerships(partner_id=record.id):
                self._delete(
                    kind, record.id
                )  # refused with the service's message: no question first
                return
            question = self.tr("Delete the partner {name}?").format(name=record.name)
        else:
            assert isinstance(record, PartnershipView)
            question = self.tr("Delete “{title}”?").format(title=record.title)
        box = QMessageBox(self)
        box.setObjectName("confirmDelete")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete"))
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Delete"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self._delete(kind, record.id))
        box.open()

    def _delete(self, kind: str, record_id: str) -> None:
        try:
            if kind == PARTNERS:
                self._service.delete_partner(record_id)
            else:
                self._service.delete(record_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.context.signals.data_changed.emit("partner" if kind == PARTNERS else "partnership")
