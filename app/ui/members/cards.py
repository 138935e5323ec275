"""Member cards: ID-1 cards (85.6 × 54 mm) with a Code 128 barcode, several on an A4 or F4 sheet.

Everything is drawn with QPainter in millimetres converted to device units,
so the same code paints a PDF (:class:`QPdfWriter`, 1200 dpi) and a printer
page (:class:`QPrinter`). The bars are filled rectangles -- vectors in the
PDF, sharp at any printer resolution -- one module wide a whole number of
600-dpi printer dots where the card leaves room, with a quiet zone of ten
modules on each side and the number in plain text under them.

A sheet holds as many cards as fit inside 10 mm margins (two columns of five
on both A4 and F4), edge to edge, so one cut separates two cards. The cutting
guides are crop marks in the margin plus a light dashed outline of each card
for scissors.

    render_cards_pdf(path, library_name, cards, "A4")   # tests call this directly
    print_member_cards(parent, context, member_ids)      # the dialog: PDF (default) or printer
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLineF,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QWidget,
)

from app.core.barcode import QUIET_ZONE_MODULES, bar_runs, code128_modules
from app.core.codes import MEMBER_TYPES
from app.core.errors import KnownError, ValidationError
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.i18n import tr
from app.ui.printing import (
    CANNOT_WRITE,
    FILE_IN_USE,
    PRINTER_NOT_STARTED,
    PdfFileError,
    PdfPrintDialog,
    PrintTexts,
    write_pdf,
)
from app.ui.tasks import Task

CARD_WIDTH_MM = 85.6
CARD_HEIGHT_MM = 54.0
PAPERS_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
MIN_MARGIN_MM = 10.0
PDF_DPI = 1200
PRINTER_DOT_MM = 25.4 / 600
MAX_MODULE_DOTS = 10  # 0.42 mm: wider bars only make the code longer, not better

CARD_TITLE = QT_TRANSLATE_NOOP("PerpusDesa", "Member card")
_TYPE_LABELS = {code.code: code.label for code in MEMBER_TYPES}
_FONTS = ["Segoe UI", "Arial", "Liberation Sans", "DejaVu Sans"]
_MONO_FONTS = ["Consolas", "Courier New", "Liberation Mono", "DejaVu Sans Mono"]
_ACCENT = QColor("#0b6e4f")
_BAND = QColor("#e3f1ec")
_GUIDE = QColor("#9a9a9a")


@dataclass(frozen=True)
class CardData:
    """What one card shows."""

    member_no: str
    name: str
    member_type: str  # code: umum, pelajar, anak
    expires_on: date | None


@dataclass(frozen=True)
class SheetLayout:
    """Where the cards go on one sheet of paper (millimetres from the top left)."""

    paper: str
    width: float
    height: float
    columns: int
    rows: int
    left: float
    top: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def card_origin(self, slot: int) -> tuple[float, float]:
        row, column = divmod(slot, self.columns)
        return self.left + column * CARD_WIDTH_MM, self.top + row * CARD_HEIGHT_MM


def sheet_layout(paper: str) -> SheetLayout:
    if paper not in PAPERS_MM:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose A4 or F4 paper."), field="paper"
        )
    width, height = PAPERS_MM[paper]
    columns = int((width - 2 * MIN_MARGIN_MM) // CARD_WIDTH_MM)
    rows = int((height - 2 * MIN_MARGIN_MM) // CARD_HEIGHT_MM)
    left = (width - columns * CARD_WIDTH_MM) / 2
    top = (height - rows * CARD_HEIGHT_MM) / 2
    return SheetLayout(paper, width, height, columns, rows, left, top)


def sheets_needed(count: int, paper: str) -> int:
    return math.ceil(count / sheet_layout(paper).per_sheet)


def page_size(paper: str, *, exact: bool = True) -> QPageSize:
    """The paper as Qt knows it. ``exact=False`` lets F4 (215 × 330 mm) match the
    printer's nearest known size (Folio, 8.5 × 13 in), which drivers list."""
    if paper == "A4":
        return QPageSize(QPageSize.PageSizeId.A4)
    width, height = PAPERS_MM[paper]
    policy = QPageSize.SizeMatchPolicy.ExactMatch if exact else QPageSize.SizeMatchPolicy.FuzzyMatch
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, paper, policy)


def valid_until_text(expires_on: date | None) -> str:
    """'30 November 2027' (Indonesian month names), or 'no expiry'."""
    if expires_on is None:
        return tr(QT_TRANSLATE_NOOP("PerpusDesa", "No expiry"))
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return locale.toString(QDate(expires_on.year, expires_on.month, expires_on.day), "d MMMM yyyy")


def module_width_mm(modules: int, available_mm: float) -> float:
    """The widest bar module, in whole 600-dpi dots when it fits, that fits ``available_mm``."""
    exact = available_mm / (modules + 2 * QUIET_ZONE_MODULES)
    dots = min(MAX_MODULE_DOTS, math.floor(exact / PRINTER_DOT_MM))
    return dots * PRINTER_DOT_MM if dots >= 3 else exact


class CardPainter:
    """Paints cards on a device whose resolution is ``dpi``, origin at the paper's corner."""

    def __init__(self, painter: QPainter, dpi: float, library_name: str) -> None:
        self.painter = painter
        self.dpi = dpi
        self.library_name = library_name
        self.device = painter.device()
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}
        self._fitted: dict[tuple[str, float, float, float, float, bool], QFont] = {}

    def u(self, mm: float) -> float:
        """Millimetres in device units."""
        return mm * self.dpi / 25.4

    def rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        return QRectF(self.u(x), self.u(y), self.u(width), self.u(height))

    def font(self, points: float, *, bold: bool = False, mono: bool = False) -> QFont:
        """A font of the card (made once per size and weight: a sheet uses a handful)."""
        key = (points, bold, mono)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies(_MONO_FONTS if mono else _FONTS)
            font.setStyleHint(QFont.StyleHint.Monospace if mono else QFont.StyleHint.SansSerif)
            font.setPointSizeF(points)
            font.setBold(bold)
            self._fonts[key] = font
        return font

    def fitted_font(
        self, text: str, box: QRectF, points: float, minimum: float, *, bold: bool
    ) -> QFont:
        """The largest font from ``points`` down to ``minimum`` that fits ``text`` in ``box``."""
        key = (text, box.width(), box.height(), points, minimum, bold)
        if key not in self._fitted:
            self._fitted[key] = self._fit(text, box, points, minimum, bold=bold)
        return self._fitted[key]

    def _fit(self, text: str, box: QRectF, points: float, minimum: float, *, bold: bool) -> QFont:
        size = points
        while True:
            font = self.font(size, bold=bold)
            metrics = QFontMetricsF(font, self.device)
            needed = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text)
            if size <= minimum or (
                needed.width() <= box.width() and needed.height() <= box.height()
            ):
                return font
            size = max(minimum, size - 0.5)

    def text(
        self,
        box: QRectF,
        text: str,
        font: QFont,
        *,
        color: QColor | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        wrap: bool = False,
    ) -> None:
        painter = self.painter
        painter.setFont(font)
        painter.setPen(color or QColor("black"))
        if not wrap:
            metrics = QFontMetricsF(font, self.device)
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        painter.drawText(box, flags, text)

    # --- one sheet -------------------------------------------------------------

    def paint_sheet(self, layout: SheetLayout, cards: Sequence[CardData]) -> None:
        rows_used = math.ceil(len(cards) / layout.columns)
        self.paint_crop_marks(layout, rows_used)
        for slot, card in enumerate(cards):
            x, y = layout.card_origin(slot)
            self.paint_card(x, y, card)

    def paint_crop_marks(self, layout: SheetLayout, rows_used: int) -> None:
        painter = self.painter
        pen = QPen(QColor("black"))
        pen.setWidthF(self.u(0.15))
        painter.setPen(pen)
        gap, length = 1.5, min(6.0, layout.top - 2.5, layout.left - 2.5)
        right = layout.left + layout.columns * CARD_WIDTH_MM
        bottom = layout.top + rows_used * CARD_HEIGHT_MM
        for column in range(layout.columns + 1):
            x = self.u(layout.left + column * CARD_WIDTH_MM)
            painter.drawLine(
                QLineF(x, self.u(layout.top - gap - length), x, self.u(layout.top - gap))
            )
            painter.drawLine(QLineF(x, self.u(bottom + gap), x, self.u(bottom + gap + length)))
        for row in range(rows_used + 1):
            y = self.u(layout.top + row * CARD_HEIGHT_MM)
            painter.drawLine(
                QLineF(self.u(layout.left - gap - length), y, self.u(layout.left - gap), y)
            )
            painter.drawLine(QLineF(self.u(right + gap), y, self.u(right + gap + length), y))

    # --- one card --------------------------------------------------------------

    def paint_card(self, x: float, y: float, card: CardData) -> None:
        painter = self.painter
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # The header band, with the library's name and "Member card".
        painter.fillRect(self.rect(x, y, CARD_WIDTH_MM, 13.5), _BAND)
        painter.fillRect(self.rect(x, y, CARD_WIDTH_MM, 1.2), _ACCENT)
        name_box = self.rect(x + 4, y + 1.8, CARD_WIDTH_MM - 8, 7.4)
        self.text(
            name_box,
            self.library_name,
            self.fitted_font(self.library_name, name_box, 9.0, 6.5, bold=True),
            color=_ACCENT,
            wrap=True,
        )
        self.text(
            self.rect(x + 4, y + 9.3, CARD_WIDTH_MM - 8, 3.6),
            tr(CARD_TITLE).upper(),
            self.font(6.5, bold=True),
        )

        # The member: name, then number, type and expiry as label and value.
        name_box = self.rect(x + 4, y + 14.8, CARD_WIDTH_MM - 8, 6.0)
        self.text(
            name_box,
            card.name,
            self.fitted_font(card.name, name_box, 11.0, 7.0, bold=True),
        )
        label_font, value_font = self.font(6.5), self.font(7.5, bold=True)
        rows = (
            (tr(QT_TRANSLATE_NOOP("PerpusDesa", "Member no.")), card.member_no),
            (tr(QT_TRANSLATE_NOOP("PerpusDesa", "Type")), _type_label(card.member_type)),
            (tr(QT_TRANSLATE_NOOP("PerpusDesa", "Valid until")), valid_until_text(card.expires_on)),
        )
        for index, (label, value) in enumerate(rows):
            top = y + 21.3 + index * 3.9
            self.text(self.rect(x + 4, top, 22, 3.9), label, label_font, color=QColor("#444444"))
            self.text(self.rect(x + 26, top, CARD_WIDTH_MM - 30, 3.9), value, value_font)

        # The barcode, centred, with the number under it.
        self.paint_barcode(x + 3, y + 34.2, CARD_WIDTH_MM - 6, 12.0, card.member_no)
        self.text(
            self.rect(x + 3, y + 46.6, CARD_WIDTH_MM - 6, 4.2),
            card.member_no,
            self.font(8.0, mono=True),
            align=Qt.AlignmentFlag.AlignCenter,
        )

        # Cutting guide: a light dashed line along the card's edge.
        pen = QPen(_GUIDE)
        pen.setWidthF(self.u(0.1))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect(x, y, CARD_WIDTH_MM, CARD_HEIGHT_MM))
        painter.restore()

    def paint_barcode(self, x: float, y: float, width: float, height: float, text: str) -> None:
        """Bars as filled rectangles, centred in the box with the quiet zones inside it."""
        modules = code128_modules(text)
        module = module_width_mm(len(modules), width)
        symbol = len(modules) * module
        left = x + (width - symbol) / 2
        assert left - x >= QUIET_ZONE_MODULES * module - 1e-9
        bars = [
            QRectF(self.u(left + start * module), self.u(y), self.u(run * module), self.u(height))
            for start, run in bar_runs(modules)
        ]
        painter = self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        painter.drawRects(bars)  # one call: one filled path per barcode in the PDF
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _type_label(code: str) -> str:
    label = _TYPE_LABELS.get(code)
    return tr(label) if label else code


def paint_cards(
    painter: QPainter,
    dpi: float,
    new_page: Callable[[], object],
    library_name: str,
    cards: Sequence[CardData],
    paper: str,
    progress: Progress | None = None,
) -> int:
    """Paint every card, a sheet at a time; ``new_page()`` starts the next sheet. Sheets painted."""
    layout = sheet_layout(paper)
    card_painter = CardPainter(painter, dpi, library_name)
    sheets = sheets_needed(len(cards), paper)
    for sheet in range(sheets):
        if progress is not None:
            progress.check()
            progress.update(sheet, sheets)
        if sheet:
            new_page()
        chunk = cards[sheet * layout.per_sheet : (sheet + 1) * layout.per_sheet]
        card_painter.paint_sheet(layout, chunk)
    return sheets


class CardFileError(PdfFileError):
    """The PDF could not be written where the user asked."""


def render_cards_pdf(
    path: Path | str,
    library_name: str,
    cards: list[CardData],
    paper: str,
    progress: Progress | None = None,
) -> Path:
    """Write the cards to a PDF at ``path`` (replaced whole, never half written)."""
    path = Path(path)
    if not cards:
        raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Choose at least one member."))
    for card in cards:
        code128_modules(card.member_no)  # a number that cannot be a barcode stops it early
    sheet_layout(paper)

    def paint(writer: QPdfWriter) -> None:
        painter = QPainter()
        if not painter.begin(writer):
            raise CardFileError(CANNOT_WRITE, path=str(path))
        try:
            paint_cards(painter, PDF_DPI, writer.newPage, library_name, cards, paper, progress)
        finally:
            painter.end()

    layout = QPageLayout(
        page_size(paper),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    title = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Member cards"))
    return write_pdf(path, layout, PDF_DPI, title, paint, None, CardFileError, FILE_IN_USE)


def print_cards(printer: QPrinter, library_name: str, cards: list[CardData], paper: str) -> int:
    """Paint the cards on a printer set up by the print dialog (GUI thread). Sheets printed."""
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            page_size(paper, exact=False),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise KnownError(PRINTER_NOT_STARTED)
    try:
        return paint_cards(
            painter, printer.resolution(), printer.newPage, library_name, cards, paper
        )
    finally:
        painter.end()


def load_cards(context: AppContext, member_ids: Sequence[str]) -> list[CardData]:
    """The card data of the members, in the order given (a worker thread may call this)."""
    from app.core.members import MemberService

    service = MemberService(context.db, context.user)  # its own connection, in this thread
    try:
        members = [service.get(member_id) for member_id in member_ids]
    finally:
        service.close()
    return [CardData(m.member_no, m.name, m.member_type, m.expires_on) for m in members]


def default_pdf_path() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("CardPrintDialog", "member-cards-{date}.pdf").format(
        date=date.today().isoformat()
    )
    return Path(folder or Path.home()) / name


class CardPrintDialog(PdfPrintDialog):
    """How to print the cards: save as PDF (the default) or send to a printer."""

    def __init__(
        self,
        context: AppContext,
        member_ids: Sequence[str],
        parent: QWidget | None = None,
        pdf_path: Path | None = None,
    ) -> None:
        self.context = context
        self.member_ids = list(member_ids)
        self.cards: list[CardData] = []
        texts = PrintTexts(
            title=self.tr("Print member cards"),
            as_pdf=self.tr("Save as a &PDF file"),
            to_printer=self.tr("Send to a p&rinter"),
            browse=self.tr("&Browse..."),
            open_pdf=self.tr("&Open the PDF"),
            ok=self.tr("&Make the cards"),
            cancel=self.tr("Cancel"),
            file=self.tr("&File"),
            save_as=self.tr("Save the cards as"),
            pdf_files=self.tr("PDF files (*.pdf)"),
            no_path=self.tr("Choose where to save the PDF file."),
            close=self.tr("&Close"),
            progress=self.tr("Making the member cards..."),
            saved=self.tr("The cards were saved in {path}."),
            doc_name=self.tr("Member cards"),
        )
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("F4 (215 × 330 mm)"), "F4")
        index = self.paper.findData(context.settings.get("paper"))
        self.paper.setCurrentIndex(max(index, 0))
        rows = [(self.tr("P&aper"), self.paper)]
        super().__init__(texts, "", pdf_path or default_pdf_path(), parent, rows)
        self.paper.currentIndexChanged.connect(self.on_paper_changed)
        self.on_paper_changed()

    def paper_code(self) -> str:
        return str(self.paper.currentData())

    def on_paper_changed(self) -> None:
        count = len(self.member_ids)
        self.summary.setText(
            self.tr("Cards for {count} members; sheets of paper needed: {sheets}.").format(
                count=count, sheets=sheets_needed(count, self.paper_code()) if count else 0
            )
        )

    def busy_widgets(self) -> list[QWidget]:
        return [*super().busy_widgets(), self.paper]

    def nothing_to_print(self) -> str | None:
        if self.member_ids:
            return None
        return tr(QT_TRANSLATE_NOOP("PerpusDesa", "Choose at least one member."))

    def pdf_job(self, target: Path) -> Callable[[Progress], Path]:
        library_name, paper = self.context.profile.name, self.paper_code()
        context, member_ids = self.context, list(self.member_ids)

        def make_pdf(progress: Progress) -> Path:
            cards = load_cards(context, member_ids)
            return render_cards_pdf(target, library_name, cards, paper, progress)

        return make_pdf

    def open_printer_dialog(self) -> None:
        """Read the cards first (in a task), then ask for the printer."""
        context, member_ids = self.context, list(self.member_ids)
        self.set_busy(True)
        self.task = (
            Task(self, lambda _progress: load_cards(context, member_ids), self.on_cards_loaded)
            .on_failure(self.on_task_failed)
            .run()
        )

    def on_cards_loaded(self, cards: list[CardData]) -> None:
        self.set_busy(False)
        self.cards = cards
        super().open_printer_dialog()

    def show_unexpected(self, exc: BaseException) -> None:
        from app.ui.errors import show_error

        show_error(self, exc, self.context.data_dir)

    def setup_printer(self, printer: QPrinter) -> None:
        printer.setPageSize(page_size(self.paper_code(), exact=False))

    def make_print_dialog(self, printer: QPrinter) -> QPrintDialog:
        return QPrintDialog(printer, self)  # looked up here: tests answer it

    def print_to(self, printer: QPrinter) -> None:
        print_cards(printer, self.context.profile.name, self.cards, self.paper_code())


def print_member_cards(
    parent: QWidget, context: AppContext, member_ids: Sequence[str]
) -> CardPrintDialog:
    """Open the card dialog (non-blocking) for the members given; returns it."""
    dialog = CardPrintDialog(context, member_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
