"""Backups of one library: the database (SQLite's online backup API), its photos and logo.

A backup is one file ``perpusdesa-<library>-<YYYYMMDD-HHMMSS>.pdbak`` (the time
in UTC): a zip holding ``manifest.json``, the database copy and the pictures
(``photos/**`` and ``logo-*`` of the data folder). The database is copied with
``sqlite3.Connection.backup`` from a read-only connection, so the program may
keep writing meanwhile (WAL: the copy is one consistent snapshot), and the copy
must pass ``PRAGMA integrity_check`` before it is packed. The file is written as
``.part`` and renamed, so a full or read-only drive leaves the earlier backups
as they were. Each folder keeps 7 daily, 4 weekly and 12 monthly backups
(:func:`choose_kept`).

Backups go to ``data_dir/backups`` and, when the setting ``backup_dir`` names
one, a second folder (a USB stick); ``to_dir`` writes to that folder only.

:func:`restore_backup` must run while no connection to the database is open
(the caller closes the program's connections first: the command line runs it on
its own, the GUI before logging in). It checks the file, backs up the current
database (into ``backups/before-restore``, out of the daily rotation), swaps the restored one in with ``os.replace`` and gives it a new sync
epoch, so a later sync re-sends what the server may lack and nothing is doubled
(the server upserts by id and version).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core.backup_files import (
    FOLDER,
    SUFFIX,
    list_backups,
    mark_second_copy,
    stamp_of,
)
from app.core.errors import KnownError, StorageError
from app.core.ids import uuid7
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import DB_FILENAME, Database, storage_error
from app.db.tables import SYNCED_TABLES

FORMAT = "perpusdesa-backup"
VERSION = 1
BEFORE_RESTORE = "before-restore"  # under FOLDER: out of the daily rotation of FOLDER
MANIFEST = "manifest.json"
COUNTED = {  # manifest "counts": what a librarian recognises her library by
    "members": "SELECT count(*) FROM member WHERE deleted_at IS NULL",
    "titles": "SELECT count(*) FROM title WHERE deleted_at IS NULL",
    "items": "SELECT count(*) FROM item WHERE deleted_at IS NULL",
    "visits": "SELECT count(*) FROM visit WHERE deleted_at IS NULL",
    "loans": "SELECT count(*) FROM loan WHERE deleted_at IS NULL",
    "activities": "SELECT count(*) FROM activity WHERE deleted_at IS NULL",
}
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_CHUNK = 1 << 20


class DamagedDatabase(StorageError):
    """The database itself fails its integrity check."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what its manifest says."""

    path: Path
    created_at: datetime
    library_name: str
    library_id: str | None
    schema_revision: str | None
    integrity: str
    database_size: int
    photo_count: int
    size: int  # of the backup file
    sha256: str  # of the database copy
    second_copy: Path | None = None
    second_error: KnownError | None = None  # the second folder failed (e.g. no USB stick)
    counts: tuple[tuple[str, int], ...] = ()  # (COUNTED key, number); () in older backups


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None  # the database as it was before the restore
    db_epoch: str


def slug(name: str) -> str:
    """The library's name as a file-name part: ``Perpustakaan Desa Miroto`` → ``perpustakaan-desa-miroto``."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    return text or "perpustakaan"


def backup_name(library_name: str, created_at: datetime) -> str:
    stamp = created_at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"perpusdesa-{slug(library_name)}-{stamp}{SUFFIX}"


def choose_kept(
    stamps: Iterable[datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[datetime]:
    """Which backups to keep: the newest of each of the last ``daily`` days that have one,
    of the last ``weekly`` ISO weeks and of the last ``monthly`` months."""
    ordered = sorted(set(stamps), reverse=True)
    kept: set[datetime] = set()
    periods: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (daily, lambda s: s.date()),
        (weekly, lambda s: s.isocalendar()[:2]),
        (monthly, lambda s: (s.year, s.month)),
    )
    for count, period in periods:
        seen: set[object] = set()
        for stamp in ordered:  # newest first: the first of each period is its newest
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(stamp)
    return kept


def rotate(folder: Path, library_slug: str, keep: Path | None = None) -> list[Path]:
    """Remove this library's backups that :func:`choose_kept` does not keep; the removed files.

    ``keep`` (the backup just written) is never removed, even when the PC's clock went
    back (a flat clock battery) so that older-looking stamps seem newer than it.
    """
    mine = [
        path for path in list_backups(folder) if path.name.startswith(f"perpusdesa-{library_slug}-")
    ]
    by_stamp = {stamp_of(path): path for path in mine}
    kept = choose_kept(stamp for stamp in by_stamp if stamp is not None)
    removed = []
    for stamp, path in by_stamp.items():
        if stamp not in kept and path != keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def backup_folders(db: Database) -> list[Path]:
    """The default folder, then the second one when the setting names it."""
    folders = [db.data_dir / FOLDER]
    second = _setting(db, "backup_dir")
    if isinstance(second, str) and second.strip():
        folders.append(Path(second.strip()))
    return folders


def _setting(db: Database, key: str) -> object:
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db.path.as_posix()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    return json.loads(row[0]) if isinstance(row[0], str) else row[0]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pictures(data_dir: Path) -> list[tuple[Path, str]]:
    """(file, name in the zip) of the photos and the logo."""
    found = [
        (path, f"photos/{path.relative_to(data_dir / 'photos').as_posix()}")
        for path in sorted((data_dir / "photos").rglob("*"))
        if path.is_file()
    ]
    found += [(path, path.name) for path in sorted(data_dir.glob("logo-*")) if path.is_file()]
    return found


def _snapshot(db: Database, target: Path) -> dict[str, object]:
    """Copy the live database into ``target`` with the online backup API; its facts."""
    if not db.exists():
        raise StorageError(
            QT_TRANSLATE_NOOP("PerpusDesa", "There is no database in {path} to back up."),
            path=str(db.data_dir),
        )
    try:
        source = sqlite3.connect(f"file:{db.path.as_posix()}?mode=ro", uri=True)
        copy = sqlite3.connect(str(target))
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.backup(copy)  # one step: one consistent snapshot, writers go on (WAL)
        finally:
            source.close()
        try:
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            check = [row[0] for row in copy.execute("PRAGMA integrity_check").fetchall()]
            revision = _one(copy, "SELECT version_num FROM alembic_version")
            library = copy.execute(
                "SELECT id, name FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
            ).fetchone()
            counts = {key: _count(copy, sql) for key, sql in COUNTED.items()}
        finally:
            copy.close()
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, db.path) from exc
    integrity = "ok" if check == ["ok"] else "; ".join(check[:3])
    if integrity != "ok":
        raise DamagedDatabase(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The database failed its check, so no backup was made: {problem}. Restore an"
                " earlier backup.",
            ),
            problem=integrity,
        )
    return {
        "integrity": integrity,
        "schema_revision": revision,
        "library_id": library[0] if library else None,
        "library_name": library[1] if library else "",
        "counts": {key: value for key, value in counts.items() if value is not None},
    }


def _one(conn: sqlite3.Connection, sql: str) -> str | None:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def _count(conn: sqlite3.Connection, sql: str) -> int | None:
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:  # a table an older schema lacks
        return None


def make_backup(
    db: Database, to_dir: Path | None = None, now: datetime | None = None
) -> BackupInfo:
    """Back up ``db`` with its pictures into ``to_dir``, else the default and second folders."""
    from app import __version__

    created_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    folders = [Path(to_dir)] if to_dir is not None else backup_folders(db)
    primary = folders[0]
    try:
        primary.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".backup-", dir=primary))
    except OSError as exc:
        raise _folder_error(exc, primary) from exc
    try:
        copy = work / DB_FILENAME
        facts = _snapshot(db, copy)
        pictures = _pictures(db.data_dir)
        digest = _sha256(copy)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": created_at.isoformat(),
            "app_version": __version__,
            "library": {"name": facts["library_name"], "id": facts["library_id"]},
            "schema_revision": facts["schema_revision"],
            "integrity": facts["integrity"],
            "sizes": {
                "database": copy.stat().st_size,
                "pictures": sum(path.stat().st_size for path, _ in pictures),
                "picture_count": len(pictures),
            },
            "database_sha256": digest,
            "counts": facts["counts"],
        }
        name = backup_name(str(facts["library_name"]), created_at)
        target = primary / name
        part = primary / f".{name}.part"
        try:
            with zipfile.ZipFile(part, "w") as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
                archive.write(
                    copy, DB_FILENAME, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1
                )  # level 1: 4x quicker than the default, 12% larger (5-year demo)
                for path, arcname in pictures:  # JPEG and PNG are compressed already
                    archive.write(path, arcname, compress_type=zipfile.ZIP_STORED)
            _fsync(part)
            os.replace(part, target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise _folder_error(exc, primary) from exc
    except OSError as exc:
        raise _folder_error(exc, primary) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rotate(primary, slug(str(facts["library_name"])), keep=target)
    second_copy: Path | None = None
    second_error: KnownError | None = None
    for folder in folders[1:]:
        try:
            second_copy = _copy_to(target, folder)
            rotate(folder, slug(str(facts["library_name"])), keep=second_copy)
            mark_second_copy(db.data_dir, second_copy, created_at)
        except StorageError as exc:
            second_error = exc
    return _info(target, manifest, second_copy=second_copy, second_error=second_error)


def _copy_to(backup: Path, folder: Path) -> Path:
    part = folder / f".{backup.name}.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(backup, part)
        _fsync(part)
        os.replace(part, folder / backup.name)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise _folder_error(exc, folder) from exc
    return folder / backup.name


def _fsync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _folder_error(exc: BaseException, folder: Path) -> StorageError:
    if isinstance(exc, StorageError):
        return exc
    known = storage_error(exc, folder)
    if known.params.get("reason") is None and "full" not in known.message:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The backup folder {path} cannot be written to. Choose another folder or drive.",
            ),
            path=str(folder),
        )
    return known


def _info(
    path: Path,
    manifest: dict[str, object],
    *,
    second_copy: Path | None = None,
    second_error: KnownError | None = None,
) -> BackupInfo:
    library = manifest.get("library")
    sizes = manifest.get("sizes")
    assert isinstance(library, dict) and isinstance(sizes, dict)
    counts = manifest.get("counts")
    return BackupInfo(
        path=path,
        created_at=datetime.fromisoformat(str(manifest["created_at"])),
        library_name=str(library.get("name") or ""),
        library_id=library.get("id"),
        schema_revision=manifest.get("schema_revision"),  # type: ignore[arg-type]
        integrity=str(manifest.get("integrity")),
        database_size=int(sizes.get("database", 0)),
        photo_count=int(sizes.get("picture_count", 0)),
        size=path.stat().st_size,
        sha256=str(manifest.get("database_sha256")),
        second_copy=second_copy,
        second_error=second_error,
        counts=tuple(
            (str(key), int(value))
            for key, value in (counts.items() if isinstance(counts, dict) else ())
            if isinstance(value, int)
        ),
    )


def last_good_backup(db: Database) -> BackupInfo | None:
    """The newest backup of this library that can be read, from any backup folder."""
    found: list[BackupInfo] = []
    for folder in backup_folders(db):
        for path in list_backups(folder):
            try:
                found.append(read_manifest(path))
                break
            except KnownError:
                continue
    return max(found, key=lambda info: info.created_at, default=None)


# --- checking and restoring -----------------------------------------------------------


def _not_ours(path: Path) -> KnownError:
    return KnownError(
        QT_TRANSLATE_NOOP(
            "PerpusDesa",
            "{file} is not a PerpusDesa backup, or it is incomplete (perhaps it was not copied to"
            " the end). Choose another backup file.",
        ),
        file=path.name,
    )


def _damaged(path: Path) -> KnownError:
    return KnownError(
        QT_TRANSLATE_NOOP(
            "PerpusDesa",
            "The backup {file} is damaged: its database cannot be used. Choose another backup"
            " file.",
        ),
        file=path.name,
    )


def read_manifest(path: Path) -> BackupInfo:
    """The manifest of a backup, without checking the database (quick)."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise _not_ours(Path(path)) from exc
    if (
        not isinstance(manifest, dict)
        or manifest.get("format") != FORMAT
        or DB_FILENAME not in names
        or not isinstance(manifest.get("library"), dict)
        or not isinstance(manifest.get("sizes"), dict)
    ):
        raise _not_ours(Path(path))
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "The backup {file} was made by a newer version of PerpusDesa. Update PerpusDesa"
                " first.",
            ),
            file=Path(path).name,
        )
    try:
        return _info(Path(path), manifest)
    except (KeyError, ValueError, TypeError, AssertionError) as exc:
        raise _not_ours(Path(path)) from exc


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    if name.startswith("/") or ".." in parts or "\\" in name or ":" in name:
        return False
    return (parts[0] == "photos" and len(parts) > 1) or (
        len(parts) == 1 and name.startswith("logo-")
    )


def _extract(path: Path, into: Path) -> tuple[BackupInfo, Path]:
    """Check the backup completely and unpack it into ``into``: (info, the database copy)."""
    info = read_manifest(path)
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                if entry.filename in (MANIFEST, DB_FILENAME) or entry.is_dir():
                    continue
                if not _safe_name(entry.filename):
                    raise _not_ours(path)
            archive.extract(DB_FILENAME, into)  # the CRC is checked while reading
            for entry in archive.infolist():
                if entry.filename not in (MANIFEST, DB_FILENAME) and not entry.is_dir():
                    archive.extract(entry, into / "pictures")
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise _damaged(path) from exc
    except OSError as exc:
        raise _folder_error(exc, into) from exc
    copy = into / DB_FILENAME
    if _sha256(copy) != info.sha256:
        raise _damaged(path)
    try:
        conn = sqlite3.connect(str(copy))
        try:
            check = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
            conn.execute("SELECT count(*) FROM library").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path) from exc
    if check != ["ok"]:
        raise _damaged(path)
    return info, copy


def verify_backup(path: Path) -> BackupInfo:
    """Check a backup file through and through; its manifest. KnownError if it cannot be used."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="perpusdesa-verify-") as work:
        info, _copy = _extract(path, Path(work))
    return info


def restore_backup(db: Database, path: Path, now: datetime | None = None) -> RestoreResult:
    """Replace the library in ``db`` by the backup ``path``; no connection may be open.

    The backup is checked first, the current database is backed up into the
    default folder (or, if it is too damaged to back up, its file is set aside
    there), then the restored database, with a new sync epoch and each record at
    the version it had reached before the restore, takes its place.
    """
    path = Path(path)
    db.dispose()
    try:
        db.data_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".restore-", dir=db.data_dir))
    except OSError as exc:
        raise _folder_error(exc, db.data_dir) from exc
    try:
        info, copy = _extract(path, work)
        safety = _save_current(db, now)
        epoch = _new_epoch(copy, _device_id(db))
        _keep_versions(copy, db)
        try:
            _checkpoint(db.path)
            for extra in ("-wal", "-shm", "-journal"):
                Path(f"{db.path}{extra}").unlink(missing_ok=True)
            os.replace(copy, db.path)
            pictures = work / "pictures"
            if pictures.is_dir():
                for source in sorted(pictures.rglob("*")):
                    if source.is_file():
                        target = db.data_dir / source.relative_to(pictures)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(source, target)
        except (OSError, sqlite3.Error) as exc:
            raise _folder_error(exc, db.data_dir) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RestoreResult(restored=info, safety_copy=safety, db_epoch=epoch)


def _save_current(db: Database, now: datetime | None) -> Path | None:
    if not db.exists():
        return None
    try:
        return make_backup(db, to_dir=db.data_dir / FOLDER / BEFORE_RESTORE, now=now).path
    except DamagedDatabase:
        pass
    except StorageError as exc:
        if "damaged" not in exc.message:
            raise
    # Too damaged for a backup: keep its file as it is, beside the backups.
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    aside = db.data_dir / FOLDER / BEFORE_RESTORE / f"damaged-{stamp}-{DB_FILENAME}"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db.path, aside)
        for extra in ("-wal", "-shm"):  # its latest changes may be in its log still
            if Path(f"{db.path}{extra}").exists():
                shutil.copyfile(f"{db.path}{extra}", f"{aside}{extra}")
    except OSError as exc:
        raise _folder_error(exc, aside.parent) from exc
    return aside


def _device_id(db: Database) -> str | None:
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db.path.as_posix()}?mode=ro", uri=True)
        try:
            return _one(conn, "SELECT device_id FROM sync_state ORDER BY id LIMIT 1")
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _new_epoch(copy: Path, device_id: str | None) -> str:
    """Give the restored database a new sync epoch (creating its sync row if it has none)."""
    epoch = uuid7()
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        updated = conn.execute(
            "UPDATE sync_state SET db_epoch = ?, last_acked_seq = 0", (epoch,)
        ).rowcount
        if not updated:
            conn.execute(
                "INSERT INTO sync_state (id, device_id, db_epoch, last_acked_seq) VALUES (1, ?, ?, 0)",
                (device_id or uuid7(), epoch),
            )
        # What was being sent when the backup was made is sent again in the new epoch.
        conn.execute("UPDATE outbox SET state = 'pending', batch_id = NULL WHERE state = 'sending'")
        conn.execute("COMMIT")
    finally:
        conn.close()
    return epoch


def _keep_versions(copy: Path, db: Database) -> None:
    """Give each restored record the version it had on this PC before the restore, where
    that is higher: the server may hold that version (synced after the backup), and an
    edit made after the restore must go above it, or the server would take the edit for a
    version it has and keep the older text. The restored texts stay as the backup has them
    (what the server has of them is newer, and stays). Nothing to go by if the database
    being replaced is missing or too damaged to read."""
    if not db.exists():
        return
    try:
        # By plain paths (a URI cannot name a folder on a network share): the replaced
        # database is only read, and replaced right after.
        conn = sqlite3.connect(str(copy), isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("ATTACH DATABASE ? AS replaced", (str(db.path),))
        tables = [
            table
            for (table,) in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' INTERSECT "
                "SELECT name FROM replaced.sqlite_master WHERE type = 'table'"
            )
            if table in SYNCED_TABLES
        ]
        conn.execute("BEGIN IMMEDIATE")
        for table in sorted(tables):
            newer = f"SELECT r.version FROM replaced.{table} AS r WHERE r.id = main.{table}.id"
            conn.execute(f"UPDATE main.{table} SET version = ({newer}) WHERE version < ({newer})")
        conn.execute("COMMIT")
    except sqlite3.Error:  # too damaged to read: the restore goes on without it
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the database file before it is replaced."""
    if not path.exists():
        return
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        # Not a database any more: its file was set aside as it is (_save_current).
        if exc.sqlite_errorcode not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise
    finally:
        conn.close()
