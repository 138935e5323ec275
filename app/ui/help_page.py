"""The Bantuan page: the user guide, offline, in the program's language.

The guide is plain HTML in ``resources/help/<language>/`` with its pictures in
``img/``; the chapters and their order are :data:`CHAPTERS`, each chapter's
title is its file's ``<title>``. A chapter missing in the UI language is shown
in Indonesian. The list on the left can be filtered by a word: a chapter stays
when its text holds every word typed. Links between chapters and to anchors
work; links that leave the guide (web addresses) are not followed, so the page
never needs the internet. Ctrl+F goes to the search box; Enter there finds the
next place in the chapter.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.paths import resources_dir
from app.ui import i18n
from app.ui.context import AppContext

# The chapter files, in the order of the guide (the same names in every language).
CHAPTERS = (
    "01-pengaturan-awal.html",
    "02-pekerjaan-harian.html",
    "03-kegiatan-dan-kisah.html",
    "04-laporan-bulanan.html",
    "05-sinkronisasi.html",
    "06-cadangan-dan-pemulihan.html",
)
FALLBACK_LANGUAGE = "id"
FILE_ROLE = Qt.ItemDataRole.UserRole

_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def help_root() -> Path:
    return resources_dir() / "help"


@dataclass(frozen=True)
class Chapter:
    """One chapter of the guide in the language it will be shown in."""

    file: str
    path: Path
    title: str
    text: str  # plain text, lower case, for the search

    def matches(self, query: str) -> bool:
        return all(word in self.text for word in query.lower().split())


def chapter_path(file: str, language: str, root: Path | None = None) -> Path:
    """The chapter in ``language``, else in Indonesian."""
    root = root or help_root()
    wanted = root / language / file
    return wanted if wanted.is_file() else root / FALLBACK_LANGUAGE / file


def load_chapters(language: str, root: Path | None = None) -> list[Chapter]:
    chapters = []
    for file in CHAPTERS:
        path = chapter_path(file, language, root)
        source = path.read_text(encoding="utf-8")
        found = _TITLE.search(source)
        title = html.unescape(found.group(1)).strip() if found else file
        body = source[found.end() :] if found else source
        text = " ".join(html.unescape(_TAG.sub(" ", body)).lower().split())
        chapters.append(Chapter(file, path, title, text))
    return chapters


class HelpPage(QWidget):
    """Chapters on the left (with a search box), the chapter on the right."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
        root: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = language or i18n.current_language() or FALLBACK_LANGUAGE
        self.chapters = load_chapters(self.language, root)

        heading = QLabel(self.tr("Help"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.about_button = QPushButton(self.tr("&About PerpusDesa"))
        self.about_button.setObjectName("aboutButton")
        self.about_button.clicked.connect(self.on_about_button_clicked)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.about_button)

        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        self.search.setPlaceholderText(self.tr("Search the guide"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_return_pressed)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.on_find_shortcut)

        self.chapter_list = QListWidget()
        self.chapter_list.setObjectName("helpChapters")
        self.chapter_list.setWordWrap(True)  # long titles wrap instead of scrolling sideways
        self.chapter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chapter_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.chapter_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.chapter_list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        for chapter in self.chapters:
            item = QListWidgetItem(chapter.title)
            item.setData(FILE_ROLE, chapter.file)
            self.chapter_list.addItem(item)
        self.chapter_list.currentItemChanged.connect(self.on_chapter_list_current_changed)
        self.no_match = QLabel(self.tr("No chapter holds these words."))
        self.no_match.setObjectName("helpNoMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.chapter_list, 1)
        left_layout.addWidget(self.no_match)

        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)  # every link is checked in on_browser_anchor_clicked
        self.browser.anchorClicked.connect(self.on_browser_anchor_clicked)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search, self.chapter_list)
        self.setTabOrder(self.chapter_list, self.browser)
        self.setTabOrder(self.browser, self.about_button)

        self.chapter_list.setCurrentRow(0)

    # --- what is shown -----------------------------------------------------------

    def visible_files(self) -> list[str]:
        """The chapter files the list shows now, in order."""
        return [
            str(self.chapter_list.item(row).data(FILE_ROLE))
            for row in range(self.chapter_list.count())
            if not self.chapter_list.item(row).isHidden()
        ]

    def current_file(self) -> str | None:
        item = self.chapter_list.currentItem()
        return None if item is None else str(item.data(FILE_ROLE))

    def show_chapter(self, file: str, anchor: str = "") -> None:
        """Show a chapter (by its file name), at ``anchor`` if given."""
        row = next((i for i, c in enumerate(self.chapters) if c.file == file), None)
        if row is None:
            return
        if self.chapter_list.currentRow() != row:
            self.chapter_list.setCurrentRow(row)  # loads it through the slot
        if anchor:
            self.browser.scrollToAnchor(anchor)

    def _load(self, chapter: Chapter) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(chapter.path)))
        self._highlight()

    def _highlight(self) -> None:
        """Select the first word of the search in the chapter shown, so the eye finds it."""
        words = self.search.text().split()
        if words:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.browser.find(words[0], QTextDocument.FindFlag(0))

    # --- slots ---------------------------------------------------------------------

    def on_chapter_list_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        file = str(current.data(FILE_ROLE))
        chapter = next(c for c in self.chapters if c.file == file)
        self._load(chapter)

    def on_search_text_changed(self, text: str) -> None:
        first_visible = None
        for row, chapter in enumerate(self.chapters):
            item = self.chapter_list.item(row)
            hidden = not chapter.matches(text)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        self.no_match.setVisible(first_visible is None)
        current = self.chapter_list.currentItem()
        if first_visible is not None and (current is None or current.isHidden()):
            self.chapter_list.setCurrentRow(first_visible)
        else:
            self._highlight()

    def on_find_shortcut(self) -> None:
        """Ctrl+F: to the search box, its text selected to type over."""
        self.search.setFocus()
        self.search.selectAll()

    def on_search_return_pressed(self) -> None:
        """Enter in the search box: the next place in the chapter that holds the word."""
        words = self.search.text().split()
        if words and not self.browser.find(words[0]):
            self._highlight()  # from the top again

    def on_browser_anchor_clicked(self, url: QUrl) -> None:
        """Follow links inside the guide only; anything else stays unopened."""
        if url.scheme() not in ("", "file"):
            return
        target = url.toLocalFile() if url.isLocalFile() else url.path()
        name = Path(target).name if target else ""
        if not name:  # a link to an anchor in the same chapter
            self.browser.scrollToAnchor(url.fragment())
            return
        self.show_chapter(name, url.fragment())

    def on_about_button_clicked(self) -> None:
        from app.ui.about import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
