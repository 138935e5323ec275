"""The Bantuan page: the guide's chapters, its pictures and links, the search, the languages.

The chapter files are checked as they ship (``resources/help``): every chapter
in Indonesian and English, every picture and every link between chapters
pointing at a file that exists. The page itself is opened as a volunteer
would, through the login screen and the sidebar.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.ui import i18n
from app.ui.about import AboutDialog
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.help_page import CHAPTERS, HelpPage, help_root
from tests.conftest import LibraryDb
from tests.gui.helpers import find_dialog, log_in, workspace

LANGUAGES = ("id", "en")
BACKUP_CHAPTER = "06-cadangan-dan-pemulihan.html"
INDONESIAN_TITLES = [
    "1. Pengaturan awal",
    "2. Pekerjaan harian: buku tamu, pinjam-kembali, anggota",
    "3. Kegiatan dan kisah sukses",
    "4. Laporan bulanan",
    "5. Sinkronisasi dan bundel USB",
    "6. Cadangan dan pemulihan",
]
MAX_PICTURES_BYTES = 2 * 1024 * 1024


class _Links(HTMLParser):
    """The pictures, links and anchors of one chapter."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "img":
            self.images.append(values.get("src", ""))
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        for name in ("name", "id"):
            if values.get(name):
                self.anchors.add(values[name])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def chapter_files() -> list[Path]:
    return [help_root() / language / file for language in LANGUAGES for file in CHAPTERS]


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(library_db.db, conn, library_db.admin, library_db.profile)
    conn.close()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> HelpPage:
    i18n.install("id")
    widget = HelpPage(context)
    qtbot.addWidget(widget)
    widget.resize(820, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- the files as they ship ----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chapter_exists_in_both_languages(language: str) -> None:
    missing = [file for file in CHAPTERS if not (help_root() / language / file).is_file()]
    assert not missing, f"chapters missing in {language}: {missing}"


@pytest.mark.parametrize("path", chapter_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_picture_and_link_of_a_chapter_resolves(path: Path) -> None:
    found = parse(path)
    for src in found.images:
        picture = (path.parent / src).resolve()
        assert picture.is_file(), f"{path.name}: the screenshot {src} is missing"
        assert not QImage(str(picture)).isNull(), f"{path.name}: {src} is not a picture"
    for href in found.links:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc, f"{path.name}: {href} leaves the guide"
        target = (path.parent / parts.path).resolve() if parts.path else path
        assert target.is_file(), f"{path.name}: the link {href} points nowhere"
        assert target.name in CHAPTERS, f"{path.name}: {href} is not a chapter"
        if parts.fragment:
            assert parts.fragment in parse(target).anchors, f"{path.name}: no anchor {href}"


def test_the_indonesian_chapters_show_the_program_and_the_pictures_stay_small() -> None:
    pictures = sorted((help_root() / "id" / "img").glob("*.png"))
    shown = {
        (path.parent / src).resolve() for path in chapter_files() for src in parse(path).images
    }
    assert len(pictures) >= 9  # wizard, login and the main pages
    assert {p.resolve() for p in pictures} <= shown, "a screenshot no chapter shows"
    assert sum(p.stat().st_size for p in pictures) < MAX_PICTURES_BYTES
    for picture in pictures:
        assert QImage(str(picture)).width() <= 800, picture.name


# --- the page in the program ---------------------------------------------------------


def test_a_volunteer_opens_help_from_the_sidebar_and_sees_all_six_chapters(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "relawan", "relawan123")
    ws = workspace(controller)
    assert ws.page_keys()[-1] == "bantuan"  # last in the sidebar, after the settings
    ws.sidebar.setCurrentRow(ws.page_keys().index("bantuan"))
    page = ws.pages["bantuan"]
    assert isinstance(page, HelpPage)
    assert page.isVisible()
    titles = [page.chapter_list.item(row).text() for row in range(page.chapter_list.count())]
    assert titles == INDONESIAN_TITLES
    assert page.current_file() == CHAPTERS[0]
    assert "Selamat datang di PerpusDesa" in page.browser.toPlainText()

    ws.open_page("beranda")
    controller.window.activateWindow()
    qtbot.waitUntil(controller.window.isActiveWindow)
    qtbot.keyClick(ws.pages["beranda"], Qt.Key.Key_F1)  # F1 from anywhere: the guide
    assert ws.page_keys()[ws.sidebar.currentRow()] == "bantuan"
    assert page.isVisible()


def test_the_chapters_pictures_are_shown(qtbot: QtBot, page: HelpPage) -> None:
    page.show_chapter("02-pekerjaan-harian.html")
    page.grab()  # lays the chapter out: the pictures are loaded
    document = page.browser.document()
    sources = parse(help_root() / "id" / "02-pekerjaan-harian.html").images
    assert sources
    for src in sources:
        image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(src))
        assert isinstance(image, QPixmap), f"{src} is not shown"
        assert not image.isNull(), f"{src} is not shown"


def test_searching_cadangan_leaves_the_backup_chapter(qtbot: QtBot, page: HelpPage) -> None:
    qtbot.keyClicks(page.search, "cadangan")
    assert page.visible_files() == [BACKUP_CHAPTER]
    assert page.current_file() == BACKUP_CHAPTER
    assert "Cadangan otomatis" in page.browser.toPlainText()
    assert page.browser.textCursor().selectedText().lower() == "cadangan"  # the word is marked

    page.search.clear()
    assert page.visible_files() == list(CHAPTERS)
    assert not page.no_match.isVisible()

    qtbot.keyClicks(page.search, "zzzz")
    assert page.visible_files() == []
    assert page.no_match.isVisible()


def test_ctrl_f_goes_to_the_search_and_enter_finds_the_next_place(
    qtbot: QtBot, page: HelpPage
) -> None:
    page.browser.setFocus()
    qtbot.keyClick(page.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "cadangan")
    first = page.browser.textCursor().position()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.browser.textCursor().position() > first
    assert page.browser.textCursor().selectedText().lower() == "cadangan"


def test_every_word_typed_must_be_in_the_chapter(qtbot: QtBot, page: HelpPage) -> None:
    qtbot.keyClicks(page.search, "flashdisk")
    assert set(page.visible_files()) == {"05-sinkronisasi.html", BACKUP_CHAPTER}
    qtbot.keyClicks(page.search, " pdbak")
    assert page.visible_files() == [BACKUP_CHAPTER]


def test_a_link_to_another_chapter_opens_it(qtbot: QtBot, page: HelpPage) -> None:
    """The 'Lanjut ke' link at the end of chapter 1, clicked with the mouse."""
    browser = page.browser
    cursor = browser.document().find("2. Pekerjaan harian")
    assert not cursor.isNull()
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    QApplication.processEvents()
    spot = browser.cursorRect(cursor).center() - QPoint(20, 0)
    with qtbot.waitSignal(browser.anchorClicked):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert page.current_file() == "02-pekerjaan-harian.html"
    assert page.chapter_list.currentRow() == 1
    assert "Buku tamu" in browser.toPlainText()


def test_links_inside_a_chapter_and_outside_the_guide(qtbot: QtBot, page: HelpPage) -> None:
    page.show_chapter("02-pekerjaan-harian.html")
    page.browser.anchorClicked.emit(QUrl("#anggota"))
    assert page.current_file() == "02-pekerjaan-harian.html"
    assert page.browser.verticalScrollBar().value() > 0  # scrolled down to Anggota

    page.browser.anchorClicked.emit(QUrl("05-sinkronisasi.html"))
    assert page.current_file() == "05-sinkronisasi.html"
    source = page.browser.source()
    page.browser.anchorClicked.emit(QUrl("https://example.org/"))  # never followed
    assert page.browser.source() == source


def test_the_guide_follows_the_program_language(qtbot: QtBot, context: AppContext) -> None:
    i18n.install("en")
    page = HelpPage(context)
    qtbot.addWidget(page)
    assert page.chapter_list.item(0).text() == "1. First-time set-up"
    assert page.chapter_list.item(5).text() == "6. Backups and restore"
    assert "Welcome to PerpusDesa" in page.browser.toPlainText()


def test_a_chapter_missing_in_english_is_shown_in_indonesian(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    root = tmp_path / "help"
    shutil.copytree(help_root(), root)
    (root / "en" / "04-laporan-bulanan.html").unlink()
    page = HelpPage(context, language="en", root=root)
    qtbot.addWidget(page)
    assert page.chapter_list.item(3).text() == "4. Laporan bulanan"
    assert page.chapter_list.item(2).text() == "3. Activities and success stories"
    page.show_chapter("04-laporan-bulanan.html")
    assert "Kendala dan rencana" in page.browser.toPlainText()


def test_the_about_button_opens_the_about_dialog(qtbot: QtBot, page: HelpPage) -> None:
    qtbot.mouseClick(page.about_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, AboutDialog)
    assert dialog.folder_label.text() == str(page.context.data_dir)
