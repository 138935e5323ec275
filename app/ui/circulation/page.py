"""Sirkulasi: lend and take back with one scan box, renew, loan history and the overdue list.

The desk tab has one scan box that always gets the focus back. A member card
makes that member the borrower: their panel shows who they are, their open
loans (late ones in red) and how many more they may borrow. A copy's barcode
then lends it to them; a copy that is on loan comes back, whoever has it.
Every answer -- lent, returned, refused and why -- shows in the coloured
message line above the panel (never a box to click away, so the next scan
just works), and lends, returns and renewals are listed in the session log.
Esc ("Finish") clears the borrower for the next one.

A scanner is a keyboard: a code scanned while another part of the page has
the focus still lands in the scan box (:class:`ScanCatcher`, as in the
guestbook). The History tab shows every loan of a member or a copy, the
Overdue tab whom to call, with a printable reminder list.

A lend or a return takes a few milliseconds, so it runs on the GUI thread;
``context.signals.data_changed.emit("loan")`` tells the other pages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import User
from app.core.catalog import CatalogService
from app.core.circulation import CirculationService, LoanView, ScanResult
from app.core.clock import ZONES, utcnow
from app.core.codes import MEMBER_TYPES
from app.core.errors import KnownError
from app.core.members import MemberService
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.circulation.history import HistoryView
from app.ui.circulation.models import (
    LogLine,
    OpenLoansModel,
    SessionLogModel,
    day_text,
    rupiah,
)
from app.ui.circulation.overdue import OverdueView
from app.ui.context import AppContext
from app.ui.guestbook.scanner import ScanCatcher
from app.ui.i18n import error_text, tr
from app.ui.tasks import Task

_TYPE_LABELS = {code.code: code.label for code in MEMBER_TYPES}
NO_EXPIRY = QT_TRANSLATE_NOOP("PerpusDesa", "No expiry")

_MESSAGE_STYLES = {
    "ok": "background: #e3f4e6; color: #1b5e20; border-left: 6px solid #2e7d32;",
    "error": "background: #fde2e1; color: #8a1c1c; border-left: 6px solid #c62828;",
    "info": "background: #e8eef6; color: #1f3550; border-left: 6px solid #4a6d9a;",
}


class MessageLine(QLabel):
    """The answer to the last scan, coloured: ``ok`` green, ``error`` red, ``info`` blue."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("messageLine")
        self.setWordWrap(True)
        self.setMinimumHeight(40)
        self.kind = "info"
        self.show_message("info", "")

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setText(text)
        self.setStyleSheet(
            f"QLabel#messageLine {{ {_MESSAGE_STYLES[kind]} padding: 6px 10px;"
            " font-size: 12pt; font-weight: bold; }"
        )


class CirculationPage(QWidget):
    """The circulation page: desk, history and overdue tabs (see the module)."""

    def __init__(self, context: AppContext, now: Callable[[], datetime] = utcnow) -> None:
        super().__init__()
        self.context = context
        self.now = now
        self.zone = ZONES[context.profile.time_zone]
        self._telling = False
        self.service = self._circulation(context.user)
        self.member_service = MemberService(context.db, context.user, now, conn=context.conn)
        self.catalog_service = CatalogService(context.db, context.user, now, conn=context.conn)

        heading = QLabel(self.tr("Circulation"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")

        # --- the desk: scan box, message, member, log ------------------------------------
        self.desk = QWidget()
        self.desk.setObjectName("desk")
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(
            self.tr("Scan a member card or a book's barcode (or type it and press Enter)")
        )
        self.scan_box.setStyleSheet("font-size: 14pt; padding: 4px;")
        scan_label = QLabel(self.tr("&Scan:"))
        scan_label.setBuddy(self.scan_box)
        scan_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.message = MessageLine()

        self.member_box = QGroupBox(self.tr("Borrower"))
        self.member_box.setObjectName("memberBox")
        self.member_name = QLabel()
        self.member_name.setObjectName("memberName")
        self.member_name.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.member_name.setWordWrap(True)
        self.member_no = QLabel()
        self.member_no.setObjectName("memberNo")
        self.member_type = QLabel()
        self.member_type.setObjectName("memberType")
        self.member_expiry = QLabel()
        self.member_expiry.setObjectName("memberExpiry")
        self.allowance = QLabel()
        self.allowance.setObjectName("allowance")
        self.allowance.setWordWrap(True)
        self.no_member = QLabel(
            self.tr(
                "No borrower chosen. Scan a member card to lend;"
                " scan a book that is on loan to take it back."
            )
        )
        self.no_member.setObjectName("noMember")
        self.no_member.setWordWrap(True)
        self.no_member.setStyleSheet("color: #555555; font-size: 11pt;")
        details = QFormLayout()
        details.addRow(tr(QT_TRANSLATE_NOOP("PerpusDesa", "Member no.")), self.member_no)
        details.addRow(tr(QT_TRANSLATE_NOOP("PerpusDesa", "Type")), self.member_type)
        details.addRow(tr(QT_TRANSLATE_NOOP("PerpusDesa", "Valid until")), self.member_expiry)
        details.addRow(self.tr("On loan"), self.allowance)
        self.details = QWidget()
        self.details.setLayout(details)

        self.loans_model = OpenLoansModel()
        self.loans_table = QTableView()
        self.loans_table.setObjectName("openLoans")
        self.loans_table.setModel(self.loans_model)
        self.loans_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.loans_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.loans_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loans_table.verticalHeader().hide()
        loans_header = self.loans_table.horizontalHeader()
        loans_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        loans_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.renew_button = QPushButton(self.tr("&Renew"))
        self.renew_button.setObjectName("renewButton")
        self.renew_button.setToolTip(self.tr("Renew the loan chosen in the list."))
        self.member_history_button = QPushButton(self.tr("&All loans"))
        self.member_history_button.setObjectName("memberHistory")
        self.member_history_button.setToolTip(
            self.tr("Every loan of this member, returned or not.")
        )
        self.finish_button = QPushButton(self.tr("&Finish (Esc)"))
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setToolTip(self.tr("Done with this borrower: ready for the next one."))

        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.renew_button)
        member_buttons.addWidget(self.member_history_button)
        member_buttons.addStretch(1)
        member_buttons.addWidget(self.finish_button)
        member_layout = QVBoxLayout(self.member_box)
        member_layout.addWidget(self.no_member)
        member_layout.addWidget(self.member_name)
        member_layout.addWidget(self.details)
        member_layout.addWidget(self.loans_table, 1)
        member_layout.addLayout(member_buttons)

        self.log_model = SessionLogModel()
        self.log_table = QTableView()
        self.log_table.setObjectName("sessionLog")
        self.log_table.setModel(self.log_model)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.verticalHeader().hide()
        log_header = self.log_table.horizontalHeader()
        log_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        log_header.setStretchLastSection(True)
        log_box = QGroupBox(self.tr("This session"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_table)

        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_label)
        scan_row.addWidget(self.scan_box, 1)
        desk_layout = QVBoxLayout(self.desk)
        desk_layout.addLayout(scan_row)
        desk_layout.addWidget(self.message)
        desk_layout.addWidget(self.member_box, 3)
        desk_layout.addWidget(log_box, 2)

        # --- history and overdue ---------------------------------------------------------
        self.history = HistoryView(
            lambda: self.service,
            lambda: self.member_service,
            lambda: self.catalog_service,
            self.zone,
        )
        self.history.setObjectName("historyTab")
        self.overdue = OverdueView(
            lambda: self.service.overdue(),
            lambda: self.service.today(),
            lambda: (self.context.profile.name, self.context.profile.address),
        )
        self.overdue.setObjectName("overdueTab")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("circulationTabs")
        self.tabs.addTab(self.desk, self.tr("&Desk: lend and return"))
        self.tabs.addTab(self.history, self.tr("Hist&ory"))
        self.tabs.addTab(self.overdue, self.tr("O&verdue"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.scan_box, self.loans_table)
        self.setTabOrder(self.loans_table, self.renew_button)
        self.setTabOrder(self.renew_button, self.member_history_button)
        self.setTabOrder(self.member_history_button, self.finish_button)

        self.scanner = ScanCatcher(self, self.scan_box, self.accepts_scan, self.on_key_redirected)
        self.scanner.scanned.connect(self.on_code_scanned)
        self.scan_box.returnPressed.connect(self.on_scan_entered)
        self.renew_button.clicked.connect(self.on_renew_clicked)
        self.member_history_button.clicked.connect(self.on_member_history_clicked)
        self.finish_button.clicked.connect(self.on_finish_clicked)
        self.loans_table.selectionModel().selectionChanged.connect(self.on_loan_selection_changed)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.desk)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.on_finish_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.focus_scan_box)
        context.signals.data_changed.connect(self.on_data_changed)
        context.signals.user_changed.connect(self.on_user_changed)

        self.show_member()
        self.message.show_message("info", self.tr("Ready: scan a member card or a book."))
        # The first lend needs SQLAlchemy and the models: load them off the GUI thread.
        Task(self, lambda _progress: self.service.warm_up()).run()

    def _circulation(self, user: User) -> CirculationService:
        return CirculationService(self.context.db, user, self.now, conn=self.context.conn)

    # --- showing ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scanner.install()
        focus = QApplication.focusWidget()
        if self.tabs.currentWidget() is self.desk and (
            focus is None or not self.isAncestorOf(focus)
        ):
            self.focus_scan_box()

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.remove()
        super().hideEvent(event)

    def on_tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.overdue:
            self.overdue.refresh()
        elif current is self.history:
            self.history.focus_box()
        elif current is self.desk:
            self.focus_scan_box()

    def tell_others(self) -> None:
        """Other pages refresh their loans; this one has already shown the change."""
        self._telling = True
        try:
            self.context.signals.data_changed.emit("loan")
        finally:
            self._telling = False

    def on_data_changed(self, table: str) -> None:
        if self._telling:
            self.history.refresh()
            return
        if table in ("loan", "member", "item", "title"):
            self.show_member()
            self.history.refresh()
            if self.tabs.currentWidget() is self.overdue:
                self.overdue.refresh()

    def on_user_changed(self, user: User) -> None:
        member_id = self.service.current_member_id
        self.service = self._circulation(user)
        self.service.current_member_id = member_id
        self.member_service = MemberService(self.context.db, user, self.now, conn=self.context.conn)
        self.catalog_service = CatalogService(
            self.context.db, user, self.now, conn=self.context.conn
        )

    # --- the scan box -----------------------------------------------------------------

    def focus_scan_box(self) -> None:
        self.tabs.setCurrentWidget(self.desk)
        self.scan_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scan_box.selectAll()

    def accepts_scan(self, _code: str) -> bool:
        """A fast burst typed into a text field is a scan only on the desk tab."""
        return self.tabs.currentWidget() is self.desk

    def on_key_redirected(self, text: str) -> None:
        """A key typed where no text goes: the start of a code for the box of this tab."""
        if self.tabs.currentWidget() is self.history:
            box = self.history.box
            if not box.hasFocus():
                self.history.focus_box()
            box.insert(text)
            return
        if not self.scan_box.hasFocus():
            self.focus_scan_box()
        self.scan_box.insert(text)

    def on_code_scanned(self, code: str) -> None:
        self.scan_box.setText(code)
        self.on_scan_entered()

    def on_scan_entered(self) -> None:
        code = self.scan_box.text().strip()
        self.scan_box.clear()
        self.focus_scan_box()
        if not code:
            return
        try:
            result = self.service.scan(code)
        except KnownError as exc:
            self.show_member()  # a refused card clears the borrower
            self.refuse(error_text(exc))
            return
        if result.action == "member":
            self.show_member()
            self.say_member_chosen()
            return
        assert result.loan is not None
        self.show_member()
        if result.action == "lent":
            text = self.lent_text(result.loan)
            self.message.show_message("ok", text)
            self.log("lent", text)
        else:
            text = self.returned_text(result)
            self.message.show_message("ok", text)
            self.log("returned", text)
        self.tell_others()

    def refuse(self, text: str) -> None:
        self.message.show_message("error", text)
        QApplication.beep()

    def say_member_chosen(self) -> None:
        member = self.service.current_member
        if member is None:
            return
        left = max(0, member.max_items - member.open_loans)
        if left:
            self.message.show_message(
                "info",
                self.tr("{name} ({number}) may borrow {left} more. Scan the books to lend.").format(
                    name=member.name, number=member.member_no, left=left
                ),
            )
        else:
            self.message.show_message(
                "error",
                self.tr(
                    "{name} ({number}) has {count} books on loan, the most allowed:"
                    " return one before borrowing another."
                ).format(name=member.name, number=member.member_no, count=member.open_loans),
            )

    def lent_text(self, loan: LoanView) -> str:
        return self.tr("Lent: {title} ({barcode}) to {name}, due {date}.").format(
            title=loan.title,
            barcode=loan.barcode,
            name=loan.member_name,
            date=day_text(loan.due_on, "d MMMM yyyy"),
        )

    def returned_text(self, result: ScanResult) -> str:
        loan = result.loan
        assert loan is not None
        late = (self.service.today() - loan.due_on).days
        if late <= 0:
            return self.tr("Returned: {title}, from {name}.").format(
                title=loan.title, name=loan.member_name
            )
        if not loan.fine:
            return self.tr("Returned: {title}, from {name}; {days} days late.").format(
                title=loan.title, name=loan.member_name, days=late
            )
        return self.tr("Returned: {title}, from {name}; {days} days late, fine {fine}.").format(
            title=loan.title, name=loan.member_name, days=late, fine=rupiah(loan.fine)
        )

    def log(self, kind: str, text: str) -> None:
        time = self.now().astimezone(self.zone).strftime("%H:%M")
        self.log_model.add(LogLine(time, text, kind))

    # --- the borrower ------------------------------------------------------------------

    def show_member(self) -> None:
        """Show the service's current member (or none) with their open loans."""
        brief = self.service.current_member
        shown = brief is not None
        self.no_member.setVisible(not shown)
        self.member_name.setVisible(shown)
        self.details.setVisible(shown)
        for widget in (self.renew_button, self.member_history_button, self.finish_button):
            widget.setEnabled(shown)
        if brief is None:
            self.member_name.clear()
            self.loans_model.set_loans([], self.service.today())
            self.on_loan_selection_changed()
            return
        try:
            member = self.member_service.get(brief.id)
        except KnownError:
            member = None
        self.member_name.setText(brief.name)
        self.member_no.setText(brief.member_no)
        label = _TYPE_LABELS.get(brief.member_type)
        self.member_type.setText(tr(label) if label else brief.member_type)
        expires = member.expires_on if member is not None else None
        self.member_expiry.setText(
            day_text(expires, "d MMMM yyyy") if expires is not None else tr(NO_EXPIRY)
        )
        left = max(0, brief.max_items - brief.open_loans)
        self.allowance.setText(
            self.tr("{count} of {most}; may borrow {left} more.").format(
                count=brief.open_loans, most=brief.max_items, left=left
            )
        )
        self.allowance.setStyleSheet("" if left else "color: #b00020; font-weight: bold;")
        selected = self.selected_loan()
        loans = self.service.loans_of(brief.id, open_only=True)
        self.loans_model.set_loans(loans, self.service.today())
        for row, loan in enumerate(loans):
            if selected is not None and loan.id == selected.id:
                self.loans_table.selectRow(row)
        self.on_loan_selection_changed()

    def selected_loan(self) -> LoanView | None:
        rows = self.loans_table.selectionModel().selectedRows()
        return self.loans_model.loan_at(rows[0].row()) if rows else None

    def on_loan_selection_changed(self, *_args: object) -> None:
        self.renew_button.setEnabled(self.loans_model.rowCount() > 0)

    def on_renew_clicked(self) -> None:
        loan = self.selected_loan()
        if loan is None and self.loans_model.rowCount() == 1:
            loan = self.loans_model.loan_at(0)
        if loan is None:
            self.refuse(self.tr("Choose the loan to renew in the list, then press Renew."))
            self.loans_table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            renewed = self.service.renew(loan.id)
        except KnownError as exc:
            self.refuse(error_text(exc))
            self.focus_scan_box()
            return
        text = self.tr("Renewed: {title} ({barcode}), now due {date}.").format(
            title=renewed.title,
            barcode=renewed.barcode,
            date=day_text(renewed.due_on, "d MMMM yyyy"),
        )
        self.message.show_message("ok", text)
        self.log("renewed", text)
        self.show_member()
        self.focus_scan_box()
        self.tell_others()

    def on_member_history_clicked(self) -> None:
        member = self.service.current_member
        if member is None:
            return
        self.tabs.setCurrentWidget(self.history)
        self.history.show_code(member.member_no)

    def on_finish_clicked(self) -> None:
        self.scan_box.clear()
        if self.service.current_member_id is not None:
            self.service.current_member_id = None
            self.show_member()
            self.message.show_message(
                "info", self.tr("Ready for the next borrower: scan a member card.")
            )
        self.focus_scan_box()
