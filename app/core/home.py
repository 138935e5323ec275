"""Figures for the home page (Beranda), read on a light connection.

:func:`home_figures` reads everything the page shows in one go: today
(visitors by gender, loans out, overdue loans, today's and the coming week's
activities), this month against last month (visits, loans, activities held,
participants), the visitors of the last 30 days, the sync status (changes
waiting in the outbox, the last successful sync) and the backup status (the
last backup, the last copy on the second drive: file names and a small mark,
``app.core.backup_files.backup_status``, no backup file is opened). Days and months are the
library's own (WIB, WITA or WIT); tombstoned records and cancelled activities
count nowhere. It counts the way the monthly report does
(``app.reports.figures``): visits are people (a group with every person in
it), activities count when held (``terlaksana``), loans by the day they were
lent, an open loan is overdue once its due day has passed.

It needs no Qt and no SQLAlchemy, so the page can call it on a worker thread
with a connection of that thread.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.clock import ZONES, from_db, to_db, utcnow

if TYPE_CHECKING:
    from app.core.backup_files import BackupStatus

DAYS = 30  # the chart: today and the 29 days before it
UPCOMING_DAYS = 7  # planned activities of the next week
SECOND_COPY_DAYS = 7  # warn when the second drive has had no backup for this long


@dataclass(frozen=True)
class Compared:
    """One figure of this month and of last month."""

    current: int
    previous: int


@dataclass(frozen=True)
class DayCount:
    day: date  # the library's local day
    people: int


@dataclass(frozen=True)
class ActivityLine:
    """An activity as the home page lists it."""

    id: str
    title: str
    starts_at: datetime  # local time (aware, the library's zone)
    place: str
    status: str  # rencana or terlaksana (cancelled ones are never listed)


@dataclass(frozen=True)
class HomeFigures:
    today: date  # the library's local day the figures look from
    visitors_today_male: int
    visitors_today_female: int
    loans_out: int
    overdue: int
    activities_today: tuple[ActivityLine, ...]
    activities_upcoming: tuple[ActivityLine, ...]  # planned, the next 7 days after today
    visits: Compared  # people
    loans: Compared
    activities_held: Compared
    participants: Compared
    last_days: tuple[DayCount, ...]  # DAYS days, oldest first, today last
    pending_sync: int
    last_sync_at: datetime | None  # UTC; None: never synced
    members: int
    titles: int
    items: int
    backup: BackupStatus | None = None  # None: not known (a database in memory)
    now: datetime | None = None  # the moment the figures were read (UTC)

    @property
    def second_copy_missing(self) -> bool:
        """No second backup drive chosen, or no copy on it for SECOND_COPY_DAYS days."""
        if self.backup is None:
            return False
        now = self.now or utcnow()
        return self.backup.second_folder is None or self.backup.second_missing(
            now, SECOND_COPY_DAYS
        )

    @property
    def backups_stale(self) -> bool:
        """No backup at all for SECOND_COPY_DAYS days although one was made before."""
        if self.backup is None:
            return False
        now = self.now or utcnow()
        last = self.backup.last_at
        return last is not None and now - last > timedelta(days=SECOND_COPY_DAYS)

    @property
    def visitors_today(self) -> int:
        return self.visitors_today_male + self.visitors_today_female

    @property
    def visitors_this_month(self) -> int:
        return self.visits.current

    @property
    def activities(self) -> int:
        """Activities held this month."""
        return self.activities_held.current


def _local_midnight(day: date, zone: str) -> str:
    return to_db(datetime.combine(day, time(0), tzinfo=ZONES[zone]))


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _previous_month_start(day: date) -> date:
    first = day.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _next_month_start(day: date) -> date:
    first = day.replace(day=1)
    return (first + timedelta(days=32)).replace(day=1)


def home_figures(conn: sqlite3.Connection, zone: str, now: datetime | None = None) -> HomeFigures:
    """Everything the home page shows, as of ``now`` (aware; default the current time)."""
    local_zone = ZONES[zone]
    now = now or utcnow()
    today = now.astimezone(local_zone).date()
    offset = local_zone.utcoffset(None) or timedelta(0)
    modifier = f"{int(offset.total_seconds()):+d} seconds"

    def at(day: date) -> str:
        return _local_midnight(day, zone)

    def one(sql: str, *params: object) -> tuple[int, ...]:
        row = conn.execute(sql, params).fetchone()
        return tuple(int(value or 0) for value in row)

    this_month, last_month = _month_start(today), _previous_month_start(today)
    next_month = _next_month_start(today)
    first_day = today - timedelta(days=DAYS - 1)
    tomorrow = today + timedelta(days=1)
    # Visits: last month, this month and the chart's days, in one pass over the visit index.
    since = min(last_month, first_day)
    per_day = {
        date.fromisoformat(day): int(people)
        for day, people in conn.execute(
            "SELECT date(visited_at, ?), sum(count_male + count_female) FROM visit"
            " WHERE visited_at >= ? AND visited_at < ? AND deleted_at IS NULL GROUP BY 1",
            (modifier, at(since), at(next_month)),
        )
    }
    male, female = one(
        "SELECT sum(count_male), sum(count_female) FROM visit"
        " WHERE visited_at >= ? AND visited_at < ? AND deleted_at IS NULL",
        at(today),
        at(tomorrow),
    )

    def people(first: date, end: date) -> int:
        return sum(n for day, n in per_day.items() if first <= day < end)

    loans_now, loans_before = one(
        "SELECT sum(loaned_at >= ?), sum(loaned_at < ?) FROM loan"
        " WHERE loaned_at >= ? AND loaned_at < ? AND deleted_at IS NULL",
        at(this_month),
        at(this_month),
        at(last_month),
        at(next_month),
    )
    loans_out, overdue = one(
        "SELECT count(*), sum(due_on < ?) FROM loan"
        " WHERE returned_at IS NULL AND deleted_at IS NULL",
        today.isoformat(),
    )
    held_now, held_before, joined_now, joined_before = one(
        "SELECT sum(starts_at >= ?), sum(starts_at < ?),"
        " sum(CASE WHEN starts_at >= ? THEN participants_male + participants_female END),"
        " sum(CASE WHEN starts_at < ? THEN participants_male + participants_female END)"
        " FROM activity WHERE starts_at >= ? AND starts_at < ?"
        " AND deleted_at IS NULL AND status = 'terlaksana'",
        at(this_month),
        at(this_month),
        at(this_month),
        at(this_month),
        at(last_month),
        at(next_month),
    )
    today_list: list[ActivityLine] = []
    upcoming: list[ActivityLine] = []
    for activity_id, title, starts_at, place, status in conn.execute(
        "SELECT id, title, starts_at, place, status FROM activity"
        " WHERE starts_at >= ? AND starts_at < ? AND deleted_at IS NULL AND status != 'batal'"
        " ORDER BY starts_at, title",
        (at(today), at(tomorrow + timedelta(days=UPCOMING_DAYS))),
    ):
        start = from_db(starts_at)
        assert start is not None
        line = ActivityLine(activity_id, title, start.astimezone(local_zone), place or "", status)
        if line.starts_at.date() == today:
            today_list.append(line)
        elif status == "rencana":
            upcoming.append(line)
    (pending,) = one("SELECT count(*) FROM outbox WHERE state = 'pending'")
    synced = conn.execute("SELECT max(last_sync_at) FROM sync_state").fetchone()[0]
    (members,) = one("SELECT count(*) FROM member WHERE deleted_at IS NULL AND active = 1")
    (titles,) = one("SELECT count(*) FROM title WHERE deleted_at IS NULL")
    (items,) = one("SELECT count(*) FROM item WHERE deleted_at IS NULL")
    backups = _backup_status(conn)
    return HomeFigures(
        today=today,
        visitors_today_male=male,
        visitors_today_female=female,
        loans_out=loans_out,
        overdue=overdue,
        activities_today=tuple(today_list),
        activities_upcoming=tuple(upcoming),
        visits=Compared(people(this_month, next_month), people(last_month, this_month)),
        loans=Compared(loans_now, loans_before),
        activities_held=Compared(held_now, held_before),
        participants=Compared(joined_now, joined_before),
        last_days=tuple(
            DayCount(day, per_day.get(day, 0))
            for day in (first_day + timedelta(days=n) for n in range(DAYS))
        ),
        pending_sync=pending,
        last_sync_at=from_db(synced),
        members=members,
        titles=titles,
        items=items,
        backup=backups,
        now=now,
    )


def _backup_status(conn: sqlite3.Connection) -> BackupStatus | None:
    """The backup status of the database ``conn`` reads (its data folder, its setting)."""
    from app.core.backup_files import backup_status  # the light half of app.core.backup

    files = [row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"]
    if not files or not files[0]:
        return None  # a database in memory has no folder
    row = conn.execute("SELECT value FROM setting WHERE key = 'backup_dir'").fetchone()
    second = json.loads(row[0]) if row is not None and isinstance(row[0], str) else None
    return backup_status(Path(files[0]).parent, second if isinstance(second, str) else None)
