"""First-run set-up: language, the library's profile and region, the first administrator."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.errors import ValidationError
from app.core.library import LIBRARY_TYPES, REGION_LEVEL, LibraryProfile, list_regions
from app.core.setup import FirstRun, run_first_run, validate_first_run
from app.db.database import Database
from app.ui.errors import show_error
from app.ui.i18n import LANGUAGES, error_text, tr
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel, password_edit

# Which wizard page holds each field, to send the user back to it.
FIELD_PAGE = {
    "language": 0,
    "name": 1,
    "library_type": 1,
    "address": 1,
    "npp": 1,
    "region_code": 2,
    "head_name": 3,
    "village_head_name": 3,
    "username": 4,
    "full_name": 4,
    "password": 4,
    "password_repeat": 4,
    "role": 4,
}


class _Page(QWizardPage):
    """A page with a red error line under its fields."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = ErrorLabel("pageError")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.fields: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(key)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self.fields[key] = widget
        return widget

    def show_error(self, message: str, field: str | None) -> None:
        self.error.show_message(message)
        if field in self.fields:
            self.fields[field].setFocus()

    def clear_error(self) -> None:
        self.error.hide()


class FirstRunWizard(QWizard):
    """Shown once, when the data folder holds no library yet."""

    language_changed = Signal(str)
    completed = Signal(object, object)  # LibraryProfile, User

    def __init__(self, db: Database, language: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("PerpusDesa — first-time set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(720, 520)
        self._busy = False
        self._created = False  # QWizard.accept() validates the page again

        # 1. Language
        self.p_language = _Page(
            self.tr("Welcome to PerpusDesa"),
            self.tr(
                "This short set-up describes your library and creates the first administrator account."
            ),
        )
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(self.on_language_changed)
        self.p_language.add("language", self.tr("&Language"), self.language)

        # 2. Library
        self.p_library = _Page(
            self.tr("Your library"), self.tr("The name and address appear on every report.")
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Perpustakaan Desa Sukamaju"))
        self.library_type = QComboBox()
        for code, label in LIBRARY_TYPES.items():
            self.library_type.addItem(tr(label), code)
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(70)
        self.npp = QLineEdit()
        self.npp.setPlaceholderText(self.tr("optional"))
        self.p_library.add("name", self.tr("Library &name"), self.name)
        self.p_library.add("library_type", self.tr("&Type"), self.library_type)
        self.p_library.add("address", self.tr("&Address"), self.address)
        self.p_library.add("npp", self.tr("NPP (library number)"), self.npp)

        # 3. Region, from the official list
        self.p_region = _Page(
            self.tr("Region"),
            self.tr(
                "Choose from the official list of regions (Kemendagri). The national report is built from it."
            ),
        )
        self.region_boxes: list[QComboBox] = []
        labels = [
            self.tr("&Province"),
            self.tr("&District / city"),
            self.tr("&Sub-district"),
            self.tr("&Village"),
        ]
        for level, label in enumerate(labels, start=1):
            box = QComboBox()
            box.setMaxVisibleItems(20)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(32)
            box.currentIndexChanged.connect(lambda _i, lv=level: self.on_region_changed(lv))
            self.p_region.add(f"region_{level}", label, box)
            self.region_boxes.append(box)
        self.p_region.fields["region_code"] = self.region_boxes[0]
        self.library_type.currentIndexChanged.connect(self.on_type_changed)

        # 4. Signatures
        self.p_people = _Page(
            self.tr("Signatures"),
            self.tr(
                "The monthly report is signed by the head of the library and acknowledged by the village head."
            ),
        )
        self.head_name = QLineEdit()
        self.village_head_name = QLineEdit()
        self.p_people.add("head_name", self.tr("Head of the &library"), self.head_name)
        self.p_people.add("village_head_name", self.tr("&Village head"), self.village_head_name)

        # 5. Administrator
        self.p_admin = _Page(
            self.tr("Administrator"),
            self.tr("The administrator can do everything, including adding the other users."),
        )
        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. siti"))
        self.password = password_edit("password")
        self.password_repeat = password_edit("password_repeat")
        self.p_admin.add("full_name", self.tr("&Full name"), self.full_name)
        self.p_admin.add("username", self.tr("&Username"), self.username)
        self.p_admin.add("password", self.tr("&Password"), self.password)
        self.p_admin.add("password_repeat", self.tr("&Repeat password"), self.password_repeat)

        self.pages = [self.p_language, self.p_library, self.p_region, self.p_people, self.p_admin]
        for page in self.pages:
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self._regions_loaded = False

    # --- regions -------------------------------------------------------------

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if self.page(page_id) is self.p_region and not self._regions_loaded:
            self._regions_loaded = True
            self._fill(0, None)
            self.on_type_changed()

    def _fill(self, index: int, parent_code: str | None) -> None:
        box = self.region_boxes[index]
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("— choose —"), None)
        for region in list_regions(parent_code):
            box.addItem(region.name, region.code)
        box.setCurrentIndex(0)
        box.blockSignals(False)
        for deeper in self.region_boxes[index + 1 :]:
            deeper.clear()

    def on_region_changed(self, level: int) -> None:
        code = self.region_boxes[level - 1].currentData()
        if level < 4:
            if code:
                self._fill(level, code)
            else:
                for deeper in self.region_boxes[level:]:
                    deeper.clear()

    def on_type_changed(self) -> None:
        needed = REGION_LEVEL.get(self.library_type.currentData(), 4)
        for level, box in enumerate(self.region_boxes, start=1):
            visible = level <= needed
            box.setVisible(visible)
            label = self.p_region.form.labelForField(box)
            if label is not None:
                label.setVisible(visible)

    def select_region(self, code: str) -> None:
        """Select a region code in the cascade (tests, and a later 'edit profile')."""
        if not self._regions_loaded:
            self._regions_loaded = True
            self._fill(0, None)
        parts = code.split(".")
        for depth in range(1, len(parts) + 1):
            box = self.region_boxes[depth - 1]
            index = box.findData(".".join(parts[:depth]))
            box.setCurrentIndex(index)
        self.on_type_changed()

    def region_code(self) -> str:
        needed = REGION_LEVEL.get(self.library_type.currentData(), 4)
        code = self.region_boxes[needed - 1].currentData()
        return code or ""

    # --- language ------------------------------------------------------------

    def on_language_changed(self) -> None:
        self.language_changed.emit(self.language.currentData())

    # --- checking and finishing ------------------------------------------------

    def collected(self) -> FirstRun:
        profile = LibraryProfile(
            name=self.name.text(),
            library_type=self.library_type.currentData() or "",
            region_code=self.region_code(),
            address=self.address.toPlainText(),
            head_name=self.head_name.text(),
            village_head_name=self.village_head_name.text(),
            npp=self.npp.text(),
        )
        return FirstRun(
            profile=profile,
            language=self.language.currentData(),
            admin_username=self.username.text(),
            admin_full_name=self.full_name.text(),
            admin_password=self.password.text(),
            admin_password_repeat=self.password_repeat.text(),
        )

    def validateCurrentPage(self) -> bool:
        if self._created:
            return True
        pages: list[QWizardPage] = list(self.pages)
        current = pages.index(self.currentPage()) if self.currentPage() in pages else 0
        for page in self.pages:
            page.clear_error()
        try:
            validate_first_run(self.collected())
        except ValidationError as exc:
            page_index = FIELD_PAGE.get(exc.field or "", 0)
            if page_index <= current:
                page = self.pages[page_index]
                while pages.index(self.currentPage()) > page_index:
                    self.back()
                page.show_error(error_text(exc), exc.field)
                return False
        if self.currentPage() is self.p_admin:
            self._finish()
            return False  # the task accepts the wizard when the library is created
        return True

    def _finish(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        data = self.collected()
        Task(self, lambda _progress: run_first_run(self.db, data), self._done).on_failure(
            self._failed
        ).with_progress(self.tr("Creating your library..."), cancellable=False).run()

    def _done(self, result: object) -> None:
        self._busy = False
        self._created = True
        assert isinstance(result, tuple)
        self.completed.emit(*result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, ValidationError):
            page = self.pages[FIELD_PAGE.get(exc.field or "", len(self.pages) - 1)]
            page.show_error(error_text(exc), exc.field)
        else:
            show_error(self, exc, self.db.data_dir)
