"""The code lists every part of the program shares (and the national statistics count).

Codes are stable, short and Indonesian (they travel in the sync); labels are
English in the source and translated for display. Age bands and visit
purposes can be changed by the library (Settings keys ``age_bands`` and
``purposes``); the codes of the defaults keep their national meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

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


def age_bands(setting: Any = None) -> tuple[AgeBand, ...]:
    """The library's age bands: the ``age_bands`` setting if valid, else the defaults."""
    if isinstance(setting, list) and setting:
        try:
            bands = tuple(
                AgeBand(str(b["code"]), str(b["label"]), int(b["min_age"])) for b in setting
            )
        except (KeyError, TypeError, ValueError):
            return DEFAULT_AGE_BANDS
        if bands[0].min_age == 0 and all(a.min_age < b.min_age for a, b in pairwise(bands)):
            return bands
    return DEFAULT_AGE_BANDS


def purposes(setting: Any = None) -> tuple[Code, ...]:
    """The library's visit purposes: the ``purposes`` setting if valid, else the defaults."""
    if isinstance(setting, list) and setting:
        try:
            return tuple(Code(str(p["code"]), str(p["label"])) for p in setting)
        except (KeyError, TypeError):
            pass
    return DEFAULT_PURPOSES


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
