"""The reports page (Laporan): a month or a year, its figures to check, notes, print and export.

The manager picks a month (or a year); the figures are computed on a
background task (:func:`app.reports.figures.compute_report`) and shown on the
page as the printed report will read (the HTML of
:func:`app.reports.render.report_document`, the charts drawn from their SVG).
Beside it the "Kendala dan rencana" box keeps the manager's notes for that
period (:mod:`app.reports.notes`; a volunteer may read them, not change them).
The notes are saved with their button, before a print or an export, and before
another period is picked. "Print preview..." opens Qt's print preview on the
report's paper (A4 or F4); "Save PDF..." and "Save XLSX..." write the files on
a background task. When data changes the page recomputes if it is shown, or
the next time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.tasks import Cancelled, Progress
from app.reports.figures import compute_report
from app.reports.model import Notes, Period, Report
from app.reports.notes import MAX_TEXT, can_edit, read_note, save_note
from app.reports.render import ReportDocument, period_name, report_document
from app.reports.xlsx import write_xlsx
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import error_text
from app.ui.report_print import page_layout, print_report, render_pdf, translate
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

FIRST_YEAR = 2000
LAST_MONTH_DAYS = 10  # in the first days of a month the page opens on the month before
CHART_PIXELS = (1200, 400)  # the chart as drawn for the screen (shown at 600 × 200)


def default_period(today: date) -> Period:
    """The month a manager most likely reports on: last month early in a month, else this one."""
    this_month = Period.of_month(today.year, today.month)
    return this_month.previous() if today.day <= LAST_MONTH_DAYS else this_month


def file_name(period: Period, suffix: str) -> str:
    """``laporan-2026-11.pdf`` for a month, ``laporan-2026.xlsx`` for a year."""
    return f"laporan-{period.key}.{suffix}"


def _chart_image(svg: str) -> QImage:
    image = QImage(*CHART_PIXELS, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    painter.end()
    return image


class ReportPreview(QTextBrowser):
    """The report as it will read on paper (read only), its charts drawn from their SVG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_preview")
        self.setOpenLinks(False)
        self.images: dict[str, QImage] = {}

    def show_document(self, document: ReportDocument) -> None:
        self.images = {name: _chart_image(chart.svg) for name, chart in document.charts.items()}
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(document.html)
        bar.setValue(position)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        key = name.toString() if isinstance(name, QUrl) else str(name)
        if key in self.images:
            return self.images[key]
        return super().loadResource(type, name)


class ReportPage(QWidget):
    """Choose a period, check its figures, type the notes, print or export."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_page")
        self.context = context
        self.today = today
        self.period = default_period(today())
        self.report: Report | None = None
        self.document: ReportDocument | None = None
        self.saved_path: Path | None = None
        self.stale = True  # computed the first time the page is shown
        self.computing = False
        self.exporting = False
        self.notes_dirty = False  # typed since loaded or saved
        self._generation = 0
        self._printer: QPrinter | None = None
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.task: Task | None = None
        self.export_task: Task | None = None
        self._build()
        self._show_period(self.period)
        self.load_notes()
        self.update_buttons()
        context.signals.data_changed.connect(self.on_data_changed)
        context.signals.user_changed.connect(self.on_user_changed)

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.monthly = QRadioButton(self.tr("&Monthly"))
        self.monthly.setObjectName("monthly")
        self.annual = QRadioButton(self.tr("&Annual"))
        self.annual.setObjectName("annual")
        kinds = QButtonGroup(self)
        kinds.addButton(self.monthly)
        kinds.addButton(self.annual)
        self.month = QComboBox()
        self.month.setObjectName("month")
        locale = QLocale()
        for number in range(1, 13):
            self.month.addItem(
                locale.standaloneMonthName(number, QLocale.FormatType.LongFormat), number
            )
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(FIRST_YEAR, max(self.today().year, self.period.year))
        self.year.setGroupSeparatorShown(False)
        self.year.setKeyboardTracking(False)  # typing 2025 is one change, not four
        month_label = QLabel(self.tr("Mont&h"))
        month_label.setBuddy(self.month)
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)
        self.status = QLabel()
        self.status.setObjectName("report_status")
        picker = QHBoxLayout()
        picker.addWidget(self.monthly)
        picker.addWidget(self.annual)
        picker.addSpacing(16)
        picker.addWidget(month_label)
        picker.addWidget(self.month)
        picker.addWidget(year_label)
        picker.addWidget(self.year)
        picker.addSpacing(16)
        picker.addWidget(self.status, 1)

        self.preview = ReportPreview()

        notes_box = QGroupBox(self.tr("Obstacles and plans"))
        notes_label = QLabel(
            self.tr(
                "&What held the library back in this period, and what it plans next"
                " (printed in the report):"
            )
        )
        notes_label.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        notes_label.setBuddy(self.notes)
        self.notes_hint = QLabel(
            self.tr("Only the library manager can change the obstacles and plans.")
        )
        self.notes_hint.setObjectName("notes_hint")
        self.notes_hint.setWordWrap(True)
        self.notes_count = QLabel()
        self.notes_count.setObjectName("notes_count")
        self.notes_error = ErrorLabel("notes_error")
        self.notes_status = QLabel()
        self.notes_status.setObjectName("notes_status")
        self.notes_status.setWordWrap(True)
        self.save_notes_button = QPushButton(self.tr("&Save notes"))
        self.save_notes_button.setObjectName("save_notes")
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(notes_label)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.notes_hint)
        notes_layout.addWidget(self.notes_count)
        notes_layout.addWidget(self.notes_error)
        notes_layout.addWidget(self.notes_status)
        notes_layout.addWidget(self.save_notes_button, 0, Qt.AlignmentFlag.AlignRight)

        output_box = QGroupBox(self.tr("Print and export"))
        self.print_button = QPushButton(self.tr("&Print preview..."))
        self.print_button.setObjectName("print_preview")
        self.pdf_button = QPushButton(self.tr("Save P&DF..."))
        self.pdf_button.setObjectName("save_pdf")
        self.xlsx_button = QPushButton(self.tr("Save &XLSX..."))
        self.xlsx_button.setObjectName("save_xlsx")
        self.export_error = ErrorLabel("export_error")
        self.done_label = QLabel()
        self.done_label.setObjectName("export_done")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.hide()
        self.open_button = QPushButton(self.tr("&Open the file"))
        self.open_button.setObjectName("open_file")
        self.open_button.hide()
        output_layout = QVBoxLayout(output_box)
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            output_layout.addWidget(button)
        output_layout.addWidget(self.export_error)
        output_layout.addWidget(self.done_label)
        output_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(notes_box, 1)
        side_layout.addWidget(output_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(splitter, 1)

        self.monthly.toggled.connect(self.on_kind_toggled)
        self.month.currentIndexChanged.connect(self.on_period_changed)
        self.year.valueChanged.connect(self.on_period_changed)
        self.notes.textChanged.connect(self.on_notes_changed)
        self.save_notes_button.clicked.connect(self.on_save_notes_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.pdf_button.clicked.connect(self.on_pdf_clicked)
        self.xlsx_button.clicked.connect(self.on_xlsx_clicked)
        self.open_button.clicked.connect(self.on_open_clicked)
        self.setTabOrder(self.year, self.preview)
        self.setTabOrder(self.preview, self.notes)
        self.setTabOrder(self.notes, self.save_notes_button)
        self.setTabOrder(self.save_notes_button, self.print_button)

    # --- the period --------------------------------------------------------------------

    def _show_period(self, period: Period) -> None:
        """Set the pickers to ``period`` without reacting to it."""
        for widget in (self.monthly, self.annual, self.month, self.year):
            widget.blockSignals(True)
        monthly = period.month is not None
        self.monthly.setChecked(monthly)
        self.annual.setChecked(not monthly)
        self.month.setEnabled(monthly)
        if period.month is not None:
            self.month.setCurrentIndex(period.month - 1)
        self.year.setValue(period.year)
        for widget in (self.monthly, self.annual, self.month, self.year):
            widget.blockSignals(False)

    def selected_period(self) -> Period:
        if self.annual.isChecked():
            return Period.of_year(self.year.value())
        return Period.of_month(self.year.value(), int(self.month.currentData()))

    def set_period(self, period: Period) -> None:
        """Show ``period`` (as if picked): the notes of the old one are saved first."""
        self._show_period(period)
        self.on_period_changed()

    def on_kind_toggled(self) -> None:
        self.month.setEnabled(self.monthly.isChecked())
        self.on_period_changed()

    def on_period_changed(self) -> None:
        chosen = self.selected_period()
        if chosen == self.period:
            return
        if not self.save_notes():
            self._show_period(self.period)  # the notes could not be kept: stay on them
            return
        self.period = chosen
        self.load_notes()
        self.done_label.hide()
        self.open_button.hide()
        self.export_error.hide()
        self.recompute()

    # --- the figures -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.recompute()

    def on_data_changed(self, _table: str) -> None:
        if self.isVisible():
            self.recompute()
        else:
            self.stale = True

    def on_user_changed(self) -> None:
        self.load_notes()
        self.update_buttons()

    def recompute(self) -> None:
        """Compute the figures of the chosen period on the database worker."""
        self.stale = False
        self._generation += 1
        generation, period, db = self._generation, self.period, self.context.db
        self.computing = True
        self.status.setText(
            self.tr("Computing the figures for {period}...").format(period=period_name(period))
        )
        self.update_buttons()

        def compute(progress: Progress) -> tuple[Report, ReportDocument]:
            conn = db.connect()
            try:
                report = compute_report(conn, period)
            finally:
                conn.close()
            progress.check()
            return report, report_document(report, translate)

        self.task = (
            Task(self, compute, lambda result: self.on_report_computed(generation, result))
            .on_failure(lambda exc: self.on_compute_failed(generation, exc))
            .run()
        )

    def on_report_computed(self, generation: int, result: tuple[Report, ReportDocument]) -> None:
        if generation != self._generation:
            return  # the period was changed meanwhile: a newer result follows
        report, document = result
        self.computing = False
        self.report = self._with_box_notes(report)
        self.document = document if self.report is report else self._document()
        self.preview.show_document(self.document)
        self.status.setText(
            self.tr("{period}: figures computed at {time}.").format(
                period=period_name(report.period), time=datetime.now().strftime("%H:%M")
            )
        )
        self.update_buttons()

    def on_compute_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.computing = False
        self.status.setText(self.tr("The figures could not be computed."))
        self.update_buttons()
        show_error(self, exc, self.context.data_dir)

    def _document(self) -> ReportDocument:
        assert self.report is not None
        return report_document(self.report, translate)

    def _with_box_notes(self, report: Report) -> Report:
        """The report with the notes as typed in the box (saved or not yet)."""
        text = self.notes.toPlainText().replace("\r\n", "\n").strip()
        if report.period != self.period or text == report.notes.text:
            return report
        return replace(report, notes=replace(report.notes, text=text))

    # --- the notes ---------------------------------------------------------------------

    def load_notes(self) -> None:
        """Show the notes kept for the chosen period, and whether this user may change them."""
        notes = read_note(self.context.conn, self.period)
        editable = can_edit(self.context.user)
        self.notes.blockSignals(True)
        self.notes.setPlainText(notes.text)
        self.notes.blockSignals(False)
        self.notes_dirty = False
        self.notes.setReadOnly(not editable)
        self.notes.setStyleSheet("" if editable else "QPlainTextEdit { background: #f2f2f2; }")
        self.notes_hint.setVisible(not editable)
        self.save_notes_button.setEnabled(editable)
        self.notes_error.hide()
        self._show_notes_status(notes)
        self._count_notes()

    def _show_notes_status(self, notes: Notes) -> None:
        if notes.updated_at is None:
            self.notes_status.setText("")
            return
        at = notes.updated_at.astimezone()
        self.notes_status.setText(
            self.tr("Saved on {date} at {time} by {user}.").format(
                date=f"{at.day} {QLocale().monthName(at.month)} {at.year}",
                time=at.strftime("%H:%M"),
                user=notes.updated_by or "",
            )
        )

    def _count_notes(self) -> None:
        length = len(self.notes.toPlainText().strip())
        self.notes_count.setText(
            self.tr("{count} of at most {limit} characters").format(
                count=QLocale().toString(length), limit=QLocale().toString(MAX_TEXT)
            )
        )
        self.notes_count.setStyleSheet("color: #b00020;" if length > MAX_TEXT else "")

    def on_notes_changed(self) -> None:
        self.notes_dirty = True
        self._count_notes()
        self.notes_error.hide()

    def save_notes(self) -> bool:
        """Keep the typed notes for the shown period; False (and a message) if they were refused.

        Nothing to save (unchanged, or a volunteer who cannot change them) is a success.
        """
        if not self.notes_dirty or not can_edit(self.context.user):
            return True
        try:
            notes = save_note(
                self.context.conn, self.context.user, self.period, self.notes.toPlainText()
            )
        except KnownError as exc:
            self.notes_error.show_message(error_text(exc))
            self.notes.setFocus()
            return False
        self.notes_dirty = False
        self.notes_error.hide()
        self._show_notes_status(notes)
        if self.report is not None and self.report.period == self.period:
            self.report = replace(self.report, notes=notes)
            self.document = self._document()
            self.preview.show_document(self.document)
        return True

    def on_save_notes_clicked(self) -> None:
        self.save_notes()

    # --- print and export --------------------------------------------------------------

    def update_buttons(self) -> None:
        ready = self.report is not None and not self.computing and not self.exporting
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(ready)

    def _ready_report(self) -> Report | None:
        """The report to print with the notes saved; None if the notes were refused."""
        self.export_error.hide()
        self.done_label.hide()
        self.open_button.hide()
        if self.report is None or self.computing or not self.save_notes():
            return None
        return self.report

    def on_print_clicked(self) -> None:
        report = self._ready_report()
        if report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(report.header.paper))
        self._printer = printer
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("report_print_preview")
        dialog.setWindowTitle(
            self.tr("Print preview: {period}").format(period=period_name(report.period))
        )
        dialog.paintRequested.connect(
            lambda target: self.on_preview_paint_requested(target, report)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.resize(900, 700)
        dialog.open()

    def on_preview_paint_requested(self, printer: QPrinter, report: Report) -> None:
        try:
            print_report(printer, report, translate, self.context.data_dir)
        except KnownError as exc:
            self.export_error.show_message(error_text(exc))

    def _ask_path(self, suffix: str, title: str, kinds: str) -> Path | None:
        suggested = self._folder / file_name(self.period, suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(suggested), kinds)
        if not chosen:
            return None
        path = Path(chosen).expanduser()
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        self._folder = path.parent
        return path

    def on_pdf_clicked(self) -> None:
        report = self._ready_report()
        if report is None:
            return
        path = self._ask_path(
            "pdf", self.tr("Save the report as PDF"), self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return
        data_dir = self.context.data_dir
        self._export(
            lambda progress: render_pdf(path, report, progress, translate, data_dir),
            self.tr("Making the PDF..."),
        )

    def on_xlsx_clicked(self) -> None:
        report = self._ready_report()
        if report is None:
            return
        path = self._ask_path(
            "xlsx", self.tr("Save the figures as a workbook"), self.tr("Excel workbooks (*.xlsx)")
        )
        if path is None:
            return
        self._export(
            lambda progress: write_xlsx(path, report, translate), self.tr("Making the workbook...")
        )

    def _export(self, job: Callable[[Progress], Path], label: str) -> None:
        self.exporting = True
        self.update_buttons()
        self.export_task = (
            Task(self, job, self.on_file_saved)
            .on_failure(self.on_export_failed)
            .with_progress(label)
            .run()
        )

    def on_file_saved(self, path: Path) -> None:
        self.exporting = False
        self.update_buttons()
        self.saved_path = path
        self.done_label.setText(self.tr("Saved in {path}").format(path=str(path)))
        self.done_label.show()
        self.open_button.show()
        self.open_button.setFocus()

    def on_export_failed(self, exc: BaseException) -> None:
        self.exporting = False
        self.update_buttons()
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, KnownError):
            self.export_error.show_message(error_text(exc))
        else:
            show_error(self, exc, self.context.data_dir)

    def on_open_clicked(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path)))
