"""Staff accounts on the shared PC: roles, passwords, login, throttling.

Accounts are local only. This module works on a light ``sqlite3`` connection so
that the login screen opens before SQLAlchemy is loaded; it writes only
local-only tables (``staff_user``, ``audit_entry``).

Passwords: scrypt (memory-hard, in the standard library), parameters stored
with each hash so they can be raised later without breaking old hashes.
"""

from __future__ import annotations

import base64
import json
import math
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.core.clock import from_db, to_db, utcnow
from app.core.errors import KnownError, PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.text import QT_TRANSLATE_NOOP
from app.db.connection import transaction


class Role(StrEnum):
    ADMIN = "admin"
    PENGELOLA = "pengelola"
    RELAWAN = "relawan"


class Permission(StrEnum):
    RECORD = "record"  # visits, loans, activities
    EDIT = "edit"  # change records made earlier
    DELETE = "delete"
    REPORTS = "reports"
    SYNC = "sync"
    SETTINGS = "settings"
    MANAGE_USERS = "manage_users"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.PENGELOLA: frozenset(Permission) - {Permission.MANAGE_USERS},
    Role.RELAWAN: frozenset({Permission.RECORD}),
}

ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("PerpusDesa", "Administrator"),
    Role.PENGELOLA: QT_TRANSLATE_NOOP("PerpusDesa", "Manager"),
    Role.RELAWAN: QT_TRANSLATE_NOOP("PerpusDesa", "Volunteer"),
}

MIN_PASSWORD_LENGTH = 8
FREE_ATTEMPTS = 5  # wrong passwords in a row before each next try has to wait
BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)

# scrypt: n=2**14, r=8 uses 16 MiB; about 50 ms on an old PC.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    import hashlib  # here, not at start-up: loading OpenSSL costs an old PC a few ms

    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    import hashlib
    import hmac

    try:  # a damaged hash never matches (and never raises)
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=256 * 1024 * 1024,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True)
class User:
    id: str
    username: str
    full_name: str
    role: Role
    active: bool

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def _user(row: sqlite3.Row) -> User:
    return User(
        row["id"], row["username"], row["full_name"], Role(row["role"]), bool(row["active"])
    )


def audit(
    conn: sqlite3.Connection, actor: User | None, action: str, detail: dict[str, object]
) -> None:
    conn.execute(
        "INSERT INTO audit_entry (at, user_id, username, action, table_name, record_id, detail)"
        " VALUES (?, ?, ?, ?, 'staff_user', ?, ?)",
        (
            to_db(utcnow()),
            actor.id if actor else None,
            actor.username if actor else "sistem",
            action,
            detail.get("user_id"),
            json.dumps(detail),
        ),
    )


def _validate_username(username: str) -> str:
    username = username.strip().lower()
    if not username:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a username."), field="username"
        )
    if len(username) > 40 or not all(c.isalnum() or c in "._-" for c in username):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "A username may use only letters, digits, dots, dashes and underscores.",
            ),
            field="username",
        )
    return username


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The password must have at least {count} characters."),
            field="password",
            count=MIN_PASSWORD_LENGTH,
        )


def check_repeat(password: str, repeat: str) -> None:
    """The password typed twice must be the same."""
    if password != repeat:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The two passwords are not the same."),
            field="password_repeat",
        )


def validate_new_user(username: str, full_name: str, role: str, password: str) -> str:
    """Check a new account's fields; returns the normalised username."""
    name = _validate_username(username)
    if not full_name.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the full name."), field="full_name"
        )
    if role not in set(Role):
        raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Choose a role."), field="role")
    validate_password(password)
    return name


class UserService:
    """Accounts and login, on a light connection (see module docstring)."""

    def __init__(self, conn: sqlite3.Connection, now: Callable[[], datetime] = utcnow) -> None:
        self.conn = conn
        self.now = now

    # --- reading -------------------------------------------------------------

    def list_users(self, *, include_inactive: bool = False) -> list[User]:
        sql = "SELECT id, username, full_name, role, active FROM staff_user"
        if not include_inactive:
            sql += " WHERE active = 1"
        return [_user(row) for row in self.conn.execute(sql + " ORDER BY full_name, username")]

    def get(self, user_id: str) -> User | None:
        row = self.conn.execute(
            "SELECT id, username, full_name, role, active FROM staff_user WHERE id = ?", (user_id,)
        ).fetchone()
        return None if row is None else _user(row)

    def count_admins(self) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM staff_user WHERE role = 'admin' AND active = 1"
        ).fetchone()
        return int(row[0])

    # --- writing -------------------------------------------------------------

    def create_user(
        self, actor: User | None, username: str, full_name: str, role: str, password: str
    ) -> User:
        """``actor`` None only during first-run set-up, when there is no user yet."""
        if actor is None:
            if self.list_users(include_inactive=True):
                raise PermissionDenied(
                    QT_TRANSLATE_NOOP("PerpusDesa", "Only an administrator can add users.")
                )
        elif not actor.can(Permission.MANAGE_USERS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Only an administrator can add users.")
            )
        name = validate_new_user(username, full_name, role, password)
        exists = self.conn.execute(
            "SELECT 1 FROM staff_user WHERE username = ?", (name,)
        ).fetchone()
        if exists:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The username {username} is already taken."),
                field="username",
                username=name,
            )
        user = User(uuid7(), name, full_name.strip(), Role(role), True)
        stamp = to_db(self.now())
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO staff_user (id, username, full_name, role, password_hash, active,"
                " failed_logins, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)",
                (
                    user.id,
                    user.username,
                    user.full_name,
                    user.role.value,
                    hash_password(password),
                    stamp,
                    stamp,
                ),
            )
            audit(self.conn, actor, "user_create", {"user_id": user.id, "role": user.role.value})
        return user

    def update_user(
        self, actor: User, user_id: str, *, full_name: str, role: str, active: bool
    ) -> User:
        if not actor.can(Permission.MANAGE_USERS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("PerpusDesa", "Only an administrator can change users.")
            )
        target = self.get(user_id)
        if target is None:
            raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "That user no longer exists."))
        if not full_name.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the full name."), field="full_name"
            )
        if role not in set(Role):
            raise ValidationError(QT_TRANSLATE_NOOP("PerpusDesa", "Choose a role."), field="role")
        losing_admin = (
            target.role == Role.ADMIN and target.active and (role != Role.ADMIN or not active)
        )
        if losing_admin and self.count_admins() <= 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "At least one active administrator must remain."),
                field="role",
            )
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE staff_user SET full_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?",
                (full_name.strip(), role, int(active), to_db(self.now()), user_id),
            )
            audit(
                self.conn,
                actor,
                "user_update",
                {"user_id": user_id, "role": role, "active": active},
            )
        updated = self.get(user_id)
        assert updated is not None
        return updated

    def set_password(self, actor: User, user_id: str, password: str) -> None:
        if actor.id != user_id and not actor.can(Permission.MANAGE_USERS):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Only an administrator can change another user's password."
                )
            )
        validate_password(password)
        with transaction(self.conn):
            cur = self.conn.execute(
                "UPDATE staff_user SET password_hash = ?, failed_logins = 0, locked_until = NULL,"
                " updated_at = ? WHERE id = ?",
                (hash_password(password), to_db(self.now()), user_id),
            )
            if cur.rowcount != 1:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("PerpusDesa", "That user no longer exists.")
                )
            audit(self.conn, actor, "password_set", {"user_id": user_id})

    # --- login ---------------------------------------------------------------

    def login(self, username: str, password: str) -> User:
        """The user, or a KnownError; wrong passwords in a row slow the next tries."""
        row = self.conn.execute(
            "SELECT id, username, full_name, role, active, password_hash, failed_logins,"
            " locked_until FROM staff_user WHERE username = ?",
            (username.strip().lower(),),
        ).fetchone()
        wrong = KnownError(QT_TRANSLATE_NOOP("PerpusDesa", "Wrong username or password."))
        if row is None or not row["active"]:
            raise wrong
        now = self.now()
        locked_until = from_db(row["locked_until"])
        if locked_until is not None and locked_until > now:
            seconds = math.ceil((locked_until - now).total_seconds())
            raise KnownError(
                QT_TRANSLATE_NOOP(
                    "PerpusDesa", "Too many wrong passwords. Wait {seconds} seconds and try again."
                ),
                seconds=seconds,
            )
        user = _user(row)
        if not verify_password(password, row["password_hash"]):
            failures = int(row["failed_logins"]) + 1
            delay = None
            if failures >= FREE_ATTEMPTS:
                delay = min(BASE_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)
            with transaction(self.conn):
                self.conn.execute(
                    "UPDATE staff_user SET failed_logins = ?, locked_until = ? WHERE id = ?",
                    (failures, to_db(now + delay) if delay else None, user.id),
                )
                audit(self.conn, user, "login_failed", {"user_id": user.id, "failures": failures})
            raise wrong
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE staff_user SET failed_logins = 0, locked_until = NULL, last_login_at = ?"
                " WHERE id = ?",
                (to_db(now), user.id),
            )
            audit(self.conn, user, "login", {"user_id": user.id})
        return user
