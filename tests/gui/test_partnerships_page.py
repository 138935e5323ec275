"""Kemitraan: partners, an MoU with its dates, the village budget in Rupiah, refusals, roles.

The page runs on a real database with a real service. Texts are compared with
what the installed catalogue shows (``shown``), so the tests hold before and
after the Indonesian translations of the new strings are added.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Permission, Role, User, UserService
from app.core.partnerships import PartnerInput, PartnershipInput, PartnershipService
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.pages import discover
from app.ui.partnerships.forms import PartnerDialog, PartnershipDialog
from app.ui.partnerships.models import RecordsModel
from app.ui.partnerships.money import parse_rupiah
from app.ui.partnerships.page import PartnershipsPage
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

PUSKESMAS = PartnerInput(
    name="Puskesmas Miroto",
    partner_type="kesehatan",
    contact_person="dr. Ratna",
    phone="0812 3456 7890",
)
PEMDES = PartnerInput(name="Pemerintah Desa Miroto", partner_type="pemerintah_desa")


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    """What the program shows for an English source text (translated once the catalogue has it)."""
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(partners, partnerships, outbox rows)."""
    return (
        conn.execute("SELECT count(*) FROM partner").fetchone()[0],
        conn.execute("SELECT count(*) FROM partnership").fetchone()[0],
        conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
    )


def cells(model: RecordsModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(library_db.db, conn, library_db.admin, library_db.profile)
    conn.close()


def make_page(qtbot: QtBot, context: AppContext) -> PartnershipsPage:
    page = PartnershipsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> Iterator[PartnershipsPage]:
    made = make_page(qtbot, context)
    yield made
    made.service.close()


@pytest.fixture
def puskesmas(library_db: LibraryDb) -> str:
    with PartnershipService(library_db.db, library_db.admin) as service:
        return service.add_partner(PUSKESMAS)


def open_add(qtbot: QtBot, page: PartnershipsPage, tab_index: int, kind: type) -> object:
    page.tabs.setCurrentIndex(tab_index)
    tab = page.tabs.currentWidget()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return find_dialog(page, kind)


# --- the page and its models -----------------------------------------------------------


def test_page_is_listed_for_everyone_and_loaded_only_when_opened() -> None:
    spec = next(s for s in discover() if s.key == "kemitraan")
    assert (spec.order, spec.permission) == (60, Permission.RECORD)
    assert spec.title() == shown("Partnerships", "Pages")
    probe = (
        "import sys, app.ui.pages.kemitraan;"
        "assert 'app.ui.partnerships.page' not in sys.modules;"
        "assert 'app.core.partnerships' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_the_page_opens_in_the_program(
    qtbot: QtBot, library_db: LibraryDb, puskesmas: str, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("kemitraan")
    assert isinstance(page, PartnershipsPage) and page.isVisible()
    try:
        assert cells(page.partners.model, 0) == ["Puskesmas Miroto"]
        assert page.partners.add_button.isVisible()
    finally:
        page.service.close()


def test_models_are_correct_qt_models(
    library_db: LibraryDb, qtbot: QtBot, context: AppContext, qtmodeltester: ModelTester
) -> None:
    with PartnershipService(library_db.db, library_db.admin) as service:
        partner = service.add_partner(PUSKESMAS)
        for data in (
            PartnershipInput(
                kind="pks",
                title="Kelas kesehatan",
                partner_id=partner,
                start_on=date(2020, 1, 1),
                end_on=date(2021, 1, 1),
            ),
            PartnershipInput(
                kind="dukungan",
                title="Hibah buku",
                start_on=date(2026, 3, 2),
                support_type="buku",
                quantity=1200,
            ),
            PartnershipInput(
                kind="regulasi",
                title="Perdes perpustakaan",
                number="5 Tahun 2026",
                start_on=date(2026, 4, 1),
                regulation_type="perdes",
            ),
        ):
            service.add(data)
    page = make_page(qtbot, context)
    try:
        for tab in page.tab_kinds.values():
            assert tab.model.rowCount() == 1
            qtmodeltester.check(tab.model)
        assert cells(page.agreements.model, 6) == [shown("Ended")], "an MoU of 2020 is over"
        assert cells(page.support.model, 4) == ["1.200"]
        assert cells(page.regulations.model, 0) == [shown("Village regulation (Perdes)")]
        page.partners.model.set_rows([])
        qtmodeltester.check(page.partners.model)
    finally:
        page.service.close()


# --- adding ------------------------------------------------------------------------------


def test_a_partner_is_added_through_the_form(qtbot: QtBot, page: PartnershipsPage) -> None:
    before = counts(page.context.conn)
    dialog = open_add(qtbot, page, 0, PartnerDialog)
    assert isinstance(dialog, PartnerDialog)
    qtbot.waitUntil(dialog.name.hasFocus)  # the name is typed first
    qtbot.keyClicks(dialog.name, "Puskesmas Miroto")
    dialog.partner_type.setCurrentIndex(dialog.partner_type.findData("kesehatan"))
    qtbot.keyClicks(dialog.contact_person, "dr. Ratna")
    qtbot.keyClicks(dialog.phone, "0812 3456 7890")
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        click_save(qtbot, dialog)
    assert changed.args == ["partner"]
    assert not dialog.isVisible()
    assert counts(page.context.conn)[:2] == (before[0] + 1, before[1])
    assert cells(page.partners.model, 0) == ["Puskesmas Miroto"]
    assert cells(page.partners.model, 1) == [shown("Health services")]
    assert cells(page.partners.model, 2) == ["dr. Ratna"]
    assert page.partners.selected() is not None, "the new partner is the one chosen"


def test_an_mou_is_kept_with_its_dates(
    qtbot: QtBot, page: PartnershipsPage, puskesmas: str
) -> None:
    dialog = open_add(qtbot, page, 1, PartnershipDialog)
    assert isinstance(dialog, PartnershipDialog)
    assert dialog.kind.currentData() == "mou"
    dialog.partner.setCurrentIndex(dialog.partner.findData(puskesmas))
    qtbot.keyClicks(dialog.title, "Kelas kesehatan keluarga")
    qtbot.keyClicks(dialog.number, "012/MoU/2026")
    today = page.today()
    dialog.start_on.setDate(QDate(today.year - 1, 2, 1))
    dialog.end_on.setDate(QDate(today.year + 1, 1, 31))
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        click_save(qtbot, dialog)
    assert changed.args == ["partnership"]
    row = page.context.conn.execute(
        "SELECT kind, partner_id, number, start_on, end_on FROM partnership"
    ).fetchone()
    assert tuple(row) == (
        "mou",
        puskesmas,
        "012/MoU/2026",
        f"{today.year - 1}-02-01",
        f"{today.year + 1}-01-31",
    )
    assert cells(page.agreements.model, 0) == ["Puskesmas Miroto"]
    assert cells(page.agreements.model, 1) == ["MoU"]
    assert cells(page.agreements.model, 6) == [shown("In force")]


@pytest.mark.parametrize("typed", ["15000000", "15.000.000", "Rp 15.000.000,-"])
def test_the_village_budget_is_shown_in_rupiah_and_in_the_year_total(
    qtbot: QtBot, page: PartnershipsPage, library_db: LibraryDb, typed: str
) -> None:
    today = page.today()
    with PartnershipService(library_db.db, library_db.admin) as service:
        service.add(  # last year's budget: not in this year's total
            PartnershipInput(
                kind="dukungan",
                title="APBDes tahun lalu",
                start_on=date(today.year - 1, 1, 10),
                support_type="apbdes",
                value_rupiah=9_000_000,
            )
        )
    page.refresh()
    dialog = open_add(qtbot, page, 2, PartnershipDialog)
    assert isinstance(dialog, PartnershipDialog) and dialog.support_type is not None
    qtbot.waitUntil(dialog.support_type.hasFocus)
    dialog.support_type.setCurrentIndex(dialog.support_type.findData("apbdes"))
    qtbot.keyClicks(dialog.title, f"Anggaran perpustakaan APBDes {today.year}")
    dialog.value.setFocus()
    qtbot.waitUntil(dialog.value.hasFocus)
    qtbot.keyClicks(dialog.value, typed)
    qtbot.keyClick(dialog.value, Qt.Key.Key_Tab)  # leaving the field
    assert not dialog.value.hasFocus()
    assert dialog.value.text() == "15.000.000", "the amount is shown again with its dots"
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    values = page.context.conn.execute(
        "SELECT value_rupiah FROM partnership WHERE deleted_at IS NULL ORDER BY start_on DESC"
    ).fetchall()
    assert [r[0] for r in values] == [15_000_000, 9_000_000]
    assert cells(page.support.model, 5) == ["Rp 15.000.000", "Rp 9.000.000"]
    total = shown(
        "APBDes {year}: {amount}", "PartnershipsPage", year=today.year, amount="Rp 15.000.000"
    )
    assert page.totals_label.text().startswith(total)
    assert "Rp 24.000.000" not in page.totals_label.text()


def test_a_support_is_changed_from_the_keyboard(
    qtbot: QtBot, page: PartnershipsPage, library_db: LibraryDb
) -> None:
    with PartnershipService(library_db.db, library_db.admin) as service:
        service.add(
            PartnershipInput(
                kind="dukungan",
                title="Hibah buku",
                start_on=page.today(),
                support_type="buku",
                quantity=120,
            )
        )
    page.refresh()
    page.tabs.setCurrentIndex(2)
    page.support.table.setFocus()
    qtbot.waitUntil(page.support.table.hasFocus)
    page.support.table.selectRow(0)
    qtbot.keyClick(page.support.table, Qt.Key.Key_Return)
    dialog = find_dialog(page, PartnershipDialog)
    assert dialog.quantity.value() == 120
    dialog.quantity.setValue(150)
    click_save(qtbot, dialog)
    assert cells(page.support.model, 4) == ["150"]
    assert page.context.conn.execute("SELECT quantity, version FROM partnership").fetchone()[:] == (
        150,
        2,
    )
    assert shown(
        "{label}: {quantity}", "PartnershipsPage", label=shown("Books"), quantity="150"
    ) in (page.totals_label.text())


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5.000.000", "An amount in Rupiah cannot be negative."),
        ("lima juta", "Fill in the amount in Rupiah as a whole number, for example 15.000.000."),
    ],
)
def test_a_bad_amount_is_refused_under_its_field_and_nothing_is_written(
    qtbot: QtBot, page: PartnershipsPage, typed: str, message: str
) -> None:
    before = counts(page.context.conn)
    dialog = open_add(qtbot, page, 2, PartnershipDialog)
    assert isinstance(dialog, PartnershipDialog) and dialog.support_type is not None
    dialog.support_type.setCurrentIndex(dialog.support_type.findData("apbdes"))
    qtbot.keyClicks(dialog.title, "APBDes")
    qtbot.keyClicks(dialog.value, typed)
    with qtbot.assertNotEmitted(page.context.signals.data_changed):
        click_save(qtbot, dialog)
    assert dialog.isVisible(), "the form stays open to be put right"
    error = dialog.errors["value_rupiah"]
    assert error.isVisible() and error.text() == shown(message)
    qtbot.waitUntil(dialog.value.hasFocus)
    assert not dialog.error.isVisible()
    assert counts(page.context.conn) == before
    assert page.support.model.rowCount() == 0


def test_an_end_before_the_start_is_refused(
    qtbot: QtBot, page: PartnershipsPage, puskesmas: str
) -> None:
    before = counts(page.context.conn)
    dialog = open_add(qtbot, page, 1, PartnershipDialog)
    assert isinstance(dialog, PartnershipDialog)
    dialog.partner.setCurrentIndex(dialog.partner.findData(puskesmas))
    qtbot.keyClicks(dialog.title, "MoU kesehatan")
    dialog.start_on.setDate(QDate(2026, 3, 1))
    dialog.end_on.setDate(QDate(2026, 2, 28))
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["end_on"].text() == shown("The end date lies before the start date.")
    assert dialog.errors["end_on"].isVisible()
    qtbot.waitUntil(dialog.end_on.hasFocus)
    assert [f for f, label in dialog.errors.items() if label.isVisible()] == ["end_on"]
    assert counts(page.context.conn) == before
    dialog.end_on.setDate(QDate(2027, 2, 28))
    click_save(qtbot, dialog)
    assert not dialog.isVisible(), "put right, it is saved"
    assert counts(page.context.conn)[1] == before[1] + 1


def test_a_partner_named_in_an_agreement_is_not_deleted(
    qtbot: QtBot, page: PartnershipsPage, library_db: LibraryDb, puskesmas: str
) -> None:
    with PartnershipService(library_db.db, library_db.admin) as service:
        other = service.add_partner(PEMDES)
        service.add(
            PartnershipInput(
                kind="mou", title="MoU kesehatan", partner_id=puskesmas, start_on=date(2026, 1, 1)
            )
        )
    page.refresh()
    before = counts(page.context.conn)
    page.partners.select(puskesmas)
    qtbot.mouseClick(page.partners.delete_button, Qt.MouseButton.LeftButton)
    refusal = find_dialog(page, QMessageBox)
    assert refusal.text() == shown(
        "{name} is named in {count} agreements or supports: delete those first.",
        name="Puskesmas Miroto",
        count=1,
    )
    refusal.accept()
    assert counts(page.context.conn) == before
    assert page.partners.model.row_of(puskesmas) is not None

    page.partners.select(other)
    page.partners.table.setFocus()
    qtbot.waitUntil(page.partners.table.hasFocus)
    qtbot.keyClick(page.partners.table, Qt.Key.Key_Delete)
    question = find_dialog(page, QMessageBox)
    assert question.objectName() == "confirmDelete"
    assert "Pemerintah Desa Miroto" in question.text()
    yes = question.button(QMessageBox.StandardButton.Yes)
    assert isinstance(yes, QPushButton)
    with qtbot.waitSignal(page.context.signals.data_changed) as changed:
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert changed.args == ["partner"]
    deleted = page.context.conn.execute(
        "SELECT deleted_at IS NOT NULL FROM partner WHERE id = ?", (other,)
    ).fetchone()[0]
    assert deleted == 1
    assert cells(page.partners.model, 0) == ["Puskesmas Miroto"]


# --- roles ---------------------------------------------------------------------------------


def test_a_volunteer_sees_the_lists_but_no_buttons_that_write(
    qtbot: QtBot, library_db: LibraryDb, puskesmas: str
) -> None:
    conn = library_db.db.connect()
    relawan: User = UserService(conn).create_user(
        library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
    )
    context = AppContext(library_db.db, conn, relawan, library_db.profile)
    page = make_page(qtbot, context)
    try:
        assert cells(page.partners.model, 0) == ["Puskesmas Miroto"]
        assert page.read_only_note.isVisible()
        for tab in page.tab_kinds.values():
            page.tabs.setCurrentWidget(tab)
            assert tab.table.isVisible()
            for button in (tab.add_button, tab.edit_button, tab.delete_button):
                assert not button.isVisible(), button.objectName()
        page.tabs.setCurrentIndex(0)
        page.partners.table.setFocus()
        qtbot.waitUntil(page.partners.table.hasFocus)
        page.partners.select(puskesmas)
        qtbot.keyClick(page.partners.table, Qt.Key.Key_Return)
        qtbot.keyClick(page.partners.table, Qt.Key.Key_Delete)
        assert not page.findChildren(PartnerDialog), "Enter opens no form for a volunteer"
        assert not [m for m in page.findChildren(QMessageBox) if m.isVisible()]
        context.set_user(library_db.admin)
        assert page.partners.add_button.isVisible(), "a manager logging in gets the buttons"
        assert not page.read_only_note.isVisible()
    finally:
        page.service.close()
        conn.close()


# --- typing amounts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("15.000.000", 15_000_000),
        ("15000000", 15_000_000),
        ("Rp 15.000.000", 15_000_000),
        ("Rp15.000.000,-", 15_000_000),
        ("1.234.567,00", 1_234_567),
        ("-5.000", -5_000),
        ("  ", None),
    ],
)
def test_amounts_are_read_as_indonesians_write_them(typed: str, amount: int | None) -> None:
    assert parse_rupiah(typed) == amount


@pytest.mark.parametrize("typed", ["lima juta", "15,5", "1..000", ".500", "500.", "-"])
def test_what_is_not_an_amount_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_rupiah(typed)
