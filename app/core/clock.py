"""Time in one place: UTC for storage, the library's zone for days and months."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

# Indonesian zones have no daylight saving: fixed offsets are exact.
ZONES = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}

# Province code (first two digits of a Kemendagri code) -> zone.
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}


def zone_for_region(region_code: str) -> str:
    """WIB, WITA or WIT for any region code, from its province."""
    province = region_code[:2]
    if province in _WIT_PROVINCES:
        return "WIT"
    if province in _WITA_PROVINCES:
        return "WITA"
    return "WIB"


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def to_db(value: datetime) -> str:
    """The text SQLAlchemy's DateTime stores on SQLite (naive UTC), for light connections."""
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_db(text: str | None) -> datetime | None:
    """Parse what :func:`to_db` (or SQLAlchemy) stored; aware UTC."""
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def month_bounds(now: datetime, zone: str) -> tuple[datetime, datetime]:
    """Start and end (exclusive), in UTC, of the library's local month containing ``now``."""
    local = now.astimezone(ZONES[zone])
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if start.month == 12:
        end = start.replace(year=start.year + 1, month=1)
    else:
        end = start.replace(month=start.month + 1)
    return start.astimezone(UTC), end.astimezone(UTC)
