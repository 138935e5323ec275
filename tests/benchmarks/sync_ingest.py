"""Server ingest: records per second through the batch-apply function, SQLite and PostgreSQL.

Data: a 1-year demo library (``app.core.demo.generate_demo``, seed 1), every
record read as the wire carries it (``sync.records.read_records``) and cut, in
the order of each record's last outbox row (the order the PC sends them), into
batches of 500 records of mixed kinds, as a first sync of that library sends;
each batch is encoded as JSON and parsed back (``Batch.model_validate_json``, as
the server parses a request body, outside the timed part), so that the payloads
hold what a server receives (texts, not the PC's dates and times).
Each round enrols a new library and device on the server and applies every
batch the way ``PUT /batches/{id}`` does, without HTTP: one transaction per
batch (``sync.server.ingest.apply_batch``: payloads checked against the
allow-list models, the upsert judged against the stored versions, the receipt,
the high-water mark and the roll-up marks stored), committed. The baseline is a
plain ``executemany`` INSERT of the very rows the ingest stored (read back after
an unmeasured first round, given another library's id) into an equivalent table
(same columns, primary key and foreign key), also one transaction per 500 rows.
The two are measured in turns, batch by batch: ingest batch 1, the plain insert
of its 500 rows, ingest batch 2, ... (this machine's speed drifts by a third
within seconds; measured side by side, both see the same). Figures are the
medians of the rounds; the ratio is the median of each round's ingest rate over
its baseline rate.

A third figure per database (no target) goes through HTTP: a real uvicorn
server process (``perpusdesa-server serve``), the same batches PUT as gzip
bodies (encoded beforehand) from one client, one after the other.

Databases: the server's own SQLite set-up (a file, WAL, ``synchronous=NORMAL``)
and a private PostgreSQL 15 cluster started for the run and stopped after it
(``tests.sync.conftest.PgCluster``: ``fsync=off``, ``synchronous_commit=off``,
as the tests run it; a production server keeps fsync on).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sync.server.ingest import RECORD_COLUMNS
from tests.benchmarks import figure, median

YEARS = 1
BATCH = 500
ROUNDS = 7  # the machine is shared: medians of more rounds move less
TARGET_RECORDS_PER_S = 20_000.0
TARGET_RATIO = 0.5
DEMO_TODAY = date(2026, 11, 20)
PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass(frozen=True)
class _Demo:
    records: list[Any]  # sync.protocol.Record, in sending order
    library_id: str
    data: str


def _demo_records(folder: Path) -> _Demo:
    """Every record of a fresh demo library as the wire carries it, in sending order."""
    from app.core.demo import generate_demo
    from app.db.database import Database
    from sync.records import read_records

    db = Database(folder)
    summary = generate_demo(db, years=YEARS, seed=1, today=DEMO_TODAY)
    conn = db.connect()
    try:
        order = conn.execute(
            "SELECT table_name, record_id FROM outbox GROUP BY table_name, record_id"
            " ORDER BY max(seq)"
        ).fetchall()
        by_kind: dict[str, list[str]] = {}
        for kind, record_id in order:
            by_kind.setdefault(str(kind), []).append(str(record_id))
        found = {
            (kind, record_id): record
            for kind, ids in by_kind.items()
            for record_id, record in read_records(conn, kind, ids).items()
        }
    finally:
        conn.close()
        db.dispose()
    records = [found[(str(kind), str(record_id))] for kind, record_id in order]
    kinds: dict[str, int] = {}
    for record in records:
        kinds[record.kind] = kinds.get(record.kind, 0) + 1
    mix = ", ".join(f"{count:,} {kind}" for kind, count in kinds.items())
    data = (
        f"demo library, {YEARS} year: {len(records):,} records ({mix})"
        f" in {-(-len(records) // BATCH)} batches of up to {BATCH}"
    )
    return _Demo(records, summary.library_id, data)


def _batches(demo: _Demo, library_id: str, device_id: str) -> list[Any]:
    """The demo's records as batches of one device of ``library_id`` (a new epoch), as
    the server parses them."""
    from sync.protocol import Batch

    epoch = str(uuid.uuid4())
    records = [
        r.model_copy(update={"id": library_id}) if r.kind == "library" else r for r in demo.records
    ]
    batches = []
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        batch = Batch(
            batch_id=str(uuid.uuid4()),
            device_id=device_id,
            library_id=library_id,
            db_epoch=epoch,
            seq_from=start + 1,
            seq_to=start + len(chunk),
            sent_at=datetime.now(UTC),
            records=chunk,
        )
        # As the server has it: parsed from the request's JSON (the payloads' times as texts).
        batches.append(Batch.model_validate_json(batch.model_dump_json()))
    return batches


def _enrol(database: Any) -> tuple[str, str]:
    """A new library with one device on the server: (library id, device id)."""
    import base64

    from sync.protocol import EnrollRequest
    from sync.server import admin

    library = admin.add_library(database, "33.74.01.1001", "Perpustakaan Desa Miroto")
    code = admin.issue_code(database, library.library_id)
    answer = admin.enroll(
        database,
        EnrollRequest(
            code=code,
            device_id=str(uuid.uuid4()),
            device_name="PC-PERPUS",
            library_id=str(uuid.uuid4()),
            public_key=base64.b64encode(bytes(32)).decode(),
            app_version="bench",
        ),
    )
    return answer.library_id, answer.device_id


def _create_plain_table(database: Any) -> None:
    """``plain_record``: the record table's columns, key and foreign key, no upsert."""
    from sqlalchemy import Column, ForeignKeyConstraint, MetaData, Table

    metadata = MetaData()
    Table("library", metadata, autoload_with=database.engine)
    Table("device", metadata, autoload_with=database.engine)
    record = Table("record", metadata, autoload_with=database.engine)
    plain = Table(
        "plain_record",
        metadata,
        *(
            Column(c.name, c.type, nullable=c.nullable, primary_key=c.primary_key)
            for c in record.columns
        ),
        ForeignKeyConstraint(
            ["library_id", "device_id"], ["device.library_id", "device.device_id"]
        ),
    )
    plain.create(database.engine)


def _plain_sql(dialect: str) -> str:
    mark = "?" if dialect == "sqlite" else "%s"
    values = [mark] * len(RECORD_COLUMNS)
    if dialect == "postgresql":
        values[RECORD_COLUMNS.index("data")] = "CAST(%s AS JSON)"
    return f"INSERT INTO plain_record ({', '.join(RECORD_COLUMNS)}) VALUES ({', '.join(values)})"


def _stored_rows(database: Any, library_id: str, order: dict[tuple[str, str], int]) -> list[Any]:
    """The rows the ingest stored for a library, in the order the batches carried them."""
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT {', '.join(RECORD_COLUMNS)} FROM record WHERE library_id = "
            + ("?" if database.dialect == "sqlite" else "%s"),
            (library_id,),
        ).all()
    # The library record carries the library's own id: it came first.
    return sorted(rows, key=lambda row: order.get((row[1], row[2]), -1))


def _ingest(database: Any, library_id: str, device_id: str, batch: Any) -> Any:
    """Apply one batch as ``PUT /batches/{id}`` does; its receipt."""
    from sync.server import ingest
    from sync.server.models import Library

    with database.transaction() as session:
        library = session.get(Library, library_id)
        return ingest.apply_batch(session, library, device_id, batch, datetime.now(UTC))


def _first_round(database: Any, demo: _Demo) -> list[Any]:
    """An unmeasured ingest of the demo (caches, the first pages); the rows it stored, in
    the order the batches carried them."""
    library_id, device_id = _enrol(database)
    for batch in _batches(demo, library_id, device_id):
        receipt = _ingest(database, library_id, device_id, batch)
    assert receipt.high_water == len(demo.records), receipt.high_water
    order = {(r.kind, r.id): n for n, r in enumerate(demo.records)}
    return _stored_rows(database, library_id, order)


def _time_round(database: Any, demo: _Demo, stored: list[Any]) -> tuple[float, float, int]:
    """Seconds to ingest every batch of a new library and seconds to insert the same rows
    plainly for another one, batch by batch in turns; and the records inserted."""
    import json

    library_id, device_id = _enrol(database)
    plain_library, plain_device = _enrol(database)
    batches = _batches(demo, library_id, device_id)
    rows = [
        (
            plain_library,
            kind,
            record_id,
            version,
            data if isinstance(data, str) else json.dumps(data, separators=(",", ":")),
            *times,
            plain_device,
            period,
        )
        for (_, kind, record_id, version, data, *times, _, period) in stored
    ]
    sql = _plain_sql(database.dialect)
    inserted = 0
    ingest_seconds = plain_seconds = 0.0
    for number, batch in enumerate(batches):
        started = time.perf_counter()
        receipt = _ingest(database, library_id, device_id, batch)
        middle = time.perf_counter()
        with database.engine.begin() as connection:
            connection.exec_driver_sql(sql, rows[number * BATCH : (number + 1) * BATCH])
        ingest_seconds += middle - started
        plain_seconds += time.perf_counter() - middle
        inserted += receipt.counts.inserted
    assert receipt.high_water == len(demo.records), receipt.high_water
    assert len(batches) == -(-len(rows) // BATCH)
    return ingest_seconds, plain_seconds, inserted


def _time_http(database_url: str, folder: Path, demo: _Demo) -> float:
    """Records per second PUT through a real server process (gzip bodies made beforehand)."""
    from sync.protocol import Receipt, encode_batch
    from tests.sync.conftest import SyncServer, enroll, put_body

    server = SyncServer(database_url, folder)
    server.start()
    try:
        device = enroll(server)
        batches = _batches(demo, device.library_id, device.device_id)
        bodies = [(batch.batch_id, encode_batch(batch)) for batch in batches]
        started = time.perf_counter()
        for batch_id, body in bodies:
            answer = put_body(device, batch_id, body)
            assert answer.status_code == 200, answer.text
        seconds = time.perf_counter() - started
        receipt = Receipt.model_validate_json(answer.content)
        assert receipt.high_water == len(demo.records)
    finally:
        server.close()
    return len(demo.records) / seconds


def _measure(
    name: str, database_url: str, folder: Path, demo: _Demo, setting: str
) -> list[dict[str, object]]:
    from sync.server.db import Database

    database = Database(database_url)
    try:
        _create_plain_table(database)
        stored = _first_round(database, demo)
        load_before = os.getloadavg()[0]
        ingest_rates: list[float] = []
        plain_rates: list[float] = []
        inserted = 0
        for _ in range(ROUNDS):
            ingest_seconds, plain_seconds, inserted = _time_round(database, demo, stored)
            ingest_rates.append(len(demo.records) / ingest_seconds)
            plain_rates.append(len(stored) / plain_seconds)
        load_after = os.getloadavg()[0]
    finally:
        database.close()
    assert inserted == len(demo.records), (inserted, len(demo.records))
    http_rate = _time_http(database_url, folder, demo)
    rate, baseline = median(ingest_rates), median(plain_rates)
    data = f"{demo.data}; {setting}; median of {ROUNDS} rounds, each a new library"
    load = [round(load_before, 2), round(load_after, 2)]
    lines = [
        figure(
            "sync_ingest",
            f"{name}_records_per_s",
            rate,
            "records/s",
            TARGET_RECORDS_PER_S,
            higher_is_better=True,
            data=data,
            rounds=[round(r) for r in ingest_rates],
            load_average=load,
        ),
        figure(
            "sync_ingest",
            f"{name}_ratio_to_executemany",
            median([a / b for a, b in zip(ingest_rates, plain_rates, strict=True)]),
            "ratio",
            TARGET_RATIO,
            higher_is_better=True,
            baseline=round(baseline, 1),
            baseline_unit="records/s",
            baseline_rounds=[round(r) for r in plain_rates],
            data=data,
            load_average=load,
        ),
    ]
    lines.append(
        figure(
            "sync_ingest",
            f"{name}_http_records_per_s",
            http_rate,
            "records/s",
            None,
            data=(
                f"{demo.data}; {setting}; PUT /batches as gzip through a real uvicorn process"
                " on 127.0.0.1, one client, one run"
            ),
        )
    )
    return lines


def _with_postgres(work: Callable[[str], list[dict[str, object]]]) -> list[dict[str, object]]:
    from tests.sync.conftest import PgCluster

    cluster = PgCluster()
    cluster.start()
    try:
        return work(cluster.new_database())
    finally:
        cluster.stop()


def run() -> list[dict[str, object]]:
    lines: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        demo = _demo_records(root / "library")
        (root / "sqlite").mkdir()
        lines += _measure(
            "sqlite",
            f"sqlite:///{root / 'sqlite' / 'server.sqlite3'}",
            root / "sqlite",
            demo,
            "SQLite file, WAL, synchronous=NORMAL",
        )
        if (PG_BIN / "initdb").exists():
            (root / "pg").mkdir()

            lines += _with_postgres(
                lambda url: _measure(
                    "postgresql",
                    url,
                    root / "pg",
                    demo,
                    "PostgreSQL 15, private cluster, fsync=off, synchronous_commit=off",
                )
            )
    return lines
