"""The month-end run at the programme's full scale, on SQLite and on PostgreSQL.

Data: the national library's report (``tests.programme.REPORT``): 300 village
libraries in 60 districts of 21 provinces, real Kemendagri codes, plus the 60
district and 21 provincial libraries (381 PCs), one programme year (2025)
each made by the program's own demo generator (size 0.1: a small village
library, some hundreds of records a year) with the activity plan that adds up
to 8,635 activities, 259,944 people engaged, 965 province-level stakeholder
meetings, 2,258 district-level representatives, 156 facilitators and 900
village library managers trained. The PCs are generated once (two processes),
then copied for each database.

Each run starts one real server process (``perpusdesa-server serve``, uvicorn)
on a fresh database, registers the 381 libraries (``admin.add_library``, as
``perpusdesa-server add-library`` does), enrols every PC directly, then syncs
them sixteen at a time through ``tests.netproxy.CutProxy`` (a fifth of the
connections cut at a random byte), each PC retrying until it reports nothing
left to send. Then the national summary must equal the sum of every PC's own
monthly reports, and each library's summary its own monthly reports, month by
month (``exact``).

Lines per database: the sync's wall time (from the first PC starting to the
last one done; enrolment and the report are given apart), the ingest rate
(records stored over that wall time), and, once, the report's six numbers as
the server's national summary gives them against the programme's targets.
Set ``MONTH_END_VILLAGES`` (and ``MONTH_END_DISTRICTS``, ``MONTH_END_PROVINCES``)
to run a smaller programme with the targets scaled down.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tests.benchmarks import figure

if TYPE_CHECKING:
    from tests.programme import Generated, Programme, RunResult, Targets

PG_BIN = Path("/usr/lib/postgresql/15/bin")
CONCURRENCY = 16
CUT_RATE = 0.2


def _targets() -> Targets:
    from tests.programme import REPORT

    villages = int(os.environ.get("MONTH_END_VILLAGES", REPORT.villages))
    if villages == REPORT.villages:
        return REPORT
    share = villages / REPORT.villages
    return replace(
        REPORT,
        villages=villages,
        districts=int(os.environ.get("MONTH_END_DISTRICTS", max(1, round(60 * share)))),
        provinces=int(os.environ.get("MONTH_END_PROVINCES", max(1, round(21 * share)))),
        activities=round(REPORT.activities * share),
        people=round(REPORT.people * share),
        province_meetings=round(REPORT.province_meetings * share),
        district_representatives=round(REPORT.district_representatives * share),
        facilitators=round(REPORT.facilitators * share),
        managers=round(REPORT.managers * share),
    )


def _copies(generated: list[Generated], folder: Path) -> list[Generated]:
    found = []
    for gen in generated:
        target = folder / gen.spec.key
        shutil.copytree(gen.folder, target)
        found.append(replace(gen, folder=target))
    return found


def _run_on(
    name: str, database_url: str, folder: Path, programme: Programme, generated: list[Generated]
) -> RunResult:
    from tests.programme import sync_programme
    from tests.sync.conftest import SyncServer

    server = SyncServer(database_url, folder)
    server.start()
    try:
        return sync_programme(
            server,
            programme,
            _copies(generated, folder / "pcs"),
            backend=name,
            concurrency=CONCURRENCY,
            cut_rate=CUT_RATE,
            seed=1,
        )
    finally:
        server.close()


def run() -> list[dict[str, object]]:
    from tests.programme import generate, make_programme, target_totals

    targets = _targets()
    programme = make_programme(targets)
    lines: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="month-end-") as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        generated = generate(programme, root / "generated")
        generation_s = time.perf_counter() - started
        records = sum(g.records for g in generated)
        data = (
            f"{len(generated)} libraries ({targets.villages} village, "
            f"{targets.districts} district, {targets.provinces} provincial), "
            f"{records:,} records, months {programme.months[0]}..{programme.months[-1]}"
        )
        lines.append(
            figure(
                "month_end",
                "generation_s",
                generation_s,
                "s",
                None,
                data=f"{data}; demo generator + each PC's monthly reports, 2 processes",
            )
        )
        backends = ["sqlite"] + (["postgresql"] if (PG_BIN / "initdb").exists() else [])
        results = []
        for name in backends:
            folder = root / name
            folder.mkdir()
            if name == "sqlite":
                result = _run_on(
                    name, f"sqlite:///{folder / 'server.sqlite3'}", folder, programme, generated
                )
            else:
                from tests.sync.conftest import PgCluster

                cluster = PgCluster()
                cluster.start()
                try:
                    result = _run_on(name, cluster.new_database(), folder, programme, generated)
                finally:
                    cluster.stop()
            results.append(result)
            setting = (
                f"{data}; one uvicorn process, {CONCURRENCY} PCs at a time through a cutting "
                f"proxy (cut rate {CUT_RATE} per connection)"
            )
            lines.append(
                figure(
                    "month_end",
                    f"{name}_wall_s",
                    result.sync_s,
                    "s",
                    None,
                    exact=result.exact,
                    mismatches=result.mismatches[:10],
                    records=result.records,
                    libraries=result.libraries,
                    cuts=result.cuts,
                    failed_syncs=result.failed_syncs,
                    enrol_s=round(result.enrol_s, 2),
                    report_s=round(result.report_s, 2),
                    data=setting,
                )
            )
            lines.append(
                figure(
                    "month_end",
                    f"{name}_records_per_s",
                    result.rate,
                    "records/s",
                    None,
                    higher_is_better=True,
                    exact=result.exact,
                    data=setting,
                )
            )
        wanted = target_totals(targets)
        first = results[0]
        for key, target in wanted.items():
            lines.append(
                figure(
                    "month_end",
                    f"report_{key}",
                    first.totals[key],
                    "count",
                    target,
                    higher_is_better=True,
                    by_backend={r.backend: r.totals[key] for r in results},
                    data="the server's national summary (and per library type) vs the programme",
                )
            )
    return lines
