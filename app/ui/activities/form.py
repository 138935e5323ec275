"""The activity form: plan or record an activity, a stakeholder meeting or a training.

Left the details (title, kind, category, strategy, date and times, place,
facilitator, partners, status, target group, description, outcomes); right the
participant grid (filled by hand or from an attendance list), the meeting's
representatives and commitments or the training's libraries (shown for that
kind only), and the photos. Save hands everything to ``ActivityService``; a
refusal is shown in the red line under the form, the offending field gets the
focus, and nothing is written.

Photos of a new activity are checked when chosen and copied once the activity
is saved; those of a saved activity are copied at once. Thumbnails are read
scaled down (``QImageReader.setScaledSize``), so a big camera photo costs
little, and those of stored photos one per turn of the event loop after the
form is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.activities import (
    MAX_PEOPLE,
    ActivityInput,
    ActivityOptions,
    ActivityService,
    ActivityView,
    check_picture,
)
from app.core.auth import Permission
from app.core.clock import ZONES
from app.core.errors import KnownError, ValidationError
from app.core.members import SearchHit
from app.ui.activities.attendance import AttendanceDialog
from app.ui.activities.grid import ParticipantGrid
from app.ui.activities.model import category_label
from app.ui.errors import show_error
from app.ui.i18n import error_text, tr
from app.ui.widgets import ErrorLabel

THUMB_SIZE = 96
PATH_ROLE = Qt.ItemDataRole.UserRole
SAVED_ROLE = Qt.ItemDataRole.UserRole + 1
NO_END = QTime(0, 0)  # the end time's "not known" value


def thumbnail(path: Path, size: int = THUMB_SIZE) -> QPixmap:
    """A small picture of ``path`` read scaled down (a null pixmap if unreadable)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else QPixmap()


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _text_box(name: str, height: int = 54) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _code_box(name: str, items: Sequence[codes.Code], blank: bool = False) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    if blank:
        box.addItem("", None)
    for item in items:
        box.addItem(tr(item.label), item.code)
    return box


@dataclass(frozen=True)
class FormServices:
    """What the form calls: the activity service and the member search of the attendance list."""

    activities: ActivityService
    search_members: Callable[[str], list[SearchHit]]


class ActivityDialog(QDialog):
    """Plan or record a new activity (``view`` None) or change one; ``saved`` carries its id."""

    saved = Signal(str)

    def __init__(
        self,
        services: FormServices,
        options: ActivityOptions,
        view: ActivityView | None,
        parent: QWidget | None,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = services.activities
        self.search_members = services.search_members
        self.options = options
        self.view = view
        self.zone = ZONES[options.time_zone]
        self.pending_photos: list[Path] = []
        self._thumbnails_to_read: list[QListWidgetItem] = []
        self._thumbnail_timer = QTimer(self)
        self._thumbnail_timer.setInterval(0)
        self._thumbnail_timer.timeout.connect(self.on_thumbnail_timer_timeout)
        self._end_days = 0  # an end on a later day (kept from the stored activity)
        self.setObjectName("activityDialog")
        self.setWindowTitle(
            self.tr("New activity")
            if view is None
            else self.tr("Activity: {title}").format(title=view.title)
        )

        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in options.kinds:
            if kind.code != "pelatihan" or options.gives_trainings or self._is_kind("pelatihan"):
                self.kind.addItem(tr(kind.label), kind.code)
        self.category = QComboBox()
        self.category.setObjectName("category")
        for category in options.categories:
            self.category.addItem(category_label(options, category.code), category.code)
        if view is not None and self.category.findData(view.category) < 0:
            # hidden since: the activity keeps its category
            self.category.addItem(category_label(options, view.category), view.category)
        self.strategy = _code_box("strategy", options.strategies)
        self.target_group = _code_box("target_group", options.target_groups, blank=True)
        self.status = QComboBox()
        self.status.setObjectName("status")
        for status in options.statuses:
            if status.code != "batal" or view is not None:
                self.status.addItem(tr(status.label), status.code)

        self.date = QDateEdit()
        self.date.setObjectName("starts_at")
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.start_time = QTimeEdit()
        self.start_time.setObjectName("start_time")
        self.start_time.setDisplayFormat("HH:mm")
        self.end_time = QTimeEdit()
        self.end_time.setObjectName("ends_at")
        self.end_time.setDisplayFormat("HH:mm")
        self.end_time.setSpecialValueText(self.tr("not known"))
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.facilitator = QLineEdit()
        self.facilitator.setObjectName("facilitator")
        self.facilitator.setPlaceholderText(self.tr("facilitator or resource person"))
        self.partners = QListWidget()
        self.partners.setObjectName("partner_ids")
        self.partners.setFixedHeight(72)
        self.partners.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.partners.setTextElideMode(Qt.TextElideMode.ElideRight)
        for partner in options.partners:
            item = QListWidgetItem(partner.name)
            item.setData(PATH_ROLE, partner.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.partners.addItem(item)
        self.description = _text_box("description")
        self.outcomes = _text_box("outcomes")

        self.grid = ParticipantGrid(options.age_bands)
        self.attendance_button = QPushButton(self.tr("Fill from &attendance…"))
        self.attendance_button.setObjectName("fillFromAttendance")
        self.attendance_button.clicked.connect(self.on_attendance_clicked)

        self.representatives: dict[str, QSpinBox] = {}
        for rep in options.representative_types:
            spin = QSpinBox()
            spin.setObjectName(f"representatives_{rep.code}")
            spin.setRange(0, MAX_PEOPLE)
            self.representatives[rep.code] = spin
        self.commitments = _text_box("commitments")
        self.trainee_libraries = QSpinBox()
        self.trainee_libraries.setObjectName("trainee_libraries")
        self.trainee_libraries.setRange(0, MAX_PEOPLE)

        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photos")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.photo_list.setGridSize(QSize(THUMB_SIZE + 12, THUMB_SIZE + 12))
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setFixedHeight(THUMB_SIZE + 30)
        self.photo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_photo_button = QPushButton(self.tr("Add &photo…"))
        self.add_photo_button.setObjectName("addPhoto")
        self.add_photo_button.clicked.connect(self.on_add_photo_clicked)
        self.remove_photo_button = QPushButton(self.tr("Remo&ve photo"))
        self.remove_photo_button.setObjectName("removePhoto")
        self.remove_photo_button.clicked.connect(self.on_remove_photo_clicked)
        self.photo_error = ErrorLabel("photoError")

        self.note = QLabel()
        self.note.setObjectName("activityNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.error = ErrorLabel("activityError")

        self._layout()
        self._fill(view, day)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.on_kind_changed()
        self.photo_list.currentRowChanged.connect(self.on_photo_row_changed)
        self.on_photo_row_changed(-1)
        self._apply_rights()
        self.title.setFocus()

    def _is_kind(self, code: str) -> bool:
        return self.view is not None and self.view.kind == code

    # --- building ---------------------------------------------------------------------

    def _layout(self) -> None:
        details = QFormLayout()
        details.addRow(self.tr("&Title"), self.title)
        details.addRow(self.tr("&Kind"), self.kind)
        details.addRow(self.tr("&Category"), self.category)
        details.addRow(self.tr("St&rategy"), self.strategy)
        details.addRow(self.tr("Target &group"), self.target_group)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(_buddy(self.tr("fro&m"), self.start_time))
        when.addWidget(self.start_time)
        when.addWidget(_buddy(self.tr("&until"), self.end_time))
        when.addWidget(self.end_time)
        when.addStretch(1)
        details.addRow(_buddy(self.tr("&Date"), self.date), when)
        details.addRow(self.tr("P&lace"), self.place)
        details.addRow(self.tr("&Facilitator"), self.facilitator)
        details.addRow(self.tr("Pa&rtners"), self.partners)
        details.addRow(self.tr("&Status"), self.status)
        details.addRow(self.tr("D&escription"), self.description)
        details.addRow(self.tr("&Outcomes"), self.outcomes)

        participants = QGroupBox(self.tr("Participants"))
        participants_layout = QVBoxLayout(participants)
        participants_layout.addWidget(self.grid)
        fill_row = QHBoxLayout()
        fill_row.addStretch(1)
        fill_row.addWidget(self.attendance_button)
        participants_layout.addLayout(fill_row)

        self.meeting_box = QGroupBox(self.tr("Stakeholder meeting"))
        self.meeting_box.setObjectName("meetingBox")
        meeting_layout = QVBoxLayout(self.meeting_box)
        reps = QFormLayout()
        reps_right = QFormLayout()
        types = list(self.options.representative_types)
        half = (len(types) + 1) // 2
        for index, rep in enumerate(types):
            (reps if index < half else reps_right).addRow(
                tr(rep.label), self.representatives[rep.code]
            )
        reps_columns = QHBoxLayout()
        reps_columns.addLayout(reps, 1)
        reps_columns.addLayout(reps_right, 1)
        meeting_layout.addWidget(QLabel(self.tr("Representatives who came, by kind:")))
        meeting_layout.addLayout(reps_columns)
        meeting_layout.addWidget(_buddy(self.tr("Co&mmitments made"), self.commitments))
        meeting_layout.addWidget(self.commitments)

        self.training_box = QGroupBox(self.tr("Training"))
        self.training_box.setObjectName("trainingBox")
        training_form = QFormLayout(self.training_box)
        training_form.addRow(self.tr("Libraries the trainees came from"), self.trainee_libraries)
        hint = QLabel(self.tr("The trainees themselves are counted in the participant grid."))
        hint.setWordWrap(True)
        training_form.addRow(hint)

        photos = QGroupBox(self.tr("Photos"))
        photos_layout = QVBoxLayout(photos)
        photos_layout.addWidget(self.photo_list)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photos_layout.addLayout(photo_buttons)
        photos_layout.addWidget(self.photo_error)

        right = QVBoxLayout()
        right.addWidget(participants)
        right.addWidget(self.meeting_box)
        right.addWidget(self.training_box)
        right.addWidget(photos)
        right.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(details)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addSpacing(12)
        columns.addLayout(right, 5)

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
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill(self, view: ActivityView | None, day: date | None) -> None:
        if view is None:
            start = datetime.combine(day or date.today(), time(9, 0))
            self.date.setDate(QDate(start.year, start.month, start.day))
            self.start_time.setTime(QTime(9, 0))
            self.end_time.setTime(QTime(11, 0))
            return
        starts = view.starts_at.astimezone(self.zone)
        self.title.setText(view.title)
        self.kind.setCurrentIndex(max(self.kind.findData(view.kind), 0))
        self.category.setCurrentIndex(max(self.category.findData(view.category), 0))
        self.strategy.setCurrentIndex(max(self.strategy.findData(view.strategy), 0))
        if view.target_group is not None and self.target_group.findData(view.target_group) < 0:
            self.target_group.addItem(view.target_group, view.target_group)
        self.target_group.setCurrentIndex(max(self.target_group.findData(view.target_group), 0))
        self.status.setCurrentIndex(max(self.status.findData(view.status), 0))
        self.date.setDate(QDate(starts.year, starts.month, starts.day))
        self.start_time.setTime(QTime(starts.hour, starts.minute))
        if view.ends_at is None:
            self.end_time.setTime(NO_END)
        else:
            ends = view.ends_at.astimezone(self.zone)
            self._end_days = (ends.date() - starts.date()).days
            self.end_time.setTime(QTime(ends.hour, ends.minute))
        self.place.setText(view.place)
        self.facilitator.setText(view.facilitator)
        for row in range(self.partners.count()):
            item = self.partners.item(row)
            chosen = item.data(PATH_ROLE) in view.partner_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.description.setPlainText(view.description)
        self.outcomes.setPlainText(view.outcomes)
        self.grid.set_grid(view.participants)
        for rep_type, count in view.representatives.items():
            if rep_type in self.representatives:
                self.representatives[rep_type].setValue(count)
        self.commitments.setPlainText(view.commitments)
        self.trainee_libraries.setValue(view.trainee_libraries)
        for photo in self.service.photos(view.id):
            self._thumbnails_to_read.append(self._add_photo_item(photo, saved=True, read=False))
        if self._thumbnails_to_read:
            self._thumbnail_timer.start()

    def _apply_rights(self) -> None:
        """A volunteer sees an older record but cannot change it (the service would refuse)."""
        if self.view is None or self.service.can_change(self.view):
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.note.setText(
            self.tr("Your role may change only planned activities and those typed in today.")
        )
        self.note.show()

    # --- live behaviour ----------------------------------------------------------------

    def on_kind_changed(self, *_: object) -> None:
        kind = self.kind.currentData()
        self.meeting_box.setVisible(kind == "pertemuan")
        self.training_box.setVisible(kind == "pelatihan")
        if kind == "pertemuan" and self.view is None:
            index = self.category.findData("pertemuan")
            if index >= 0:
                self.category.setCurrentIndex(index)

    def on_attendance_clicked(self) -> None:
        dialog = AttendanceDialog(
            self._day(),
            self.options.age_bands,
            self.search_members,
            self.service.grid_from_attendance,
            self,
        )
        dialog.filled.connect(self.grid.set_grid)
        dialog.open()

    # --- photos -------------------------------------------------------------------------

    def _add_photo_item(self, path: Path, *, saved: bool, read: bool = True) -> QListWidgetItem:
        item = QListWidgetItem(QIcon(thumbnail(path)) if read else QIcon(), "")
        item.setToolTip(path.name)
        item.setData(PATH_ROLE, str(path))
        item.setData(SAVED_ROLE, saved)
        self.photo_list.addItem(item)
        return item

    def on_thumbnail_timer_timeout(self) -> None:
        """Read the next stored photo's thumbnail: one per turn, so the form opens at once."""
        while self._thumbnails_to_read:
            item = self._thumbnails_to_read.pop(0)
            if self.photo_list.row(item) >= 0:  # not removed meanwhile
                item.setIcon(QIcon(thumbnail(Path(str(item.data(PATH_ROLE))))))
                break
        if not self._thumbnails_to_read:
            self._thumbnail_timer.stop()

    def on_add_photo_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a photo"))
        dialog.setNameFilter(self.tr("Pictures (*.jpg *.jpeg *.png)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.attach_photo)
        dialog.open()

    def attach_photo(self, name: str) -> bool:
        """Check a chosen picture and show it; a saved activity keeps it at once."""
        self.photo_error.hide()
        path = Path(name)
        try:
            if self.view is None:
                check_picture(path)
                self.pending_photos.append(path)
                stored = path
            else:
                stored = self.service.add_photo(self.view.id, path)
        except KnownError as exc:
            self.photo_error.show_message(error_text(exc))
            return False
        self._add_photo_item(stored, saved=self.view is not None)
        return True

    def on_photo_row_changed(self, row: int) -> None:
        item = self.photo_list.item(row) if row >= 0 else None
        removable = item is not None and (
            not item.data(SAVED_ROLE) or self.service.actor.can(Permission.DELETE)
        )
        self.remove_photo_button.setEnabled(removable)

    def on_remove_photo_clicked(self) -> None:
        row = self.photo_list.currentRow()
        item = self.photo_list.item(row)
        if item is None:
            return
        path = Path(str(item.data(PATH_ROLE)))
        try:
            if item.data(SAVED_ROLE) and self.view is not None:
                self.service.remove_photo(self.view.id, path)
            else:
                self.pending_photos.remove(path)
        except KnownError as exc:
            self.photo_error.show_message(error_text(exc))
            return
        self.photo_list.takeItem(row)

    # --- saving -----------------------------------------------------------------------

    def _day(self) -> date:
        value = self.date.date()
        return date(value.year(), value.month(), value.day())

    def data(self) -> ActivityInput:
        day = self._day()
        start = self.start_time.time()
        starts_at = datetime.combine(day, time(start.hour(), start.minute()), tzinfo=self.zone)
        end = self.end_time.time()
        ends_at = None
        if end != NO_END:
            ends_at = datetime.combine(
                day + timedelta(days=self._end_days),
                time(end.hour(), end.minute()),
                tzinfo=self.zone,
            )
        kind = self.kind.currentData()
        partner_ids = tuple(
            str(self.partners.item(row).data(PATH_ROLE))
            for row in range(self.partners.count())
            if self.partners.item(row).checkState() == Qt.CheckState.Checked
        )
        return ActivityInput(
            title=self.title.text(),
            category=self.category.currentData() or "",
            strategy=self.strategy.currentData() or "",
            starts_at=starts_at,
            ends_at=ends_at,
            kind=kind or "",
            place=self.place.text(),
            facilitator=self.facilitator.text(),
            partner_ids=partner_ids,
            description=self.description.toPlainText(),
            outcomes=self.outcomes.toPlainText(),
            status=self.status.currentData() or "",
            target_group=self.target_group.currentData(),
            participants=self.grid.grid(),
            representatives=(
                {code: spin.value() for code, spin in self.representatives.items() if spin.value()}
                if kind == "pertemuan"
                else {}
            ),
            commitments=self.commitments.toPlainText() if kind == "pertemuan" else "",
            trainee_libraries=self.trainee_libraries.value() if kind == "pelatihan" else 0,
        )

    def on_save_clicked(self) -> None:
        data = self.data()
        try:
            if self.view is not None:
                self.service.update(self.view.id, data)
                activity_id = self.view.id
            elif data.status == "terlaksana":
                activity_id = self.service.record(data)
            else:
                activity_id = self.service.plan(data)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            if isinstance(exc, ValidationError):
                self._focus(exc.field)
            return
        try:
            for path in self.pending_photos:
                self.service.add_photo(activity_id, path)
        except KnownError as exc:  # the activity is saved; say which photo was not kept
            show_error(self.parentWidget(), exc)
        self.saved.emit(activity_id)
        self.accept()

    def _focus(self, field: str | None) -> None:
        widgets: dict[str, QWidget] = {
            "participants": self.grid.first_cell(),
            "representatives": next(iter(self.representatives.values()), self.kind),
        }
        target = widgets.get(field or "") or self.findChild(QWidget, field or "")
        if target is not None:
            target.setFocus()
