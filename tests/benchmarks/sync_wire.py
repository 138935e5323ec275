"""A typical month on the wire: round trips, bytes and time of one sync over a weak link.

Data: a 1-year demo library (``app.core.demo.generate_demo``, seed 1) enrolled
on a real server process (``perpusdesa-server serve`` on SQLite, 127.0.0.1) and
synced in full. Then one month is recorded through the unit of work (so with
its outbox rows, as the desk's services write them): 3,000 visits (copies of
the demo's own visits: members, guests and school groups in the demo's mix),
400 loans of items not on loan (300 of them returned within the month, a
second outbox row each) and 30 activities (copies of the demo's), dated in
December 2026: 3,430 records. (The desk would also change each lent item's
status; those item records are not part of this count.) That month is synced
by the real client (``sync.client.SyncClient.sync``, the server's limits from
``/info``) through ``tests.netproxy.CutProxy`` throttled to 64 kbit/s each way
with 300 ms latency per burst, cutting nothing.

The proxy's link is shared by the client's connections (the client keeps two
batches in flight, each on its own connection, and asks for ``/reference`` on a
third): 64 kbit/s in each direction for all of them together.

Figures:
- ``round_trips``: how many times the sync waited a round trip for the server
  from its first batch on (target 3; ``/info`` and ``/sync/state`` go before and
  are counted apart in ``waits_before_batches``): read at the proxy, a wait is a
  pause of the upload direction longer than the latency between one chunk and
  the next, plus the wait for the last answer. ``batch_requests``: the batch
  PUTs (at most 500 records each, the issue's limit); ``requests`` every
  request, counted by the client's transport hook.
- ``bytes_ratio``: every byte through the proxy, both ways (headers, receipts,
  the info/state/reference answers), divided by the baseline: the same records
  as one plain JSON object per request (``sync.protocol.plain_json_size``) plus,
  per record, the HTTP header bytes one of our requests and its answer carried
  in this run (the proxy's bytes less the bodies, per request: headers counted
  on both sides); target 0.15. ``body_ratio``: the compressed request bodies
  alone over the plain JSON alone.
- ``wall_s``: the sync's time through the throttled proxy (target 20 s);
  ``link_floor_s`` what the link alone needs for those bytes and waits (the
  uploaded bytes at 64 kbit/s, the answers coming down at the same time, plus
  300 ms each way per wait, before the batches too). No target.
- ``batches_at_byte_limit``: how many batches this month would take if only
  the 256 KB byte limit applied (no record limit), packed greedily: what a
  higher record limit in ``/info`` would give. No target.
"""

from __future__ import annotations

import gzip
import itertools
import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.benchmarks import figure

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

DEMO_TODAY = date(2026, 11, 20)
MONTH = (2026, 12)
VISITS = 3000
LOANS = 400
RETURNED = 300
ACTIVITIES = 30
RATE_BPS = 64_000
LATENCY_S = 0.3
TARGET_ROUND_TRIPS = 3
TARGET_BYTES_RATIO = 0.15
TARGET_WALL_S = 20.0
_SKIP = frozenset({"id", "version", "created_at", "updated_at", "deleted_at", "library_id"})


def _clone(record: Any, **changes: Any) -> Any:
    """A new record of the same model with the same values (a new id and bookkeeping)."""
    table = type(record).__table__
    values = {c.key: getattr(record, c.key) for c in table.columns if c.key not in _SKIP}
    values.update(changes)
    return type(record)(**values)


def _moment(rng: random.Random, day: int) -> datetime:
    """A time during opening hours (08:00-16:00 WIB) on a day of the month, in UTC."""
    year, month = MONTH
    local = datetime(year, month, day, 8, tzinfo=UTC) + timedelta(seconds=rng.randint(0, 8 * 3600))
    return local - timedelta(hours=7)


def record_month(db: Any, seed: int = 7) -> dict[str, int]:
    """Record the month (visits, loans with returns, activities) through the unit of work."""
    from sqlalchemy import select

    from app.db.models import Activity, Item, Loan, Member, Visit
    from app.db.uow import SYSTEM, UnitOfWork

    rng = random.Random(seed)
    with db.session() as session:
        visits = list(session.scalars(select(Visit).order_by(Visit.id)))
        activities = list(session.scalars(select(Activity).order_by(Activity.id)))
        members = list(session.scalars(select(Member.id).order_by(Member.id)))
        on_loan = set(session.scalars(select(Loan.item_id).where(Loan.returned_at.is_(None))))
        items = [
            item_id
            for item_id in session.scalars(
                select(Item.id).where(Item.deleted_at.is_(None)).order_by(Item.id)
            )
            if item_id not in on_loan
        ]
        session.expunge_all()
    lent = rng.sample(items, LOANS)
    days = 30
    loan_ids: list[tuple[str, datetime]] = []
    for day in range(1, days + 1):
        with UnitOfWork(db, SYSTEM) as uow:
            for _ in range(VISITS // days):
                uow.add(_clone(rng.choice(visits), visited_at=_moment(rng, day)))
            for item_id in lent[(day - 1) * LOANS // days : day * LOANS // days]:
                at = _moment(rng, day)
                loan = uow.add(
                    Loan(
                        item_id=item_id,
                        member_id=rng.choice(members),
                        loaned_at=at,
                        due_on=at.date() + timedelta(days=7),
                        returned_at=None,
                        renewals=0,
                        fine=0,
                    )
                )
                uow.flush()
                loan_ids.append((loan.id, at))
            if day <= ACTIVITIES:  # one a day
                starts = _moment(rng, day)
                uow.add(
                    _clone(
                        rng.choice(activities),
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=2),
                        status="terlaksana",
                    )
                )
    with UnitOfWork(db, SYSTEM) as uow:
        for loan_id, at in rng.sample(loan_ids, RETURNED):
            returned = uow.get(Loan, loan_id)
            assert returned is not None
            returned.returned_at = at + timedelta(days=rng.randint(1, 7))
    return {"visit": VISITS, "loan": LOANS, "activity": ACTIVITIES}


def link_waits(slots: list[tuple[float, float]], latency: float) -> list[float]:
    """When the upload stood idle waiting for an answer: each pause longer than the latency
    between the link's chunks (start, end), and the end of the last chunk (its answer)."""
    ordered = sorted(slots)
    waits = [end for (_, end), (start, _) in itertools.pairwise(ordered) if start - end > latency]
    return [*waits, ordered[-1][1]] if ordered else waits


def batches_at_byte_limit(records: list[Any], max_bytes: int) -> int:
    """Batches needed for ``records`` with only a byte limit, packed greedily."""
    from sync.protocol import Batch, encode_batch

    def size(chunk: list[Any]) -> int:
        batch = Batch.model_construct(
            batch_id="0" * 36,
            device_id="0" * 36,
            library_id="0" * 36,
            db_epoch="0" * 36,
            seq_from=1,
            seq_to=len(chunk),
            sent_at=datetime.now(UTC),
            records=chunk,
            envelope="perpusdesa-sync",
            protocol_version=1,
            schema_version=1,
        )
        return len(encode_batch(batch))

    count, start = 0, 0
    while start < len(records):
        low, high = 1, len(records) - start
        while low < high:  # the largest n with size(records[start:start+n]) <= max_bytes
            middle = (low + high + 1) // 2
            if size(records[start : start + middle]) <= max_bytes:
                low = middle
            else:
                high = middle - 1
        start += low
        count += 1
    return count


def run() -> list[dict[str, object]]:
    from app.core.demo import generate_demo
    from app.core.tasks import Progress
    from app.db.database import Database
    from sync.client import SyncClient
    from sync.protocol import MAX_BATCH_BYTES, Batch, plain_json_size
    from tests.netproxy import CutProxy
    from tests.sync.conftest import SyncServer

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "server").mkdir()
        server = SyncServer(f"sqlite:///{root / 'server' / 'server.sqlite3'}", root / "server")
        server.start()
        try:
            db = Database(root / "library")
            generate_demo(db, years=1, seed=1, today=DEMO_TODAY)
            client = SyncClient(db, tries=3, backoff=0.5)
            library = server.add_library()
            client.enroll(server.url, server.issue_code(library))
            client.sync()
            record_month(db)
            conn = db.connect()
            try:
                rows = conn.execute(
                    "SELECT count(*) FROM outbox WHERE state = 'pending'"
                ).fetchone()[0]
                # The client talks to the server through the throttled proxy from now on.
                proxy = CutProxy(server.port, rate_bps=RATE_BPS, latency=LATENCY_S)
                conn.execute("UPDATE sync_state SET server_url = ?", (proxy.url,))
                conn.commit()
            finally:
                conn.close()
            calls: list[tuple[str, str, bytes]] = []
            first_put: list[float] = []

            def hook(method: str, url: str, headers: object, body: bytes) -> None:
                calls.append((method, url, body))
                if method == "PUT" and not first_put:
                    first_put.append(time.monotonic())

            client = SyncClient(db, tries=3, backoff=0.5, hook=hook)
            with proxy:
                started = time.perf_counter()
                result = client.sync(Progress())
                wall = time.perf_counter() - started
                wire = proxy.bytes["request"] + proxy.bytes["response"]
                uploaded = proxy.bytes["request"]
            db.dispose()
        finally:
            server.close()

    waits = link_waits(proxy.slots["request"], LATENCY_S)
    batch_waits = sum(1 for at in waits if at >= first_put[0])
    puts = [body for method, _, body in calls if method == "PUT"]
    sent = [Batch.model_validate_json(gzip.decompress(body)) for body in puts]
    records = [record for batch in sent for record in batch.records]
    distinct = {(r.kind, r.id) for r in records}
    kinds: dict[str, int] = {}
    for kind, _ in distinct:
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds == {"visit": VISITS, "loan": LOANS, "activity": ACTIVITIES}, kinds
    assert (result.sent, result.refused) == (len(distinct), 0), result
    plain = plain_json_size(records)
    headers = (wire - result.bytes_sent - result.bytes_received) / result.requests
    baseline = plain + len(records) * headers
    at_limit = batches_at_byte_limit(records, MAX_BATCH_BYTES)
    data = (
        f"a month after a 1-year demo library: {VISITS:,} visits, {LOANS:,} loans"
        f" ({RETURNED} returned in the month), {ACTIVITIES} activities = {len(distinct):,}"
        f" records, {rows:,} outbox rows, recorded through the unit of work; real client and"
        f" server (SQLite) on 127.0.0.1 through a proxy at {RATE_BPS // 1000} kbit/s each way,"
        f" {int(LATENCY_S * 1000)} ms latency"
    )
    return [
        figure(
            "sync_wire",
            "round_trips",
            batch_waits,
            "waits",
            TARGET_ROUND_TRIPS,
            waits_before_batches=len(waits) - batch_waits,
            data=data,
        ),
        figure(
            "sync_wire",
            "batch_requests",
            len(puts),
            "requests",
            None,
            requests=result.requests,
            other_requests=sorted(
                {url.rsplit("/api/v1", 1)[-1].split("?")[0] for m, url, _ in calls if m != "PUT"}
            ),
            records_per_batch=[len(batch.records) for batch in sent],
            data=data,
        ),
        figure(
            "sync_wire",
            "bytes_ratio",
            wire / baseline,
            "ratio",
            TARGET_BYTES_RATIO,
            wire_bytes=wire,
            baseline=round(baseline),
            baseline_plain_json=plain,
            header_bytes_per_request=round(headers, 1),
            data=data,
        ),
        figure(
            "sync_wire",
            "body_ratio",
            result.bytes_sent / plain,
            "ratio",
            None,
            bytes_sent=result.bytes_sent,
            baseline=plain,
            data=data,
        ),
        figure("sync_wire", "wall_s", wall, "s", TARGET_WALL_S, data=data),
        figure(
            "sync_wire",
            "link_floor_s",
            uploaded * 8 / RATE_BPS + len(waits) * 2 * LATENCY_S,
            "s",
            None,
            data=f"{data}; the uploaded bytes at the link's rate plus the latency each way per wait",
        ),
        figure(
            "sync_wire",
            "batches_at_byte_limit",
            at_limit,
            "batches",
            None,
            max_batch_bytes=MAX_BATCH_BYTES,
            gzip_bytes_per_record=round(result.bytes_sent / len(records), 1),
            data=data,
        ),
    ]
