"""Applying a batch: the upsert rules, the receipt, the high-water mark — one transaction.

The versions already stored of the batch's records are read first (one query);
each record is then judged (rejected, stale, unchanged, inserted or updated),
and the new and newer ones are written with ``INSERT ... ON CONFLICT DO UPDATE
... WHERE record.version < excluded.version`` (so two devices racing on one
record can never lower its version): one ``executemany`` on SQLite, one
statement over the batch's rows sent as one JSON array (``jsonb_to_recordset``)
on PostgreSQL. The receipt is stored in the same transaction, so a replay of
the batch id gets it back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError, to_json
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from sync.protocol import (
    DATA_MODELS,
    MAX_RECORD_BYTES,
    PERSONAL_FIELDS,
    Batch,
    Counts,
    Receipt,
    Record,
    RecordResult,
    personal_fields_in,
)
from sync.server.errors import ProblemError
from sync.server.models import Batch as BatchRow
from sync.server.models import EpochMark, Library
from sync.server.rollup import batch_applied

# The payload field that dates a record for monthly roll-ups (else its created_at).
PERIOD_FIELDS: Final = {
    "member": "registered_on",
    "visit": "visited_at",
    "loan": "loaned_at",
    "activity": "starts_at",
    "partnership": "start_on",
    "story": "consent_at",
}
_ZONES: Final = {"WIB": 7, "WITA": 8, "WIT": 9}
RECORD_COLUMNS: Final = (
    "library_id",
    "kind",
    "id",
    "version",
    "data",
    "created_at",
    "updated_at",
    "deleted_at",
    "received_at",
    "device_id",
    "period",
)


def _upsert_sql(dialect: str) -> str:
    mark = "?" if dialect == "sqlite" else "%s"
    values = [mark] * len(RECORD_COLUMNS)
    if dialect == "postgresql":
        values[RECORD_COLUMNS.index("data")] = "CAST(%s AS JSONB)"
    updated = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[3:])
    return (
        f"INSERT INTO record ({', '.join(RECORD_COLUMNS)}) VALUES ({', '.join(values)}) "
        f"ON CONFLICT (library_id, kind, id) DO UPDATE SET {updated} "
        "WHERE record.version < excluded.version"
    )


# PostgreSQL: the batch's rows as one JSON array, one statement (the constant columns once).
_PG_UPSERT: Final = (
    f"INSERT INTO record ({', '.join(RECORD_COLUMNS)}) "
    "SELECT CAST(%s AS TEXT), t.k, t.i, t.v, t.d, t.c, t.u, t.x, CAST(%s AS TIMESTAMPTZ), "
    "CAST(%s AS TEXT), t.p FROM jsonb_to_recordset(CAST(%s AS JSONB)) AS t(k TEXT, i TEXT, "
    "v INTEGER, d JSONB, c TIMESTAMPTZ, u TIMESTAMPTZ, x TIMESTAMPTZ, p TEXT) "
    "ON CONFLICT (library_id, kind, id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[3:])
    + " WHERE record.version < excluded.version"
)
_PG_VERSIONS: Final = (
    "SELECT r.kind, r.id, r.version FROM record AS r "
    "JOIN unnest(CAST(%s AS TEXT[]), CAST(%s AS TEXT[])) AS w(kind, id) "
    "ON r.kind = w.kind AND r.id = w.id WHERE r.library_id = %s"
)


def _sqlite_time(moment: datetime | None) -> str | None:
    """SQLAlchemy's SQLite text of a time, in UTC: "2026-11-01 08:30:00.000000" (always
    the microseconds, as SQLAlchemy writes them, so that texts compare as times)."""
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return moment.isoformat(" ", "microseconds")
    if offset:
        moment = moment.astimezone(UTC)
    return moment.isoformat(" ", "microseconds")[:-6]  # without "+00:00"


def _pg_time(moment: datetime | None) -> str | None:
    """The ISO text of a time in UTC, for PostgreSQL (a time without a zone is taken as UTC;
    one that has no UTC year 1..9999 raises OverflowError, as on SQLite)."""
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return moment.isoformat() + "+00:00"
    if offset:
        moment = moment.astimezone(UTC)
    return moment.isoformat()


def _period(value: date, shift: timedelta) -> str:
    """The month ("2026-11") of a date, or of a datetime moved into the library's zone."""
    if isinstance(value, datetime):
        offset = value.utcoffset()  # a time without a zone is taken as UTC
        value = value + shift if not offset else value + (shift - offset)
    return "%04d-%02d" % (value.year, value.month)  # noqa: UP031 (faster than an f-string)


def period_of(value: Any, hours: int) -> str:
    """The month ("2026-11") of a date or a datetime, in the library's time zone."""
    if not isinstance(value, date):
        raise TypeError(value)
    return _period(value, timedelta(hours=hours))


def merge_ranges(ranges: Iterable[Iterable[int]]) -> list[list[int]]:
    """Sorted, merged inclusive ranges (adjacent ones joined)."""
    merged: list[list[int]] = []
    for start, end in sorted((int(a), int(b)) for a, b in ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def high_water(ranges: list[list[int]]) -> int:
    """The end of the contiguous prefix starting at 1 (0 if 1 has not arrived)."""
    return ranges[0][1] if ranges and ranges[0][0] <= 1 else 0


def stored_receipt(session: Session, library_id: str, device_id: str, batch_id: str) -> Receipt:
    row = session.get(BatchRow, (library_id, device_id, batch_id))
    if row is None:
        raise ProblemError("not_found", "no batch with this id from this device")
    return Receipt.model_validate(row.receipt)


def apply_batch(
    session: Session, library: Library, device_id: str, batch: Batch, received_at: datetime
) -> Receipt:
    """Apply one batch in the session's transaction (the caller commits); the receipt."""
    if batch.library_id.lower() != library.library_id:
        raise ProblemError("forbidden_library", "the batch is for another library")
    if batch.device_id.lower() != device_id:
        raise ProblemError("device_mismatch", "the batch names another device")
    if batch.seq_from > batch.seq_to:
        raise ProblemError("format_invalid", "seq_from is above seq_to")
    library_id = library.library_id
    batch_id = batch.batch_id
    epoch = batch.db_epoch
    existing = session.get(BatchRow, (library_id, device_id, batch_id))
    if existing is not None:
        if (existing.db_epoch, existing.seq_from, existing.seq_to) != (
            epoch,
            batch.seq_from,
            batch.seq_to,
        ):
            raise ProblemError(
                "batch_conflict", "this batch id was used for another epoch or range"
            )
        return Receipt.model_validate(existing.receipt)

    connection = session.connection()
    dialect = connection.dialect.name
    shift = timedelta(hours=_ZONES.get(library.time_zone, 7))
    stamp = _sqlite_time if dialect == "sqlite" else _pg_time
    received_param = stamp(received_at)
    results: list[RecordResult] = []
    # The rows to write, one per (kind, id): a later, newer version of a record
    # in the same batch replaces the earlier one (it would overwrite it anyway).
    rows: dict[tuple[str, str], tuple[Any, ...]] = {}
    inserted = updated = unchanged = stale = 0
    known = _stored_versions(connection, library_id, batch.records)
    validators = _VALIDATORS
    period_fields = PERIOD_FIELDS
    personal_fields = PERSONAL_FIELDS

    for record in batch.records:
        kind, record_id, data = record.kind, record.id, record.data
        # Why the record is rejected (code, English message); see _check.
        problem: tuple[str, str] | None = None
        if kind == "library" and record_id != library_id:
            problem = ("forbidden_library", "a library record of another library")
        elif (kind == "story" or not personal_fields.isdisjoint(data)) and (
            personal := personal_fields_in(kind, data)
        ):
            problem = (
                "personal_field",
                f"personal fields may not leave the village: {', '.join(sorted(personal))}",
            )
        else:
            try:
                checked = validators[kind](data)
            except ValidationError as exc:
                problem = ("invalid_record", _first_error(exc))
            else:
                try:
                    text = to_json(data).decode()  # a lone surrogate raises ValueError
                    created = record.created_at
                    created_text = stamp(created)
                    moment = record.updated_at
                    # Mostly the same moment: its text made once.
                    updated_text = created_text if moment == created else stamp(moment)
                    field = period_fields.get(kind)
                    dated = getattr(checked, field) if field else None
                    period = _period(created if dated is None else dated, shift)
                    deleted = record.deleted_at
                    row = (
                        library_id,
                        kind,
                        record_id,
                        record.version,
                        text,
                        created_text,
                        updated_text,
                        None if deleted is None else stamp(deleted),
                        received_param,
                        device_id,
                        period,
                    )
                except (OverflowError, ValueError, UnicodeError, PydanticSerializationError):
                    problem = ("invalid_record", "a date or a text of the record cannot be stored")
                else:
                    if len(text) > MAX_RECORD_BYTES or "\\u0000" in text:
                        problem = ("invalid_record", "the record is too large or holds a NUL")
        if problem is not None:
            code, message = problem
            results.append(
                RecordResult(kind=kind, id=record_id, status="rejected", code=code, message=message)
            )
            continue
        key = (kind, record_id)
        stored = known.get(key)
        version = record.version
        if stored is None:
            inserted += 1
        elif stored < version:
            updated += 1
        elif stored == version:
            unchanged += 1
            continue
        else:
            stale += 1
            results.append(
                RecordResult(
                    kind=kind,
                    id=record_id,
                    status="stale",
                    code="stale",
                    message=f"the server has version {stored}",
                )
            )
            continue
        known[key] = version
        rows[key] = row
    if rows:
        _write(connection, dialect, list(rows.values()))
    mark = _mark(session, library_id, device_id, epoch)
    mark.received = merge_ranges([*mark.received, [batch.seq_from, batch.seq_to]])
    mark.high_water = high_water(mark.received)
    receipt = Receipt(
        batch_id=batch_id,
        device_id=device_id,
        db_epoch=epoch,
        seq_from=batch.seq_from,
        seq_to=batch.seq_to,
        received_at=received_at,
        counts=Counts(
            inserted=inserted,
            updated=updated,
            unchanged=unchanged,
            stale=stale,
            rejected=len(results) - stale,
        ),
        results=results,
        high_water=mark.high_water,
    )
    session.add(
        BatchRow(
            library_id=library_id,
            device_id=device_id,
            batch_id=batch_id,
            db_epoch=epoch,
            seq_from=batch.seq_from,
            seq_to=batch.seq_to,
            received_at=received_at,
            receipt=receipt.model_dump(mode="json"),
        )
    )
    # The month it arrived in; the library's roll-ups to be refreshed (see rollup.py).
    batch_applied(session, library, received_at, changed=bool(rows))
    session.flush()
    return receipt


_VALIDATORS: Final = {
    kind: model.__pydantic_validator__.validate_python for kind, model in DATA_MODELS.items()
}


def _first_error(exc: ValidationError) -> str:
    """The English message of a payload's first error: "field: what is wrong"."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"[:300]


def _write(connection: Connection, dialect: str, rows: list[tuple[Any, ...]]) -> None:
    """Upsert the rows (one per record key): one ``executemany`` on SQLite, one statement
    over arrays on PostgreSQL."""
    if dialect != "postgresql":
        connection.exec_driver_sql(_upsert_sql(dialect), rows)
        return
    # Kinds, ids, times and periods hold no character JSON escapes (the protocol's
    # types); the payload is JSON text already. psycopg's array dumping, by contrast,
    # costs more than the rest of the ingest.
    parts = []
    for _, kind, record_id, version, data, created, updated, deleted, _, _, period in rows:
        gone = "null" if deleted is None else f'"{deleted}"'
        parts.append(
            f'{{"k":"{kind}","i":"{record_id}","v":{version},"d":{data},"c":"{created}",'
            f'"u":"{updated}","x":{gone},"p":"{period}"}}'
        )
    document = ",".join(parts)
    first = rows[0]
    connection.exec_driver_sql(_PG_UPSERT, (first[0], first[8], first[9], f"[{document}]"))


def _stored_versions(
    connection: Connection, library_id: str, records: list[Record]
) -> dict[tuple[str, str], int]:
    """{(kind, id): version} of the records already on the server (one query per batch)."""
    known: dict[tuple[str, str], int] = {}
    if connection.dialect.name == "postgresql":
        # Array literals made here (kinds and ids are letters, digits and dashes).
        kinds = "{" + ",".join([record.kind for record in records]) + "}"
        id_list = "{" + ",".join([record.id for record in records]) + "}"
        found = connection.exec_driver_sql(_PG_VERSIONS, (kinds, id_list, library_id))
        known.update({(kind, row_id): version for kind, row_id, version in found})
        return known
    wanted = list({(record.kind, record.id): None for record in records})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = (
            f"SELECT r.kind, r.id, r.version FROM (VALUES {', '.join(['(?, ?)'] * len(chunk))}) "
            "AS w JOIN record AS r ON r.library_id = ? AND r.kind = w.column1 AND r.id = w.column2"
        )
        params = [part for key in chunk for part in key]
        params.append(library_id)
        found = connection.exec_driver_sql(query, tuple(params))
        known.update({(kind, row_id): version for kind, row_id, version in found})
    return known


def _mark(session: Session, library_id: str, device_id: str, epoch: str) -> EpochMark:
    mark = session.scalars(
        select(EpochMark)
        .where(
            EpochMark.library_id == library_id,
            EpochMark.device_id == device_id,
            EpochMark.db_epoch == epoch,
        )
        .with_for_update()
    ).first()
    if mark is None:
        mark = EpochMark(
            library_id=library_id, device_id=device_id, db_epoch=epoch, high_water=0, received=[]
        )
        session.add(mark)
    return mark


def sync_high_water(session: Session, library_id: str, device_id: str, epoch: str) -> int:
    mark = session.get(EpochMark, (library_id, device_id, epoch))
    return mark.high_water if mark is not None else 0
