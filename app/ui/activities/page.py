"""Kegiatan: the month's activities as a calendar or a list; plan, record, cancel, copy, delete.

The month is chosen with the arrows (Page Up / Page Down); the category and
strategy filters apply to both views. Ctrl+N plans a new activity, Enter
opens the chosen one (in the calendar: the first of the chosen day, or a new
one on that day). A volunteer may plan, record and copy; changing an older
activity and deleting are left to the roles that may (the service decides,
the buttons follow).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.activities import ActivityOptions, ActivityService, ActivityView
from app.core.auth import Permission, User
from app.core.clock import ZONES, utcnow
from app.core.errors import KnownError
from app.core.members import MemberService, SearchHit
from app.ui.activities.calendar import MonthCalendar, to_qdate
from app.ui.activities.form import ActivityDialog, FormServices
from app.ui.activities.model import ActivityListModel, category_label
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import tr

CALENDAR, LIST = 0, 1


class CopyDialog(QDialog):
    """Ask when the next session of a series takes place."""

    def __init__(self, view: ActivityView, zone: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("copyDialog")
        self.setWindowTitle(self.tr("Plan the next session"))
        self.zone = ZONES[zone]
        starts = view.starts_at.astimezone(self.zone)
        following = starts + timedelta(days=7)
        self.when = QDateTimeEdit()
        self.when.setObjectName("copyWhen")
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setDateTime(
            QDateTime(
                QDate(following.year, following.month, following.day),
                QTime(following.hour, following.minute),
            )
        )
        text = QLabel(
            self.tr(
                "A new planned activity \u201c{title}\u201d is made with the same details,"
                " without participants or outcomes."
            ).format(title=view.title)
        )
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Next session"), self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Plan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def starts_at(self) -> datetime:
        value = self.when.dateTime()
        day, moment = value.date(), value.time()
        return datetime(
            day.year(), day.month(), day.day(), moment.hour(), moment.minute(), tzinfo=self.zone
        )


class ActivitiesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._service = self._make_service(context.user)
        self._members: MemberService | None = None
        self._writing = False  # our own data_changed: already shown
        self.options: ActivityOptions = self._service.options()
        local = utcnow().astimezone(ZONES[self.options.time_zone])
        self.year, self.month = local.year, local.month

        heading = QLabel(self.tr("Activities"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("previousMonth")
        self.previous_button.setToolTip(self.tr("Previous month (Page Up)"))
        self.previous_button.clicked.connect(self.on_previous_clicked)
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextMonth")
        self.next_button.setToolTip(self.tr("Next month (Page Down)"))
        self.next_button.clicked.connect(self.on_next_clicked)
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.month_label.setMinimumWidth(180)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_button = QPushButton(self.tr("This mon&th"))
        self.today_button.clicked.connect(self.on_today_clicked)

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.strategy_filter = QComboBox()
        self.strategy_filter.setObjectName("strategyFilter")
        self._fill_filters()
        self.category_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.strategy_filter.currentIndexChanged.connect(self.on_filter_changed)

        self.view_tabs = QTabBar()
        self.view_tabs.setObjectName("viewTabs")
        self.view_tabs.addTab(self.tr("Calendar"))
        self.view_tabs.addTab(self.tr("List"))
        self.view_tabs.currentChanged.connect(self.on_view_tabs_changed)

        self.calendar = MonthCalendar(self.options.time_zone)
        self.calendar.activated.connect(self.on_calendar_activated)
        self.calendar.selectionChanged.connect(self.update_buttons)
        self.calendar.currentPageChanged.connect(self.on_calendar_page_changed)
        self.model = ActivityListModel(self.options)
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.table.installEventFilter(self)
        self.views = QStackedWidget()
        self.views.addWidget(self.calendar)
        self.views.addWidget(self.table)

        self.new_button = QPushButton(self.tr("&New activity…"))
        self.new_button.setObjectName("newActivity")
        self.new_button.setToolTip(self.tr("Plan or record an activity (Ctrl+N)"))
        self.new_button.clicked.connect(self.on_new_clicked)
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setObjectName("openActivity")
        self.open_button.clicked.connect(self.on_open_clicked)
        self.cancel_button = QPushButton(self.tr("&Cancel activity"))
        self.cancel_button.setObjectName("cancelActivity")
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.copy_button = QPushButton(self.tr("Plan next &session…"))
        self.copy_button.setObjectName("copyActivity")
        self.copy_button.clicked.connect(self.on_copy_clicked)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("deleteActivity")
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.figures = QLabel()
        self.figures.setObjectName("monthFigures")
        self.figures.setWordWrap(True)

        QShortcut(QKeySequence.StandardKey.New, self, self.on_new_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.on_previous_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.on_next_clicked)

        month_row = QHBoxLayout()
        month_row.addWidget(self.previous_button)
        month_row.addWidget(self.month_label)
        month_row.addWidget(self.next_button)
        month_row.addWidget(self.today_button)
        month_row.addStretch(1)
        month_row.addWidget(self.view_tabs)
        # The filters get a row of their own, so the page fits a 1024-pixel screen.
        for box in (self.category_filter, self.strategy_filter):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(16)
        self.view_tabs.setUsesScrollButtons(False)
        self.view_tabs.setExpanding(False)
        category_label_widget = QLabel(self.tr("Cate&gory"))
        category_label_widget.setBuddy(self.category_filter)
        strategy_label_widget = QLabel(self.tr("St&rategy"))
        strategy_label_widget.setBuddy(self.strategy_filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(category_label_widget)
        filter_row.addWidget(self.category_filter, 1)
        filter_row.addSpacing(16)
        filter_row.addWidget(strategy_label_widget)
        filter_row.addWidget(self.strategy_filter, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(month_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.figures)
        layout.addLayout(actions)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        context.signals.settings_changed.connect(self.on_context_settings_changed)
        self.refresh()

    # --- plumbing --------------------------------------------------------------------------

    def _make_service(self, user: User) -> ActivityService:
        return ActivityService(self.context.db, user)

    @property
    def service(self) -> ActivityService:
        return self._service

    def _search_members(self, text: str) -> list[SearchHit]:
        if self._members is None:
            self._members = MemberService(
                self.context.db, self.context.user, conn=self.context.conn
            )
        return self._members.search(text)

    def _fill_filters(self) -> None:
        for box in (self.category_filter, self.strategy_filter):
            box.blockSignals(True)
        kept = (self.category_filter.currentData(), self.strategy_filter.currentData())
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in self.options.all_categories:
            self.category_filter.addItem(category_label(self.options, category.code), category.code)
        self.strategy_filter.clear()
        self.strategy_filter.addItem(self.tr("All strategies"), None)
        for strategy in self.options.strategies:
            self.strategy_filter.addItem(tr(strategy.label), strategy.code)
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(kept[0]), 0))
        self.strategy_filter.setCurrentIndex(max(self.strategy_filter.findData(kept[1]), 0))
        for box in (self.category_filter, self.strategy_filter):
            box.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list opens the chosen activity."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.on_open_clicked()
            return True
        return super().eventFilter(watched, event)

    # --- showing ----------------------------------------------------------------------------

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.calendar.setCurrentPage(year, month)
        first = date(year, month, 1)
        if self.calendar.selected_day().replace(day=1) != first:
            self.calendar.setSelectedDate(to_qdate(first))
        self.refresh()

    def refresh(self, keep: str | None = None) -> None:
        if keep is None:
            chosen = self.current()
            keep = chosen.id if chosen is not None else None
        try:
            activities = self._service.month_list(
                self.year,
                self.month,
                category=self.category_filter.currentData(),
                strategy=self.strategy_filter.currentData(),
            )
            figures = self._service.month_figures(self.year, self.month)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.month_label.setText(QLocale().toString(QDate(self.year, self.month, 1), "MMMM yyyy"))
        if (self.calendar.yearShown(), self.calendar.monthShown()) != (self.year, self.month):
            self.calendar.setCurrentPage(self.year, self.month)
        self.calendar.set_activities(activities)
        self.model.set_activities(activities, self.options)
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        self.figures.setText(
            self.tr(
                "This month: {held} held with {people} people ({men} men, {women} women),"
                " {planned} planned, {cancelled} cancelled."
            ).format(
                held=figures.activities,
                people=figures.people,
                men=figures.male,
                women=figures.female,
                planned=figures.planned,
                cancelled=figures.cancelled,
            )
        )
        self.update_buttons()

    def current(self) -> ActivityView | None:
        """The activity the actions apply to: the list's row, or the first of the chosen day."""
        if self.views.currentIndex() == LIST:
            rows = self.table.selectionModel().selectedRows() if self.table.model() else []
            return self.model.activity(rows[0].row()) if rows else None
        found = self.calendar.activities_on(self.calendar.selected_day())
        return found[0] if found else None

    def update_buttons(self, *_: object) -> None:
        view = self.current()
        can_record = self.context.can(Permission.RECORD)
        self.new_button.setEnabled(can_record)
        self.open_button.setEnabled(view is not None)
        self.copy_button.setEnabled(view is not None and can_record)
        self.cancel_button.setEnabled(
            view is not None and view.status != "batal" and self._service.can_change(view)
        )
        self.delete_button.setEnabled(view is not None and self.context.can(Permission.DELETE))

    # --- slots: moving and filtering ---------------------------------------------------------

    def on_previous_clicked(self) -> None:
        year, month = (self.year - 1, 12) if self.month == 1 else (self.year, self.month - 1)
        self.show_month(year, month)

    def on_next_clicked(self) -> None:
        year, month = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
        self.show_month(year, month)

    def on_today_clicked(self) -> None:
        local = utcnow().astimezone(ZONES[self.options.time_zone])
        self.show_month(local.year, local.month)
        self.calendar.setSelectedDate(to_qdate(local.date()))

    def on_calendar_page_changed(self, year: int, month: int) -> None:
        """The arrow keys moved past the end of the month: show the month reached."""
        if (year, month) != (self.year, self.month):
            self.year, self.month = year, month
            self.refresh()

    def on_filter_changed(self, *_: object) -> None:
        self.refresh()

    def on_view_tabs_changed(self, index: int) -> None:
        self.views.setCurrentIndex(index)
        (self.table if index == LIST else self.calendar).setFocus()
        self.update_buttons()

    def show_list(self) -> None:
        self.view_tabs.setCurrentIndex(LIST)

    def show_calendar(self) -> None:
        self.view_tabs.setCurrentIndex(CALENDAR)

    # --- slots: the actions ---------------------------------------------------------------------

    def open_form(self, view: ActivityView | None, day: date | None = None) -> ActivityDialog:
        services = FormServices(self._service, self._search_members)
        dialog = ActivityDialog(services, self.options, view, self, day=day)
        dialog.saved.connect(self.on_form_saved)
        dialog.open()
        return dialog

    def on_new_clicked(self) -> None:
        if not self.context.can(Permission.RECORD):
            return
        day = self.calendar.selected_day() if self.views.currentIndex() == CALENDAR else None
        self.open_form(None, day=day)

    def on_open_clicked(self) -> None:
        view = self.current()
        if view is None:
            return
        fresh = self._service.get(view.id)
        if fresh is None or fresh.deleted:
            self.refresh()
            return
        self.open_form(fresh)

    def on_calendar_activated(self, qdate: QDate) -> None:
        found = self.calendar.activities_on(date(qdate.year(), qdate.month(), qdate.day()))
        if found:
            self.on_open_clicked()
        else:
            self.on_new_clicked()

    def on_table_double_clicked(self, *_: object) -> None:
        self.on_open_clicked()

    def on_form_saved(self, activity_id: str) -> None:
        self.after_write(activity_id)

    def after_write(self, activity_id: str | None) -> None:
        """Show the month of the activity written, chosen, and tell the other pages."""
        view = self._service.get(activity_id) if activity_id is not None else None
        if view is not None and not view.deleted:
            self.year, self.month = view.day.year, view.day.month
            self.calendar.setCurrentPage(self.year, self.month)
            self.calendar.setSelectedDate(to_qdate(view.day))
        self.refresh(keep=activity_id)
        self._writing = True
        try:
            self.context.signals.data_changed.emit("activity")
        finally:
            self._writing = False

    def on_cancel_clicked(self) -> None:
        view = self.current()
        if view is None:
            return
        box = QMessageBox(self)
        box.setObjectName("cancelQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel activity"))
        box.setText(
            self.tr(
                "Cancel \u201c{title}\u201d? It stays in the calendar as cancelled and counts nowhere."
            ).format(title=view.title)
        )
        yes = box.addButton(self.tr("Cancel the activity"), QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmCancel")
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        yes.clicked.connect(lambda: self.cancel_activity(view.id))
        box.open()

    def cancel_activity(self, activity_id: str) -> None:
        try:
            self._service.cancel(activity_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.after_write(activity_id)

    def on_copy_clicked(self) -> None:
        view = self.current()
        if view is None:
            return
        dialog = CopyDialog(view, self.options.time_zone, self)
        dialog.accepted.connect(lambda: self.copy_activity(view.id, dialog.starts_at()))
        dialog.open()

    def copy_activity(self, activity_id: str, starts_at: datetime) -> None:
        try:
            new_id = self._service.copy(activity_id, starts_at)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.after_write(new_id)

    def on_delete_clicked(self) -> None:
        view = self.current()
        if view is None or not self.context.can(Permission.DELETE):
            return
        box = QMessageBox(self)
        box.setObjectName("deleteQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete activity"))
        box.setText(
            self.tr(
                "Delete \u201c{title}\u201d? It disappears from the calendar, the list and"
                " every report."
            ).format(title=view.title)
        )
        yes = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("confirmDelete")
        no = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        yes.clicked.connect(lambda: self.delete_activity(view.id))
        box.open()

    def delete_activity(self, activity_id: str) -> None:
        try:
            self._service.delete(activity_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.after_write(None)

    # --- slots: the context ------------------------------------------------------------------

    def on_context_data_changed(self, table: str) -> None:
        if self._writing:
            return
        if table in ("activity", "partner"):
            if table == "partner":
                self.options = self._service.options()
            self.refresh()

    def on_context_settings_changed(self, changed: dict[str, object]) -> None:
        if {"activity_categories", "age_bands"} & set(changed):
            self.options = self._service.options()
            self._fill_filters()
            self.refresh()

    def on_context_user_changed(self, user: User) -> None:
        self._service.close()
        self._service = self._make_service(user)
        if self._members is not None:
            self._members.close()
            self._members = None
        self.update_buttons()
