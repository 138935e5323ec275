"""Sirkulasi as the librarian uses it: cards and books scanned, refusals, renewing, history.

The scanner is a keyboard: ``scan`` types each key into whatever has the focus
and then Enter, as a USB barcode scanner does. Members and books are set up
through the core services on a real SQLite database. The page's clock starts
at 10:00 WIB on Friday 20 November 2026 and tests move it forward.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Permission
from app.core.catalog import CatalogService, ItemInput, TitleInput
from app.core.circulation import CirculationService
from app.core.members import MemberInput, MemberService
from app.core.settings import Settings
from app.ui.app import Controller
from app.ui.circulation.models import LogLine
from app.ui.circulation.page import CirculationPage
from app.ui.context import AppContext
from app.ui.pages import discover
from app.ui.table_model import RowsModel
from tests.conftest import VILLAGE_CODE, LibraryDb
from tests.gui.helpers import log_in, workspace

WIB = timezone(timedelta(hours=7))
START = datetime(2026, 11, 20, 10, 0, tzinfo=WIB).astimezone(UTC)


class Clock:
    """The page's 'now'; ``advance`` moves it on by whole days."""

    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at

    def advance(self, days: int) -> None:
        self.at += timedelta(days=days)


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    """What the program shows for an English source text (translated once a catalogue has it)."""
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Desk:
    """The library's people and books for these tests."""

    budi: str  # adult (umum): 3 books for 14 days
    siti: str  # child (anak): 2 books for 7 days
    lama: str  # membership ended on 1 November 2026
    keluar: str  # deactivated


def person(name: str, number: str, **changes: object) -> MemberInput:
    fields: dict[str, object] = {
        "name": name,
        "gender": "P",
        "birth_date": date(1990, 5, 17),
        "village_code": VILLAGE_CODE,
        "phone": "081234567890",
        "address": "Jl. Pemuda No. 5",
        "consent_given": True,
        "member_no": number,
        "registered_on": date(2026, 1, 10),
        "expires_on": date(2027, 1, 10),
    }
    fields.update(changes)
    return MemberInput(**fields)  # type: ignore[arg-type]


def add_title(
    library_db: LibraryDb, clock: Clock, title: str, *barcodes: str, status: str = "tersedia"
) -> str:
    """A title with one copy per barcode given; its id."""
    service = CatalogService(library_db.db, library_db.admin, clock)
    try:
        record = service.add_title(TitleInput(title=title, authors="Andrea Hirata"), copies=0)
        for barcode in barcodes:
            service.add_item(record.id, ItemInput(barcode=barcode, status=status))
    finally:
        service.close()
    return record.id


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def conn(library_db: LibraryDb) -> Iterator[sqlite3.Connection]:
    connection = library_db.db.connect()
    yield connection
    connection.close()


@pytest.fixture
def desk(library_db: LibraryDb, clock: Clock) -> Desk:
    service = MemberService(library_db.db, library_db.admin, clock)
    try:
        budi = service.register(person("Budi Santoso", "2026-0001", phone="081311112222"))
        siti = service.register(
            person(
                "Siti Aminah",
                "2026-0002",
                birth_date=date(2017, 2, 3),
                member_type="anak",
                guardian_name="Bu Wati",
                guardian_consent=True,
            )
        )
        lama = service.register(
            person(
                "Lama Sekali",
                "2025-0009",
                registered_on=date(2025, 11, 1),
                expires_on=date(2026, 11, 1),
            )
        )
        keluar = service.register(person("Sudah Keluar", "2026-0003"))
        service.deactivate(keluar.id)
    finally:
        service.close()
    add_title(library_db, clock, "Laskar Pelangi", "B000101", "B000102", "B000103")
    add_title(library_db, clock, "Bumi Manusia", "B000201", "B000202")
    add_title(library_db, clock, "Buku Basah", "B000301", status="rusak")
    add_title(library_db, clock, "Buku Hilang", "B000401", status="hilang")
    return Desk(budi.id, siti.id, lama.id, keluar.id)


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    connection = library_db.db.connect()
    yield AppContext(library_db.db, connection, library_db.admin, library_db.profile)
    connection.close()


@pytest.fixture
def page(qtbot: QtBot, desk: Desk, context: AppContext, clock: Clock) -> CirculationPage:
    widget = CirculationPage(context, now=clock)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.scan_box.hasFocus)
    return widget


def scan(qtbot: QtBot, text: str) -> None:
    """Type like a USB scanner: each key into whatever has the focus now, then Enter."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, char)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


def open_loans(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(member number, barcode) of every open loan."""
    return sorted(
        (row[0], row[1])
        for row in conn.execute(
            "SELECT m.member_no, i.barcode FROM loan l JOIN member m ON m.id = l.member_id"
            " JOIN item i ON i.id = l.item_id WHERE l.returned_at IS NULL"
        )
    )


def loan_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM loan").fetchone()[0])


def status(conn: sqlite3.Connection, barcode: str) -> str:
    return str(conn.execute("SELECT status FROM item WHERE barcode = ?", (barcode,)).fetchone()[0])


def table(model: RowsModel) -> list[list[str]]:
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def message(page: CirculationPage) -> tuple[str, str]:
    assert page.message.isVisible()
    return page.message.kind, page.message.text()


# --- the page in the window ----------------------------------------------------------


def test_page_is_listed_for_recording_roles_and_opens_in_the_window(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    spec = next(spec for spec in discover() if spec.key == "sirkulasi")
    assert (spec.order, spec.permission) == (35, Permission.RECORD)
    assert spec.title() == shown("Circulation", "Pages")
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    opened = workspace(controller).open_page("sirkulasi")
    assert isinstance(opened, CirculationPage)
    qtbot.waitUntil(opened.scan_box.hasFocus)


# --- lending and returning -------------------------------------------------------------


def test_card_then_two_books_lends_both_and_shows_them(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    assert page.member_name.isVisible()
    assert page.member_name.text() == "Budi Santoso"
    assert page.member_no.text() == "2026-0001"
    assert page.member_type.text() == shown("General public")
    assert "2027" in page.member_expiry.text() and "10" in page.member_expiry.text()
    assert page.allowance.text() == shown(
        "{count} of {most}; may borrow {left} more.", count=0, most=3, left=3
    )
    assert message(page)[0] == "info"
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        scan(qtbot, "B000101")
    assert changed.args == ["loan"]
    scan(qtbot, "B000201")
    assert open_loans(conn) == [("2026-0001", "B000101"), ("2026-0001", "B000201")]
    rows = table(page.loans_model)
    assert sorted((row[0], row[1]) for row in rows) == [
        ("Bumi Manusia", "B000201"),
        ("Laskar Pelangi", "B000101"),
    ]
    assert all(row[3] == "" for row in rows)  # nothing late
    assert page.allowance.text() == shown(
        "{count} of {most}; may borrow {left} more.", count=2, most=3, left=1
    )
    kind, text = message(page)
    assert kind == "ok" and "Bumi Manusia" in text and "Budi Santoso" in text
    assert "4 December 2026" in text or "4 Desember 2026" in text  # 14 days on
    log = table(page.log_model)
    assert [row[1].split(":")[0] for row in log] == ["Lent", "Lent"]
    assert "Bumi Manusia" in log[0][1] and "Laskar Pelangi" in log[1][1]  # newest first
    assert log[0][0] == "10:00"
    assert page.scan_box.hasFocus() and page.scan_box.text() == ""


def test_scanning_a_book_on_loan_returns_it_with_days_late_and_fine(
    qtbot: QtBot,
    page: CirculationPage,
    conn: sqlite3.Connection,
    library_db: LibraryDb,
    clock: Clock,
) -> None:
    Settings(conn).set_many({"fine_per_day": 500})
    with CirculationService(library_db.db, library_db.admin, now=clock) as service:
        service.lend("2026-0002", "B000101")  # a child: due Friday 27 November
    clock.advance(9)  # Sunday 29 November: 2 days late
    scan(qtbot, "2026-0001")  # another member is at the desk: the book still comes back
    scan(qtbot, "B000101")
    assert open_loans(conn) == []
    assert status(conn, "B000101") == "tersedia"
    assert message(page) == (
        "ok",
        shown(
            "Returned: {title}, from {name}; {days} days late, fine {fine}.",
            title="Laskar Pelangi",
            name="Siti Aminah",
            days=2,
            fine="Rp 1.000",
        ),
    )
    assert page.member_name.text() == "Budi Santoso"  # the borrower at the desk stays
    assert table(page.log_model)[0][1] == page.message.text()
    # On time and without a member chosen.
    page.on_finish_clicked()
    with CirculationService(library_db.db, library_db.admin, now=clock) as service:
        service.lend("2026-0001", "B000102")
    scan(qtbot, "B000102")
    assert message(page) == (
        "ok",
        shown("Returned: {title}, from {name}.", title="Laskar Pelangi", name="Budi Santoso"),
    )
    assert len(table(page.log_model)) == 2


def test_a_scan_lands_in_the_scan_box_wherever_the_focus_is(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    page.loans_table.setFocus()
    assert QApplication.focusWidget() is page.loans_table
    scan(qtbot, "B000102")
    page.renew_button.setFocus()
    assert QApplication.focusWidget() is page.renew_button
    scan(qtbot, "B000201")
    assert open_loans(conn) == [
        ("2026-0001", "B000101"),
        ("2026-0001", "B000102"),
        ("2026-0001", "B000201"),
    ]
    assert page.scan_box.hasFocus()
    # On the overdue list a card scanned brings the desk back.
    page.tabs.setCurrentWidget(page.overdue)
    page.overdue.table.setFocus()
    scan(qtbot, "B000101")
    assert page.tabs.currentWidget() is page.desk
    assert ("2026-0001", "B000101") not in open_loans(conn)
    # On the history tab a code goes to the history box instead: no loan is touched.
    page.tabs.setCurrentWidget(page.history)
    page.history.table.setFocus()
    scan(qtbot, "B000102")
    assert page.tabs.currentWidget() is page.history
    assert ("2026-0001", "B000102") in open_loans(conn)
    assert [row[1] for row in table(page.history.model)] == ["B000102"]


# --- refusals ----------------------------------------------------------------------------


def test_limit_reached_is_refused_and_nothing_written(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0002")  # a child may borrow 2
    scan(qtbot, "B000101")
    scan(qtbot, "B000201")
    assert page.allowance.text() == shown(
        "{count} of {most}; may borrow {left} more.", count=2, most=2, left=0
    )
    before = loan_count(conn)
    scan(qtbot, "B000102")
    assert message(page) == (
        "error",
        shown(
            "{name} already has {count} items on loan, the most allowed.",
            name="Siti Aminah",
            count=2,
        ),
    )
    assert loan_count(conn) == before
    assert status(conn, "B000102") == "tersedia"
    assert page.loans_model.rowCount() == 2
    assert page.scan_box.hasFocus()
    # The next scan just works: a return is still allowed.
    scan(qtbot, "B000101")
    assert message(page)[0] == "ok"
    assert page.allowance.text() == shown(
        "{count} of {most}; may borrow {left} more.", count=1, most=2, left=1
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            "2025-0009",
            (
                "The membership of {name} ({number}) ended on {date}. Renew it first.",
                {"name": "Lama Sekali", "number": "2025-0009", "date": "1 November 2026"},
            ),
        ),
        (
            "2026-0003",
            (
                "Member {number} is no longer active and cannot borrow.",
                {"number": "2026-0003"},
            ),
        ),
    ],
)
def test_expired_or_deactivated_member_refused(
    qtbot: QtBot,
    page: CirculationPage,
    conn: sqlite3.Connection,
    number: str,
    expected: tuple[str, dict[str, object]],
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, number)
    source, params = expected
    assert message(page) == ("error", shown(source).format(**params))
    assert not page.member_name.isVisible() and page.no_member.isVisible()
    scan(qtbot, "B000101")  # the refused card did not leave the last borrower chosen
    assert message(page) == (
        "error",
        shown("Scan the member's card first, then the items to lend."),
    )
    assert loan_count(conn) == 0


def test_unknown_code_refused(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "X99999")
    assert message(page) == (
        "error",
        shown("No member and no item in the catalogue has the code {code}.", code="X99999"),
    )
    assert loan_count(conn) == 0
    assert page.member_name.text() == "Budi Santoso"  # still at the desk
    scan(qtbot, "B000101")
    assert message(page)[0] == "ok"


@pytest.mark.parametrize(("barcode", "code"), [("B000401", "hilang"), ("B000301", "rusak")])
def test_lost_or_damaged_book_refused(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection, barcode: str, code: str
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, barcode)
    assert message(page) == (
        "error",
        shown(
            "The item {barcode} is marked {status} and cannot be lent.",
            barcode=barcode,
            status=shown({"hilang": "Lost", "rusak": "Damaged"}[code]),
        ),
    )
    assert loan_count(conn) == 0
    assert status(conn, barcode) == code


def test_message_line_colours_differ_for_success_and_refusal(
    qtbot: QtBot, page: CirculationPage
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    ok = page.message.grab().toImage().pixelColor(3, 3)
    scan(qtbot, "X1234")
    refused = page.message.grab().toImage().pixelColor(3, 3)
    assert ok.green() > ok.red()  # a green bar
    assert refused.red() > refused.green()  # a red bar


# --- renewing, finishing, history -------------------------------------------------------


def test_renew_by_keyboard_changes_the_due_date_shown(
    qtbot: QtBot, page: CirculationPage, clock: Clock, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")  # due Friday 4 December
    scan(qtbot, "B000201")
    before = {row[1]: row[2] for row in table(page.loans_model)}
    clock.advance(10)  # 30 November
    page.show_member()
    page.loans_table.setFocus()
    qtbot.keyClick(page.loans_table, Qt.Key.Key_Down)  # the second loan of the list
    chosen = page.selected_loan()
    assert chosen is not None and chosen.barcode == table(page.loans_model)[1][1]
    # Alt+R "presses" the Renew button: Qt clicks it after a short animation.
    with qtbot.waitSignal(page.renew_button.clicked):
        qtbot.keyClick(page.loans_table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    due = conn.execute(
        "SELECT l.due_on, l.renewals FROM loan l JOIN item i ON i.id = l.item_id"
        " WHERE i.barcode = ?",
        (chosen.barcode,),
    ).fetchone()
    assert tuple(due) == ("2026-12-14", 1)
    after = {row[1]: row[2] for row in table(page.loans_model)}
    other = next(barcode for barcode in before if barcode != chosen.barcode)
    assert after[other] == before[other]
    assert after[chosen.barcode] != before[chosen.barcode] and "14" in after[chosen.barcode]
    kind, text = message(page)
    assert kind == "ok" and chosen.title in text and "14" in text
    assert table(page.log_model)[0][1] == text
    assert page.scan_box.hasFocus()
    # The same loan stays chosen: a second renewal is allowed, the third refused.
    page.renew_button.click()
    page.renew_button.click()
    assert message(page) == (
        "error",
        shown("Renewed {count} times already, the most allowed: the item must come back.", count=2),
    )
    assert conn.execute("SELECT sum(renewals) FROM loan").fetchone()[0] == 2


def test_renew_needs_a_chosen_loan_when_there_are_several(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    scan(qtbot, "B000201")
    page.renew_button.click()
    assert message(page)[0] == "error"
    assert conn.execute("SELECT sum(renewals) FROM loan").fetchone()[0] == 0


def test_escape_finishes_the_borrower(
    qtbot: QtBot, page: CirculationPage, conn: sqlite3.Connection
) -> None:
    scan(qtbot, "2026-0001")
    assert page.member_name.isVisible()
    qtbot.keyClick(page.scan_box, Qt.Key.Key_Escape)
    assert not page.member_name.isVisible() and page.no_member.isVisible()
    assert page.loans_model.rowCount() == 0
    assert message(page)[0] == "info"
    scan(qtbot, "B000101")
    assert message(page)[0] == "error"
    assert loan_count(conn) == 0


def test_history_of_a_member_and_of_a_copy(
    qtbot: QtBot, page: CirculationPage, clock: Clock
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    clock.advance(2)
    scan(qtbot, "B000101")  # back
    scan(qtbot, "B000201")
    scan(qtbot, "2026-0002")
    scan(qtbot, "B000101")
    qtbot.keyClick(page.scan_box, Qt.Key.Key_Escape)
    scan(qtbot, "2026-0001")
    page.member_history_button.click()
    assert page.tabs.currentWidget() is page.history
    rows = table(page.history.model)
    assert [row[1] for row in rows] == ["B000201", "B000101"]  # open first, then returned
    assert rows[0][5] == shown("still on loan")
    assert rows[1][5] != shown("still on loan")
    assert (
        shown(
            "Loans of {name} ({number}): {count}", name="Budi Santoso", number="2026-0001", count=2
        )
        == page.history.summary.text()
    )
    # A copy: type its barcode and Enter.
    page.history.box.clear()
    qtbot.keyClicks(page.history.box, "B000101")
    qtbot.keyClick(page.history.box, Qt.Key.Key_Return)
    rows = table(page.history.model)
    assert [row[2] for row in rows] == ["Siti Aminah (2026-0002)", "Budi Santoso (2026-0001)"]
    # An unknown code says so.
    page.history.box.clear()
    qtbot.keyClicks(page.history.box, "NOPE1")
    qtbot.keyClick(page.history.box, Qt.Key.Key_Return)
    assert page.history.error.isVisible()
    assert page.history.model.rowCount() == 0


# --- the models ----------------------------------------------------------------------------


def test_models_pass_the_model_tester(
    qtbot: QtBot, page: CirculationPage, qtmodeltester: ModelTester, clock: Clock
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    scan(qtbot, "B000201")
    clock.advance(20)
    page.show_member()
    assert page.loans_model.data(page.loans_model.index(0, 3)) != ""  # late now
    qtmodeltester.check(page.loans_model)
    page.log_model.add(LogLine("10:05", "Lent: test", "lent"))
    qtmodeltester.check(page.log_model)
    page.history.show_code("2026-0001")
    qtmodeltester.check(page.history.model)


def test_changes_made_elsewhere_show_and_f2_brings_the_scan_box_back(
    qtbot: QtBot, page: CirculationPage, library_db: LibraryDb, clock: Clock
) -> None:
    scan(qtbot, "2026-0001")
    scan(qtbot, "B000101")
    assert page.loans_model.rowCount() == 1
    # Another page (or desk) takes the book back and says so.
    with CirculationService(library_db.db, library_db.admin, now=clock) as service:
        service.return_item("B000101")
    page.context.signals.data_changed.emit("loan")
    assert page.loans_model.rowCount() == 0
    assert page.allowance.text() == shown(
        "{count} of {most}; may borrow {left} more.", count=0, most=3, left=3
    )
    page.finish_button.setFocus()
    qtbot.keyClick(page.finish_button, Qt.Key.Key_F2)
    assert page.scan_box.hasFocus()
    assert page.member_name.text() == "Budi Santoso"  # F2 only moves the focus
