"""The Tentang dialog: version, data folder (selectable, opens in the file manager), sizes.

What a facilitator reads out on the phone must be right: the data folder is
the library's, the database size counts the write-ahead log too, and sizes
are written the Indonesian way ("12,3 MB").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

import app
from app.ui import i18n
from app.ui.about import AboutDialog, database_bytes, format_size, program_version
from app.ui.context import AppContext
from tests.conftest import LibraryDb


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(library_db.db, conn, library_db.admin, library_db.profile)
    conn.close()


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> AboutDialog:
    i18n.install("id")
    widget = AboutDialog(context)
    qtbot.addWidget(widget)
    widget.open()
    qtbot.waitExposed(widget)
    return widget


class _OpenedUrls(QObject):
    """Stands in for the file manager: records the folders the program asks to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_dialog_shows_the_data_folder_version_library_and_size(
    dialog: AboutDialog, context: AppContext, library_db: LibraryDb
) -> None:
    assert dialog.folder_label.text() == str(library_db.db.data_dir)
    assert dialog.folder_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.library_label.text() == "Perpustakaan Desa Miroto"
    assert dialog.version_label.text() == program_version()
    assert re.fullmatch(r"\d+(,\d)? (KB|MB)", dialog.size_label.text()), dialog.size_label.text()
    assert dialog.size_label.text() == format_size(database_bytes(library_db.db.path))
    assert "Python 3." in dialog.runtime_label.text()


def test_the_version_is_the_installed_one_or_the_source_trees() -> None:
    try:
        expected = version("perpusdesa")
    except PackageNotFoundError:
        expected = app.__version__
    assert program_version() == expected


def test_open_folder_opens_the_data_folder(qtbot: QtBot, dialog: AboutDialog) -> None:
    opened = _OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in opened.urls] == [str(dialog.data_dir)]


def test_the_database_size_counts_the_write_ahead_log(tmp_path: Path) -> None:
    database = tmp_path / "perpusdesa.sqlite3"
    assert database_bytes(database) == 0  # no file yet: no size, no error
    database.write_bytes(b"x" * 4096)
    Path(f"{database}-wal").write_bytes(b"x" * 1000)
    assert database_bytes(database) == 5096


def test_sizes_are_written_the_indonesian_way() -> None:
    i18n.install("id")
    assert format_size(12_900_000) == "12,3 MB"
    assert format_size(300 * 1024) == "300 KB"
    assert format_size(3 * 1024**3 + 200 * 1024**2) == "3,2 GB"
