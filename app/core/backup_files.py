"""Backup files by name, and the backup status the Beranda shows, read cheaply.

Split from :mod:`app.core.backup` so that the Beranda's first fill, which runs
while the window starts, reads a few directory listings and one small mark file
without loading zipfile, hashlib (OpenSSL) and the rest of the backup machinery.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

SUFFIX = ".pdbak"
FOLDER = "backups"
SECOND_MARK = "second-copy.json"  # in FOLDER: when a copy last reached the second folder
_NAME = re.compile(r"^perpusdesa-(?P<slug>[a-z0-9-]+)-(?P<stamp>\d{8}-\d{6})\.pdbak$")


def stamp_of(path: Path) -> datetime | None:
    """The time in a backup's file name, or None for another file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    s = match["stamp"]  # YYYYmmdd-HHMMSS; not strptime, which loads the locale machinery
    try:
        return datetime(
            int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
            tzinfo=UTC,
        )  # fmt: skip
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """The backup files in ``folder`` (any library), newest first."""
    try:
        found = [path for path in Path(folder).iterdir() if stamp_of(path) is not None]
    except OSError:
        return []
    return sorted(found, key=lambda path: (stamp_of(path), path.name), reverse=True)


@dataclass(frozen=True)
class BackupStatus:
    """When the last backups were made, from file names and a small mark: no zip is opened.

    Every ``.pdbak`` file under its own name was checked before it was written
    (``make_backup`` writes nothing else), so its time is a good backup's.
    """

    last_at: datetime | None  # the newest backup in the default or the second folder (UTC)
    second_folder: Path | None  # the setting ``backup_dir``; None: not chosen
    second_at: datetime | None  # the newest copy known on the second folder (UTC)

    def second_missing(self, now: datetime, days: int = 7) -> bool:
        """No second folder, or no copy on it for ``days`` days: the Beranda warns."""
        return self.second_at is None or now - self.second_at > timedelta(days=days)


def mark_second_copy(data_dir: Path, copy: Path, created_at: datetime) -> None:
    """Remember that a copy reached the second folder (a USB stick is often unplugged)."""
    mark = data_dir / FOLDER / SECOND_MARK
    with contextlib.suppress(OSError):
        mark.write_text(
            json.dumps({"folder": str(copy.parent), "created_at": created_at.isoformat()}),
            encoding="utf-8",
        )


def _marked_second_copy(data_dir: Path, folder: Path) -> datetime | None:
    try:
        mark = json.loads((data_dir / FOLDER / SECOND_MARK).read_text(encoding="utf-8"))
        if Path(mark["folder"]) != folder:
            return None  # another folder was chosen since
        return datetime.fromisoformat(mark["created_at"]).astimezone(UTC)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def backup_status(data_dir: Path, second_folder: str | None) -> BackupStatus:
    """The last backup, and the last copy on the second folder (a few directory reads)."""
    second = Path(second_folder.strip()) if second_folder and second_folder.strip() else None
    own = list_backups(Path(data_dir) / FOLDER)
    newest = [stamp_of(own[0])] if own else []
    second_at: datetime | None = None
    if second is not None:
        on_second = list_backups(second)
        if on_second:
            newest.append(stamp_of(on_second[0]))
            second_at = stamp_of(on_second[0])
        marked = _marked_second_copy(Path(data_dir), second)
        if marked is not None and (second_at is None or marked > second_at):
            second_at = marked
    known = [stamp for stamp in newest if stamp is not None]
    return BackupStatus(last_at=max(known, default=None), second_folder=second, second_at=second_at)
