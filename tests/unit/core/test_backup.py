"""Backups and restore: consistent while the desk writes, rotated, checked, restored with a new epoch."""

from __future__ import annotations

import errno
import hashlib
import json
import sqlite3
import threading
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.core import backup
from app.core.backup import (
    choose_kept,
    last_good_backup,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
    verify_backup,
)
from app.core.errors import KnownError, StorageError, ValidationError
from app.core.settings import Settings
from app.core.visits import VisitInput, VisitService
from tests.conftest import LibraryDb

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def guest(name: str) -> VisitInput:
    return VisitInput(
        kind="guest",
        visited_at=NOW,
        guest_name=name,
        gender="P",
        age_band="dewasa",
        purposes=("membaca",),
    )


def record_visits(library_db: LibraryDb, count: int) -> None:
    with VisitService(library_db.db, library_db.admin) as visits:
        for number in range(count):
            visits.record(guest(f"Tamu {number}"))


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def epoch(path: Path) -> str | None:
    conn = sqlite3.connect(str(path))
    try:
        row = conn.execute("SELECT db_epoch FROM sync_state").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def database_in(backup_file: Path, into: Path) -> Path:
    with zipfile.ZipFile(backup_file) as archive:
        archive.extract("perpusdesa.sqlite3", into)
    return into / "perpusdesa.sqlite3"


def add_pictures(data_dir: Path) -> None:
    (data_dir / "photos" / "members").mkdir(parents=True, exist_ok=True)
    (data_dir / "photos" / "members" / "siti.jpg").write_bytes(b"\xff\xd8siti")
    (data_dir / "logo-1.png").write_bytes(b"\x89PNGlogo")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- making a backup ----------------------------------------------------------------------


def test_a_backup_while_the_desk_records_visits_is_consistent(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    record_visits(library_db, 200)  # enough pages for the copy to take a moment
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def desk() -> None:
        try:
            with VisitService(library_db.db, library_db.admin) as visits:
                while not stop.is_set():
                    visits.record(guest("Bu Sari"))
                    written.append(1)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    writer = threading.Thread(target=desk)
    writer.start()
    try:
        while len(written) < 5 and writer.is_alive():
            stop.wait(0.01)
        before = len(written)
        info = make_backup(library_db.db, now=NOW)
        while len(written) < before + 5 and writer.is_alive():
            stop.wait(0.01)
    finally:
        stop.set()
        writer.join()
    assert errors == []
    assert info.integrity == "ok"
    copy = database_in(info.path, tmp_path / "copy")
    conn = sqlite3.connect(str(copy))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    visits = conn.execute("SELECT count(*) FROM visit").fetchone()[0]
    # Every visit in the copy has its outbox row: a snapshot, not a torn copy.
    outbox = conn.execute("SELECT count(*) FROM outbox WHERE table_name = 'visit'").fetchone()[0]
    conn.close()
    assert visits == outbox
    assert 200 + before <= visits < 200 + len(written)
    assert count(library_db.db.path, "SELECT count(*) FROM visit") == 200 + len(written)


def test_a_backup_holds_the_photos_the_logo_and_a_manifest(library_db: LibraryDb) -> None:
    add_pictures(library_db.db.data_dir)
    info = make_backup(library_db.db, now=NOW)
    assert info.path == (
        library_db.db.data_dir
        / "backups"
        / "perpusdesa-perpustakaan-desa-miroto-20261126-100000.pdbak"
    )
    with zipfile.ZipFile(info.path) as archive:
        assert archive.read("photos/members/siti.jpg") == b"\xff\xd8siti"
        assert archive.read("logo-1.png") == b"\x89PNGlogo"
        manifest = json.loads(archive.read("manifest.json"))
        database = archive.read("perpusdesa.sqlite3")
    assert manifest["format"] == "perpusdesa-backup"
    assert manifest["library"] == {
        "name": "Perpustakaan Desa Miroto",
        "id": library_db.library_id,
    }
    assert manifest["integrity"] == "ok"
    assert manifest["database_sha256"] == hashlib.sha256(database).hexdigest()
    assert manifest["sizes"]["picture_count"] == 2
    assert (info.photo_count, info.library_name) == (2, "Perpustakaan Desa Miroto")
    assert last_good_backup(library_db.db) == verify_backup(info.path)
    assert not list(info.path.parent.glob(".*"))  # no .part or work folder left


def test_a_second_folder_gets_a_copy_and_a_missing_stick_is_only_reported(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    conn = library_db.db.connect()
    settings = Settings(conn)
    with pytest.raises(ValidationError):
        settings.set("backup_dir", "relative/folder")
    settings.set("backup_dir", str(tmp_path / "usb"))
    info = make_backup(library_db.db, now=NOW)
    assert info.second_copy == tmp_path / "usb" / info.path.name
    assert info.second_copy.read_bytes() == info.path.read_bytes()
    (tmp_path / "gone").write_text("a file, not a stick")
    settings.set("backup_dir", str(tmp_path / "gone" / "usb"))
    conn.close()
    later = make_backup(library_db.db, now=NOW + timedelta(days=1))
    assert later.path.is_file() and later.second_copy is None
    assert later.second_error is not None and "cannot be written" in str(later.second_error)


# --- rotation ----------------------------------------------------------------------------


def a_year_of_daily_backups() -> list[datetime]:
    first = datetime(2026, 1, 1, 12, tzinfo=UTC)
    return [first + timedelta(days=day) for day in range(365)]


def expected_after_a_year() -> set[datetime]:
    days = [date(2026, 12, day) for day in range(25, 32)]  # 7 daily
    days += [date(2026, 12, 20), date(2026, 12, 13)]  # weeks 51 and 50 (52, 53 are daily too)
    days += [date(2026, month + 1, 1) - timedelta(days=1) for month in range(1, 12)]  # months
    return {datetime(day.year, day.month, day.day, 12, tzinfo=UTC) for day in days}


def test_rotation_keeps_7_daily_4_weekly_and_12_monthly() -> None:
    kept = choose_kept(a_year_of_daily_backups())
    assert kept == expected_after_a_year()
    assert len(kept) == 20
    # Two the same day: only the newer one counts for that day.
    morning, evening = datetime(2026, 3, 2, 7, tzinfo=UTC), datetime(2026, 3, 2, 19, tzinfo=UTC)
    assert choose_kept([morning, evening]) == {evening}


def test_rotation_removes_only_this_librarys_old_files(tmp_path: Path) -> None:
    for stamp in a_year_of_daily_backups():
        name = f"perpusdesa-miroto-{stamp:%Y%m%d-%H%M%S}.pdbak"
        (tmp_path / name).write_bytes(b"")
    other = tmp_path / "perpusdesa-brumbungan-20260105-120000.pdbak"
    other.write_bytes(b"")
    (tmp_path / "catatan.txt").write_text("not a backup")
    removed = rotate(tmp_path, "miroto")
    assert len(removed) == 365 - 20
    left = {backup.stamp_of(path) for path in list_backups(tmp_path) if path != other}
    assert left == expected_after_a_year()
    assert other.exists() and (tmp_path / "catatan.txt").exists()


# --- refusing bad files -------------------------------------------------------------------


def assert_refused(library_db: LibraryDb, bad: Path, words: str) -> None:
    before = digest(library_db.db.path)
    backups = sorted((library_db.db.data_dir / "backups").glob("*"))
    with pytest.raises(KnownError) as refused:
        verify_backup(bad)
    assert words in str(refused.value) and bad.name in str(refused.value)
    with pytest.raises(KnownError) as refused_restore:
        restore_backup(library_db.db, bad)
    assert str(refused_restore.value) == str(refused.value)
    assert digest(library_db.db.path) == before
    assert sorted((library_db.db.data_dir / "backups").glob("*")) == backups
    assert not list(library_db.db.data_dir.glob(".restore-*"))


def test_a_truncated_backup_is_refused(library_db: LibraryDb, tmp_path: Path) -> None:
    good = make_backup(library_db.db, now=NOW).path
    truncated = tmp_path / "potong.pdbak"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert_refused(library_db, truncated, "is not a PerpusDesa backup, or it is incomplete")


def test_a_zip_that_is_not_ours_is_refused(library_db: LibraryDb, tmp_path: Path) -> None:
    foreign = tmp_path / "foto-liburan.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else"}))
        archive.writestr("perpusdesa.sqlite3", b"x")
    assert_refused(library_db, foreign, "is not a PerpusDesa backup")
    text = tmp_path / "surat.pdbak"
    text.write_text("Surat undangan")
    assert_refused(library_db, text, "is not a PerpusDesa backup")


def test_a_backup_with_a_damaged_database_is_refused(library_db: LibraryDb, tmp_path: Path) -> None:
    good = make_backup(library_db.db, now=NOW).path
    database = bytearray(database_in(good, tmp_path / "x").read_bytes())
    database[4096 * 2 : 4096 * 6] = b"\x5a" * (4096 * 4)  # pages 3..6 overwritten
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["database_sha256"] = hashlib.sha256(bytes(database)).hexdigest()
    damaged = tmp_path / "rusak.pdbak"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("perpusdesa.sqlite3", bytes(database))
    assert_refused(library_db, damaged, "is damaged: its database cannot be used")


# --- unwritable destinations ---------------------------------------------------------------


def test_an_unwritable_folder_gives_a_clear_message_and_keeps_the_backups(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    earlier = make_backup(library_db.db, now=NOW).path
    content = earlier.read_bytes()
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError) as refused:
        make_backup(library_db.db, to_dir=blocker / "cadangan", now=NOW + timedelta(hours=1))
    assert str(refused.value) == (
        f"The backup folder {blocker / 'cadangan'} cannot be written to."
        " Choose another folder or drive."
    )
    assert list_backups(earlier.parent) == [earlier] and earlier.read_bytes() == content


def test_a_full_drive_gives_a_clear_message_and_keeps_the_backups(
    library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = make_backup(library_db.db, now=NOW).path
    content = earlier.read_bytes()

    def full(_path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_fsync", full)
    with pytest.raises(StorageError) as refused:
        make_backup(library_db.db, now=NOW + timedelta(days=1))
    assert str(refused.value).startswith("The disk is full.")
    folder = earlier.parent
    assert list(folder.iterdir()) == [earlier] and earlier.read_bytes() == content


# --- restoring ----------------------------------------------------------------------------


def test_restore_brings_back_records_and_photos_with_a_new_epoch(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    data_dir = library_db.db.data_dir
    record_visits(library_db, 3)
    add_pictures(data_dir)
    first_epoch = epoch(library_db.db.path)
    assert first_epoch is not None
    saved = make_backup(library_db.db, to_dir=tmp_path / "usb", now=NOW)
    morning = make_backup(library_db.db, now=NOW).path  # today's backup in the data folder
    record_visits(library_db, 2)  # after the backup: gone after the restore
    (data_dir / "photos" / "members" / "siti.jpg").unlink()
    library_db.db.dispose()

    result = restore_backup(library_db.db, saved.path, now=NOW + timedelta(hours=1))

    assert count(library_db.db.path, "SELECT count(*) FROM visit") == 3
    assert (data_dir / "photos" / "members" / "siti.jpg").read_bytes() == b"\xff\xd8siti"
    new_epoch = epoch(library_db.db.path)
    assert new_epoch == result.db_epoch and new_epoch != first_epoch
    # The database as it was (5 visits) was backed up before the swap.
    assert result.safety_copy is not None
    assert result.safety_copy.parent == data_dir / "backups" / "before-restore"
    assert list_backups(data_dir / "backups") == [morning]  # not rotated away by the restore
    safety = database_in(result.safety_copy, tmp_path / "safety")
    assert count(safety, "SELECT count(*) FROM visit") == 5
    assert epoch(safety) == first_epoch
    conn = library_db.db.connect()  # the program opens it as usual
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_creates_the_sync_row_when_the_backup_had_none(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    conn = sqlite3.connect(str(library_db.db.path))
    device = conn.execute("SELECT device_id FROM sync_state").fetchone()[0]
    conn.execute("DELETE FROM sync_state")
    conn.commit()
    conn.close()
    saved = make_backup(library_db.db, now=NOW)
    conn = sqlite3.connect(str(library_db.db.path))
    conn.execute(
        "INSERT INTO sync_state (id, device_id, db_epoch, last_acked_seq) VALUES (1, ?, 'e1', 0)",
        (device,),
    )
    conn.commit()
    conn.close()
    result = restore_backup(library_db.db, saved.path, now=NOW + timedelta(hours=1))
    conn = sqlite3.connect(str(library_db.db.path))
    rows = conn.execute("SELECT device_id, db_epoch FROM sync_state").fetchall()
    conn.close()
    assert rows == [(device, result.db_epoch)] and result.db_epoch != "e1"


def test_restore_onto_an_empty_folder(library_db: LibraryDb, tmp_path: Path) -> None:
    from app.db.database import Database

    saved = make_backup(library_db.db, now=NOW)
    fresh = Database(tmp_path / "pc-baru")
    result = restore_backup(fresh, saved.path)
    assert result.safety_copy is None
    assert count(fresh.path, "SELECT count(*) FROM library") == 1
    assert epoch(fresh.path) == result.db_epoch


def versions(path: Path) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(str(path))
    try:
        return {
            str(row[0]): (int(row[1]), str(row[2]))
            for row in conn.execute("SELECT id, version, guest_name FROM visit")
        }
    finally:
        conn.close()


def test_an_edit_after_a_restore_goes_above_every_version_the_pc_sent_before_it(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    """A visit corrected twice after the backup may be on the server at version 3: the
    restored visit keeps the backup's text at version 3, so its next edit is version 4 and
    the server takes it (at version 2 the server would keep its own text)."""
    record_visits(library_db, 2)
    (corrected, untouched) = sorted(versions(library_db.db.path))
    saved = make_backup(library_db.db, to_dir=tmp_path / "usb", now=NOW)
    with VisitService(library_db.db, library_db.admin) as visits:
        visits.update(corrected, guest("Tamu Siang"))
        visits.update(corrected, guest("Tamu Sore"))
    assert versions(library_db.db.path)[corrected] == (3, "Tamu Sore")
    library_db.db.dispose()

    restore_backup(library_db.db, saved.path, now=NOW + timedelta(hours=1))

    assert versions(library_db.db.path) == {corrected: (3, "Tamu 0"), untouched: (1, "Tamu 1")}
    with VisitService(library_db.db, library_db.admin) as visits:
        visits.update(corrected, guest("Tamu Malam"))
    assert versions(library_db.db.path)[corrected] == (4, "Tamu Malam")


def test_a_damaged_database_does_not_stop_the_restore(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    record_visits(library_db, 1)
    saved = make_backup(library_db.db, to_dir=tmp_path / "usb", now=NOW)
    library_db.db.dispose()
    library_db.db.path.write_bytes(b"not a database at all" * 100)
    Path(f"{library_db.db.path}-wal").write_bytes(b"its last changes")
    result = restore_backup(library_db.db, saved.path, now=NOW + timedelta(hours=1))
    assert [version for version, _ in versions(library_db.db.path).values()] == [1]
    assert epoch(library_db.db.path) == result.db_epoch
    # Set aside as it was, with its log.
    assert result.safety_copy is not None and result.safety_copy.name.startswith("damaged-")
    assert Path(f"{result.safety_copy}-wal").read_bytes() == b"its last changes"


def test_a_backup_made_after_the_clock_went_back_is_kept(library_db: LibraryDb) -> None:
    """A flat clock battery: the PC thinks it is a month earlier than the newest backup."""
    for day in range(12):  # more daily backups than rotation keeps
        make_backup(library_db.db, now=NOW - timedelta(days=day))
    early = NOW - timedelta(days=40)

    info = make_backup(library_db.db, now=early)

    assert info.path.exists()
    assert verify_backup(info.path).sha256 == info.sha256
