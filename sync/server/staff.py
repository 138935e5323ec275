"""Dashboard staff: accounts, passwords, sessions, CSRF tokens, login throttling and scope.

A staff member has a role and a region: ``nasional`` (no region: the whole
country), ``provinsi`` (a province, "33") or ``kabupaten`` (a kabupaten/kota,
"33.74"), and sees that region and everything below it only.

- Passwords: ``hashlib.scrypt`` (n=2**14, r=8, p=1) with a random salt, stored
  as ``scrypt$n$r$p$salt$hash`` (base64); compared in constant time.
- Sessions: a random token in an HttpOnly, SameSite=Lax cookie (Secure over
  https), stored only as its SHA-256 in ``staff_session``, valid
  :data:`SESSION_HOURS` hours; logout deletes the row.
- CSRF: every POST form carries a token. A session's forms carry the session's
  own random token; the login form (no session yet) carries a random token that
  must equal a cookie set with the form (double submit).
- Throttling: after :data:`MAX_FAILURES` failed logins for one username or from
  one client address within :data:`WINDOW`, further attempts are refused until
  the oldest of them leaves the window.
- :func:`report_scope` lets a logged-in staff member's session authorise the
  reports API within the member's region.
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from fastapi import Request
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from app.core.auth import hash_password
from app.core.auth import verify_password as _verify_password
from sync.server import auth, regions
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.models import LoginAttempt, Region, StaffSession, StaffUser

ROLES: Final = {"nasional": 0, "provinsi": 1, "kabupaten": 2}  # role -> region level
ROLE_LABELS: Final = {
    "nasional": "Nasional",
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten/Kota",
}
SESSION_COOKIE: Final = "perpusdesa_sesi"
LOGIN_CSRF_COOKIE: Final = "perpusdesa_csrf"
SESSION_HOURS: Final = 12
MAX_FAILURES: Final = 5
WINDOW: Final = timedelta(minutes=15)
MIN_PASSWORD: Final = 8
USERNAME_PATTERN: Final = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
_DUMMY_HASH: Final = (
    "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
)


class StaffError(Exception):
    """A refused account command, with a one-line message."""


class LoginRefused(Exception):
    """A refused login, with the message for the login page (Indonesian)."""

    def __init__(self, message: str, *, throttled: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.throttled = throttled


@dataclass(frozen=True)
class Staff:
    """A logged-in staff member (what a page needs of the session)."""

    username: str
    role: str
    region: str | None  # None: national
    csrf_token: str
    region_name: str | None = None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def scope_label(self) -> str:
        """Where the staff member works: "Nasional", "Provinsi Jawa Tengah", "Kota Semarang"."""
        if self.region is None:
            return "Nasional"
        name = self.region_name or self.region
        return f"Provinsi {name}" if self.role == "provinsi" else name


def now() -> datetime:
    return datetime.now(UTC)


# --- passwords ------------------------------------------------------------------------


def verify_password(stored: str, password: str) -> bool:
    """The PC's own scrypt check (``app.core.auth``): the same hash format on both ends."""
    return _verify_password(password, stored)


# --- accounts -------------------------------------------------------------------------


def add_user(
    db: Database, username: str, role: str, region: str | None, password: str
) -> StaffUser:
    """A new staff account; StaffError (English, for the CLI) when something is wrong."""
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise StaffError(
            "The username must be 3 to 60 characters: letters, digits, '.', '_' or '-'."
        )
    if role not in ROLES:
        raise StaffError("The role must be nasional, provinsi or kabupaten.")
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"The password must be at least {MIN_PASSWORD} characters.")
    if role == "nasional":
        if region:
            raise StaffError("A nasional account has no --region.")
    elif not region:
        raise StaffError(f"A {role} account needs --region.")
    with db.transaction() as session:
        if session.get(StaffUser, username) is not None:
            raise StaffError(f"The user {username!r} exists already.")
        code = None
        if region:
            try:
                found = regions.ensure_region(session, region)
            except regions.UnknownRegion:
                raise StaffError(f"No region has the code {region!r}.") from None
            if found.level != ROLES[role]:
                wanted = (
                    "a province (e.g. 33)"
                    if role == "provinsi"
                    else "a kabupaten/kota (e.g. 33.74)"
                )
                raise StaffError(f"A {role} account's region must be {wanted}.")
            code = found.code
        user = StaffUser(
            username=username,
            role=role,
            region_code=code,
            password_hash=hash_password(password),
            created_at=now(),
        )
        session.add(user)
    return user


# --- login, sessions ------------------------------------------------------------------


def _failures_since(
    session: Session, username: str, address: str, since: datetime
) -> list[datetime]:
    return list(
        session.scalars(
            select(LoginAttempt.at)
            .where(
                LoginAttempt.at > since,
                or_(LoginAttempt.username == username, LoginAttempt.address == address),
            )
            .order_by(LoginAttempt.at)
        )
    )


def login(
    db: Database, username: str, password: str, address: str, *, stamp: datetime | None = None
) -> tuple[str, Staff]:
    """(session token for the cookie, the staff member); LoginRefused with the page's message."""
    stamp = stamp or now()
    username = username.strip().lower()[:60]
    address = address[:64]
    with db.transaction() as session:
        failures = _failures_since(session, username, address, stamp - WINDOW)
        if len(failures) >= MAX_FAILURES:
            free_at = failures[-MAX_FAILURES] + WINDOW
            minutes = max(1, int((free_at - stamp).total_seconds() + 59) // 60)
            raise LoginRefused(
                f"Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi dalam "
                f"{minutes} menit.",
                throttled=True,
            )
        user = session.get(StaffUser, username) if username else None
        valid = verify_password(user.password_hash if user else _DUMMY_HASH, password)
        if user is None or not valid or user.disabled_at is not None:
            session.add(LoginAttempt(username=username, address=address, at=stamp))
            raise_refused = True
        else:
            raise_refused = False
            session.execute(delete(LoginAttempt).where(LoginAttempt.username == username))
            token = auth.new_token()
            csrf = secrets.token_urlsafe(32)
            session.add(
                StaffSession(
                    token_hash=auth.hash_secret(token),
                    username=username,
                    csrf_token=csrf,
                    created_at=stamp,
                    expires_at=stamp + timedelta(hours=SESSION_HOURS),
                )
            )
            # Expired sessions and old failures of anyone go at each login (small tables).
            session.execute(delete(StaffSession).where(StaffSession.expires_at < stamp))
            session.execute(delete(LoginAttempt).where(LoginAttempt.at < stamp - WINDOW))
            staff = Staff(user.username, user.role, user.region_code, csrf)
    if raise_refused:  # outside the transaction, so the failure is committed
        raise LoginRefused("Nama pengguna atau kata sandi salah.")
    return token, staff


def session_staff(
    db: Database, token: str | None, *, stamp: datetime | None = None
) -> Staff | None:
    """The staff member of a session cookie, or None (no, unknown or expired session)."""
    if not token or len(token) > 200:
        return None
    stamp = stamp or now()
    with db.transaction() as session:
        row = session.execute(
            select(StaffSession, StaffUser, Region.name)
            .join(StaffUser, StaffUser.username == StaffSession.username)
            .outerjoin(Region, Region.code == StaffUser.region_code)
            .where(StaffSession.token_hash == auth.hash_secret(token))
        ).first()
        if row is None:
            return None
        staff_session, user, region_name = row
        if staff_session.expires_at <= stamp or user.disabled_at is not None:
            return None
        return Staff(
            user.username, user.role, user.region_code, staff_session.csrf_token, region_name
        )


def logout(db: Database, token: str | None) -> None:
    if not token or len(token) > 200:
        return
    with db.transaction() as session:
        session.execute(
            delete(StaffSession).where(StaffSession.token_hash == auth.hash_secret(token))
        )


def count_sessions(db: Database, username: str) -> int:
    with db.transaction() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(StaffSession)
                .where(StaffSession.username == username)
            )
            or 0
        )


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


# --- scope ----------------------------------------------------------------------------


def in_scope(scope: str | None, region_code: str | None) -> bool:
    """Whether a region (None or "": national) lies within a staff member's region."""
    if scope is None:
        return True
    if not region_code:
        return False
    return region_code == scope or region_code.startswith(scope + ".")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


def request_staff(request: Request) -> Staff | None:
    """The logged-in staff member of a request (its session cookie), or None."""
    db: Database = request.app.state.db
    return session_staff(db, request.cookies.get(SESSION_COOKIE))


def report_scope(request: Request) -> str | None:
    """The region a staff session may ask the reports API about (None: national).

    Without a valid session: a 401 ``auth_required`` problem.
    """
    staff = request_staff(request)
    if staff is None:
        raise ProblemError(
            "auth_required", "send Authorization: Bearer <admin token> or log in to the dashboard"
        )
    return staff.region
