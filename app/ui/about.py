"""The Tentang dialog: which PerpusDesa this is, where its data lives and how big it is.

What a district facilitator asks for on the phone: the version, the data
folder (selectable, with a button that opens it in the file manager), the size
of the database (the file and its write-ahead log), the library's name, the
Python and Qt versions and the licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import AppContext

KB = 1024
MB = 1024 * KB
GB = 1024 * MB


def program_version() -> str:
    """The installed package's version, else the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("perpusdesa")
    except PackageNotFoundError:
        import app

        return str(getattr(app, "__version__", "?"))


def database_bytes(db_path: Path) -> int:
    """The database file and its write-ahead log (and shared-memory file), in bytes."""
    total = 0
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


class AboutDialog(QDialog):
    """Version, data folder, database size, library, Python and Qt, licence."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About PerpusDesa"))
        self.data_dir = context.data_dir

        name = QLabel(self.tr("PerpusDesa"))
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        name.setFont(font)
        tagline = QLabel(self.tr("The program of the village library"))

        self.version_label = QLabel(program_version())
        self.version_label.setObjectName("aboutVersion")
        self.folder_label = QLabel(str(self.data_dir))
        self.folder_label.setObjectName("aboutDataFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.open_button = QPushButton(self.tr("&Open folder"))
        self.open_button.setObjectName("aboutOpenFolder")
        self.open_button.clicked.connect(self.on_open_button_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)

        self.size_label = QLabel(format_size(database_bytes(context.db.path)))
        self.size_label.setObjectName("aboutDatabaseSize")
        self.library_label = QLabel(context.profile.name)
        self.library_label.setObjectName("aboutLibrary")
        self.library_label.setWordWrap(True)
        python = ".".join(str(part) for part in sys.version_info[:3])
        self.runtime_label = QLabel(
            self.tr("Python {python}, Qt {qt} (PySide6 {pyside})").format(
                python=python, qt=qVersion(), pyside=PySide6.__version__
            )
        )
        self.runtime_label.setObjectName("aboutRuntime")
        licence = QLabel(
            self.tr(
                "Free software: you may use, copy and share it under the"
                " GNU General Public License, version 3 or later."
            )
        )
        licence.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Version:"), self.version_label)
        form.addRow(self.tr("Library:"), self.library_label)
        form.addRow(self.tr("Data folder:"), folder_row)
        form.addRow(self.tr("Database size:"), self.size_label)
        form.addRow(self.tr("Runs on:"), self.runtime_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(tagline)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(licence)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def on_open_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))


def format_size(size: int) -> str:
    """A size as the librarian reads it, in the UI language: "12,3 MB" in Indonesian."""
    locale = QLocale()
    if size < MB:
        return QCoreApplication.translate("AboutDialog", "{size} KB").format(
            size=locale.toString(round(size / KB))
        )
    if size < GB:
        return QCoreApplication.translate("AboutDialog", "{size} MB").format(
            size=locale.toString(size / MB, "f", 1)
        )
    return QCoreApplication.translate("AboutDialog", "{size} GB").format(
        size=locale.toString(size / GB, "f", 1)
    )
