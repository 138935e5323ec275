"""The sync client's logic against a small stand-in server (no national server needed).

The stand-in (``http.server`` on 127.0.0.1, in a thread) speaks the wire of
``sync.protocol`` just enough: limits, the high-water mark as the contiguous
prefix of received ranges, stored receipts for replays, and switches for the
awkward cases (413 above a record count, an answer lost after the batch was
applied, a rejected record, another library id at enrolment, batches held until
others arrive). The real server is exercised by ``test_client_server.py``.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.core.tasks import Cancelled, Progress
from app.db.database import Database
from app.db.tables import SYNCED_TABLES
from sync import outbox
from sync.client import SyncClient, SyncStep
from sync.protocol import (
    Batch,
    Counts,
    EnrollResponse,
    Info,
    Receipt,
    RecordResult,
    Reference,
    SyncState,
    decode_batch,
)
from sync.server.ingest import merge_ranges
from sync.transport import SyncError
from tests.sync_child import demo_copy, personal_values


class Stand:
    """What the stand-in server holds and how it misbehaves."""

    def __init__(self) -> None:
        self.library_id: str | None = None  # None: take the PC's at enrolment
        self.max_records = 500
        self.refuse_above: int | None = None  # 413 for batches with more records
        self.lose_answers = 0  # apply, then close the connection without answering
        self.fail_once: set[int] = set()  # seq_from of batches answered 503 once, not applied
        # seq_from of batches applied and answered only once ``answer_late`` is set (or
        # after 10 s): the client has given up on them by then.
        self.slow_once: set[int] = set()
        self.answer_late = threading.Event()
        # /sync/state gives the ranges that arrived (an older server does not; the tests
        # that mark rows synced by hand, without sending them, play one).
        self.report_ranges = False
        self.reject: set[str] = set()  # record ids to reject as invalid_record
        self.server_time = datetime.now(UTC)
        self.reference_version = 1
        self.records: dict[tuple[str, str], int] = {}
        self.ranges: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.receipts: dict[str, Receipt] = {}
        self.batches: list[Batch] = []
        self.lock = threading.Lock()
        # Batches held before they are applied until this many are in flight at once
        # (or 10 s pass): proof that the client does not wait for one receipt to send on.
        self.hold_until = 1
        self.in_flight = 0
        self.most_in_flight = 0
        self.arrived = threading.Condition()
        self.reverse_held = False  # the held batches apply last one first
        self.held: set[int] = set()

    def high_water(self, device: str, epoch: str) -> int:
        mark = 0
        for start, end in sorted(self.ranges.get((device, epoch), [])):
            if start > mark + 1:
                break
            mark = max(mark, end)
        return mark

    def apply(self, batch: Batch) -> Receipt:
        counts = {"inserted": 0, "updated": 0, "unchanged": 0, "stale": 0, "rejected": 0}
        results = []
        for record in batch.records:
            key = (record.kind, record.id)
            if record.id in self.reject:
                counts["rejected"] += 1
                results.append(
                    RecordResult(
                        kind=record.kind,
                        id=record.id,
                        status="rejected",
                        code="invalid_record",
                        message="bad",
                    )
                )
                continue
            had = self.records.get(key)
            if had is None:
                counts["inserted"] += 1
            elif record.version > had:
                counts["updated"] += 1
            elif record.version == had:
                counts["unchanged"] += 1
            else:
                counts["stale"] += 1
                continue
            self.records[key] = record.version
        self.ranges.setdefault((batch.device_id, batch.db_epoch), []).append(
            (batch.seq_from, batch.seq_to)
        )
        self.batches.append(batch)
        receipt = Receipt(
            batch_id=batch.batch_id,
            device_id=batch.device_id,
            db_epoch=batch.db_epoch,
            seq_from=batch.seq_from,
            seq_to=batch.seq_to,
            received_at=datetime.now(UTC),
            counts=Counts(**counts),
            results=results,
            high_water=self.high_water(batch.device_id, batch.db_epoch),
        )
        self.receipts[batch.batch_id] = receipt
        return receipt


def _handler(stand: Stand) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: Any) -> None:
            pass

        def answer(self, status: int, payload: Any) -> None:
            body = (
                payload.model_dump_json().encode()
                if hasattr(payload, "model_dump_json")
                else (json.dumps(payload).encode())
            )
            self.send_response(status)
            kind = "application/json" if status < 400 else "application/problem+json"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/api/v1/info":
                self.answer(
                    200,
                    Info(
                        server="stand-in",
                        protocol_versions=[1],
                        schema_versions=[1],
                        server_time=stand.server_time,
                        max_batch_records=stand.max_records,
                        max_batch_bytes=256 * 1024,
                        max_bundle_bytes=64 * 1024 * 1024,
                    ),
                )
            elif url.path == "/api/v1/sync/state":
                epoch = parse_qs(url.query)["db_epoch"][0]
                device = self.headers["Authorization"].removeprefix("Bearer tok-")
                self.answer(
                    200,
                    SyncState(
                        device_id=device,
                        library_id=stand.library_id or device,
                        db_epoch=epoch,
                        high_water=stand.high_water(device, epoch),
                        server_time=datetime.now(UTC),
                        received=merge_ranges(stand.ranges.get((device, epoch), []))
                        if stand.report_ranges
                        else None,
                    ),
                )
            elif url.path == "/api/v1/reference":
                self.answer(
                    200,
                    Reference(
                        version=stand.reference_version,
                        activity_categories=[],
                        strategies=[],
                        purposes=[],
                        age_bands=[],
                    ),
                )
            elif url.path.startswith("/api/v1/batches/") and (
                known := stand.receipts.get(url.path.rsplit("/", 1)[1])
            ):
                self.answer(200, known)
            else:
                self.answer(404, {"envelope": "perpusdesa-sync", "code": "not_found"})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if stand.library_id is None:
                stand.library_id = body["library_id"]
            self.answer(
                200,
                EnrollResponse(
                    device_id=body["device_id"],
                    library_id=stand.library_id,
                    token=f"tok-{body['device_id']}",
                    server_time=datetime.now(UTC),
                ),
            )

        def do_PUT(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            batch = decode_batch(raw)
            with stand.arrived:
                stand.in_flight += 1
                stand.most_in_flight = max(stand.most_in_flight, stand.in_flight)
                stand.arrived.notify_all()
                held = stand.hold_until > 1
                if held and stand.reverse_held:
                    stand.held.add(batch.seq_from)
                stand.arrived.wait_for(lambda: stand.in_flight >= stand.hold_until, timeout=10)
                stand.hold_until = 1  # the first group only
                stand.arrived.wait_for(
                    lambda: batch.seq_from not in stand.held or batch.seq_from == max(stand.held),
                    timeout=10,
                )
            try:
                self.put(batch)
            finally:
                with stand.arrived:
                    stand.in_flight -= 1
                    stand.held.discard(batch.seq_from)
                    stand.arrived.notify_all()

        def put(self, batch: Batch) -> None:
            with stand.lock:
                if batch.batch_id in stand.receipts:
                    self.answer(200, stand.receipts[batch.batch_id])
                    return
                if batch.seq_from in stand.fail_once:
                    stand.fail_once.discard(batch.seq_from)
                    self.answer(503, {"envelope": "perpusdesa-sync", "code": "server_error"})
                    return
                if stand.refuse_above is not None and len(batch.records) > stand.refuse_above:
                    self.answer(413, {"envelope": "perpusdesa-sync", "code": "too_large"})
                    return
                receipt = stand.apply(batch)
                if stand.lose_answers > 0:
                    stand.lose_answers -= 1
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                slow = batch.seq_from in stand.slow_once
                stand.slow_once.discard(batch.seq_from)
            if slow:
                stand.answer_late.wait(timeout=10)
                self.close_connection = True
                with contextlib.suppress(OSError):  # the client hung up meanwhile
                    self.answer(200, receipt)
                return
            self.answer(200, receipt)

    return Handler


@pytest.fixture
def stand() -> Iterator[tuple[Stand, str]]:
    state = Stand()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _client(db: Database) -> SyncClient:
    return SyncClient(db, tries=3, backoff=0.01, read_timeout=5)


def _states(db: Database) -> dict[str, int]:
    conn = db.connect()
    try:
        return dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    finally:
        conn.close()


def _records_on_pc(db: Database) -> dict[tuple[str, str], int]:
    conn = db.connect()
    try:
        return {
            (table, row[0]): row[1]
            for table in SYNCED_TABLES
            for row in conn.execute(f"SELECT id, version FROM {table}")
        }
    finally:
        conn.close()


@pytest.fixture
def demo(data_dir: Path) -> Iterator[Database]:
    db = demo_copy(data_dir)
    yield db
    db.dispose()


def test_sync_sends_every_record_once_at_its_latest_version(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    state, url = stand
    state.max_records = 400
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    seen: list[int] = []
    result = client.sync(Progress(lambda done, total, text: seen.append(done)))
    assert state.records == _records_on_pc(demo)
    assert result.sent == len(state.records) and result.refused == 0
    assert all(len(batch.records) <= 400 for batch in state.batches)
    # Ranges contiguous from 1, and the server's mark at the PC's last change.
    ranges = sorted((b.seq_from, b.seq_to) for b in state.batches)
    assert ranges[0][0] == 1 and all(a[1] + 1 == b[0] for a, b in itertools.pairwise(ranges))
    assert _states(demo) == {"synced": ranges[-1][1]}
    assert seen[-1] == len(state.records)
    status = client.state()
    assert status.enrolled and status.pending == 0 and status.last_sync_at is not None
    assert status.reference_version == 1
    # A second sync sends nothing new.
    again = client.sync()
    assert again.batches == 0 and again.sent == 0


def test_lost_answers_are_replayed_under_the_same_batch_id(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    state, url = stand
    state.lose_answers = 2
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    assert state.records == _records_on_pc(demo)
    assert result.requests > result.batches + 3  # the two replays
    assert len({b.batch_id for b in state.batches}) == len(state.batches)  # applied once each


@pytest.mark.parametrize("lost_answers", [1, 3])
def test_batches_whose_answers_were_lost_go_again_under_their_ids(
    demo: Database, stand: tuple[Stand, str], lost_answers: int
) -> None:
    """Three batches in flight; the first answers are lost and there is no second try:
    like a kill. The next sync replays those batches under their own ids."""
    state, url = stand
    state.max_records = 300
    state.lose_answers = lost_answers
    state.hold_until = 3
    client = SyncClient(demo, tries=1, backoff=0.01)
    client.enroll(url, "ABCD-EFGH-JK")
    with pytest.raises(SyncError) as failed:
        client.sync()
    assert failed.value.code == "no_internet"
    assert client.state().sending > 0
    lost = {b.batch_id for b in state.batches[:lost_answers]}
    _client(demo).sync()
    ids = [b.batch_id for b in state.batches]
    assert all(ids.count(batch_id) == 1 for batch_id in lost)  # replayed, not applied again
    assert state.records == _records_on_pc(demo)
    assert _states(demo).keys() == {"synced"}


@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_a_record_changed_while_its_batch_had_no_answer_arrives_changed(
    demo: Database, stand: tuple[Stand, str], change: str
) -> None:
    """The server applied the batch but its answer was lost; the title is then edited (or
    deleted). The replay reads the title as it is now, but the server answers with the
    first sending's receipt: the change must still go, in a later batch."""
    from app.db.models import Title
    from app.db.uow import SYSTEM, UnitOfWork

    state, url = stand
    state.lose_answers = 1
    client = SyncClient(demo, tries=1, backoff=0.01, window=1, batch_records=50)
    client.enroll(url, "ABCD-EFGH-JK")
    with pytest.raises(SyncError):
        client.sync()
    title = next(r for r in state.batches[0].records if r.kind == "title")
    with UnitOfWork(demo, SYSTEM) as uow:
        row = uow.get(Title, title.id)
        assert row is not None
        if change == "deleted":
            uow.delete(row)
        else:
            row.title += " (edisi revisi)"
    _client(demo).sync()
    on_pc = _records_on_pc(demo)
    assert on_pc[("title", title.id)] == title.version + 1
    assert state.records == on_pc
    assert _states(demo).keys() == {"synced"}


def _a_visit_changed_among_the_last_250_rows(demo: Database) -> str:
    """Leave the last 250 outbox rows to send (three batches of 100) and change the first
    visit among them once: its later row falls in the last batch's range."""
    from app.db.models import Visit
    from app.db.uow import SYSTEM, UnitOfWork

    conn = demo.connect()
    conn.execute(
        "UPDATE outbox SET state = 'synced' WHERE seq <= (SELECT max(seq) - 250 FROM outbox)"
    )
    conn.commit()
    visit = str(
        conn.execute(
            "SELECT record_id FROM outbox WHERE table_name = 'visit' AND state = 'pending'"
            " ORDER BY seq LIMIT 1"
        ).fetchone()[0]
    )
    conn.close()
    with UnitOfWork(demo, SYSTEM) as uow:
        changed = uow.get(Visit, visit)
        assert changed is not None
        changed.notes = "diubah"
    return visit


def _row_states(demo: Database, record_id: str) -> list[str]:
    conn = demo.connect()
    try:
        rows = conn.execute(
            "SELECT state FROM outbox WHERE record_id = ? ORDER BY seq", (record_id,)
        ).fetchall()
    finally:
        conn.close()
    return [str(row[0]) for row in rows]


def test_a_record_refused_after_its_batch_was_halved_stays_refused(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """The first batch carries a visit whose later row is in the third batch's range (left
    out there: the first carries it). The first batch is too large (413) and goes again
    halved after the third was marked: the visit's refusal covers its later row too."""
    state, url = stand
    state.max_records = 100
    visit = _a_visit_changed_among_the_last_250_rows(demo)
    state.reject = {visit}
    state.refuse_above = 99  # the full batches; the third, shorter one goes through
    state.hold_until = 3
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    assert result.refused == 1 and [r.id for r in client.state().rejected_records] == [visit]
    assert _row_states(demo, visit) == ["rejected", "rejected"]


def test_batches_past_a_gap_that_the_server_lost_go_again(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """Of three batches, the first fails and the other two arrive (past a gap: the mark
    stays). The server is then restored from its backup of before them: the next sync
    sends their changes again, though the PC had them as sent."""
    import copy

    from app.db.models import Visit
    from app.db.uow import SYSTEM, UnitOfWork

    state, url = stand
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    backup = copy.deepcopy((state.records, state.ranges, state.receipts))
    conn = demo.connect()
    ids = [row[0] for row in conn.execute("SELECT id FROM visit ORDER BY id LIMIT 300")]
    before = outbox.max_seq(conn)
    conn.close()
    with UnitOfWork(demo, SYSTEM) as uow:
        for visit_id in ids:
            visit = uow.get(Visit, visit_id)
            assert visit is not None
            visit.notes = "diperbaiki"
    state.max_records = 100
    state.report_ranges = True
    state.fail_once = {before + 1}
    state.hold_until = 3
    with pytest.raises(SyncError):
        SyncClient(demo, tries=1, backoff=0.01).sync()
    assert client.state().synced > 0 and client.state().sending == 100
    state.records, state.ranges, state.receipts = backup  # the server's disk failed
    _client(demo).sync()
    assert state.records == _records_on_pc(demo)
    assert _states(demo).keys() == {"synced"}


def _first_batch_late_with_one_refused(demo: Database, state: Stand) -> str:
    """Batches of 300; the first one applied but answered only after the client gave up,
    with its first record refused; that record's id."""
    state.max_records = 300
    state.slow_once = {1}
    conn = demo.connect()
    try:
        (first,) = conn.execute("SELECT record_id FROM outbox ORDER BY seq LIMIT 1").fetchone()
    finally:
        conn.close()
    state.reject = {first}
    return str(first)


def test_a_batch_that_timed_out_but_arrived_starts_no_new_epoch(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """The first batch is applied but its answer comes after the client gave up; the sync
    ends there. The server's mark then reaches past what the PC saw acknowledged: the PC
    asks for its timed-out batch's receipt instead of taking the mark for a copy's, marks
    what it says (a record the server refused is listed), and goes on after it, in the
    same epoch, without sending those records again."""
    state, url = stand
    first = _first_batch_late_with_one_refused(demo, state)
    client = SyncClient(demo, tries=1, backoff=0.01, read_timeout=2, window=1)
    client.enroll(url, "ABCD-EFGH-JK")
    before = client.state()
    with pytest.raises(SyncError) as failed:
        client.sync()
    state.answer_late.set()
    assert failed.value.code == "timeout"
    assert state.high_water(before.device_id, before.db_epoch) == 300
    result = _client(demo).sync()
    assert not result.new_epoch and client.state().db_epoch == before.db_epoch
    assert (result.refused, [r.id for r in result.rejected_records]) == (1, [first])
    on_pc = _records_on_pc(demo)
    assert state.records == {key: v for key, v in on_pc.items() if key[1] != first}
    states = _states(demo)
    assert states.keys() == {"synced", "rejected"} and states["rejected"] == 1
    sent = [record for batch in state.batches for record in batch.records]
    assert len(sent) == len(on_pc), "no record went twice"


def test_a_batch_that_timed_out_and_went_again_halved_counts_each_record_once(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """The first batch times out but is applied; its first half goes again (already
    there, one record refused again) and the mark passes over the second half, which
    the first batch's own receipt accounts for: each record counts once in the result,
    the refused one listed once."""
    state, url = stand
    first = _first_batch_late_with_one_refused(demo, state)
    client = SyncClient(demo, tries=2, backoff=0.01, read_timeout=2, window=1)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    state.answer_late.set()
    records = len(_records_on_pc(demo))
    assert result.sent + result.already_there + result.refused == records
    assert [r.id for r in result.rejected_records] == [first] and result.refused == 1
    assert _states(demo).keys() == {"synced", "rejected"}


def test_413_halves_the_batch_until_it_fits(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    state.refuse_above = 60
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    assert state.records == _records_on_pc(demo)
    assert max(len(b.records) for b in state.batches) <= 60


def test_rejected_records_are_marked_and_listed(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    conn = demo.connect()
    visit = conn.execute("SELECT id FROM visit ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    state.reject = {visit}
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    assert result.refused == 1
    assert [(r.kind, r.id, r.code) for r in result.rejected_records] == [
        ("visit", visit, "invalid_record")
    ]
    status = client.state()
    assert status.rejected == 1 and status.rejected_records[0].id == visit
    assert "correct it" in status.rejected_records[0].message


def test_copied_database_starts_a_new_epoch(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    epoch = client.state().db_epoch
    # An older copy: the outbox ends before what the server has for this epoch.
    conn = sqlite3.connect(demo.path)
    conn.execute("DELETE FROM outbox WHERE seq > 9000")
    conn.execute("UPDATE outbox SET state = 'pending'")
    conn.commit()
    conn.close()
    result = client.sync()
    assert result.new_epoch
    assert client.state().db_epoch != epoch
    assert state.high_water(client.state().device_id, client.state().db_epoch) == 9000
    assert _states(demo) == {"synced": 9000}


def test_server_that_lost_batches_gets_them_again(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    status = client.state()
    # The server is restored from an older backup: it only has up to seq 4000.
    state.ranges[(status.device_id, status.db_epoch)] = [(1, 4000)]
    kept = len(state.batches)
    client.sync()
    resent = state.batches[kept:]
    assert resent[0].seq_from == 4001
    assert _states(demo) == {"synced": status.synced}


def test_enrolment_adopts_the_servers_library_id(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    state.library_id = "0190aaaa-0000-7000-8000-000000000001"
    client = _client(demo)
    before = client.state()
    result = client.enroll(url, "abcdefghjk")
    assert result.adopted_library
    conn = demo.connect()
    try:
        for table in SYNCED_TABLES:
            ids = {row[0] for row in conn.execute(f"SELECT DISTINCT library_id FROM {table}")}
            assert ids <= {state.library_id}, table
        assert conn.execute("SELECT id FROM library").fetchone()[0] == state.library_id
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    after = client.state()
    assert after.db_epoch != before.db_epoch and after.library_id == state.library_id
    assert after.synced == 0 and after.pending == before.pending
    # The unit of work keeps writing under the new id.
    from app.db.models import Partner
    from app.db.uow import SYSTEM, UnitOfWork

    with UnitOfWork(demo, SYSTEM) as uow:
        partner = uow.add(Partner(name="Karang Taruna", partner_type="organisasi"))
    assert partner.library_id == state.library_id
    client.sync()
    assert ("library", state.library_id) in state.records


def test_clock_skew_warns(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    state.server_time = datetime.now(UTC) + timedelta(minutes=7)
    client = _client(demo)
    enrolled = client.enroll(url, "ABCD-EFGH-JK")
    assert enrolled.clock_warning
    result = client.sync()
    assert result.clock_warning and 400 < (result.clock_skew_seconds or 0) < 440
    assert client.state().clock_warning


def test_reference_is_kept_only_when_newer(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    state.reference_version = 3
    assert client.sync().reference_updated
    state.reference_version = 2
    assert not client.sync().reference_updated
    assert client.state().reference_version == 3


def test_sync_before_enrolment_says_so(demo: Database) -> None:
    with pytest.raises(SyncError) as failed:
        _client(demo).sync()
    assert failed.value.code == "not_enrolled"
    assert not _client(demo).state().enrolled


def test_batches_carry_no_personal_field(demo: Database, stand: tuple[Stand, str]) -> None:
    from sync.protocol import personal_fields_in

    state, url = stand
    bodies: list[bytes] = []
    client = SyncClient(demo, hook=lambda method, u, headers, body: bodies.append(body))
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    values = personal_values(demo)
    assert {field for field, _ in values} >= {"name", "phone", "birth_date", "address"}
    text = b"".join(gzip.decompress(body) for body in bodies if body[:2] == b"\x1f\x8b")
    assert len(text) > 1_000_000
    assert [value for value in values if value[1].encode() in text] == []
    for batch in state.batches:
        for record in batch.records:
            assert personal_fields_in(record.kind, record.data) == []


def test_batches_go_three_at_a_time_and_every_receipt_is_kept(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    state, url = stand
    state.max_records = 200
    state.hold_until = 3  # the first batch waits for two more before it is answered
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    assert state.most_in_flight == 3
    assert state.records == _records_on_pc(demo)
    assert result.sent == len(state.records) and result.batches == len(state.batches)
    ranges = sorted((b.seq_from, b.seq_to) for b in state.batches)
    assert ranges[0][0] == 1 and all(a[1] + 1 == b[0] for a, b in itertools.pairwise(ranges))
    assert _states(demo) == {"synced": ranges[-1][1]}
    conn = demo.connect()
    try:
        acked = conn.execute("SELECT last_acked_seq FROM sync_state").fetchone()[0]
    finally:
        conn.close()
    assert acked == ranges[-1][1]
    status = client.state()
    assert status.pending == 0 and status.sending == 0


def test_receipts_answered_out_of_order_keep_the_servers_mark(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """The first three batches apply last one first; the sync is cancelled after their
    receipts. The next sync must not take the server's mark for a copied database's."""
    state, url = stand
    state.max_records = 200
    state.hold_until = 3
    state.reverse_held = True
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    progress = Progress()

    def on_step(step: SyncStep) -> None:
        if step.batches_done == 3:
            progress.cancel()

    with pytest.raises(Cancelled):
        client.sync(progress, on_step)
    first = state.batches[:3]
    assert [b.seq_from for b in first] == sorted((b.seq_from for b in first), reverse=True)
    conn = demo.connect()
    try:
        acked = conn.execute("SELECT last_acked_seq FROM sync_state").fetchone()[0]
    finally:
        conn.close()
    assert acked == max(b.seq_to for b in first)
    again = client.sync()
    assert not again.new_epoch and again.already_there == 0
    assert state.records == _records_on_pc(demo)
    assert _states(demo).keys() == {"synced"}


def test_one_batch_at_a_time_when_asked(demo: Database, stand: tuple[Stand, str]) -> None:
    state, url = stand
    state.max_records = 200
    client = SyncClient(demo, tries=3, backoff=0.01, read_timeout=5, window=1)
    client.enroll(url, "ABCD-EFGH-JK")
    client.sync()
    assert state.most_in_flight == 1
    assert state.records == _records_on_pc(demo)


def test_a_record_refused_while_later_batches_were_in_flight_stays_refused(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """A visit changed after its first row: the later batch leaves it out (the first
    batch carries its latest version); the first batch's receipt refuses it."""
    state, url = stand
    state.max_records = 100
    visit = _a_visit_changed_among_the_last_250_rows(demo)
    state.reject = {visit}
    state.hold_until = 3
    client = _client(demo)
    client.enroll(url, "ABCD-EFGH-JK")
    result = client.sync()
    carried = [b.batch_id for b in state.batches if any(r.id == visit for r in b.records)]
    assert len(carried) == 1  # sent once, at its latest version
    assert result.refused == 1 and [r.id for r in result.rejected_records] == [visit]
    status = client.state()
    assert [r.id for r in status.rejected_records] == [visit]
    assert _row_states(demo, visit) == ["rejected", "rejected"]
    # Corrected, it goes again.
    from app.db.models import Visit
    from app.db.uow import SYSTEM, UnitOfWork

    state.reject = set()
    with UnitOfWork(demo, SYSTEM) as uow:
        fixed = uow.get(Visit, visit)
        assert fixed is not None
        fixed.notes = "dibetulkan"
    again = client.sync()
    assert again.sent == 1 and client.state().rejected_records == []


def test_a_batch_kept_in_flight_by_an_older_version_goes_again(
    demo: Database, stand: tuple[Stand, str]
) -> None:
    """Before batches went several at a time, the one in flight was kept as one object."""
    state, url = stand
    state.max_records = 200
    state.lose_answers = 1
    client = SyncClient(demo, tries=1, backoff=0.01, window=1)
    client.enroll(url, "ABCD-EFGH-JK")
    with pytest.raises(SyncError):
        client.sync()
    conn = demo.connect()
    try:
        meta = json.loads(
            conn.execute("SELECT value FROM setting WHERE key = 'sync_client'").fetchone()[0]
        )
        assert len(meta["inflight"]) == 1
        meta["inflight"] = meta["inflight"][0]
        conn.execute("UPDATE setting SET value = ? WHERE key = 'sync_client'", (json.dumps(meta),))
        conn.commit()
    finally:
        conn.close()
    lost = state.batches[0].batch_id
    _client(demo).sync()
    assert [b.batch_id for b in state.batches].count(lost) == 1
    assert state.records == _records_on_pc(demo)
    assert _states(demo).keys() == {"synced"}


def test_enrolment_where_nothing_answers_gives_up_after_two_tries(demo: Database) -> None:
    """Someone waits at the form, perhaps with a mistyped address: no long retrying."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    calls: list[str] = []
    client = SyncClient(
        demo, tries=5, backoff=0.01, hook=lambda method, url, headers, body: calls.append(url)
    )
    with pytest.raises(SyncError) as failed:
        client.enroll(f"http://127.0.0.1:{port}", "ABCD-EFGH-JK")
    assert failed.value.code == "no_internet"
    assert len(calls) == 2
