"""Community activities (Kegiatan): plan, record, change, cancel and copy; the month's figures.

One ``activity`` record is an activity, a stakeholder meeting (``kind``
``pertemuan``: representatives by type and the commitments made) or a
training (``pelatihan``: how many libraries the trainees came from). What the
national statistics add up is stored as plain numbers: the national category
code (the library's own label for it lives only in the ``activity_categories``
setting, so a renamed category still counts under its code), the strategy,
and the participant grid ``{"L": {age band: n}, "P": {age band: n}}`` with
``participants_male`` / ``participants_female`` as its sums.

Only a held activity (``terlaksana``) counts; a planned one (``rencana``) is
shown in the calendar, a cancelled one (``batal``) counts nowhere. Months are
the library's own (WIB, WITA or WIT).

Photos: the ``activity`` table has no column for them, and its JSON columns
hold counts that reports and the national server add up, so the file names
are not kept in the record. A photo is copied to
``<data folder>/photos/activities/<activity id>/`` and the folder is the list.
That also matches the issue: photos stay on the PC (a later issue may sync
them) and a backup of the data folder carries them.

Attendance: a list of members and guests fills the grid
(:meth:`ActivityService.grid_from_attendance`: a member's gender and age band
on the activity's day); the list itself is not stored (no column, and names
are personal data that need not be kept for the counts).

Writes go through :class:`app.db.uow.UnitOfWork` (audit and outbox included);
bad input raises :class:`ValidationError` naming the field, and nothing is
written. A volunteer (Permission.RECORD only) may plan, record and copy, and
change an activity typed in today or still planned; older ones need
Permission.EDIT, deleting Permission.DELETE.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from app.core import codes
from app.core.auth import Permission, User
from app.core.clock import ZONES, from_db, to_db, utcnow, zone_for_region
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.service import Service
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import storage_error

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

KINDS = (
    codes.Code("kegiatan", QT_TRANSLATE_NOOP("PerpusDesa", "Activity")),
    codes.Code("pertemuan", QT_TRANSLATE_NOOP("PerpusDesa", "Stakeholder meeting")),
    codes.Code("pelatihan", QT_TRANSLATE_NOOP("PerpusDesa", "Training")),
)

STATUSES = (
    codes.Code("rencana", QT_TRANSLATE_NOOP("PerpusDesa", "Planned")),
    codes.Code("terlaksana", QT_TRANSLATE_NOOP("PerpusDesa", "Held")),
    codes.Code("batal", QT_TRANSLATE_NOOP("PerpusDesa", "Cancelled")),
)

# The three TPBIS strategies.
STRATEGIES = (
    codes.Code("layanan", QT_TRANSLATE_NOOP("PerpusDesa", "Better information services")),
    codes.Code("pelibatan", QT_TRANSLATE_NOOP("PerpusDesa", "Community involvement")),
    codes.Code("advokasi", QT_TRANSLATE_NOOP("PerpusDesa", "Advocacy")),
)

# The group of people an activity mainly reached.
TARGET_GROUPS = (
    codes.Code("petani", QT_TRANSLATE_NOOP("PerpusDesa", "Farmers")),
    codes.Code("nelayan", QT_TRANSLATE_NOOP("PerpusDesa", "Fishers")),
    codes.Code("pelaku_umkm", QT_TRANSLATE_NOOP("PerpusDesa", "Small business owners")),
    codes.Code("ibu_rumah_tangga", QT_TRANSLATE_NOOP("PerpusDesa", "Homemakers")),
    codes.Code("pemuda", QT_TRANSLATE_NOOP("PerpusDesa", "Young people")),
    codes.Code("pelajar", QT_TRANSLATE_NOOP("PerpusDesa", "Pupils and students")),
    codes.Code("disabilitas", QT_TRANSLATE_NOOP("PerpusDesa", "People with disabilities")),
    codes.Code("umum", QT_TRANSLATE_NOOP("PerpusDesa", "General public")),
    codes.Code("fasilitator", QT_TRANSLATE_NOOP("PerpusDesa", "Facilitators")),
    codes.Code(
        "pengelola_perpustakaan", QT_TRANSLATE_NOOP("PerpusDesa", "Village library managers")
    ),
)

# Who came to a stakeholder meeting.
REPRESENTATIVE_TYPES = (
    codes.Code("pemerintah_desa", QT_TRANSLATE_NOOP("PerpusDesa", "Village government")),
    codes.Code("bpd", QT_TRANSLATE_NOOP("PerpusDesa", "Village council (BPD)")),
    codes.Code("pkk", QT_TRANSLATE_NOOP("PerpusDesa", "Family welfare group (PKK)")),
    codes.Code("karang_taruna", QT_TRANSLATE_NOOP("PerpusDesa", "Youth organisation")),
    codes.Code("sekolah", QT_TRANSLATE_NOOP("PerpusDesa", "Schools")),
    codes.Code(
        "tokoh_masyarakat", QT_TRANSLATE_NOOP("PerpusDesa", "Religious or community leaders")
    ),
    codes.Code("swasta", QT_TRANSLATE_NOOP("PerpusDesa", "Business")),
    codes.Code("dinas", QT_TRANSLATE_NOOP("PerpusDesa", "Government offices (dinas/OPD)")),
    codes.Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

GENDER_CODES = ("L", "P")
# A clock a few minutes fast is not "the future".
FUTURE_TOLERANCE = timedelta(minutes=5)
MAX_PEOPLE = 5000  # in one activity; more is a typing slip
MAX_TITLE = 300
MAX_NAME = 200
MAX_TEXT = 4000

PHOTO_FOLDER = Path("photos") / "activities"
PHOTO_MAX_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 30  # per activity
# What a picture file starts with -> the suffix it is stored with.
_PICTURE_STARTS = ((b"\xff\xd8\xff", ".jpg"), (b"\x89PNG\r\n\x1a\n", ".png"))


# --- what callers hand in and get back --------------------------------------------


@dataclass(frozen=True)
class ActivityInput:
    """An activity as the form gives it. ``starts_at``/``ends_at`` are aware datetimes."""

    title: str
    category: str  # a national code of codes.DEFAULT_ACTIVITY_CATEGORIES
    strategy: str  # a code of STRATEGIES
    starts_at: datetime
    ends_at: datetime | None = None
    kind: str = "kegiatan"  # a code of KINDS
    place: str = ""
    facilitator: str = ""  # facilitator or resource person (narasumber)
    partner_ids: tuple[str, ...] = ()
    description: str = ""
    outcomes: str = ""
    status: str = "rencana"  # a code of STATUSES
    target_group: str | None = None  # a code of TARGET_GROUPS
    # {"L": {age band: n}, "P": {age band: n}}: headcounts of a held activity.
    participants: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    representatives: Mapping[str, int] = field(default_factory=dict)  # meeting: {type: n}
    commitments: str = ""  # meeting
    trainee_libraries: int = 0  # training: how many libraries the trainees came from


@dataclass(frozen=True)
class GridTotals:
    """The sums of a participant grid."""

    male: int
    female: int
    by_age_band: Mapping[str, int]

    @property
    def total(self) -> int:
        return self.male + self.female


@dataclass(frozen=True)
class ActivityView:
    """One activity as lists, the calendar and the form show it."""

    id: str
    kind: str
    title: str
    category: str
    strategy: str
    starts_at: datetime  # aware UTC
    ends_at: datetime | None
    day: date  # the library's local day of the start
    place: str
    facilitator: str
    partner_ids: tuple[str, ...]
    description: str
    outcomes: str
    status: str
    target_group: str | None
    participants: Mapping[str, Mapping[str, int]]
    participants_male: int
    participants_female: int
    representatives: Mapping[str, int]
    commitments: str
    trainee_libraries: int
    created_at: datetime
    deleted: bool = False

    @property
    def participants_total(self) -> int:
        return self.participants_male + self.participants_female

    @property
    def representatives_total(self) -> int:
        return sum(self.representatives.values())

    @property
    def counts(self) -> bool:
        """Held and not deleted: the only activities the figures add up."""
        return self.status == "terlaksana" and not self.deleted

    def as_input(self) -> ActivityInput:
        """The activity as the form fills it in, to be changed and passed to ``update``."""
        return ActivityInput(
            title=self.title,
            category=self.category,
            strategy=self.strategy,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            kind=self.kind,
            place=self.place,
            facilitator=self.facilitator,
            partner_ids=self.partner_ids,
            description=self.description,
            outcomes=self.outcomes,
            status=self.status,
            target_group=self.target_group,
            participants={g: dict(bands) for g, bands in self.participants.items()},
            representatives=dict(self.representatives),
            commitments=self.commitments,
            trainee_libraries=self.trainee_libraries,
        )


@dataclass(frozen=True)
class Attendee:
    """One person on an attendance list: a member (by number) or a guest."""

    member_no: str | None = None
    name: str = ""  # a guest's name; shown on the list only, never stored
    gender: str | None = None  # a guest's; a member's comes from the member
    age_band: str | None = None  # a guest's, or a member's whose birth date is not known


@dataclass(frozen=True)
class PartnerChoice:
    id: str
    name: str


@dataclass(frozen=True)
class ActivityOptions:
    """What the activity form offers: the library's lists, in its order."""

    categories: tuple[codes.Code, ...]  # offered for a new activity
    all_categories: tuple[codes.Code, ...]  # hidden ones too: labels of old activities
    age_bands: tuple[codes.AgeBand, ...]
    partners: tuple[PartnerChoice, ...]
    time_zone: str
    library_type: str
    strategies: tuple[codes.Code, ...] = STRATEGIES
    kinds: tuple[codes.Code, ...] = KINDS
    statuses: tuple[codes.Code, ...] = STATUSES
    target_groups: tuple[codes.Code, ...] = TARGET_GROUPS
    representative_types: tuple[codes.Code, ...] = REPRESENTATIVE_TYPES

    @property
    def gives_trainings(self) -> bool:
        """A district or provincial library trains village library managers."""
        return self.library_type in ("kabupaten_kota", "provinsi")


@dataclass(frozen=True)
class MonthFigures:
    """What the held activities of one month add up to (cancelled and planned count nowhere)."""

    activities: int = 0
    people: int = 0
    male: int = 0
    female: int = 0
    by_category: Mapping[str, int] = field(default_factory=dict)  # activities per national code
    people_by_category: Mapping[str, int] = field(default_factory=dict)
    by_strategy: Mapping[str, int] = field(default_factory=dict)
    by_kind: Mapping[str, int] = field(default_factory=dict)
    by_age_band: Mapping[str, int] = field(default_factory=dict)
    by_gender_band: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    meetings: int = 0
    representatives: int = 0
    representatives_by_type: Mapping[str, int] = field(default_factory=dict)
    trainings: int = 0
    trainees: int = 0
    trainee_libraries: int = 0
    planned: int = 0  # shown, not counted
    cancelled: int = 0  # shown, not counted


# --- pure helpers -------------------------------------------------------------------


def grid_totals(grid: Mapping[str, Mapping[str, int]]) -> GridTotals:
    """Men, women and people by age band of a (checked) participant grid."""
    by_band: dict[str, int] = {}
    sums = dict.fromkeys(GENDER_CODES, 0)
    for gender, bands in grid.items():
        for band, n in bands.items():
            sums[gender] = sums.get(gender, 0) + int(n)
            by_band[band] = by_band.get(band, 0) + int(n)
    return GridTotals(male=sums["L"], female=sums["P"], by_age_band=by_band)


def check_picture(path: Path, field_name: str = "photo", max_bytes: int = PHOTO_MAX_BYTES) -> str:
    """The suffix a picture is stored with (".jpg" or ".png"), or a ValidationError.

    The file's first bytes decide, not its name: a JPEG or PNG picture of at
    most ``max_bytes``.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(8)
    except OSError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The picture {path} could not be opened."),
            field=field_name,
            path=str(path),
        ) from None
    suffix = next((s for magic, s in _PICTURE_STARTS if start.startswith(magic)), None)
    if suffix is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The file {name} is not a picture: choose a JPEG or PNG photo."
            ),
            field=field_name,
            name=path.name,
        )
    if size > max_bytes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The picture {name} is larger than {limit} MB. Choose a smaller one.",
            ),
            field=field_name,
            name=path.name,
            limit=max_bytes // (1024 * 1024),
        )
    return suffix


def copy_picture(source: Path, target: Path) -> None:
    """Copy a checked picture to ``target`` whole or not at all."""
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise storage_error(exc, target.parent) from exc


# --- the service ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Library:
    id: str
    region_code: str
    library_type: str
    zone: tzinfo


@dataclass(frozen=True)
class _Lists:
    categories: tuple[str, ...]  # offered
    bands: tuple[str, ...]
    age_bands: tuple[codes.AgeBand, ...]


_COLUMNS = (
    "id, kind, title, category_code, strategy, starts_at, ends_at, place, facilitator,"
    " partner_ids, description, outcomes, status, target_group, participants,"
    " participants_male, participants_female, representatives, commitments,"
    " trainee_libraries, created_at, deleted_at"
)


class ActivityService(Service):
    """Activities of this library for one logged-in staff member.

    Reads use one light connection (closed by :meth:`close`); writes go
    through the unit of work.
    """

    # --- plumbing ---------------------------------------------------------------------

    def _require(self, permission: Permission, message: str) -> None:
        if not self.actor.can(permission):
            raise PermissionDenied(message)

    # --- reading ------------------------------------------------------------------------

    def options(self) -> ActivityOptions:
        library = _library(self.conn)
        stored = Settings(self.conn).get("activity_categories")
        partners = tuple(
            PartnerChoice(row[0], row[1])
            for row in self.conn.execute(
                "SELECT id, name FROM partner WHERE deleted_at IS NULL AND library_id = ?"
                " ORDER BY name COLLATE NOCASE",
                (library.id,),
            )
        )
        return ActivityOptions(
            categories=codes.activity_categories(stored),
            all_categories=codes.all_activity_categories(stored),
            age_bands=codes.age_bands(Settings(self.conn).get("age_bands")),
            partners=partners,
            time_zone=zone_for_region(library.region_code),
            library_type=library.library_type,
        )

    def category_label(self, code: str) -> str:
        """The library's label of a national category code (the code itself if unknown)."""
        stored = Settings(self.conn).get("activity_categories")
        return next(
            (c.label for c in codes.all_activity_categories(stored) if c.code == code), code
        )

    def get(self, activity_id: str) -> ActivityView | None:
        """One activity (deleted or not), or None."""
        zone = _library(self.conn).zone
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM activity WHERE id = ?", (activity_id,)
        ).fetchone()
        return None if row is None else _view(row, zone)

    def month_list(
        self,
        year: int,
        month: int,
        *,
        category: str | None = None,
        strategy: str | None = None,
        include_cancelled: bool = True,
    ) -> list[ActivityView]:
        """Activities starting in the library's local month, in time order (deleted left out).

        For the calendar and the list; ``category`` and ``strategy`` filter by code.
        """
        zone = _library(self.conn).zone
        start, end = _month_bounds(year, month, zone)
        sql = f"SELECT {_COLUMNS} FROM activity WHERE starts_at >= ? AND starts_at < ?"
        sql += " AND deleted_at IS NULL"
        params: list[Any] = [to_db(start), to_db(end)]
        if category is not None:
            sql += " AND category_code = ?"
            params.append(category)
        if strategy is not None:
            sql += " AND strategy = ?"
            params.append(strategy)
        if not include_cancelled:
            sql += " AND status <> 'batal'"
        rows = self.conn.execute(sql + " ORDER BY starts_at, id", params).fetchall()
        return [_view(row, zone) for row in rows]

    def month_figures(self, year: int, month: int) -> MonthFigures:
        """The month's held activities added up (see :class:`MonthFigures`)."""
        return figures_of(self.month_list(year, month))

    def photos(self, activity_id: str) -> list[Path]:
        """The activity's photos (absolute paths), oldest first."""
        folder = self._photo_folder(activity_id)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in (".jpg", ".png") and p.is_file())

    def can_change(self, view: ActivityView) -> bool:
        """Editors change anything; recorders an activity typed in today or still planned."""
        if self.actor.can(Permission.EDIT):
            return True
        if not self.actor.can(Permission.RECORD):
            return False
        zone = _library(self.conn).zone
        today = self.now().astimezone(zone).date()
        return view.status == "rencana" or view.created_at.astimezone(zone).date() == today

    # --- attendance ---------------------------------------------------------------------

    def grid_from_attendance(
        self, day: date, attendees: Sequence[Attendee]
    ) -> dict[str, dict[str, int]]:
        """The participant grid an attendance list fills in.

        A member's gender is the member's, and the age band their age on ``day``
        (the activity's date); a guest's are given. A member on the list twice
        is refused, as is anyone whose gender or age band is missing.
        """
        library = _library(self.conn)
        lists = _lists(self.conn)
        grid: dict[str, dict[str, int]] = {}
        seen: set[str] = set()
        for number, person in enumerate(attendees, start=1):
            member_no = (person.member_no or "").strip()
            gender, band = person.gender, person.age_band
            if member_no:
                if member_no in seen:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa", "Member {number} is on the attendance list twice."
                        ),
                        field="attendance",
                        number=member_no,
                    )
                seen.add(member_no)
                row = self.conn.execute(
                    "SELECT gender, birth_date FROM member WHERE member_no = ?"
                    " AND library_id = ? AND deleted_at IS NULL AND erased_at IS NULL",
                    (member_no, library.id),
                ).fetchone()
                if row is None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa", "There is no member with the number {number}."
                        ),
                        field="attendance",
                        number=member_no,
                    )
                gender = row[0]
                if row[1]:
                    age = codes.age_on(date.fromisoformat(row[1]), day)
                    band = codes.age_band_for(age, lists.age_bands)
            if gender not in GENDER_CODES:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa", "Choose the gender of person {number} on the attendance list."
                    ),
                    field="attendance",
                    number=number,
                )
            if band not in lists.bands:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "Choose the age group of person {number} on the attendance list.",
                    ),
                    field="attendance",
                    number=number,
                )
            assert gender is not None and band is not None
            grid.setdefault(gender, {})
            grid[gender][band] = grid[gender].get(band, 0) + 1
        return _ordered_grid(grid, lists.bands)

    # --- writing ------------------------------------------------------------------------

    def plan(self, data: ActivityInput) -> str:
        """Save a planned activity (status ``rencana``); its id."""
        return self._create(data, "rencana")

    def record(self, data: ActivityInput) -> str:
        """Save an activity held (status ``terlaksana``: it counts); its id."""
        return self._create(data, "terlaksana")

    def _create(self, data: ActivityInput, status: str) -> str:
        from app.db.models import Activity

        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not record activities."),
        )
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            values = _checked(raw, _library(raw), _lists(raw), data, status, self.now(), None)
            activity = uow.add(Activity(id=uuid7(), **values))
        return activity.id

    def update(self, activity_id: str, data: ActivityInput) -> None:
        """Change an activity, its status included (``data.status``)."""
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            activity = self._changeable(uow, raw, activity_id)
            values = _checked(
                raw, _library(raw), _lists(raw), data, data.status, self.now(), activity
            )
            for name, value in values.items():
                if getattr(activity, name) != value:
                    setattr(activity, name, value)

    def cancel(self, activity_id: str) -> None:
        """Mark the activity cancelled (``batal``): it stays in the list and counts nowhere."""
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            activity = self._changeable(uow, raw, activity_id)
            if activity.status != "batal":
                activity.status = "batal"

    def copy(self, activity_id: str, starts_at: datetime) -> str:
        """Plan the next session of a series: the same activity at ``starts_at``, planned,
        with no participants, outcomes or commitments yet; the same length."""
        from app.db.models import Activity

        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not record activities."),
        )
        source = self.get(activity_id)
        if source is None or source.deleted:
            raise _missing()
        length = None if source.ends_at is None else source.ends_at - source.starts_at
        data = ActivityInput(
            title=source.title,
            category=source.category,
            strategy=source.strategy,
            starts_at=starts_at,
            ends_at=None if length is None or starts_at.tzinfo is None else starts_at + length,
            kind=source.kind,
            place=source.place,
            facilitator=source.facilitator,
            partner_ids=source.partner_ids,
            description=source.description,
            target_group=source.target_group,
        )
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            # The series keeps its category and group even if since hidden from new activities.
            carried = SimpleNamespace(
                category_code=source.category, target_group=source.target_group, representatives={}
            )
            values = _checked(raw, _library(raw), _lists(raw), data, "rencana", self.now(), carried)
            activity = uow.add(Activity(id=uuid7(), **values))
        return activity.id

    def delete(self, activity_id: str) -> None:
        """Delete (a tombstone: counted nowhere, and undone by ``undo_delete``)."""
        self._set_deleted(activity_id, deleted=True)

    def undo_delete(self, activity_id: str) -> None:
        self._set_deleted(activity_id, deleted=False)

    def _set_deleted(self, activity_id: str, *, deleted: bool) -> None:
        from app.db.models import Activity

        self._require(
            Permission.DELETE,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete activities."),
        )
        with self._uow() as uow:
            activity = uow.get(Activity, activity_id)
            if activity is None:
                raise _missing()
            if deleted:
                uow.delete(activity)
            elif activity.deleted_at is not None:
                activity.deleted_at = None

    def _changeable(self, uow: UnitOfWork, raw: sqlite3.Connection, activity_id: str) -> Any:
        from app.db.models import Activity

        activity = uow.get(Activity, activity_id)
        if activity is None or activity.deleted_at is not None:
            raise _missing()
        if not self.actor.can(Permission.EDIT):
            zone = _library(raw).zone
            made = activity.created_at.astimezone(zone).date()
            today = self.now().astimezone(zone).date()
            allowed = activity.status == "rencana" or made == today
            if not self.actor.can(Permission.RECORD) or not allowed:
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "Your role may change only planned activities and those typed in today.",
                    )
                )
        return activity

    # --- photos -------------------------------------------------------------------------

    def _photo_folder(self, activity_id: str) -> Path:
        return self.db.data_dir / PHOTO_FOLDER / activity_id

    def add_photo(self, activity_id: str, source: Path) -> Path:
        """Copy a picture into the activity's photo folder; the copy's path.

        A JPEG or PNG of at most 5 MB; it stays on this PC.
        """
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not record activities."),
        )
        view = self.get(activity_id)
        if view is None or view.deleted:
            raise _missing()
        suffix = check_picture(Path(source))
        if len(self.photos(activity_id)) >= MAX_PHOTOS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "An activity can keep at most {limit} photos."),
                field="photo",
                limit=MAX_PHOTOS,
            )
        target = self._photo_folder(activity_id) / f"{uuid7()}{suffix}"
        copy_picture(Path(source), target)
        _audit(self.conn, self.actor, "photo_add", activity_id, target.name)
        return target

    def remove_photo(self, activity_id: str, photo: Path) -> None:
        """Remove one of the activity's photos (Permission.DELETE)."""
        self._require(
            Permission.DELETE,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete activities."),
        )
        folder = self._photo_folder(activity_id)
        path = folder / Path(photo).name
        if path not in self.photos(activity_id):
            raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That photo no longer exists."))
        try:
            path.unlink()
        except OSError as exc:
            raise storage_error(exc, folder) from exc
        _audit(self.conn, self.actor, "photo_remove", activity_id, path.name)


# --- counting ---------------------------------------------------------------------------


def figures_of(activities: Sequence[ActivityView]) -> MonthFigures:
    """Add up held activities; planned and cancelled ones are only counted as such."""
    held = [a for a in activities if a.counts]
    by_category: dict[str, int] = {}
    people_by_category: dict[str, int] = {}
    by_strategy: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    by_band: dict[str, int] = {}
    by_gender_band: dict[str, dict[str, int]] = {}
    representatives: dict[str, int] = {}
    male = female = meetings = trainings = trainees = libraries = 0
    for a in held:
        people = a.participants_total
        male += a.participants_male
        female += a.participants_female
        by_category[a.category] = by_category.get(a.category, 0) + 1
        people_by_category[a.category] = people_by_category.get(a.category, 0) + people
        by_strategy[a.strategy] = by_strategy.get(a.strategy, 0) + 1
        by_kind[a.kind] = by_kind.get(a.kind, 0) + 1
        for gender, bands in a.participants.items():
            row = by_gender_band.setdefault(gender, {})
            for band, n in bands.items():
                row[band] = row.get(band, 0) + n
                by_band[band] = by_band.get(band, 0) + n
        if a.kind == "pertemuan":
            meetings += 1
            for kind, n in a.representatives.items():
                representatives[kind] = representatives.get(kind, 0) + n
        if a.kind == "pelatihan":
            trainings += 1
            trainees += people
            libraries += a.trainee_libraries
    return MonthFigures(
        activities=len(held),
        people=male + female,
        male=male,
        female=female,
        by_category=by_category,
        people_by_category=people_by_category,
        by_strategy=by_strategy,
        by_kind=by_kind,
        by_age_band=by_band,
        by_gender_band=by_gender_band,
        meetings=meetings,
        representatives=sum(representatives.values()),
        representatives_by_type=representatives,
        trainings=trainings,
        trainees=trainees,
        trainee_libraries=libraries,
        planned=sum(1 for a in activities if a.status == "rencana" and not a.deleted),
        cancelled=sum(1 for a in activities if a.status == "batal" and not a.deleted),
    )


# --- helpers: reading -----------------------------------------------------------------


def activity_views_between(
    conn: sqlite3.Connection, start: datetime, end: datetime, zone: tzinfo
) -> list[ActivityView]:
    """Activities starting from ``start`` up to ``end`` (exclusive; aware times), in time order.

    Read as :meth:`ActivityService.month_list` reads them (deleted left out,
    cancelled kept), on any connection; ``zone`` gives each activity's local day.
    """
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM activity WHERE starts_at >= ? AND starts_at < ?"
        " AND deleted_at IS NULL ORDER BY starts_at, id",
        (to_db(start), to_db(end)),
    ).fetchall()
    return [_view(row, zone) for row in rows]


def _library(raw: sqlite3.Connection) -> _Library:
    row = raw.execute(
        "SELECT id, region_code, library_type FROM library WHERE deleted_at IS NULL"
        " ORDER BY created_at LIMIT 1"
    ).fetchone()
    if row is None:
        raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet."))
    return _Library(row[0], row[1], row[2], ZONES[zone_for_region(row[1])])


def _lists(raw: sqlite3.Connection) -> _Lists:
    settings = Settings(raw)
    bands = codes.age_bands(settings.get("age_bands"))
    offered = codes.activity_categories(settings.get("activity_categories"))
    return _Lists(categories=codes.codes(offered), bands=codes.codes(bands), age_bands=bands)


def _month_bounds(year: int, month: int, zone: tzinfo) -> tuple[datetime, datetime]:
    start = datetime.combine(date(year, month, 1), time(0), tzinfo=zone)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    end = datetime.combine(following, time(0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _json(text: object) -> Any:
    return json.loads(text) if isinstance(text, str | bytes) else text


def _view(r: sqlite3.Row, zone: tzinfo) -> ActivityView:
    starts = from_db(r[5])
    created = from_db(r[20])
    assert starts is not None and created is not None
    grid = _json(r[14]) or {}
    reps = _json(r[17]) or {}
    return ActivityView(
        id=r[0],
        kind=r[1],
        title=r[2],
        category=r[3],
        strategy=r[4],
        starts_at=starts,
        ends_at=from_db(r[6]),
        day=starts.astimezone(zone).date(),
        place=r[7] or "",
        facilitator=r[8] or "",
        partner_ids=tuple(_json(r[9]) or ()),
        description=r[10] or "",
        outcomes=r[11] or "",
        status=r[12],
        target_group=r[13],
        participants={
            str(g): {str(b): int(n) for b, n in bands.items()} for g, bands in grid.items()
        },
        participants_male=int(r[15]),
        participants_female=int(r[16]),
        representatives={str(k): int(n) for k, n in reps.items()},
        commitments=r[18] or "",
        trainee_libraries=int(r[19] or 0),
        created_at=created,
        deleted=r[21] is not None,
    )


def _missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That activity no longer exists."))


def _audit(conn: sqlite3.Connection, actor: User, action: str, activity_id: str, name: str) -> None:
    """A local audit entry for a photo (photos are files, not synced records)."""
    conn.execute(
        "INSERT INTO audit_entry (at, user_id, username, action, table_name, record_id, detail)"
        " VALUES (?, ?, ?, ?, 'activity', ?, ?)",
        (
            to_db(utcnow()),
            actor.id,
            actor.username,
            action,
            activity_id,
            json.dumps({"photo": name}),
        ),
    )


# --- helpers: checking ----------------------------------------------------------------


def _text(value: str | None, field_name: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "This text is too long (at most {limit} characters)."),
            field=field_name,
            limit=limit,
        )
    return text


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
    if value > MAX_PEOPLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "More than {max} people? Check the number."),
            field=field_name,
            max=MAX_PEOPLE,
        )
    return value


def _ordered_grid(
    grid: Mapping[str, Mapping[str, int]], bands: Sequence[str]
) -> dict[str, dict[str, int]]:
    """The grid as stored: genders L then P, bands in the library's order, no zeros."""
    ordered: dict[str, dict[str, int]] = {}
    for gender in GENDER_CODES:
        row = {band: grid[gender][band] for band in bands if grid.get(gender, {}).get(band)}
        if row:
            ordered[gender] = row
    return ordered


def _grid(data: Mapping[str, Mapping[str, int]], bands: Sequence[str]) -> dict[str, dict[str, int]]:
    field_name = "participants"
    checked: dict[str, dict[str, int]] = {}
    for gender, row in data.items():
        if gender not in GENDER_CODES or not isinstance(row, Mapping):
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Unknown gender {code}."),
                field=field_name,
                code=str(gender),
            )
        for band, n in row.items():
            if band not in bands:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("PerpusDesa", "Unknown age group {code}."),
                    field=field_name,
                    code=str(band),
                )
            checked.setdefault(gender, {})[band] = _count(n, field_name)
    return _ordered_grid(checked, bands)


def _code(value: str | None, allowed: Sequence[str], field_name: str, message: str) -> str:
    if value not in allowed:
        raise ValidationError(message, field=field_name)
    assert value is not None
    return value


def _checked(
    raw: sqlite3.Connection,
    library: _Library,
    lists: _Lists,
    data: ActivityInput,
    status: str,
    now: datetime,
    current: Any,
) -> dict[str, Any]:
    """The activity's column values from ``data``, or a ValidationError naming the field.

    ``current`` is the record being changed (its codes stay allowed even if no
    longer offered), or None for a new one.
    """
    title = _text(data.title, "title", MAX_TITLE)
    if not title:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the title of the activity."), field="title"
        )
    kind = _code(
        data.kind,
        codes.codes(KINDS),
        "kind",
        QT_TRANSLATE_NOOP("PerpusDesa", "Choose activity, stakeholder meeting or training."),
    )
    carried_category = (current.category_code,) if current is not None else ()
    category = _code(
        data.category,
        (*lists.categories, *carried_category),
        "category",
        QT_TRANSLATE_NOOP("PerpusDesa", "Choose the category of the activity."),
    )
    strategy = _code(
        data.strategy,
        codes.codes(STRATEGIES),
        "strategy",
        QT_TRANSLATE_NOOP("PerpusDesa", "Choose the TPBIS strategy of the activity."),
    )
    status = _code(
        status,
        codes.codes(STATUSES),
        "status",
        QT_TRANSLATE_NOOP("PerpusDesa", "Choose planned, held or cancelled."),
    )
    target_group = (data.target_group or "").strip() or None
    carried_group = (current.target_group,) if current is not None else ()
    if target_group is not None and target_group not in (
        *codes.codes(TARGET_GROUPS),
        *carried_group,
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the group the activity mainly reached."),
            field="target_group",
        )

    starts_at = data.starts_at
    if not isinstance(starts_at, datetime):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in when the activity starts."), field="starts_at"
        )
    if starts_at.tzinfo is None:
        raise ValueError("naive starts_at; give an aware datetime")
    starts_at = starts_at.astimezone(UTC)
    ends_at = data.ends_at
    if ends_at is not None:
        if ends_at.tzinfo is None:
            raise ValueError("naive ends_at; give an aware datetime")
        ends_at = ends_at.astimezone(UTC)
        if ends_at <= starts_at:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The activity must end after it starts."),
                field="ends_at",
            )
        if ends_at - starts_at > timedelta(days=31):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "An activity longer than a month? Check the end date."
                ),
                field="ends_at",
            )
    if status == "terlaksana" and starts_at > now + FUTURE_TOLERANCE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The activity has not started yet: save it as planned, and record it once held.",
            ),
            field="status",
        )

    grid = _grid(data.participants, lists.bands)
    totals = grid_totals(grid)
    if totals.total > MAX_PEOPLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "More than {max} people? Check the number."),
            field="participants",
            max=MAX_PEOPLE,
        )
    if status == "terlaksana" and totals.total == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Fill in how many men and women of each age group took part."
            ),
            field="participants",
        )

    representatives: dict[str, int] = {}
    carried_types = tuple(current.representatives or {}) if current is not None else ()
    allowed_types = (*codes.codes(REPRESENTATIVE_TYPES), *carried_types)
    for rep_type, n in data.representatives.items():
        if rep_type not in allowed_types:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Unknown kind of representative {code}."),
                field="representatives",
                code=str(rep_type),
            )
        count = _count(n, "representatives")
        if count:
            representatives[rep_type] = count
    if representatives and kind != "pertemuan":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Representatives are recorded for stakeholder meetings only."
            ),
            field="representatives",
        )
    reps_total = sum(representatives.values())
    if status == "terlaksana" and kind == "pertemuan" and reps_total == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Fill in how many representatives of each kind came to the meeting."
            ),
            field="representatives",
        )
    if totals.total and reps_total > totals.total:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The representatives add up to {representatives} people, more than the"
                " {participants} who took part.",
            ),
            field="representatives",
            representatives=reps_total,
            participants=totals.total,
        )
    commitments = _text(data.commitments, "commitments", MAX_TEXT)
    if commitments and kind != "pertemuan":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Commitments are recorded for stakeholder meetings only."
            ),
            field="commitments",
        )

    libraries = data.trainee_libraries
    if isinstance(libraries, bool) or not isinstance(libraries, int) or libraries < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The number of libraries must be a whole number, 0 or more."
            ),
            field="trainee_libraries",
        )
    if libraries and kind != "pelatihan":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Libraries of trainees are recorded for trainings only."
            ),
            field="trainee_libraries",
        )
    if totals.total and libraries > totals.total:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "{libraries} libraries cannot have sent only {participants} people.",
            ),
            field="trainee_libraries",
            libraries=libraries,
            participants=totals.total,
        )

    partner_ids = list(dict.fromkeys(p for p in data.partner_ids if p))
    for partner_id in partner_ids:
        row = raw.execute(
            "SELECT 1 FROM partner WHERE id = ? AND library_id = ? AND deleted_at IS NULL",
            (partner_id, library.id),
        ).fetchone()
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "A chosen partner is no longer in the list."),
                field="partner_ids",
            )

    return {
        "kind": kind,
        "title": title,
        "category_code": category,
        "strategy": strategy,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": _text(data.place, "place", MAX_NAME),
        "facilitator": _text(data.facilitator, "facilitator", MAX_NAME),
        "partner_ids": partner_ids,
        "description": _text(data.description, "description", MAX_TEXT),
        "outcomes": _text(data.outcomes, "outcomes", MAX_TEXT),
        "status": status,
        "target_group": target_group,
        "participants": grid,
        "participants_male": totals.male,
        "participants_female": totals.female,
        "representatives": representatives,
        "commitments": commitments,
        "trainee_libraries": libraries,
    }
