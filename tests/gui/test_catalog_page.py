"""Koleksi: search as you type, catalogue titles and copies, duplicates, roles, keyboard.

The page runs on a real database with a few titles catalogued through the
service. Texts are compared with what the program shows for the English
source (translated once the catalogue has them), so the tests hold before and
after the Indonesian translations are added.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.auth import Role, User, UserService
from app.core.catalog import CatalogService, ItemInput, TitleInput, TitleView
from app.core.circulation import CirculationService
from app.core.members import MemberInput, MemberService
from app.ui.app import Controller
from app.ui.catalog.format import CODE_LISTS
from app.ui.catalog.item_dialog import ItemDialog
from app.ui.catalog.model import TitleModel
from app.ui.catalog.page import CatalogPage
from app.ui.catalog.title_form import TitleDialog
from app.ui.context import AppContext
from app.ui.pages import discover
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

RELAWAN_PASSWORD = "relawan123"


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    """What the program shows for an English source text."""
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


@pytest.fixture
def books(library_db: LibraryDb) -> dict[str, TitleView]:
    service = CatalogService(library_db.db, library_db.admin)
    try:
        return {
            "laskar": service.add_title(
                TitleInput(
                    "Laskar Pelangi",
                    authors="Hirata, Andrea",
                    publisher="Bentang Pustaka",
                    place="Yogyakarta",
                    year=2005,
                    isbn="979-3062-79-7",
                    ddc="899.221 3",
                    subjects="Persahabatan; Pendidikan",
                    audience="remaja",
                ),
                copies=2,
            ),
            "fiqih": service.add_title(
                TitleInput(
                    "Fiqih Sholat Lengkap",
                    authors="Amin, Ahmad",
                    year=2019,
                    ddc="2X4.3",
                    subjects="Salat",
                ),
                copies=1,
            ),
            "cabai": service.add_title(
                TitleInput(
                    "Bercocok Tanam Cabai",
                    authors="Sutrisno",
                    year=2020,
                    ddc="635.6",
                    subjects="Pertanian; Cabai",
                ),
                copies=1,
            ),
        }
    finally:
        service.close()


def make_context(library_db: LibraryDb, user: User) -> AppContext:
    conn = library_db.db.connect()
    return AppContext(db=library_db.db, conn=conn, user=user, profile=library_db.profile)


def make_page(qtbot: QtBot, context: AppContext) -> CatalogPage:
    page = CatalogPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def context(library_db: LibraryDb, books: dict[str, TitleView]) -> Iterator[AppContext]:
    made = make_context(library_db, library_db.admin)
    yield made
    made.conn.close()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> CatalogPage:
    return make_page(qtbot, context)


@pytest.fixture
def volunteer_page(
    qtbot: QtBot, library_db: LibraryDb, books: dict[str, TitleView]
) -> Iterator[CatalogPage]:
    conn = library_db.db.connect()
    try:
        user = UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, RELAWAN_PASSWORD
        )
    finally:
        conn.close()
    made = make_context(library_db, user)
    yield make_page(qtbot, made)
    made.conn.close()


def titles(model: TitleModel) -> list[str]:
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def type_search(qtbot: QtBot, page: CatalogPage, text: str) -> None:
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, text)


def db_rows(page: CatalogPage, sql: str, *params: object) -> list[sqlite3.Row]:
    return list(page.context.conn.execute(sql, params))


def counts(page: CatalogPage) -> tuple[int, int, int]:
    """(titles, copies, outbox rows): what a refused save must leave unchanged."""
    return tuple(  # type: ignore[return-value]
        int(page.context.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        for table in ("title", "item", "outbox")
    )


def choose(qtbot: QtBot, page: CatalogPage, text: str, title: str) -> None:
    """Search, press Enter: the first title found is chosen and shown beside the list."""
    type_search(qtbot, page, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.detail.title is not None and page.detail.title.title == title


def named_button(parent: QWidget, name: str) -> QPushButton:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    return button


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill(qtbot: QtBot, dialog: TitleDialog, **fields: str) -> None:
    widgets = {
        "title": dialog.title_edit,
        "authors": dialog.authors,
        "year": dialog.year,
        "isbn": dialog.isbn,
        "ddc": dialog.ddc,
        "subjects": dialog.subjects,
        "publisher": dialog.publisher,
    }
    for name, text in fields.items():
        widgets[name].clear()
        qtbot.keyClicks(widgets[name], text)


def new_title_dialog(qtbot: QtBot, page: CatalogPage) -> TitleDialog:
    """Ctrl+N, as the librarian presses it."""
    page.window().activateWindow()
    qtbot.waitActive(page.window())
    qtbot.keyClick(page.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    return find_dialog(page, TitleDialog)


# --- the page ----------------------------------------------------------------------------


def test_the_page_is_listed_for_every_role_that_records() -> None:
    spec = next(spec for spec in discover() if spec.key == "koleksi")
    assert spec.order == 30
    assert spec.title() == shown("Collection", "Pages")


def test_the_program_opens_the_page_with_the_search_box_ready(
    qtbot: QtBot,
    library_db: LibraryDb,
    books: dict[str, TitleView],
    make_controller: Callable[[], Controller],
) -> None:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    opened = workspace(controller).open_page("koleksi")
    assert isinstance(opened, CatalogPage)
    assert opened.isVisible()
    assert titles(opened.model) == [
        "Bercocok Tanam Cabai",
        "Fiqih Sholat Lengkap",
        "Laskar Pelangi",
    ]
    qtbot.waitUntil(opened.search_edit.hasFocus)


def test_every_code_has_a_label() -> None:
    for codes, labels in CODE_LISTS:
        assert set(codes) <= set(labels)


def test_models_are_correct_qt_models(
    qtbot: QtBot, page: CatalogPage, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(page.model)
    assert titles(page.model) == ["Bercocok Tanam Cabai", "Fiqih Sholat Lengkap", "Laskar Pelangi"]
    assert page.count_label.text() == shown("The newest titles", "CatalogPage")
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == shown("Available")
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    items = page.detail.item_model
    qtmodeltester.check(items)
    assert [items.data(items.index(row, 5)) for row in range(2)] == [shown("Available")] * 2
    items.set_rows([])
    qtmodeltester.check(items)
    page.model.set_rows([])
    qtmodeltester.check(page.model)


def test_search_as_you_type_by_author_isbn_and_subject(qtbot: QtBot, page: CatalogPage) -> None:
    assert page.search_edit.hasFocus(), "the search box is ready for typing"
    type_search(qtbot, page, "hira")
    assert page.search_timer.isActive(), "the search waits for a pause in typing"
    qtbot.waitUntil(lambda: titles(page.model) == ["Laskar Pelangi"])
    assert page.count_label.text() == shown("{count} found", "CatalogPage", count=1)
    type_search(qtbot, page, "978-979-3062-79-2")
    qtbot.waitUntil(lambda: titles(page.model) == ["Laskar Pelangi"])
    type_search(qtbot, page, "9793062797")  # the ISBN-10 printed on an older book
    qtbot.waitUntil(lambda: titles(page.model) == ["Laskar Pelangi"])
    type_search(qtbot, page, "pertanian")
    qtbot.waitUntil(lambda: titles(page.model) == ["Bercocok Tanam Cabai"])
    type_search(qtbot, page, "sala")
    qtbot.waitUntil(lambda: titles(page.model) == ["Fiqih Sholat Lengkap"])
    type_search(qtbot, page, "zzz tidak ada")
    qtbot.waitUntil(lambda: titles(page.model) == [])
    assert page.count_label.text() == shown("No title found", "CatalogPage")
    page.search_edit.clear()
    assert len(titles(page.model)) == 3


def test_scanning_a_copy_label_finds_its_title_and_copy(
    qtbot: QtBot, page: CatalogPage, books: dict[str, TitleView]
) -> None:
    copy = page.service.items_of(books["fiqih"].id)[0]
    type_search(qtbot, page, copy.barcode.lower())
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert titles(page.model) == ["Fiqih Sholat Lengkap"]
    assert page.count_label.text() == shown(
        "The title of the copy {barcode}", "CatalogPage", barcode=copy.barcode
    )
    chosen = page.detail.selected_item()
    assert chosen is not None and chosen.id == copy.id


def test_enter_moves_into_the_list_and_opens_the_title(qtbot: QtBot, page: CatalogPage) -> None:
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    assert page.table.hasFocus()
    detail = page.detail
    assert detail.values["authors"].text() == "Hirata, Andrea"
    assert detail.values["publication"].text() == "Bentang Pustaka, Yogyakarta, 2005"
    assert detail.values["isbn"].text() == "978-979-3062-79-2"
    assert detail.values["ddc"].text() == "899.221 3"
    assert detail.values["audience"].text() == shown("Teens")
    assert detail.copies_label.text() == shown(
        "Copies: {available} available of {copies}", "TitleDetail", available=2, copies=2
    )
    barcodes = [detail.item_model.item(row).barcode for row in range(2)]
    assert all(code.startswith("B") and len(code) == 7 for code in barcodes)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = find_dialog(page, TitleDialog)
    assert dialog.title_edit.text() == "Laskar Pelangi"
    assert dialog.isbn.text() == "978-979-3062-79-2"
    assert dialog.audience.currentData() == "remaja"
    assert not dialog.title_edit.isReadOnly()


def test_an_invalid_isbn_is_shown_at_its_field_and_nothing_is_written(
    qtbot: QtBot, page: CatalogPage
) -> None:
    before = counts(page)
    dialog = new_title_dialog(qtbot, page)
    fill(qtbot, dialog, title="Buku Baru", isbn="978-602-03-1234-0")
    click_save(qtbot, dialog)
    error = dialog.field_errors["isbn"]
    assert error.isVisible()
    assert error.text() == shown(
        "{isbn} is not a valid ISBN. Check the digits (10 or 13, the last may be X).",
        isbn="978-602-03-1234-0",
    )
    assert dialog.focusWidget() is dialog.isbn
    assert dialog.isVisible()
    assert counts(page) == before
    dialog.title_edit.clear()
    fill(qtbot, dialog, isbn="0306406152")
    click_save(qtbot, dialog)
    assert dialog.field_errors["title"].text() == shown("Fill in the title.")
    assert not dialog.field_errors["isbn"].isVisible()
    assert counts(page) == before


def test_a_new_title_appears_in_the_list_then_its_first_copy(
    qtbot: QtBot, page: CatalogPage
) -> None:
    changed: list[str] = []
    page.context.signals.data_changed.connect(changed.append)
    dialog = new_title_dialog(qtbot, page)
    fill(
        qtbot,
        dialog,
        title="Budidaya Lele di Kolam Terpal",
        authors="Wibowo, Hadi; Sari, Ratna",
        year="2021",
        isbn="0-306-40615-2",
        ddc="639,3",
        subjects="Perikanan; Lele",
    )
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.isbn.setFocus()
    qtbot.keyClick(dialog.isbn, Qt.Key.Key_Tab)  # leaving the field
    assert dialog.isbn.text() == "978-0-306-40615-7", "the ISBN is shown as ISBN-13 at once"
    dialog.audience.setCurrentIndex(dialog.audience.findData("dewasa"))
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    row = db_rows(page, "SELECT * FROM title WHERE title = ?", "Budidaya Lele di Kolam Terpal")
    assert len(row) == 1
    assert row[0]["isbn"] == "9780306406157"
    assert row[0]["ddc"] == "639.3"
    assert row[0]["authors"] == "Wibowo, Hadi; Sari, Ratna"
    assert row[0]["audience"] == "dewasa"
    assert changed == ["title"]
    assert "Budidaya Lele di Kolam Terpal" in titles(page.model)
    assert page.detail.title is not None and page.detail.title.id == row[0]["id"]

    box = find_dialog(page, QMessageBox)
    assert box.objectName() == "firstCopyBox"
    click(qtbot, named_button(box, "firstCopyYes"))
    copy = find_dialog(page, ItemDialog)
    next_code = page.service.next_barcode()
    assert copy.barcode.placeholderText() == shown(
        "Given by the program: {barcode}", "ItemDialog", barcode=next_code
    )
    assert copy.call_number.text() == "639.3 WIB b"
    assert [copy.status.itemData(i) for i in range(copy.status.count())] == [
        "tersedia",
        "hilang",
        "rusak",
        "disiangi",
    ]
    copy.source.setCurrentIndex(copy.source.findData("hibah"))
    click_save(qtbot, copy)
    assert not copy.isVisible()
    items = db_rows(page, "SELECT * FROM item WHERE title_id = ?", row[0]["id"])
    assert [(i["barcode"], i["call_number"], i["source"]) for i in items] == [
        (next_code, "639.3 WIB b", "hibah")
    ]
    assert page.detail.item_model.rowCount() == 1
    chosen = page.model.row_of(row[0]["id"])
    assert chosen is not None
    assert page.model.data(page.model.index(chosen, 4)) == "1 / 1"


def test_a_duplicate_asks_whether_to_add_a_copy_instead(
    qtbot: QtBot, page: CatalogPage, books: dict[str, TitleView]
) -> None:
    before = counts(page)
    dialog = new_title_dialog(qtbot, page)
    fill(qtbot, dialog, title="Laskar Pelangi (cetakan baru)", isbn="9789793062792")
    click_save(qtbot, dialog)
    box = find_dialog(dialog, QMessageBox)
    assert box.objectName() == "duplicateBox"
    assert box.text() == shown(
        "This title is already in the catalogue: {title}", title="Laskar Pelangi"
    )
    assert counts(page) == before, "nothing is written while the question is open"
    click(qtbot, named_button(box, "duplicateAddCopy"))
    copy = find_dialog(page, ItemDialog)
    assert copy.title.id == books["laskar"].id
    click_save(qtbot, copy)
    laskar = books["laskar"].id
    assert len(db_rows(page, "SELECT id FROM item WHERE title_id = ?", laskar)) == 3
    assert counts(page)[0] == before[0], "no second title"
    assert page.detail.title is not None and page.detail.title.id == laskar


def test_a_duplicate_may_be_saved_anyway(qtbot: QtBot, page: CatalogPage) -> None:
    dialog = new_title_dialog(qtbot, page)
    fill(qtbot, dialog, title="Fiqih Sholat Lengkap", authors="Amin, Ahmad", year="2019")
    click_save(qtbot, dialog)
    box = find_dialog(dialog, QMessageBox)
    click(qtbot, named_button(box, "duplicateSaveAnyway"))
    assert not dialog.isVisible()
    found = db_rows(page, "SELECT id FROM title WHERE title = 'Fiqih Sholat Lengkap'")
    assert len(found) == 2
    assert find_dialog(page, QMessageBox).objectName() == "firstCopyBox"


def test_marking_a_copy_lost_and_an_on_loan_copy_keeps_its_status(
    qtbot: QtBot, page: CatalogPage, library_db: LibraryDb
) -> None:
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    items = page.detail.item_model
    first, second = items.item(0), items.item(1)
    member = MemberService(library_db.db, library_db.admin).register(
        MemberInput(name="Siti Aminah", gender="P", birth_date=date(1990, 1, 2), consent_given=True)
    )
    with CirculationService(library_db.db, library_db.admin) as desk:
        desk.lend(member.member_no, first.barcode)
    page.context.signals.data_changed.emit("loan")
    assert items.data(items.index(0, 5)) == shown("On loan")

    page.detail.item_table.setFocus()
    page.detail.item_table.selectRow(0)
    qtbot.keyClick(page.detail.item_table, Qt.Key.Key_Return)
    on_loan = find_dialog(page, ItemDialog)
    assert not on_loan.status.isEnabled()
    assert on_loan.status.currentData() == "dipinjam"
    assert on_loan.status_note.isVisible()
    on_loan.condition.setCurrentIndex(on_loan.condition.findData("buruk"))
    click_save(qtbot, on_loan)
    assert not on_loan.isVisible()
    row = db_rows(page, "SELECT status, condition FROM item WHERE id = ?", first.id)[0]
    assert (row["status"], row["condition"]) == ("dipinjam", "buruk")

    page.detail.item_table.selectRow(items.row_of(second.id) or 0)
    click(qtbot, page.detail.edit_copy_button)
    shelf = find_dialog(page, ItemDialog)
    assert shelf.status.findData("dipinjam") < 0, "on loan comes only from the desk"
    shelf.status.setCurrentIndex(shelf.status.findData("hilang"))
    click_save(qtbot, shelf)
    assert db_rows(page, "SELECT status FROM item WHERE id = ?", second.id)[0][0] == "hilang"
    assert page.detail.copies_label.text() == shown(
        "Copies: {available} available of {copies}", "TitleDetail", available=0, copies=2
    )


def test_a_bad_barcode_is_refused_in_the_copy_form(
    qtbot: QtBot, page: CatalogPage, books: dict[str, TitleView]
) -> None:
    choose(qtbot, page, "cabai", "Bercocok Tanam Cabai")
    taken = page.service.items_of(books["laskar"].id)[0].barcode
    before = counts(page)
    click(qtbot, page.detail.add_copy_button)
    dialog = find_dialog(page, ItemDialog)
    qtbot.keyClicks(dialog.barcode, taken)
    click_save(qtbot, dialog)
    assert dialog.error.text() == shown("The barcode {barcode} is already in use.", barcode=taken)
    assert dialog.focusWidget() is dialog.barcode
    assert counts(page) == before


def test_delete_asks_first_then_deletes_title_and_copies(
    qtbot: QtBot, page: CatalogPage, books: dict[str, TitleView]
) -> None:
    choose(qtbot, page, "cabai", "Bercocok Tanam Cabai")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = find_dialog(page, QMessageBox)
    assert box.text() == shown(
        "Delete {title} from the catalogue, with its copies ({copies})?",
        "CatalogPage",
        title="Bercocok Tanam Cabai",
        copies=1,
    )
    click(qtbot, named_button(box, "deleteCancelButton"))
    cabai = books["cabai"].id
    assert db_rows(page, "SELECT deleted_at FROM title WHERE id = ?", cabai)[0][0] is None

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    click(qtbot, named_button(find_dialog(page, QMessageBox), "deleteConfirmButton"))
    assert db_rows(page, "SELECT deleted_at FROM title WHERE id = ?", cabai)[0][0] is not None
    assert db_rows(page, "SELECT deleted_at FROM item WHERE title_id = ?", cabai)[0][0]
    assert page.detail.title is None
    page.search_edit.clear()
    assert "Bercocok Tanam Cabai" not in titles(page.model)


def test_deleting_one_copy(qtbot: QtBot, page: CatalogPage) -> None:
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    page.detail.item_table.setFocus()
    page.detail.item_table.selectRow(0)
    gone = page.detail.item_model.item(0)
    qtbot.keyClick(page.detail.item_table, Qt.Key.Key_Delete)
    box = find_dialog(page, QMessageBox)
    assert box.text() == shown(
        "Delete the copy {barcode} of {title}?",
        "CatalogPage",
        barcode=gone.barcode,
        title="Laskar Pelangi",
    )
    click(qtbot, named_button(box, "deleteConfirmButton"))
    assert db_rows(page, "SELECT deleted_at FROM item WHERE id = ?", gone.id)[0][0] is not None
    assert page.detail.item_model.rowCount() == 1
    assert page.detail.title is not None and page.detail.title.copies == 1


def test_a_volunteer_adds_but_does_not_change_or_delete(
    qtbot: QtBot, volunteer_page: CatalogPage, books: dict[str, TitleView]
) -> None:
    page = volunteer_page
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    page.detail.item_table.selectRow(0)
    assert page.new_button.isEnabled()
    assert page.detail.add_copy_button.isEnabled()
    assert not page.detail.edit_title_button.isEnabled()
    assert not page.detail.edit_copy_button.isEnabled()
    assert not page.detail.delete_title_button.isVisible()
    assert not page.detail.delete_copy_button.isVisible()
    assert not page.import_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert not [box for box in page.findChildren(QMessageBox) if box.isVisible()]
    laskar = books["laskar"].id
    assert db_rows(page, "SELECT deleted_at FROM title WHERE id = ?", laskar)[0][0] is None
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    shown_only = find_dialog(page, TitleDialog)
    assert shown_only.title_edit.isReadOnly()
    assert shown_only.buttons.button(shown_only.buttons.StandardButton.Save) is None
    shown_only.reject()

    click(qtbot, page.detail.add_copy_button)
    click_save(qtbot, find_dialog(page, ItemDialog))
    assert len(db_rows(page, "SELECT id FROM item WHERE title_id = ?", laskar)) == 3


def test_print_labels_needs_a_chosen_title(qtbot: QtBot, page: CatalogPage) -> None:
    assert not page.labels_button.isEnabled()
    choose(qtbot, page, "laskar", "Laskar Pelangi")
    assert page.labels_button.isEnabled()


def test_the_page_follows_changes_made_elsewhere(page: CatalogPage, library_db: LibraryDb) -> None:
    service = CatalogService(library_db.db, library_db.admin)
    try:
        service.add_title(TitleInput("Kancil dan Buaya", authors="Anonim"), item=ItemInput())
    finally:
        service.close()
    page.context.signals.data_changed.emit("title")
    assert titles(page.model)[0] == "Kancil dan Buaya"
