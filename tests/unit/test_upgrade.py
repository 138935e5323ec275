"""A newer program opening an older library: a checked backup first, then the migration."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.backup import FOLDER, restore_backup, stamp_of, verify_backup
from app.core.errors import StorageError
from app.core.upgrade import BEFORE_UPGRADE, before_upgrade_backups, before_upgrade_folder
from app.core.visits import VisitInput, VisitService
from app.db import migrate
from app.db.database import Database
from app.db.tables import HEAD_REVISION
from tests.conftest import LibraryDb

OLD_REVISION = "0003_title_search"  # before the stocktake and month-note tables
GUESTS = ("Siti Aminah", "Budi Santoso", "Wayan Sudarma")


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def older_library(library_db: LibraryDb) -> Database:
    """The test's library with three guest visits, taken back to an older schema revision,
    as an older version of the program left it; the program's connections closed."""
    with VisitService(library_db.db, library_db.admin) as visits:
        for name in GUESTS:
            visits.record(
                VisitInput(
                    kind="guest",
                    visited_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
                    guest_name=name,
                    gender="P",
                    age_band="dewasa",
                    purposes=("membaca",),
                )
            )
    db = library_db.db
    from alembic import command

    config = migrate.alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, OLD_REVISION)
    db.dispose()
    assert Database(db.data_dir).revision() == OLD_REVISION
    assert "month_note" not in tables(db.path)
    return Database(db.data_dir)


def test_an_older_database_is_backed_up_then_migrated(library_db: LibraryDb) -> None:
    db = older_library(library_db)
    try:
        db.ensure_schema()  # what the command line and the first-run check call
        assert db.revision() == HEAD_REVISION
    finally:
        db.dispose()
    assert "month_note" in tables(db.path)
    assert count(db.path, "SELECT count(*) FROM visit WHERE deleted_at IS NULL") == len(GUESTS)

    backups = before_upgrade_backups(db)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.parent == db.data_dir / FOLDER / BEFORE_UPGRADE
    assert stamp_of(backup) is not None  # a normal backup name: the restore screen lists it
    info = verify_backup(backup)
    assert info.integrity == "ok"
    assert info.schema_revision == OLD_REVISION  # made before the migration touched anything
    assert info.library_name == library_db.profile.name

    # Going back to the older version: the backup restores the older schema and the visits.
    elsewhere = Database(db.data_dir.parent / "kembali")
    restore_backup(elsewhere, backup)
    assert elsewhere.revision() == OLD_REVISION
    assert count(elsewhere.path, "SELECT count(*) FROM visit") == len(GUESTS)


def test_the_window_path_backs_up_too(library_db: LibraryDb) -> None:
    """Database.upgrade(), which the window runs when the database is not current."""
    db = older_library(library_db)
    try:
        assert not db.is_current()
        db.upgrade()
        assert db.is_current()
    finally:
        db.dispose()
    assert len(before_upgrade_backups(db)) == 1


def test_a_current_or_new_database_is_not_backed_up(library_db: LibraryDb, tmp_path: Path) -> None:
    library_db.db.upgrade()
    library_db.db.ensure_schema()
    assert not before_upgrade_folder(library_db.db).exists()

    fresh = Database(tmp_path / "baru")
    try:
        fresh.upgrade()
        assert fresh.is_current()
    finally:
        fresh.dispose()
    assert not before_upgrade_folder(fresh).exists()


def test_no_migration_when_the_backup_cannot_be_written(library_db: LibraryDb) -> None:
    db = older_library(library_db)
    folder = before_upgrade_folder(db)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the backup folder should be")
    try:
        with pytest.raises(StorageError) as raised:
            db.upgrade()
        assert "backup folder" in raised.value.message
        assert raised.value.params["path"] == str(folder)
        assert db.revision() == OLD_REVISION  # untouched: the older program still opens it
    finally:
        db.dispose()
    assert count(db.path, "SELECT count(*) FROM visit") == len(GUESTS)
    assert "month_note" not in tables(db.path)
