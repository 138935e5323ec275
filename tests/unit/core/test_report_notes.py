"""The month's "Kendala dan rencana" text: kept per period, refused to volunteers, limited in length."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.core.auth import User, UserService
from app.core.errors import PermissionDenied, ValidationError
from app.reports.figures import compute_report
from app.reports.model import Period
from app.reports.notes import MAX_TEXT, can_edit, read_note, save_note
from tests.conftest import LibraryDb

NOVEMBER = Period.of_month(2026, 11)
AT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


def staff(conn: sqlite3.Connection, admin: User, username: str, role: str) -> User:
    return UserService(conn).create_user(admin, username, f"Staf {username}", role, "rahasia123")


def audit_count(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute("SELECT count(*) FROM audit_entry WHERE table_name = 'month_note'").fetchone()[
            0
        ]
    )


def test_a_note_is_kept_with_its_month(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    assert read_note(conn, NOVEMBER).text == ""
    kept = save_note(
        conn, library_db.admin, NOVEMBER, "  Atap bocor saat hujan.\r\nRencana: rak baru.  ", AT
    )
    assert kept.text == "Atap bocor saat hujan.\nRencana: rak baru."
    assert kept.updated_by == "admin"
    assert kept.updated_at == AT
    assert read_note(conn, NOVEMBER) == kept
    assert read_note(conn, Period.of_month(2026, 10)).text == ""
    assert read_note(conn, Period.of_year(2026)).text == ""
    assert compute_report(conn, NOVEMBER, now=AT).notes.text == kept.text
    assert audit_count(conn) == 1


def test_saving_again_replaces_the_text(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    save_note(conn, library_db.admin, NOVEMBER, "Pertama", AT)
    save_note(conn, library_db.admin, NOVEMBER, "Kedua", AT)
    assert read_note(conn, NOVEMBER).text == "Kedua"
    assert conn.execute("SELECT count(*) FROM month_note").fetchone()[0] == 1
    save_note(conn, library_db.admin, NOVEMBER, "   ", AT)
    assert read_note(conn, NOVEMBER).text == ""


def test_a_year_has_its_own_note(library_db: LibraryDb, conn: sqlite3.Connection) -> None:
    save_note(conn, library_db.admin, Period.of_year(2026), "Evaluasi tahunan", AT)
    assert read_note(conn, Period.of_year(2026)).text == "Evaluasi tahunan"
    assert read_note(conn, Period.of_month(2026, 1)).text == ""


def test_a_volunteer_may_not_write_the_note(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    volunteer = staff(conn, library_db.admin, "relawan1", "relawan")
    manager = staff(conn, library_db.admin, "pengelola1", "pengelola")
    assert not can_edit(volunteer)
    with pytest.raises(PermissionDenied):
        save_note(conn, volunteer, NOVEMBER, "Coba", AT)
    assert read_note(conn, NOVEMBER).text == ""
    assert audit_count(conn) == 0
    assert can_edit(manager)
    assert save_note(conn, manager, NOVEMBER, "Boleh", AT).updated_by == "pengelola1"


def test_a_text_too_long_is_refused_and_nothing_is_written(
    library_db: LibraryDb, conn: sqlite3.Connection
) -> None:
    save_note(conn, library_db.admin, NOVEMBER, "Lama", AT)
    with pytest.raises(ValidationError) as raised:
        save_note(conn, library_db.admin, NOVEMBER, "x" * (MAX_TEXT + 1), AT)
    assert raised.value.field == "notes"
    assert str(raised.value) == (
        f"The obstacles and plans are {MAX_TEXT + 1} characters long: shorten them to at most"
        f" {MAX_TEXT}."
    )
    assert read_note(conn, NOVEMBER).text == "Lama"
    assert save_note(conn, library_db.admin, NOVEMBER, "y" * MAX_TEXT, AT).text == "y" * MAX_TEXT
