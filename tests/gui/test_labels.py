"""Book labels: printed sheets are read back as a scanner and a reader would, and the dialog works.

Sheets are rendered to PDF and turned into 300-dpi images with ``pdftoppm``;
every barcode is decoded with zxing-cpp (an independent Code 128 reader) and
its position on the page tells which label it is on. ``pdftotext`` cropped to
one label's rectangle shows what that label says, so a spine label is checked
for its own call number in its own place, and a skipped label for being blank.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.core.catalog import CatalogService, TitleInput
from app.core.errors import KnownError, ValidationError
from app.core.labels import (
    FORMATS,
    LabelItem,
    SheetFormat,
    build_labels,
    sheet_format,
)
from app.ui.catalog.labels import LabelsDialog, print_labels, render_labels_pdf
from app.ui.context import AppContext
from tests.conftest import LibraryDb

WAIT = 30_000
DPI = 300
CODE128 = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.Code128)
LIBRARY = "Perpustakaan Desa Miroto"
SHORT = "Perpusdes Miroto"
NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
BOOKS = (  # title, authors, DDC: call numbers 297.1 AMI b, 899.221 3 TOE b, ...
    ("Bahasa Arab untuk Pemula", "Amin, Ahmad", "297.1"),
    ("Bumi Manusia", "Toer, Pramoedya Ananta", "899.221 3"),
    ("Fiqih Sehari-hari", "Syarifuddin, Amir", "2X4.3"),
    ("Ensiklopedia Anak Nusantara Jilid Satu dan Dua", "Kusuma, Rina", "030"),
    ("Resep Masakan Nusantara", "Kurniasih, Dewi", "641.5"),
)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed"
)


def label_items(count: int) -> list[LabelItem]:
    calls = ("297.1 AMI b", "899.221 3 TOE b", "2X4.3 SYA f", "R 030 KUS e", "641.5 KUR r")
    return [LabelItem(f"B{n + 1:06d}", BOOKS[n % 5][0], calls[n % 5]) for n in range(count)]


def page_images(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(folder / "page")],
        check=True,
        timeout=120,
    )
    return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def slot_at(fmt: SheetFormat, x_px: float, y_px: float) -> int | None:
    """The slot (from 0) whose label contains the point (in 300-dpi pixels)."""
    x_mm, y_mm = x_px * 25.4 / DPI, y_px * 25.4 / DPI
    for slot in range(fmt.per_sheet):
        left, top, width, height = fmt.slot_rect(slot)
        if left <= x_mm <= left + width and top <= y_mm <= top + height:
            return slot
    return None


def decode_sheets(pdf: Path, folder: Path, fmt: SheetFormat) -> list[dict[int, str]]:
    """Per page: slot -> the Code 128 text read there. Fails on a barcode across two labels."""
    found = []
    for page in page_images(pdf, folder):
        with Image.open(page) as image:
            results = zxingcpp.read_barcodes(image, formats=CODE128)
        slots: dict[int, str] = {}
        for result in results:
            corners = result.position
            first = slot_at(fmt, corners.top_left.x, corners.top_left.y)
            last = slot_at(fmt, corners.bottom_right.x, corners.bottom_right.y)
            assert first is not None and first == last, f"{result.text} is not inside one label"
            assert first not in slots
            slots[first] = result.text
        found.append(slots)
    return found


def label_text(pdf: Path, fmt: SheetFormat, page: int, slot: int) -> list[str]:
    """The lines of text inside one label (page from 1, slot from 0)."""
    x, y, width, height = fmt.slot_rect(slot)
    points = [round(v * 72 / 25.4) for v in (x, y, width, height)]
    out = subprocess.run(
        [
            "pdftotext",
            *("-f", str(page), "-l", str(page)),
            *("-x", str(points[0]), "-y", str(points[1])),
            *("-W", str(points[2]), "-H", str(points[3])),
            str(pdf),
            "-",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[-1])


def test_fonts_are_installed(qapp: object) -> None:
    """Without fonts Qt paints empty boxes and says nothing."""
    assert QFontDatabase.families()


@pytest.mark.parametrize("code", sorted(FORMATS))
def test_every_barcode_label_scans_back_in_its_own_slot(
    qapp: object, tmp_path: Path, code: str
) -> None:
    fmt = sheet_format(code)
    labels = build_labels(label_items(25), "barcode", 1, LIBRARY)
    pdf = render_labels_pdf(tmp_path / "label.pdf", code, labels)
    assert pdf.is_file() and not (tmp_path / "label.pdf.part").exists()
    sheets = decode_sheets(pdf, tmp_path / "png", fmt)
    expected = [f"B{n:06d}" for n in range(1, 26)]
    per = fmt.per_sheet
    assert sheets == [
        {slot: expected[sheet * per + slot] for slot in range(min(per, 25 - sheet * per))}
        for sheet in range(-(-25 // per))
    ]
    # The title, the call number and the barcode in figures are on the label too.
    text = label_text(pdf, fmt, 1, 1)
    assert "899.221 3 TOE b" in " ".join(text)
    assert "Bumi Manusia" in text and "B000002" in text


def test_spine_labels_show_the_call_number_one_part_a_line(qapp: object, tmp_path: Path) -> None:
    fmt = sheet_format("L7651")
    labels = build_labels(label_items(25), "spine", 1, LIBRARY)
    pdf = render_labels_pdf(tmp_path / "punggung.pdf", "L7651", labels)
    assert pdf_pages(pdf) == 1
    assert label_text(pdf, fmt, 1, 0) == [SHORT, "297.1", "AMI", "b"]
    assert label_text(pdf, fmt, 1, 1) == [SHORT, "899.221 3", "TOE", "b"]
    assert label_text(pdf, fmt, 1, 2) == [SHORT, "2X4.3", "SYA", "f"]
    assert label_text(pdf, fmt, 1, 3) == [SHORT, "R", "030", "KUS", "e"]
    assert label_text(pdf, fmt, 1, 24) == [SHORT, "641.5", "KUR", "r"]
    assert label_text(pdf, fmt, 1, 25) == []  # the rest of the sheet stays blank
    assert decode_sheets(pdf, tmp_path / "png", fmt) == [{}]  # no barcodes on spine labels


def test_start_position_skips_the_labels_already_used(qapp: object, tmp_path: Path) -> None:
    fmt = sheet_format("L7160")  # 21 a sheet
    labels = build_labels(label_items(25), "both", 1, LIBRARY)  # 50 labels
    pdf = render_labels_pdf(tmp_path / "sisa.pdf", "L7160", labels, start=9)
    assert pdf_pages(pdf) == 3  # 13 + 21 + 16
    for slot in range(8):
        assert label_text(pdf, fmt, 1, slot) == []
    assert label_text(pdf, fmt, 1, 8) == [SHORT, "297.1", "AMI", "b"]  # label 9: the first
    sheets = decode_sheets(pdf, tmp_path / "png", fmt)
    # Spine label then barcode label per copy: barcodes land in the odd labels from 10.
    assert sheets[0] == {9 + 2 * n: f"B{n + 1:06d}" for n in range(6)}
    # Copy 7's spine label is the first sheet's last; its barcode label starts the second.
    assert label_text(pdf, fmt, 1, 20) == [SHORT, "899.221 3", "TOE", "b"]
    assert sheets[1] == {2 * n: f"B{n + 7:06d}" for n in range(11)}
    assert sheets[2] == {1 + 2 * n: f"B{n + 18:06d}" for n in range(8)}
    assert label_text(pdf, fmt, 3, 0) == [SHORT, "2X4.3", "SYA", "f"]  # copy 18's spine label
    assert label_text(pdf, fmt, 3, 16) == []  # the rest of the last sheet stays blank


def test_bars_are_vectors_not_pictures(qapp: object, tmp_path: Path) -> None:
    labels = build_labels(label_items(3), "both", 1, LIBRARY)
    pdf = render_labels_pdf(tmp_path / "label.pdf", "L7651", labels)
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert len(listing.strip().splitlines()) == 2  # the table's header only: no images


def test_bad_input_writes_no_file(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "keluaran"
    folder.mkdir()
    labels = build_labels(label_items(2), "spine", 1, LIBRARY)
    with pytest.raises(ValidationError, match="label sheets"):
        render_labels_pdf(folder / "label.pdf", "Koala", labels)
    with pytest.raises(ValidationError, match="from 1 to 65"):
        render_labels_pdf(folder / "label.pdf", "L7651", labels, start=66)
    blocked = tmp_path / "berkas"
    blocked.write_text("not a folder")
    with pytest.raises(KnownError, match="could not be written"):
        render_labels_pdf(blocked / "label.pdf", "L7651", labels)
    assert list(folder.iterdir()) == []


def test_printing_paints_the_same_labels(qapp: object, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    labels = build_labels(label_items(3), "barcode", 1, LIBRARY)
    assert print_labels(printer, "L7159", labels, start=4) == 1
    assert decode_sheets(tmp_path / "printer.pdf", tmp_path / "png", sheet_format("L7159")) == [
        {3: "B000001", 4: "B000002", 5: "B000003"}
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


def catalogue(library_db: LibraryDb, copies_each: int = 5) -> list[str]:
    """Five titles with ``copies_each`` copies each (barcodes B000001 on); the copies' ids."""
    service = CatalogService(library_db.db, library_db.admin, lambda: NOW)
    ids = service.add_titles(
        [
            (TitleInput(title, authors=authors, ddc=ddc), copies_each)
            for title, authors, ddc in BOOKS
        ]
    )
    items = [item for title_id in ids for item in service.items_of(title_id)]
    service.close()
    return [item.id for item in sorted(items, key=lambda item: item.barcode)]


def open_dialog(parent: QWidget, context: AppContext, ids: list[str]) -> LabelsDialog:
    dialog = LabelsDialog(context, ids, parent)
    dialog.open()
    assert dialog.isVisible()
    return dialog


def test_dialog_saves_a_pdf_with_the_options_chosen(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    ids = catalogue(library_db)  # 25 copies
    dialog = open_dialog(parent, context, ids)
    assert dialog.as_pdf.isChecked()  # PDF is the default
    assert dialog.summary.text() == "Copies: 25. Labels: 25. Sheets of labels needed: 1."
    dialog.kind.setCurrentIndex(dialog.kind.findData("both"))
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("L7160"))
    assert dialog.start.maximum() == 21
    dialog.start.setValue(5)
    assert dialog.start_hint.text() == "row 2, column 2 of 21 labels"
    dialog.copies.setValue(2)  # two spine and two barcode labels a copy: 100 labels
    assert dialog.summary.text() == "Copies: 25. Labels: 100. Sheets of labels needed: 5."
    dialog.path.setText(str(tmp_path / "label buku"))  # ".pdf" is added
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    saved = tmp_path / "label buku.pdf"
    assert dialog.done_label.text() == f"The labels were saved in {saved}."
    assert dialog.open_button.isVisible()
    fmt = sheet_format("L7160")
    assert pdf_pages(saved) == 5
    for slot in range(4):
        assert label_text(saved, fmt, 1, slot) == []
    # Label 5 and 6: copy B000001's two spine labels; 7 and 8 its barcode labels.
    assert label_text(saved, fmt, 1, 4) == [SHORT, "297.1", "AMI", "b"]
    assert label_text(saved, fmt, 1, 5) == [SHORT, "297.1", "AMI", "b"]
    sheets = decode_sheets(saved, tmp_path / "png", fmt)
    assert sheets[0][6] == sheets[0][7] == "B000001"
    read = sorted(code for sheet in sheets for code in sheet.values())
    assert read == sorted([f"B{n:06d}" for n in range(1, 26)] * 2)


def test_dialog_prints_on_the_printer_chosen(
    qtbot: QtBot,
    parent: QWidget,
    context: AppContext,
    library_db: LibraryDb,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = catalogue(library_db, copies_each=1)[:3]
    out = tmp_path / "printed.pdf"

    class ChosenPrinter(QDialog):
        """The print dialog, answered at once with a 'printer' that writes a PDF."""

        def __init__(self, printer: QPrinter, owner: QWidget) -> None:
            super().__init__(owner)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def show(self) -> None:
            self.accept()

    monkeypatch.setattr("app.ui.catalog.labels.QPrintDialog", ChosenPrinter)
    dialog = open_dialog(parent, context, ids)
    dialog.kind.setCurrentIndex(dialog.kind.findData("barcode"))
    dialog.start.setValue(2)
    radio = dialog.to_printer
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked() and not dialog.path.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert decode_sheets(out, tmp_path / "png", sheet_format("L7651")) == [
        {1: "B000001", 2: "B000002", 3: "B000003"}
    ]


def test_dialog_picks_copies_by_a_barcode_range(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    catalogue(library_db, copies_each=2)  # B000001 to B000010
    dialog = open_dialog(parent, context, [])
    assert dialog.first_barcode.isVisible()
    assert dialog.focusWidget() is dialog.first_barcode  # ready for the scanner
    assert dialog.summary.text() == "Copies: 0. Labels: 0. Sheets of labels needed: 0."
    qtbot.keyClicks(dialog.first_barcode, "b000004")
    assert dialog.summary.text() == "Copies: 1. Labels: 1. Sheets of labels needed: 1."
    qtbot.keyClicks(dialog.last_barcode, "B000007")
    assert dialog.summary.text() == "Copies: 4. Labels: 4. Sheets of labels needed: 1."
    dialog.kind.setCurrentIndex(dialog.kind.findData("barcode"))
    dialog.path.setText(str(tmp_path / "rentang.pdf"))
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    assert decode_sheets(tmp_path / "rentang.pdf", tmp_path / "png", sheet_format("L7651")) == [
        {0: "B000004", 1: "B000005", 2: "B000006", 3: "B000007"}
    ]


def test_dialog_with_no_copies_says_so_and_writes_nothing(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    dialog = open_dialog(parent, context, [])
    dialog.path.setText(str(tmp_path / "kosong.pdf"))
    qtbot.keyClicks(dialog.first_barcode, "B999999")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Choose at least one copy to print labels for."
    assert list(tmp_path.glob("kosong.pdf*")) == []


def test_dialog_says_when_the_file_cannot_be_written(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    ids = catalogue(library_db, copies_each=1)
    dialog = open_dialog(parent, context, ids)
    blocked = tmp_path / "berkas"
    blocked.write_text("not a folder")
    dialog.path.setText(str(blocked / "label.pdf"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "could not be written" in dialog.error.text()
    assert dialog.ok_button.isEnabled()  # the user can choose another place
    assert not dialog.done_label.isVisible()


def test_closing_while_the_labels_are_made_stops_the_job_first(
    qtbot: QtBot, parent: QWidget, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    ids = catalogue(library_db, copies_each=20)  # 100 copies, both kinds: 4 sheets
    dialog = open_dialog(parent, context, ids)
    dialog.kind.setCurrentIndex(dialog.kind.findData("both"))
    target = tmp_path / "batal.pdf"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # before the job's answer can arrive
    assert dialog.isVisible()  # not closed under the running job
    qtbot.waitUntil(lambda: dialog.error.isVisible() or dialog.done_label.isVisible(), timeout=WAIT)
    assert not (tmp_path / "batal.pdf.part").exists()
    if dialog.error.isVisible():  # stopped in time: no file at all
        assert dialog.error.text() == "Cancelled."
        assert not target.exists()
    assert dialog.ok_button.isEnabled()
