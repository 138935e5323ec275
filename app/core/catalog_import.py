"""Importing catalogue records: MARC 21 (ISO 2709), MARCXML, SLiMS CSV and the PerpusDesa template.

Two steps, as for members: :func:`check_file` reads the whole file and says,
record by record, what will be imported, what is a duplicate and what is
skipped and why; :func:`run_import` then writes every good record in ONE
transaction (a failure or a cancel writes nothing) and returns an
:class:`ImportReport`.

Files:

* ``marc`` -- MARC 21 in ISO 2709 (``.mrc``), as exported by INLISLite and the
  national catalogue services; UTF-8 or MARC-8 (leader position 9 blank), read
  with pymarc. The raw record is kept in ``Title.marc_raw``.
* ``marcxml`` -- MARC 21 slim XML (``<collection><record>``, with or without the
  ``marc:`` prefix, as INLISLite writes it); kept as ISO 2709 in ``marc_raw``.
* ``slims-csv`` -- Bibliography > Export Data of SLiMS 9 "Bulian": the columns
  ``title, gmd_name, edition, isbn_issn, publisher_name, publish_year,
  collation, series_title, call_number, language_name, place_name,
  classification, notes, image, sor, authors, topics, item_code``, with the
  header row (any order) or without it (in this order). Authors, topics and
  item codes are written ``<one><two>``.
* ``template`` -- the PerpusDesa catalogue template, a CSV (UTF-8 with or
  without BOM, or Windows-1252; ``,`` or ``;`` as Indonesian Excel writes it;
  an Excel ``sep=`` line) or an XLSX file (read-only openpyxl; the sheet whose
  header names the most required columns, else the active one; headings above
  the header row are fine), one title per row, with the Indonesian columns of
  :data:`TEMPLATE_COLUMNS`; documented for librarians in
  ``resources/templates/katalog-template.md`` (a CSV and an XLSX with two
  example rows and a "Petunjuk" sheet ship beside it, see
  :func:`template_path`). The header must name the columns of
  :data:`TEMPLATE_REQUIRED` (the ones duplicates are found by); a row without a
  title or with a value that is not understood (a year, a date, a material
  type, a reader group, a source, a number of copies, a DDC class, a language)
  is skipped and reported by its spreadsheet row number. Empty ``nomor_panggil``:
  the call number is made from the DDC class, author and title as in the
  catalogue page. ``jumlah_eksemplar`` copies are made (``barkode`` codes
  first, new ``B`` numbers for the rest), with the row's ``sumber`` and
  ``tanggal_pengadaan``.

:func:`sniff_kind` guesses a file's kind for a dialog (a ``.csv`` whose header
names ``judul`` is the template). Report lines number CSV and XLSX files by
row ("Row 3"), MARC files by record ("Record 3").

MARC mapping: 245 $a $b title (ISBD punctuation stripped), 100 and 700 $a
authors, 260/264 $a place, $b publisher, $c year (the first four digits),
250 $a edition, 020 $a ISBN, 082 $a DDC (segmentation marks dropped; not a
DDC class: left out with a warning), 650 $a subjects, 041 $a or 008/35-37
language, leader/06-07 material type (a, t: buku; i, j: audio_visual; a
serial, leader/07 ``s``: majalah; others: lainnya), 852/952 $p barcodes (one
copy each; none: one copy with a new ``B`` number), 852 $h / 952 $o call number.

An ISBN is normalised to ISBN-13 with python-stdnum; an invalid one is left
out and reported as a warning, and the record still imports. Duplicates -- the
same ISBN-13, else the same title, first author and year (ignoring case) -- in
the database or earlier in the file add their copies to the existing title
instead of making a new one ("merged"). A file that is not what it claims to
be (not MARC, not XML, cut short in its first record, a CSV without a title
column, a template without its required columns) is refused with
:class:`FileRefused` before anything is written. In a MARC file, a record whose
length does not match its content (cut in the middle, damaged) is reported and
the reader picks up again at the next record's leader, so the good records
around it still import. Text is stored in Unicode NFC without control
characters; MARC-8 characters pymarc cannot decode give a warning.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.sax import SAXException

import pymarc
from sqlalchemy import select
from stdnum import isbn as stdisbn

from app.core.auth import Permission, User
from app.core.catalog import (
    AUDIENCES,
    FIRST_YEAR,
    MATERIAL_TYPES,
    MAX_COPIES,
    SOURCES,
    call_number,
    normalise_ddc,
    split_list,
)
from app.core.clock import utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.tasks import Progress
from app.core.text import CONTEXT, QT_TRANSLATE_NOOP
from app.db.database import Database
from app.db.models import Item, Title
from app.db.uow import Actor, UnitOfWork

FLUSH_EVERY = 500
BARCODE_MAX = 30

SLIMS_COLUMNS = (
    "title",
    "gmd_name",
    "edition",
    "isbn_issn",
    "publisher_name",
    "publish_year",
    "collation",
    "series_title",
    "call_number",
    "language_name",
    "place_name",
    "classification",
    "notes",
    "image",
    "sor",
    "authors",
    "topics",
    "item_code",
)

_LANGUAGES = {
    "indonesia": "ind",
    "bahasa indonesia": "ind",
    "indonesian": "ind",
    "inggris": "eng",
    "english": "eng",
    "bahasa inggris": "eng",
    "arab": "ara",
    "arabic": "ara",
    "jawa": "jav",
    "javanese": "jav",
    "sunda": "sun",
    "sundanese": "sun",
}


TEMPLATE_COLUMNS = (
    "judul",
    "pengarang",
    "penerbit",
    "kota_terbit",
    "tahun",
    "edisi",
    "isbn",
    "ddc",
    "nomor_panggil",
    "subjek",
    "bahasa",
    "jenis_bahan",
    "pembaca",
    "jumlah_eksemplar",
    "barkode",
    "sumber",
    "tanggal_pengadaan",
)
# The header must have these: duplicates are found by ISBN, else title + author + year.
TEMPLATE_REQUIRED = ("judul", "pengarang", "tahun", "isbn")
HEADER_SEARCH_ROWS = 10  # a heading above the header row is fine
# Other spellings librarians use for the template's columns.
_TEMPLATE_ALIASES = {
    "judul_buku": "judul",
    "penulis": "pengarang",
    "tahun_terbit": "tahun",
    "tempat_terbit": "kota_terbit",
    "kota": "kota_terbit",
    "klasifikasi": "ddc",
    "no_panggil": "nomor_panggil",
    "subyek": "subjek",
    "eksemplar": "jumlah_eksemplar",
    "jumlah": "jumlah_eksemplar",
    "barcode": "barkode",
    "kode_eksemplar": "barkode",
    "tanggal_terima": "tanggal_pengadaan",
}
_MATERIALS = {
    "buku": "buku",
    "majalah": "majalah",
    "surat_kabar": "surat_kabar",
    "koran": "surat_kabar",
    "audio_visual": "audio_visual",
    "av": "audio_visual",
    "lainnya": "lainnya",
    "lain_lain": "lainnya",
}
_SOURCES = {
    "perpusnas": "perpusnas",
    "bantuan_perpusnas": "perpusnas",
    "hibah": "hibah",
    "sumbangan": "hibah",
    "pembelian": "pembelian",
    "beli": "pembelian",
    "swadaya": "swadaya",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class FileKind(StrEnum):
    MARC = "marc"
    MARCXML = "marcxml"
    SLIMS_CSV = "slims-csv"
    TEMPLATE = "template"  # the PerpusDesa catalogue template, .csv or .xlsx


class FileRefused(KnownError):
    """The file cannot be imported at all; nothing was written."""


@dataclass(frozen=True)
class Message:
    """An English message marked for translation, with named placeholders."""

    text: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        text = translate(CONTEXT, self.text) if translate else self.text
        try:
            return str(text).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(text)

    def __str__(self) -> str:
        return self.render()


@dataclass
class TitleData:
    """One catalogue record as read from the file."""

    title: str
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    edition: str | None = None
    isbn: str | None = None
    ddc: str | None = None
    subjects: list[str] = field(default_factory=list)
    language: str | None = None
    material_type: str = "buku"
    barcodes: list[str] = field(default_factory=list)
    call_number: str | None = None
    marc_raw: bytes | None = None
    audience: str | None = None
    copies: int = 1  # at least; barcodes beyond it add copies, missing ones get new numbers
    source: str | None = None  # None: the source given to run_import
    acquired_on: date | None = None

    def key(self) -> tuple[str, str, int | None]:
        first = self.authors[0] if self.authors else ""
        return (_fold(self.title), _fold(first), self.year)


@dataclass
class PlannedRecord:
    """One record of the file: its data, or why it is skipped."""

    number: int  # 1-based position in the file
    data: TitleData | None
    skipped: Message | None = None
    warnings: list[Message] = field(default_factory=list)
    duplicate_of: int | None = None  # an earlier record of the file with the same book


@dataclass
class ImportPlan:
    path: Path
    kind: FileKind
    records: list[PlannedRecord]

    @property
    def good(self) -> list[PlannedRecord]:
        return [record for record in self.records if record.data is not None]

    @property
    def skipped(self) -> list[PlannedRecord]:
        return [record for record in self.records if record.data is None]

    @property
    def duplicates(self) -> list[PlannedRecord]:
        return [record for record in self.records if record.duplicate_of is not None]

    @property
    def by_row(self) -> bool:
        """Whether the numbers are spreadsheet rows (CSV, XLSX) rather than records."""
        return self.kind in (FileKind.SLIMS_CSV, FileKind.TEMPLATE)

    def lines(
        self, translate: Callable[[str, str], str] | None = None, *, warnings: bool = True
    ) -> list[str]:
        """What :meth:`ImportReport.lines` will say: the skipped records (and the warnings)."""
        report = ImportReport(by_row=self.by_row)
        for record in self.records:
            if record.skipped is not None:
                report.skipped.append((record.number, record.skipped))
            if warnings:
                report.warnings.extend((record.number, warning) for warning in record.warnings)
        return report.lines(translate)


@dataclass
class ImportReport:
    imported: int = 0
    merged_as_duplicates: int = 0
    copies: int = 0
    skipped: list[tuple[int, Message]] = field(default_factory=list)
    warnings: list[tuple[int, Message]] = field(default_factory=list)
    by_row: bool = False  # the numbers are spreadsheet rows (CSV, XLSX), not records

    def lines(self, translate: Callable[[str, str], str] | None = None) -> list[str]:
        """One line per skipped record and per warning, in file order."""
        rows = [(n, m, True) for n, m in self.skipped] + [(n, m, False) for n, m in self.warnings]
        rows.sort(key=lambda row: row[0])
        out = []
        for number, message, skipped in rows:
            if self.by_row:
                template = (
                    QT_TRANSLATE_NOOP("PerpusDesa", "Row {number}: skipped: {reason}")
                    if skipped
                    else QT_TRANSLATE_NOOP("PerpusDesa", "Row {number}: warning: {reason}")
                )
            else:
                template = (
                    QT_TRANSLATE_NOOP("PerpusDesa", "Record {number}: skipped: {reason}")
                    if skipped
                    else QT_TRANSLATE_NOOP("PerpusDesa", "Record {number}: warning: {reason}")
                )
            text = translate(CONTEXT, template) if translate else template
            out.append(text.format(number=number, reason=message.render(translate)))
        return out


# --- reading ------------------------------------------------------------------


def _refuse(message: str, path: Path, **params: Any) -> FileRefused:
    return FileRefused(message, file=path.name, **params)


_EXTENSION_KINDS = {
    ".mrc": FileKind.MARC,
    ".marc": FileKind.MARC,
    ".iso": FileKind.MARC,
    ".dat": FileKind.MARC,
    ".xml": FileKind.MARCXML,
    ".xlsx": FileKind.TEMPLATE,
}


def sniff_kind(path: Path | str) -> FileKind | None:
    """The kind a file seems to be, for a dialog's first choice: by its extension, and for
    a ``.csv`` by its header (``judul``: the template, else a SLiMS export). None: no idea."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _EXTENSION_KINDS:
        return _EXTENSION_KINDS[suffix]
    if suffix not in (".csv", ".txt"):
        return None
    try:
        with path.open("rb") as handle:
            head = _decode(handle.read(4096))
    except OSError:
        return None
    first = next((line for line in head.splitlines() if line.strip()), "")
    if first.lower().startswith("sep=") or '"sep=' in first.lower():
        first = next((line for line in head.splitlines()[1:] if line.strip()), "")
    names = {_column_name(cell.strip().strip('"')) for cell in re.split(r"[;,\t|]", first)}
    return FileKind.TEMPLATE if "judul" in names else FileKind.SLIMS_CSV


def check_file(
    path: Path | str, kind: FileKind | str, progress: Progress | None = None
) -> ImportPlan:
    """Read and check the whole file; raise :class:`FileRefused` if it cannot be imported."""
    path = Path(path)
    kind = FileKind(kind)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} cannot be read: {reason}"),
            path,
            reason=error.strerror or str(error),
        ) from error
    if not data.strip():
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is empty."), path)
    progress = progress or Progress()
    if kind is FileKind.MARC:
        records = list(_read_marc(data, path, progress))
    elif kind is FileKind.MARCXML:
        records = _read_marcxml(data, path, progress)
    elif kind is FileKind.TEMPLATE:
        records = _read_template(data, path, progress)
    else:
        records = _read_slims(data, path, progress)
    _mark_file_duplicates(records)
    return ImportPlan(path, kind, records)


def _mark_file_duplicates(records: list[PlannedRecord]) -> None:
    """The same rule as :func:`run_import` applies, within the file only."""
    by_isbn: dict[str, int] = {}
    by_key: dict[tuple[str, str, int | None], int] = {}
    for record in records:
        data = record.data
        if data is None:
            continue
        found = by_isbn.get(data.isbn) if data.isbn else by_key.get(data.key())
        if found is not None:
            record.duplicate_of = found
            continue
        if data.isbn:
            by_isbn[data.isbn] = record.number
        by_key.setdefault(data.key(), record.number)


def _read_marc(data: bytes, path: Path, progress: Progress) -> Iterator[PlannedRecord]:
    head = data.lstrip()
    if len(head) < 24 or not head[:5].isdigit() or not head[12:17].isdigit():
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is not a MARC 21 (ISO 2709) file. Choose a .mrc file, or MARCXML"
                " for an .xml file.",
            ),
            path,
        )
    if int(head[:5]) > len(head):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is cut short: its first record is incomplete. Export or copy it again.",
            ),
            path,
        )
    # pymarc's reader stops at a cut record; split on the record length ourselves.
    number = 0
    offset = 0
    size = len(head)
    while offset < size:
        while offset < size and head[offset] in _BETWEEN_RECORDS:
            offset += 1  # line breaks, padding or an end-of-file mark between records
        if offset >= size:
            break
        number += 1
        progress.check()
        length_text = head[offset : offset + 5]
        if not length_text.isdigit() or int(length_text) < 24:
            # The lengths can no longer be trusted: pick up again at the next leader.
            offset = _next_leader(head, offset + 1)
            yield PlannedRecord(
                number,
                None,
                Message(QT_TRANSLATE_NOOP("PerpusDesa", "not a valid MARC record (bad leader)")),
            )
            continue
        length = int(length_text)
        chunk = head[offset : offset + length]
        if chunk.endswith(b"\x1d"):
            offset += length
            yield _planned_from_chunk(number, chunk)
            continue
        # The record is not as long as its leader says: cut in the middle or damaged.
        following = _next_leader(head, offset + 24)
        if len(chunk) < length and following >= size:
            yield PlannedRecord(
                number,
                None,
                Message(
                    QT_TRANSLATE_NOOP("PerpusDesa", "the file ends in the middle of this record")
                ),
            )
            break
        offset = following
        yield PlannedRecord(
            number,
            None,
            Message(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "damaged MARC record: it is shorter or longer than its leader says",
                )
            ),
        )


_BETWEEN_RECORDS = frozenset(b"\x1a\r\n \x00")
# A MARC 21 leader: record length, five letter codes, "22", base address, three codes,
# "4500" (letters where a directory has digits, so a directory never looks like one).
_LEADER = re.compile(rb"\d{5}[a-z ]{5}[0-9 ]{2}\d{5}[\x20-\x7e]{3}4500")


def _next_leader(data: bytes, start: int) -> int:
    """Where the next record seems to begin (its leader's pattern), or the end of the data."""
    match = _LEADER.search(data, start)
    return match.start() if match else len(data)


def _planned_from_chunk(number: int, chunk: bytes) -> PlannedRecord:
    marc8 = chunk[9:10] != b"a"
    complaints = io.StringIO()
    try:
        if marc8:
            # pymarc writes MARC-8 characters it cannot decode to stderr: keep that as a warning.
            with contextlib.redirect_stderr(complaints):
                record = pymarc.Record(data=chunk, to_unicode=True, force_utf8=False)
        else:
            record = pymarc.Record(
                data=chunk, to_unicode=True, force_utf8=False, utf8_handling="replace"
            )
    except Exception as error:  # pymarc raises many kinds on damaged records
        return PlannedRecord(
            number,
            None,
            Message(
                QT_TRANSLATE_NOOP("PerpusDesa", "damaged MARC record ({detail})"),
                {"detail": type(error).__name__},
            ),
        )
    planned = _planned_from_record(number, record, chunk)
    if complaints.getvalue() if marc8 else not _is_utf8(chunk):
        planned.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "some characters could not be read and were left out or replaced"
                )
            )
        )
    return planned


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_marcxml(data: bytes, path: Path, progress: Progress) -> list[PlannedRecord]:
    progress.check()
    try:
        parsed = pymarc.parse_xml_to_array(io.BytesIO(data), strict=False)
    except (SAXException, ValueError) as error:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The file {file} is not a readable MARCXML file: {reason}"
            ),
            path,
            reason=str(error),
        ) from error
    if not parsed and b"record" not in data:
        raise _refuse(
            QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} holds no MARC records."), path
        )
    records = []
    for number, record in enumerate(parsed, start=1):
        progress.check()
        try:
            raw = record.as_marc()
        except Exception:  # a record pymarc cannot write back is still worth importing
            raw = None
        records.append(_planned_from_record(number, record, raw))
    return records


def _subfields(record: pymarc.Record, tags: tuple[str, ...], code: str) -> list[str]:
    out = []
    for found in record.get_fields(*tags):
        for value in found.get_subfields(code):
            value = _clean(value)
            if value:
                out.append(value)
    return out


def _first(record: pymarc.Record, tags: tuple[str, ...], code: str) -> str | None:
    values = _subfields(record, tags, code)
    return values[0] if values else None


def _clean(value: str | None) -> str:
    """A subfield without its trailing ISBD punctuation (`` /``, `` :``, ``,`` ...), in NFC."""
    if not value:
        return ""
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    if not value.isprintable():
        value = _CONTROL.sub(" ", value)
    value = " ".join(value.split())
    return re.sub(r"\s*[/:;,=]\s*$|(?<!\.\.)(?<![A-Z])\.$", "", value).strip()


def _planned_from_record(number: int, record: pymarc.Record, raw: bytes | None) -> PlannedRecord:
    warnings: list[Message] = []
    title = _first(record, ("245",), "a")
    if not title:
        return PlannedRecord(
            number, None, Message(QT_TRANSLATE_NOOP("PerpusDesa", "no title (field 245 $a)"))
        )
    subtitle = _first(record, ("245",), "b")
    if subtitle:
        title = f"{title}: {subtitle}"
    authors = _subfields(record, ("100",), "a") + _subfields(record, ("700",), "a")
    year = None
    year_text = _first(record, ("260", "264"), "c")
    if year_text:
        match = re.search(r"\d{4}", year_text)
        year = int(match.group()) if match else None
    leader = str(record.leader)
    isbn = None
    isbn_text = _first(record, ("020",), "a")
    if isbn_text:
        isbn = _normal_isbn(isbn_text.split()[0] if isbn_text.split() else isbn_text, warnings)
    language = None
    for code in _subfields(record, ("041",), "a"):
        language = _language_code(code)
        if language:
            break
    if language is None:
        control = record.get("008")
        if control is not None and control.data and len(control.data) >= 38:
            language = _language_code(control.data[35:38])
    barcodes = _subfields(record, ("852", "952"), "p")
    call_number = _first(record, ("852",), "h") or _first(record, ("952",), "o")
    data = TitleData(
        title=title[:1000],
        authors=authors,
        publisher=_limit(_first(record, ("260", "264"), "b"), 200),
        place=_limit(_first(record, ("260", "264"), "a"), 100),
        year=year,
        edition=_limit(_first(record, ("250",), "a"), 50),
        isbn=isbn,
        ddc=_marc_ddc(_first(record, ("082",), "a"), warnings),
        subjects=_subfields(record, ("650",), "a"),
        language=language,
        material_type=_material_type(leader),
        barcodes=barcodes,
        call_number=_limit(call_number, 60),
        marc_raw=raw,
    )
    return PlannedRecord(number, data, warnings=warnings)


def _marc_ddc(text: str | None, warnings: list[Message]) -> str | None:
    """082 $a as the catalogue writes it (``005.13/3`` -> ``005.133``); left out if not DDC."""
    if not text:
        return None
    try:
        return normalise_ddc(text)
    except ValidationError:
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP("PerpusDesa", "DDC class {ddc} not understood, left out"),
                {"ddc": text},
            )
        )
        return None


def _limit(value: str | None, size: int) -> str | None:
    return value[:size] if value else None


def _material_type(leader: str) -> str:
    kind = leader[6:7]
    level = leader[7:8]
    if level == "s":
        return "majalah"
    if kind in ("a", "t"):
        return "buku"
    if kind in ("i", "j", "g"):
        return "audio_visual"
    return "lainnya"


def _language_code(code: str) -> str | None:
    code = code.strip().lower()
    return code if len(code) == 3 and code.isalpha() else None


def _normal_isbn(text: str, warnings: list[Message]) -> str | None:
    text = text.strip()
    try:
        return str(stdisbn.to_isbn13(stdisbn.validate(text)))
    except Exception:
        warnings.append(
            Message(QT_TRANSLATE_NOOP("PerpusDesa", "invalid ISBN {isbn} left out"), {"isbn": text})
        )
        return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# --- SLiMS CSV -------------------------------------------------------------


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _angle_list(text: str) -> list[str]:
    """SLiMS writes lists as ``<one><two>``; a plain value is a list of one."""
    text = text.strip()
    if not text:
        return []
    if text.startswith("<") and text.endswith(">"):
        return [part.strip() for part in re.findall(r"<([^<>]*)>", text) if part.strip()]
    return [text]


def _read_slims(data: bytes, path: Path, progress: Progress) -> list[PlannedRecord]:
    text = _decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is not a CSV file."), path)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t", "|"), key=first_line.count)
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(row)]
    if not rows:
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is empty."), path)
    header = [cell.strip().lower() for cell in rows[0]]
    if {_column_name(cell) for cell in header} >= set(TEMPLATE_REQUIRED):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is a PerpusDesa catalogue template, not a SLiMS export: import"
                " it as the catalogue template.",
            ),
            path,
        )
    if "title" in header or "isbn_issn" in header or "authors" in header:
        columns = header
        body = rows[1:]
        first_number = 2
    elif len(rows[0]) >= len(SLIMS_COLUMNS):
        columns = list(SLIMS_COLUMNS)
        body = rows
        first_number = 1
    else:
        columns = header
        body = []
        first_number = 2
    missing = [name for name in ("title",) if name not in columns]
    if missing:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is not a SLiMS bibliography export: the column {columns} is"
                " missing.",
            ),
            path,
            columns=", ".join(missing),
        )
    records = []
    for index, row in enumerate(body):
        progress.check()
        number = first_number + index
        values = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(columns)}
        records.append(_slims_record(number, values))
    return records


def _slims_record(number: int, values: dict[str, str]) -> PlannedRecord:
    warnings: list[Message] = []
    title = " ".join(values.get("title", "").split())
    if not title:
        return PlannedRecord(number, None, Message(QT_TRANSLATE_NOOP("PerpusDesa", "no title")))
    year = None
    match = re.search(r"\d{4}", values.get("publish_year", ""))
    if match:
        year = int(match.group())
    isbn = None
    if values.get("isbn_issn"):
        isbn = _normal_isbn(values["isbn_issn"], warnings)
    gmd = values.get("gmd_name", "").casefold()
    material = "buku"
    if any(word in gmd for word in ("audio", "video", "cd", "dvd", "rekaman", "film")):
        material = "audio_visual"
    elif any(word in gmd for word in ("majalah", "serial", "jurnal", "magazine")):
        material = "majalah"
    elif "koran" in gmd or "surat kabar" in gmd or "newspaper" in gmd:
        material = "surat_kabar"
    elif gmd and gmd not in ("text", "teks", "buku", "book"):
        material = "lainnya"
    language_name = values.get("language_name", "").strip().casefold()
    data = TitleData(
        title=title[:1000],
        authors=_angle_list(values.get("authors", "")),
        publisher=_limit(values.get("publisher_name") or None, 200),
        place=_limit(values.get("place_name") or None, 100),
        year=year,
        edition=_limit(values.get("edition") or None, 50),
        isbn=isbn,
        ddc=_limit(values.get("classification") or None, 20),
        subjects=_angle_list(values.get("topics", "")),
        language=_LANGUAGES.get(language_name) or _language_code(language_name),
        material_type=material,
        barcodes=_angle_list(values.get("item_code", "")),
        call_number=_limit(values.get("call_number") or None, 60),
    )
    return PlannedRecord(number, data, warnings=warnings)


# --- the PerpusDesa template (CSV or XLSX) ---------------------------------------

Cell = str | int | float | date | datetime | None


def template_path(extension: str = "xlsx") -> Path:
    """The catalogue template shipped with the program: ``xlsx`` (with help) or ``csv``."""
    from app.paths import resources_dir

    return resources_dir() / "templates" / f"katalog-template.{extension}"


def _column_name(cell: Cell) -> str:
    name = re.sub(r"[\s\-/]+", "_", _cell_text(cell).strip().lower()).strip("_*")
    return _TEMPLATE_ALIASES.get(name, name)


def _cell_text(cell: Cell) -> str:
    """A cell as text: whole numbers without ``.0``, dates as YYYY-MM-DD, in NFC."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    text = unicodedata.normalize("NFC", str(cell))
    return " ".join(_CONTROL.sub(" ", text).split())


def _template_rows(data: bytes, path: Path) -> list[tuple[int, Sequence[Cell]]]:
    """(spreadsheet row number, cells) of the CSV or of the XLSX sheet with the catalogue."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is an old Excel file (.xls). In Excel choose Save As and"
                " save it as .xlsx or as CSV.",
            ),
            path,
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise _refuse(_NOT_XLSX, path)
    text = _decode(data)
    if "\x00" in text:
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is not a CSV file."), path)
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    delimiter = ""
    first_row = skip  # Excel shows leading empty lines as rows, but not its "sep=;" line
    if skip < len(lines) and re.fullmatch(r'"?sep=(.)"?\s*', lines[skip].strip(), re.IGNORECASE):
        delimiter = lines[skip].strip().strip('"')[4]
        skip += 1
    if skip >= len(lines):
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is empty."), path)
    if not delimiter:
        first = re.sub(r'"[^"]*"', "", lines[skip])
        delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO("\n".join(lines[skip:]), newline=""), delimiter=delimiter)
    try:
        return [(first_row + number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is not a readable CSV file: {reason}"),
            path,
            reason=str(error),
        ) from error


_NOT_XLSX = QT_TRANSLATE_NOOP(
    "PerpusDesa", "The file {file} is not a readable Excel (.xlsx) file. Save it again in Excel."
)


def _xlsx_rows(path: Path) -> list[tuple[int, Sequence[Cell]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "workbook contains no default style" and the like
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheets = list(workbook.worksheets)
                active = workbook.active
                if active in sheets:  # the sheet the librarian saw last, then the others
                    sheets.remove(active)
                    sheets.insert(0, active)
                chosen: list[tuple[int, Sequence[Cell]]] = []
                best = 0
                for sheet in sheets:  # the sheet whose header has the most required columns
                    if hasattr(sheet, "reset_dimensions"):
                        sheet.reset_dimensions()  # some programs write a wrong size; read it all
                    rows: list[tuple[int, Sequence[Cell]]] = [
                        (number, tuple(values))
                        for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
                    ]
                    score = _header([row for row in rows if any(row[1])])[1]
                    if not chosen or (score > best and score >= 2):  # not a help sheet
                        chosen, best = rows, score
            finally:
                workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, IndexError) as error:
        raise _refuse(_NOT_XLSX, path) from error
    except OSError as error:
        raise _refuse(
            QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} cannot be read: {reason}"),
            path,
            reason=error.strerror or str(error),
        ) from error
    return chosen


def _header(rows: Sequence[tuple[int, Sequence[Cell]]]) -> tuple[int, int]:
    """(index, required columns named) of the header row: among the first non-empty rows,
    the one naming the most required columns (a heading or two above it is fine)."""
    best = (0, 0)
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {_column_name(cell) for cell in cells}
        score = sum(1 for name in TEMPLATE_REQUIRED if name in names)
        if score > best[1]:
            best = (index, score)
    return best


def _read_template(data: bytes, path: Path, progress: Progress) -> list[PlannedRecord]:
    rows = [
        (number, cells)
        for number, cells in _template_rows(data, path)
        if any(_cell_text(cell) for cell in cells)
    ]
    if not rows:
        raise _refuse(QT_TRANSLATE_NOOP("PerpusDesa", "The file {file} is empty."), path)
    start = _header(rows)[0]
    columns = [_column_name(cell) for cell in rows[start][1]]
    missing = [name for name in TEMPLATE_REQUIRED if name not in columns]
    if missing:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The file {file} is not a PerpusDesa catalogue template: the columns {columns}"
                " are missing. Start from katalog-template.xlsx or katalog-template.csv.",
            ),
            path,
            columns=", ".join(missing),
        )
    today = utcnow().date()
    records = []
    for number, cells in rows[start + 1 :]:
        progress.check()
        values: dict[str, Cell] = {}
        for index, name in enumerate(columns):
            if name and name not in values and index < len(cells):
                values[name] = cells[index]
        try:
            records.append(_template_record(number, values, today))
        except _RowError as error:
            records.append(PlannedRecord(number, None, error.message))
    return records


class _RowError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.text)
        self.message = message


def _bad(column: str, value: str, text: str) -> _RowError:
    return _RowError(Message(text, {"column": column, "value": value}))


def _text_of(values: dict[str, Cell], name: str, size: int | None = None) -> str | None:
    text = _cell_text(values.get(name))
    if not text:
        return None
    return text[:size] if size else text


def _code(values: dict[str, Cell], name: str) -> str:
    return re.sub(r"[\s\-/]+", "_", _cell_text(values.get(name)).casefold()).strip("_")


def _template_record(number: int, values: dict[str, Cell], today: date) -> PlannedRecord:
    warnings_: list[Message] = []
    title = _text_of(values, "judul")
    if not title:
        raise _RowError(Message(QT_TRANSLATE_NOOP("PerpusDesa", "no title (column judul)")))
    year = None
    year_text = _cell_text(values.get("tahun"))
    if year_text:
        if (
            not re.fullmatch(r"\d{4}", year_text)
            or not FIRST_YEAR <= int(year_text) <= today.year + 1
        ):
            raise _bad(
                "tahun",
                year_text,
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "{value} is not a year of publication (column {column})"
                ),
            )
        year = int(year_text)
    isbn = None
    isbn_text = _cell_text(values.get("isbn"))
    if isbn_text:
        isbn = _normal_isbn(isbn_text, warnings_)
    ddc = None
    ddc_text = _cell_text(values.get("ddc"))
    if ddc_text:
        try:
            ddc = normalise_ddc(ddc_text)
        except ValidationError as error:
            raise _RowError(Message(error.message, error.params)) from None
    language = None
    language_text = _cell_text(values.get("bahasa")).casefold()
    if language_text:
        language = _LANGUAGES.get(language_text) or _language_code(language_text)
        if language is None:
            raise _bad(
                "bahasa",
                _cell_text(values.get("bahasa")),
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{value} is not a language; write Indonesia, Inggris, Arab, Jawa, Sunda or a"
                    " three-letter code such as ind (column {column})",
                ),
            )
    material = "buku"
    material_text = _code(values, "jenis_bahan")
    if material_text:
        material = _MATERIALS.get(material_text, "")
        if material not in MATERIAL_TYPES:
            raise _bad(
                "jenis_bahan",
                _cell_text(values.get("jenis_bahan")),
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{value} is not a material type; write buku, majalah, surat_kabar,"
                    " audio_visual or lainnya (column {column})",
                ),
            )
    audience = _code(values, "pembaca") or None
    if audience is not None and audience not in AUDIENCES:
        raise _bad(
            "pembaca",
            _cell_text(values.get("pembaca")),
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{value} is not a reader group; write anak, remaja or dewasa (column {column})",
            ),
        )
    source = None
    source_text = _code(values, "sumber")
    if source_text:
        source = _SOURCES.get(source_text)
        if source not in SOURCES:
            raise _bad(
                "sumber",
                _cell_text(values.get("sumber")),
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{value} is not a source; write perpusnas, hibah, pembelian or swadaya"
                    " (column {column})",
                ),
            )
    acquired = _template_date(values.get("tanggal_pengadaan"), today)
    barcodes = [code for code in re.split(r"[;,\s]+", _cell_text(values.get("barkode"))) if code]
    copies = max(1, len(barcodes))
    copies_text = _cell_text(values.get("jumlah_eksemplar"))
    if copies_text:
        if not copies_text.isdigit() or not 1 <= int(copies_text) <= MAX_COPIES:
            raise _bad(
                "jumlah_eksemplar",
                copies_text,
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{value} is not a number of copies from 1 to 100 (column {column})",
                ),
            )
        if int(copies_text) < len(barcodes):
            raise _bad(
                "jumlah_eksemplar",
                copies_text,
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{value} copies, but more barcodes are given; correct one of the two"
                    " (column {column})",
                ),
            )
        copies = int(copies_text)
    authors = split_list(_cell_text(values.get("pengarang")))
    call = _text_of(values, "nomor_panggil", 60) or call_number(ddc, "; ".join(authors), title)
    data = TitleData(
        title=title[:1000],
        authors=authors,
        publisher=_text_of(values, "penerbit", 200),
        place=_text_of(values, "kota_terbit", 100),
        year=year,
        edition=_text_of(values, "edisi", 50),
        isbn=isbn,
        ddc=ddc,
        subjects=split_list(_cell_text(values.get("subjek"))),
        language=language,
        material_type=material,
        barcodes=barcodes,
        call_number=call[:60] or None,
        audience=audience,
        copies=copies,
        source=source,
        acquired_on=acquired,
    )
    return PlannedRecord(number, data, warnings=warnings_)


_DMY = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _template_date(cell: Cell, today: date) -> date | None:
    """YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or a spreadsheet date; not in the future."""
    if isinstance(cell, datetime):
        found: date | None = cell.date()
    elif isinstance(cell, date):
        found = cell
    else:
        text = _cell_text(cell)
        if not text:
            return None
        found = None
        try:
            if match := _YMD.fullmatch(text):
                found = date(int(match[1]), int(match[2]), int(match[3]))
            elif match := _DMY.fullmatch(text):
                found = date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            found = None
    if found is None or found > today + timedelta(days=1):  # today in Indonesia, in UTC
        raise _bad(
            "tanggal_pengadaan",
            _cell_text(cell),
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{value} is not a date of acquisition; write it as 2024-07-31 or 31/07/2024,"
                " not in the future (column {column})",
            ),
        )
    return found


# --- writing ----------------------------------------------------------------


class _Barcodes:
    """Barcodes in use, and new ``B`` numbers after the highest one."""

    def __init__(self, existing: list[str]) -> None:
        self.used = set(existing)
        numbers = [int(code[1:]) for code in existing if code[:1] == "B" and code[1:].isdigit()]
        self.next = max(numbers, default=0) + 1

    def new(self) -> str:
        while True:
            code = f"B{self.next:06d}"
            self.next += 1
            if code not in self.used:
                self.used.add(code)
                return code


def run_import(
    db: Database,
    actor: User,
    plan: ImportPlan,
    progress: Progress | None = None,
    *,
    source: str = "perpusnas",
) -> ImportReport:
    """Write the plan's good records in one transaction (Permission.EDIT)."""
    if not actor.can(Permission.EDIT):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Only a manager or an administrator can import the catalogue."
            )
        )
    progress = progress or Progress()
    report = ImportReport(by_row=plan.by_row)
    total = len(plan.records)
    with UnitOfWork(db, Actor(actor.id, actor.username)) as uow:
        session = uow.session
        by_isbn: dict[str, str] = {}
        by_key: dict[tuple[str, str, int | None], str] = {}
        rows = session.execute(
            select(Title.id, Title.isbn, Title.title, Title.authors, Title.year).where(
                Title.deleted_at.is_(None)
            )
        )
        for row_id, isbn, text, authors, year in rows:
            if isbn:
                by_isbn.setdefault(isbn, row_id)
            first = (authors or "").split(";")[0]
            by_key.setdefault((_fold(text), _fold(first), year), row_id)
        barcodes = _Barcodes(list(session.scalars(select(Item.barcode))))
        pending = 0
        for done, planned in enumerate(plan.records, start=1):
            progress.check()
            for warning in planned.warnings:
                report.warnings.append((planned.number, warning))
            data = planned.data
            if data is None:
                assert planned.skipped is not None
                report.skipped.append((planned.number, planned.skipped))
                continue
            key = data.key()
            title_id = by_isbn.get(data.isbn) if data.isbn else by_key.get(key)
            if title_id is None:
                title_id = uuid7()
                uow.add(
                    Title(
                        id=title_id,
                        title=data.title,
                        authors="; ".join(data.authors),
                        publisher=data.publisher,
                        place=data.place,
                        year=data.year,
                        edition=data.edition,
                        isbn=data.isbn,
                        ddc=data.ddc,
                        subjects="; ".join(data.subjects),
                        language=data.language,
                        material_type=data.material_type,
                        audience=data.audience,
                        marc_raw=data.marc_raw,
                    )
                )
                if data.isbn:
                    by_isbn[data.isbn] = title_id
                by_key.setdefault(key, title_id)
                report.imported += 1
            else:
                report.merged_as_duplicates += 1
            codes = []
            wanted = list(data.barcodes) + [""] * max(0, data.copies - len(data.barcodes))
            for code in wanted:
                code = code.strip()
                if not code:
                    code = barcodes.new()
                elif code in barcodes.used or len(code) > BARCODE_MAX:
                    new = barcodes.new()
                    report.warnings.append(
                        (
                            planned.number,
                            Message(
                                QT_TRANSLATE_NOOP(
                                    "PerpusDesa",
                                    "barcode {barcode} is already in use or too long;"
                                    " the copy got {new}",
                                ),
                                {"barcode": code, "new": new},
                            ),
                        )
                    )
                    code = new
                else:
                    barcodes.used.add(code)
                codes.append(code)
            for code in codes:
                uow.add(
                    Item(
                        title_id=title_id,
                        barcode=code,
                        call_number=data.call_number,
                        acquired_on=data.acquired_on,
                        source=data.source or source,
                    )
                )
                report.copies += 1
            pending += 1
            if pending >= FLUSH_EVERY:
                uow.flush()
                pending = 0
            if done % 100 == 0 or done == total:
                progress.update(done, total)
        progress.check()
    progress.update(total, total)
    return report
