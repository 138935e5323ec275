"""The backup made before a newer version of the program migrates an older database.

Installing a newer PerpusDesa over an older one keeps the data folder; on the
first start the database is migrated (``app.db.migrate.upgrade``), and just
before that this module backs it up, with its photos, into
``backups/before-upgrade`` of the data folder (out of the daily rotation of
``backups``, like ``before-restore``). Its manifest names the old schema
revision, so the manager can go back to the older version with
``perpusdesa restore FILE`` if the new one disappoints.

If the backup cannot be made (a full disk, a damaged database) the upgrade is
not attempted: the error goes to the caller and the database stays as it was.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from app.core.backup import FOLDER, BackupInfo, list_backups, make_backup
from app.db.database import DB_FILENAME, Database

BEFORE_UPGRADE = "before-upgrade"  # under backups/

log = logging.getLogger(__name__)


def before_upgrade_folder(db: Database) -> Path:
    return db.data_dir / FOLDER / BEFORE_UPGRADE


def backup_before_upgrade(
    db: Database, from_revision: str, to_revision: str, now: datetime | None = None
) -> BackupInfo:
    """Back ``db`` up into ``backups/before-upgrade``; StorageError if that fails."""
    info = make_backup(db, to_dir=before_upgrade_folder(db), now=now)
    log.info(
        "database at %s backed up to %s before the upgrade to %s",
        from_revision,
        info.path,
        to_revision,
    )
    return info


def backup_before_upgrade_of(database_file: Path, from_revision: str, to_revision: str) -> None:
    """The same, for the database file an engine opens (called by ``app.db.migrate.upgrade``).

    Only a library's own database file (``perpusdesa.sqlite3``) is backed up:
    nothing else is a library that could be restored.
    """
    if database_file.name != DB_FILENAME:
        return
    backup_before_upgrade(Database(database_file.parent), from_revision, to_revision)


def before_upgrade_backups(db: Database) -> list[Path]:
    """The backups made before upgrades, newest first."""
    return list_backups(before_upgrade_folder(db))
