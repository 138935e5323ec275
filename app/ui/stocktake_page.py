"""Stock take (stock opname): scan the shelves, see what is missing, close the count, print it.

The page shows the open count, or offers to start one. Every copy found on a
shelf is scanned (a USB scanner types the barcode and Enter) or its barcode
typed into the scan box; a key pressed on a table or a button lands in the
scan box too (:class:`app.ui.guestbook.scanner.ScanCatcher`). Each scan is
saved at once, so after a power cut the page opens on the same count with
every scan kept.

Live figures (expected, found, missing, on loan, unexpected, unknown) sit
above four lists: missing copies in shelf order, unexpected finds (a lost or
weeded copy, which can be made available again, or a code not in the
catalogue), copies on loan (those found on a shelf are flagged: their return
was never scanned) and every code scanned, newest first, where a code typed
wrongly can be taken back out.

"Close the count..." asks first and says how many copies will be marked lost.
"Print the result..." makes an A4 report (an HTML :class:`QTextDocument`),
saved as a PDF through :class:`QPdfWriter` in a background task, or sent to a
printer chosen in Qt's print dialog.

    render_report_pdf(path, report_html(report))   # tests call this directly
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QMarginsF,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QHideEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QShortcut,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission
from app.core.clock import ZONES
from app.core.errors import KnownError
from app.core.stocktake import (
    ALREADY,
    EXPECTED_STATUSES,
    FOUND,
    ON_LOAN,
    UNEXPECTED,
    UNKNOWN,
    CloseResult,
    NoOpenCount,
    ScanResult,
    StocktakeLine,
    StocktakeProgress,
    StocktakeReport,
    StocktakeService,
    StocktakeView,
)
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.catalog.format import STATUS_LABELS, label
from app.ui.context import AppContext
from app.ui.guestbook.scanner import ScanCatcher
from app.ui.i18n import error_text, tr
from app.ui.printing import PdfFileError, PdfPrintDialog, PrintTexts, write_pdf
from app.ui.table_model import RowsModel
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

PDF_DPI = 300
MARGIN_MM = 15.0
_FONTS = ["Segoe UI", "Arial", "Liberation Sans", "DejaVu Sans"]
_CODE_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")
_COLORS = {
    FOUND: "#0b6e4f",
    ALREADY: "#555555",
    ON_LOAN: "#a15c00",
    UNEXPECTED: "#a15c00",
    UNKNOWN: "#b00020",
}
_DATA_TABLES = {"item", "loan", "title"}

# What a scanned code turned out to be, in the lists and the printed result.
KIND_LABELS = {
    FOUND: QT_TRANSLATE_NOOP("PerpusDesa", "On the shelf"),
    ON_LOAN: QT_TRANSLATE_NOOP("PerpusDesa", "On loan, yet on the shelf"),
    UNEXPECTED: QT_TRANSLATE_NOOP("PerpusDesa", "Lost or weeded, yet on the shelf"),
    UNKNOWN: QT_TRANSLATE_NOOP("PerpusDesa", "Not in the catalogue"),
}

BARCODE = QT_TRANSLATE_NOOP("PerpusDesa", "Barcode")
CALL_NUMBER = QT_TRANSLATE_NOOP("PerpusDesa", "Call number")
TITLE = QT_TRANSLATE_NOOP("PerpusDesa", "Title")
STATUS = QT_TRANSLATE_NOOP("PerpusDesa", "Status")
DUE = QT_TRANSLATE_NOOP("PerpusDesa", "Due")
FOUND_ON_SHELF = QT_TRANSLATE_NOOP("PerpusDesa", "Found on the shelf")
SCANNED_AT = QT_TRANSLATE_NOOP("PerpusDesa", "Scanned")
RESULT = QT_TRANSLATE_NOOP("PerpusDesa", "Result")
YES = QT_TRANSLATE_NOOP("PerpusDesa", "Yes")


# --- formats ------------------------------------------------------------------------------


def _indonesian() -> QLocale:
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def indonesian_date(day: date) -> str:
    """'26 November 2026': Indonesian month names, whatever the program's language."""
    return _indonesian().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def local_time(moment: datetime, zone: str) -> str:
    """'26 November 2026 14.30 WIB': in the library's time zone."""
    local = moment.astimezone(ZONES[zone])
    return f"{indonesian_date(local.date())} {local:%H.%M} {zone}"


def kind_label(line: StocktakeLine) -> str:
    if line.kind == UNEXPECTED and line.status is not None:
        return tr(QT_TRANSLATE_NOOP("PerpusDesa", "{status}, yet on the shelf")).format(
            status=label(STATUS_LABELS, line.status)
        )
    return tr(KIND_LABELS.get(line.kind, line.kind))


# --- the lists ----------------------------------------------------------------------------

_Index = QModelIndex | QPersistentModelIndex


class LinesModel(RowsModel):
    """Lines of the count; each column is a header and how a line reads in it."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[StocktakeLine], str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__([header for header, _ in columns], parent)
        self.cells = [cell for _, cell in columns]

    def line_at(self, row: int) -> StocktakeLine | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def prepend(self, line: StocktakeLine) -> None:
        """A line at the top (the newest scan), without reading the list again."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, line)
        self.endInsertRows()

    def remove_item(self, item_id: str | None) -> None:
        """Drop the copy's line, if listed (a missing copy that was just found)."""
        for row, line in enumerate(self.rows):
            if item_id is not None and line.item_id == item_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
                return

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.column()](self.rows[index.row()])
        return None


def _missing_model(parent: QWidget) -> LinesModel:
    return LinesModel(
        [
            (BARCODE, lambda line: line.barcode),
            (CALL_NUMBER, lambda line: line.call_number or ""),
            (TITLE, lambda line: line.title),
            (STATUS, lambda line: label(STATUS_LABELS, line.status)),
        ],
        parent,
    )


def _unexpected_model(parent: QWidget) -> LinesModel:
    return LinesModel(
        [
            (BARCODE, lambda line: line.barcode),
            (TITLE, lambda line: line.title),
            (RESULT, kind_label),
        ],
        parent,
    )


def _on_loan_model(parent: QWidget) -> LinesModel:
    return LinesModel(
        [
            (BARCODE, lambda line: line.barcode),
            (TITLE, lambda line: line.title),
            (DUE, lambda line: indonesian_date(line.due_on) if line.due_on else ""),
            (FOUND_ON_SHELF, lambda line: tr(YES) if line.scanned_at else ""),
        ],
        parent,
    )


def _scanned_model(parent: QWidget, zone: Callable[[], str]) -> LinesModel:
    def when(line: StocktakeLine) -> str:
        if line.scanned_at is None:
            return ""
        return f"{line.scanned_at.astimezone(ZONES[zone()]):%H.%M.%S}"

    return LinesModel(
        [
            (SCANNED_AT, when),
            (BARCODE, lambda line: line.barcode),
            (TITLE, lambda line: line.title),
            (RESULT, kind_label),
        ],
        parent,
    )


def _table(model: LinesModel, name: str, stretch: int) -> QTableView:
    """A read-only list; column ``stretch`` (the title) takes the room left."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(100)  # thousands of rows: measure the first ones
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


# --- the printed result -------------------------------------------------------------------


def report_html(report: StocktakeReport) -> str:
    """The result of a count as HTML for a QTextDocument (GUI thread: it translates)."""

    def esc(text: str) -> str:
        return html.escape(text)

    def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
        head = "".join(f'<th bgcolor="#e3f1ec" align="left">{esc(tr(h))}</th>' for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
        )
        return (
            '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
            ' style="border-collapse: collapse; font-size: 9pt;">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def section(title: str, content: str) -> str:
        return f'<p style="font-size: 11pt; font-weight: bold; margin-top: 12px;">{esc(title)}</p>{content}'

    count, figures, zone = report.count, report.progress, report.time_zone
    started = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Started: {time} by {user}")).format(
        time=local_time(count.started_at, zone), user=count.started_by
    )
    if count.status == "closed" and count.closed_at is not None:
        ended = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Closed: {time} by {user}")).format(
            time=local_time(count.closed_at, zone), user=count.closed_by or ""
        )
    else:
        ended = tr(
            QT_TRANSLATE_NOOP("PerpusDesa", "The count is still open; the lists may change.")
        )
    number = QLocale().toString
    figure_rows = [
        (QT_TRANSLATE_NOOP("PerpusDesa", "Copies expected on the shelves"), figures.expected),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Found"), figures.found),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Missing"), figures.missing),
        (QT_TRANSLATE_NOOP("PerpusDesa", "On loan"), figures.on_loan),
        (QT_TRANSLATE_NOOP("PerpusDesa", "On loan, yet on the shelf"), figures.on_loan_on_shelf),
        (
            QT_TRANSLATE_NOOP("PerpusDesa", "Lost or weeded, yet on the shelf"),
            figures.unexpected,
        ),
        (QT_TRANSLATE_NOOP("PerpusDesa", "Codes not in the catalogue"), figures.unknown),
    ]
    if count.status == "closed":
        figure_rows.append(
            (QT_TRANSLATE_NOOP("PerpusDesa", "Copies marked lost"), count.marked_lost)
        )
    figures_table = (
        '<table cellspacing="0" cellpadding="3" style="font-size: 10pt;">'
        + "".join(
            f'<tr><td>{esc(tr(text))}</td><td align="right"><b>{number(value)}</b></td></tr>'
            for text, value in figure_rows
        )
        + "</table>"
    )
    none = f"<p>{esc(tr(QT_TRANSLATE_NOOP('PerpusDesa', 'None.')))}</p>"
    missing = (
        table(
            [QT_TRANSLATE_NOOP("PerpusDesa", "No."), BARCODE, CALL_NUMBER, TITLE, STATUS],
            [
                (
                    str(n),
                    line.barcode,
                    line.call_number or "",
                    line.title,
                    label(STATUS_LABELS, line.status),
                )
                for n, line in enumerate(report.missing, start=1)
            ],
        )
        if report.missing
        else none
    )
    if count.marked_lost:
        marked = tr(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "When the count was closed, {count} of these copies were marked lost; the"
                " status shown is the one they had before.",
            )
        ).format(count=count.marked_lost)
        missing = f'<p style="font-size: 9pt;">{esc(marked)}</p>' + missing
    unexpected = (
        table(
            [BARCODE, TITLE, RESULT],
            [(line.barcode, line.title, kind_label(line)) for line in report.unexpected],
        )
        if report.unexpected
        else none
    )
    on_loan = (
        table(
            [BARCODE, TITLE, DUE, FOUND_ON_SHELF],
            [
                (
                    line.barcode,
                    line.title,
                    indonesian_date(line.due_on) if line.due_on else "",
                    tr(YES) if line.scanned_at else "",
                )
                for line in report.on_loan
            ],
        )
        if report.on_loan
        else none
    )
    heading = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Stock take result"))
    printed = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Printed: {date}")).format(
        date=indonesian_date(date.today())
    )
    head_title = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Head of the library"))
    notes = f"<br/>{esc(count.notes)}" if count.notes else ""
    return (
        "<html><body>"
        '<p style="font-size: 15pt; font-weight: bold; color: #0b6e4f;">'
        f"{esc(report.library_name)}</p><hr/>"
        f'<p style="font-size: 13pt; font-weight: bold;">{esc(heading)}</p>'
        f"<p>{esc(started)}<br/>{esc(ended)}{notes}</p>"
        + figures_table
        + section(
            tr(QT_TRANSLATE_NOOP("PerpusDesa", "Missing copies ({count})")).format(
                count=len(report.missing)
            ),
            missing,
        )
        + section(
            tr(QT_TRANSLATE_NOOP("PerpusDesa", "Unexpected finds ({count})")).format(
                count=len(report.unexpected)
            ),
            unexpected,
        )
        + section(
            tr(QT_TRANSLATE_NOOP("PerpusDesa", "Copies on loan ({count})")).format(
                count=len(report.on_loan)
            ),
            on_loan,
        )
        + '<table width="100%" style="margin-top: 24px;"><tr><td width="60%"></td><td>'
        f"{esc(printed)}<br/>{esc(head_title)}<br/><br/><br/><br/>"
        f"<b>{esc(report.head_name)}</b></td></tr></table>"
        "</body></html>"
    )


def _document(content: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setFamilies(_FONTS)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(content)
    return document


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class ReportFileError(PdfFileError):
    """The PDF could not be written where the user asked."""


def render_report_pdf(
    path: Path | str, content: str, title: str = "", progress: Progress | None = None
) -> Path:
    """Write the result (HTML) to an A4 PDF at ``path``, replaced whole or not at all.

    Safe on a worker thread: the document and the writer are made and used here only.
    """
    return write_pdf(
        path,
        _a4_layout(),
        PDF_DPI,
        title,
        lambda writer: _document(content).print_(writer),
        progress,
        ReportFileError,
    )


def default_pdf_path(day: date) -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("ReportPrintDialog", "stock-take-{date}.pdf").format(
        date=day.isoformat()
    )
    return Path(folder or Path.home()) / name


class ReportPrintDialog(PdfPrintDialog):
    """Save the result of a count as a PDF (the default) or send it to a printer."""

    def __init__(
        self, report: StocktakeReport, parent: QWidget | None = None, pdf_path: Path | None = None
    ) -> None:
        self.content = report_html(report)
        texts = PrintTexts(
            title=self.tr("Print the stock take result"),
            as_pdf=self.tr("Save as a &PDF file"),
            to_printer=self.tr("Send to a p&rinter"),
            browse=self.tr("&Browse..."),
            open_pdf=self.tr("&Open the PDF"),
            ok=self.tr("Print"),
            cancel=self.tr("Cancel"),
            file=self.tr("&File"),
            save_as=self.tr("Save the result as"),
            pdf_files=self.tr("PDF files (*.pdf)"),
            no_path=self.tr("Choose where to save the PDF file."),
            close=self.tr("&Close"),
            progress=self.tr("Making the stock take result..."),
            saved=self.tr("The result was saved in {path}."),
            doc_name=self.tr("Stock take result"),
        )
        summary = self.tr("Missing copies: {missing}. Unexpected finds: {unexpected}.").format(
            missing=len(report.missing), unexpected=len(report.unexpected)
        )
        super().__init__(texts, summary, pdf_path or default_pdf_path(date.today()), parent)

    def make_pdf(self, path: Path, progress: Progress) -> Path:
        return render_report_pdf(path, self.content, self.texts.doc_name, progress)

    def print_to(self, printer: QPrinter) -> None:
        printer.setPageLayout(_a4_layout())
        _document(self.content).print_(printer)


# --- the page -----------------------------------------------------------------------------


class Figure(QFrame):
    """A big number with a caption under it."""

    def __init__(self, name: str, caption: str, color: str = "#222222") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        self.number.setObjectName(name + "Number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {color};")
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(QLocale().toString(value))

    def value(self) -> int:
        return int(self.number.text().replace(".", "").replace(",", ""))


class StocktakePage(QWidget):
    """Start, scan, watch the figures, close and print a stock take."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.service = StocktakeService(context.db, context.user, conn=context.conn)
        self.count: StocktakeView | None = None  # the open count, else the last closed one
        self.last_scan: ScanResult | None = None
        self.close_box: QMessageBox | None = None
        self.print_dialog: ReportPrintDialog | None = None
        self.stale: set[int] = set()  # tabs whose list must be read again
        self.figures_now = StocktakeProgress(0, 0, 0, 0, 0, 0, 0, 0)
        self.close_task: Task | None = None

        title = QLabel(self.tr("Stock take"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Start a count"))
        self.start_button.setObjectName("startCount")
        self.close_button = QPushButton(self.tr("&Close the count..."))
        self.close_button.setObjectName("closeCount")
        self.cancel_button = QPushButton(self.tr("Ca&ncel the count..."))
        self.cancel_button.setObjectName("cancelCount")
        self.print_button = QPushButton(self.tr("&Print the result..."))
        self.print_button.setObjectName("printResult")
        buttons = QHBoxLayout()
        for button in (self.start_button, self.close_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)

        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(
            self.tr("Scan a copy, or type its barcode and press Enter")
        )
        self.scan_box.setMaxLength(60)
        scan_label = QLabel(self.tr("&Barcode"))
        scan_label.setBuddy(self.scan_box)
        self.count_button = QPushButton(self.tr("Coun&t"))
        self.count_button.setObjectName("countButton")
        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_label)
        scan_row.addWidget(self.scan_box, 1)
        scan_row.addWidget(self.count_button)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet("font-size: 12pt;")
        self.error = ErrorLabel("scanError")
        self.available_button = QPushButton(self.tr("Make it a&vailable again"))
        self.available_button.setObjectName("makeAvailable")
        self.available_button.hide()
        feedback_row = QHBoxLayout()
        feedback_row.addWidget(self.feedback, 1)
        feedback_row.addWidget(self.available_button)

        self.figures = {
            "expected": Figure("figureExpected", self.tr("Expected on the shelves")),
            "found": Figure("figureFound", self.tr("Found"), "#0b6e4f"),
            "missing": Figure("figureMissing", self.tr("Not found yet"), "#b00020"),
            "on_loan": Figure("figureOnLoan", self.tr("On loan")),
            "unexpected": Figure("figureUnexpected", self.tr("Unexpected finds"), "#a15c00"),
            "scanned": Figure("figureScanned", self.tr("Codes scanned")),
        }
        figure_row = QGridLayout()
        for column, figure in enumerate(self.figures.values()):
            figure_row.addWidget(figure, 0, column)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat(self.tr("%p% of the expected copies found"))

        self.missing_model = _missing_model(self)
        self.unexpected_model = _unexpected_model(self)
        self.on_loan_model = _on_loan_model(self)
        self.scanned_model = _scanned_model(self, lambda: self.context.profile.time_zone)
        self.missing_table = _table(self.missing_model, "missingTable", 2)
        self.unexpected_table = _table(self.unexpected_model, "unexpectedTable", 1)
        self.on_loan_table = _table(self.on_loan_model, "onLoanTable", 1)
        self.scanned_table = _table(self.scanned_model, "scannedTable", 2)
        self.remove_button = QPushButton(self.tr("&Remove from the count"))
        self.remove_button.setObjectName("removeScan")
        self.remove_button.setEnabled(False)
        scanned_tab = QWidget()
        scanned_layout = QVBoxLayout(scanned_tab)
        scanned_layout.setContentsMargins(0, 0, 0, 0)
        scanned_layout.addWidget(self.scanned_table, 1)
        scanned_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lists")
        self.tabs.addTab(self.missing_table, "")
        self.tabs.addTab(self.unexpected_table, "")
        self.tabs.addTab(self.on_loan_table, "")
        self.tabs.addTab(scanned_tab, "")

        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(buttons)
        layout.addLayout(scan_row)
        layout.addLayout(feedback_row)
        layout.addWidget(self.error)
        layout.addLayout(figure_row)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.tabs, 1)

        self.scanner = ScanCatcher(
            self, self.scan_box, lambda text: bool(_CODE_LIKE.match(text)), self.on_key_redirected
        )
        self.scanner.scanned.connect(self.on_code_scanned)
        self.scan_box.returnPressed.connect(self.on_scan_entered)
        self.scan_box.textEdited.connect(self.error.hide)
        self.count_button.clicked.connect(self.on_scan_entered)
        self.start_button.clicked.connect(self.on_start_clicked)
        self.close_button.clicked.connect(self.on_close_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.available_button.clicked.connect(self.on_available_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.scanned_table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.focus_scan_box)
        context.signals.data_changed.connect(self.on_data_changed)
        context.signals.user_changed.connect(self.on_user_changed)
        self.on_user_changed(context.user)

    # --- showing ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scanner.install()
        self.refresh()
        self.focus_scan_box()

    def hideEvent(self, event: QHideEvent) -> None:
        self.scanner.remove()
        super().hideEvent(event)

    def focus_scan_box(self) -> None:
        """The scan box while a count is open; else the button that starts one."""
        if self.scan_box.isEnabled():
            self.scan_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.scan_box.selectAll()
        elif self.start_button.isVisible():
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_user_changed(self, user: object) -> None:
        del user
        self.service = StocktakeService(self.context.db, self.context.user, conn=self.context.conn)
        self.refresh()

    def on_data_changed(self, table: str) -> None:
        if table in _DATA_TABLES and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the count again: the open one, else the last closed one."""
        service = self.service
        current = service.current()
        self.count = current or service.last_closed()
        is_open = current is not None
        can_edit = self.context.can(Permission.EDIT)
        self.start_button.setVisible(not is_open)
        self.close_button.setVisible(is_open)
        self.cancel_button.setVisible(is_open and can_edit)
        self.scan_box.setEnabled(is_open)
        self.count_button.setEnabled(is_open)
        self.print_button.setEnabled(self.count is not None)
        zone = self.context.profile.time_zone
        if current is not None:
            self.state.setText(
                self.tr("Count started {time} by {user}. Scans are saved as you go.").format(
                    time=local_time(current.started_at, zone), user=current.started_by
                )
            )
        elif self.count is not None and self.count.closed_at is not None:
            self.state.setText(
                self.tr(
                    "No count is open. The last one was closed {time}; {count} copies were"
                    " marked lost."
                ).format(time=local_time(self.count.closed_at, zone), count=self.count.marked_lost)
            )
        else:
            self.state.setText(
                self.tr("No count is open. Start one, then scan every copy on the shelves.")
            )
        if self.count is None:
            progress = StocktakeProgress(0, 0, 0, 0, 0, 0, 0, 0)
        else:
            progress = service.progress(self.count.id)  # live while open, as closed otherwise
        self.show_figures(progress)
        # The lists are read when their tab is shown: thousands of rows take a while.
        self.stale = set(range(self.tabs.count()))
        self.load_tab(self.tabs.currentIndex())

    def show_figures(self, progress: StocktakeProgress) -> None:
        self.figures_now = progress
        self.figures["expected"].set_value(progress.expected)
        self.figures["found"].set_value(progress.found)
        self.figures["missing"].set_value(progress.missing)
        self.figures["on_loan"].set_value(progress.on_loan)
        self.figures["unexpected"].set_value(progress.unexpected + progress.unknown)
        self.figures["scanned"].set_value(progress.scanned)
        self.progress_bar.setValue(progress.percent)
        unexpected = progress.unexpected + progress.unknown
        self.tabs.setTabText(0, self.tr("&Missing ({count})").format(count=progress.missing))
        self.tabs.setTabText(1, self.tr("&Unexpected ({count})").format(count=unexpected))
        self.tabs.setTabText(2, self.tr("On &loan ({count})").format(count=progress.on_loan))
        self.tabs.setTabText(3, self.tr("Scann&ed ({count})").format(count=progress.scanned))

    def load_tab(self, index: int) -> None:
        """Read the list of tab ``index`` if it changed since it was last read."""
        if index not in self.stale:
            return
        self.stale.discard(index)
        models = (self.missing_model, self.unexpected_model, self.on_loan_model, self.scanned_model)
        if not 0 <= index < len(models):
            return
        if self.count is None:
            models[index].set_rows([])
            return
        readers = (
            self.service.missing,
            self.service.unexpected,
            self.service.on_loan,
            self.service.scanned,
        )
        models[index].set_rows(readers[index](self.count.id))
        if index == 3:
            self.remove_button.setEnabled(False)

    def on_tab_changed(self, index: int) -> None:
        self.load_tab(index)

    # --- scanning -----------------------------------------------------------------

    def on_key_redirected(self, text: str) -> None:
        """A key typed where no text goes: the start of a barcode."""
        if not self.scan_box.isEnabled():
            return
        if not self.scan_box.hasFocus():
            self.focus_scan_box()
            self.scan_box.clear()
        self.scan_box.insert(text)

    def on_code_scanned(self, code: str) -> None:
        self.scan_box.setText(code)
        self.on_scan_entered()

    def on_scan_entered(self) -> None:
        code = self.scan_box.text()
        self.error.hide()
        try:
            result = self.service.scan(code)
        except NoOpenCount as exc:  # closed meanwhile (another login on this PC)
            self.error.show_message(error_text(exc))
            self.refresh()
            return
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scan_box.selectAll()
            return
        self.show_result(result)
        self.scan_box.clear()
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.apply_scan(result)

    def apply_scan(self, result: ScanResult) -> None:
        """Bring the figures and the lists read so far up to date with one new scan.

        The lists change by a line each instead of being read again: with
        thousands of copies a scan stays quick.
        """
        if result.kind == ALREADY or self.count is None:
            return
        line = result.line
        figures = self.figures_now
        found = line.kind == FOUND and line.status in EXPECTED_STATUSES
        self.show_figures(
            replace(
                figures,
                found=figures.found + found,
                missing=max(0, figures.missing - found),
                on_loan_on_shelf=figures.on_loan_on_shelf + (line.kind == ON_LOAN),
                unexpected=figures.unexpected + (line.kind == UNEXPECTED),
                unknown=figures.unknown + (line.kind == UNKNOWN),
                scanned=figures.scanned + 1,
            )
        )
        if 3 not in self.stale:
            self.scanned_model.prepend(line)
        if line.kind in (UNEXPECTED, UNKNOWN) and 1 not in self.stale:
            self.unexpected_model.prepend(line)
        if line.kind == FOUND and 0 not in self.stale:
            self.missing_model.remove_item(line.item_id)
        if line.kind == ON_LOAN:
            self.stale.add(2)
            if self.tabs.currentIndex() == 2:
                self.load_tab(2)

    def show_result(self, result: ScanResult) -> None:
        self.last_scan = result
        line = result.line
        if result.kind == ALREADY:
            text = self.tr("{barcode} was counted already: {title}").format(
                barcode=line.barcode, title=line.title or tr(KIND_LABELS[UNKNOWN])
            )
        elif result.kind == FOUND:
            text = self.tr("Found: {barcode} {title}").format(
                barcode=line.barcode, title=line.title
            )
        elif result.kind == ON_LOAN:
            text = self.tr(
                "{barcode} {title} is on loan, yet it is on the shelf. Take it back at the"
                " circulation desk."
            ).format(barcode=line.barcode, title=line.title)
        elif result.kind == UNEXPECTED:
            text = self.tr("{barcode} {title} is marked {status}, yet it is on the shelf.").format(
                barcode=line.barcode,
                title=line.title,
                status=label(STATUS_LABELS, line.status).lower(),
            )
        else:
            text = self.tr(
                "{barcode} is not in the catalogue. Put the copy aside to catalogue it."
            ).format(barcode=line.barcode)
        color = _COLORS.get(result.kind, "#222222")
        self.feedback.setStyleSheet(f"font-size: 12pt; color: {color};")
        self.feedback.setText(text)
        offer = line.kind == UNEXPECTED and self.context.can(Permission.EDIT)
        self.available_button.setVisible(offer)

    def on_available_clicked(self) -> None:
        scan = self.last_scan
        if scan is None:
            return
        try:
            item = self.service.make_available(scan.line.barcode)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.available_button.hide()
        self.feedback.setStyleSheet(f"font-size: 12pt; color: {_COLORS[FOUND]};")
        self.feedback.setText(
            self.tr("{barcode} {title} is available again.").format(
                barcode=item.barcode, title=item.title
            )
        )
        self.context.signals.data_changed.emit("item")
        self.refresh()
        self.focus_scan_box()

    def on_selection_changed(self) -> None:
        rows = self.scanned_table.selectionModel().selectedRows()
        self.remove_button.setEnabled(bool(rows) and self.service.current() is not None)

    def on_remove_clicked(self) -> None:
        rows = self.scanned_table.selectionModel().selectedRows()
        line = self.scanned_model.line_at(rows[0].row()) if rows else None
        if line is None:
            return
        try:
            self.service.remove_scan(line.barcode)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.feedback.setStyleSheet("font-size: 12pt;")
        self.feedback.setText(
            self.tr("{barcode} was taken out of the count.").format(barcode=line.barcode)
        )
        self.available_button.hide()
        self.refresh()

    # --- starting, closing, cancelling ----------------------------------------------------

    def on_start_clicked(self) -> None:
        self.error.hide()
        try:
            self.service.start()
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            self.refresh()
            return
        self.feedback.setStyleSheet("font-size: 12pt;")
        self.feedback.setText(self.tr("The count has started. Scan every copy on the shelves."))
        self.available_button.hide()
        self.refresh()
        self.focus_scan_box()

    def on_close_clicked(self) -> None:
        current = self.service.current()
        if current is None:
            self.refresh()
            return
        missing = self.service.progress().missing
        box = QMessageBox(self)
        box.setObjectName("closeConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the count"))
        box.setText(self.tr("Close this stock take?"))
        mark = None
        if missing and self.context.can(Permission.EDIT):
            box.setInformativeText(
                self.tr(
                    "{count} copies were not found. Mark them lost: they are no longer lent"
                    " and the catalogue shows them as lost. A copy that turns up later can be"
                    " made available again."
                ).format(count=missing)
            )
            mark = box.addButton(
                self.tr("Close and mark {count} copies lost").format(count=missing),
                QMessageBox.ButtonRole.DestructiveRole,
            )
            mark.setObjectName("closeAndMark")
        elif missing:
            box.setInformativeText(
                self.tr(
                    "{count} copies were not found. Only a manager can mark them lost; the"
                    " count keeps the list."
                ).format(count=missing)
            )
        else:
            box.setInformativeText(self.tr("Every copy expected on the shelves was found."))
        keep = box.addButton(
            self.tr("Close without marking") if missing else self.tr("Close the count"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        keep.setObjectName("closeOnly")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def on_clicked(button: object) -> None:
            if button is mark:
                self.close_count(mark_missing_lost=True)
            elif button is keep:
                self.close_count(mark_missing_lost=False)

        box.buttonClicked.connect(on_clicked)
        self.close_box = box
        box.open()

    def close_count(self, *, mark_missing_lost: bool) -> None:
        """Close the count in the background: marking hundreds of copies takes a moment."""
        db, user = self.context.db, self.context.user

        def close(_progress: Progress) -> CloseResult:
            with StocktakeService(db, user) as service:  # its own connection, in that thread
                return service.close(mark_missing_lost=mark_missing_lost)

        self.set_busy(True)
        self.close_task = (
            Task(self, close, self.on_count_closed)
            .on_failure(self.on_close_failed)
            .with_progress(self.tr("Closing the count..."), cancellable=False)
            .run()
        )

    def set_busy(self, busy: bool) -> None:
        for widget in (
            self.scan_box,
            self.count_button,
            self.close_button,
            self.cancel_button,
            self.print_button,
        ):
            widget.setEnabled(not busy)

    def on_close_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if isinstance(exc, KnownError):
            self.error.show_message(error_text(exc))
        else:
            from app.ui.errors import show_error

            show_error(self, exc, self.context.data_dir)
        self.refresh()

    def on_count_closed(self, closed: CloseResult) -> None:
        self.set_busy(False)
        self.feedback.setStyleSheet("font-size: 12pt;")
        self.feedback.setText(
            self.tr("The count is closed; {count} copies were marked lost.").format(
                count=closed.marked_lost
            )
        )
        self.available_button.hide()
        self.refresh()
        if closed.marked_lost:
            self.context.signals.data_changed.emit("item")
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_cancel_clicked(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("cancelConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cancel the count"))
        box.setText(self.tr("Cancel this stock take without a result?"))
        box.setInformativeText(self.tr("No copy is marked lost. The scans are not used again."))
        stop = box.addButton(self.tr("Cancel the count"), QMessageBox.ButtonRole.DestructiveRole)
        stop.setObjectName("cancelConfirmButton")
        keep = box.addButton(self.tr("Carry on counting"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self.cancel_count() if button is stop else None)
        box.open()

    def cancel_count(self) -> None:
        try:
            self.service.cancel()
        except KnownError as exc:
            self.error.show_message(error_text(exc))
        self.feedback.clear()
        self.available_button.hide()
        self.refresh()

    # --- printing -------------------------------------------------------------------

    def on_print_clicked(self, _checked: bool = False, pdf_path: Path | None = None) -> None:
        if self.count is None:
            return
        try:
            report = self.service.report(self.count.id)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        dialog = ReportPrintDialog(report, self, pdf_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.print_dialog = dialog
        dialog.open()
