"""Stock opname: start a count, scan the shelves, watch the figures and lists, close, print.

The page runs in the real program (login included) on a real database. The
shelves: Laskar Pelangi B001..B004 and Bumi Manusia B010 (damaged), B011 (lost),
B012 (weeded); member 2026-0001 has B004 on loan. Texts are compared with what
the installed catalogue shows, so the tests hold before and after the
Indonesian translations of the new strings are added.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.core.circulation import CirculationService
from app.core.stocktake import StocktakeService
from app.db.models import Item, Member, Title
from app.db.uow import UnitOfWork
from app.ui.app import Controller
from app.ui.stocktake_page import LinesModel, ReportPrintDialog, StocktakePage
from tests.conftest import LibraryDb
from tests.gui.helpers import find_dialog, log_in, workspace

SHOTS = Path("/tmp/shots")
WAIT = 10_000


def shown(source: str, context: str = "StocktakePage", **params: object) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def add_items(library_db: LibraryDb, title: str, *copies: tuple[str, str]) -> None:
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        record = uow.add(Title(title=title, authors="Penulis", material_type="buku"))
        uow.flush()
        for barcode, status in copies:
            uow.add(
                Item(
                    title_id=record.id,
                    barcode=barcode,
                    call_number=f"899.221 PEN {barcode[-2:]}",
                    source="perpusnas",
                    status=status,
                )
            )


@pytest.fixture
def shelves(library_db: LibraryDb) -> LibraryDb:
    add_items(
        library_db,
        "Laskar Pelangi",
        ("B001", "tersedia"),
        ("B002", "tersedia"),
        ("B003", "tersedia"),
        ("B004", "tersedia"),
    )
    add_items(
        library_db, "Bumi Manusia", ("B010", "rusak"), ("B011", "hilang"), ("B012", "disiangi")
    )
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Member(
                member_no="2026-0001",
                name="Budi Santoso",
                gender="L",
                member_type="umum",
                registered_on=date(2026, 1, 10),
                expires_on=date(2099, 1, 10),
                consent_at=datetime.now(UTC) - timedelta(days=30),
                consent_by=library_db.admin.id,
                active=True,
            )
        )
    with CirculationService(library_db.db, library_db.admin) as desk:
        desk.lend("2026-0001", "B004")
    return library_db


def open_page(qtbot: QtBot, controller: Controller, username: str, password: str) -> StocktakePage:
    assert controller.start()
    log_in(qtbot, controller, username, password)
    page = workspace(controller).open_page("opname")
    assert isinstance(page, StocktakePage)
    assert page.isVisible()
    # Offscreen, a window shown after an earlier test's may not be the active one.
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    return page


@pytest.fixture
def page(
    qtbot: QtBot, shelves: LibraryDb, make_controller: Callable[[], Controller]
) -> StocktakePage:
    return open_page(qtbot, make_controller(), "admin", shelves.admin_password)


def scan(qtbot: QtBot, page: StocktakePage, code: str) -> None:
    """A scanner: the code typed fast into the scan box, then Enter."""
    page.scan_box.clear()
    qtbot.keyClicks(page.scan_box, code)
    qtbot.keyClick(page.scan_box, Qt.Key.Key_Return)


def column(model: LinesModel, col: int) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def listed(page: StocktakePage, tab: int, col: int) -> list[str]:
    """Show a tab (its list is read then) and what one column of it says."""
    page.tabs.setCurrentIndex(tab)
    models = (page.missing_model, page.unexpected_model, page.on_loan_model, page.scanned_model)
    return column(models[tab], col)


def figures(page: StocktakePage) -> dict[str, int]:
    return {name: figure.value() for name, figure in page.figures.items()}


def status_of(conn: sqlite3.Connection, barcode: str) -> str:
    return str(conn.execute("SELECT status FROM item WHERE barcode = ?", (barcode,)).fetchone()[0])


def button_of(box: QMessageBox, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None, f"no button {name}"
    return found


def start(qtbot: QtBot, page: StocktakePage) -> None:
    """Start a count from the keyboard: the start button has the focus, Space presses it."""
    assert page.start_button.isVisible() and not page.scan_box.isEnabled()
    assert page.start_button.hasFocus()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    assert page.scan_box.isEnabled() and page.scan_box.hasFocus()
    assert page.close_button.isVisible() and not page.start_button.isVisible()


# --- counting -------------------------------------------------------------------------


def test_scanning_shows_live_figures_and_lists(
    qtbot: QtBot, page: StocktakePage, qtmodeltester: ModelTester
) -> None:
    start(qtbot, page)
    assert figures(page) == {
        "expected": 4,
        "found": 0,
        "missing": 4,
        "on_loan": 1,
        "unexpected": 0,
        "scanned": 0,
    }
    assert listed(page, 0, 0) == ["B001", "B002", "B003", "B010"]
    # Every list has been read once: from now on each scan changes them a line at a time.
    assert listed(page, 1, 0) == [] and listed(page, 3, 0) == []
    assert listed(page, 2, 0) == ["B004"]
    page.tabs.setCurrentIndex(0)

    scan(qtbot, page, "B001")
    assert page.feedback.text() == shown(
        "Found: {barcode} {title}", barcode="B001", title="Laskar Pelangi"
    )
    assert page.scan_box.text() == ""  # ready for the next copy
    scan(qtbot, page, "b010")  # typed by hand, in lower case: the damaged copy
    scan(qtbot, page, "B004")
    assert "B004" in page.feedback.text() and "Laskar Pelangi" in page.feedback.text()
    scan(qtbot, page, "B011")
    assert page.available_button.isVisible()  # lost but found: offer to make it available
    scan(qtbot, page, "X999")
    assert page.feedback.text() == shown(
        "{barcode} is not in the catalogue. Put the copy aside to catalogue it.", barcode="X999"
    )
    scan(qtbot, page, "B001")
    assert page.feedback.text() == shown(
        "{barcode} was counted already: {title}", barcode="B001", title="Laskar Pelangi"
    )

    assert figures(page) == {
        "expected": 4,
        "found": 2,
        "missing": 2,
        "on_loan": 1,
        "unexpected": 2,
        "scanned": 5,
    }
    assert page.progress_bar.value() == 50
    assert listed(page, 0, 0) == ["B002", "B003"]
    assert listed(page, 1, 0) == ["X999", "B011"]
    assert listed(page, 2, 0) == ["B004"]
    assert listed(page, 2, 3) == [shown("Yes", "PerpusDesa")]
    assert listed(page, 3, 1) == ["X999", "B011", "B004", "B010", "B001"]
    assert page.tabs.tabText(0) == shown("&Missing ({count})", count=2)
    assert page.tabs.tabText(3) == shown("Scann&ed ({count})", count=5)
    # What the lists show after scanning is what reading them afresh gives.
    service = page.service
    assert page.missing_model.rows == service.missing()
    assert page.unexpected_model.rows == service.unexpected()
    assert page.on_loan_model.rows == service.on_loan()
    assert page.scanned_model.rows == service.scanned()
    assert page.figures_now == service.progress()
    for model in (
        page.missing_model,
        page.unexpected_model,
        page.on_loan_model,
        page.scanned_model,
    ):
        qtmodeltester.check(model)

    # The list shown follows each scan at once.
    assert page.tabs.currentIndex() == 3
    scan(qtbot, page, "B002")
    assert column(page.scanned_model, 1)[0] == "B002"
    assert figures(page)["found"] == 3

    listed(page, 0, 0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.window().resize(1100, 720)
    assert page.window().grab().save(str(SHOTS / "stocktake_mid_count.png"))


def test_a_key_pressed_on_a_list_goes_to_the_scan_box(qtbot: QtBot, page: StocktakePage) -> None:
    start(qtbot, page)
    page.missing_table.setFocus()
    qtbot.keyClicks(page.missing_table, "B002")
    assert page.scan_box.text() == "B002"
    assert page.scan_box.hasFocus()
    qtbot.keyClick(page.scan_box, Qt.Key.Key_Return)
    assert listed(page, 3, 1) == ["B002"]


def test_a_bad_code_is_refused_and_a_wrong_one_taken_back(
    qtbot: QtBot, page: StocktakePage
) -> None:
    start(qtbot, page)
    scan(qtbot, page, "B0#1")
    assert page.error.isVisible()
    assert "B0#1" in page.error.text()
    assert page.scan_box.text() == "B0#1"  # left to be corrected
    assert listed(page, 3, 1) == []

    scan(qtbot, page, "B0O2")  # a letter O for a zero
    assert listed(page, 1, 0) == ["B0O2"]
    page.tabs.setCurrentIndex(3)
    page.scanned_table.selectRow(0)
    assert page.remove_button.isEnabled()
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.scanned_model.rowCount() == 0
    assert listed(page, 1, 0) == []


def test_a_lost_copy_found_is_made_available_again(
    qtbot: QtBot, page: StocktakePage, shelves: LibraryDb
) -> None:
    start(qtbot, page)
    scan(qtbot, page, "B011")
    scan(qtbot, page, "B0O9")  # a code no copy has
    scan(qtbot, page, "B011")  # counted already: the offer stays
    assert page.available_button.isVisible()
    assert listed(page, 1, 0) == ["B0O9", "B011"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.window().resize(1100, 720)
    assert page.window().grab().save(str(SHOTS / "stocktake_unexpected.png"))
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.mouseClick(page.available_button, Qt.MouseButton.LeftButton)
    assert status_of(page.context.conn, "B011") == "tersedia"
    assert listed(page, 1, 0) == ["B0O9"]
    assert figures(page)["found"] == 1 and figures(page)["expected"] == 5


def test_an_open_count_carries_on_after_a_restart(
    qtbot: QtBot, shelves: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    # Counted before the power went: the program starts again on the same data folder.
    with StocktakeService(shelves.db, shelves.admin) as before:
        before.start()
        before.scan("B001")
        before.scan("B002")
    page = open_page(qtbot, make_controller(), "admin", shelves.admin_password)
    assert page.scan_box.isEnabled() and page.close_button.isVisible()
    assert listed(page, 3, 1) == ["B002", "B001"]
    assert figures(page)["found"] == 2
    scan(qtbot, page, "B003")
    assert listed(page, 0, 0) == ["B010"]


# --- closing ----------------------------------------------------------------------------


def test_closing_marks_the_missing_copies_lost(
    qtbot: QtBot, page: StocktakePage, shelves: LibraryDb
) -> None:
    start(qtbot, page)
    scan(qtbot, page, "B001")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    assert box.objectName() == "closeConfirm"
    assert box.defaultButton() is not button_of(box, "closeAndMark")
    assert "3" in box.informativeText()
    mark = button_of(box, "closeAndMark")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert box.grab().save(str(SHOTS / "stocktake_close_confirm.png"))
    assert mark.text() == shown("Close and mark {count} copies lost", count=3)
    with qtbot.waitSignal(page.context.signals.data_changed, timeout=WAIT):
        qtbot.mouseClick(mark, Qt.MouseButton.LeftButton)  # closed in the background

    conn = page.context.conn
    statuses = {code: status_of(conn, code) for code in ("B001", "B002", "B003", "B004", "B010")}
    assert statuses == {
        "B001": "tersedia",
        "B002": "hilang",
        "B003": "hilang",
        "B004": "dipinjam",
        "B010": "hilang",
    }
    assert page.feedback.text() == shown(
        "The count is closed; {count} copies were marked lost.", count=3
    )
    assert page.start_button.isVisible() and not page.scan_box.isEnabled()
    # The page keeps the result of the closed count, ready to print.
    assert listed(page, 0, 0) == ["B002", "B003", "B010"]
    assert page.print_button.isEnabled()


def test_cancelling_the_confirmation_changes_nothing(qtbot: QtBot, page: StocktakePage) -> None:
    start(qtbot, page)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert page.scan_box.isEnabled()
    assert status_of(page.context.conn, "B002") == "tersedia"


def test_a_volunteer_closes_without_marking(
    qtbot: QtBot, shelves: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    conn = shelves.db.connect()
    try:
        UserService(conn).create_user(
            shelves.admin, "relawan", "Relawan", Role.RELAWAN, "kata-sandi-1"
        )
    finally:
        conn.close()
    page = open_page(qtbot, make_controller(), "relawan", "kata-sandi-1")
    start(qtbot, page)
    assert not page.cancel_button.isVisible()
    scan(qtbot, page, "B011")
    assert not page.available_button.isVisible()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    assert box.findChild(QPushButton, "closeAndMark") is None
    qtbot.mouseClick(button_of(box, "closeOnly"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.start_button.isVisible, timeout=WAIT)  # closed in the background
    assert status_of(page.context.conn, "B002") == "tersedia"


# --- printing ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_printing_the_result_makes_a_pdf_listing_the_missing_copies(
    qtbot: QtBot, page: StocktakePage, tmp_path: Path
) -> None:
    start(qtbot, page)
    for code in ("B001", "B003", "B004", "B011", "X999"):
        scan(qtbot, page, code)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    qtbot.mouseClick(button_of(box, "closeAndMark"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.start_button.isVisible, timeout=WAIT)

    target = tmp_path / "opname.pdf"
    page.on_print_clicked(pdf_path=target)
    dialog = find_dialog(page, ReportPrintDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    assert target.is_file() and not (tmp_path / "opname.pdf.part").exists()

    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert "Perpustakaan Desa Miroto" in words
    assert shown("Stock take result", "PerpusDesa") in words
    assert "B002" in words and "B010" in words  # the missing copies
    assert "X999" in words and "B011" in words  # the unexpected finds
    assert "Sri Wahyuni" in words  # the head of the library signs
    if shutil.which("pdftoppm"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(target),
                str(SHOTS / "stocktake_result"),
            ],
            check=True,
        )
