"""The guestbook's forms: member check-in, guest, group, and the dialog that changes a visit.

Each form turns what is typed into a :class:`app.core.visits.VisitInput`;
the service checks it. Enter anywhere in a form saves it (``submitted``), so
a row of a paper guestbook is typed without touching the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.codes import GENDERS, OCCUPATIONS, AgeBand, Code
from app.core.errors import KnownError, ValidationError
from app.core.library import Region
from app.core.visits import MAX_GROUP_SIZE, FormOptions, VisitInput, VisitRow, VisitService
from app.ui.i18n import error_text, tr
from app.ui.widgets import ErrorLabel

OTHER = "__other__"


class VisitTimeEdit(QDateTimeEdit):
    """Date and time of a visit, shown and typed in the library's time zone."""

    def __init__(self, zone: tzinfo, object_name: str = "visitTime") -> None:
        super().__init__()
        self.zone = zone
        self.setObjectName(object_name)
        offset = zone.utcoffset(None) or timedelta(0)
        self.setTimeZone(QTimeZone(int(offset.total_seconds())))
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy HH:mm")

    def set_latest_day(self, day: date) -> None:
        """No visit after this day (the library's today) can be picked."""
        # Not setMaximumDate(): that takes the end of the day in the PC's own zone.
        end = QDateTime(QDate(day.year, day.month, day.day), QTime(23, 59, 59), self.timeZone())
        self.setMaximumDateTime(end)

    def set_moment(self, moment: datetime) -> None:
        seconds = int(moment.timestamp())
        self.setDateTime(QDateTime.fromSecsSinceEpoch(seconds, self.timeZone()))

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.dateTime().toSecsSinceEpoch(), UTC)


def _combo(object_name: str, placeholder: str, items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.addItem(placeholder, None)
    for label, data in items:
        combo.addItem(label, data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


class _Form(QWidget):
    """Enter anywhere in the form saves it."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def widget_for(self, field: str | None) -> QWidget | None:  # pragma: no cover - overridden
        return None

    def show_error(self, error: KnownError, label: ErrorLabel) -> None:
        """The message under the form, and the cursor in the field it is about."""
        label.show_message(error_text(error))
        widget = self.widget_for(error.field if isinstance(error, ValidationError) else None)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


class PurposeBoxes(QWidget):
    """A check box per purpose of a visit (several may be ticked)."""

    def __init__(self, object_name: str, columns: int = 3) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.columns = columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}

    def set_options(self, purposes: Sequence[Code]) -> None:
        ticked = self.codes()
        for box in self.boxes.values():
            self.grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for index, purpose in enumerate(purposes):
            box = QCheckBox(tr(purpose.label))
            box.setObjectName(f"purpose_{purpose.code}")
            self.grid.addWidget(box, index // self.columns, index % self.columns)
            self.boxes[purpose.code] = box
        self.set_codes(ticked)

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_codes(self, codes: Sequence[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def first(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)


class OriginPicker(QWidget):
    """Where a visitor comes from: a village of the kecamatan, or another place typed in."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.combo = _combo(f"{prefix}Origin", self.tr("— not asked —"), [])
        self.combo.addItem(self.tr("Other place..."), OTHER)
        self.other = QLineEdit()
        self.other.setObjectName(f"{prefix}OriginOther")
        self.other.setPlaceholderText(self.tr("village, sub-district or town"))
        self.other.setEnabled(False)
        self.default: str | None = None
        self.combo.currentIndexChanged.connect(self.on_combo_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.other, 1)

    def set_villages(self, villages: Sequence[Region], own: str | None) -> None:
        code, other = self.values()
        self.combo.blockSignals(True)
        while self.combo.count() > 2:
            self.combo.removeItem(1)
        for index, village in enumerate(villages, start=1):
            self.combo.insertItem(index, village.name, village.code)
        self.combo.blockSignals(False)
        self.default = own
        if code is None and other is None:
            self.reset()
        else:
            self.set_values(code, other)

    def on_combo_changed(self, _index: int) -> None:
        other = self.combo.currentData() == OTHER
        self.other.setEnabled(other)
        if not other:
            self.other.clear()

    def values(self) -> tuple[str | None, str | None]:
        data = self.combo.currentData()
        if data == OTHER:
            return None, self.other.text()
        return (data if isinstance(data, str) else None), None

    def set_values(self, code: str | None, other: str | None) -> None:
        if code:
            _select(self.combo, code)
        elif other:
            _select(self.combo, OTHER)
            self.other.setText(other)
        else:
            self.combo.setCurrentIndex(0)

    def reset(self) -> None:
        self.set_values(self.default, None)


def _band_items(bands: Sequence[AgeBand]) -> list[tuple[str, object]]:
    return [(tr(band.label), band.code) for band in bands]


class MemberPanel(_Form):
    """Scan or type the member number; their last purposes come pre-ticked."""

    def __init__(self) -> None:
        super().__init__()
        self.scan_box = QLineEdit()
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(self.tr("Scan the card or type the number, then Enter"))
        self.scan_box.setClearButtonEnabled(True)
        self.scan_box.setStyleSheet("font-size: 14pt;")
        scan_label = QLabel(self.tr("Member &number (F2)"))
        scan_label.setBuddy(self.scan_box)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setObjectName("findMember")
        self.info = QLabel()
        self.info.setObjectName("memberInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.purposes = PurposeBoxes("memberPurposes")
        self.auto_save = QCheckBox(self.tr("Record at once when a card is &scanned"))
        self.auto_save.setObjectName("autoSave")
        self.save_button = QPushButton(self.tr("Record member &visit"))
        self.save_button.setObjectName("saveMember")
        self.error = ErrorLabel("memberError")

        scan_row = QHBoxLayout()
        scan_row.addWidget(scan_label)
        scan_row.addWidget(self.scan_box, 1)
        scan_row.addWidget(self.find_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.auto_save)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(scan_row)
        layout.addWidget(self.info)
        layout.addWidget(QLabel(self.tr("Purposes of the visit:")))
        layout.addWidget(self.purposes)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The scan box handles its own Enter; elsewhere in the panel Enter records.
        if self.scan_box.hasFocus():
            event.ignore()
            return
        super().keyPressEvent(event)

    def widget_for(self, field: str | None) -> QWidget | None:
        if field == "purposes":
            return self.purposes.first()
        return self.scan_box


class GuestForm(_Form):
    """A visitor who is not a member: gender and age group are needed, the name is not."""

    def __init__(self, prefix: str = "guest", columns: int = 3) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}Name")
        self.name.setPlaceholderText(self.tr("optional"))
        self.gender = _combo(
            f"{prefix}Gender", self.tr("— choose —"), [(tr(g.label), g.code) for g in GENDERS]
        )
        self.age_band = _combo(f"{prefix}AgeBand", self.tr("— choose —"), [])
        self.occupation = _combo(
            f"{prefix}Occupation",
            self.tr("— not asked —"),
            [(tr(o.label), o.code) for o in OCCUPATIONS],
        )
        self.origin = OriginPicker(prefix)
        self.purposes = PurposeBoxes(f"{prefix}Purposes", columns)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Gend&er"), self.gender)
        form.addRow(self.tr("&Age group"), self.age_band)
        form.addRow(self.tr("Occu&pation"), self.occupation)
        form.addRow(self.tr("Comes &from"), self.origin)
        form.addRow(self.tr("Purposes"), self.purposes)
        self.form = form

    def set_options(self, options: FormOptions) -> None:
        band = self.age_band.currentData()
        while self.age_band.count() > 1:
            self.age_band.removeItem(1)
        for label, code in _band_items(options.age_bands):
            self.age_band.addItem(label, code)
        _select(self.age_band, band)
        self.purposes.set_options(options.purposes)

    def collect(self, visited_at: datetime | None) -> VisitInput:
        code, other = self.origin.values()
        return VisitInput(
            kind="guest",
            visited_at=visited_at,
            guest_name=self.name.text(),
            gender=self.gender.currentData(),
            age_band=self.age_band.currentData(),
            occupation=self.occupation.currentData(),
            origin_village_code=code,
            origin_other=other,
            purposes=self.purposes.codes(),
        )

    def load(self, row: VisitRow) -> None:
        self.name.setText(row.guest_name or "")
        _select(self.gender, row.gender)
        _select(self.age_band, row.age_band)
        _select(self.occupation, row.occupation)
        self.origin.set_values(row.origin_village_code, row.origin_other)
        self.purposes.set_codes(row.purposes)

    def clear(self, *, keep_all_but_name: bool = False) -> None:
        self.name.clear()
        if keep_all_but_name:
            return
        for combo in (self.gender, self.age_band, self.occupation):
            combo.setCurrentIndex(0)
        self.origin.reset()
        self.purposes.set_codes(())

    def widget_for(self, field: str | None) -> QWidget | None:
        return {
            "guest_name": self.name,
            "gender": self.gender,
            "age_band": self.age_band,
            "occupation": self.occupation,
            "origin_village_code": self.origin.combo,
            "origin_other": self.origin.other,
            "purposes": self.purposes.first(),
        }.get(field or "")


def _spin(object_name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(object_name)
    spin.setRange(0, MAX_GROUP_SIZE)
    spin.setAccelerated(True)
    return spin


class GroupForm(_Form):
    """A group (rombongan): a class, the PKK, a youth group... counted by gender and age."""

    def __init__(self, prefix: str = "group", columns: int = 3) -> None:
        super().__init__()
        self.prefix = prefix
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}Name")
        self.name.setPlaceholderText(self.tr("e.g. SD Negeri 1, PKK RW 03"))
        self.leader = QLineEdit()
        self.leader.setObjectName(f"{prefix}Leader")
        self.phone = QLineEdit()
        self.phone.setObjectName(f"{prefix}Phone")
        self.male = _spin(f"{prefix}Male")
        self.female = _spin(f"{prefix}Female")
        self.ages: dict[str, QSpinBox] = {}
        self.ages_row = QGridLayout()
        self.ages_row.setContentsMargins(0, 0, 0, 0)
        self.total = QLabel()
        self.total.setObjectName(f"{prefix}Total")
        self.total.setWordWrap(True)
        self.origin = OriginPicker(prefix)
        self.purposes = PurposeBoxes(f"{prefix}Purposes", columns)
        for spin in (self.male, self.female):
            spin.valueChanged.connect(self.on_count_changed)

        genders = QHBoxLayout()
        genders.addWidget(QLabel(self.tr("Men / boys")))
        genders.addWidget(self.male)
        genders.addSpacing(12)
        genders.addWidget(QLabel(self.tr("Women / girls")))
        genders.addWidget(self.female)
        genders.addStretch(1)
        ages = QWidget()
        ages.setLayout(self.ages_row)
        form = QFormLayout(self)
        form.addRow(self.tr("Group or &institution"), self.name)
        form.addRow(self.tr("Lead&er"), self.leader)
        form.addRow(self.tr("Leader's &phone"), self.phone)
        form.addRow(self.tr("How many (gender)"), genders)
        form.addRow(self.tr("How many (age)"), ages)
        form.addRow("", self.total)
        form.addRow(self.tr("Comes &from"), self.origin)
        form.addRow(self.tr("Purposes"), self.purposes)
        self.on_count_changed()

    def set_options(self, options: FormOptions) -> None:
        counts = self.age_counts()
        while self.ages_row.count():
            item = self.ages_row.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.ages = {}
        for column, band in enumerate(options.age_bands):
            label = QLabel(tr(band.label))
            spin = _spin(f"{self.prefix}Age_{band.code}")
            spin.setValue(counts.get(band.code, 0))
            spin.valueChanged.connect(self.on_count_changed)
            label.setBuddy(spin)
            self.ages_row.addWidget(label, 0, column)
            self.ages_row.addWidget(spin, 1, column)
            self.ages[band.code] = spin
        self.purposes.set_options(options.purposes)
        self.on_count_changed()

    def age_counts(self) -> dict[str, int]:
        return {code: spin.value() for code, spin in self.ages.items() if spin.value()}

    def on_count_changed(self, _value: int = 0) -> None:
        total = self.male.value() + self.female.value()
        by_age = sum(self.age_counts().values())
        if by_age == total:
            self.total.setStyleSheet("")
            self.total.setText(self.tr("Together: {total} people.").format(total=total))
        else:
            self.total.setStyleSheet("color: #b00020;")
            self.total.setText(
                self.tr("Men and women make {total} people, but the age groups {by_age}.").format(
                    total=total, by_age=by_age
                )
            )

    def collect(self, visited_at: datetime | None) -> VisitInput:
        code, other = self.origin.values()
        return VisitInput(
            kind="group",
            visited_at=visited_at,
            group_name=self.name.text(),
            group_leader=self.leader.text(),
            group_phone=self.phone.text(),
            count_male=self.male.value(),
            count_female=self.female.value(),
            age_counts=self.age_counts(),
            origin_village_code=code,
            origin_other=other,
            purposes=self.purposes.codes(),
        )

    def load(self, row: VisitRow) -> None:
        self.name.setText(row.group_name or "")
        self.leader.setText(row.group_leader or "")
        self.phone.setText(row.group_phone or "")
        self.male.setValue(row.count_male)
        self.female.setValue(row.count_female)
        for code, spin in self.ages.items():
            spin.setValue(row.age_counts.get(code, 0))
        self.origin.set_values(row.origin_village_code, row.origin_other)
        self.purposes.set_codes(row.purposes)

    def clear(self) -> None:
        for edit in (self.name, self.leader, self.phone):
            edit.clear()
        for spin in (self.male, self.female, *self.ages.values()):
            spin.setValue(0)
        self.origin.reset()
        self.purposes.set_codes(())

    def widget_for(self, field: str | None) -> QWidget | None:
        first_age = next(iter(self.ages.values()), None)
        return {
            "group_name": self.name,
            "group_leader": self.leader,
            "group_phone": self.phone,
            "count_male": self.male,
            "count_female": self.female,
            "age_counts": first_age,
            "age_band": first_age,
            "origin_village_code": self.origin.combo,
            "origin_other": self.origin.other,
            "purposes": self.purposes.first(),
        }.get(field or "")


class MemberVisitForm(_Form):
    """A member visit being changed: the number and the purposes."""

    def __init__(self) -> None:
        super().__init__()
        self.number = QLineEdit()
        self.number.setObjectName("editMemberNo")
        self.name = QLabel()
        self.name.setObjectName("editMemberName")
        self.purposes = PurposeBoxes("editMemberPurposes", 2)
        form = QFormLayout(self)
        form.addRow(self.tr("Member &number"), self.number)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Purposes"), self.purposes)

    def set_options(self, options: FormOptions) -> None:
        self.purposes.set_options(options.purposes)

    def load(self, row: VisitRow) -> None:
        self.number.setText(row.member_no or "")
        self.name.setText(row.member_name or "—")
        self.purposes.set_codes(row.purposes)

    def collect(self, visited_at: datetime | None) -> VisitInput:
        return VisitInput(
            kind="member",
            visited_at=visited_at,
            member_no=self.number.text(),
            purposes=self.purposes.codes(),
        )

    def widget_for(self, field: str | None) -> QWidget | None:
        return self.purposes.first() if field == "purposes" else self.number


class VisitDialog(QDialog):
    """Change one visit of the list: the same form as when it was recorded."""

    def __init__(
        self,
        service: VisitService,
        row: VisitRow,
        options: FormOptions,
        villages: tuple[Sequence[Region], str | None],
        zone: tzinfo,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.row = row
        self.setWindowTitle(self.tr("Change visit"))
        self.setMinimumWidth(600)
        self.time = VisitTimeEdit(zone, "editVisitTime")
        self.time.set_moment(row.visited_at)
        self.form: GuestForm | GroupForm | MemberVisitForm
        if row.kind == "group":
            self.form = GroupForm("edit", columns=2)
        elif row.kind == "guest":
            self.form = GuestForm("edit", columns=2)
        else:
            self.form = MemberVisitForm()
        self.form.set_options(options.for_visit(row.purposes))
        if isinstance(self.form, GuestForm | GroupForm):
            self.form.origin.set_villages(*villages)
        self.form.load(row)
        self.form.submitted.connect(self.on_save_clicked)
        self.error = ErrorLabel("dialogError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        time_row = QFormLayout()
        time_row.addRow(self.tr("&Time"), self.time)
        layout = QVBoxLayout(self)
        layout.addLayout(time_row)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def on_save_clicked(self) -> None:
        try:
            self.service.update(self.row.id, self.form.collect(self.time.moment()))
        except KnownError as exc:
            if isinstance(exc, ValidationError) and exc.field == "visited_at":
                self.error.show_message(error_text(exc))
                self.time.setFocus()
            else:
                self.form.show_error(exc, self.error)
            return
        self.accept()
