"""First-run set-up: all or nothing, once, with messages the librarian can act on."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from app.core.auth import Role, UserService
from app.core.errors import StorageError, ValidationError
from app.core.library import read_profile
from app.core.settings import Settings
from app.core.setup import FirstRun, is_set_up, run_first_run
from app.db.database import Database
from app.db.tables import HEAD_REVISION
from tests.conftest import ADMIN_PASSWORD, VILLAGE_CODE, LibraryDb


def _count(db: Database, table: str) -> int:
    conn = db.connect()
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_first_run_sets_up_the_library(empty_db: Database, first_run_data: FirstRun) -> None:
    assert not is_set_up(empty_db)

    profile, admin = run_first_run(empty_db, first_run_data)

    assert is_set_up(empty_db)
    assert empty_db.revision() == HEAD_REVISION
    assert admin.role == Role.ADMIN and admin.active
    assert profile.id is not None
    conn = empty_db.connect()
    try:
        assert read_profile(conn) == profile
        assert profile.region_code == VILLAGE_CODE
        library = conn.execute("SELECT library_id, version, time_zone FROM library").fetchone()
        assert tuple(library) == (profile.id, 1, "WIB")
        # The library is a synced record: it waits in the outbox for the first sync.
        outbox = conn.execute("SELECT table_name, record_id, op, version, state FROM outbox")
        assert [tuple(row) for row in outbox] == [("library", profile.id, "create", 1, "pending")]
        assert UserService(conn).list_users() == [admin]
        assert UserService(conn).login("admin", ADMIN_PASSWORD) == admin
        assert Settings(conn).get("language") == "id"
        sync = conn.execute("SELECT device_id, db_epoch, last_acked_seq FROM sync_state").fetchall()
        assert len(sync) == 1
        device_id, db_epoch, last_acked = sync[0]
        assert uuid.UUID(device_id).version == 7 and uuid.UUID(db_epoch).version == 7
        assert device_id != db_epoch
        assert last_acked == 0
        audit = conn.execute(
            "SELECT username, action FROM audit_entry WHERE table_name = 'library'"
        ).fetchall()
        assert [tuple(row) for row in audit] == [("admin", "create")]
    finally:
        conn.close()


def test_first_run_in_english(empty_db: Database, first_run_data: FirstRun) -> None:
    run_first_run(empty_db, dataclasses.replace(first_run_data, language="en"))
    conn = empty_db.connect()
    try:
        assert Settings(conn).get("language") == "en"
    finally:
        conn.close()


def _with_profile(data: FirstRun, **changes: Any) -> FirstRun:
    return dataclasses.replace(data, profile=dataclasses.replace(data.profile, **changes))


BAD_FIELDS = {
    "empty library name": (lambda d: _with_profile(d, name=" "), "name"),
    "unknown region": (lambda d: _with_profile(d, region_code="99.99.99.9999"), "region_code"),
    "password too short": (
        lambda d: dataclasses.replace(d, admin_password="pendek", admin_password_repeat="pendek"),
        "password",
    ),
    "passwords differ": (
        lambda d: dataclasses.replace(d, admin_password_repeat=ADMIN_PASSWORD + "x"),
        "password_repeat",
    ),
    "bad username": (lambda d: dataclasses.replace(d, admin_username="admin desa!"), "username"),
    "empty full name": (lambda d: dataclasses.replace(d, admin_full_name=""), "full_name"),
    "unknown language": (lambda d: dataclasses.replace(d, language="jv"), "language"),
}


@pytest.mark.parametrize("case", sorted(BAD_FIELDS))
def test_a_bad_field_writes_nothing(db: Database, first_run_data: FirstRun, case: str) -> None:
    make_bad, field = BAD_FIELDS[case]
    with pytest.raises(ValidationError) as refused:
        run_first_run(db, make_bad(first_run_data))
    assert refused.value.field == field
    assert not is_set_up(db)
    for table in ("library", "staff_user", "outbox", "audit_entry", "setting", "sync_state"):
        assert _count(db, table) == 0, table


def test_a_bad_field_on_a_new_folder_creates_no_database(
    empty_db: Database, first_run_data: FirstRun
) -> None:
    with pytest.raises(ValidationError):
        run_first_run(empty_db, _with_profile(first_run_data, name=""))
    assert not empty_db.exists()


def test_running_it_twice_is_refused(library_db: LibraryDb, first_run_data: FirstRun) -> None:
    second = dataclasses.replace(
        _with_profile(first_run_data, name="Perpustakaan Kedua"), admin_username="admin2"
    )
    with pytest.raises(ValidationError, match="already been set up"):
        run_first_run(library_db.db, second)
    assert _count(library_db.db, "library") == 1
    assert _count(library_db.db, "staff_user") == 1
    assert _count(library_db.db, "outbox") == 1


def _assert_clear_message(error: StorageError) -> None:
    message = str(error)
    assert message and "\n" not in message
    for noise in ("Traceback", "Error:", "sqlalche.me", "SELECT", "INSERT", "Errno"):
        assert noise not in message


def test_data_folder_that_cannot_exist(tmp_path: Path, first_run_data: FirstRun) -> None:
    """The chosen folder lies under a file: fails for every user, root included."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    db = Database(blocker / "data")
    try:
        with pytest.raises(StorageError) as refused:
            run_first_run(db, first_run_data)
    finally:
        db.dispose()
    _assert_clear_message(refused.value)
    assert "cannot be written to" in str(refused.value)
    assert str(blocker / "data") in str(refused.value)
    assert blocker.read_text() == "a file where a folder should be"


def test_read_only_data_folder(tmp_path: Path, first_run_data: FirstRun) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        try:
            (folder / "probe").touch()
        except PermissionError:
            pass
        else:
            pytest.skip("permissions do not stop this user (root) from writing; see the test above")
        db = Database(folder)
        try:
            with pytest.raises(StorageError) as refused:
                run_first_run(db, first_run_data)
        finally:
            db.dispose()
        _assert_clear_message(refused.value)
        assert not any(folder.iterdir())
    finally:
        folder.chmod(0o755)


def test_damaged_database_file(data_dir: Path, first_run_data: FirstRun) -> None:
    data_dir.mkdir()
    db = Database(data_dir)
    db.path.write_bytes(os.urandom(4096))
    try:
        with pytest.raises(StorageError, match="damaged") as refused:
            run_first_run(db, first_run_data)
    finally:
        db.dispose()
    _assert_clear_message(refused.value)


def test_is_set_up_is_false_for_an_empty_file(empty_db: Database) -> None:
    empty_db.data_dir.mkdir()
    sqlite3.connect(empty_db.path).close()  # a zero-byte file
    assert not is_set_up(empty_db)
