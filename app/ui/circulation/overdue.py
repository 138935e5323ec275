"""Overdue loans: whom to call, and a printed reminder list.

The list shows every open loan past its due date, the longest overdue first: days late,
the member's name, number and phone, the title, barcode and due date. "Print
reminder list..." turns it into an A4 page (an HTML :class:`QTextDocument`
with the library's name and the date in Indonesian, "26 November 2026"),
saved as a PDF through :class:`QPdfWriter` in a background task, or sent to a
printer chosen in Qt's print dialog.

    render_reminder_pdf(path, reminder_html(name, address, lines, today))  # tests call this
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QLocale,
    QMarginsF,
    QModelIndex,
    QPersistentModelIndex,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.circulation import OverdueLine
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.circulation.models import LATE_BACKGROUND, LATE_FOREGROUND, day_text
from app.ui.i18n import tr
from app.ui.printing import PdfFileError, PdfPrintDialog, PrintTexts, write_pdf
from app.ui.table_model import RowsModel

_Index = QModelIndex | QPersistentModelIndex

PDF_DPI = 300
MARGIN_MM = 15.0
VERY_LATE_DAYS = 14  # rows this late are shown in bold
_FONTS = ["Segoe UI", "Arial", "Liberation Sans", "DejaVu Sans"]
NOTHING_TO_PRINT = QT_TRANSLATE_NOOP("PerpusDesa", "There are no overdue loans to print.")


def indonesian_date(day: date) -> str:
    """'26 November 2026': Indonesian month names, whatever the program's language."""
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


class OverdueModel(RowsModel):
    """Overdue loans, as the service sorts them (the longest overdue first)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Days late"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Member"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Member no."),
        QT_TRANSLATE_NOOP("PerpusDesa", "Phone"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Barcode"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Due"),
    )
    DAYS_COLUMN = 0

    def line_at(self, row: int) -> OverdueLine | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def __init__(self) -> None:
        super().__init__(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line: OverdueLine = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                QLocale().toString(line.days_late),
                line.member_name,
                line.member_no,
                line.phone or "",
                line.title,
                line.barcode,
                day_text(line.due_on),
            )
            return values[column]
        if role == Qt.ItemDataRole.UserRole:
            return line
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DAYS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.DAYS_COLUMN:
            return QBrush(LATE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DAYS_COLUMN:
            return QBrush(LATE_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and line.days_late >= VERY_LATE_DAYS:
            font = QFont()
            font.setBold(True)
            return font
        return None


# --- the printed list ------------------------------------------------------------------


def reminder_html(
    library_name: str, address: str, lines: Sequence[OverdueLine], today: date
) -> str:
    """The reminder list as HTML for a QTextDocument (GUI thread: it translates)."""

    def cell(text: str, width: int, *, right: bool = False) -> str:
        align = "right" if right else "left"
        return f'<td width="{width}%" align="{align}">{text}</td>'

    headers = (
        (QT_TRANSLATE_NOOP("PerpusDesa", "No."), 5),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Member"), 21),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Phone"), 16),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Title"), 27),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Due"), 14),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Days late"), 7),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Contacted"), 10),
    )
    head = "".join(
        f'<th width="{width}%" bgcolor="#e3f1ec" align="left">{html.escape(tr(text))}</th>'
        for text, width in headers
    )
    small = '<span style="font-size: 8pt; color: #444444;">{}</span>'
    rows = []
    for number, line in enumerate(lines, start=1):
        rows.append(
            "<tr>"
            + cell(str(number), 5, right=True)
            + cell(
                f"<b>{html.escape(line.member_name)}</b><br/>"
                + small.format(html.escape(line.member_no)),
                21,
            )
            + cell(html.escape(line.phone or "—"), 16)
            + cell(f"{html.escape(line.title)}<br/>" + small.format(html.escape(line.barcode)), 27)
            + cell(html.escape(indonesian_date(line.due_on)), 14)
            + cell(f"<b>{line.days_late}</b>", 7, right=True)
            + cell("", 10)
            + "</tr>"
        )
    heading = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Overdue loans: reminder list"))
    dated = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Date: {date}")).format(date=indonesian_date(today))
    count = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Overdue loans: {count}")).format(count=len(lines))
    return (
        "<html><body>"
        f'<p style="font-size: 15pt; font-weight: bold; color: #0b6e4f;">'
        f"{html.escape(library_name)}</p>"
        f'<p style="font-size: 9pt; color: #444444;">{html.escape(address)}</p>'
        "<hr/>"
        f'<p style="font-size: 13pt; font-weight: bold;">{html.escape(heading)}</p>'
        f"<p>{html.escape(dated)}<br/>{html.escape(count)}</p>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%"'
        ' style="border-collapse: collapse; border-color: #888888; font-size: 9pt;">'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "</body></html>"
    )


def _print_document(content: str, device: QPagedPaintDevice) -> None:
    """Lay the list out on the device's own pages (its resolution, inside its margins) and print."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setFamilies(_FONTS)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    layout = device.pageLayout()
    document.setPageSize(QSizeF(layout.paintRectPixels(device.logicalDpiX()).size()))
    document.setHtml(content)
    document.print_(device)


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class ReminderFileError(PdfFileError):
    """The PDF could not be written where the user asked."""


def render_reminder_pdf(
    path: Path | str, content: str, title: str = "", progress: Progress | None = None
) -> Path:
    """Write the reminder list (HTML) to an A4 PDF at ``path``, replaced whole or not at all.

    Safe on a worker thread: the document and writer are made and used here only.
    """
    return write_pdf(
        path,
        _a4_layout(),
        PDF_DPI,
        title,
        lambda writer: _print_document(content, writer),
        progress,
        ReminderFileError,
    )


def print_reminder(printer: QPrinter, content: str) -> None:
    """Print the reminder list on a printer set up by the print dialog (GUI thread)."""
    printer.setPageLayout(_a4_layout())
    _print_document(content, printer)


def default_pdf_path(today: date) -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("ReminderPrintDialog", "overdue-reminders-{date}.pdf").format(
        date=today.isoformat()
    )
    return Path(folder or Path.home()) / name


class ReminderPrintDialog(PdfPrintDialog):
    """Save the reminder list as a PDF (the default) or send it to a printer."""

    def __init__(
        self,
        library_name: str,
        address: str,
        lines: Sequence[OverdueLine],
        today: date,
        parent: QWidget | None = None,
        pdf_path: Path | None = None,
    ) -> None:
        self.lines = list(lines)
        self.content = reminder_html(library_name, address, self.lines, today)
        texts = PrintTexts(
            title=self.tr("Print the reminder list"),
            as_pdf=self.tr("Save as a &PDF file"),
            to_printer=self.tr("Send to a p&rinter"),
            browse=self.tr("&Browse..."),
            open_pdf=self.tr("&Open the PDF"),
            ok=self.tr("Print"),
            cancel=self.tr("Cancel"),
            file=self.tr("&File"),
            save_as=self.tr("Save the reminder list as"),
            pdf_files=self.tr("PDF files (*.pdf)"),
            no_path=self.tr("Choose where to save the PDF file."),
            close=self.tr("&Close"),
            progress=self.tr("Making the reminder list..."),
            saved=self.tr("The reminder list was saved in {path}."),
            doc_name=self.tr("Overdue loans"),
        )
        summary = self.tr(
            "Overdue loans on {date}: {count}. One A4 list to call or visit them."
        ).format(date=day_text(today, "d MMMM yyyy"), count=len(self.lines))
        super().__init__(texts, summary, pdf_path or default_pdf_path(today), parent)

    def nothing_to_print(self) -> str | None:
        return None if self.lines else tr(NOTHING_TO_PRINT)

    def make_pdf(self, path: Path, progress: Progress) -> Path:
        return render_reminder_pdf(path, self.content, self.texts.doc_name, progress)

    def make_print_dialog(self, printer: QPrinter) -> QPrintDialog:
        return QPrintDialog(printer, self)  # looked up here: tests answer it

    def print_to(self, printer: QPrinter) -> None:
        print_reminder(printer, self.content)


class OverdueView(QWidget):
    """The overdue list with its print button; ``refresh()`` reads it again."""

    def __init__(
        self,
        load: Callable[[], list[OverdueLine]],
        today: Callable[[], date],
        letterhead: Callable[[], tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.load = load
        self.today = today
        self.letterhead = letterhead
        self.dialog: ReminderPrintDialog | None = None

        self.heading = QLabel()
        self.heading.setObjectName("overdueHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.refresh_button.setObjectName("refreshOverdue")
        self.print_button = QPushButton(self.tr("&Print reminder list..."))
        self.print_button.setObjectName("printReminders")
        self.model = OverdueModel()
        self.table = QTableView()
        self.table.setObjectName("overdueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.on_print_clicked)

    def refresh(self) -> None:
        lines = self.load()
        self.model.set_rows(lines)
        self.heading.setText(
            self.tr("Overdue on {date}: {count} loans, the longest overdue first.").format(
                date=day_text(self.today(), "d MMMM yyyy"), count=len(lines)
            )
        )
        self.print_button.setEnabled(bool(lines))

    def on_print_clicked(self, _checked: bool = False, pdf_path: Path | None = None) -> None:
        lines = self.load()
        if not lines:
            self.refresh()
            return
        name, address = self.letterhead()
        dialog = ReminderPrintDialog(name, address, lines, self.today(), self, pdf_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
