"""What every Qt-free service of one logged-in staff member shares.

Reads go through one light connection: the caller's (``conn=``, e.g. the GUI
thread's, left open) or the service's own, opened when first needed and
closed by :meth:`close`. Writes go through the unit of work, as ``actor``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Self

from app.core.auth import User
from app.core.clock import utcnow
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import UnitOfWork


class Service:
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

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self.db.connect()
        return self._conn

    def close(self) -> None:
        """Close the service's own connection (a caller's connection stays open)."""
        if self._own_conn and self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _uow(self) -> UnitOfWork:
        from app.db.uow import Actor, UnitOfWork

        return UnitOfWork(self.db, Actor(self.actor.id, self.actor.username))
