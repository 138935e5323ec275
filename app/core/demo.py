"""A demo library: a real village, its staff and years of plausible records.

``generate_demo`` fills an empty data folder with Perpustakaan Desa Kalisari
(Kecamatan Cilongok, Kabupaten Banyumas, Jawa Tengah): the first-run set-up,
three staff accounts (:data:`DEMO_USERS`, password ``perpusdesa``), the setting
``demo`` = true, and ``years`` years of members, titles and copies, visits with
a daily, weekly and seasonal rhythm (school days, Sundays, Ramadan, holidays,
days closed), loans and returns, activities, partners, partnerships and success
stories, up to the day before ``today``; activities planned for the coming
weeks are included as ``rencana``. Times are built in the library's zone (WIB)
and stored as aware UTC.

Every synced record is written through :class:`app.db.uow.UnitOfWork` (audit
entry and outbox row included), one unit of work -- one SQLite transaction --
per calendar month. Within a month parents are flushed before the records that
refer to them (the ORM does not order inserts by foreign key), so their outbox
rows come first too. Copies still on loan today and members who left are
changed after creation, as the program would (version 2).

Cancelling stops between months with a KnownError: the library, its staff and
every month written so far stay (each month is its own transaction); the
month being built is rolled back. Delete the folder to start again.

Determinism: the same ``seed``, ``years`` and ``today`` (and the same
lokal-id holiday data) give the same records, ids included, except what the
set-up services make themselves: the library's id (so every ``library_id``),
the staff users' ids (so ``consent_by`` and ``consent_witness``), password
salts, ``created_at``/``updated_at``, the sync state, and the order of outbox
rows within one flush. Record ids are UUIDv7 strings whose time part is the
record's own moment (visit, registration, acquisition...), the rest seeded.

The records are ones the program's services accept as they are: the codes
of categories, target groups, representatives, story categories and partner,
support and regulation types are those of ``app.core.codes``,
``app.core.activities``, ``app.core.partnerships`` and ``app.core.stories``
(tests/unit/core/test_demo_engagement.py saves each one again through them).

The word lists live in ``resources/demo/*.json``. This module imports
SQLAlchemy: import it lazily from code on the start-up path.
"""

from __future__ import annotations

import bisect
import json
import math
import random
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import select

from app.core.auth import Role, User, UserService
from app.core.clock import ZONES, zone_for_region
from app.core.errors import KnownError, ValidationError
from app.core.library import LibraryProfile, get_region, list_regions
from app.core.settings import Settings
from app.core.setup import FirstRun, run_first_run
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database
from app.db.models import (
    Activity,
    Item,
    Loan,
    Member,
    Partner,
    Partnership,
    Story,
    Title,
    Visit,
)
from app.db.uow import Actor, UnitOfWork
from app.paths import resources_dir

T = TypeVar("T")

DEMO_PASSWORD = "perpusdesa"
DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    ("admin", "Sri Wahyuni", Role.ADMIN.value, DEMO_PASSWORD),
    ("pengelola", "Budi Santoso", Role.PENGELOLA.value, DEMO_PASSWORD),
    ("relawan", "Dewi Lestari", Role.RELAWAN.value, DEMO_PASSWORD),
)
"""(username, full name, role, password) of the demo staff; the first is the administrator."""

DEMO_REGION = "33.02.17.2014"  # Desa Kalisari, Kecamatan Cilongok, Kabupaten Banyumas
DEMO_VILLAGE_HEAD = "Sutarno"
MAX_YEARS = 20

AGE_BANDS = ("anak", "remaja", "dewasa", "lansia")
# Upper age (exclusive) of each band but the last: anak 0-12, remaja 13-17, dewasa 18-59.
AGE_LIMITS = (13, 18, 60)
PURPOSES = ("membaca", "pinjam", "internet", "kegiatan", "belajar", "informasi", "lainnya")

LOAN_DAYS = {"anak": 7, "pelajar": 14, "umum": 14}
FOREVER = datetime.max.replace(tzinfo=UTC)
NEVER = datetime.min.replace(tzinfo=UTC)

# Idul Fitri (1 Syawal) as set by the government; other years are extrapolated.
# ID-card wording (the word lists) -> the shared codes of app.core.codes.
_OCCUPATION_CODES = {
    "Petani/Pekebun": "petani",
    "Peternak": "petani",
    "Nelayan": "nelayan",
    "Pedagang": "pedagang",
    "Wiraswasta": "pedagang",
    "Perajin": "pedagang",
    "Perajin Batik": "pedagang",
    "Mengurus Rumah Tangga": "ibu_rumah_tangga",
    "Pelajar/Mahasiswa": "pelajar",
    "Guru": "guru",
    "Pegawai Negeri Sipil": "pns",
    "Perangkat Desa": "pns",
    "Bidan": "karyawan",
    "Karyawan Swasta": "karyawan",
    "Sopir": "karyawan",
    "Buruh Harian Lepas": "buruh",
    "Tukang Bangunan": "buruh",
    "Belum/Tidak Bekerja": "tidak_bekerja",
    "Pensiunan": "tidak_bekerja",
}
_EDUCATION_CODES = {
    "Tidak sekolah": "tidak_sekolah",
    "SD": "sd",
    "SMP": "smp",
    "SMA/SMK": "sma",
    "D3": "diploma",
    "S1": "s1",
    "S2": "s2",
}

_IDUL_FITRI = {
    2017: (6, 25),
    2018: (6, 15),
    2019: (6, 5),
    2020: (5, 24),
    2021: (5, 13),
    2022: (5, 2),
    2023: (4, 22),
    2024: (4, 10),
    2025: (3, 31),
    2026: (3, 21),
    2027: (3, 10),
    2028: (2, 27),
    2029: (2, 14),
    2030: (2, 5),
}
_LUNAR_YEAR_DAYS = 354.367
# How busy each month is (January first): Lebaran and the school holidays move around.
_SEASON = (1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 1.1, 1.1, 1.0, 1.05, 1.0, 0.85)


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demo library got."""

    library_id: str
    members: int
    titles: int
    items: int
    visits: int
    loans: int
    activities: int
    partners: int
    partnerships: int
    stories: int


@dataclass(frozen=True)
class PlannedActivity:
    """One activity a programme asks of a library (``generate_demo(activity_plan=...)``).

    ``category`` is a category of ``resources/demo/activities.json`` (its kind,
    strategy and words are used); ``size`` is the number of participants when
    held; ``status`` is ``terlaksana`` or ``batal``. A meeting gets exactly
    ``representatives`` stakeholder representatives (at most ``size``); a
    training exactly ``trainee_libraries``; ``target_group`` replaces the
    category's own.
    """

    day: date
    category: str
    size: int
    status: str = "terlaksana"
    representatives: int = 0
    trainee_libraries: int = 0
    target_group: str | None = None


def generate_demo(
    db: Database,
    *,
    years: int = 1,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    region_code: str = DEMO_REGION,
    library_type: str = "desa",
    library_name: str | None = None,
    size: float = 1.0,
    start: date | None = None,
    activity_plan: Sequence[PlannedActivity] | None = None,
    staff: bool = True,
) -> DemoSummary:
    """Create the demo library in ``db`` (which must hold no library yet).

    ``progress(done, total)`` is called after the set-up and after each month;
    when ``cancelled()`` turns true the run stops before the next month with a
    KnownError, leaving the set-up and the months already written.

    The other options make other libraries of a programme (the defaults make
    Kalisari): ``region_code`` (the library's Kemendagri code: a village, or
    a kabupaten/kota or province for a district or provincial library, whose
    words then come from a village of its region), ``library_type``,
    ``library_name``; ``size`` scales visits, members, deliveries and the
    starting collection (0.1: a small village library); ``start`` the first
    day with data instead of ``years`` before ``today``; ``activity_plan``
    replaces the random activities (and the planned ones after ``today``) by
    exactly these; ``staff=False`` creates the administrator only.
    """
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_YEARS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The number of years must be between 1 and {max}."),
            field="years",
            max=MAX_YEARS,
        )
    today = today or date.today()
    words = _words()
    db.ensure_schema()
    village_code = _village_of(region_code)
    region = get_region(village_code)
    assert region is not None, "the demo village is missing from the region list"
    chain_names = _region_names(village_code)
    admin_row = DEMO_USERS[0]
    if village_code == region_code:
        address = f"Balai Desa {region.name}, Kecamatan {chain_names[2]}, {chain_names[1]}"
    else:
        address = f"Kecamatan {chain_names[2]}, {chain_names[1]}"
    profile = LibraryProfile(
        name=library_name or f"Perpustakaan Desa {region.name}",
        library_type=library_type,
        region_code=region_code,
        address=address,
        head_name=admin_row[1],
        village_head_name=DEMO_VILLAGE_HEAD,
    )
    saved, admin = run_first_run(
        db, FirstRun(profile, "id", admin_row[0], admin_row[1], admin_row[3], admin_row[3])
    )
    assert saved.id is not None
    conn = db.connect()
    try:
        users = UserService(conn)
        staff_users = [admin]
        for username, full_name, role, password in DEMO_USERS[1:] if staff else ():
            staff_users.append(users.create_user(admin, username, full_name, role, password))
        Settings(conn).set("demo", True)
    finally:
        conn.close()

    builder = _Builder(
        rng=random.Random(seed),
        seed=seed,
        years=years,
        today=today,
        village_code=village_code,
        size=size,
        start=start,
        plan=activity_plan,
    )
    builder.prepare(words, staff_users if staff else staff_users * 3)
    months = builder.months()
    total = len(months) + 1
    if progress:
        progress(1, total)
    actor = Actor(admin.id, admin.username)
    for done, month in enumerate(months, start=2):
        if cancelled is not None and cancelled():
            raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "Demo creation was cancelled."))
        with UnitOfWork(db, actor) as uow:
            builder.build_month(uow, month, first=done == 2, last=done == total)
        if progress:
            progress(done, total)
    return builder.summary(saved.id)


# --- word lists and calendar -------------------------------------------------


@cache
def _words() -> dict[str, Any]:
    folder = resources_dir() / "demo"
    names = (
        *("names", "places", "publishers", "occupations"),
        *("titles", "activities", "partners", "stories"),
    )
    return {name: json.loads((folder / f"{name}.json").read_text("utf-8")) for name in names}


def _village_of(code: str) -> str:
    """``code`` if a village, else the first village of the region (for the words)."""
    while code.count(".") < 3:
        children = list_regions(code)
        if not children:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "The region {code} is not in the official list of regions."
                ),
                field="region_code",
                code=code,
            )
        code = children[0].code
    return code


def _region_names(code: str) -> list[str]:
    """Names from the province down: [province, kabupaten, kecamatan, desa]."""
    parts = code.split(".")
    names = []
    for depth in range(1, len(parts) + 1):
        region = get_region(".".join(parts[:depth]))
        names.append(region.name if region else "")
    return names


def _idul_fitri(year: int) -> date:
    if year in _IDUL_FITRI:
        return date(year, *_IDUL_FITRI[year])
    anchor = date(2024, 4, 10)
    cycles = round((year - 2024) * 365.2425 / _LUNAR_YEAR_DAYS)
    found = anchor + timedelta(days=round(cycles * _LUNAR_YEAR_DAYS))
    while found.year > year:
        found -= timedelta(days=round(_LUNAR_YEAR_DAYS))
    while found.year < year:
        found += timedelta(days=round(_LUNAR_YEAR_DAYS))
    return found


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    n = h + weekday - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


@cache
def _holidays(year: int) -> frozenset[date]:
    """National holidays and collective leave (lokal-id where it has the year)."""
    import lokal

    if year in lokal.HOLIDAY_YEARS:
        found = {date.fromisoformat(h.date) for h in lokal.get_holidays(year).holidays}
    else:
        fitri = _idul_fitri(year)
        easter = _easter(year)
        found = {date(year, 1, 1), date(year, 5, 1), date(year, 6, 1), date(year, 8, 17)}
        found |= {date(year, 12, 25), easter - timedelta(days=2), easter + timedelta(days=39)}
        for offset in (-63, -1, 0, 1, 2, 3, 70, 89, 160):  # Isra Mikraj ... Maulid, approx.
            day = fitri + timedelta(days=offset)
            if day.year == year:
                found.add(day)
    # Around Lebaran the library closes for a week whatever the decree says.
    for y in (year - 1, year, year + 1):
        fitri = _idul_fitri(y)
        found |= {
            fitri + timedelta(days=k)
            for k in range(-2, 5)
            if (fitri + timedelta(days=k)).year == year
        }
    return frozenset(found)


def _ramadan(day: date) -> bool:
    fitri = _idul_fitri(day.year)
    if day >= fitri:
        fitri = _idul_fitri(day.year + 1)
    return fitri - timedelta(days=30) <= day < fitri


def _school_holiday(day: date) -> bool:
    md = (day.month, day.day)
    if (6, 22) <= md <= (7, 12) or md >= (12, 20) or md <= (1, 4):
        return True
    fitri = _idul_fitri(day.year)
    return abs((day - fitri).days) <= 7


@dataclass(frozen=True)
class _Day:
    open: bool
    school: bool  # a school day (pupils come in the afternoon)
    ramadan: bool
    hours: tuple[int, ...]  # opening hours (start of each hour)
    weights: tuple[float, ...]  # how busy each of those hours is
    mu: float  # expected individual visits (before growth and season)


_HOUR_WEIGHTS = {
    "school": {8: 1, 9: 2, 10: 2, 11: 1.5, 12: 1, 13: 3, 14: 4, 15: 3.5},
    "free": {8: 2, 9: 3.5, 10: 3.5, 11: 2.5, 12: 1, 13: 2, 14: 2, 15: 1.5},
}


# --- the builder -------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Person:
    """A member as the generator tracks them between months."""

    id: str
    birth: date
    gender: str
    mtype: str
    occupation: str
    village_code: str
    weight: float  # how keen a visitor
    leave_on: date | None  # deactivated at the first month start after this
    busy_until: datetime = NEVER  # has books at home until then
    active: bool = True


@dataclass(slots=True, eq=False)
class _Copy:
    id: str
    free_at: datetime = NEVER  # on the shelf from then on


@dataclass
class _Month:
    year: int
    month: int
    first: date  # first day with data (inclusive)
    last: date  # last day with data (inclusive); before first when none


class _Builder:
    def __init__(
        self,
        *,
        rng: random.Random,
        seed: int,
        years: int,
        today: date,
        village_code: str = DEMO_REGION,
        size: float = 1.0,
        start: date | None = None,
        plan: Sequence[PlannedActivity] | None = None,
    ) -> None:
        self.rng = rng
        self.id_rng = random.Random(f"perpusdesa-demo-ids:{seed}")
        self.seed = seed
        self.years = years
        self.today = today
        self.start = start or _years_before(today, years)
        self.village_code = village_code
        self.size = size
        self.plan: dict[date, list[PlannedActivity]] | None = None
        if plan is not None:
            self.plan = {}
            for planned in plan:
                self.plan.setdefault(planned.day, []).append(planned)
        self.tz: tzinfo = ZONES[zone_for_region(village_code)]
        self.cutoff = self.local(today, 0)  # the start of today: later is the future
        kinds = ("members", "titles", "items", "visits", "loans", "activities", "partners")
        self.counts = dict.fromkeys((*kinds, "partnerships", "stories"), 0)
        self._days: dict[date, _Day] = {}
        # state carried across months
        self.pool: list[_Person] = []
        self.pool_cum: list[float] = []
        self.pool_dirty = True
        self.copies: dict[str, list[_Copy]] = {"anak": [], "lain": []}
        self.returns: dict[date, list[tuple[datetime, _Person]]] = {}
        self.barcode = 0
        self.member_seq: dict[int, int] = {}
        self.isbns: set[str] = set()
        self.title_texts: set[str] = set()
        self.partners: dict[str, str] = {}
        self.past_activities: list[tuple[datetime, str, str, str]] = []  # when, id, cat, title
        self.mou_until: date | None = None
        self.number_seq = 0
        self.lent_out: list[str] = []

    # --- set-up ----------------------------------------------------------------

    def prepare(self, words: dict[str, Any], staff: list[User]) -> None:
        rng = self.rng
        self.w = words
        self.staff = [user.id for user in staff]
        own = self.village_code
        names = _region_names(own)
        self.village, self.kecamatan, self.kabupaten = names[3], names[2], names[1]
        kecamatan_code = own.rsplit(".", 1)[0]
        self.own_code = own
        self.kec_codes = [r.code for r in list_regions(kecamatan_code) if r.code != own] or [own]
        if own == DEMO_REGION:
            neighbours = words["places"]["neighbour_kecamatan"]
        else:  # the other kecamatan of its kabupaten/kota
            kabupaten_code = kecamatan_code.rsplit(".", 1)[0]
            neighbours = [r.code for r in list_regions(kabupaten_code) if r.code != kecamatan_code]
        self.near_codes = [r.code for code in neighbours for r in list_regions(code)] or [own]
        groups = words["titles"]["groups"]
        self.title_groups = groups
        self.title_cum = _cum([g["weight"] for g in groups])
        pubs = words["publishers"]["publishers"]
        self.publishers = pubs
        self.publisher_cum = _cum([p[2] for p in pubs])
        cats = words["activities"]["categories"]
        self.categories = list(cats)
        # yearly plans: when the big book deliveries come
        self.plans: dict[int, dict[str, Any]] = {}
        for year in range(self.start.year, self.today.year + 2):
            self.plans[year] = {
                "perpusnas": rng.choice([3, 4, 8, 9, 10]),
                "hibah": sorted(rng.sample(range(1, 13), 2)),
                "swadaya": rng.randint(1, 12),
                "apbdes": rng.randint(10_000, 40_000) * 1000 // 500_000 * 500_000,
            }
        self.perdes_month = _add_months(self.start.replace(day=1), rng.randint(3, 8))
        self.pks_months = {
            _add_months(self.start.replace(day=1), rng.randint(1, 4)): "puskesmas",
            _add_months(self.start.replace(day=1), rng.randint(5, 9)): "sd",
            _add_months(self.start.replace(day=1), rng.randint(10, 16)): "bank",
        }
        self.equipment_month = _add_months(self.start.replace(day=1), rng.randint(6, 14))

    def months(self) -> list[_Month]:
        found = []
        first = self.start.replace(day=1)
        yesterday = self.today - timedelta(days=1)
        while first <= self.today:
            last = _add_months(first, 1) - timedelta(days=1)
            found.append(
                _Month(first.year, first.month, max(first, self.start), min(last, yesterday))
            )
            first = _add_months(first, 1)
        return found

    def summary(self, library_id: str) -> DemoSummary:
        return DemoSummary(library_id=library_id, **self.counts)

    # --- small helpers -----------------------------------------------------------

    def local(self, day: date, minutes: float) -> datetime:
        """A moment of a library-local day, as aware UTC."""
        moment = datetime.combine(day, time(0), self.tz) + timedelta(minutes=minutes)
        return moment.astimezone(UTC)

    def new_id(self, moment: datetime) -> str:
        ms = int(moment.timestamp() * 1000) & ((1 << 48) - 1)
        rand = self.id_rng.getrandbits(74)
        value = ms << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62 | (rand & ((1 << 62) - 1))
        return str(uuid.UUID(int=value))

    def pick(self, items: Sequence[T], cum: list[float]) -> T:
        return items[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def weighted(self, pairs: Sequence[Sequence[Any]]) -> Any:
        """Choose from [value, weight] pairs."""
        total = sum(p[1] for p in pairs)
        x = self.rng.random() * total
        for value, weight in pairs:
            x -= weight
            if x < 0:
                return value
        return pairs[-1][0]

    def count(self, mu: float) -> int:
        """A Poisson-like count around ``mu``."""
        if mu <= 0:
            return 0
        return max(0, round(self.rng.gauss(mu, math.sqrt(mu))))

    def day(self, d: date) -> _Day:
        found = self._days.get(d)
        if found is None:
            found = self._days[d] = self._make_day(d)
        return found

    def _make_day(self, d: date) -> _Day:
        weekday = d.weekday()  # Monday 0 ... Sunday 6
        closed = d in _holidays(d.year)
        # now and then the library stays closed: a meeting, a power cut, the manager ill
        closed = closed or random.Random(f"closed:{self.seed}:{d.isoformat()}").random() < 0.012
        ramadan = _ramadan(d)
        school = weekday < 5 and not _school_holiday(d) and not closed
        if weekday < 4:
            hours: tuple[int, ...] = tuple(range(8, 16))
        elif weekday == 4:  # Friday: closed over Friday prayers
            hours = (8, 9, 10, 13, 14, 15)
        elif weekday == 5:
            hours = tuple(range(8, 14))
        else:
            hours = tuple(range(8, 12))
        if ramadan:
            hours = tuple(h for h in hours if h < 14)
        table = _HOUR_WEIGHTS["school" if school else "free"]
        weights = tuple(float(table.get(h, 1.5)) for h in hours)
        mu = (10.0 if school else 13.0) if weekday < 5 else (14.0 if weekday == 5 else 6.0)
        if ramadan:
            mu *= 0.6
        return _Day(not closed, school, ramadan, hours, weights, mu)

    def next_open(self, d: date) -> date:
        while not self.day(d).open:
            d += timedelta(days=1)
        return d

    def moment(self, d: date, hours: Sequence[int] | None = None) -> datetime:
        """A random time on an open day ``d``, busier hours likelier."""
        info = self.day(d)
        if hours is None:
            hour = self.pick(info.hours, _cum(info.weights))
        else:
            hour = self.rng.choice(hours)
        return self.local(d, hour * 60 + self.rng.random() * 59.9)

    def staff_id(self) -> str:
        return self.weighted([(self.staff[0], 3), (self.staff[1], 5), (self.staff[2], 2)])

    def next_number(self) -> int:
        self.number_seq += self.rng.randint(3, 40)
        return self.number_seq

    # --- people ----------------------------------------------------------------

    def name(self, gender: str, birth_year: int) -> str:
        n, rng = self.w["names"], self.rng
        male = gender == "L"
        classic = n["male_classic" if male else "female_classic"]
        modern = n["male_modern" if male else "female_modern"]
        second = n["male_second" if male else "female_second"]
        prefix = n["male_prefix" if male else "female_prefix"]
        if birth_year < 1975:
            if rng.random() < 0.5:
                return str(rng.choice(classic))
            return f"{rng.choice(classic)} {rng.choice(second)}"
        if birth_year < 1995:
            given = rng.choice(classic if rng.random() < 0.5 else modern)
            return f"{given} {rng.choice(second)}"
        parts = [rng.choice(modern)]
        if rng.random() < 0.3:
            parts.insert(0, rng.choice(prefix))
        elif rng.random() < 0.35:
            parts.append(rng.choice(modern))
        parts.append(rng.choice(second))
        return " ".join(dict.fromkeys(parts))  # no "Putri Putri"

    def phone(self) -> str:
        rng = self.rng
        prefix = rng.choice(self.w["places"]["phone_prefixes"])
        rest = "".join(str(rng.randrange(10)) for _ in range(rng.choice((7, 8, 8, 8, 9))))
        return f"0{prefix}{rest}"

    def occupation(self, gender: str, band: str) -> str:
        """An occupation code (app.core.codes.OCCUPATIONS), drawn as written on ID cards."""
        occ = self.w["occupations"]
        if band == "anak":
            return _OCCUPATION_CODES[str(occ["child"])]
        if band == "remaja":
            return _OCCUPATION_CODES[str(occ["student"])]
        key = ("lansia_" if band == "lansia" else "") + ("male" if gender == "L" else "female")
        return _OCCUPATION_CODES[str(self.weighted(occ[key]))]

    def origin(self) -> tuple[str | None, str | None]:
        """(village code, or else a place name) of a guest: mostly from this village."""
        rng = self.rng
        x = rng.random()
        if x < 0.7:
            return self.own_code, None
        if x < 0.88:
            return rng.choice(self.kec_codes), None
        if x < 0.97:
            return rng.choice(self.near_codes), None
        return None, rng.choice(self.w["places"]["far_origins"])

    def new_member(self, d: date, registered: datetime) -> Member:
        rng = self.rng
        mtype = self.weighted((("anak", 35), ("pelajar", 28), ("umum", 37)))
        gender = "P" if rng.random() < (0.6 if mtype == "umum" else 0.5) else "L"
        if mtype == "anak":
            age = rng.randint(5, 12)
        elif mtype == "pelajar":
            age = rng.randint(13, 21)
        else:
            age = int(rng.triangular(18, 74, 34))
        birth = _years_before(d, age) - timedelta(days=rng.randint(0, 364))
        band = _band(birth, d)
        x = rng.random()
        if x < 0.82:
            village, dusun = self.own_code, rng.choice(self.w["places"]["own_dusun"])
        else:
            village, dusun = rng.choice(self.kec_codes), rng.choice(self.w["places"]["other_dusun"])
        occupation = self.occupation(gender, band)
        if mtype == "pelajar":
            occupation = _OCCUPATION_CODES[str(self.w["occupations"]["student"])]
        if age < 7:
            education = "tidak_sekolah"
        elif age < 13:
            education = "sd"
        elif age < 16:
            education = "smp"
        elif mtype == "pelajar":
            education = "sma"
        else:
            education = _EDUCATION_CODES[
                str(self.weighted(self.w["occupations"]["education_adult"]))
            ]
        minor = _age(birth, d) < 18
        guardian = None
        if minor:
            parent_gender = "L" if rng.random() < 0.55 else "P"
            guardian = self.name(parent_gender, birth.year - rng.randint(22, 40))
        has_phone = rng.random() < {"anak": 0.55, "pelajar": 0.7, "umum": 0.88}[mtype]
        seq = self.member_seq.get(d.year, 0) + 1
        self.member_seq[d.year] = seq
        village_region = get_region(village)  # cached: the name makes the member searchable
        member = Member(
            id=self.new_id(registered),
            member_no=f"{d.year}-{seq:04d}",  # as app.core.members numbers them
            name=self.name(gender, birth.year),
            gender=gender,
            birth_date=birth,
            nik=None,
            address=f"Grumbul {dusun}",
            rt=f"{rng.randint(1, 8):03d}",
            rw=f"{rng.randint(1, 6):03d}",
            village_code=village,
            village_name=village_region.name if village_region else None,
            phone=self.phone() if has_phone else None,
            occupation=occupation,
            education=education,
            member_type=mtype,
            registered_on=d,
            expires_on=None,
            notes="",
            consent_at=registered,
            consent_by=self.staff_id(),
            guardian_name=guardian,
            guardian_consent_at=registered if minor else None,
            active=True,
        )
        leave_on = None
        if rng.random() < 0.12:  # moved away, lost interest: deactivated later
            leave_on = _add_months(d.replace(day=1), rng.randint(6, 30))
        person = _Person(
            id=member.id,
            birth=birth,
            gender=gender,
            mtype=mtype,
            occupation=occupation,
            village_code=village,
            weight=rng.lognormvariate(0, 1.0) * (1.6 if mtype != "umum" else 1.0),
            leave_on=leave_on,
        )
        self.pool.append(person)
        self.pool_dirty = True
        self.counts["members"] += 1
        return member

    def pick_member(self, info: _Day, hour: int) -> _Person | None:
        if not self.pool:
            return None
        if self.pool_dirty:
            self.pool_cum = _cum([p.weight for p in self.pool])
            self.pool_dirty = False
        for _ in range(3):
            person = self.pick(self.pool, self.pool_cum)
            # pupils are at school in the morning
            if info.school and hour < 13 and person.mtype != "umum" and self.rng.random() < 0.85:
                continue
            return person
        return person

    # --- collection -------------------------------------------------------------

    def new_title(self, acquired: date, moment: datetime) -> Title:
        rng = self.rng
        group = self.pick(self.title_groups, self.title_cum)
        text = ""
        for attempt in range(8):
            text = re.sub(
                r"\{(\w+)\}",
                lambda m: str(rng.choice(group["words"][m.group(1)])),
                rng.choice(group["templates"]),
            )
            if group.get("subtitle") and (attempt >= 3 or rng.random() < 0.2):
                text = f"{text}: {rng.choice(self.w['titles']['subtitles'])}"
            if text not in self.title_texts:
                break
        material = group.get("material_type", "buku")
        year = acquired.year - min(int(rng.expovariate(0.35)), 15)
        if material == "majalah":
            year = acquired.year
            text = f"{text} {year}"
        self.title_texts.add(text)
        audience = group["audience"]
        if isinstance(audience, list):
            audience = rng.choice(audience)
        publisher = self.pick(self.publishers, self.publisher_cum)
        x = rng.random()
        if x < 0.06 or material == "majalah":
            authors = f"Tim Redaksi {publisher[0]}"
        else:
            people = [self.author() for _ in range(1 if x < 0.8 else 2)]
            authors = "; ".join(people)
        isbn = None
        if material == "buku" and rng.random() < 0.88:
            isbn = self.isbn(year)
        edition = None
        if material == "buku" and rng.random() < 0.15:
            edition = rng.choice(("Cet. 2", "Cet. 3", "Ed. revisi", "Ed. 2"))
        self.counts["titles"] += 1
        return Title(
            id=self.new_id(moment),
            title=text,
            authors=authors,
            publisher=publisher[0],
            place=publisher[1],
            year=year,
            edition=edition,
            isbn=isbn,
            ddc=rng.choice(group["ddc"]),
            subjects=group["subject"],
            language=group.get("language", "ind"),
            material_type=material,
            audience=audience,
        )

    def author(self) -> str:
        rng, n = self.rng, self.w["names"]
        gender = "L" if rng.random() < 0.6 else "P"
        name = self.name(gender, rng.randint(1950, 1995))
        x = rng.random()
        if x < 0.08:
            name = f"{rng.choice(n['author_degrees_before'][:3])} {name}"
        elif x < 0.2:
            name = f"{name}, {rng.choice(n['author_degrees_after'])}"
        return name

    def isbn(self, year: int) -> str:
        rng = self.rng
        while True:
            if year < 2010:
                prefix = "978979"
            elif year < 2018:
                prefix = "978602"
            else:
                prefix = rng.choice(("978602", "978623", "978623"))
            body = prefix + "".join(str(rng.randrange(10)) for _ in range(6))
            isbn = body + _isbn13_check(body)
            if isbn not in self.isbns:
                self.isbns.add(isbn)
                return isbn

    def acquire(self, uow: UnitOfWork, batch: Sequence[tuple[date, str]]) -> int:
        """A new title with its copies per (day, source); returns the number of copies."""
        rng = self.rng
        planned: list[tuple[Title, date, datetime, str, int]] = []
        for d, source in batch:
            moment = self.local(d, 9 * 60 + rng.random() * 360)
            title = uow.add(self.new_title(d, moment))
            if source == "perpusnas":
                copies = self.weighted(((1, 2), (2, 4), (3, 3)))
            elif source == "pembelian":
                copies = self.weighted(((1, 6), (2, 3)))
            else:
                copies = self.weighted(((1, 8), (2, 1)))
            if title.material_type == "majalah":
                copies = 1
            planned.append((title, d, moment, source, copies))
        # Parents before children: the flush does not order rows by foreign key.
        uow.flush()
        copies_total = 0
        for title, d, moment, source, copies in planned:
            mark = _author_mark(title.authors)
            for _ in range(copies):
                self.barcode += 1
                item = uow.add(
                    Item(
                        id=self.new_id(moment),
                        title_id=title.id,
                        barcode=f"B{self.barcode:06d}",
                        call_number=f"{title.ddc} {mark} {title.title[:1].lower()}",
                        acquired_on=d,
                        source=source,
                        condition="baik",
                        status="tersedia",
                    )
                )
                copy = _Copy(item.id)
                copy.free_at = self.local(d, 0) if d >= self.start else NEVER
                self.copies["anak" if title.audience == "anak" else "lain"].append(copy)
                copies_total += 1
                self.counts["items"] += 1
        uow.flush()
        return copies_total

    # --- partners ------------------------------------------------------------------

    def fill(self, text: str, **extra: Any) -> str:
        values = {"village": self.village, "kecamatan": self.kecamatan, "kabupaten": self.kabupaten}
        values["dusun"] = self.rng.choice(self.w["places"]["own_dusun"])
        return text.format(**(values | extra))

    def partner(self, uow: UnitOfWork, key: str, moment: datetime, spec: dict[str, Any]) -> str:
        if key in self.partners:
            return self.partners[key]
        rng = self.rng
        name = self.fill(spec["name"])
        contact_gender = "P" if spec.get("female") or rng.random() < 0.45 else "L"
        if key == "perpusnas":
            address = "Jl. Medan Merdeka Selatan No. 11, Jakarta Pusat"
        elif "{village}" in spec["name"]:
            address = f"Desa {self.village}, Kecamatan {self.kecamatan}, {self.kabupaten}"
        elif spec["type"] in ("kesehatan", "kelompok_masyarakat", "swasta"):
            address = f"Kecamatan {self.kecamatan}, {self.kabupaten}"
        else:
            address = f"Purwokerto, {self.kabupaten}"
        partner = uow.add(
            Partner(
                id=self.new_id(moment),
                name=name,
                partner_type=spec["type"],
                contact_person=f"{self.name(contact_gender, rng.randint(1965, 1990))}"
                f" ({spec['contact']})",
                phone=self.phone(),
                address=address,
            )
        )
        uow.flush()  # before any partnership that refers to it
        self.partners[key] = partner.id
        self.counts["partners"] += 1
        return partner.id

    def partner_spec(self, key: str) -> dict[str, Any]:
        for spec in self.w["partners"]["partners"]:
            if spec["key"] == key:
                return dict(spec)
        raise KeyError(key)

    def partnership(self, uow: UnitOfWork, moment: datetime, **fields: Any) -> None:
        uow.add(Partnership(id=self.new_id(moment), description="", **fields))
        self.counts["partnerships"] += 1

    # --- visits and loans --------------------------------------------------------

    def guest_visit(self, d: date, moment: datetime, info: _Day, hour: int) -> Visit:
        rng = self.rng
        if info.school and hour < 13:
            band = self.weighted((("anak", 15), ("remaja", 10), ("dewasa", 55), ("lansia", 20)))
        elif info.school:
            band = self.weighted((("anak", 45), ("remaja", 30), ("dewasa", 20), ("lansia", 5)))
        else:
            band = self.weighted((("anak", 35), ("remaja", 25), ("dewasa", 32), ("lansia", 8)))
        female = {"anak": 0.5, "remaja": 0.53, "dewasa": 0.6, "lansia": 0.5}[band]
        gender = "P" if rng.random() < female else "L"
        age = {"anak": (6, 12), "remaja": (13, 17), "dewasa": (18, 59), "lansia": (60, 80)}[band]
        village, other = self.origin()
        purposes = self.purposes(band, member=False, busy=True)
        return Visit(
            id=self.new_id(moment),
            kind="guest",
            visited_at=moment,
            guest_name=self.name(gender, d.year - rng.randint(*age)),
            gender=gender,
            age_band=band,
            occupation=self.occupation(gender, band),
            origin_village_code=village,
            origin_other=other,
            purposes=purposes,
            count_male=int(gender == "L"),
            count_female=int(gender == "P"),
            age_counts={band: 1},
            notes="",
        )

    def purposes(self, band: str, *, member: bool, busy: bool) -> list[str]:
        rng = self.rng
        young = band in ("anak", "remaja")
        chance = {
            "membaca": 0.7 if member else 0.6,
            "pinjam": 0.4 if member and not busy else 0.0,
            "internet": 0.05 if band == "anak" else (0.12 if member else 0.22),
            "belajar": 0.25 if young else 0.04,
            "informasi": 0.04 if member else 0.15,
            "lainnya": 0.02,
        }
        found = [p for p in PURPOSES if rng.random() < chance.get(p, 0.0)]
        return found or ["membaca"]

    def member_visit(
        self, d: date, moment: datetime, person: _Person, purposes: list[str]
    ) -> Visit:
        band = _band(person.birth, d)
        return Visit(
            id=self.new_id(moment),
            kind="member",
            visited_at=moment,
            member_id=person.id,
            gender=person.gender,
            age_band=band,
            occupation=person.occupation,
            origin_village_code=person.village_code,
            purposes=purposes,
            count_male=int(person.gender == "L"),
            count_female=int(person.gender == "P"),
            age_counts={band: 1},
            notes="",
        )

    def borrow(self, uow: UnitOfWork, d: date, moment: datetime, person: _Person) -> bool:
        """Lend one to three copies to a member; False when nothing suitable was free."""
        rng = self.rng
        band = _band(person.birth, d)
        shelf = self.copies["anak" if band == "anak" and rng.random() < 0.85 else "lain"]
        if not shelf:
            return False
        wanted = self.weighted(((1, 5), (2, 3), (3, 1 if person.mtype == "umum" else 0)))
        chosen: list[_Copy] = []
        for _ in range(wanted):
            for _ in range(12):
                copy = shelf[int(len(shelf) * rng.random() ** 0.6)]  # newer books are likelier
                if copy.free_at <= moment and copy not in chosen:
                    chosen.append(copy)
                    break
        if not chosen:
            return False
        period = LOAN_DAYS[person.mtype]
        due = self.next_open(d + timedelta(days=period))
        renewals = 0
        x = rng.random()
        if x < 0.08:  # renewed once, by phone or at the desk
            renewals = 1
            due = self.next_open(due + timedelta(days=period))
            back = d + timedelta(days=rng.randint(period + 1, (due - d).days))
        elif x < 0.22:  # late
            back = due + timedelta(days=int(rng.expovariate(1 / 8)) + 1)
        else:
            back = d + timedelta(days=rng.randint(2, period))
        back = self.next_open(back)
        returned = self.moment(back)
        if returned >= self.cutoff:
            person.busy_until = FOREVER
        else:
            person.busy_until = returned
            self.returns.setdefault(back, []).append((returned, person))
        for copy in chosen:
            lost = rng.random() < 0.005  # never came back: still on loan, long overdue
            back_at = None if lost or returned >= self.cutoff else returned
            uow.add(
                Loan(
                    id=self.new_id(moment),
                    item_id=copy.id,
                    member_id=person.id,
                    loaned_at=moment,
                    due_on=due,
                    returned_at=back_at,
                    renewals=renewals,
                    fine=0,
                )
            )
            self.counts["loans"] += 1
            if back_at is None:
                copy.free_at = FOREVER
                self.lent_out.append(copy.id)
            else:
                copy.free_at = back_at
        return True

    def group_visit(self, d: date, school: bool) -> Visit:
        rng, places = self.rng, self.w["places"]
        counts: dict[str, dict[str, int]] = {"L": {}, "P": {}}

        def add(band: str, n: int, female: float) -> None:
            for _ in range(n):
                g = "P" if rng.random() < female else "L"
                counts[g][band] = counts[g].get(band, 0) + 1

        if school:
            template = rng.choice(places["school_groups"])
            name = self.fill(
                template, n=rng.randint(1, 6), m=rng.randint(7, 9), k=rng.randint(1, 2)
            )
            pupils = "remaja" if "SMP" in template else "anak"
            add(pupils, rng.randint(12, 32), 0.5)
            add("dewasa", rng.randint(1, 2), 0.7)
            hours: Sequence[int] = (8, 9, 10)
            purposes = rng.choice((["membaca", "belajar"], ["membaca"], ["membaca", "kegiatan"]))
        else:
            template = rng.choice(places["community_groups"])
            name = self.fill(template, k=rng.randint(1, 40))
            if "Lansia" in template:
                add("lansia", rng.randint(8, 20), 0.65)
                add("dewasa", rng.randint(1, 3), 0.9)
            elif "Karang Taruna" in template or "KKN" in template:
                add("remaja", rng.randint(2, 8), 0.5)
                add("dewasa", rng.randint(5, 12), 0.5)
            elif "Perajin" in template:
                add("dewasa", rng.randint(8, 18), 0.6)
                add("lansia", rng.randint(0, 3), 0.5)
            else:  # PKK, women farmers, Muslimat
                add("dewasa", rng.randint(8, 22), 0.95)
                add("lansia", rng.randint(0, 5), 0.95)
            hours = self.day(d).hours
            purposes = rng.choice(
                (["kegiatan", "informasi"], ["membaca", "informasi"], ["kegiatan"])
            )
        moment = self.moment(d, [h for h in hours if h in self.day(d).hours] or None)
        ages: dict[str, int] = {}
        for band in AGE_BANDS:
            n = counts["L"].get(band, 0) + counts["P"].get(band, 0)
            if n:
                ages[band] = n
        leader_gender = "P" if rng.random() < 0.65 else "L"
        return Visit(
            id=self.new_id(moment),
            kind="group",
            visited_at=moment,
            origin_village_code=None if "SMP" in name else self.own_code,
            origin_other=f"Kecamatan {self.kecamatan}" if "SMP" in name else None,
            purposes=purposes,
            group_name=name,
            group_leader=self.name(leader_gender, d.year - rng.randint(25, 55)),
            group_phone=self.phone(),
            count_male=sum(counts["L"].values()),
            count_female=sum(counts["P"].values()),
            age_counts=ages,
            notes="",
        )

    # --- activities and stories ------------------------------------------------------

    def activity(
        self,
        uow: UnitOfWork,
        d: date,
        status: str,
        latest: date,
        planned: PlannedActivity | None = None,
    ) -> Activity:
        rng, spec_all = self.rng, self.w["activities"]
        if planned is not None:
            code = planned.category
        else:
            weights = []
            for code in self.categories:
                w = float(spec_all["categories"][code]["weight"])
                if code == "lainnya" and d.month == 8:
                    w *= 8
                if code == "pertemuan" and d.month in (1, 9):
                    w *= 2.5
                weights.append(w)
            code = self.pick(self.categories, _cum(weights))
        spec = spec_all["categories"][code]
        if spec.get("weekend") and d.weekday() < 5:
            sunday = d + timedelta(days=6 - d.weekday())
            if sunday <= latest and sunday not in _holidays(sunday.year):
                d = sunday
        hour = rng.choice(spec["hours"])
        starts = self.local(d, hour * 60 + rng.choice((0, 0, 30)))
        duration = 2 if hour >= 19 else spec["duration"]
        title = self.fill(rng.choice(spec["titles"]))
        facilitator = self.fill(rng.choice(spec["facilitators"]))
        if code in ("pertanian",):
            place = self.fill(rng.choice(self.w["places"]["activity_places"][2:]))
        elif rng.random() < 0.6:
            place = "Ruang baca perpustakaan"
        else:
            place = self.fill(rng.choice(self.w["places"]["activity_places"]))
        keys = [k for k in spec["partners"] if rng.random() < 0.5]
        partner_ids = [self.partner(uow, k, starts, self.partner_spec(k)) for k in keys]
        description = self.fill(
            rng.choice(spec_all["descriptions"]), title=title, facilitator=facilitator
        )
        participants: dict[str, dict[str, int]] = {}
        male = female = 0
        representatives: dict[str, int] = {}
        outcomes = commitments = ""
        trainees = 0
        if status == "terlaksana":
            size = rng.randint(*spec["size"])
            if planned is not None:
                size, trainees = planned.size, planned.trainee_libraries
            elif code == "bimtek":
                trainees = rng.randint(4, 12)
                size = max(size, trainees + rng.randint(0, trainees))
            bands = list(spec["bands"].items())
            for _ in range(size):
                band = self.weighted(bands)
                share = spec["female"] if band in ("dewasa", "lansia") else 0.5
                g = "P" if rng.random() < share else "L"
                participants.setdefault(g, {})
                participants[g][band] = participants[g].get(band, 0) + 1
            participants = {
                g: {b: participants[g][b] for b in AGE_BANDS if b in participants[g]}
                for g in ("L", "P")
                if g in participants
            }
            male = sum(participants.get("L", {}).values())
            female = sum(participants.get("P", {}).values())
            outcomes = rng.choice(spec["outcomes"]).format(
                n=max(1, size // rng.randint(2, 4)), libraries=trainees
            )
            if code == "pertemuan" and planned is not None:
                representatives = self.representatives(planned.representatives)
                commitments = " ".join(rng.sample(spec_all["commitments"], rng.randint(1, 2)))
            elif code == "pertemuan":
                left = male + female
                for who in rng.sample(spec_all["representatives"], rng.randint(3, 6)):
                    n = min(rng.randint(1, who["max"]), left)
                    if n:
                        representatives[who["code"]] = representatives.get(who["code"], 0) + n
                        left -= n
                commitments = " ".join(rng.sample(spec_all["commitments"], rng.randint(1, 2)))
        activity = uow.add(
            Activity(
                id=self.new_id(starts),
                kind=spec["kind"],
                title=title,
                category_code=code,
                strategy=spec["strategy"],
                starts_at=starts,
                ends_at=starts + timedelta(hours=duration),
                place=place,
                facilitator=facilitator,
                partner_ids=partner_ids,
                description=description,
                outcomes=outcomes,
                status=status,
                target_group=(planned and planned.target_group) or spec["target_group"],
                participants=participants,
                participants_male=male,
                participants_female=female,
                representatives=representatives,
                commitments=commitments,
                trainee_libraries=trainees,
            )
        )
        self.counts["activities"] += 1
        if status == "terlaksana":
            self.past_activities.append((starts, activity.id, code, title))
        return activity

    def representatives(self, total: int) -> dict[str, int]:
        """Exactly ``total`` representatives of a meeting, spread over a few kinds."""
        kinds = self.rng.sample(self.w["activities"]["representatives"], self.rng.randint(3, 6))
        found: dict[str, int] = {}
        for n in range(total):
            code = kinds[n % len(kinds)]["code"]
            found[code] = found.get(code, 0) + 1
        return found

    def _month_end(self, d: date) -> date:
        return _add_months(d.replace(day=1), 1) - timedelta(days=1)

    def story(self, uow: UnitOfWork, d: date) -> None:
        uow.flush()  # the activity it refers to first
        rng = self.rng
        templates = self.w["stories"]["stories"]
        wanted = {t["activity_category"] for t in templates}
        moment = self.moment(d)
        eligible = [
            a
            for a in self.past_activities
            if a[2] in wanted and timedelta(days=14) <= moment - a[0] <= timedelta(days=270)
        ]
        if not eligible:
            return
        _, activity_id, code, activity_title = rng.choice(eligible)
        template = rng.choice([t for t in templates if t["activity_category"] == code])
        band = template["band"]
        age = {"anak": (8, 12), "remaja": (13, 17), "dewasa": (25, 55), "lansia": (60, 75)}[band]
        name = self.name(template["gender"], d.year - rng.randint(*age))
        step = template["step"]
        before = rng.randint(template["before"][0] // step, template["before"][1] // step) * step
        after = rng.randint(template["after"][0] // step, template["after"][1] // step) * step
        minor = band in ("anak", "remaja")
        values = {"name": name.split()[0], "activity": activity_title, "village": self.village}
        values |= {"before": _thousands(before), "after": _thousands(after)}
        uow.add(
            Story(
                id=self.new_id(moment),
                person_name=name,
                gender=template["gender"],
                age_band=band,
                occupation=template["occupation"],
                category=template["category"],
                activity_id=activity_id,
                title=template["title"].format(**values),
                text=template["text"].format(**values),
                figure_label=template["figure"],
                value_before=before,
                value_after=after,
                consent_at=moment,
                consent_witness=self.staff_id(),
                publish_with_name=rng.random() < 0.4,
                guardian_name=self.name("P", d.year - rng.randint(30, 45)) if minor else None,
                guardian_consent_at=moment if minor else None,
            )
        )
        self.counts["stories"] += 1

    # --- one month -----------------------------------------------------------------

    def build_month(self, uow: UnitOfWork, month: _Month, *, first: bool, last: bool) -> None:
        rng = self.rng
        self.lent_out = []
        month_start = date(month.year, month.month, 1)
        month_end = self._month_end(month_start)
        days = [month.first + timedelta(days=k) for k in range((month.last - month.first).days + 1)]
        open_days = [d for d in days if self.day(d).open]
        fraction = len(days) / ((month_end - month_start).days + 1)
        if first:
            self.first_month(uow, month)
        self.deactivate(uow, month_start)

        # what happens on which day this month
        by_day: dict[date, list[str]] = {}
        if open_days:
            elapsed = (month_start - self.start.replace(day=1)).days / 30.4
            registrations = self.count(22 * fraction * self.size) + round(
                (35 if elapsed < 1 else 20 if elapsed < 2 else 0) * self.size
            )
            for _ in range(registrations):
                by_day.setdefault(rng.choice(open_days), []).append("member")
            plan = self.plans[month.year]
            deliveries = [("pembelian", rng.randint(8, 18))]
            if plan["perpusnas"] == month.month:
                deliveries.append(("perpusnas", rng.randint(150, 260)))
            if month.month in plan["hibah"]:
                deliveries.append(("hibah", rng.randint(25, 70)))
            if plan["swadaya"] == month.month:
                deliveries.append(("swadaya", rng.randint(5, 15)))
            for source, n in deliveries:
                if source == "pembelian" and rng.random() > fraction:
                    continue
                n = max(1, round(n * self.size))
                by_day.setdefault(rng.choice(open_days), []).append(f"{source}:{n}")
            school_days = [d for d in open_days if self.day(d).school]
            for _ in range(self.count(2.0 * fraction * self.size)):
                if school_days and rng.random() < 0.7:
                    by_day.setdefault(rng.choice(school_days), []).append("school")
                else:
                    by_day.setdefault(rng.choice(open_days), []).append("community")
        activity_days: set[date] = set()
        for _ in range(round(rng.randint(4, 8) * fraction) if self.plan is None else 0):
            d = rng.choice(days)
            if d in _holidays(d.year):
                continue
            activity_days.add(d)
            by_day.setdefault(d, []).append("activity")
        planned_days = self.plan or {}
        for d in days:
            for _ in planned_days.get(d, ()):
                activity_days.add(d)
                by_day.setdefault(d, []).append("activity")
        if rng.random() < 3.5 / 12 * fraction and open_days:
            by_day.setdefault(rng.choice(open_days), []).append("story")
        self.month_partnerships(uow, month, month_start)

        for d in days:
            self.build_day(uow, d, by_day.get(d, []), d in activity_days)
        if last and self.plan is None:
            self.future(uow)
        self.mark_lent(uow)

    def first_month(self, uow: UnitOfWork, month: _Month) -> None:
        rng = self.rng
        moment = self.local(month.first, 9 * 60)
        for spec in self.w["partners"]["partners"]:
            self.partner(uow, spec["key"], moment, spec)
        # the collection the library started with
        base: dict[date, list[str]] = {}
        for _ in range(round(1000 * self.size)):
            d = self.start - timedelta(days=rng.randint(30, 900))
            source = self.weighted(
                (("perpusnas", 50), ("hibah", 30), ("swadaya", 10), ("pembelian", 10))
            )
            base.setdefault(d, []).append(source)
        self.acquire(uow, [(d, source) for d in sorted(base) for source in base[d]])
        # the MoU with the district library office, and this year's village budget
        self.mou(uow, self.start - timedelta(days=rng.randint(20, 90)))
        self.apbdes(uow, self.start.year)

    def mou(self, uow: UnitOfWork, start: date) -> None:
        moment = self.local(start, 10 * 60)
        dinas = self.partners["dinas"]
        self.mou_until = _years_before(start, -3) - timedelta(days=1)
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
        self.partnership(
            uow,
            moment,
            partner_id=dinas,
            kind="mou",
            title="Nota Kesepahaman Pengembangan Perpustakaan Desa Berbasis Inklusi Sosial",
            number=f"{self.next_number():03d}/MoU/DINARPUS/{roman[start.month - 1]}/{start.year}",
            start_on=start,
            end_on=self.mou_until,
        )

    def apbdes(self, uow: UnitOfWork, year: int) -> None:
        start = date(year, 1, self.rng.randint(5, 25))
        value = self.plans[year]["apbdes"] + (year - self.start.year) * 2_500_000
        self.partnership(
            uow,
            self.local(start, 10 * 60),
            partner_id=self.partners["pemdes"],
            kind="dukungan",
            title=f"Anggaran perpustakaan desa dalam APBDes {self.village} Tahun {year}",
            number=f"Perdes Nomor {self.rng.randint(1, 3)} Tahun {year}",
            start_on=start,
            end_on=date(year, 12, 31),
            support_type="apbdes",
            value_rupiah=value,
        )

    def month_partnerships(self, uow: UnitOfWork, month: _Month, month_start: date) -> None:
        rng = self.rng
        if month.last < month.first:
            return
        d = rng.choice(
            [month.first + timedelta(days=k) for k in range((month.last - month.first).days + 1)]
        )
        moment = self.local(d, 10 * 60)
        if month.month == 1 and month_start > self.start:
            self.apbdes(uow, month.year)
        if (
            self.mou_until is not None
            and month.first <= self.mou_until + timedelta(days=1) <= month.last
        ):
            self.mou(uow, self.mou_until + timedelta(days=1))
        if month_start == self.perdes_month:
            self.partnership(
                uow,
                moment,
                partner_id=self.partners["pemdes"],
                kind="regulasi",
                support_type="perdes",  # the column keeps a regulation's type too
                title=f"Peraturan Desa {self.village} tentang Penyelenggaraan Perpustakaan Desa",
                number=f"{rng.randint(2, 9)} Tahun {d.year}",
                start_on=d,
                end_on=None,
            )
        key = self.pks_months.get(month_start)
        if key is not None:
            titles = {
                "puskesmas": "Perjanjian Kerja Sama Kelas Kesehatan Keluarga di Perpustakaan",
                "sd": "Perjanjian Kerja Sama Kunjungan Rutin dan Gerakan Literasi Sekolah",
                "bank": "Perjanjian Kerja Sama Edukasi Keuangan dan Literasi Digital",
            }
            self.partnership(
                uow,
                moment,
                partner_id=self.partners[key],
                kind="pks",
                title=titles[key],
                number=f"{self.next_number():03d}/PKS/PERPUSDES/{d.year}",
                start_on=d,
                end_on=_years_before(d, -2) - timedelta(days=1),
            )
        if month_start == self.equipment_month:
            self.partnership(
                uow,
                moment,
                partner_id=self.partners["bank"],
                kind="dukungan",
                title="Bantuan dua unit komputer dan jaringan internet untuk layanan perpustakaan",
                number=None,
                start_on=d,
                end_on=None,
                support_type="peralatan",
                value_rupiah=rng.randint(24, 36) * 500_000,
                quantity=2,
            )

    def deactivate(self, uow: UnitOfWork, month_start: date) -> None:
        leaving = [
            p
            for p in self.pool
            if p.leave_on is not None
            and p.leave_on <= month_start
            and p.busy_until <= self.local(month_start, 0)
        ]
        if not leaving:
            return
        for person in leaving:
            person.active = False
        gone = {p.id for p in leaving}
        self.pool = [p for p in self.pool if p.active]
        self.pool_dirty = True
        when = self.local(month_start, 8 * 60)
        members = uow.session.scalars(select(Member).where(Member.id.in_(sorted(gone))))
        for member in members:
            member.active = False
            member.deactivated_at = when

    def mark_lent(self, uow: UnitOfWork) -> None:
        """Copies lent out for good (still on loan today) show as lent."""
        if not self.lent_out:
            return
        ids = set(self.lent_out)
        pending = {
            obj.id: obj for obj in uow.session.new if isinstance(obj, Item) and obj.id in ids
        }
        for item in pending.values():
            item.status = "dipinjam"
        rest = sorted(i for i in ids if i not in pending)
        if rest:
            for item in uow.session.scalars(select(Item).where(Item.id.in_(rest))):
                item.status = "dipinjam"

    def build_day(self, uow: UnitOfWork, d: date, events: list[str], activity_day: bool) -> None:
        rng = self.rng
        info = self.day(d)
        planned = list(self.plan.get(d, ())) if self.plan is not None else []
        for event in events:
            if event == "activity":
                latest = min(self._month_end(d), self.today - timedelta(days=1))
                if planned:
                    wanted = planned.pop(0)
                    self.activity(uow, d, wanted.status, latest, wanted)
                    continue
                status = "batal" if rng.random() < 0.05 else "terlaksana"
                self.activity(uow, d, status, latest)
        if not info.open:
            self.returns.pop(d, None)  # nobody comes (cannot happen: returns are on open days)
            return
        # visits, in time order: individuals, members bringing books back, groups
        elapsed_years = (d - self.start).days / 365.25
        mu = info.mu * _SEASON[d.month - 1] * (1 + 0.07 * elapsed_years) * self.size
        mu *= min(1.0, 0.75 + (d - self.start).days / 240)
        # (when, order, member bringing books back or None for someone walking in)
        timeline: list[tuple[datetime, int, _Person | None]] = []
        for _ in range(self.count(mu)):
            timeline.append((self.moment(d), len(timeline), None))
        for moment, back in self.returns.pop(d, []):
            timeline.append((moment, len(timeline), back))
        for event in events:
            if event in ("school", "community"):
                uow.add(self.group_visit(d, event == "school"))
                self.counts["visits"] += 1
        timeline.sort(key=lambda e: (e[0], e[1]))
        member_share = 0.5 * min(1.0, len(self.pool) / (80 * self.size))
        for moment, _, returning in timeline:
            hour = moment.astimezone(self.tz).hour
            person = None
            if returning is None and rng.random() < member_share:
                person = self.pick_member(info, hour)
            if returning is not None:
                purposes = ["membaca", "pinjam"] if rng.random() < 0.35 else ["pinjam"]
                uow.add(self.member_visit(d, moment, returning, purposes))
                if returning.active and rng.random() < 0.55:
                    later = moment + timedelta(minutes=rng.randint(3, 25))
                    self.borrow(uow, d, later, returning)
            elif person is not None:
                band = _band(person.birth, d)
                busy = person.busy_until > moment
                purposes = self.purposes(band, member=True, busy=busy)
                if activity_day and rng.random() < 0.3:
                    purposes = sorted({*purposes, "kegiatan"}, key=PURPOSES.index)
                if "pinjam" in purposes and not self.borrow(uow, d, moment, person):
                    purposes = [p for p in purposes if p != "pinjam"] or ["membaca"]
                uow.add(self.member_visit(d, moment, person, purposes))
            else:
                visit = self.guest_visit(d, moment, info, hour)
                if activity_day and rng.random() < 0.3:
                    visit.purposes = sorted({*visit.purposes, "kegiatan"}, key=PURPOSES.index)
                uow.add(visit)
            self.counts["visits"] += 1
        # the desk work of the day: new members, new books, a story written down
        for event in events:
            if event == "member":
                moment = self.moment(d)
                uow.add(self.new_member(d, moment))
            elif ":" in event:
                source, n = event.split(":")
                copies = self.acquire(uow, [(d, source)] * int(n))
                if source in ("hibah", "perpusnas"):
                    self.book_donation(uow, d, source, copies)
            elif event == "story":
                self.story(uow, d)
        if "member" in events:
            uow.flush()  # before any loan or visit that refers to the new members

    def book_donation(self, uow: UnitOfWork, d: date, source: str, copies: int) -> None:
        moment = self.local(d, 11 * 60)
        if source == "perpusnas":
            partner_id = self.partners["perpusnas"]
            title = f"Bantuan {copies} eksemplar buku program TPBIS"
        else:
            donors = self.w["partners"]["donors"]
            donor = self.rng.choice(donors)
            spec = {"name": donor, "type": "kelompok_masyarakat", "contact": "Koordinator"}
            partner_id = self.partner(uow, f"donor:{donor}", moment, spec)
            title = f"Hibah {copies} eksemplar buku dari {self.fill(donor)}"
        self.partnership(
            uow,
            moment,
            partner_id=partner_id,
            kind="dukungan",
            title=title,
            number=None,
            start_on=d,
            end_on=None,
            support_type="buku",
            quantity=copies,
        )

    def future(self, uow: UnitOfWork) -> None:
        """Activities planned for the next six weeks."""
        rng = self.rng
        for _ in range(rng.randint(5, 9)):
            d = self.today + timedelta(days=rng.randint(1, 42))
            if d not in _holidays(d.year):
                self.activity(uow, d, "rencana", d + timedelta(days=6))


# --- pure helpers --------------------------------------------------------------------


def _cum(weights: Sequence[float]) -> list[float]:
    total, found = 0.0, []
    for weight in weights:
        total += weight
        found.append(total)
    return found


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _band(birth: date, on: date) -> str:
    age = _age(birth, on)
    for band, limit in zip(AGE_BANDS, AGE_LIMITS, strict=False):
        if age < limit:
            return band
    return AGE_BANDS[-1]


def _isbn13_check(first12: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first12))
    return str((10 - total % 10) % 10)


def _author_mark(authors: str) -> str:
    """Three letters of the main author's last name, as on the spine label."""
    main = authors.split(";")[0].split(",")[0].strip()
    words = [w for w in main.split() if not w.endswith(".")]
    last = words[-1] if words else main
    return (last[:3] or "ANO").upper()


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")
