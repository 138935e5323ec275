"""The detail panel: one member's data, consent, visit and loan history, and what can be done.

Buttons follow the role of whoever is logged in: a volunteer may renew, a
manager may also edit, deactivate, export and erase. Erasing asks first, naming
the person and saying that it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.auth import Permission
from app.core.clock import ZONES
from app.core.errors import KnownError
from app.core.members import MemberHistory, MemberService, MemberView
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.members.format import code_label, format_date, format_moment, format_short_date
from app.ui.members.model import status_text
from app.ui.table_model import RowsModel

VISIT_HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Date"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Purposes"),
)
LOAN_HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Lent on"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Due"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Returned"),
)


def _table(model: RowsModel, name: str, stretch: int) -> QTableView:
    """A history table; column ``stretch`` (the title, the purposes) takes the spare width."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class MemberDetail(QWidget):
    """Shows the member chosen in the search results; asks the page to edit or refresh."""

    edit_requested = Signal(object)  # MemberView
    changed = Signal(str)  # member id: the member was renewed, (de)activated or erased

    def __init__(
        self,
        context: AppContext,
        service: Callable[[], MemberService],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = service
        self.member: MemberView | None = None

        self.heading = QLabel()
        self.heading.setObjectName("memberHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeholder = QLabel(self.tr("Choose a member in the list to see their details."))
        self.placeholder.setWordWrap(True)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        captions = {
            "status": self.tr("Status"),
            "gender": self.tr("Gender"),
            "birth": self.tr("Date of birth"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "occupation": self.tr("Occupation"),
            "education": self.tr("Education"),
            "type": self.tr("Member type"),
            "registered": self.tr("Registered on"),
            "expires": self.tr("Valid until"),
            "consent": self.tr("Consent"),
            "guardian": self.tr("Parent or guardian"),
            "notes": self.tr("Notes"),
        }
        for key, caption in captions.items():
            label = QLabel()
            label.setObjectName(f"detail_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(caption, label)
        self.form = QWidget()
        self.form.setLayout(form)
        self.form_layout = form

        self.visits = RowsModel(VISIT_HEADERS)
        self.loans = RowsModel(LOAN_HEADERS)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("historyTabs")
        self.tabs.addTab(_table(self.visits, "visitHistory", 1), "")
        self.tabs.addTab(_table(self.loans, "loanHistory", 0), "")

        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editMember")
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.renew_button = QPushButton(self.tr("Re&new"))
        self.renew_button.setObjectName("renewMember")
        self.renew_button.clicked.connect(self.on_renew_clicked)
        self.active_button = QPushButton()
        self.active_button.setObjectName("activeMember")
        self.active_button.clicked.connect(self.on_active_clicked)
        self.export_button = QPushButton(self.tr("E&xport data…"))
        self.export_button.setObjectName("exportMember")
        self.export_button.clicked.connect(self.on_export_clicked)
        self.erase_button = QPushButton(self.tr("Era&se…"))
        self.erase_button.setObjectName("eraseMember")
        self.erase_button.clicked.connect(self.on_erase_clicked)
        buttons = QGridLayout()
        for index, button in enumerate(
            (
                self.edit_button,
                self.renew_button,
                self.active_button,
                self.export_button,
                self.erase_button,
            )
        ):
            buttons.addWidget(button, index // 3, index % 3)
        self.message = QLabel()
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.show_member(None)

    # --- showing ------------------------------------------------------------------------

    @property
    def zone(self) -> str:
        return self.context.profile.time_zone

    def show_member(self, member: MemberView | None, history: MemberHistory | None = None) -> None:
        """Show a member (None: nothing chosen); the history is read unless given."""
        previous = self.member.id if self.member else None
        self.member = member
        chosen = member is not None
        for widget in (self.heading, self.form, self.tabs):
            widget.setVisible(chosen)
        self.placeholder.setVisible(not chosen)
        if member is None or member.id != previous:
            self.message.clear()
        if member is None:
            self.visits.set_rows([])
            self.loans.set_rows([])
            self.update_buttons()
            return
        if history is None:
            history = self.service().history(member.id)
        self.heading.setText(
            self.tr("{name} · {number}").format(name=member.name, number=member.member_no)
        )
        self._show_fields(member)
        self.visits.set_rows(
            [
                (
                    format_moment(v.visited_at, self.zone, short=True),
                    ", ".join(self._purpose(p) for p in v.purposes),
                )
                for v in history.visits
            ]
        )
        self.loans.set_rows(
            [
                (
                    loan.title,
                    format_short_date(self._day(loan.loaned_at)),
                    format_short_date(loan.due_on),
                    format_short_date(self._day(loan.returned_at)),
                )
                for loan in history.loans
            ]
        )
        self.tabs.setTabText(0, self.tr("Visits ({count})").format(count=history.visit_count))
        self.tabs.setTabText(1, self.tr("Loans ({count})").format(count=history.loan_count))
        self.update_buttons()

    def _show_fields(self, member: MemberView) -> None:
        today = self.service().today()
        f = self.fields
        f["status"].setText(
            self.tr("Erased")
            if member.erased
            else status_text(member.active, member.expires_on, today)
        )
        f["gender"].setText(code_label(codes.GENDERS, member.gender))
        if member.birth_date is None:
            f["birth"].setText("")
        else:
            band = code_label(self.service().age_bands(), member.age_band)
            f["birth"].setText(
                self.tr("{date} ({band})").format(date=format_date(member.birth_date), band=band)
            )
        address = member.address
        if member.rt or member.rw:
            address = self.tr("{address} RT {rt} / RW {rw}").format(
                address=address, rt=member.rt or "-", rw=member.rw or "-"
            )
        if member.village_name:
            address = self.tr("{address}, {village}").format(
                address=address, village=member.village_name
            )
        f["address"].setText(address.strip(" ,"))
        f["phone"].setText(member.phone or "")
        f["occupation"].setText(code_label(codes.OCCUPATIONS, member.occupation))
        f["education"].setText(code_label(codes.EDUCATION, member.education))
        f["type"].setText(code_label(codes.MEMBER_TYPES, member.member_type))
        f["registered"].setText(format_date(member.registered_on))
        f["expires"].setText(
            format_date(member.expires_on) if member.expires_on else self.tr("no end date")
        )
        f["consent"].setText(
            self.tr("Given on {when}, recorded by {staff}").format(
                when=format_moment(member.consent_at, self.zone), staff=member.consent_by_name
            )
        )
        if member.guardian_name:
            f["guardian"].setText(
                self.tr("{name}, agreed on {when}").format(
                    name=member.guardian_name,
                    when=format_moment(member.guardian_consent_at, self.zone),
                )
            )
        else:
            f["guardian"].setText("")
        f["notes"].setText(member.notes)
        for key in ("phone", "occupation", "education", "guardian", "notes"):
            self.form_layout.setRowVisible(f[key], bool(f[key].text()))  # no empty lines

    def _day(self, moment: datetime | None) -> date | None:
        return None if moment is None else moment.astimezone(ZONES[self.zone]).date()

    def _purpose(self, code: str) -> str:
        return code_label(codes.all_purposes(self.context.settings.get("purposes")), code)

    def update_buttons(self) -> None:
        member = self.member
        live = member is not None and not member.erased
        can = self.context.can
        self.edit_button.setEnabled(live and can(Permission.EDIT))
        self.renew_button.setEnabled(live and can(Permission.RECORD))
        self.active_button.setEnabled(live and can(Permission.EDIT))
        self.export_button.setEnabled(member is not None and can(Permission.EDIT))
        self.erase_button.setEnabled(live and can(Permission.DELETE))
        active = member is None or member.active
        self.active_button.setText(self.tr("&Deactivate") if active else self.tr("Re&activate"))

    # --- actions --------------------------------------------------------------------------

    def _run(self, action: Callable[[], MemberView | None], message: str) -> bool:
        try:
            action()
        except KnownError as exc:
            show_error(self, exc)
            return False
        assert self.member is not None
        self.changed.emit(self.member.id)
        self.message.setText(message)
        return True

    def on_edit_clicked(self) -> None:
        if self.member is not None:
            self.edit_requested.emit(self.member)

    def on_renew_clicked(self) -> None:
        member = self.member
        if member is None:
            return
        renewed: list[MemberView] = []
        if self._run(lambda: renewed.append(self.service().renew(member.id)), ""):
            end = renewed[0].expires_on
            self.message.setText(
                self.tr("Membership renewed until {date}.").format(date=format_date(end))
                if end
                else self.tr("Membership renewed; it has no end date.")
            )

    def on_active_clicked(self) -> None:
        member = self.member
        if member is None:
            return
        if member.active:
            self._run(
                lambda: self.service().deactivate(member.id),
                self.tr("{name} is now inactive.").format(name=member.name),
            )
        else:
            self._run(
                lambda: self.service().reactivate(member.id),
                self.tr("{name} is active again.").format(name=member.name),
            )

    def on_export_clicked(self) -> None:
        member = self.member
        if member is None:
            return
        dialog = QFileDialog(self, self.tr("Export the data of {name}").format(name=member.name))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setNameFilter(self.tr("JSON files (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.selectFile(f"anggota-{member.member_no}.json")
        dialog.fileSelected.connect(lambda path: self.on_export_file_selected(member, path))
        dialog.open()

    def on_export_file_selected(self, member: MemberView, path: str) -> None:
        from pathlib import Path

        translate = lambda text: QCoreApplication.translate("PerpusDesa", text)  # noqa: E731
        try:
            written = self.service().export_data(member.id, Path(path), translate)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.message.setText(
            self.tr("The data of {name} were saved in {path}.").format(
                name=member.name, path=str(written)
            )
        )

    def on_erase_clicked(self) -> None:
        member = self.member
        if member is None:
            return
        box = QMessageBox(self)
        box.setObjectName("eraseConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Erase a member"))
        box.setText(
            self.tr("Erase all personal data of {name} ({number})?").format(
                name=member.name, number=member.member_no
            )
        )
        box.setInformativeText(
            self.tr(
                "Their name, address, phone number, date of birth, NIK, photo, parent's or "
                "guardian's name and notes are deleted. Their visits and loans stay in the "
                "statistics without their name. This cannot be undone."
            )
        )
        erase = box.addButton(self.tr("Erase"), QMessageBox.ButtonRole.DestructiveRole)
        erase.setObjectName("eraseConfirmButton")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(
            lambda button: self.on_erase_confirmed(member) if button is erase else None
        )
        box.open()

    def on_erase_confirmed(self, member: MemberView) -> None:
        if self._run(
            lambda: self.service().erase(member.id),
            self.tr("The personal data of {name} were erased.").format(name=member.name),
        ):
            self.show_member(self.service().get(member.id))
