"""The overdue list and its printed reminder list.

Loans are made through the core service at 10:00 WIB on Friday 20 November
2026; the page's clock is then moved on so that they are late. The reminder
list is rendered to PDF and read back with ``pdftotext`` (poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.circulation import CirculationService, OverdueLine
from app.ui.circulation.overdue import (
    ReminderPrintDialog,
    indonesian_date,
    reminder_html,
    render_reminder_pdf,
)
from app.ui.circulation.page import CirculationPage
from tests.conftest import LibraryDb
from tests.gui import test_circulation_page as desk_tests
from tests.gui.helpers import find_dialog
from tests.gui.test_circulation_page import Clock, shown, table

# The desk's fixtures: members, books, the page on its own clock.
clock = desk_tests.clock
conn = desk_tests.conn
context = desk_tests.context
desk = desk_tests.desk
page = desk_tests.page

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(pdf: Path) -> str:
    """The words of the PDF in reading order, one space between (a cell may wrap a date)."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return " ".join(text.split())


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    line = next(line for line in info.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


@pytest.fixture
def late(library_db: LibraryDb, clock: Clock) -> Clock:
    """Three loans, then the clock moved to Monday 7 December 2026."""
    with CirculationService(library_db.db, library_db.admin, now=clock) as service:
        service.lend("2026-0002", "B000101")  # a child: due 27 November -> 10 days late
        service.lend("2026-0001", "B000201")  # due 4 December -> 3 days late
        service.lend("2026-0001", "B000102")
        service.return_item("B000102")  # returned: never overdue
    clock.advance(17)
    return clock


def test_overdue_tab_lists_days_late_and_phone_latest_first(
    qtbot: QtBot, page: CirculationPage, late: Clock
) -> None:
    page.tabs.setCurrentWidget(page.overdue)
    rows = table(page.overdue.model)
    assert rows == [
        ["10", "Siti Aminah", "2026-0002", "081234567890", "Laskar Pelangi", "B000101", rows[0][6]],
        ["3", "Budi Santoso", "2026-0001", "081311112222", "Bumi Manusia", "B000201", rows[1][6]],
    ]
    assert "27" in rows[0][6] and "4" in rows[1][6]
    assert "7 December 2026" in page.overdue.heading.text() or "7 Desember 2026" in (
        page.overdue.heading.text()
    )
    assert page.overdue.print_button.isEnabled()
    # A return at the desk takes the line off the list.
    page.tabs.setCurrentWidget(page.desk)
    page.scan_box.setText("B000101")
    page.on_scan_entered()
    page.tabs.setCurrentWidget(page.overdue)
    assert [row[1] for row in table(page.overdue.model)] == ["Budi Santoso"]


def test_nothing_overdue_disables_printing(qtbot: QtBot, page: CirculationPage) -> None:
    page.tabs.setCurrentWidget(page.overdue)
    assert page.overdue.model.rowCount() == 0
    assert not page.overdue.print_button.isEnabled()


def test_overdue_model_passes_the_model_tester(
    qtbot: QtBot, page: CirculationPage, late: Clock, qtmodeltester: ModelTester
) -> None:
    page.overdue.refresh()
    assert page.overdue.model.rowCount() == 2
    assert page.overdue.model.data(page.overdue.model.index(0, 0), Qt.ItemDataRole.UserRole)
    qtmodeltester.check(page.overdue.model)


def line(number: int, days: int) -> OverdueLine:
    return OverdueLine(
        loan_id=f"loan-{number}",
        days_late=days,
        member_id=f"member-{number}",
        member_no=f"2026-{number:04d}",
        member_name=f"Anggota Nomor {number}",
        phone="0812 3456 7890",
        title=f"Judul Buku {number}",
        barcode=f"B{number:06d}",
        due_on=date(2026, 11, 2),
    )


@needs_poppler
def test_reminder_pdf_has_letterhead_indonesian_date_members_and_titles(
    qapp: object, tmp_path: Path
) -> None:
    lines = [line(1, 25), line(2, 3)]
    content = reminder_html(
        "Perpustakaan Desa Miroto", "Jl. Pemuda No. 1", lines, date(2026, 11, 27)
    )
    pdf = render_reminder_pdf(tmp_path / "pengingat.pdf", content, "Overdue loans")
    assert pdf.is_file() and not (tmp_path / "pengingat.pdf.part").exists()
    text = pdf_text(pdf)
    for expected in (
        "Perpustakaan Desa Miroto",
        "27 November 2026",
        "2 November 2026",
        "Anggota Nomor 1",
        "Judul Buku 2",
        "2026-0002",
        "0812 3456 7890",
    ):
        assert expected in text, expected
    assert indonesian_date(date(2026, 12, 7)) == "7 Desember 2026"
    assert pdf_pages(pdf) == 1


@needs_poppler
def test_a_long_reminder_list_runs_over_several_pages(qapp: object, tmp_path: Path) -> None:
    lines = [line(number, 90 - number) for number in range(1, 81)]
    content = reminder_html("Perpustakaan Desa Miroto", "", lines, date(2026, 11, 27))
    pdf = render_reminder_pdf(tmp_path / "long.pdf", content)
    assert pdf_pages(pdf) >= 2
    text = pdf_text(pdf)
    assert "Anggota Nomor 1 " in text and "Anggota Nomor 80" in text


@needs_poppler
def test_print_dialog_saves_the_pdf_in_the_background(
    qtbot: QtBot, page: CirculationPage, late: Clock, tmp_path: Path
) -> None:
    page.tabs.setCurrentWidget(page.overdue)
    target = tmp_path / "reminders.pdf"
    page.overdue.on_print_clicked(pdf_path=target)
    dialog = find_dialog(page, ReminderPrintDialog)
    assert "2" in dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=10_000)
    assert dialog.done_label.isVisible() and str(target) in dialog.done_label.text()
    text = pdf_text(target)
    for expected in (
        "Perpustakaan Desa Miroto",
        "7 Desember 2026",
        "Siti Aminah",
        "Budi Santoso",
        "Laskar Pelangi",
        "Bumi Manusia",
        "081311112222",
    ):
        assert expected in text, expected
    assert text.index("Siti Aminah") < text.index("Budi Santoso")  # the longest overdue first


def test_print_dialog_says_when_the_file_cannot_be_written(
    qtbot: QtBot, page: CirculationPage, late: Clock, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "reminders.pdf"
    page.overdue.on_print_clicked(pdf_path=target)
    dialog = find_dialog(page, ReminderPrintDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text() == shown(
        "The file {path} could not be written. Choose another folder.", path=str(target)
    )
    assert not target.parent.exists()
    assert dialog.ok_button.isEnabled()  # try again with another file


@needs_poppler
def test_print_dialog_sends_the_list_to_the_printer_chosen(
    qtbot: QtBot,
    page: CirculationPage,
    late: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "printed.pdf"

    class ChosenPrinter(QDialog):
        """The print dialog, answered at once with a 'printer' that writes a PDF."""

        def __init__(self, printer: QPrinter, owner: QWidget) -> None:
            super().__init__(owner)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def show(self) -> None:
            self.accept()

    monkeypatch.setattr("app.ui.circulation.overdue.QPrintDialog", ChosenPrinter)
    page.overdue.on_print_clicked(pdf_path=tmp_path / "unused.pdf")
    dialog = find_dialog(page, ReminderPrintDialog)
    dialog.to_printer.setChecked(True)
    assert not dialog.path.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "unused.pdf").exists()
    text = pdf_text(out)
    assert "Siti Aminah" in text and "Bumi Manusia" in text and "7 Desember 2026" in text
    assert pdf_pages(out) == 1
