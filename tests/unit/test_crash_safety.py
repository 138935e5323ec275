"""Crash safety: the program killed (SIGKILL) mid-write loses nothing it said it saved.

A child process runs the real visit, circulation and activity services in a
loop on one library and is killed at random moments, twelve times per CI run,
each child continuing on the survivor of the last (``python -m tests.benchmarks
crash`` does 200). After every kill the database passes ``integrity_check``
and ``foreign_key_check``, every visit, loan and activity the child reported as
committed is there at its version, and the outbox agrees with the records, so
sync would neither lose nor invent a change. The checker itself is shown to
catch a lost write and an outbox out of step.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from app.db.database import DB_FILENAME
from tests import crash_harness

KILLS = 12


@pytest.mark.slow
def test_killed_twelve_times_nothing_reported_is_lost(tmp_path: Path) -> None:
    report = crash_harness.run(tmp_path / "library", KILLS, seed=20261126)

    assert report.failures == []
    assert report.kills == KILLS
    # The kills fell while the child was writing, not only before it started.
    assert report.confirmed >= KILLS
    conn = sqlite3.connect(tmp_path / "library" / DB_FILENAME)
    try:
        kinds = {row[0] for row in conn.execute("SELECT DISTINCT table_name FROM outbox")}
    finally:
        conn.close()
    assert {"visit", "loan", "item", "activity"} <= kinds


def _sample(tmp_path: Path) -> tuple[Path, list[tuple[str, str, int]]]:
    data_dir = tmp_path / "library"
    crash_harness.set_up_library(data_dir)
    writes, _ready = crash_harness.kill_once(data_dir, 7, random.Random(7))
    return data_dir / DB_FILENAME, writes


def test_the_checker_catches_a_lost_write_and_a_stale_outbox(tmp_path: Path) -> None:
    db_path, writes = _sample(tmp_path)
    assert crash_harness.check(db_path, writes) == []

    lost = crash_harness.check(
        db_path, [*writes, ("01ffffff-0000-7000-8000-000000000000", "visit", 1)]
    )
    assert lost == ["reported visit 01ffffff-0000-7000-8000-000000000000 v1 is missing"]
    conn = sqlite3.connect(db_path)
    try:
        member_id = conn.execute("SELECT id FROM member LIMIT 1").fetchone()[0]
        with conn:  # behind the unit of work's back: a change with no outbox row
            conn.execute("UPDATE member SET version = version + 1 WHERE id = ?", (member_id,))
    finally:
        conn.close()
    stale = crash_harness.check(db_path, writes)
    assert stale == [f"member {member_id} is at v2, its newest outbox row at v1"]
