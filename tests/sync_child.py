"""The sync tests' demo library, and a child process that syncs until it is killed.

:func:`demo_copy` gives a test its own copy of one demo library (``--years 1``,
~10 000 records) made once per test run. ``python -m tests.sync_child DATA_DIR
RECORDS`` runs ``SyncClient.sync`` on the library in DATA_DIR with at most
RECORDS records per batch and prints ``batch <n>`` after the n-th receipt was
recorded, so the parent can SIGKILL it mid-sync.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import shutil
import sqlite3
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

from app.db.database import DB_FILENAME, Database

_TEMPLATES: dict[int, Path] = {}
_LOCK = threading.Lock()
DEMO_TODAY = date(2026, 11, 20)


def demo_template(years: int = 1) -> Path:
    """The data folder of the demo library made once per test run (do not write to it)."""
    with _LOCK:
        if years not in _TEMPLATES:
            from app.core.demo import generate_demo

            folder = Path(tempfile.mkdtemp(prefix=f"sync-demo-{years}-"))
            db = Database(folder)
            generate_demo(db, years=years, seed=1, today=DEMO_TODAY)
            db.dispose()
            conn = sqlite3.connect(folder / DB_FILENAME)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            _TEMPLATES[years] = folder
        return _TEMPLATES[years]


def demo_copy(data_dir: Path, years: int = 1) -> Database:
    """A fresh copy of the demo library in ``data_dir``."""
    template = demo_template(years)
    data_dir.mkdir(parents=True, exist_ok=True)
    for part in template.glob(DB_FILENAME + "*"):
        shutil.copyfile(part, data_dir / part.name)
    return Database(data_dir)


def personal_values(db: Database) -> list[tuple[str, str]]:
    """(field, value) of members' and guests' personal data that must never leave the PC.

    Names that are also public text (the demo's book authors come from the same
    name lists) and birth dates inside the data's own years are left out: their
    presence would prove nothing.
    """
    conn = db.connect()
    try:
        public = " ".join(
            str(row[0])
            for sql in (
                "SELECT authors || ' ' || title || ' ' || coalesce(publisher, '') FROM title",
                "SELECT title FROM activity",
                "SELECT name FROM partner",
                "SELECT title FROM partnership",
                "SELECT name FROM library",
                "SELECT coalesce(person_name, '') || ' ' || coalesce(title, '')"
                " || ' ' || coalesce(text, '') FROM story WHERE publish_with_name",
            )
            for row in conn.execute(sql)
        )
        first_year = conn.execute("SELECT min(substr(registered_on, 1, 4)) FROM member").fetchone()[
            0
        ]
        found: list[tuple[str, str]] = []
        for field in ("name", "member_no", "nik", "phone", "address", "birth_date"):
            for (value,) in conn.execute(f"SELECT DISTINCT {field} FROM member"):
                if not value or len(str(value)) < 5:
                    continue
                text = str(value)
                if text in public:
                    continue
                if field == "birth_date" and text[:4] >= str(first_year):
                    continue
                found.append((field, text))
        for (value,) in conn.execute("SELECT DISTINCT guest_name FROM visit"):
            if value and len(value) >= 5 and value not in public:
                found.append(("guest_name", str(value)))
        return found
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    from app.core.tasks import Progress
    from sync.client import SyncClient, SyncStep

    data_dir, batch_records = Path(argv[0]), int(argv[1])
    db = Database(data_dir)

    def on_step(step: SyncStep) -> None:
        if step.phase == "sending" and step.batches_done:
            print(f"batch {step.batches_done}", flush=True)

    print("ready", flush=True)
    result = SyncClient(db, tries=8, backoff=0.2, batch_records=batch_records).sync(
        Progress(), on_step
    )
    print(f"done {result.sent} {result.already_there} {result.refused}", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
