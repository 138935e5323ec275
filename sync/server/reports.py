"""The programme's figures by region and period, read from the monthly roll-ups.

:func:`summary` answers for the nation (region ``None`` or ""), a province
("33"), a kabupaten/kota ("33.74"), a kecamatan ("33.74.01") or a village
("33.74.01.1001") over a :class:`Period` (a month, a quarter, a year or a range of
months): the figures of ``sync.server.figures`` added up, the breakdown by child
region (a village's children are its libraries) and by month. It first
refreshes the roll-ups (``rollup.refresh``), then reads region x month rows: the
nation, provinces, kabupaten/kota and kecamatan from ``rollup_region`` (their
child regions' whole calendar years from ``rollup_region_year``), a
kecamatan's villages and a village's libraries from ``rollup_month``.

Stock figures are added to the sums: ``members.total`` (members registered up
to the end of the period and not gone) and ``partnerships.in_force``
(agreements started up to the end of the period and not ended before it began),
each month's too. ``libraries.registered`` counts the libraries registered on
the server now; ``libraries.active`` those from which a batch arrived within the
period (a bundle import counts), and ``provinces_active`` / ``districts_active``
the regions with at least one active library.

:func:`library_summary`, :func:`libraries` and :func:`stale_libraries` serve
the dashboard's library page and its list of libraries that have not synced for
45 days. A library's last sync is the last time one of its devices spoke to the
server (``device.last_seen_at``) or a bundle of it was imported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from pydantic import BaseModel
from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from sync.server import figures, regions, rollup
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.models import (
    BundleImport,
    Device,
    Library,
    Record,
    Region,
    RollupMonth,
    RollupRegion,
    RollupRegionYear,
    SyncMonth,
)

NATIONAL_NAME: Final = "Indonesia"
LIBRARY_LEVEL: Final = 5  # a library as a child of a village
MAX_MONTHS: Final = 120  # the longest range a summary answers for
FIRST_YEAR, LAST_YEAR = 1990, 2100
STALE_DAYS: Final = 45
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DOTTED = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
_STORY_FIELDS: Final = (
    "category",
    "gender",
    "age_band",
    "occupation",
    "figure_label",
    "value_before",
    "value_after",
    "consent_at",
    "publish_with_name",
    "person_name",
    "title",
    "text",
)


class ReportError(ProblemError):
    """A period or region a report cannot be made for (invalid_period, unknown_region, ...)."""


# --- periods -------------------------------------------------------------------------------


def _month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Period:
    """Months ``first`` to ``last`` ("YYYY-MM", inclusive)."""

    first: str
    last: str

    @classmethod
    def parse(
        cls,
        month: str | None = None,
        quarter: str | None = None,
        year: str | int | None = None,
        start: str | None = None,
        end: str | None = None,
    ) -> Period:
        """The period of a query string's month=, quarter=, year= or start= and end=.

        Nothing given: the current year (WIB). ReportError ``invalid_period`` if
        malformed, more than one is given, or the range is reversed or too long.
        """
        given = [
            name
            for name, value in (
                ("month", month),
                ("quarter", quarter),
                ("year", year),
                ("start/end", start or end),
            )
            if value not in (None, "")
        ]
        if len(given) > 1:
            raise ReportError(
                "invalid_period",
                f"give only one of month, quarter, year or start and end, not "
                f"{' and '.join(given)}",
            )
        if not given:
            return cls.this_year()
        if month:
            first = last = _parse_month(month, "month")
        elif quarter:
            found = _QUARTER.match(quarter.strip())
            if not found:
                raise ReportError("invalid_period", f"quarter {quarter!r} is not like 2026-Q4")
            number = _year(found.group(1))
            q = int(found.group(2))
            first = f"{number:04d}-{3 * q - 2:02d}"
            last = f"{number:04d}-{3 * q:02d}"
        elif year not in (None, ""):
            text = str(year).strip()
            if not _YEAR.match(text):
                raise ReportError("invalid_period", f"year {year!r} is not like 2026")
            number = _year(text)
            first, last = f"{number:04d}-01", f"{number:04d}-12"
        else:
            if not start or not end:
                raise ReportError("invalid_period", "give both start and end (YYYY-MM)")
            first, last = _parse_month(start, "start"), _parse_month(end, "end")
            if first > last:
                raise ReportError("invalid_period", f"start {first} is after end {last}")
            if _month_index(last) - _month_index(first) >= MAX_MONTHS:
                raise ReportError(
                    "invalid_period", f"a range may cover at most {MAX_MONTHS} months"
                )
        return cls(first, last)

    @classmethod
    def this_year(cls, now: datetime | None = None) -> Period:
        """The current year (in WIB)."""
        year = ((now or datetime.now(UTC)) + timedelta(hours=7)).year
        return cls(f"{year:04d}-01", f"{year:04d}-12")

    def months(self) -> list[str]:
        """Every month of the period, in order."""
        return [
            _month_text(index)
            for index in range(_month_index(self.first), _month_index(self.last) + 1)
        ]

    def split_years(self) -> tuple[list[str], list[tuple[str, str]]]:
        """The whole calendar years in the period, and the ranges of months left over."""
        years: list[str] = []
        ranges: list[tuple[str, str]] = []
        for year in range(int(self.first[:4]), int(self.last[:4]) + 1):
            first, last = max(self.first, f"{year:04d}-01"), min(self.last, f"{year:04d}-12")
            if (first, last) == (f"{year:04d}-01", f"{year:04d}-12"):
                years.append(f"{year:04d}")
            else:
                ranges.append((first, last))
        return years, ranges

    def as_dict(self) -> dict[str, str]:
        return {"first": self.first, "last": self.last}


def _year(text: str) -> int:
    number = int(text)
    if not FIRST_YEAR <= number <= LAST_YEAR:
        raise ReportError("invalid_period", f"the year must be {FIRST_YEAR} to {LAST_YEAR}")
    return number


def _parse_month(text: str, name: str) -> str:
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ReportError("invalid_period", f"{name} {text!r} is not a month like 2026-11")
    return f"{_year(found.group(1)):04d}-{found.group(2)}"


# --- regions -------------------------------------------------------------------------------


def region_code(region: str | None) -> str:
    """The dotted Kemendagri code ("" for the nation); ReportError if it is not a code."""
    text = (region or "").strip()
    if text.lower() in ("", "nasional", "national", "id"):
        return ""
    if text.isdigit() and len(text) in (2, 4, 6, 10):
        text = ".".join(part for part in (text[:2], text[2:4], text[4:6], text[6:]) if part)
    if not _DOTTED.match(text):
        raise ReportError("unknown_region", f"{text[:40]!r} is not a Kemendagri region code")
    return text


def in_scope(code: str, scope: str | None) -> bool:
    """Whether a region lies within a staff member's region (None or "": the nation)."""
    return not scope or code == scope or code.startswith(scope + ".")


def _region_info(session: Session, code: str) -> dict[str, Any]:
    if not code:
        return {"code": "", "name": NATIONAL_NAME, "level": 0}
    row = session.get(Region, code)
    if row is not None:
        return {"code": row.code, "name": row.name, "level": row.level}
    try:
        chain = regions.chain(code)
    except regions.UnknownRegion:
        raise ReportError("unknown_region", f"no region has the code {code}") from None
    found_code, name, level, _parent = chain[-1]
    return {"code": found_code, "name": name, "level": level}


def _within(column: Any, code: str) -> ColumnElement[bool]:
    """A region code column at or under ``code``."""
    if not code:
        return column.is_not(None)
    return or_(column == code, column.startswith(code + ".", autoescape=True))


# --- the sums ----------------------------------------------------------------------------


@dataclass
class _Stock:
    members: int = 0
    started: int = 0  # agreements started up to the end of the period
    ended: int = 0  # agreements ended before the period began


def _stock_query(table: Any, key: Any, where: list[Any], period: Period) -> Any:
    return (
        select(
            key,
            func.sum(table.members_net),
            func.sum(table.agreements),
            func.sum(case((table.period < period.first, table.agreements_ended), else_=0)),
        )
        .where(*where, table.period <= period.last)
        .group_by(key)
    )


def _stocks(session: Session, query: Any) -> dict[Any, _Stock]:
    return {
        key: _Stock(int(members or 0), int(started or 0), int(ended or 0))
        for key, members, started, ended in session.execute(query)
    }


def _finish(figure: dict[str, Any], stock: _Stock) -> dict[str, Any]:
    """The figures with their stock figures (members total, agreements in force) added."""
    figure["members"]["total"] = stock.members
    figure["partnerships"]["in_force"] = stock.started - stock.ended
    return figure


def _months(
    period: Period, by_month: Mapping[str, dict[str, Any]], stock: _Stock
) -> list[dict[str, Any]]:
    """Each month's figures, with the stock figures at that month."""
    months = period.months()
    rows = [figures.add(figures.empty(), by_month.get(month, {})) for month in months]
    members, started = stock.members, stock.started
    ended = stock.ended
    later: list[tuple[int, int]] = []
    for figure in reversed(rows):
        later.append((members, started))
        stocks = rollup.stocks(figure)
        members -= stocks["members_net"]
        started -= stocks["agreements"]
    answer = []
    for month, figure, (members_at, started_at) in zip(months, rows, reversed(later), strict=True):
        figure["members"]["total"] = members_at
        figure["partnerships"]["in_force"] = started_at - ended
        ended += figure["partnerships"].get("ended", 0)
        answer.append({"period": month, "figures": figure})
    return answer


@contextmanager
def _reading(db: Database) -> Iterator[Session]:
    """A transaction that sees one snapshot (REPEATABLE READ on PostgreSQL)."""
    with db.transaction() as session:
        if db.dialect == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


def summary(db: Database, region: str | None, period: Period) -> dict[str, Any]:
    """The figures of a region (None: the nation) over a period, by child region and month."""
    code = region_code(region)
    with db.transaction() as session:
        _region_info(session, code)  # an unknown region changes nothing
    rollup.refresh(db)
    with _reading(db) as session:
        info = _region_info(session, code)
        code, level = info["code"], info["level"]
        counts = _library_counts(session, code, level, period)
        registered = set(counts["children"])
        if level <= rollup.ROLLUP_LEVELS:
            total, by_month, stock, children = _region_summary(
                session, code, level, period, registered
            )
        else:
            total, by_month, stock, children = _village_summary(session, code, period, registered)
        for child in children:
            key = child["library_id"] if child.get("library_id") else child["code"]
            child["libraries"] = counts["children"].get(key, {"registered": 0, "active": 0})
        return {
            "region": info,
            "period": period.as_dict(),
            "libraries": counts["total"],
            "provinces_active": counts["provinces_active"],
            "districts_active": counts["districts_active"],
            "figures": _finish(total, stock),
            "children": children,
            "months": _months(period, by_month, stock),
        }


def _region_summary(
    session: Session, code: str, level: int, period: Period, registered: set[str]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], _Stock, list[dict[str, Any]]]:
    """Total, months, stock and children of a region kept in ``rollup_region`` (levels 0-3)."""
    total = figures.empty()
    by_month: dict[str, dict[str, Any]] = {}
    in_period = [RollupRegion.period >= period.first, RollupRegion.period <= period.last]
    for month, figure in session.execute(
        select(RollupRegion.period, RollupRegion.figures).where(
            RollupRegion.region_code == code, *in_period
        )
    ):
        by_month[month] = figure
        figures.add(total, figure)
    stock = _stocks(
        session,
        _stock_query(
            RollupRegion, RollupRegion.region_code, [RollupRegion.region_code == code], period
        ),
    ).get(code, _Stock())

    child_figures: dict[str, dict[str, Any]] = defaultdict(figures.empty)
    child_stocks: dict[str, _Stock]
    month_in = [RollupMonth.period >= period.first, RollupMonth.period <= period.last]
    if level < rollup.ROLLUP_LEVELS:
        years, ranges = period.split_years()
        queries = [
            select(RollupRegionYear.region_code, RollupRegionYear.figures).where(
                RollupRegionYear.parent_code == code, RollupRegionYear.year.in_(years)
            )
        ]
        queries += [
            select(RollupRegion.region_code, RollupRegion.figures).where(
                RollupRegion.parent_code == code,
                RollupRegion.period >= first,
                RollupRegion.period <= last,
            )
            for first, last in ranges
        ]
        for query in queries if years else queries[1:]:
            for child, figure in session.execute(query):
                figures.add(child_figures[child], figure)
        child_stocks = _stocks(
            session,
            _stock_query(
                RollupRegion, RollupRegion.region_code, [RollupRegion.parent_code == code], period
            ),
        )
        # Libraries registered in the region itself (not in a child region).
        own = [RollupMonth.region_code == code] if code else [RollupMonth.region_code == ""]
        key: Any = RollupMonth.library_id
    else:
        # A kecamatan: its villages' libraries are summed into its row; split them.
        own = [RollupMonth.region_code == code]
        key = case((Library.region_code == code, RollupMonth.library_id), else_=Library.region_code)
        child_stocks = {}
    join = RollupMonth.__table__.join(
        Library.__table__, RollupMonth.library_id == Library.library_id
    )
    for child, figure in session.execute(
        select(key, RollupMonth.figures).select_from(join).where(*own, *month_in)
    ):
        figures.add(child_figures[child], figure)
    child_stocks.update(
        _stocks(
            session,
            _stock_query(RollupMonth, key, own, period).select_from(join),
        )
    )
    children = _children(session, code, level, child_figures, child_stocks, registered)
    return total, by_month, stock, children


def _village_summary(
    session: Session, code: str, period: Period, registered: set[str]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], _Stock, list[dict[str, Any]]]:
    """Total, months, stock and libraries of a village (summed from ``rollup_month``)."""
    ids = select(Library.library_id).where(Library.region_code == code)
    total = figures.empty()
    by_month: dict[str, dict[str, Any]] = {}
    child_figures: dict[str, dict[str, Any]] = defaultdict(figures.empty)
    for library_id, month, figure in session.execute(
        select(RollupMonth.library_id, RollupMonth.period, RollupMonth.figures).where(
            RollupMonth.library_id.in_(ids),
            RollupMonth.period >= period.first,
            RollupMonth.period <= period.last,
        )
    ):
        figures.add(total, figure)
        figures.add(by_month.setdefault(month, figures.empty()), figure)
        figures.add(child_figures[library_id], figure)
    child_stocks = _stocks(
        session,
        _stock_query(
            RollupMonth, RollupMonth.library_id, [RollupMonth.library_id.in_(ids)], period
        ),
    )
    stock = _Stock(
        sum(s.members for s in child_stocks.values()),
        sum(s.started for s in child_stocks.values()),
        sum(s.ended for s in child_stocks.values()),
    )
    children = _children(session, code, 4, child_figures, child_stocks, registered)
    return total, by_month, stock, children


def _children(
    session: Session,
    code: str,
    level: int,
    child_figures: Mapping[str, dict[str, Any]],
    child_stocks: Mapping[str, _Stock],
    registered: set[str],
) -> list[dict[str, Any]]:
    """Child regions and libraries registered in the region itself, with their figures.

    Listed: every child with a registered library (``registered``: child region
    codes and library ids) or a figure.
    """
    own_libraries: dict[str, tuple[str, str]] = {}
    for library_id, name, library_type in session.execute(
        select(Library.library_id, Library.name, Library.library_type).where(
            Library.region_code == code
        )
    ):
        own_libraries[library_id] = (name, library_type)
    child_codes = sorted(
        (registered | {c for c in child_figures if c not in own_libraries}) - set(own_libraries)
    )
    names = (
        {
            row.code: row.name
            for row in session.scalars(select(Region).where(Region.code.in_(child_codes)))
        }
        if child_codes
        else {}
    )
    answer: list[dict[str, Any]] = []
    for child in child_codes:
        answer.append(
            {
                "code": child,
                "library_id": None,
                "name": names.get(child, child),
                "level": level + 1,
                "figures": _finish(
                    figures.add(figures.empty(), child_figures.get(child, {})),
                    child_stocks.get(child, _Stock()),
                ),
            }
        )
    for library_id, (name, _type) in sorted(own_libraries.items(), key=lambda item: item[1][0]):
        answer.append(
            {
                "code": None,
                "library_id": library_id,
                "name": name,
                "level": LIBRARY_LEVEL,
                "figures": _finish(
                    figures.add(figures.empty(), child_figures.get(library_id, {})),
                    child_stocks.get(library_id, _Stock()),
                ),
            }
        )
    return answer


def _library_counts(session: Session, code: str, level: int, period: Period) -> dict[str, Any]:
    """Registered and active libraries of the region and of each child; active regions.

    One query: the libraries grouped by their region (and by library where they
    are registered in the region itself), with how many synced within the period.
    """
    child_length = rollup.CODE_LENGTHS[level + 1] if level < 4 else 0
    direct = case((Library.region_code == code, Library.library_id), else_=None)
    synced = (
        select(SyncMonth.library_id)
        .where(
            SyncMonth.library_id == Library.library_id,
            SyncMonth.period >= period.first,
            SyncMonth.period <= period.last,
        )
        .exists()
    )
    rows = session.execute(
        select(Library.region_code, direct, func.count(), func.sum(case((synced, 1), else_=0)))
        .where(_within(Library.region_code, code))
        .group_by(Library.region_code, direct)
    )
    children: dict[str, dict[str, int]] = {}
    registered = active = 0
    provinces: set[str] = set()
    districts: set[str] = set()
    for library_region, library_id, count, synced_count in rows:
        key = library_id or library_region[:child_length]
        child = children.setdefault(key, {"registered": 0, "active": 0})
        child["registered"] += int(count)
        child["active"] += int(synced_count or 0)
        registered += int(count)
        if synced_count:
            active += int(synced_count)
            provinces.add(library_region[:2])
            if len(library_region) >= 5:
                districts.add(library_region[:5])
    return {
        "total": {"registered": registered, "active": active},
        "provinces_active": len(provinces),
        "districts_active": len(districts),
        "children": children,
    }


# --- one library, and the list of libraries ------------------------------------------------


def _last_syncs(session: Session, library_ids: Any) -> dict[str, datetime]:
    """The last time each library's devices spoke to the server or a bundle was imported."""
    found: dict[str, datetime] = {}
    for query in (
        select(Device.library_id, func.max(Device.last_seen_at))
        .where(Device.library_id.in_(library_ids))
        .group_by(Device.library_id),
        select(BundleImport.library_id, func.max(BundleImport.imported_at))
        .where(BundleImport.library_id.in_(library_ids))
        .group_by(BundleImport.library_id),
    ):
        for library_id, moment in session.execute(query):
            if moment is None:
                continue
            if isinstance(moment, str):  # SQLite's max() returns the stored text
                moment = datetime.fromisoformat(moment)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            if library_id not in found or moment > found[library_id]:
                found[library_id] = moment
    return found


def _days_since(moment: datetime | None, now: datetime) -> int | None:
    return None if moment is None else max((now - moment).days, 0)


def library_summary(db: Database, library_id: str, period: Period) -> dict[str, Any]:
    """A library's profile, last sync, figures by month and stories of the period."""
    with db.transaction() as session:
        if session.get(Library, library_id.strip().lower()) is None:
            raise ReportError("not_found", f"no library has the id {library_id[:40]}")
    rollup.refresh(db)
    now = datetime.now(UTC)
    with _reading(db) as session:
        library = session.get(Library, library_id.strip().lower())
        assert library is not None  # libraries are never deleted
        library_id = library.library_id
        chain = [
            {"code": row.code, "name": row.name, "level": row.level}
            for row in session.scalars(
                select(Region)
                .where(Region.code.in_(rollup.ancestors(library.region_code)))
                .order_by(Region.level)
            )
        ]
        total = figures.empty()
        by_month: dict[str, dict[str, Any]] = {}
        for month, figure in session.execute(
            select(RollupMonth.period, RollupMonth.figures).where(
                RollupMonth.library_id == library_id,
                RollupMonth.period >= period.first,
                RollupMonth.period <= period.last,
            )
        ):
            by_month[month] = figure
            figures.add(total, figure)
        stock = _stocks(
            session,
            _stock_query(
                RollupMonth,
                RollupMonth.library_id,
                [RollupMonth.library_id == library_id],
                period,
            ),
        ).get(library_id, _Stock())
        active = (
            session.scalars(
                select(SyncMonth.period)
                .where(
                    SyncMonth.library_id == library_id,
                    SyncMonth.period >= period.first,
                    SyncMonth.period <= period.last,
                )
                .limit(1)
            ).first()
            is not None
        )
        stories = []
        for record_id, data in session.execute(
            select(Record.id, Record.data).where(
                Record.library_id == library_id,
                Record.kind == "story",
                Record.deleted_at.is_(None),
                Record.period >= period.first,
                Record.period <= period.last,
            )
        ):
            story = {"id": record_id, **{name: data.get(name) for name in _STORY_FIELDS}}
            story["publish_with_name"] = bool(story["publish_with_name"])
            stories.append(story)
        stories.sort(key=lambda story: (str(story["consent_at"]), story["id"]))
        last = _last_syncs(session, [library_id]).get(library_id)
        return {
            "library": {
                "library_id": library_id,
                "name": library.name,
                "library_type": library.library_type,
                "region_code": library.region_code,
                "time_zone": library.time_zone,
                "registered_at": library.created_at.isoformat(),
            },
            "regions": chain,
            "last_sync": last.isoformat() if last else None,
            "days_since": _days_since(last, now),
            "active": active,
            "period": period.as_dict(),
            "figures": _finish(total, stock),
            "months": _months(period, by_month, stock),
            "stories": stories,
        }


def libraries(
    db: Database, region: str | None, *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """The libraries registered at or under a region, by region and name, with their last sync."""
    code = region_code(region)
    now = now or datetime.now(UTC)
    with _reading(db) as session:
        if code:
            _region_info(session, code)
        rows = session.execute(
            select(
                Library.library_id,
                Library.name,
                Library.library_type,
                Library.region_code,
                Region.name,
            )
            .join(Region, Region.code == Library.region_code)
            .where(_within(Library.region_code, code))
            .order_by(Library.region_code, Library.name, Library.library_id)
        ).all()
        ids = select(Library.library_id).where(_within(Library.region_code, code))
        last = _last_syncs(session, ids)
    answer = []
    for library_id, name, library_type, library_region, region_name in rows:
        moment = last.get(library_id)
        answer.append(
            {
                "library_id": library_id,
                "name": name,
                "library_type": library_type,
                "region_code": library_region,
                "region_name": region_name,
                "last_sync": moment.isoformat() if moment else None,
                "days_since": _days_since(moment, now),
            }
        )
    return answer


def stale_libraries(
    db: Database, region: str | None, days: int = STALE_DAYS, now: datetime | None = None
) -> list[dict[str, Any]]:
    """Libraries that have not synced for more than ``days`` days (or never), oldest first."""
    found = [
        row
        for row in libraries(db, region, now=now)
        if row["days_since"] is None or row["days_since"] > days
    ]
    found.sort(key=lambda row: (row["last_sync"] is not None, row["last_sync"] or "", row["name"]))
    return found


# --- the HTTP answer's schema ------------------------------------------------------------


class RegionOut(BaseModel):
    code: str
    name: str
    level: int


class PeriodOut(BaseModel):
    first: str
    last: str


class LibraryCounts(BaseModel):
    registered: int
    active: int


class ChildOut(BaseModel):
    """A child region (``code``) or a library of the region itself (``library_id``)."""

    code: str | None
    library_id: str | None
    name: str
    level: int
    libraries: LibraryCounts
    figures: dict[str, Any]


class MonthOut(BaseModel):
    period: str
    figures: dict[str, Any]


class Summary(BaseModel):
    """The figures of a region over a period (see ``sync.server.figures`` for the keys)."""

    region: RegionOut
    period: PeriodOut
    libraries: LibraryCounts
    provinces_active: int
    districts_active: int
    figures: dict[str, Any]
    children: list[ChildOut]
    months: list[MonthOut]
