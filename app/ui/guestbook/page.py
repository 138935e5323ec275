"""Buku Tamu: record each visitor in seconds, and see the day's list and totals.

Members check in by card: scan (or type the number) and Enter looks them up
with the purposes of their last visit ticked; a second Enter records. A card
scanned anywhere on the page lands in the scan box (``ScanCatcher``). Guests
and groups have their own forms; Enter saves. The visit time follows the
clock, or is set back for a paper guestbook typed in later, and the list below
shows that day. Deleting can be undone; volunteers do not delete, and change
only what was typed in today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
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

from app.core.auth import User
from app.core.clock import ZONES
from app.core.codes import GENDERS
from app.core.errors import KnownError, ValidationError
from app.core.library import Region
from app.core.visits import (
    FormOptions,
    MemberCheck,
    RepeatVisit,
    VisitInput,
    VisitRow,
    VisitService,
    origin_villages,
)
from app.ui.context import AppContext
from app.ui.guestbook.forms import GroupForm, GuestForm, MemberPanel, VisitDialog, VisitTimeEdit
from app.ui.guestbook.model import KIND_LABELS, VisitsModel, short_label
from app.ui.guestbook.scanner import ScanCatcher
from app.ui.i18n import error_text, tr
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

CLOCK_TICK_MS = 15_000


class GuestbookPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.zone = ZONES[context.profile.time_zone]
        self.service = VisitService(context.db, context.user)
        self.options: FormOptions = self.service.form_options()
        self.villages: tuple[tuple[Region, ...], str | None] = ((), None)
        self.member: MemberCheck | None = None  # looked up, not yet recorded
        self.deleted_id: str | None = None  # what Undo brings back
        self.repeat_box: QMessageBox | None = None
        self._setting_time = False
        self.listed_day: date | None = None

        heading = QLabel(self.tr("Guestbook"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.day_label = QLabel()
        self.day_label.setObjectName("dayLabel")
        self.day_label.setStyleSheet("font-size: 12pt;")
        self.time_edit = VisitTimeEdit(self.zone)
        time_label = QLabel(self.tr("Visit &time"))
        time_label.setBuddy(self.time_edit)
        self.follow = QCheckBox(self.tr("Follow the &clock"))
        self.follow.setObjectName("followClock")
        self.follow.setToolTip(
            self.tr("Untick, or change the time, to type in visits of another day or hour.")
        )
        self.follow.setChecked(True)

        # The three ways in.
        self.member_panel = MemberPanel()
        self.guest = GuestForm()
        self.guest_error = ErrorLabel("guestError")
        self.fast_entry = QCheckBox(self.tr("&Keep the answers, clear only the name (fast entry)"))
        self.fast_entry.setObjectName("fastEntry")
        self.guest_button = QPushButton(self.tr("Record gue&st"))
        self.guest_button.setObjectName("saveGuest")
        self.group = GroupForm()
        self.group_error = ErrorLabel("groupError")
        self.group_button = QPushButton(self.tr("Record gro&up"))
        self.group_button.setObjectName("saveGroup")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visitTabs")
        self.tabs.addTab(self.member_panel, self.tr("&Member"))
        self.tabs.addTab(
            _with_buttons(self.guest, self.guest_error, self.fast_entry, self.guest_button),
            self.tr("&Guest (not a member)"),
        )
        self.tabs.addTab(
            _with_buttons(self.group, self.group_error, None, self.group_button),
            self.tr("G&roup"),
        )

        # The day's list.
        self.model = VisitsModel(self.zone)
        self.table = QTableView()
        self.table.setObjectName("visitsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setObjectName("dayTotals")
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.undo_button = QPushButton(self.tr("Und&o"))
        self.undo_button.setObjectName("undoDelete")
        self.undo_button.hide()
        self.edit_button = QPushButton(self.tr("C&hange"))
        self.edit_button.setObjectName("editVisit")
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("deleteVisit")

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(12)
        top.addWidget(self.day_label, 1)
        top.addWidget(time_label)
        top.addWidget(self.time_edit)
        top.addWidget(self.follow)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.totals, 1)
        list_buttons.addWidget(self.edit_button)
        list_buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addLayout(status_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_buttons)

        self.scanner = ScanCatcher(
            self,
            self.member_panel.scan_box,
            self.service.is_member_number,
            self.on_key_redirected,
        )
        self.scanner.scanned.connect(self.on_card_scanned)
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_TICK_MS)
        self.clock.timeout.connect(self.on_clock_tick)
        self.clock.start()

        self.member_panel.scan_box.returnPressed.connect(self.on_scan_entered)
        self.member_panel.find_button.clicked.connect(self.on_scan_entered)
        self.member_panel.scan_box.textEdited.connect(self.member_panel.error.hide)
        self.member_panel.save_button.clicked.connect(self.on_member_submitted)
        self.member_panel.submitted.connect(self.on_member_submitted)
        self.guest.submitted.connect(self.on_guest_submitted)
        self.guest_button.clicked.connect(self.on_guest_submitted)
        self.group.submitted.connect(self.on_group_submitted)
        self.group_button.clicked.connect(self.on_group_submitted)
        self.time_edit.dateTimeChanged.connect(self.on_time_changed)
        self.follow.toggled.connect(self.on_follow_toggled)
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.table.doubleClicked.connect(lambda _index: self.on_edit_clicked())
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.focus_scan_box)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.on_delete_clicked)
        context.signals.data_changed.connect(self.on_data_changed)
        context.signals.user_changed.connect(self.on_user_changed)
        context.signals.settings_changed.connect(self.on_settings_changed)

        self.apply_options()
        self.set_now()
        self.on_user_changed(context.user)
        self.refresh()
        # The region list and SQLAlchemy take a second or so to load the first time:
        # off the GUI thread, so the page opens at once and the first save is quick.
        region = context.profile.region_code
        service = self.service

        def load(_progress: object) -> tuple[tuple[Region, ...], str | None]:
            service.warm_up()
            return origin_villages(region)

        Task(self, load, self.on_villages_loaded).run()

    # --- showing ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scanner.install()
        if self.follow.isChecked():
            self.on_clock_tick()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.focus_scan_box()

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.remove()
        super().hideEvent(event)

    def apply_options(self) -> None:
        self.model.set_lists(self.options.all_purposes, self.options.age_bands)
        self.member_panel.purposes.set_options(self.options.purposes)
        self.guest.set_options(self.options)
        self.group.set_options(self.options)

    def on_villages_loaded(self, villages: tuple[tuple[Region, ...], str | None]) -> None:
        self.villages = villages
        self.guest.origin.set_villages(*villages)
        self.group.origin.set_villages(*villages)

    def shown_day(self) -> date:
        return self.time_edit.moment().astimezone(self.zone).date()

    def visit_time(self) -> datetime | None:
        """None while following the clock: the service takes the moment of saving."""
        return None if self.follow.isChecked() else self.time_edit.moment()

    def refresh(self) -> None:
        day = self.shown_day()
        self.listed_day = day
        selected = self.selected_row()
        self.model.set_rows(self.service.day_list(day))
        totals = self.service.day_totals(day)
        locale = QLocale()
        self.day_label.setText(
            locale.toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")
        )
        self.totals.setText(
            self.tr(
                "{people} people: {male} male, {female} female · members {members},"
                " non-members {guests}, in groups {groups}"
            ).format(
                people=locale.toString(totals.people),
                male=locale.toString(totals.male),
                female=locale.toString(totals.female),
                members=locale.toString(totals.members),
                guests=locale.toString(totals.guests),
                groups=locale.toString(totals.groups),
            )
        )
        if selected is not None:
            for row, visit in enumerate(self.model.rows):
                if visit.id == selected.id:
                    self.table.selectRow(row)
        self.on_selection_changed()

    def on_data_changed(self, table: str) -> None:
        if table in ("visit", "member"):
            self.refresh()

    def on_settings_changed(self, _values: object) -> None:
        self.options = self.service.form_options()
        self.apply_options()
        self.refresh()

    def on_user_changed(self, user: User) -> None:
        self.service.close()
        self.service = VisitService(self.context.db, user)
        self.scanner.is_member_number = self.service.is_member_number
        self.delete_button.setVisible(self.service.can_delete())
        self.undo_button.hide()
        self.deleted_id = None
        self.on_selection_changed()

    # --- the visit time -------------------------------------------------------------

    def set_now(self) -> None:
        now = datetime.now(self.zone)
        self._setting_time = True
        try:
            self.time_edit.set_latest_day(now.date())
            self.time_edit.set_moment(now)
        finally:
            self._setting_time = False

    def on_clock_tick(self) -> None:
        if not self.follow.isChecked():
            return
        day = self.shown_day()
        self.set_now()
        if self.shown_day() != day:
            self.refresh()

    def on_time_changed(self, _value: object) -> None:
        if self._setting_time:
            return
        if self.follow.isChecked():
            self.follow.blockSignals(True)
            self.follow.setChecked(False)
            self.follow.blockSignals(False)
        if self.shown_day() != self.listed_day:
            self.refresh()

    def on_follow_toggled(self, checked: bool) -> None:
        if checked:
            day = self.shown_day()
            self.set_now()
            if self.shown_day() != day:
                self.refresh()

    # --- members -------------------------------------------------------------------

    def focus_scan_box(self) -> None:
        self.tabs.setCurrentWidget(self.member_panel)
        self.member_panel.scan_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.member_panel.scan_box.selectAll()

    def on_key_redirected(self, text: str) -> None:
        """A key typed where no text goes: the start of a member number."""
        box = self.member_panel.scan_box
        if not box.hasFocus():
            self.focus_scan_box()
        box.insert(text)

    def on_card_scanned(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.member_panel)
        self.member_panel.scan_box.setText(number)
        self.member_panel.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.on_scan_entered()

    def on_scan_entered(self) -> None:
        """Enter in the scan box: look the member up, or record the one shown."""
        number = self.member_panel.scan_box.text().strip()
        if self.member is not None and number == self.member.member_no:
            self.on_member_submitted()
            return
        self.member_panel.error.hide()
        try:
            member = self.service.find_member(number)
        except KnownError as exc:
            self.show_member(None)
            self.member_panel.error.show_message(error_text(exc))
            self.member_panel.scan_box.selectAll()
            return
        self.show_member(member)
        self.member_panel.purposes.set_codes(member.last_purposes)
        self.member_panel.scan_box.selectAll()
        if self.member_panel.auto_save.isChecked():
            self.on_member_submitted()

    def show_member(self, member: MemberCheck | None) -> None:
        self.member = member
        if member is None:
            self.member_panel.info.clear()
            return
        gender = next((tr(g.label) for g in GENDERS if g.code == member.gender), member.gender)
        band = next(
            (short_label(tr(b.label)) for b in self.options.age_bands if b.code == member.age_band),
            "",
        )
        self.member_panel.info.setText(
            self.tr("{name} ({number}) · {gender} · {band}").format(
                name=member.name, number=member.member_no, gender=gender, band=band or "—"
            )
        )

    def on_member_submitted(self) -> None:
        if self.member is None or (
            self.member_panel.scan_box.text().strip() != self.member.member_no
        ):
            self.on_scan_entered()
            return
        member = self.member
        data = VisitInput(
            kind="member",
            visited_at=self.visit_time(),
            member_no=member.member_no,
            purposes=self.member_panel.purposes.codes(),
        )
        self.save(data, self.member_panel, self.member_panel.error, member.name, self.member_saved)

    def member_saved(self) -> None:
        self.show_member(None)
        self.member_panel.purposes.set_codes(())
        self.member_panel.scan_box.clear()
        self.member_panel.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- guests and groups -----------------------------------------------------------

    def on_guest_submitted(self) -> None:
        data = self.guest.collect(self.visit_time())
        name = data.guest_name.strip() if data.guest_name else ""
        self.save(
            data, self.guest, self.guest_error, name or tr(KIND_LABELS["guest"]), self.guest_saved
        )

    def guest_saved(self) -> None:
        self.guest.clear(keep_all_but_name=self.fast_entry.isChecked())
        if self.fast_entry.isChecked():
            self.guest.name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_scan_box()

    def on_group_submitted(self) -> None:
        data = self.group.collect(self.visit_time())
        self.save(data, self.group, self.group_error, data.group_name or "", self.group_saved)

    def group_saved(self) -> None:
        self.group.clear()
        self.focus_scan_box()

    # --- saving -------------------------------------------------------------------------

    def save(
        self,
        data: VisitInput,
        form: GuestForm | GroupForm | MemberPanel,
        error: ErrorLabel,
        who: str,
        done: Callable[[], None],
        *,
        allow_repeat: bool = False,
    ) -> None:
        error.hide()
        try:
            self.service.record(data, allow_repeat=allow_repeat)
        except RepeatVisit as exc:
            self.ask_repeat(exc, data, form, error, who, done)
            return
        except KnownError as exc:
            if isinstance(exc, ValidationError) and exc.field == "visited_at":
                error.show_message(error_text(exc))
                self.time_edit.setFocus()
            else:
                form.show_error(exc, error)
            return
        moment = data.visited_at or datetime.now(self.zone)
        self.deleted_id = None
        self.undo_button.hide()
        self.status.setText(
            self.tr("Recorded at {time}: {who}.").format(
                time=moment.astimezone(self.zone).strftime("%H:%M"), who=who
            )
        )
        done()
        self.context.signals.data_changed.emit("visit")

    def ask_repeat(
        self,
        exc: RepeatVisit,
        data: VisitInput,
        form: GuestForm | GroupForm | MemberPanel,
        error: ErrorLabel,
        who: str,
        done: Callable[[], None],
    ) -> None:
        box = QMessageBox(self)
        box.setObjectName("repeatQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Check in again?"))
        box.setText(self.tr("{message} Record another visit?").format(message=error_text(exc)))
        yes = box.addButton(self.tr("&Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("&No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)  # a card scanned twice by mistake: Enter says no
        box.setEscapeButton(no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            self.repeat_box = None
            if box.clickedButton() is yes:
                self.save(data, form, error, who, done, allow_repeat=True)
            else:
                self.status.setText(self.tr("Not recorded again."))
                if form is self.member_panel:
                    self.member_saved()

        box.finished.connect(answered)
        self.repeat_box = box
        box.open()

    # --- the list: change, delete, undo ---------------------------------------------------

    def selected_row(self) -> VisitRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None and self.service.can_edit(row))
        self.delete_button.setEnabled(row is not None and self.service.can_delete())

    def on_edit_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not self.service.can_edit(row):
            return
        self.open_visit_form(row)

    def open_visit_form(self, row: VisitRow) -> VisitDialog:
        dialog = VisitDialog(self.service, row, self.options, self.villages, self.zone, self)
        dialog.accepted.connect(lambda: self.context.signals.data_changed.emit("visit"))
        dialog.open()
        return dialog

    def edit_visit(self, visit_id: str) -> VisitDialog | None:
        """Show the visit's day with the visit selected, and open its form.

        None, and nothing changed, when the visit is gone (deleted) or is not the
        user's to change.
        """
        visit = self.service.get(visit_id)
        if visit is None or not self.service.can_edit(visit):
            return None
        day = visit.visited_at.astimezone(self.zone).date()
        if all(row.id != visit_id for row in self.service.day_list(day)):
            return None  # deleted: the day's list leaves it out
        # The visit's own day and time, as for a paper guestbook typed in later.
        self.follow.blockSignals(True)
        self.follow.setChecked(False)
        self.follow.blockSignals(False)
        self._setting_time = True
        try:
            self.time_edit.set_latest_day(max(day, datetime.now(self.zone).date()))
            self.time_edit.set_moment(visit.visited_at)
        finally:
            self._setting_time = False
        self.refresh()
        for number, row in enumerate(self.model.rows):
            if row.id == visit_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return self.open_visit_form(row)
        return None

    def on_delete_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not self.service.can_delete():
            return
        try:
            self.service.delete(row.id)
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.deleted_id = row.id
        self.status.setText(
            self.tr("Visit deleted: {who}, {time}.").format(
                who=row.display_name or tr(KIND_LABELS.get(row.kind, row.kind)),
                time=row.visited_at.astimezone(self.zone).strftime("%H:%M"),
            )
        )
        self.undo_button.show()
        self.context.signals.data_changed.emit("visit")

    def on_undo_clicked(self) -> None:
        if self.deleted_id is None:
            return
        try:
            self.service.undo_delete(self.deleted_id)
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.deleted_id = None
        self.undo_button.hide()
        self.status.setText(self.tr("The visit is back in the list."))
        self.context.signals.data_changed.emit("visit")


def _with_buttons(
    form: QWidget, error: ErrorLabel, option: QCheckBox | None, button: QPushButton
) -> QWidget:
    page = QWidget()
    row = QHBoxLayout()
    if option is not None:
        row.addWidget(option)
    row.addStretch(1)
    row.addWidget(button)
    layout = QVBoxLayout(page)
    layout.addWidget(form)
    layout.addWidget(error)
    layout.addLayout(row)
    layout.addStretch(1)
    return page
