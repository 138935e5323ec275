"""How member data read on screen: dates in the user's language, codes as labels."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from app.core import codes
from app.core.clock import ZONES
from app.ui.i18n import tr

DATE_FORMAT = "d MMMM yyyy"  # 30 November 2026
SHORT_DATE_FORMAT = "d MMM yyyy"  # 30 Nov 2026, for tables


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), DATE_FORMAT)


def format_short_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), SHORT_DATE_FORMAT)


def format_moment(value: datetime | None, zone: str, *, short: bool = False) -> str:
    """An aware UTC time as the library's local date and time ('30 November 2026 14:05')."""
    if value is None:
        return ""
    local = value.astimezone(ZONES[zone])
    day = format_short_date(local.date()) if short else format_date(local.date())
    return f"{day} {local:%H:%M}"


def code_label(items: tuple[codes.Code, ...] | tuple[codes.AgeBand, ...], code: str | None) -> str:
    """The translated label of a code; older free text (from an import) as it was typed."""
    if code is None:
        return ""
    for item in items:
        if item.code == code:
            return tr(item.label)
    return code
