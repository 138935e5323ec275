"""Pengaturan: idle lock, the library's name, the language."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.core.library import read_profile
from app.core.settings import Settings
from app.ui.app import Controller
from app.ui.settings.page import SettingsPage
from tests.conftest import LibraryDb
from tests.gui.helpers import indonesian, log_in, workspace

NEW_NAME = "Taman Bacaan Miroto Cerdas"


class InformationBoxes:
    """Stands in for QMessageBox in the settings page: records instead of blocking."""

    shown: ClassVar[list[str]] = []

    @staticmethod
    def information(_parent: QWidget, _title: str, text: str) -> None:
        InformationBoxes.shown.append(text)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(InformationBoxes, "shown", [])
    monkeypatch.setattr("app.ui.settings.page.QMessageBox", InformationBoxes)
    return InformationBoxes.shown


@pytest.fixture
def controller(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> Controller:
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    return controller


def open_settings(controller: Controller) -> SettingsPage:
    page = workspace(controller).open_page("pengaturan")
    assert isinstance(page, SettingsPage)
    assert page.isVisible()
    return page


def save(qtbot: QtBot, page: SettingsPage, done: Callable[[], bool]) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(done, timeout=10_000)


def type_minutes(qtbot: QtBot, page: SettingsPage, minutes: int) -> None:
    page.idle.lineEdit().selectAll()
    qtbot.keyClicks(page.idle.lineEdit(), str(minutes))
    assert page.idle.value() == minutes


def test_save_idle_minutes_and_name(
    qtbot: QtBot, controller: Controller, boxes: list[str], library_db: LibraryDb
) -> None:
    ws = workspace(controller)
    home = ws.open_page("beranda")
    page = open_settings(controller)
    type_minutes(qtbot, page, 25)
    page.name.clear()
    qtbot.keyClicks(page.name, NEW_NAME)
    save(qtbot, page, lambda: bool(boxes))
    assert boxes == [indonesian("The settings were saved.", "SettingsPage")]
    assert page.save_button.isEnabled()
    assert not page.error.isVisible()
    assert ws.library_label.text() == NEW_NAME
    assert home.title.text() == NEW_NAME  # type: ignore[attr-defined]
    assert controller.context is not None and controller.context.profile.name == NEW_NAME
    assert controller.conn is not None
    assert Settings(controller.conn).get("idle_lock_minutes") == 25
    assert controller.idle.limit == 25 * 60
    profile = read_profile(controller.conn)
    assert profile is not None and profile.name == NEW_NAME
    assert profile.region_code == library_db.profile.region_code


def test_empty_library_name_is_refused(
    qtbot: QtBot, controller: Controller, boxes: list[str], library_db: LibraryDb
) -> None:
    ws = workspace(controller)
    page = open_settings(controller)
    type_minutes(qtbot, page, 30)
    page.name.clear()
    save(qtbot, page, page.error.isVisible)
    assert page.error.text() == indonesian("Fill in the library's name.")
    assert page.save_button.isEnabled()
    assert boxes == []
    assert controller.conn is not None
    profile = read_profile(controller.conn)
    assert profile is not None and profile.name == library_db.profile.name
    assert Settings(controller.conn).get("idle_lock_minutes") == 10
    assert ws.library_label.text() == library_db.profile.name


def test_english_rebuilds_the_workspace(
    qtbot: QtBot, controller: Controller, boxes: list[str]
) -> None:
    old = workspace(controller)
    page = open_settings(controller)
    page.language.setCurrentIndex(page.language.findData("en"))
    save(qtbot, page, lambda: bool(boxes))
    new = workspace(controller)
    assert new is not old
    titles = [new.sidebar.item(i).text() for i in range(new.sidebar.count())]
    assert titles[0] == "Home"
    assert {"Settings", "Users"} <= set(titles)
    assert new.current_key() == "pengaturan"
    assert new.lock_button.text() == "&Lock"
    assert controller.conn is not None
    assert Settings(controller.conn).get("language") == "en"
    assert controller.login_screen().subtitle.text() == "Log in to continue"


def test_rebuilt_workspace_keeps_working(
    qtbot: QtBot, controller: Controller, boxes: list[str]
) -> None:
    """After the language switch: lock, log in and save again; the old pages are gone for good."""
    workspace(controller).open_page("beranda")
    page = open_settings(controller)
    page.language.setCurrentIndex(page.language.findData("en"))
    save(qtbot, page, lambda: bool(boxes))
    new = workspace(controller)
    qtbot.mouseClick(new.lock_button, Qt.MouseButton.LeftButton)
    assert controller.window.stack.currentWidget() is controller.login_screen()
    assert controller.login_screen().subtitle.text() == "Log in to continue"
    log_in(qtbot, controller, "admin", "rahasia123")
    assert workspace(controller) is new
    page = open_settings(controller)
    page.name.clear()
    qtbot.keyClicks(page.name, NEW_NAME)
    save(qtbot, page, lambda: len(boxes) == 2)
    assert new.library_label.text() == NEW_NAME
    assert boxes[-1] == "The settings were saved."


def test_guestbook_and_member_settings_are_saved(
    qtbot: QtBot, controller: Controller, boxes: list[str]
) -> None:
    page = open_settings(controller)
    assert page.repeat_visit.value() == 60  # the defaults are shown
    assert page.membership.value() == 12
    for box, value in ((page.repeat_visit, 30), (page.retention, 6), (page.membership, 0)):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), str(value))
    page.membership.setFocus()
    qtbot.keyClick(page.membership, Qt.Key.Key_Tab)  # leaving the field shows the word
    assert page.membership.text() == indonesian("no expiry", "SettingsPage")
    save(qtbot, page, lambda: bool(boxes))
    assert controller.conn is not None
    settings = Settings(controller.conn)
    assert settings.get("repeat_visit_minutes") == 30
    assert settings.get("guest_name_retention_months") == 6
    assert settings.get("membership_months") == 0


def test_a_logo_chosen_in_settings_is_shown_and_printed_on_the_report(
    qtbot: QtBot,
    controller: Controller,
    library_db: LibraryDb,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.reports.figures import compute_report
    from app.reports.model import Period
    from app.ui.report_print import render_pdf

    picture = QImage(120, 80, QImage.Format.Format_RGB32)
    picture.fill(QColor("darkgreen"))
    source = tmp_path / "logo-desa.png"
    assert picture.save(str(source), "PNG")
    page = open_settings(controller)
    assert page.logo.pixmap().isNull() and not page.remove_logo_button.isEnabled()
    chosen = [str(source), ""]
    monkeypatch.setattr(
        "app.ui.settings.page.QFileDialog.getOpenFileName", lambda *_a, **_k: tuple(chosen)
    )
    qtbot.mouseClick(page.logo_button, Qt.MouseButton.LeftButton)
    assert not page.logo.pixmap().isNull()
    assert page.logo.pixmap().width() == 64  # the preview keeps the picture's shape
    assert page.remove_logo_button.isEnabled()

    conn = library_db.db.connect()
    try:
        profile = read_profile(conn)
        assert profile is not None and profile.logo_path
        report = compute_report(conn, Period.of_month(2026, 11))
    finally:
        conn.close()
    pdf = render_pdf(tmp_path / "laporan.pdf", report, data_dir=library_db.db.data_dir)
    images = (
        subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()
    )
    assert len(images) == 3, images  # two header lines, then the logo

    # A file that is not a picture: a clear message, the logo stays.
    bad = tmp_path / "bukan.png"
    bad.write_text("teks", encoding="utf-8")
    chosen[0] = str(bad)
    qtbot.mouseClick(page.logo_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible() and "bukan.png" in page.error.text()
    assert not page.logo.pixmap().isNull()

    qtbot.mouseClick(page.remove_logo_button, Qt.MouseButton.LeftButton)
    assert page.logo.pixmap().isNull() and not page.remove_logo_button.isEnabled()


def test_loan_rules_and_fines_are_saved_and_used_at_the_desk(
    qtbot: QtBot, controller: Controller, boxes: list[str], library_db: LibraryDb
) -> None:
    from app.core.circulation import CirculationService

    page = open_settings(controller)
    # The defaults of the issue: 2 books for 7 days for children, 3 for 14 for the others.
    assert (page.loan_items["anak"].value(), page.loan_days["anak"].value()) == (2, 7)
    assert (page.loan_items["umum"].value(), page.loan_days["umum"].value()) == (3, 14)
    assert page.fine.value() == 0
    assert page.fine.text() == indonesian("no fines", "SettingsPage")
    for box, value in (
        (page.loan_items["anak"], 1),
        (page.loan_days["anak"], 5),
        (page.loan_days["pelajar"], 21),
        (page.fine, 1000),
    ):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), str(value))
    save(qtbot, page, lambda: bool(boxes))
    assert controller.conn is not None
    settings = Settings(controller.conn)
    assert settings.get("fine_per_day") == 1000
    with CirculationService(library_db.db, library_db.admin) as desk:
        assert (desk.rule_for("anak").max_items, desk.rule_for("anak").days) == (1, 5)
        assert desk.rule_for("pelajar").days == 21
        assert desk.rule_for("umum").max_items == 3
        assert desk.fine_per_day() == 1000
