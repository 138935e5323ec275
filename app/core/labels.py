"""Spine and barcode labels for the copies of the collection: sheet formats, slots, content.

Qt-free: the UI paints what this module decides.

**Sheet formats.** Common A4 sheets of die-cut labels, with the makers'
published measurements (label size, top and left margin to the first label,
pitch from one label to the next). Avery's codes are printed on the packs and
copied by unbranded sheets sold in Indonesian stationery shops ("label A4 isi
65"). Indonesian brands such as Tom & Jerry and Koala sell mostly small sheets
for handwriting in sizes whose printer margins are not published, so they are
not offered. Slots are numbered like the makers do: left to right, then top to
bottom, from 1. A partly used sheet is used again by starting at label N: the
first N - 1 slots of the first sheet stay empty.

**Content.** A spine label carries the call number in lines -- class, the
author's letters, the title's letter (``297.1 AMI b`` gives ``297.1`` /
``AMI`` / ``b``) -- under the library's short name. A barcode label carries
the copy's barcode (Code 128, drawn by the UI), its short title and its call
number.

    fmt = sheet_format("L7651")
    items = load_label_items(service, item_ids)
    labels = build_labels(items, "both", copies=1, library_name=profile.name)
    sheets = place_labels(labels, fmt, start=5)   # [[(slot, label), ...], ...]
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.barcode import check_text
from app.core.errors import ValidationError
from app.core.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.core.catalog import CatalogService

A4_MM = (210.0, 297.0)
KINDS = ("spine", "barcode", "both")
MAX_COPIES = 10
MAX_LABELS = 20_000  # a whole collection twice over, on about 300 sheets of 65
MAX_SPINE_LINES = 5


@dataclass(frozen=True)
class SheetFormat:
    """One kind of label sheet; every length in millimetres from the paper's top left corner."""

    code: str
    maker: str  # the codes printed on the pack
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # paper edge to the first column's left edge
    top: float  # paper edge to the first row's top edge
    pitch_x: float  # one column's left edge to the next one's
    pitch_y: float
    paper_width: float = A4_MM[0]
    paper_height: float = A4_MM[1]

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def slot_rect(self, slot: int) -> tuple[float, float, float, float]:
        """(x, y, width, height) of slot ``slot`` (0-based, row by row)."""
        if not 0 <= slot < self.per_sheet:
            raise IndexError(slot)
        row, column = divmod(slot, self.columns)
        return (
            self.left + column * self.pitch_x,
            self.top + row * self.pitch_y,
            self.label_width,
            self.label_height,
        )

    def row_column(self, position: int) -> tuple[int, int]:
        """Row and column (both from 1) of label number ``position`` (from 1)."""
        row, column = divmod(position - 1, self.columns)
        return row + 1, column + 1


# Published by Avery (avery.co.uk template data); gLabels uses the same figures.
FORMATS: dict[str, SheetFormat] = {
    fmt.code: fmt
    for fmt in (
        SheetFormat("L7651", "Avery L7651 / J8651", 5, 13, 38.1, 21.2, 4.67, 10.7, 40.64, 21.2),
        SheetFormat("L7654", "Avery L7654 / J8654", 4, 10, 45.7, 25.4, 9.7, 21.5, 48.26, 25.4),
        SheetFormat("L7159", "Avery L7159 / J8159", 3, 8, 63.5, 33.9, 7.21, 12.9, 66.04, 33.9),
        SheetFormat("L7160", "Avery L7160 / J8160", 3, 7, 63.5, 38.1, 7.21, 15.15, 66.04, 38.1),
    )
}
DEFAULT_FORMAT = "L7651"


def sheet_format(code: str) -> SheetFormat:
    fmt = FORMATS.get(code)
    if fmt is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose one of the label sheets in the list."),
            field="sheet",
        )
    return fmt


def check_start(fmt: SheetFormat, start: int) -> int:
    """``start`` (the first label to print on, from 1) if the sheet has it."""
    if not 1 <= start <= fmt.per_sheet:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Start at a label from 1 to {last}: this sheet has {last} labels."
            ),
            field="start",
            last=fmt.per_sheet,
        )
    return start


def sheets_needed(count: int, fmt: SheetFormat, start: int = 1) -> int:
    """Sheets of paper for ``count`` labels when the first sheet starts at label ``start``."""
    if count <= 0:
        return 0
    return math.ceil((count + start - 1) / fmt.per_sheet)


# --- what the labels say -----------------------------------------------------------------


@dataclass(frozen=True)
class LabelItem:
    """What the labels of one copy need to know."""

    barcode: str
    title: str
    call_number: str


@dataclass(frozen=True)
class SpineLabel:
    lines: tuple[str, ...]  # the call number, one part a line
    library: str  # short name, above the call number


@dataclass(frozen=True)
class BarcodeLabel:
    barcode: str
    title: str
    call_number: str
    library: str


Label = SpineLabel | BarcodeLabel

_CLASS_CONTINUATION = re.compile(r"^\d+$")


def spine_lines(call_number: str) -> tuple[str, ...]:
    """The call number as the lines of a spine label, one part a line.

    ``297.1 AMI b`` -> (``297.1``, ``AMI``, ``b``). Digits that continue a class
    grouped by a space stay on its line (``899.221 3 PRA r`` -> ``899.221 3`` /
    ``PRA`` / ``r``); a prefix such as ``R`` (reference) gets a line of its own.
    More than five parts: the rest shares the last line.
    """
    lines: list[str] = []
    for part in call_number.split():
        if lines and _CLASS_CONTINUATION.match(part) and any(c.isdigit() for c in lines[-1]):
            lines[-1] += " " + part
        else:
            lines.append(part)
    if len(lines) > MAX_SPINE_LINES:
        lines[MAX_SPINE_LINES - 1 :] = [" ".join(lines[MAX_SPINE_LINES - 1 :])]
    return tuple(lines)


_SHORT_NAMES = (
    ("perpustakaan desa", "Perpusdes"),
    ("perpustakaan kelurahan", "Perpuskel"),
    ("taman bacaan masyarakat", "TBM"),
    ("perpustakaan", "Perpus"),
)


def short_library_name(name: str) -> str:
    """The library's name as a label has room for: ``Perpustakaan Desa Miroto`` ->
    ``Perpusdes Miroto``, ``Taman Bacaan Masyarakat Pelangi`` -> ``TBM Pelangi``."""
    text = " ".join(name.split())
    folded = text.casefold()
    for long, short in _SHORT_NAMES:
        if folded.startswith(long + " "):
            return short + text[len(long) :]
    return text


def build_labels(
    items: Sequence[LabelItem], kind: str, copies: int, library_name: str
) -> list[Label]:
    """The labels to print, in order: per copy of the collection, its spine label(s)
    and then its barcode label(s), each ``copies`` times."""
    if kind not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose spine labels, barcode labels or both."),
            field="kind",
        )
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Print 1 to {max} labels of each copy."),
            field="copies",
            max=MAX_COPIES,
        )
    if not items:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose at least one copy to print labels for."),
            field="items",
        )
    per_item = copies * (2 if kind == "both" else 1)
    if len(items) * per_item > MAX_LABELS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "That is more than {max} labels. Print them in smaller batches."
            ),
            field="items",
            max=MAX_LABELS,
        )
    short = short_library_name(library_name)
    labels: list[Label] = []
    for item in items:
        if kind in ("spine", "both"):
            spine = SpineLabel(spine_lines(item.call_number), short)
            labels += [spine] * copies
        if kind in ("barcode", "both"):
            check_text(item.barcode)
            code = BarcodeLabel(item.barcode, item.title, item.call_number, short)
            labels += [code] * copies
    return labels


def place_labels(
    labels: Sequence[Label], fmt: SheetFormat, start: int = 1
) -> list[list[tuple[int, Label]]]:
    """The labels sheet by sheet as (slot from 0, label); the first sheet begins at
    label ``start`` (from 1), every later one at its first label."""
    check_start(fmt, start)
    sheets: list[list[tuple[int, Label]]] = []
    position = start - 1
    for label in labels:
        sheet, slot = divmod(position, fmt.per_sheet)
        if sheet == len(sheets):
            sheets.append([])
        sheets[sheet].append((slot, label))
        position += 1
    return sheets


# --- reading the copies ------------------------------------------------------------------


def load_label_items(service: CatalogService, item_ids: Sequence[str]) -> list[LabelItem]:
    """The copies, in the order given. A copy with no call number gets the one its
    title makes (class, author's letters, title's letter)."""
    from app.core.catalog import call_number

    items = []
    for item_id in item_ids:
        item = service.get_item(item_id)
        number = item.call_number
        if not number:
            title = service.get_title(item.title_id)
            number = call_number(title.ddc, title.authors, title.title)
        items.append(LabelItem(item.barcode, item.title, number))
    return items


def item_ids_in_barcode_range(conn: sqlite3.Connection, first: str, last: str) -> list[str]:
    """The copies (not deleted) whose barcode is from ``first`` to ``last``, by barcode.

    Barcodes are compared as text, which is their number order for barcodes of
    one form (``B000001`` to ``B000120``); a range given backwards is turned round.
    """
    low, high = sorted((first.strip().upper(), last.strip().upper()))
    if not low:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Type the first and the last barcode."),
            field="barcodes",
        )
    rows = conn.execute(
        "SELECT id FROM item WHERE barcode >= ? AND barcode <= ? AND deleted_at IS NULL"
        " ORDER BY barcode LIMIT ?",
        (low, high, MAX_LABELS + 1),
    ).fetchall()
    return [row[0] for row in rows]
