"""Stock take (stock opname): count the shelves, see what is missing, mark it lost.

A count is started (one open count at a time), then every copy found on the
shelves is scanned or its barcode typed. Each scan is committed the moment it
is made (``synchronous=FULL``), so a power cut in the middle of a count loses
nothing and the count simply carries on when the program is started again. A
code scanned twice in the same count counts once.

What a scan means is decided from the copy's state when it is read, so a copy
made available again, or lent and returned during the count, is shown as it
is now:

* ``found``: a copy expected on the shelf (status tersedia or rusak);
* ``on_loan``: the copy is lent out (an open loan), yet it is on the shelf --
  the return was probably never scanned;
* ``unexpected``: a copy marked lost (hilang) or weeded (disiangi) turned up;
  it can be made available again (:meth:`StocktakeService.make_available`);
* ``unknown``: no copy in the catalogue has this barcode.

Missing copies are those expected on the shelf (tersedia or rusak, not on
loan) that were not scanned. Closing the count may mark them lost (hilang):
every copy through :class:`app.db.uow.UnitOfWork` in one transaction, with the
count's closing, so either all of it happens or none. The figures and lists as
they stood at closing are kept with the count, so its result can be printed
later.

Permissions: Permission.RECORD starts, scans and closes a count; marking
copies lost, cancelling a count and making a copy available again need
Permission.EDIT. The two tables (``stocktake``, ``stocktake_scan``) are local
to this PC and written on the light connection; the copies it changes are
synced records, written only through the unit of work.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from app.core.auth import Permission, User
from app.core.catalog import BARCODE_MAX, CatalogService, ItemInput, ItemView
from app.core.clock import from_db, to_db, utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.library import read_profile
from app.core.text import QT_TRANSLATE_NOOP
from app.db.connection import transaction
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork

FOUND = "found"
ALREADY = "already"  # only as a scan's result: the code was scanned before in this count
ON_LOAN = "on_loan"
UNEXPECTED = "unexpected"
UNKNOWN = "unknown"
MISSING = "missing"  # only in lists: expected on the shelf, not scanned

EXPECTED_STATUSES = ("tersedia", "rusak")
UNEXPECTED_STATUSES = ("hilang", "disiangi")
NOTES_MAX = 500
_CODE_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")

_OPEN_LOAN = (
    "EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id AND l.returned_at IS NULL"
    " AND l.deleted_at IS NULL)"
)
_SCANS_SQL = (
    "SELECT s.barcode, s.scanned_at, i.id AS item_id, i.status, i.call_number, t.title,"
    f" CASE WHEN i.id IS NULL THEN 0 ELSE {_OPEN_LOAN} END AS on_loan"
    " FROM stocktake_scan s"
    " LEFT JOIN item i ON i.id = s.item_id AND i.deleted_at IS NULL"
    " LEFT JOIN title t ON t.id = i.title_id"
    " WHERE s.stocktake_id = ?"
)
_MISSING_WHERE = (
    " FROM item i JOIN title t ON t.id = i.title_id"
    " WHERE i.deleted_at IS NULL AND i.status IN ('tersedia', 'rusak')"
    f" AND NOT {_OPEN_LOAN}"
    " AND NOT EXISTS (SELECT 1 FROM stocktake_scan s WHERE s.stocktake_id = ?"
    " AND s.item_id = i.id)"
)
_EXPECTED_SQL = (
    "SELECT count(*) FROM item i WHERE i.deleted_at IS NULL"
    f" AND i.status IN ('tersedia', 'rusak') AND NOT {_OPEN_LOAN}"
)
_ON_LOAN_SQL = (
    "SELECT i.id AS item_id, i.barcode, i.call_number, i.status, t.title, l.due_on,"
    " s.scanned_at"
    " FROM loan l JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id"
    " LEFT JOIN stocktake_scan s ON s.stocktake_id = ? AND s.item_id = i.id"
    " WHERE l.returned_at IS NULL AND l.deleted_at IS NULL AND i.deleted_at IS NULL"
    " ORDER BY l.due_on, i.barcode"
)


# --- what callers see ---------------------------------------------------------------


@dataclass(frozen=True)
class StocktakeView:
    id: str
    status: str  # open, closed, cancelled
    notes: str
    started_at: datetime  # aware UTC
    started_by: str  # username
    closed_at: datetime | None
    closed_by: str | None
    marked_lost: int  # copies marked lost when it was closed


@dataclass(frozen=True)
class StocktakeLine:
    """One copy (or unknown code) in a list of the count."""

    kind: str  # found, on_loan, unexpected, unknown, missing
    barcode: str
    title: str  # empty for an unknown code
    call_number: str | None
    status: str | None  # the copy's status; None for an unknown code
    item_id: str | None
    scanned_at: datetime | None  # None: not scanned in this count
    due_on: date | None = None  # for copies on loan


@dataclass(frozen=True)
class ScanResult:
    """What one scan was: ``kind`` is found, already, on_loan, unexpected or unknown."""

    kind: str
    line: StocktakeLine  # the copy as the count sees it now (its own kind, never 'already')


@dataclass(frozen=True)
class StocktakeProgress:
    expected: int  # copies that should be on the shelves (tersedia or rusak, not on loan)
    found: int  # of them, scanned
    missing: int  # of them, not scanned
    on_loan: int  # copies lent out
    on_loan_on_shelf: int  # of them, scanned on the shelf
    unexpected: int  # lost or weeded copies that turned up
    unknown: int  # codes no copy has
    scanned: int  # codes scanned in all

    @property
    def percent(self) -> int:
        """How much of the expected stock has been found, 0..100."""
        return 100 if self.expected == 0 else min(100, round(100 * self.found / self.expected))


@dataclass(frozen=True)
class CloseResult:
    count: StocktakeView
    marked_lost: int


@dataclass(frozen=True)
class StocktakeReport:
    """Everything a printed result shows."""

    count: StocktakeView
    library_name: str
    head_name: str
    time_zone: str  # WIB, WITA, WIT
    progress: StocktakeProgress
    missing: list[StocktakeLine]
    on_loan: list[StocktakeLine]
    unexpected: list[StocktakeLine]  # unexpected and unknown


class NoOpenCount(KnownError):
    """There is no open count to scan into."""


# --- pure helpers --------------------------------------------------------------------


def classify(status: str | None, on_loan: bool) -> str:
    """A scanned copy's kind from its status now (None: no such copy)."""
    if status is None:
        return UNKNOWN
    if on_loan:
        return ON_LOAN
    if status in UNEXPECTED_STATUSES:
        return UNEXPECTED
    return FOUND


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _line_to_json(line: StocktakeLine) -> dict[str, Any]:
    values = asdict(line)
    values["scanned_at"] = to_db(line.scanned_at) if line.scanned_at else None
    values["due_on"] = line.due_on.isoformat() if line.due_on else None
    return values


def _line_from_json(values: dict[str, Any]) -> StocktakeLine:
    return StocktakeLine(
        kind=values["kind"],
        barcode=values["barcode"],
        title=values["title"],
        call_number=values["call_number"],
        status=values["status"],
        item_id=values["item_id"],
        scanned_at=from_db(values["scanned_at"]),
        due_on=_date(values["due_on"]),
    )


def _view(row: sqlite3.Row) -> StocktakeView:
    result = json.loads(row["result"]) if row["result"] else {}
    started = from_db(row["started_at"])
    assert started is not None
    return StocktakeView(
        id=row["id"],
        status=row["status"],
        notes=row["notes"],
        started_at=started,
        started_by=row["started_by"],
        closed_at=from_db(row["closed_at"]),
        closed_by=row["closed_by"],
        marked_lost=int(result.get("marked_lost", 0)),
    )


def _scanned_lines(conn: sqlite3.Connection, stocktake_id: str) -> list[StocktakeLine]:
    rows = conn.execute(_SCANS_SQL + " ORDER BY s.id DESC", (stocktake_id,))
    return [
        StocktakeLine(
            kind=classify(row["status"], bool(row["on_loan"])),
            barcode=row["barcode"],
            title=row["title"] or "",
            call_number=row["call_number"],
            status=row["status"],
            item_id=row["item_id"],
            scanned_at=from_db(row["scanned_at"]),
        )
        for row in rows
    ]


def _unexpected_lines(conn: sqlite3.Connection, stocktake_id: str) -> list[StocktakeLine]:
    return [
        line for line in _scanned_lines(conn, stocktake_id) if line.kind in (UNEXPECTED, UNKNOWN)
    ]


def _missing_lines(conn: sqlite3.Connection, stocktake_id: str) -> list[StocktakeLine]:
    rows = conn.execute(
        "SELECT i.id AS item_id, i.barcode, i.call_number, i.status, t.title"
        + _MISSING_WHERE
        + " ORDER BY i.call_number, i.barcode",
        (stocktake_id,),
    )
    return [
        StocktakeLine(
            MISSING,
            row["barcode"],
            row["title"],
            row["call_number"],
            row["status"],
            row["item_id"],
            None,
        )
        for row in rows
    ]


def _on_loan_lines(conn: sqlite3.Connection, stocktake_id: str) -> list[StocktakeLine]:
    return [
        StocktakeLine(
            ON_LOAN,
            row["barcode"],
            row["title"],
            row["call_number"],
            row["status"],
            row["item_id"],
            from_db(row["scanned_at"]),
            _date(row["due_on"]),
        )
        for row in conn.execute(_ON_LOAN_SQL, (stocktake_id,))
    ]


def _progress(conn: sqlite3.Connection, stocktake_id: str) -> StocktakeProgress:
    expected = int(conn.execute(_EXPECTED_SQL).fetchone()[0])
    missing = int(conn.execute("SELECT count(*)" + _MISSING_WHERE, (stocktake_id,)).fetchone()[0])
    on_loan = int(
        conn.execute(
            "SELECT count(*) FROM loan l JOIN item i ON i.id = l.item_id"
            " WHERE l.returned_at IS NULL AND l.deleted_at IS NULL AND i.deleted_at IS NULL"
        ).fetchone()[0]
    )
    scans = conn.execute(
        "SELECT count(*), coalesce(sum(status IS NULL), 0),"
        " coalesce(sum(status IS NOT NULL AND on_loan), 0),"
        " coalesce(sum(status IN ('hilang', 'disiangi') AND NOT on_loan), 0)"
        " FROM (" + _SCANS_SQL + ")",
        (stocktake_id,),
    ).fetchone()
    return StocktakeProgress(
        expected=expected,
        found=expected - missing,
        missing=missing,
        on_loan=on_loan,
        on_loan_on_shelf=int(scans[2]),
        unexpected=int(scans[3]),
        unknown=int(scans[1]),
        scanned=int(scans[0]),
    )


def _no_open_count() -> NoOpenCount:
    return NoOpenCount(
        QT_TRANSLATE_NOOP("PerpusDesa", "No stock take is open. Start a count first.")
    )


# --- the service ----------------------------------------------------------------------


class StocktakeService:
    """Stock takes of this library for one logged-in staff member."""

    def __init__(
        self,
        db: Database,
        actor: User,
        now: Callable[[], datetime] = utcnow,
        *,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.now = now
        self._conn = conn
        self._own_conn = conn is None

    def __enter__(self) -> StocktakeService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close_connection()

    @property
    def conn(self) -> sqlite3.Connection:
        """The light connection reads (and scans) go through."""
        if self._conn is None:
            self._conn = self.db.connect()
        return self._conn

    def close_connection(self) -> None:
        if self._own_conn and self._conn is not None:
            self._conn.close()
            self._conn = None

    def _require(self, permission: Permission, message: str) -> None:
        if not self.actor.can(permission):
            raise PermissionDenied(message)

    def _require_record(self) -> None:
        self._require(
            Permission.RECORD,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not take stock."),
        )

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))

    def _catalog(self) -> CatalogService:
        return CatalogService(self.db, self.actor, self.now, conn=self.conn)

    # --- counts -------------------------------------------------------------------------

    def current(self) -> StocktakeView | None:
        """The open count, if there is one (to carry on after a restart)."""
        row = self.conn.execute(
            "SELECT * FROM stocktake WHERE status = 'open' ORDER BY started_at LIMIT 1"
        ).fetchone()
        return None if row is None else _view(row)

    def get(self, stocktake_id: str) -> StocktakeView:
        row = self.conn.execute("SELECT * FROM stocktake WHERE id = ?", (stocktake_id,)).fetchone()
        if row is None:
            raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This stock take no longer exists."))
        return _view(row)

    def last_closed(self) -> StocktakeView | None:
        row = self.conn.execute(
            "SELECT * FROM stocktake WHERE status = 'closed' ORDER BY closed_at DESC LIMIT 1"
        ).fetchone()
        return None if row is None else _view(row)

    def start(self, notes: str = "") -> StocktakeView:
        """Start a count (Permission.RECORD); refused while another one is open."""
        self._require_record()
        cleaned = " ".join(notes.split())
        if len(cleaned) > NOTES_MAX:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "This is too long (at most {max} characters)."),
                field="notes",
                max=NOTES_MAX,
            )
        stocktake_id = uuid7()
        with transaction(self.conn) as conn:
            row = conn.execute(
                "SELECT started_at, started_by FROM stocktake WHERE status = 'open' LIMIT 1"
            ).fetchone()
            if row is not None:
                raise KnownError(
                    QT_TRANSLATE_NOOP(
                        "PerpusDesa",
                        "A stock take started by {user} is still open. Carry on with it,"
                        " or close it before starting another.",
                    ),
                    user=row["started_by"],
                )
            conn.execute(
                "INSERT INTO stocktake (id, status, notes, started_at, started_by)"
                " VALUES (?, 'open', ?, ?, ?)",
                (stocktake_id, cleaned, to_db(self.now()), self.actor.username),
            )
        return self.get(stocktake_id)

    def _open(self) -> StocktakeView:
        count = self.current()
        if count is None:
            raise _no_open_count()
        return count

    # --- scanning -----------------------------------------------------------------------

    def scan(self, code: str) -> ScanResult:
        """Count the copy with this barcode as found on the shelf (Permission.RECORD).

        The scan is saved at once. Returns what it was; a code scanned before in
        this count gives ``already`` and changes nothing.
        """
        self._require_record()
        text = code.strip()
        if not text:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Scan or type a barcode."), field="code"
            )
        if len(text) > BARCODE_MAX or not _CODE_OK.match(text):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa",
                    "{code} is not a barcode. A barcode has up to 30 letters, digits,"
                    " dashes, dots or slashes.",
                ),
                field="code",
                code=text,
            )
        item = self._catalog().item_by_barcode(text)
        barcode = item.barcode if item is not None else text.upper()
        with transaction(self.conn) as conn:
            row = conn.execute("SELECT id FROM stocktake WHERE status = 'open' LIMIT 1").fetchone()
            if row is None:
                raise _no_open_count()
            stocktake_id = row[0]
            cursor = conn.execute(
                "INSERT OR IGNORE INTO stocktake_scan (stocktake_id, barcode, item_id, scanned_at)"
                " VALUES (?, ?, ?, ?)",
                (stocktake_id, barcode, item.id if item else None, to_db(self.now())),
            )
            fresh = cursor.rowcount == 1
        line = self._scanned_line(stocktake_id, barcode)
        return ScanResult(line.kind if fresh else ALREADY, line)

    def _scanned_line(self, stocktake_id: str, barcode: str) -> StocktakeLine:
        row = self.conn.execute(
            _SCANS_SQL + " AND s.barcode = ?", (stocktake_id, barcode)
        ).fetchone()
        return StocktakeLine(
            kind=classify(row["status"], bool(row["on_loan"])),
            barcode=row["barcode"],
            title=row["title"] or "",
            call_number=row["call_number"],
            status=row["status"],
            item_id=row["item_id"],
            scanned_at=from_db(row["scanned_at"]),
        )

    def remove_scan(self, barcode: str) -> None:
        """Take a code back out of the open count (a code typed wrongly; Permission.RECORD)."""
        self._require_record()
        count = self._open()
        with transaction(self.conn) as conn:
            conn.execute(
                "DELETE FROM stocktake_scan WHERE stocktake_id = ? AND barcode = ?",
                (count.id, barcode),
            )

    def make_available(self, barcode: str) -> ItemView:
        """A lost or weeded copy that turned up becomes available again (Permission.EDIT)."""
        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the catalogue."),
        )
        catalog = self._catalog()
        item = catalog.item_by_barcode(barcode)
        if item is None:
            raise KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "This copy no longer exists."))
        if item.status not in UNEXPECTED_STATUSES or item.on_loan:
            return item
        return catalog.update_item(
            item.id,
            ItemInput(
                barcode=item.barcode,
                call_number=item.call_number,
                acquired_on=item.acquired_on,
                source=item.source,
                condition=item.condition,
                status="tersedia",
            ),
        )

    # --- reading ------------------------------------------------------------------------

    def _count_id(self, stocktake_id: str | None) -> str:
        return stocktake_id if stocktake_id is not None else self._open().id

    def _stored(self, stocktake_id: str) -> dict[str, Any] | None:
        """The figures and lists kept when the count was closed; None while it is open."""
        row = self.conn.execute(
            "SELECT result FROM stocktake WHERE id = ? AND status = 'closed'", (stocktake_id,)
        ).fetchone()
        if row is None or not row[0]:
            return None
        stored: dict[str, Any] = json.loads(row[0])
        return stored

    def _lines(
        self,
        stocktake_id: str | None,
        key: str,
        live: Callable[[sqlite3.Connection, str], list[StocktakeLine]],
    ) -> list[StocktakeLine]:
        count_id = self._count_id(stocktake_id)
        stored = self._stored(count_id)
        if stored is not None:
            return [_line_from_json(values) for values in stored[key]]
        return live(self.conn, count_id)

    def scanned(self, stocktake_id: str | None = None) -> list[StocktakeLine]:
        """Every code scanned in the count (the open one by default), newest first.

        Each is shown as the copy is now, even for a closed count.
        """
        return _scanned_lines(self.conn, self._count_id(stocktake_id))

    def missing(self, stocktake_id: str | None = None) -> list[StocktakeLine]:
        """Copies expected on the shelves and not scanned, in shelf (call number) order.

        For a closed count: as they were when it was closed.
        """
        return self._lines(stocktake_id, "missing", _missing_lines)

    def on_loan(self, stocktake_id: str | None = None) -> list[StocktakeLine]:
        """Copies lent out, by due date; ``scanned_at`` set when one was found on a shelf."""
        return self._lines(stocktake_id, "on_loan", _on_loan_lines)

    def unexpected(self, stocktake_id: str | None = None) -> list[StocktakeLine]:
        """Lost or weeded copies that turned up, and codes no copy has."""
        return self._lines(stocktake_id, "unexpected", _unexpected_lines)

    def progress(self, stocktake_id: str | None = None) -> StocktakeProgress:
        """The count's figures (for a closed count: as they were when it was closed)."""
        count_id = self._count_id(stocktake_id)
        stored = self._stored(count_id)
        if stored is not None:
            return StocktakeProgress(**stored["progress"])
        return _progress(self.conn, count_id)

    def report(self, stocktake_id: str | None = None) -> StocktakeReport:
        """The result to print: live for the open count, as it stood at closing for a closed one."""
        count = self.get(self._count_id(stocktake_id))
        profile = read_profile(self.conn)
        return StocktakeReport(
            count,
            profile.name if profile else "",
            profile.head_name if profile else "",
            profile.time_zone if profile else "WIB",
            self.progress(count.id),
            self.missing(count.id),
            self.on_loan(count.id),
            self.unexpected(count.id),
        )

    @staticmethod
    def _live_report(
        conn: sqlite3.Connection,
        count: StocktakeView,
        library_name: str,
        head_name: str,
        zone: str,
    ) -> StocktakeReport:
        return StocktakeReport(
            count,
            library_name,
            head_name,
            zone,
            _progress(conn, count.id),
            _missing_lines(conn, count.id),
            _on_loan_lines(conn, count.id),
            _unexpected_lines(conn, count.id),
        )

    # --- closing ------------------------------------------------------------------------

    def close(self, *, mark_missing_lost: bool) -> CloseResult:
        """Close the open count; with ``mark_missing_lost`` its missing copies become hilang.

        Closing needs Permission.RECORD, marking copies lost Permission.EDIT. The
        copies and the count change in one transaction: all of it, or nothing.
        """
        self._require_record()
        if mark_missing_lost:
            self._require(
                Permission.EDIT,
                QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not mark copies as lost."),
            )
        count = self._open()
        marked = 0
        with self._uow() as uow:
            raw = uow.dbapi_connection()
            raw.row_factory = sqlite3.Row
            try:
                # Read again under the write lock: nobody lends or scans in between.
                row = raw.execute("SELECT * FROM stocktake WHERE id = ?", (count.id,)).fetchone()
                if row is None or row["status"] != "open":
                    raise _no_open_count()
                report = self._live_report(raw, _view(row), "", "", "WIB")
            finally:
                raw.row_factory = None
            if mark_missing_lost:
                marked = self._mark_lost(uow, [line.item_id for line in report.missing])
            result = {
                "progress": asdict(report.progress),
                "missing": [_line_to_json(line) for line in report.missing],
                "on_loan": [_line_to_json(line) for line in report.on_loan],
                "unexpected": [_line_to_json(line) for line in report.unexpected],
                "marked_lost": marked,
            }
            raw.execute(
                "UPDATE stocktake SET status = 'closed', closed_at = ?, closed_by = ?, result = ?"
                " WHERE id = ?",
                (to_db(self.now()), self.actor.username, json.dumps(result), count.id),
            )
        return CloseResult(self.get(count.id), marked)

    @staticmethod
    def _mark_lost(uow: UnitOfWork, item_ids: Sequence[str | None]) -> int:
        """Set the copies' status to hilang, loaded a few hundred at a time, in one flush."""
        from sqlalchemy import select

        from app.db.models import Item

        wanted = [item_id for item_id in item_ids if item_id is not None]
        records: list[Item] = []
        with uow.session.no_autoflush:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                records += uow.session.scalars(select(Item).where(Item.id.in_(chunk))).all()
        marked = 0
        for record in records:
            if record.deleted_at is None and record.status != "hilang":
                record.status = "hilang"
                marked += 1
        uow.flush()
        return marked

    def cancel(self) -> StocktakeView:
        """Stop the open count without a result (Permission.EDIT); nothing is marked."""
        self._require(
            Permission.EDIT,
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not cancel a stock take."),
        )
        count = self._open()
        with transaction(self.conn) as conn:
            conn.execute(
                "UPDATE stocktake SET status = 'cancelled', closed_at = ?, closed_by = ?"
                " WHERE id = ? AND status = 'open'",
                (to_db(self.now()), self.actor.username, count.id),
            )
        return self.get(count.id)
