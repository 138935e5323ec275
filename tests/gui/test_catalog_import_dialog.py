"""The catalogue import dialog: pick a MARC file, read the plan, import, read the report.

Files are built by the tests with pymarc. A malformed file is refused with a
clear message, and a cancelled import writes nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pymarc import Field, Indicators, Record, Subfield
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.core.auth import Role, UserService
from app.core.catalog_import import FileKind, template_path
from app.ui.catalog.import_dialog import CatalogImportDialog, open_import_dialog
from app.ui.catalog.page import CatalogPage
from app.ui.context import AppContext
from app.ui.tasks import Task
from tests.conftest import LibraryDb
from tests.gui.helpers import find_dialog

WAIT = 20_000
SLIMS_CSV = Path(__file__).resolve().parents[1] / "data" / "catalog" / "slims_biblio.csv"


def shown(source: str, context: str = "PerpusDesa", **params: object) -> str:
    text = QCoreApplication.translate(context, source)
    return text.format(**params) if params else text


def book(title: str | None, *, author: str = "Siti Aminah", isbn: str | None = None) -> Record:
    record = Record(leader="00000nam a2200000   4500")
    if isbn:
        record.add_field(
            Field(tag="020", indicators=Indicators(" ", " "), subfields=[Subfield("a", isbn)])
        )
    record.add_field(
        Field(tag="082", indicators=Indicators(" ", " "), subfields=[Subfield("a", "297.3")])
    )
    record.add_field(
        Field(tag="100", indicators=Indicators("0", " "), subfields=[Subfield("a", author + ",")])
    )
    if title is not None:
        record.add_field(
            Field(
                tag="245",
                indicators=Indicators("1", "0"),
                subfields=[Subfield("a", title + " /"), Subfield("c", author)],
            )
        )
    record.add_field(
        Field(
            tag="260",
            indicators=Indicators(" ", " "),
            subfields=[
                Subfield("a", "Jakarta :"),
                Subfield("b", "Gema Insani,"),
                Subfield("c", "2019."),
            ],
        )
    )
    return record


def marc_file(tmp_path: Path, *records: Record) -> Path:
    path = tmp_path / "kiriman-perpusnas.mrc"
    path.write_bytes(b"".join(record.as_marc() for record in records))
    return path


def small_file(tmp_path: Path) -> Path:
    """Two books, the first one again (a second copy), and a record without a title."""
    return marc_file(
        tmp_path,
        book("Tuntunan Shalat", isbn="0306406152"),
        book("Kisah Para Nabi", author="Ahmad Fauzi"),
        book("Tuntunan Shalat", isbn="978-0-306-40615-7"),
        book(None, author="Tanpa Judul"),
    )


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(db=library_db.db, conn=conn, user=library_db.admin, profile=library_db.profile)
    conn.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(context: AppContext, sql: str) -> list[sqlite3.Row]:
    return list(context.conn.execute(sql))


def nothing_written(context: AppContext) -> bool:
    counts = [rows(context, f"SELECT count(*) FROM {table}")[0][0] for table in ("title", "item")]
    return counts == [0, 0]


def checked(qtbot: QtBot, parent: QWidget, context: AppContext, path: Path) -> CatalogImportDialog:
    dialog = open_import_dialog(parent, context, path)
    assert isinstance(dialog, CatalogImportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None or dialog.error.isVisible(), timeout=WAIT)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def table_rows(dialog: CatalogImportDialog) -> list[tuple[object, ...]]:
    model = dialog.model
    return [
        tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_every_kind_is_offered_and_guessed_from_the_extension(
    parent: QWidget, context: AppContext
) -> None:
    dialog = CatalogImportDialog(context, None, parent)
    offered = [dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())]
    assert offered == [kind.value for kind in FileKind]
    assert all(dialog.kind_box.itemText(i) for i in range(dialog.kind_box.count()))
    guesses = {
        Path("/tmp/kiriman.MRC"): "marc",
        Path("/tmp/inlislite.xml"): "marcxml",
        SLIMS_CSV: "slims-csv",
        template_path("csv"): "template",
        template_path("xlsx"): "template",
    }
    for path, kind in guesses.items():
        dialog.set_path(path)
        assert dialog.kind_box.currentData() == kind, path
    assert not dialog.import_button.isVisible()


def test_a_marc_file_shows_the_plan_then_the_report(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    dialog = checked(qtbot, parent, context, small_file(tmp_path))
    assert dialog.kind_box.currentData() == "marc"
    assert dialog.summary.text() == shown(
        "Records in the file: {total}. To import: {good}. Duplicates to merge: {duplicates}."
        " Skipped: {skipped}.",
        "CatalogImportDialog",
        total=4,
        good=3,
        duplicates=1,
        skipped=1,
    )
    qtmodeltester.check(dialog.model)
    assert table_rows(dialog) == [
        (
            3,
            "Tuntunan Shalat",
            shown("Merge"),
            shown("the same book as record {number}", number=1),
        ),
        (4, "", shown("Skip"), shown("no title (field 245 $a)")),
    ]
    assert nothing_written(context), "checking writes nothing"
    assert dialog.import_button.text() == shown(
        "&Import {count} records", "CatalogImportDialog", count=3
    )
    with qtbot.waitSignal(context.signals.data_changed, timeout=WAIT) as changed:
        click(qtbot, dialog.import_button)
    assert changed.args == ["title"]
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.summary.text() == shown(
        "Imported: {imported} new titles. Merged as duplicates: {merged}. Copies added:"
        " {copies}. Skipped: {skipped}.",
        "CatalogImportDialog",
        imported=2,
        merged=1,
        copies=3,
        skipped=1,
    )
    assert dialog.report_lines.isVisible()
    assert dialog.report_lines.toPlainText().splitlines() == [
        shown(
            "Record {number}: skipped: {reason}",
            number=4,
            reason=shown("no title (field 245 $a)"),
        )
    ]
    found = rows(context, "SELECT title, isbn, marc_raw IS NOT NULL FROM title ORDER BY title")
    assert [tuple(row) for row in found] == [
        ("Kisah Para Nabi", None, 1),
        ("Tuntunan Shalat", "9780306406157", 1),
    ]
    assert rows(context, "SELECT count(*) FROM item WHERE source = 'perpusnas'")[0][0] == 3
    assert not dialog.import_button.isVisible()
    assert dialog.close_button.text() == shown("&Close", "CatalogImportDialog")
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_the_import_button_of_the_page_and_the_titles_appear(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    page = CatalogPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    click(qtbot, page.import_button)
    dialog = find_dialog(page, CatalogImportDialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT)
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("hibah"))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    names = [page.model.hit(row).title for row in range(page.model.rowCount())]
    assert sorted(names) == ["Kisah Para Nabi", "Tuntunan Shalat"]
    assert rows(context, "SELECT DISTINCT source FROM item")[0][0] == "hibah"


def test_a_malformed_file_is_refused_and_nothing_written(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "rusak.mrc"
    path.write_bytes(b"Ini bukan berkas MARC, hanya catatan biasa.\n" * 3)
    dialog = checked(qtbot, parent, context, path)
    assert dialog.error.text() == shown(
        "The file {file} is not a MARC 21 (ISO 2709) file. Choose a .mrc file, or MARCXML"
        " for an .xml file.",
        file="rusak.mrc",
    )
    assert dialog.plan is None
    assert not dialog.import_button.isVisible()
    assert nothing_written(context)
    # A cut file: the first record is incomplete.
    good = book("Tuntunan Shalat").as_marc()
    path.write_bytes(good[: len(good) // 2])
    click(qtbot, dialog.check_button)
    qtbot.waitUntil(
        lambda: (
            dialog.error.text()
            == shown(
                "The file {file} is cut short: its first record is incomplete. Export or copy it"
                " again.",
                file="rusak.mrc",
            )
        ),
        timeout=WAIT,
    )
    assert nothing_written(context)


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    dialog = checked(qtbot, parent, context, small_file(tmp_path))
    # Hold the database worker so the import waits in line, then press Cancel
    # on the progress dialog as the librarian would.
    gate = threading.Event()
    blocker = Task(parent, lambda _progress: gate.wait(WAIT / 1000)).run()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(
        lambda: any(p.isVisible() for p in dialog.findChildren(QProgressDialog)), timeout=WAIT
    )
    progress = next(p for p in dialog.findChildren(QProgressDialog) if p.isVisible())
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert dialog.error.text() == shown("Stopped. Nothing was imported.", "CatalogImportDialog")
    assert nothing_written(context)
    assert dialog.import_button.isEnabled(), "the librarian may still import"
    del blocker


def test_escape_while_importing_stops_and_closes_with_nothing_written(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    dialog = checked(qtbot, parent, context, small_file(tmp_path))
    gate = threading.Event()
    blocker = Task(parent, lambda _progress: gate.wait(WAIT / 1000)).run()
    click(qtbot, dialog.import_button)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "the dialog waits for the job to stop"
    gate.set()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    assert nothing_written(context)
    del blocker


def test_a_volunteer_sees_the_plan_but_cannot_import(
    qtbot: QtBot, parent: QWidget, library_db: LibraryDb, tmp_path: Path
) -> None:
    conn = library_db.db.connect()
    try:
        user = UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
        )
        context = AppContext(db=library_db.db, conn=conn, user=user, profile=library_db.profile)
        dialog = checked(qtbot, parent, context, small_file(tmp_path))
        assert not dialog.import_button.isEnabled()
        assert dialog.error.text() == shown(
            "Only a manager or an administrator can import the catalogue.", "CatalogImportDialog"
        )
    finally:
        conn.close()
