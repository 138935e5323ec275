"""The home page's figures: this month in the library's own time zone, tombstones left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from app.core.clock import month_bounds
from app.core.home import home_figures
from app.db.models import Visit
from app.db.uow import UnitOfWork

WIB = timezone(timedelta(hours=7))


def _visit(at: datetime, male: int, female: int, kind: str = "guest") -> Visit:
    return Visit(
        kind=kind,
        visited_at=at,
        count_male=male,
        count_female=female,
        age_counts={"dewasa": male + female},
        purposes=["membaca"],
    )


def test_visitors_this_month_follow_the_library_clock(library_db) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(_visit(datetime(2026, 10, 31, 23, 59, tzinfo=WIB), 1, 0))  # October, local
        uow.add(_visit(datetime(2026, 11, 1, 0, 0, tzinfo=WIB), 0, 1))  # November, local
        uow.add(_visit(datetime(2026, 11, 30, 23, 59, tzinfo=WIB), 2, 3, kind="group"))
        uow.add(_visit(datetime(2026, 12, 1, 0, 0, tzinfo=WIB), 1, 0))  # December
        gone = uow.add(_visit(datetime(2026, 11, 10, 10, 0, tzinfo=WIB), 4, 4, kind="group"))
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.get(Visit, gone.id)
        assert record is not None
        uow.delete(record)

    conn = library_db.db.connect()
    figures = home_figures(conn, "WIB", now=datetime(2026, 11, 15, 3, 0, tzinfo=UTC))
    assert figures.visitors_this_month == 1 + 2 + 3
    # The same records seen from Papua (WIT, two hours ahead of WIB): 31 Oct 23:59 WIB is
    # already November there, and the group of 30 Nov 23:59 WIB falls in December.
    papua = home_figures(conn, "WIT", now=datetime(2026, 11, 15, tzinfo=UTC))
    assert papua.visitors_this_month == 1 + 1
    # Every record written is waiting to be synced: the library, five visits and one change.
    assert figures.pending_sync == 1 + 5 + 1


def test_month_bounds_cross_the_year_in_local_time() -> None:
    start, end = month_bounds(datetime(2026, 12, 31, 18, 0, tzinfo=UTC), "WIB")  # 1 Jan 01:00 WIB
    assert start == datetime(2026, 12, 31, 17, 0, tzinfo=UTC)
    assert end == datetime(2027, 1, 31, 17, 0, tzinfo=UTC)
