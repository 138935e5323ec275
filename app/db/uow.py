"""The one write path for synced records.

Every create, change and delete of a synced record happens inside a
:class:`UnitOfWork`. When the session flushes, a listener gives each new record
its id, ``library_id``, timestamps and ``version`` 1, bumps ``version`` and
``updated_at`` of each changed record, and appends, in the same SQLite
transaction, one audit entry (who, when, what) and one outbox row. Deleting is
a tombstone (``deleted_at``); a hard delete of a synced record is refused, and
so is any write to a synced table from a session that is not a unit of work.

    with UnitOfWork(db, actor) as uow:
        member = uow.add(Member(...))
        uow.delete(old_visit)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Self, TypeVar

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.core.clock import utcnow
from app.core.errors import StorageError, announce
from app.core.ids import uuid7
from app.db.database import Database, save_error
from app.db.models import Base, Library, SyncedRecord

R = TypeVar("R", bound=SyncedRecord)

_TABLE_ORDER = {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}

_BOOKKEEPING = {"id", "library_id", "created_at", "updated_at", "version"}


class WriteRefused(RuntimeError):
    """A synced record was written around the unit of work (a programming error)."""


@dataclass(frozen=True)
class Actor:
    """Who is writing: a staff user, or the program itself."""

    user_id: str | None
    username: str


SYSTEM = Actor(None, "sistem")


class UnitOfWork:
    """One SQLite transaction that writes synced records the sync-ready way."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor
        self._library_id: str | None = None
        self.session: Session
        # Rows for the outbox and the audit log, written right after the records.
        self._journal: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])

    def __enter__(self) -> Self:
        self.session = self.db.session(write=True)
        self.session.info["uow"] = self
        try:
            # BEGIN IMMEDIATE now: take the write lock up front. Foreign keys are checked
            # at commit, so parents and children may be added in any order.
            self.session.connection().exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        except Exception as exc:
            self.session.close()
            self._raise_storage_error(exc)
            raise
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        """Commit, or roll back on any error; a disk or database refusal becomes a
        :class:`~app.core.errors.StorageError` (nothing of the transaction is kept)."""
        try:
            if exc is None:
                try:
                    self.session.commit()
                except Exception as failed:
                    self.session.rollback()
                    self._raise_storage_error(failed)
                    raise
            else:
                self.session.rollback()
                self._raise_storage_error(exc)
        finally:
            self.session.close()

    def _raise_storage_error(self, exc: BaseException) -> None:
        """Raise the librarian's message if ``exc`` is a full disk, a read-only or locked
        database or a disk error; otherwise return (the caller re-raises ``exc``)."""
        if isinstance(exc, StorageError):
            return
        known = save_error(exc, self.db.data_dir)
        if known is not None:
            raise announce(known) from exc

    # --- records -----------------------------------------------------------

    def add(self, record: R) -> R:
        self.session.add(record)
        return record

    def delete(self, record: SyncedRecord) -> None:
        """Tombstone: the record stays, marked deleted, and syncs as such."""
        if record.deleted_at is None:
            record.deleted_at = utcnow()

    def get(self, model: type[R], record_id: str) -> R | None:
        return self.session.get(model, record_id)

    def flush(self) -> None:
        self.session.flush()

    def dbapi_connection(self) -> sqlite3.Connection:
        """The raw connection inside this transaction, for local-only tables."""
        raw = self.session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw

    @property
    def library_id(self) -> str:
        if self._library_id is None:
            found = self.session.scalar(
                select(Library.id).where(Library.deleted_at.is_(None)).limit(1)
            )
            if found is None:
                raise WriteRefused("no library profile yet: run the first-run set-up")
            self._library_id = found
        return self._library_id

    # --- bookkeeping, called from the flush listener ---------------------------

    def _stamp(self, session: Session) -> None:
        now = utcnow()
        entries: list[tuple[SyncedRecord, str, dict[str, Any]]] = []
        for obj in list(session.new):
            if not isinstance(obj, SyncedRecord):
                continue
            if obj.id is None:
                obj.id = uuid7()
            if obj.library_id is None:
                obj.library_id = obj.id if isinstance(obj, Library) else self.library_id
            obj.created_at = now
            obj.updated_at = now
            obj.version = 1
            entries.append((obj, "create", {}))
        for obj in list(session.dirty):
            if not isinstance(obj, SyncedRecord) or not session.is_modified(obj):
                continue
            state = inspect(obj)
            changed = sorted(attr.key for attr in state.attrs if attr.history.has_changes())
            touched = _BOOKKEEPING.intersection(changed)
            if touched:
                raise WriteRefused(f"bookkeeping fields are not to be set by hand: {touched}")
            op = "update"
            if "deleted_at" in changed:
                before = state.attrs.deleted_at.history.deleted
                op = "delete" if obj.deleted_at is not None else "restore"
                if before and before[0] is not None and obj.deleted_at is not None:
                    op = "update"
            obj.version = obj.version + 1
            obj.updated_at = now
            entries.append((obj, op, {"fields": changed}))
        # Parents before children in the outbox, so a batch never carries a child alone.
        entries.sort(key=lambda entry: _TABLE_ORDER.get(entry[0].__tablename__, 0))
        outbox, audit = self._journal
        for obj, op, detail in entries:
            table = obj.__tablename__
            outbox.append(
                {
                    "table_name": table,
                    "record_id": obj.id,
                    "version": obj.version,
                    "op": op,
                    "created_at": now,
                    "state": "pending",
                }
            )
            audit.append(
                {
                    "at": now,
                    "user_id": self.actor.user_id,
                    "username": self.actor.username,
                    "action": op,
                    "table_name": table,
                    "record_id": obj.id,
                    "detail": detail,
                }
            )

    def _write_journal(self, session: Session) -> None:
        """Outbox and audit rows of this flush, as two plain batched inserts."""
        outbox, audit = self._journal
        if outbox:
            conn = session.connection()
            conn.execute(Base.metadata.tables["outbox"].insert(), outbox)
            conn.execute(Base.metadata.tables["audit_entry"].insert(), audit)
        self._journal = ([], [])


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    for obj in session.deleted:
        if isinstance(obj, SyncedRecord):
            raise WriteRefused("synced records are never deleted; use UnitOfWork.delete()")
    uow = session.info.get("uow")
    if uow is None:
        touched = [
            obj
            for obj in (*session.new, *session.dirty)
            if isinstance(obj, SyncedRecord) and session.is_modified(obj)
        ]
        if touched:
            raise WriteRefused("synced records are written only through UnitOfWork")
        return
    uow._stamp(session)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    uow = session.info.get("uow")
    if uow is not None:
        uow._write_journal(session)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_dml(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, SyncedRecord):
        raise WriteRefused("bulk statements bypass the outbox; write records one by one")
