"""First-run set-up: the library's profile, the language and the first administrator.

Everything is checked before anything is written, and then written in one
transaction: a failure leaves the database as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core import auth
from app.core.auth import Role, User, UserService
from app.core.errors import ValidationError
from app.core.ids import uuid7
from app.core.library import LibraryProfile, read_profile, region_path, validate_profile
from app.core.settings import Settings
from app.core.settings import validate as validate_setting
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database


@dataclass(frozen=True)
class FirstRun:
    profile: LibraryProfile
    language: str
    admin_username: str
    admin_full_name: str
    admin_password: str
    admin_password_repeat: str


def is_set_up(db: Database, conn: sqlite3.Connection | None = None) -> bool:
    """True when the database has a library profile and at least one user.

    ``conn``: an open connection to ``db`` to read with (start-up opens one
    connection fewer); otherwise one is opened and closed here.
    """
    if conn is None:
        if not db.exists() or db.revision() is None:
            return False
        conn = db.connect()
        try:
            return _has_library_and_user(conn)
        finally:
            conn.close()
    return db.revision(conn) is not None and _has_library_and_user(conn)


def _has_library_and_user(conn: sqlite3.Connection) -> bool:
    return read_profile(conn) is not None and bool(UserService(conn).list_users())


def validate_first_run(data: FirstRun) -> LibraryProfile:
    profile = validate_profile(data.profile)
    validate_setting("language", data.language)
    auth.validate_new_user(
        data.admin_username, data.admin_full_name, Role.ADMIN, data.admin_password
    )
    auth.check_repeat(data.admin_password, data.admin_password_repeat)
    return profile


def ensure_sync_state(conn: sqlite3.Connection) -> None:
    """Give this database its device id and first sync epoch (once)."""
    conn.execute(
        "INSERT INTO sync_state (id, device_id, db_epoch, last_acked_seq)"
        " SELECT 1, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM sync_state)",
        (uuid7(), uuid7()),
    )


def run_first_run(db: Database, data: FirstRun) -> tuple[LibraryProfile, User]:
    """Create the library, its first administrator and settings, all or nothing."""
    from app.db.models import Library
    from app.db.uow import Actor, UnitOfWork

    profile = validate_first_run(data)
    db.ensure_schema()
    if is_set_up(db):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "This library has already been set up.")
        )
    with UnitOfWork(db, Actor(None, "sistem")) as uow:
        conn = uow.dbapi_connection()
        admin = UserService(conn).create_user(
            None, data.admin_username, data.admin_full_name, Role.ADMIN, data.admin_password
        )
        uow.actor = Actor(admin.id, admin.username)
        library = uow.add(
            Library(
                name=profile.name,
                library_type=profile.library_type,
                region_code=profile.region_code,
                address=profile.address,
                head_name=profile.head_name,
                village_head_name=profile.village_head_name,
                npp=profile.npp,
                time_zone=profile.time_zone,
            )
        )
        uow.flush()
        Settings(conn).set("language", data.language)
        region_path(conn, profile.region_code)  # cached for the home page
        ensure_sync_state(conn)
    return LibraryProfile(**{**profile.__dict__, "id": library.id}), admin
