"""The month's "Kendala dan rencana" (obstacles and plans): free text kept with the period.

Kept in the local table ``month_note`` (never synced: it is part of the
printed report, not a record of the library's work), one row per period key
(``"2026-11"`` for a month, ``"2026"`` for a year). Reading needs no
permission; saving needs the edit permission (a volunteer may only record).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from app.core.auth import Permission, User
from app.core.clock import from_db, to_db, utcnow
from app.core.errors import PermissionDenied, ValidationError
from app.core.text import QT_TRANSLATE_NOOP
from app.db.connection import transaction
from app.reports.model import Notes, Period

MAX_TEXT = 4000


def read_note(conn: sqlite3.Connection, period: Period) -> Notes:
    """The text kept for ``period`` (empty ``Notes`` if none was typed)."""
    row = conn.execute(
        "SELECT text, updated_at, updated_by FROM month_note WHERE period = ?", (period.key,)
    ).fetchone()
    if row is None:
        return Notes()
    return Notes(text=row[0] or "", updated_at=from_db(row[1]), updated_by=row[2])


def can_edit(actor: User) -> bool:
    return actor.can(Permission.EDIT)


def save_note(
    conn: sqlite3.Connection,
    actor: User,
    period: Period,
    text: str,
    now: datetime | None = None,
) -> Notes:
    """Keep ``text`` for ``period`` (spaces at the ends dropped) and return what was kept.

    Raises ``PermissionDenied`` for a role that may only record and
    ``ValidationError`` for a text longer than ``MAX_TEXT`` characters; then
    nothing is written.
    """
    if not can_edit(actor):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "Your role may not change the obstacles and plans of a report."
            )
        )
    cleaned = text.replace("\r\n", "\n").strip()
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The obstacles and plans are {length} characters long: shorten them to at most"
                " {limit}.",
            ),
            field="notes",
            length=len(cleaned),
            limit=MAX_TEXT,
        )
    at = now or utcnow()
    with transaction(conn):
        conn.execute(
            "INSERT INTO month_note (period, text, updated_at, updated_by) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(period) DO UPDATE SET text = excluded.text,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (period.key, cleaned, to_db(at), actor.username),
        )
        conn.execute(
            "INSERT INTO audit_entry (at, user_id, username, action, table_name, record_id,"
            " detail) VALUES (?, ?, ?, 'update', 'month_note', ?, ?)",
            (to_db(at), actor.id, actor.username, period.key, json.dumps({"length": len(cleaned)})),
        )
    return read_note(conn, period)
