"""Sinkronisasi: enrol through the form, sync with progress, stop, refused records, USB bundle.

The page runs in the real program (login included) on a copy of a real demo
library (about ten thousand changes waiting), against a real national server
started as a subprocess on 127.0.0.1 (``server_sqlite`` of tests/sync). Texts
are compared with what the installed catalogue shows, so the tests hold before
and after the Indonesian translations of the new strings are added.
"""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.clock import ZONES, to_db, utcnow
from app.core.demo import DEMO_PASSWORD, DEMO_REGION, generate_demo
from app.db.database import Database
from app.ui.activities.form import ActivityDialog
from app.ui.app import Controller
from app.ui.catalog.item_dialog import ItemDialog
from app.ui.catalog.page import CatalogPage
from app.ui.catalog.title_form import TitleDialog
from app.ui.guestbook.forms import VisitDialog
from app.ui.guestbook.page import GuestbookPage
from app.ui.members.form import MemberDialog
from app.ui.stories.form import StoryDialog
from app.ui.stories.page import StoriesPage
from app.ui.sync_page import RefusedModel, RefusedRow, SyncPage, data_size, number
from sync.client import REJECT_MESSAGES, SyncClient, SyncStep
from sync.protocol import BUNDLE_MAGIC
from sync.transport import MESSAGES
from tests.gui.helpers import find_dialog, log_in, visible_top_levels, workspace
from tests.sync.conftest import SyncServer, server_sqlite  # noqa: F401  (a fixture)

TODAY = date(2026, 11, 26)
LIBRARY_NAME = "Perpustakaan Desa Kalisari"
WAIT_MS = 180_000  # a full sync of the demo library, on a slow or busy CI machine


def page_text(source: str, **params: object) -> str:
    """What the page shows for an English source text of SyncPage."""
    text = QCoreApplication.translate("SyncPage", source)
    return text.format(**params) if params else text


def core_text(source: str, **params: object) -> str:
    text = QCoreApplication.translate("PerpusDesa", source)
    return text.format(**params) if params else text


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo library made once per run; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("sync-demo")
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            monkeypatch.setenv(name, str(folder / "home"))
        db = Database(folder / "demo")
        try:
            generate_demo(db, years=1, seed=7, today=TODAY)
        finally:
            db.dispose()
    return db.path


@pytest.fixture
def demo_db(demo_template: Path, data_dir: Path) -> Iterator[Database]:
    """The demo library in this test's data folder."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for part in demo_template.parent.glob(demo_template.name + "*"):
        shutil.copyfile(part, data_dir / part.name)
    db = Database(data_dir)
    assert db.path.is_file()
    yield db
    db.dispose()


def issue_code(server: SyncServer) -> str:
    """A new library on the server and a fresh one-time enrolment code for it."""
    return server.issue_code(server.add_library(region=DEMO_REGION, name=LIBRARY_NAME))


def open_sync_page(qtbot: QtBot, controller: Controller, username: str = "admin") -> SyncPage:
    assert controller.start()
    log_in(qtbot, controller, username, DEMO_PASSWORD)
    page = workspace(controller).open_page("sinkronisasi")
    assert isinstance(page, SyncPage)
    assert page.isVisible()
    return page


def enrol(db: Database, server: SyncServer) -> None:
    """Enrol the PC as the form would, before the program starts."""
    SyncClient(db).enroll(server.url, issue_code(server))


def pending(db: Database) -> int:
    return SyncClient(db).state().pending


def wait_sync_done(qtbot: QtBot, page: SyncPage) -> None:
    qtbot.waitUntil(lambda: page.sync_task is None, timeout=WAIT_MS)


# --- enrolment ---------------------------------------------------------------------------------


def test_enrol_through_the_form(
    qtbot: QtBot,
    make_controller: Callable[[], Controller],
    demo_db: Database,
    server_sqlite: SyncServer,  # noqa: F811
) -> None:
    controller = make_controller()
    page = open_sync_page(qtbot, controller)
    assert page.enrol_box.isVisible()
    assert not page.status_box.isVisible()
    assert not page.sync_button.isVisible()
    assert page.enrol_button.isEnabled()

    # This PC's clock is 10 minutes slow: a warning, never a refusal.
    page.client = SyncClient(demo_db, clock=lambda: utcnow() - timedelta(minutes=10))
    qtbot.keyClicks(page.server_edit, server_sqlite.url)
    code = issue_code(server_sqlite)
    qtbot.keyClicks(page.code_edit, code.replace("-", "").lower())  # typed loosely
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.status_box.isVisible(), timeout=WAIT_MS)
    assert not page.enrol_box.isVisible()
    assert page.server_value.text() == server_sqlite.url
    assert page.library_value.text() == LIBRARY_NAME
    assert page.clock_warning.isVisible()
    assert page.clock_warning.text() == page_text(
        "This PC's clock is {minutes} minutes behind the national server's clock."
        " Please set the PC's date and time right.",
        minutes=10,
    )
    assert page.last_sync_value.text() == page_text("not yet")
    assert page.sync_button.isEnabled()
    assert page.result_label.text() == page_text(
        'This PC is enrolled. Press "Sync now" to send what the library has recorded.'
    )
    state = SyncClient(demo_db).state()
    assert state.enrolled
    assert page.states_value.text().startswith(f"{state.pending:,}".replace(",", "."))
    devices = server_sqlite.run_cli("devices")
    assert state.device_id in devices.stdout


def test_a_wrong_code_and_an_unreachable_server_are_told_plainly(
    qtbot: QtBot,
    make_controller: Callable[[], Controller],
    demo_db: Database,
    server_sqlite: SyncServer,  # noqa: F811
) -> None:
    controller = make_controller()
    page = open_sync_page(qtbot, controller)
    qtbot.keyClicks(page.server_edit, server_sqlite.url)
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    assert page.enrol_error.text() == page_text("Fill in the enrolment code.")
    qtbot.waitUntil(page.code_edit.hasFocus)
    assert page.busy_task is None  # nothing asked of the server

    qtbot.keyClicks(page.code_edit, "AAAA-BBBB-CC")
    page.enrol_error.hide()
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.enrol_error.isVisible(), timeout=WAIT_MS)
    assert page.enrol_error.text() == core_text(MESSAGES["code_invalid"])
    assert page.enrol_box.isVisible()
    assert not SyncClient(demo_db).state().enrolled

    # Nothing listens on this port: the connection is refused.
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    page.server_edit.setText(f"http://127.0.0.1:{port}")
    page.client = SyncClient(demo_db, tries=1)  # the program's own retries for ~15 s first
    page.enrol_error.hide()
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.enrol_error.isVisible(), timeout=WAIT_MS)
    unreachable = core_text(MESSAGES["no_internet"]).split("{server}")
    assert page.enrol_error.text().startswith(unreachable[0])
    assert page.enrol_error.text().endswith(unreachable[1])
    assert page.server_edit.hasFocus()


def test_a_captive_portal_is_not_taken_for_the_server(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    """A hotspot's login page answers 200 with HTML: that is no real internet."""

    class Portal(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            body = b"<html><body>Login ke WiFi Desa</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer

        def log_message(self, *_args: object) -> None:
            pass

    portal = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Portal)
    thread = threading.Thread(target=portal.serve_forever, daemon=True)
    thread.start()
    try:
        controller = make_controller()
        page = open_sync_page(qtbot, controller)
        page.server_edit.setText(f"http://127.0.0.1:{portal.server_address[1]}")
        page.code_edit.setText("K7PQ-3M9X-TR")
        qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enrol_error.isVisible(), timeout=WAIT_MS)
        assert page.enrol_error.text() == core_text(MESSAGES["not_our_server"])
        assert not SyncClient(demo_db).state().enrolled
    finally:
        portal.shutdown()
        portal.server_close()
        thread.join()


def test_a_volunteer_may_sync_but_not_enrol(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    controller = make_controller()
    page = open_sync_page(qtbot, controller, "relawan")
    assert page.enrol_box.isVisible()
    assert page.enrol_not_allowed.isVisible()
    assert not page.enrol_button.isEnabled()
    assert not page.code_edit.isEnabled()
    page.on_enrol_clicked()  # even by a shortcut: nothing happens
    assert page.busy_task is None


# --- sync now --------------------------------------------------------------------------------


def test_sync_now_shows_progress_the_result_and_a_refused_record(
    qtbot: QtBot,
    make_controller: Callable[[], Controller],
    demo_db: Database,
    server_sqlite: SyncServer,  # noqa: F811
    qtmodeltester: ModelTester,
) -> None:
    enrol(demo_db, server_sqlite)
    member_id, name, member_no = spoil_a_member(demo_db)
    waiting = pending(demo_db)
    assert waiting > 1_000
    controller = make_controller()
    page = open_sync_page(qtbot, controller, "pengelola")
    assert page.status_box.isVisible()
    assert page.sync_button.isEnabled()
    assert not page.refused_box.isVisible()
    shown: list[tuple[SyncStep, str]] = []  # each step, and the progress line it gave
    page._steps.step.connect(lambda step: shown.append((step, page.progress_label.text())))
    tables: list[str] = []
    assert controller.context is not None
    controller.context.signals.data_changed.connect(tables.append)

    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert not page.sync_button.isEnabled()
    assert page.cancel_button.isVisible()
    assert page.progress_bar.isVisible()
    wait_sync_done(qtbot, page)

    # Progress in records and bytes, e.g. "1.200 dari 10.164 catatan · 86 KB terkirim".
    sending = [(step, text) for step, text in shown if step.phase == "sending"]
    for step, text in sending:
        assert text == page_text(
            "{done} of {total} records · {size} sent",
            done=number(step.records_done),
            total=number(step.records_total),
            size=data_size(step.bytes_sent),
        )
    midway = [s for s, _ in sending if 0 < s.records_done < s.records_total]
    assert len(midway) >= 2, shown
    assert midway[0].bytes_sent < midway[-1].bytes_sent
    assert not page.progress_bar.isVisible()
    assert not page.cancel_button.isVisible()

    # The result in plain words; the spoiled member is the one record refused.
    result = page.last_result
    assert result is not None
    assert result.sent >= sending[-1][0].records_total - 1  # every record but one arrived
    assert page.result_label.text() == "\n".join(
        [
            page_text("Sync finished."),
            page_text("Sent: {count} records.", count=number(result.sent)),
            page_text("Already on the server: {count}.", count=number(result.already_there)),
            page_text("Refused: {count} (listed below: open each one to fix it).", count=1),
        ]
    )
    state = SyncClient(demo_db).state()
    assert state.pending == 0 and state.rejected > 0
    assert state.last_sync_at is not None
    assert page.states_value.text() == page_text(
        "{pending} waiting · {sending} being sent · {synced} sent · {rejected} refused",
        pending=0,
        sending=0,
        synced=number(state.synced),
        rejected=number(state.rejected),
    )
    assert page.last_sync_value.text() == page.moment(state.last_sync_at)
    assert "outbox" in tables

    assert page.refused_box.isVisible()
    model = page.refused_model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert [model.index(0, column).data() for column in range(3)] == [
        core_text("Member"),
        page_text("{name} (no. {number})", name=name, number=member_no),
        core_text(REJECT_MESSAGES["invalid_record"]),
    ]

    # The Beranda's sync line reads again: nothing waiting, synced today.
    ws = workspace(controller)
    home = ws.open_page("beranda")
    line = QCoreApplication.translate(
        "BerandaPage", "Changes waiting to be sent: {count}. Last successful sync: {date}, {time}."
    ).split("{date}")[0]
    label = home.findChild(QLabel, "syncStatus")
    assert label is not None
    qtbot.waitUntil(lambda: label.text().startswith(line.format(count=0)), timeout=10_000)

    # Again at once: nothing sent twice; the refused record stays listed.
    ws.open_page("sinkronisasi")
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_sync_done(qtbot, page)
    assert page.last_result is not None and page.last_result.sent == 0
    assert page_text("Sent: {count} records.", count="0") in page.result_label.text()
    assert page_text("Refused: none.") in page.result_label.text()
    assert model.rowCount() == 1

    # "Open the record" shows the member's form on the Anggota page, to fix it.
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert ws.current_key() == "anggota"
    dialog = find_dialog(ws.pages["anggota"], MemberDialog)
    assert name in [edit.text() for edit in dialog.findChildren(QLineEdit)]

    # A new page (the program restarted) lists it too.
    assert controller.context is not None
    again = SyncPage(controller.context)
    qtbot.addWidget(again)
    assert [row.record_id for row in again.refused_model.rows] == [member_id]


def test_stop_ends_the_sync_promptly_and_a_later_sync_completes(
    qtbot: QtBot,
    make_controller: Callable[[], Controller],
    demo_db: Database,
    server_sqlite: SyncServer,  # noqa: F811
) -> None:
    enrol(demo_db, server_sqlite)
    waiting = pending(demo_db)
    controller = make_controller()
    page = open_sync_page(qtbot, controller, "relawan")  # a volunteer may send

    pressed: list[float] = []

    def stop_after_the_first_batch(step: SyncStep) -> None:
        if step.phase == "sending" and step.records_done > 0 and not pressed:
            assert page.cancel_button.isEnabled()
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
            pressed.append(time.monotonic())

    page._steps.step.connect(stop_after_the_first_batch)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sync_task is None, timeout=WAIT_MS)
    stopped = time.monotonic()
    page._steps.step.disconnect(stop_after_the_first_batch)

    assert pressed, "the sync ended before its first batch"
    assert stopped - pressed[0] < 3.0  # promptly, not after the remaining ~20 batches
    assert page.result_label.text() == page_text(
        "Sync stopped. What was sent stays sent; the next sync continues from there."
    )
    left = pending(demo_db)
    assert 0 < left < waiting  # stopped part of the way: some sent, not all
    assert page.sync_button.isEnabled()

    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_sync_done(qtbot, page)
    assert page_text("Sync finished.") in page.result_label.text()
    assert pending(demo_db) == 0


# --- refused records ---------------------------------------------------------------------------


def spoil_a_member(db: Database) -> tuple[str, str, str]:
    """Give a member a type the national lists do not know: the server refuses it."""
    from app.core.auth import UserService
    from app.db.models import Member
    from app.db.uow import Actor, UnitOfWork

    conn = db.connect()
    try:
        admin = UserService(conn).login("admin", DEMO_PASSWORD)
        member_id = conn.execute(
            "SELECT id FROM member WHERE deleted_at IS NULL ORDER BY member_no LIMIT 1"
        ).fetchone()[0]
    finally:
        conn.close()
    with UnitOfWork(db, Actor(admin.id, admin.username)) as uow:
        member = uow.get(Member, member_id)
        assert member is not None
        member.member_type = "Tamu Istimewa"  # not a code: lower-case words joined by _
        name, number = member.name, member.member_no
    return member_id, name, number


def test_refused_model_shows_kind_what_and_why(qtmodeltester: ModelTester) -> None:
    model = RefusedModel()
    model.set_rows(
        [
            RefusedRow("visit", "a", "Kunjungan", "Kunjungan 3 November 2026", "alasan"),
            RefusedRow("activity", "b", "Kegiatan", "Bedah buku (1 November 2026)", "alasan"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "Bedah buku (1 November 2026)"
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "alasan"
    assert model.headerData(1, Qt.Orientation.Horizontal) == core_text("What it is")


# --- USB ---------------------------------------------------------------------------------------


def test_usb_bundle_export_and_receipt(
    qtbot: QtBot,
    make_controller: Callable[[], Controller],
    demo_db: Database,
    server_sqlite: SyncServer,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enrol(demo_db, server_sqlite)
    waiting = pending(demo_db)
    controller = make_controller()
    page = open_sync_page(qtbot, controller)
    assert page.export_button.isEnabled()
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "kalisari"  # the suffix is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.usb_result.isVisible(), timeout=WAIT_MS)

    bundle = stick / "kalisari.pdsync"
    assert bundle.is_file()
    assert bundle.read_bytes().startswith(BUNDLE_MAGIC)
    written = page.last_bundle
    assert written is not None and written.path == bundle
    assert waiting - 100 < written.records <= waiting  # a record changed twice goes once
    text = page.usb_result.text()
    assert text == page_text(
        "Saved {count} records ({size}) in:\n{path}\n\nBring this file to the district"
        " facilitator. When the facilitator gives you back a receipt file, import it"
        ' here with "Import receipt...".',
        count=number(written.records),
        size=data_size(bundle.stat().st_size),
        path=str(bundle),
    )

    # The facilitator imports it on the server and brings back the receipt.
    receipt = stick / "tanda-terima.json"
    imported = server_sqlite.run_cli("import-bundle", str(bundle), "--receipt", str(receipt))
    assert imported.returncode == 0, imported.stderr
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(receipt), ""))
    )
    tables: list[str] = []
    assert controller.context is not None
    controller.context.signals.data_changed.connect(tables.append)
    page.usb_result.hide()
    qtbot.mouseClick(page.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.usb_result.isVisible(), timeout=WAIT_MS)
    assert pending(demo_db) == 0
    assert "outbox" in tables
    assert page.usb_result.text() == page_text(
        "Receipt imported: {synced} changes arrived at the national server,"
        " {rejected} were refused.",
        synced=number(waiting),
        rejected=0,
    )
    assert page.states_value.text().startswith("0 ")


def test_refused_records_of_each_kind_read_as_the_library_knows_them(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    """No ids alone: a title by its title, an activity by title and day, a visit by its day."""
    controller = make_controller()
    page = open_sync_page(qtbot, controller)
    conn = demo_db.connect()
    try:

        def first(sql: str) -> tuple[str, ...]:
            row = conn.execute(sql + " AND deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()
            assert row is not None
            return tuple(row)

        title_id, title = first("SELECT id, title FROM title WHERE 1")
        activity_id, activity = first("SELECT id, title FROM activity WHERE 1")
        (visit_id,) = first("SELECT id FROM visit WHERE 1")
        loan_id, item_id = first("SELECT id, item_id FROM loan WHERE 1")
        (loan_title,) = conn.execute(
            "SELECT t.title FROM item i JOIN title t ON t.id = i.title_id WHERE i.id = ?",
            (item_id,),
        ).fetchone()
        partner_id, partner = first("SELECT id, name FROM partner WHERE 1")
    finally:
        conn.close()

    assert page.describe("title", title_id) == title
    assert page.describe("activity", activity_id).startswith(f"{activity} (")
    visit = page.describe("visit", visit_id)
    before, after = page_text("Visit on {date}").split("{date}")
    assert visit.startswith(before) and visit.endswith(after)
    assert any(str(year) in visit for year in (TODAY.year - 1, TODAY.year))
    assert page.describe("loan", loan_id).startswith(f"{loan_title}, ")
    assert page.describe("partner", partner_id) == partner
    assert page.describe("library", "x") == LIBRARY_NAME
    gone = "0193a2b4-0000-7000-8000-000000000000"
    assert page.describe("visit", gone) == page_text("record {id} (no longer found)", id=gone[:8])

    # "Open" goes to the record's page, with its form where the page has one.
    ws = workspace(controller)
    page.open_record("activity", activity_id)
    assert ws.current_key() == "kegiatan"
    find_dialog(ws.pages["kegiatan"], ActivityDialog).hide()
    page.open_record("title", title_id)
    assert ws.current_key() == "koleksi"
    find_dialog(ws.pages["koleksi"], TitleDialog).hide()
    page.open_record("visit", visit_id)
    assert ws.current_key() == "bukutamu"


# --- opening a refused record's own form -------------------------------------------------------


def refuse(db: Database, kind: str, record_id: str) -> None:
    """The server refused the record's latest change (as a sync leaves it in the outbox)."""
    from app.db.connection import transaction

    conn = db.connect()
    try:
        with transaction(conn):
            marked = conn.execute(
                "UPDATE outbox SET state = 'rejected', error = 'invalid_record'"
                " WHERE seq = (SELECT max(seq) FROM outbox WHERE table_name = ? AND record_id = ?)",
                (kind, record_id),
            ).rowcount
    finally:
        conn.close()
    assert marked == 1, f"no outbox row for the {kind} {record_id}"


def first_row(db: Database, sql: str, *params: object) -> tuple[object, ...]:
    conn = db.connect()
    try:
        row = conn.execute(sql, params).fetchone()
    finally:
        conn.close()
    assert row is not None, sql
    return tuple(row)


def open_refused(qtbot: QtBot, page: SyncPage, kind: str, record_id: str) -> None:
    """Choose the refused record in the list and press "Open the record"."""
    rows = page.refused_model.rows
    found = [n for n, row in enumerate(rows) if (row.kind, row.record_id) == (kind, record_id)]
    assert len(found) == 1, rows
    page.refused_table.selectRow(found[0])
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)


def shot(dialog: QWidget, name: str) -> None:
    """A picture of the main window with the form over it, for a reviewer (not compared)."""
    folder = Path("/tmp/shots")
    main = dialog.parentWidget()
    if not folder.is_dir() or main is None:
        return
    picture = main.window().grab()
    form = dialog.grab()
    painter = QPainter(picture)
    painter.drawPixmap(
        (picture.width() - form.width()) // 2, (picture.height() - form.height()) // 2, form
    )
    painter.end()
    picture.save(str(folder / name))


def test_a_refused_visit_opens_in_its_form_on_its_day(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    visit_id, guest_name, visited_at = first_row(
        demo_db,
        "SELECT id, guest_name, visited_at FROM visit WHERE kind = 'guest' AND deleted_at IS NULL"
        " AND guest_name IS NOT NULL AND visited_at < ? ORDER BY visited_at DESC LIMIT 1",
        (TODAY - timedelta(days=20)).isoformat(),
    )
    refuse(demo_db, "visit", str(visit_id))
    controller = make_controller()
    page = open_sync_page(qtbot, controller)
    assert page.refused_box.isVisible()

    open_refused(qtbot, page, "visit", str(visit_id))
    ws = workspace(controller)
    assert ws.current_key() == "bukutamu"
    guestbook = ws.pages["bukutamu"]
    assert isinstance(guestbook, GuestbookPage)
    dialog = find_dialog(guestbook, VisitDialog)
    assert dialog.row.id == visit_id
    assert dialog.form.name.text() == guest_name
    # The guest-book shows the visit's day (the library's own), with the visit chosen in it.
    assert controller.context is not None
    zone = ZONES[controller.context.profile.time_zone]
    moment = dialog.row.visited_at
    assert to_db(moment) == visited_at
    assert dialog.time.moment() == moment.replace(microsecond=0)
    assert guestbook.shown_day() == moment.astimezone(zone).date() < TODAY
    assert not guestbook.follow.isChecked()
    selected = guestbook.selected_row()
    assert selected is not None and selected.id == visit_id
    assert any(r.id == visit_id for r in guestbook.model.rows)
    shot(dialog, "refused-open-visit.png")
    dialog.hide()

    # Deleted since (and the deletion refused too): the page opens, with no form, no
    # message box, and the day shown (today, following the clock again) unchanged.
    guestbook.follow.setChecked(True)
    shown = guestbook.shown_day()
    assert shown != moment.astimezone(zone).date()
    guestbook.service.delete(str(visit_id))
    refuse(demo_db, "visit", str(visit_id))
    ws.open_page("sinkronisasi")
    page.refresh()
    open_refused(qtbot, page, "visit", str(visit_id))
    assert ws.current_key() == "bukutamu"
    assert not [d for d in guestbook.findChildren(VisitDialog) if d.isVisible()]
    assert not visible_top_levels(QMessageBox)
    assert guestbook.shown_day() == shown
    assert guestbook.follow.isChecked()


def test_a_refused_copy_opens_in_its_form_among_its_titles_copies(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    item_id, barcode, title = first_row(
        demo_db,
        "SELECT i.id, i.barcode, t.title FROM item i JOIN title t ON t.id = i.title_id"
        " WHERE i.deleted_at IS NULL ORDER BY i.barcode DESC LIMIT 1",
    )
    refuse(demo_db, "item", str(item_id))
    controller = make_controller()
    page = open_sync_page(qtbot, controller)

    open_refused(qtbot, page, "item", str(item_id))
    ws = workspace(controller)
    assert ws.current_key() == "koleksi"
    catalog = ws.pages["koleksi"]
    dialog = find_dialog(catalog, ItemDialog)
    assert dialog.item is not None and dialog.item.id == item_id
    assert dialog.barcode.text() == barcode
    assert dialog.heading.text() == title
    # Behind it, the copy's title with the copy chosen.
    assert isinstance(catalog, CatalogPage)
    assert catalog.detail.title is not None and catalog.detail.title.title == title
    chosen = catalog.detail.selected_item()
    assert chosen is not None and chosen.id == item_id
    shot(dialog, "refused-open-item.png")


def test_a_refused_story_opens_in_its_form(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    story_id, story_title, person = first_row(
        demo_db, "SELECT id, title, person_name FROM story ORDER BY id LIMIT 1"
    )
    refuse(demo_db, "story", str(story_id))
    controller = make_controller()
    page = open_sync_page(qtbot, controller)

    open_refused(qtbot, page, "story", str(story_id))
    ws = workspace(controller)
    assert ws.current_key() == "kisah"
    dialog = find_dialog(ws.pages["kisah"], StoryDialog)
    assert dialog.story is not None and dialog.story.id == story_id
    assert dialog.title.text() == story_title
    assert dialog.person_name.text() == person
    stories = ws.pages["kisah"]
    assert isinstance(stories, StoriesPage)
    chosen = stories.current()
    # The oldest story, at the foot of the list, is the one chosen and shown beside it.
    assert chosen is not None and chosen.id == story_id
    assert stories.table.currentIndex().row() == stories.model.rowCount() - 1
    shot(dialog, "refused-open-story.png")
    dialog.hide()  # not closed: deleting a story form in the whole program crashes (PySide)


def test_a_volunteer_opens_a_refused_copy_on_its_page_without_its_form(
    qtbot: QtBot, make_controller: Callable[[], Controller], demo_db: Database
) -> None:
    (item_id,) = first_row(demo_db, "SELECT id FROM item WHERE deleted_at IS NULL LIMIT 1")
    refuse(demo_db, "item", str(item_id))
    controller = make_controller()
    page = open_sync_page(qtbot, controller, "relawan")

    open_refused(qtbot, page, "item", str(item_id))
    ws = workspace(controller)
    assert ws.current_key() == "koleksi"
    assert not [d for d in ws.pages["koleksi"].findChildren(ItemDialog) if d.isVisible()]
