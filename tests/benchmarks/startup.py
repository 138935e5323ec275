"""Start-up: process start to the main window shown, logged in and idle.

Measured against a bare PySide6 ``QMainWindow`` started and closed the same
way, in the same run, alternating the two so that a busy machine hurts both
alike. The program logs in through its real login path (scrypt included) with
the ``PERPUSDESA_AUTOLOGIN`` hook and quits as soon as its event loop is idle
(``PERPUSDESA_QUIT_WHEN_IDLE``). A second figure times the start to the login
screen (no hook), which is what a librarian waits for before typing.
Data: a 5-year demo library.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import figure, median

RUNS = 9
YEARS = 5

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def run() -> list[dict[str, object]]:
    from app.core.demo import generate_demo
    from app.db.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "library"
        summary = generate_demo(Database(data_dir), years=YEARS, seed=1)
        bare = Path(tmp) / "bare_window.py"
        bare.write_text(BARE)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PERPUSDESA_AUTOLOGIN": "admin:perpusdesa",
            "PERPUSDESA_QUIT_WHEN_IDLE": "1",
            "XDG_CACHE_HOME": str(Path(tmp) / "cache"),
        }
        login_env = {k: v for k, v in env.items() if k != "PERPUSDESA_AUTOLOGIN"}
        program = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
        baseline = [sys.executable, str(bare)]
        # One warm-up each: translations compiled, files in the page cache.
        _time(program, env)
        _time(baseline, env)
        ours, theirs, login_screen = [], [], []
        for _ in range(RUNS):
            ours.append(_time(program, env))
            theirs.append(_time(baseline, env))
            login_screen.append(_time(program, login_env))
    ours_ms, bare_ms, login_ms = median(ours), median(theirs), median(login_screen)
    data = f"demo library, {YEARS} years: {summary.members} members, {summary.visits} visits"
    return [
        figure("startup", "median_ms", ours_ms, "ms", None, data=data, runs=RUNS),
        figure(
            "startup",
            "ratio_to_bare_window",
            ours_ms / bare_ms,
            "ratio",
            1.5,
            baseline=round(bare_ms, 1),
            data=data,
            runs=RUNS,
        ),
        # What a librarian waits for before typing: the login screen, shown and idle.
        figure(
            "startup",
            "login_screen_ratio_to_bare_window",
            login_ms / bare_ms,
            "ratio",
            None,
            baseline=round(bare_ms, 1),
            value_ms=round(login_ms, 1),
            data=data,
            runs=RUNS,
        ),
    ]
