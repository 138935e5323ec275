"""The restore dialog: put a backup (``.pdbak``) back in place of the library's data.

Opened from the login screen (anyone may open it) and from Settings (shown to
administrators only). Nothing changes until the end:

1. Choose a backup: the ones found in the backup folders (newest first, with
   date, library, size and whether it was checked when made) or any file
   (Choose a file...). What it holds (library, date, counts) is shown from its
   manifest; a truncated or foreign file gets the message of
   ``app.core.backup`` and cannot be chosen.
2. An administrator's name and password are asked for **in the dialog** and
   checked with ``UserService.login`` (its wrong-password delays apply), so a
   stranger at the login screen cannot swap the database; another role is
   refused.
3. A plain confirmation: the current data is first saved as a backup, then
   replaced.
4. The backup is checked through (``verify_backup``) in a Task; only then does
   the Controller close the workspace and every connection
   (``close_for_restore``), ``restore_backup`` runs in a Task, and the
   Controller opens the restored database and shows its login screen
   (``reload_after_restore``), whatever the outcome.

The Controller (``app.ui.app``) is found as the main window's ``restore_host``
attribute: the Settings page has no handle on it otherwise.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Role, UserService
from app.core.backup import (
    BEFORE_RESTORE,
    FOLDER,
    BackupInfo,
    RestoreResult,
    backup_folders,
    list_backups,
    read_manifest,
    restore_backup,
    verify_backup,
)
from app.core.clock import ZONES
from app.core.errors import KnownError
from app.core.library import read_profile
from app.core.tasks import Progress
from app.db.database import Database
from app.ui.i18n import error_text
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel, password_edit

PATH_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    """3,8 MB (not MiB: the units a village PC's file manager shows)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class RestoreHost(Protocol):
    """What the dialog needs from the program (the Controller)."""

    db: Database

    def close_for_restore(self) -> None: ...

    def reload_after_restore(self) -> None: ...


def restore_host(widget: QWidget) -> RestoreHost | None:
    """The Controller of the window ``widget`` is in, or None."""
    host = getattr(widget.window(), "restore_host", None)
    if host is None or not hasattr(host, "reload_after_restore"):
        return None
    return host


def open_restore_dialog(widget: QWidget, username: str = "") -> RestoreDialog | None:
    """Open the dialog over ``widget``'s window; None when no Controller is found."""
    host = restore_host(widget)
    if host is None:
        return None
    dialog = RestoreDialog(host, username=username, parent=widget.window())
    dialog.open()
    return dialog


def find_backups(db: Database) -> list[BackupInfo]:
    """The readable backups of the backup folders and the safety copies, newest first."""
    folders = [*backup_folders(db), db.data_dir / FOLDER / BEFORE_RESTORE]
    found: dict[str, BackupInfo] = {}
    for folder in folders:
        for path in list_backups(folder):
            if path.name in found:  # the same backup copied to the second folder
                continue
            try:
                found[path.name] = read_manifest(path)
            except KnownError:
                continue
    return sorted(found.values(), key=lambda info: info.created_at, reverse=True)


class RestoreDialog(QDialog):
    """Choose a backup, have an administrator confirm, restore; see the module docstring."""

    CHOOSE, CONFIRM, RESULT = 0, 1, 2

    def __init__(
        self, host: RestoreHost, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.db = host.db
        self.chosen: BackupInfo | None = None
        self.result_info: RestoreResult | None = None
        self.busy = False  # checking or restoring: the dialog stays open
        self.zone = ZONES[self._time_zone()]
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setModal(True)
        self.resize(760, 600)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page(username))
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.load_backups()

    def reject(self) -> None:
        if not self.busy:  # never closed halfway through a restore (Esc, the window's X)
            super().reject()

    def _time_zone(self) -> str:
        try:
            conn = self.db.connect()
        except KnownError:
            return "WIB"
        try:
            profile = read_profile(conn)
        finally:
            conn.close()
        return profile.time_zone if profile is not None else "WIB"

    # --- page 1: choose ----------------------------------------------------------------

    def _choose_page(self, username: str) -> QWidget:
        intro = QLabel(
            self.tr(
                "Choose the backup to bring back. Nothing changes until you confirm at the end."
            )
        )
        intro.setWordWrap(True)
        self.backups = QTreeWidget()
        self.backups.setObjectName("backupList")
        self.backups.setRootIsDecorated(False)
        self.backups.setAlternatingRowColors(True)
        self.backups.setHeaderLabels(
            [self.tr("Made on"), self.tr("Library"), self.tr("Size"), self.tr("Check")]
        )
        header = self.backups.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.backups.setMinimumHeight(140)
        self.backups.currentItemChanged.connect(self.on_backups_current_changed)
        self.list_note = QLabel(self.tr("Looking for backups..."))
        self.list_note.setObjectName("backupListNote")
        self.list_note.setWordWrap(True)
        self.file_button = QPushButton(self.tr("Choose a &file..."))
        self.file_button.setObjectName("chooseBackupFile")
        self.file_button.clicked.connect(self.on_file_clicked)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_note, 1)
        list_row.addWidget(self.file_button)

        self.contents = QLabel(self.tr("No backup chosen yet."))
        self.contents.setObjectName("backupContents")
        self.contents.setWordWrap(True)
        self.contents.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        contents_box = QGroupBox(self.tr("What the backup holds"))
        QVBoxLayout(contents_box).addWidget(self.contents)

        self.username = QLineEdit(username)
        self.username.setObjectName("adminUsername")
        self.password = password_edit("adminPassword")
        self.password.returnPressed.connect(self.on_next_clicked)
        admin_box = QGroupBox(self.tr("An administrator must allow this"))
        admin_form = QFormLayout(admin_box)
        name_label = QLabel(self.tr("Administrator's user&name"))
        name_label.setBuddy(self.username)
        password_label = QLabel(self.tr("Administrator's pass&word"))
        password_label.setBuddy(self.password)
        admin_form.addRow(name_label, self.username)
        admin_form.addRow(password_label, self.password)

        self.choose_error = ErrorLabel("restoreChooseError")
        self.next_button = QPushButton(self.tr("&Next..."))
        self.next_button.setObjectName("restoreNext")
        self.next_button.setEnabled(False)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.on_next_clicked)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("restoreCancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next_button)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.backups, 1)
        layout.addLayout(list_row)
        layout.addWidget(contents_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.choose_error)
        layout.addLayout(buttons)
        self.setTabOrder(self.backups, self.file_button)
        self.setTabOrder(self.file_button, self.username)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.next_button)
        return page

    def load_backups(self) -> None:
        db = self.db
        Task(self, lambda _progress: find_backups(db), self.on_backups_found).on_failure(
            self.on_backups_failed
        ).run()

    def on_backups_found(self, found: list[BackupInfo]) -> None:
        self.backups.clear()
        locale = QLocale()
        for info in found:
            item = QTreeWidgetItem(
                [
                    self.when(info.created_at),
                    info.library_name,
                    size_text(info.size),
                    self.tr("checked OK") if info.integrity == "ok" else self.tr("not checked"),
                ]
            )
            item.setData(0, PATH_ROLE, str(info.path))
            item.setToolTip(0, str(info.path))
            self.backups.addTopLevelItem(item)
        if found:
            newest = self.backups.topLevelItem(0)
            if self.chosen is None and newest is not None:  # the newest is offered first
                self.backups.setCurrentItem(newest)
            self.list_note.setText(
                self.tr("{count} backups found in the backup folders.").format(
                    count=locale.toString(len(found))
                )
            )
        else:
            self.list_note.setText(
                self.tr("No backups found in the backup folders. Choose a file instead.")
            )

    def on_backups_failed(self, exc: BaseException) -> None:
        self.list_note.setText(
            error_text(exc) if isinstance(exc, KnownError) else self.tr("No backups found.")
        )

    def on_backups_current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.choose_file(Path(str(item.data(0, PATH_ROLE))))

    def on_file_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.db.data_dir / FOLDER),
            self.tr("PerpusDesa backups (*.pdbak);;All files (*)"),
        )
        if name:
            self.backups.clearSelection()
            self.choose_file(Path(name))

    def choose_file(self, path: Path) -> None:
        """Show what ``path`` holds (its manifest: quick), or why it cannot be used."""
        self.choose_error.hide()
        try:
            info = read_manifest(path)
        except KnownError as exc:
            self.chosen = None
            self.contents.setText(self.tr("No backup chosen yet."))
            self.choose_error.show_message(error_text(exc))
            self.next_button.setEnabled(False)
            return
        self.chosen = info
        self.contents.setText(self.describe(info))
        self.next_button.setEnabled(True)

    def describe(self, info: BackupInfo) -> str:
        locale = QLocale()
        lines = [
            self.tr("Library: {name}").format(name=info.library_name or self.tr("(no name)")),
            self.tr("Made on: {when}").format(when=self.when(info.created_at)),
        ]
        counts = dict(info.counts)
        if {"members", "titles", "items", "visits", "loans", "activities"} <= counts.keys():
            lines.append(
                self.tr(
                    "Holds: {members} members, {titles} titles, {items} copies, {visits} visits,"
                    " {loans} loans, {activities} activities"
                ).format(**{key: locale.toString(value) for key, value in counts.items()})
            )
        lines.append(
            self.tr("Size: {size}, with {photos} photos and logos").format(
                size=size_text(info.size), photos=locale.toString(info.photo_count)
            )
        )
        lines.append(
            self.tr("Checked when it was made: OK")
            if info.integrity == "ok"
            else self.tr("Checked when it was made: problems found")
        )
        lines.append(self.tr("File: {path}").format(path=str(info.path)))
        return "\n".join(lines)

    def when(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        locale = QLocale()
        return self.tr("{date} {time}").format(
            date=locale.toString(QDate(local.year, local.month, local.day), "d MMMM yyyy"),
            time=locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat),
        )

    def on_next_clicked(self) -> None:
        """Check the administrator's name and password, then ask for confirmation."""
        if self.chosen is None or not self.next_button.isEnabled():
            return
        self.choose_error.hide()
        try:
            conn = self.db.connect()
            try:
                user = UserService(conn).login(self.username.text(), self.password.text())
            finally:
                conn.close()
        except KnownError as exc:
            self.choose_error.show_message(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password.clear()
        if user.role != Role.ADMIN:
            self.choose_error.show_message(
                self.tr("Only an administrator can restore a backup. Ask your administrator.")
            )
            return
        info = self.chosen
        self.confirm_text.setText(
            self.tr(
                "The current data will first be saved as a backup, then replaced by the backup"
                " of {library} made on {when}."
            ).format(library=info.library_name, when=self.when(info.created_at))
        )
        self.confirm_contents.setText(self.describe(info))
        self.confirm_detail.setText(
            self.tr(
                "What was recorded after {when} will no longer be in the program; it stays in"
                " the saved backup. Afterwards everyone logs in again."
            ).format(when=self.when(info.created_at))
        )
        self.pages.setCurrentIndex(self.CONFIRM)
        self.back_button.setFocus()

    # --- page 2: confirm ---------------------------------------------------------------

    def _confirm_page(self) -> QWidget:
        heading = QLabel(self.tr("Restore this backup?"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.confirm_text = QLabel()
        self.confirm_text.setObjectName("confirmText")
        self.confirm_text.setWordWrap(True)
        self.confirm_detail = QLabel()
        self.confirm_detail.setObjectName("confirmDetail")
        self.confirm_detail.setWordWrap(True)
        self.confirm_contents = QLabel()
        self.confirm_contents.setObjectName("confirmContents")
        self.confirm_contents.setWordWrap(True)
        contents_box = QGroupBox(self.tr("The backup"))
        QVBoxLayout(contents_box).addWidget(self.confirm_contents)
        self.confirm_error = ErrorLabel("restoreError")
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setObjectName("restoreBack")
        self.back_button.clicked.connect(self.on_back_clicked)
        self.restore_button = QPushButton(self.tr("&Restore now"))
        self.restore_button.setObjectName("restoreConfirm")
        self.restore_button.clicked.connect(self.on_restore_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.restore_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_text)
        layout.addSpacing(8)
        layout.addWidget(contents_box)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_detail)
        layout.addWidget(self.confirm_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def on_back_clicked(self) -> None:
        self.confirm_error.hide()
        self.pages.setCurrentIndex(self.CHOOSE)
        self.password.setFocus()

    def on_restore_clicked(self) -> None:
        """Check the file through first (the program keeps running), then restore."""
        if self.chosen is None:
            return
        path = self.chosen.path
        self.confirm_error.hide()
        self.restore_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self.busy = True
        Task(self, lambda _progress: verify_backup(path), self.on_verified).on_failure(
            self.on_verify_failed
        ).with_progress(self.tr("Checking the backup..."), cancellable=False).run()

    def on_verify_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.restore_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self.confirm_error.show_message(
            error_text(exc) if isinstance(exc, KnownError) else str(exc)
        )

    def on_verified(self, info: BackupInfo) -> None:
        db, path = self.db, info.path
        self.host.close_for_restore()

        def work(_progress: Progress) -> RestoreResult:
            return restore_backup(db, path)

        Task(self, work, self.on_restored).on_failure(self.on_restore_failed).with_progress(
            self.tr("Saving the current data, then restoring the backup..."), cancellable=False
        ).run()

    def on_restored(self, result: RestoreResult) -> None:
        self.busy = False
        self.result_info = result
        self.host.reload_after_restore()
        info = result.restored
        self.result_title.setText(self.tr("The backup was restored."))
        text = self.tr("The data of {library} is now as it was on {when}. Log in to go on.").format(
            library=info.library_name, when=self.when(info.created_at)
        )
        if result.safety_copy is not None:
            text += "\n\n" + self.tr(
                "The data as it was before the restore is saved in {path}."
            ).format(path=str(result.safety_copy))
        self.result_text.setText(text)
        self.result_text.setStyleSheet("")
        self.pages.setCurrentIndex(self.RESULT)
        self.close_button.setFocus()

    def on_restore_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.host.reload_after_restore()
        self.result_title.setText(self.tr("The backup was not restored."))
        message = error_text(exc) if isinstance(exc, KnownError) else str(exc)
        self.result_text.setText(
            self.tr("{problem}\n\nThe data is as it was before.").format(problem=message)
        )
        self.result_text.setStyleSheet("color: #b00020;")
        self.pages.setCurrentIndex(self.RESULT)
        self.close_button.setFocus()

    # --- page 3: result ----------------------------------------------------------------

    def _result_page(self) -> QWidget:
        self.result_title = QLabel()
        self.result_title.setObjectName("resultTitle")
        font = self.result_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_text = QLabel()
        self.result_text.setObjectName("resultText")
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("restoreClose")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_title)
        layout.addSpacing(8)
        layout.addWidget(self.result_text)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page
