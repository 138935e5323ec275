"""Local settings (language, idle lock, paper size, the library's lists...), stored as JSON values.

``purposes`` and ``age_bands`` are the library's visit purposes and age bands
(see ``app.core.codes`` for what may change); unset, the national defaults
apply, so they have no entry in ``DEFAULTS``. ``loan_rules`` (per member type: at
most 1..20 items for 1..90 days) and ``fine_per_day`` (0..100000 Rupiah) are
read by ``app.core.circulation``; unset, its defaults apply. ``backup_dir``: a second
folder for backups (``app.core.backup``), absolute; unset or empty: none.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.core.auth import Permission, User
from app.core.errors import PermissionDenied, ValidationError
from app.core.text import QT_TRANSLATE_NOOP
from app.db.connection import transaction

LANGUAGES = ("id", "en")

DEFAULTS: dict[str, Any] = {
    "language": "id",
    "idle_lock_minutes": 10,
    "paper": "A4",
    # A member checking in again within this many minutes is asked, not silently doubled.
    "repeat_visit_minutes": 60,
    # Names of non-member visitors are anonymised after this many months (counts kept).
    "guest_name_retention_months": 12,
    # Member cards: valid for this many months after registration or renewal (0: no expiry).
    "membership_months": 12,
}


def validate(key: str, value: Any) -> Any:
    if key == "language" and value not in LANGUAGES:
        raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Choose a language."), field=key)
    if key == "idle_lock_minutes" and (
        not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 240
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The idle lock must be between 1 and 240 minutes."),
            field=key,
        )
    if key in ("repeat_visit_minutes", "guest_name_retention_months", "membership_months") and (
        not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1440
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a whole number from 0 to 1440."), field=key
        )
    if key == "paper" and value not in ("A4", "F4"):
        raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Choose A4 or F4 paper."), field=key)
    if key == "purposes":
        from app.core import codes  # loaded only when the lists are saved

        return codes.check_purposes(value)
    if key == "age_bands":
        from app.core import codes

        return codes.check_age_bands(value)
    if key == "activity_categories":
        from app.core import codes

        return codes.check_activity_categories(value)
    if key == "loan_rules":
        return check_loan_rules(value)
    if key == "fine_per_day" and (
        not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= FINE_MAX
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The fine per day must be a whole number of Rupiah from 0 to 100000."
            ),
            field=key,
        )
    if key == "backup_dir":
        return check_backup_dir(value)
    return value


def check_backup_dir(value: Any) -> str | None:
    """The second backup folder (e.g. on a USB stick): an absolute path, or empty for none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    from pathlib import Path

    if not isinstance(value, str) or len(value) > 500 or not Path(value.strip()).is_absolute():
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Choose a whole folder path for the second backup copy, for example on a USB"
                " stick.",
            ),
            field="backup_dir",
        )
    return value.strip()


LOAN_MAX_ITEMS = 20
LOAN_MAX_DAYS = 90
FINE_MAX = 100_000  # Rupiah per day


def check_loan_rules(value: Any) -> dict[str, dict[str, int]]:
    """``{member type: {"max_items": 1..20, "days": 1..90}}``; a rule may give one of the two."""
    from app.core.codes import MEMBER_TYPES

    types = [code.code for code in MEMBER_TYPES]
    if not isinstance(value, dict):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The loan rules must be given per member type."),
            field="loan_rules",
        )
    checked: dict[str, dict[str, int]] = {}
    for member_type, rule in value.items():
        if member_type not in types:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The loan rules name an unknown member type {member_type}; use {types}.",
                ),
                field="loan_rules",
                member_type=str(member_type),
                types=", ".join(types),
            )
        if not isinstance(rule, dict) or not rule or set(rule) - {"max_items", "days"}:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "The loan rule for {member_type} must give the most items and the loan days.",
                ),
                field="loan_rules",
                member_type=member_type,
            )
        for name, most, message in (
            (
                "max_items",
                LOAN_MAX_ITEMS,
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Loans for {member_type}: the most items must be a whole number from 1 to 20.",
                ),
            ),
            (
                "days",
                LOAN_MAX_DAYS,
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "Loans for {member_type}: the loan days must be a whole number from 1 to 90.",
                ),
            ),
        ):
            number = rule.get(name, 1)
            if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= most:
                raise ValidationError(message, field="loan_rules", member_type=member_type)
        checked[member_type] = {
            name: int(rule[name]) for name in ("max_items", "days") if name in rule
        }
    return checked


class Settings:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> Any:
        row = self.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if row is None:
            return DEFAULTS.get(key)
        value = row[0]
        if not isinstance(value, str):
            # The column has NUMERIC affinity: SQLite stores the JSON text '30' as 30.
            return value
        return json.loads(value)

    def set_many(self, values: dict[str, Any]) -> None:
        """Validate all, then write all in one transaction (nothing on a bad value)."""
        checked = {key: validate(key, value) for key, value in values.items()}
        if "purposes" in checked:
            from app.core import codes

            codes.check_purposes_kept(self.get("purposes"), checked["purposes"])
        with transaction(self.conn):
            for key, value in checked.items():
                self.conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def change(self, actor: User, values: dict[str, Any]) -> None:
        """``set_many`` for a staff member: only a role with the settings permission may."""
        if not actor.can(Permission.SETTINGS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the settings.")
            )
        self.set_many(values)
