"""The member import dialog: pick a file, read the report, import, skip bad rows, confirm consent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.member_import import TEMPLATE_COLUMNS
from app.ui.context import AppContext
from app.ui.members.import_dialog import ImportDialog, open_import_dialog
from app.ui.tasks import Task
from tests.conftest import LibraryDb

DATA = Path(__file__).resolve().parents[1] / "data"
WAIT = 20_000
GOOD = "Siti Aminah,P,1988-03-14,ya"


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


def members_in_db(context: AppContext) -> list[str]:
    return [row[0] for row in context.conn.execute("SELECT name FROM member ORDER BY name")]


def csv_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "anggota.csv"
    lines = ["nama,jenis_kelamin,tanggal_lahir,persetujuan", *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def checked(qtbot: QtBot, parent: QWidget, context: AppContext, path: Path) -> ImportDialog:
    dialog = open_import_dialog(parent, context, path)
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None or dialog.error.isVisible(), timeout=WAIT)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def table_rows(dialog: ImportDialog) -> list[tuple[object, ...]]:
    model = dialog.model
    return [
        tuple(model.data(model.index(row, column)) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_picking_a_good_file_and_importing_it(
    qtbot: QtBot,
    parent: QWidget,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def pick(*args: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(DATA / "anggota-template.csv"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    dialog = open_import_dialog(parent, context)
    assert asked == ["Choose the file of members"]
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.summary.text() == "Rows in the file: 4. Every one can be imported."
    assert "PerpusDesa member template" in dialog.file_label.text()
    assert not dialog.table.isVisible()  # no problems to list
    assert not dialog.skip_button.isVisible()
    assert not dialog.consent.isVisible()
    assert dialog.import_button.text() == "&Import 4 members"
    changed: list[str] = []
    context.signals.data_changed.connect(changed.append)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    assert dialog.done_label.text() == "Members imported: 4."
    assert changed == ["member"]  # the members page and the home page refresh
    assert members_in_db(context) == ["Ahmad Fauzi", "Budi Santoso", "Dewi Lestari", "Siti Aminah"]
    assert not dialog.import_button.isVisible()
    assert dialog.cancel_button.text() == "&Close"
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()


def test_choosing_no_file_opens_nothing(
    parent: QWidget, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    assert open_import_dialog(parent, context) is None
    assert parent.findChildren(ImportDialog) == []


def test_bad_rows_are_listed_and_can_be_skipped(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path, GOOD, "Budi,X,1980-01-01,ya", "Dimas,L,2016-07-01,ya", GOOD.replace("Siti", "Sri")
    )
    dialog = checked(qtbot, parent, context, path)
    assert dialog.summary.text() == (
        "Rows in the file: 4. Ready to import: 2. With problems: 2. "
        "Correct the file and open it again, or skip the bad rows."
    )
    assert dialog.table.isVisible()
    assert table_rows(dialog) == [
        (3, "jenis_kelamin", "Write L for male or P for female (not X)."),
        (
            4,
            "nama_wali",
            "A member under 18 needs the name and the consent of a parent or guardian.",
        ),
    ]
    assert not dialog.import_button.isVisible()  # not everything is valid
    assert dialog.skip_button.text() == "&Skip the bad rows and import 2"
    click(qtbot, dialog.skip_button)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    assert dialog.done_label.text() == "Members imported: 2. Rows with problems left out: 2."
    assert members_in_db(context) == ["Siti Aminah", "Sri Aminah"]


def test_problem_model_is_a_correct_qt_model(
    qtbot: QtBot,
    parent: QWidget,
    context: AppContext,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    path = csv_file(tmp_path, "Budi,X,31/02/1980,mungkin", GOOD)
    dialog = checked(qtbot, parent, context, path)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 3
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Row",
        "Column",
        "Problem",
    ]
    assert dialog.model.headerData(0, Qt.Orientation.Vertical) is None
    tip = dialog.model.data(dialog.model.index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert tip == "31/02/1980 is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2015-08-17."
    dialog.model.set_report(None)
    qtmodeltester.check(dialog.model)


def test_slims_export_waits_for_the_consent_tick(
    qtbot: QtBot, parent: QWidget, context: AppContext
) -> None:
    dialog = checked(qtbot, parent, context, DATA / "slims-member-export.csv")
    assert "SLiMS member export" in dialog.file_label.text()
    assert dialog.consent_note.isVisible() and dialog.consent.isVisible()
    assert "keeps no record of consent" in dialog.consent_note.text()
    assert not dialog.import_button.isEnabled()
    dialog.consent.click()
    assert dialog.import_button.isEnabled()
    dialog.consent.click()
    assert not dialog.import_button.isEnabled()
    assert members_in_db(context) == []
    dialog.consent.click()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(dialog.done_label.isVisible, timeout=WAIT)
    assert members_in_db(context) == ["Agus Salim", "Hendra Gunawan", "Rina Kurniasih"]


def test_a_malformed_file_is_refused_with_a_message(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "buku.csv"
    path.write_text("isbn,judul\n978602,Laskar Pelangi\n", encoding="utf-8")
    dialog = checked(qtbot, parent, context, path)
    assert dialog.report is None
    assert "does not have the columns of the PerpusDesa member template" in dialog.error.text()
    assert not dialog.import_button.isVisible() and not dialog.skip_button.isVisible()
    assert dialog.cancel_button.isEnabled()
    assert members_in_db(context) == []


def test_a_template_without_members(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "kosong.csv"
    path.write_text(",".join(TEMPLATE_COLUMNS) + "\n", encoding="utf-8")
    dialog = checked(qtbot, parent, context, path)
    assert dialog.error.text() == "kosong.csv has a header row but no members under it."


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot, parent: QWidget, context: AppContext, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, *(GOOD.replace("Siti", f"Siti {n}") for n in range(30)))
    dialog = checked(qtbot, parent, context, path)
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
    assert dialog.error.text() == "Stopped. Nothing was imported."
    assert members_in_db(context) == []
    assert dialog.import_button.isEnabled()  # the librarian may still import
    del blocker
