"""Anggota: register with consent, search as you type, see, renew, export and erase a member.

The page runs in the real program (login included) on a real database. Texts
are compared with what the installed catalogue shows, so the tests hold before
and after the Indonesian translations of the new strings are added.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import types
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Role, UserService
from app.core.members import CONSENT_TEXT, ERASED_NAME, MemberInput, MemberService, MemberView
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.members.form import MemberDialog
from app.ui.members.model import SearchModel
from app.ui.members.page import MembersPage
from tests.conftest import VILLAGE_CODE, LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

ERASE_WARNING = (
    "Their name, address, phone number, date of birth, NIK, photo, parent's or "
    "guardian's name and notes are deleted. Their visits and loans stay in the "
    "statistics without their name. This cannot be undone."
)


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    """What the program shows for an English source text (translated once the catalogue has it)."""
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def person(name: str, phone: str | None = None, **changes: object) -> MemberInput:
    fields: dict[str, object] = {
        "name": name,
        "gender": "P",
        "birth_date": date(1990, 5, 17),
        "village_code": VILLAGE_CODE,
        "phone": phone,
        "address": "Jl. Pemuda No. 5",
        "consent_given": True,
    }
    fields.update(changes)
    return MemberInput(**fields)  # type: ignore[arg-type]


def open_page(qtbot: QtBot, controller: Controller, username: str, password: str) -> MembersPage:
    assert controller.start()
    log_in(qtbot, controller, username, password)
    page = workspace(controller).open_page("anggota")
    assert isinstance(page, MembersPage)
    assert page.isVisible()
    return page


@pytest.fixture
def people(library_db: LibraryDb) -> dict[str, MemberView]:
    service = MemberService(library_db.db, library_db.admin)
    try:
        return {
            "siti": service.register(person("Siti Wahyuningsih", "081234567890")),
            "sitompul": service.register(person("Rudi Sitompul", "085711112222", gender="L")),
            "budi": service.register(person("Budi Santoso", "081399998888", gender="L")),
        }
    finally:
        service.close()


@pytest.fixture
def page(
    qtbot: QtBot,
    library_db: LibraryDb,
    people: dict[str, MemberView],
    make_controller: Callable[[], Controller],
) -> MembersPage:
    return open_page(qtbot, make_controller(), "admin", library_db.admin_password)


def names(model: SearchModel) -> list[str]:
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def member_rows(page: MembersPage) -> list[sqlite3.Row]:
    return list(page.context.conn.execute("SELECT * FROM member ORDER BY member_no"))


def type_search(qtbot: QtBot, page: MembersPage, text: str) -> None:
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, text)


def choose(qtbot: QtBot, page: MembersPage, text: str, name: str) -> None:
    """Search, press Enter: the first member found is shown in the detail panel."""
    type_search(qtbot, page, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.detail.member is not None and page.detail.member.name == name


def button_of(box: QMessageBox, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None
    return found


# --- the list -----------------------------------------------------------------------


def test_search_model_is_a_correct_qt_model(page: MembersPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(page.model)
    assert names(page.model) == ["Budi Santoso", "Rudi Sitompul", "Siti Wahyuningsih"]
    page.model.set_hits([])
    qtmodeltester.check(page.model)
    page.model.set_hits(page.service.search("s"))
    qtmodeltester.check(page.model)
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == shown("Name")
    assert page.model.headerData(0, Qt.Orientation.Vertical) is None


def test_search_as_you_type(qtbot: QtBot, page: MembersPage) -> None:
    assert page.search_edit.hasFocus(), "the search box is ready for typing"
    type_search(qtbot, page, "sit")
    assert page.search_timer.isActive(), "the search waits for a pause in typing"
    qtbot.waitUntil(lambda: names(page.model) == ["Rudi Sitompul", "Siti Wahyuningsih"])
    assert page.count_label.text() == shown("{count} found", "MembersPage", count=2)
    qtbot.keyClicks(page.search_edit, "i w")
    qtbot.waitUntil(lambda: names(page.model) == ["Siti Wahyuningsih"])
    type_search(qtbot, page, "0813")
    qtbot.waitUntil(lambda: names(page.model) == ["Budi Santoso"])
    type_search(qtbot, page, "miroto")
    qtbot.waitUntil(lambda: len(names(page.model)) == 3)
    type_search(qtbot, page, "zzz")
    qtbot.waitUntil(lambda: names(page.model) == [])
    assert page.count_label.text() == shown("No member found", "MembersPage")
    assert page.detail.member is None


def test_enter_or_a_scanned_number_shows_the_member(
    qtbot: QtBot, page: MembersPage, people: dict[str, MemberView]
) -> None:
    number = people["sitompul"].member_no
    choose(qtbot, page, number, "Rudi Sitompul")
    assert page.detail.heading.text() == shown(
        "{name} · {number}", "MemberDetail", name="Rudi Sitompul", number=number
    )
    assert page.detail.fields["phone"].text() == "085711112222"
    assert "Admin Perpustakaan" in page.detail.fields["consent"].text()
    choose(qtbot, page, number.replace("-", ""), "Rudi Sitompul")  # a scanner without the dash
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.hasFocus()


# --- registering --------------------------------------------------------------------


def test_register_refuses_bad_input_then_saves(qtbot: QtBot, page: MembersPage) -> None:
    before = member_rows(page)
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, MemberDialog)
    assert dialog.consent_text.text() == shown(CONSENT_TEXT)
    assert "never sent to the national server" in CONSENT_TEXT
    assert dialog.member_no.placeholderText().endswith(page.service.next_member_no())

    click_save(qtbot, dialog)  # nothing filled in
    assert dialog.isVisible()
    assert dialog.error.text() == shown(
        "The member must agree to how their data are kept before they can be saved."
    )
    assert dialog.focusWidget() is dialog.consent

    qtbot.keyClicks(dialog.name, "Aisyah Putri")
    dialog.gender.setCurrentIndex(dialog.gender.findData("P"))
    ten_years_ago = date.today() - timedelta(days=365 * 10 + 10)
    dialog.birth_date.setDate(QDate(ten_years_ago.year, ten_years_ago.month, ten_years_ago.day))
    assert dialog.age_label.text().startswith("10 ")
    assert shown("Child (0–12)") in dialog.age_label.text()
    assert dialog.guardian_box.isVisible(), "a child's form asks for a guardian"
    dialog.consent.setFocus()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    assert dialog.consent.isChecked()
    click_save(qtbot, dialog)
    assert dialog.error.text() == shown(
        "A member under 18 needs the name and the consent of a parent or guardian."
    )
    assert dialog.focusWidget() is dialog.guardian_name

    qtbot.keyClicks(dialog.guardian_name, "Bambang Pratama")
    dialog.guardian_consent.setFocus()
    qtbot.keyClick(dialog.guardian_consent, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.phone, "0812")
    click_save(qtbot, dialog)
    assert dialog.error.text() == shown(
        "The phone number {phone} is not valid. Type it like 081234567890.", phone="0812"
    )
    assert dialog.focusWidget() is dialog.phone
    assert member_rows(page) == before, "a refused form wrote something"

    qtbot.keyClicks(dialog.phone, "-5555-1234")
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        click_save(qtbot, dialog)
    assert changed.args == ["member"]
    assert not dialog.isVisible()
    rows = member_rows(page)
    assert len(rows) == len(before) + 1
    saved = next(row for row in rows if row["name"] == "Aisyah Putri")
    assert saved["phone"] == "081255551234"
    assert saved["guardian_name"] == "Bambang Pratama"
    assert saved["guardian_consent_at"] is not None
    assert saved["village_name"] == "Miroto"
    assert saved["consent_by"] == page.context.user.id
    assert page.detail.member is not None and page.detail.member.name == "Aisyah Putri"
    assert names(page.model)[0] == "Aisyah Putri", "the newest member comes first"
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [0]


def test_an_adult_form_hides_the_guardian(qtbot: QtBot, page: MembersPage) -> None:
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, MemberDialog)
    dialog.birth_date.setDate(QDate(1980, 1, 1))
    assert not dialog.guardian_box.isVisible()
    assert shown("Adult (18–59)") in dialog.age_label.text()
    dialog.member_type.setCurrentIndex(dialog.member_type.findData("anak"))
    dialog.birth_date.setDate(dialog.birth_date.minimumDate())  # birth date not known
    assert dialog.age_label.text() == ""
    assert dialog.guardian_box.isVisible(), "a child member without birth date needs a guardian"


def test_edit_changes_the_member(
    qtbot: QtBot, page: MembersPage, people: dict[str, MemberView]
) -> None:
    choose(qtbot, page, "budi", "Budi Santoso")
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, MemberDialog)
    assert dialog.name.text() == "Budi Santoso"
    assert dialog.consent.isChecked()
    assert dialog.consent_note.isVisibleTo(dialog)
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "085700001111")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.detail.fields["phone"].text() == "085700001111"
    row = next(r for r in member_rows(page) if r["id"] == people["budi"].id)
    assert (row["phone"], row["version"]) == ("085700001111", 2)


# --- the detail panel's actions -----------------------------------------------------


def test_erase_asks_then_erases_for_good(
    qtbot: QtBot, page: MembersPage, people: dict[str, MemberView]
) -> None:
    siti = people["siti"]
    choose(qtbot, page, "siti", "Siti Wahyuningsih")
    qtbot.mouseClick(page.detail.erase_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    assert box.text() == shown(
        "Erase all personal data of {name} ({number})?",
        "MemberDetail",
        name="Siti Wahyuningsih",
        number=siti.member_no,
    )
    assert box.informativeText() == shown(ERASE_WARNING, "MemberDetail")
    assert "cannot be undone" in ERASE_WARNING
    assert box.defaultButton() is not button_of(box, "eraseConfirmButton")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # changed their mind
    assert not box.isVisible()
    row = next(r for r in member_rows(page) if r["id"] == siti.id)
    assert row["name"] == "Siti Wahyuningsih" and row["erased_at"] is None

    qtbot.mouseClick(page.detail.erase_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.mouseClick(button_of(box, "eraseConfirmButton"), Qt.MouseButton.LeftButton)
    row = next(r for r in member_rows(page) if r["id"] == siti.id)
    assert row["name"] == ERASED_NAME
    assert (row["phone"], row["birth_date"], row["address"]) == (None, None, "")
    assert row["erased_at"] is not None
    assert "Siti Wahyuningsih" not in names(page.model)
    assert page.detail.member is not None and page.detail.member.erased
    assert page.detail.fields["status"].text() == shown("Erased", "MemberDetail")
    assert not page.detail.erase_button.isEnabled()
    assert not page.detail.edit_button.isEnabled()
    type_search(qtbot, page, "siti")
    qtbot.waitUntil(lambda: not page.search_timer.isActive())
    assert names(page.model) == []


def test_renew_and_deactivate(
    qtbot: QtBot, page: MembersPage, people: dict[str, MemberView]
) -> None:
    budi = people["budi"]
    choose(qtbot, page, "budi", "Budi Santoso")
    assert budi.expires_on is not None
    with qtbot.waitSignal(page.context.signals.data_changed):
        qtbot.mouseClick(page.detail.renew_button, Qt.MouseButton.LeftButton)
    renewed = page.service.get(budi.id)
    assert renewed.expires_on is not None and renewed.expires_on > budi.expires_on
    assert page.detail.fields["expires"].text().endswith(str(renewed.expires_on.year))
    assert page.detail.active_button.text() == shown("&Deactivate", "MemberDetail")
    qtbot.mouseClick(page.detail.active_button, Qt.MouseButton.LeftButton)
    assert not page.service.get(budi.id).active
    assert page.model.data(page.model.index(0, 4)) == shown("Inactive")
    assert page.detail.active_button.text() == shown("Re&activate", "MemberDetail")
    qtbot.mouseClick(page.detail.active_button, Qt.MouseButton.LeftButton)
    assert page.service.get(budi.id).active


def test_export_writes_the_persons_data(
    qtbot: QtBot, page: MembersPage, tmp_path: Path, people: dict[str, MemberView]
) -> None:
    choose(qtbot, page, "siti", "Siti Wahyuningsih")
    qtbot.mouseClick(page.detail.export_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, QFileDialog)
    target = tmp_path / "siti.json"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists)
    data = json.loads(target.read_text("utf-8"))
    assert data["member"]["name"] == "Siti Wahyuningsih"
    assert data["member"]["phone"] == "081234567890"
    assert data["purpose_and_retention"] == shown(CONSENT_TEXT)
    assert str(target) in page.detail.message.text()


# --- roles and the other modules ----------------------------------------------------


def test_a_volunteer_may_register_and_renew_only(
    qtbot: QtBot,
    library_db: LibraryDb,
    people: dict[str, MemberView],
    make_controller: Callable[[], Controller],
) -> None:
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()
    page = open_page(qtbot, make_controller(), "relawan", "relawan123")
    choose(qtbot, page, "budi", "Budi Santoso")
    assert page.register_button.isEnabled()
    assert page.detail.renew_button.isEnabled()
    for button in ("edit_button", "active_button", "export_button", "erase_button"):
        assert not getattr(page.detail, button).isEnabled(), button


@pytest.fixture
def fake_modules(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QWidget, AppContext, object]]:
    """The import dialog and card printer, written elsewhere, stand-ins that record calls."""
    calls: list[tuple[str, QWidget, AppContext, object]] = []
    importer = types.ModuleType("app.ui.members.import_dialog")
    importer.open_import_dialog = lambda parent, context: calls.append(  # type: ignore[attr-defined]
        ("import", parent, context, None)
    )
    cards = types.ModuleType("app.ui.members.cards")
    cards.print_member_cards = lambda parent, context, ids: calls.append(  # type: ignore[attr-defined]
        ("cards", parent, context, ids)
    )
    monkeypatch.setitem(sys.modules, "app.ui.members.import_dialog", importer)
    monkeypatch.setitem(sys.modules, "app.ui.members.cards", cards)
    return calls


def test_import_and_cards_buttons_hand_over(
    qtbot: QtBot,
    page: MembersPage,
    people: dict[str, MemberView],
    fake_modules: list[tuple[str, QWidget, AppContext, object]],
) -> None:
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert fake_modules == [("import", page, page.context, None)]
    page.service.deactivate(people["sitompul"].id)
    page.table.clearSelection()
    qtbot.mouseClick(page.cards_button, Qt.MouseButton.LeftButton)
    everyone = sorted([people["siti"].id, people["budi"].id])
    assert fake_modules[-1][0] == "cards"
    assert sorted(fake_modules[-1][3]) == everyone  # type: ignore[arg-type]
    choose(qtbot, page, "budi", "Budi Santoso")
    qtbot.mouseClick(page.cards_button, Qt.MouseButton.LeftButton)
    assert fake_modules[-1][3] == [people["budi"].id]


def test_a_young_childs_type_follows_the_age_until_chosen(qtbot: QtBot, page: MembersPage) -> None:
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, MemberDialog)
    dialog.birth_date.setDate(QDate(date.today().year - 8, 1, 1))
    assert dialog.member_type.currentData() == "anak"
    dialog.birth_date.setDate(QDate(1985, 1, 1))
    assert dialog.member_type.currentData() == "umum"
    pelajar = dialog.member_type.findData("pelajar")
    dialog.member_type.setCurrentIndex(pelajar)
    dialog.member_type.activated.emit(pelajar)  # what choosing in the list sends
    dialog.birth_date.setDate(QDate(date.today().year - 8, 1, 1))
    assert dialog.member_type.currentData() == "pelajar", "the user's choice stays"


def test_history_follows_visits_recorded_elsewhere(
    qtbot: QtBot, page: MembersPage, library_db: LibraryDb, people: dict[str, MemberView]
) -> None:
    from app.core.clock import utcnow
    from app.db.models import Visit
    from app.db.uow import UnitOfWork

    choose(qtbot, page, "budi", "Budi Santoso")
    assert page.detail.visits.rowCount() == 0
    assert page.detail.tabs.tabText(0) == shown("Visits ({count})", "MemberDetail", count=0)
    with UnitOfWork(library_db.db, library_db.actor) as uow:
        uow.add(
            Visit(
                kind="member",
                visited_at=utcnow(),
                member_id=people["budi"].id,
                gender="L",
                age_band="dewasa",
                purposes=["membaca", "pinjam"],
                count_male=1,
                age_counts={"dewasa": 1},
            )
        )
    page.context.signals.data_changed.emit("visit")  # what the guestbook says after a save
    assert page.detail.visits.rowCount() == 1
    purposes = page.detail.visits.data(page.detail.visits.index(0, 1))
    assert purposes == ", ".join(
        [shown("Reading in the library"), shown("Borrowing or returning books")]
    )
    assert page.detail.tabs.tabText(0) == shown("Visits ({count})", "MemberDetail", count=1)
