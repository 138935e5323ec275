"""Member search as you type: median and p95 per keystroke at 100,000 members.

Data: a library in Desa Kalisari (Kecamatan Cilongok, Banyumas) with 100,000
members registered over five years, with names from the demo word lists
(classic and modern Javanese names, a prefix or second name), villages of the
kecamatan, phone numbers for three in four and a guardian for every child.
They are written the real way: :meth:`MemberService.register_many` (checks,
numbers, consent) in batches of 5,000, each one unit of work with its audit
entries, outbox rows and the FTS index kept by the triggers. The build time is
reported as its own figure.

Then realistic prefixes are typed keystroke by keystroke ("s", "si", "sit",
"siti", ...; member numbers "2", "20", ... "2026-00"; phones "0", "08", ...
"0812"; village names; two words) and each keystroke's search is timed as the
page runs it: ``MemberService.search`` on a light connection, rows turned into
``SearchHit``. One untimed warm-up pass, then ``ROUNDS`` timed passes.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.benchmarks import figure, median

MEMBERS = 100_000
BATCH = 5_000
ROUNDS = 5
TARGET_P95_MS = 20.0
VILLAGE = "33.02.17.2014"  # Kalisari, Cilongok, Banyumas
NOW = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)  # 10:00 WIB
YEARS = 5

WORDS = ("siti", "budi", "rizky", "wahyu", "putri", "santoso", "nur", "dewi")
TYPED = (
    *WORDS,
    "2026-0012",
    "2023-01",
    "0812",
    "0857",
    "kalisari",
    "pageraji",
    "siti wahyu",
    "budi santoso",
    "rafi 08",
)


def keystrokes(text: str) -> list[str]:
    """What the search box holds after each key: 's', 'si', 'sit', 'siti'."""
    return [text[:n] for n in range(1, len(text) + 1) if text[:n].strip()]


def _people(rng: random.Random, villages: list[tuple[str, float]], today: date) -> list:
    from app.core.members import MemberInput
    from app.paths import resources_dir

    folder = resources_dir() / "demo"
    names = json.loads((folder / "names.json").read_text("utf-8"))
    places = json.loads((folder / "places.json").read_text("utf-8"))
    prefixes = places["phone_prefixes"]
    codes, weights = zip(*villages, strict=True)
    start = today - timedelta(days=365 * YEARS)
    registered_days = sorted(
        start + timedelta(days=rng.randrange((today - start).days + 1)) for _ in range(MEMBERS)
    )

    def name(gender: str, modern: bool) -> str:
        key = "male" if gender == "L" else "female"
        given = rng.choice(names[f"{key}_modern" if modern else f"{key}_classic"])
        parts = [given]
        if rng.random() < 0.25:
            parts.insert(0, rng.choice(names[f"{key}_prefix"]))
        if rng.random() < 0.8:
            parts.append(rng.choice(names[f"{key}_second"]))
        return " ".join(dict.fromkeys(parts))

    rows = []
    for registered in registered_days:
        gender = "P" if rng.random() < 0.55 else "L"
        age = int(rng.triangular(5, 75, 22))
        birth = registered.replace(year=registered.year - age, day=1) - timedelta(
            days=rng.randrange(360)
        )
        minor = age < 19
        phone = None
        if rng.random() < 0.75:
            phone = f"0{rng.choice(prefixes)}" + "".join(
                str(rng.randrange(10)) for _ in range(rng.choice((7, 8, 8, 9)))
            )
        rows.append(
            MemberInput(
                name=name(gender, birth.year >= 1985),
                gender=gender,
                birth_date=birth,
                address=f"Grumbul {rng.choice(places['own_dusun'])}",
                rt=str(rng.randint(1, 8)),
                rw=str(rng.randint(1, 6)),
                village_code=rng.choices(codes, weights)[0],
                phone=phone,
                member_type="anak" if age < 13 else "pelajar" if age < 22 else "umum",
                registered_on=registered,
                consent_given=True,
                guardian_name=name(rng.choice("LP"), False) if minor else None,
                guardian_consent=minor,
            )
        )
    return rows


def build(data_dir: Path) -> tuple[float, int, int]:
    """The library and its members; (seconds, members, members with a phone)."""
    from app.core.library import LibraryProfile, list_regions
    from app.core.members import MemberService
    from app.core.setup import FirstRun, run_first_run
    from app.db.database import Database

    db = Database(data_dir)
    profile = LibraryProfile(
        name="Perpustakaan Desa Kalisari",
        library_type="desa",
        region_code=VILLAGE,
        address="Balai Desa Kalisari",
        head_name="Sri Wahyuni",
        village_head_name="Sutarno",
    )
    _, admin = run_first_run(
        db, FirstRun(profile, "id", "admin", "Sri Wahyuni", "perpusdesa", "perpusdesa")
    )
    kecamatan = VILLAGE.rsplit(".", 1)[0]
    villages = [(r.code, 8.0 if r.code == VILLAGE else 1.0) for r in list_regions(kecamatan)]
    rows = _people(random.Random(1), villages, NOW.date())
    service = MemberService(db, admin, lambda: NOW)
    started = time.perf_counter()
    for first in range(0, len(rows), BATCH):
        service.register_many(rows[first : first + BATCH])
    seconds = time.perf_counter() - started
    service.close()
    db.dispose()
    return seconds, len(rows), sum(1 for row in rows if row.phone)


def run() -> list[dict[str, object]]:
    from app.core.auth import UserService
    from app.core.members import MemberService
    from app.db.database import Database

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "library"
        build_s, members, with_phone = build(data_dir)
        db = Database(data_dir)
        conn = db.connect()
        admin = UserService(conn).list_users()[0]
        service = MemberService(db, admin, lambda: NOW, conn=conn)
        queries = [typed for text in TYPED for typed in keystrokes(text)]
        for query in queries:  # warm-up: the file in the page cache, statements prepared
            service.search(query)
        times: list[float] = []
        worst: dict[str, float] = {}
        hits_seen = 0
        for _ in range(ROUNDS):
            for query in queries:
                started = time.perf_counter()
                hits = service.search(query)
                elapsed = (time.perf_counter() - started) * 1000
                times.append(elapsed)
                worst[query] = max(worst.get(query, 0.0), elapsed)
                hits_seen += len(hits)
        conn.close()
        db.dispose()
    p95 = statistics.quantiles(times, n=20)[-1]
    slowest = sorted(worst.items(), key=lambda item: -item[1])[:3]
    data = (
        f"{members:,} members ({with_phone:,} with a phone), {YEARS} registration years,"
        f" {len(queries)} keystrokes x {ROUNDS} rounds"
    )
    return [
        figure("member_search", "median_ms", median(times), "ms", None, data=data),
        figure(
            "member_search",
            "p95_ms",
            p95,
            "ms",
            TARGET_P95_MS,
            data=data,
            slowest={query: round(ms, 2) for query, ms in slowest},
            hits_per_query=round(hits_seen / len(times), 1),
        ),
        figure(
            "member_search",
            "build_s",
            build_s,
            "s",
            None,
            data=f"{members:,} members through MemberService.register_many, {BATCH:,} per transaction",
            members_per_s=round(members / build_s),
        ),
    ]
