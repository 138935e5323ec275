"""What a monthly or annual report holds: plain frozen dataclasses, no Qt, no database.

FROZEN CONTRACT: the page, the PDF renderer, the XLSX writer and the command
line draw everything from a :class:`Report` without a query of their own. Fields
may be ADDED (with defaults) but never renamed or removed.

``app.reports.figures.compute_report`` fills a :class:`Report` for a
:class:`Period`. Every number a section compares is a :class:`Comparison`: this
period, the previous period (for a month: the month before; for a year: the
year before) and the same period a year earlier (for a year this equals the
previous one).

Breakdowns (:class:`Breakdown`) are rows with a stable ``code``, a ``label``
and a :class:`Comparison`. A label is English source text marked with
``QT_TRANSLATE_NOOP("PerpusDesa", ...)`` (the renderer translates it with
``QCoreApplication.translate("PerpusDesa", label)``) unless ``own_label`` is
True: then it is a name the library typed (a renamed purpose or age band, a
category, a title) and is shown as it is. Unless ``overlapping`` is True the
rows of a breakdown add up to its ``total`` in every column (a row
``unknown`` takes what was not recorded); visit purposes overlap (one visit may
give several purposes).

Counting rules (the same in every section):

- tombstoned (deleted) records count nowhere; a cancelled or planned activity
  counts nowhere; only held activities (``terlaksana``) count;
- times are stored in UTC and counted in the library's local time zone (WIB,
  WITA, WIT): a visit at 23:59 local time on the last day belongs to the period;
- a figure "at the end of the period" is taken at the end of its last day, or
  now if the period has not ended yet.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from app.core.text import QT_TRANSLATE_NOOP

MONTH = "month"
YEAR = "year"
_KEY = re.compile(r"(\d{4})(?:-(\d{2}))?\Z")

# --- the period ----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A calendar month (``kind="month"``) or a calendar year (``kind="year"``, month None)."""

    kind: str
    year: int
    month: int | None = None

    def __post_init__(self) -> None:
        if self.kind == MONTH:
            if self.month is None or not 1 <= self.month <= 12:
                raise ValueError(f"month period without a month 1..12: {self.month!r}")
        elif self.kind == YEAR:
            if self.month is not None:
                raise ValueError("a year period has no month")
        else:
            raise ValueError(f"unknown period kind {self.kind!r}")
        if not 1900 <= self.year <= 9998:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        return cls(MONTH, year, month)

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(YEAR, year, None)

    @classmethod
    def parse(cls, text: str) -> Period:
        """``"2026-11"`` (a month) or ``"2026"`` (a year); ``ValueError`` otherwise."""
        found = _KEY.match(text.strip())
        if found is None:
            raise ValueError(f"not a period: {text!r}")
        year = int(found.group(1))
        return cls.of_year(year) if found.group(2) is None else cls.of_month(year, int(found[2]))

    @property
    def key(self) -> str:
        """``"2026-11"`` for a month, ``"2026"`` for a year (the key notes are kept under)."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, 1)

    @property
    def last_day(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def previous(self) -> Period:
        """The month before (December of last year for January), or the year before."""
        if self.month is None:
            return Period.of_year(self.year - 1)
        if self.month == 1:
            return Period.of_month(self.year - 1, 12)
        return Period.of_month(self.year, self.month - 1)

    def same_last_year(self) -> Period:
        """The same month (or the year) one year earlier."""
        return Period(self.kind, self.year - 1, self.month)

    def months(self) -> tuple[Period, ...]:
        """The months of the period: itself for a month, twelve for a year."""
        if self.month is not None:
            return (self,)
        return tuple(Period.of_month(self.year, m) for m in range(1, 13))


# --- numbers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One figure for this period, the previous period and the same period last year."""

    current: int = 0
    previous: int = 0
    last_year: int = 0

    def __add__(self, other: Comparison) -> Comparison:
        return Comparison(
            self.current + other.current,
            self.previous + other.previous,
            self.last_year + other.last_year,
        )


ZERO = Comparison()


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: a stable code, its label and its figures."""

    code: str
    label: str  # English source text to translate, or the library's own (own_label)
    value: Comparison
    own_label: bool = False


@dataclass(frozen=True)
class Breakdown:
    """Rows and their total; the rows add up to the total unless ``overlapping``."""

    total: Comparison
    rows: tuple[Row, ...] = ()
    overlapping: bool = False

    def row(self, code: str) -> Row | None:
        return next((r for r in self.rows if r.code == code), None)

    def value(self, code: str) -> Comparison:
        found = self.row(code)
        return ZERO if found is None else found.value


EMPTY = Breakdown(ZERO)

# Labels of the codes this package adds (the others come from app.core.codes and the services).
UNKNOWN = "unknown"
UNKNOWN_LABEL = QT_TRANSLATE_NOOP("PerpusDesa", "Not recorded")

VISIT_KIND_LABELS = {
    "member": QT_TRANSLATE_NOOP("PerpusDesa", "Members"),
    "guest": QT_TRANSLATE_NOOP("PerpusDesa", "Non-members"),
    "group": QT_TRANSLATE_NOOP("PerpusDesa", "Groups"),
}

SOURCE_LABELS = {
    "perpusnas": QT_TRANSLATE_NOOP("PerpusDesa", "Perpusnas aid"),
    "hibah": QT_TRANSLATE_NOOP("PerpusDesa", "Donation"),
    "pembelian": QT_TRANSLATE_NOOP("PerpusDesa", "Purchase"),
    "swadaya": QT_TRANSLATE_NOOP("PerpusDesa", "Self-funded"),
}

# Loans by DDC main class. Titles in the Indonesian Islam notation 2X0-2X9 count
# under 200 (Religion), where the schedules place them; titles without a class
# count under ``unknown``.
DDC_CLASSES = (
    ("000", QT_TRANSLATE_NOOP("PerpusDesa", "000 General works")),
    ("100", QT_TRANSLATE_NOOP("PerpusDesa", "100 Philosophy and psychology")),
    ("200", QT_TRANSLATE_NOOP("PerpusDesa", "200 Religion")),
    ("300", QT_TRANSLATE_NOOP("PerpusDesa", "300 Social sciences")),
    ("400", QT_TRANSLATE_NOOP("PerpusDesa", "400 Language")),
    ("500", QT_TRANSLATE_NOOP("PerpusDesa", "500 Science")),
    ("600", QT_TRANSLATE_NOOP("PerpusDesa", "600 Technology")),
    ("700", QT_TRANSLATE_NOOP("PerpusDesa", "700 Arts and recreation")),
    ("800", QT_TRANSLATE_NOOP("PerpusDesa", "800 Literature")),
    ("900", QT_TRANSLATE_NOOP("PerpusDesa", "900 History and geography")),
)


# --- the sections ----------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    """People who visited on one local day (this period only: the chart)."""

    day: date
    people: int


@dataclass(frozen=True)
class Visits:
    """Kunjungan: people counted in the guestbook (a group counts its headcount)."""

    people: Comparison = ZERO
    visits: Comparison = ZERO  # guestbook lines (a group is one line)
    by_gender: Breakdown = EMPTY  # L, P
    by_age_band: Breakdown = EMPTY  # the library's age bands + unknown
    by_kind: Breakdown = EMPTY  # member, guest, group
    by_purpose: Breakdown = EMPTY  # overlapping: people who gave each purpose
    per_day: tuple[DayCount, ...] = ()  # every day of this period, zeros included
    per_month: tuple[DayCount, ...] = ()  # first day of each month of this period, for a year


@dataclass(frozen=True)
class Membership:
    """Keanggotaan.

    ``total``: members registered by the end of the period and not deactivated
    by then. ``new``: registered in the period. ``active``: of the total, those
    who visited or borrowed in the period. The breakdowns split ``total``.
    """

    new: Comparison = ZERO
    active: Comparison = ZERO
    total: Comparison = ZERO
    by_gender: Breakdown = EMPTY
    by_member_type: Breakdown = EMPTY
    new_by_gender: Breakdown = EMPTY


@dataclass(frozen=True)
class Collection:
    """Koleksi at the end of the period, and what came in during it.

    A copy counts from its acquisition date (its creation if none was typed).
    """

    titles: Comparison = ZERO
    items: Comparison = ZERO
    new_titles: Comparison = ZERO
    new_items: Comparison = ZERO
    new_by_source: Breakdown = EMPTY  # perpusnas, hibah, pembelian, swadaya (+ others as typed)


@dataclass(frozen=True)
class TopTitle:
    title_id: str
    title: str
    authors: str
    loans: int


@dataclass(frozen=True)
class Circulation:
    """Sirkulasi: loans made and returned in the period, overdue at its end."""

    loans: Comparison = ZERO
    returns: Comparison = ZERO
    overdue: Comparison = ZERO  # out and past due at the end of the period
    borrowers: Comparison = ZERO  # different members who borrowed
    top_titles: tuple[TopTitle, ...] = ()  # at most ten, this period, most borrowed first
    by_ddc: Breakdown = EMPTY  # loans by DDC main class 000..900 + unknown


@dataclass(frozen=True)
class ActivityLine:
    """One held activity of this period."""

    day: date  # local day of the start
    title: str
    kind: str  # kegiatan, pertemuan, pelatihan
    category: str  # national code
    category_label: str  # the library's label (translate when not renamed)
    category_own_label: bool
    strategy: str
    strategy_label: str  # English source text
    male: int
    female: int
    place: str = ""

    @property
    def people(self) -> int:
        return self.male + self.female


@dataclass(frozen=True)
class Activities:
    """Kegiatan: held activities only; cancelled, planned and deleted ones count nowhere."""

    lines: tuple[ActivityLine, ...] = ()
    count: Comparison = ZERO
    people: Comparison = ZERO
    by_category: Breakdown = EMPTY  # activities per national category (total = count)
    people_by_category: Breakdown = EMPTY  # people per category (total = people)
    by_strategy: Breakdown = EMPTY  # activities per strategy (total = count)
    by_gender: Breakdown = EMPTY  # people reached (total = people)
    by_age_band: Breakdown = EMPTY  # people reached (total = people)
    meetings: Comparison = ZERO  # stakeholder meetings held
    representatives: Comparison = ZERO  # people who came to them
    trainings: Comparison = ZERO
    trainees: Comparison = ZERO
    planned: int = 0  # this period, not yet held: shown, never counted
    cancelled: int = 0  # this period: shown, never counted


@dataclass(frozen=True)
class AgreementLine:
    day: date  # start
    title: str
    kind: str  # mou, pks
    kind_label: str
    partner: str | None
    number: str | None
    end_on: date | None


@dataclass(frozen=True)
class SupportLine:
    day: date
    title: str
    partner: str | None
    support_type: str
    support_label: str
    rupiah: int | None
    quantity: int | None


@dataclass(frozen=True)
class Partnerships:
    """Kemitraan dan advokasi: agreements signed and support received in the period."""

    agreements: tuple[AgreementLine, ...] = ()
    support: tuple[SupportLine, ...] = ()
    new_agreements: Comparison = ZERO
    support_received: Comparison = ZERO  # how many
    rupiah: Comparison = ZERO  # Rupiah of the support received
    rupiah_by_type: Breakdown = EMPTY
    in_force: Comparison = ZERO  # agreements in force at some time in the period


@dataclass(frozen=True)
class StoryLine:
    """A success story as it may be published: the name only with consent, else initials."""

    day: date  # the local day the consent was given
    title: str  # names without consent cut to initials
    person: str  # the name, or initials ("S. W.") without consent to publish the name
    named: bool  # True: published with the name
    category: str
    category_label: str
    excerpt: str  # the start of the text, names cut as in the title
    gender: str = ""
    age_band: str = ""
    figure_label: str | None = None
    value_before: int | None = None
    value_after: int | None = None


@dataclass(frozen=True)
class Stories:
    lines: tuple[StoryLine, ...] = ()
    count: Comparison = ZERO


@dataclass(frozen=True)
class Notes:
    """Kendala dan rencana: what the manager typed for the period (empty if nothing)."""

    text: str = ""
    updated_at: datetime | None = None  # aware UTC
    updated_by: str | None = None  # username


@dataclass(frozen=True)
class LibraryHeader:
    """The letterhead (kop) and the signature blocks."""

    name: str = ""
    library_type: str = ""
    region_code: str = ""
    village: str = ""  # desa/kelurahan name (empty for a district library)
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = ""
    address: str = ""
    npp: str | None = None
    head_name: str = ""  # Kepala Perpustakaan
    village_head_name: str = ""  # Kepala Desa / Lurah
    time_zone: str = "WIB"
    paper: str = "A4"  # A4 or F4, from the settings
    logo_path: str | None = None  # relative to the data folder

    @property
    def village_name(self) -> str:
        return self.village


@dataclass(frozen=True)
class Iplm:
    """The yearly library-development figures (IPLM), for an annual report only."""

    literacy_participants: Comparison = ZERO  # people reached by held activities
    users: Comparison = ZERO  # people in the guestbook
    ict_users: Comparison = ZERO  # visitors who came for the internet or a computer
    loans: Comparison = ZERO
    read_on_site: Comparison = ZERO  # visitors who came to read in the library
    activities: Comparison = ZERO
    partnerships: Comparison = ZERO  # agreements in force during the year


@dataclass(frozen=True)
class Report:
    period: Period
    previous: Period
    last_year: Period
    header: LibraryHeader = field(default_factory=LibraryHeader)
    generated_at: datetime | None = None  # aware UTC
    ends_at: date | None = None  # the day figures "at the end" are taken (today if not over)
    visits: Visits = field(default_factory=Visits)
    membership: Membership = field(default_factory=Membership)
    collection: Collection = field(default_factory=Collection)
    circulation: Circulation = field(default_factory=Circulation)
    activities: Activities = field(default_factory=Activities)
    partnerships: Partnerships = field(default_factory=Partnerships)
    stories: Stories = field(default_factory=Stories)
    notes: Notes = field(default_factory=Notes)
    iplm: Iplm | None = None  # annual reports only
