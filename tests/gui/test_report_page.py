"""The reports page (Laporan): the figures of a month, its notes, printing and the files.

Real SQLite (``library_db``) with a few guestbook visits recorded through the
visit service: three people in October 2025 and one in September 2025. The
page is shown as a manager would see it; the figures come from a background
task; the notes are typed and saved with the buttons; the PDF is read back
with ``pdftotext`` and the workbook with openpyxl.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Generator, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.auth import Permission, Role, User, UserService
from app.core.settings import Settings
from app.core.visits import VisitInput, VisitService
from app.reports.model import Period
from app.reports.notes import MAX_TEXT, read_note, save_note
from app.ui.context import AppContext
from app.ui.pages.laporan import PAGE
from app.ui.report_page import ReportPage, default_period, file_name
from tests.conftest import LibraryDb

OCTOBER = Period.of_month(2025, 10)
SEPTEMBER = Period.of_month(2025, 9)
EARLY_NOVEMBER = date(2025, 11, 4)  # the page opens on October
OCTOBER_NOTES = "Listrik padam tiga hari; rak baru dipesan."
SEPTEMBER_NOTES = "Relawan baru mulai bertugas."


def shown(source: str, **params: object) -> str:
    text = QCoreApplication.translate("PerpusDesa", source)
    return text.format(**params) if params else text


def record_visits(library_db: LibraryDb, when: datetime, genders: tuple[str, ...]) -> None:
    service = VisitService(library_db.db, library_db.admin, now=lambda: when)
    try:
        for gender in genders:
            service.record(
                VisitInput(kind="guest", gender=gender, age_band="dewasa", purposes=("membaca",))
            )
    finally:
        service.close()


@pytest.fixture
def visits(library_db: LibraryDb) -> LibraryDb:
    record_visits(library_db, datetime(2025, 10, 15, 3, 0, tzinfo=UTC), ("L", "L", "P"))
    record_visits(library_db, datetime(2025, 9, 20, 3, 0, tzinfo=UTC), ("P",))
    return library_db


def make_context(library_db: LibraryDb, user: User) -> Generator[AppContext, None, None]:
    conn = library_db.db.connect()
    yield AppContext(db=library_db.db, conn=conn, user=user, profile=library_db.profile)
    conn.close()


@pytest.fixture
def context(visits: LibraryDb) -> Iterator[AppContext]:
    yield from make_context(visits, visits.admin)


@pytest.fixture
def relawan(library_db: LibraryDb) -> User:
    conn = library_db.db.connect()
    try:
        return UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()


def open_page(qtbot: QtBot, context: AppContext) -> ReportPage:
    page = ReportPage(context, today=lambda: EARLY_NOVEMBER)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    wait_computed(qtbot, page)
    return page


def wait_computed(qtbot: QtBot, page: ReportPage) -> None:
    qtbot.waitUntil(lambda: not page.computing and page.report is not None, timeout=10_000)


def pick_month(qtbot: QtBot, page: ReportPage, month: int) -> None:
    page.month.setCurrentIndex(month - 1)
    wait_computed(qtbot, page)


def save_dialog_returns(
    monkeypatch: pytest.MonkeyPatch, path: Path, asked: list[str] | None = None
) -> None:
    def answer(*args: Any, **kwargs: Any) -> tuple[str, str]:
        if asked is not None:
            asked.append(str(args[2]))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def test_the_page_spec_is_lazy_and_open_to_volunteers() -> None:
    assert PAGE.key == "laporan" and PAGE.order == 70
    assert PAGE.permission is Permission.RECORD
    assert PAGE.title() == QCoreApplication.translate("Pages", "Reports")


def test_the_default_period_and_file_names() -> None:
    assert default_period(date(2026, 11, 10)) == Period.of_month(2026, 10)
    assert default_period(date(2026, 11, 11)) == Period.of_month(2026, 11)
    assert default_period(date(2026, 1, 3)) == Period.of_month(2025, 12)
    assert file_name(Period.of_month(2026, 11), "pdf") == "laporan-2026-11.pdf"
    assert file_name(Period.of_year(2026), "xlsx") == "laporan-2026.xlsx"


def test_the_figures_are_computed_in_the_background_and_shown(
    qtbot: QtBot, context: AppContext, visits: LibraryDb
) -> None:
    page = ReportPage(context, today=lambda: EARLY_NOVEMBER)
    qtbot.addWidget(page)
    page.show()
    # Shown at once; the figures follow from the worker, the buttons wait for them.
    assert page.computing and page.report is None
    assert not page.pdf_button.isEnabled()
    assert page.month.currentIndex() == 9 and page.year.value() == 2025
    wait_computed(qtbot, page)
    assert page.report is not None and page.report.period == OCTOBER
    assert page.report.visits.people.current == 3
    assert page.report.visits.people.last_year == 0
    text = page.preview.toPlainText()
    assert visits.profile.name.upper() in text
    # The preview reads as the paper: this month, the month before, the same month last year.
    assert "People visiting\n3\n1\n0\n" in text
    assert "chart-visits" in page.preview.images, "the visits chart is drawn in the preview"
    assert page.pdf_button.isEnabled() and page.print_button.isEnabled()


def test_switching_the_month_or_the_year_recomputes(qtbot: QtBot, context: AppContext) -> None:
    page = open_page(qtbot, context)
    pick_month(qtbot, page, 9)
    assert page.report is not None and page.report.period == SEPTEMBER
    assert page.report.visits.people.current == 1
    assert page.report.visits.people.previous == 0
    qtbot.mouseClick(page.annual, Qt.MouseButton.LeftButton)
    assert not page.month.isEnabled()
    wait_computed(qtbot, page)
    assert page.report is not None and page.report.period == Period.of_year(2025)
    assert page.report.visits.people.current == 4


def test_notes_are_kept_for_their_own_month(
    qtbot: QtBot, context: AppContext, visits: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    qtbot.keyClicks(page.notes, OCTOBER_NOTES)
    qtbot.mouseClick(page.save_notes_button, Qt.MouseButton.LeftButton)
    conn = visits.db.connect()
    try:
        assert read_note(conn, OCTOBER).text == OCTOBER_NOTES
        assert OCTOBER_NOTES in page.preview.toPlainText(), "the preview shows the saved notes"
        assert "admin" in page.notes_status.text()

        pick_month(qtbot, page, 9)
        assert page.notes.toPlainText() == "", "September has no notes yet"
        qtbot.keyClicks(page.notes, SEPTEMBER_NOTES)
        pick_month(qtbot, page, 10)  # switching keeps what was typed for September
        assert page.notes.toPlainText() == OCTOBER_NOTES
        assert read_note(conn, SEPTEMBER).text == SEPTEMBER_NOTES
        assert read_note(conn, OCTOBER).text == OCTOBER_NOTES
    finally:
        conn.close()


def test_too_long_notes_are_refused_with_the_limit(
    qtbot: QtBot, context: AppContext, visits: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    page.notes.setPlainText("x" * (MAX_TEXT + 1))
    assert page.notes_count.text() == shown(
        "{count} of at most {limit} characters",
        count=QLocale().toString(MAX_TEXT + 1),
        limit=QLocale().toString(MAX_TEXT),
    )
    qtbot.mouseClick(page.save_notes_button, Qt.MouseButton.LeftButton)
    assert page.notes_error.isVisible()
    assert "4000" in page.notes_error.text() or "4.000" in page.notes_error.text()
    # Another month is refused too, so that nothing typed is lost on the way.
    page.month.setCurrentIndex(8)
    assert page.period == OCTOBER and page.month.currentIndex() == 9
    conn = visits.db.connect()
    try:
        assert read_note(conn, OCTOBER).text == ""
    finally:
        conn.close()


def test_a_volunteer_reads_the_notes_but_cannot_change_them(
    qtbot: QtBot, visits: LibraryDb, relawan: User
) -> None:
    conn = visits.db.connect()
    try:
        save_note(conn, visits.admin, OCTOBER, OCTOBER_NOTES)
    finally:
        conn.close()
    contexts = make_context(visits, relawan)
    context = next(contexts)
    page = open_page(qtbot, context)
    assert page.notes.toPlainText() == OCTOBER_NOTES
    assert page.notes.isReadOnly() and not page.save_notes_button.isEnabled()
    assert page.notes_hint.isVisible()
    qtbot.keyClicks(page.notes, " tambahan")
    assert page.notes.toPlainText() == OCTOBER_NOTES
    assert page.print_button.isEnabled() and page.pdf_button.isEnabled(), "volunteers may print"
    assert OCTOBER_NOTES in page.preview.toPlainText()
    contexts.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_save_pdf_writes_the_report_with_the_notes(
    qtbot: QtBot,
    context: AppContext,
    visits: LibraryDb,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, context)
    qtbot.keyClicks(page.notes, OCTOBER_NOTES)  # typed, not saved: the export saves it
    target = tmp_path / "laporan oktober.pdf"
    asked: list[str] = []
    save_dialog_returns(monkeypatch, target, asked)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "laporan-2025-10.pdf"
    qtbot.waitUntil(page.done_label.isVisible, timeout=15_000)
    assert str(target) in page.done_label.text()
    assert page.open_button.isVisible()
    text = pdf_text(target)
    assert visits.profile.name.upper() in text
    assert OCTOBER_NOTES in text
    assert "Oktober 2025" in text
    conn = visits.db.connect()
    try:
        assert read_note(conn, OCTOBER).text == OCTOBER_NOTES
    finally:
        conn.close()


def test_save_xlsx_writes_a_workbook(
    qtbot: QtBot,
    context: AppContext,
    visits: LibraryDb,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_page(qtbot, context)
    target = tmp_path / "angka"  # the extension is added
    save_dialog_returns(monkeypatch, target)
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.done_label.isVisible, timeout=15_000)
    written = tmp_path / "angka.xlsx"
    book = openpyxl.load_workbook(written)
    assert book.worksheets[0]["A1"].value == visits.profile.name
    assert len(book.worksheets) >= 8  # the cover and one sheet per section
    numbers = [
        cell.value
        for row in book.worksheets[1].iter_rows()
        for cell in row
        if isinstance(cell.value, int)
    ]
    assert 3 in numbers, "the visits sheet holds October's three people as a number"


@pytest.mark.parametrize("button", ["pdf_button", "xlsx_button"])
def test_an_unwritable_file_shows_a_message_and_writes_nothing(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
) -> None:
    page = open_page(qtbot, context)
    folder = tmp_path / "tidak-ada"
    suffix = "pdf" if button == "pdf_button" else "xlsx"
    target = folder / f"laporan.{suffix}"
    save_dialog_returns(monkeypatch, target)
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.export_error.isVisible, timeout=15_000)
    assert str(target) in page.export_error.text()
    assert "Traceback" not in page.export_error.text()
    assert not page.done_label.isVisible()
    assert not folder.exists()
    assert getattr(page, button).isEnabled(), "the manager can try another folder"


def test_data_changes_recompute_only_a_shown_page(
    qtbot: QtBot, context: AppContext, visits: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    page.hide()
    record_visits(visits, datetime(2025, 10, 16, 3, 0, tzinfo=UTC), ("P",))
    context.signals.data_changed.emit("visit")
    assert page.stale and not page.computing, "a hidden page only marks itself stale"
    page.show()
    assert page.computing
    wait_computed(qtbot, page)
    assert page.report is not None and page.report.visits.people.current == 4
    record_visits(visits, datetime(2025, 10, 17, 3, 0, tzinfo=UTC), ("L",))
    context.signals.data_changed.emit("visit")
    assert page.computing
    wait_computed(qtbot, page)
    assert page.report is not None and page.report.visits.people.current == 5


def test_print_preview_on_the_papers_from_the_settings(
    qtbot: QtBot, context: AppContext, visits: LibraryDb
) -> None:
    Settings(context.conn).set("paper", "F4")
    page = open_page(qtbot, context)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in page.findChildren(QPrintPreviewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert page._printer is not None
    size = page._printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (215, 330)
    assert "Oktober 2025" in dialogs[0].windowTitle()
    preview = dialogs[0].findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 2, timeout=10_000)
    dialogs[0].hide()
