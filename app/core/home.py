"""Figures for the home page (Beranda), read on a light connection."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeFigures:
    members: int
    titles: int
    items: int
    visits: int
    activities: int
    pending_sync: int


def home_figures(conn: sqlite3.Connection) -> HomeFigures:
    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    return HomeFigures(
        members=count("SELECT count(*) FROM member WHERE deleted_at IS NULL AND active = 1"),
        titles=count("SELECT count(*) FROM title WHERE deleted_at IS NULL"),
        items=count("SELECT count(*) FROM item WHERE deleted_at IS NULL"),
        visits=count(
            "SELECT coalesce(sum(count_male + count_female), 0) FROM visit WHERE deleted_at IS NULL"
        ),
        activities=count(
            "SELECT count(*) FROM activity WHERE deleted_at IS NULL AND status != 'batal'"
        ),
        pending_sync=count("SELECT count(*) FROM outbox WHERE state = 'pending'"),
    )
