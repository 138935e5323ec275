"""Record ids: time-ordered UUIDv7 strings made on the PC."""

from __future__ import annotations

import threading
import time
import uuid

from app.core.ids import uuid7


def test_uuid7_is_a_valid_version_7_uuid() -> None:
    text = uuid7()
    value = uuid.UUID(text)
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert str(value) == text  # canonical: lower case, with dashes, 36 characters
    assert len(text) == 36


def test_uuid7_carries_the_current_time() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid.UUID(uuid7())
    after = time.time_ns() // 1_000_000
    millis = value.int >> 80
    assert before <= millis <= after + 1000  # a busy counter may borrow a few ms ahead


def test_uuid7_is_unique_and_sorts_in_creation_order() -> None:
    ids = [uuid7() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert sorted(ids) == ids  # as text, the way SQLite sorts the id column


def test_uuid7_is_unique_across_threads() -> None:
    results: list[list[str]] = [[] for _ in range(4)]

    def make(bucket: list[str]) -> None:
        bucket.extend(uuid7() for _ in range(2_000))

    threads = [threading.Thread(target=make, args=(bucket,)) for bucket in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [value for bucket in results for value in bucket]
    assert len(set(every)) == len(every)
    for bucket in results:
        assert sorted(bucket) == bucket
