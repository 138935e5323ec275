"""Mode Mandiri: visitors check themselves in; only a staff password leaves the kiosk.

Driven as a visitor would: the scanner types into whatever has the focus and
ends with Enter, guests tap big buttons. What is written is read back from the
database; what is shown is compared with the kiosk's own (translated) texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QWindow
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.core.clock import ZONES, utcnow, zone_for_region
from app.core.visits import VisitInput, VisitRow, VisitService
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.kiosk import KioskWindow, StaffUnlockDialog, first_name
from app.ui.kiosk_page import KioskStartPage
from tests.conftest import ADMIN_PASSWORD, VILLAGE_CODE, LibraryDb
from tests.gui.helpers import log_in, workspace

RINA_PASSWORD = "relawan123"
LONG = 60_000  # ms: a delay that does not run out during a test


def kiosk_text(source: str, **params: object) -> str:
    text = QCoreApplication.translate("KioskWindow", source)
    return text.format(**params) if params else text


def add_member(
    library_db: LibraryDb,
    number: str,
    name: str,
    gender: str = "P",
    *,
    expires_on: date | None = None,
    active: bool = True,
) -> str:
    from app.db.models import Member
    from app.db.uow import UnitOfWork

    with UnitOfWork(library_db.db, library_db.actor) as uow:
        member = uow.add(
            Member(
                member_no=number,
                name=name,
                gender=gender,
                member_type="umum",
                registered_on=date.today() - timedelta(days=400),
                expires_on=expires_on,
                consent_at=utcnow(),
                consent_by=library_db.admin.id,
                active=active,
                address="",
                notes="",
            )
        )
    return member.id


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(library_db.db, conn, library_db.admin, library_db.profile)
    conn.close()


@pytest.fixture
def service(library_db: LibraryDb) -> Iterator[VisitService]:
    with VisitService(library_db.db, library_db.admin) as reader:
        yield reader


def visits(service: VisitService) -> list[VisitRow]:
    """Today's guestbook (the library's day), as the desk sees it."""
    zone = ZONES[zone_for_region(VILLAGE_CODE)]
    return service.day_list(utcnow().astimezone(zone).date())


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb
) -> Iterator[Callable[..., KioskWindow]]:
    made: list[KioskWindow] = []

    def make(**options: int) -> KioskWindow:
        options = {"reset_ms": LONG, "message_ms": LONG, "idle_ms": LONG, **options}
        kiosk = KioskWindow(context, **options)  # type: ignore[arg-type]
        made.append(kiosk)
        kiosk.start()
        qtbot.waitUntil(kiosk.isActiveWindow, timeout=5000)
        return kiosk

    yield make
    for kiosk in made:
        if kiosk.running:
            kiosk.unlock(library_db.admin)


def scan(qtbot: QtBot, number: str) -> None:
    """What a USB scanner does: type each key into whatever has the focus, then Enter."""
    for key in [*number, Qt.Key.Key_Return]:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus: the scan would be lost"
        qtbot.keyClick(target, key)


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    assert button.isEnabled(), f"{button.objectName()} cannot be tapped"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# --- members -----------------------------------------------------------------------


def test_scanning_a_card_records_one_member_visit_then_resets(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
) -> None:
    member_id = add_member(library_db, "A-0001", "Hj. Siti Aminah")
    kiosk = make_kiosk(reset_ms=100)
    assert kiosk.isFullScreen()
    assert kiosk.current_screen() == kiosk.START
    assert kiosk.greeting.text() == kiosk_text("Welcome to {library}").format(
        library=library_db.profile.name
    )
    assert QApplication.focusWidget() is kiosk.scan

    scan(qtbot, "A-0001")
    assert kiosk.current_screen() == kiosk.MEMBER
    assert kiosk.member_title.text() == kiosk_text("Hello, {name}!", name="Siti")
    assert not kiosk.same_button.isVisible(), "no last visit, so nothing to repeat"
    tap(qtbot, kiosk.member_purpose_buttons["pinjam"])

    assert kiosk.current_screen() == kiosk.DONE
    assert kiosk.done_title.text() == kiosk_text("Thank you, {name}!", name="Siti")
    [visit] = visits(service)
    assert (visit.kind, visit.member_id, visit.gender) == ("member", member_id, "P")
    assert visit.purposes == ("pinjam",)

    with qtbot.waitSignal(kiosk.back_to_start, timeout=5000):
        pass
    assert kiosk.current_screen() == kiosk.START
    assert kiosk.scan.text() == ""
    assert QApplication.focusWidget() is kiosk.scan
    assert len(visits(service)) == 1


def test_last_purposes_are_preselected_and_confirmed_by_themselves(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
) -> None:
    add_member(library_db, "A-0002", "Budi Santoso", "L")
    service.record(
        VisitInput(
            kind="member",
            member_no="A-0002",
            purposes=("internet", "belajar"),
            visited_at=utcnow() - timedelta(hours=3),
        )
    )
    # Three hours ago may be yesterday in the library's day (just after midnight).
    before = len(visits(service))
    kiosk = make_kiosk(auto_confirm_ms=300)
    with qtbot.waitSignal(kiosk.recorded, timeout=5000) as blocker:
        scan(qtbot, "A-0002")
        assert kiosk.current_screen() == kiosk.MEMBER
        chosen = {c for c, b in kiosk.member_purpose_buttons.items() if b.isChecked()}
        assert chosen == {"internet", "belajar"}
        assert kiosk.same_button.isVisible()
        assert kiosk.countdown_label.isVisible()
    assert kiosk.current_screen() == kiosk.DONE
    visit = service.get(blocker.args[0])
    assert visit is not None
    assert visit.purposes == ("internet", "belajar")
    assert len(visits(service)) == before + 1


@pytest.mark.parametrize(
    ("number", "expires_in_days", "active", "reason"),
    [
        ("B-404", None, True, "number"),
        ("A-0003", -1, True, "expired"),
        ("A-0003", None, False, "ended"),
    ],
)
def test_a_card_that_cannot_check_in_writes_nothing(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
    number: str,
    expires_in_days: int | None,
    active: bool,
    reason: str,
) -> None:
    expires = None if expires_in_days is None else date.today() + timedelta(expires_in_days)
    add_member(library_db, "A-0003", "Dewi Lestari", expires_on=expires, active=active)
    kiosk = make_kiosk(message_ms=100)
    scan(qtbot, number)
    assert kiosk.current_screen() == kiosk.MESSAGE
    assert kiosk.message_title.text() == kiosk_text("Sorry, this card cannot be used here.")
    detail = kiosk.message_detail.text()
    assert reason in detail and number in detail, detail
    assert detail.endswith(kiosk_text("{reason} Please see the librarian.", reason=""))
    assert visits(service) == []
    with qtbot.waitSignal(kiosk.back_to_start, timeout=5000):
        pass
    assert kiosk.current_screen() == kiosk.START
    assert visits(service) == []


def test_checking_in_twice_says_so_and_writes_nothing(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
) -> None:
    add_member(library_db, "A-0004", "Rina Wati")
    kiosk = make_kiosk(reset_ms=0)
    with qtbot.waitSignal(kiosk.back_to_start, timeout=5000):
        scan(qtbot, "A-0004")
        tap(qtbot, kiosk.member_purpose_buttons["membaca"])
    assert len(visits(service)) == 1

    scan(qtbot, "A-0004")
    tap(qtbot, kiosk.member_purpose_buttons["kegiatan"])
    assert kiosk.current_screen() == kiosk.MESSAGE
    assert kiosk.message_title.text() == kiosk_text(
        "You are already checked in, {name}.", name="Rina"
    )
    [visit] = visits(service)
    assert visit.purposes == ("membaca",)


def test_the_next_scan_during_a_thank_you_checks_in_the_next_member(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
) -> None:
    add_member(library_db, "A-0005", "Agus Salim", "L")
    add_member(library_db, "A-0006", "Sri Rahayu", "P")
    kiosk = make_kiosk()
    scan(qtbot, "A-0005")
    tap(qtbot, kiosk.member_purpose_buttons["membaca"])
    assert kiosk.current_screen() == kiosk.DONE

    scan(qtbot, "A-0006")  # a queue: the scanner types while the thank-you is up
    assert kiosk.current_screen() == kiosk.MEMBER
    assert kiosk.member_title.text() == kiosk_text("Hello, {name}!", name="Sri")
    tap(qtbot, kiosk.member_purpose_buttons["membaca"])
    assert sorted(v.gender or "" for v in visits(service)) == ["L", "P"]


def test_a_locked_database_gives_a_message_not_a_crash(
    qtbot: QtBot,
    library_db: LibraryDb,
    service: VisitService,
    make_kiosk: Callable[..., KioskWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.db import connection

    short_wait = tuple(p for p in connection.PRAGMAS if "busy_timeout" not in p)
    monkeypatch.setattr(connection, "PRAGMAS", (*short_wait, "PRAGMA busy_timeout=100"))
    add_member(library_db, "A-0007", "Joko Widodo", "L")
    kiosk = make_kiosk()
    scan(qtbot, "A-0007")
    other = library_db.db.connect()  # another copy of the program holds the write lock
    other.execute("BEGIN IMMEDIATE")
    try:
        tap(qtbot, kiosk.member_purpose_buttons["membaca"])  # waits out the busy timeout
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert kiosk.current_screen() == kiosk.MESSAGE
    assert kiosk.message_title.text() == kiosk_text("Sorry, the visit could not be recorded.")
    in_use = QCoreApplication.translate(
        "PerpusDesa",
        "The database is in use by another copy of PerpusDesa. Close it and try again.",
    )
    assert in_use in kiosk.message_detail.text()
    assert visits(service) == []


# --- guests ------------------------------------------------------------------------


def test_a_guest_signs_the_guestbook(
    qtbot: QtBot, service: VisitService, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk(reset_ms=100)
    tap(qtbot, kiosk.guest_button)
    assert kiosk.current_screen() == kiosk.GENDER
    assert all(b.height() >= 64 for b in kiosk.gender_buttons.values()), "too small to tap"
    tap(qtbot, kiosk.gender_buttons["P"])
    assert kiosk.current_screen() == kiosk.AGE
    assert list(kiosk.age_buttons) == ["anak", "remaja", "dewasa", "lansia"]
    tap(qtbot, kiosk.age_buttons["remaja"])
    assert kiosk.current_screen() == kiosk.PURPOSE
    assert not kiosk.purpose_next.isEnabled(), "no purpose chosen yet"
    tap(qtbot, kiosk.guest_purpose_buttons["belajar"])
    tap(qtbot, kiosk.guest_purpose_buttons["informasi"])
    tap(qtbot, kiosk.guest_purpose_buttons["lainnya"])
    tap(qtbot, kiosk.guest_purpose_buttons["lainnya"])  # changed her mind
    tap(qtbot, kiosk.purpose_next)
    assert kiosk.current_screen() == kiosk.NAME
    assert QApplication.focusWidget() is kiosk.name_edit
    qtbot.keyClicks(kiosk.name_edit, "Ayu  Lestari ")
    tap(qtbot, kiosk.sign_button)

    assert kiosk.current_screen() == kiosk.DONE
    assert kiosk.done_title.text() == kiosk_text("Thank you, {name}!", name="Ayu")
    [visit] = visits(service)
    assert (visit.kind, visit.gender, visit.age_band) == ("guest", "P", "remaja")
    assert visit.purposes == ("belajar", "informasi")
    assert visit.guest_name == "Ayu Lestari"
    assert (visit.count_male, visit.count_female) == (0, 1)
    with qtbot.waitSignal(kiosk.back_to_start, timeout=5000):
        pass
    assert kiosk.current_screen() == kiosk.START
    assert not any(b.isChecked() for b in kiosk.guest_purpose_buttons.values())
    assert kiosk.name_edit.text() == ""


def test_a_guest_without_a_name_can_go_back_and_change(
    qtbot: QtBot, service: VisitService, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk()
    tap(qtbot, kiosk.guest_button)
    tap(qtbot, kiosk.gender_buttons["P"])
    back = kiosk.findChild(QPushButton, "ageBack")
    assert back is not None
    tap(qtbot, back)
    assert kiosk.current_screen() == kiosk.GENDER
    tap(qtbot, kiosk.gender_buttons["L"])
    tap(qtbot, kiosk.age_buttons["lansia"])
    tap(qtbot, kiosk.guest_purpose_buttons["membaca"])
    tap(qtbot, kiosk.purpose_next)
    qtbot.keyClick(kiosk.name_edit, Qt.Key.Key_Return)  # Enter signs too
    assert kiosk.done_title.text() == kiosk_text("Thank you!")
    [visit] = visits(service)
    assert (visit.gender, visit.age_band, visit.guest_name) == ("L", "lansia", None)


def test_an_unfinished_entry_times_out_back_to_the_start(
    qtbot: QtBot, service: VisitService, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk(idle_ms=150)
    tap(qtbot, kiosk.guest_button)
    tap(qtbot, kiosk.gender_buttons["L"])
    tap(qtbot, kiosk.age_buttons["dewasa"])
    tap(qtbot, kiosk.guest_purpose_buttons["internet"])
    assert kiosk.current_screen() == kiosk.PURPOSE
    with qtbot.waitSignal(kiosk.back_to_start, timeout=5000):
        pass
    assert kiosk.current_screen() == kiosk.START
    assert QApplication.focusWidget() is kiosk.scan
    assert not kiosk.guest_purpose_buttons["internet"].isChecked()
    assert visits(service) == []


def test_every_tap_gives_the_visitor_time_again(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk(idle_ms=60_000)
    now = [1000.0]
    kiosk.idle.clock = lambda: now[0]
    tap(qtbot, kiosk.guest_button)
    tap(qtbot, kiosk.gender_buttons["P"])
    tap(qtbot, kiosk.age_buttons["anak"])
    assert kiosk.current_screen() == kiosk.PURPOSE
    now[0] = 1050.0
    tap(qtbot, kiosk.guest_purpose_buttons["membaca"])  # still choosing
    now[0] = 1100.0  # 100 s on this screen, 50 s after the last tap
    kiosk.idle.check()
    assert kiosk.current_screen() == kiosk.PURPOSE, "reset while the visitor was choosing"
    now[0] = 1110.0
    kiosk.idle.check()
    assert kiosk.current_screen() == kiosk.START


# --- staying locked ------------------------------------------------------------------


def test_esc_alt_f4_and_close_do_not_end_the_kiosk(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk()
    tap(qtbot, kiosk.guest_button)
    for key, modifier in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(kiosk, key, modifier)
    assert kiosk.isVisible() and kiosk.isFullScreen()
    assert kiosk.current_screen() == kiosk.GENDER, "a key press changed the screen"

    kiosk.showMinimized()  # Win+D, Win+M
    qtbot.waitUntil(lambda: kiosk.isFullScreen() and not kiosk.isMinimized(), timeout=5000)

    assert not kiosk.close()  # what Alt+F4 and the window manager's close ask for
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    assert kiosk.isVisible() and kiosk.running


def test_the_kiosk_takes_the_focus_back_from_another_program(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk()
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=5000)
    other = QWindow()  # not one of our widgets: as good as another program's window
    other.show()
    other.requestActivate()
    try:
        qtbot.waitUntil(lambda: not kiosk.isActiveWindow(), timeout=5000)
        qtbot.waitUntil(kiosk.isActiveWindow, timeout=5000)
        assert kiosk.isFullScreen()
    finally:
        other.destroy()


def open_unlock(qtbot: QtBot, kiosk: KioskWindow) -> StaffUnlockDialog:
    tap(qtbot, kiosk.staff_button)
    dialog = kiosk.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def type_password(qtbot: QtBot, dialog: StaffUnlockDialog, username: str, password: str) -> None:
    index = dialog.user_box.findData(username)
    assert index >= 0, f"{username} is not offered"
    dialog.user_box.setCurrentIndex(index)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_a_wrong_staff_password_keeps_it_locked(
    qtbot: QtBot, library_db: LibraryDb, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk()
    dialog = open_unlock(qtbot, kiosk)
    wrong = QCoreApplication.translate("PerpusDesa", "Wrong username or password.")
    for attempt in range(5):
        type_password(qtbot, dialog, "admin", f"salah{attempt}")
        assert dialog.error.isVisible()
        assert dialog.error.text() == wrong
    type_password(qtbot, dialog, "admin", ADMIN_PASSWORD)  # right, but throttled now
    assert dialog.error.text().startswith(
        QCoreApplication.translate(
            "PerpusDesa", "Too many wrong passwords. Wait {seconds} seconds and try again."
        ).split("{seconds}")[0]
    )
    assert kiosk.isVisible() and kiosk.running
    tap(qtbot, dialog.cancel_button)
    assert kiosk.unlock_dialog is None
    assert kiosk.isVisible() and kiosk.running


def test_ctrl_shift_q_opens_the_staff_dialog_and_idle_closes_it(
    qtbot: QtBot, make_kiosk: Callable[..., KioskWindow]
) -> None:
    kiosk = make_kiosk(idle_ms=200)
    qtbot.keyClick(
        kiosk.scan,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = kiosk.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.user_box.currentData() == "admin", "the staff member who started it"
    qtbot.waitUntil(lambda: kiosk.unlock_dialog is None, timeout=5000)
    assert kiosk.isVisible() and kiosk.running


@pytest.fixture
def rina(library_db: LibraryDb) -> None:
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, "rina", "Rina Relawan", Role.RELAWAN, RINA_PASSWORD
        )
    finally:
        conn.close()


def test_the_right_password_closes_it_and_brings_the_page_back(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, rina: None
) -> None:
    page = KioskStartPage(context, lambda c: KioskWindow(c, reset_ms=LONG, message_ms=LONG))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.kiosk_running) as running:
        tap(qtbot, page.start_button)
    assert running.args == [True]
    kiosk = page.kiosk
    assert isinstance(kiosk, KioskWindow)
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=5000)
    assert kiosk.isFullScreen()
    assert not page.isVisible(), "the program stays visible behind the kiosk"

    dialog = open_unlock(qtbot, kiosk)
    offered = [dialog.user_box.itemData(i) for i in range(dialog.user_box.count())]
    assert offered == ["admin", "rina"]
    with qtbot.waitSignal(page.kiosk_running) as stopped:
        type_password(qtbot, dialog, "rina", RINA_PASSWORD)
    assert stopped.args == [False]
    assert not kiosk.isVisible()
    assert page.kiosk is None
    assert page.isVisible()
    # Rina typed the password: the program is hers now, not the administrator's.
    assert context.user.username == "rina"


def test_the_program_hides_behind_the_kiosk_and_comes_back(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    ws = workspace(controller)
    assert "mandiri" in ws.page_keys()
    page = ws.open_page("mandiri")
    assert isinstance(page, KioskStartPage)
    tap(qtbot, page.start_button)
    kiosk = page.kiosk
    assert isinstance(kiosk, KioskWindow)
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=5000)
    assert not controller.window.isVisible()
    type_password(qtbot, open_unlock(qtbot, kiosk), "admin", ADMIN_PASSWORD)
    assert controller.window.isVisible()
    assert workspace(controller) is ws
    assert ws.current_key() == "mandiri"


def test_no_idle_lock_while_the_kiosk_runs(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    page = workspace(controller).open_page("mandiri")
    assert isinstance(page, KioskStartPage)
    assert controller.idle.armed
    tap(qtbot, page.start_button)
    assert not controller.idle.armed, "the idle lock would lock the PC behind the kiosk"
    assert isinstance(page.kiosk, KioskWindow)
    type_password(qtbot, open_unlock(qtbot, page.kiosk), "admin", ADMIN_PASSWORD)
    assert controller.idle.armed


def test_first_name() -> None:
    assert first_name("Siti Aminah") == "Siti"
    assert first_name("Hj. Siti Aminah") == "Siti"
    assert first_name("  Budi ") == "Budi"
    assert first_name("Dr.") == "Dr."
    assert first_name("") == ""
