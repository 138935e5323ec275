"""The member form: register a new member or change one, with the consent the law asks for.

The purpose and retention text is shown above the consent box, so the person
hears what they agree to; a parent's or guardian's name and consent appear as
soon as the date of birth (or the member type "child") makes the member a
minor. The age band is shown as the date of birth is typed. Save hands the
fields to ``MemberService``; a refusal is shown in the red line under the form,
the offending field gets the focus, and nothing is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
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
from app.core.errors import KnownError, ValidationError
from app.core.library import get_region, list_regions
from app.core.members import (
    ADULT_AGE,
    CONSENT_TEXT,
    MemberInput,
    MemberService,
    MemberView,
    add_months,
)
from app.ui.i18n import error_text, tr
from app.ui.members.format import format_moment
from app.ui.widgets import ErrorLabel

NO_DATE = QDate(1900, 1, 1)
CHILD_MEMBER_AGE = 12  # up to this age a new member's type follows as "child"  # the date edits' "empty" value, shown as a blank


def _to_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def _date_edit(name: str, blank_text: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(blank_text)
    edit.setDate(NO_DATE)
    return edit


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose accelerator (&) moves to ``widget`` (for rows holding a layout)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def library_villages(region_code: str) -> list[tuple[str, str]]:
    """(code, name) of the villages of the library's kecamatan."""
    parts = region_code.split(".")
    if len(parts) == 4:
        kecamatan = ".".join(parts[:3])
    elif len(parts) == 3:
        kecamatan = region_code
    else:
        return []
    return [(r.code, r.name) for r in list_regions(kecamatan)]


class MemberDialog(QDialog):
    """Register (``member`` None) or change a member; emits ``saved`` with the stored member."""

    saved = Signal(object)  # MemberView

    def __init__(
        self,
        service: MemberService,
        region_code: str,
        zone: str,
        member: MemberView | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.member = member
        self.zone = zone
        self.months = service.membership_months()
        self.bands = service.age_bands()
        self._expiry_touched = member is not None
        self._type_touched = member is not None
        self.setObjectName("memberDialog")
        self.setMinimumWidth(720)
        self.setWindowTitle(
            self.tr("Register a member")
            if member is None
            else self.tr("Change member {number}").format(number=member.member_no)
        )
        today = service.today()

        self.member_no = QLineEdit()
        self.member_no.setObjectName("member_no")
        self.member_no.setPlaceholderText(
            self.tr("Given by the program: {number}").format(number=service.next_member_no())
        )
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        for code in codes.GENDERS:
            self.gender.addItem(tr(code.label), code.code)
        self.gender.setPlaceholderText(self.tr("Choose…"))
        self.gender.setCurrentIndex(-1)
        self.birth_date = _date_edit("birth_date", self.tr("not known"))
        self.birth_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.age_label = QLabel()
        self.age_label.setObjectName("ageBand")
        self.member_type = QComboBox()
        self.member_type.setObjectName("member_type")
        for code in codes.MEMBER_TYPES:
            self.member_type.addItem(tr(code.label), code.code)
        self.occupation = self._code_box("occupation", codes.OCCUPATIONS)
        self.education = self._code_box("education", codes.EDUCATION)
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("081234567890")
        self.nik = QLineEdit()
        self.nik.setObjectName("nik")
        self.nik.setMaxLength(16)
        self.nik.setPlaceholderText(self.tr("optional, 16 digits"))

        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.rt = QLineEdit()
        self.rt.setObjectName("rt")
        self.rt.setMaxLength(3)
        self.rt.setMaximumWidth(60)
        self.rw = QLineEdit()
        self.rw.setObjectName("rw")
        self.rw.setMaxLength(3)
        self.rw.setMaximumWidth(60)
        self.village = QComboBox()
        self.village.setObjectName("village_code")
        for village_code, village_name in library_villages(region_code):
            self.village.addItem(village_name, village_code)
        self.village.addItem(self.tr("Another village or unknown"), None)
        own = self.village.findData(region_code)
        self.village.setCurrentIndex(max(own, 0))
        self.registered_on = _date_edit("registered_on", "")
        self.registered_on.setMinimumDate(QDate(1950, 1, 1))
        self.registered_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.registered_on.setDate(_to_qdate(today))
        self.expires_on = _date_edit("expires_on", self.tr("no end date"))
        self.photo = QLineEdit()
        self.photo.setObjectName("photo_path")
        self.photo.setPlaceholderText(self.tr("optional"))
        self.photo_button = QPushButton(self.tr("C&hoose…"))
        self.photo_button.clicked.connect(self.on_photo_clicked)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)

        self.consent_text = QLabel(tr(CONSENT_TEXT))
        self.consent_text.setObjectName("consentText")
        self.consent_text.setWordWrap(True)
        self.consent = QCheckBox(self.tr("The member &agrees"))
        self.consent.setObjectName("consent")
        self.consent_note = QLabel()
        self.consent_note.setObjectName("consentNote")
        self.consent_note.setWordWrap(True)
        self.guardian_box = QWidget()
        self.guardian_name = QLineEdit()
        self.guardian_name.setObjectName("guardian_name")
        self.guardian_consent = QCheckBox(self.tr("The parent or guard&ian agrees"))
        self.guardian_consent.setObjectName("guardian_consent")
        self.error = ErrorLabel("memberError")

        self._layout()
        if member is not None:
            self._fill(member)
        else:
            self._update_expiry()
        self.birth_date.dateChanged.connect(self.on_birth_date_changed)
        self.registered_on.dateChanged.connect(self.on_age_inputs_changed)
        self.member_type.currentIndexChanged.connect(self.on_age_inputs_changed)
        self.registered_on.dateChanged.connect(self.on_registered_on_changed)
        self.expires_on.dateChanged.connect(self.on_expires_on_changed)
        self.member_type.activated.connect(self.on_member_type_activated)
        self.on_age_inputs_changed()
        self.name.setFocus()

    # --- building ---------------------------------------------------------------------

    def _code_box(self, name: str, items: tuple[codes.Code, ...]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem("", None)
        for code in items:
            box.addItem(tr(code.label), code.code)
        return box

    def _layout(self) -> None:
        person = QFormLayout()
        person.addRow(self.tr("Member n&umber"), self.member_no)
        person.addRow(self.tr("&Name"), self.name)
        person.addRow(self.tr("&Gender"), self.gender)
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_date)
        birth_row.addWidget(self.age_label, 1)
        person.addRow(_buddy(self.tr("Date of &birth"), self.birth_date), birth_row)
        person.addRow(self.tr("Member &type"), self.member_type)
        person.addRow(self.tr("&Occupation"), self.occupation)
        person.addRow(self.tr("&Education"), self.education)
        person.addRow(self.tr("&Phone"), self.phone)
        person.addRow(self.tr("NI&K"), self.nik)

        place = QFormLayout()
        place.addRow(self.tr("A&ddress"), self.address)
        rt_rw = QHBoxLayout()
        rt_rw.addWidget(self.rt)
        rt_rw.addWidget(_buddy(self.tr("R&W"), self.rw))
        rt_rw.addWidget(self.rw)
        rt_rw.addStretch(1)
        place.addRow(_buddy(self.tr("RT"), self.rt), rt_rw)
        place.addRow(self.tr("&Village"), self.village)
        place.addRow(self.tr("&Registered on"), self.registered_on)
        place.addRow(self.tr("Valid unti&l"), self.expires_on)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(self.photo_button)
        place.addRow(_buddy(self.tr("Photo"), self.photo), photo_row)
        place.addRow(self.tr("Notes"), self.notes)

        columns = QHBoxLayout()
        columns.addLayout(person, 1)
        columns.addSpacing(16)
        columns.addLayout(place, 1)

        guardian = QFormLayout(self.guardian_box)
        guardian.setContentsMargins(0, 0, 0, 0)
        guardian.addRow(self.tr("Parent or guardian's na&me"), self.guardian_name)
        guardian.addRow("", self.guardian_consent)
        consent_box = QGroupBox(self.tr("Consent to keep the member's data"))
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_text)
        consent_layout.addWidget(self.consent)
        consent_layout.addWidget(self.consent_note)
        consent_layout.addWidget(self.guardian_box)
        self.consent_note.hide()

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
        layout.addWidget(consent_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill(self, member: MemberView) -> None:
        self.member_no.setText(member.member_no)
        self.name.setText(member.name)
        self.gender.setCurrentIndex(self.gender.findData(member.gender))
        self.birth_date.setDate(_to_qdate(member.birth_date))
        self.member_type.setCurrentIndex(max(self.member_type.findData(member.member_type), 0))
        for box, value in (
            (self.occupation, member.occupation),
            (self.education, member.education),
        ):
            if value is not None and box.findData(value) < 0:
                box.addItem(value, value)  # older free text, from an import or the demo
            box.setCurrentIndex(max(box.findData(value), 0))
        self.phone.setText(member.phone or "")
        self.nik.setText(member.nik or "")
        self.address.setText(member.address)
        self.rt.setText(member.rt or "")
        self.rw.setText(member.rw or "")
        if member.village_code is not None and self.village.findData(member.village_code) < 0:
            region = get_region(member.village_code)
            self.village.insertItem(
                0, region.name if region else member.village_code, member.village_code
            )
        self.village.setCurrentIndex(self.village.findData(member.village_code))
        self.registered_on.setDate(_to_qdate(member.registered_on))
        self.expires_on.setDate(_to_qdate(member.expires_on))
        self.photo.setText(member.photo_path or "")
        self.notes.setPlainText(member.notes)
        self.consent.setChecked(True)
        self.consent_note.setText(
            self.tr("Consent given on {when}, recorded by {staff}.").format(
                when=format_moment(member.consent_at, self.zone), staff=member.consent_by_name
            )
        )
        self.consent_note.show()
        if member.guardian_name:
            self.guardian_name.setText(member.guardian_name)
            self.guardian_consent.setChecked(member.guardian_consent_at is not None)

    # --- live behaviour ----------------------------------------------------------------

    def is_minor(self) -> bool:
        birth = _to_date(self.birth_date)
        registered = _to_date(self.registered_on) or self.service.today()
        if birth is None:
            return self.member_type.currentData() == "anak"
        return codes.age_on(birth, registered) < ADULT_AGE

    def on_age_inputs_changed(self, *_: object) -> None:
        birth = _to_date(self.birth_date)
        if birth is None:
            self.age_label.setText("")
        else:
            age = max(codes.age_on(birth, self.service.today()), 0)
            band_code = codes.age_band_for(age, self.bands)
            band = next(b for b in self.bands if b.code == band_code)
            self.age_label.setText(
                self.tr("{age} years · {band}").format(age=age, band=tr(band.label))
            )
        minor = self.is_minor()
        self.guardian_box.setVisible(minor or bool(self.guardian_name.text().strip()))

    def on_birth_date_changed(self, *_: object) -> None:
        birth = _to_date(self.birth_date)
        if birth is not None and not self._type_touched:
            # A young child is a "child" member unless the user chose another type.
            age = codes.age_on(birth, self.service.today())
            kind = "anak" if age <= CHILD_MEMBER_AGE else "umum"
            self.member_type.setCurrentIndex(self.member_type.findData(kind))
        self.on_age_inputs_changed()

    def on_member_type_activated(self, _index: int) -> None:
        self._type_touched = True  # chosen by the user: no longer follows the age
        self.on_age_inputs_changed()

    def on_registered_on_changed(self, *_: object) -> None:
        if not self._expiry_touched:
            self._update_expiry()

    def on_expires_on_changed(self, *_: object) -> None:
        if not self.expires_on.signalsBlocked():
            self._expiry_touched = True

    def _update_expiry(self) -> None:
        registered = _to_date(self.registered_on) or self.service.today()
        end = add_months(registered, self.months) if self.months else None
        self.expires_on.blockSignals(True)
        self.expires_on.setDate(_to_qdate(end))
        self.expires_on.blockSignals(False)

    def on_photo_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a photo"))
        dialog.setNameFilter(self.tr("Pictures (*.jpg *.jpeg *.png)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.photo.setText)
        dialog.open()

    # --- saving -----------------------------------------------------------------------

    def data(self) -> MemberInput:
        minor_fields = self.guardian_box.isVisibleTo(self)
        return MemberInput(
            name=self.name.text(),
            gender=self.gender.currentData() or "",
            birth_date=_to_date(self.birth_date),
            address=self.address.text(),
            rt=self.rt.text() or None,
            rw=self.rw.text() or None,
            village_code=self.village.currentData(),
            phone=self.phone.text() or None,
            occupation=self.occupation.currentData(),
            education=self.education.currentData(),
            member_type=self.member_type.currentData(),
            registered_on=_to_date(self.registered_on),
            expires_on=_to_date(self.expires_on) if self._expiry_touched else None,
            nik=self.nik.text() or None,
            notes=self.notes.toPlainText(),
            photo_path=self.photo.text() or None,
            consent_given=self.consent.isChecked(),
            guardian_name=(self.guardian_name.text() or None) if minor_fields else None,
            guardian_consent=self.guardian_consent.isChecked() and minor_fields,
            member_no=self.member_no.text() or None,
        )

    def on_save_clicked(self) -> None:
        try:
            if self.member is None:
                stored = self.service.register(self.data())
            else:
                stored = self.service.update(self.member.id, self.data())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            if isinstance(exc, ValidationError):
                self._focus(exc.field)
            return
        self.saved.emit(stored)
        self.accept()

    def _focus(self, field: str | None) -> None:
        widgets: dict[str, QWidget] = {
            "consent": self.consent,
            "guardian": self.guardian_name
            if not self.guardian_name.text().strip()
            else self.guardian_consent,
            "village_code": self.village,
            "photo_path": self.photo,
        }
        target = widgets.get(field or "") or self.findChild(QWidget, field or "")
        if target is not None:
            target.setFocus()
