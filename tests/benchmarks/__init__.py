"""Benchmarks: scripts that print figures as JSON lines, not timed tests.

Run ``python -m tests.benchmarks NAME...`` (no name: all). Each module defines
``run() -> list[dict]``; each dict is one line: benchmark, figure, value, unit,
target, met, and for ratios the baseline measured in the same run, plus a
``data`` field saying on what data it was measured.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

NAMES = (
    "startup",
    "visit_save",
    "member_search",
    "catalog_search",
    "marc_import",
    "circulation",
    "report_figures",
    "report_pdf",
    "beranda",
    "crash",
    "sync_ingest",
    "sync_wire",
    "national",
    "month_end",
)


def figure(
    benchmark: str,
    name: str,
    value: float,
    unit: str,
    target: float | None,
    *,
    higher_is_better: bool = False,
    **extra: object,
) -> dict[str, object]:
    met = None
    if target is not None:
        met = value >= target if higher_is_better else value <= target
    return {
        "benchmark": benchmark,
        "figure": name,
        "value": round(value, 3),
        "unit": unit,
        "target": target,
        "met": met,
        **extra,
    }


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
