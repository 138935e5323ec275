"""The printed monthly report: read back from the PDF as the district office would read it.

``pdftotext`` finds the letterhead, the key figures, the Indonesian month
names and the signature blocks; ``pdfinfo`` the paper (A4 or F4, 215 × 330
mm); ``pdfimages`` shows the visits chart is drawn as vectors, not pasted in as
a picture. The demo library's month is rendered too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPdfWriter, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.tasks import Cancelled, Progress
from app.db.database import Database
from app.reports.model import Period, Report
from app.reports.render import ReportDocument, report_document
from app.ui.report_print import (
    ReportFileError,
    build_document,
    page_layout,
    print_report,
    render_pdf,
)
from app.ui.tasks import Task
from tests.unit.core.test_report_render import indonesian
from tests.unit.core.test_report_xlsx import HEAD, LIBRARY, VILLAGE_HEAD, sample_report

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, laid out as on paper."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def page_size_pt(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert found, info.stdout
    return float(found[1]), float(found[2])


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_fonts_are_installed() -> None:
    assert QFontDatabase.families(), "no fonts: the PDF would show empty boxes"


def test_the_pdf_shows_the_letterhead_figures_and_signatures(tmp_path: Path) -> None:
    pdf = render_pdf(tmp_path / "laporan.pdf", sample_report(), translate=indonesian)
    pages = pages_text(pdf)
    text = squeeze(" ".join(pages))
    assert LIBRARY.upper() in text
    assert "Village Cirahab, Sub-district Lumbir, Kabupaten Banyumas" in text
    assert "NPP 3302012001000001" in text
    assert "LAPORAN BULANAN PERPUSTAKAAN" in text
    assert "Month: November 2026" in text
    # The columns: this month, the month before and the same month last year, in Indonesian.
    assert re.search(r"November +Oktober +November", pages[0])
    assert re.search(r"2026 +2026 +2025", pages[0])
    assert "People visiting 1.234 1.100 980 +12,2%" in text
    assert "Loans 321 300 250 +7,0%" in text
    assert "Rp 1.250.000" in text
    assert "Laskar Pelangi jilid 10" in text
    assert "Listrik padam tiga hari." in text
    for number, title in enumerate(
        ("Visits", "Membership", "Collection", "Circulation", "Activities"), start=1
    ):
        assert f"{number}. {title}" in text
    last = squeeze(pages[-1])
    assert "Mengetahui," in last and "Kepala Desa Cirahab" in last
    assert "Cirahab, 30 November 2026" in last and "Kepala Perpustakaan" in last
    assert VILLAGE_HEAD in last and HEAD in last
    assert last.index("Mengetahui,") < last.index(VILLAGE_HEAD)
    assert page_size_pt(pdf) == pytest.approx((595.3, 841.9), abs=1)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_the_chart_is_vector_and_its_day_labels_are_text(tmp_path: Path) -> None:
    pdf = render_pdf(tmp_path / "laporan.pdf", sample_report(), translate=indonesian)
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.strip().splitlines()) == 2, images  # the header lines only: no picture
    first = squeeze(pages_text(pdf)[0])
    assert "People visiting, day by day" in first
    days = " ".join(str(n) for n in range(1, 31))
    assert days in first  # the day numbers under the bars, as text


def test_f4_paper_from_the_header(tmp_path: Path) -> None:
    pdf = render_pdf(tmp_path / "f4.pdf", sample_report("F4"), translate=indonesian)
    assert page_size_pt(pdf) == pytest.approx((609.4, 935.4), abs=1)  # 215 × 330 mm


def test_no_section_heading_is_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    # Forty activities make the activities section longer than a page.
    report = sample_report(activities=40)
    pdf = render_pdf(tmp_path / "panjang.pdf", report, translate=indonesian)
    pages = pages_text(pdf)
    assert len(pages) >= 4
    heading = re.compile(r"^\s*\d\. [A-Z]")
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert not heading.match(lines[-1]), f"page {number} ends with a heading: {lines[-1]}"
    text = squeeze(" ".join(pages))
    for n in range(1, 41):
        assert f"Mendongeng untuk anak ke-{n} " in text  # every row printed once, none cut
    # The list runs over a page: its header row is repeated on the next page.
    assert sum(page.count("Strategy") >= 1 for page in pages) >= 2


def long_activities(count: int) -> Report:
    """Activities whose title, category and strategy wrap to one, two or three lines, each
    word-marked at its start and end: T7A ... T7B, C7A ... C7B, S7A ... S7B."""
    report = sample_report(activities=count)
    words = "Belajar menulis puisi dan cerita rakyat bersama anak-anak dan orang tua di balai desa"

    def text(mark: str, n: int, length: int) -> str:
        return f"{mark}{n}A {' '.join(words.split()[:length])} {mark}{n}B"

    lines = tuple(
        replace(
            line,
            title=text("T", n, 1 + 5 * (n % 3)),
            category_label=text("C", n, 1 + 3 * (n % 2)),
            category_own_label=True,
            strategy_label=text("S", n, 1 + 3 * (n % 5 // 2)),
        )
        for n, line in enumerate(report.activities.lines, start=1)
    )
    return replace(report, activities=replace(report.activities, lines=lines))


def test_no_table_row_is_split_between_pages(tmp_path: Path) -> None:
    report = long_activities(70)
    pdf = render_pdf(tmp_path / "kegiatan.pdf", report)
    pages = pages_text(pdf)
    assert len(pages) >= 5
    for n in range(1, 71):
        marks = [f"{kind}{n}{end}" for kind in "TCS" for end in "AB"]
        found = {
            mark: [i for i, page in enumerate(pages, 1) if re.search(rf"\b{mark}\b", page)]
            for mark in marks
        }
        on = {page for where in found.values() for page in where}
        assert len(on) == 1 and all(len(where) == 1 for where in found.values()), (
            f"activity {n} is split between pages: {found}"
        )
    # The moved rows print under the repeated header row, and every row once.
    assert sum("Strategy" in page for page in pages) >= 3
    # In the laid-out document: the lines of every row of every table lie on one page.
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout("A4"))
    document = build_document(report_document(report, lambda text: text), writer)
    assert split_rows(document) == []
    del writer


@pytest.mark.parametrize("header", [True, False], ids=["header-row", "no-header-row"])
def test_a_table_whose_first_row_would_be_split_moves_with_its_caption(
    tmp_path: Path, header: bool
) -> None:
    head = "<thead><tr><th>Judul</th><th>Keterangan</th></tr></thead>" if header else ""
    rows = "".join(
        f"<tr><td>Baris {n}</td><td>satu<br/>dua<br/>tiga</td></tr>" for n in range(1, 7)
    )
    writer = QPdfWriter(str(tmp_path / "table.pdf"))
    writer.setResolution(300)
    writer.setPageLayout(page_layout("A4"))
    for lines in range(48, 60):  # the text above pushes the table down to the page's foot
        html = (
            "<p>" + "<br/>".join(["Teks"] * lines) + "</p><p><b>Daftar kegiatan</b></p>"
            f'<table border="1" cellspacing="0" cellpadding="3" width="100%">{head}'
            f"<tbody>{rows}</tbody></table>"
        )
        document = build_document(ReportDocument(html, {}, "Uji", "A4"), writer)
        assert split_rows(document, tables=1) == [], f"{lines} lines above"
        height = document.pageSize().height()
        layout = document.documentLayout()
        caption = document.begin().next()
        assert caption.text() == "Daftar kegiatan"
        first_row = document.findBlock(caption.position() + caption.length())
        assert first_row.text() == ("Judul" if header else "Baris 1")
        assert int(layout.blockBoundingRect(caption).top() // height) == int(
            layout.blockBoundingRect(first_row).top() // height
        ), f"{lines} lines above: the caption is left alone"
    del writer


def split_rows(document: QTextDocument, tables: int = 5) -> list[str]:
    """The first words of each table row whose lines fall on two pages."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    split = []
    found = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    assert len(found) >= tables
    for table in found:
        for row in range(table.rows()):
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            top = min(
                layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells
            )
            bottom = max(
                layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells
            )
            if int(top // height) != int((bottom - 1) // height):
                split.append(" ".join(c.firstCursorPosition().block().text() for c in cells))
    return split


def test_an_unwritable_file_or_a_cancel_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no-folder" / "laporan.pdf"
    with pytest.raises(ReportFileError):
        render_pdf(target, sample_report())
    assert not target.parent.exists()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        render_pdf(tmp_path / "batal.pdf", sample_report(), progress)
    assert list(tmp_path.glob("batal.pdf*")) == []


def test_print_report_on_a_printer(tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    pages = print_report(printer, sample_report("F4"), translate=indonesian)
    assert pages >= 2
    assert len(pages_text(out)) == pages
    assert page_size_pt(out) == pytest.approx((609.4, 935.4), abs=1)
    assert "Kepala Perpustakaan" in pages_text(out)[-1]


@pytest.mark.slow
def test_the_demo_librarys_month(tmp_path: Path) -> None:
    from app.core.demo import generate_demo
    from app.reports.figures import compute_report

    db = Database(tmp_path / "demo")
    try:
        generate_demo(db, years=1, seed=3, today=date(2026, 11, 26))
        conn = db.connect()
        try:
            report = compute_report(
                conn, Period.of_month(2026, 10), now=datetime(2026, 11, 26, 3, tzinfo=UTC)
            )
        finally:
            conn.close()
    finally:
        db.dispose()
    pdf = render_pdf(tmp_path / "demo.pdf", report, translate=indonesian)
    text = squeeze(" ".join(pages_text(pdf)))
    people = report.visits.people.current
    assert people > 0
    shown = f"{people:,}".replace(",", ".")
    assert f"People visiting {shown} " in text
    assert report.header.name.upper() in text
    pages = pages_text(pdf)
    assert re.search(r"Oktober +September +Oktober", pages[0])
    assert "Month: Oktober 2026" in text
    assert f"Kepala Desa {report.header.village}" in text
    assert report.header.head_name in text


def test_render_pdf_in_a_background_task(qtbot: QtBot, tmp_path: Path) -> None:
    """As the Laporan page does: the PDF is written on the worker thread of a Task."""
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[Path] = []
    target = tmp_path / "task.pdf"
    Task(parent, lambda progress: render_pdf(target, sample_report(), progress), done.append).run()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert done == [target]
    text = " ".join(pages_text(target))
    assert "MONTHLY LIBRARY REPORT" in text and HEAD in text  # untranslated: English


def test_the_logo_stands_left_of_the_letterhead(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    logo = QImage(1200, 1200, QImage.Format.Format_RGB32)  # a camera-sized logo
    logo.fill(QColor("#c0392b"))
    assert logo.save(str(data / "logo.png"))
    report = sample_report()
    report = replace(report, header=replace(report.header, logo_path="logo.png"))
    pdf = render_pdf(tmp_path / "logo.pdf", report, translate=indonesian, data_dir=data)
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1, images
    fields = images[0].split()
    assert fields[0] == "1"  # on the first page
    assert int(fields[3]) <= 260  # cut to 22 mm at 300 dpi, not the 1200 pixels of the file
    assert LIBRARY.upper() in squeeze(pages_text(pdf)[0])
    # A logo that cannot be read: the letterhead without it, and no error.
    (data / "logo.png").write_bytes(b"not a picture")
    pdf = render_pdf(tmp_path / "tanpa-logo.pdf", report, translate=indonesian, data_dir=data)
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert images == []
