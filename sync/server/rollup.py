"""Monthly roll-ups: each library's figures per month, and its regions' sums, kept exact.

Three tables keyed by library and one derived table (``sync.server.models``):

- ``rollup_dirty``: a library whose records changed since its roll-ups were made.
  :func:`batch_applied` (called by ``ingest.apply_batch`` in the batch's own
  transaction, so online batches and bundle imports alike) upserts it and adds 1
  to its ``generation``.
- ``sync_month``: the months (server clock, the library's time zone) in which a
  batch of the library arrived: "active libraries" of a period come from here.
- ``rollup_month``: a library's figures (``sync.server.figures``) for one month,
  with the kecamatan (or the library's own region when it is registered higher)
  whose roll-up the row is summed into.
- ``rollup_region``: national (code ""), province, kabupaten/kota and kecamatan
  figures per month, each the sum of its child regions' rows and of the
  libraries registered directly in it; ``rollup_region_year`` the same per
  calendar year (a year's breakdown by child region reads one row per child).
  Villages and single libraries are summed from ``rollup_month`` when asked (a
  village holds a library or two).

:func:`refresh` recomputes each dirty library from its records with
``figures.library_months`` (its whole history: exact whatever changed, a
record moved to another month or deleted included), writes the months whose
figures changed, and recomputes the region rows above those months, bottom up,
from their children. A national question then reads regions x months rows.

The server process runs :class:`Refresher` (every few seconds), and every
report refreshes first, so a report always counts every batch committed before it.

Exact under concurrency: refreshes are serialized (a PostgreSQL advisory lock;
SQLite runs one writer at a time anyway), and a dirty mark is removed only if
its generation is still the one read before the records were read: a batch that
commits meanwhile leaves its library dirty for the next refresh.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import delete, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server import figures
from sync.server.db import Database
from sync.server.models import (
    Library,
    Record,
    RollupDirty,
    RollupMonth,
    RollupRegion,
    RollupRegionYear,
)

log = logging.getLogger("perpusdesa.server")

# pg_advisory_xact_lock key of the refresh ("PDRU").
LOCK_KEY: Final = 0x50445255
# Libraries refreshed per transaction, and the seconds after which a transaction
# stops taking more: a long refresh never holds the lock for long.
CHUNK: Final = 20
CHUNK_SECONDS: Final = 1.0
# On PostgreSQL a batch waits for a refresh only if its own library is in the chunk
# (the dirty mark's row lock), so chunks are larger: the regions above are redone
# once per chunk, which is most of the cost of a bulk refresh.
PG_CHUNK: Final = 200
PG_CHUNK_SECONDS: Final = 5.0
REFRESH_EVERY: Final = 5.0  # seconds between the server's own refreshes
ZONE_HOURS: Final = {"WIB": 7, "WITA": 8, "WIT": 9}
# The length of a Kemendagri code at each level (0 national .. 4 village).
CODE_LENGTHS: Final = (0, 2, 5, 8, 13)
ROLLUP_LEVELS: Final = 3  # rollup_region holds levels 0..3
# The catalogue (the bulk of a library's records) gives no figure: not read.
NO_FIGURES: Final = ("title", "item")


def level_of(code: str) -> int:
    """0 for "" (national), 1 province, 2 kabupaten/kota, 3 kecamatan, 4 village."""
    return 0 if not code else code.count(".") + 1


def parent_of(code: str) -> str | None:
    """The parent region's code ("" for a province, None for the nation)."""
    if not code:
        return None
    return code.rsplit(".", 1)[0] if "." in code else ""


def attach_code(region_code: str) -> str:
    """The region whose ``rollup_region`` row a library's months are summed into."""
    return region_code[: CODE_LENGTHS[ROLLUP_LEVELS]] if level_of(region_code) > 3 else region_code


def ancestors(code: str) -> list[str]:
    """The region and every region above it, nation ("") last."""
    found = [code]
    parent = parent_of(code)
    while parent is not None:
        found.append(parent)
        parent = parent_of(parent)
    return found


def month_of(moment: datetime, time_zone: str) -> str:
    """The month ("2026-11") of a moment in a library's time zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(UTC) + timedelta(hours=ZONE_HOURS.get(time_zone, 7))
    return f"{local.year:04d}-{local.month:02d}"


def stocks(figure: Mapping[str, Any]) -> dict[str, int]:
    """The columns stock figures are summed from: members new minus gone, agreements."""
    members = figure.get("members") or {}
    partnerships = figure.get("partnerships") or {}
    return {
        "members_net": int(members.get("new", 0)) - int(members.get("gone", 0)),
        "agreements": int(partnerships.get("agreements", 0)),
        "agreements_ended": int(partnerships.get("ended", 0)),
    }


STOCK_COLUMNS: Final = ("members_net", "agreements", "agreements_ended")


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


# --- the ingest hook -----------------------------------------------------------------------


def batch_applied(
    session: Session, library: Library, received_at: datetime, *, changed: bool = True
) -> None:
    """Note, in the batch's transaction, that a batch of ``library`` arrived (and changed data).

    Plain SQL, one statement on PostgreSQL (two on SQLite): it runs once per batch."""
    connection = session.connection()
    period = month_of(received_at, library.time_zone)
    if connection.dialect.name == "postgresql":
        if changed:
            connection.exec_driver_sql(
                _PG_APPLIED, (library.library_id, period, library.library_id, received_at)
            )
        else:
            connection.exec_driver_sql(_PG_MONTH, (library.library_id, period))
        return
    connection.exec_driver_sql(_SQLITE_MONTH, (library.library_id, period))
    if changed:
        # As SQLAlchemy writes a time on SQLite: UTC, no zone, always the microseconds.
        marked = received_at.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        connection.exec_driver_sql(_SQLITE_DIRTY, (library.library_id, marked))


_SQLITE_MONTH: Final = (
    "INSERT INTO sync_month (library_id, period) VALUES (?, ?) ON CONFLICT DO NOTHING"
)
_DIRTY: Final = (
    "INSERT INTO rollup_dirty (library_id, generation, marked_at) VALUES ({0}, 1, {0}) "
    "ON CONFLICT (library_id) DO UPDATE SET generation = rollup_dirty.generation + 1, "
    "marked_at = excluded.marked_at"
)
_SQLITE_DIRTY: Final = _DIRTY.format("?")
_PG_MONTH: Final = (
    "INSERT INTO sync_month (library_id, period) VALUES (%s, %s) ON CONFLICT DO NOTHING"
)
_PG_APPLIED: Final = f"WITH m AS ({_PG_MONTH}) {_DIRTY.format('%s')}"


def mark_dirty(session: Session, library_ids: Iterable[str]) -> None:
    """Have the next refresh recompute these libraries (e.g. after moving one to another region)."""
    insert = _insert(session)
    now = datetime.now(UTC)
    for library_id in library_ids:
        statement = insert(RollupDirty).values(library_id=library_id, generation=1, marked_at=now)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[RollupDirty.library_id],
                set_={"generation": RollupDirty.generation + 1},
            )
        )


# --- the refresh ---------------------------------------------------------------------------


@dataclass
class Refreshed:
    """What a refresh did: libraries recomputed, library-months and region-months rewritten."""

    libraries: int = 0
    months: int = 0
    regions: int = 0
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # left dirty: see the server's log


def pending(db: Database) -> int:
    """How many libraries wait for a refresh."""
    with db.transaction() as session:
        return len(session.scalars(select(RollupDirty.library_id)).all())


def refresh(db: Database) -> Refreshed:
    """Bring every roll-up up to date (a no-op when no library is dirty).

    One transaction per few libraries (at most :data:`CHUNK`, about
    :data:`CHUNK_SECONDS` of work), so batches never wait long for the lock.
    """
    started = time.perf_counter()
    done = Refreshed()
    postgres = db.dialect == "postgresql"
    limit, seconds = (PG_CHUNK, PG_CHUNK_SECONDS) if postgres else (CHUNK, CHUNK_SECONDS)
    while True:
        with db.transaction() as session:
            marks = claim(session, limit, skip=done.failed)
            if not marks:
                break
            chunk_started = time.perf_counter()
            changed: set[tuple[str, str]] = set()  # (region code, period)
            for library_id, generation in marks:
                try:
                    with session.begin_nested():
                        touched: set[tuple[str, str]] = set()
                        done.months += refresh_library(session, library_id, touched)
                except Exception:
                    # A bug must not stop every report: this library stays dirty.
                    log.exception("roll-up refresh of library %s failed", library_id)
                    done.failed.append(library_id)
                    continue
                changed |= touched
                unmark(session, library_id, generation)
                done.libraries += 1
                if time.perf_counter() - chunk_started > seconds:
                    break  # the rest stay dirty for the next chunk
            done.regions += refresh_regions(session, changed)
    done.seconds = time.perf_counter() - started
    return done


class Refresher:
    """Refreshes the roll-ups every ``interval`` seconds in a thread of the server's process,
    so that a report seldom has more than a few libraries to refresh first."""

    def __init__(self, db: Database, interval: float = REFRESH_EVERY) -> None:
        self.db = db
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="rollup-refresher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                refresh(self.db)
            except Exception:  # a locked or lost database: the next round tries again
                log.warning("roll-up refresh failed", exc_info=True)


def claim(session: Session, limit: int = CHUNK, skip: Iterable[str] = ()) -> list[tuple[str, int]]:
    """(library id, generation) of up to ``limit`` dirty libraries, the refresh lock held."""
    skipped = RollupDirty.library_id.not_in(list(skip))
    if session.scalars(select(RollupDirty.library_id).where(skipped).limit(1)).first() is None:
        return []
    if session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({LOCK_KEY})")
    rows = session.execute(
        select(RollupDirty.library_id, RollupDirty.generation)
        .where(skipped)
        .order_by(RollupDirty.marked_at, RollupDirty.library_id)
        .limit(limit)
    )
    return [(library_id, generation) for library_id, generation in rows]


def unmark(session: Session, library_id: str, generation: int) -> None:
    """Clear a dirty mark unless a batch marked it again since ``generation`` was read."""
    session.execute(
        delete(RollupDirty).where(
            RollupDirty.library_id == library_id, RollupDirty.generation == generation
        )
    )


def refresh_library(session: Session, library_id: str, changed: set[tuple[str, str]]) -> int:
    """Recompute one library's months; adds the (region, period) pairs to redo; months written."""
    library = session.get(Library, library_id)
    old = {
        row.period: row
        for row in session.scalars(select(RollupMonth).where(RollupMonth.library_id == library_id))
    }
    if library is None:  # pragma: no cover - libraries are never deleted
        new: dict[str, dict[str, Any]] = {}
        region = ""
    else:
        rows = session.execute(
            select(Record.kind, Record.data, Record.deleted_at).where(
                Record.library_id == library_id, Record.kind.not_in(NO_FIGURES)
            )
        )
        new = figures.library_months(rows, library.time_zone)
        region = attach_code(library.region_code)
    written: list[dict[str, Any]] = []
    for period in sorted(old.keys() | new.keys()):
        before, after = old.get(period), new.get(period)
        if (
            before is not None
            and after is not None
            and before.figures == after
            and before.region_code == region
        ):
            continue
        if after is None:
            session.delete(before)
        else:
            written.append(
                {
                    "library_id": library_id,
                    "period": period,
                    "region_code": region,
                    "figures": after,
                    **stocks(after),
                }
            )
        for code in {before.region_code if before is not None else None, region}:
            if code is not None:
                changed.update((ancestor, period) for ancestor in ancestors(code))
    _upsert(session, RollupMonth, ("library_id", "period"), written)
    session.flush()
    return len(written) + len(old.keys() - new.keys())


def _upsert(
    session: Session, model: Any, keys: tuple[str, ...], rows: list[dict[str, Any]]
) -> None:
    """Insert or update rows of a roll-up table (one executemany)."""
    if not rows:
        return
    statement = _insert(session)(model)
    columns = [name for name in rows[0] if name not in keys]
    session.execute(
        statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={name: getattr(statement.excluded, name) for name in columns},
        ),
        rows,
    )


def refresh_regions(session: Session, changed: set[tuple[str, str]]) -> int:
    """Recompute the changed region-months, kecamatan first, the nation last."""
    by_level: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for code, period in changed:
        by_level[level_of(code)].add((code, period))
    rewritten = 0
    for level in range(ROLLUP_LEVELS, -1, -1):
        wanted = by_level.get(level)
        if not wanted:
            continue
        codes = sorted({code for code, _ in wanted})
        periods = sorted({period for _, period in wanted})
        totals: dict[tuple[str, str], dict[str, Any]] = {}
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            children = session.execute(
                select(
                    RollupRegion.parent_code,
                    RollupRegion.period,
                    RollupRegion.figures,
                    RollupRegion.libraries,
                ).where(RollupRegion.parent_code.in_(chunk), RollupRegion.period.in_(periods))
            )
            own = session.execute(
                select(RollupMonth.region_code, RollupMonth.period, RollupMonth.figures).where(
                    RollupMonth.region_code.in_(chunk), RollupMonth.period.in_(periods)
                )
            )
            parts = [(p, m, f, n) for p, m, f, n in children] + [(r, m, f, 1) for r, m, f in own]
            for code, period, figure, libraries in parts:
                key = (code or "", period)
                if key not in wanted:
                    continue
                figures.add(totals.setdefault(key, figures.empty()), figure)
                counts[key] += libraries
        gone = [key for key in wanted if key not in totals]
        if gone:
            session.execute(
                delete(RollupRegion).where(
                    tuple_(RollupRegion.region_code, RollupRegion.period).in_(gone)
                )
            )
        rows = [
            {
                "region_code": code,
                "period": period,
                "parent_code": parent_of(code),
                "level": level,
                "figures": figure,
                **stocks(figure),
                "libraries": counts[(code, period)],
            }
            for (code, period), figure in totals.items()
        ]
        _upsert(session, RollupRegion, ("region_code", "period"), rows)
        rewritten += len(wanted)
    _refresh_years(session, {(code, period[:4]) for code, period in changed})
    session.flush()
    return rewritten


def _refresh_years(session: Session, wanted: set[tuple[str, str]]) -> None:
    """Recompute the year rows of these (region, year) pairs from their month rows."""
    if not wanted:
        return
    codes = sorted({code for code, _ in wanted})
    years = sorted({year for _, year in wanted})
    totals: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(codes), 500):
        for code, period, figure in session.execute(
            select(RollupRegion.region_code, RollupRegion.period, RollupRegion.figures).where(
                RollupRegion.region_code.in_(codes[start : start + 500]),
                RollupRegion.period >= f"{years[0]}-01",
                RollupRegion.period <= f"{years[-1]}-12",
            )
        ):
            key = (code, period[:4])
            if key in wanted:
                figures.add(totals.setdefault(key, figures.empty()), figure)
    gone = [key for key in wanted if key not in totals]
    if gone:
        session.execute(
            delete(RollupRegionYear).where(
                tuple_(RollupRegionYear.region_code, RollupRegionYear.year).in_(gone)
            )
        )
    rows = [
        {"region_code": code, "year": year, "parent_code": parent_of(code), "figures": figure}
        for (code, year), figure in totals.items()
    ]
    _upsert(session, RollupRegionYear, ("region_code", "year"), rows)
