"""The PC's records as the wire carries them: the allow-list applied to SQLite rows.

Only the fields of :data:`sync.protocol.ALLOWED_FIELDS` are read, by name, from
the record's table; a member's age band is worked out here from the birth date,
which itself stays on the PC; a story's name, title and text travel only when
the teller agreed to publication with the name. Reads use a plain ``sqlite3``
connection (the light one of ``app.db.database.Database.connect()``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sync.protocol import ALLOWED_FIELDS, DERIVED_FIELDS, PUBLISH_ONLY_FIELDS, Record

# Columns stored as JSON text and as 0/1.
_JSON_FIELDS = frozenset(
    {"purposes", "age_counts", "participants", "representatives", "partner_ids"}
)
_BOOL_FIELDS = frozenset({"active", "publish_with_name"})
_DATETIME_FIELDS = frozenset(
    {
        "visited_at",
        "loaned_at",
        "returned_at",
        "starts_at",
        "ends_at",
        "consent_at",
        "deactivated_at",
    }
)
_DATE_FIELDS = frozenset(
    {"registered_on", "expires_on", "acquired_on", "due_on", "start_on", "end_on"}
)


def _columns(kind: str) -> list[str]:
    """The table columns to read for a kind: the allowed ones plus what derives the rest."""
    wanted = sorted(ALLOWED_FIELDS[kind] - DERIVED_FIELDS.get(kind, frozenset()))
    if kind == "member":
        wanted.append("birth_date")
    return wanted


def parse_time(text: str | None) -> datetime | None:
    """A stored UTC time (naive text in SQLite) as an aware datetime."""
    if text is None:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _age_band(birth: str | None, on: str, bands: Sequence[tuple[str, int]]) -> str | None:
    if not birth:
        return None
    born, day = date.fromisoformat(birth), date.fromisoformat(on)
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    found = None
    for code, min_age in bands:
        if age >= min_age:
            found = code
    return found


def _value(field: str, raw: Any) -> Any:
    if raw is None:
        return None
    if field in _JSON_FIELDS:
        return json.loads(raw) if isinstance(raw, str) else raw
    if field in _BOOL_FIELDS:
        return bool(raw)
    if field in _DATETIME_FIELDS:
        return parse_time(raw)
    if field in _DATE_FIELDS:
        return date.fromisoformat(raw)
    return raw


def _age_bands(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    from app.core.codes import age_bands  # Qt-free; the library's own bands

    row = conn.execute("SELECT value FROM setting WHERE key = 'age_bands'").fetchone()
    setting = json.loads(row[0]) if row and row[0] is not None else None
    return [(band.code, band.min_age) for band in age_bands(setting)]


def read_records(conn: sqlite3.Connection, kind: str, ids: Iterable[str]) -> dict[str, Record]:
    """The current state of these records of one kind, keyed by id (missing ids left out)."""
    columns = _columns(kind)
    wanted = list(dict.fromkeys(ids))
    found: dict[str, Record] = {}
    bands = _age_bands(conn) if kind == "member" else []
    select = ", ".join(
        ["id", "version", "created_at", "updated_at", "deleted_at", *(f'"{c}"' for c in columns)]
    )
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT {select} FROM {kind} WHERE id IN ({marks})", chunk)
        for row in rows:
            record_id, version, created, updated, deleted, *values = row
            raw = dict(zip(columns, values, strict=True))
            data = {field: _value(field, raw[field]) for field in columns}
            if kind == "member":
                data.pop("birth_date")
                data["age_band"] = _age_band(raw["birth_date"], raw["registered_on"], bands)
            if kind == "story" and not data.get("publish_with_name"):
                for field in PUBLISH_ONLY_FIELDS:
                    data[field] = None
            found[record_id] = Record(
                kind=kind,  # type: ignore[arg-type]
                id=record_id,
                version=version,
                created_at=parse_time(created),  # type: ignore[arg-type]
                updated_at=parse_time(updated),  # type: ignore[arg-type]
                deleted_at=parse_time(deleted),
                data=data,
            )
    return found


def wire_data(record: Record) -> dict[str, Any]:
    """The record's payload as JSON values (what goes into the request body)."""
    data: dict[str, Any] = record.model_dump(mode="json")["data"]
    return data
