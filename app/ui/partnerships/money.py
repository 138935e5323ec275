"""Rupiah and counts as Indonesians write them: 15.000.000, whatever the language of the program.

``parse_rupiah`` reads what a librarian types into an amount field: "15.000.000",
"15000000", "Rp 15.000.000" and "Rp 15.000.000,-" are all fifteen million. A
minus sign is kept, so that the service refuses a negative amount with its own
message; anything else that is not a whole number raises ``ValueError``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

_INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_WHOLE = re.compile(r"-?\d+\Z")
_CENTS = re.compile(r",(-|0+)\Z")  # "15.000.000,-" or "15.000.000,00"


def format_number(value: int) -> str:
    """A whole number with Indonesian grouping: 1.234.567."""
    return _INDONESIAN.toString(value)


def format_rupiah(value: int) -> str:
    """An amount of Rupiah: "Rp 15.000.000"."""
    return f"Rp {format_number(value)}"


def parse_rupiah(text: str) -> int | None:
    """The amount typed (None when the field is blank); ``ValueError`` if it is not one."""
    cleaned = "".join(text.split())
    sign = ""
    if cleaned.startswith("-"):  # "-Rp 5.000" as well as "Rp -5.000"
        sign, cleaned = "-", cleaned[1:]
    if cleaned[:2].casefold() == "rp":
        cleaned = cleaned[2:]
    cleaned = _CENTS.sub("", cleaned)
    if not cleaned:
        if sign:
            raise ValueError(text)
        return None
    digits = sign + cleaned.replace(".", "")
    if not _WHOLE.match(digits) or ".." in cleaned or cleaned[0] == "." or cleaned[-1] == ".":
        raise ValueError(text)
    return int(digits)
