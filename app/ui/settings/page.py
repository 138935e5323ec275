"""Pengaturan: language, idle lock, paper, the guestbook's and activities' lists, backups, and the library's profile.

Backups: the second folder (``backup_dir``, e.g. on a USB stick), saved with
the other settings; the last good backup; "Back up now" (a Task); and, for
administrators only, "Restore..." (``app.ui.restore``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Role
from app.core.circulation import loan_rules
from app.core.codes import MEMBER_TYPES
from app.core.errors import KnownError
from app.core.library import LIBRARY_TYPES, LibraryProfile, region_path, set_logo, update_profile
from app.core.settings import Settings
from app.core.settings import validate as validate_setting
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import LANGUAGES, error_text, tr
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

LOGO_PREVIEW = 64  # pixels


def _spin(key: str, low: int, high: int, suffix: str, settings: Settings) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(key)
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setValue(int(settings.get(key)))
    return box


class SettingsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        settings = context.settings

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.get("language")))
        minutes, months = self.tr(" minutes"), self.tr(" months")
        self.idle = _spin("idle_lock_minutes", 1, 240, minutes, settings)
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("F4 (215 × 330 mm)"), "F4")
        self.paper.setCurrentIndex(self.paper.findData(settings.get("paper")))

        program = QGroupBox(self.tr("Program"))
        program_form = QFormLayout(program)
        program_form.addRow(self.tr("&Language"), self.language)
        program_form.addRow(self.tr("&Lock after idle"), self.idle)
        program_form.addRow(self.tr("&Paper for reports"), self.paper)

        self.repeat_visit = _spin("repeat_visit_minutes", 0, 1440, minutes, settings)
        self.repeat_visit.setToolTip(
            self.tr(
                "A member who checks in again within this time is asked before a second visit is recorded."
            )
        )
        self.retention = _spin("guest_name_retention_months", 1, 120, months, settings)
        self.retention.setToolTip(
            self.tr(
                "After this time the names of visitors who are not members are removed; the counts stay."
            )
        )
        self.membership = _spin("membership_months", 0, 120, months, settings)
        self.membership.setSpecialValueText(self.tr("no expiry"))
        desk = QGroupBox(self.tr("Guestbook and members"))
        desk_form = QFormLayout(desk)
        desk_form.addRow(self.tr("Ask before a &repeat check-in within"), self.repeat_visit)
        desk_form.addRow(self.tr("Keep &guests' names for"), self.retention)
        desk_form.addRow(self.tr("&Membership valid for"), self.membership)
        self.purposes_button = QPushButton(self.tr("Visi&t purposes..."))
        self.purposes_button.setObjectName("editPurposes")
        self.purposes_button.clicked.connect(self.on_purposes_clicked)
        self.age_bands_button = QPushButton(self.tr("Age &bands..."))
        self.age_bands_button.setObjectName("editAgeBands")
        self.age_bands_button.clicked.connect(self.on_age_bands_clicked)
        lists = QHBoxLayout()
        lists.addWidget(self.purposes_button)
        lists.addWidget(self.age_bands_button)
        lists.addStretch(1)
        desk_form.addRow(self.tr("Guestbook choices"), lists)
        self.categories_button = QPushButton(self.tr("Activity &categories..."))
        self.categories_button.setObjectName("editActivityCategories")
        self.categories_button.setToolTip(
            self.tr("Rename, reorder or hide the categories offered for new activities.")
        )
        self.categories_button.clicked.connect(self.on_categories_clicked)
        activities = QGroupBox(self.tr("Activities"))
        activities_form = QFormLayout(activities)
        categories_row = QHBoxLayout()
        categories_row.addWidget(self.categories_button)
        categories_row.addStretch(1)
        activities_form.addRow(self.tr("Activity choices"), categories_row)

        loans = QGroupBox(self.tr("Loans"))
        loans_form = QFormLayout(loans)
        rules = loan_rules(settings.get("loan_rules"))
        self.loan_items: dict[str, QSpinBox] = {}
        self.loan_days: dict[str, QSpinBox] = {}
        for member_type in MEMBER_TYPES:
            rule = rules[member_type.code]
            items = QSpinBox()
            items.setObjectName(f"loan_items_{member_type.code}")
            items.setRange(1, 20)
            items.setValue(rule.max_items)
            items.setSuffix(self.tr(" books"))
            days = QSpinBox()
            days.setObjectName(f"loan_days_{member_type.code}")
            days.setRange(1, 90)
            days.setValue(rule.days)
            days.setSuffix(self.tr(" days"))
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("at most")))
            row.addWidget(items)
            row.addWidget(QLabel(self.tr("for")))
            row.addWidget(days)
            row.addStretch(1)
            loans_form.addRow(tr(member_type.label), row)
            self.loan_items[member_type.code] = items
            self.loan_days[member_type.code] = days
        self.fine = QSpinBox()
        self.fine.setObjectName("fine_per_day")
        self.fine.setRange(0, 100_000)
        self.fine.setSingleStep(500)
        self.fine.setPrefix("Rp ")
        self.fine.setSpecialValueText(self.tr("no fines"))
        fine = settings.get("fine_per_day")
        self.fine.setValue(fine if isinstance(fine, int) and not isinstance(fine, bool) else 0)
        loans_form.addRow(self.tr("&Fine per day late"), self.fine)

        profile = context.profile
        self.name = QLineEdit(profile.name)
        self.name.setObjectName("name")
        self.type_label = QLabel(tr(LIBRARY_TYPES.get(profile.library_type, profile.library_type)))
        self.region_label = QLabel(region_path(context.conn, profile.region_code))
        self.region_label.setWordWrap(True)
        self.address = QPlainTextEdit(profile.address)
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(60)
        self.npp = QLineEdit(profile.npp or "")
        self.npp.setObjectName("npp")
        self.head_name = QLineEdit(profile.head_name)
        self.head_name.setObjectName("head_name")
        self.village_head_name = QLineEdit(profile.village_head_name)
        self.village_head_name.setObjectName("village_head_name")
        library = QGroupBox(self.tr("Library profile"))
        library_form = QFormLayout(library)
        library_form.addRow(self.tr("Library &name"), self.name)
        library_form.addRow(self.tr("Type"), self.type_label)
        library_form.addRow(self.tr("Region"), self.region_label)
        library_form.addRow(self.tr("&Address"), self.address)
        library_form.addRow(self.tr("NPP (library number)"), self.npp)
        library_form.addRow(self.tr("Head of the &library"), self.head_name)
        library_form.addRow(self.tr("&Village head"), self.village_head_name)
        self.logo = QLabel()
        self.logo.setObjectName("logoPreview")
        self.logo.setFixedSize(LOGO_PREVIEW, LOGO_PREVIEW)
        self.logo.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_button = QPushButton(self.tr("C&hoose a logo..."))
        self.logo_button.setObjectName("chooseLogo")
        self.logo_button.clicked.connect(self.on_logo_clicked)
        self.remove_logo_button = QPushButton(self.tr("Remove the logo"))
        self.remove_logo_button.setObjectName("removeLogo")
        self.remove_logo_button.clicked.connect(self.on_remove_logo_clicked)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch(1)
        library_form.addRow(self.tr("Logo on the reports"), logo_row)
        self.show_logo()

        self.backup_dir = QLineEdit(str(settings.get("backup_dir") or ""))
        self.backup_dir.setObjectName("backup_dir")
        self.backup_dir.setPlaceholderText(self.tr("none: backups stay on this PC only"))
        self.backup_dir.setToolTip(
            self.tr(
                "Every backup is also copied here. Choose a folder on a USB stick or a second"
                " drive, so the data survives if this PC is lost or broken."
            )
        )
        self.browse_button = QPushButton(self.tr("Bro&wse..."))
        self.browse_button.setObjectName("browseBackupDir")
        self.browse_button.clicked.connect(self.on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_dir, 1)
        folder_row.addWidget(self.browse_button)
        self.last_backup = QLabel(self.tr("Looking for backups..."))
        self.last_backup.setObjectName("lastBackup")
        self.last_backup.setWordWrap(True)
        self.backup_result = QLabel()
        self.backup_result.setObjectName("backupResult")
        self.backup_result.setWordWrap(True)
        self.backup_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_result.hide()
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.on_backup_clicked)
        self.restore_button = QPushButton(self.tr("Rest&ore..."))
        self.restore_button.setObjectName("openRestore")
        self.restore_button.setToolTip(
            self.tr("Replace the data by a backup. The current data is saved first.")
        )
        self.restore_button.clicked.connect(self.on_restore_clicked)
        backup_buttons = QHBoxLayout()
        backup_buttons.addWidget(self.backup_button)
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addStretch(1)
        backups = QGroupBox(self.tr("Backups"))
        backups_form = QFormLayout(backups)
        folder_label = QLabel(self.tr("Second &copy to (USB stick)"))
        folder_label.setBuddy(self.backup_dir)
        backups_form.addRow(folder_label, folder_row)
        backups_form.addRow(self.tr("Last good backup"), self.last_backup)
        backups_form.addRow("", backup_buttons)
        backups_form.addRow("", self.backup_result)
        self.show_restore_button()
        context.signals.user_changed.connect(self.on_user_changed)

        self.error = ErrorLabel("settingsError")
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.on_save_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(program)
        layout.addWidget(desk)
        layout.addWidget(loans)
        layout.addWidget(activities)
        layout.addWidget(backups)
        layout.addWidget(library)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea()  # the page is taller than a small screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.read_last_backup()

    def collected_profile(self) -> LibraryProfile:
        return replace(
            self.context.profile,
            name=self.name.text(),
            address=self.address.toPlainText(),
            npp=self.npp.text(),
            head_name=self.head_name.text(),
            village_head_name=self.village_head_name.text(),
        )

    def on_save_clicked(self) -> None:
        self.error.hide()
        values = {
            "language": self.language.currentData(),
            "idle_lock_minutes": self.idle.value(),
            "paper": self.paper.currentData(),
            "repeat_visit_minutes": self.repeat_visit.value(),
            "guest_name_retention_months": self.retention.value(),
            "membership_months": self.membership.value(),
            "loan_rules": {
                code: {"max_items": self.loan_items[code].value(), "days": days.value()}
                for code, days in self.loan_days.items()
            },
            "fine_per_day": self.fine.value(),
            "backup_dir": self.backup_dir.text(),
        }
        profile = self.collected_profile()
        try:
            for key, value in values.items():
                validate_setting(key, value)
        except KnownError as exc:
            self.show_error(exc)
            return
        profile_changed = profile != self.context.profile
        db, user = self.context.db, self.context.user

        def save(_progress: object) -> LibraryProfile | None:
            return update_profile(db, user, profile) if profile_changed else None

        def saved(_result: object) -> None:
            self.context.settings.set_many(values)
            self.context.reload_profile()
            self.save_button.setEnabled(True)
            self.context.signals.settings_changed.emit(values)
            self.context.signals.data_changed.emit("setting")  # the Beranda's backup warning
            self.read_last_backup()
            QMessageBox.information(self, self.tr("Settings"), self.tr("The settings were saved."))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, KnownError):
                self.show_error(exc)
            else:
                show_error(self, exc, self.context.data_dir)

        self.save_button.setEnabled(False)
        Task(self, save, saved).on_failure(failed).run()

    def show_logo(self) -> None:
        path = self.context.profile.logo_path
        image = QImage(str(self.context.data_dir / path)) if path else QImage()
        if image.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("none"))
        else:
            self.logo.setPixmap(
                QPixmap.fromImage(image).scaled(
                    LOGO_PREVIEW,
                    LOGO_PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove_logo_button.setEnabled(bool(path))

    def on_logo_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the library's logo"), "", self.tr("Pictures (*.jpg *.jpeg *.png)")
        )
        if name:
            self.change_logo(Path(name))

    def on_remove_logo_clicked(self) -> None:
        self.change_logo(None)

    def change_logo(self, source: Path | None) -> None:
        """Copy the picture in (a small file: quick enough for the GUI thread) and show it."""
        self.error.hide()
        try:
            set_logo(self.context.db, self.context.user, source)
        except KnownError as exc:
            self.show_error(exc)
            return
        self.context.reload_profile()
        self.show_logo()

    def show_error(self, exc: KnownError) -> None:
        self.error.show_message(error_text(exc))

    def on_purposes_clicked(self) -> None:
        from app.ui.settings.lists import PurposesDialog  # loaded when needed, not at start-up

        PurposesDialog(self.context, self).open()

    def on_age_bands_clicked(self) -> None:
        from app.ui.settings.lists import AgeBandsDialog

        AgeBandsDialog(self.context, self).open()

    def on_categories_clicked(self) -> None:
        from app.ui.settings.lists import CategoriesDialog

        CategoriesDialog(self.context, self).open()

    # --- backups -----------------------------------------------------------------------

    def show_restore_button(self) -> None:
        """Restore is for administrators only (it replaces everyone's data)."""
        self.restore_button.setVisible(self.context.user.role == Role.ADMIN)

    def on_user_changed(self, _user: object) -> None:
        self.show_restore_button()

    def on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for the second backup copy"), self.backup_dir.text()
        )
        if folder:
            self.backup_dir.setText(str(Path(folder)))

    def read_last_backup(self) -> None:
        """The newest readable backup (its manifest is opened: off the GUI thread)."""
        from app.core.backup import last_good_backup

        db = self.context.db
        Task(self, lambda _progress: last_good_backup(db), self.show_last_backup).on_failure(
            self.on_last_backup_failed
        ).run()

    def show_last_backup(self, info: object) -> None:
        from app.core.backup import BackupInfo
        from app.core.clock import ZONES

        if not isinstance(info, BackupInfo):
            self.last_backup.setText(self.tr("No backup has been made yet."))
            return
        local = info.created_at.astimezone(ZONES[self.context.profile.time_zone])
        locale = QLocale()
        self.last_backup.setText(
            self.tr("{date} {time}, checked OK").format(
                date=locale.toString(QDate(local.year, local.month, local.day), "d MMMM yyyy"),
                time=locale.toString(
                    QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
                ),
            )
        )
        self.last_backup.setToolTip(str(info.path))

    def on_last_backup_failed(self, exc: BaseException) -> None:
        self.last_backup.setText(
            error_text(exc) if isinstance(exc, KnownError) else self.tr("Not known.")
        )

    def on_backup_clicked(self) -> None:
        from app.core.backup import make_backup

        db = self.context.db
        self.backup_button.setEnabled(False)
        self.backup_result.hide()
        Task(self, lambda _progress: make_backup(db), self.on_backup_made).on_failure(
            self.on_backup_failed
        ).with_progress(self.tr("Making a backup of the library..."), cancellable=False).run()

    def on_backup_made(self, info: object) -> None:
        from app.core.backup import BackupInfo

        assert isinstance(info, BackupInfo)
        self.backup_button.setEnabled(True)
        lines = [self.tr("Backup saved: {path}").format(path=str(info.path))]
        if info.second_copy is not None:
            lines.append(self.tr("Copy saved: {path}").format(path=str(info.second_copy)))
        style = ""
        if info.second_error is not None:
            lines.append(
                self.tr("No copy on the second folder: {problem}").format(
                    problem=error_text(info.second_error)
                )
            )
            style = "color: #b00020;"
        self.backup_result.setText("\n".join(lines))
        self.backup_result.setStyleSheet(style)
        self.backup_result.show()
        self.show_last_backup(info)
        self.context.signals.data_changed.emit("backup")  # the Beranda's backup status

    def on_backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        if isinstance(exc, KnownError):
            self.backup_result.setText(error_text(exc))
            self.backup_result.setStyleSheet("color: #b00020;")
            self.backup_result.show()
        else:
            show_error(self, exc, self.context.data_dir)

    def on_restore_clicked(self) -> None:
        from app.ui.restore import open_restore_dialog

        if self.context.user.role != Role.ADMIN:
            return
        open_restore_dialog(self, self.context.user.username)
