"""Members (anggota): registration with consent, numbers, search, history and the data subject's rights.

UU 27/2022 (personal data protection): nobody becomes a member without their
consent, given after the purpose and retention text (:data:`CONSENT_TEXT`) was
shown; a child (under 18 on the registration day) also needs a parent's or
guardian's name and consent. When and by which staff member consent was
recorded is kept with the member. The person may have everything held about
them exported to a file (:meth:`MemberService.export_data`) and may be erased
(:meth:`MemberService.erase`): the name, address, phone, birth date, NIK, photo,
guardian and notes are wiped, while their visits and loans stay, with gender
and age band, so that the statistics do not change.

Reads (search as you type, the detail panel) run on a light ``sqlite3``
connection; writes go through :class:`app.db.uow.UnitOfWork`, imported lazily
so that the members page does not load SQLAlchemy at start-up.

Member numbers are ``YEAR-SEQUENCE`` (``2026-0001``), per library, and never
handed out twice: the next number is above every number of that year in the
table (erased and deleted members keep theirs) and above a high-water mark
kept in the settings, so a number changed by hand is not reused either.
Phone numbers are checked with lokal-id and stored in the national form
without separators (``081234567890``), which is what a librarian types.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import codes
from app.core.auth import Permission, User
from app.core.clock import ZONES, from_db, to_db, utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.library import get_region, read_profile
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database, storage_error

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

CONSENT_TEXT = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "To run your membership and loans, this library keeps on its own computer: your name, "
    "gender, date of birth, address, phone number, occupation and education, and, if you "
    "give them, your NIK and photo (for a child: the parent's or guardian's name too). "
    "They are never sent to the national server; only counts (by gender and age group) "
    "are. They are kept while you are a member. You may ask at any time to see them, to "
    "get a copy, or to have them erased.",
)
"""The purpose and retention, shown before consent is asked (English source)."""

ERASED_NAME = "(dihapus)"
PHOTO_FOLDER = "photos"
PHOTO_MAX_BYTES = 2 * 1024 * 1024
_PICTURE_STARTS = {b"\xff\xd8\xff": (".jpg", ".jpeg"), b"\x89PNG\r\n\x1a\n": (".png",)}


def check_photo(path: Path) -> Path:
    """A member's photo must be a JPEG or PNG picture of at most 2 MB."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(8)
    except OSError:
        raise _invalid(
            QT_TRANSLATE_NOOP("PerpusDesa", "The photo {path} could not be opened."),
            "photo_path",
            path=str(path),
        ) from None
    kinds = [suffixes for magic, suffixes in _PICTURE_STARTS.items() if start.startswith(magic)]
    if not kinds or path.suffix.lower() not in kinds[0]:
        raise _invalid(
            QT_TRANSLATE_NOOP("PerpusDesa", "The photo must be a JPEG or PNG picture."),
            "photo_path",
        )
    if size > PHOTO_MAX_BYTES:
        raise _invalid(
            QT_TRANSLATE_NOOP("PerpusDesa", "The photo is larger than 2 MB. Choose a smaller one."),
            "photo_path",
        )
    return path


MAX_AGE = 120
ADULT_AGE = 18
NAME_MAX = 200
SEARCH_LIMIT = 50
_NUMBER_MARK = "member_no_last"  # setting: {"2026": 17, ...}, the highest number given per year
_NUMBER_RE = re.compile(r"^(\d{4})-(\d+)$")
_RT_RW_RE = re.compile(r"^\d{1,3}$")


# --- what callers see ---------------------------------------------------------------


@dataclass(frozen=True)
class MemberInput:
    """What the member form (or an import row) gives; ``None`` numbers are generated."""

    name: str
    gender: str
    birth_date: date | None
    address: str = ""
    rt: str | None = None
    rw: str | None = None
    village_code: str | None = None
    phone: str | None = None
    occupation: str | None = None
    education: str | None = None
    member_type: str = "umum"
    registered_on: date | None = None  # None: today (register) or unchanged (update)
    expires_on: date | None = None  # None: registered_on + membership_months, or unchanged
    nik: str | None = None
    notes: str = ""
    photo_path: str | None = None
    consent_given: bool = False  # the person agreed, after the purpose and retention text was shown
    guardian_name: str | None = None
    guardian_consent: bool = False  # required when under 18 on registered_on
    member_no: str | None = None  # None = generate (register) or unchanged (update)


@dataclass(frozen=True)
class MemberView:
    id: str
    member_no: str
    name: str
    gender: str
    birth_date: date | None
    age_band: str | None
    address: str
    rt: str | None
    rw: str | None
    village_code: str | None
    village_name: str | None
    phone: str | None
    occupation: str | None
    education: str | None
    member_type: str
    registered_on: date
    expires_on: date | None
    active: bool
    consent_at: datetime
    consent_by_name: str
    guardian_name: str | None
    guardian_consent_at: datetime | None
    notes: str
    erased: bool
    nik: str | None = None
    photo_path: str | None = None

    def expired(self, today: date) -> bool:
        return self.expires_on is not None and self.expires_on < today


@dataclass(frozen=True)
class SearchHit:
    id: str
    member_no: str
    name: str
    village_name: str | None
    phone: str | None
    active: bool
    expires_on: date | None


@dataclass(frozen=True)
class VisitLine:
    visited_at: datetime  # aware UTC
    purposes: tuple[str, ...]


@dataclass(frozen=True)
class LoanLine:
    title: str
    barcode: str
    loaned_at: datetime  # aware UTC
    due_on: date
    returned_at: datetime | None


@dataclass(frozen=True)
class MemberHistory:
    """Newest first; at most ``limit`` lines each, with the full counts."""

    visits: tuple[VisitLine, ...]
    loans: tuple[LoanLine, ...]
    visit_count: int
    loan_count: int


# --- pure helpers ---------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def local_phone(text: str) -> str | None:
    """A phone number checked by lokal-id, as ``08...`` digits; None when invalid."""
    from lokal import normalize_phone

    e164 = normalize_phone(text)
    if e164 is None:
        return None
    return "0" + e164[3:] if e164.startswith("+62") else e164


def fts_query(text: str) -> str | None:
    """An FTS5 prefix query for what was typed: every word must match the start of a word.

    Each word becomes a quoted FTS5 string with ``*`` (so user input is never
    FTS syntax). A number typed as ``+62812`` also looks for ``0812``; digits
    typed without the dash of a member number (``20260001``) also look for
    ``2026-0001``.
    """
    parts = []
    for word in text.split():
        if not any(c.isalnum() for c in word):
            continue
        options = [word]
        digits = word.lstrip("+").replace("-", "")
        if digits.isdigit():
            if digits.startswith("62") and len(digits) > 2:
                options.append("0" + digits[2:])
            if len(digits) > 4 and digits[0] in "12" and "-" not in word:
                options.append(f"{digits[:4]}-{digits[4:]}")
        quoted = ['"' + option.replace('"', '""') + '"*' for option in options]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts) or None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _invalid(message: str, field_name: str, **params: Any) -> ValidationError:
    return ValidationError(message, field=field_name, **params)


# --- the service --------------------------------------------------------------------

_VIEW_SQL = (
    "SELECT m.id, m.member_no, m.name, m.gender, m.birth_date, m.address, m.rt, m.rw,"
    " m.village_code, m.village_name, m.phone, m.occupation, m.education, m.member_type,"
    " m.registered_on, m.expires_on, m.active, m.consent_at, m.consent_by, m.guardian_name,"
    " m.guardian_consent_at, m.notes, m.erased_at, m.nik, m.photo_path,"
    " coalesce(u.full_name, '') AS consent_by_name"
    " FROM member m LEFT JOIN staff_user u ON u.id = m.consent_by"
)
_HIT_SQL = "SELECT m.id, m.member_no, m.name, m.village_name, m.phone, m.active, m.expires_on"


@dataclass
class _Clean:
    """Checked and normalised member fields, ready for the Member record."""

    checked: MemberInput
    values: dict[str, Any] = field(default_factory=dict)
    guardian: bool = False  # a guardian's consent is part of this registration
    explicit_no: bool = False
    photo_source: Path | None = None  # a picture to copy into the data folder


class MemberService:
    """Members of this library for one logged-in staff member."""

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
        self._library_id: str | None = None

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
        self._read_profile()
        assert self._zone is not None
        return self.now().astimezone(ZONES[self._zone]).date()

    def _read_profile(self) -> None:
        if self._zone is None:
            profile = read_profile(self.conn)
            self._zone = profile.time_zone if profile else "WIB"
            self._library_id = profile.id if profile else None

    @property
    def library_id(self) -> str:
        """Member numbers are unique per library: the index to look them up starts with it."""
        self._read_profile()
        if self._library_id is None:
            raise KnownError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet.")
            )
        return self._library_id

    def _local(self, moment: datetime) -> datetime:
        self.today()
        assert self._zone is not None
        return moment.astimezone(ZONES[self._zone])

    def age_bands(self) -> tuple[codes.AgeBand, ...]:
        return codes.age_bands(Settings(self.conn).get("age_bands"))

    def membership_months(self) -> int:
        value = Settings(self.conn).get("membership_months")
        return value if isinstance(value, int) and value >= 0 else 12

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))

    # --- checking input ----------------------------------------------------------------

    def validate(self, data: MemberInput, *, current: MemberView | None = None) -> MemberInput:
        """``data`` checked and normalised, or a ValidationError naming the first bad field.

        ``current`` is the member being changed (None for a new one). The member
        number's uniqueness is checked when saving, inside the write transaction.
        """
        return self._clean(data, current).checked

    def _clean(self, data: MemberInput, current: MemberView | None) -> _Clean:
        today = self.today()
        out = _Clean(data)
        v = out.values
        if not data.consent_given:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The member must agree to how their data are kept before they can be saved.",
                ),
                "consent",
            )
        name = " ".join(data.name.split())
        if not name:
            raise _invalid(QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the member's name."), "name")
        if len(name) > NAME_MAX:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "The name is too long (at most {max} characters)."),
                "name",
                max=NAME_MAX,
            )
        v["name"] = name
        if data.gender not in codes.codes(codes.GENDERS):
            raise _invalid(QT_TRANSLATE_NOOP("PerpusDesa", "Choose male or female."), "gender")
        v["gender"] = data.gender

        registered = data.registered_on or (current.registered_on if current else today)
        if registered > today:
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "The registration date cannot be in the future."),
                "registered_on",
            )
        v["registered_on"] = registered
        birth = data.birth_date
        if birth is not None:
            if birth > today:
                raise _invalid(
                    QT_TRANSLATE_NOOP("PerpusDesa", "The date of birth cannot be in the future."),
                    "birth_date",
                )
            if codes.age_on(birth, today) > MAX_AGE:
                raise _invalid(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "The date of birth is more than {max} years ago. Check the year.",
                    ),
                    "birth_date",
                    max=MAX_AGE,
                )
            if birth > registered:
                raise _invalid(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "The date of birth is after the registration date."
                    ),
                    "birth_date",
                )
        v["birth_date"] = birth

        if data.member_type not in codes.codes(codes.MEMBER_TYPES):
            raise _invalid(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the member type."), "member_type"
            )
        v["member_type"] = data.member_type

        minor = (
            codes.age_on(birth, registered) < ADULT_AGE
            if birth is not None
            else data.member_type == "anak"
        )
        guardian_name = " ".join((data.guardian_name or "").split()) or None
        if minor and (guardian_name is None or not data.guardian_consent):
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "A member under 18 needs the name and the consent of a parent or guardian.",
                ),
                "guardian",
            )
        if guardian_name is not None and len(guardian_name) > NAME_MAX:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The guardian's name is too long (at most {max} characters)."
                ),
                "guardian",
                max=NAME_MAX,
            )
        if guardian_name is not None and not data.guardian_consent:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Tick that the parent or guardian agrees, or leave their name out.",
                ),
                "guardian",
            )
        v["guardian_name"] = guardian_name
        out.guardian = guardian_name is not None

        v["address"] = data.address.strip()
        for key in ("rt", "rw"):
            raw = (getattr(data, key) or "").strip()
            if not raw:
                v[key] = None
            elif not _RT_RW_RE.match(raw):
                raise _invalid(
                    QT_TRANSLATE_NOOP("PerpusDesa", "RT and RW are numbers of up to 3 digits."),
                    key,
                )
            else:
                v[key] = f"{int(raw):03d}"

        village = (data.village_code or "").strip() or None
        v["village_code"] = village
        v["village_name"] = None
        if village is not None:
            region = get_region(village)
            if region is None or region.level != 4:
                raise _invalid(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "The village {code} is not in the official list of regions."
                    ),
                    "village_code",
                    code=village,
                )
            v["village_name"] = region.name

        phone_text = (data.phone or "").strip()
        v["phone"] = None
        if phone_text:
            phone = local_phone(phone_text)
            if phone is None:
                raise _invalid(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "The phone number {phone} is not valid. Type it like 081234567890.",
                    ),
                    "phone",
                    phone=phone_text,
                )
            v["phone"] = phone

        nik = (data.nik or "").strip() or None
        if nik is not None:
            from lokal import is_valid_nik

            if not (len(nik) == 16 and nik.isdigit() and is_valid_nik(nik)):
                raise _invalid(
                    QT_TRANSLATE_NOOP("PerpusDesa", "The NIK must be the 16 digits on the KTP."),
                    "nik",
                )
        v["nik"] = nik

        lists = (
            (
                "occupation",
                codes.OCCUPATIONS,
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose an occupation from the list."),
            ),
            (
                "education",
                codes.EDUCATION,
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose an education level from the list."),
            ),
        )
        for key, allowed, message in lists:
            value = (getattr(data, key) or "").strip() or None
            kept = current is not None and value == getattr(current, key)  # older free text
            if value is not None and value not in codes.codes(allowed) and not kept:
                raise _invalid(message, key)
            v[key] = value

        if data.expires_on is not None:
            expires: date | None = data.expires_on
        elif current is not None:
            expires = current.expires_on
        else:
            months = self.membership_months()
            expires = add_months(registered, months) if months else None
        if expires is not None and expires < registered:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The membership cannot end before the registration date."
                ),
                "expires_on",
            )
        v["expires_on"] = expires

        number = (data.member_no or "").strip() or None
        if number is not None:
            if len(number) > 30 or not all(c.isalnum() or c in "-./" for c in number):
                raise _invalid(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "A member number may have up to 30 letters, digits, dashes, dots or slashes.",
                    ),
                    "member_no",
                )
            v["member_no"] = number
            out.explicit_no = current is None or number != current.member_no
        elif current is not None:
            v["member_no"] = current.member_no
        v["notes"] = data.notes.strip()
        photo = (data.photo_path or "").strip() or None
        if photo is not None and (current is None or photo != current.photo_path):
            out.photo_source = check_photo(Path(photo))
            photo = None  # set to the copy in the data folder when it is written
        v["photo_path"] = photo
        out.checked = replace(
            data,
            name=name,
            address=v["address"],
            rt=v["rt"],
            rw=v["rw"],
            village_code=village,
            phone=v["phone"],
            occupation=v["occupation"],
            education=v["education"],
            registered_on=registered,
            expires_on=expires,
            nik=nik,
            notes=v["notes"],
            photo_path=v["photo_path"],
            guardian_name=guardian_name,
            member_no=v.get("member_no"),
        )
        return out

    # --- numbers ------------------------------------------------------------------------

    def next_member_no(self, on: date | None = None) -> str:
        """The number the next member registered on ``on`` (default today) would get."""
        year = (on or self.today()).year
        return _format_no(year, self._last_number(self.conn, self.library_id, year) + 1)

    @staticmethod
    def _last_number(conn: sqlite3.Connection, library_id: str, year: int) -> int:
        prefix = f"{year}-"
        found = 0
        for (number,) in conn.execute(
            "SELECT member_no FROM member"
            " WHERE library_id = ? AND member_no >= ? AND member_no < ?",
            (library_id, prefix, f"{year}."),  # '.' sorts right after '-'
        ):
            match = _NUMBER_RE.match(number)
            if match:
                found = max(found, int(match.group(2)))
        mark = Settings(conn).get(_NUMBER_MARK)
        if isinstance(mark, dict) and isinstance(mark.get(str(year)), int):
            found = max(found, mark[str(year)])
        return found

    # --- writing ------------------------------------------------------------------------

    def register(self, data: MemberInput) -> MemberView:
        """Save a new member (Permission.RECORD); nothing is written on bad input."""
        return self.register_many([data])[0]

    def register_many(self, rows: Sequence[MemberInput]) -> list[MemberView]:
        """Save several new members in one transaction: all of them, or none.

        Every row is checked before anything is written; the first bad row's
        ValidationError is raised (an importer checks rows one by one with
        :meth:`validate` first to list them all).
        """
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not register members."),
        )
        cleaned = [self._clean(row, None) for row in rows]
        ids = self._write_new(cleaned)
        return [self.get(member_id) for member_id in ids]

    def _write_new(self, cleaned: list[_Clean]) -> list[str]:
        from app.db.models import Member

        now = self.now()
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            explicit = [c.values["member_no"] for c in cleaned if c.explicit_no]
            self._check_numbers_free(raw, uow.library_id, explicit)
            last: dict[int, int] = {}
            for c in cleaned:
                if "member_no" in c.values:
                    continue
                year = c.values["registered_on"].year
                if year not in last:
                    last[year] = self._last_number(raw, uow.library_id, year)
                    for number in explicit:  # an imported number of the same form counts too
                        match = _NUMBER_RE.match(number)
                        if match and int(match.group(1)) == year:
                            last[year] = max(last[year], int(match.group(2)))
                last[year] += 1
                c.values["member_no"] = _format_no(year, last[year])
            if last:
                self._raise_mark(raw, last)
            copied: list[Path] = []
            try:
                records = []
                for c in cleaned:
                    member_id = uuid7()
                    if c.photo_source is not None:
                        c.values["photo_path"] = self._store_photo(c.photo_source, member_id)
                        copied.append(self.db.data_dir / c.values["photo_path"])
                    records.append(
                        uow.add(
                            Member(
                                id=member_id,
                                **c.values,
                                consent_at=now,
                                consent_by=self.actor.id,
                                guardian_consent_at=now if c.guardian else None,
                                active=True,
                            )
                        )
                    )
                uow.flush()
            except BaseException:
                for path in copied:  # the members were not saved: neither are their photos
                    path.unlink(missing_ok=True)
                raise
            return [record.id for record in records]

    def _check_numbers_free(
        self, conn: sqlite3.Connection, library_id: str, numbers: list[str]
    ) -> None:
        seen: set[str] = set()
        for number in numbers:
            if number in seen:
                raise _number_taken(number)
            seen.add(number)
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            marks = ",".join("?" * len(chunk))
            row = conn.execute(
                "SELECT member_no FROM member"
                f" WHERE library_id = ? AND member_no IN ({marks}) LIMIT 1",
                [library_id, *chunk],
            ).fetchone()
            if row is not None:
                raise _number_taken(row[0])

    def _raise_mark(self, conn: sqlite3.Connection, last: dict[int, int]) -> None:
        settings = Settings(conn)
        mark = settings.get(_NUMBER_MARK)
        mark = dict(mark) if isinstance(mark, dict) else {}
        for year, number in last.items():
            mark[str(year)] = max(int(mark.get(str(year), 0)), number)
        settings.set(_NUMBER_MARK, mark)

    def update(self, member_id: str, data: MemberInput) -> MemberView:
        """Change a member's data (Permission.EDIT); consent as recorded at registration stays."""
        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change members' data."),
        )
        current = self.get(member_id)
        if current.erased:
            raise _erased()
        c = self._clean(data, current)
        values = c.values
        if c.photo_source is not None:
            values["photo_path"] = self._store_photo(c.photo_source, member_id)
        with self._uow() as uow:
            record = self._record(uow, member_id)
            if c.explicit_no:
                self._check_numbers_free(
                    uow.dbapi_connection(), uow.library_id, [values["member_no"]]
                )
            for key, value in values.items():
                if getattr(record, key) != value:
                    setattr(record, key, value)
            if c.guardian and record.guardian_consent_at is None:
                record.guardian_consent_at = self.now()
        return self.get(member_id)

    def renew(self, member_id: str) -> MemberView:
        """Extend the membership by ``membership_months`` from today or the current end,
        whichever is later (Permission.RECORD). With 0 months the membership never ends."""
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not renew memberships."),
        )
        months = self.membership_months()
        today = self.today()
        with self._uow() as uow:
            record = self._record(uow, member_id)
            if record.erased_at is not None:
                raise _erased()
            if months == 0:
                new_end = None
            else:
                start = max(today, record.expires_on) if record.expires_on else today
                new_end = add_months(start, months)
            if record.expires_on != new_end:
                record.expires_on = new_end
        return self.get(member_id)

    def deactivate(self, member_id: str) -> MemberView:
        """The member left or may no longer borrow (Permission.EDIT); their data stay."""
        return self._set_active(member_id, False)

    def reactivate(self, member_id: str) -> MemberView:
        return self._set_active(member_id, True)

    def _set_active(self, member_id: str, active: bool) -> MemberView:
        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change members' data."),
        )
        with self._uow() as uow:
            record = self._record(uow, member_id)
            if record.erased_at is not None:
                raise _erased()
            if record.active != active:
                record.active = active
                record.deactivated_at = None if active else self.now()
        return self.get(member_id)

    def erase(self, member_id: str) -> None:
        """Wipe a member's personal data at their request (Permission.DELETE).

        Name becomes ``(dihapus)``; phone, address, RT/RW, NIK, birth date, photo,
        guardian and notes are cleared. Visits and loans stay; a visit that
        lacks the gender or age band gets them first (from the birth date on the
        day of the visit), so the statistics keep gender, age band and counts.
        The member can no longer be found by search or by number; the number is
        never given to anyone else. A photo file inside the data folder is deleted.
        """
        from sqlalchemy import or_, select

        from app.db.models import Visit

        self._require(
            Permission.DELETE,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not erase members."),
        )
        bands = self.age_bands()
        photo: str | None = None
        with self._uow() as uow:
            record = self._record(uow, member_id)
            if record.erased_at is not None:
                return
            birth = record.birth_date
            visits = uow.session.scalars(
                select(Visit).where(
                    Visit.member_id == member_id,
                    or_(Visit.gender.is_(None), Visit.age_band.is_(None)),
                )
            )
            for visit in visits:
                if visit.gender is None:
                    visit.gender = record.gender
                if visit.age_band is None and birth is not None:
                    day = self._local(visit.visited_at).date()
                    visit.age_band = codes.age_band_for(codes.age_on(birth, day), bands)
            photo = record.photo_path
            cleared: dict[str, Any] = {
                "name": ERASED_NAME,
                "phone": None,
                "address": "",
                "rt": None,
                "rw": None,
                "nik": None,
                "birth_date": None,
                "photo_path": None,
                "guardian_name": None,
                "notes": "",
                "active": False,
            }
            for key, value in cleared.items():
                if getattr(record, key) != value:
                    setattr(record, key, value)
            now = self.now()
            if record.deactivated_at is None:
                record.deactivated_at = now
            record.erased_at = now
        if photo:
            self._remove_photo(Path(photo))

    def _store_photo(self, source: Path, member_id: str) -> str:
        """Copy a checked picture to ``photos/<member id>.<ext>`` in the data folder,
        so that backups carry it; returns that path relative to the data folder."""
        folder = self.db.data_dir / PHOTO_FOLDER
        target = folder / f"{member_id}{source.suffix.lower()}"
        partial = target.with_name(target.name + ".part")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise storage_error(exc, folder) from exc
        return f"{PHOTO_FOLDER}/{target.name}"

    def _remove_photo(self, path: Path) -> None:
        if not path.is_absolute():
            path = self.db.data_dir / path
        try:
            inside = path.resolve().is_relative_to(self.db.data_dir.resolve())
        except OSError:
            return
        if inside:
            path.unlink(missing_ok=True)

    def _record(self, uow: UnitOfWork, member_id: str) -> Any:
        from app.db.models import Member

        record = uow.get(Member, member_id)
        if record is None or record.deleted_at is not None:
            raise _missing()
        return record

    # --- reading ------------------------------------------------------------------------

    def _view(self, row: sqlite3.Row) -> MemberView:
        birth = _date(row["birth_date"])
        band = None
        if birth is not None:
            band = codes.age_band_for(codes.age_on(birth, self.today()), self.age_bands())
        consent_at = from_db(row["consent_at"])
        assert consent_at is not None
        return MemberView(
            id=row["id"],
            member_no=row["member_no"],
            name=row["name"],
            gender=row["gender"],
            birth_date=birth,
            age_band=band,
            address=row["address"] or "",
            rt=row["rt"],
            rw=row["rw"],
            village_code=row["village_code"],
            village_name=row["village_name"],
            phone=row["phone"],
            occupation=row["occupation"],
            education=row["education"],
            member_type=row["member_type"],
            registered_on=_date(row["registered_on"]) or date.min,
            expires_on=_date(row["expires_on"]),
            active=bool(row["active"]),
            consent_at=consent_at,
            consent_by_name=row["consent_by_name"],
            guardian_name=row["guardian_name"],
            guardian_consent_at=from_db(row["guardian_consent_at"]),
            notes=row["notes"] or "",
            erased=row["erased_at"] is not None,
            nik=row["nik"],
            photo_path=row["photo_path"],
        )

    def get(self, member_id: str) -> MemberView:
        row = self.conn.execute(
            _VIEW_SQL + " WHERE m.id = ? AND m.deleted_at IS NULL", (member_id,)
        ).fetchone()
        if row is None:
            raise _missing()
        return self._view(row)

    def get_by_no(self, member_no: str) -> MemberView | None:
        """The member with this number (as printed or scanned); None if unknown or erased.

        Digits scanned without the dash (``20260001``) find ``2026-0001`` too.
        """
        number = member_no.strip()
        if not number:
            return None
        tries = [number]
        if number.isdigit() and len(number) > 4:
            tries.append(f"{number[:4]}-{number[4:]}")
        for candidate in tries:
            row = self.conn.execute(
                _VIEW_SQL + " WHERE m.library_id = ? AND m.member_no = ?"
                " AND m.deleted_at IS NULL AND m.erased_at IS NULL",
                (self.library_id, candidate),
            ).fetchone()
            if row is not None:
                return self._view(row)
        return None

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Members whose number, name, phone or village start with what was typed.

        Every word typed must match the start of a word; newest members first,
        an exact member number before everything. Empty text: the newest members.
        Erased and deleted members are never found.
        """
        query = fts_query(text)
        live = "m.deleted_at IS NULL AND m.erased_at IS NULL"
        if query is None:
            rows = self.conn.execute(
                f"{_HIT_SQL} FROM member m WHERE {live} ORDER BY m.rowid DESC LIMIT ?", (limit,)
            ).fetchall()
            return [_hit(row) for row in rows]
        hits: list[SearchHit] = []
        exact = self.get_by_no(text) if len(text.split()) == 1 else None
        if exact is not None:
            hits.append(
                SearchHit(
                    exact.id,
                    exact.member_no,
                    exact.name,
                    exact.village_name,
                    exact.phone,
                    exact.active,
                    exact.expires_on,
                )
            )
        try:
            rows = self.conn.execute(
                f"{_HIT_SQL} FROM member_fts f JOIN member m ON m.rowid = f.rowid"
                f" WHERE member_fts MATCH ? AND {live} ORDER BY f.rowid DESC LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:  # a query FTS5 cannot parse: nothing matches
            rows = []
        seen = {hit.id for hit in hits}
        hits.extend(_hit(row) for row in rows if row["id"] not in seen)
        return hits[:limit]

    def active_ids(self) -> list[str]:
        """Every active member (not erased or deleted), by number: for printing all cards."""
        rows = self.conn.execute(
            "SELECT id FROM member WHERE deleted_at IS NULL AND erased_at IS NULL AND active = 1"
            " ORDER BY member_no"
        )
        return [row[0] for row in rows]

    def history(self, member_id: str, limit: int = 500) -> MemberHistory:
        """Visits (when, purposes) and loans (title, lent, due, returned), newest first."""
        self.get(member_id)
        return MemberHistory(
            visits=tuple(self._visits(member_id, limit)),
            loans=tuple(self._loans(member_id, limit)),
            visit_count=int(
                self.conn.execute(
                    "SELECT count(*) FROM visit WHERE member_id = ? AND deleted_at IS NULL",
                    (member_id,),
                ).fetchone()[0]
            ),
            loan_count=int(
                self.conn.execute(
                    "SELECT count(*) FROM loan WHERE member_id = ? AND deleted_at IS NULL",
                    (member_id,),
                ).fetchone()[0]
            ),
        )

    def _visits(self, member_id: str, limit: int | None) -> Iterable[VisitLine]:
        rows = self.conn.execute(
            "SELECT visited_at, purposes FROM visit WHERE member_id = ? AND deleted_at IS NULL"
            " ORDER BY visited_at DESC LIMIT ?",
            (member_id, -1 if limit is None else limit),
        )
        for row in rows:
            visited = from_db(row["visited_at"])
            assert visited is not None
            purposes = json.loads(row["purposes"]) if row["purposes"] else []
            yield VisitLine(visited, tuple(str(p) for p in purposes))

    def _loans(self, member_id: str, limit: int | None) -> Iterable[LoanLine]:
        rows = self.conn.execute(
            "SELECT t.title, i.barcode, l.loaned_at, l.due_on, l.returned_at"
            " FROM loan l JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id"
            " WHERE l.member_id = ? AND l.deleted_at IS NULL"
            " ORDER BY l.loaned_at DESC LIMIT ?",
            (member_id, -1 if limit is None else limit),
        )
        for row in rows:
            loaned = from_db(row["loaned_at"])
            due = _date(row["due_on"])
            assert loaned is not None and due is not None
            yield LoanLine(row["title"], row["barcode"], loaned, due, from_db(row["returned_at"]))

    # --- the data subject's rights -----------------------------------------------------

    def export_data(
        self, member_id: str, path: Path, translate: Callable[[str], str] | None = None
    ) -> Path:
        """Everything held about one person, as readable UTF-8 JSON (Permission.EDIT).

        The member's record with the consent, every visit and every loan. The
        export is written to the audit log (who exported whose data, when).
        ``translate`` turns the purpose text into the user's language.
        """
        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not export members' data."),
        )
        member = self.get(member_id)
        profile = read_profile(self.conn)

        def stamp(moment: datetime | None) -> str | None:
            return None if moment is None else self._local(moment).isoformat(timespec="seconds")

        def day(value: date | None) -> str | None:
            return None if value is None else value.isoformat()

        document = {
            "format": "perpusdesa-member-data/1",
            "exported_at": stamp(self.now()),
            "exported_by": self.actor.full_name,
            "library": None
            if profile is None
            else {
                "name": profile.name,
                "region_code": profile.region_code,
                "address": profile.address,
            },
            "purpose_and_retention": translate(CONSENT_TEXT) if translate else CONSENT_TEXT,
            "member": {
                "member_no": member.member_no,
                "name": member.name,
                "gender": member.gender,
                "birth_date": day(member.birth_date),
                "age_band": member.age_band,
                "nik": member.nik,
                "address": member.address,
                "rt": member.rt,
                "rw": member.rw,
                "village_code": member.village_code,
                "village_name": member.village_name,
                "phone": member.phone,
                "occupation": member.occupation,
                "education": member.education,
                "member_type": member.member_type,
                "registered_on": day(member.registered_on),
                "expires_on": day(member.expires_on),
                "active": member.active,
                "photo_path": member.photo_path,
                "notes": member.notes,
                "erased": member.erased,
            },
            "consent": {
                "given_at": stamp(member.consent_at),
                "recorded_by": member.consent_by_name,
                "guardian_name": member.guardian_name,
                "guardian_consent_at": stamp(member.guardian_consent_at),
            },
            "visits": [
                {"visited_at": stamp(v.visited_at), "purposes": list(v.purposes)}
                for v in self._visits(member_id, None)
            ],
            "loans": [
                {
                    "title": loan.title,
                    "barcode": loan.barcode,
                    "loaned_at": stamp(loan.loaned_at),
                    "due_on": day(loan.due_on),
                    "returned_at": stamp(loan.returned_at),
                }
                for loan in self._loans(member_id, None)
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        try:
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise KnownError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The file {path} could not be written: {reason}"),
                path=str(target),
                reason=exc.strerror or str(exc),
            ) from exc
        self.conn.execute(
            "INSERT INTO audit_entry (at, user_id, username, action, table_name, record_id, detail)"
            " VALUES (?, ?, ?, 'export', 'member', ?, ?)",
            (to_db(self.now()), self.actor.id, self.actor.username, member_id, "{}"),
        )
        return target


def _format_no(year: int, number: int) -> str:
    return f"{year}-{number:04d}"


def _hit(row: sqlite3.Row) -> SearchHit:
    return SearchHit(
        row["id"],
        row["member_no"],
        row["name"],
        row["village_name"],
        row["phone"],
        bool(row["active"]),
        _date(row["expires_on"]),
    )


def _number_taken(number: str) -> ValidationError:
    return _invalid(
        QT_TRANSLATE_NOOP("PerpusDesa", "The member number {number} is already in use."),
        "member_no",
        number=number,
    )


def _missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This member no longer exists."))


def _erased() -> KnownError:
    return KnownError(
        QT_TRANSLATE_NOOP("PerpusDesa", "This member's data were erased; nothing can be changed.")
    )
