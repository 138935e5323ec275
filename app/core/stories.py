"""Success stories (Kisah Sukses): a person's story, kept only with their recorded consent.

A story names a person (name, gender, age band, occupation), a category, the
activity that helped, the story itself, optional figures before and after
(for example the monthly income in Rupiah) and a photo. It is kept only with
consent, recorded with its date and the staff member who witnessed it; a
child's story (an age band starting under 18) also needs a parent's or
guardian's consent. Whether it may be published with the name is part of the
consent: :meth:`StoryService.publishable` gives what may be shown outside the
library (no name, no photo, the name's words reduced to initials in the
text, unless the person agreed to publication with the name).

The photo is copied to ``<data folder>/photos/stories/<story id>.<ext>``
(a JPEG or PNG of at most 5 MB) and ``photo_path`` keeps that path relative
to the data folder.

Writes go through :class:`app.db.uow.UnitOfWork`; bad input raises
:class:`ValidationError` naming the field and nothing is written. A
volunteer (Permission.RECORD) may record a story and change it on the day it
was typed in; older stories need Permission.EDIT, deleting Permission.DELETE.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import codes
from app.core.activities import check_picture, copy_picture
from app.core.auth import Permission
from app.core.clock import ZONES, from_db, to_db, zone_for_region
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.service import Service
from app.core.settings import Settings
from app.core.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass

CATEGORIES = (
    codes.Code("peningkatan_pendapatan", QT_TRANSLATE_NOOP("PerpusDesa", "Higher income")),
    codes.Code("keterampilan_baru", QT_TRANSLATE_NOOP("PerpusDesa", "New skills")),
    codes.Code("usaha_baru", QT_TRANSLATE_NOOP("PerpusDesa", "New business")),
    codes.Code("pendidikan", QT_TRANSLATE_NOOP("PerpusDesa", "Education")),
    codes.Code("pemberdayaan_perempuan", QT_TRANSLATE_NOOP("PerpusDesa", "Women's empowerment")),
    codes.Code("kesehatan", QT_TRANSLATE_NOOP("PerpusDesa", "Health")),
    codes.Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

ADULT_AGE = 18
PHOTO_FOLDER = "photos/stories"
MAX_NAME = 200
MAX_OCCUPATION = 40
MAX_TITLE = 300
MAX_LABEL = 100
MAX_TEXT = 20000
MAX_FIGURE = 1_000_000_000_000


# --- what callers hand in and get back ---------------------------------------------------


@dataclass(frozen=True)
class StoryInput:
    """A story as the form gives it, with the consent as recorded."""

    person_name: str
    gender: str  # "L" / "P"
    age_band: str  # a code of the library's age bands
    category: str  # a code of CATEGORIES
    title: str
    text: str
    consent_given: bool  # the person agreed to the story being kept (and shown in the library)
    consent_witness: str | None  # the id of the staff member who witnessed it
    consent_on: date | None = None  # None: today
    publish_with_name: bool = False  # the person agreed to publication with the name
    guardian_name: str | None = None  # a child's parent or guardian
    guardian_consent: bool = False  # required for a child
    occupation: str | None = None
    activity_id: str | None = None
    figure_label: str | None = None  # what the figures measure, e.g. "Omzet per bulan (Rp)"
    value_before: int | None = None
    value_after: int | None = None
    photo_source: Path | None = None  # a picture to copy in (replaces the one kept)
    remove_photo: bool = False


@dataclass(frozen=True)
class StoryView:
    id: str
    person_name: str
    gender: str
    age_band: str
    occupation: str | None
    category: str
    activity_id: str | None
    activity_title: str | None
    title: str
    text: str
    figure_label: str | None
    value_before: int | None
    value_after: int | None
    photo_path: str | None  # relative to the data folder
    consent_at: datetime
    consent_on: date  # the library's local day
    consent_witness: str
    witness_name: str | None
    publish_with_name: bool
    guardian_name: str | None
    guardian_consent_at: datetime | None
    created_at: datetime
    deleted: bool = False

    def as_input(self) -> StoryInput:
        """The story as the form fills it in (consent as recorded), for ``update``."""
        return StoryInput(
            person_name=self.person_name,
            gender=self.gender,
            age_band=self.age_band,
            category=self.category,
            title=self.title,
            text=self.text,
            consent_given=True,
            consent_witness=self.consent_witness,
            consent_on=self.consent_on,
            publish_with_name=self.publish_with_name,
            guardian_name=self.guardian_name,
            guardian_consent=self.guardian_consent_at is not None,
            occupation=self.occupation,
            activity_id=self.activity_id,
            figure_label=self.figure_label,
            value_before=self.value_before,
            value_after=self.value_after,
        )


@dataclass(frozen=True)
class PublishableStory:
    """What may be shown outside the library: the name and photo only with consent to that."""

    name: str | None  # None: publish without the name
    gender: str
    age_band: str
    occupation: str | None
    category: str
    title: str
    text: str
    figure_label: str | None
    value_before: int | None
    value_after: int | None
    photo_path: str | None  # None unless published with the name


# --- the service -------------------------------------------------------------------------

_SQL = (
    "SELECT s.id, s.person_name, s.gender, s.age_band, s.occupation, s.category,"
    " s.activity_id, a.title, s.title, s.text, s.figure_label, s.value_before, s.value_after,"
    " s.photo_path, s.consent_at, s.consent_witness, u.full_name, s.publish_with_name,"
    " s.guardian_name, s.guardian_consent_at, s.created_at, s.deleted_at"
    " FROM story s LEFT JOIN activity a ON a.id = s.activity_id"
    " LEFT JOIN staff_user u ON u.id = s.consent_witness"
)


class StoryService(Service):
    """Success stories of this library for one logged-in staff member."""

    def _zone(self, raw: sqlite3.Connection) -> tzinfo:
        row = raw.execute(
            "SELECT region_code FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
        ).fetchone()
        if row is None:
            raise KnownError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet.")
            )
        return ZONES[zone_for_region(row[0])]

    # --- reading ----------------------------------------------------------------------

    def stories(self, *, category: str | None = None) -> list[StoryView]:
        """The stories (deleted left out), newest consent first."""
        zone = self._zone(self.conn)
        sql = _SQL + " WHERE s.deleted_at IS NULL"
        params: list[Any] = []
        if category is not None:
            sql += " AND s.category = ?"
            params.append(category)
        rows = self.conn.execute(sql + " ORDER BY s.consent_at DESC, s.id DESC", params)
        return [_view(row, zone) for row in rows.fetchall()]

    def get(self, story_id: str) -> StoryView | None:
        row = self.conn.execute(_SQL + " WHERE s.id = ?", (story_id,)).fetchone()
        return None if row is None else _view(row, self._zone(self.conn))

    def photo_file(self, view: StoryView) -> Path | None:
        """The story's photo on this PC, if it has one."""
        return None if view.photo_path is None else self.db.data_dir / view.photo_path

    def is_child(self, age_band: str) -> bool:
        """A story of someone in this age band needs a guardian's consent."""
        return _is_child(age_band, codes.age_bands(Settings(self.conn).get("age_bands")))

    def can_change(self, view: StoryView) -> bool:
        if self.actor.can(Permission.EDIT):
            return True
        if not self.actor.can(Permission.RECORD):
            return False
        zone = self._zone(self.conn)
        return view.created_at.astimezone(zone).date() == self.now().astimezone(zone).date()

    def publishable(self, story_id: str) -> PublishableStory:
        """What of the story may be published (see the module docstring)."""
        view = self.get(story_id)
        if view is None or view.deleted:
            raise _missing()
        return publishable(view)

    # --- writing ----------------------------------------------------------------------

    def record(self, data: StoryInput) -> str:
        """Save a new story with its consent; its id."""
        from app.db.models import Story

        if not self.actor.can(Permission.RECORD):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not record stories.")
            )
        story_id = uuid7()
        copied: list[str] = []
        try:
            with self._uow() as uow:
                raw = uow.dbapi_connection()
                values = _checked(raw, self._zone(raw), data, self.now(), None)
                suffix = None if data.photo_source is None else check_picture(data.photo_source)
                story = Story(id=story_id, photo_path=None, **values)
                uow.add(story)
                if data.photo_source is not None and suffix is not None:
                    story.photo_path = self._store_photo(data.photo_source, story_id, suffix)
                    copied.append(story.photo_path)
        except BaseException:
            self._forget(copied)
            raise
        return story_id

    def update(self, story_id: str, data: StoryInput) -> None:
        """Change a story; a new ``photo_source`` replaces the photo kept."""
        copied: list[str] = []
        try:
            old_photo, new_photo = self._update(story_id, data, copied)
        except BaseException:
            self._forget(copied)
            raise
        if old_photo is not None and old_photo != new_photo:
            self._forget([old_photo])

    def _update(
        self, story_id: str, data: StoryInput, copied: list[str]
    ) -> tuple[str | None, str | None]:
        from app.db.models import Story

        with self._uow() as uow:
            story = uow.get(Story, story_id)
            if story is None or story.deleted_at is not None:
                raise _missing()
            raw = uow.dbapi_connection()
            zone = self._zone(raw)
            if not self.actor.can(Permission.EDIT):
                today = self.now().astimezone(zone).date()
                made = story.created_at.astimezone(zone).date()
                if not self.actor.can(Permission.RECORD) or made != today:
                    raise PermissionDenied(
                        QT_TRANSLATE_NOOP(
                            "PerpusDesa", "Your role may change only the stories typed in today."
                        )
                    )
            values = _checked(raw, zone, data, self.now(), story)
            suffix = None if data.photo_source is None else check_picture(data.photo_source)
            for name, value in values.items():
                if getattr(story, name) != value:
                    setattr(story, name, value)
            old_photo = story.photo_path
            if data.photo_source is not None and suffix is not None:
                story.photo_path = self._store_photo(data.photo_source, story_id, suffix)
                copied.append(story.photo_path)
            elif data.remove_photo:
                story.photo_path = None
            return old_photo, story.photo_path

    def delete(self, story_id: str) -> None:
        from app.db.models import Story

        if not self.actor.can(Permission.DELETE):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not delete stories.")
            )
        with self._uow() as uow:
            story = uow.get(Story, story_id)
            if story is None or story.deleted_at is not None:
                raise _missing()
            uow.delete(story)

    def _forget(self, photos: list[str]) -> None:
        """Remove photo files no record refers to (any more)."""
        for relative in photos:
            (self.db.data_dir / relative).unlink(missing_ok=True)

    def _store_photo(self, source: Path, story_id: str, suffix: str) -> str:
        relative = f"{PHOTO_FOLDER}/{story_id}-{uuid7()}{suffix}"
        copy_picture(source, self.db.data_dir / relative)
        return relative


# --- publishing ------------------------------------------------------------------------


def publishable(view: StoryView) -> PublishableStory:
    """The story as it may be shown outside the library.

    Without consent to publish with the name: no name, no photo, and each word
    of the name (three letters or more) in the title and text cut to its initial.
    """
    title, text = view.title, view.text
    if not view.publish_with_name:
        for word in sorted(set(view.person_name.split()), key=len, reverse=True):
            if len(word) >= 3:
                pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
                title = pattern.sub(word[0].upper() + ".", title)
                text = pattern.sub(word[0].upper() + ".", text)
    return PublishableStory(
        name=view.person_name if view.publish_with_name else None,
        gender=view.gender,
        age_band=view.age_band,
        occupation=view.occupation,
        category=view.category,
        title=title,
        text=text,
        figure_label=view.figure_label,
        value_before=view.value_before,
        value_after=view.value_after,
        photo_path=view.photo_path if view.publish_with_name else None,
    )


# --- helpers ---------------------------------------------------------------------------


def story_views_between(
    conn: sqlite3.Connection, start: datetime, end: datetime, zone: tzinfo
) -> list[StoryView]:
    """Stories whose consent was given from ``start`` up to ``end`` (exclusive; aware times).

    In the order the consent was given (deleted left out), on any connection;
    ``zone`` gives each consent's local day.
    """
    rows = conn.execute(
        _SQL + " WHERE s.deleted_at IS NULL AND s.consent_at >= ? AND s.consent_at < ?"
        " ORDER BY s.consent_at, s.id",
        (to_db(start), to_db(end)),
    ).fetchall()
    return [_view(row, zone) for row in rows]


def _missing() -> KnownError:
    return KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "That story no longer exists."))


def _is_child(age_band: str, bands: tuple[codes.AgeBand, ...]) -> bool:
    return any(b.code == age_band and b.min_age < ADULT_AGE for b in bands)


def _view(r: sqlite3.Row, zone: tzinfo) -> StoryView:
    consent_at = from_db(r[14])
    created = from_db(r[20])
    assert consent_at is not None and created is not None
    return StoryView(
        id=r[0],
        person_name=r[1],
        gender=r[2],
        age_band=r[3],
        occupation=r[4],
        category=r[5],
        activity_id=r[6],
        activity_title=r[7],
        title=r[8],
        text=r[9],
        figure_label=r[10],
        value_before=r[11],
        value_after=r[12],
        photo_path=r[13],
        consent_at=consent_at,
        consent_on=consent_at.astimezone(zone).date(),
        consent_witness=r[15],
        witness_name=r[16],
        publish_with_name=bool(r[17]),
        guardian_name=r[18],
        guardian_consent_at=from_db(r[19]),
        created_at=created,
        deleted=r[21] is not None,
    )


def _text(value: str | None, field_name: str, limit: int, *, lines: bool = False) -> str | None:
    text = (value or "").strip() if lines else " ".join((value or "").split())
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "This text is too long (at most {limit} characters)."),
            field=field_name,
            limit=limit,
        )
    return text or None


def _figure(value: object, field_name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a whole number."), field=field_name
        )
    if value < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "A figure cannot be negative."), field=field_name
        )
    if value > MAX_FIGURE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The number is too large: check it."), field=field_name
        )
    return value


def _checked(
    raw: sqlite3.Connection, zone: tzinfo, data: StoryInput, now: datetime, current: Any
) -> dict[str, Any]:
    """The story's column values (photo aside), or a ValidationError naming the field.

    ``current`` is the story being changed (its category stays allowed), or None.
    """
    if not data.consent_given:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "A story is kept only with the person's consent. Ask for it and record it first.",
            ),
            field="consent_given",
        )
    name = _text(data.person_name, "person_name", MAX_NAME)
    if name is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the person's name."), field="person_name"
        )
    if data.gender not in ("L", "P"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the person's gender."), field="gender"
        )
    bands = codes.age_bands(Settings(raw).get("age_bands"))
    if data.age_band not in codes.codes(bands):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the person's age group."), field="age_band"
        )
    carried = (current.category,) if current is not None else ()
    if data.category not in (*codes.codes(CATEGORIES), *carried):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the category of the story."), field="category"
        )
    title = _text(data.title, "title", MAX_TITLE)
    if title is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the title of the story."), field="title"
        )
    text = _text(data.text, "text", MAX_TEXT, lines=True)
    if text is None:
        raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Write the story."), field="text")
    activity_id = (data.activity_id or "").strip() or None
    if activity_id is not None:
        row = raw.execute(
            "SELECT 1 FROM activity WHERE id = ? AND deleted_at IS NULL", (activity_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The chosen activity is no longer in the list."),
                field="activity_id",
            )
    before = _figure(data.value_before, "value_before")
    after = _figure(data.value_after, "value_after")
    label = _text(data.figure_label, "figure_label", MAX_LABEL)
    if (before is not None or after is not None) and label is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Say what the figures measure, for example the monthly income."
            ),
            field="figure_label",
        )

    today = now.astimezone(zone).date()
    consent_on = data.consent_on or today
    if consent_on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The date of the consent lies in the future."),
            field="consent_on",
        )
    if current is not None and consent_on == current.consent_at.astimezone(zone).date():
        consent_at = current.consent_at  # unchanged: the moment recorded stays
    elif consent_on == today:
        consent_at = now.astimezone(UTC)
    else:
        consent_at = datetime.combine(consent_on, time(12), tzinfo=zone).astimezone(UTC)
    witness = (data.consent_witness or "").strip()
    row = raw.execute("SELECT active FROM staff_user WHERE id = ?", (witness,)).fetchone()
    if row is None or (not row[0] and (current is None or current.consent_witness != witness)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the staff member who witnessed the consent."),
            field="consent_witness",
        )

    guardian_name: str | None = None
    guardian_at: datetime | None = None
    if _is_child(data.age_band, bands):
        guardian_name = _text(data.guardian_name, "guardian_name", MAX_NAME)
        if guardian_name is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "A child's story needs a parent's or guardian's consent: fill in their name.",
                ),
                field="guardian_name",
            )
        if not data.guardian_consent:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "A child's story needs a parent's or guardian's consent."
                ),
                field="guardian_consent",
            )
        guardian_at = consent_at
        if (
            current is not None
            and current.guardian_consent_at is not None
            and consent_at == current.consent_at
        ):
            guardian_at = current.guardian_consent_at

    return {
        "person_name": name,
        "gender": data.gender,
        "age_band": data.age_band,
        "occupation": _text(data.occupation, "occupation", MAX_OCCUPATION),
        "category": data.category,
        "activity_id": activity_id,
        "title": title,
        "text": text,
        "figure_label": label,
        "value_before": before,
        "value_after": after,
        "consent_at": consent_at,
        "consent_witness": witness,
        "publish_with_name": bool(data.publish_with_name),
        "guardian_name": guardian_name,
        "guardian_consent_at": guardian_at,
    }
