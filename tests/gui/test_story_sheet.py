"""The printed story sheet: one A4 page that names the person only with their consent.

A story is recorded through the real service, printed to PDF with the
functions the dialog uses, and read back with ``pdftotext`` / ``pdfinfo``
(poppler): a reader of the sheet sees the name and photo only when the person
agreed, their initials otherwise.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.activities import ActivityInput, ActivityService
from app.core.stories import StoryInput, StoryService, StoryView
from app.ui.stories.sheet import (
    StoryPrintDialog,
    figure_text,
    initials,
    region_text,
    render_story_pdf,
    story_html,
)
from tests.conftest import LibraryDb
from tests.gui.helpers import REGION_PATH

WAIT = 20_000
LIBRARY = "Perpustakaan Desa Miroto"
WIB = timezone(timedelta(hours=7))
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return dict(
        (key.strip(), value.strip())
        for key, value in (line.split(":", 1) for line in info.splitlines() if ":" in line)
    )


def image_count(pdf: Path) -> int:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    return len(listing.splitlines()) - 2  # two header lines


def photo(path: Path) -> Path:
    """A real 800 × 600 PNG: a green field with a yellow sun."""
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#7fb77e"))
    painter = QPainter(image)
    painter.setBrush(QColor("#f7d44c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(520, 60, 180, 180)
    painter.end()
    assert image.save(str(path))
    return path


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[StoryService]:
    with StoryService(library_db.db, library_db.admin) as found:
        yield found


@pytest.fixture
def story(library_db: LibraryDb, tmp_path: Path) -> StoryInput:
    with ActivityService(library_db.db, library_db.admin) as activities:
        activity_id = activities.record(
            ActivityInput(
                title="Pelatihan membuat keripik singkong",
                category="umkm",
                strategy="pelibatan",
                starts_at=datetime.now(UTC) - timedelta(days=30),
                participants={"P": {"dewasa": 15}},
            )
        )
    return StoryInput(
        person_name="Siti Aminah",
        gender="P",
        age_band="dewasa",
        occupation="Pedagang keripik",
        category="peningkatan_pendapatan",
        activity_id=activity_id,
        title="Keripik Bu Siti kini dijual sampai kota",
        text=(
            "Setelah pelatihan di perpustakaan, Siti Aminah mulai menjual keripik singkong"
            " dengan kemasan baru.\n\nKini warung di tiga desa menjual keripiknya."
        ),
        figure_label="Omzet per bulan (Rp)",
        value_before=300_000,
        value_after=1_500_000,
        consent_given=True,
        consent_witness=library_db.admin.id,
        photo_source=photo(tmp_path / "siti.png"),
    )


def sheet(service: StoryService, library_db: LibraryDb, story_id: str, target: Path) -> Path:
    view = service.get(story_id)
    assert view is not None
    content = story_html(LIBRARY, region_text(library_db.profile.region_code), view)
    return render_story_pdf(target, content, service.photo_file(view), "Kisah sukses")


def test_fonts_are_installed() -> None:
    assert QFontDatabase.families(), "no fonts: the PDF would show empty boxes"


def test_helpers_format_the_published_person_and_figures(library_db: LibraryDb) -> None:
    assert initials("Siti Aminah") == "S. A."
    assert initials("  ahmad  fauzi ") == "A. F."
    assert figure_text(1_500_000, "Omzet per bulan (Rp)") == "Rp 1.500.000"
    assert figure_text(1_500_000, "Pendapatan dalam rupiah") == "Rp 1.500.000"
    assert figure_text(12_000, "Pelanggan") == "12.000", "no Rupiah sign for a count"
    assert figure_text(None, "Omzet") == "—"
    assert region_text(library_db.profile.region_code) == REGION_PATH


def test_a_publishable_story_is_one_page_with_name_and_photo(
    qapp: QApplication,
    library_db: LibraryDb,
    service: StoryService,
    story: StoryInput,
    tmp_path: Path,
) -> None:
    story_id = service.record(replace(story, publish_with_name=True))
    pdf = sheet(service, library_db, story_id, tmp_path / "kisah.pdf")
    info = pdf_info(pdf)
    assert info["Pages"] == "1"
    assert "(A4)" in info["Page size"]
    text = " ".join(pdf_text(pdf).split())
    assert LIBRARY in text and REGION_PATH in text, "the letterhead"
    assert "Keripik Bu Siti kini dijual sampai kota" in text
    assert "Siti Aminah mulai menjual keripik singkong" in text, "the story text"
    assert "Siti Aminah · " in text, "the name in the person line"
    assert "Rp 300.000" in text and "Rp 1.500.000" in text, "the figures, Indonesian style"
    assert "Pelatihan membuat keripik singkong" in text, "the related activity"
    assert "Admin Perpustakaan" in text, "the witness in the consent line"
    assert image_count(pdf) == 1, "the photo is printed"
    assert not pdf.with_name("kisah.pdf.part").exists()


def test_a_story_without_consent_to_the_name_shows_initials_and_no_photo(
    qapp: QApplication,
    library_db: LibraryDb,
    service: StoryService,
    story: StoryInput,
    tmp_path: Path,
) -> None:
    story_id = service.record(replace(story, publish_with_name=False))
    pdf = sheet(service, library_db, story_id, tmp_path / "kisah.pdf")
    assert pdf_info(pdf)["Pages"] == "1"
    text = " ".join(pdf_text(pdf).split())
    assert "Siti Aminah" not in text, "the full name must not be published"
    assert "Aminah" not in text
    assert "S. A. · " in text, "the initials stand for the person"
    assert "Keripik Bu S. kini dijual sampai kota" in text, "the name in the title is cut too"
    assert "S. A. mulai menjual keripik singkong" in text
    assert image_count(pdf) == 0, "no photo without consent to publication"


def test_a_childs_sheet_never_names_the_guardian(
    qapp: QApplication,
    library_db: LibraryDb,
    service: StoryService,
    story: StoryInput,
    tmp_path: Path,
) -> None:
    child = replace(
        story,
        person_name="Rina Lestari",
        age_band="anak",
        occupation="Pelajar SD",
        category="pendidikan",
        title="Rina kini gemar membaca",
        text="Rina Lestari datang ke perpustakaan setiap sore.",
        figure_label=None,
        value_before=None,
        value_after=None,
        guardian_name="Ibu Warsini",
        guardian_consent=True,
        publish_with_name=True,
    )
    pdf = sheet(service, library_db, service.record(child), tmp_path / "anak.pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Rina kini gemar membaca" in text
    assert "Warsini" not in text
    assert "parent or guardian" in text or "orang tua" in text.lower()


def test_a_very_long_story_still_prints_on_one_page(
    qapp: QApplication,
    library_db: LibraryDb,
    service: StoryService,
    story: StoryInput,
    tmp_path: Path,
) -> None:
    long_text = "\n\n".join(
        f"Paragraf {n}: " + "Usaha keripik tumbuh pelan tetapi pasti. " * 12 for n in range(30)
    )
    story_id = service.record(replace(story, text=long_text, publish_with_name=True))
    pdf = sheet(service, library_db, story_id, tmp_path / "panjang.pdf")
    assert pdf_info(pdf)["Pages"] == "1"
    text = pdf_text(pdf)
    assert "Paragraf 0:" in text


def test_the_dialog_saves_the_sheet_in_a_background_task(
    qtbot: QtBot, library_db: LibraryDb, service: StoryService, story: StoryInput, tmp_path: Path
) -> None:
    story_id = service.record(story)
    view = service.get(story_id)
    assert isinstance(view, StoryView)
    parent = QWidget()
    qtbot.addWidget(parent)
    content = story_html(LIBRARY, "Miroto", view)
    target = tmp_path / "dialog"  # ".pdf" is added
    dialog = StoryPrintDialog(content, service.photo_file(view), view, parent, target)
    dialog.open()
    assert "S. A." in dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=WAIT)
    assert dialog.saved_path == tmp_path / "dialog.pdf"
    assert dialog.done_label.isVisible() and dialog.open_button.isVisible()
    assert "Siti Aminah" not in pdf_text(tmp_path / "dialog.pdf")


def test_the_dialog_shows_why_a_pdf_cannot_be_written(
    qtbot: QtBot, library_db: LibraryDb, service: StoryService, story: StoryInput, tmp_path: Path
) -> None:
    view = service.get(service.record(story))
    assert view is not None
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "no-such-folder" / "kisah.pdf"
    dialog = StoryPrintDialog(story_html(LIBRARY, "Miroto", view), None, view, parent, target)
    dialog.open()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "could not be written" in dialog.error.text() or "tidak" in dialog.error.text()
    assert dialog.ok_button.isEnabled(), "the user can choose another folder"
    assert not target.exists()
