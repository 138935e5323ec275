"""One lend or one return at the desk: ``CirculationService.lend`` / ``return_item``, median and p95.

Data: a 5-year demo library (``app.core.demo.generate_demo``); its counts of
members, titles, items and loans are given in the ``data`` field. 250 pairs
are timed: an eligible member (active, not expired, below the smallest limit)
borrows an available item, then the item comes back; each call is its own
transaction through the unit of work (audit and outbox included), with the
program's durability (WAL, ``synchronous=FULL``). 20 pairs warm up first.
"""

from __future__ import annotations

import math
import os
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from tests.benchmarks import figure, median

YEARS = 5
PAIRS = 250
WARM_UP = 20
TARGET_P95_MS = 10.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def run() -> list[dict[str, object]]:
    from app.core.auth import UserService
    from app.core.circulation import CirculationService
    from app.core.demo import generate_demo
    from app.db.database import Database

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "library")
        summary = generate_demo(db, years=YEARS, seed=1)
        conn = db.connect()
        admin = next(u for u in UserService(conn).list_users() if u.username == "admin")
        today = date.today().isoformat()
        members = [
            row[0]
            for row in conn.execute(
                "SELECT member_no FROM member m WHERE active = 1 AND erased_at IS NULL"
                " AND deleted_at IS NULL AND (expires_on IS NULL OR expires_on >= ?)"
                " AND (SELECT count(*) FROM loan l WHERE l.member_id = m.id"
                " AND l.returned_at IS NULL) = 0",
                (today,),
            )
        ]
        barcodes = [
            row[0]
            for row in conn.execute(
                "SELECT barcode FROM item i WHERE status = 'tersedia' AND deleted_at IS NULL"
                " AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id"
                " AND l.returned_at IS NULL)"
            )
        ]
        loans = int(conn.execute("SELECT count(*) FROM loan").fetchone()[0])
        conn.close()
        count = PAIRS + WARM_UP
        pairs = list(zip(rng.sample(members, count), rng.sample(barcodes, count), strict=True))
        service = CirculationService(db, admin)
        lends: list[float] = []
        returns: list[float] = []
        load_before = os.getloadavg()[0]
        for i, (member_no, barcode) in enumerate(pairs):
            started = time.perf_counter()
            service.lend(member_no, barcode)
            lent = time.perf_counter()
            service.return_item(barcode)
            back = time.perf_counter()
            if i >= WARM_UP:
                lends.append((lent - started) * 1000)
                returns.append((back - lent) * 1000)
        load_after = os.getloadavg()[0]
        service.close()
        db.dispose()
    every = lends + returns
    data = (
        f"demo library, {YEARS} years: {summary.members:,} members, {summary.titles:,} titles,"
        f" {summary.items:,} items, {loans:,} loans; {PAIRS} lends + {PAIRS} returns"
    )
    return [
        figure("circulation", "median_ms", median(every), "ms", None, data=data),
        figure(
            "circulation",
            "p95_ms",
            _p95(every),
            "ms",
            TARGET_P95_MS,
            data=data,
            load_average=[round(load_before, 2), round(load_after, 2)],
        ),
        figure(
            "circulation",
            "lend_p95_ms",
            _p95(lends),
            "ms",
            None,
            median_ms=round(median(lends), 3),
            data=data,
        ),
        figure(
            "circulation",
            "return_p95_ms",
            _p95(returns),
            "ms",
            None,
            median_ms=round(median(returns), 3),
            data=data,
        ),
    ]
