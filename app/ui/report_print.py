"""The printed monthly (or annual) report: a QTextDocument laid out on the printer's pages.

The HTML and the charts come from :func:`app.reports.render.report_document`
(Qt-free); here they become pages. Each chart is an SVG drawn by
:class:`QSvgRenderer` straight onto the page's painter through a text object
(:class:`QPyTextObject`), so it prints as vector lines and text, sharp at any
resolution. The document is laid out at the device's own resolution inside its
margins on A4 or F4 (215 × 330 mm), the paper named in the report's header; a
section that would straddle a page break while it fits on one page starts on
the next page, and so does a section whose heading would be left alone at the
foot of a page. Qt never splits a table row between pages, and repeats a
table's header row on the next page.

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
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
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


def _keep_sections_together(document: QTextDocument) -> None:
    """Move a section to the next page when it would straddle a break but fits on one page,
    or when its heading would stand alone at the foot of a page."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    starts = _section_starts(document)
    for index, start in enumerate(starts):
        block = document.findBlock(start)
        top = layout.blockBoundingRect(block).top()
        if index + 1 < len(starts):
            bottom = layout.blockBoundingRect(document.findBlock(starts[index + 1])).top()
        else:
            bottom = document.size().height()
        first_page = int(top // page_height)
        last_page = int(max(bottom - 1, top) // page_height)
        if first_page == last_page:
            continue
        fits = bottom - top <= page_height
        near_foot = top - first_page * page_height > (1 - HEADING_ROOM) * page_height
        if fits or near_foot:
            cursor = QTextCursor(block)
            block_format = QTextBlockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.mergeBlockFormat(block_format)
            _relayout(document, block.position())


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
    _keep_sections_together(document)
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
