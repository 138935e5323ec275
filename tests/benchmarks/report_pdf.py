"""One month's report as a PDF: ``compute_report`` then ``render_pdf``, median and max.

Data: a 5-year demo library (``app.core.demo.generate_demo``, seed 1); its
counts are given in the ``data`` field. The month is the last full month
before today. Each run computes the figures on a light connection and writes
the A4 PDF (300 dpi, vector chart) to a temp file, as the Laporan page's
background task and ``perpusdesa report --pdf`` do; one run warms up (it loads
the region list and the fonts), then 10 are timed. The PDF's page count is
reported.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.benchmarks import figure, median

YEARS = 5
RUNS = 10
TARGET_MEDIAN_S = 1.0


def run() -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from app.core.demo import generate_demo
    from app.db.database import Database
    from app.reports.figures import compute_report
    from app.reports.model import Period
    from app.ui.report_print import render_pdf

    app = QCoreApplication.instance() or QGuiApplication([])
    today = date.today()
    month = Period.of_month(today.year, today.month).previous()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "library")
        summary = generate_demo(db, years=YEARS, seed=1)
        conn = db.connect()
        target = Path(tmp) / "laporan.pdf"

        figures_times: list[float] = []

        def once() -> float:
            started = time.perf_counter()
            report = compute_report(conn, month)
            figures_times.append(time.perf_counter() - started)
            render_pdf(target, report)
            return time.perf_counter() - started

        first = once()
        figures_times.clear()
        times = [once() for _ in range(RUNS)]
        info = subprocess.run(
            ["pdfinfo", str(target)], capture_output=True, text=True, check=False
        ).stdout
        pages = next(
            (int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), None
        )
        conn.close()
        db.dispose()
    del app
    data = (
        f"demo library, {YEARS} years: {summary.members:,} members, {summary.titles:,} titles,"
        f" {summary.visits:,} visits, {summary.loans:,} loans, {summary.activities:,} activities;"
        f" month {month.key}, A4, {RUNS} runs"
    )
    return [
        figure(
            "report_pdf",
            "median_s",
            median(times),
            "s",
            TARGET_MEDIAN_S,
            data=data,
            first_s=round(first, 3),
            max_s=round(max(times), 3),
            figures_median_s=round(median(figures_times), 3),
            pages=pages,
        )
    ]
