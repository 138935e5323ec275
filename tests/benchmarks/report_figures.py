"""All figures of one month's report: ``app.reports.figures.compute_report``, median and p95.

Data: a 5-year demo library (``app.core.demo.generate_demo``, seed 1); its
counts are given in the ``data`` field. The month is the last full month
before today, compared (as every report is) with the month before and the same
month last year. Each run reads on one light connection, as the page and the
command line do. The first run is reported on its own as ``first_ms`` (here the
official region list for the letterhead is already loaded by the demo
generator; in a fresh program its first load adds about half a second, once);
3 more warm up, then 50 are timed; the fastest run is given too (``min_ms``:
the cost without other programs taking the CPU). A year's report is timed too
(10 runs), without a target.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.benchmarks import figure, median

YEARS = 5
RUNS = 50
WARM_UP = 3
YEAR_RUNS = 10
TARGET_MEDIAN_MS = 50.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def _timed(call: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def run() -> list[dict[str, object]]:
    from app.core.demo import generate_demo
    from app.db.database import Database
    from app.reports.figures import compute_report
    from app.reports.model import Period

    today = date.today()
    month = Period.of_month(today.year, today.month).previous()
    year = Period.of_year(today.year - 1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "library")
        summary = generate_demo(db, years=YEARS, seed=1)
        conn = db.connect()
        loans = int(conn.execute("SELECT count(*) FROM loan").fetchone()[0])
        started = time.perf_counter()
        report = compute_report(conn, month)
        first = (time.perf_counter() - started) * 1000
        _timed(lambda: compute_report(conn, month), WARM_UP)
        load_before = os.getloadavg()[0]
        times = _timed(lambda: compute_report(conn, month), RUNS)
        load_after = os.getloadavg()[0]
        year_times = _timed(lambda: compute_report(conn, year), YEAR_RUNS)
        conn.close()
        db.dispose()
    data = (
        f"demo library, {YEARS} years: {summary.members:,} members, {summary.titles:,} titles,"
        f" {summary.items:,} items, {summary.visits:,} visits, {loans:,} loans,"
        f" {summary.activities:,} activities; month {month.key}"
        f" ({report.visits.people.current:,} visitors, {report.circulation.loans.current:,} loans)"
    )
    load = [round(load_before, 2), round(load_after, 2)]
    return [
        figure(
            "report_figures",
            "month_median_ms",
            median(times),
            "ms",
            TARGET_MEDIAN_MS,
            data=data,
            runs=RUNS,
            min_ms=round(min(times), 3),
            load_average=load,
        ),
        figure("report_figures", "month_p95_ms", _p95(times), "ms", None, data=data, runs=RUNS),
        figure("report_figures", "month_first_ms", first, "ms", None, data=data),
        figure(
            "report_figures",
            "year_median_ms",
            median(year_times),
            "ms",
            None,
            data=f"{data}; year {year.key}",
            runs=YEAR_RUNS,
        ),
    ]
