"""The crash-test child: the program's own services writing in a loop until killed.

``python -m tests.crash_child DATA_DIR SEED`` opens the library in DATA_DIR
(set up by :func:`tests.crash_harness.set_up_library`) and, for ever, records
guest visits, lends and returns items and records or changes activities,
each through the real services (one unit of work each). After each service
call has returned, so only after its transaction committed, it prints one line
``<record id> <kind> <version>`` and flushes stdout; the harness kills the
process with SIGKILL at a random moment and checks that every printed write
survived. ``ready`` is printed once, after start-up, before the first write.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import random
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from app.core.activities import ActivityInput, ActivityService
from app.core.auth import UserService
from app.core.circulation import CirculationService
from app.core.clock import utcnow
from app.core.errors import KnownError
from app.core.visits import VisitInput, VisitService
from app.db.database import Database

GUEST = VisitInput(
    kind="guest",
    guest_name="Tamu Uji",
    gender="P",
    age_band="dewasa",
    occupation="petani",
    origin_other="Desa tetangga",
    purposes=("membaca",),
)


def _activity(rng: random.Random) -> ActivityInput:
    starts = utcnow() - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 5))
    return ActivityInput(
        title=f"Kegiatan uji {rng.randint(1, 10**6)}",
        category="literasi_anak",
        strategy="layanan",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        participants={"L": {"anak": rng.randint(1, 20)}, "P": {"anak": rng.randint(1, 20)}},
    )


def _say(record_id: str, kind: str, version: int) -> None:
    sys.stdout.write(f"{record_id} {kind} {version}\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    data_dir, seed = Path(argv[0]), int(argv[1])
    rng = random.Random(seed)
    db = Database(data_dir)
    conn = db.connect()
    admin = next(u for u in UserService(conn).list_users() if u.username == "admin")
    members = [row[0] for row in conn.execute("SELECT member_no FROM member ORDER BY member_no")]
    on_loan = {
        row[0]: row[1]
        for row in conn.execute(
            "SELECT i.barcode, l.id FROM loan l JOIN item i ON i.id = l.item_id"
            " WHERE l.returned_at IS NULL"
        )
    }
    shelf = [
        row[0]
        for row in conn.execute("SELECT barcode FROM item ORDER BY barcode")
        if row[0] not in on_loan
    ]
    conn.close()
    visits = VisitService(db, admin)
    desk = CirculationService(db, admin)
    activities = ActivityService(db, admin)
    mine: dict[str, tuple[ActivityInput, int]] = {}  # activities of this run: input, version
    visits.warm_up()  # the imports of the first write, so that "ready" means writing
    desk.warm_up()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        roll = rng.random()
        if roll < 0.35:
            _say(visits.record(GUEST), "visit", 1)
        elif roll < 0.55 and shelf:
            barcode = shelf.pop(rng.randrange(len(shelf)))
            try:
                loan = desk.lend(rng.choice(members), barcode)
            except KnownError:  # a member at the limit: nothing written
                shelf.append(barcode)
                continue
            on_loan[barcode] = loan.id
            _say(loan.id, "loan", 1)
        elif roll < 0.75 and on_loan:
            barcode = rng.choice(sorted(on_loan))
            loan = desk.return_item(barcode)
            del on_loan[barcode]
            shelf.append(barcode)
            _say(loan.id, "loan", 2)  # created at 1, closed once: never renewed here
        elif roll < 0.9 or not mine:
            data = _activity(rng)
            activity_id = activities.record(data)
            mine[activity_id] = (data, 1)
            _say(activity_id, "activity", 1)
        else:
            activity_id = rng.choice(sorted(mine))
            data, version = mine[activity_id]
            changed = replace(data, outcomes=f"Catatan ke-{version + 1}")  # always a change
            activities.update(activity_id, changed)
            mine[activity_id] = (changed, version + 1)
            _say(activity_id, "activity", version + 1)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
