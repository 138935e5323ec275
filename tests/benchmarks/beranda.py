"""The home page (Beranda) refresh: ``app.core.home.home_figures``, median and p95.

Data: a 5-year demo library (``app.core.demo.generate_demo``, seed 1); its
counts are given in the ``data`` field. One refresh is what the page's
background task does after a recorded visit or loan: open a light connection
of its thread, read every figure of the page (today, this month against last
month, the last 30 days, the sync status, the library's counts), close it.
5 refreshes warm up, then 100 are timed (``median_ms``, the target, and
``p95_ms``). ``figures_median_ms`` leaves out opening the connection. The part
left for the GUI thread, putting the figures on the page
(``BerandaPage.show_figures``, offscreen), is timed too (``gui_update_median_ms``):
that is all a refresh costs the librarian's typing.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks import figure, median

YEARS = 5
RUNS = 100
WARM_UP = 5
TARGET_MEDIAN_MS = 30.0


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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.core.auth import UserService
    from app.core.demo import generate_demo
    from app.core.home import home_figures
    from app.core.library import read_profile
    from app.db.database import Database
    from app.ui.context import AppContext
    from app.ui.pages.beranda import BerandaPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "library")
        summary = generate_demo(db, years=YEARS, seed=1)
        conn = db.connect()
        profile = read_profile(conn)
        assert profile is not None
        zone = profile.time_zone
        loans = int(conn.execute("SELECT count(*) FROM loan").fetchone()[0])

        def refresh() -> object:
            own = db.connect()
            try:
                return home_figures(own, zone)
            finally:
                own.close()

        _timed(refresh, WARM_UP)
        load_before = os.getloadavg()[0]
        times = _timed(refresh, RUNS)
        load_after = os.getloadavg()[0]
        figures_only = _timed(lambda: home_figures(conn, zone), RUNS)
        shown = home_figures(conn, zone)

        admin = next(u for u in UserService(conn).list_users() if u.username == "admin")
        page = BerandaPage(AppContext(db, conn, admin, profile))
        page.timer.stop()  # no background read: only the GUI part is timed here
        page.resize(1100, 720)
        gui = _timed(lambda: page.show_figures(shown), RUNS)
        page.deleteLater()
        app.processEvents()
        conn.close()
        db.dispose()
    data = (
        f"demo library, {YEARS} years: {summary.members:,} members, {summary.titles:,} titles,"
        f" {summary.items:,} items, {summary.visits:,} visits, {loans:,} loans,"
        f" {summary.activities:,} activities; {shown.pending_sync:,} changes waiting in the outbox"
    )
    return [
        figure(
            "beranda",
            "median_ms",
            median(times),
            "ms",
            TARGET_MEDIAN_MS,
            data=data,
            runs=RUNS,
            min_ms=round(min(times), 3),
            load_average=[round(load_before, 2), round(load_after, 2)],
        ),
        figure("beranda", "p95_ms", _p95(times), "ms", None, data=data, runs=RUNS),
        figure(
            "beranda", "figures_median_ms", median(figures_only), "ms", None, data=data, runs=RUNS
        ),
        figure("beranda", "gui_update_median_ms", median(gui), "ms", None, data=data, runs=RUNS),
    ]
