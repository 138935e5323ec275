"""The one place that computes a report's figures: ``compute_report(conn, period)``.

It reads on a light ``sqlite3`` connection (no Qt, no SQLAlchemy) and returns
a :class:`app.reports.model.Report` for the period, the period before it and the
same period a year earlier. The counting rules are in ``app.reports.model``.
Visits are added up in SQL the way ``app.core.visits.totals_of`` adds up a
day (a test holds the two together); held activities are added up by
``app.core.activities.figures_of`` and stories made publishable by
``app.core.stories.publishable``, so that the report counts exactly as the
pages do. Visits and loans are read for the three periods in one statement
(a branch per period, grouped in SQL), so that only a few hundred rows reach
Python; figures that look at the end of a period (members, the collection)
are counted for the three cut-off days at once.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from app.core import codes
from app.core.activities import (
    STRATEGIES,
    ActivityView,
    MonthFigures,
    activity_views_between,
    figures_of,
)
from app.core.clock import ZONES, to_db, utcnow, zone_for_region
from app.core.errors import KnownError
from app.core.library import region_chain
from app.core.partnerships import KINDS as PARTNERSHIP_KINDS
from app.core.partnerships import SUPPORT_TYPES
from app.core.settings import Settings
from app.core.stories import CATEGORIES as STORY_CATEGORIES
from app.core.stories import publishable, story_views_between
from app.core.text import QT_TRANSLATE_NOOP
from app.core.visits import DayTotals
from app.reports import notes as month_notes
from app.reports.model import (
    DDC_CLASSES,
    SOURCE_LABELS,
    UNKNOWN,
    UNKNOWN_LABEL,
    VISIT_KIND_LABELS,
    Activities,
    ActivityLine,
    AgreementLine,
    Breakdown,
    Circulation,
    Collection,
    Comparison,
    DayCount,
    Iplm,
    LibraryHeader,
    Membership,
    Partnerships,
    Period,
    Report,
    Row,
    Stories,
    StoryLine,
    SupportLine,
    TopTitle,
    Visits,
)

TOP_TITLES = 10
EXCERPT = 400  # characters of a story's text in the report


# --- what one period adds up to ------------------------------------------------------


@dataclass(frozen=True)
class _Bounds:
    period: Period
    start: datetime  # UTC, local midnight of the first day
    end: datetime  # UTC, local midnight after the last day (exclusive)
    as_of: datetime  # UTC: the end, or now if the period has not ended
    as_of_day: date  # the local day "at the end" looks from (overdue: due before it)

    @property
    def range(self) -> tuple[str, str]:
        return to_db(self.start), to_db(self.end)


@dataclass
class _Figures:
    """Every number of one period (the sections pick theirs for the comparison)."""

    visits: DayTotals = field(default_factory=DayTotals)
    visit_lines: int = 0
    members_total: int = 0
    members_new: int = 0
    members_active: int = 0
    members_by_gender: dict[str, int] = field(default_factory=dict)
    members_by_type: dict[str, int] = field(default_factory=dict)
    new_by_gender: dict[str, int] = field(default_factory=dict)
    titles: int = 0
    items: int = 0
    new_titles: int = 0
    new_by_source: dict[str, int] = field(default_factory=dict)
    loans: int = 0
    returns: int = 0
    overdue: int = 0
    borrowers: int = 0
    loans_by_ddc: dict[str, int] = field(default_factory=dict)
    activities: MonthFigures = field(default_factory=MonthFigures)
    activity_views: list[ActivityView] = field(default_factory=list)
    agreements: int = 0
    support: int = 0
    rupiah_by_type: dict[str, int] = field(default_factory=dict)
    in_force: int = 0
    stories: int = 0


@dataclass(frozen=True)
class _Lists:
    zone: tzinfo
    age_bands: tuple[codes.AgeBand, ...]
    purposes: tuple[codes.Code, ...]
    categories: tuple[codes.Code, ...]


def compute_report(conn: sqlite3.Connection, period: Period, now: datetime | None = None) -> Report:
    """All figures of ``period`` (and of the two periods it is compared with).

    ``now`` (aware) decides where a period that has not ended yet stops; it
    defaults to the current time. Raises ``KnownError`` if the library has not
    been set up.
    """
    now = now or utcnow()
    header = _header(conn)
    lists = _lists(conn, header)
    periods = (period, period.previous(), period.same_last_year())
    bounds = [_bounds(p, lists.zone, now) for p in periods]
    figures = [_figures(conn, b, lists) for b in bounds]
    for f, (totals, lines) in zip(figures, _visit_totals(conn, bounds), strict=True):
        f.visits, f.visit_lines = totals, lines
    _stock(conn, bounds, lists.zone, figures)
    top_titles = _titles_lent(conn, bounds, figures)
    this = bounds[0]
    report = Report(
        period=period,
        previous=periods[1],
        last_year=periods[2],
        header=header,
        generated_at=now.astimezone(UTC),
        ends_at=this.as_of_day if this.as_of < this.end else period.last_day,
        visits=_visits(conn, this, lists, figures),
        membership=_membership(figures),
        collection=_collection(figures),
        circulation=_circulation(top_titles, figures),
        activities=_activities(figures[0].activity_views, lists, figures),
        partnerships=_partnerships(conn, this, figures),
        stories=_stories(conn, this, lists.zone, figures),
        notes=month_notes.read_note(conn, period),
    )
    if period.kind == "year":
        report = _with_iplm(report)
    return report


# --- reading one period ----------------------------------------------------------------


def _bounds(period: Period, zone: tzinfo, now: datetime) -> _Bounds:
    start = datetime.combine(period.first_day, time(0), tzinfo=zone)
    end = datetime.combine(period.last_day + timedelta(days=1), time(0), tzinfo=zone)
    as_of = min(end, now)
    return _Bounds(
        period=period,
        start=start.astimezone(UTC),
        end=end.astimezone(UTC),
        as_of=as_of.astimezone(UTC),
        as_of_day=as_of.astimezone(zone).date(),
    )


def _figures(conn: sqlite3.Connection, b: _Bounds, lists: _Lists) -> _Figures:
    """The figures of one period read period by period (the stock is read by ``_stock``)."""
    start, end = b.range
    as_of = to_db(b.as_of)
    first, last = b.period.first_day.isoformat(), b.period.last_day.isoformat()
    f = _Figures()

    # Active: a member at the end who came or borrowed in the period (few: read by id).
    f.members_active = _count(
        conn,
        "SELECT count(*) FROM member WHERE deleted_at IS NULL AND registered_on <= ?"
        " AND (deactivated_at IS NULL OR deactivated_at >= ?) AND id IN ("
        " SELECT member_id FROM visit WHERE visited_at >= ? AND visited_at < ?"
        " AND deleted_at IS NULL AND member_id IS NOT NULL"
        " UNION SELECT member_id FROM loan WHERE loaned_at >= ? AND loaned_at < ?"
        " AND deleted_at IS NULL)",
        _last_day(b, lists.zone),
        as_of,
        start,
        end,
        start,
        end,
    )
    f.loans, f.borrowers = conn.execute(
        "SELECT count(*), count(DISTINCT member_id) FROM loan"
        " WHERE loaned_at >= ? AND loaned_at < ? AND deleted_at IS NULL",
        (start, end),
    ).fetchone()
    f.returns = _count(
        conn,
        "SELECT count(*) FROM loan WHERE returned_at >= ? AND returned_at < ?"
        " AND deleted_at IS NULL",
        start,
        end,
    )
    # Out at the end: not returned, or returned after it (read through the returned_at index).
    out = "deleted_at IS NULL AND +loaned_at < ? AND due_on < ?"
    f.overdue = _count(
        conn,
        f"SELECT (SELECT count(*) FROM loan WHERE returned_at IS NULL AND {out})"
        f" + (SELECT count(*) FROM loan WHERE returned_at >= ? AND {out})",
        as_of,
        b.as_of_day.isoformat(),
        as_of,
        as_of,
        b.as_of_day.isoformat(),
    )
    f.activity_views = activity_views_between(conn, b.start, b.end, lists.zone)
    f.activities = figures_of(f.activity_views)

    for kind, support_type, rupiah, n in conn.execute(
        "SELECT kind, support_type, sum(coalesce(value_rupiah, 0)), count(*) FROM partnership"
        " WHERE deleted_at IS NULL AND start_on >= ? AND start_on <= ?"
        " GROUP BY kind, support_type",
        (first, last),
    ):
        if kind in ("mou", "pks"):
            f.agreements += n
        elif kind == "dukungan":
            f.support += n
            _add(f.rupiah_by_type, support_type or "lainnya", int(rupiah))
    f.in_force = _count(
        conn,
        "SELECT count(*) FROM partnership WHERE deleted_at IS NULL AND kind IN ('mou', 'pks')"
        " AND start_on <= ? AND (end_on IS NULL OR end_on >= ?)",
        last,
        first,
    )
    f.stories = _count(
        conn,
        "SELECT count(*) FROM story WHERE deleted_at IS NULL AND consent_at >= ? AND consent_at < ?",
        start,
        end,
    )
    return f


def _last_day(b: _Bounds, zone: tzinfo) -> str:
    """The last local day counted "at the end" of the period (registration dates are days)."""
    return (b.as_of - timedelta(microseconds=1)).astimezone(zone).date().isoformat()


def _stock(
    conn: sqlite3.Connection, bounds: Sequence[_Bounds], zone: tzinfo, figures: Sequence[_Figures]
) -> None:
    """Members (total and new) and the collection of all three periods.

    The members in one statement with conditional sums for the three periods.
    A copy counts from its acquisition day (the local day it was
    entered if no acquisition day was typed); a title from its first copy (a
    title without copies from the day it was entered).
    """
    member_sums: list[str] = []
    member_params: list[str] = []
    for b in bounds:
        as_of, last_day = to_db(b.as_of), _last_day(b, zone)
        first, last = b.period.first_day.isoformat(), b.period.last_day.isoformat()
        member_sums += [
            "sum(registered_on <= ? AND (deactivated_at IS NULL OR deactivated_at >= ?))",
            "sum(registered_on >= ? AND registered_on <= ?)",
        ]
        member_params += [last_day, as_of, first, last]
    for gender, member_type, *sums in conn.execute(
        f"SELECT gender, member_type, {', '.join(member_sums)} FROM member"
        " WHERE deleted_at IS NULL GROUP BY gender, member_type",
        member_params,
    ):
        for f, total, new in zip(figures, sums[0::2], sums[1::2], strict=True):
            f.members_total += total or 0
            f.members_new += new or 0
            _add(f.members_by_gender, gender, total or 0)
            _add(f.members_by_type, member_type, total or 0)
            _add(f.new_by_gender, gender, new or 0)
    _collection_stock(conn, bounds, zone, figures)


# A copy's day: its acquisition, else the local day it was entered (date() only then).
_ITEM_DAY = (
    "CASE WHEN {0}acquired_on IS NULL THEN date({0}created_at, :modifier) ELSE {0}acquired_on END"
)


def _collection_stock(
    conn: sqlite3.Connection, bounds: Sequence[_Bounds], zone: tzinfo, figures: Sequence[_Figures]
) -> None:
    """Titles and copies at the end of each period, and those new in it, counted in SQL.

    Deleting a title deletes its copies, so the copies alone say what is in the
    collection. Copies and titles from before the earliest day any period looks
    at (``low``) count in every period and are new in none: SQL only counts
    them; the later ones are read by day (a few hundred rows at most).
    """
    cuts = [
        (_last_day(b, zone), b.period.first_day.isoformat(), b.period.last_day.isoformat())
        for b in bounds
    ]
    low = min(min(last_day, first) for last_day, first, _ in cuts)
    params = {"modifier": _modifier(zone), "low": low}
    day = _ITEM_DAY.format("")
    for source, when, n in conn.execute(
        f"SELECT source, '', count(*) FROM item WHERE deleted_at IS NULL AND {day} < :low"
        f" GROUP BY source UNION ALL SELECT source, {day} AS day, count(*) FROM item"
        f" WHERE deleted_at IS NULL AND {day} >= :low GROUP BY source, day",
        params,
    ):
        code = source or UNKNOWN
        for (last_day, first, last), f in zip(cuts, figures, strict=True):
            if when <= last_day:
                f.items += n
            if first <= when <= last:
                _add(f.new_by_source, code, n)
    # A title counts from the day of its first copy; one without copies from its entry.
    (old_titles,) = conn.execute(
        f"SELECT count(DISTINCT title_id) FROM item WHERE deleted_at IS NULL AND {day} < :low",
        params,
    ).fetchone()
    title_days = [
        when
        for (when,) in conn.execute(
            f"SELECT x.day FROM (SELECT title_id, min({day}) AS day FROM item"
            f" WHERE deleted_at IS NULL AND {day} >= :low GROUP BY +title_id) x"
            " WHERE NOT EXISTS (SELECT 1 FROM item o WHERE o.title_id = x.title_id"
            f" AND o.deleted_at IS NULL AND {_ITEM_DAY.format('o.')} < :low)"
            " UNION ALL SELECT date(created_at, :modifier) FROM title WHERE deleted_at IS NULL"
            " AND id NOT IN (SELECT title_id FROM item)",
            params,
        )
    ]
    title_days.sort()
    for (last_day, first, last), f in zip(cuts, figures, strict=True):
        f.titles = old_titles + bisect_right(title_days, last_day)
        f.new_titles = _between(title_days, first, last)


def _between(days: list[str], first: str, last: str) -> int:
    """How many of the sorted ISO days fall from ``first`` to ``last`` (both included)."""
    return bisect_right(days, last) - bisect_left(days, first)


def _modifier(zone: tzinfo) -> str:
    """The SQLite date modifier from UTC to the library's local time ("+25200 seconds")."""
    offset = zone.utcoffset(None) or timedelta(0)
    return f"{int(offset.total_seconds()):+d} seconds"


def _titles_lent(
    conn: sqlite3.Connection, bounds: Sequence[_Bounds], figures: Sequence[_Figures]
) -> tuple[TopTitle, ...]:
    """Loans by DDC class in the three periods (one join), and this period's top titles.

    The class is the first digit of the title's DDC number; the Indonesian
    notation for Islam (2X0-2X9) counts under 200; no number counts as unknown.
    The top titles are this period's, most loans first, then by title.
    """
    each = " UNION ALL ".join(
        f"SELECT {k} AS p, item_id FROM loan"
        " WHERE loaned_at >= ? AND loaned_at < ? AND deleted_at IS NULL"
        for k in range(len(bounds))
    )
    counts_of = ", ".join(f"sum(x.p = {k})" for k in range(len(bounds)))
    for ddc, *counts in conn.execute(
        f"SELECT substr(t.ddc, 1, 1), {counts_of} FROM ({each}) x"
        " JOIN item i ON i.id = x.item_id JOIN title t ON t.id = i.title_id GROUP BY 1",
        [value for b in bounds for value in b.range],
    ):
        code = f"{ddc}00" if ddc and ddc.isdigit() else UNKNOWN
        for f, n in zip(figures, counts, strict=True):
            if n:
                _add(f.loans_by_ddc, code, n)
    lent = [
        TopTitle(title_id, title, authors or "", int(n))
        for title_id, title, authors, n in conn.execute(
            "SELECT t.id, t.title, t.authors, count(*) FROM loan l"
            " JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id"
            " WHERE l.loaned_at >= ? AND l.loaned_at < ? AND l.deleted_at IS NULL GROUP BY t.id",
            bounds[0].range,
        )
    ]
    lent.sort(key=lambda t: (-t.loans, t.title.casefold(), t.title_id))
    return tuple(lent[:TOP_TITLES])


# Damaged JSON (never written by the program) is skipped rather than failing the report;
# age counts are read from an object only (text keys), purposes from a list only.
_JSON = "CASE WHEN json_valid({0}) THEN {0} END"


def _visit_totals(
    conn: sqlite3.Connection, bounds: Sequence[_Bounds]
) -> list[tuple[DayTotals, int]]:
    """Each period's visits added up as ``app.core.visits.totals_of`` adds up a day's (and lines).

    Counted in SQL in one statement for all periods (a year has tens of
    thousands of visits): the visits are first grouped by what they record
    (kind, people, age counts and purposes as stored), which leaves a few
    hundred groups, and the JSON of each group is read once. A group counts
    with every person in it; ``age_counts`` give the bands, the people they
    leave out are ``age_unknown``; each purpose of a visit (once, even if
    repeated) counts the visit's people.
    """
    ranges = list(dict.fromkeys(b.range for b in bounds))  # a year's two comparisons may be one
    params: dict[str, str] = {}
    for k, (start, end) in enumerate(ranges):
        params[f"s{k}"], params[f"e{k}"] = start, end
    each = " UNION ALL ".join(
        f"SELECT {k} AS p, kind, count_male AS male, count_female AS female,"
        " age_counts AS ages, purposes FROM visit"
        f" WHERE visited_at >= :s{k} AND visited_at < :e{k} AND deleted_at IS NULL"
        for k in range(len(ranges))
    )
    ages, purposes = _JSON.format("a.ages"), _JSON.format("u.purposes")
    sql = (
        "WITH g AS MATERIALIZED (SELECT p, kind, male, female, ages, purposes, count(*) AS n"
        f" FROM ({each}) GROUP BY 1, 2, 3, 4, 5, 6)"
        # kinds: people and lines
        " SELECT 'kind', p, kind, sum(male * n), sum(female * n), sum(n) FROM g GROUP BY p, kind"
        # people the age counts leave out (each distinct JSON text read once)
        " UNION ALL SELECT 'unknown', p, NULL, sum(n * max(people - coalesce((SELECT sum(value)"
        f" FROM json_each({ages}) WHERE typeof(key) = 'text'), 0), 0)), 0, 0"
        " FROM (SELECT p, male + female AS people, ages, sum(n) AS n FROM g GROUP BY 1, 2, 3) a"
        " GROUP BY p"
        # age bands (from an object only)
        " UNION ALL SELECT 'band', p, j.key, sum(j.value * n), 0, 0"
        " FROM (SELECT p, ages, sum(n) AS n FROM g GROUP BY 1, 2) a,"
        f" json_each({ages}) j WHERE typeof(j.key) = 'text' GROUP BY p, j.key"
        # purposes (from a list only), each once per visit
        " UNION ALL SELECT 'purpose', p, j.value, sum(people), 0, 0"
        " FROM (SELECT p, purposes, sum((male + female) * n) AS people FROM g GROUP BY 1, 2) u,"
        f" json_each({purposes}) j WHERE typeof(j.key) = 'integer' AND j.value IS NOT NULL"
        f" AND NOT EXISTS (SELECT 1 FROM json_each({purposes}) k"
        " WHERE k.key < j.key AND k.value = j.value) GROUP BY p, j.value"
    )
    found = [_VisitSums() for _ in ranges]
    for what, p, code, a, b, n in conn.execute(sql, params):
        sums = found[p]
        if what == "kind":
            people = int(a) + int(b)
            sums.male, sums.female, sums.lines = (
                sums.male + int(a),
                sums.female + int(b),
                sums.lines + n,
            )
            if code == "member":
                sums.members += people
            elif code == "group":
                sums.groups, sums.group_visits = sums.groups + people, sums.group_visits + n
            else:
                sums.guests += people
        elif what == "unknown":
            sums.unknown = int(a or 0)
        elif what == "band":
            sums.by_band[str(code)] = int(a or 0)
        else:
            sums.by_purpose[str(code)] = int(a or 0)
    totals = [
        (
            DayTotals(
                people=t.male + t.female,
                male=t.male,
                female=t.female,
                members=t.members,
                guests=t.guests,
                groups=t.groups,
                group_visits=t.group_visits,
                by_age_band=t.by_band,
                by_purpose=t.by_purpose,
                age_unknown=t.unknown,
            ),
            t.lines,
        )
        for t in found
    ]
    return [totals[ranges.index(b.range)] for b in bounds]


@dataclass
class _VisitSums:
    male: int = 0
    female: int = 0
    members: int = 0
    guests: int = 0
    groups: int = 0
    group_visits: int = 0
    lines: int = 0
    unknown: int = 0
    by_band: dict[str, int] = field(default_factory=dict)
    by_purpose: dict[str, int] = field(default_factory=dict)


# --- the sections ----------------------------------------------------------------------


def _visits(
    conn: sqlite3.Connection, b: _Bounds, lists: _Lists, figures: Sequence[_Figures]
) -> Visits:
    totals = [f.visits for f in figures]
    people = _cmp(figures, lambda f: f.visits.people)
    bands: list[tuple[str, str, bool]] = [
        (band.code, band.label, _own(band.label, _default_labels(codes.DEFAULT_AGE_BANDS)))
        for band in lists.age_bands
    ]
    purposes = [
        (p.code, p.label, _own(p.label, _default_labels(codes.DEFAULT_PURPOSES)))
        for p in lists.purposes
    ]
    by_band = [dict(t.by_age_band) | {UNKNOWN: t.age_unknown} for t in totals]
    modifier = _modifier(lists.zone)
    start, end = b.range
    per_day_found = dict(
        conn.execute(
            "SELECT date(visited_at, ?), sum(count_male + count_female) FROM visit"
            " WHERE visited_at >= ? AND visited_at < ? AND deleted_at IS NULL GROUP BY 1",
            (modifier, start, end),
        ).fetchall()
    )
    per_day = tuple(
        DayCount(day, int(per_day_found.get(day.isoformat(), 0)))
        for day in (b.period.first_day + timedelta(days=n) for n in range(b.period.days))
    )
    per_month = tuple(
        DayCount(m.first_day, sum(d.people for d in per_day if m.first_day <= d.day <= m.last_day))
        for m in b.period.months()
    )
    return Visits(
        people=people,
        visits=_cmp(figures, lambda f: f.visit_lines),
        by_gender=_breakdown(
            people,
            [(g.code, g.label, False) for g in codes.GENDERS],
            [{"L": t.male, "P": t.female} for t in totals],
        ),
        by_age_band=_breakdown(people, bands, by_band, unknown=True),
        by_kind=_breakdown(
            people,
            [(k, label, False) for k, label in VISIT_KIND_LABELS.items()],
            [{"member": t.members, "guest": t.guests, "group": t.groups} for t in totals],
        ),
        by_purpose=_breakdown(
            people, purposes, [dict(t.by_purpose) for t in totals], overlapping=True
        ),
        per_day=per_day,
        per_month=per_month,
    )


def _membership(figures: Sequence[_Figures]) -> Membership:
    total = _cmp(figures, lambda f: f.members_total)
    new = _cmp(figures, lambda f: f.members_new)
    genders = [(g.code, g.label, False) for g in codes.GENDERS]
    return Membership(
        new=new,
        active=_cmp(figures, lambda f: f.members_active),
        total=total,
        by_gender=_breakdown(total, genders, [f.members_by_gender for f in figures]),
        by_member_type=_breakdown(
            total,
            [(t.code, t.label, False) for t in codes.MEMBER_TYPES],
            [f.members_by_type for f in figures],
        ),
        new_by_gender=_breakdown(new, genders, [f.new_by_gender for f in figures]),
    )


def _collection(figures: Sequence[_Figures]) -> Collection:
    new_items = _cmp(figures, lambda f: sum(f.new_by_source.values()))
    return Collection(
        titles=_cmp(figures, lambda f: f.titles),
        items=_cmp(figures, lambda f: f.items),
        new_titles=_cmp(figures, lambda f: f.new_titles),
        new_items=new_items,
        new_by_source=_breakdown(
            new_items,
            [(code, label, False) for code, label in SOURCE_LABELS.items()],
            [f.new_by_source for f in figures],
        ),
    )


def _circulation(top_titles: tuple[TopTitle, ...], figures: Sequence[_Figures]) -> Circulation:
    loans = _cmp(figures, lambda f: f.loans)
    return Circulation(
        loans=loans,
        returns=_cmp(figures, lambda f: f.returns),
        overdue=_cmp(figures, lambda f: f.overdue),
        borrowers=_cmp(figures, lambda f: f.borrowers),
        top_titles=top_titles,
        by_ddc=_breakdown(
            loans,
            [(code, label, False) for code, label in DDC_CLASSES],
            [f.loans_by_ddc for f in figures],
            unknown=True,
        ),
    )


def _activities(
    views: Sequence[ActivityView], lists: _Lists, figures: Sequence[_Figures]
) -> Activities:
    count = _cmp(figures, lambda f: f.activities.activities)
    people = _cmp(figures, lambda f: f.activities.people)
    defaults = _default_labels(codes.DEFAULT_ACTIVITY_CATEGORIES)
    categories = [(c.code, c.label, _own(c.label, defaults)) for c in lists.categories]
    labels = {code: (label, own) for code, label, own in categories}
    strategies = {s.code: s.label for s in STRATEGIES}
    lines = tuple(
        ActivityLine(
            day=v.day,
            title=v.title,
            kind=v.kind,
            category=v.category,
            category_label=labels.get(v.category, (v.category, True))[0],
            category_own_label=labels.get(v.category, (v.category, True))[1],
            strategy=v.strategy,
            strategy_label=strategies.get(v.strategy, v.strategy),
            male=v.participants_male,
            female=v.participants_female,
            place=v.place,
        )
        for v in views
        if v.counts
    )
    by_band = [_banded(f.activities) for f in figures]
    this = figures[0].activities
    return Activities(
        lines=lines,
        count=count,
        people=people,
        by_category=_breakdown(count, categories, [f.activities.by_category for f in figures]),
        people_by_category=_breakdown(
            people, categories, [f.activities.people_by_category for f in figures]
        ),
        by_strategy=_breakdown(
            count,
            [(s.code, s.label, False) for s in STRATEGIES],
            [f.activities.by_strategy for f in figures],
        ),
        by_gender=_breakdown(
            people,
            [(g.code, g.label, False) for g in codes.GENDERS],
            [{"L": f.activities.male, "P": f.activities.female} for f in figures],
        ),
        by_age_band=_breakdown(
            people,
            [
                (band.code, band.label, _own(band.label, _default_labels(codes.DEFAULT_AGE_BANDS)))
                for band in lists.age_bands
            ],
            by_band,
            unknown=True,
        ),
        meetings=_cmp(figures, lambda f: f.activities.meetings),
        representatives=_cmp(figures, lambda f: f.activities.representatives),
        trainings=_cmp(figures, lambda f: f.activities.trainings),
        trainees=_cmp(figures, lambda f: f.activities.trainees),
        planned=this.planned,
        cancelled=this.cancelled,
    )


def _banded(figures: MonthFigures) -> dict[str, int]:
    """People by age band, with those whose band was not recorded under ``unknown``."""
    found = dict(figures.by_age_band)
    return found | {UNKNOWN: max(figures.people - sum(found.values()), 0)}


def _partnerships(
    conn: sqlite3.Connection, b: _Bounds, figures: Sequence[_Figures]
) -> Partnerships:
    kinds = {k.code: k.label for k in PARTNERSHIP_KINDS}
    supports = {s.code: s.label for s in SUPPORT_TYPES}
    agreements: list[AgreementLine] = []
    support: list[SupportLine] = []
    for (
        kind,
        title,
        start_on,
        end_on,
        partner,
        number,
        support_type,
        rupiah,
        quantity,
    ) in conn.execute(
        "SELECT s.kind, s.title, s.start_on, s.end_on, p.name, s.number, s.support_type,"
        " s.value_rupiah, s.quantity FROM partnership s"
        " LEFT JOIN partner p ON p.id = s.partner_id"
        " WHERE s.deleted_at IS NULL AND s.start_on >= ? AND s.start_on <= ?"
        " ORDER BY s.start_on, s.title",
        (b.period.first_day.isoformat(), b.period.last_day.isoformat()),
    ):
        day = date.fromisoformat(start_on)
        if kind in ("mou", "pks"):
            agreements.append(
                AgreementLine(
                    day=day,
                    title=title,
                    kind=kind,
                    kind_label=kinds.get(kind, kind),
                    partner=partner,
                    number=number,
                    end_on=date.fromisoformat(end_on) if end_on else None,
                )
            )
        elif kind == "dukungan":
            code = support_type or "lainnya"
            support.append(
                SupportLine(
                    day=day,
                    title=title,
                    partner=partner,
                    support_type=code,
                    support_label=supports.get(code, code),
                    rupiah=rupiah,
                    quantity=quantity,
                )
            )
    rupiah_total = _cmp(figures, lambda f: sum(f.rupiah_by_type.values()))
    return Partnerships(
        agreements=tuple(agreements),
        support=tuple(support),
        new_agreements=_cmp(figures, lambda f: f.agreements),
        support_received=_cmp(figures, lambda f: f.support),
        rupiah=rupiah_total,
        rupiah_by_type=_breakdown(
            rupiah_total,
            [(code, label, False) for code, label in supports.items()],
            [f.rupiah_by_type for f in figures],
        ),
        in_force=_cmp(figures, lambda f: f.in_force),
    )


def _stories(
    conn: sqlite3.Connection, b: _Bounds, zone: tzinfo, figures: Sequence[_Figures]
) -> Stories:
    categories = {c.code: c.label for c in STORY_CATEGORIES}
    lines = []
    for view in story_views_between(conn, b.start, b.end, zone):
        shown = publishable(view)
        lines.append(
            StoryLine(
                day=view.consent_on,
                title=shown.title,
                person=shown.name if shown.name is not None else initials(view.person_name),
                named=shown.name is not None,
                category=shown.category,
                category_label=categories.get(shown.category, shown.category),
                excerpt=excerpt(shown.text),
                gender=shown.gender,
                age_band=shown.age_band,
                figure_label=shown.figure_label,
                value_before=shown.value_before,
                value_after=shown.value_after,
            )
        )
    return Stories(lines=tuple(lines), count=_cmp(figures, lambda f: f.stories))


def _with_iplm(report: Report) -> Report:
    from dataclasses import replace

    purposes = report.visits.by_purpose
    return replace(
        report,
        iplm=Iplm(
            literacy_participants=report.activities.people,
            users=report.visits.people,
            ict_users=purposes.value("internet"),
            loans=report.circulation.loans,
            read_on_site=purposes.value("membaca"),
            activities=report.activities.count,
            partnerships=report.partnerships.in_force,
        ),
    )


# --- the library --------------------------------------------------------------------------


def _header(conn: sqlite3.Connection) -> LibraryHeader:
    row = conn.execute(
        "SELECT name, library_type, region_code, address, npp, head_name, village_head_name,"
        " logo_path FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
    ).fetchone()
    if row is None:
        raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet."))
    region_code = row[2]
    names = {region.level: region.name for region in region_chain(region_code)}
    paper = Settings(conn).get("paper")
    return LibraryHeader(
        name=row[0],
        library_type=row[1],
        region_code=region_code,
        village=names.get(4, ""),
        kecamatan=names.get(3, ""),
        kabupaten=names.get(2, ""),
        provinsi=names.get(1, ""),
        address=row[3] or "",
        npp=row[4],
        head_name=row[5],
        village_head_name=row[6],
        time_zone=zone_for_region(region_code),
        paper=paper if paper in ("A4", "F4") else "A4",
        logo_path=row[7],
    )


def _lists(conn: sqlite3.Connection, header: LibraryHeader) -> _Lists:
    settings = Settings(conn)
    stored_purposes = settings.get("purposes")
    return _Lists(
        zone=ZONES[header.time_zone],
        age_bands=codes.age_bands(settings.get("age_bands")),
        purposes=codes.all_purposes(stored_purposes),
        categories=codes.all_activity_categories(settings.get("activity_categories")),
    )


# --- helpers -------------------------------------------------------------------------------


def initials(name: str) -> str:
    """``"Siti Wulandari"`` -> ``"S. W."``: a person shown without consent to the name."""
    return " ".join(word[0].upper() + "." for word in name.split() if word[0].isalnum())


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The start of a text, cut at a space, with an ellipsis if it goes on."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,.;:") + "…"


def _add(counts: dict[str, int], key: str | None, n: int) -> None:
    code = key or UNKNOWN
    counts[code] = counts.get(code, 0) + int(n)


def _count(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0] or 0)


def _cmp(figures: Sequence[_Figures], pick: Callable[[_Figures], int]) -> Comparison:
    return Comparison(*(int(pick(f)) for f in figures))


def _default_labels(items: Iterable[codes.Code] | Iterable[codes.AgeBand]) -> frozenset[str]:
    return frozenset(item.label for item in items)


def _own(label: str, defaults: frozenset[str]) -> bool:
    """A label the library typed (shown as it is), not one of the program's (translated)."""
    return label not in defaults


def _breakdown(
    total: Comparison,
    known: Sequence[tuple[str, str, bool]],
    counts: Sequence[Mapping[str, int]],
    *,
    unknown: bool = False,
    overlapping: bool = False,
) -> Breakdown:
    """Rows for the known codes in their order, then codes found but not known, then unknown.

    Codes found in the data but not in the list (an old purpose, a damaged
    value) get their own row labelled with the code, so that nothing is lost
    from the sum.
    """
    rows = [
        Row(code, label, Comparison(*(int(c.get(code, 0)) for c in counts)), own)
        for code, label, own in known
    ]
    listed = {code for code, _, _ in known} | {UNKNOWN}
    extra = sorted({code for c in counts for code in c if code not in listed})
    rows += [
        Row(code, code, Comparison(*(int(c.get(code, 0)) for c in counts)), True) for code in extra
    ]
    missing = Comparison(*(int(c.get(UNKNOWN, 0)) for c in counts))
    if unknown or missing != Comparison():
        rows.append(Row(UNKNOWN, UNKNOWN_LABEL, missing))
    return Breakdown(total=total, rows=tuple(rows), overlapping=overlapping)
