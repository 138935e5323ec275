"""The PC's side of the sync: enrol once, then send the outbox in batches, safely.

:class:`SyncClient` is Qt-free; the Sinkronisasi page and the ``perpusdesa
sync`` command drive it. A sync:

1. ``GET /info``: the server's limits and clock (a skew over five minutes is a
   warning, never a cursor: cursors are outbox sequence numbers);
2. ``GET /sync/state``: the server's high-water mark for this device and epoch.
   Above the PC's highest outbox seq, the database is a copy or an old one: a
   new epoch starts and everything not yet synced goes again. Below what the
   PC last heard, the server lost batches: the rows after it are sent again;
   so are rows held as sent past a gap that none of the server's ranges has;
3. batches left ``sending`` by a cut or a crash are sent again under their own
   ids (the server answers a replay with the stored receipt); then batches from
   high-water + 1, each within the server's record and byte limits. They go
   :data:`WINDOW` at a time, each on its own connection: the next batch
   uploads while the last one waits for its receipt, so a slow link's latency
   is paid about once, not once a batch (the server takes ranges in any
   order). Receipts are recorded in sending order, each with the rows it
   marks in one transaction. At the first failure the batches still in flight
   are waited for and the rest goes one batch at a time, halved on a 413 or a
   timeout;
4. ``GET /reference`` (asked for on a connection of its own while the batches
   go): the national lists, kept in the setting ``national_reference`` when
   their version is newer.

Enrolment trades a one-time code for a device token (kept by
:mod:`sync.keys`, never in the database). A PC whose device id the server
knows with another key (a backup restored on new hardware, a folder copied
without the keys the first PC keeps in its keyring) is given a new id by the server, and sends everything again under it in a new
epoch. When the server already holds the library under its own id, the PC
takes that id: every synced table's
``library_id`` (and the library's own id) is rewritten in one unit-of-work
transaction and a new epoch re-sends everything under it.

A version made twice: a PC restored from a backup (by the program, which keeps
the versions the replaced database reached, or by a file put back by hand) or a
copied folder may make a version of a record that the server holds already,
with other content, or a lower one. The receipt says so (``stale``, or
``unchanged`` with code ``differs``), with the server's version and the device's
time of it; where this PC changed the record later, the record takes the
version above the server's and goes again (``sync.outbox.send_newer_again``):
the later change wins, by the device clocks (after a restore, both times are
this PC's own clock), the only way to tell left. The same settles two PCs of
one library that changed a record in turn without syncing between (their clocks
may disagree: the page warns of a PC whose clock is off).

USB bundles: :meth:`SyncClient.export_bundle` writes the rows still to send as
signed batches without marking them; :meth:`SyncClient.import_receipt` marks
what the server's bundle receipt covers. Without the receipt file, the next sync
asks the server for the receipts of the bundle's batches its mark covers, so
that a record the import refused is listed as refused, not taken for sent.

Bookkeeping beyond the ``sync_state`` row (enrolment time, device name, clock
skew, the batches in flight) is the local setting ``sync_client`` (JSON).
"""

from __future__ import annotations

import base64
import json
import socket
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, TypeVar

from app import __version__
from app.core.clock import utcnow
from app.core.errors import KnownError, ValidationError
from app.core.ids import uuid7
from app.core.tasks import Cancelled, Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.db.connection import transaction
from app.db.database import Database
from app.db.tables import SYNCED_TABLES
from sync import outbox
from sync.bundle import read_receipt, write_bundle
from sync.keys import KeyStore, public_key_b64
from sync.protocol import (
    CLOCK_SKEW_WARNING_SECONDS,
    MAX_BATCH_BYTES,
    MAX_BATCH_RECORDS,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    Batch,
    Bundle,
    EnrollRequest,
    EnrollResponse,
    Info,
    Receipt,
    RecordResult,
    Reference,
    SyncState,
    encode_batch,
    enrolment_proof,
)
from sync.transport import (
    POLL_SECONDS,
    HalveBatch,
    NotEnrolled,
    RequestHook,
    Stats,
    SyncError,
    Transport,
)

__all__ = [
    "BundleResult",
    "EnrollResult",
    "NotEnrolled",
    "ReceiptResult",
    "RejectedRecord",
    "SyncClient",
    "SyncError",
    "SyncResult",
    "SyncStatus",
    "SyncStep",
]

META_KEY = "sync_client"
ENROL_TRIES: Final = 2
# Batches in flight at once, each on its own connection (1: one after the other).
WINDOW: Final = 3
# Batches that timed out, kept to ask the server about at the next sync (see _Run.forget).
TIMED_OUT_KEPT: Final = 20
T = TypeVar("T")
REFERENCE_KEY = "national_reference"

REJECT_MESSAGES = {
    "invalid_record": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server found this record incomplete or wrong. Open it, correct it and save it:"
        " it is sent again with the next sync.",
    ),
    "personal_field": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This record carried personal data the server may not take. Tell your district"
        " facilitator.",
    ),
    "forbidden_library": QT_TRANSLATE_NOOP(
        "PerpusDesa", "The server says this record belongs to another library."
    ),
}
OTHER_REJECT = QT_TRANSLATE_NOOP("PerpusDesa", "The server refused this record.")
NOTHING_TO_SEND = QT_TRANSLATE_NOOP(
    "PerpusDesa", "Nothing to send: every change is on the national server already."
)
NOT_SET_UP = QT_TRANSLATE_NOOP("PerpusDesa", "Set up the library first.")
TYPE_CODE = QT_TRANSLATE_NOOP("PerpusDesa", "Type the enrolment code.")


@dataclass(frozen=True)
class RejectedRecord:
    kind: str
    id: str
    code: str
    message: str  # English source text: translate in context "PerpusDesa"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: str
    device_name: str | None
    library_id: str | None
    db_epoch: str
    enrolled_at: datetime | None
    last_sync_at: datetime | None
    pending: int
    sending: int
    synced: int
    rejected: int
    rejected_records: list[RejectedRecord]
    clock_skew_seconds: float | None
    clock_warning: bool
    reference_version: int | None


@dataclass(frozen=True)
class SyncStep:
    phase: str  # connecting, checking, sending, reference, done
    records_done: int
    records_total: int
    bytes_sent: int
    bytes_received: int
    batches_done: int


@dataclass(frozen=True)
class SyncResult:
    sent: int
    already_there: int
    refused: int
    batches: int
    requests: int
    bytes_sent: int
    bytes_received: int
    new_epoch: bool
    clock_skew_seconds: float | None
    clock_warning: bool
    reference_updated: bool
    rejected_records: list[RejectedRecord] = field(default_factory=list)


@dataclass(frozen=True)
class EnrollResult:
    server_url: str
    device_id: str
    library_id: str
    adopted_library: bool
    clock_skew_seconds: float | None
    clock_warning: bool
    # The server gave this PC a device id of its own: another PC holds this database's.
    new_device: bool = False


@dataclass(frozen=True)
class BundleResult:
    path: Path
    batches: int
    records: int
    bytes: int


@dataclass(frozen=True)
class ReceiptResult:
    batches: int
    synced: int
    rejected: int
    ignored_batches: int


@dataclass
class _Identity:
    device_id: str
    db_epoch: str
    server_url: str | None
    last_sync_at: datetime | None
    last_acked_seq: int
    library_id: str | None
    meta: dict[str, Any]


def rejected_record(kind: str, record_id: str, code: str) -> RejectedRecord:
    return RejectedRecord(kind, record_id, code, REJECT_MESSAGES.get(code, OTHER_REJECT))


def _parse_time(text: Any) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(str(text))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _db_time(value: datetime) -> str:
    """A UTC time as the database keeps it (naive ISO text)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


class SyncClient:
    """Enrolment, sync, bundles and receipts for one library database."""

    def __init__(
        self,
        db: Database,
        data_dir: Path | None = None,
        *,
        hook: RequestHook | None = None,
        tries: int = 5,
        backoff: float = 1.0,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        use_keyring: bool | None = None,
        clock: Callable[[], datetime] = utcnow,
        batch_records: int | None = None,
        window: int = WINDOW,
    ) -> None:
        self.db = db
        self.data_dir = Path(data_dir) if data_dir is not None else db.data_dir
        self.hook = hook
        self.tries = tries
        self.backoff = backoff
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.use_keyring = use_keyring
        self.clock = clock
        # At most this many records per batch (tests, benchmarks); the server's limit otherwise.
        self.batch_records = batch_records
        self.window = max(1, window)

    # --- local bookkeeping ------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = self.db.connect()
        if conn.execute("SELECT 1 FROM sync_state").fetchone() is None:
            from app.core.setup import ensure_sync_state

            with transaction(conn):
                ensure_sync_state(conn)
        return conn

    def _identity(self, conn: sqlite3.Connection) -> _Identity:
        row = conn.execute(
            "SELECT device_id, db_epoch, server_url, last_sync_at, last_acked_seq"
            " FROM sync_state ORDER BY id LIMIT 1"
        ).fetchone()
        library = conn.execute(
            "SELECT id FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
        ).fetchone()
        return _Identity(
            device_id=str(row[0]),
            db_epoch=str(row[1]),
            server_url=row[2],
            last_sync_at=_parse_time(row[3]),
            last_acked_seq=int(row[4] or 0),
            library_id=str(library[0]) if library else None,
            meta=_load_meta(conn),
        )

    def _keys(self, device_id: str) -> KeyStore:
        return KeyStore(self.data_dir, device_id, use_keyring=self.use_keyring)

    def _transport(
        self,
        server_url: str,
        token: str | None,
        progress: Progress | Callable[[], None] | None,
    ) -> Transport:
        return Transport(
            server_url,
            token,
            check=progress.check if isinstance(progress, Progress) else progress,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            tries=self.tries,
            backoff=self.backoff,
            hook=self.hook,
        )

    def _skew(self, server_time: datetime) -> float:
        return (server_time - self.clock()).total_seconds()

    # --- state --------------------------------------------------------------------------

    def state(self) -> SyncStatus:
        """Enrolment, last sync and the outbox's counts (a few quick queries)."""
        conn = self._connect()
        try:
            ident = self._identity(conn)
            found = outbox.counts(conn)
            rejected = [rejected_record(*row) for row in outbox.rejected_records(conn)]
            reference = _load_setting(conn, REFERENCE_KEY)
        finally:
            conn.close()
        meta = ident.meta
        skew = meta.get("clock_skew_seconds")
        enrolled = bool(ident.server_url) and self._keys(ident.device_id).token() is not None
        return SyncStatus(
            enrolled=enrolled,
            server_url=ident.server_url,
            device_id=ident.device_id,
            device_name=meta.get("device_name"),
            library_id=ident.library_id,
            db_epoch=ident.db_epoch,
            enrolled_at=_parse_time(meta.get("enrolled_at")),
            last_sync_at=ident.last_sync_at,
            pending=found["pending"],
            sending=found["sending"],
            synced=found["synced"],
            rejected=found["rejected"],
            rejected_records=rejected,
            clock_skew_seconds=skew,
            clock_warning=skew is not None and abs(skew) > CLOCK_SKEW_WARNING_SECONDS,
            reference_version=reference.get("version") if isinstance(reference, dict) else None,
        )

    # --- enrolment ------------------------------------------------------------------------

    def enroll(self, server_url: str, code: str, progress: Progress | None = None) -> EnrollResult:
        """Trade the one-time code for this PC's token; settle the one library id."""
        code = "".join(code.split())
        if len(code) < 4:
            raise ValidationError(TYPE_CODE, field="code")
        conn = self._connect()
        try:
            ident = self._identity(conn)
        finally:
            conn.close()
        if ident.library_id is None:
            raise KnownError(NOT_SET_UP)
        transport = self._transport(server_url, None, progress)
        # Someone is waiting at the form, perhaps with a mistyped address: try twice, then
        # say so (a sync, which nobody watches, tries longer).
        transport.tries = min(transport.tries, ENROL_TRIES)
        try:
            info = transport.get("/info", Info)
            _check_versions(info)
            skew = self._skew(info.server_time)
            keys = self._keys(ident.device_id)
            key = keys.signing_key(create=True)
            assert key is not None
            device_name = (socket.gethostname() or "PC")[:300]
            answer = transport.post(
                "/enroll",
                EnrollRequest(
                    code=code,
                    device_id=ident.device_id,
                    device_name=device_name,
                    library_id=ident.library_id,
                    public_key=public_key_b64(key),
                    app_version=__version__[:40],
                    proof=base64.b64encode(
                        key.sign(enrolment_proof(code, ident.device_id))
                    ).decode(),
                ),
                EnrollResponse,
            )
        finally:
            transport.close()
        if answer.device_id != ident.device_id:
            # The server named this device: keep the key under the new name too.
            moved = self._keys(answer.device_id)
            moved._set("device-key", keys._get("device-key") or "")
            keys = moved
        keys.set_token(answer.token)
        adopted = answer.library_id != ident.library_id
        meta = {
            **ident.meta,
            "enrolled_at": self.clock().isoformat(),
            "device_name": device_name,
            "clock_skew_seconds": skew,
            "inflight": None,
        }
        if adopted:
            self._adopt_library(
                ident.library_id, answer.library_id, answer.device_id, transport.server_url, meta
            )
        else:
            conn = self._connect()
            try:
                with transaction(conn):
                    conn.execute(
                        "UPDATE sync_state SET server_url = ?, device_id = ?",
                        (transport.server_url, answer.device_id),
                    )
                    if answer.device_id != ident.device_id:
                        # Another PC holds this database's device id (this is a copy, or
                        # a backup restored here): under the new id nothing has arrived
                        # yet, so everything goes again, in a new epoch (the server keeps
                        # each record once).
                        conn.execute(
                            "UPDATE sync_state SET db_epoch = ?, last_acked_seq = 0", (uuid7(),)
                        )
                        conn.execute(
                            "UPDATE outbox SET state = 'pending', batch_id = NULL, error = NULL"
                        )
                    _save_meta(conn, meta)
            finally:
                conn.close()
        return EnrollResult(
            server_url=transport.server_url,
            device_id=answer.device_id,
            library_id=answer.library_id,
            adopted_library=adopted,
            clock_skew_seconds=skew,
            clock_warning=abs(skew) > CLOCK_SKEW_WARNING_SECONDS,
            new_device=answer.device_id != ident.device_id,
        )

    def _adopt_library(
        self, old: str, new: str, device_id: str, server_url: str, meta: dict[str, Any]
    ) -> None:
        """Rewrite ``library_id`` everywhere to the server's, in one transaction; new epoch.

        Raw statements on the unit of work's own connection: the write guard
        refuses synced writes on light connections and ORM writes outside a
        unit of work, and this is neither. Foreign keys are checked at commit
        (the unit of work defers them), when every row points at the new id.
        """
        from app.db.uow import SYSTEM, UnitOfWork

        with UnitOfWork(self.db, SYSTEM) as uow:
            conn = uow.dbapi_connection()
            conn.execute("UPDATE library SET id = ?, library_id = ? WHERE id = ?", (new, new, old))
            for table in sorted(SYNCED_TABLES - {"library"}):
                conn.execute(f"UPDATE {table} SET library_id = ? WHERE library_id = ?", (new, old))
            conn.execute(
                "UPDATE outbox SET record_id = ? WHERE table_name = 'library' AND record_id = ?",
                (new, old),
            )
            # Everything goes again under the library's one id, in a new epoch.
            conn.execute("UPDATE outbox SET state = 'pending', batch_id = NULL, error = NULL")
            conn.execute(
                "UPDATE sync_state SET db_epoch = ?, last_acked_seq = 0, device_id = ?,"
                " server_url = ?",
                (uuid7(), device_id, server_url),
            )
            conn.execute(
                "INSERT INTO audit_entry (at, user_id, username, action, table_name, record_id,"
                " detail) VALUES (?, NULL, ?, 'adopt_library', 'library', ?, ?)",
                (_db_time(self.clock()), SYSTEM.username, new, json.dumps({"from": old})),
            )
            _save_meta(conn, meta)

    # --- sync -----------------------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        on_step: Callable[[SyncStep], None] | None = None,
    ) -> SyncResult:
        """Send every change not yet on the server; resumable after any cut or crash."""
        progress = progress or Progress()
        conn = self._connect()
        try:
            self._raise_versions(conn)  # left by a crash after a receipt
            ident = self._identity(conn)
            if not ident.server_url:
                raise NotEnrolled()
            token = self._keys(ident.device_id).token()
            if token is None:
                raise NotEnrolled()
            server_url = ident.server_url
            over = threading.Event()

            def check() -> None:
                progress.check()
                if over.is_set():  # the sync ended: a request left behind stops
                    raise Cancelled()

            def lane() -> Transport:
                return self._transport(server_url, token, check)

            run = _Run(self, conn, ident, lane, progress, on_step)
            try:
                return run.run()
            finally:
                over.set()
                run.close()
        finally:
            conn.close()

    # --- bundles ----------------------------------------------------------------------------

    def export_bundle(self, path: Path, progress: Progress | None = None) -> BundleResult:
        """Write the changes still to send as a signed bundle; rows stay as they are."""
        progress = progress or Progress()
        path = Path(path)
        conn = self._connect()
        try:
            self._raise_versions(conn)
            ident = self._identity(conn)
            key = self._keys(ident.device_id).signing_key()
            if not ident.server_url or key is None or ident.library_id is None:
                raise NotEnrolled()
            total = outbox.open_records(conn, ident.last_acked_seq + 1)
            if total == 0:
                raise KnownError(NOTHING_TO_SEND)
            batches: list[Batch] = []
            start, done, last = ident.last_acked_seq + 1, 0, outbox.max_seq(conn)
            now = self.clock()

            def make(planned: outbox.PlannedBatch) -> Batch:
                return Batch(
                    batch_id=uuid7(),
                    device_id=ident.device_id,
                    library_id=str(ident.library_id),
                    db_epoch=ident.db_epoch,
                    seq_from=planned.seq_from,
                    seq_to=planned.seq_to,
                    sent_at=now,
                    records=planned.records,
                )

            covered: dict[tuple[str, str], int] = {}
            while (
                planned := _fitting_batch(
                    conn, start, MAX_BATCH_RECORDS, last, MAX_BATCH_BYTES, make, covered
                )
            ) is not None:
                progress.check()
                batch, _body = planned
                batches.append(batch)
                covered.update(((r.kind, r.id), r.version) for r in batch.records)
                done += len(batch.records)
                progress.update(done, total, "")
                start = batch.seq_to + 1
        finally:
            conn.close()
        bundle = Bundle(
            bundle_id=uuid7(),
            device_id=ident.device_id,
            library_id=ident.library_id,
            created_at=self.clock(),
            batches=batches,
        )
        size = write_bundle(path, bundle, key)
        if batches:
            # The server's mark may reach this far once the bundle is imported.
            conn = self._connect()
            try:
                meta = _load_meta(conn)
                exported = meta.get("exported")
                seq_to = batches[-1].seq_to
                earlier: list[Any] = []
                if isinstance(exported, dict) and exported.get("epoch") == ident.db_epoch:
                    seq_to = max(seq_to, int(exported.get("seq_to", 0)))
                    earlier = _bundle_batches(exported)
                # The batches too: the next sync asks the server what it made of them.
                meta["exported"] = {
                    "epoch": ident.db_epoch,
                    "seq_to": seq_to,
                    "batches": [
                        *earlier,
                        *(
                            {
                                "bundle_id": bundle.bundle_id,
                                "batch_id": b.batch_id,
                                "seq_from": b.seq_from,
                                "seq_to": b.seq_to,
                            }
                            for b in batches
                        ),
                    ],
                }
                with transaction(conn):
                    _save_meta(conn, meta)
            finally:
                conn.close()
        return BundleResult(path, len(batches), done, size)

    def import_receipt(self, path: Path) -> ReceiptResult:
        """Mark the rows the server's bundle receipt covers as synced or rejected."""
        path = Path(path)
        receipt = read_receipt(path)
        conn = self._connect()
        try:
            ident = self._identity(conn)
            if receipt.device_id != ident.device_id or receipt.library_id != ident.library_id:
                raise SyncError("receipt_invalid", path=str(path))
            with transaction(conn):
                ours = [
                    one
                    for one in receipt.receipts
                    if one.db_epoch == ident.db_epoch and one.device_id == ident.device_id
                ]
                ignored = len(receipt.receipts) - len(ours)
                synced, refusals = outbox.apply_bundle_receipts(conn, ours)
                rejected = len(refusals)
                acked = max([ident.last_acked_seq, *(one.high_water for one in ours)])
                conn.execute("UPDATE sync_state SET last_acked_seq = ?", (acked,))
                # What the receipt told, the next sync need not ask.
                meta = _load_meta(conn)
                exported = meta.get("exported")
                if isinstance(exported, dict):
                    told = {one.batch_id for one in receipt.receipts}
                    exported["batches"] = [
                        b for b in _bundle_batches(exported) if b["batch_id"] not in told
                    ]
                    _save_meta(conn, meta)
            self._raise_versions(conn)
        finally:
            conn.close()
        return ReceiptResult(len(receipt.receipts), synced, rejected, ignored)

    def _raise_versions(self, conn: sqlite3.Connection) -> None:
        """Records a receipt found changed on this PC after the server's version of them
        take the version above it (:func:`sync.outbox.raise_versions`), before batches are
        made; in a unit of work, which alone writes synced tables."""
        if conn.execute(
            "SELECT 1 FROM outbox WHERE state = 'pending' AND op = 'newer' LIMIT 1"
        ).fetchone():
            from app.db.uow import SYSTEM, UnitOfWork

            with UnitOfWork(self.db, SYSTEM) as uow:
                outbox.raise_versions(uow.dbapi_connection())


class _Run:
    """One sync: the state it carries from request to request."""

    def __init__(
        self,
        client: SyncClient,
        conn: sqlite3.Connection,
        ident: _Identity,
        lane: Callable[[], Transport],
        progress: Progress,
        on_step: Callable[[SyncStep], None] | None,
    ) -> None:
        self.client = client
        self.conn = conn
        self.ident = ident
        self.new_lane = lane
        # One transport (one connection) per request in flight; the first for the rest.
        self.lanes = [lane()]
        self.t = self.lanes[0]
        self.progress = progress
        self.on_step = on_step
        self.meta = dict(ident.meta)
        self.counts = {"sent": 0, "already": 0, "refused": 0, "batches": 0}
        self.rejected: list[RejectedRecord] = []
        self.high_water_seen = 0  # the highest mark a receipt of this sync gave
        self.forgotten: set[str] = set()  # batches of this sync that timed out
        self.done = 0
        self.total = 0
        self.epoch = ident.db_epoch
        # Records the server refused in this sync, with the result: a batch that went
        # before that receipt came back left their later rows out (see book).
        self.refused: dict[tuple[str, str], RecordResult] = {}

    def close(self) -> None:
        for lane in self.lanes:
            lane.close()

    def lane(self, index: int) -> Transport:
        while len(self.lanes) <= index:
            self.lanes.append(self.new_lane())
        return self.lanes[index]

    def stats(self) -> Stats:
        total = Stats()
        for lane in self.lanes:
            total.requests += lane.stats.requests
            total.bytes_sent += lane.stats.bytes_sent
            total.bytes_received += lane.stats.bytes_received
        return total

    def step(self, phase: str) -> None:
        self.progress.update(self.done, self.total, "")
        if self.on_step is not None:
            stats = self.stats()
            self.on_step(
                SyncStep(
                    phase,
                    self.done,
                    self.total,
                    stats.bytes_sent,
                    stats.bytes_received,
                    self.counts["batches"],
                )
            )

    def save_meta(self, **changes: Any) -> None:
        self.meta.update(changes)
        with transaction(self.conn):
            _save_meta(self.conn, self.meta)

    def inflight(self) -> list[dict[str, Any]]:
        """The batches sent without a receipt yet (an older version kept one dict)."""
        found = self.meta.get("inflight")
        if isinstance(found, dict):
            return [found]
        return [b for b in found if isinstance(b, dict)] if isinstance(found, list) else []

    def set_inflight(self, batches: list[dict[str, Any]]) -> None:
        """Keep the batches in flight (inside the caller's transaction)."""
        self.meta["inflight"] = batches or None
        _save_meta(self.conn, self.meta)

    def run(self) -> SyncResult:
        conn, t = self.conn, self.t
        self.step("connecting")
        epoch = self.ident.db_epoch
        # The mark is asked for at once, on a second connection: one round trip for both.
        asked = None
        if self.client.window > 1:
            second = self.lane(1)  # lanes are made here, on the sync's own thread
            asked = _spawn(lambda: second.get("/sync/state", SyncState, params={"db_epoch": epoch}))
        info = t.get("/info", Info)
        _check_versions(info)
        skew = self.client._skew(info.server_time)
        self.save_meta(clock_skew_seconds=skew)
        max_records = max(1, min(info.max_batch_records, MAX_BATCH_RECORDS))
        if self.client.batch_records is not None:
            max_records = max(1, min(max_records, self.client.batch_records))
        max_bytes = max(1024, min(info.max_batch_bytes, MAX_BATCH_BYTES))
        # The national lists come on a connection of their own while the batches go.
        reference = None
        if self.client.window > 1:
            extra = self.lane(self.client.window)
            reference = _spawn(lambda: extra.get("/reference", Reference))

        self.step("checking")
        state = (
            _wait(asked, self.progress)
            if asked is not None
            else t.get("/sync/state", SyncState, params={"db_epoch": epoch})
        )
        high_water = state.high_water
        new_epoch = False
        # What this database itself sent explains the server's mark; a higher mark
        # means a copy of this folder sent under the same device and epoch.
        explained = self.ident.last_acked_seq
        sent_before = [*self.inflight(), self.meta.get("exported")]
        for sent in sent_before:
            if isinstance(sent, dict) and sent.get("epoch") == epoch:
                explained = max(explained, int(sent.get("seq_to", 0)))
        # Batches of this database that timed out but arrived explain the mark too, where
        # they follow on from what is explained already.
        for seq_from, seq_to in self.book_timed_out(epoch, min(high_water, outbox.max_seq(conn))):
            if seq_from <= explained + 1:
                explained = max(explained, seq_to)
        if high_water > outbox.max_seq(conn) or high_water > explained:
            # A copy of the database, or an old one: its numbers were used already.
            epoch, high_water, new_epoch = uuid7(), 0, True
            with transaction(conn):
                conn.execute("UPDATE sync_state SET db_epoch = ?, last_acked_seq = 0", (epoch,))
                conn.execute(
                    "UPDATE outbox SET state = 'pending', batch_id = NULL WHERE state = 'sending'"
                )
                self.set_inflight([])
        elif high_water < self.ident.last_acked_seq:
            # The server lost what came after its mark (restored from a backup).
            outbox.reopen_after(conn, high_water)
            with transaction(conn):
                conn.execute("UPDATE sync_state SET last_acked_seq = ?", (high_water,))
                self.set_inflight([])
        elif state.received is not None:
            # Batches past a gap that the server lost since (restored from a backup): their
            # rows are held as sent, but no range of the server's has them. (Only batches of
            # this epoch: rows sent in an earlier one are in no range of this one.)
            booked = self.meta.get("booked")
            if isinstance(booked, dict) and booked.get("epoch") == epoch:
                sent_to = int(booked.get("seq_to", 0))
                if sent_to > high_water:
                    outbox.reopen_outside(conn, high_water, state.received, sent_to)
        self.epoch = epoch

        self.total = outbox.open_records(conn)
        self.step("sending")
        self.learn_bundle(high_water)
        for inflight in self.inflight():
            if inflight.get("epoch") != epoch:
                continue
            receipt = self.send_again(inflight, max_bytes)
            if receipt is not None:
                high_water = max(high_water, receipt.high_water)
        with transaction(conn):
            outbox.settle_up_to(conn, high_water)
            self.set_inflight([b for b in self.inflight() if b.get("epoch") == epoch])
        go_on: int | None = high_water + 1
        halved = None
        if self.client.window > 1:
            go_on, halved = self.send_window(high_water + 1, max_records, max_bytes)
        if go_on is not None:
            self.send_all(go_on, max_records, max_bytes, halved)
        # A batch halved after a timeout may have arrived whole: a later receipt's mark
        # then passed over the rest of its range, which its own receipt tells of.
        self.book_timed_out(epoch, self.high_water_seen)

        self.step("reference")
        reference_updated = self.keep_reference(
            _wait(reference, self.progress)
            if reference is not None
            else t.get("/reference", Reference)
        )
        now = self.client.clock()
        with transaction(conn):
            conn.execute("UPDATE sync_state SET last_sync_at = ?", (_db_time(now),))
        self.step("done")
        stats = self.stats()
        return SyncResult(
            sent=self.counts["sent"],
            already_there=self.counts["already"],
            refused=self.counts["refused"],
            batches=self.counts["batches"],
            requests=stats.requests,
            bytes_sent=stats.bytes_sent,
            bytes_received=stats.bytes_received,
            new_epoch=new_epoch,
            clock_skew_seconds=skew,
            clock_warning=abs(skew) > CLOCK_SKEW_WARNING_SECONDS,
            reference_updated=reference_updated,
            rejected_records=self.rejected,
        )

    def batch(self, batch_id: str, planned: outbox.PlannedBatch) -> Batch:
        return Batch(
            batch_id=batch_id,
            device_id=self.ident.device_id,
            library_id=str(self.ident.library_id),
            db_epoch=self.epoch,
            seq_from=planned.seq_from,
            seq_to=planned.seq_to,
            sent_at=self.client.clock(),
            records=planned.records,
        )

    def send_again(self, inflight: dict[str, Any], max_bytes: int) -> Receipt | None:
        """A batch a cut or a crash left without receipt, under its own id."""
        planned = outbox.plan_range(self.conn, inflight["seq_from"], inflight["seq_to"])
        body = encode_batch(self.batch(inflight["batch_id"], planned))
        try:
            return self.put(inflight["batch_id"], planned, body, replay=True)
        except (HalveBatch, _Conflict) as exc:
            self.forget(inflight["batch_id"], planned.seq_from, planned.seq_to, exc)
            return None

    def start_batch(self, batch: Batch) -> outbox.PlannedBatch:
        """Mark the batch's rows ``sending`` and keep it in flight, in one transaction."""
        planned = outbox.PlannedBatch(batch.seq_from, batch.seq_to, list(batch.records), 0)
        with transaction(self.conn):
            outbox.mark_sending(self.conn, batch.batch_id, batch.seq_from, batch.seq_to)
            self.set_inflight(
                [
                    *self.inflight(),
                    {
                        "batch_id": batch.batch_id,
                        "seq_from": batch.seq_from,
                        "seq_to": batch.seq_to,
                        "epoch": self.epoch,
                    },
                ]
            )
        return planned

    def forget(self, batch_id: str, seq_from: int, seq_to: int, why: BaseException) -> None:
        """A batch that will go again smaller or under another id: its rows back to pending.

        One that timed out may have been applied all the same: it is kept in the list
        ``timed_out`` (the last :data:`TIMED_OUT_KEPT`) until :meth:`book_timed_out` has
        asked the server for its receipt."""
        with transaction(self.conn):
            outbox.unmark_sending(self.conn, seq_from, seq_to)
            if isinstance(why, HalveBatch) and why.reason == "timeout":
                kept = [
                    b
                    for b in self.meta.get("timed_out") or []
                    if isinstance(b, dict) and b.get("epoch") == self.epoch
                ]
                one = {
                    "batch_id": batch_id,
                    "seq_from": seq_from,
                    "seq_to": seq_to,
                    "epoch": self.epoch,
                }
                self.meta["timed_out"] = [*kept, one][-TIMED_OUT_KEPT:]
                self.forgotten.add(batch_id)
            self.set_inflight([b for b in self.inflight() if b.get("batch_id") != batch_id])

    def book_timed_out(self, epoch: str, high_water: int) -> list[tuple[int, int]]:
        """The receipts of batches of ``epoch`` that timed out, within the server's mark and
        with rows still open, asked for and recorded as a replay's (the rows they mark,
        refusals, records to send again above the server's version); the ranges of those
        that arrived, sorted.

        Without this, a mark that reaches into such a batch would settle its rows as
        sent with no word of what the server refused; and at the start of a sync a mark
        beyond what this database saw acknowledged would be taken for a copy's (a new
        epoch for nothing: everything not yet acknowledged would go again). Another
        database's batches have ids of their own: the server does not know these."""
        kept: list[dict[str, Any]] = []
        arrived: list[tuple[int, int]] = []
        for one in self.meta.get("timed_out") or []:
            if not isinstance(one, dict) or one.get("epoch") != epoch:
                continue
            seq_from, seq_to = int(one.get("seq_from", 0)), int(one.get("seq_to", 0))
            if seq_to > high_water:
                kept.append(one)
                continue
            # Only records whose rows are still open count in this sync's result (a
            # halved part sent again was counted with its own receipt).
            still_open = outbox.open_keys(self.conn, seq_from, seq_to)
            if not still_open:
                continue  # sent again meanwhile and acknowledged
            try:
                receipt = self.t.get(f"/batches/{one['batch_id']}", Receipt)
            except SyncError as exc:
                if exc.code != "not_found":
                    raise
                continue  # it never arrived; the rows went in other batches
            if (receipt.seq_from, receipt.seq_to) != (seq_from, seq_to):
                continue
            with transaction(self.conn):
                _, _, again = outbox.apply_receipt(self.conn, receipt)
                booked = self.meta.get("booked")
                if not isinstance(booked, dict) or booked.get("epoch") != epoch:
                    booked = {"epoch": epoch, "seq_to": 0}
                self.meta["booked"] = {**booked, "seq_to": max(booked["seq_to"], seq_to)}
                _save_meta(self.conn, self.meta)
            if again:
                self.client._raise_versions(self.conn)
            self.count_booked(receipt, still_open, sent_here=one["batch_id"] in self.forgotten)
            arrived.append((seq_from, seq_to))
        if kept != (self.meta.get("timed_out") or []):
            self.meta["timed_out"] = kept or None
            with transaction(self.conn):
                _save_meta(self.conn, self.meta)
        return sorted(arrived)

    def count_booked(
        self, receipt: Receipt, still_open: set[tuple[str, str]], *, sent_here: bool
    ) -> None:
        """A timed-out batch's receipt in this sync's result: its records whose rows were
        still open, each once (refused, already there, or sent: by this sync when the
        batch went in it, else it was there already when this sync began)."""
        results = {(r.kind, r.id): r for r in receipt.results}
        listed = {(r.kind, r.id) for r in self.rejected}
        going_again = outbox.newer_keys(self.conn)  # counted when they are sent
        for key in sorted(still_open - going_again):
            result = results.get(key)
            if result is not None and result.status == "rejected":
                if key not in listed:
                    self.counts["refused"] += 1
                    self.rejected.append(rejected_record(*key, result.code))
            elif result is not None or not sent_here:
                self.counts["already"] += 1
            else:
                self.counts["sent"] += 1
        self.counts["batches"] += 1

    def send_window(
        self, start: int, max_records: int, max_bytes: int
    ) -> tuple[int | None, int | None]:
        """Send batches :data:`WINDOW` at a time while they all succeed.

        Returns (None, None) when everything went; else where to go on one batch at
        a time, and the record limit to start from when the failure asks for a
        smaller batch (a 413 or a timeout). An error no smaller batch can cure is
        raised once the other batches in flight are answered and recorded.
        """
        conn = self.conn
        window = self.client.window
        covered: dict[tuple[str, str], int] = {}
        flying: deque[tuple[Batch, outbox.PlannedBatch, int, Future[Receipt]]] = deque()
        free = list(range(window))
        failed: tuple[int, BaseException] | None = None
        while True:
            while failed is None and free:
                self.progress.check()
                fitting = _fitting_batch(
                    conn,
                    start,
                    max_records,
                    outbox.max_seq(conn),
                    max_bytes,
                    lambda p: self.batch(uuid7(), p),
                    covered,
                )
                if fitting is None:
                    break
                batch, body = fitting
                planned = self.start_batch(batch)
                for record in batch.records:
                    covered[(record.kind, record.id)] = record.version
                index = free.pop(0)
                flying.append(
                    (
                        batch,
                        planned,
                        index,
                        _spawn(self.sender(index, batch.batch_id, planned, body)),
                    )
                )
                start = batch.seq_to + 1
            if not flying:
                break
            batch, planned, index, future = flying[0]
            try:
                receipt = _wait(future, self.progress)
            except (HalveBatch, _Conflict, SyncError) as exc:
                if not isinstance(exc, SyncError):  # else it may have arrived: kept in flight
                    self.forget(batch.batch_id, batch.seq_from, batch.seq_to, exc)
                if failed is None:
                    failed = (batch.seq_from, exc)
            else:
                self.book(batch.batch_id, planned, receipt)
            flying.popleft()
            free.append(index)
        if failed is None:
            return None, None
        seq_from, error = failed
        if isinstance(error, SyncError):
            raise error
        if isinstance(error, HalveBatch):
            return seq_from, max(1, max_records // 2)
        return seq_from, None

    def send_all(
        self, start: int, max_records: int, max_bytes: int, halved: int | None = None
    ) -> None:
        """Batches one at a time from ``start``, halved on a 413 or a timeout."""
        conn = self.conn
        limit = ceiling = max_records
        if halved is not None:
            ceiling, limit = max(1, max_records - 1), halved
        timeouts = 0
        while True:
            self.progress.check()
            upto = outbox.max_seq(conn)
            fitting = _fitting_batch(
                conn, start, limit, upto, max_bytes, lambda p: self.batch(uuid7(), p)
            )
            if fitting is None:
                return
            batch, body = fitting
            planned = self.start_batch(batch)
            try:
                receipt = self.put(batch.batch_id, planned, body)
            except (HalveBatch, _Conflict) as exc:
                self.forget(batch.batch_id, batch.seq_from, batch.seq_to, exc)
                if isinstance(exc, _Conflict):
                    continue
                if exc.reason == "too_large" and len(batch.records) <= 1:
                    raise SyncError("too_large", status=413) from exc
                if exc.reason == "timeout":
                    timeouts += 1
                    if timeouts >= self.t.tries:
                        raise SyncError(
                            "timeout", server=self.t._host(), tries=self.t.tries
                        ) from exc
                    self.t._pause(timeouts)
                # Never again as large as what failed; grow back after successes up to that.
                ceiling = max(1, len(batch.records) - 1)
                limit = max(1, min(limit, len(batch.records)) // 2)
                continue
            timeouts = 0
            limit = min(ceiling, limit * 2)
            start = max(batch.seq_to, receipt.high_water) + 1

    def sender(
        self, index: int, batch_id: str, planned: outbox.PlannedBatch, body: bytes
    ) -> Callable[[], Receipt]:
        """Send one batch on lane ``index`` (no database: it runs on a thread of its own)."""
        lane = self.lane(index)
        return lambda: _checked(lane, batch_id, planned, body)

    def put(
        self, batch_id: str, planned: outbox.PlannedBatch, body: bytes, replay: bool = False
    ) -> Receipt:
        """Send one batch; record its receipt with the rows it marks, in one transaction."""
        receipt = _checked(self.t, batch_id, planned, body)
        self.book(batch_id, planned, receipt, replay)
        return receipt

    def book(
        self, batch_id: str, planned: outbox.PlannedBatch, receipt: Receipt, replay: bool = False
    ) -> None:
        """Record a batch's receipt with the rows it marks, in one transaction.

        A batch sent while an earlier one was in flight leaves out the rows of the
        records that one carried; where the earlier receipt refused such a record,
        its rows in this batch are refused too (not marked synced).

        ``replay``: the batch went before under this id and is sent again as the
        records are NOW; the server may answer with the receipt of the first sending,
        which vouches for the rows in the batch's range only, not for a later edit
        read into the batch again (its later row stays to be sent).
        """
        carried = {(record.kind, record.id) for record in planned.records}
        left_out = [r for key, r in self.refused.items() if key not in carried]
        marks = receipt.model_copy(update={"results": [*receipt.results, *left_out]})
        with transaction(self.conn):
            _, _, again = outbox.apply_receipt(self.conn, marks, () if replay else planned.records)
            booked = self.meta.get("booked")
            if not isinstance(booked, dict) or booked.get("epoch") != self.epoch:
                booked = {"epoch": self.epoch, "seq_to": 0}
            self.meta["booked"] = {**booked, "seq_to": max(booked["seq_to"], receipt.seq_to)}
            self.high_water_seen = max(self.high_water_seen, receipt.high_water)
            # Receipts of batches in flight together may come back with lower marks.
            self.conn.execute(
                "UPDATE sync_state SET last_acked_seq = max(last_acked_seq, ?)",
                (receipt.high_water,),
            )
            self.set_inflight([b for b in self.inflight() if b.get("batch_id") != batch_id])
        if again:
            self.client._raise_versions(self.conn)
        counts = receipt.counts
        self.counts["sent"] += counts.inserted + counts.updated
        # A record made newer on this PC than the server's version goes again: counted
        # when it is sent.
        self.counts["already"] += max(0, counts.unchanged + counts.stale - again)
        self.counts["refused"] += counts.rejected
        self.counts["batches"] += 1
        for result in receipt.results:
            if result.status == "rejected":
                self.rejected.append(rejected_record(result.kind, result.id, result.code))
                self.refused[(result.kind, result.id)] = result
            else:
                self.refused.pop((result.kind, result.id), None)
        judged = {(r.kind, r.id) for r in receipt.results}
        for key in carried - judged:
            self.refused.pop(key, None)
        self.done = min(self.total, self.done + len(planned.records))
        self.step("sending")

    def learn_bundle(self, high_water: int) -> None:
        """What the server made of the batches of a USB bundle imported since: the rows it
        refused are marked refused (and listed), before the server's mark settles the rest
        as arrived. A batch the server does not know went online instead, under another id."""
        exported = self.meta.get("exported")
        if not isinstance(exported, dict) or exported.get("epoch") != self.epoch:
            return
        left = []
        receipts: dict[str, list[Receipt]] = {}  # per bundle, in its batches' order
        for one in _bundle_batches(exported):
            if one["seq_to"] > high_water:  # not imported yet (or not all of it)
                left.append(one)
                continue
            self.progress.check()
            try:
                receipt = self.t.get(f"/batches/{one['batch_id']}", Receipt)
            except SyncError as exc:
                if exc.code != "not_found":
                    raise
                continue
            receipts.setdefault(one["bundle_id"], []).append(receipt)
        refusals: list[RecordResult] = []
        with transaction(self.conn):
            for bundle in receipts.values():
                refusals += outbox.apply_bundle_receipts(self.conn, bundle)[1]
            self.meta["exported"] = {**exported, "batches": left}
            _save_meta(self.conn, self.meta)
        self.client._raise_versions(self.conn)
        self.counts["refused"] += len(refusals)
        self.rejected += [rejected_record(r.kind, r.id, r.code) for r in refusals]

    def keep_reference(self, reference: Reference) -> bool:
        stored = _load_setting(self.conn, REFERENCE_KEY)
        version = stored.get("version") if isinstance(stored, dict) else None
        if isinstance(version, int) and version >= reference.version:
            return False
        with transaction(self.conn):
            _save_setting(self.conn, REFERENCE_KEY, reference.model_dump(mode="json"))
        return True


def _bundle_batches(exported: dict[str, Any]) -> list[dict[str, Any]]:
    """The batches of the USB bundles exported in this epoch whose receipts are not known
    yet (none for a bundle exported by an older version)."""
    found = exported.get("batches")
    return [
        {
            "bundle_id": str(b["bundle_id"]),
            "batch_id": str(b["batch_id"]),
            "seq_from": int(b["seq_from"]),
            "seq_to": int(b["seq_to"]),
        }
        for b in (found if isinstance(found, list) else [])
        if isinstance(b, dict) and {"bundle_id", "batch_id", "seq_from", "seq_to"} <= b.keys()
    ]


def _checked(
    transport: Transport, batch_id: str, planned: outbox.PlannedBatch, body: bytes
) -> Receipt:
    """PUT one batch; its receipt, checked to answer this very batch."""
    try:
        receipt = transport.put_batch(batch_id, body, Receipt)
    except SyncError as exc:
        if exc.code == "batch_conflict":
            raise _Conflict() from exc
        raise
    if (
        receipt.batch_id != batch_id
        or receipt.seq_from != planned.seq_from
        or receipt.seq_to != planned.seq_to
    ):
        raise SyncError("not_our_server")
    return receipt


def _spawn(work: Callable[[], T]) -> Future[T]:
    """Run ``work`` on a daemon thread (an abandoned request never holds the program open)."""
    future: Future[T] = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as exc:  # handed to whoever waits
            future.set_exception(exc)

    threading.Thread(target=run, name="sync-lane", daemon=True).start()
    return future


def _wait(future: Future[T], progress: Progress) -> T:
    """The future's result, checking for a cancel while it is not there."""
    while True:
        progress.check()
        try:
            return future.result(timeout=POLL_SECONDS)
        except FutureTimeout:
            continue


class _Conflict(Exception):
    """409 batch_conflict: the id is the server's for another range; use a new one."""


def _fitting_batch(
    conn: sqlite3.Connection,
    start: int,
    limit: int,
    upto: int,
    max_bytes: int,
    make: Callable[[outbox.PlannedBatch], Batch],
    covered: dict[tuple[str, str], int] | None = None,
) -> tuple[Batch, bytes] | None:
    """The next batch from ``start`` whose gzip body fits ``max_bytes`` (halving to fit)."""
    while True:
        planned = outbox.plan_batch(conn, start, limit, upto=upto, covered=covered)
        if planned is None:
            return None
        batch = make(planned)
        body = encode_batch(batch)
        if len(body) <= max_bytes or len(planned.records) <= 1:
            return batch, body
        limit = max(1, len(planned.records) // 2)


def _check_versions(info: Info) -> None:
    if PROTOCOL_VERSION not in info.protocol_versions:
        raise SyncError("protocol_version")
    if SCHEMA_VERSION not in info.schema_versions:
        raise SyncError("schema_version")


def _load_setting(conn: sqlite3.Connection, key: str) -> Any:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    if row is None or row[0] is None:
        return None
    value = row[0]
    return json.loads(value) if isinstance(value, str) else value


def _save_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )


def _load_meta(conn: sqlite3.Connection) -> dict[str, Any]:
    value = _load_setting(conn, META_KEY)
    return value if isinstance(value, dict) else {}


def _save_meta(conn: sqlite3.Connection, meta: dict[str, Any]) -> None:
    _save_setting(conn, META_KEY, meta)
