"""Server ingest: records per second through the batch-apply function, SQLite and PostgreSQL.

Data: a 1-year demo library (``app.core.demo.generate_demo``, seed 1), every
record read as the wire carries it (``sync.records.read_records``) and cut, in
the order of each record's last outbox row (the order the PC sends them), into
batches of 500 records of mixed kinds, as a first sync of that library sends.
Each round enrols a new library and device on the server and applies every
batch the way ``PUT /batches/{id}`` does, without HTTP: one transaction per
batch (``sync.server.ingest.apply_batch``: payloads checked against the
allow-list models, the upsert judged against the stored versions, the receipt,
the high-water mark and the roll-up marks stored), committed. The baseline, measured in the same run between the rounds,
is a plain ``executemany`` INSERT of the very rows the ingest stored (read back,
given another library's id) into an equivalent table (same columns, primary
key and foreign key), also one transaction per 500 rows. Figures are
the medians of the rounds; the ratio is the median of each round's ingest rate
over the baseline rate measured right after it (the machine's load varies).

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
    """The demo's records as batches of one device of ``library_id`` (a new epoch)."""
    from sync.protocol import Batch

    epoch = str(uuid.uuid4())
    records = [
        r.model_copy(update={"id": library_id}) if r.kind == "library" else r for r in demo.records
    ]
    batches = []
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        batches.append(
            Batch(
                batch_id=str(uuid.uuid4()),
                device_id=device_id,
                library_id=library_id,
                db_epoch=epoch,
                seq_from=start + 1,
                seq_to=start + len(chunk),
                sent_at=datetime.now(UTC),
                records=chunk,
            )
        )
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


def _time_ingest(database: Any, demo: _Demo) -> tuple[float, int, str]:
    """Seconds to apply every batch of a new library, the records inserted, the library id."""
    from sync.server import ingest
    from sync.server.models import Library

    library_id, device_id = _enrol(database)
    batches = _batches(demo, library_id, device_id)
    inserted = 0
    started = time.perf_counter()
    for batch in batches:
        with database.transaction() as session:
            library = session.get(Library, library_id)
            receipt = ingest.apply_batch(session, library, device_id, batch, datetime.now(UTC))
        inserted += receipt.counts.inserted
    seconds = time.perf_counter() - started
    assert receipt.high_water == len(demo.records), receipt.high_water
    return seconds, inserted, library_id


def _time_plain(database: Any, demo: _Demo, source: str) -> tuple[float, int]:
    """Seconds to insert the rows the ingest stored for ``source`` again, for another library,
    with a plain ``executemany``, 500 per transaction; and the rows inserted."""
    import json

    library_id, device_id = _enrol(database)
    order = {(r.kind, r.id): n for n, r in enumerate(demo.records)}
    rows = [
        (
            library_id,
            kind,
            record_id,
            version,
            data if isinstance(data, str) else json.dumps(data, separators=(",", ":")),
            *times,
            device_id,
            period,
        )
        for (_, kind, record_id, version, data, *times, _, period) in _stored_rows(
            database, source, order
        )
    ]
    sql = _plain_sql(database.dialect)
    started = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        with database.engine.begin() as connection:
            connection.exec_driver_sql(sql, rows[start : start + BATCH])
    seconds = time.perf_counter() - started
    return seconds, len(rows)


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
        # One unmeasured round each: caches, the JSON models, the first pages.
        _time_plain(database, demo, _time_ingest(database, demo)[2])
        load_before = os.getloadavg()[0]
        ingest_rates: list[float] = []
        plain_rates: list[float] = []
        inserted = 0
        for _ in range(ROUNDS):
            seconds, inserted, library_id = _time_ingest(database, demo)
            ingest_rates.append(len(demo.records) / seconds)
            seconds, rows = _time_plain(database, demo, library_id)
            plain_rates.append(rows / seconds)
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
