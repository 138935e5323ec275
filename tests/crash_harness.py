"""Kill the program mid-write, again and again, and check what survived.

:func:`set_up_library` makes a library once (first run, members, items);
:func:`kill_once` starts :mod:`tests.crash_child` on it, lets it write for a
random while and kills it with SIGKILL; :func:`check` then opens the survivor
and checks it: ``PRAGMA integrity_check`` is ok, ``PRAGMA foreign_key_check``
is empty, every write the child reported as committed is there with at least
the reported version, and the outbox agrees with the records (each row names a
record that exists at that version or later, and each record's newest outbox
row carries exactly its version). :func:`run` repeats this on the same
database, each child continuing where the killed one stopped.

The random delay is the attack, not a timing assertion: nothing here asserts
how fast anything is.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from app.db.tables import SYNCED_TABLES

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 30
ITEMS = 40
READY_TIMEOUT = 60.0  # seconds for a child to start and write; only a hung child hits it
MAX_WRITES = 12  # a kill waits for up to this many reported writes...
JITTER = 0.03  # ...then up to this many seconds more
START_WINDOW = 1.5  # seconds from the start in which an early kill falls
KINDS = {"visit": "visit", "loan": "loan", "activity": "activity"}


@dataclass
class Report:
    """What the kills found, added up over a run."""

    kills: int = 0
    confirmed: int = 0  # writes the children reported as committed
    early_kills: int = 0  # killed before the child said it was ready
    failures: list[str] = field(default_factory=list)


def set_up_library(data_dir: Path) -> None:
    """A library after the first run, with members and items to lend (real code paths)."""
    from app.core.setup import run_first_run
    from app.db.database import Database
    from app.db.models import Item, Member, Title
    from app.db.uow import Actor, UnitOfWork
    from tests.conftest import valid_first_run

    db = Database(data_dir)
    try:
        _profile, admin = run_first_run(db, valid_first_run())
        with UnitOfWork(db, Actor(admin.id, admin.username)) as uow:
            for n in range(MEMBERS):
                uow.add(
                    Member(
                        member_no=f"2026-{n:04d}",
                        name=f"Anggota {n}",
                        gender="LP"[n % 2],
                        birth_date=date(1990, 1, 1),
                        member_type="umum",
                        registered_on=date(2026, 1, 1),
                        expires_on=None,
                        consent_at=datetime(2026, 1, 1, tzinfo=UTC),
                        consent_by=admin.id,
                        active=True,
                    )
                )
            title = uow.add(
                Title(title="Laskar Pelangi", authors="Andrea Hirata", material_type="buku")
            )
            uow.flush()
            for n in range(ITEMS):
                uow.add(
                    Item(title_id=title.id, barcode=f"B{n:04d}", source="hibah", status="tersedia")
                )
    finally:
        db.dispose()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    return env


def kill_once(
    data_dir: Path, seed: int, rng: random.Random
) -> tuple[list[tuple[str, str, int]], bool]:
    """Run one child and SIGKILL it at a random moment; the writes it reported, and
    whether it had said it was ready.

    One kill in eight falls anywhere from the start (start-up included). The
    others wait for a random number of reported writes (0 to ``MAX_WRITES``),
    then a random fraction of ``JITTER`` seconds, a few writes' time, so that
    they land anywhere inside a transaction, and the mix of writes does not
    depend on how busy the machine is.
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", str(data_dir), str(seed)],
        cwd=ROOT,
        env=_child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    lines: list[bytes] = []
    ready = threading.Event()
    reached = threading.Event()
    from_start = rng.random() < 0.125
    target = rng.randint(0, MAX_WRITES)

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if line == b"ready\n":
                ready.set()
            if ready.is_set() and len(lines) > target:  # "ready" and target writes
                reached.set()
        reached.set()  # the child is gone: nothing to wait for

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if from_start:
            time.sleep(rng.uniform(0.0, START_WINDOW))
        else:
            reached.wait(READY_TIMEOUT)
            time.sleep(rng.uniform(0.0, JITTER))
        was_ready = ready.is_set()
        died_early = child.poll()
        if died_early is None:
            child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:  # interrupted: never leave a writer behind
            child.kill()
            child.wait()
        reader.join()
        assert child.stderr is not None
        errors = child.stderr.read().decode(errors="replace")
        child.stderr.close()
        assert child.stdout is not None
        child.stdout.close()
    if died_early is not None:
        raise RuntimeError(f"the crash child ended by itself ({died_early}):\n{errors}")
    writes = []
    for line in lines:
        if not line.endswith(b"\n") or line == b"ready\n":
            continue  # a line cut by the kill was never a complete report
        record_id, kind, version = line.decode().split()
        writes.append((record_id, kind, int(version)))
    return writes, was_ready


def check(db_path: Path, writes: list[tuple[str, str, int]]) -> list[str]:
    """What is wrong with the database after a kill (empty: nothing)."""
    problems: list[str] = []
    conn = sqlite3.connect(db_path)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"foreign_key_check: {foreign[:5]}")
        for record_id, kind, version in writes:
            row = conn.execute(
                f"SELECT version FROM {KINDS[kind]} WHERE id = ?", (record_id,)
            ).fetchone()
            if row is None:
                problems.append(f"reported {kind} {record_id} v{version} is missing")
            elif row[0] < version:
                problems.append(f"reported {kind} {record_id} v{version} is at v{row[0]}")
        newest: dict[tuple[str, str], int] = {}
        for table, record_id, version in conn.execute(
            "SELECT table_name, record_id, version FROM outbox ORDER BY seq"
        ):
            if table not in SYNCED_TABLES:
                problems.append(f"outbox row names a table that does not sync: {table}")
                continue
            row = conn.execute(f"SELECT version FROM {table} WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                problems.append(f"outbox names {table} {record_id} v{version}, which is missing")
            elif row[0] < version:
                problems.append(f"outbox names {table} {record_id} v{version}, record at v{row[0]}")
            key = (table, record_id)
            if version <= newest.get(key, 0):
                problems.append(f"outbox versions of {table} {record_id} not rising at v{version}")
            newest[key] = max(version, newest.get(key, 0))
        for table in sorted(SYNCED_TABLES):
            for record_id, version in conn.execute(f"SELECT id, version FROM {table}"):
                if newest.get((table, record_id)) != version:
                    problems.append(
                        f"{table} {record_id} is at v{version}, its newest outbox row"
                        f" at v{newest.get((table, record_id))}"
                    )
    finally:
        conn.close()
    return problems


def run(
    data_dir: Path,
    kills: int,
    seed: int,
    *,
    progress: Callable[[int, Report], None] | None = None,
) -> Report:
    """Set up a library in ``data_dir`` and kill a writing child ``kills`` times on it."""
    from app.db.database import DB_FILENAME

    set_up_library(data_dir)
    db_path = data_dir / DB_FILENAME
    rng = random.Random(seed)
    report = Report()
    for n in range(kills):
        writes, was_ready = kill_once(data_dir, seed * 100_000 + n, rng)
        report.kills += 1
        report.confirmed += len(writes)
        report.early_kills += not was_ready
        report.failures.extend(f"kill {n + 1}: {problem}" for problem in check(db_path, writes))
        if progress is not None:
            progress(n + 1, report)
    return report
