"""Staff accounts: passwords, roles, login throttling, and the audit trail."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.core.auth import (
    BASE_DELAY,
    FREE_ATTEMPTS,
    MAX_DELAY,
    Permission,
    Role,
    User,
    UserService,
    hash_password,
    verify_password,
)
from app.core.errors import KnownError, PermissionDenied, ValidationError
from tests.conftest import LibraryDb

PASSWORD = "rahasia123"
WRONG = "Wrong username or password"
TOO_MANY = "Too many wrong passwords"


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.current = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def users(conn: sqlite3.Connection, clock: FakeClock) -> UserService:
    return UserService(conn, now=clock)


@pytest.fixture
def admin(library_db: LibraryDb) -> User:
    return library_db.admin


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _failures(conn: sqlite3.Connection, username: str) -> int:
    row = conn.execute("SELECT failed_logins FROM staff_user WHERE username = ?", (username,))
    return int(row.fetchone()[0])


# --- passwords -------------------------------------------------------------------


def test_password_hash_round_trip() -> None:
    stored = hash_password("kunci-rahasia")
    assert "kunci-rahasia" not in stored
    assert stored.startswith("scrypt$")
    assert verify_password("kunci-rahasia", stored)
    assert not verify_password("kunci-rahasiA", stored)
    assert not verify_password("", stored)


def test_same_password_hashes_differently() -> None:
    assert hash_password("kunci-rahasia") != hash_password("kunci-rahasia")


@pytest.mark.parametrize("stored", ["", "plain-text", "md5$abc$def", "scrypt$1$2"])
def test_unknown_hash_format_never_verifies(stored: str) -> None:
    assert not verify_password("plain-text", stored)


# --- login -----------------------------------------------------------------------


def test_login_with_the_right_password(users: UserService, admin: User) -> None:
    assert users.login("admin", PASSWORD) == admin


def test_login_ignores_case_and_spaces_in_the_username(users: UserService, admin: User) -> None:
    assert users.login("  Admin ", PASSWORD) == admin


@pytest.mark.parametrize(("username", "password"), [("admin", "salah-sekali"), ("siapa", PASSWORD)])
def test_wrong_username_or_password_gives_one_message(
    users: UserService, username: str, password: str
) -> None:
    with pytest.raises(KnownError, match=WRONG):
        users.login(username, password)


def test_good_login_resets_the_failure_count(users: UserService, conn: sqlite3.Connection) -> None:
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")
    assert _failures(conn, "admin") == FREE_ATTEMPTS - 1

    users.login("admin", PASSWORD)
    assert _failures(conn, "admin") == 0

    # A fresh run of wrong passwords starts from zero: no waiting yet.
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")
    users.login("admin", PASSWORD)


def test_too_many_wrong_passwords_make_the_next_try_wait(
    users: UserService, clock: FakeClock, conn: sqlite3.Connection
) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")

    # Even the right password is refused until the delay has passed.
    with pytest.raises(KnownError, match=TOO_MANY) as refused:
        users.login("admin", PASSWORD)
    assert refused.value.params["seconds"] == BASE_DELAY.total_seconds()
    assert "30 seconds" in str(refused.value)

    clock.advance(seconds=BASE_DELAY.total_seconds() - 1)
    with pytest.raises(KnownError, match=TOO_MANY) as refused:
        users.login("admin", PASSWORD)
    assert refused.value.params["seconds"] == 1

    clock.advance(seconds=1)
    users.login("admin", PASSWORD)
    assert _failures(conn, "admin") == 0
    row = conn.execute("SELECT locked_until FROM staff_user WHERE username = 'admin'")
    assert row.fetchone()[0] is None


def test_tries_while_waiting_do_not_count(users: UserService, clock: FakeClock) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")
    for _ in range(3):
        with pytest.raises(KnownError, match=TOO_MANY):
            users.login("admin", "salah-sekali")
    clock.advance(seconds=BASE_DELAY.total_seconds())
    # The next wrong try is number 6: it waits twice as long, not longer.
    with pytest.raises(KnownError, match=WRONG):
        users.login("admin", "salah-sekali")
    with pytest.raises(KnownError, match=TOO_MANY) as refused:
        users.login("admin", PASSWORD)
    assert refused.value.params["seconds"] == 2 * BASE_DELAY.total_seconds()


def test_the_delay_grows_with_each_wrong_password_up_to_a_limit(
    users: UserService, clock: FakeClock
) -> None:
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")
    delays = []
    for _ in range(8):
        with pytest.raises(KnownError, match=WRONG):
            users.login("admin", "salah-sekali")
        with pytest.raises(KnownError, match=TOO_MANY) as refused:
            users.login("admin", PASSWORD)
        seconds = refused.value.params["seconds"]
        delays.append(seconds)
        clock.advance(seconds=seconds)
    assert delays == [30, 60, 120, 240, 480, 900, 900, 900]
    assert max(delays) == MAX_DELAY.total_seconds()
    users.login("admin", PASSWORD)


def test_inactive_user_cannot_log_in(users: UserService, admin: User) -> None:
    relawan = users.create_user(admin, "wati", "Wati", "relawan", PASSWORD)
    users.update_user(admin, relawan.id, full_name="Wati", role="relawan", active=False)
    with pytest.raises(KnownError, match=WRONG):
        users.login("wati", PASSWORD)
    assert [user.username for user in users.list_users()] == ["admin"]
    assert {user.username for user in users.list_users(include_inactive=True)} == {"admin", "wati"}


def test_login_is_audited(users: UserService, conn: sqlite3.Connection, admin: User) -> None:
    with pytest.raises(KnownError):
        users.login("admin", "salah-sekali")
    users.login("admin", PASSWORD)
    rows = conn.execute(
        "SELECT action, user_id, username, record_id FROM audit_entry"
        " WHERE action LIKE 'login%' ORDER BY id"
    ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("login_failed", admin.id, "admin", admin.id),
        ("login", admin.id, "admin", admin.id),
    ]


def test_password_is_never_stored_in_the_clear(conn: sqlite3.Connection) -> None:
    dump = "\n".join(conn.iterdump())
    assert PASSWORD not in dump


# --- creating and changing users ---------------------------------------------------


def test_admin_creates_a_user_who_can_log_in(
    users: UserService, admin: User, conn: sqlite3.Connection
) -> None:
    created = users.create_user(admin, " Budi.S ", "  Budi Santoso ", "pengelola", "buku-bagus")
    assert (created.username, created.full_name, created.role) == (
        "budi.s",
        "Budi Santoso",
        Role.PENGELOLA,
    )
    assert users.get(created.id) == created
    assert users.login("budi.s", "buku-bagus") == created
    row = conn.execute(
        "SELECT user_id, username, record_id FROM audit_entry WHERE action = 'user_create'"
        " AND record_id = ?",
        (created.id,),
    ).fetchone()
    assert tuple(row) == (admin.id, "admin", created.id)


def test_duplicate_username_is_refused(
    users: UserService, admin: User, conn: sqlite3.Connection
) -> None:
    users.create_user(admin, "budi", "Budi", "relawan", PASSWORD)
    staff, audits = _count(conn, "staff_user"), _count(conn, "audit_entry")
    with pytest.raises(ValidationError) as refused:
        users.create_user(admin, "BUDI", "Budi Lain", "relawan", PASSWORD)
    assert refused.value.field == "username"
    assert (_count(conn, "staff_user"), _count(conn, "audit_entry")) == (staff, audits)


@pytest.mark.parametrize(
    ("username", "full_name", "role", "password", "field"),
    [
        ("", "Budi", "relawan", PASSWORD, "username"),
        ("budi santoso", "Budi", "relawan", PASSWORD, "username"),
        ("budi;drop", "Budi", "relawan", PASSWORD, "username"),
        ("b" * 41, "Budi", "relawan", PASSWORD, "username"),
        ("budi", "   ", "relawan", PASSWORD, "full_name"),
        ("budi", "Budi", "kepala", PASSWORD, "role"),
        ("budi", "Budi", "relawan", "pendek", "password"),
        ("budi", "Budi", "relawan", "", "password"),
    ],
)
def test_bad_new_user_is_refused(
    users: UserService,
    admin: User,
    conn: sqlite3.Connection,
    username: str,
    full_name: str,
    role: str,
    password: str,
    field: str,
) -> None:
    staff, audits = _count(conn, "staff_user"), _count(conn, "audit_entry")
    with pytest.raises(ValidationError) as refused:
        users.create_user(admin, username, full_name, role, password)
    assert refused.value.field == field
    assert (_count(conn, "staff_user"), _count(conn, "audit_entry")) == (staff, audits)


@pytest.mark.parametrize("role", ["relawan", "pengelola"])
def test_only_an_admin_creates_users(
    users: UserService, admin: User, conn: sqlite3.Connection, role: str
) -> None:
    staff_member = users.create_user(admin, "staf", "Staf", role, PASSWORD)
    with pytest.raises(PermissionDenied):
        users.create_user(staff_member, "baru", "Baru", "relawan", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.update_user(
            staff_member, staff_member.id, full_name="Staf", role="admin", active=True
        )
    assert users.get(staff_member.id) == staff_member
    assert _count(conn, "staff_user") == 2


def test_no_actor_can_create_users_once_one_exists(users: UserService) -> None:
    with pytest.raises(PermissionDenied):
        users.create_user(None, "penyusup", "Penyusup", "admin", PASSWORD)


@pytest.mark.parametrize(
    ("role", "active"), [("pengelola", True), ("relawan", True), ("admin", False)]
)
def test_the_last_active_admin_stays(
    users: UserService, admin: User, role: str, active: bool
) -> None:
    with pytest.raises(ValidationError):
        users.update_user(admin, admin.id, full_name=admin.full_name, role=role, active=active)
    assert users.get(admin.id) == admin
    assert users.count_admins() == 1


def test_an_admin_can_step_down_when_another_remains(users: UserService, admin: User) -> None:
    second = users.create_user(admin, "kedua", "Admin Kedua", "admin", PASSWORD)
    changed = users.update_user(
        admin, admin.id, full_name=admin.full_name, role="pengelola", active=True
    )
    assert changed.role == Role.PENGELOLA
    with pytest.raises(ValidationError):
        users.update_user(second, second.id, full_name=second.full_name, role="admin", active=False)
    assert users.count_admins() == 1


def test_set_password(users: UserService, admin: User) -> None:
    relawan = users.create_user(admin, "wati", "Wati", "relawan", PASSWORD)
    users.set_password(relawan, relawan.id, "kata-sandi-baru")
    assert users.login("wati", "kata-sandi-baru") == relawan
    with pytest.raises(KnownError, match=WRONG):
        users.login("wati", PASSWORD)
    with pytest.raises(PermissionDenied):
        users.set_password(relawan, admin.id, "ambil-alih-admin")
    with pytest.raises(ValidationError):
        users.set_password(relawan, relawan.id, "pendek")
    users.login("admin", PASSWORD)


def test_admin_resetting_a_password_lifts_the_wait(users: UserService, admin: User) -> None:
    relawan = users.create_user(admin, "wati", "Wati", "relawan", PASSWORD)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(KnownError, match=WRONG):
            users.login("wati", "lupa-lupa")
    users.set_password(admin, relawan.id, "kata-sandi-baru")
    assert users.login("wati", "kata-sandi-baru") == relawan


# --- roles -------------------------------------------------------------------------


def _user(role: Role) -> User:
    return User("id", "nama", "Nama", role, True)


def test_relawan_may_only_record() -> None:
    relawan = _user(Role.RELAWAN)
    assert {p for p in Permission if relawan.can(p)} == {Permission.RECORD}


def test_pengelola_runs_the_library_but_not_the_accounts() -> None:
    pengelola = _user(Role.PENGELOLA)
    for permission in (Permission.RECORD, Permission.EDIT, Permission.DELETE, Permission.REPORTS):
        assert pengelola.can(permission)
    assert pengelola.can(Permission.SYNC)
    assert not pengelola.can(Permission.MANAGE_USERS)


def test_admin_may_do_everything() -> None:
    admin = _user(Role.ADMIN)
    assert all(admin.can(p) for p in Permission)
