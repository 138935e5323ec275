"""Crash safety at full count: 200 SIGKILLs of a writing child, and what survived.

Data: a library set up by the first run with 30 members and 40 items, in a
temporary folder. ``tests.crash_child`` records guest visits, lends and
returns items and records and changes activities through the real services
(WAL, ``synchronous=FULL``, one unit of work per call) and is killed at a
random moment, 200 times, each child continuing on the survivor of the last
(:mod:`tests.crash_harness`). After each kill: ``integrity_check`` ok, no
foreign key broken, every write the child reported as committed present at its
version, and the outbox in step with the records. Figures: the kills, the
writes confirmed before them, the failures found (the target is 0) and the
wall time. The failures themselves, if any, go to stderr.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import figure

KILLS = 200
SEED = 9


def run() -> list[dict[str, object]]:
    from tests import crash_harness

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        report = crash_harness.run(Path(tmp) / "library", KILLS, SEED)
    seconds = time.perf_counter() - started
    for failure in report.failures:
        print(failure, file=sys.stderr)
    data = (
        f"first-run library, {crash_harness.MEMBERS} members, {crash_harness.ITEMS} items;"
        f" visits, loans and activities written by a child killed {report.kills} times"
        f" ({report.early_kills} during start-up)"
    )
    return [
        figure(
            "crash",
            "failures",
            len(report.failures),
            "count",
            0,
            kills=report.kills,
            writes_confirmed=report.confirmed,
            time_s=round(seconds, 1),
            data=data,
        ),
        figure("crash", "kills", report.kills, "count", KILLS, higher_is_better=True, data=data),
        figure("crash", "writes_confirmed", report.confirmed, "count", None, data=data),
        figure("crash", "time_s", seconds, "s", None, data=data),
    ]
