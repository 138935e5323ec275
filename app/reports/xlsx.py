"""The report as a workbook for the district office's spreadsheets (openpyxl, no Qt).

The same words and figures as the printed report (both come from
:func:`app.reports.render.report_content`): a first sheet with the library and
the period, then one sheet per section. A table of figures has a bold header
row (the label, then the periods compared), numbers stored as numbers (Rupiah
with a ``Rp`` number format, dates as dates), sensible column widths and a
frozen header. A chart becomes its figures (day by day, or month by month).

    write_xlsx(path, report, translate)   # whole file or nothing (a .part file, then os.replace)
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP
from app.reports.model import Report
from app.reports.render import (
    Chart,
    Content,
    Figures,
    Listing,
    Text,
    Translate,
    report_content,
)

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GROUP = Font(italic=True)
HEAD_FILL = PatternFill("solid", fgColor="E3F1EC")
NUMBER_FORMAT = "#,##0"
RUPIAH_FORMAT = '"Rp" #,##0'
DATE_FORMAT = "DD-MM-YYYY"
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
LABEL_WIDTH = 46.0
VALUE_WIDTH = 16.0


class ReportXlsxError(KnownError):
    """The workbook could not be written where the user asked."""


def sheet_title(number: int, title: str, taken: set[str]) -> str:
    """'1. Visits', cut to Excel's 31 characters without the characters it refuses; unique."""
    base = _SHEET_NAME_BAD.sub("-", f"{number}. {title}")[:31].rstrip()
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _header_row(sheet: Worksheet, row: int, values: Sequence[str]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _figures(sheet: Worksheet, row: int, block: Figures, content: Content) -> int:
    columns = len(content.columns)
    _header_row(
        sheet,
        row,
        [""]
        + [
            f"{name} ({caption})"
            for name, caption in zip(content.columns, content.column_captions, strict=True)
        ],
    )
    row += 1
    for line in block.lines:
        label = sheet.cell(row=row, column=1, value=line.label)
        if line.value is None:
            label.font = GROUP
            row += 1
            continue
        if line.indent:
            label.alignment = Alignment(indent=2)
        if line.bold:
            label.font = BOLD
        values = (line.value.current, line.value.previous, line.value.last_year)[:columns]
        for column, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.number_format = RUPIAH_FORMAT if line.rupiah else NUMBER_FORMAT
            if line.bold:
                cell.font = BOLD
        row += 1
    if block.note:
        sheet.cell(row=row, column=1, value=block.note).font = Font(italic=True, size=9)
        row += 1
    return row


def _listing(sheet: Worksheet, row: int, block: Listing) -> int:
    sheet.cell(row=row, column=1, value=block.caption).font = BOLD
    row += 1
    if not block.rows:
        sheet.cell(row=row, column=1, value=block.empty).font = GROUP
        return row + 1
    _header_row(sheet, row, block.headers)
    row += 1
    for values in block.rows:
        for column, value in enumerate(values, start=1):
            if isinstance(value, str):
                value = value.replace("\n", " — ")
            cell = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, int):
                rupiah = column - 1 in block.rupiah_columns
                cell.number_format = RUPIAH_FORMAT if rupiah else NUMBER_FORMAT
        row += 1
    return row


def _chart(sheet: Worksheet, row: int, block: Chart, day_header: str, people: str) -> int:
    sheet.cell(row=row, column=1, value=block.caption).font = BOLD
    row += 1
    _header_row(sheet, row, [day_header, people])
    row += 1
    for label, value in block.points:
        sheet.cell(row=row, column=1, value=int(label) if label.isdigit() else label)
        sheet.cell(row=row, column=2, value=value).number_format = NUMBER_FORMAT
        row += 1
    return row


def _text(sheet: Worksheet, row: int, block: Text) -> int:
    cell = sheet.cell(row=row, column=1, value=block.text or block.empty)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if not block.text:
        cell.font = GROUP
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    sheet.row_dimensions[row].height = max(15, 15 * (block.text.count("\n") + 2))
    return row + 1


def build_workbook(report: Report, translate: Translate) -> Workbook:
    """The workbook in memory: a cover sheet, then one sheet per section."""
    t = translate
    content = report_content(report, translate)
    book = Workbook()
    cover = book.active
    assert cover is not None
    taken: set[str] = set()
    cover.title = _SHEET_NAME_BAD.sub("-", t(QT_TRANSLATE_NOOP("PerpusDesa", "Report")))[:31]
    taken.add(cover.title.lower())
    for row, (value, font) in enumerate(
        (
            (content.library_name, TITLE),
            (content.region_line, None),
            (content.address_line, None),
            (None, None),
            (content.title, BOLD),
            (content.period_line, None),
            (content.generated_line, Font(italic=True, size=9)),
        ),
        start=1,
    ):
        cell = cover.cell(row=row, column=1, value=value or None)
        if font is not None:
            cell.font = font
    cover.column_dimensions["A"].width = 90
    is_day = not content.is_year
    day_header = (
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Day"))
        if is_day
        else t(QT_TRANSLATE_NOOP("PerpusDesa", "Month"))
    )
    people = t(QT_TRANSLATE_NOOP("PerpusDesa", "People"))
    for section in content.sections:
        sheet = book.create_sheet(sheet_title(section.number, section.title, taken))
        sheet.cell(row=1, column=1, value=f"{section.number}. {section.title}").font = TITLE
        row = 3
        widths: list[float] = [LABEL_WIDTH] + [VALUE_WIDTH] * 6
        for block in section.blocks:
            if isinstance(block, Figures):
                row = _figures(sheet, row, block, content)
            elif isinstance(block, Listing):
                row = _listing(sheet, row, block)
                for index, width in enumerate(block.widths):
                    widths[index] = max(widths[index], min(60, width * 1.1))
            elif isinstance(block, Chart):
                row = _chart(sheet, row, block, day_header, people)
            else:
                row = _text(sheet, row, block)
            row += 1
        for index, column_width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column_width
    return book


def write_xlsx(path: Path | str, report: Report, translate: Translate) -> Path:
    """Write the workbook to ``path``: replaced whole, or not at all."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    book = build_workbook(report, translate)
    try:
        book.save(partial)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ReportXlsxError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The file {path} could not be written. Choose another folder."
            ),
            path=str(path),
        ) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
