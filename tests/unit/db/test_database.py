"""One library's database file: opening it, and errors a librarian can act on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.db import connection
from app.db.database import DB_FILENAME, Database
from app.db.tables import HEAD_REVISION


def test_database_lives_in_the_data_folder(empty_db: Database, data_dir: Path) -> None:
    assert empty_db.path == data_dir / DB_FILENAME
    assert not empty_db.exists()


def test_light_connection_creates_the_folder(empty_db: Database) -> None:
    conn = empty_db.connect()
    conn.close()
    assert empty_db.data_dir.is_dir()


def test_engine_can_be_disposed_and_used_again(db: Database) -> None:
    db.dispose()
    db.dispose()  # twice is harmless
    assert db.revision() == HEAD_REVISION
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM library").scalar() == 0


def test_read_only_connection_writes_nothing(db: Database) -> None:
    conn = connection.connect(db.path, readonly=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO setting (key, value) VALUES ('paper', '\"F4\"')")
    finally:
        conn.close()


def test_folder_under_a_file_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    db = Database(blocker / "data")
    try:
        for open_it in (db.connect, db.upgrade, db.ensure_schema):
            with pytest.raises(StorageError, match="cannot be written to"):
                open_it()
    finally:
        db.dispose()


def test_damaged_file_is_a_storage_error(empty_db: Database) -> None:
    empty_db.data_dir.mkdir()
    empty_db.path.write_bytes(os.urandom(8192))
    for open_it in (empty_db.revision, empty_db.upgrade):
        with pytest.raises(StorageError, match="damaged") as refused:
            open_it()
        assert "\n" not in str(refused.value)
    assert empty_db.path.stat().st_size == 8192, "a damaged file is left as it was"
