"""Bad input to PUT /batches: each gets a 4xx problem and changes nothing on the server."""

from __future__ import annotations

import gzip
import json
import socket
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from sync.protocol import MAX_BATCH_BYTES, PROBLEM_MEDIA_TYPE, encode_batch
from sync.server.models import Batch as BatchRow
from sync.server.models import EpochMark
from tests.sync.conftest import Enrolled, SyncServer, enroll, put_body, stored_records, visit


def _json(device: Enrolled, batch_id: str, **change: object) -> bytes:
    body = json.loads(device.batch([visit(), visit()], batch_id=batch_id).model_dump_json())
    body.update(change)
    return gzip.compress(json.dumps(body).encode())


def _too_many(device: Enrolled, batch_id: str) -> bytes:
    body = json.loads(device.batch([visit()], batch_id=batch_id).model_dump_json())
    body["records"] = body["records"] * 501
    return gzip.compress(json.dumps(body).encode())


def _unknown_kind(device: Enrolled, batch_id: str) -> bytes:
    body = json.loads(device.batch([visit(), visit()], batch_id=batch_id).model_dump_json())
    body["records"][1]["kind"] = "borrower"
    return gzip.compress(json.dumps(body).encode())


Case = Callable[[Enrolled, str], tuple[bytes, dict[str, object]]]
CASES: dict[str, tuple[Case, int, str]] = {
    "malformed gzip": (
        lambda d, b: (encode_batch(d.batch([visit()], batch_id=b))[:-9] + b"garbage!!", {}),
        400,
        "gzip_invalid",
    ),
    "not gzip at all": (lambda d, b: (b"\x1f\x8bnot really", {}), 400, "gzip_invalid"),
    "wrong content type": (
        lambda d, b: (encode_batch(d.batch([visit()], batch_id=b)), {"content_type": "text/plain"}),
        415,
        "unsupported_media_type",
    ),
    "unknown content encoding": (
        lambda d, b: (encode_batch(d.batch([visit()], batch_id=b)), {"encoding": "br"}),
        415,
        "unsupported_media_type",
    ),
    "wrong schema version": (
        lambda d, b: (_json(d, b, schema_version=2), {}),
        422,
        "schema_version",
    ),
    "wrong protocol version": (
        lambda d, b: (_json(d, b, protocol_version=9), {}),
        422,
        "protocol_version",
    ),
    "not our envelope": (lambda d, b: (_json(d, b, envelope="other"), {}), 422, "format_invalid"),
    "not JSON": (lambda d, b: (gzip.compress(b"<html>hello</html>"), {}), 422, "format_invalid"),
    "unknown record kind": (lambda d, b: (_unknown_kind(d, b), {}), 422, "unknown_kind"),
    "too many records": (
        lambda d, b: (_too_many(d, b), {}),
        413,
        "too_many_records",
    ),
    "oversized body": (
        lambda d, b: (b"\x1f\x8b" + bytes(MAX_BATCH_BYTES + 10), {}),
        413,
        "too_large",
    ),
    "gzip bomb": (
        lambda d, b: (gzip.compress(b"{" + b" " * (40 * MAX_BATCH_BYTES)), {}),
        413,
        "too_large",
    ),
    "nested deeper than any batch": (
        lambda d, b: (gzip.compress(b"[" * 200_000), {}),
        422,
        "format_invalid",
    ),
    "sequence numbers beyond what is stored": (
        lambda d, b: (_json(d, b, seq_from=2**31, seq_to=2**63), {}),
        422,
        "format_invalid",
    ),
    "id differs from the URL": (
        lambda d, b: (encode_batch(d.batch([visit()])), {}),
        422,
        "format_invalid",
    ),
}


def _nothing_changed(server: SyncServer, device: Enrolled) -> None:
    assert stored_records(server, device.library_id) == {}
    with server.database().transaction() as session:
        for table in (BatchRow, EpochMark):
            count = session.scalar(
                select(func.count()).select_from(table).where(table.library_id == device.library_id)
            )
            assert count == 0, table


@pytest.mark.parametrize("case", list(CASES))
def test_bad_batches_are_refused_whole(shared_server: SyncServer, case: str) -> None:
    make, status, code = CASES[case]
    device = enroll(shared_server)
    batch_id = str(uuid.uuid4())
    body, options = make(device, batch_id)
    answer = put_body(device, batch_id, body, **options)  # type: ignore[arg-type]
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert answer.json()["code"] == code
    _nothing_changed(shared_server, device)


def _raw_put(server: SyncServer, device: Enrolled, head: str, body: bytes) -> bytes:
    """Send a request by hand; return the start of the answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head.encode() + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        return answer


def test_a_huge_content_length_is_refused_before_the_body_is_sent(
    shared_server: SyncServer,
) -> None:
    device = enroll(shared_server)
    batch_id = str(uuid.uuid4())
    head = (
        f"PUT /api/v1/batches/{batch_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {device.token}\r\nContent-Type: application/json\r\n"
        "Content-Encoding: gzip\r\nContent-Length: 1000000000\r\n\r\n"
    )
    # Not one byte of the announced gigabyte is sent: the answer comes anyway.
    answer = _raw_put(shared_server, device, head, b"")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    _nothing_changed(shared_server, device)


def test_a_chunked_body_is_counted_while_it_streams(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    batch_id = str(uuid.uuid4())
    head = (
        f"PUT /api/v1/batches/{batch_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {device.token}\r\nContent-Type: application/json\r\n"
        "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = bytes(64 * 1024)
    body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(5)) + b"0\r\n\r\n"
    answer = _raw_put(shared_server, device, head, body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    _nothing_changed(shared_server, device)
