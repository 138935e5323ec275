"""The printed monthly (or annual) report: a QTextDocument laid out on the printer's pages.

The HTML and the charts come from :func:`app.reports.render.report_document`
(Qt-free); here they become pages. Each chart is an SVG drawn by
:class:`QSvgRenderer` straight onto the page's painter through a text object
(:class:`QPyTextObject`), so it prints as vector lines and text, sharp at any
resolution. The document is laid out at the device's own resolution inside its
margins on A4 or F4 (215 × 330 mm), the paper named in the report's header; a
section that would straddle a page break while it fits on one page starts on
the next page, and so does a section whose heading would be left alone at the
foot of a page. A table row is never split between pages: Qt would break it
between the lines of its cells, so a row that would straddle a break moves whole
to the next page (under the table's header row, which Qt repeats there), and a
table whose first row would straddle moves with the caption above it.

    render_pdf(path, report, progress)     # safe on a worker thread; whole file or nothing
    print_report(printer, report)          # GUI thread, a printer from the print dialog

Both take ``data_dir`` (the data folder) to find the library's logo, printed left
of the letterhead when there is one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMarginsF,
    QObject,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
    QTextTableCell,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer

from app.core.errors import KnownError
from app.core.tasks import Progress
from app.core.text import CONTEXT, QT_TRANSLATE_NOOP
from app.reports.model import Report
from app.reports.render import LOGO_URL, SECTION_MARK, Chart, ReportDocument, report_document

PDF_DPI = 300
MARGIN_MM = 18.0
BODY_POINTS = 10.0
PAPERS_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
LOGO_MM = 22.0  # the logo's longer side on paper
LOGO_DPI = 300
HTML_DPI = 96
HEADING_ROOM = 0.15  # a section heading in the last 15% of a page moves to the next page
_FONTS = ["Segoe UI", "Arial", "Liberation Sans", "DejaVu Sans"]
_CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 61
_CHART_PROPERTY = QTextFormat.Property.UserProperty + 61
_OBJECT_CHARACTER = "\ufffc"


def translate(text: str) -> str:
    """Qt's translation of a message marked with ``QT_TRANSLATE_NOOP`` (any thread)."""
    return QCoreApplication.translate(CONTEXT, text)


def page_layout(paper: str) -> QPageLayout:
    """A4, or F4 (215 × 330 mm, which Qt has no name for), portrait, with the report's margins."""
    if paper == "F4":
        width, height = PAPERS_MM["F4"]
        size = QPageSize(
            QSizeF(width, height),
            QPageSize.Unit.Millimeter,
            "F4",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        size = QPageSize(QPageSize.PageSizeId.A4)
    return QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class _ChartObject(QPyTextObject):
    """Draws a chart's SVG into the text layout: vector output on PDF and printers."""

    def __init__(self, charts: dict[str, Chart], parent: QObject) -> None:
        super().__init__(parent)
        self.charts = charts
        self.renderers: dict[str, QSvgRenderer] = {}

    def _dpi(self, document: QTextDocument) -> float:
        device = document.documentLayout().paintDevice()
        return float(device.logicalDpiX()) if device is not None else 96.0

    def intrinsicSize(self, doc: QTextDocument, posInDocument: int, format: QTextFormat) -> QSizeF:
        chart = self.charts[str(format.property(_CHART_PROPERTY))]
        dpi = self._dpi(doc)
        return QSizeF(chart.width_mm / 25.4 * dpi, chart.height_mm / 25.4 * dpi)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        posInDocument: int,
        format: QTextFormat,
    ) -> None:
        name = str(format.property(_CHART_PROPERTY))
        if name not in self.renderers:
            self.renderers[name] = QSvgRenderer(QByteArray(self.charts[name].svg.encode("utf-8")))
        self.renderers[name].render(painter, QRectF(rect))


def _place_charts(document: QTextDocument, charts: dict[str, Chart]) -> None:
    """Replace each ``<img src="NAME">`` of a chart by the vector chart object."""
    found: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            style = fragment.charFormat()
            if style.isImageFormat() and style.toImageFormat().name() in charts:
                found.append((fragment.position(), fragment.length(), style.toImageFormat().name()))
            fragments += 1
        block = block.next()
    for position, length, name in reversed(found):
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        chart_format = QTextCharFormat()
        chart_format.setObjectType(_CHART_OBJECT)
        chart_format.setProperty(_CHART_PROPERTY, name)
        cursor.insertText(_OBJECT_CHARACTER, chart_format)


def _relayout(document: QTextDocument, start: int = 0) -> None:
    """Lay the document out again from ``start``: after an edit Qt's own incremental layout
    may leave later blocks unplaced (they go missing from the print) or tables misshapen."""
    document.markContentsDirty(start, document.characterCount() - start)


def _section_starts(document: QTextDocument) -> list[int]:
    """The block positions of the section headings (marked by their anchor name)."""
    starts = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            names = fragments.fragment().charFormat().anchorNames()
            if any(name.startswith(SECTION_MARK) for name in names):
                starts.append(block.position())
                break
            fragments += 1
        block = block.next()
    return starts


def _push_to_next_page(document: QTextDocument, block: QTextBlock) -> None:
    """Start ``block`` on a new page and lay out again from there."""
    cursor = QTextCursor(block)
    block_format = QTextBlockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.mergeBlockFormat(block_format)
    _relayout(document, block.position())


def _keep_section(document: QTextDocument, starts: list[int], index: int) -> None:
    """Move a section to the next page when it would straddle a break but fits on one page,
    or when its heading would stand alone at the foot of a page."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    block = document.findBlock(starts[index])
    top = layout.blockBoundingRect(block).top()
    if index + 1 < len(starts):
        bottom = layout.blockBoundingRect(document.findBlock(starts[index + 1])).top()
    else:
        bottom = document.size().height()
    first_page = int(top // page_height)
    last_page = int(max(bottom - 1, top) // page_height)
    if first_page == last_page:
        return
    fits = bottom - top <= page_height
    near_foot = top - first_page * page_height > (1 - HEADING_ROOM) * page_height
    if fits or near_foot:
        _push_to_next_page(document, block)


def _row_cells(table: QTextTable, row: int) -> list[QTextTableCell]:
    """The cells that start in ``row`` (a cell spanning columns counted once)."""
    cells = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() == row and cell.column() == column:
            cells.append(cell)
    return cells


def _row_extent(document: QTextDocument, cells: list[QTextTableCell]) -> tuple[float, float]:
    """The top of the row's first lines and the bottom of its last lines (document units)."""
    layout = document.documentLayout()
    top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
    bottom = max(
        layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells
    )
    return top, bottom


def _lengthen_row(table: QTextTable, cells: list[QTextTableCell], extra: float) -> None:
    """Add ``extra`` (device pixels) below the content of the row's tallest cell: the row
    grows by as much (one cell only: every edit lays the document out again)."""
    document = table.document()
    layout = document.documentLayout()
    tallest = max(
        cells, key=lambda cell: layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
    )
    device = layout.paintDevice()
    scale = device.logicalDpiY() / HTML_DPI if device is not None else 1.0
    cell_format = tallest.format().toTableCellFormat()
    below = (
        cell_format.bottomPadding()
        if cell_format.hasProperty(QTextFormat.Property.TableCellBottomPadding)
        else table.format().cellPadding()
    )
    cell_format.setBottomPadding(below + extra / scale)
    tallest.setFormat(cell_format)


def _caption(table: QTextTable) -> QTextBlock | None:
    """The caption or heading just above the table: a paragraph of one or two lines."""
    before = table.firstCursorPosition().block().previous()
    if before.isValid() and before.text().strip() and 0 < before.layout().lineCount() <= 2:
        return before
    return None


def _at_page_top(document: QTextDocument, block: QTextBlock) -> bool:
    page_height = document.pageSize().height()
    return document.documentLayout().blockBoundingRect(block).top() % page_height <= 1


def _keep_rows_whole(document: QTextDocument, table: QTextTable) -> None:
    """Move a table row that would be split between two pages whole to the next page.

    Qt breaks a row between the lines of its cells. The row above a split row is made
    taller, down to the foot of the page (as Qt does when it moves a row itself), so the
    row starts on the next page under the repeated header row. When the split row is
    the table's first row (or its first row under the header), the table moves to the
    next page with the caption or heading just above it; so does a caption that Qt
    left alone at the foot of a page when it moved the table itself.
    """
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    header_rows = table.format().headerRowCount()
    caption = _caption(table)
    moved = False
    row = 0
    tries = 0
    while row < table.rows():
        cells = _row_cells(table, row)
        if not cells:
            row += 1
            continue
        top, bottom = _row_extent(document, cells)
        page = int(top // page_height)
        if row == 0 and caption is not None and not moved and not _at_page_top(document, caption):
            caption_top = layout.blockBoundingRect(caption).top()
            if int(caption_top // page_height) < page:
                _push_to_next_page(document, caption)
                moved = True  # once: it now starts a page
                continue
        if page == int(max(bottom - 1, top) // page_height) or bottom - top > page_height:
            row, tries = row + 1, 0
            continue
        if tries == 3:  # Qt would not move it: leave it rather than loop
            row, tries = row + 1, 0
            continue
        tries += 1
        above = _row_cells(table, row - 1) if row > header_rows else []
        if above:
            _lengthen_row(table, above, (page + 1) * page_height - top)
            _relayout(document, table.firstPosition())
        elif (
            caption is not None and bottom - layout.blockBoundingRect(caption).top() <= page_height
        ):
            if _at_page_top(document, caption):
                row, tries = row + 1, 0
            else:
                _push_to_next_page(document, caption)
        elif top % page_height > page_height * 0.1:
            frame_format = table.format()
            frame_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(frame_format)
            _relayout(document, table.firstPosition() - 1)
        else:
            row, tries = row + 1, 0  # the table starts at the top of its page


def _paginate(document: QTextDocument) -> None:
    """Keep sections together and table rows whole, from the top of the document down:
    each move only shifts what follows it, so one pass in document order is enough."""
    starts = _section_starts(document)
    steps: list[tuple[int, int, QTextTable | None]] = [
        (start, index, None) for index, start in enumerate(starts)
    ]
    tables = [
        child for child in document.rootFrame().childFrames() if isinstance(child, QTextTable)
    ]
    steps.extend((table.firstPosition(), -1, table) for table in tables)
    for _, index, table in sorted(steps, key=lambda step: step[0]):
        if table is None:
            _keep_section(document, starts, index)
        else:
            _keep_rows_whole(document, table)


def build_document(
    content: ReportDocument, device: QPagedPaintDevice, logo: QImage | None = None
) -> QTextDocument:
    """The report laid out on the device's pages (its resolution, inside its margins)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    if logo is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    charts = dict(content.charts)
    handler = _ChartObject(charts, document)
    document.documentLayout().registerHandler(_CHART_OBJECT, handler)
    font = QFont()
    font.setFamilies(_FONTS)
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    size = device.pageLayout().paintRectPixels(device.logicalDpiX()).size()
    document.setPageSize(QSizeF(size))
    document.setHtml(content.html)
    _place_charts(document, charts)
    _relayout(document)
    _paginate(document)
    return document


def load_logo(report: Report, data_dir: Path | None) -> QImage | None:
    """The library's logo (a path in the data folder), cut to what prints sharply; None if
    there is none or it cannot be read (the letterhead is then printed without it)."""
    if not report.header.logo_path or data_dir is None:
        return None
    image = QImage(str(Path(data_dir) / report.header.logo_path))
    if image.isNull():
        return None
    limit = round(LOGO_MM / 25.4 * LOGO_DPI)
    if image.width() > limit or image.height() > limit:
        image = image.scaled(
            limit,
            limit,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def _logo_size(logo: QImage | None) -> tuple[int, int] | None:
    """The logo's size in the HTML: pixels at 96 dpi, which Qt scales to the device."""
    if logo is None:
        return None
    scale = LOGO_MM / 25.4 * HTML_DPI / max(logo.width(), logo.height())
    return round(logo.width() * scale), round(logo.height() * scale)


def _print(content: ReportDocument, device: QPagedPaintDevice, logo: QImage | None) -> int:
    document = build_document(content, device, logo)
    pages = document.pageCount()
    document.print_(device)
    return pages


class ReportFileError(KnownError):
    """The PDF could not be written where the user asked."""


def _cannot_write(path: Path) -> ReportFileError:
    return ReportFileError(
        QT_TRANSLATE_NOOP(
            "PerpusDesa", "The file {path} could not be written. Choose another folder."
        ),
        path=str(path),
    )


def render_pdf(
    path: Path | str,
    report: Report,
    progress: Progress | None = None,
    translate: Callable[[str], str] = translate,
    data_dir: Path | None = None,
) -> Path:
    """Write the report to a PDF at ``path``: replaced whole, or not at all.

    Safe on a worker thread: the document and the writer are made and used here only.
    """
    path = Path(path)
    if progress is not None:
        progress.check()
    if not QFontDatabase.families():
        # Without fonts Qt prints empty boxes and says nothing: refuse instead.
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "No fonts are installed on this computer, so the report cannot be printed.",
            )
        )
    logo = load_logo(report, data_dir)
    content = report_document(report, translate, _logo_size(logo))
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(b"")
    except OSError as exc:
        raise _cannot_write(path) from exc
    try:
        writer = QPdfWriter(str(partial))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(content.paper))
        writer.setTitle(content.title)
        writer.setCreator("PerpusDesa")
        if progress is not None:
            progress.check()
        _print(content, writer, logo)
        del writer
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _cannot_write(path) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def print_report(
    printer: QPrinter,
    report: Report,
    translate: Callable[[str], str] = translate,
    data_dir: Path | None = None,
) -> int:
    """Print the report on a printer set up by the print dialog (GUI thread); the page count."""
    logo = load_logo(report, data_dir)
    content = report_document(report, translate, _logo_size(logo))
    printer.setPageLayout(page_layout(content.paper))
    printer.setDocName(content.title)
    return _print(content, printer, logo)
