"""Saving one visit at the desk: ``VisitService.record``, median and p95.

Data: a 5-year demo library (``app.core.demo.generate_demo``) topped up with
members to 100,000 in all, each written through the unit of work (audit,
outbox and search index included) in transactions of 10,000; the time that
building takes is reported as a figure of its own. Then 500 visits are saved
one by one, as the desk saves them, in a realistic mix: members by number
(two in five, each a different member, so the repeat check runs and finds
nothing), guests with an origin village (two in five) and school groups (one
in five). Durability as in the program: WAL, ``synchronous=FULL``, every visit
its own transaction.
"""

from __future__ import annotations

import math
import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.benchmarks import figure, median

YEARS = 5
MEMBERS = 100_000
CHUNK = 10_000
SAVES = 500
WARM_UP = 20
TARGET_P95_MS = 5.0


def _add_members(db: object, actor: object, count: int, villages: list[str], seed: int) -> None:
    from app.db.database import Database
    from app.db.models import Member
    from app.db.uow import Actor, UnitOfWork

    assert isinstance(db, Database) and isinstance(actor, Actor)
    rng = random.Random(seed)
    first = ("Budi", "Siti", "Agus", "Dewi", "Joko", "Sri", "Rina", "Eko", "Wati", "Andi")
    last = ("Santoso", "Lestari", "Wijaya", "Rahayu", "Saputra", "Handayani", "Nugroho")
    today = date.today()
    done = 0
    while done < count:
        with UnitOfWork(db, actor) as uow:
            for n in range(done, min(done + CHUNK, count)):
                gender = "P" if rng.random() < 0.55 else "L"
                age = rng.randint(5, 75)
                registered = today - timedelta(days=rng.randint(0, 5 * 365))
                uow.add(
                    Member(
                        member_no=f"B{n:06d}",
                        name=f"{rng.choice(first)} {rng.choice(last)}",
                        gender=gender,
                        birth_date=today - timedelta(days=age * 365 + rng.randint(0, 364)),
                        address="Grumbul Kalisari",
                        village_code=rng.choice(villages),
                        phone=f"08{rng.randint(10**9, 10**10 - 1)}",
                        member_type="anak" if age < 13 else "umum",
                        registered_on=registered,
                        consent_at=datetime.now(UTC),
                        consent_by=actor.user_id or "",
                        guardian_name="Orang Tua" if age < 18 else None,
                        guardian_consent_at=datetime.now(UTC) if age < 18 else None,
                        active=True,
                    )
                )
        done = min(done + CHUNK, count)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def run() -> list[dict[str, object]]:
    from app.core.auth import UserService
    from app.core.demo import generate_demo
    from app.core.library import list_regions
    from app.core.visits import VisitInput, VisitService
    from app.db.database import Database
    from app.db.uow import Actor

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "library")
        started = time.perf_counter()
        summary = generate_demo(db, years=YEARS, seed=1)
        demo_s = time.perf_counter() - started
        conn = db.connect()
        admin = next(u for u in UserService(conn).list_users() if u.username == "admin")
        region = conn.execute("SELECT region_code FROM library").fetchone()[0]
        villages = [r.code for r in list_regions(region.rsplit(".", 1)[0])]
        started = time.perf_counter()
        _add_members(db, Actor(admin.id, admin.username), MEMBERS - summary.members, villages, 2)
        members_s = time.perf_counter() - started
        members = int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
        visits = int(conn.execute("SELECT count(*) FROM visit").fetchone()[0])
        numbers = [
            row[0]
            for row in conn.execute(
                "SELECT member_no FROM member WHERE active = 1 AND deleted_at IS NULL"
                " AND (expires_on IS NULL OR expires_on >= date('now'))"
            )
        ]
        conn.close()
        chosen = iter(rng.sample(numbers, SAVES + WARM_UP))

        def visit(i: int) -> VisitInput:
            kind = i % 5
            if kind in (0, 2):
                return VisitInput(
                    kind="member",
                    member_no=next(chosen),
                    purposes=rng.choice((("membaca",), ("membaca", "pinjam"), ("internet",))),
                )
            if kind in (1, 3):
                return VisitInput(
                    kind="guest",
                    guest_name=rng.choice(("Budi", "Siti", None)),
                    gender=rng.choice("LP"),
                    age_band=rng.choice(("anak", "remaja", "dewasa", "lansia")),
                    occupation=rng.choice(("petani", "pelajar", None)),
                    origin_village_code=rng.choice(villages),
                    purposes=("membaca", "informasi"),
                )
            pupils = rng.randint(15, 30)
            return VisitInput(
                kind="group",
                group_name="SD Negeri 1 Kalisari",
                group_leader="Bu Guru",
                count_male=pupils // 2,
                count_female=pupils - pupils // 2 + 2,
                age_counts={"anak": pupils, "dewasa": 2},
                purposes=("membaca", "belajar"),
            )

        service = VisitService(db, admin)
        for i in range(WARM_UP):
            service.record(visit(i))
        timings: dict[str, list[float]] = {"member": [], "guest": [], "group": []}
        load_before = os.getloadavg()[0]
        for i in range(SAVES):
            data = visit(i)
            started = time.perf_counter()
            service.record(data)
            timings[data.kind].append((time.perf_counter() - started) * 1000)
        load_after = os.getloadavg()[0]
        service.close()
        db.dispose()
    every = [t for values in timings.values() for t in values]
    data = (
        f"demo library, {YEARS} years, topped up to {members:,} members;"
        f" {visits:,} visits before the run; {SAVES} saves"
        " (2/5 members by number, 2/5 guests, 1/5 groups)"
    )
    rows = [
        figure("visit_save", "median_ms", median(every), "ms", None, data=data),
        figure(
            "visit_save",
            "p95_ms",
            _p95(every),
            "ms",
            TARGET_P95_MS,
            data=data,
            # Other work on this 2-core machine shows in the tail: the load says how much.
            load_average=[round(load_before, 2), round(load_after, 2)],
        ),
    ]
    for kind, values in timings.items():
        rows.append(
            figure(
                "visit_save",
                f"{kind}_p95_ms",
                _p95(values),
                "ms",
                None,
                median_ms=round(median(values), 3),
                saves=len(values),
                data=data,
            )
        )
    rows.append(
        figure(
            "visit_save",
            "build_s",
            demo_s + members_s,
            "s",
            None,
            demo_s=round(demo_s, 1),
            members_s=round(members_s, 1),
            members_added=members - summary.members,
            data=data,
        )
    )
    return rows
