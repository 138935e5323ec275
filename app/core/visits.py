"""The guestbook (Buku Tamu): member, guest and group visits, and the day's totals.

Every visit is one ``visit`` record that the monthly summary and the national
statistics add up, so each row carries its headcounts: an individual visit is
``count_male``/``count_female`` 1/0 (or 0/1) and ``age_counts`` ``{band: 1}``,
a group (rombongan) its own numbers. A member visit stores the member's id,
gender and age band on the day of the visit, never the name; the desk looks
the name up for display only.

Days and months are the library's own (WIB, WITA or WIT, from its region):
a visit at 23:59 WIB on 31 October belongs to October.

Writes go through :class:`app.db.uow.UnitOfWork` (audit and outbox included);
bad input raises :class:`ValidationError` naming the field, and nothing is
written. Saving one visit is on the librarian's critical path (a queue at the
desk, a scanner): :meth:`VisitService.record` reads what it needs with a few
plain statements inside the write transaction, and writes one record.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Self

from app.core import codes
from app.core.auth import Permission, User
from app.core.clock import ZONES, from_db, to_db, utcnow, zone_for_region
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.library import Region, get_region, list_regions
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

KINDS = ("member", "guest", "group")

# A clock a few minutes fast (or a visit typed as it happens) is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=5)
MAX_GROUP_SIZE = 1000  # more is a typing slip (or an activity, not a visit)
MAX_NAME = 200
MAX_PHONE = 20
MAX_NOTES = 2000
ANONYMISE_BATCH = 500  # visits per transaction when names are removed


# --- what callers hand in and get back ----------------------------------------


@dataclass(frozen=True)
class VisitInput:
    """One guestbook line as typed at the desk or the kiosk."""

    kind: str  # "member" | "guest" | "group"
    visited_at: datetime | None = None  # aware; None = now
    member_no: str | None = None  # kind member
    guest_name: str | None = None  # kind guest, optional
    gender: str | None = None  # "L"/"P"; member: taken from the member; guest: required
    age_band: str | None = None  # guest: required; member: from the birth date if known
    occupation: str | None = None  # a code of codes.OCCUPATIONS (guest)
    origin_village_code: str | None = None  # a desa of the library's kecamatan
    origin_other: str | None = None  # anywhere else, typed ("lainnya")
    purposes: tuple[str, ...] = ()  # codes of codes.purposes(setting); at least one
    group_name: str | None = None
    group_leader: str | None = None
    group_phone: str | None = None
    count_male: int = 0  # group headcounts
    count_female: int = 0
    age_counts: Mapping[str, int] = field(default_factory=dict)  # group: people by age band
    notes: str = ""


@dataclass(frozen=True)
class MemberCheck:
    """A member at the desk: who they are and what they came for last time."""

    member_id: str
    member_no: str
    name: str
    gender: str
    age_band: str | None
    last_purposes: tuple[str, ...]


@dataclass(frozen=True)
class VisitRow:
    """One visit as the day's list shows it (names only on this PC)."""

    id: str
    kind: str
    visited_at: datetime  # aware UTC
    member_id: str | None
    member_no: str | None
    member_name: str | None  # looked up for display; never stored with the visit
    guest_name: str | None
    gender: str | None
    age_band: str | None
    occupation: str | None
    origin_village_code: str | None
    origin_other: str | None
    purposes: tuple[str, ...]
    group_name: str | None
    group_leader: str | None
    group_phone: str | None
    count_male: int
    count_female: int
    age_counts: Mapping[str, int]
    notes: str
    created_at: datetime  # aware UTC; who may still change it depends on this

    @property
    def people(self) -> int:
        return self.count_male + self.count_female

    @property
    def display_name(self) -> str:
        """Member name, guest name or group name ('' for an anonymous guest)."""
        if self.kind == "member":
            return self.member_name or ""
        if self.kind == "group":
            return self.group_name or ""
        return self.guest_name or ""

    def as_input(self) -> VisitInput:
        """The row as a form fills in, to be changed and passed to ``update``."""
        return VisitInput(
            kind=self.kind,
            visited_at=self.visited_at,
            member_no=self.member_no,
            guest_name=self.guest_name,
            gender=self.gender,
            age_band=self.age_band,
            occupation=self.occupation,
            origin_village_code=self.origin_village_code,
            origin_other=self.origin_other,
            purposes=self.purposes,
            group_name=self.group_name,
            group_leader=self.group_leader,
            group_phone=self.group_phone,
            count_male=self.count_male,
            count_female=self.count_female,
            age_counts=dict(self.age_counts),
            notes=self.notes,
        )


@dataclass(frozen=True)
class DayTotals:
    """People who came on one day (a group counts with every person in it).

    ``by_purpose`` counts people too: a class of 30 that came to read is 30
    people reading; a visitor with two purposes counts under both.
    ``age_unknown`` are members whose birth date is not known.
    """

    people: int = 0
    male: int = 0
    female: int = 0
    members: int = 0
    guests: int = 0
    groups: int = 0  # people who came in groups
    group_visits: int = 0  # how many groups
    by_age_band: Mapping[str, int] = field(default_factory=dict)
    by_purpose: Mapping[str, int] = field(default_factory=dict)
    age_unknown: int = 0


@dataclass(frozen=True)
class FormOptions:
    """What the guestbook forms offer: the library's lists, in its order."""

    purposes: tuple[codes.Code, ...]
    age_bands: tuple[codes.AgeBand, ...]
    time_zone: str  # WIB, WITA, WIT
    # Every purpose a visit may carry, hidden ones too: labels of old visits.
    all_purposes: tuple[codes.Code, ...] = ()

    def for_visit(self, carried: Sequence[str]) -> FormOptions:
        """The purposes to offer when changing a visit: those offered now, and the
        hidden ones this visit already carries (so that saving does not drop them)."""
        offered = {p.code for p in self.purposes}
        keep = set(carried) - offered
        if not keep:
            return self
        purposes = tuple(p for p in self.all_purposes if p.code in offered or p.code in keep)
        return replace(self, purposes=purposes)


def origin_villages(region_code: str) -> tuple[tuple[Region, ...], str | None]:
    """The desa of the library's kecamatan, and the library's own desa if it is one.

    Reads the official region list: about a second the first time, so the UI
    calls this off the GUI thread.
    """
    kecamatan = _kecamatan_code(region_code)
    villages = list_regions(kecamatan) if kecamatan else ()
    own = region_code if any(v.code == region_code for v in villages) else None
    return villages, own


class RepeatVisit(KnownError):
    """The member checked in a short while ago; ask before counting them twice."""

    def __init__(self, name: str, minutes: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("PerpusDesa", "{name} already checked in {minutes} min ago."),
            name=name,
            minutes=minutes,
        )
        self.name = name
        self.minutes = minutes


# --- the service -----------------------------------------------------------------


@dataclass(frozen=True)
class _Library:
    id: str
    region_code: str
    zone: tzinfo


@dataclass(frozen=True)
class _Lists:
    purpose_list: tuple[codes.Code, ...]
    purposes: tuple[str, ...]
    bands: tuple[codes.AgeBand, ...]
    repeat_minutes: int
    retention_months: int
    all_purposes: tuple[codes.Code, ...] = ()

    def keeping(self, carried: Sequence[str]) -> _Lists:
        """These lists, also accepting the hidden purposes a visit already carries."""
        every = codes.codes(self.all_purposes)
        keep = {code for code in carried if code in every and code not in self.purposes}
        if not keep:
            return self
        allowed = tuple(code for code in every if code in self.purposes or code in keep)
        return replace(self, purposes=allowed)


_MEMBER_SQL = (
    "SELECT id, member_no, name, gender, birth_date, expires_on, active, erased_at,"
    " occupation, village_code FROM member"
    " WHERE library_id = ? AND member_no = ? AND deleted_at IS NULL"
)

_ROW_SQL = (
    "SELECT v.id, v.kind, v.visited_at, v.member_id, m.member_no, m.name, v.guest_name,"
    " v.gender, v.age_band, v.occupation, v.origin_village_code, v.origin_other, v.purposes,"
    " v.group_name, v.group_leader, v.group_phone, v.count_male, v.count_female,"
    " v.age_counts, v.notes, v.created_at"
    " FROM visit v LEFT JOIN member m ON m.id = v.member_id"
)


class VisitService:
    """Record, change and count guestbook visits as ``actor``.

    Reads use a light connection per thread (close it with :meth:`close`);
    writes go through the unit of work.
    """

    def __init__(self, db: Database, actor: User, now: Callable[[], datetime] = utcnow) -> None:
        self.db = db
        self.actor = actor
        self.now = now
        self._local = threading.local()

    # --- reading -------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A light connection of this thread (autocommit: each read sees the latest commit).

        Reads need no SQLAlchemy, so the guestbook opens before it is loaded.
        """
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.db.connect()
            self._local.conn = conn
        yield conn

    def close(self) -> None:
        """Close this thread's reading connection (it is opened again when needed)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def warm_up(self) -> None:
        """Import what the first save needs (SQLAlchemy, the models): off the GUI thread.

        Only imports (the import lock makes them safe from any thread); the engine
        itself is quick to make and is made by the first save.
        """
        import app.db.models
        import app.db.uow  # noqa: F401

    def form_options(self) -> FormOptions:
        """The library's purposes and age bands (quick: no region list)."""
        with self._reading() as raw:
            library = _library(raw)
            lists = _lists(raw)
        return FormOptions(
            purposes=lists.purpose_list,
            all_purposes=lists.all_purposes,
            age_bands=lists.bands,
            time_zone=zone_for_region(library.region_code),
        )

    def is_member_number(self, text: str) -> bool:
        """True if ``text`` is the number of a member (whatever their status)."""
        number = text.strip()
        if not number:
            return False
        with self._reading() as raw:
            row = raw.execute(
                "SELECT 1 FROM member WHERE member_no = ? AND deleted_at IS NULL"
                " AND library_id = ?",
                (number, _library(raw).id),
            ).fetchone()
        return row is not None

    def find_member(self, member_no: str) -> MemberCheck:
        """The member with this number, if they may check in today."""
        number = (member_no or "").strip()
        with self._reading() as raw:
            library = _library(raw)
            lists = _lists(raw)
            today = self.now().astimezone(library.zone).date()
            member = _member(raw, library, number, today, lists.bands)
            row = raw.execute(
                "SELECT purposes FROM visit WHERE member_id = ? AND deleted_at IS NULL"
                " ORDER BY visited_at DESC LIMIT 1",
                (member.id,),
            ).fetchone()
        known = set(lists.purposes)
        last = tuple(p for p in _json_list(row[0]) if p in known) if row else ()
        return MemberCheck(member.id, member.number, member.name, member.gender, member.band, last)

    def day_list(self, day: date) -> list[VisitRow]:
        """Visits of the library's local ``day``, newest first; deleted ones left out."""
        with self._reading() as raw:
            start, end = _day_bounds(day, _library(raw).zone)
            rows = raw.execute(
                _ROW_SQL + " WHERE v.visited_at >= ? AND v.visited_at < ?"
                " AND v.deleted_at IS NULL ORDER BY v.visited_at DESC, v.id DESC",
                (to_db(start), to_db(end)),
            ).fetchall()
        return [_row(r) for r in rows]

    def get(self, visit_id: str) -> VisitRow | None:
        """One visit (deleted or not), or None."""
        with self._reading() as raw:
            row = raw.execute(_ROW_SQL + " WHERE v.id = ?", (visit_id,)).fetchone()
        return None if row is None else _row(row)

    def day_totals(self, day: date) -> DayTotals:
        """The day's people: by gender, by kind, by age band and by purpose."""
        with self._reading() as raw:
            start, end = _day_bounds(day, _library(raw).zone)
            rows = raw.execute(
                "SELECT kind, count_male, count_female, age_counts, purposes FROM visit"
                " WHERE visited_at >= ? AND visited_at < ? AND deleted_at IS NULL",
                (to_db(start), to_db(end)),
            ).fetchall()
        return totals_of(rows)

    def can_edit(self, row: VisitRow) -> bool:
        """Editors change anything; recorders only what was typed in today."""
        if self.actor.can(Permission.EDIT):
            return True
        if not self.actor.can(Permission.RECORD):
            return False
        with self._reading() as raw:
            zone = _library(raw).zone
        return row.created_at.astimezone(zone).date() == self.now().astimezone(zone).date()

    def can_delete(self) -> bool:
        return self.actor.can(Permission.DELETE)

    # --- writing -------------------------------------------------------------------

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))

    def record(self, data: VisitInput, *, allow_repeat: bool = False) -> str:
        """Save a new visit; its id. RepeatVisit if the member was just here."""
        from app.db.models import Visit

        if not self.actor.can(Permission.RECORD):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not record visits.")
            )
        now = self.now()
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            library = _library(raw)
            lists = _lists(raw)
            values, member = _checked(raw, library, lists, data, now, current=None)
            if member is not None and not allow_repeat and lists.repeat_minutes > 0:
                _check_repeat(raw, member, values["visited_at"], lists.repeat_minutes)
            visit = Visit(id=uuid7(), library_id=library.id, **values)
            uow.add(visit)
        return visit.id

    def update(self, visit_id: str, data: VisitInput) -> None:
        """Change a visit: editors any, recorders one typed in today."""
        from app.db.models import Visit

        now = self.now()
        with self._uow() as uow:
            visit = uow.get(Visit, visit_id)
            if visit is None or visit.deleted_at is not None:
                raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That visit no longer exists."))
            raw = uow.dbapi_connection()
            library = _library(raw)
            if not self.actor.can(Permission.EDIT):
                today = now.astimezone(library.zone).date()
                made = visit.created_at.astimezone(library.zone).date()
                if not self.actor.can(Permission.RECORD) or made != today:
                    raise PermissionDenied(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa",
                            "Your role may change only the visits typed in today.",
                        )
                    )
            lists = _lists(raw).keeping(visit.purposes)
            current = (visit.kind, visit.member_id, visit.gender, visit.age_band)
            values, _member_found = _checked(raw, library, lists, data, now, current=current)
            for name, value in values.items():
                if getattr(visit, name) != value:
                    setattr(visit, name, value)

    def delete(self, visit_id: str) -> None:
        """Delete (a tombstone: counted nowhere, and undone by ``undo_delete``)."""
        self._set_deleted(visit_id, deleted=True)

    def undo_delete(self, visit_id: str) -> None:
        self._set_deleted(visit_id, deleted=False)

    def _set_deleted(self, visit_id: str, *, deleted: bool) -> None:
        from app.db.models import Visit

        if not self.actor.can(Permission.DELETE):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete visits.")
            )
        with self._uow() as uow:
            visit = uow.get(Visit, visit_id)
            if visit is None:
                raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That visit no longer exists."))
            if deleted:
                uow.delete(visit)
            elif visit.deleted_at is not None:
                visit.deleted_at = None

    def anonymise_old_guest_names(self) -> int:
        """Remove the names (and a group leader's name and phone) of visitors who are
        not members, from visits older than ``guest_name_retention_months``; the counts
        stay. Returns how many visits were changed. A retention of 0 months keeps names.
        """
        from sqlalchemy import or_, select

        from app.db.models import Visit

        with self._reading() as raw:
            library = _library(raw)
            months = _lists(raw).retention_months
        if months <= 0:
            return 0
        cutoff = _months_before(self.now().astimezone(library.zone), months).astimezone(UTC)
        changed = 0
        while True:
            with self._uow() as uow:
                visits = uow.session.scalars(
                    select(Visit)
                    .where(
                        Visit.visited_at < cutoff,
                        Visit.kind.in_(("guest", "group")),
                        or_(
                            Visit.guest_name.is_not(None),
                            Visit.group_leader.is_not(None),
                            Visit.group_phone.is_not(None),
                        ),
                    )
                    .limit(ANONYMISE_BATCH)
                ).all()
                for visit in visits:
                    visit.guest_name = None
                    visit.group_leader = None
                    visit.group_phone = None
            changed += len(visits)
            if len(visits) < ANONYMISE_BATCH:
                return changed


# --- counting ----------------------------------------------------------------------


def totals_of(rows: list[Any]) -> DayTotals:
    """Add up (kind, count_male, count_female, age_counts JSON, purposes JSON) rows."""
    male = female = members = guests = groups = group_visits = unknown = 0
    by_band: dict[str, int] = {}
    by_purpose: dict[str, int] = {}
    for kind, count_male, count_female, age_counts, purposes in rows:
        people = int(count_male) + int(count_female)
        male += int(count_male)
        female += int(count_female)
        if kind == "member":
            members += people
        elif kind == "group":
            groups += people
            group_visits += 1
        else:
            guests += people
        banded = 0
        for band, n in _json_dict(age_counts).items():
            by_band[band] = by_band.get(band, 0) + int(n)
            banded += int(n)
        unknown += max(people - banded, 0)
        for purpose in dict.fromkeys(_json_list(purposes)):
            by_purpose[purpose] = by_purpose.get(purpose, 0) + people
    return DayTotals(
        people=male + female,
        male=male,
        female=female,
        members=members,
        guests=guests,
        groups=groups,
        group_visits=group_visits,
        by_age_band=by_band,
        by_purpose=by_purpose,
        age_unknown=unknown,
    )


# --- helpers: reading --------------------------------------------------------------


def _library(raw: sqlite3.Connection) -> _Library:
    row = raw.execute(
        "SELECT id, region_code FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
    ).fetchone()
    if row is None:
        raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet."))
    return _Library(row[0], row[1], ZONES[zone_for_region(row[1])])


def _lists(raw: sqlite3.Connection) -> _Lists:
    settings = Settings(raw)
    bands = codes.age_bands(settings.get("age_bands"))
    stored = settings.get("purposes")
    purposes = codes.purposes(stored)
    return _Lists(
        purpose_list=purposes,
        purposes=codes.codes(purposes),
        all_purposes=codes.all_purposes(stored),
        bands=bands,
        repeat_minutes=_int(settings.get("repeat_visit_minutes"), 60),
        retention_months=_int(settings.get("guest_name_retention_months"), 12),
    )


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _json_list(text: object) -> list[str]:
    value = json.loads(text) if isinstance(text, str | bytes) else text
    return [str(v) for v in value] if isinstance(value, list) else []


def _json_dict(text: object) -> dict[str, int]:
    value = json.loads(text) if isinstance(text, str | bytes) else text
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def _months_before(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _kecamatan_code(region_code: str) -> str | None:
    """The kecamatan whose villages are the 'near' origins (None above that level)."""
    parts = region_code.split(".")
    return ".".join(parts[:3]) if len(parts) >= 3 else None


def _row(r: Any) -> VisitRow:
    visited = from_db(r[2])
    created = from_db(r[20])
    assert visited is not None and created is not None
    return VisitRow(
        id=r[0],
        kind=r[1],
        visited_at=visited,
        member_id=r[3],
        member_no=r[4],
        member_name=r[5],
        guest_name=r[6],
        gender=r[7],
        age_band=r[8],
        occupation=r[9],
        origin_village_code=r[10],
        origin_other=r[11],
        purposes=tuple(_json_list(r[12])),
        group_name=r[13],
        group_leader=r[14],
        group_phone=r[15],
        count_male=int(r[16]),
        count_female=int(r[17]),
        age_counts=_json_dict(r[18]),
        notes=r[19] or "",
        created_at=created,
    )


@dataclass(frozen=True)
class _Member:
    id: str
    number: str
    name: str
    gender: str
    band: str | None
    occupation: str | None
    village_code: str | None


def _member(
    raw: sqlite3.Connection,
    library: _Library,
    number: str,
    day: date,
    bands: tuple[codes.AgeBand, ...],
    *,
    known_id: str | None = None,
) -> _Member:
    """The member with ``number`` who may check in on ``day`` (or ``known_id``, as is)."""
    if not number:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Scan the card or type the member number."),
            field="member_no",
        )
    row = raw.execute(_MEMBER_SQL, (library.id, number)).fetchone()
    if row is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "There is no member with the number {number}."),
            field="member_no",
            number=number,
        )
    member_id, member_no, name, gender, birth, expires, active, erased = row[:8]
    # A visit already linked to this member is changed as it is, whatever became of them.
    if row[0] != known_id:
        if erased is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The data of member {number} was erased; they cannot check in."
                ),
                field="member_no",
                number=member_no,
            )
        if not active:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The membership of {name} ({number}) has been ended."
                ),
                field="member_no",
                name=name,
                number=member_no,
            )
        if expires is not None and date.fromisoformat(expires) < day:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The membership of {name} ({number}) has expired. Renew it first.",
                ),
                field="member_no",
                name=name,
                number=member_no,
            )
    if gender not in ("L", "P"):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The gender of member {number} is missing. Complete the member first."
            ),
            field="member_no",
            number=member_no,
        )
    band = None
    if birth:
        band = codes.age_band_for(codes.age_on(date.fromisoformat(birth), day), bands)
    return _Member(member_id, member_no, name, gender, band, row[8], row[9])


def _check_repeat(raw: sqlite3.Connection, member: _Member, at: datetime, minutes: int) -> None:
    window = timedelta(minutes=minutes)
    row = raw.execute(
        "SELECT visited_at FROM visit WHERE member_id = ? AND deleted_at IS NULL"
        " AND visited_at > ? AND visited_at < ? ORDER BY visited_at DESC LIMIT 1",
        (member.id, to_db(at - window), to_db(at + window)),
    ).fetchone()
    if row is not None:
        last = from_db(row[0])
        assert last is not None
        raise RepeatVisit(member.name, int(abs((at - last).total_seconds()) // 60))


# --- helpers: checking -------------------------------------------------------------


def _text(value: str | None, field_name: str, limit: int = MAX_NAME) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "This text is too long (at most {limit} characters)."),
            field=field_name,
            limit=limit,
        )
    return text or None


def _count(value: object, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a whole number."), field=field_name
        )
    if value < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "A number of people cannot be negative."),
            field=field_name,
        )
    if value > MAX_GROUP_SIZE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "More than {max} people in one group? Check the number."
            ),
            field=field_name,
            max=MAX_GROUP_SIZE,
        )
    return value


def _checked(
    raw: sqlite3.Connection,
    library: _Library,
    lists: _Lists,
    data: VisitInput,
    now: datetime,
    *,
    current: tuple[str, str | None, str | None, str | None] | None,
) -> tuple[dict[str, Any], _Member | None]:
    """The visit's column values from ``data``, or a ValidationError naming the field.

    ``current`` is (kind, member id, gender, age band) of the visit being changed.
    """
    if data.kind not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose member, guest or group."), field="kind"
        )
    visited_at = now if data.visited_at is None else data.visited_at
    if visited_at.tzinfo is None:
        raise ValueError("naive visited_at; give an aware datetime")
    visited_at = visited_at.astimezone(UTC)
    if visited_at > now + FUTURE_TOLERANCE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The visit time lies in the future."),
            field="visited_at",
        )
    day = visited_at.astimezone(library.zone).date()
    band_codes = codes.codes(lists.bands)

    values: dict[str, Any] = {
        "kind": data.kind,
        "visited_at": visited_at,
        "member_id": None,
        "guest_name": None,
        "gender": None,
        "age_band": None,
        "occupation": None,
        "origin_village_code": None,
        "origin_other": None,
        "purposes": [],
        "group_name": None,
        "group_leader": None,
        "group_phone": None,
        "notes": _text(data.notes, "notes", MAX_NOTES) or "",
    }
    member: _Member | None = None

    if data.kind == "member":
        number = (data.member_no or "").strip()
        keep = current is not None and current[0] == "member" and current[1] is not None
        if keep and not number:
            # A member erased since: the visit keeps its link, gender and age band.
            assert current is not None
            gender, band, member_id = current[2], current[3], current[1]
        else:
            member = _member(
                raw,
                library,
                number,
                day,
                lists.bands,
                known_id=current[1] if keep and current is not None else None,
            )
            gender, band, member_id = member.gender, member.band, member.id
            # Where members come from and what they do, as their card says (for statistics).
            values["occupation"] = member.occupation
            values["origin_village_code"] = member.village_code
        if band is None and data.age_band:
            band = _band(data.age_band, band_codes)
        values.update(member_id=member_id, gender=gender, age_band=band)
        values["purposes"] = _purposes(data, lists)
        _individual(values)
        return values, member

    if data.kind == "guest":
        if data.gender not in ("L", "P"):
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the visitor's gender."), field="gender"
            )
        if not data.age_band:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Choose the visitor's age group."),
                field="age_band",
            )
        occupation = _text(data.occupation, "occupation", 40)
        if occupation is not None and occupation not in codes.codes(codes.OCCUPATIONS):
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Unknown occupation {code}."),
                field="occupation",
                code=occupation,
            )
        values.update(
            guest_name=_text(data.guest_name, "guest_name"),
            gender=data.gender,
            age_band=_band(data.age_band, band_codes),
            occupation=occupation,
        )
        _origin(values, data, library)
        values["purposes"] = _purposes(data, lists)
        _individual(values)
        return values, None

    # A group (rombongan).
    name = _text(data.group_name, "group_name")
    if name is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of the group or institution."),
            field="group_name",
        )
    phone = _text(data.group_phone, "group_phone", MAX_PHONE)
    if phone is not None and not all(c.isdigit() or c in " +-()" for c in phone):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "A phone number may have only digits, spaces and +."),
            field="group_phone",
        )
    male = _count(data.count_male, "count_male")
    female = _count(data.count_female, "count_female")
    total = male + female
    if total == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in how many men and women came in the group."),
            field="count_male",
        )
    if total > MAX_GROUP_SIZE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "More than {max} people in one group? Check the number."
            ),
            field="count_male",
            max=MAX_GROUP_SIZE,
        )
    ages: dict[str, int] = {}
    for band, n in data.age_counts.items():
        code = _band(band, band_codes)
        count = _count(n, "age_counts")
        if count:
            ages[code] = ages.get(code, 0) + count
    by_age = sum(ages.values())
    if by_age != total:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The age groups add up to {by_age} people, but men and women to {total}.",
            ),
            field="age_counts",
            by_age=by_age,
            total=total,
        )
    values.update(
        group_name=name,
        group_leader=_text(data.group_leader, "group_leader"),
        group_phone=phone,
        count_male=male,
        count_female=female,
        age_counts={code: ages[code] for code in band_codes if code in ages},
    )
    _origin(values, data, library)
    values["purposes"] = _purposes(data, lists)
    return values, None


def _purposes(data: VisitInput, lists: _Lists) -> list[str]:
    """The purposes ticked, in the library's order (at least one, all known)."""
    known = set(lists.purposes)
    purposes = list(dict.fromkeys(p.strip() for p in data.purposes if p and p.strip()))
    for purpose in purposes:
        if purpose not in known:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Unknown purpose {code}."),
                field="purposes",
                code=purpose,
            )
    if not purposes:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose at least one purpose of the visit."),
            field="purposes",
        )
    purposes.sort(key=lists.purposes.index)
    return purposes


def _band(code: str, known: tuple[str, ...]) -> str:
    if code not in known:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Unknown age group {code}."),
            field="age_band",
            code=code,
        )
    return code


def _individual(values: dict[str, Any]) -> None:
    """One person: headcounts 1/0 and one age band, so that totals are plain sums."""
    gender, band = values["gender"], values["age_band"]
    values["count_male"] = int(gender == "L")
    values["count_female"] = int(gender == "P")
    values["age_counts"] = {band: 1} if band else {}


def _origin(values: dict[str, Any], data: VisitInput, library: _Library) -> None:
    code = (data.origin_village_code or "").strip() or None
    other = _text(data.origin_other, "origin_other")
    if code is not None:
        if other is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Choose a village from the list or type another place, not both."
                ),
                field="origin_other",
            )
        kecamatan = _kecamatan_code(library.region_code)
        region = get_region(code)
        if (
            kecamatan is None
            or region is None
            or region.level != 4
            or not code.startswith(kecamatan + ".")
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Choose a village of this sub-district, or choose Other and type the place.",
                ),
                field="origin_village_code",
            )
    values["origin_village_code"] = code
    values["origin_other"] = other
