"""Local settings: defaults, saving, and refusing bad values without writing any."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from app.core.errors import ValidationError
from app.core.settings import DEFAULTS, Settings
from app.db.database import Database


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = db.connect()
    yield connection
    connection.close()


@pytest.fixture
def settings(conn: sqlite3.Connection) -> Settings:
    return Settings(conn)


def _stored_keys(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT key FROM setting")}


def test_defaults_on_a_new_database(settings: Settings, conn: sqlite3.Connection) -> None:
    assert settings.get("language") == "id"
    assert settings.get("idle_lock_minutes") == 10
    assert settings.get("paper") == "A4"
    assert {key: settings.get(key) for key in DEFAULTS} == DEFAULTS
    assert _stored_keys(conn) == set(), "defaults are not written"


def test_unknown_key_has_no_value(settings: Settings) -> None:
    assert settings.get("no-such-setting") is None


@pytest.mark.parametrize(
    ("key", "value"), [("language", "en"), ("idle_lock_minutes", 30), ("paper", "F4")]
)
def test_set_then_get(db: Database, settings: Settings, key: str, value: Any) -> None:
    settings.set(key, value)
    assert settings.get(key) == value

    other = db.connect()  # saved, not just remembered
    try:
        assert Settings(other).get(key) == value
    finally:
        other.close()


def test_set_twice_keeps_the_last_value(settings: Settings, conn: sqlite3.Connection) -> None:
    settings.set("paper", "F4")
    settings.set("paper", "A4")
    assert settings.get("paper") == "A4"
    assert conn.execute("SELECT count(*) FROM setting WHERE key = 'paper'").fetchone()[0] == 1


def test_set_many(settings: Settings) -> None:
    settings.set_many({"language": "en", "idle_lock_minutes": 240, "paper": "F4"})
    assert [settings.get(key) for key in ("language", "idle_lock_minutes", "paper")] == [
        "en",
        240,
        "F4",
    ]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("language", "fr"),
        ("language", ""),
        ("language", None),
        ("idle_lock_minutes", 0),
        ("idle_lock_minutes", 241),
        ("idle_lock_minutes", -5),
        ("idle_lock_minutes", "10"),
        ("idle_lock_minutes", 10.5),
        ("idle_lock_minutes", True),
        ("paper", "Letter"),
        ("paper", "a4"),
    ],
)
def test_invalid_value_is_refused(
    settings: Settings, conn: sqlite3.Connection, key: str, value: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        settings.set(key, value)
    assert refused.value.field == key
    assert settings.get(key) == DEFAULTS[key]
    assert _stored_keys(conn) == set()


def test_one_bad_value_in_set_many_writes_none(
    settings: Settings, conn: sqlite3.Connection
) -> None:
    settings.set("paper", "F4")
    with pytest.raises(ValidationError) as refused:
        settings.set_many({"language": "en", "paper": "A4", "idle_lock_minutes": 0})
    assert refused.value.field == "idle_lock_minutes"
    assert settings.get("language") == "id"
    assert settings.get("paper") == "F4"
    assert _stored_keys(conn) == {"paper"}
