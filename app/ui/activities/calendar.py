"""The month calendar: each day shows the titles of its activities in their status colour.

The page moves between months (the calendar's own navigation bar is hidden);
Enter or a double click on a day opens its activity, or plans a new one there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView, QWidget

from app.core.activities import ActivityView
from app.ui.activities.model import STATUS_COLOURS, time_text

LINE_PADDING = 3


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class MonthCalendar(QCalendarWidget):
    """A month grid whose cells list the day's activities."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityCalendar")
        self.zone = zone
        self.by_day: dict[date, list[ActivityView]] = {}
        self.setNavigationBarVisible(False)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(560, 380)
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        if view is not None:  # the day names need one line, not a sixth of the height
            header = view.verticalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(0, view.fontMetrics().height() + 8)

    def set_activities(self, activities: Sequence[ActivityView]) -> None:
        self.by_day = {}
        for view in activities:
            self.by_day.setdefault(view.day, []).append(view)
        self.updateCells()

    def activities_on(self, day: date) -> list[ActivityView]:
        return list(self.by_day.get(day, ()))

    def cell_lines(self, day: date) -> list[str]:
        """What the day's cell shows under its number: one line per activity."""
        return [
            f"{time_text(v, self.zone).split('–')[0]} {v.title}" for v in self.by_day.get(day, ())
        ]

    def selected_day(self) -> date:
        return to_date(self.selectedDate())

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        day = to_date(qdate)
        palette = self.palette()
        in_month = qdate.month() == self.monthShown() and qdate.year() == self.yearShown()
        selected = qdate == self.selectedDate()
        painter.save()
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight).lighter(170))
        elif qdate == QDate.currentDate():
            painter.fillRect(rect, QColor("#fff6d5"))
        else:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        text_colour = palette.color(QPalette.ColorRole.Text)
        if not in_month:
            text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_colour)
        inner = rect.adjusted(LINE_PADDING, 1, -LINE_PADDING, -1)
        line_height = painter.fontMetrics().height()
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), str(qdate.day())
        )
        font.setBold(False)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        y = inner.top() + line_height
        lines = self.cell_lines(day) if in_month else []
        views = self.by_day.get(day, []) if in_month else []
        room = max((inner.bottom() - y) // max(metrics.height(), 1), 0)
        for index, (view, line) in enumerate(zip(views, lines, strict=True)):
            if index + 1 == room and len(lines) > room:
                painter.setPen(text_colour)
                more = self.tr("+{count} more").format(count=len(lines) - index)
                painter.drawText(inner.left(), y + metrics.ascent(), more)
                break
            if index >= room:
                break
            painter.setPen(STATUS_COLOURS.get(view.status, text_colour))
            line_font = QFont(font)
            line_font.setStrikeOut(view.status == "batal")
            painter.setFont(line_font)
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(inner.left(), y + metrics.ascent(), shown)
            y += metrics.height()
        painter.restore()
