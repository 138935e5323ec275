"""Figures for the home page (Beranda), read on a light connection."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.core.clock import month_bounds, to_db, utcnow


@dataclass(frozen=True)
class HomeFigures:
    members: int
    titles: int
    items: int
    visitors_this_month: int
    activities: int
    pending_sync: int


def home_figures(conn: sqlite3.Connection, zone: str, now: datetime | None = None) -> HomeFigures:
    """Counts for the home page; the month is the library's local month (WIB/WITA/WIT)."""
    start, end = month_bounds(now or utcnow(), zone)

    def count(sql: str, *params: object) -> int:
        return int(conn.execute(sql, params).fetchone()[0])

    return HomeFigures(
        members=count("SELECT count(*) FROM member WHERE deleted_at IS NULL AND active = 1"),
        titles=count("SELECT count(*) FROM title WHERE deleted_at IS NULL"),
        items=count("SELECT count(*) FROM item WHERE deleted_at IS NULL"),
        visitors_this_month=count(
            "SELECT coalesce(sum(count_male + count_female), 0) FROM visit"
            " WHERE deleted_at IS NULL AND visited_at >= ? AND visited_at < ?",
            to_db(start),
            to_db(end),
        ),
        activities=count(
            "SELECT count(*) FROM activity WHERE deleted_at IS NULL AND status != 'batal'"
        ),
        pending_sync=count("SELECT count(*) FROM outbox WHERE state = 'pending'"),
    )
