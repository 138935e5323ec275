"""Fill the participant grid from an attendance list: members found by name or number, and guests.

A member's gender and age band come from the member (their age on the day of
the activity); a guest's are chosen here, one by one with a name or as a
number of guests of the same gender and age band. The list is not stored:
only the grid it fills is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.activities import Attendee
from app.core.errors import KnownError
from app.core.members import SearchHit
from app.ui.i18n import error_text, tr
from app.ui.widgets import ErrorLabel

MAX_GUESTS_AT_ONCE = 500


class AttendanceDialog(QDialog):
    """Pick the people who came; ``filled`` carries the grid they make."""

    filled = Signal(dict)  # {"L": {band: n}, "P": {band: n}}

    def __init__(
        self,
        day: date,
        bands: Sequence[codes.AgeBand],
        search: Callable[[str], list[SearchHit]],
        to_grid: Callable[[date, Sequence[Attendee]], dict[str, dict[str, int]]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.setWindowTitle(self.tr("Fill from attendance"))
        self.setMinimumWidth(640)
        self.day = day
        self.search = search
        self.to_grid = to_grid
        self.attendees: list[Attendee] = []

        self.member_search = QLineEdit()
        self.member_search.setObjectName("attendanceSearch")
        self.member_search.setPlaceholderText(self.tr("Type a name or member number, then Enter"))
        self.member_search.setClearButtonEnabled(True)
        self.member_search.returnPressed.connect(self.on_member_search_return_pressed)
        self.found = QListWidget()
        self.found.setObjectName("attendanceFound")
        self.found.itemActivated.connect(self.on_found_item_activated)
        self.add_member_button = QPushButton(self.tr("Add &member"))
        self.add_member_button.setObjectName("addMember")
        self.add_member_button.clicked.connect(self.on_add_member_clicked)

        self.guest_name = QLineEdit()
        self.guest_name.setObjectName("guestName")
        self.guest_name.setPlaceholderText(self.tr("optional"))
        self.guest_name.returnPressed.connect(self.on_add_guest_clicked)
        self.guest_gender = QComboBox()
        self.guest_gender.setObjectName("guestGender")
        for gender in codes.GENDERS:
            self.guest_gender.addItem(tr(gender.label), gender.code)
        self.guest_band = QComboBox()
        self.guest_band.setObjectName("guestBand")
        for band in bands:
            self.guest_band.addItem(tr(band.label), band.code)
        self.guest_count = QSpinBox()
        self.guest_count.setObjectName("guestCount")
        self.guest_count.setRange(1, MAX_GUESTS_AT_ONCE)
        self.add_guest_button = QPushButton(self.tr("Add &guests"))
        self.add_guest_button.setObjectName("addGuests")
        self.add_guest_button.clicked.connect(self.on_add_guest_clicked)

        self.people = QListWidget()
        self.people.setObjectName("attendanceList")
        self.remove_button = QPushButton(self.tr("&Remove from the list"))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("attendanceCount")
        self.error = ErrorLabel("attendanceError")

        members_box = QGroupBox(self.tr("Members"))
        members_layout = QVBoxLayout(members_box)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.member_search)
        members_layout.addWidget(search_label)
        members_layout.addWidget(self.member_search)
        members_layout.addWidget(self.found, 1)
        members_layout.addWidget(self.add_member_button)
        guests_box = QGroupBox(self.tr("Guests"))
        guests_form = QFormLayout(guests_box)
        guests_form.addRow(self.tr("Na&me"), self.guest_name)
        guests_form.addRow(self.tr("Gen&der"), self.guest_gender)
        guests_form.addRow(self.tr("A&ge group"), self.guest_band)
        guests_form.addRow(self.tr("Ho&w many"), self.guest_count)
        guests_form.addRow("", self.add_guest_button)
        pickers = QHBoxLayout()
        pickers.addWidget(members_box, 1)
        pickers.addWidget(guests_box, 1)
        list_label = QLabel(self.tr("&Who came"))
        list_label.setBuddy(self.people)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Fill the grid"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.on_fill_clicked)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(list_label)
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_count()
        self.member_search.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter searches or adds (a scanner ends with Enter); it never fills the grid."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- members ------------------------------------------------------------------------

    def on_member_search_return_pressed(self) -> None:
        self.error.hide()
        try:
            hits = self.search(self.member_search.text())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.found.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.member_no} · {hit.name}")
            item.setData(Qt.ItemDataRole.UserRole, hit.member_no)
            self.found.addItem(item)
        if hits:
            self.found.setCurrentRow(0)
            if len(hits) == 1:  # a number typed or scanned: add at once
                self.on_add_member_clicked()
        else:
            self.error.show_message(self.tr("No member found"))

    def on_found_item_activated(self, _item: QListWidgetItem) -> None:
        self.on_add_member_clicked()

    def on_add_member_clicked(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        number = str(item.data(Qt.ItemDataRole.UserRole))
        if any(a.member_no == number for a in self.attendees):
            self.error.show_message(
                self.tr("{name} is on the list already.").format(name=item.text())
            )
            return
        self.error.hide()
        self._add(Attendee(member_no=number), item.text())
        self.member_search.clear()
        self.member_search.setFocus()

    # --- guests -------------------------------------------------------------------------

    def on_add_guest_clicked(self) -> None:
        self.error.hide()
        name = self.guest_name.text().strip()
        gender = str(self.guest_gender.currentData())
        band = str(self.guest_band.currentData())
        what = self.tr("Guest: {gender}, {band}").format(
            gender=self.guest_gender.currentText(), band=self.guest_band.currentText()
        )
        count = 1 if name else self.guest_count.value()
        for _ in range(count):
            self._add(
                Attendee(name=name, gender=gender, age_band=band),
                f"{name} ({what})" if name else what,
            )
        self.guest_name.clear()
        self.guest_count.setValue(1)

    # --- the list -----------------------------------------------------------------------

    def _add(self, attendee: Attendee, text: str) -> None:
        self.attendees.append(attendee)
        self.people.addItem(text)
        self._show_count()

    def on_remove_clicked(self) -> None:
        row = self.people.currentRow()
        if row < 0:
            return
        self.people.takeItem(row)
        del self.attendees[row]
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} people").format(count=len(self.attendees)))

    def on_fill_clicked(self) -> None:
        try:
            grid = self.to_grid(self.day, self.attendees)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.filled.emit(grid)
        self.accept()
