"""The first start on an empty data folder: the set-up wizard, then the login, then the workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.core.setup import is_set_up
from app.db.database import Database
from app.ui.app import Controller
from app.ui.wizard import FirstRunWizard
from tests.gui.helpers import REGION_PATH, indonesian, log_in, workspace

LIBRARY = "Perpustakaan Desa Miroto"
VILLAGE = "33.74.01.1001"
PASSWORD = "rahasia123"


def library_created(data_dir: Path) -> bool:
    db = Database(data_dir)
    try:
        return is_set_up(db)
    finally:
        db.dispose()


def page_error(page: QWidget) -> QLabel:
    label = page.findChild(QLabel, "pageError")
    assert label is not None
    return label


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def test_first_run_creates_the_library_and_its_administrator(
    qtbot: QtBot, make_controller: Callable[[], Controller], data_dir: Path
) -> None:
    controller = make_controller()
    assert controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    assert wizard.isVisible()
    assert not controller.window.isVisible()
    next_button = QWizard.WizardButton.NextButton

    # 1. Language: Indonesian is the default.
    assert wizard.currentPage() is wizard.p_language
    assert wizard.language.currentData() == "id"
    assert wizard.button(next_button).text() == indonesian("&Next >", "FirstRunWizard")
    click(qtbot, wizard, next_button)

    # 2. The library, first without a name.
    assert wizard.currentPage() is wizard.p_library
    click(qtbot, wizard, next_button)
    assert wizard.currentPage() is wizard.p_library
    error = page_error(wizard.p_library)
    assert error.isVisible()
    assert error.text() == indonesian("Fill in the library's name.")
    assert not library_created(data_dir)
    type_into(qtbot, wizard.name, LIBRARY)
    qtbot.keyClicks(wizard.address, "Jl. Pemuda No. 1")
    click(qtbot, wizard, next_button)
    assert not error.isVisible()

    # 3. The region: the cascade of official regions, picked level by level.
    assert wizard.currentPage() is wizard.p_region
    parts = VILLAGE.split(".")
    for depth, box in enumerate(wizard.region_boxes, start=1):
        index = box.findData(".".join(parts[:depth]))
        assert index > 0, f"region level {depth} does not offer {'.'.join(parts[:depth])}"
        box.setCurrentIndex(index)
    assert wizard.region_code() == VILLAGE
    click(qtbot, wizard, next_button)

    # 4. Signatures.
    assert wizard.currentPage() is wizard.p_people
    qtbot.keyClicks(wizard.head_name, "Sri Wahyuni")
    qtbot.keyClicks(wizard.village_head_name, "Joko Santoso")
    click(qtbot, wizard, next_button)

    # 5. The administrator: passwords that differ, then a short one, then a good one.
    assert wizard.currentPage() is wizard.p_admin
    finish = QWizard.WizardButton.FinishButton
    qtbot.keyClicks(wizard.full_name, "Admin Perpustakaan")
    qtbot.keyClicks(wizard.username, "admin")
    type_into(qtbot, wizard.password, PASSWORD)
    type_into(qtbot, wizard.password_repeat, PASSWORD + "x")
    click(qtbot, wizard, finish)
    error = page_error(wizard.p_admin)
    assert error.isVisible()
    assert error.text() == indonesian("The two passwords are not the same.")
    assert wizard.isVisible()
    assert not library_created(data_dir)

    type_into(qtbot, wizard.password, "pendek")
    type_into(qtbot, wizard.password_repeat, "pendek")
    click(qtbot, wizard, finish)
    assert error.isVisible()
    assert error.text() == indonesian(
        "The password must have at least {count} characters.", count=8
    )
    assert not library_created(data_dir)

    type_into(qtbot, wizard.password, PASSWORD)
    type_into(qtbot, wizard.password_repeat, PASSWORD)
    click(qtbot, wizard, finish)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=15_000)
    assert not error.isVisible()
    assert library_created(data_dir)

    # The login screen names the library.
    login = controller.login
    assert login is not None
    assert controller.window.isVisible()
    assert controller.window.stack.currentWidget() is login
    assert login.title.text() == LIBRARY
    assert login.user_box.currentData() == "admin"

    # A wrong password is refused with a message; the right one opens the workspace.
    log_in(qtbot, controller, "admin", "salah-sekali")
    assert controller.window.stack.currentWidget() is login
    assert login.error.isVisible()
    assert login.error.text() == indonesian("Wrong username or password.")

    log_in(qtbot, controller, "admin", PASSWORD)
    ws = workspace(controller)
    assert ws.sidebar.isVisible()
    assert ws.current_key() == "beranda"
    home = ws.pages["beranda"]
    assert home.isVisible()
    assert home.title.text() == LIBRARY  # type: ignore[attr-defined]
    assert home.region.text() == REGION_PATH  # type: ignore[attr-defined]
    assert ws.library_label.text() == LIBRARY


def test_cancelled_wizard_writes_nothing(
    qtbot: QtBot, make_controller: Callable[[], Controller], data_dir: Path
) -> None:
    """Filling the pages writes nothing until Finish: the wizard checks, the task writes."""
    controller = make_controller()
    assert controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    qtbot.keyClicks(wizard.name, LIBRARY)
    wizard.select_region(VILLAGE)
    qtbot.keyClicks(wizard.head_name, "Sri Wahyuni")
    qtbot.keyClicks(wizard.village_head_name, "Joko Santoso")
    for _ in range(4):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.p_admin
    assert not library_created(data_dir)
    assert not (data_dir / "perpusdesa.sqlite3").exists()


def test_region_not_chosen_asks_for_the_village(
    qtbot: QtBot, make_controller: Callable[[], Controller], data_dir: Path
) -> None:
    """Next on the region page with nothing chosen: 'choose the village', not 'region  unknown'."""
    controller = make_controller()
    assert controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    qtbot.keyClicks(wizard.name, LIBRARY)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.p_region
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.p_region
    error = page_error(wizard.p_region)
    assert error.isVisible()
    assert error.text() == indonesian("Choose the village.")
    # Half a cascade (province only) asks for the village too.
    box = wizard.region_boxes[0]
    box.setCurrentIndex(box.findData("33"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.p_region
    assert error.text() == indonesian("Choose the village.")
    assert not library_created(data_dir)
