"""Importing catalogue records: MARC 21 (ISO 2709), MARCXML and the SLiMS bibliography CSV.

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

MARC mapping: 245 $a $b title (ISBD punctuation stripped), 100 and 700 $a
authors, 260/264 $a place, $b publisher, $c year (the first four digits),
250 $a edition, 020 $a ISBN, 082 $a DDC, 650 $a subjects, 041 $a or 008/35-37
language, leader/06-07 material type (a, t: buku; i, j: audio_visual; a
serial, leader/07 ``s``: majalah; others: lainnya), 852/952 $p barcodes (one
copy each; none: one copy with a new ``B`` number), 852 $h / 952 $o call number.

An ISBN is normalised to ISBN-13 with python-stdnum; an invalid one is left
out and reported as a warning, and the record still imports. Duplicates -- the
same ISBN-13, else the same title, first author and year (ignoring case) -- in
the database or earlier in the file add their copies to the existing title
instead of making a new one ("merged"). A file that is not what it claims to
be (not MARC, not XML, cut short in its first record, a CSV without a title
column) is refused with :class:`FileRefused` before anything is written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from xml.sax import SAXException

import pymarc
from sqlalchemy import select
from stdnum import isbn as stdisbn

from app.core.auth import Permission, User
from app.core.errors import KnownError, PermissionDenied
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


class FileKind(StrEnum):
    MARC = "marc"
    MARCXML = "marcxml"
    SLIMS_CSV = "slims-csv"


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


@dataclass
class ImportReport:
    imported: int = 0
    merged_as_duplicates: int = 0
    copies: int = 0
    skipped: list[tuple[int, Message]] = field(default_factory=list)
    warnings: list[tuple[int, Message]] = field(default_factory=list)

    def lines(self, translate: Callable[[str, str], str] | None = None) -> list[str]:
        """One line per skipped record and per warning, in file order."""
        rows = [(n, m, True) for n, m in self.skipped] + [(n, m, False) for n, m in self.warnings]
        rows.sort(key=lambda row: row[0])
        out = []
        for number, message, skipped in rows:
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
    while offset < len(head):
        if not head[offset:].strip(b"\x1a\r\n \x00"):
            break
        number += 1
        progress.check()
        length_text = head[offset : offset + 5]
        if not length_text.isdigit() or int(length_text) < 24:
            # The lengths can no longer be trusted: resynchronise on the record end.
            end = head.find(b"\x1d", offset)
            chunk = head[offset : end + 1 if end >= 0 else len(head)]
            offset += len(chunk)
            yield PlannedRecord(
                number,
                None,
                Message(QT_TRANSLATE_NOOP("PerpusDesa", "not a valid MARC record (bad leader)")),
            )
            continue
        length = int(length_text)
        chunk = head[offset : offset + length]
        offset += length
        if len(chunk) < length:
            yield PlannedRecord(
                number,
                None,
                Message(
                    QT_TRANSLATE_NOOP("PerpusDesa", "the file ends in the middle of this record")
                ),
            )
            break
        yield _planned_from_chunk(number, chunk)


def _planned_from_chunk(number: int, chunk: bytes) -> PlannedRecord:
    try:
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
    return _planned_from_record(number, record, chunk)


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
    """A subfield without its trailing ISBD punctuation (`` /``, `` :``, ``,`` ...)."""
    if not value:
        return ""
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
        ddc=_limit(_first(record, ("082",), "a"), 20),
        subjects=_subfields(record, ("650",), "a"),
        language=language,
        material_type=_material_type(leader),
        barcodes=barcodes,
        call_number=_limit(call_number, 60),
        marc_raw=raw,
    )
    return PlannedRecord(number, data, warnings=warnings)


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
    report = ImportReport()
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
            for code in data.barcodes or [""]:
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
                        source=source,
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
