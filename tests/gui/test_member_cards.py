"""Member cards: the printed sheet is read back as a scanner would, and the card dialog works.

A sheet is rendered to PDF, turned into a 300-dpi image with ``pdftoppm`` and
every barcode on it is decoded with zxing-cpp (an independent Code 128
reader); ``pdftotext`` shows the names, numbers and dates are on the page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.core.errors import ValidationError
from app.core.members import MemberInput, MemberService
from app.core.settings import Settings
from app.ui.context import AppContext
from app.ui.members.cards import (
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    CardData,
    CardPrintDialog,
    print_cards,
    print_member_cards,
    render_cards_pdf,
    sheet_layout,
)
from tests.conftest import LibraryDb

WAIT = 20_000
LIBRARY = "Perpustakaan Desa Miroto"
NAMES = (
    "Siti Aminah",
    "Budi Santoso",
    "Dewi Lestari",
    "Ahmad Fauzi",
    "Rina Kurniasih",
    "Hendra Gunawan",
    "Agus Salim",
    "Nur Aini",
    "Wahyu Hidayat",
    "Lina Marlina",
    "Rahmat Hidayat",
    "Putri Ayu Kusumawardhani Setyaningrum",
)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)


def cards(count: int = 12) -> list[CardData]:
    types = ("umum", "pelajar", "anak")
    return [
        CardData(
            f"2026-{n + 1:04d}",
            NAMES[n % len(NAMES)],
            types[n % 3],
            None if n % 4 == 3 else date(2027, 11, 30),
        )
        for n in range(count)
    ]


def decode_pages(pdf: Path, folder: Path) -> list[list[str]]:
    """The Code 128 texts found on each page of the PDF printed at 300 dpi."""
    folder.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", str(pdf), str(folder / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    found = []
    for page in pages:
        with Image.open(page) as image:
            results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
        found.append(sorted(result.text for result in results))
    return found


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def page_size_points(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def test_fonts_are_installed(qapp: object) -> None:
    """Without fonts Qt paints empty boxes and says nothing."""
    assert QFontDatabase.families()


def test_every_barcode_on_an_a4_sheet_scans_back(qapp: object, tmp_path: Path) -> None:
    pdf = render_cards_pdf(tmp_path / "kartu.pdf", LIBRARY, cards(12), "A4")
    assert pdf.is_file() and not (tmp_path / "kartu.pdf.part").exists()
    assert page_size_points(pdf) == pytest.approx((595.28, 841.89), abs=0.5)
    pages = decode_pages(pdf, tmp_path / "png")
    assert pages == [
        [f"2026-{n:04d}" for n in range(1, 11)],  # ten cards on the first sheet
        ["2026-0011", "2026-0012"],
    ]
    text = pdf_text(pdf)
    assert text.count(LIBRARY) == 12
    assert text.count("MEMBER CARD") == 12
    for card in cards(12):
        assert text.count(card.member_no) == 2  # in the details and under the bars
    for name in NAMES[:11]:
        assert name in text
    assert "30 November 2027" in text  # Indonesian date, d MMMM yyyy
    assert "No expiry" in text
    assert "General public" in text and "Pupil or student" in text and "Child" in text


def test_bars_are_vectors_not_pictures(qapp: object, tmp_path: Path) -> None:
    pdf = render_cards_pdf(tmp_path / "kartu.pdf", LIBRARY, cards(2), "A4")
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert len(listing.strip().splitlines()) == 2  # the table's header only: no images


def test_f4_sheet_and_indonesian_month_names(qapp: object, tmp_path: Path) -> None:
    batch = [
        CardData("S-10", "Wahyu Hidayat", "umum", date(2027, 1, 5)),
        CardData("M0001", "Rina Kurniasih", "pelajar", date(2026, 8, 17)),
        CardData("20260001", "Tanpa Tanda Hubung", "anak", None),
    ]
    pdf = render_cards_pdf(tmp_path / "f4.pdf", LIBRARY, batch, "F4")
    width, height = page_size_points(pdf)
    assert (width * 25.4 / 72, height * 25.4 / 72) == pytest.approx((215, 330), abs=0.3)
    assert decode_pages(pdf, tmp_path / "png") == [["20260001", "M0001", "S-10"]]
    text = pdf_text(pdf)
    assert "5 Januari 2027" in text and "17 Agustus 2026" in text


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_cards_fit_the_sheet_with_room_for_the_printer(paper: str) -> None:
    layout = sheet_layout(paper)
    assert (layout.columns, layout.rows) == (2, 5)
    assert layout.left >= 10 and layout.top >= 10
    assert layout.left + layout.columns * CARD_WIDTH_MM <= layout.width - 10
    assert layout.top + layout.rows * CARD_HEIGHT_MM <= layout.height - 10


def test_bad_input_writes_no_file(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "keluaran"
    folder.mkdir()
    target = folder / "kartu.pdf"
    with pytest.raises(ValidationError, match="at least one member"):
        render_cards_pdf(target, LIBRARY, [], "A4")
    with pytest.raises(ValidationError, match="cannot be printed as a barcode"):
        render_cards_pdf(target, LIBRARY, [CardData("2026-0001é", "X", "umum", None)], "A4")
    with pytest.raises(ValidationError, match="A4 or F4"):
        render_cards_pdf(target, LIBRARY, cards(1), "Letter")
    assert list(folder.iterdir()) == []


def test_printing_paints_the_same_cards(qapp: object, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    assert print_cards(printer, LIBRARY, cards(3), "A4") == 1
    assert decode_pages(tmp_path / "printer.pdf", tmp_path / "png") == [
        ["2026-0001", "2026-0002", "2026-0003"]
    ]


# --- the dialog -----------------------------------------------------------------------


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(db=library_db.db, conn=conn, user=library_db.admin, profile=library_db.profile)
    conn.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def register(library_db: LibraryDb, count: int) -> list[str]:
    service = MemberService(
        library_db.db, library_db.admin, lambda: datetime(2026, 5, 4, 3, tzinfo=UTC)
    )
    views = service.register_many(
        [
            MemberInput(
                NAMES[n % len(NAMES)], "LP"[n % 2], date(1980, 1, 1 + n), consent_given=True
            )
            for n in range(count)
        ]
    )
    service.close()
    return [view.id for view in views]


def test_dialog_saves_a_pdf_of_the_chosen_members(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    ids = register(library_db, 11)
    Settings(context.conn).set("paper", "F4")
    dialog = print_member_cards(parent, context, ids)
    assert isinstance(dialog, CardPrintDialog) and dialog.isVisible()
    assert dialog.paper.currentData() == "F4"  # the library's paper setting
    assert dialog.as_pdf.isChecked()  # PDF is the default
    assert dialog.summary.text() == "Cards for 11 members; sheets of paper needed: 2."
    dialog.path.setText(str(tmp_path / "kartu anggota"))  # ".pdf" is added
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    saved = tmp_path / "kartu anggota.pdf"
    assert dialog.done_label.text() == f"The cards were saved in {saved}."
    assert dialog.open_button.isVisible()
    assert decode_pages(saved, tmp_path / "png") == [
        [f"2026-{n:04d}" for n in range(1, 11)],
        ["2026-0011"],
    ]
    assert "Perpustakaan Desa Miroto" in pdf_text(saved)  # the library's own name


def test_dialog_prints_on_the_printer_chosen(
    qtbot: QtBot,
    parent: QWidget,
    context: AppContext,
    library_db: LibraryDb,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = register(library_db, 2)
    out = tmp_path / "printed.pdf"

    class ChosenPrinter(QDialog):
        """The print dialog, answered at once with a 'printer' that writes a PDF."""

        def __init__(self, printer: QPrinter, owner: QWidget) -> None:
            super().__init__(owner)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def show(self) -> None:
            self.accept()

    monkeypatch.setattr("app.ui.members.cards.QPrintDialog", ChosenPrinter)
    dialog = print_member_cards(parent, context, ids)
    # On the round button itself: a radio button only takes clicks on its button and text.
    radio = dialog.to_printer
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked() and not dialog.as_pdf.isChecked()
    assert not dialog.path.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert decode_pages(out, tmp_path / "png") == [["2026-0001", "2026-0002"]]


def test_dialog_says_when_the_file_cannot_be_written(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    ids = register(library_db, 1)
    dialog = print_member_cards(parent, context, ids)
    blocked = tmp_path / "berkas"
    blocked.write_text("not a folder")
    dialog.path.setText(str(blocked / "kartu.pdf"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "could not be written" in dialog.error.text()
    assert dialog.ok_button.isEnabled()  # the user can choose another place
    assert not dialog.done_label.isVisible()
