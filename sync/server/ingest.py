"""Applying a batch: the upsert rules, the receipt, the high-water mark — one transaction.

For each kind in the batch the versions already stored are read with one query;
each record is then judged (rejected, stale, unchanged, inserted or updated),
and the new and newer ones are written with one ``executemany`` of
``INSERT ... ON CONFLICT DO UPDATE ... WHERE record.version < excluded.version``
(so two devices racing on one record can never lower its version). The
receipt is stored in the same transaction, so a replay of the batch id gets it
back unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError, to_json
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import (
    DATA_MODELS,
    MAX_RECORD_BYTES,
    PERSONAL_FIELDS,
    Batch,
    Counts,
    Receipt,
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


_ZERO: Final = timedelta(0)


def _aware(moment: datetime) -> datetime:
    """The moment in UTC (a time without a zone is taken as UTC)."""
    offset = moment.utcoffset()
    if offset is None:
        return moment.replace(tzinfo=UTC)
    return moment if not offset else moment.astimezone(UTC)


def _sqlite_time(moment: datetime | None) -> str | None:
    """SQLAlchemy's SQLite text of a time, in UTC: "2026-11-01 08:30:00[.123456]"."""
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return moment.isoformat(" ")
    if offset:
        moment = moment.astimezone(UTC)
    return moment.isoformat(" ")[:-6]  # without "+00:00"


def _pg_time(moment: datetime | None) -> datetime | None:
    """An aware time for psycopg (a time without a zone is taken as UTC)."""
    if moment is None or moment.utcoffset() is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _period(value: date, shift: timedelta) -> str:
    """The month ("2026-11") of a date, or of a datetime moved into the library's zone."""
    if isinstance(value, datetime):
        value = _aware(value) + shift
    return f"{value.year:04d}-{value.month:02d}"


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

    dialect = session.get_bind().dialect.name
    shift = timedelta(hours=_ZONES.get(library.time_zone, 7))
    stamp = _sqlite_time if dialect == "sqlite" else _pg_time
    received_param = stamp(received_at)
    counts: dict[str, int] = defaultdict(int)
    results: list[RecordResult] = []
    rows: list[tuple[Any, ...]] = []
    known = _stored_versions(session, library_id, batch)

    for record in batch.records:
        kind, record_id = record.kind, record.id
        checked = _check(kind, record_id, record.data, library_id)
        if not isinstance(checked, tuple):
            try:
                text = to_json(record.data).decode()  # a lone surrogate raises ValueError
                field = PERIOD_FIELDS.get(kind)
                dated = getattr(checked, field) if field else None
                row = (
                    library_id,
                    kind,
                    record_id,
                    record.version,
                    text,
                    stamp(record.created_at),
                    stamp(record.updated_at),
                    stamp(record.deleted_at),
                    received_param,
                    device_id,
                    _period(dated if dated is not None else record.created_at, shift),
                )
            except (OverflowError, ValueError, UnicodeError, PydanticSerializationError):
                checked = ("invalid_record", "a date or a text of the record cannot be stored")
            else:
                if len(text) > MAX_RECORD_BYTES or "\\u0000" in text:
                    checked = ("invalid_record", "the record is too large or holds a NUL")
        if isinstance(checked, tuple):
            code, message = checked
            counts["rejected"] += 1
            results.append(
                RecordResult(kind=kind, id=record_id, status="rejected", code=code, message=message)
            )
            continue
        stored = known[kind].get(record_id)
        if stored is not None and stored > record.version:
            counts["stale"] += 1
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
        if stored == record.version:
            counts["unchanged"] += 1
            continue
        counts["inserted" if stored is None else "updated"] += 1
        known[kind][record_id] = record.version
        rows.append(row)
    if rows:
        session.connection().exec_driver_sql(_upsert_sql(dialect), rows)

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
        counts=Counts(**counts),
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


def _check(
    kind: str, record_id: str, data: dict[str, Any], library_id: str
) -> tuple[str, str] | BaseModel:
    """Why a record is rejected (code, English message), or its checked payload."""
    if kind == "library" and record_id != library_id:
        return "forbidden_library", "a library record of another library"
    if kind == "story" or not PERSONAL_FIELDS.isdisjoint(data):
        personal = personal_fields_in(kind, data)
        if personal:
            return (
                "personal_field",
                f"personal fields may not leave the village: {', '.join(sorted(personal))}",
            )
    try:
        model: BaseModel = _VALIDATORS[kind](data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return "invalid_record", f"{where}: {first['msg']}"[:300]
    return model


def _stored_versions(session: Session, library_id: str, batch: Batch) -> dict[str, dict[str, int]]:
    """{kind: {id: version}} of the batch's records already on the server (a query per kind)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for record in batch.records:
        wanted[record.kind].add(record.id)
    connection = session.connection()
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    known: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, id_set in wanted.items():
        ids = list(id_set)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = (
                f"SELECT id, version FROM record WHERE library_id = {mark} AND kind = {mark} "
                f"AND id IN ({', '.join([mark] * len(chunk))})"
            )
            found = connection.exec_driver_sql(query, (library_id, kind, *chunk))
            known[kind].update({row_id: version for row_id, version in found})
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
