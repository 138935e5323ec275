"""Applying a batch: the upsert rules, the receipt, the high-water mark — one transaction.

Each record is checked first (its payload against the allow-list models; a bad
one is rejected alone), and one row per record key is made (a later, newer
version in the same batch replaces an earlier one). The rows are written
set-based, and what was stored before them comes back from the same work.

- PostgreSQL: the rows are streamed with a binary COPY while the batch is still
  being checked, so that the database inserts them on the other core meanwhile.
- SQLite: the rows are inserted by one plain statement (per 500 rows).

Both fail whole if a record of the batch is stored already (COPY knows no ON
CONFLICT; it runs in a savepoint). Then one ``INSERT ... ON CONFLICT DO NOTHING
RETURNING`` names the records that were new (on PostgreSQL over the rows sent
as one JSON array, ``json_to_recordset``); only for the others are the stored
versions read and the newer ones written with ``INSERT ... ON CONFLICT DO UPDATE
... WHERE record.version < excluded.version`` (so two devices racing on one
record can never lower its version; on PostgreSQL one statement does both).

Each record is then judged in the batch's order (inserted, updated, unchanged,
stale). For a stale one, and an unchanged one whose content differs from what
the server holds (``differs``: that version was made twice, by a PC restored
from a backup, or by two PCs), the receipt says which version the server holds
and the device's time of its change: the PC sends its change again above that
version where it made its own later. The epoch mark and the receipt are stored in the same transaction, so a
replay of the batch id gets it back unchanged. The few statements per batch go
through the driver's cursor (SQLAlchemy's per-statement work would cost more
than a small statement); its errors are raised as SQLAlchemy's (a concurrent
request that stored a record or the batch first: the API tries again).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import chain
from typing import Any, Final

from psycopg.adapt import Dumper
from psycopg.errors import UniqueViolation
from psycopg.postgres import types as postgres_types
from psycopg.pq import Format
from pydantic import BaseModel, ValidationError
from pydantic_core import (
    PydanticSerializationError,
    SchemaValidator,
    core_schema,
    from_json,
    to_json,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sync.protocol import (
    DATA_MODELS,
    MAX_RECORD_BYTES,
    PERSONAL_FIELDS,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
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
MAX_VERSION: Final = 2**31 - 1  # the record table's version column: a 32-bit integer
# COPY runs in a savepoint, a subtransaction: past 64 in one transaction (a bundle applies
# all its batches in one) PostgreSQL's visibility checks slow down for every session.
MAX_COPIES: Final = 32
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


_UPDATED: Final = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[3:])
_ON_CONFLICT: Final = (
    f" ON CONFLICT (library_id, kind, id) DO UPDATE SET {_UPDATED}"
    " WHERE record.version < excluded.version"
)


# SQLite: the batch's rows inserted in one statement (per 500); if a record is stored
# already, that fails whole and the new ones are inserted by one that names them
# (RETURNING); the versions of the others looked up, and the newer ones upserted (every
# SQLite transaction is BEGIN IMMEDIATE: no other writer meanwhile).
_SQLITE_ROW: Final = f"({', '.join(['?'] * len(RECORD_COLUMNS))})"
_SQLITE_INSERT: Final = f"INSERT INTO record ({', '.join(RECORD_COLUMNS)}) VALUES "
_SQLITE_NEW: Final = " ON CONFLICT DO NOTHING RETURNING kind, id"
_SQLITE_UPSERT: Final = (
    f"INSERT INTO record ({', '.join(RECORD_COLUMNS)}) VALUES {_SQLITE_ROW}{_ON_CONFLICT}"
)
# PostgreSQL: the batch's rows streamed with COPY (binary) while the batch is still
# being checked, so that the database writes them on the other core meanwhile; in a
# savepoint, since COPY knows no ON CONFLICT: if a record is stored already, the COPY
# fails whole and the rows go as one JSON array instead, inserted in one statement that
# names the records that were new; the others (and a record's later, newer version in
# the same batch) in a second one that upserts them and answers what was stored before
# it (the statement's snapshot; per row a probe of the primary key, whatever the planner
# believes of the library's size). Times in the array travel as microseconds
# since 1970 (whole seconds and the rest: exact).
_PG_COPY: Final = f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN (FORMAT BINARY)"
_PG_COPY_TYPES: Final = (
    "varchar",
    "varchar",
    "varchar",
    "int4",
    "json",
    "timestamptz",
    "timestamptz",
    "timestamptz",
    "timestamptz",
    "varchar",
    "varchar",
)
_PG_MICROS: Final = (
    "TIMESTAMPTZ 'epoch' + t.{0} / 1000000 * INTERVAL '1 second' "
    "+ t.{0} %% 1000000 * INTERVAL '1 microsecond'"
)
_PG_ROWS: Final = (
    "json_to_recordset(CAST(%s AS JSON)) AS t(k TEXT, i TEXT, v INTEGER, d JSON, "
    "c BIGINT, u BIGINT, x BIGINT, p TEXT)"
)
_PG_VALUES: Final = (
    f"t.k, t.i, t.v, t.d, {_PG_MICROS.format('c')}, {_PG_MICROS.format('u')}, "
    f"{_PG_MICROS.format('x')}, CAST(%s AS TIMESTAMPTZ), CAST(%s AS TEXT), t.p"
)
_PG_NEW: Final = (
    f"INSERT INTO record ({', '.join(RECORD_COLUMNS)}) SELECT CAST(%s AS TEXT), "
    f"{_PG_VALUES} FROM {_PG_ROWS} ON CONFLICT DO NOTHING RETURNING kind, id"
)
_PG_UPSERT: Final = (
    f"WITH t AS MATERIALIZED (SELECT CAST(%s AS TEXT) AS l, * FROM {_PG_ROWS}), "
    f"w AS (INSERT INTO record ({', '.join(RECORD_COLUMNS)}) SELECT t.l, {_PG_VALUES} "
    f"FROM t{_ON_CONFLICT}) "
    "SELECT t.k, t.i, r.version, CAST(r.data AS TEXT), r.updated_at, r.deleted_at FROM t "
    "LEFT JOIN LATERAL (SELECT * FROM record AS r "
    "WHERE r.library_id = t.l AND r.kind = t.k AND r.id = t.i) AS r ON TRUE"
)
_BATCH_COLUMNS: Final = (
    "library_id, device_id, batch_id, db_epoch, seq_from, seq_to, received_at, receipt"
)
_MARK_KEY: Final = "library_id = {0} AND device_id = {0} AND db_epoch = {0}"
_MARK_PUT: Final = (
    "INSERT INTO epoch_mark (library_id, device_id, db_epoch, high_water, received) "
    "VALUES ({0}, {0}, {0}, {0}, {1}) ON CONFLICT (library_id, device_id, db_epoch) "
    "DO UPDATE SET high_water = excluded.high_water, received = excluded.received"
)


@dataclass(frozen=True)
class _Sql:
    """The statements of one dialect outside the record write."""

    batch_get: str
    mark_get: str
    mark_put: str  # the mark's upsert and the batch's row, the latter's parameters after
    batch_put: str | None  # None: one statement with mark_put (PostgreSQL)


_SQL: Final = {
    "sqlite": _Sql(
        batch_get=(
            "SELECT db_epoch, seq_from, seq_to, receipt FROM batch "
            "WHERE library_id = ? AND device_id = ? AND batch_id = ?"
        ),
        mark_get="SELECT received FROM epoch_mark WHERE " + _MARK_KEY.format("?"),
        mark_put=_MARK_PUT.format("?", "?"),
        batch_put=f"INSERT INTO batch ({_BATCH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    "postgresql": _Sql(
        batch_get=(
            "SELECT db_epoch, seq_from, seq_to, receipt FROM batch "
            "WHERE library_id = %s AND device_id = %s AND batch_id = %s"
        ),
        mark_get="SELECT received FROM epoch_mark WHERE " + _MARK_KEY.format("%s") + " FOR UPDATE",
        mark_put=(
            "WITH m AS ("
            + _MARK_PUT.format("%s", "CAST(%s AS JSONB)")
            + f") INSERT INTO batch ({_BATCH_COLUMNS}) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, CAST(%s AS JSONB))"
        ),
        batch_put=None,
    ),
}


def _sqlite_time(moment: datetime | None) -> str | None:
    """SQLAlchemy's SQLite text of a time, in UTC: "2026-11-01 08:30:00.000000" (always
    the microseconds, as SQLAlchemy writes them, so that texts compare as times)."""
    if moment is None:
        return None
    if moment.utcoffset():
        moment = moment.astimezone(UTC)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (  # noqa: UP031 (faster than isoformat)
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
    )


_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH: Final = datetime(1970, 1, 1)
_MICROSECOND: Final = timedelta(microseconds=1)
# Microseconds since 1970 of the first and the last UTC moment of the years 1..9999.
_FIRST: Final = (datetime(1, 1, 1, tzinfo=UTC) - _EPOCH) // _MICROSECOND
_LAST: Final = (datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC) - _EPOCH) // _MICROSECOND


def _pg_micros(moment: datetime) -> int:
    """Microseconds since 1970 in UTC, for PostgreSQL (a time without a zone is taken as
    UTC; one that has no UTC year 1..9999 raises OverflowError, as on SQLite)."""
    try:
        micros: int = (moment - _EPOCH) // _MICROSECOND
    except TypeError:  # no zone
        return (moment.replace(tzinfo=None) - _NAIVE_EPOCH) // _MICROSECOND
    if not _FIRST <= micros <= _LAST:
        raise OverflowError("date value out of range")
    return micros


def _pg_time(moment: datetime) -> datetime:
    """A record's time for PostgreSQL's COPY: aware (a time without a zone is taken as
    UTC); one that has no UTC year 1..9999 raises OverflowError, as on SQLite."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not 1 < moment.year < 9999:
        _pg_micros(moment)
    return moment


def _period(value: date, shift: timedelta) -> str:
    """The month ("2026-11") of a date, or of a datetime moved into the library's zone."""
    if isinstance(value, datetime):
        offset = value.utcoffset()  # a time without a zone is taken as UTC
        value = value + shift if not offset else value + (shift - offset)
    return "%04d-%02d" % (value.year, value.month)  # noqa: UP031 (faster than an f-string)


def _months(shift: timedelta) -> Callable[[date], str]:
    """:func:`_period` for one library, its month texts made once per batch."""
    texts: dict[int, str] = {}

    def month(value: date) -> str:
        # A datetime's own month is the library's unless it is within 2 days of the
        # month's ends: a zone moves a time by less than that.
        if isinstance(value, datetime) and not 2 <= value.day <= 26:
            offset = value.utcoffset()  # a time without a zone is taken as UTC
            value = value + shift if not offset else value + (shift - offset)
        key = value.year * 12 + value.month
        text = texts.get(key)
        if text is None:
            text = texts[key] = "%04d-%02d" % (value.year, value.month)  # noqa: UP031
        return text

    return month


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
    # A batch of a newer PC (sent, or in a bundle) is refused whole: its records may mean
    # something this server cannot tell.
    if batch.protocol_version != PROTOCOL_VERSION:
        raise ProblemError("protocol_version", f"this server speaks protocol {PROTOCOL_VERSION}")
    if batch.schema_version != SCHEMA_VERSION:
        raise ProblemError("schema_version", f"this server takes schema {SCHEMA_VERSION}")
    library_id = library.library_id
    batch_id = batch.batch_id
    epoch = batch.db_epoch
    session.flush()  # whatever the caller added, before the statements below
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    sql = _SQL["postgresql" if postgres else "sqlite"]
    # The driver's cursor, in the session's transaction: a few statements per batch
    # without SQLAlchemy's per-statement work. Its errors are raised as SQLAlchemy's
    # (an IntegrityError when a concurrent request stored the batch first: the API retries).
    dialect = connection.dialect
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql.batch_get, (library_id, device_id, batch_id))
        existing = cursor.fetchone()
        if existing is not None:
            if tuple(existing[:3]) != (epoch, batch.seq_from, batch.seq_to):
                raise ProblemError(
                    "batch_conflict", "this batch id was used for another epoch or range"
                )
            return _receipt(existing[3])
        copies = session.info.get("record_copies", 0)
        use_copy = postgres and copies < MAX_COPIES
        if use_copy:
            session.info["record_copies"] = copies + 1
        receipt, changed = _apply(
            cursor, postgres, use_copy, sql, library, device_id, batch, received_at
        )
    except dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            None, None, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error
    finally:
        cursor.close()
    # The month it arrived in; the library's roll-ups to be refreshed (see rollup.py).
    batch_applied(session, library, received_at, changed=changed)
    return receipt


def _apply(
    cursor: Any,
    postgres: bool,
    use_copy: bool,
    sql: _Sql,
    library: Library,
    device_id: str,
    batch: Batch,
    received_at: datetime,
) -> tuple[Receipt, bool]:
    """Judge and write the records, store the mark and the receipt; (receipt, data changed)."""
    library_id = library.library_id
    epoch = batch.db_epoch
    month = _months(timedelta(hours=_ZONES.get(library.time_zone, 7)))
    received_time = received_at if postgres else _sqlite_time(received_at)
    if use_copy:
        cursor.execute("SAVEPOINT record_copy")
        try:
            with _pg_copy(cursor) as writer:
                checked, newest, later = _check(
                    batch.records, library_id, device_id, received_time, month, _pg_time, writer
                )
        except UniqueViolation:  # a record is stored already
            cursor.execute("ROLLBACK TO SAVEPOINT record_copy")
            known, held = _pg_write(cursor, library_id, device_id, received_at, newest)
        else:  # every record was new: only the later versions are left to write
            _pg_write(cursor, library_id, device_id, received_at, later)
            known, held = {}, {}
    elif postgres:  # many batches in this transaction already (a bundle): no more savepoints
        checked, newest, _ = _check(
            batch.records, library_id, device_id, received_time, month, _pg_time
        )
        known, held = _pg_write(cursor, library_id, device_id, received_at, newest)
    else:
        checked, newest, _ = _check(
            batch.records, library_id, device_id, received_time, month, _sqlite_time
        )
        known, held = _sqlite_write(cursor, library_id, newest)
    results: list[RecordResult] = []
    inserted = updated = unchanged = stale = rejected = 0
    if not known and len(newest) == len(checked):
        # Every record good (each has its row), once in the batch (one row per key) and new.
        checked, inserted = [], len(checked)
    for record, key, problem in checked:
        if problem is not None:
            code, message = problem
            rejected += 1
            results.append(
                RecordResult(
                    kind=record.kind, id=record.id, status="rejected", code=code, message=message
                )
            )
            continue
        stored = known.get(key)
        version = record.version
        if stored is None:
            inserted += 1
        elif stored < version:
            updated += 1
        elif stored == version:
            unchanged += 1
            before = held.get(key)
            row = newest.get(key)
            # The same version with other content: made twice (a PC restored from a
            # backup, or two PCs); the PC judges which change is the newer one.
            if (
                before is not None
                and before.data is not None
                and row is not None
                and row[3] == version
                and (_other_data(before.data, row[4]) or not _same_time(before.deleted_at, row[7]))
            ):
                results.append(
                    _held_result(record, "unchanged", "differs", before, "with other content")
                )
            continue
        else:
            stale += 1
            results.append(_held_result(record, "stale", "stale", held[key]))
            continue
        known[key] = version
        # What the server holds is this record now (its text is judged only when read back).
        held[key] = _Held(version, None, record.updated_at, record.deleted_at)

    mark_key = (library_id, device_id, epoch)
    cursor.execute(sql.mark_get, mark_key)
    found = cursor.fetchone()
    ranges: list[Any] = [] if found is None else _json(found[0])
    received = merge_ranges([*ranges, [batch.seq_from, batch.seq_to]])
    mark = high_water(received)
    receipt = Receipt(
        batch_id=batch.batch_id,
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
            rejected=rejected,
        ),
        results=results,
        high_water=mark,
    )
    mark_row = (*mark_key, mark, to_json(received).decode())
    batch_row = (
        library_id,
        device_id,
        batch.batch_id,
        epoch,
        batch.seq_from,
        batch.seq_to,
        received_time,
        receipt.model_dump_json(exclude_none=True),
    )
    if sql.batch_put is None:
        cursor.execute(sql.mark_put, mark_row + batch_row)
    else:
        cursor.execute(sql.mark_put, mark_row)
        cursor.execute(sql.batch_put, batch_row)
    return receipt, inserted + updated > 0


Checked = list[tuple[Record, tuple[str, str], tuple[str, str] | None]]
Row = tuple[Any, ...]  # RECORD_COLUMNS' values


@dataclass(frozen=True)
class _Held:
    """What the server holds of a record sent again: read before the batch's write."""

    version: int
    data: str | None  # the JSON text as stored (None: written by this batch)
    updated_at: Any  # the device's time: SQLite's text, or PostgreSQL's aware datetime
    deleted_at: Any


def _aware(moment: Any) -> datetime:
    """A stored time as an aware datetime (SQLite keeps UTC text without a zone)."""
    if isinstance(moment, str):
        return datetime.fromisoformat(moment).replace(tzinfo=UTC)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _other_data(stored: str, sent: str) -> bool:
    """Whether two payload texts hold other content (a text stored as JSONB before
    migration 0004 has PostgreSQL's own spacing and key order)."""
    return stored != sent and from_json(stored) != from_json(sent)


def _same_time(stored: Any, sent: Any) -> bool:
    if stored is None or sent is None:
        return stored is sent
    return _aware(stored) == _aware(sent)


def _held_result(
    record: Record, status: Any, code: str, held: _Held, what: str = ""
) -> RecordResult:
    """A record the server holds at its own version: which, and when the device made it."""
    return RecordResult(
        kind=record.kind,
        id=record.id,
        status=status,
        code=code,
        message=f"the server has version {held.version} {what}".strip(),
        server_version=held.version,
        server_updated_at=_aware(held.updated_at),
    )


def _check(
    records: list[Record],
    library_id: str,
    device_id: str,
    received: Any,
    month: Callable[[date], str],
    stamp: Callable[[datetime], Any],
    copy: Any = None,
) -> tuple[Checked, dict[tuple[str, str], Row], dict[tuple[str, str], Row]]:
    """Check each record, in the batch's order: (record, its key, or the reason it is
    rejected), and make the rows to write: per key the first of its newest version in
    the batch (a later, newer version of a record replaces the earlier one: it would
    overwrite it); and those of the later versions alone. The first row of each key also
    goes to ``copy`` (a COPY's writer) as soon as it is made."""
    checked: Checked = []
    newest: dict[tuple[str, str], Row] = {}
    later: dict[tuple[str, str], Row] = {}
    validators = _VALIDATORS
    period_fields = PERIOD_FIELDS
    personal_fields = PERSONAL_FIELDS
    for record in records:
        kind, record_id, data = record.kind, record.id, record.data
        key: tuple[str, str] = (kind, record_id)
        # Why the record is rejected (code, English message).
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
                valid = validators[kind](data)
            except ValidationError as exc:
                problem = ("invalid_record", _first_error(exc))
            else:
                try:
                    text = to_json(data).decode()  # a lone surrogate raises ValueError
                    created = record.created_at
                    created_time = stamp(created)
                    moment = record.updated_at
                    # Mostly the same moment: made once.
                    updated_time = created_time if moment == created else stamp(moment)
                    deleted = record.deleted_at
                    deleted_time = None if deleted is None else stamp(deleted)
                    field = period_fields.get(kind)
                    dated = valid.get(field) if field else None
                    period = month(created if dated is None else dated)
                except (OverflowError, ValueError, UnicodeError, PydanticSerializationError):
                    problem = ("invalid_record", "a date or a text of the record cannot be stored")
                else:
                    if len(text) > MAX_RECORD_BYTES or "\\u0000" in text:
                        problem = ("invalid_record", "the record is too large or holds a NUL")
                    elif record.version > MAX_VERSION:
                        problem = ("invalid_record", "the version is beyond what is stored")
                    else:
                        version = record.version
                        before = newest.get(key)
                        if before is None or before[3] < version:
                            row = (
                                library_id,
                                kind,
                                record_id,
                                version,
                                text,
                                created_time,
                                updated_time,
                                deleted_time,
                                received,
                                device_id,
                                period,
                            )
                            newest[key] = row
                            if before is not None:
                                later[key] = row
                            elif copy is not None:
                                copy.write_row(row)
        checked.append((record, key, problem))
    return checked, newest, later


def _payload_validator(model: type[BaseModel]) -> Callable[[Any], dict[str, Any]]:
    """A payload's check against ``model``, its fields and config, answering a plain dict
    (with the defaults) instead of a model instance: the same checks and errors, about a
    quarter faster (2.3 against 3.0 µs a payload of the demo library, measured here)."""
    schema = model.__pydantic_core_schema__
    if schema["type"] != "model" or schema["schema"]["type"] != "model-fields":
        raise TypeError(f"{model.__name__}: not a plain model")  # e.g. a model validator wraps it
    fields = {
        name: core_schema.typed_dict_field(
            field["schema"], required=field["schema"]["type"] != "default"
        )
        for name, field in schema["schema"]["fields"].items()
    }
    typed = core_schema.typed_dict_schema(fields, extra_behavior="forbid")
    return SchemaValidator(typed, schema.get("config")).validate_python


# Per kind, the payload checked against its allow-list model: a dict, or ValidationError.
_VALIDATORS: Final = {kind: _payload_validator(model) for kind, model in DATA_MODELS.items()}


def _first_error(exc: ValidationError) -> str:
    """The English message of a payload's first error: "field: what is wrong"."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"[:300]


def _json(value: Any) -> Any:
    """A JSON column read with the driver: text on SQLite, decoded already by psycopg."""
    return from_json(value) if isinstance(value, str | bytes) else value


def _receipt(value: Any) -> Receipt:
    if isinstance(value, str | bytes):
        return Receipt.model_validate_json(value)
    return Receipt.model_validate(value)


class _JsonText(Dumper):
    """A JSON text (already checked) as PostgreSQL's binary json: the text."""

    format = Format.BINARY
    oid = postgres_types["json"].oid

    def dump(self, obj: Any) -> bytes:
        return obj.encode()


@contextmanager
def _pg_copy(cursor: Any) -> Iterator[Any]:
    """A binary COPY into ``record``, its rows written with ``write_row``: sent while they
    are made, the database inserts them meanwhile; its end waits for the last."""
    cursor.adapters.register_dumper(None, _JsonText)
    with cursor.copy(_PG_COPY) as copy:
        copy.set_types(_PG_COPY_TYPES)
        yield copy


def _pg_write(
    cursor: Any,
    library_id: str,
    device_id: str,
    received_at: datetime,
    rows: dict[tuple[str, str], Row],
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], _Held]]:
    """Insert the rows (one per key) of new records, then upsert those of the records already
    stored; {(kind, id): version} stored before, and what was stored."""
    if not rows:
        return {}, {}
    parts = {key: _pg_part(row) for key, row in rows.items()}
    cursor.execute(
        _PG_NEW, (library_id, received_at, device_id, "[" + ",".join(parts.values()) + "]")
    )
    added = {(kind, row_id) for kind, row_id in cursor.fetchall()}
    if len(added) == len(parts):
        return {}, {}
    others = [part for key, part in parts.items() if key not in added]
    cursor.execute(_PG_UPSERT, (library_id, "[" + ",".join(others) + "]", received_at, device_id))
    held = {
        (kind, row_id): _Held(version, data, updated, deleted)
        for kind, row_id, version, data, updated, deleted in cursor.fetchall()
        if version is not None
    }
    return {key: one.version for key, one in held.items()}, held


def _pg_part(row: Row) -> str:
    """A row as an element of the JSON array the statements read."""
    _, kind, record_id, version, text, created, updated, deleted, _, _, period = row
    # Kinds, ids and periods hold no character a JSON string escapes (the protocol's
    # types); the payload is JSON.
    return (
        f'{{"k":"{kind}","i":"{record_id}","v":{version},"d":{text},'
        f'"c":{_pg_micros(created)},"u":{_pg_micros(updated)},'
        f'"x":{"null" if deleted is None else _pg_micros(deleted)},"p":"{period}"}}'
    )


def _sqlite_write(
    cursor: Any, library_id: str, newest: dict[tuple[str, str], Row]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], _Held]]:
    """Insert the rows (one per key) of new records, then upsert those of the records stored
    at an older version; {(kind, id): version} stored before, and what was stored."""
    held: dict[tuple[str, str], _Held] = {}
    rows = list(newest.values())
    stored: list[tuple[str, str]] = []  # keys of the rows not inserted: stored already
    for start in range(0, len(rows), 500):  # 500 x 11 parameters: within SQLite's limit
        chunk = rows[start : start + 500]
        insert = _SQLITE_INSERT + ", ".join([_SQLITE_ROW] * len(chunk))
        values = tuple(chain.from_iterable(chunk))
        try:
            cursor.execute(insert, values)  # all new: the usual case
        except sqlite3.IntegrityError:
            # A record is stored already (the failed statement undid itself): the new
            # ones inserted by a statement that names them.
            cursor.execute(insert + _SQLITE_NEW, values)
            added = set(cursor.fetchall())
            stored += [(row[1], row[2]) for row in chunk if (row[1], row[2]) not in added]
    for start in range(0, len(stored), 500):
        keys = stored[start : start + 500]
        cursor.execute(
            "SELECT r.kind, r.id, r.version, r.data, r.updated_at, r.deleted_at "
            f"FROM (VALUES {', '.join(['(?, ?)'] * len(keys))}) AS w JOIN record AS r "
            "ON r.library_id = ? AND r.kind = w.column1 AND r.id = w.column2",
            (*chain.from_iterable(keys), library_id),
        )
        held.update(
            {
                (kind, row_id): _Held(version, data, updated, deleted)
                for kind, row_id, version, data, updated, deleted in cursor.fetchall()
            }
        )
    known = {key: one.version for key, one in held.items()}
    newer = [row for key, row in newest.items() if key in known and known[key] < row[3]]
    if newer:
        cursor.executemany(_SQLITE_UPSERT, newer)
    return known, held


def sync_high_water(session: Session, library_id: str, device_id: str, epoch: str) -> int:
    return sync_mark(session, library_id, device_id, epoch)[0]


def sync_mark(
    session: Session, library_id: str, device_id: str, epoch: str
) -> tuple[int, list[list[int]]]:
    """The high-water mark of a device's epoch and every range that has arrived."""
    mark = session.get(EpochMark, (library_id, device_id, epoch))
    if mark is None:
        return 0, []
    return mark.high_water, merge_ranges(_json(mark.received))
