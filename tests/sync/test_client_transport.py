"""How the client's HTTP layer judges answers: only our JSON counts, retries are bounded.

A tiny ``http.server`` in a thread plays a hotspot's login page, a redirect, a
failing or slow server, a 413, a revoked token; a closed port plays no
internet. Each test counts the requests that reached it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import ValidationError

from app.core.tasks import Cancelled, Progress
from sync.protocol import Batch, Info, Receipt
from sync.transport import HalveBatch, SyncError, Transport, normalize_url

INFO = Info(
    server="t",
    protocol_versions=[1],
    schema_versions=[1],
    server_time=datetime(2026, 11, 26, tzinfo=UTC),
    max_batch_records=500,
    max_batch_bytes=262144,
    max_bundle_bytes=1 << 26,
).model_dump_json()

Reply = tuple[int, str, bytes, dict[str, str]]


class Scripted:
    """Answers from a list (the last one repeats); counts the requests."""

    def __init__(self, *replies: Reply | Callable[[], Reply]) -> None:
        self.replies = list(replies)
        self.count = 0

    def next(self) -> Reply:
        reply = self.replies[min(self.count, len(self.replies) - 1)]
        self.count += 1
        return reply() if callable(reply) else reply


def ours(status: int = 200, body: str = INFO, kind: str = "application/json") -> Reply:
    return status, kind, body.encode(), {}


def problem(status: int, code: str) -> Reply:
    body = json.dumps({"envelope": "perpusdesa-sync", "status": status, "code": code})
    return status, "application/problem+json", body.encode(), {}


def slow(seconds: float) -> Callable[[], Reply]:
    def reply() -> Reply:
        time.sleep(seconds)
        return ours()

    return reply


@pytest.fixture
def serve() -> Iterator[Callable[[Scripted], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(script: Scripted) -> str:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                pass

            def reply(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                status, kind, body, headers = script.next()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass

            do_GET = do_PUT = do_POST = reply

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def transport(url: str, **options: Any) -> Transport:
    return Transport(url, "token", tries=3, backoff=0.01, **options)


def test_our_json_is_success(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(ours())
    info = transport(serve(script)).get("/info", Info)
    assert info.max_batch_records == 500 and script.count == 1


def test_an_answer_of_a_newer_server_with_fields_this_pc_does_not_know_is_read(
    serve: Callable[[Scripted], str],
) -> None:
    """A server updated before the PCs may add fields to its answers; what the PC sends
    stays checked strictly (an unknown field in a batch is refused)."""
    receipt = {
        "envelope": "perpusdesa-sync",
        "batch_id": "0195f0a4-0000-7000-8000-000000000001",
        "device_id": "0195f0a4-0000-7000-8000-000000000002",
        "db_epoch": "0195f0a4-0000-7000-8000-000000000003",
        "seq_from": 1,
        "seq_to": 1,
        "received_at": "2026-11-26T10:00:00Z",
        "counts": {"inserted": 0, "stale": 1, "merged": 0},
        "results": [
            {
                "kind": "visit",
                "id": "0195f0a4-0000-7000-8000-000000000004",
                "status": "stale",
                "code": "stale",
                "message": "the server has version 3",
                "server_version": 3,
                "server_device": "0195f0a4-0000-7000-8000-000000000005",
            }
        ],
        "high_water": 1,
        "next_sync_after": 60,
    }
    script = Scripted(ours(body=json.dumps(receipt)))
    read = transport(serve(script)).get("/batches/x", Receipt)
    assert (read.counts.stale, read.results[0].server_version) == (1, 3)
    batch = json.loads(read.model_dump_json())
    with pytest.raises(ValidationError, match="extra"):
        Batch.model_validate(
            {
                **{k: batch[k] for k in ("batch_id", "device_id", "db_epoch", "seq_from")},
                "library_id": batch["device_id"],
                "seq_to": 1,
                "sent_at": "2026-11-26T10:00:00Z",
                "records": [],
                "priority": "high",
            }
        )


@pytest.mark.parametrize(
    "reply",
    [
        ours(200, "<html><body>Login hotspot</body></html>", "text/html"),
        ours(200, '{"status": "ok"}'),  # JSON, but not ours
        (302, "text/html", b"", {"Location": "http://login.hotspot/"}),
        ours(404, "<html>Not found</html>", "text/html"),
    ],
    ids=["captive-portal-html", "foreign-json", "redirect", "proxy-404"],
)
def test_what_is_not_ours_is_no_real_internet_and_not_retried(
    serve: Callable[[Scripted], str], reply: Reply
) -> None:
    script = Scripted(reply)
    with pytest.raises(SyncError) as failed:
        transport(serve(script)).get("/info", Info)
    assert failed.value.code == "not_our_server"
    assert "no real internet" in failed.value.message
    assert script.count == 1


def test_server_errors_are_retried_then_succeed(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(problem(503, "server_error"), ours(502, "bad gateway", "text/plain"), ours())
    assert transport(serve(script)).get("/info", Info).server == "t"
    assert script.count == 3


def test_retries_are_bounded(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(ours(500, "oops", "text/plain"))
    with pytest.raises(SyncError) as failed:
        transport(serve(script)).get("/info", Info)
    assert failed.value.code == "server_error" and script.count == 3
    assert failed.value.params["tries"] == 3 and failed.value.status == 500
    assert "3 tries" in str(failed.value)


def test_timeouts_are_retried_then_reported(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(slow(1.0))
    started = time.monotonic()
    with pytest.raises(SyncError) as failed:
        transport(serve(script), read_timeout=0.2).get("/info", Info)
    assert failed.value.code == "timeout" and script.count == 3
    assert time.monotonic() - started < 3


def test_a_batch_413_or_timeout_asks_for_a_smaller_batch(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(problem(413, "too_large"))
    with pytest.raises(HalveBatch) as halve:
        transport(serve(script)).put_batch("b1", b"x" * 10, Info)
    assert halve.value.reason == "too_large" and script.count == 1
    script = Scripted(slow(1.0))
    with pytest.raises(HalveBatch) as halve:
        transport(serve(script), read_timeout=0.2).put_batch("b1", b"x", Info)
    assert halve.value.reason == "timeout" and script.count == 1


def test_a_problem_of_ours_is_raised_at_once(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(problem(401, "token_revoked"))
    with pytest.raises(SyncError) as failed:
        transport(serve(script)).get("/sync/state", Info)
    assert failed.value.code == "token_revoked" and script.count == 1
    assert "enrol the PC again" in str(failed.value)


def test_no_server_is_no_internet_after_the_tries() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SyncError) as failed:
        transport(f"http://127.0.0.1:{port}").get("/info", Info)
    assert failed.value.code == "no_internet"
    assert f"127.0.0.1:{port}" in str(failed.value)


def test_cancel_cuts_a_request_in_flight(serve: Callable[[Scripted], str]) -> None:
    script = Scripted(slow(5.0))
    progress = Progress()
    threading.Timer(0.3, progress.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        Transport(serve(script), "t", check=progress.check, read_timeout=30).get("/info", Info)
    assert time.monotonic() - started < 1.0


def test_the_token_travels_in_the_header_only(serve: Callable[[Scripted], str]) -> None:
    seen: list[tuple[str, dict[str, str]]] = []
    script = Scripted(ours())
    Transport(serve(script), "secret-token", hook=lambda m, url, h, b: seen.append((url, h))).get(
        "/sync/state", Info, params={"db_epoch": "e1"}
    )
    url, headers = seen[0]
    assert headers["Authorization"] == "Bearer secret-token" and "secret-token" not in url


@pytest.mark.parametrize(
    "url", ["", "ftp://x.id", "https://", "http://a b.id", "https://[::1", "http://[x]/"]
)
def test_bad_server_addresses_are_refused(url: str) -> None:
    with pytest.raises(SyncError) as failed:
        normalize_url(url)
    assert failed.value.code == "bad_url"


def test_a_bare_host_becomes_https() -> None:
    assert normalize_url(" sync.perpusnas.go.id/ ") == "https://sync.perpusnas.go.id"
