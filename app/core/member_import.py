"""Importing members from a CSV or XLSX file: check every row, then import all in one go.

Two kinds of file are understood; the header row says which:

**The PerpusDesa template** (``resources/templates/anggota-template.csv``), one
member per row, headers in Indonesian (upper or lower case, in any order):

==================  =========  ============================================================
column              required   what to write
==================  =========  ============================================================
nomor_anggota                  member number, e.g. ``2026-0001``; empty: PerpusDesa gives one
nama                yes        full name
jenis_kelamin       yes        ``L`` (laki-laki) or ``P`` (perempuan)
tanggal_lahir                  ``YYYY-MM-DD``, ``DD/MM/YYYY`` or ``DD-MM-YYYY``
nik                            the 16 digits of the KTP (in Excel: a text cell, or the
                               last digits are lost)
alamat                         street, house, dusun
rt, rw                         up to 3 digits (``3`` becomes ``003``)
kode_desa                      Kemendagri village code, ``33.74.01.1001`` (or ``3374011001``)
telepon                        ``081234567890`` (``+62`` and a lost leading 0 are fine)
pekerjaan                      petani, nelayan, pedagang, ibu_rumah_tangga, pelajar, guru,
                               pns, karyawan, buruh, tidak_bekerja, lainnya
pendidikan                     tidak_sekolah, sd, smp, sma (also smk), diploma (d1-d3),
                               s1, s2 (also s3)
jenis_anggota                  umum (default), pelajar (pelajar/mahasiswa) or anak
tanggal_daftar                 registration date; empty: today
berlaku_sampai                 end of membership; empty: registration date plus the
                               "membership_months" setting
nama_wali                      parent or guardian (required under 18)
persetujuan         yes        ``ya``: the member agreed to how their data are kept
persetujuan_wali               ``ya``: the parent or guardian agreed (required under 18)
catatan                        notes
==================  =========  ============================================================

**A SLiMS member export** (Membership > Export Data in SLiMS 9 "Bulian": the
columns ``member_id, member_name, gender, member_type_name, member_email,
member_address, postal_code, inst_name, is_new, member_image, pin,
member_phone, member_fax, member_since_date, register_date, expire_date,
birth_date, member_notes``, with or without the header row). What fits is
kept: member_id -> member number, member_name, gender (SLiMS writes 1 for
male and 0 for female; M/F and L/P are read too), member_type_name (names
with "anak"/"child" -> anak, "pelajar"/"siswa"/"mahasiswa"/"student" ->
pelajar, anything else -> umum), member_address and postal_code -> address,
member_phone, register_date (else member_since_date), expire_date,
birth_date, member_notes and inst_name -> notes, pin -> NIK when it is a
valid 16-digit NIK. E-mail, fax, photo and the web PIN are left out (data
minimisation). SLiMS keeps no record of consent: the operator must confirm
that every member in the file gave consent on paper (the import dialog asks;
the command line needs ``--consent-collected``). SLiMS keeps no guardian
either, so a member under 18 is a row error: register children by hand or
through the template.

Files: CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 /
Latin-1; separated by ``,``, ``;`` (Indonesian Excel), tab or ``|``; an Excel
``sep=;`` first line is understood. SLiMS's backslash escapes are undone.
XLSX: the active sheet. The header is the first row that names the columns
(a title or two above it is fine; empty rows are skipped). Old ``.xls``
files, other file kinds, an empty file and a file without the required
columns are refused with a message that says so.

Every row is checked first (:func:`check_file`), by the same rules as the
member form (:meth:`MemberService.validate`), plus duplicate member numbers in
the file and against the database; the report lists row, column and problem.
Nothing is imported (:func:`import_members`) until every row is valid or the
caller asks to skip the bad rows; then every valid row is registered in one
transaction (:meth:`MemberService.register_many`), so a failure imports
nothing. Both steps take a :class:`Progress` and stop, writing nothing, when
it is cancelled.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.core import codes
from app.core.auth import User
from app.core.clock import utcnow
from app.core.errors import KnownError, ValidationError
from app.core.members import MemberInput, MemberService
from app.core.tasks import Progress
from app.core.text import CONTEXT, QT_TRANSLATE_NOOP
from app.db.database import Database

Cell = str | int | float | date | datetime | bool | None


class Layout(StrEnum):
    TEMPLATE = "template"
    SLIMS = "slims"


TEMPLATE_COLUMNS = (
    "nomor_anggota",
    "nama",
    "jenis_kelamin",
    "tanggal_lahir",
    "nik",
    "alamat",
    "rt",
    "rw",
    "kode_desa",
    "telepon",
    "pekerjaan",
    "pendidikan",
    "jenis_anggota",
    "tanggal_daftar",
    "berlaku_sampai",
    "nama_wali",
    "persetujuan",
    "persetujuan_wali",
    "catatan",
)
TEMPLATE_REQUIRED = ("nama", "jenis_kelamin", "persetujuan")

# Other spellings librarians use for the template's columns.
_TEMPLATE_ALIASES = {
    "no_anggota": "nomor_anggota",
    "nomor": "nomor_anggota",
    "nama_lengkap": "nama",
    "jk": "jenis_kelamin",
    "l/p": "jenis_kelamin",
    "kelamin": "jenis_kelamin",
    "tgl_lahir": "tanggal_lahir",
    "no_hp": "telepon",
    "hp": "telepon",
    "no_telepon": "telepon",
    "telp": "telepon",
    "tgl_daftar": "tanggal_daftar",
    "tanggal_berakhir": "berlaku_sampai",
    "wali": "nama_wali",
}

# SLiMS 9 (admin/modules/membership/export.php), in export order.
SLIMS_COLUMNS = (
    "member_id",
    "member_name",
    "gender",
    "member_type_name",
    "member_email",
    "member_address",
    "postal_code",
    "inst_name",
    "is_new",
    "member_image",
    "pin",
    "member_phone",
    "member_fax",
    "member_since_date",
    "register_date",
    "expire_date",
    "birth_date",
    "member_notes",
)
SLIMS_REQUIRED = ("member_id", "member_name", "gender")
HEADER_SEARCH_ROWS = 5  # rows looked at for the header (titles may stand above it)

# Which file column a MemberService field problem belongs to.
_TEMPLATE_FIELDS = {
    "member_no": "nomor_anggota",
    "name": "nama",
    "gender": "jenis_kelamin",
    "birth_date": "tanggal_lahir",
    "nik": "nik",
    "address": "alamat",
    "rt": "rt",
    "rw": "rw",
    "village_code": "kode_desa",
    "phone": "telepon",
    "occupation": "pekerjaan",
    "education": "pendidikan",
    "member_type": "jenis_anggota",
    "registered_on": "tanggal_daftar",
    "expires_on": "berlaku_sampai",
    "guardian": "nama_wali",
    "consent": "persetujuan",
    "notes": "catatan",
}
_SLIMS_FIELDS = {
    "member_no": "member_id",
    "name": "member_name",
    "gender": "gender",
    "birth_date": "birth_date",
    "nik": "pin",
    "address": "member_address",
    "phone": "member_phone",
    "member_type": "member_type_name",
    "registered_on": "register_date",
    "expires_on": "expire_date",
    "guardian": "birth_date",
    "notes": "member_notes",
}

# --- messages (English source, translated by the UI) -----------------------------------

REPORT_LINE = QT_TRANSLATE_NOOP("PerpusDesa", "Row {row}, {column}: {problem}")
SLIMS_CONSENT_NOTE = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "This is a SLiMS export. SLiMS keeps no record of consent: import it only if every member "
    "in it agreed on paper to how their data are kept.",
)
_SLIMS_CONSENT_MISSING = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "This is a SLiMS export, which keeps no record of consent. Confirm that every member in it "
    "agreed on paper to how their data are kept (on the command line: --consent-collected).",
)
_NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "PerpusDesa", "{file} is not a CSV or Excel (XLSX) file. Choose a .csv or .xlsx file."
)
_OLD_EXCEL = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "{file} is an old Excel file (.xls). Open it in Excel and save it as .xlsx or CSV first.",
)
_BAD_XLSX = QT_TRANSLATE_NOOP(
    "PerpusDesa", "{file} could not be read as an Excel workbook. Is it damaged?"
)
_UNREADABLE = QT_TRANSLATE_NOOP("PerpusDesa", "{file} could not be opened: {reason}")
_EMPTY = QT_TRANSLATE_NOOP("PerpusDesa", "{file} is empty.")
_NO_ROWS = QT_TRANSLATE_NOOP("PerpusDesa", "{file} has a header row but no members under it.")
_UNKNOWN_COLUMNS = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "{file} does not have the columns of the PerpusDesa member template or of a SLiMS member "
    "export. The first row must name the columns, such as nama, jenis_kelamin and persetujuan.",
)
_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "PerpusDesa", "{file} lacks columns that are required: {columns}."
)
_BAD_ROWS = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "Nothing was imported: some rows have problems ({count}). Correct them, or skip the bad "
    "rows (on the command line: --skip-invalid).",
)
_NOTHING_VALID = QT_TRANSLATE_NOOP("PerpusDesa", "No row of the file can be imported.")

_M_DATE = QT_TRANSLATE_NOOP(
    "PerpusDesa", "{value} is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2015-08-17."
)
_M_GENDER = QT_TRANSLATE_NOOP("PerpusDesa", "Write L for male or P for female (not {value}).")
_M_SLIMS_GENDER = QT_TRANSLATE_NOOP("PerpusDesa", "Write 1 for male or 0 for female (not {value}).")
_M_YES_NO = QT_TRANSLATE_NOOP("PerpusDesa", "Write ya or tidak (not {value}).")
_M_REQUIRED = QT_TRANSLATE_NOOP("PerpusDesa", "This column must be filled in.")
_M_CHOICE = QT_TRANSLATE_NOOP("PerpusDesa", "{value} is not in the list. Write one of: {choices}.")
_M_VILLAGE = QT_TRANSLATE_NOOP(
    "PerpusDesa", "{value} is not a village code. Write it like 33.74.01.1001."
)
_M_NIK_NUMBER = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "The NIK was stored as a number, so Excel may have changed its last digits. "
    "Format the column as text and type the NIK again.",
)
_M_DUPLICATE = QT_TRANSLATE_NOOP("PerpusDesa", "The member number {number} is also on row {other}.")
_M_TAKEN = QT_TRANSLATE_NOOP("PerpusDesa", "The member number {number} is already in use.")
_M_SLIMS_CHILD = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "This member is under 18, and SLiMS keeps no parent's or guardian's consent. Skip this row "
    "and register the child by hand, or import them with the PerpusDesa template.",
)


class FileRefused(KnownError):
    """The file cannot be imported at all (not a table, empty, wrong columns)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one row: the row as numbered in the file (header = 1)."""

    row: int
    column: str
    message: str  # English source, marked for translation
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        text = translate(CONTEXT, self.message) if translate else self.message
        try:
            return str(text).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(text)

    def line(self, translate: Callable[[str, str], str] | None = None) -> str:
        """``Row 3, tanggal_lahir: ...`` in the caller's language."""
        template = translate(CONTEXT, REPORT_LINE) if translate else REPORT_LINE
        return template.format(row=self.row, column=self.column, problem=self.render(translate))


@dataclass(frozen=True)
class ImportRow:
    row: int
    member: MemberInput | None  # None when the row could not be read into a member
    problems: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return self.member is not None and not self.problems


@dataclass(frozen=True)
class ImportReport:
    """What :func:`check_file` found: every row, valid or with its problems."""

    path: Path
    layout: Layout
    header_row: bool
    rows: tuple[ImportRow, ...]

    @property
    def needs_consent_confirmation(self) -> bool:
        return self.layout is Layout.SLIMS

    @property
    def valid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.valid]

    @property
    def invalid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.valid]

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    member_ids: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """The raw cells of a file: normalised column names and (row number, cells) lines."""

    layout: Layout
    header_row: bool
    columns: tuple[str, ...]
    lines: tuple[tuple[int, Sequence[Cell]], ...]


def template_path() -> Path:
    """The blank template shipped with the program."""
    from app.paths import resources_dir

    return resources_dir() / "templates" / "anggota-template.csv"


# --- reading the file -------------------------------------------------------------------


def _refuse(message: str, path: Path, **params: Any) -> FileRefused:
    return FileRefused(message, file=path.name, **params)


def read_table(path: Path | str) -> Table:
    """The file's cells, or :class:`FileRefused` with a message the librarian can act on."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(_UNREADABLE, path, reason=exc.strerror or str(exc)) from exc
    if not data.strip():
        raise _refuse(_EMPTY, path)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(_OLD_EXCEL, path)
    if data.startswith(b"PK\x03\x04"):
        return _table_from_rows(_xlsx_rows(path), path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise _refuse(_BAD_XLSX, path)
    return _csv_table(_decode(data, path), path)


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _refuse(_NOT_A_TABLE, path) from exc
    else:
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if "\x00" in text or sum(1 for c in text[:4096] if c < " " and c not in "\t\r\n") > 8:
        raise _refuse(_NOT_A_TABLE, path)
    return text


def _xlsx_rows(path: Path) -> list[tuple[int, tuple[Cell, ...]]]:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - a dependency
        raise _refuse(_BAD_XLSX, path) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like: harmless here
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = workbook.active or workbook.worksheets[0]
                first = getattr(sheet, "min_row", 1) or 1
                rows = [
                    (number, tuple(values))
                    for number, values in enumerate(sheet.iter_rows(values_only=True), first)
                ]
            finally:
                workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, IndexError) as exc:
        raise _refuse(_BAD_XLSX, path) from exc
    except OSError as exc:
        raise _refuse(_UNREADABLE, path, reason=exc.strerror or str(exc)) from exc
    return rows


def _delimiter(line: str) -> str:
    counts = {sep: 0 for sep in (";", ",", "\t", "|")}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


_SLIMS_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SLIMS_UNESCAPED = {"n": "\n", "r": "\r", "0": "", "Z": "", "'": "'", '"': '\\"', "\\": "\\\\"}


def _undo_slims_escapes(text: str) -> str:
    """SLiMS writes fields through MySQL's escape_string: \\n, \\", \\\\ ... back to text.

    Quotes and backslashes stay escaped for the CSV reader (escapechar='\\')."""
    return _SLIMS_ESCAPE.sub(lambda m: _SLIMS_UNESCAPED.get(m.group(1), "\\" + m.group(1)), text)


def _csv_table(text: str, path: Path) -> Table:
    lines = text.splitlines()
    skip = 0
    delimiter = ""
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    if skip < len(lines) and re.fullmatch(r'"?sep=(.)"?\s*', lines[skip].strip(), re.IGNORECASE):
        delimiter = lines[skip].strip().strip('"')[4]
        skip += 1
    body = lines[skip:]
    if not any(line.strip() for line in body):
        raise _refuse(_EMPTY, path)
    first_line = next(line for line in body if line.strip())
    delimiter = delimiter or _delimiter(first_line)
    first = next(csv.reader([first_line], delimiter=delimiter))
    layout = _layout_of(first)
    if layout is Layout.SLIMS or (layout is None and len(first) in (18, 19)):
        source = _undo_slims_escapes("\n".join(body))
        reader = csv.reader(
            io.StringIO(source, newline=""), delimiter=delimiter, escapechar="\\", strict=False
        )
    else:
        reader = csv.reader(io.StringIO("\n".join(body), newline=""), delimiter=delimiter)
    try:
        rows = [(number, tuple(cells)) for number, cells in enumerate(reader, skip + 1)]
    except csv.Error as exc:
        raise _refuse(_NOT_A_TABLE, path) from exc
    return _table_from_rows(rows, path)


def _column_name(cell: Cell) -> str:
    text = str(cell or "").strip().strip('"').lstrip("\ufeff").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _layout_of(header: Sequence[Cell]) -> Layout | None:
    names = {_column_name(cell) for cell in header}
    if {"member_id", "member_name"} <= names:
        return Layout.SLIMS
    names = {_TEMPLATE_ALIASES.get(name, name) for name in names}
    if "nama" in names or len(names & set(TEMPLATE_COLUMNS)) >= 2:
        return Layout.TEMPLATE
    return None


def _is_empty(cells: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _table_from_rows(found: Sequence[tuple[int, Sequence[Cell]]], path: Path) -> Table:
    rows = [(number, cells) for number, cells in found if not _is_empty(cells)]
    if not rows:
        raise _refuse(_EMPTY, path)
    # The header is the first row that names the columns; a title or two above it is fine.
    kinds = [
        (index, _layout_of(cells))
        for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS])
    ]
    start, layout = next(((index, kind) for index, kind in kinds if kind is not None), (0, None))
    header_row = True
    if layout is None:
        start, header = 0, rows[0][1]
        if len(header) in (18, 19) and _looks_like_slims_row(header):
            layout, header_row = Layout.SLIMS, False
        else:
            raise _refuse(_UNKNOWN_COLUMNS, path)
    header = rows[start][1]
    if header_row:
        columns = [_column_name(cell) for cell in header]
        if layout is Layout.TEMPLATE:
            columns = [_TEMPLATE_ALIASES.get(name, name) for name in columns]
        required = TEMPLATE_REQUIRED if layout is Layout.TEMPLATE else SLIMS_REQUIRED
        missing = [name for name in required if name not in columns]
        if missing:
            raise _refuse(_MISSING_COLUMNS, path, columns=", ".join(missing))
        data = rows[start + 1 :]
    else:
        columns = list(SLIMS_COLUMNS)
        data = rows
    if not data:
        raise _refuse(_NO_ROWS, path)
    return Table(layout, header_row, tuple(columns), tuple(data))


def _looks_like_slims_row(cells: Sequence[Cell]) -> bool:
    """A SLiMS row without a header: a gender 0/1 in the third column and a name in the second."""
    gender = str(cells[2] if cells[2] is not None else "").strip()
    return bool(str(cells[1] or "").strip()) and gender in ("0", "1")


# --- reading cells ------------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def parse_date(value: Cell) -> date | None:
    """A date from a cell: a spreadsheet date, YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text or text.startswith("0000-00-00"):
        return None
    match = _YMD.match(text)
    try:
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DMY.match(text)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    raise _CellError(_M_DATE, value=text)


_YES = {"ya", "y", "yes", "1", "true", "benar", "setuju", "x", "v", "✓", "✔"}
_NO = {"", "tidak", "t", "tdk", "no", "n", "0", "false", "salah", "-"}


def parse_yes_no(value: Cell) -> bool:
    text = _text(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _CellError(_M_YES_NO, value=_text(value))


_GENDERS = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "laki": "L",
    "lk": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "p": "P",
    "perempuan": "P",
    "pr": "P",
    "wanita": "P",
    "f": "P",
    "female": "P",
    "w": "P",
}


def parse_gender(value: Cell, *, slims: bool = False) -> str:
    text = _text(value).lower()
    if slims and text in ("1", "0"):
        return "L" if text == "1" else "P"
    if text in _GENDERS:
        return _GENDERS[text]
    if not text:
        raise _CellError(_M_REQUIRED)
    raise _CellError(_M_SLIMS_GENDER if slims else _M_GENDER, value=_text(value))


def _code_key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


_CHOICE_ALIASES = {
    "education": {
        "smk": "sma",
        "sma/smk": "sma",
        "slta": "sma",
        "sltp": "smp",
        "d1": "diploma",
        "d2": "diploma",
        "d3": "diploma",
        "d4": "s1",
        "s3": "s2",
        "tidak_tamat_sd": "tidak_sekolah",
        "belum_sekolah": "tidak_sekolah",
    },
    "occupation": {"irt": "ibu_rumah_tangga", "siswa": "pelajar", "mahasiswa": "pelajar"},
    "member_type": {
        "pelajar/mahasiswa": "pelajar",
        "mahasiswa": "pelajar",
        "siswa": "pelajar",
        "pelajar_mahasiswa": "pelajar",
    },
}
_CHOICES = {
    "education": codes.codes(codes.EDUCATION),
    "occupation": codes.codes(codes.OCCUPATIONS),
    "member_type": codes.codes(codes.MEMBER_TYPES),
}


def parse_choice(kind: str, value: Cell) -> str | None:
    text = _text(value)
    if not text:
        return None
    key = _code_key(text)
    key = _CHOICE_ALIASES[kind].get(key, key)
    if key in _CHOICES[kind]:
        return key
    raise _CellError(_M_CHOICE, value=text, choices=", ".join(_CHOICES[kind]))


def parse_village(value: Cell) -> str | None:
    text = _text(value).replace(" ", "")
    if not text:
        return None
    if re.fullmatch(r"\d{10}", text):
        text = f"{text[:2]}.{text[2:4]}.{text[4:6]}.{text[6:]}"
    if not re.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}", text):
        raise _CellError(_M_VILLAGE, value=_text(value))
    return text


def slims_member_type(value: Cell) -> str:
    name = _text(value).lower()
    if any(word in name for word in ("anak", "child", "kid", "balita")):
        return "anak"
    if any(word in name for word in ("pelajar", "siswa", "mahasiswa", "student", "murid")):
        return "pelajar"
    return "umum"


# --- rows into members --------------------------------------------------------------------


class _Row:
    """Cells of one line by column name, collecting the problems found while reading them."""

    def __init__(self, number: int, columns: Sequence[str], cells: Sequence[Cell]) -> None:
        self.number = number
        self.cells: dict[str, Cell] = {}
        for name, cell in zip(columns, cells, strict=False):
            if name and name not in self.cells:
                self.cells[name] = cell
        self.problems: list[Problem] = []

    def raw(self, column: str) -> Cell:
        return self.cells.get(column)

    def text(self, column: str) -> str:
        return _text(self.cells.get(column))

    def read(self, column: str, parse: Callable[[Cell], Any], default: Any = None) -> Any:
        try:
            return parse(self.cells.get(column))
        except _CellError as exc:
            self.problems.append(Problem(self.number, column, exc.message, exc.params))
            return default


def _template_member(row: _Row) -> MemberInput:
    name = row.text("nama")
    if not name:
        row.problems.append(Problem(row.number, "nama", _M_REQUIRED))
    gender = row.read("jenis_kelamin", parse_gender, "")
    nik_cell = row.raw("nik")
    if isinstance(nik_cell, int | float) and not isinstance(nik_cell, bool):
        row.problems.append(Problem(row.number, "nik", _M_NIK_NUMBER))
    member_type = row.read("jenis_anggota", lambda v: parse_choice("member_type", v))
    return MemberInput(
        name=name,
        gender=gender,
        birth_date=row.read("tanggal_lahir", parse_date),
        address=row.text("alamat"),
        rt=row.text("rt") or None,
        rw=row.text("rw") or None,
        village_code=row.read("kode_desa", parse_village),
        phone=row.text("telepon") or None,
        occupation=row.read("pekerjaan", lambda v: parse_choice("occupation", v)),
        education=row.read("pendidikan", lambda v: parse_choice("education", v)),
        member_type=member_type or "umum",
        registered_on=row.read("tanggal_daftar", parse_date),
        expires_on=row.read("berlaku_sampai", parse_date),
        nik=row.text("nik") or None,
        notes=str(row.raw("catatan") or "").strip(),
        consent_given=row.read("persetujuan", parse_yes_no, False),
        guardian_name=row.text("nama_wali") or None,
        guardian_consent=row.read("persetujuan_wali", parse_yes_no, False),
        member_no=row.text("nomor_anggota") or None,
    )


def _slims_nik(value: Cell) -> str | None:
    text = _text(value)
    if len(text) == 16 and text.isdigit():
        from lokal import is_valid_nik

        if is_valid_nik(text):
            return text
    return None


def _slims_member(row: _Row) -> MemberInput:
    name = row.text("member_name")
    if not name:
        row.problems.append(Problem(row.number, "member_name", _M_REQUIRED))
    number = row.text("member_id")
    if not number:
        row.problems.append(Problem(row.number, "member_id", _M_REQUIRED))
    address = ", ".join(
        part for part in (row.text("member_address"), row.text("postal_code")) if part
    )
    notes = "\n".join(
        part
        for part in (
            str(row.raw("member_notes") or "").strip(),
            f"Instansi: {row.text('inst_name')}" if row.text("inst_name") else "",
        )
        if part
    )
    phone = row.text("member_phone")
    registered = row.read("register_date", parse_date)
    if registered is None and "register_date" not in {p.column for p in row.problems}:
        registered = row.read("member_since_date", parse_date)
    return MemberInput(
        name=name,
        gender=row.read("gender", lambda v: parse_gender(v, slims=True), ""),
        birth_date=row.read("birth_date", parse_date),
        address=address,
        phone=None if phone in ("", "-", "0") else phone,
        member_type=slims_member_type(row.raw("member_type_name")),
        registered_on=registered,
        expires_on=row.read("expire_date", parse_date),
        nik=_slims_nik(row.raw("pin")),
        notes=notes,
        consent_given=True,  # confirmed for the whole file by the operator, see import_members
        member_no=number or None,
    )


def _service_problem(
    row_number: int, exc: ValidationError, layout: Layout, member: MemberInput
) -> Problem:
    fields = _TEMPLATE_FIELDS if layout is Layout.TEMPLATE else _SLIMS_FIELDS
    name = exc.field or ""
    if layout is Layout.SLIMS and name == "guardian":
        return Problem(row_number, "birth_date", _M_SLIMS_CHILD)
    column = fields.get(name, name)
    if name == "guardian" and member.guardian_name and not member.guardian_consent:
        column = "persetujuan_wali"
    if name in ("rt", "rw"):
        column = name
    return Problem(row_number, column, exc.message, dict(exc.params))


def check_file(
    db: Database,
    user: User,
    path: Path | str,
    progress: Progress | None = None,
    now: Callable[[], datetime] = utcnow,
) -> ImportReport:
    """Read and check every row; raises FileRefused for a file that cannot be imported."""
    progress = progress or Progress()
    path = Path(path)
    table = read_table(path)
    progress.check()
    service = MemberService(db, user, now)
    try:
        taken = {str(number) for (number,) in service.conn.execute("SELECT member_no FROM member")}
        rows: list[ImportRow] = []
        first_row: dict[str, int] = {}
        total = len(table.lines)
        number_column = "nomor_anggota" if table.layout is Layout.TEMPLATE else "member_id"
        for index, (number, cells) in enumerate(table.lines):
            if index % 50 == 0:
                progress.check()
                progress.update(index, total)
            row = _Row(number, table.columns, cells)
            member = (
                _template_member(row) if table.layout is Layout.TEMPLATE else _slims_member(row)
            )
            if not row.problems:
                try:
                    service.validate(member)
                except ValidationError as exc:
                    row.problems.append(_service_problem(number, exc, table.layout, member))
            member_no = (member.member_no or "").strip()
            if member_no:
                if member_no in first_row:
                    row.problems.append(
                        Problem(
                            number,
                            number_column,
                            _M_DUPLICATE,
                            {"number": member_no, "other": first_row[member_no]},
                        )
                    )
                else:
                    first_row[member_no] = number
                if member_no in taken:
                    row.problems.append(
                        Problem(number, number_column, _M_TAKEN, {"number": member_no})
                    )
            rows.append(ImportRow(number, member, tuple(row.problems)))
        progress.update(total, total)
    finally:
        service.close()
    return ImportReport(path, table.layout, table.header_row, tuple(rows))


def import_members(
    db: Database,
    user: User,
    report: ImportReport,
    *,
    skip_invalid: bool = False,
    consent_collected: bool = False,
    progress: Progress | None = None,
    now: Callable[[], datetime] = utcnow,
) -> ImportResult:
    """Register the report's valid rows in one transaction; nothing at all on any failure."""
    progress = progress or Progress()
    if report.needs_consent_confirmation and not consent_collected:
        raise KnownError(_SLIMS_CONSENT_MISSING)
    invalid = report.invalid_rows
    if invalid and not skip_invalid:
        raise KnownError(_BAD_ROWS, count=len(invalid))
    members = [row.member for row in report.valid_rows if row.member is not None]
    if not members:
        raise KnownError(_NOTHING_VALID)
    progress.check()
    progress.update(0, 0)  # one transaction: no steps to count
    service = MemberService(db, user, now)
    try:
        views = service.register_many(members)
    finally:
        service.close()
    progress.update(len(views), len(views))
    return ImportResult(len(views), len(invalid), tuple(view.id for view in views))


def report_lines(
    report: ImportReport, translate: Callable[[str, str], str] | None = None
) -> Iterator[str]:
    """The problems as lines of text (``Row 3, tanggal_lahir: ...``)."""
    for problem in report.problems:
        yield problem.line(translate)
