"""The story form: record a success story or change one, with the person's consent.

Three groups: the person (name, gender, age band, occupation), the story
(category, related activity picked from the activities of the last year,
title, text, figures before and after typed the Indonesian way, "1.500.000",
and a photo with its thumbnail) and the consent (the person agrees, the date,
the staff member who witnessed it, whether it may be published with the name;
for a child, a parent's or guardian's name and consent, shown as soon as a
child's age band is chosen). Save hands the fields to ``StoryService``; a
refusal is shown in red in the group of the offending field, which gets the
focus, and nothing is written.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.activities import ActivityService, check_picture
from app.core.auth import UserService
from app.core.clock import ZONES
from app.core.errors import KnownError, ValidationError
from app.core.stories import CATEGORIES, StoryInput, StoryService, StoryView
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.i18n import error_text, tr
from app.ui.stories.sheet import number_text
from app.ui.widgets import ErrorLabel

RECENT_MONTHS = 12  # the activities offered: those of the last year
THUMBNAIL = QSize(160, 120)
_PERSON_FIELDS = ("person_name", "gender", "age_band", "occupation")
_CONSENT_FIELDS = (
    "consent_given",
    "consent_on",
    "consent_witness",
    "publish_with_name",
    "guardian_name",
    "guardian_consent",
)


def parse_figure(text: str, field_name: str) -> int | None:
    """'Rp 1.500.000', '1.500.000' or '1500000' as a number; empty is None.

    A negative number is handed on (the service refuses it with its own message).
    """
    cleaned = text.strip()
    if cleaned.lower().startswith("rp"):
        cleaned = cleaned[2:].strip()
    cleaned = cleaned.replace(".", "").replace(" ", "")
    if not cleaned:
        return None
    digits = cleaned[1:] if cleaned.startswith("-") else cleaned
    if not digits.isdigit() or not digits.isascii():
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in a whole number."), field=field_name
        )
    return int(cleaned)


def recent_months(today: date, count: int = RECENT_MONTHS) -> list[tuple[int, int]]:
    """(year, month) of this month and the ``count - 1`` before it, newest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def thumbnail(path: Path | None) -> QPixmap | None:
    """A small picture of the photo, or None if it cannot be read as one."""
    if path is None:
        return None
    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid():
        return None
    reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


class StoryDialog(QDialog):
    """Record (``story`` None) or change a story; emits ``saved`` with the story's id."""

    saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        service: StoryService,
        story: StoryView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = service
        self.story = story
        self.photo_source: Path | None = None
        self.remove_photo = False
        self.today = service.now().astimezone(ZONES[context.profile.time_zone]).date()
        self.bands = codes.age_bands(context.settings.get("age_bands"))
        self.setObjectName("storyDialog")
        self.setMinimumWidth(900)
        self.setWindowTitle(
            self.tr("Record a success story") if story is None else self.tr("Change the story")
        )

        # The person.
        self.person_name = QLineEdit()
        self.person_name.setObjectName("person_name")
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        for code in codes.GENDERS:
            self.gender.addItem(tr(code.label), code.code)
        self.gender.setPlaceholderText(self.tr("Choose…"))
        self.gender.setCurrentIndex(-1)
        self.age_band = QComboBox()
        self.age_band.setObjectName("age_band")
        for band in self.bands:
            self.age_band.addItem(tr(band.label), band.code)
        self.age_band.setPlaceholderText(self.tr("Choose…"))
        self.age_band.setCurrentIndex(-1)
        self.occupation = QLineEdit()
        self.occupation.setObjectName("occupation")
        self.occupation.setPlaceholderText(self.tr("for example farmer, trader, student"))

        # The story.
        self.category = QComboBox()
        self.category.setObjectName("category")
        for code in CATEGORIES:
            self.category.addItem(tr(code.label), code.code)
        self.category.setPlaceholderText(self.tr("Choose…"))
        self.category.setCurrentIndex(-1)
        self.activity = QComboBox()
        self.activity.setObjectName("activity_id")
        self.activity.addItem(self.tr("(no activity)"), None)
        self.activity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.activity.setMinimumContentsLength(24)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("for example: Her chips are now sold in town"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(
            self.tr("What was the person's life like before, what changed, and how?")
        )
        self.text.setMinimumHeight(150)
        self.figure_label = QLineEdit()
        self.figure_label.setObjectName("figure_label")
        self.figure_label.setPlaceholderText(self.tr("optional, for example Income per month (Rp)"))
        self.value_before = QLineEdit()
        self.value_before.setObjectName("value_before")
        self.value_after = QLineEdit()
        self.value_after.setObjectName("value_after")
        for edit in (self.value_before, self.value_after):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.editingFinished.connect(self.on_figure_editing_finished)
        self.photo = QLineEdit()
        self.photo.setObjectName("photo")
        self.photo.setReadOnly(True)
        self.photo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to "Choose…"
        self.photo.setPlaceholderText(self.tr("no photo"))
        self.photo_button = QPushButton(self.tr("C&hoose…"))
        self.photo_button.setObjectName("choosePhoto")
        self.photo_button.clicked.connect(self.on_photo_clicked)
        self.remove_photo_button = QPushButton(self.tr("R&emove"))
        self.remove_photo_button.setObjectName("removePhoto")
        self.remove_photo_button.clicked.connect(self.on_remove_photo_clicked)
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("thumbnail")
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #cccccc; color: #777777;")

        # The consent.
        self.consent = QCheckBox(self.tr("&Agrees to the story being kept and shown"))
        self.consent.setObjectName("consent_given")
        self.consent_on = QDateEdit()
        self.consent_on.setObjectName("consent_on")
        self.consent_on.setDisplayFormat("dd/MM/yyyy")
        self.consent_on.setCalendarPopup(True)
        self.consent_on.setMinimumDate(QDate(2000, 1, 1))
        self.consent_on.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.consent_on.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.witness = QComboBox()
        self.witness.setObjectName("consent_witness")
        for user in UserService(context.conn).list_users():
            self.witness.addItem(user.full_name, user.id)
        self.witness.setCurrentIndex(max(self.witness.findData(context.user.id), 0))
        self.publish = QCheckBox(self.tr("The story may be &published with the name and photo"))
        self.publish.setObjectName("publish_with_name")
        self.publish_note = QLabel(
            self.tr("Without this, a printed story shows only the initials and no photo.")
        )
        self.publish_note.setWordWrap(True)
        self.publish_note.setStyleSheet("color: #555555;")
        self.guardian_name = QLineEdit()
        self.guardian_name.setObjectName("guardian_name")
        self.guardian_consent = QCheckBox(self.tr("The parent or guard&ian agrees"))
        self.guardian_consent.setObjectName("guardian_consent")

        self.person_error = ErrorLabel("personError")
        self.story_error = ErrorLabel("storyError")
        self.consent_error = ErrorLabel("consentError")

        self._layout()
        self._fill_activities()
        if story is not None:
            self._fill(story)
        self.age_band.currentIndexChanged.connect(self.on_age_band_changed)
        self.on_age_band_changed()
        self.person_name.setFocus()

    # --- building ---------------------------------------------------------------------

    def _layout(self) -> None:
        person = QGroupBox(self.tr("The person"))
        person_form = QFormLayout(person)
        person_form.addRow(self.tr("&Name"), self.person_name)
        person_form.addRow(self.tr("&Gender"), self.gender)
        person_form.addRow(self.tr("Age gro&up"), self.age_band)
        person_form.addRow(self.tr("&Occupation"), self.occupation)
        person_form.addRow(self.person_error)

        consent = QGroupBox(self.tr("Consent"))
        consent_form = QFormLayout(consent)
        self.consent_form = consent_form
        consent_form.addRow(self.consent)
        consent_form.addRow(self.tr("Gi&ven on"), self.consent_on)
        consent_form.addRow(self.tr("&Witnessed by"), self.witness)
        consent_form.addRow(self.publish)
        consent_form.addRow(self.publish_note)
        consent_form.addRow(self.tr("Parent or guardian's na&me"), self.guardian_name)
        consent_form.addRow("", self.guardian_consent)
        consent_form.addRow(self.consent_error)

        story = QGroupBox(self.tr("The story"))
        story_form = QFormLayout(story)
        story_form.addRow(self.tr("&Category"), self.category)
        story_form.addRow(self.tr("Related ac&tivity"), self.activity)
        story_form.addRow(self.tr("Tit&le"), self.title)
        story_form.addRow(self.tr("The stor&y"), self.text)
        story_form.addRow(self.tr("&Figures"), self.figure_label)
        figures = QHBoxLayout()
        before = QLabel(self.tr("&Before"))
        before.setBuddy(self.value_before)
        after = QLabel(self.tr("Afte&r"))
        after.setBuddy(self.value_after)
        figures.addWidget(before)
        figures.addWidget(self.value_before, 1)
        figures.addSpacing(12)
        figures.addWidget(after)
        figures.addWidget(self.value_after, 1)
        story_form.addRow("", figures)
        # The photo row is a widget of its own: a QFormLayout row holding layouts nested
        # three deep crashes PySide 6.11 when the dialog is deleted while a Python event
        # filter watches the application (the idle lock's).
        photo_box = QWidget()
        photo_row = QHBoxLayout(photo_box)
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.thumbnail)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.photo_button)
        buttons_row.addWidget(self.remove_photo_button)
        buttons_row.addStretch(1)
        photo_buttons.addLayout(buttons_row)
        photo_buttons.addStretch(1)
        photo_row.addLayout(photo_buttons, 1)
        photo_label = QLabel(self.tr("Photo"))
        photo_label.setBuddy(self.photo_button)
        story_form.addRow(photo_label, photo_box)
        story_form.addRow(self.story_error)

        left = QVBoxLayout()
        left.addWidget(person)
        left.addWidget(consent)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(story, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        order: list[QWidget] = [
            self.person_name,
            self.gender,
            self.age_band,
            self.occupation,
            self.category,
            self.activity,
            self.title,
            self.text,
            self.figure_label,
            self.value_before,
            self.value_after,
            self.photo_button,
            self.remove_photo_button,
            self.consent,
            self.consent_on,
            self.witness,
            self.publish,
            self.guardian_name,
            self.guardian_consent,
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    def _fill_activities(self) -> None:
        with ActivityService(self.context.db, self.context.user) as activities:
            for year, month in recent_months(self.today):
                held = activities.month_list(year, month, include_cancelled=False)
                for activity in sorted(held, key=lambda a: a.starts_at, reverse=True):
                    day = QDate(activity.day.year, activity.day.month, activity.day.day)
                    self.activity.addItem(
                        f"{day.toString('dd/MM/yyyy')} · {activity.title}", activity.id
                    )

    def _fill(self, story: StoryView) -> None:
        self.person_name.setText(story.person_name)
        self.gender.setCurrentIndex(self.gender.findData(story.gender))
        self.age_band.setCurrentIndex(self.age_band.findData(story.age_band))
        self.occupation.setText(story.occupation or "")
        if self.category.findData(story.category) < 0:
            self.category.addItem(story.category, story.category)
        self.category.setCurrentIndex(self.category.findData(story.category))
        if story.activity_id is not None and self.activity.findData(story.activity_id) < 0:
            self.activity.addItem(story.activity_title or story.activity_id, story.activity_id)
        self.activity.setCurrentIndex(max(self.activity.findData(story.activity_id), 0))
        self.title.setText(story.title)
        self.text.setPlainText(story.text)
        self.figure_label.setText(story.figure_label or "")
        for edit, value in (
            (self.value_before, story.value_before),
            (self.value_after, story.value_after),
        ):
            edit.setText("" if value is None else number_text(value))
        photo = self.service.photo_file(story)
        if photo is not None:
            self.photo.setText(photo.name)
        self._show_thumbnail(photo)
        self.consent.setChecked(True)
        day = story.consent_on
        self.consent_on.setMinimumDate(min(QDate(day.year, day.month, day.day), QDate(2000, 1, 1)))
        self.consent_on.setDate(QDate(day.year, day.month, day.day))
        if self.witness.findData(story.consent_witness) < 0:
            self.witness.addItem(story.witness_name or story.consent_witness, story.consent_witness)
        self.witness.setCurrentIndex(self.witness.findData(story.consent_witness))
        self.publish.setChecked(story.publish_with_name)
        self.guardian_name.setText(story.guardian_name or "")
        self.guardian_consent.setChecked(story.guardian_consent_at is not None)

    # --- live behaviour ----------------------------------------------------------------

    def is_child(self) -> bool:
        band = self.age_band.currentData()
        return band is not None and self.service.is_child(band)

    def on_age_band_changed(self, *_: object) -> None:
        child = self.is_child()
        self.consent_form.setRowVisible(self.guardian_name, child)
        self.consent_form.setRowVisible(self.guardian_consent, child)

    def on_figure_editing_finished(self) -> None:
        edit = self.sender()
        if not isinstance(edit, QLineEdit):
            return
        try:
            value = parse_figure(edit.text(), edit.objectName())
        except ValidationError:
            return  # said when saving
        if value is not None and value >= 0:
            edit.setText(number_text(value))

    def on_photo_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a photo"))
        dialog.setNameFilter(self.tr("Pictures (*.jpg *.jpeg *.png)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: self.set_photo(Path(chosen)))
        dialog.open()

    def set_photo(self, path: Path) -> None:
        """Take a photo to store with the story; a file that is no picture is said at once."""
        self.story_error.hide()
        self.photo_source = path
        self.remove_photo = False
        self.photo.setText(path.name)
        self.photo.setToolTip(str(path))
        try:
            check_picture(path)
        except ValidationError as exc:
            self.story_error.show_message(error_text(exc))
            self._show_thumbnail(None)
            return
        self._show_thumbnail(path)

    def on_remove_photo_clicked(self) -> None:
        self.photo_source = None
        self.remove_photo = True
        self.photo.clear()
        self.photo.setToolTip("")
        self._show_thumbnail(None)

    def _show_thumbnail(self, path: Path | None) -> None:
        picture = thumbnail(path)
        if picture is None:
            self.thumbnail.clear()
            self.thumbnail.setText(self.tr("no photo"))
        else:
            self.thumbnail.setPixmap(picture)
        self.remove_photo_button.setEnabled(bool(self.photo.text()))

    # --- saving -----------------------------------------------------------------------

    def data(self) -> StoryInput:
        """The fields as the service takes them (a figure that is no number: ValidationError)."""
        child = self.is_child()
        consent_day = self.consent_on.date()
        return StoryInput(
            person_name=self.person_name.text(),
            gender=self.gender.currentData() or "",
            age_band=self.age_band.currentData() or "",
            occupation=self.occupation.text() or None,
            category=self.category.currentData() or "",
            activity_id=self.activity.currentData(),
            title=self.title.text(),
            text=self.text.toPlainText(),
            figure_label=self.figure_label.text() or None,
            value_before=parse_figure(self.value_before.text(), "value_before"),
            value_after=parse_figure(self.value_after.text(), "value_after"),
            consent_given=self.consent.isChecked(),
            consent_on=date(consent_day.year(), consent_day.month(), consent_day.day()),
            consent_witness=self.witness.currentData(),
            publish_with_name=self.publish.isChecked(),
            guardian_name=(self.guardian_name.text() or None) if child else None,
            guardian_consent=self.guardian_consent.isChecked() and child,
            photo_source=self.photo_source,
            remove_photo=self.remove_photo,
        )

    def on_save_clicked(self) -> None:
        for label in (self.person_error, self.story_error, self.consent_error):
            label.hide()
        try:
            data = self.data()
            if self.story is None:
                story_id = self.service.record(data)
            else:
                self.service.update(self.story.id, data)
                story_id = self.story.id
        except KnownError as exc:
            field = exc.field if isinstance(exc, ValidationError) else None
            self._error_label(field).show_message(error_text(exc))
            self._focus(field)
            return
        self.saved.emit(story_id)
        self.accept()

    def _error_label(self, field: str | None) -> ErrorLabel:
        if field in _PERSON_FIELDS:
            return self.person_error
        if field in _CONSENT_FIELDS:
            return self.consent_error
        return self.story_error

    def _focus(self, field: str | None) -> None:
        target = self.findChild(QWidget, field or "")
        if field == "photo":
            target = self.photo_button
        if target is not None:
            target.setFocus()
