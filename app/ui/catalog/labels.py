"""Spine and barcode labels on A4 label sheets: painting, PDF, printing and the dialog.

The sheet formats, slot positions and what each label says come from
:mod:`app.core.labels`; this module paints them with QPainter in millimetres
converted to device units, so the same code paints a PDF (:class:`QPdfWriter`,
1200 dpi) and a printer page (:class:`QPrinter`). Fonts, fitted text and the
Code 128 bars (vector rectangles, whole 600-dpi printer dots, a quiet zone of
ten modules inside the label on each side) are the member cards' own
(:class:`app.ui.members.cards.CardPainter`).

A spine label shows the library's short name over a thin rule, then the call
number one part a line (class, author's letters, title's letter) in the
largest bold type that fits. A barcode label shows the short name and the call
number, the title, the bars and the barcode in plain text under them. Nothing
is drawn outside the die-cut labels: a sheet fed a little askew prints no
stray lines.

    render_labels_pdf(path, "L7651", labels, start=1)     # tests call this directly
    LabelsDialog(context, item_ids, parent).open()        # PDF (default) or printer
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLineF, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.core.errors import KnownError
from app.core.labels import (
    DEFAULT_FORMAT,
    FORMATS,
    KINDS,
    MAX_COPIES,
    BarcodeLabel,
    Label,
    LabelItem,
    SheetFormat,
    SpineLabel,
    build_labels,
    item_ids_in_barcode_range,
    load_label_items,
    place_labels,
    sheet_format,
    sheets_needed,
)
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.i18n import tr
from app.ui.members.cards import PDF_DPI, CardPainter, page_size
from app.ui.printing import (
    CANNOT_WRITE,
    FILE_IN_USE,
    PRINTER_NOT_STARTED,
    PdfPrintDialog,
    PrintTexts,
    write_pdf,
)
from app.ui.tasks import Task

_RULE = QColor("#555555")
_MUTED = QColor("#333333")


class LabelPainter:
    """Paints label sheets on a device whose resolution is ``dpi``, origin at the paper's corner."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.painter = painter
        self.draw = CardPainter(painter, dpi, "")  # units, fonts, text and bars
        self.device = painter.device()
        self._sizes: dict[tuple[tuple[str, ...], float, float, float, bool, bool], float] = {}

    def fit(
        self,
        lines: Sequence[str],
        width: float,
        height: float,
        top_points: float,
        *,
        bold: bool = False,
        mono: bool = False,
    ) -> QFont:
        """The largest font (``top_points`` down to 4 pt) in which every line fits
        ``width`` mm and all of them, one under the other, ``height`` mm."""
        key = (tuple(lines), width, height, top_points, bold, mono)
        size = self._sizes.get(key)
        if size is None:
            size = top_points
            while size > 4.0:
                metrics = QFontMetricsF(self.draw.font(size, bold=bold, mono=mono), self.device)
                widest = max(metrics.horizontalAdvance(line) for line in lines)
                if (
                    widest <= self.draw.u(width)
                    and metrics.height() * len(lines) <= self.draw.u(height) + 0.01
                ):
                    break
                size -= 0.5
            self._sizes[key] = size
        return self.draw.font(size, bold=bold, mono=mono)

    def paint_sheet(self, fmt: SheetFormat, placed: Sequence[tuple[int, Label]]) -> None:
        self.painter.save()
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for slot, label in placed:
            x, y, width, height = fmt.slot_rect(slot)
            if isinstance(label, SpineLabel):
                self.paint_spine(x, y, width, height, label)
            else:
                self.paint_barcode_label(x, y, width, height, label)
        self.painter.restore()

    def paint_spine(
        self, x: float, y: float, width: float, height: float, label: SpineLabel
    ) -> None:
        draw = self.draw
        pad = min(2.0, height * 0.08)
        inner_w = width - 2 * pad
        head = min(max(height * 0.16, 2.6), 5.0)
        name_box = draw.rect(x + pad, y + pad * 0.6, inner_w, head)
        draw.text(
            name_box,
            label.library,
            self.fit(["Xg"], inner_w, head, 8.0),
            color=_MUTED,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        rule_y = y + pad * 0.6 + head + 0.3
        pen = QPen(_RULE)
        pen.setWidthF(draw.u(0.2))
        self.painter.setPen(pen)
        self.painter.drawLine(
            QLineF(draw.u(x + pad), draw.u(rule_y), draw.u(x + width - pad), draw.u(rule_y))
        )
        body_top = rule_y + 0.5
        body_h = y + height - pad * 0.6 - body_top
        lines = label.lines or ("",)
        font = self.fit(lines, inner_w, body_h, 24.0, bold=True)
        line_h = QFontMetricsF(font, self.device).height()
        first = draw.u(body_top) + (draw.u(body_h) - line_h * len(lines)) / 2
        for index, line in enumerate(lines):
            box = QRectF(draw.u(x + pad), first + index * line_h, draw.u(inner_w), line_h)
            draw.text(box, line, font, align=Qt.AlignmentFlag.AlignCenter)

    def paint_barcode_label(
        self, x: float, y: float, width: float, height: float, label: BarcodeLabel
    ) -> None:
        draw = self.draw
        pad_x, pad_y = 1.5, min(1.5, height * 0.06)
        inner_w, inner_h = width - 2 * pad_x, height - 2 * pad_y
        row = min(inner_h * 0.15, 4.5)
        text_row = min(inner_h * 0.17, 4.5)
        bars = min(inner_h - 2 * row - text_row - 0.6, 16.0)
        top = y + pad_y + (inner_h - (2 * row + bars + text_row + 0.6)) / 2
        left = x + pad_x
        # The call number on the right, whole (smaller type rather than cut short);
        # the library's short name in the room left of it, if there is room.
        number = label.call_number or " "
        number_font = self.fit([number + "g"], inner_w * 0.8, row, 9.0, bold=True)
        number_w = QFontMetricsF(number_font, self.device).horizontalAdvance(number + " ")
        number_w = number_w / draw.u(1)
        draw.text(
            draw.rect(left + inner_w - number_w, top, number_w, row),
            number,
            number_font,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        if inner_w - number_w >= 8.0:
            draw.text(
                draw.rect(left, top, inner_w - number_w - 0.5, row),
                label.library,
                self.fit(["Xg"], inner_w, row * 0.85, 7.0),
                color=_MUTED,
            )
        draw.text(
            draw.rect(left, top + row, inner_w, row),
            label.title,
            self.fit(["Xg"], inner_w, row, 8.0),
        )
        draw.paint_barcode(left, top + 2 * row + 0.3, inner_w, bars, label.barcode)
        draw.text(
            draw.rect(left, top + 2 * row + bars + 0.6, inner_w, text_row),
            label.barcode,
            self.fit(["Xg"], inner_w, text_row, 9.0, mono=True),
            align=Qt.AlignmentFlag.AlignCenter,
        )


def paint_labels(
    painter: QPainter,
    dpi: float,
    new_page: Callable[[], object],
    fmt: SheetFormat,
    labels: Sequence[Label],
    start: int = 1,
    progress: Progress | None = None,
) -> int:
    """Paint the labels a sheet at a time from label ``start``; ``new_page()`` starts the
    next sheet. Sheets painted."""
    sheets = place_labels(labels, fmt, start)
    label_painter = LabelPainter(painter, dpi)
    for index, placed in enumerate(sheets):
        if progress is not None:
            progress.check()
            progress.update(index, len(sheets))
        if index:
            new_page()
        label_painter.paint_sheet(fmt, placed)
    return len(sheets)


def _page_layout(exact: bool) -> QPageLayout:
    return QPageLayout(
        page_size("A4", exact=exact),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def render_labels_pdf(
    path: Path | str,
    format_code: str,
    labels: Sequence[Label],
    start: int = 1,
    progress: Progress | None = None,
) -> Path:
    """Write the label sheets to a PDF at ``path`` (replaced whole, never half written)."""
    path = Path(path)
    fmt = sheet_format(format_code)
    place_labels(labels, fmt, start)  # a bad start stops it before a file is made

    def paint(writer: QPdfWriter) -> None:
        painter = QPainter()
        if not painter.begin(writer):
            raise KnownError(CANNOT_WRITE, path=str(path))
        try:
            paint_labels(painter, PDF_DPI, writer.newPage, fmt, labels, start, progress)
        finally:
            painter.end()

    title = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Book labels"))
    return write_pdf(
        path, _page_layout(exact=True), PDF_DPI, title, paint, None, KnownError, FILE_IN_USE
    )


def print_labels(
    printer: QPrinter, format_code: str, labels: Sequence[Label], start: int = 1
) -> int:
    """Paint the labels on a printer set up by the print dialog (GUI thread). Sheets printed."""
    fmt = sheet_format(format_code)
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(exact=False))
    painter = QPainter()
    if not painter.begin(printer):
        raise KnownError(PRINTER_NOT_STARTED)
    try:
        return paint_labels(painter, printer.resolution(), printer.newPage, fmt, labels, start)
    finally:
        painter.end()


def load_items(context: AppContext, item_ids: Sequence[str]) -> list[LabelItem]:
    """The copies' label data in the order given (a worker thread may call this)."""
    from app.core.catalog import CatalogService

    service = CatalogService(context.db, context.user)  # its own connection, in this thread
    try:
        return load_label_items(service, item_ids)
    finally:
        service.close()


def default_pdf_path() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("LabelsDialog", "book-labels-{date}.pdf").format(
        date=date.today().isoformat()
    )
    return Path(folder or Path.home()) / name


class LabelsDialog(PdfPrintDialog):
    """Print spine and/or barcode labels of copies: which labels, which sheet, from which
    label on the sheet, how many of each; save as PDF (the default) or send to a printer.

    With no ``item_ids`` the copies are chosen by a range of barcodes.
    """

    def __init__(
        self, context: AppContext, item_ids: list[str], parent: QWidget | None = None
    ) -> None:
        self.context = context
        self.given_ids = list(item_ids)
        self.item_ids = list(item_ids)
        self.labels: list[Label] = []
        self.print_format = (DEFAULT_FORMAT, 1)
        self.busy = False
        texts = PrintTexts(
            title=self.tr("Print book labels"),
            as_pdf=self.tr("Save as a &PDF file"),
            to_printer=self.tr("Send to a p&rinter"),
            browse=self.tr("&Browse..."),
            open_pdf=self.tr("&Open the PDF"),
            ok=self.tr("&Make the labels"),
            cancel=self.tr("Cancel"),
            file=self.tr("&File"),
            save_as=self.tr("Save the labels as"),
            pdf_files=self.tr("PDF files (*.pdf)"),
            no_path=self.tr("Choose where to save the PDF file."),
            close=self.tr("&Close"),
            progress=self.tr("Making the labels..."),
            saved=self.tr("The labels were saved in {path}."),
            doc_name=self.tr("Book labels"),
        )
        locale = QLocale()

        self.first_barcode = QLineEdit()
        self.first_barcode.setObjectName("first_barcode")
        self.first_barcode.setPlaceholderText("B000001")
        self.last_barcode = QLineEdit()
        self.last_barcode.setObjectName("last_barcode")
        self.last_barcode.setPlaceholderText("B000100")
        range_row = QHBoxLayout()
        range_row.addWidget(self.first_barcode, 1)
        range_row.addWidget(QLabel(self.tr("to")))
        range_row.addWidget(self.last_barcode, 1)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        kind_names = {
            "spine": self.tr("Spine labels (call number)"),
            "barcode": self.tr("Barcode labels"),
            "both": self.tr("Both: a spine label and a barcode label"),
        }
        for code in KINDS:
            self.kind.addItem(kind_names[code], code)

        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for fmt in FORMATS.values():
            self.sheet.addItem(
                self.tr("{maker}: {count} labels of {width} × {height} mm").format(
                    maker=fmt.maker,
                    count=fmt.per_sheet,
                    width=locale.toString(fmt.label_width, "f", 1),
                    height=locale.toString(fmt.label_height, "f", 1),
                ),
                fmt.code,
            )
        self.sheet.setCurrentIndex(max(self.sheet.findData(DEFAULT_FORMAT), 0))

        self.start = QSpinBox()
        self.start.setObjectName("start")
        self.start.setMinimum(1)
        self.start.setToolTip(
            self.tr(
                "On a sheet used before, the first free label. Labels are counted"
                " left to right, then top to bottom."
            )
        )
        self.start_hint = QLabel()
        self.start_hint.setObjectName("start_hint")
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.start_hint, 1)

        self.copies = QSpinBox()
        self.copies.setObjectName("copies")
        self.copies.setRange(1, MAX_COPIES)
        copies_row = QHBoxLayout()
        copies_row.addWidget(self.copies)
        copies_row.addStretch(1)

        rows: list[tuple[str | QWidget, QWidget | QLayout]] = []
        if not self.given_ids:
            range_label = QLabel(self.tr("Copies by barco&de"))
            range_label.setBuddy(self.first_barcode)
            rows.append((range_label, range_row))
        for text, widget, row_layout in (
            (self.tr("&Labels"), self.kind, None),
            (self.tr("Label &sheet"), self.sheet, None),
            (self.tr("S&tart at label"), self.start, start_row),
            (self.tr("&Copies of each label"), self.copies, copies_row),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            rows.append((label, row_layout if row_layout is not None else widget))
        super().__init__(texts, "", default_pdf_path(), parent, rows)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened anew each time
        self.setMinimumWidth(500)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        chain: list[QWidget] = [self.first_barcode, self.last_barcode] if not self.given_ids else []
        chain += [self.kind, self.sheet, self.start, self.copies, self.as_pdf, self.path]
        chain += [self.browse, self.to_printer, self.ok_button, self.cancel_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        for edit in (self.first_barcode, self.last_barcode):
            edit.textChanged.connect(self.on_range_changed)
        for combo in (self.kind, self.sheet):
            combo.currentIndexChanged.connect(self.on_options_changed)
        for spin in (self.start, self.copies):
            spin.valueChanged.connect(self.on_options_changed)
        self.on_options_changed()
        (self.kind if self.given_ids else self.first_barcode).setFocus()

    # --- what is chosen ------------------------------------------------------------

    def format_code(self) -> str:
        return str(self.sheet.currentData())

    def kind_code(self) -> str:
        return str(self.kind.currentData())

    def label_count(self) -> int:
        per_item = self.copies.value() * (2 if self.kind_code() == "both" else 1)
        return len(self.item_ids) * per_item

    def on_range_changed(self) -> None:
        first, last = self.first_barcode.text().strip(), self.last_barcode.text().strip()
        try:
            self.item_ids = item_ids_in_barcode_range(
                self.context.conn, first or last, last or first
            )
        except KnownError:
            self.item_ids = []
        self.on_options_changed()

    def on_options_changed(self) -> None:
        fmt = FORMATS[self.format_code()]
        self.start.setMaximum(fmt.per_sheet)
        row, column = fmt.row_column(self.start.value())
        self.start_hint.setText(
            self.tr("row {row}, column {column} of {count} labels").format(
                row=row, column=column, count=fmt.per_sheet
            )
        )
        count = self.label_count()
        self.summary.setText(
            self.tr("Copies: {items}. Labels: {labels}. Sheets of labels needed: {sheets}.").format(
                items=len(self.item_ids),
                labels=count,
                sheets=sheets_needed(count, fmt, self.start.value()),
            )
        )

    def reject(self) -> None:
        """Close, unless labels are being made: then ask the job to stop first."""
        if self.busy and self.task is not None:
            self.task.cancel()
            return
        super().reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        super().set_busy(busy)

    def busy_widgets(self) -> list[QWidget]:
        return [
            self.ok_button,
            self.kind,
            self.sheet,
            self.start,
            self.copies,
            self.as_pdf,
            self.to_printer,
            self.path,
            self.first_barcode,
            self.last_barcode,
        ]

    # --- making the labels -----------------------------------------------------------

    def nothing_to_print(self) -> str | None:
        if self.item_ids:
            return None
        return tr(QT_TRANSLATE_NOOP("PerpusDesa", "Choose at least one copy to print labels for."))

    def labels_job(self) -> Callable[[Progress], list[Label]]:
        """The work that reads the copies and makes their labels (on a worker thread)."""
        context, item_ids = self.context, list(self.item_ids)
        kind, copies = self.kind_code(), self.copies.value()
        library = context.profile.name

        def make_labels(progress: Progress) -> list[Label]:
            items = load_items(context, item_ids)
            progress.check()
            return build_labels(items, kind, copies, library)

        return make_labels

    def pdf_job(self, target: Path) -> Callable[[Progress], Path]:
        make_labels = self.labels_job()
        format_code, start = self.format_code(), self.start.value()

        def make_pdf(progress: Progress) -> Path:
            labels = make_labels(progress)
            return render_labels_pdf(target, format_code, labels, start, progress)

        return make_pdf

    def open_printer_dialog(self) -> None:
        """Make the labels first (in a task), then ask for the printer."""
        self.set_busy(True)
        self.task = (
            Task(self, self.labels_job(), self.on_labels_loaded)
            .on_failure(self.on_task_failed)
            .run()
        )

    def on_labels_loaded(self, labels: list[Label]) -> None:
        self.set_busy(False)
        self.labels = labels
        self.print_format = self.format_code(), self.start.value()
        super().open_printer_dialog()

    def show_unexpected(self, exc: BaseException) -> None:
        from app.ui.errors import show_error

        show_error(self, exc, self.context.data_dir)

    def setup_printer(self, printer: QPrinter) -> None:
        printer.setPageLayout(_page_layout(exact=False))

    def make_print_dialog(self, printer: QPrinter) -> QPrintDialog:
        return QPrintDialog(printer, self)  # looked up here: tests answer it

    def print_to(self, printer: QPrinter) -> None:
        format_code, start = self.print_format
        print_labels(printer, format_code, self.labels, start)
