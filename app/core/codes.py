"""The code lists every part of the program shares (and the national statistics count).

Codes are stable, short and Indonesian (they travel in the sync); labels are
English in the source and translated for display. Age bands and visit
purposes can be changed by the library (Settings keys ``age_bands`` and
``purposes``); the codes of the defaults keep their national meaning.

What the library may change, checked by ``check_purposes`` and
``check_age_bands`` (``app.core.settings.validate`` calls them):

- purposes: rename (a label typed by the library is shown as it is, a default
  label is translated), hide (``"hidden": true``: kept for the labels of old
  visits but no longer offered) and add its own, whose code is made from the
  label (``new_purpose_code``). The national codes stay; one purpose at least
  stays offered; labels are filled in, at most ``MAX_LABEL`` characters, and
  all different.
- age bands: rename, and move the lower ages of the bands after the first
  (the first starts at 0; the ages rise; at most ``MAX_AGE``). The four
  national bands stay, none is added or removed.
- activity categories (``activity_categories``, checked by
  ``check_activity_categories``): rename, reorder and hide the ten national
  categories; none is added or removed. An activity stores the national code,
  so a category renamed by the library still counts under its national code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from app.core.errors import ValidationError
from app.core.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Code:
    code: str
    label: str  # English source text; translate with QCoreApplication.translate("PerpusDesa", …)


@dataclass(frozen=True)
class AgeBand:
    code: str
    label: str
    min_age: int  # inclusive; the band ends where the next one starts


GENDERS = (
    Code("L", QT_TRANSLATE_NOOP("PerpusDesa", "Male")),
    Code("P", QT_TRANSLATE_NOOP("PerpusDesa", "Female")),
)

DEFAULT_AGE_BANDS = (
    AgeBand("anak", QT_TRANSLATE_NOOP("PerpusDesa", "Child (0–12)"), 0),
    AgeBand("remaja", QT_TRANSLATE_NOOP("PerpusDesa", "Teenager (13–17)"), 13),
    AgeBand("dewasa", QT_TRANSLATE_NOOP("PerpusDesa", "Adult (18–59)"), 18),
    AgeBand("lansia", QT_TRANSLATE_NOOP("PerpusDesa", "Elderly (60+)"), 60),
)

DEFAULT_PURPOSES = (
    Code("membaca", QT_TRANSLATE_NOOP("PerpusDesa", "Reading in the library")),
    Code("pinjam", QT_TRANSLATE_NOOP("PerpusDesa", "Borrowing or returning books")),
    Code("internet", QT_TRANSLATE_NOOP("PerpusDesa", "Internet or computer")),
    Code("kegiatan", QT_TRANSLATE_NOOP("PerpusDesa", "Taking part in an activity")),
    Code("belajar", QT_TRANSLATE_NOOP("PerpusDesa", "Studying or homework")),
    Code("informasi", QT_TRANSLATE_NOOP("PerpusDesa", "Looking for information")),
    Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

# The national activity categories of the programme (issue 5), in the order shown.
DEFAULT_ACTIVITY_CATEGORIES = (
    Code("pelatihan", QT_TRANSLATE_NOOP("PerpusDesa", "Skills training")),
    Code("literasi_digital", QT_TRANSLATE_NOOP("PerpusDesa", "Digital literacy and ICT")),
    Code("pertanian", QT_TRANSLATE_NOOP("PerpusDesa", "Farming and fishing")),
    Code("umkm", QT_TRANSLATE_NOOP("PerpusDesa", "Small business and entrepreneurship")),
    Code("literasi_anak", QT_TRANSLATE_NOOP("PerpusDesa", "Children's literacy and storytelling")),
    Code("kesehatan", QT_TRANSLATE_NOOP("PerpusDesa", "Health and family")),
    Code("bimbingan_belajar", QT_TRANSLATE_NOOP("PerpusDesa", "Tutoring")),
    Code("pertemuan", QT_TRANSLATE_NOOP("PerpusDesa", "Stakeholder meeting")),
    Code("bimtek", QT_TRANSLATE_NOOP("PerpusDesa", "Technical guidance for library managers")),
    Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

MEMBER_TYPES = (
    Code("umum", QT_TRANSLATE_NOOP("PerpusDesa", "General public")),
    Code("pelajar", QT_TRANSLATE_NOOP("PerpusDesa", "Pupil or student")),
    Code("anak", QT_TRANSLATE_NOOP("PerpusDesa", "Child")),
)

OCCUPATIONS = (
    Code("petani", QT_TRANSLATE_NOOP("PerpusDesa", "Farmer")),
    Code("nelayan", QT_TRANSLATE_NOOP("PerpusDesa", "Fisher")),
    Code("pedagang", QT_TRANSLATE_NOOP("PerpusDesa", "Trader or small business")),
    Code("ibu_rumah_tangga", QT_TRANSLATE_NOOP("PerpusDesa", "Homemaker")),
    Code("pelajar", QT_TRANSLATE_NOOP("PerpusDesa", "Pupil or student")),
    Code("guru", QT_TRANSLATE_NOOP("PerpusDesa", "Teacher")),
    Code("pns", QT_TRANSLATE_NOOP("PerpusDesa", "Civil servant, army or police")),
    Code("karyawan", QT_TRANSLATE_NOOP("PerpusDesa", "Employee")),
    Code("buruh", QT_TRANSLATE_NOOP("PerpusDesa", "Labourer")),
    Code("tidak_bekerja", QT_TRANSLATE_NOOP("PerpusDesa", "Not working")),
    Code("lainnya", QT_TRANSLATE_NOOP("PerpusDesa", "Other")),
)

EDUCATION = (
    Code("tidak_sekolah", QT_TRANSLATE_NOOP("PerpusDesa", "No schooling")),
    Code("sd", QT_TRANSLATE_NOOP("PerpusDesa", "Primary school (SD)")),
    Code("smp", QT_TRANSLATE_NOOP("PerpusDesa", "Junior high school (SMP)")),
    Code("sma", QT_TRANSLATE_NOOP("PerpusDesa", "Senior high school (SMA/SMK)")),
    Code("diploma", QT_TRANSLATE_NOOP("PerpusDesa", "Diploma (D1–D3)")),
    Code("s1", QT_TRANSLATE_NOOP("PerpusDesa", "Bachelor (S1)")),
    Code("s2", QT_TRANSLATE_NOOP("PerpusDesa", "Master or doctorate (S2/S3)")),
)


MAX_LABEL = 60  # characters of a purpose's or an age band's name
MAX_AGE = 120  # the oldest age a band may start at
MAX_OFFERED_PURPOSES = 20  # the kiosk and the guestbook forms show them all at once
MAX_CODE = 40

NATIONAL_PURPOSE_CODES = tuple(p.code for p in DEFAULT_PURPOSES)
NATIONAL_AGE_BAND_CODES = tuple(b.code for b in DEFAULT_AGE_BANDS)
NATIONAL_ACTIVITY_CATEGORY_CODES = tuple(c.code for c in DEFAULT_ACTIVITY_CATEGORIES)

_CODE = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*\Z")
_PURPOSE_KEYS = frozenset({"code", "label", "hidden"})
_AGE_BAND_KEYS = frozenset({"code", "label", "min_age"})


@dataclass(frozen=True)
class PurposeEntry:
    """One visit purpose as the library keeps it, hidden ones included."""

    code: str
    label: str
    hidden: bool = False

    @property
    def national(self) -> bool:
        """A code of the national statistics: it can be renamed or hidden, never removed."""
        return self.code in NATIONAL_PURPOSE_CODES


def _as_is(text: str) -> str:
    return text


def _bands_of(setting: Any) -> tuple[AgeBand, ...] | None:
    if not isinstance(setting, list) or not setting:
        return None
    try:
        bands = tuple(AgeBand(str(b["code"]), str(b["label"]), int(b["min_age"])) for b in setting)
    except (KeyError, TypeError, ValueError):
        return None
    if bands[0].min_age == 0 and all(a.min_age < b.min_age for a, b in pairwise(bands)):
        return bands
    return None


def age_bands(setting: Any = None) -> tuple[AgeBand, ...]:
    """The library's age bands: the ``age_bands`` setting if valid, else the defaults."""
    return _bands_of(setting) or DEFAULT_AGE_BANDS


def _entries_of(setting: Any) -> tuple[PurposeEntry, ...] | None:
    if not isinstance(setting, list) or not setting:
        return None
    try:
        return tuple(
            PurposeEntry(str(p["code"]), str(p["label"]), p.get("hidden") is True) for p in setting
        )
    except (KeyError, TypeError, AttributeError):
        return None


def purposes(setting: Any = None) -> tuple[Code, ...]:
    """The purposes offered: the ``purposes`` setting if valid (hidden ones left out), else the defaults."""
    entries = _entries_of(setting)
    offered = tuple(Code(e.code, e.label) for e in entries or () if not e.hidden)
    return offered or DEFAULT_PURPOSES


def all_purposes(setting: Any = None) -> tuple[Code, ...]:
    """Every purpose a visit may carry, hidden ones included: for the labels of old visits.

    The national purposes are always there, whatever the setting holds.
    """
    entries = _entries_of(setting) or ()
    found = tuple(Code(e.code, e.label) for e in entries)
    known = {c.code for c in found}
    return (
        found + tuple(p for p in DEFAULT_PURPOSES if p.code not in known)
        if found
        else DEFAULT_PURPOSES
    )


def purpose_entries(setting: Any = None) -> tuple[PurposeEntry, ...]:
    """The purposes with their hidden flag, as the settings editor shows them."""
    entries = _entries_of(setting) or ()
    known = {e.code for e in entries}
    missing = tuple(PurposeEntry(p.code, p.label) for p in DEFAULT_PURPOSES if p.code not in known)
    return (
        entries + missing
        if entries
        else tuple(PurposeEntry(p.code, p.label) for p in DEFAULT_PURPOSES)
    )


def purposes_setting(entries: Iterable[PurposeEntry]) -> list[dict[str, Any]]:
    """The value to store under the ``purposes`` key."""
    return [{"code": e.code, "label": e.label, "hidden": e.hidden} for e in entries]


def restored_purposes(entries: Iterable[PurposeEntry]) -> tuple[PurposeEntry, ...]:
    """The national purposes with their own labels, all offered; the library's own kept hidden.

    The library's own purposes stay (hidden), so that old visits keep their labels.
    """
    own = tuple(PurposeEntry(e.code, e.label, hidden=True) for e in entries if not e.national)
    return tuple(PurposeEntry(p.code, p.label) for p in DEFAULT_PURPOSES) + own


@dataclass(frozen=True)
class CategoryEntry:
    """One activity category as the library keeps it: a national code, its label, hidden or not."""

    code: str
    label: str
    hidden: bool = False


def _category_entries_of(setting: Any) -> tuple[CategoryEntry, ...]:
    """The entries of a stored ``activity_categories`` value; unknown codes left out."""
    if not isinstance(setting, list):
        return ()
    found: dict[str, CategoryEntry] = {}
    for item in setting:
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            continue
        code = item.get("code")
        if code in NATIONAL_ACTIVITY_CATEGORY_CODES and code not in found:
            found[code] = CategoryEntry(code, item["label"], item.get("hidden") is True)
    return tuple(found.values())


def activity_category_entries(setting: Any = None) -> tuple[CategoryEntry, ...]:
    """All ten categories in the library's order, with their labels and hidden flags."""
    entries = _category_entries_of(setting)
    known = {e.code for e in entries}
    return entries + tuple(
        CategoryEntry(c.code, c.label) for c in DEFAULT_ACTIVITY_CATEGORIES if c.code not in known
    )


def activity_categories(setting: Any = None) -> tuple[Code, ...]:
    """The categories offered for a new activity (hidden ones left out)."""
    offered = tuple(
        Code(e.code, e.label) for e in activity_category_entries(setting) if not e.hidden
    )
    return offered or DEFAULT_ACTIVITY_CATEGORIES


def all_activity_categories(setting: Any = None) -> tuple[Code, ...]:
    """Every category with the library's label, hidden ones included (labels of old activities)."""
    return tuple(Code(e.code, e.label) for e in activity_category_entries(setting))


def activity_categories_setting(entries: Iterable[CategoryEntry]) -> list[dict[str, Any]]:
    """The value to store under the ``activity_categories`` key."""
    return [{"code": e.code, "label": e.label, "hidden": e.hidden} for e in entries]


def check_activity_categories(
    value: Any, display: Callable[[str], str] = _as_is
) -> list[dict[str, Any]]:
    """The ``activity_categories`` setting, checked and cleaned; a ``ValidationError`` if bad.

    Exactly the ten national codes, each once (in any order); labels filled in,
    at most ``MAX_LABEL`` characters and all different; one at least offered.
    ``display`` as for ``check_purposes``.
    """
    field = "activity_categories"
    if not isinstance(value, list) or not all(
        isinstance(item, dict)
        and {"code", "label"} <= item.keys() <= _PURPOSE_KEYS
        and isinstance(item["code"], str)
        and isinstance(item["label"], str)
        and isinstance(item.get("hidden", False), bool)
        for item in value
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The list of activity categories is damaged: restore the defaults."
            ),
            field=field,
        )
    found = [item["code"] for item in value]
    if len(found) != len(set(found)) or set(found) != set(NATIONAL_ACTIVITY_CATEGORY_CODES):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Activity categories cannot be added, removed or recoded: the national"
                " statistics count exactly these ten. Rename or hide one instead.",
            ),
            field=field,
        )
    cleaned = [
        {
            "code": item["code"],
            "label": clean_label(item["label"]),
            "hidden": item.get("hidden", False),
        }
        for item in value
    ]
    _check_labels(
        [item["label"] for item in cleaned],
        display,
        field,
        empty=QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of activity category {number}."),
        long=QT_TRANSLATE_NOOP(
            "PerpusDesa",
            "The name of activity category {number} is longer than {limit} characters.",
        ),
        twice=QT_TRANSLATE_NOOP("PerpusDesa", 'Two activity categories are called "{label}".'),
    )
    if all(item["hidden"] for item in cleaned):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "At least one activity category must stay offered."),
            field=field,
        )
    return cleaned


def age_bands_setting(bands: Iterable[AgeBand]) -> list[dict[str, Any]]:
    """The value to store under the ``age_bands`` key."""
    return [{"code": b.code, "label": b.label, "min_age": b.min_age} for b in bands]


def new_purpose_code(label: str, taken: Iterable[str]) -> str:
    """A code for a purpose the library adds: its name as a lowercase ASCII slug, unique.

    "Senam Lansia" -> "senam_lansia"; a code taken (the national ones always
    are) gets "_2", "_3"... A name with no Latin letter or digit gives "tujuan".
    """
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[: MAX_CODE - 4].strip("_")
    slug = slug or "tujuan"
    used = set(taken) | set(NATIONAL_PURPOSE_CODES)
    code, number = slug, 1
    while code in used:
        number += 1
        code = f"{slug}_{number}"
    return code


def clean_label(text: str) -> str:
    """A label as it is kept: spaces at the ends dropped, runs of spaces made one."""
    return " ".join(text.split())


def age_range(bands: Sequence[AgeBand], index: int) -> tuple[int, int | None]:
    """(first age, last age) of band ``index``; None for the last: it has no end."""
    low = bands[index].min_age
    return (low, bands[index + 1].min_age - 1) if index + 1 < len(bands) else (low, None)


def _ages_text(low: int, high: int | None) -> str:
    return f"{low}+" if high is None else f"{low}–{high}"


def _label_key(text: str) -> str:
    return clean_label(text).casefold()


def check_purposes(value: Any, display: Callable[[str], str] = _as_is) -> list[dict[str, Any]]:
    """The ``purposes`` setting, checked and cleaned; a ``ValidationError`` if it breaks a rule.

    ``display`` turns a stored label into the text the librarian sees (the UI
    passes its translation), so that messages name what is on the screen and
    two labels that look the same there count as the same.
    """
    field = "purposes"
    damaged = ValidationError(
        QT_TRANSLATE_NOOP("PerpusDesa", "The list of purposes is damaged: restore the defaults."),
        field=field,
    )
    if not isinstance(value, list) or not value:
        raise damaged
    cleaned: list[dict[str, Any]] = []
    for item in value:
        if (
            not isinstance(item, dict)
            or not {"code", "label"} <= item.keys() <= _PURPOSE_KEYS
            or not isinstance(item["code"], str)
            or not isinstance(item["label"], str)
            or not isinstance(item.get("hidden", False), bool)
        ):
            raise damaged
        cleaned.append(
            {
                "code": item["code"],
                "label": clean_label(item["label"]),
                "hidden": item.get("hidden", False),
            }
        )
    seen_codes: set[str] = set()
    for item in cleaned:
        code = item["code"]
        if len(code) > MAX_CODE or not _CODE.match(code):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The purpose code {code} is not valid: use small letters a–z, digits and _.",
                ),
                field=field,
                code=code,
            )
        if code in seen_codes:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The purpose code {code} is used twice."),
                field=field,
                code=code,
            )
        seen_codes.add(code)
    for purpose in DEFAULT_PURPOSES:
        if purpose.code not in seen_codes:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    'The purpose "{label}" is counted by the national statistics and cannot be'
                    " removed or recoded: hide it instead.",
                ),
                field=field,
                label=display(purpose.label),
            )
    _check_labels(
        [item["label"] for item in cleaned],
        display,
        field,
        empty=QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of purpose {number}."),
        long=QT_TRANSLATE_NOOP(
            "PerpusDesa", "The name of purpose {number} is longer than {limit} characters."
        ),
        twice=QT_TRANSLATE_NOOP("PerpusDesa", 'Two purposes are called "{label}".'),
    )
    offered = sum(1 for item in cleaned if not item["hidden"])
    if offered == 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "At least one purpose must stay offered."),
            field=field,
        )
    if offered > MAX_OFFERED_PURPOSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "At most {limit} purposes can be offered at once."),
            field=field,
            limit=MAX_OFFERED_PURPOSES,
        )
    return cleaned


def check_purposes_kept(stored: Any, value: list[dict[str, Any]]) -> None:
    """A purpose saved before stays: old visits carry its code. Hiding it is the way."""
    codes_now = {item["code"] for item in value}
    for entry in purpose_entries(stored):
        if entry.code not in codes_now:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    'The purpose "{label}" was saved before and old visits may carry it:'
                    " hide it instead of removing it.",
                ),
                field="purposes",
                label=entry.label,
            )


def check_age_bands(value: Any, display: Callable[[str], str] = _as_is) -> list[dict[str, Any]]:
    """The ``age_bands`` setting, checked and cleaned; a ``ValidationError`` if it breaks a rule.

    ``display`` as for ``check_purposes``.
    """
    field = "age_bands"
    if (
        not isinstance(value, list)
        or not all(isinstance(item, dict) and item.keys() == _AGE_BAND_KEYS for item in value)
        or not all(isinstance(item["label"], str) for item in value)
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The list of age bands is damaged: restore the defaults."
            ),
            field=field,
        )
    if tuple(item["code"] for item in value) != NATIONAL_AGE_BAND_CODES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Age bands cannot be added, removed or recoded: the national statistics count"
                " exactly these four.",
            ),
            field=field,
        )
    cleaned = [
        {"code": item["code"], "label": clean_label(item["label"]), "min_age": item["min_age"]}
        for item in value
    ]
    _check_labels(
        [item["label"] for item in cleaned],
        display,
        field,
        empty=QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of age band {number}."),
        long=QT_TRANSLATE_NOOP(
            "PerpusDesa", "The name of age band {number} is longer than {limit} characters."
        ),
        twice=QT_TRANSLATE_NOOP("PerpusDesa", 'Two age bands are called "{label}".'),
    )
    previous: dict[str, Any] | None = None
    for item in cleaned:
        age = item["min_age"]
        if not isinstance(age, int) or isinstance(age, bool):
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The ages of the bands must be whole numbers."),
                field=field,
            )
        if previous is None and age != 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The first age band must start at age 0."),
                field=field,
            )
        if age > MAX_AGE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", '"{label}" cannot start above the age of {limit}.'),
                field=field,
                label=display(item["label"]),
                limit=MAX_AGE,
            )
        if previous is not None and age <= previous["min_age"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", '"{label}" must start at an older age than "{previous}".'
                ),
                field=field,
                label=display(item["label"]),
                previous=display(previous["label"]),
            )
        previous = item
    bands = tuple(AgeBand(i["code"], i["label"], i["min_age"]) for i in cleaned)
    for index, (band, default) in enumerate(zip(bands, DEFAULT_AGE_BANDS, strict=True)):
        ages = age_range(bands, index)
        if band.label == default.label and ages != age_range(DEFAULT_AGE_BANDS, index):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    'The band "{label}" now covers the ages {ages}: change its name too.',
                ),
                field=field,
                label=display(band.label),
                ages=_ages_text(*ages),
            )
    return cleaned


def _check_labels(
    labels: list[str],
    display: Callable[[str], str],
    field: str,
    *,
    empty: str,
    long: str,
    twice: str,
) -> None:
    seen: set[str] = set()
    for number, label in enumerate(labels, start=1):
        if not label:
            raise ValidationError(empty, field=field, number=number)
        shown = display(label)
        if len(shown) > MAX_LABEL or len(label) > MAX_LABEL:
            raise ValidationError(long, field=field, number=number, limit=MAX_LABEL)
        key = _label_key(shown)
        if key in seen:
            raise ValidationError(twice, field=field, label=clean_label(shown))
        seen.add(key)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band_for(age: int, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS) -> str:
    """The code of the band an age falls in."""
    found = bands[0].code
    for band in bands:
        if age >= band.min_age:
            found = band.code
    return found


def codes(items: tuple[Code, ...] | tuple[AgeBand, ...]) -> tuple[str, ...]:
    return tuple(item.code for item in items)
