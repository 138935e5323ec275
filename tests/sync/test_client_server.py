"""The sync client against the real national server (uvicorn subprocess, SQLite and PostgreSQL).

The demo library (``--years 1``, ~10 000 records of every kind) is enrolled
and synced; the server's records for the library must then be exactly the
PC's, kind by kind, id by id, at the PC's version. Also: no personal data in
any request body; the command line; a hotspot's login page is not success;
USB bundles imported twice change nothing the second time and their receipt
marks the PC's rows.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.core.tasks import Progress
from app.db.database import Database
from app.db.tables import SYNCED_TABLES
from sync.client import SyncClient
from sync.protocol import RECORD_KINDS, Batch, EnrollRequest, personal_fields_in
from sync.transport import SyncError
from tests.conftest import Cli
from tests.sync.conftest import SyncServer
from tests.sync_child import demo_copy, personal_values


@pytest.fixture
def demo(data_dir: Path) -> Iterator[Database]:
    db = demo_copy(data_dir)
    yield db
    db.dispose()


def pc_records(db: Database) -> dict[tuple[str, str], int]:
    """(kind, id) -> version of every record on the PC, deleted ones included."""
    conn = db.connect()
    try:
        return {
            (table, str(row[0])): int(row[1])
            for table in SYNCED_TABLES
            for row in conn.execute(f"SELECT id, version FROM {table}")
        }
    finally:
        conn.close()


def server_records(server: SyncServer, library_id: str) -> dict[tuple[str, str], int]:
    with server.database().transaction() as session:
        rows = session.execute(
            text("SELECT kind, id, version FROM record WHERE library_id = :library"),
            {"library": library_id},
        ).all()
    found: dict[tuple[str, str], int] = {}
    for kind, record_id, version in rows:
        assert (kind, record_id) not in found, "a record twice on the server"
        found[(str(kind), str(record_id))] = int(version)
    return found


def server_snapshot(server: SyncServer, library_id: str) -> set[tuple[Any, ...]]:
    """Every record row of the library as stored, its receive time included."""
    with server.database().transaction() as session:
        rows = session.execute(
            text(
                "SELECT kind, id, version, updated_at, deleted_at, received_at FROM record"
                " WHERE library_id = :library"
            ),
            {"library": library_id},
        ).all()
    return {tuple(row) for row in rows}


def outbox_states(db: Database) -> dict[str, int]:
    conn = db.connect()
    try:
        return dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    finally:
        conn.close()


def enrolled(server: SyncServer, db: Database, **options: Any) -> tuple[SyncClient, str]:
    library = server.add_library()
    client = SyncClient(db, tries=6, backoff=0.2, **options)
    result = client.enroll(server.url, server.issue_code(library).lower().replace("-", ""))
    # The registration was empty: the server took the PC's id.
    assert not result.adopted_library
    return client, result.library_id


def by_kind(records: dict[tuple[str, str], int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, _ in records:
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_the_demo_library_arrives_complete(server: SyncServer, demo: Database) -> None:
    client, library = enrolled(server, demo)
    steps: list[Any] = []
    result = client.sync(Progress(), steps.append)
    on_pc = pc_records(demo)
    on_server = server_records(server, library)
    assert by_kind(on_server) == by_kind(on_pc)
    assert set(by_kind(on_pc)) == set(RECORD_KINDS)
    assert on_server == on_pc
    assert result.sent == len(on_pc) and result.refused == 0
    # The first batches of a device arrive together; none had to be tried twice.
    assert result.requests == result.batches + 3  # + /info, /sync/state, /reference
    assert outbox_states(demo) == {"synced": sum(outbox_states(demo).values())}
    assert steps[-1].phase == "done" and steps[-1].records_done == len(on_pc)
    state = client.state()
    assert state.pending == state.sending == state.rejected == 0
    assert state.reference_version is not None
    again = client.sync()
    assert (again.batches, again.sent) == (0, 0)


def test_no_request_carries_personal_data(server_sqlite: SyncServer, demo: Database) -> None:
    bodies: list[tuple[str, bytes]] = []
    client, _ = enrolled(
        server_sqlite, demo, hook=lambda method, url, headers, body: bodies.append((url, body))
    )
    client.sync()
    plain = [gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body for _, body in bodies]
    enrol = [body for (url, _), body in zip(bodies, plain, strict=True) if url.endswith("/enroll")]
    assert len(enrol) == 1 and EnrollRequest.model_validate_json(enrol[0])
    batches = [Batch.model_validate_json(body) for body in plain if b'"records"' in body]
    kinds = set()
    for batch in batches:
        for record in batch.records:
            kinds.add(record.kind)
            assert personal_fields_in(record.kind, record.data) == [], (record.kind, record.id)
    assert kinds == set(RECORD_KINDS)
    values = personal_values(demo)
    assert {field for field, _ in values} >= {"name", "phone", "birth_date", "address"}
    everything = b"\n".join(plain)
    assert [value for value in values if value[1].encode() in everything] == []


def test_a_pc_whose_enrolment_answer_was_lost_enrols_with_the_same_code(
    server_sqlite: SyncServer, demo: Database
) -> None:
    """The line dropped as the answer came back: the code is used on the server, and the
    librarian tries again with it (the PC proves it holds its key)."""
    server = server_sqlite
    code = server.issue_code(server.add_library())
    client = SyncClient(demo, tries=2, backoff=0.1)
    first = client.enroll(server.url, code)
    again = client.enroll(server.url, code)  # as if the first answer had never arrived
    assert (again.device_id, again.library_id) == (first.device_id, first.library_id)
    result = client.sync()  # with the token of the second answer
    assert result.refused == 0 and result.sent == len(pc_records(demo))


def spoil_a_member(db: Database) -> str:
    """Give a member a type the national lists do not know: the server refuses it."""
    from app.db.models import Member
    from app.db.uow import SYSTEM, UnitOfWork

    conn = db.connect()
    member_id = str(conn.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()[0])
    conn.close()
    with UnitOfWork(db, SYSTEM) as uow:
        member = uow.get(Member, member_id)
        assert member is not None
        member.member_type = "Tamu Istimewa"  # not a code: lower-case words joined by _
    return member_id


def test_the_command_line(
    cli: Cli, server_sqlite: SyncServer, demo: Database, data_dir: Path, tmp_path: Path
) -> None:
    server = server_sqlite
    code, out, err = cli("--data-dir", data_dir, "sync")
    assert code == 1 and err.count("\n") == 1 and "not enrolled" in err
    library = server.add_library()
    code, out, err = cli("--data-dir", data_dir, "enroll", "--server", server.url, "--code", "XX")
    assert code == 1 and "enrolment code" in err and err.count("\n") == 1
    code, out, err = cli(
        "--data-dir",
        data_dir,
        "enroll",
        "--server",
        server.url,
        "--code",
        server.issue_code(library),
    )
    assert code == 0, err
    assert server.url in out
    code, out, err = cli("--data-dir", data_dir, "bundle", "export", tmp_path / "b.pdbundle")
    assert code == 0, err
    assert "records" in out and (tmp_path / "b.pdbundle").stat().st_size > 10_000
    total = len(pc_records(demo))
    member_id = spoil_a_member(demo)
    code, out, err = cli("--data-dir", data_dir, "sync")
    assert code == 0, err
    assert f"{total - 1} sent, 0 already on the server, 1 refused" in out
    assert f"\n  Member {member_id}: The server found this record incomplete" in out
    code, out, err = cli("--data-dir", data_dir, "bundle", "export", tmp_path / "c.pdbundle")
    assert code == 1 and "Nothing to send" in err
    server.stop()
    started = time.monotonic()
    code, out, err = cli("--data-dir", data_dir, "sync")
    assert code == 1 and "could not reach" in err and err.count("\n") == 1
    print("unreachable", time.monotonic() - started)
    started = time.monotonic()
    server.start()
    print("start", time.monotonic() - started)
    receipt = tmp_path / "receipt.json"
    done = server.run_cli("import-bundle", str(tmp_path / "b.pdbundle"), "--receipt", str(receipt))
    assert done.returncode == 0, done.stderr
    code, out, err = cli("--data-dir", data_dir, "bundle", "receipt", receipt)
    assert code == 0, err
    assert "0 refused" in out


class _Portal(BaseHTTPRequestHandler):
    """A hotspot that answers every request with its login page, status 200."""

    def log_message(self, *_: Any) -> None:
        pass

    def answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"<html><body><form>Masuk ke WiFi Desa</form></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = answer


def test_a_hotspot_login_page_is_not_success(server_sqlite: SyncServer, demo: Database) -> None:
    client, _ = enrolled(server_sqlite, demo)
    portal = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    threading.Thread(target=portal.serve_forever, daemon=True).start()
    try:
        conn = demo.connect()
        conn.execute(
            "UPDATE sync_state SET server_url = ?", (f"http://127.0.0.1:{portal.server_port}",)
        )
        conn.close()
        before = outbox_states(demo)
        with pytest.raises(SyncError) as failed:
            client.sync()
        assert failed.value.code == "not_our_server"
        assert outbox_states(demo) == before
        assert client.state().last_sync_at is None
    finally:
        portal.shutdown()
        portal.server_close()


def import_bundle(server: SyncServer, bundle: Path, receipt: Path) -> str:
    done = server.run_cli("import-bundle", str(bundle), "--receipt", str(receipt))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bundles_apply_once_and_their_receipt_marks_the_rows(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    exported = client.export_bundle(tmp_path / "one.pdbundle")
    assert exported.records == len(pc_records(demo)) and exported.batches >= 20
    assert client.state().synced == 0  # exporting marks nothing
    first = import_bundle(server, exported.path, tmp_path / "r1.json")
    assert f"{exported.records} inserted" in first
    snapshot = server_snapshot(server, library)
    second = import_bundle(server, exported.path, tmp_path / "r2.json")
    # The same stored receipts again, and not one record touched.
    assert second == first
    assert server_snapshot(server, library) == snapshot
    assert server_records(server, library) == pc_records(demo)
    read = client.import_receipt(tmp_path / "r1.json")
    assert read.rejected == 0 and read.ignored_batches == 0
    assert outbox_states(demo) == {"synced": read.synced}
    assert client.sync().batches == 0  # the server has it all


def test_a_bundle_of_records_synced_meanwhile_changes_nothing(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    server = server_sqlite
    client, library = enrolled(server, demo)
    exported = client.export_bundle(tmp_path / "late.pdbundle")
    client.sync()
    before = server_snapshot(server, library)
    out = import_bundle(server, exported.path, tmp_path / "r.json")
    assert "0 inserted, 0 updated" in out
    assert server_snapshot(server, library) == before
    assert server_records(server, library) == pc_records(demo)
    read = client.import_receipt(tmp_path / "r.json")
    assert read.synced == 0 and read.rejected == 0


@pytest.mark.parametrize("told_by", ["the next sync", "the receipt file"])
def test_a_record_a_bundle_brought_and_the_server_refused_is_shown_refused(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path, told_by: str
) -> None:
    """Whether the receipt file comes back from the district office or not: without it,
    the next sync asks the server what it made of the bundle's batches, instead of taking
    its mark for "all sent". Either way the refused member is listed, not marked sent."""
    server = server_sqlite
    client, library = enrolled(server, demo)
    member_id = spoil_a_member(demo)
    exported = client.export_bundle(tmp_path / "one.pdbundle")
    assert "1 rejected" in import_bundle(server, exported.path, tmp_path / "receipt.json")

    if told_by == "the receipt file":
        read = client.import_receipt(tmp_path / "receipt.json")
        assert read.rejected >= 1
    result = client.sync()

    assert (result.sent, result.batches) == (0, 0)
    if told_by == "the next sync":
        assert result.refused == 1
        assert [(r.kind, r.id) for r in result.rejected_records] == [("member", member_id)]
    else:  # nothing left to ask
        assert result.refused == 0
    assert [(r.kind, r.id) for r in client.state().rejected_records] == [("member", member_id)]
    states = outbox_states(demo)
    assert states.keys() == {"synced", "rejected"}
    assert ("member", member_id) not in server_records(server, library)
    # The next sync does not ask again, and the record stays refused.
    again = client.sync()
    assert again.refused == 0 and again.requests <= result.requests
    assert outbox_states(demo) == states


def test_a_receipt_of_another_library_is_refused(
    server_sqlite: SyncServer, demo: Database, tmp_path: Path
) -> None:
    client, _ = enrolled(server_sqlite, demo)
    receipt = tmp_path / "r.json"
    receipt.write_text('{"envelope": "perpusdesa-sync"}', encoding="utf-8")
    with pytest.raises(SyncError) as failed:
        client.import_receipt(receipt)
    assert failed.value.code == "receipt_invalid"
    assert outbox_states(demo).keys() == {"pending"}
