"""Beranda: the home page, the library at a glance.

Today (visitors by gender, loans out, overdue), this month against last month,
the visitors of the last 30 days as a small chart, today's and the coming
week's activities, the sync status and the backup status (the last good
backup; a warning when the USB stick or second drive has had no backup for 7
days, or none is chosen). The figures come from
``app.core.home.home_figures``, read on a background task: the page is the
first one shown at start-up, so it is built with placeholders and filled just
after the window is first painted. After every recorded change
(``data_changed``) the figures are read again; a burst of changes is read once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import ZONES
from app.core.library import region_path
from app.ui.context import AppContext
from app.ui.pages import PageSpec

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPaintEvent

    from app.core.home import ActivityLine, DayCount, HomeFigures
    from app.core.tasks import Progress

# Imported when first used, not at start-up: app.core.home (its dataclasses cost the
# first page ~6 ms, and the figures are read only after the window is painted), and
# QPainter, QPen and QPalette (naming a Qt class builds its enums): the chart is drawn
# and the notes are coloured only once there are figures.

# setAlignment(Qt.AlignmentFlag.AlignCenter) by name: naming Qt builds all its ~90 enums
# (~30 ms), which the first page shown at start-up can do without.
CENTRE = "AlignCenter"
PLACEHOLDER = "–"
FIRST_FILL_MS = 50  # after the window's first paint
COALESCE_MS = 300  # a burst of changes (a class signing in) is read once

# Fonts and colours, not a style sheet: a style sheet on the page costs the first
# page ~8 ms of start-up.
NOTE = QColor("#555555")
ALERT = "color: #c62828;"
WARNING = "color: #e65100; font-weight: bold;"  # orange: act soon
BAR = QColor("#4f81bd")
TODAY_BAR = QColor("#2e7d32")
GRID = QColor("#d0d0d0")
TEXT = QColor("#444444")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def home_figures(conn: Any, zone: str) -> HomeFigures:
    """``app.core.home.home_figures``, loaded on the first read (after the first paint).

    ``conn`` is the task's sqlite3 connection (the UI names no database module).
    """
    from app.core.home import home_figures as read

    return read(conn, zone)


class DayChart(QWidget):
    """Visitors per day as bars, drawn with QPainter (vector: sharp at any size)."""

    def __init__(self) -> None:
        super().__init__()
        self.days: tuple[DayCount, ...] = ()
        self.setMinimumSize(360, 150)

    def set_days(self, days: Sequence[DayCount]) -> None:
        self.days = tuple(days)
        total = sum(d.people for d in self.days)
        text = self.tr("Visitors in the last {days} days: {people} people").format(
            days=len(self.days), people=QLocale().toString(total)
        )
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.days:
            return
        from PySide6.QtCore import QPointF, QRectF
        from PySide6.QtGui import QFontMetrics, QPainter, QPen

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        locale = QLocale()
        high = max(max(d.people for d in self.days), 1)
        top_label = locale.toString(high)
        left = metrics.horizontalAdvance(top_label) + 8
        top = metrics.height() // 2 + 2
        bottom = self.height() - metrics.height() - 6
        right = self.width() - 4
        height = max(bottom - top, 1)
        # Scale: a line at the highest day and at zero, the highest figure written beside it.
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(left, top), QPointF(right, top))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        painter.setPen(TEXT)
        painter.drawText(QPointF(0, top + metrics.ascent() / 2), top_label)
        painter.drawText(
            QPointF(left - 8 - metrics.horizontalAdvance("0"), bottom + metrics.ascent() / 2), "0"
        )
        slot = (right - left) / len(self.days)
        bar = max(slot * 0.7, 1.0)
        painter.setPen(QPen(BAR, 0))
        for n, day in enumerate(self.days):
            h = height * day.people / high
            x = left + n * slot + (slot - bar) / 2
            colour = TODAY_BAR if n == len(self.days) - 1 else BAR
            painter.fillRect(QRectF(x, bottom - h, bar, h), colour)
        # Dates under the first, the middle and the last bar.
        painter.setPen(TEXT)
        y = bottom + 4 + metrics.ascent()
        for n in (0, len(self.days) // 2, len(self.days) - 1):
            text = locale.toString(_qdate(self.days[n].day), "d MMM")
            width = metrics.horizontalAdvance(text)
            centre = left + n * slot + slot / 2
            x = min(max(centre - width / 2, left), right - width)
            painter.drawText(QPointF(x, y), text)
        painter.end()


class _Fonts:
    """The page's fonts, made once per page from its own."""

    def __init__(self, base: QFont) -> None:
        self.title = self._font(base, 18)
        self.value = self._font(base, 22)
        self.small_value = self._font(base, 14)
        self.heading = self._font(base, 12)

    @staticmethod
    def _font(base: QFont, points: int) -> QFont:
        font = QFont(base)
        font.setPointSize(points)
        font.setBold(True)
        return font


class _Card(QFrame):
    """A figure: the number, what it counts, and a note under it."""

    def __init__(self, key: str, caption: str, fonts: _Fonts, *, small: bool = False) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel(PLACEHOLDER)
        self.value.setObjectName(f"figure_{key}")
        self.value.setFont(fonts.small_value if small else fonts.value)
        self.value.setProperty("alignment", CENTRE)
        self.caption = QLabel(caption)
        self.caption.setProperty("alignment", CENTRE)
        self.caption.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName(f"note_{key}")
        self.note_coloured = False  # the note's grey is set when it first has a text
        self.note.setProperty("alignment", CENTRE)
        self.note.setWordWrap(True)
        self.note.hide()
        inner = QVBoxLayout(self)
        inner.setContentsMargins(8, 6, 8, 6)
        inner.setSpacing(2)
        inner.addWidget(self.value)
        inner.addWidget(self.caption)
        inner.addWidget(self.note)

    def show_figure(self, value: int, note: str = "") -> None:
        self.value.setText(QLocale().toString(value))
        if note and not self.note_coloured:
            from PySide6.QtGui import QPalette

            palette = self.note.palette()
            palette.setColor(QPalette.ColorRole.WindowText, NOTE)
            self.note.setPalette(palette)
            self.note_coloured = True
        self.note.setText(note)
        self.note.setVisible(bool(note))


class _ShowWatcher(QObject):
    """Tells the page when it is shown again; it watches only while the page is hidden
    with figures to read.

    Not a ``showEvent`` override: with one, PySide builds ``QEvent`` (its ~180 types of
    event) as the window is first shown.
    """

    def __init__(self, page: BerandaPage) -> None:
        super().__init__(page)
        self.page = page
        self.armed = False

    def arm(self) -> None:
        if not self.armed:
            self.armed = True
            self.page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Show:
            self.armed = False
            self.page.removeEventFilter(self)
            self.page.on_shown_again()
        return False


class BerandaPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.figures: HomeFigures | None = None
        self.running = False  # a task is reading the figures
        self.stale = False  # something changed while the page was hidden or being read
        self.show_watcher: _ShowWatcher | None = None  # made when first needed
        self.fonts = _Fonts(self.font())
        self.title = QLabel()
        self.title.setFont(self.fonts.title)
        self.title.setWordWrap(True)
        self.region = QLabel()
        self.region.setWordWrap(True)
        self.region.setObjectName("regionPath")

        self.today_heading = self._heading(self.tr("Today"))
        self.today_heading.setObjectName("todayHeading")
        self.cards = {
            "visitors_today": _Card("visitors_today", self.tr("Visitors today"), self.fonts),
            "loans_out": _Card("loans_out", self.tr("Books on loan now"), self.fonts),
            "overdue": _Card("overdue", self.tr("Loans overdue"), self.fonts),
            "visitors_this_month": _Card(
                "visitors_this_month", self.tr("Visitors this month"), self.fonts
            ),
            "loans": _Card("loans", self.tr("Loans this month"), self.fonts),
            "activities": _Card("activities", self.tr("Activities held this month"), self.fonts),
            "participants": _Card(
                "participants", self.tr("Activity participants this month"), self.fonts
            ),
            "members": _Card("members", self.tr("Active members"), self.fonts, small=True),
            "titles": _Card("titles", self.tr("Titles in the catalogue"), self.fonts, small=True),
            "items": _Card("items", self.tr("Copies in the collection"), self.fonts, small=True),
        }
        today_row = self._row(["visitors_today", "loans_out", "overdue"])
        month_row = self._row(["visitors_this_month", "loans", "activities", "participants"])
        library_row = self._row(["members", "titles", "items"])

        self.chart = DayChart()
        self.chart.setObjectName("dayChart")
        chart_box = QVBoxLayout()
        chart_box.addWidget(self._heading(self.tr("Visitors in the last 30 days")))
        chart_box.addWidget(self.chart, 1)
        self.today_list = QLabel(PLACEHOLDER)
        self.today_list.setObjectName("activitiesToday")
        self.today_list.setWordWrap(True)
        self.upcoming_list = QLabel(PLACEHOLDER)
        self.upcoming_list.setObjectName("activitiesUpcoming")
        self.upcoming_list.setWordWrap(True)
        lists = QVBoxLayout()
        lists.addWidget(self._heading(self.tr("Today's activities")))
        lists.addWidget(self.today_list)
        lists.addWidget(self._heading(self.tr("Planned for the next 7 days")))
        lists.addWidget(self.upcoming_list)
        lists.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(chart_box, 3)
        middle.addSpacing(16)
        middle.addLayout(lists, 2)

        self.sync_status = QLabel(PLACEHOLDER)
        self.sync_status.setObjectName("syncStatus")
        self.sync_status.setWordWrap(True)
        self.backup_status = QLabel(PLACEHOLDER)
        self.backup_status.setObjectName("backupStatus")
        self.backup_status.setWordWrap(True)
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backupWarning")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.hide()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.region)
        layout.addWidget(self.backup_warning)  # at the top: seen without scrolling
        layout.addSpacing(8)
        layout.addWidget(self.today_heading)
        layout.addLayout(today_row)
        layout.addSpacing(8)
        layout.addWidget(self._heading(self.tr("This month, compared with last month")))
        layout.addLayout(month_row)
        layout.addSpacing(8)
        layout.addLayout(middle)
        layout.addSpacing(8)
        layout.addWidget(self._heading(self.tr("The library")))
        layout.addLayout(library_row)
        layout.addSpacing(4)
        layout.addWidget(self.sync_status)
        layout.addWidget(self.backup_status)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.on_timer_timeout)
        context.signals.profile_changed.connect(self.on_profile_changed)
        context.signals.data_changed.connect(self.on_data_changed)
        self.show_profile()
        self.timer.start(FIRST_FILL_MS)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(self.fonts.heading)
        return label

    def _row(self, keys: Sequence[str]) -> QGridLayout:
        row = QGridLayout()
        row.setSpacing(10)
        for column, key in enumerate(keys):
            row.addWidget(self.cards[key], 0, column)
        return row

    # --- refreshing --------------------------------------------------------------------

    def on_profile_changed(self, _profile: object) -> None:
        self.show_profile()
        self.schedule(COALESCE_MS)

    def on_data_changed(self, _table: str) -> None:
        self.schedule(COALESCE_MS)

    def schedule(self, msecs: int) -> None:
        """Read the figures after ``msecs``; changes meanwhile are read at the same time."""
        if not self.timer.isActive():
            self.timer.start(msecs)

    def on_shown_again(self) -> None:
        if self.stale:
            self.schedule(0)

    def on_timer_timeout(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the figures on a background task (never on the GUI thread)."""
        if not self.isVisible() or self.running:
            self.stale = True  # read when shown again, or once the running read is done
            if not self.isVisible():
                if self.show_watcher is None:
                    self.show_watcher = _ShowWatcher(self)
                self.show_watcher.arm()
            return
        from app.ui.tasks import Task

        self.stale = False
        self.running = True
        db, zone = self.context.db, self.context.profile.time_zone

        def read(_progress: Progress) -> HomeFigures:
            conn = db.connect()  # this worker thread's own connection
            try:
                return home_figures(conn, zone)
            finally:
                conn.close()

        Task(self, read, self.on_figures_read).on_failure(self.on_figures_failed).run()

    def on_figures_read(self, figures: HomeFigures) -> None:
        self.running = False
        self.show_figures(figures)
        if self.stale:
            self.schedule(0)

    def on_figures_failed(self, exc: BaseException) -> None:
        from app.ui.errors import show_error

        self.running = False
        show_error(self, exc)

    # --- showing -----------------------------------------------------------------------

    def show_profile(self) -> None:
        profile = self.context.profile
        self.title.setText(profile.name)
        self.region.setText(region_path(self.context.conn, profile.region_code))

    def show_figures(self, figures: HomeFigures) -> None:
        self.figures = figures
        locale = QLocale()
        number = locale.toString
        self.today_heading.setText(
            self.tr("Today, {date}").format(
                date=locale.toString(_qdate(figures.today), "dddd, d MMMM yyyy")
            )
        )
        cards = self.cards
        cards["visitors_today"].show_figure(
            figures.visitors_today,
            self.tr("{male} male, {female} female").format(
                male=number(figures.visitors_today_male),
                female=number(figures.visitors_today_female),
            ),
        )
        cards["loans_out"].show_figure(figures.loans_out)
        cards["overdue"].show_figure(
            figures.overdue, self.tr("past their due date") if figures.overdue else ""
        )
        cards["overdue"].value.setStyleSheet(ALERT if figures.overdue else "")
        last_month = self.tr("Last month: {count}")
        for key, pair in (
            ("visitors_this_month", figures.visits),
            ("loans", figures.loans),
            ("activities", figures.activities_held),
            ("participants", figures.participants),
        ):
            cards[key].show_figure(pair.current, last_month.format(count=number(pair.previous)))
        for key in ("members", "titles", "items"):
            cards[key].show_figure(getattr(figures, key))
        self.chart.set_days(figures.last_days)
        self.today_list.setText(
            "\n".join(self._today_line(a) for a in figures.activities_today)
            or self.tr("No activities today.")
        )
        self.upcoming_list.setText(
            "\n".join(self._upcoming_line(a) for a in figures.activities_upcoming)
            or self.tr("Nothing planned yet.")
        )
        self.sync_status.setText(self._sync_text(figures))
        self.show_backup(figures)

    def _today_line(self, activity: ActivityLine) -> str:
        when = activity.starts_at.strftime("%H:%M")
        if activity.place:
            return self.tr("{time}  {title} ({place})").format(
                time=when, title=activity.title, place=activity.place
            )
        return self.tr("{time}  {title}").format(time=when, title=activity.title)

    def _upcoming_line(self, activity: ActivityLine) -> str:
        return self.tr("{day}, {time}  {title}").format(
            day=QLocale().toString(_qdate(activity.starts_at.date()), "ddd d MMM"),
            time=activity.starts_at.strftime("%H:%M"),
            title=activity.title,
        )

    def show_backup(self, figures: HomeFigures) -> None:
        """The last good backup, and a warning when the second drive has none for a week."""
        backup = figures.backup
        if backup is None:
            self.backup_status.hide()
            self.backup_warning.hide()
            return
        if backup.last_at is None:
            self.backup_status.setText(self.tr("No backup has been made yet."))
        else:
            self.backup_status.setText(
                self.tr("Last backup: {when}, checked.").format(when=self._when(backup.last_at))
            )
        self.backup_status.setStyleSheet(ALERT if figures.backups_stale else "")
        self.backup_status.show()
        if backup.second_folder is None:
            warning = self.tr(
                "No USB stick or second drive is chosen for backups. If this PC is lost, the"
                " data is lost with it: choose one in Settings."
            )
        elif figures.second_copy_missing:
            from app.core.home import SECOND_COPY_DAYS

            warning = self.tr(
                "No backup on the USB stick or second drive for {days} days. Plug it in:"
                " the next backup is copied onto it."
            ).format(days=SECOND_COPY_DAYS)
            if backup.second_at is not None:
                warning += " " + self.tr("Last copy there: {when}.").format(
                    when=self._when(backup.second_at)
                )
        else:
            warning = ""
        self.backup_warning.setText(warning)
        self.backup_warning.setStyleSheet(ALERT if figures.backups_stale else WARNING)
        self.backup_warning.setVisible(bool(warning))

    def _when(self, moment: datetime) -> str:
        """A moment as the library's local date and time: 26 November 2026 10.15."""
        local = moment.astimezone(ZONES[self.context.profile.time_zone])
        locale = QLocale()
        return self.tr("{date} {time}").format(
            date=locale.toString(_qdate(local.date()), "d MMMM yyyy"),
            time=locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat),
        )

    def _sync_text(self, figures: HomeFigures) -> str:
        count = QLocale().toString(figures.pending_sync)
        if figures.last_sync_at is None:
            return self.tr("Changes waiting to be sent: {count}. Never synced yet.").format(
                count=count
            )
        local = figures.last_sync_at.astimezone(ZONES[self.context.profile.time_zone])
        return self.tr(
            "Changes waiting to be sent: {count}. Last successful sync: {date}, {time}."
        ).format(
            count=count,
            date=QLocale().toString(_qdate(local.date()), "d MMMM yyyy"),
            time=local.strftime("%H:%M"),
        )


PAGE = PageSpec(
    key="beranda",
    order=0,
    title=lambda: QCoreApplication.translate("Pages", "Home"),
    factory=BerandaPage,
)
