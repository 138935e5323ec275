"""Anggota: find a member as you type, see and change their data, register new members.

The search box searches as you type (after a short pause, so that a fast
typist or a barcode scanner causes one search, not one per key) over member
number, name, phone and village; Enter searches at once and picks the first
member found. The chosen member's details, consent and history are shown
beside the list. Importing members and printing member cards live in their own
modules, loaded only when their button is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission, User
from app.core.errors import KnownError
from app.core.members import MemberService, MemberView
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.members.detail import MemberDetail
from app.ui.members.form import MemberDialog
from app.ui.members.model import SearchModel

SEARCH_DELAY_MS = 150


class MembersPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._service = self._make_service(context.user)

        heading = QLabel(self.tr("Members"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("memberSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Type a name, member number, phone number or village")
        )
        search_label = QLabel(self.tr("Sear&ch"))
        search_label.setBuddy(self.search_edit)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_timer_timeout)
        self.search_edit.textEdited.connect(self.on_search_text_edited)
        self.search_edit.textChanged.connect(self.on_search_text_changed)
        self.search_edit.returnPressed.connect(self.on_search_return_pressed)
        self.search_edit.installEventFilter(self)

        self.register_button = QPushButton(self.tr("&Register member…"))
        self.register_button.setObjectName("registerMember")
        self.register_button.clicked.connect(self.on_register_clicked)
        self.import_button = QPushButton(self.tr("&Import members…"))
        self.import_button.setObjectName("importMembers")
        self.import_button.clicked.connect(self.on_import_clicked)
        self.cards_button = QPushButton(self.tr("&Print member cards…"))
        self.cards_button.setObjectName("printCards")
        self.cards_button.setToolTip(
            self.tr("Cards of the members selected in the list, or of all active members")
        )
        self.cards_button.clicked.connect(self.on_cards_clicked)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)

        self.detail = MemberDetail(context, lambda: self._service)
        self.detail.setObjectName("memberDetail")
        self.detail.edit_requested.connect(self.on_detail_edit_requested)
        self.detail.changed.connect(self.on_detail_changed)

        self.model = SearchModel(self._service.today())
        self.table = QTableView()
        self.table.setObjectName("memberTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per member; long names end in "…"
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.detail.on_edit_clicked())
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.register_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.cards_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search_edit, self.table)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        self.update_buttons()
        self.run_search()

    # --- plumbing --------------------------------------------------------------------------

    def _make_service(self, user: User) -> MemberService:
        return MemberService(self.context.db, user, conn=self.context.conn)

    @property
    def service(self) -> MemberService:
        return self._service

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search_edit.setFocus()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box moves into the list."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def update_buttons(self) -> None:
        can_record = self.context.can(Permission.RECORD)
        self.register_button.setEnabled(can_record)
        self.import_button.setEnabled(can_record)
        self.cards_button.setEnabled(can_record)
        self.detail.update_buttons()

    # --- searching -------------------------------------------------------------------------

    def on_search_text_edited(self, _text: str) -> None:
        self.search_timer.start()  # restarted by every key: one search after the pause

    def on_search_text_changed(self, text: str) -> None:
        if not text:  # the clear button, or everything deleted: show the newest at once
            self.search_timer.stop()
            self.run_search()

    def on_search_timer_timeout(self) -> None:
        self.run_search()

    def on_search_return_pressed(self) -> None:
        self.search_timer.stop()
        self.run_search()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def run_search(self, keep: str | None = None) -> None:
        """Search for what the box holds; keep ``keep`` (or the chosen member) selected."""
        keep = keep or (self.detail.member.id if self.detail.member else None)
        try:
            hits = self._service.search(self.search_edit.text())
        except KnownError as exc:
            show_error(self, exc)
            return
        self.model.set_hits(hits, self._service.today())
        text = self.search_edit.text().strip()
        if not text:
            self.count_label.setText(self.tr("The newest members"))
        elif hits:
            self.count_label.setText(self.tr("{count} found").format(count=len(hits)))
        else:
            self.count_label.setText(self.tr("No member found"))
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        else:
            self.detail.show_member(None)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.hit(row).id for row in rows]

    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        current = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.show_member(None)
            return
        row = (
            current.row()
            if current.isValid() and self.table.selectionModel().isRowSelected(current.row())
            else rows[0].row()
        )
        try:
            member = self._service.get(self.model.hit(row).id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.detail.show_member(member)

    # --- changes ---------------------------------------------------------------------------

    def open_form(self, member: MemberView | None) -> MemberDialog:
        dialog = MemberDialog(
            self._service,
            self.context.profile.region_code,
            self.context.profile.time_zone,
            member,
            self,
        )
        dialog.saved.connect(self.on_form_saved)
        dialog.open()
        return dialog

    def on_register_clicked(self) -> None:
        self.open_form(None)

    def on_detail_edit_requested(self, member: MemberView) -> None:
        self.open_form(member)

    def on_form_saved(self, member: MemberView) -> None:
        self.context.signals.data_changed.emit("member")
        if self.model.row_of(member.id) is None:
            self.search_edit.setText(member.member_no)
            self.search_timer.stop()
        self.run_search(keep=member.id)
        self.detail.show_member(self._service.get(member.id))

    def on_detail_changed(self, member_id: str) -> None:
        self.context.signals.data_changed.emit("member")
        self.run_search(keep=member_id)
        self.detail.show_member(self._service.get(member_id))

    def on_context_data_changed(self, table: str) -> None:
        """Another page (import, guestbook, loans) changed members or their history."""
        if table == "member" and not self.search_timer.isActive():
            self.run_search()
        elif table in ("visit", "loan") and self.detail.member is not None:
            try:
                self.detail.show_member(self._service.get(self.detail.member.id))
            except KnownError:
                self.detail.show_member(None)

    def on_context_user_changed(self, user: User) -> None:
        self._service.close()
        self._service = self._make_service(user)
        self.update_buttons()

    # --- import and cards (other modules, loaded when needed) ------------------------------

    def on_import_clicked(self) -> None:
        try:
            from app.ui.members.import_dialog import open_import_dialog
        except ModuleNotFoundError as exc:
            if exc.name != "app.ui.members.import_dialog":
                raise
            self._not_ready()
            return
        open_import_dialog(self, self.context)

    def on_cards_clicked(self) -> None:
        ids = self.selected_ids() or self._service.active_ids()
        try:
            from app.ui.members.cards import print_member_cards
        except ModuleNotFoundError as exc:
            if exc.name != "app.ui.members.cards":
                raise
            self._not_ready()
            return
        print_member_cards(self, self.context, ids)

    def _not_ready(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("This part of the program is not installed."))
        box.open()
