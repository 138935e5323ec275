"""The printed story sheet: one neat A4 page of a success story, as it may be published.

The sheet shows the library's name and region as a small letterhead, the
category and title, the photo (only when the person agreed to publication with
the name), the person as published (their initials otherwise), the story, the
figures before and after, the related activity and a small line about the
consent. It is an HTML :class:`QTextDocument` painted on exactly one page: a
long story is set in smaller type (down to ``MIN_POINTS``), and what still
does not fit is cut at the page's end.

    content = story_html(library_name, region, view)       # GUI thread: it translates
    render_story_pdf(path, content, photo_file)            # safe on a worker thread
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QMarginsF, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.core import codes
from app.core.errors import KnownError
from app.core.library import region_chain
from app.core.stories import CATEGORIES, StoryView, publishable
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import tr
from app.ui.printing import PRINTER_NOT_STARTED, PdfFileError, PdfPrintDialog, PrintTexts, write_pdf

PDF_DPI = 300
MARGIN_MM = 18.0
BODY_POINTS = 11.0  # the story's type size when it fits
MIN_POINTS = 8.0  # never smaller: past this a very long story is cut at the page end
PHOTO_MAX_MM = (120.0, 80.0)  # width, height of the photo at most
HTML_DPI = 96
PHOTO_DPI = 200  # the photo's resolution on paper
PHOTO_MARK = "<!--photo-->"
PHOTO_URL = "story-photo"
GREEN = "#0b6e4f"
GREY = "#555555"
_FONTS = ["Segoe UI", "Arial", "Liberation Sans", "DejaVu Sans"]
_RUPIAH = re.compile(r"\b(rp|rupiah)\b", re.IGNORECASE)


# --- the texts -----------------------------------------------------------------------


def indonesian_date(day: date) -> str:
    """'26 November 2026': Indonesian month names, whatever the program's language."""
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def number_text(value: int) -> str:
    """'1.500.000': the Indonesian thousands separator whatever the language."""
    return f"{value:,}".replace(",", ".")


def figure_text(value: int | None, label: str | None) -> str:
    """A figure as printed: 'Rp 1.500.000' when its label speaks of Rupiah, '—' when missing."""
    if value is None:
        return "—"
    text = number_text(value)
    return "Rp " + text if label and _RUPIAH.search(label) else text


def initials(name: str) -> str:
    """'S. A.' for 'Siti Aminah': how a person is shown without consent to the name."""
    return " ".join(word[0].upper() + "." for word in name.split() if word[0].isalnum())


def region_text(region_code: str) -> str:
    """'Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah': the village up to the province."""
    return ", ".join(region.name for region in reversed(region_chain(region_code)))


def category_label(code: str) -> str:
    return next((tr(c.label) for c in CATEGORIES if c.code == code), code)


def code_label(items: tuple[codes.Code, ...] | tuple[codes.AgeBand, ...], code: str) -> str:
    return next((tr(item.label) for item in items if item.code == code), code)


def person_line(view: StoryView, bands: tuple[codes.AgeBand, ...]) -> str:
    """The person as published: the name with consent to it, the initials otherwise."""
    shown = publishable(view)
    parts = [shown.name if shown.name is not None else initials(view.person_name)]
    parts.append(code_label(codes.GENDERS, view.gender))
    parts.append(code_label(bands, view.age_band))
    if view.occupation:
        parts.append(view.occupation)
    return " · ".join(parts)


def consent_line(view: StoryView) -> str:
    """The small print about the consent (never the guardian's name: it would name a child)."""
    if view.guardian_consent_at is not None:
        text = tr(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Shared with the consent of the person and of a parent or guardian,"
                " given on {date} and witnessed by {witness}.",
            )
        )
    else:
        text = tr(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Shared with the consent of the person, given on {date}"
                " and witnessed by {witness}.",
            )
        )
    text = text.format(
        date=indonesian_date(view.consent_on), witness=view.witness_name or view.consent_witness
    )
    if view.publish_with_name:
        more = QT_TRANSLATE_NOOP("PerpusDesa", "The person agreed to publication with the name.")
    else:
        more = QT_TRANSLATE_NOOP(
            "PerpusDesa", "Published without the name and photo, as the person asked."
        )
    return text + " " + tr(more)


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(
        '<p style="margin-bottom: 8px;">'
        + "<br/>".join(html.escape(line) for line in block.splitlines())
        + "</p>"
        for block in blocks
    )


def story_html(
    library_name: str,
    region: str,
    view: StoryView,
    bands: tuple[codes.AgeBand, ...] = codes.DEFAULT_AGE_BANDS,
    printed_on: date | None = None,
) -> str:
    """The sheet of a story as HTML (GUI thread: it translates).

    Only what :func:`app.core.stories.publishable` allows is on it; the photo
    goes where ``PHOTO_MARK`` stands, filled in by :func:`render_story_pdf`.
    """
    shown = publishable(view)
    heading = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Success story"))
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td><span style="font-size: 12pt; font-weight: bold; color: {GREEN};">'
        f"{html.escape(library_name)}</span><br/>"
        f'<span style="font-size: 8.5pt; color: {GREY};">{html.escape(region)}</span></td>'
        f'<td align="right" valign="bottom"><span style="font-size: 8.5pt; color: {GREY};">'
        f"{html.escape(heading)}</span></td>"
        "</tr></table>",
        f'<hr style="color: {GREEN};"/>',
        f'<p style="font-size: 9pt; font-weight: bold; color: {GREEN}; margin-top: 10px;">'
        f"{html.escape(category_label(shown.category).upper())}</p>",
        f'<p style="font-size: 19pt; font-weight: bold; margin-top: 2px; margin-bottom: 4px;">'
        f"{html.escape(shown.title)}</p>",
        f'<p style="font-size: 10pt; color: {GREY}; margin-bottom: 10px;">'
        f"{html.escape(person_line(view, bands))}</p>",
        PHOTO_MARK if shown.photo_path is not None else "",
        _paragraphs(shown.text),
    ]
    if shown.value_before is not None or shown.value_after is not None:
        label = shown.figure_label or ""
        before = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Before"))
        after = tr(QT_TRANSLATE_NOOP("PerpusDesa", "After"))
        head = 'bgcolor="#e3f1ec" style="white-space: nowrap;"'
        parts.append(
            '<table width="85%" cellspacing="0" cellpadding="6" border="1"'
            ' style="border-collapse: collapse; border-color: #b9d9cd; margin-top: 6px;">'
            f'<tr><th {head} width="46%"></th>'
            f'<th align="right" {head} width="27%">{html.escape(before)}</th>'
            f'<th align="right" {head} width="27%">{html.escape(after)}</th></tr>'
            f"<tr><td>{html.escape(label)}</td>"
            f'<td align="right" style="white-space: nowrap;">'
            f"{html.escape(figure_text(shown.value_before, label))}</td>"
            f'<td align="right" style="white-space: nowrap;">'
            f"<b>{html.escape(figure_text(shown.value_after, label))}</b></td>"
            "</tr></table>"
        )
    if view.activity_title:
        activity = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Related activity: {title}")).format(
            title=view.activity_title
        )
        parts.append(f'<p style="margin-top: 10px;"><i>{html.escape(activity)}</i></p>')
    printed = tr(QT_TRANSLATE_NOOP("PerpusDesa", "Printed on {date}.")).format(
        date=indonesian_date(printed_on or date.today())
    )
    parts.append(
        f'<hr style="color: #cccccc;"/><p style="font-size: 8pt; color: {GREY};">'
        f"{html.escape(consent_line(view))} {html.escape(printed)}</p>"
    )
    return "<html><body>" + "".join(parts) + "</body></html>"


# --- painting ------------------------------------------------------------------------


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _photo_html(image: QImage) -> str:
    """The photo scaled to fit ``PHOTO_MAX_MM``, centred.

    An image's size in HTML is in pixels of 96 dpi: Qt scales it to the device.
    """
    max_w, max_h = (mm / 25.4 * HTML_DPI for mm in PHOTO_MAX_MM)
    scale = min(max_w / image.width(), max_h / image.height())
    width, height = round(image.width() * scale), round(image.height() * scale)
    return (
        f'<p align="center" style="margin-bottom: 10px;">'
        f'<img src="{PHOTO_URL}" width="{width}" height="{height}"/></p>'
    )


def _document(content: str, photo: Path | None, device: QPagedPaintDevice) -> QTextDocument:
    """The sheet laid out on the device's page, in the largest type that fits one page."""
    dpi = device.logicalDpiX()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    size = device.pageLayout().paintRectPixels(dpi).size()
    document.setPageSize(QSizeF(size))
    image = QImage(str(photo)) if photo is not None else QImage()
    if image.isNull():
        content = content.replace(PHOTO_MARK, "")
    else:
        # A camera's 4000-pixel photo is cut to what prints sharply (and keeps the PDF small).
        limit = QSize(*(round(mm / 25.4 * PHOTO_DPI) for mm in PHOTO_MAX_MM))
        if image.width() > limit.width() or image.height() > limit.height():
            image = image.scaled(
                limit,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(PHOTO_URL), image)
        content = content.replace(PHOTO_MARK, _photo_html(image))
    points = BODY_POINTS
    while True:
        font = QFont()
        font.setFamilies(_FONTS)
        font.setPointSizeF(points)
        document.setDefaultFont(font)
        document.setHtml(content)
        if document.pageCount() <= 1 or points <= MIN_POINTS:
            return document
        points -= 0.5


def _paint(content: str, photo: Path | None, device: QPagedPaintDevice) -> None:
    """Paint the sheet's first (and only) page inside the device's margins."""
    document = _document(content, photo, device)
    size = document.pageSize()
    painter = QPainter()
    if not painter.begin(device):
        raise KnownError(PRINTER_NOT_STARTED)
    try:
        document.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()


class StoryFileError(PdfFileError):
    """The PDF could not be written where the user asked."""


def render_story_pdf(
    path: Path | str,
    content: str,
    photo: Path | None = None,
    title: str = "",
    progress: Progress | None = None,
) -> Path:
    """Write the sheet (HTML from :func:`story_html`) to a one-page A4 PDF, whole or not at all.

    Safe on a worker thread: the document and writer are made and used here only.
    """
    return write_pdf(
        path,
        _a4_layout(),
        PDF_DPI,
        title,
        lambda writer: _paint(content, photo, writer),
        progress,
        StoryFileError,
    )


def print_story(printer: QPrinter, content: str, photo: Path | None = None) -> None:
    """Print the sheet on a printer set up by the print dialog (GUI thread)."""
    printer.setPageLayout(_a4_layout())
    _paint(content, photo, printer)


def default_pdf_path(view: StoryView) -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("StoryPrintDialog", "success-story-{date}.pdf").format(
        date=view.consent_on.isoformat()
    )
    return Path(folder or Path.home()) / name


# --- the dialog ----------------------------------------------------------------------


class StoryPrintDialog(PdfPrintDialog):
    """Save the story sheet as a PDF (the default) or send it to a printer."""

    def __init__(
        self,
        content: str,
        photo: Path | None,
        view: StoryView,
        parent: QWidget | None = None,
        pdf_path: Path | None = None,
    ) -> None:
        self.content = content
        self.photo = photo
        texts = PrintTexts(
            title=self.tr("Print the story"),
            as_pdf=self.tr("Save as a &PDF file"),
            to_printer=self.tr("Send to a p&rinter"),
            browse=self.tr("&Browse..."),
            open_pdf=self.tr("&Open the PDF"),
            ok=self.tr("Print"),  # Enter; "P" is the PDF choice's
            cancel=self.tr("Cancel"),
            file=self.tr("&File"),
            save_as=self.tr("Save the story as"),
            pdf_files=self.tr("PDF files (*.pdf)"),
            no_path=self.tr("Choose where to save the PDF file."),
            close=self.tr("&Close"),
            progress=self.tr("Making the story sheet..."),
            saved=self.tr("The story was saved in {path}."),
            doc_name=self.tr("Success story"),
        )
        shown = publishable(view)
        if shown.name is not None:
            note = self.tr("One A4 page, with the name and photo (the person agreed).")
        else:
            note = self.tr("One A4 page, without the name and photo: the person is shown as {who}.")
        summary = shown.title + "\n" + note.format(who=initials(view.person_name))
        super().__init__(texts, summary, pdf_path or default_pdf_path(view), parent)

    def make_pdf(self, path: Path, progress: Progress) -> Path:
        return render_story_pdf(path, self.content, self.photo, self.texts.doc_name, progress)

    def print_to(self, printer: QPrinter) -> None:
        print_story(printer, self.content, self.photo)
