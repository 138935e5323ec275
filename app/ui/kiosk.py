"""Mode Mandiri: a full-screen self check-in kiosk where visitors sign the guestbook themselves.

A member scans their card (the scanner types the number and Enter into the
always-focused scan field), taps why they came (the purposes of their last
visit are preselected and confirmed by themselves after a few seconds), and
sees a thank-you that clears itself. A guest taps "I am a guest", then gender,
age band and purposes on big buttons, types a name if they like, and signs.
Every visit goes through :class:`app.core.visits.VisitService` in the name of
the staff member who started the kiosk: the same records as the desk's.

Leaving needs a staff password. Qt can refuse a close (Alt+F4, the window
manager, ``close()``), swallow Esc and the usual shortcuts, keep the window on
top, full screen and re-activate it when another program takes the focus;
it cannot stop the operating system from switching windows (Alt+Tab, the
Windows key, Ctrl+Alt+Del): see :meth:`KioskWindow.on_focus_lost`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.auth import Permission, User, UserService
from app.core.errors import KnownError
from app.core.visits import MemberCheck, RepeatVisit, VisitInput, VisitService
from app.db.database import as_storage_error
from app.ui.context import AppContext
from app.ui.i18n import error_text, tr
from app.ui.idle import IdleWatcher
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel, password_edit

# High contrast (dark blue on white, black on yellow for what is chosen), large type,
# buttons at least 64 px high for fingers.
STYLE = """
QWidget { color: #111111; font-size: 20pt; }
QWidget#kiosk { background: #ffffff; }
QLabel#kioskHeader {
    background: #0b3d6e; color: #ffffff; font-size: 22pt; font-weight: bold; padding: 10px 24px;
}
QLabel#kioskDate { background: #0b3d6e; color: #ffffff; font-size: 16pt; padding: 10px 24px; }
QLabel[role="title"] { font-size: 32pt; font-weight: bold; color: #0b3d6e; }
QLabel[role="question"] { font-size: 26pt; font-weight: bold; color: #0b3d6e; }
QLabel[role="big"] { font-size: 40pt; font-weight: bold; color: #0b5d1e; }
QLabel[role="sorry"] { font-size: 32pt; font-weight: bold; color: #8a1c00; }
QLabel[role="note"] { font-size: 18pt; color: #333333; }
QPushButton {
    min-height: 72px; padding: 6px 20px; border: 3px solid #0b3d6e; border-radius: 12px;
    background: #e6effa; color: #0b1f33; font-size: 20pt;
}
QPushButton:pressed, QPushButton:checked {
    background: #ffd23f; border: 4px solid #111111; color: #111111;
}
QPushButton[role="primary"] { background: #0b3d6e; color: #ffffff; font-weight: bold; }
QPushButton[role="primary"]:pressed { background: #ffd23f; color: #111111; }
QPushButton[role="primary"]:disabled { background: #9aa7b4; border-color: #9aa7b4; }
QPushButton[role="gender"] { min-height: 140px; font-size: 26pt; font-weight: bold; }
QPushButton[role="quiet"] { border-color: #555555; background: #ffffff; min-width: 160px; }
QPushButton[role="staff"] {
    min-height: 28px; padding: 2px 12px; font-size: 11pt; border: 1px solid #c8c8c8;
    border-radius: 6px; background: #ffffff; color: #7a7a7a;
}
QLineEdit {
    min-height: 72px; font-size: 26pt; padding: 2px 16px; border: 3px solid #0b3d6e;
    border-radius: 12px; background: #ffffff;
}
QComboBox { min-height: 56px; font-size: 18pt; }
"""


def first_name(name: str) -> str:
    """What a friendly greeting calls someone: the first word that is not a title."""
    words = name.split()
    for word in words:
        if not word.endswith("."):  # H., Hj., Dr., Ir.
            return word
    return words[0] if words else ""


def _button(text: str, name: str, role: str = "", *, checkable: bool = False) -> QPushButton:
    """A touch button; it never takes the keyboard focus away from the scan field."""
    button = QPushButton(text)
    button.setObjectName(name)
    if role:
        button.setProperty("role", role)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    return button


def _label(text: str = "", role: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


def _grid(buttons: Iterable[QPushButton], columns: int) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(12)
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // columns, index % columns)
    return grid


class StaffUnlockDialog(QDialog):
    """A staff member picks their name and types their password to leave the kiosk."""

    unlocked = Signal(object)  # User

    def __init__(self, users: UserService, current: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskUnlock")
        self.setWindowTitle(self.tr("Staff only"))
        self.setModal(True)
        self.users = users
        self.user_box = QComboBox()
        self.user_box.setObjectName("unlockUser")
        for user in users.list_users():
            if user.can(Permission.RECORD):
                self.user_box.addItem(f"{user.full_name} ({user.username})", user.username)
        index = self.user_box.findData(current.username)
        self.user_box.setCurrentIndex(max(index, 0))
        self.password = password_edit("unlockPassword")
        self.error = ErrorLabel("unlockError")
        intro = QLabel(self.tr("Type a staff password to leave the self check-in."))
        intro.setWordWrap(True)
        user_label = QLabel(self.tr("&Name"))
        user_label.setBuddy(self.user_box)
        password_label = QLabel(self.tr("&Password"))
        password_label.setBuddy(self.password)
        self.unlock_button = QPushButton(self.tr("&Leave self check-in"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("unlockCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.unlock_button)
        for label in (intro, self.error):
            label.setMinimumWidth(640)  # the kiosk's large type; the dialog grows to fit
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(user_label)
        layout.addWidget(self.user_box)
        layout.addWidget(password_label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.password.setFocus()

    def on_unlock_clicked(self) -> None:
        username = self.user_box.currentData()
        if not username:
            return
        try:
            user = self.users.login(username, self.password.text())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.password.clear()
        self.unlocked.emit(user)
        self.accept()


class KioskWindow(QWidget):
    """The self check-in screen. ``start()`` shows it full screen; only a staff password ends it.

    The delays are parameters so that tests need not wait: ``reset_ms`` keeps the
    thank-you on screen, ``message_ms`` a "please see the librarian" message,
    ``idle_ms`` is how long a half-finished entry waits for the next tap, and
    ``auto_confirm_ms`` how long a member has to change last time's purpose.
    """

    started = Signal()
    stopped = Signal(object)  # the User who unlocked it
    back_to_start = Signal()
    recorded = Signal(str)  # the id of the visit just written

    START, MEMBER, GENDER, AGE, PURPOSE, NAME, DONE, MESSAGE = range(8)

    def __init__(
        self,
        context: AppContext,
        *,
        reset_ms: int = 5000,
        message_ms: int = 8000,
        idle_ms: int = 60_000,
        auto_confirm_ms: int = 10_000,
        service: VisitService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.context = context
        self._own_service = service is None  # closed here when the kiosk stops
        self.service = service or VisitService(context.db, context.user)
        self.reset_ms = reset_ms
        self.message_ms = message_ms
        self.running = False
        self._may_close = False
        self.member: MemberCheck | None = None
        self.guest_gender: str | None = None
        self.guest_age: str | None = None
        self.unlock_dialog: StaffUnlockDialog | None = None
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Self check-in"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        settings = context.settings
        self.purposes = codes.purposes(settings.get("purposes"))
        self.age_bands = codes.age_bands(settings.get("age_bands"))

        self.reset_timer = self._timer(reset_ms, self.reset)
        # The idle lock's watcher: its event filter only notes the time of the last input
        # (no Qt call per mouse move), and a slow timer compares.
        self.idle = IdleWatcher(idle_ms / 60_000, parent=self, check_every_ms=min(1000, idle_ms))
        self.idle.idle.connect(self.on_idle_timeout)
        self.confirm_timer = self._timer(auto_confirm_ms, self.on_same_clicked)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.on_countdown_tick)

        self.header = QLabel(context.profile.name)
        self.header.setObjectName("kioskHeader")
        self.header.setWordWrap(True)
        self.date_label = QLabel()
        self.date_label.setObjectName("kioskDate")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.header, 1)
        top.addWidget(self.date_label)

        self.screens = QStackedWidget()
        self.screens.setObjectName("kioskScreens")
        for build in (
            self._start_screen,
            self._member_screen,
            self._gender_screen,
            self._age_screen,
            self._purpose_screen,
            self._name_screen,
            self._done_screen,
            self._message_screen,
        ):
            self.screens.addWidget(build())

        self.staff_button = _button(self.tr("Staff"), "kioskStaff", "staff")
        self.staff_button.setToolTip(self.tr("Staff: leave the self check-in (Ctrl+Shift+Q)"))
        self.staff_button.clicked.connect(self.on_staff_clicked)
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, self.on_staff_clicked)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 0, 16, 8)
        bottom.addStretch(1)
        bottom.addWidget(self.staff_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.screens, 1)
        layout.addLayout(bottom)
        self.reset()

    def _timer(self, msecs: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(max(0, msecs))
        timer.timeout.connect(slot)
        return timer

    @staticmethod
    def _screen(*parts: QWidget | QGridLayout | QHBoxLayout | int) -> QWidget:
        """A screen: its parts stacked in a centred column; an int is a stretch."""
        screen = QWidget()
        column = QVBoxLayout()
        column.setSpacing(14)
        for part in parts:
            if isinstance(part, int):
                column.addStretch(part)
            elif isinstance(part, QWidget):
                column.addWidget(part)
            else:
                column.addLayout(part)
        outer = QHBoxLayout(screen)
        outer.setContentsMargins(32, 16, 32, 8)
        outer.addStretch(1)
        outer.addLayout(column, 12)
        outer.addStretch(1)
        return screen

    def _back_row(self, back: QPushButton, forward: QPushButton | None = None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(back)
        row.addStretch(1)
        if forward is not None:
            row.addWidget(forward)
        return row

    def _back_button(self, name: str, target: Callable[[], None]) -> QPushButton:
        button = _button(self.tr("‹ Back"), name, "quiet")
        button.clicked.connect(target)
        return button

    # --- screens ---------------------------------------------------------------

    def _start_screen(self) -> QWidget:
        self.greeting = _label(
            self.tr("Welcome to {library}").format(library=self.context.profile.name),
            "title",
            "kioskGreeting",
        )
        self.scan_prompt = _label(self.tr("Members: scan your member card"), "note")
        self.scan = QLineEdit()
        self.scan.setObjectName("kioskScan")
        self.scan.setPlaceholderText(self.tr("Scan your member card"))
        self.scan.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan.setMaxLength(30)
        self.scan.returnPressed.connect(self.on_scan_entered)
        or_label = _label(self.tr("No member card?"), "note")
        self.guest_button = _button(self.tr("I am a guest"), "kioskGuest", "primary")
        self.guest_button.setMinimumHeight(96)
        self.guest_button.clicked.connect(self.on_guest_clicked)
        return self._screen(
            1, self.greeting, 1, self.scan_prompt, self.scan, 1, or_label, self.guest_button, 2
        )

    def _member_screen(self) -> QWidget:
        self.member_title = _label("", "title", "kioskMemberTitle")
        question = _label(self.tr("Why did you come today? Tap one."), "note")
        self.member_purpose_buttons: dict[str, QPushButton] = {}
        for purpose in self.purposes:
            button = _button(tr(purpose.label), f"memberPurpose_{purpose.code}", checkable=True)
            button.clicked.connect(lambda _c=False, code=purpose.code: self.on_member_purpose(code))
            self.member_purpose_buttons[purpose.code] = button
        self.same_button = _button(self.tr("Same as last time"), "kioskSame", "primary")
        self.same_button.clicked.connect(self.on_same_clicked)
        self.countdown_label = _label("", "note", "kioskCountdown")
        back = self._back_button("memberBack", self.reset)
        return self._screen(
            self.member_title,
            question,
            _grid(self.member_purpose_buttons.values(), self._purpose_columns()),
            self.countdown_label,
            1,
            self._back_row(back, self.same_button),
        )

    def _purpose_columns(self) -> int:
        """Two columns fit the default list at 1024×768; a long custom list needs three."""
        return 2 if len(self.purposes) <= 8 else 3

    def _step_label(self, step: int) -> QLabel:
        return _label(self.tr("Step {step} of {count}").format(step=step, count=4), "note")

    def _gender_screen(self) -> QWidget:
        question = _label(self.tr("Are you a man or a woman?"), "title")
        self.gender_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(24)
        for gender in codes.GENDERS:
            button = _button(tr(gender.label), f"gender_{gender.code}", "gender")
            button.clicked.connect(lambda _c=False, code=gender.code: self.on_gender_chosen(code))
            self.gender_buttons[gender.code] = button
            row.addWidget(button)
        back = self._back_button("genderBack", self.reset)
        return self._screen(self._step_label(1), question, 1, row, 2, self._back_row(back))

    def _age_screen(self) -> QWidget:
        question = _label(self.tr("How old are you?"), "title")
        self.age_buttons: dict[str, QPushButton] = {}
        for band in self.age_bands:
            button = _button(tr(band.label), f"age_{band.code}")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _c=False, code=band.code: self.on_age_chosen(code))
            self.age_buttons[band.code] = button
        back = self._back_button("ageBack", lambda: self.show_screen(self.GENDER))
        columns = 2 if len(self.age_bands) > 3 else len(self.age_bands)
        return self._screen(
            self._step_label(2),
            question,
            1,
            _grid(self.age_buttons.values(), columns),
            2,
            self._back_row(back),
        )

    def _purpose_screen(self) -> QWidget:
        question = _label(self.tr("Why did you come today? Tap all that apply."), "question")
        self.guest_purpose_buttons: dict[str, QPushButton] = {}
        for purpose in self.purposes:
            button = _button(tr(purpose.label), f"guestPurpose_{purpose.code}", checkable=True)
            button.toggled.connect(self.on_guest_purpose_toggled)
            self.guest_purpose_buttons[purpose.code] = button
        self.purpose_next = _button(self.tr("Next ›"), "purposeNext", "primary")
        self.purpose_next.clicked.connect(lambda: self.show_screen(self.NAME))
        back = self._back_button("purposeBack", lambda: self.show_screen(self.AGE))
        return self._screen(
            self._step_label(3),
            question,
            _grid(self.guest_purpose_buttons.values(), self._purpose_columns()),
            1,
            self._back_row(back, self.purpose_next),
        )

    def _name_screen(self) -> QWidget:
        question = _label(self.tr("What is your name? (you may leave it empty)"), "question")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("guestName")
        self.name_edit.setPlaceholderText(self.tr("Your name"))
        self.name_edit.setMaxLength(200)
        self.name_edit.returnPressed.connect(self.on_sign_clicked)
        self.sign_button = _button(self.tr("Sign the guestbook"), "kioskSign", "primary")
        self.sign_button.setMinimumHeight(96)
        self.sign_button.clicked.connect(self.on_sign_clicked)
        back = self._back_button("nameBack", lambda: self.show_screen(self.PURPOSE))
        return self._screen(
            self._step_label(4),
            question,
            1,
            self.name_edit,
            self.sign_button,
            2,
            self._back_row(back),
        )

    def _done_screen(self) -> QWidget:
        self.done_title = _label("", "big", "kioskThanks")
        self.done_detail = _label(
            self.tr("Your visit is in the guestbook. Enjoy your time at the library!"),
            "note",
            "kioskThanksDetail",
        )
        ok = _button(self.tr("Done"), "doneOk", "primary")
        ok.setMinimumWidth(240)
        ok.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(ok)
        row.addStretch(1)
        return self._screen(2, self.done_title, self.done_detail, 1, row, 2)

    def _message_screen(self) -> QWidget:
        self.message_title = _label("", "sorry", "kioskMessage")
        self.message_detail = _label("", "note", "kioskMessageDetail")
        ok = _button(self.tr("Done"), "messageOk", "primary")
        ok.setMinimumWidth(240)
        ok.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(ok)
        row.addStretch(1)
        return self._screen(2, self.message_title, self.message_detail, 1, row, 2)

    # --- running ---------------------------------------------------------------

    def start(self) -> None:
        """Show the kiosk full screen and start watching for visitors."""
        self.running = True
        self._may_close = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.reset()
        self.showFullScreen()
        self.activateWindow()
        self.scan.setFocus()
        # The first save would import SQLAlchemy; do it now, off the GUI thread.
        Task(self, lambda _progress: self.service.warm_up()).run()
        self.started.emit()

    def current_screen(self) -> int:
        return self.screens.currentIndex()

    def show_screen(self, index: int) -> None:
        self.screens.setCurrentIndex(index)
        self.reset_timer.stop()
        if index != self.MEMBER:
            self.confirm_timer.stop()
            self.countdown.stop()
        if self.running:
            self.idle.start()
        if index == self.START:
            self.scan.setFocus()
        elif index == self.NAME:
            self.name_edit.setFocus()
        else:
            self.setFocus()  # keys reach keyPressEvent, so a scan goes to the next member

    def reset(self) -> None:
        """Back to the welcome screen, everything typed or chosen forgotten."""
        self.member = None
        self.scan.clear()
        self.name_edit.clear()
        self.guest_gender = None
        self.guest_age = None
        for button in self.guest_purpose_buttons.values():
            button.setChecked(False)
        self.purpose_next.setEnabled(False)
        self.date_label.setText(QLocale().toString(QDate.currentDate(), "dddd, d MMMM yyyy"))
        self.show_screen(self.START)
        self.back_to_start.emit()

    def on_idle_timeout(self) -> None:
        """Nobody touched the kiosk for a while: start again (and close a forgotten unlock)."""
        if self.unlock_dialog is not None:
            self.unlock_dialog.reject()
        if self.current_screen() != self.START or self.scan.text():
            self.reset()
        elif self.running:
            self.idle.start()

    # --- members ---------------------------------------------------------------

    def on_scan_entered(self) -> None:
        number = self.scan.text().strip()
        self.scan.clear()
        if not number:
            return
        try:
            member = self.service.find_member(number)
        except Exception as exc:
            known = self.known_error(exc)
            self.show_message(
                self.tr("Sorry, this card cannot be used here."),
                self.tr("{reason} Please see the librarian.").format(reason=error_text(known)),
            )
            return
        self.member = member
        self.member_title.setText(self.tr("Hello, {name}!").format(name=first_name(member.name)))
        last = [code for code in member.last_purposes if code in self.member_purpose_buttons]
        for code, button in self.member_purpose_buttons.items():
            button.setChecked(code in last)  # shown as chosen; a tap on any one records it
        self.show_screen(self.MEMBER)
        self.same_button.setVisible(bool(last))
        self.countdown_label.setVisible(bool(last))
        if last:
            self.confirm_timer.start()
            self.countdown.start()
            self.on_countdown_tick()

    def last_purposes(self) -> tuple[str, ...]:
        if self.member is None:
            return ()
        return tuple(p for p in self.member.last_purposes if p in self.member_purpose_buttons)

    def on_countdown_tick(self) -> None:
        seconds = max(0, round(self.confirm_timer.remainingTime() / 1000))
        self.countdown_label.setText(
            self.tr(
                "In {seconds} seconds you are signed in for the same purposes as last time."
            ).format(seconds=seconds)
        )

    def on_member_purpose(self, code: str) -> None:
        self.record_member((code,))

    def on_same_clicked(self) -> None:
        purposes = self.last_purposes()
        if purposes and self.current_screen() == self.MEMBER:
            self.record_member(purposes)

    def record_member(self, purposes: tuple[str, ...]) -> None:
        member = self.member
        if member is None:
            return
        self.confirm_timer.stop()
        self.countdown.stop()
        data = VisitInput(kind="member", member_no=member.member_no, purposes=purposes)
        self.save(data, first_name(member.name))

    # --- guests ----------------------------------------------------------------

    def on_guest_clicked(self) -> None:
        self.show_screen(self.GENDER)

    def on_gender_chosen(self, code: str) -> None:
        self.guest_gender = code
        self.show_screen(self.AGE)

    def on_age_chosen(self, code: str) -> None:
        self.guest_age = code
        self.show_screen(self.PURPOSE)

    def chosen_purposes(self) -> tuple[str, ...]:
        return tuple(c for c, b in self.guest_purpose_buttons.items() if b.isChecked())

    def on_guest_purpose_toggled(self, _checked: bool) -> None:
        self.purpose_next.setEnabled(bool(self.chosen_purposes()))

    def on_sign_clicked(self) -> None:
        purposes = self.chosen_purposes()
        if self.guest_gender is None or self.guest_age is None or not purposes:
            return
        name = " ".join(self.name_edit.text().split())
        data = VisitInput(
            kind="guest",
            guest_name=name or None,
            gender=self.guest_gender,
            age_band=self.guest_age,
            purposes=purposes,
        )
        self.save(data, first_name(name))

    # --- saving and the screens after it ------------------------------------------

    def save(self, data: VisitInput, name: str) -> None:
        """Write the visit (a few ms: on the GUI thread) and say thank you, or why not."""
        try:
            visit_id = self.service.record(data)
        except RepeatVisit:
            self.show_message(
                self.tr("You are already checked in, {name}.").format(name=name)
                if name
                else self.tr("You are already checked in."),
                self.tr("Your visit is already in the guestbook. Enjoy your time at the library!"),
            )
            return
        except Exception as exc:
            known = self.known_error(exc)
            self.show_message(
                self.tr("Sorry, the visit could not be recorded."),
                self.tr("{reason} Please see the librarian.").format(reason=error_text(known)),
            )
            return
        self.context.signals.data_changed.emit("visit")
        self.recorded.emit(visit_id)
        self.done_title.setText(
            self.tr("Thank you, {name}!").format(name=name) if name else self.tr("Thank you!")
        )
        self.show_screen(self.DONE)
        self.reset_timer.setInterval(max(0, self.reset_ms))
        self.reset_timer.start()

    def known_error(self, exc: Exception) -> KnownError:
        """Bad input or a disk/database problem, to show on the kiosk; a bug goes on up."""
        if isinstance(exc, KnownError):
            return exc
        known = as_storage_error(exc, self.context.data_dir)
        if known is None:
            raise exc  # a bug: the error hook logs it and apologises
        return known

    def show_message(self, title: str, detail: str) -> None:
        self.message_title.setText(title)
        self.message_detail.setText(detail)
        self.show_screen(self.MESSAGE)
        self.reset_timer.setInterval(max(0, self.message_ms))
        self.reset_timer.start()

    # --- keeping it locked --------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc, Ctrl+W and the like do nothing; a scan on a passive screen goes to the scan field."""
        text = event.text()
        passive = self.current_screen() in (self.START, self.DONE, self.MESSAGE)
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if passive and plain and text and text.isprintable():
            if self.current_screen() != self.START:
                self.reset()
            self.scan.setFocus()
            self.scan.insert(text)
        elif (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.current_screen() == self.START
            and self.scan.text()
        ):
            self.on_scan_entered()
        event.accept()

    def on_staff_clicked(self) -> None:
        if not self.running or self.unlock_dialog is not None:
            return
        dialog = StaffUnlockDialog(UserService(self.context.conn), self.context.user, self)
        dialog.unlocked.connect(self.unlock)
        dialog.finished.connect(self.on_unlock_dialog_finished)
        self.unlock_dialog = dialog
        dialog.open()

    def on_unlock_dialog_finished(self, _result: int) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self.running:
            self.activateWindow()
            if self.current_screen() == self.START:
                self.scan.setFocus()

    def unlock(self, user: User) -> None:
        """A staff password was right: stop watching and close."""
        self.running = False
        for timer in (self.reset_timer, self.confirm_timer, self.countdown):
            timer.stop()
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        if self._own_service:
            self.service.close()
        self._may_close = True
        self.stopped.emit(user)  # first, so the main window is back before this one closes
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close or not self.running:
            event.accept()
            return
        event.ignore()  # Alt+F4, the window manager, close(): only the staff password closes
        QTimer.singleShot(0, self, self.reassert)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not self.running:
            return
        if event.type() == QEvent.Type.WindowStateChange and not self.is_full_screen():
            QTimer.singleShot(
                0, self, self.reassert
            )  # minimised (Win+D, Win+M) or un-full-screened
        elif event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.on_focus_lost()

    def on_focus_lost(self) -> None:
        """Another window took the focus: if it is another program's, take it back.

        Qt cannot forbid the switch itself (Alt+Tab, the Windows key and
        Ctrl+Alt+Del belong to the operating system), and Windows may refuse to
        bring a window to the front and flash its taskbar button instead; the
        window stays on top of the others in any case. Our own dialogs (the
        staff unlock, an error report) keep the focus they took.
        """
        QTimer.singleShot(200, self, self.reassert_if_elsewhere)

    def reassert_if_elsewhere(self) -> None:
        if self.running and QApplication.activeWindow() is None:
            self.reassert()

    def is_full_screen(self) -> bool:
        return self.isFullScreen() and not self.isMinimized()

    def reassert(self) -> None:
        if not self.running:
            return
        if not self.is_full_screen():
            self.showFullScreen()  # also clears "minimised"
        self.activateWindow()  # on top already (WindowStaysOnTopHint); this takes the keys
