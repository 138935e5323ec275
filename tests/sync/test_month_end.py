"""The month-end test, CI-sized: a small programme synced through cuts must add up exactly.

Two provinces, three districts, eight village libraries and their district and
provincial libraries (13 PCs), three months of data each made by the program's
own demo generator (:mod:`tests.programme`), are synced to one real server
process, sixteen at a time, through a proxy that cuts connections at random
bytes. Then the server's national summary must equal the totals of the PCs'
own monthly reports, every library's summary must equal its own monthly
report month by month, and the generated totals must be what the plan asked
for: once on SQLite, once on PostgreSQL. tests/benchmarks/month_end.py runs
the full programme (381 libraries).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.programme import (
    Generated,
    Programme,
    Targets,
    add,
    generate,
    make_programme,
    programme_totals,
    sync_programme,
    target_totals,
)
from tests.sync.conftest import SyncServer

NOW = datetime(2026, 1, 1, 5, tzinfo=UTC)  # noon of the day after the programme (WIB)
SMALL = Targets(
    provinces=2,
    districts=3,
    villages=8,
    activities=90,
    people=2_700,
    province_meetings=12,
    district_representatives=40,
    facilitators=6,
    managers=24,
)


@pytest.fixture(scope="module")
def programme() -> Programme:
    return make_programme(SMALL, seed=3, start=date(2025, 10, 1), today=date(2026, 1, 1))


@pytest.fixture(scope="module")
def generated_once(
    programme: Programme, tmp_path_factory: pytest.TempPathFactory
) -> list[Generated]:
    """The PCs, made once (two processes); each test syncs fresh copies of them."""
    return generate(programme, tmp_path_factory.mktemp("programme"))


@pytest.fixture
def generated(generated_once: list[Generated], tmp_path: Path) -> list[Generated]:
    import shutil
    from dataclasses import replace

    copies = []
    for gen in generated_once:
        folder = tmp_path / "pcs" / gen.spec.key
        shutil.copytree(gen.folder, folder)
        copies.append(replace(gen, folder=folder))
    return copies


def test_the_plan_is_what_the_pcs_report(
    programme: Programme, generated_once: list[Generated]
) -> None:
    """The generated PCs' own reports add up to the targets the plan was asked for."""
    national: dict[str, object] = {}
    by_library = []
    for gen in generated_once:
        total: dict[str, object] = {}
        for figures in gen.months.values():
            add(total, figures)
        add(national, total)
        by_library.append((gen.spec.library_type, total))
    assert programme_totals(national, by_library) == target_totals(SMALL)
    kinds = [g.spec.library_type for g in generated_once]
    assert (kinds.count("provinsi"), kinds.count("kabupaten_kota"), kinds.count("desa")) == (
        2,
        3,
        8,
    )
    assert len({g.spec.region_code[:2] for g in generated_once}) == 2
    # small village libraries: hundreds of records each, not the demo's ten thousand
    villages = [g.records for g in generated_once if g.spec.library_type == "desa"]
    assert all(100 <= n <= 1_500 for n in villages), villages
    # cancelled activities were made, and count nowhere
    assert sum(
        int(g.months[m]["activities"]["cancelled"]) for g in generated_once for m in g.months
    )


def test_the_same_seed_makes_the_same_programme(programme: Programme) -> None:
    again = make_programme(SMALL, seed=3, start=date(2025, 10, 1), today=date(2026, 1, 1))
    assert again == programme
    other = make_programme(SMALL, seed=4, start=date(2025, 10, 1), today=date(2026, 1, 1))
    assert other.libraries != programme.libraries


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_month_end_adds_up(
    backend: str,
    request: pytest.FixtureRequest,
    programme: Programme,
    generated: list[Generated],
) -> None:
    server: SyncServer = request.getfixturevalue(
        "server_sqlite" if backend == "sqlite" else "server_pg"
    )
    result = sync_programme(
        server, programme, generated, backend=backend, concurrency=16, cut_rate=0.3, seed=5
    )
    print(
        f"{backend}: {result.libraries} libraries, {result.records} records in "
        f"{result.sync_s:.1f} s ({result.rate:.0f} records/s), {result.cuts} cuts, "
        f"{result.failed_syncs} failed syncs, report {result.report_s:.2f} s"
    )
    assert result.cuts > 0, "the proxy cut nothing: the test proves less than it says"
    assert result.mismatches == []
    assert result.totals == target_totals(SMALL)
    assert result.national["figures"]["activities"]["total"] == SMALL.activities


def test_the_programmes_activities_save_again_unchanged(
    generated_once: list[Generated], tmp_path: Path
) -> None:
    """The meetings and the trainings of facilitators and managers are ones the PC accepts."""
    import shutil

    from app.core.activities import ActivityService
    from app.core.auth import UserService
    from app.core.demo import DEMO_PASSWORD
    from app.db.database import Database

    seen: set[tuple[str, str | None]] = set()
    for gen in generated_once:
        if gen.spec.library_type == "desa" and ("desa", None) in seen:
            continue
        folder = tmp_path / gen.spec.key
        shutil.copytree(gen.folder, folder)
        db = Database(folder)
        conn = db.connect()
        try:
            admin = UserService(conn).login("admin", DEMO_PASSWORD)
            ids = [r[0] for r in conn.execute("SELECT id FROM activity ORDER BY id")]
            before = dict(conn.execute("SELECT id, version FROM activity").fetchall())
            with ActivityService(db, admin, now=lambda: NOW) as service:
                for activity_id in ids:
                    view = service.get(activity_id)
                    assert view is not None
                    service.update(activity_id, view.as_input())  # a refusal fails the test
                    seen.add((gen.spec.library_type, view.target_group))
            assert dict(conn.execute("SELECT id, version FROM activity").fetchall()) == before
        finally:
            conn.close()
            db.dispose()
        seen.add((gen.spec.library_type, None))
    assert {("provinsi", "fasilitator"), ("kabupaten_kota", "pengelola_perpustakaan")} <= seen
