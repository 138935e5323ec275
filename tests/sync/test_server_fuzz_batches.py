"""PUT /batches fuzzed where it writes: batches of the enrolled device, odd in every field.

The schemathesis run (``test_server_schema``) makes up library and device ids, so
its batches are refused before anything is written. Here the envelope is right
and the values are not: numbers far beyond the stored integers, times at the ends
of the calendar and of the time zones, texts with NUL and lone surrogates, fields
of the wrong type, unknown kinds. Whatever the batch, the answer is never a 5xx,
and a refused batch leaves nothing behind.
"""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import ALLOWED_FIELDS, RECORD_KINDS
from tests.sync.conftest import Enrolled, SyncServer, enroll, put_body

pytestmark = pytest.mark.slow

INTS = st.one_of(
    st.integers(min_value=-3, max_value=3),
    st.sampled_from([2**31 - 1, 2**31, 2**53, 2**63 - 1, 2**63, 2**64, 10**30]),
    st.integers(),
)
TIMES = st.sampled_from(
    [
        "2026-11-26T10:00:00Z",
        "2026-11-26T10:00:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2026-02-30T10:00:00Z",
        "2026-11-26",
        "yesterday",
        "",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["\x00", "\ud800", "a\udfffb", "x" * 70_000, "membaca", "33.74.01.1001"]),
)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), INTS, st.floats(allow_nan=False), TEXTS, TIMES),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXTS, inner, max_size=3)),
    max_leaves=6,
)
IDS = st.one_of(st.uuids().map(str), st.sampled_from(["", "x", "-" * 36, "0" * 37]))


def mostly(good: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Good about seven times in eight: most batches get as far as being applied."""
    three = st.tuples(st.booleans(), st.booleans(), st.booleans())
    return three.flatmap(lambda coins: odd if all(coins) else good)


GOOD_TIMES = mostly(st.sampled_from(["2026-11-26T10:00:00Z", "2026-11-26T17:00:00+07:00"]), TIMES)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(mostly(st.sampled_from(RECORD_KINDS), st.just("borrower")))
    fields = sorted(ALLOWED_FIELDS.get(kind, frozenset({"name"})))
    data = draw(st.dictionaries(st.sampled_from([*fields, "name", "phone"]), VALUES, max_size=6))
    record: dict[str, Any] = {
        "kind": kind,
        "id": draw(mostly(st.uuids().map(str), IDS)),
        "version": draw(mostly(st.integers(min_value=1, max_value=5), INTS)),
        "created_at": draw(GOOD_TIMES),
        "updated_at": draw(GOOD_TIMES),
        "data": data,
    }
    if draw(st.booleans()):
        record["deleted_at"] = draw(st.one_of(st.none(), GOOD_TIMES))
    return record


@st.composite
def batches(draw: st.DrawFn, device: Enrolled) -> tuple[str, dict[str, Any]]:
    batch_id = str(uuid.uuid4())
    body = {
        "envelope": "perpusdesa-sync",
        "batch_id": batch_id,
        "device_id": device.device_id,
        "library_id": device.library_id,
        "db_epoch": draw(mostly(st.just(device.epoch), IDS)),
        "seq_from": (start := draw(mostly(st.integers(min_value=1, max_value=50), INTS))),
        "seq_to": draw(mostly(st.just(start + 3), INTS)),
        "sent_at": draw(GOOD_TIMES),
        "records": draw(st.lists(records(), min_size=0, max_size=3)),
    }
    return batch_id, body


def test_batches_of_the_device_never_get_a_server_error(shared_server: SyncServer) -> None:
    device = enroll(shared_server)

    @settings(
        max_examples=100,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(batches(device))
    def check(sent: tuple[str, dict[str, Any]]) -> None:
        batch_id, body = sent
        raw = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
        answer = put_body(device, batch_id, gzip.compress(raw))
        assert answer.status_code < 500, (answer.status_code, answer.text[:300], body)
        statuses.append(answer.status_code)

    statuses: list[int] = []
    check()
    # Enough of them were applied (their records judged one by one) to say so.
    assert statuses.count(200) >= 30, sorted(statuses)
