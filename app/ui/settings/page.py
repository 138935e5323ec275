"""Pengaturan: language, idle lock, paper, the guestbook's and activities' lists, and the library's profile."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
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
