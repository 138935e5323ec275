"""The title form: catalogue a new title or change one, every field of a catalogue card.

Save hands the fields to ``CatalogService``; a refusal is shown in red under
the field it concerns (or under the form), that field gets the focus, and
nothing is written. The ISBN is checked and shown as ISBN-13 as soon as the
cursor leaves it. A title that is already in the catalogue (the same ISBN, else
the same title, authors and year) brings up a question: add a copy to the title
already there, or save it anyway as a separate title. Users who may not change
the catalogue see the form read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.catalog import (
    AUDIENCES,
    MATERIAL_TYPES,
    CatalogService,
    DuplicateTitle,
    TitleInput,
    TitleView,
    normalise_ddc,
    normalise_isbn,
)
from app.core.errors import KnownError, ValidationError
from app.ui.catalog.format import (
    AUDIENCE_LABELS,
    LANGUAGE_LABELS,
    MATERIAL_LABELS,
    format_isbn,
    label,
)
from app.ui.i18n import error_text, tr
from app.ui.widgets import ErrorLabel

FIELDS = (
    "title",
    "authors",
    "publisher",
    "place",
    "year",
    "edition",
    "isbn",
    "ddc",
    "subjects",
    "language",
    "material_type",
    "audience",
)


def grow_to_fit(dialog: QWidget) -> None:
    """Make a dialog tall enough for the red lines just shown (never smaller, never narrower)."""
    width, height = dialog.width(), dialog.height()
    dialog.adjustSize()
    dialog.resize(max(width, dialog.width()), max(height, dialog.height()))


class TitleDialog(QDialog):
    """Add (``title`` None) or change a title; read-only when ``read_only``."""

    saved = Signal(object, bool)  # TitleView, True when it is a new title
    add_copy_requested = Signal(object)  # TitleView: the title already catalogued

    def __init__(
        self,
        service: CatalogService,
        title: TitleView | None = None,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.title = title
        self.read_only = read_only
        self.duplicate_box: QMessageBox | None = None
        self.setObjectName("titleDialog")
        self.setMinimumWidth(780)
        if title is None:
            self.setWindowTitle(self.tr("Add a title"))
        elif read_only:
            self.setWindowTitle(self.tr("Title: {title}").format(title=title.title))
        else:
            self.setWindowTitle(self.tr("Change the title {title}").format(title=title.title))

        self.title_edit = self._line("title", self.tr("as on the title page"))
        self.authors = self._line("authors", self.tr("Surname, Name; a second author after ;"))
        self.publisher = self._line("publisher")
        self.place = self._line("place", self.tr("city of publication"))
        self.year = self._line("year")
        self.year.setMaxLength(4)
        self.year.setMaximumWidth(80)
        self.year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}")))
        self.edition = self._line("edition", self.tr("such as 2nd edition"))
        self.isbn = self._line("isbn", self.tr("10 or 13 digits, dashes allowed"))
        self.isbn.editingFinished.connect(self.on_isbn_editing_finished)
        self.ddc = self._line("ddc", self.tr("such as 297.1, or 2X4.3 for Islam"))
        self.ddc.editingFinished.connect(self.on_ddc_editing_finished)
        self.subjects = self._line("subjects", self.tr("subjects with ; between them"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, source in LANGUAGE_LABELS.items():
            self.language.addItem(tr(source), code)
        self.language.addItem(self.tr("not known"), None)
        self.material_type = QComboBox()
        self.material_type.setObjectName("material_type")
        for code in MATERIAL_TYPES:
            self.material_type.addItem(label(MATERIAL_LABELS, code), code)
        self.audience = QComboBox()
        self.audience.setObjectName("audience")
        self.audience.addItem(self.tr("everyone"), None)
        for code in AUDIENCES:
            self.audience.addItem(label(AUDIENCE_LABELS, code), code)

        self.field_errors: dict[str, ErrorLabel] = {
            name: ErrorLabel(f"{name}Error") for name in FIELDS
        }
        self.error = ErrorLabel("titleError")
        self._layout()
        if title is not None:
            self._fill(title)
        if read_only:
            for name in FIELDS:
                widget = self.findChild(QWidget, name)
                if isinstance(widget, QLineEdit):
                    widget.setReadOnly(True)
                elif widget is not None:
                    widget.setEnabled(False)
        self.title_edit.setFocus()

    # --- building ---------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _row(self, form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
        """A form row whose field has its own red line under it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.field_errors[name])
        caption = QLabel(text)
        caption.setBuddy(widget)
        form.addRow(caption, holder)

    def _layout(self) -> None:
        left = QFormLayout()
        self._row(left, self.tr("&Title"), self.title_edit, "title")
        self._row(left, self.tr("&Authors"), self.authors, "authors")
        self._row(left, self.tr("&Publisher"), self.publisher, "publisher")
        self._row(left, self.tr("Pl&ace"), self.place, "place")
        self._row(left, self.tr("&Year"), self.year, "year")
        self._row(left, self.tr("&Edition"), self.edition, "edition")
        right = QFormLayout()
        self._row(right, self.tr("&ISBN"), self.isbn, "isbn")
        self._row(right, self.tr("&DDC class"), self.ddc, "ddc")
        self._row(right, self.tr("S&ubjects"), self.subjects, "subjects")
        self._row(right, self.tr("&Language"), self.language, "language")
        self._row(right, self.tr("&Material"), self.material_type, "material_type")
        self._row(right, self.tr("&Readers"), self.audience, "audience")
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        if self.read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
            self.buttons.rejected.connect(self.reject)
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
            self.buttons.accepted.connect(self.on_save_clicked)
            self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill(self, title: TitleView) -> None:
        self.title_edit.setText(title.title)
        self.authors.setText(title.authors)
        self.publisher.setText(title.publisher or "")
        self.place.setText(title.place or "")
        self.year.setText("" if title.year is None else str(title.year))
        self.edition.setText(title.edition or "")
        self.isbn.setText(format_isbn(title.isbn))
        self.ddc.setText(title.ddc or "")
        self.subjects.setText(title.subjects)
        for box, value in (
            (self.language, title.language),
            (self.material_type, title.material_type),
            (self.audience, title.audience),
        ):
            if box.findData(value) < 0:
                box.addItem(value or "", value)  # a code from an import: kept as it is
            box.setCurrentIndex(box.findData(value))

    # --- live checks ------------------------------------------------------------------

    def on_isbn_editing_finished(self) -> None:
        try:
            isbn = normalise_isbn(self.isbn.text())
        except ValidationError as exc:
            self.field_errors["isbn"].show_message(error_text(exc))
            grow_to_fit(self)
            return
        self.field_errors["isbn"].hide()
        if isbn is not None:
            self.isbn.setText(format_isbn(isbn))

    def on_ddc_editing_finished(self) -> None:
        try:
            ddc = normalise_ddc(self.ddc.text())
        except ValidationError as exc:
            self.field_errors["ddc"].show_message(error_text(exc))
            grow_to_fit(self)
            return
        self.field_errors["ddc"].hide()
        self.ddc.setText(ddc or "")

    # --- saving -----------------------------------------------------------------------

    def data(self) -> TitleInput:
        year = self.year.text().strip()
        return TitleInput(
            title=self.title_edit.text(),
            authors=self.authors.text(),
            publisher=self.publisher.text() or None,
            place=self.place.text() or None,
            year=int(year) if year else None,
            edition=self.edition.text() or None,
            isbn=self.isbn.text() or None,
            ddc=self.ddc.text() or None,
            subjects=self.subjects.text(),
            language=self.language.currentData(),
            material_type=self.material_type.currentData(),
            audience=self.audience.currentData(),
        )

    def clear_errors(self) -> None:
        self.error.hide()
        for error in self.field_errors.values():
            error.hide()

    def on_save_clicked(self) -> None:
        self.save(allow_duplicate=False)

    def save(self, *, allow_duplicate: bool) -> None:
        self.clear_errors()
        try:
            if self.title is None:
                stored = self.service.add_title(
                    self.data(), copies=0, allow_duplicate=allow_duplicate
                )
            else:
                stored = self.service.update_title(
                    self.title.id, self.data(), allow_duplicate=allow_duplicate
                )
        except DuplicateTitle as exc:
            self.ask_about_duplicate(exc)
            return
        except KnownError as exc:
            self.show_error(exc)
            return
        self.saved.emit(stored, self.title is None)
        self.accept()

    def show_error(self, exc: KnownError) -> None:
        name = exc.field if isinstance(exc, ValidationError) else None
        if name in self.field_errors:
            assert name is not None
            self.field_errors[name].show_message(error_text(exc))
            target = self.findChild(QWidget, name)
            if target is not None:
                target.setFocus()
        else:
            self.error.show_message(error_text(exc))
        grow_to_fit(self)

    def ask_about_duplicate(self, exc: DuplicateTitle) -> None:
        existing = exc.existing
        box = QMessageBox(self)
        box.setObjectName("duplicateBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Already in the catalogue"))
        box.setText(error_text(exc))
        if self.title is None:
            box.setInformativeText(
                self.tr(
                    "Copies of {title} in the catalogue: {copies}. If you hold another copy of"
                    " the same book, add it as a copy of that title. Save anyway only if it is"
                    " a different book."
                ).format(title=existing.title, copies=existing.copies)
            )
            add_copy = box.addButton(self.tr("Add a &copy to it"), QMessageBox.ButtonRole.YesRole)
            add_copy.setObjectName("duplicateAddCopy")
            add_copy.clicked.connect(lambda: self.on_duplicate_add_copy_clicked(existing))
            box.setDefaultButton(add_copy)
        else:
            box.setInformativeText(self.tr("Save anyway only if they are different books."))
        anyway = box.addButton(self.tr("Save &anyway"), QMessageBox.ButtonRole.AcceptRole)
        anyway.setObjectName("duplicateSaveAnyway")
        anyway.clicked.connect(self.on_duplicate_save_anyway_clicked)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("duplicateCancel")
        self.duplicate_box = box
        box.open()

    def on_duplicate_add_copy_clicked(self, existing: TitleView) -> None:
        self.add_copy_requested.emit(existing)
        self.accept()

    def on_duplicate_save_anyway_clicked(self) -> None:
        self.save(allow_duplicate=True)
