"""Proofs that a sync survives cuts: of the line, of the client, of the server.

Whatever is cut (a request or an answer at a random byte, through
:class:`tests.netproxy.CutProxy`; the client process by SIGKILL; the server by
a restart), a later clean sync ends with every record of the PC on the server
exactly once at the PC's version, and every outbox row ``synced``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.ids import uuid7
from app.core.tasks import Progress
from app.db.database import Database
from sync.client import SyncStep
from sync.transport import SyncError
from tests.netproxy import CutProxy
from tests.sync.conftest import SyncServer
from tests.sync.test_client_server import (
    enrolled,
    outbox_states,
    pc_records,
    server_records,
)
from tests.sync_child import demo_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(data_dir: Path) -> Iterator[Database]:
    db = demo_copy(data_dir)
    yield db
    db.dispose()


def assert_complete(server: SyncServer, library: str, db: Database) -> None:
    assert server_records(server, library) == pc_records(db)
    states = outbox_states(db)
    assert states == {"synced": sum(states.values())}


def point_at(db: Database, url: str) -> None:
    conn = db.connect()
    conn.execute("UPDATE sync_state SET server_url = ?", (url,))
    conn.close()


def test_thirty_cuts_then_a_clean_sync(server_sqlite: SyncServer, demo: Database) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    client.batch_records = 150
    client.tries = 3
    client.backoff = 0.05
    client.read_timeout = 5.0
    with CutProxy(
        int(server.url.rsplit(":", 1)[1]),
        seed=7,
        cut_rate=0.9,  # per connection; a kept-alive connection carries many requests
        max_request_offset=40_000,
        max_response_offset=3_000,
        max_cuts=30,
    ) as proxy:
        point_at(demo, proxy.url)
        failures = 0
        for _ in range(60):
            try:
                client.sync()
            except SyncError as exc:
                assert exc.code in ("no_internet", "timeout")
                failures += 1
                continue
            if proxy.cuts >= 30:
                break
            # Everything went through before thirty cuts: send it all again, in a new epoch.
            conn = demo.connect()
            conn.execute("UPDATE outbox SET state = 'pending'")
            conn.execute("UPDATE sync_state SET db_epoch = ?, last_acked_seq = 0", (uuid7(),))
            conn.close()
        # At least thirty: connections planned at once near the end may each be cut.
        assert proxy.cuts >= 30
        print(f"cuts {proxy.cuts}, failed syncs {failures}, connections {proxy.connections}")
    point_at(demo, server.url)
    client.sync()
    assert_complete(server, library, demo)
    # A dropped connection is an everyday event: no traceback in the server's log.
    assert "Traceback" not in server.log.read_text(errors="replace")


def test_a_client_killed_mid_sync_finishes_on_restart(
    server_sqlite: SyncServer, demo: Database, data_dir: Path
) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    demo.dispose()
    rng = random.Random(3)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kills = 0
    for _ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.sync_child", str(data_dir), "100"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        target = rng.randint(1, 8)
        lines = []
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("batch") and int(line.split()[1]) >= target:
                # Somewhere inside the next batch: before, during or after its request.
                time.sleep(rng.uniform(0, 0.3))
                break
            if line.startswith("done"):
                break
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        kills += child.returncode == -signal.SIGKILL
    assert kills >= 2
    assert outbox_states(demo).get("pending", 0) > 0  # the kills left work to do
    client.sync()
    assert_complete(server, library, demo)


def test_a_server_restart_mid_sync(server_sqlite: SyncServer, demo: Database) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    client.batch_records = 200
    client.tries = 8
    client.backoff = 0.5
    restarted = threading.Event()

    def on_step(step: SyncStep) -> None:
        if step.phase == "sending" and step.batches_done == 5 and not restarted.is_set():
            restarted.set()
            threading.Thread(target=restart, daemon=True).start()

    def restart() -> None:
        server.kill()  # at once, as a power cut would
        time.sleep(0.5)
        server.start()

    result = client.sync(Progress(), on_step)
    assert restarted.is_set()
    assert result.sent == len(pc_records(demo))
    assert_complete(server, library, demo)


def test_cancel_stops_within_a_second_and_the_next_sync_completes(
    server_sqlite: SyncServer, demo: Database
) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    client.batch_records = 300
    progress = Progress()
    cancelled_at: list[float] = []

    def on_step(step: SyncStep) -> None:
        if step.batches_done == 3 and not cancelled_at:
            cancelled_at.append(time.monotonic())
            progress.cancel()

    from app.core.tasks import Cancelled

    with pytest.raises(Cancelled):
        client.sync(progress, on_step)
    assert time.monotonic() - cancelled_at[0] < 1.0
    assert outbox_states(demo).get("pending", 0) > 0
    client.sync()
    assert_complete(server, library, demo)


def test_a_slow_link_still_syncs(server_sqlite: SyncServer, demo: Database) -> None:
    """64 kbit/s with 300 ms latency: slow, but nothing times out or is lost."""
    from app.db.models import Visit
    from app.db.uow import SYSTEM, UnitOfWork

    server = server_sqlite
    client, library = enrolled(server, demo)
    client.sync()  # the library as it was, on a good line
    conn = demo.connect()
    ids = [row[0] for row in conn.execute("SELECT id FROM visit ORDER BY id LIMIT 300")]
    conn.close()
    with UnitOfWork(demo, SYSTEM) as uow:  # 300 visits corrected since: over the slow link
        for visit_id in ids:
            visit = uow.get(Visit, visit_id)
            assert visit is not None
            visit.notes = "diperbaiki"
    expected = pc_records(demo)
    with CutProxy(int(server.url.rsplit(":", 1)[1]), rate_bps=64_000, latency=0.3) as proxy:
        point_at(demo, proxy.url)
        result = client.sync()
    assert result.sent == len(ids) and result.batches >= 1
    assert server_records(server, library) == expected
    assert outbox_states(demo) == {"synced": sum(outbox_states(demo).values())}
    assert proxy.bytes["request"] >= result.bytes_sent
