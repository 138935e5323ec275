"""The catalogue (koleksi): titles, their copies (items), ISBNs, call numbers and search.

A title is what a catalogue card describes (title, authors, publisher, year,
ISBN, DDC class, subjects, ...); an item is one copy of it on the shelf, with
its own barcode, call number, source and status. ISBN-10 and ISBN-13 are
checked with python-stdnum and stored as compact ISBN-13. Adding a title whose
ISBN (else title, authors and year) is already in the catalogue raises
:class:`DuplicateTitle` carrying the existing title, so the page can offer to
add a copy to it instead; ``allow_duplicate=True`` adds it anyway.

DDC classes are three digits with optional decimals (``899.221``), or the
Indonesian notation for Islam ``2X0``-``2X9`` (``2X4.3``), with the digits
after the point grouped by spaces as the schedules print them (``899.221 3``). Barcodes are
``B`` and six digits (``B000123``), per library, never handed out twice: the
next one is above every barcode of that form in the item table (deleted items
keep theirs) and above a high-water mark kept in the settings.

Reads (search as you type over the FTS5 index ``title_fts``) run on a light
``sqlite3`` connection; writes go through :class:`app.db.uow.UnitOfWork`,
imported lazily so that the catalogue page does not load SQLAlchemy at start-up.
Deleting is a tombstone and needs Permission.DELETE; an item on loan (or a
title with a copy on loan) cannot be deleted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.core.auth import Permission, User
from app.core.clock import ZONES, utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.library import read_profile
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

MATERIAL_TYPES = ("buku", "majalah", "surat_kabar", "audio_visual", "lainnya")
AUDIENCES = ("anak", "remaja", "dewasa")
SOURCES = ("perpusnas", "hibah", "pembelian", "swadaya")
CONDITIONS = ("baik", "sedang", "buruk")
STATUSES = ("tersedia", "dipinjam", "hilang", "rusak", "disiangi")
STATUS_LABELS = {
    "tersedia": QT_TRANSLATE_NOOP("PerpusDesa", "Available"),
    "dipinjam": QT_TRANSLATE_NOOP("PerpusDesa", "On loan"),
    "hilang": QT_TRANSLATE_NOOP("PerpusDesa", "Lost"),
    "rusak": QT_TRANSLATE_NOOP("PerpusDesa", "Damaged"),
    "disiangi": QT_TRANSLATE_NOOP("PerpusDesa", "Weeded"),
}

TITLE_MAX = 500
AUTHORS_MAX = 500
SUBJECTS_MAX = 1000
PUBLISHER_MAX = 200
PLACE_MAX = 100
EDITION_MAX = 50
CALL_NUMBER_MAX = 60
BARCODE_MAX = 30
MAX_COPIES = 100
FIRST_YEAR = 1450
SEARCH_LIMIT = 50
BARCODE_PREFIX = "B"
_BARCODE_MARK = "item_barcode_last"  # setting: the highest generated barcode number given
_BARCODE_RE = re.compile(r"^B(\d+)$")
_BARCODE_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")
_DDC_RE = re.compile(r"^(\d{3}|2X\d)(\.\d+( \d+)*)?$")
DDC_MAX = 20
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_ARTICLES = frozenset({"the", "a", "an"})


# --- what callers see ---------------------------------------------------------------


@dataclass(frozen=True)
class TitleInput:
    """What the title form (or an import record) gives. Authors and subjects: ``;`` between."""

    title: str
    authors: str = ""
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    edition: str | None = None
    isbn: str | None = None
    ddc: str | None = None
    subjects: str = ""
    language: str | None = "ind"
    material_type: str = "buku"
    audience: str | None = None
    marc_raw: bytes | None = None  # the record as imported, kept with the title


@dataclass(frozen=True)
class ItemInput:
    """One copy. ``barcode`` None: generated; ``call_number`` None: made from the title."""

    barcode: str | None = None
    call_number: str | None = None
    acquired_on: date | None = None
    source: str = "perpusnas"
    condition: str = "baik"
    status: str = "tersedia"


@dataclass(frozen=True)
class TitleView:
    id: str
    title: str
    authors: str
    publisher: str | None
    place: str | None
    year: int | None
    edition: str | None
    isbn: str | None  # compact ISBN-13
    ddc: str | None
    subjects: str
    language: str | None
    material_type: str
    audience: str | None
    copies: int  # items not deleted
    available: int  # items with status tersedia


@dataclass(frozen=True)
class ItemView:
    id: str
    title_id: str
    title: str
    barcode: str
    call_number: str | None
    acquired_on: date | None
    source: str
    condition: str
    status: str
    on_loan: bool  # an open loan exists


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    authors: str
    year: int | None
    isbn: str | None
    ddc: str | None
    copies: int
    available: int


class DuplicateTitle(KnownError):
    """The title is already in the catalogue; ``existing`` is the one found."""

    def __init__(self, existing: TitleView) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("PerpusDesa", "This title is already in the catalogue: {title}"),
            title=existing.title,
        )
        self.existing = existing


# --- pure helpers ---------------------------------------------------------------------


def normalise_isbn(text: str | None) -> str | None:
    """A valid ISBN-10 or ISBN-13 as compact ISBN-13; None when empty.

    Raises ValidationError (field ``isbn``) when it is not a valid ISBN.
    """
    from stdnum import isbn as stdnum_isbn
    from stdnum.exceptions import ValidationError as StdnumError

    raw = (text or "").strip()
    if not raw:
        return None
    try:
        checked = stdnum_isbn.validate(raw)
        return str(stdnum_isbn.compact(stdnum_isbn.to_isbn13(checked)))
    except StdnumError:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{isbn} is not a valid ISBN. Check the digits (10 or 13, the last may be X).",
            ),
            "isbn",
            isbn=raw,
        ) from None


def normalise_ddc(text: str | None) -> str | None:
    """A DDC class such as ``297.1``, ``899.221 3`` or ``2X4.3``; None when empty.

    Digits after the point may be grouped by spaces as the schedules print them
    (``899.221 3``); segmentation marks (``'`` and ``/``) are dropped.
    """
    raw = " ".join((text or "").replace(",", ".").replace("'", "").replace("/", "").split())
    if not raw:
        return None
    raw = raw.upper()
    if len(raw) > DDC_MAX or not _DDC_RE.match(raw):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{ddc} is not a DDC class. Use three digits with optional decimals, such as"
                " 297.1, or 2X0 to 2X9 for Islam, such as 2X4.3.",
            ),
            "ddc",
            ddc=text,
        )
    return raw


def split_list(text: str) -> list[str]:
    """Authors or subjects typed with ``;`` between them, tidied."""
    return [" ".join(part.split()) for part in text.split(";") if part.strip()]


def call_number(ddc: str | None, authors: str, title: str) -> str:
    """The spine label: class, three letters of the main entry, first letter of the title.

    ``call_number("297.1", "Amin, Ahmad", "Bahasa Arab")`` is ``297.1 AMI b``.
    The main entry is the first author's surname (the part before a comma, else
    the last name); with no author, the title's first word.
    """
    words = [w for w in re.findall(r"\w+", title) if w]
    if words and words[0].casefold() in _ARTICLES and len(words) > 1:
        words = words[1:]
    first_authors = split_list(authors)
    parts = [ddc] if ddc else []
    if first_authors:
        author = first_authors[0]
        entry = author.split(",")[0] if "," in author else author.split()[-1]
        letters = "".join(re.findall(r"\w", entry))[:3].upper()
        if letters:
            parts.append(letters)
        if words:
            parts.append(words[0][0].lower())
    elif words:
        parts.append(words[0][:3].upper())
    return " ".join(parts)


def fts_query(text: str, *, prefix: bool = True) -> str | None:
    """An FTS5 query for what was typed: every word must match the start of a word.

    Each word becomes a quoted FTS5 string (so user input is never FTS syntax).
    An ISBN typed with dashes or spaces between its digit groups is searched
    as its digits; a complete ISBN-10 as its ISBN-13, and the start of an
    ISBN-10 also as the start of its ISBN-13 (``978`` before it).
    """
    from stdnum import isbn as stdnum_isbn

    star = "*" if prefix else ""
    words = text.split()
    if len(words) > 1 and all(_isbn_part(w) for w in words):
        words = ["".join(words)]  # "978 602 03" typed with spaces
    parts = []
    for word in words:
        if not any(c.isalnum() for c in word):
            continue
        options = [word]
        if _isbn_part(word):
            digits = word.replace("-", "").upper()
            options = [digits]
            if stdnum_isbn.is_valid(digits):
                options = [stdnum_isbn.compact(stdnum_isbn.to_isbn13(digits))]
            elif 4 <= len(digits) <= 9 and digits.isdigit():
                options.append("978" + digits)
        quoted = ['"' + option.replace('"', '""') + '"' + star for option in options]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts) or None


def _typed_isbn(text: str) -> str | None:
    """What was typed as an ISBN or the start of one (digits, dashes, spaces, a final X),
    as its digits; None for anything else."""
    words = text.split()
    if not words or not all(_isbn_part(word) for word in words):
        return None
    digits = "".join(words).replace("-", "").upper()
    return digits if "X" not in digits[:-1] else None


def _isbn_part(word: str) -> bool:
    digits = word.replace("-", "")
    return bool(digits) and (digits.isdigit() or (digits[:-1].isdigit() and digits[-1] in "xX"))


def _invalid(message: str, field_name: str, **params: Any) -> ValidationError:
    return ValidationError(message, field=field_name, **params)


def _text(value: str | None, field_name: str, most: int) -> str | None:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > most:
        raise _invalid(
            QT_TRANSLATE_NOOP("PerpusDesa", "This is too long (at most {max} characters)."),
            field_name,
            max=most,
        )
    return cleaned or None


# --- the service --------------------------------------------------------------------

_TITLE_COLUMNS = (
    "t.id, t.title, t.authors, t.publisher, t.place, t.year, t.edition, t.isbn, t.ddc,"
    " t.subjects, t.language, t.material_type, t.audience"
)
_COUNTS = (
    "(SELECT count(*) FROM item i WHERE i.title_id = t.id AND i.deleted_at IS NULL) AS copies,"
    " (SELECT count(*) FROM item i WHERE i.title_id = t.id AND i.deleted_at IS NULL"
    " AND i.status = 'tersedia') AS available"
)
_ITEM_SQL = (
    "SELECT i.id, i.title_id, t.title, i.barcode, i.call_number, i.acquired_on, i.source,"
    " i.condition, i.status, EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id"
    " AND l.returned_at IS NULL AND l.deleted_at IS NULL) AS on_loan"
    " FROM item i JOIN title t ON t.id = i.title_id"
)


class CatalogService:
    """The catalogue of this library for one logged-in staff member."""

    def __init__(
        self,
        db: Database,
        actor: User,
        now: Callable[[], datetime] = utcnow,
        *,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.now = now
        self._conn = conn
        self._own_conn = conn is None
        self._zone: str | None = None

    # --- plumbing ---------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """The light connection reads go through (the caller's, or one opened here)."""
        if self._conn is None:
            self._conn = self.db.connect()
        return self._conn

    def close(self) -> None:
        if self._own_conn and self._conn is not None:
            self._conn.close()
            self._conn = None

    def _require(self, permission: Permission, message: str) -> None:
        if not self.actor.can(permission):
            raise PermissionDenied(message)

    def today(self) -> date:
        """Today in the library's time zone (WIB, WITA or WIT)."""
        if self._zone is None:
            profile = read_profile(self.conn)
            self._zone = profile.time_zone if profile else "WIB"
        return self.now().astimezone(ZONES[self._zone]).date()

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))

    # --- checking input ----------------------------------------------------------------

    def validate_title(self, data: TitleInput) -> TitleInput:
        """``data`` checked and normalised, or a ValidationError naming the first bad field."""
        title = _text(data.title, "title", TITLE_MAX)
        if title is None:
            raise _invalid(QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the title."), "title")
        authors = "; ".join(split_list(data.authors))
        if len(authors) > AUTHORS_MAX:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "This is too long (at most {max} characters)."),
                "authors",
                max=AUTHORS_MAX,
            )
        subjects = "; ".join(split_list(data.subjects))
        if len(subjects) > SUBJECTS_MAX:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "This is too long (at most {max} characters)."),
                "subjects",
                max=SUBJECTS_MAX,
            )
        year = data.year
        latest = self.today().year + 1
        if year is not None and not FIRST_YEAR <= year <= latest:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "The year must be between {first} and {last}."),
                "year",
                first=FIRST_YEAR,
                last=latest,
            )
        language = (data.language or "").strip().lower() or None
        if language is not None and not _LANGUAGE_RE.match(language):
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Give the language as a code of two or three letters, such as ind.",
                ),
                "language",
            )
        if data.material_type not in MATERIAL_TYPES:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the kind of material."), "material_type"
            )
        if data.audience is not None and data.audience not in AUDIENCES:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the readers: children, teens or adults."),
                "audience",
            )
        return replace(
            data,
            title=title,
            authors=authors,
            publisher=_text(data.publisher, "publisher", PUBLISHER_MAX),
            place=_text(data.place, "place", PLACE_MAX),
            year=year,
            edition=_text(data.edition, "edition", EDITION_MAX),
            isbn=normalise_isbn(data.isbn),
            ddc=normalise_ddc(data.ddc),
            subjects=subjects,
            language=language,
        )

    def validate_item(self, data: ItemInput, *, loaned: bool = False) -> ItemInput:
        """``data`` checked; ``loaned``: the item has an open loan (its status stays dipinjam)."""
        barcode = (data.barcode or "").strip().upper() or None
        if barcode is not None and (len(barcode) > BARCODE_MAX or not _BARCODE_OK.match(barcode)):
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "A barcode may have up to 30 letters, digits, dashes, dots or slashes.",
                ),
                "barcode",
            )
        call = _text(data.call_number, "call_number", CALL_NUMBER_MAX)
        if data.acquired_on is not None and data.acquired_on > self.today():
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "The acquisition date cannot be in the future."),
                "acquired_on",
            )
        if data.source not in SOURCES:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose where the copy came from."), "source"
            )
        if data.condition not in CONDITIONS:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the copy's condition."), "condition"
            )
        if data.status not in STATUSES:
            raise _invalid(QT_TRANSLATE_NOOP("PerpusDesa", "Choose the copy's status."), "status")
        if loaned and data.status != "dipinjam":
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "This copy is on loan. Take it back before changing its status."
                ),
                "status",
            )
        if not loaned and data.status == "dipinjam":
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "A copy becomes on loan by lending it at the circulation desk."
                ),
                "status",
            )
        return replace(data, barcode=barcode, call_number=call)

    # --- barcodes -----------------------------------------------------------------------

    def next_barcode(self) -> str:
        """The barcode the next new copy would get."""
        return _format_barcode(self._last_barcode(self.conn) + 1)

    @staticmethod
    def _last_barcode(conn: sqlite3.Connection) -> int:
        found = 0
        row = conn.execute(
            "SELECT max(CAST(substr(barcode, 2) AS INTEGER)) FROM item"
            " WHERE barcode GLOB 'B[0-9]*' AND NOT substr(barcode, 2) GLOB '*[^0-9]*'"
        ).fetchone()
        if row is not None and row[0] is not None:
            found = int(row[0])
        mark = Settings(conn).get(_BARCODE_MARK)
        if isinstance(mark, int):
            found = max(found, mark)
        return found

    @staticmethod
    def _check_barcodes_free(conn: sqlite3.Connection, barcodes: list[str]) -> None:
        seen: set[str] = set()
        for barcode in barcodes:
            if barcode in seen:
                raise _barcode_taken(barcode)
            seen.add(barcode)
        for start in range(0, len(barcodes), 500):
            chunk = barcodes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            row = conn.execute(
                f"SELECT barcode FROM item WHERE barcode IN ({marks}) LIMIT 1", chunk
            ).fetchone()
            if row is not None:
                raise _barcode_taken(row[0])

    def _assign_barcodes(self, conn: sqlite3.Connection, items: list[dict[str, Any]]) -> None:
        """Give every item without a barcode the next one; check the explicit ones are free."""
        explicit = [item["barcode"] for item in items if item["barcode"]]
        self._check_barcodes_free(conn, explicit)
        last = self._last_barcode(conn)
        for barcode in explicit:
            match = _BARCODE_RE.match(barcode)
            if match:
                last = max(last, int(match.group(1)))
        given = False
        for item in items:
            if not item["barcode"]:
                last += 1
                item["barcode"] = _format_barcode(last)
                given = True
        if given or explicit:
            Settings(conn).set(_BARCODE_MARK, last)

    # --- writing ------------------------------------------------------------------------

    def add_title(
        self,
        data: TitleInput,
        copies: int = 1,
        item: ItemInput | None = None,
        *,
        allow_duplicate: bool = False,
    ) -> TitleView:
        """Catalogue a title with ``copies`` copies like ``item`` (Permission.RECORD).

        Raises :class:`DuplicateTitle` when it is already in the catalogue, unless
        ``allow_duplicate``. Nothing is written on bad input.
        """
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not add to the catalogue."),
        )
        if not 0 <= copies <= MAX_COPIES:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "The number of copies must be 0 to {max}."),
                "copies",
                max=MAX_COPIES,
            )
        checked = self.validate_title(data)
        template = self.validate_item(item or ItemInput())
        if template.barcode is not None and copies > 1:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "A barcode typed by hand is for one copy only; leave it empty."
                ),
                "barcode",
            )
        if not allow_duplicate:
            existing = self.find_duplicate(checked)
            if existing is not None:
                raise DuplicateTitle(existing)
        return self.get_title(self._write_titles([(checked, copies, template)])[0])

    def add_titles(
        self, rows: Sequence[tuple[TitleInput, int]], item: ItemInput | None = None
    ) -> list[str]:
        """Several titles with their numbers of copies in one transaction: all or none.

        Every row is checked first and the first bad row's ValidationError
        raised. Duplicates are not looked for (an importer does that per record
        with :meth:`find_duplicate`). Returns the new titles' ids.
        """
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not add to the catalogue."),
        )
        template = self.validate_item(item or ItemInput())
        if template.barcode is not None:
            template = replace(template, barcode=None)
        cleaned = []
        for data, copies in rows:
            if not 0 <= copies <= MAX_COPIES:
                raise _invalid(
                    QT_TRANSLATE_NOOP("PerpusDesa", "The number of copies must be 0 to {max}."),
                    "copies",
                    max=MAX_COPIES,
                )
            cleaned.append((self.validate_title(data), copies, template))
        return self._write_titles(cleaned)

    def _write_titles(self, rows: list[tuple[TitleInput, int, ItemInput]]) -> list[str]:
        from app.db.models import Item, Title

        with self._uow() as uow:
            raw = uow.dbapi_connection()
            ids = []
            items: list[dict[str, Any]] = []
            for data, copies, template in rows:
                title_id = uuid7()
                ids.append(title_id)
                uow.add(Title(id=title_id, **_title_values(data), marc_raw=data.marc_raw))
                number = template.call_number or call_number(data.ddc, data.authors, data.title)
                for _ in range(copies):
                    items.append(
                        _item_values(replace(template, call_number=number or None), title_id)
                    )
            self._assign_barcodes(raw, items)
            for values in items:
                uow.add(Item(id=uuid7(), **values))
        return ids

    def update_title(
        self, title_id: str, data: TitleInput, *, allow_duplicate: bool = False
    ) -> TitleView:
        """Change a title (Permission.EDIT); its copies keep their call numbers."""
        from app.db.models import Title

        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the catalogue."),
        )
        self.get_title(title_id)
        checked = self.validate_title(data)
        if not allow_duplicate:
            existing = self.find_duplicate(checked, excluding=title_id)
            if existing is not None:
                raise DuplicateTitle(existing)
        with self._uow() as uow:
            record = uow.get(Title, title_id)
            if record is None or record.deleted_at is not None:
                raise _title_missing()
            values = _title_values(checked)
            if checked.marc_raw is not None:
                values["marc_raw"] = checked.marc_raw
            for key, value in values.items():
                if getattr(record, key) != value:
                    setattr(record, key, value)
        return self.get_title(title_id)

    def add_item(self, title_id: str, data: ItemInput) -> ItemView:
        """Another copy of a title (Permission.RECORD)."""
        from app.db.models import Item

        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not add to the catalogue."),
        )
        title = self.get_title(title_id)
        checked = self.validate_item(data)
        if checked.call_number is None:
            number = call_number(title.ddc, title.authors, title.title) or None
            checked = replace(checked, call_number=number)
        values = _item_values(checked, title_id)
        item_id = uuid7()
        with self._uow() as uow:
            self._assign_barcodes(uow.dbapi_connection(), [values])
            uow.add(Item(id=item_id, **values))
        return self.get_item(item_id)

    def update_item(self, item_id: str, data: ItemInput) -> ItemView:
        """Change a copy (Permission.EDIT). A copy on loan keeps the status dipinjam."""
        from app.db.models import Item

        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the catalogue."),
        )
        current = self.get_item(item_id)
        checked = self.validate_item(data, loaned=current.on_loan)
        if checked.call_number is None:
            title = self.get_title(current.title_id)
            number = call_number(title.ddc, title.authors, title.title) or None
            checked = replace(checked, call_number=number)
        barcode = checked.barcode or current.barcode
        with self._uow() as uow:
            record = uow.get(Item, item_id)
            if record is None or record.deleted_at is not None:
                raise _item_missing()
            if barcode != record.barcode:
                self._assign_barcodes(uow.dbapi_connection(), [{"barcode": barcode}])
            values = _item_values(replace(checked, barcode=barcode), record.title_id)
            for key, value in values.items():
                if getattr(record, key) != value:
                    setattr(record, key, value)
        return self.get_item(item_id)

    def delete_title(self, title_id: str) -> None:
        """Delete a title and its copies (a tombstone; Permission.DELETE).

        Refused while one of its copies is on loan.
        """
        from app.db.models import Item, Title

        self._require(
            Permission.DELETE,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete from the catalogue."),
        )
        with self._uow() as uow:
            record = uow.get(Title, title_id)
            if record is None or record.deleted_at is not None:
                raise _title_missing()
            raw = uow.dbapi_connection()
            item_ids = [
                row[0]
                for row in raw.execute(
                    "SELECT id FROM item WHERE title_id = ? AND deleted_at IS NULL", (title_id,)
                )
            ]
            for item_id in item_ids:
                if _on_loan(raw, item_id):
                    raise KnownError(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa",
                            "A copy of this title is on loan. Take it back before deleting"
                            " the title.",
                        )
                    )
            for item_id in item_ids:
                item = uow.get(Item, item_id)
                assert item is not None
                uow.delete(item)
            uow.delete(record)

    def delete_item(self, item_id: str) -> None:
        """Delete a copy (a tombstone; Permission.DELETE); refused while it is on loan."""
        from app.db.models import Item

        self._require(
            Permission.DELETE,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete from the catalogue."),
        )
        with self._uow() as uow:
            record = uow.get(Item, item_id)
            if record is None or record.deleted_at is not None:
                raise _item_missing()
            if _on_loan(uow.dbapi_connection(), item_id):
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "This copy is on loan. Take it back before deleting it."
                    )
                )
            uow.delete(record)

    # --- reading ------------------------------------------------------------------------

    def get_title(self, title_id: str) -> TitleView:
        row = self.conn.execute(
            f"SELECT {_TITLE_COLUMNS}, {_COUNTS} FROM title t"
            " WHERE t.id = ? AND t.deleted_at IS NULL",
            (title_id,),
        ).fetchone()
        if row is None:
            raise _title_missing()
        return _title_view(row)

    def get_item(self, item_id: str) -> ItemView:
        row = self.conn.execute(
            _ITEM_SQL + " WHERE i.id = ? AND i.deleted_at IS NULL", (item_id,)
        ).fetchone()
        if row is None:
            raise _item_missing()
        return _item_view(row)

    def items_of(self, title_id: str) -> list[ItemView]:
        """The copies of a title, by barcode."""
        rows = self.conn.execute(
            _ITEM_SQL + " WHERE i.title_id = ? AND i.deleted_at IS NULL ORDER BY i.barcode",
            (title_id,),
        )
        return [_item_view(row) for row in rows]

    def item_by_barcode(self, barcode: str) -> ItemView | None:
        """The copy with this barcode (as scanned or typed); None if unknown or deleted."""
        code = barcode.strip()
        if not code:
            return None
        for candidate in dict.fromkeys((code, code.upper())):
            row = self.conn.execute(
                _ITEM_SQL + " WHERE i.barcode = ? AND i.deleted_at IS NULL", (candidate,)
            ).fetchone()
            if row is not None:
                return _item_view(row)
        return None

    def find_duplicate(self, data: TitleInput, *, excluding: str | None = None) -> TitleView | None:
        """The title already catalogued as ``data``: the same ISBN-13, else (for a title
        with no ISBN, or one with the same) the same title, authors and year, ignoring case.
        ``data`` may be unchecked; an invalid ISBN raises ValidationError."""
        isbn = normalise_isbn(data.isbn)
        skip = excluding or ""
        if isbn is not None:
            row = self.conn.execute(
                "SELECT id FROM title WHERE isbn = ? AND deleted_at IS NULL AND id != ?"
                " ORDER BY rowid LIMIT 1",
                (isbn, skip),
            ).fetchone()
            if row is not None:
                return self.get_title(row[0])
        title = " ".join(data.title.split()).casefold()
        authors = "; ".join(split_list(data.authors)).casefold()
        query = fts_query(title, prefix=False)
        if query is None:
            return None
        try:
            rows = self.conn.execute(
                "SELECT t.id, t.title, t.authors, t.year, t.isbn FROM title_fts f"
                " JOIN title t ON t.rowid = f.rowid WHERE title_fts MATCH ?"
                " AND t.deleted_at IS NULL AND t.id != ? ORDER BY t.rowid",
                ("{title} : (" + query + ")", skip),
            ).fetchall()
        except sqlite3.OperationalError:
            return None
        for row in rows:
            if (
                row["title"].casefold() == title
                and (row["authors"] or "").casefold() == authors
                and row["year"] == data.year
                and (row["isbn"] is None or isbn is None or row["isbn"] == isbn)
            ):
                return self.get_title(row["id"])
        return None

    def _isbn_rows(self, select: str, digits: str, limit: int) -> list[sqlite3.Row]:
        """Titles whose ISBN starts with the digits typed (an index range, in ISBN order),
        then titles with a word starting with them (``1001 Malam``).

        Many thousands of distinct ISBNs share a start such as ``978602``: an FTS5
        prefix query over them is slow, a range over the ISBN index is not.
        """
        from stdnum import isbn as stdnum_isbn

        if stdnum_isbn.is_valid(digits):
            starts = [str(stdnum_isbn.compact(stdnum_isbn.to_isbn13(digits)))]
        elif digits.isdigit():
            starts = [digits] + (["978" + digits] if len(digits) <= 9 else [])
        else:
            starts = []
        rows: list[sqlite3.Row] = []
        for start in starts:
            rows += self.conn.execute(
                f"{select} FROM title t WHERE t.isbn >= ? AND t.isbn < ?"
                " AND t.deleted_at IS NULL ORDER BY t.isbn LIMIT ?",
                (start, start + ":", limit),  # ':' sorts right after '9'
            ).fetchall()
        if digits.isdigit() and not digits.startswith(("978", "979")):
            # Not for an ISBN-13's start: the prefix would walk every ISBN in the index.
            rows += self.conn.execute(
                f"{select} FROM title_fts f JOIN title t ON t.rowid = f.rowid"
                " WHERE title_fts MATCH ? AND t.deleted_at IS NULL"
                " ORDER BY f.rowid DESC LIMIT ?",
                ('{title authors subjects} : "' + digits + '"*', limit),
            ).fetchall()
        seen: set[str] = set()
        unique = []
        for row in rows:
            if row["id"] not in seen:
                seen.add(row["id"])
                unique.append(row)
        return unique[:limit]

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Titles whose title, authors, subjects or ISBN start with what was typed.

        Every word typed must match the start of a word; newest titles first.
        An ISBN or the start of one (four digits or more, dashes allowed) lists
        the titles with that ISBN in ISBN order, then titles with a word starting
        with those digits. Empty text: the newest titles. Deleted titles are
        never found.
        """
        query = fts_query(text)
        select = f"SELECT t.id, t.title, t.authors, t.year, t.isbn, t.ddc, {_COUNTS}"
        digits = _typed_isbn(text)
        if digits is not None and len(digits) >= 4:
            rows = self._isbn_rows(select, digits, limit)
        elif query is None:
            rows = self.conn.execute(
                f"{select} FROM title t WHERE t.deleted_at IS NULL ORDER BY t.rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        else:
            try:
                rows = self.conn.execute(
                    f"{select} FROM title_fts f JOIN title t ON t.rowid = f.rowid"
                    " WHERE title_fts MATCH ? AND t.deleted_at IS NULL"
                    " ORDER BY f.rowid DESC LIMIT ?",
                    (query, limit),
                ).fetchall()
            except sqlite3.OperationalError:  # a query FTS5 cannot parse: nothing matches
                rows = []
        return [
            SearchHit(
                row["id"],
                row["title"],
                row["authors"] or "",
                row["year"],
                row["isbn"],
                row["ddc"],
                int(row["copies"]),
                int(row["available"]),
            )
            for row in rows
        ]


def _title_values(data: TitleInput) -> dict[str, Any]:
    return {
        "title": data.title,
        "authors": data.authors,
        "publisher": data.publisher,
        "place": data.place,
        "year": data.year,
        "edition": data.edition,
        "isbn": data.isbn,
        "ddc": data.ddc,
        "subjects": data.subjects,
        "language": data.language,
        "material_type": data.material_type,
        "audience": data.audience,
    }


def _item_values(data: ItemInput, title_id: str) -> dict[str, Any]:
    return {
        "title_id": title_id,
        "barcode": data.barcode,
        "call_number": data.call_number,
        "acquired_on": data.acquired_on,
        "source": data.source,
        "condition": data.condition,
        "status": data.status,
    }


def _on_loan(conn: sqlite3.Connection, item_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM loan WHERE item_id = ? AND returned_at IS NULL AND deleted_at IS NULL"
        " LIMIT 1",
        (item_id,),
    ).fetchone()
    return row is not None


def _format_barcode(number: int) -> str:
    return f"{BARCODE_PREFIX}{number:06d}"


def _title_view(row: sqlite3.Row) -> TitleView:
    return TitleView(
        id=row["id"],
        title=row["title"],
        authors=row["authors"] or "",
        publisher=row["publisher"],
        place=row["place"],
        year=row["year"],
        edition=row["edition"],
        isbn=row["isbn"],
        ddc=row["ddc"],
        subjects=row["subjects"] or "",
        language=row["language"],
        material_type=row["material_type"],
        audience=row["audience"],
        copies=int(row["copies"]),
        available=int(row["available"]),
    )


def _item_view(row: sqlite3.Row) -> ItemView:
    acquired = row["acquired_on"]
    return ItemView(
        id=row["id"],
        title_id=row["title_id"],
        title=row["title"],
        barcode=row["barcode"],
        call_number=row["call_number"],
        acquired_on=date.fromisoformat(acquired[:10]) if acquired else None,
        source=row["source"],
        condition=row["condition"],
        status=row["status"],
        on_loan=bool(row["on_loan"]),
    )


def _barcode_taken(barcode: str) -> ValidationError:
    return _invalid(
        QT_TRANSLATE_NOOP("PerpusDesa", "The barcode {barcode} is already in use."),
        "barcode",
        barcode=barcode,
    )


def _title_missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This title no longer exists."))


def _item_missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This copy no longer exists."))
