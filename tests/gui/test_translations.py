"""Every text the librarian sees is Indonesian: a recording translator, then a walk of the UI.

A recording translator is installed before the real catalogues, so Qt asks it
last: it hears only the texts the catalogues did not translate. It answers with
a null string, so Qt falls back to the source text as usual (an empty string
would blank the text instead). The walk goes through the wizard, the login
screen, every page of an administrator, the user and password dialogs and the
locked login screen, and looks at every visible text as well: a visible text
that is an English source of the catalogue never went through ``tr()``.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.paths import resources_dir
from app.ui import i18n
from app.ui.app import Controller
from app.ui.settings.page import SettingsPage
from app.ui.users_page import PasswordDialog, UserDialog, UsersPage
from app.ui.wizard import FirstRunWizard
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

CATALOGUE = resources_dir() / "translations" / "perpusdesa_id.ts"

# Texts that are the same in both languages.
SAME_IN_BOTH = frozenset(
    {
        "PerpusDesa",
        "NPP",
        "A4 (210 × 297 mm)",
        "F4 (215 × 330 mm)",
        "Administrator",
        "{name} · {role}",
        "QT_LAYOUT_DIRECTION",  # Qt's own question at start-up: left to right in both
    }
)


class RecordingTranslator(QTranslator):
    """Hears every text no installed catalogue translated; changes nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.heard: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        with self.lock:
            self.heard.add((context, source))
        return None  # a null QString: Qt shows the source text

    def isEmpty(self) -> bool:
        return False


def catalogue() -> tuple[set[str], dict[str, str], set[str]]:
    """(contexts, {English source: Indonesian} where they differ, every translated source)."""
    root = ET.parse(CATALOGUE).getroot()
    contexts = set()
    translated = {}
    catalogued = set()
    for context in root.iter("context"):
        contexts.add(context.findtext("name", ""))
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            text = translation.text or ""
            if text:
                catalogued.add(source)
            if text and text != source:
                translated[source] = text
    return contexts, translated, catalogued


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def texts_of(widget: QWidget) -> Iterator[str]:
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield widget.text()
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield widget.placeholderText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.prefix() if hasattr(widget, "prefix") else ""  # type: ignore[attr-defined]
        yield widget.suffix() if hasattr(widget, "suffix") else ""  # type: ignore[attr-defined]
        yield widget.specialValueText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount()):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


@dataclass
class Walk:
    """What was seen on screen, and where."""

    seen: dict[str, set[str]] = field(default_factory=dict)

    def look(self, place: str) -> None:
        for window in QApplication.topLevelWidgets():
            if not window.isVisible():
                continue
            for widget in [window, *window.findChildren(QWidget)]:
                if not widget.isVisible():
                    continue
                for text in texts_of(widget):
                    text = text.strip()
                    if text:
                        self.seen.setdefault(text, set()).add(place)


@pytest.fixture
def recorder(qapp: QApplication) -> Iterator[RecordingTranslator]:
    translator = RecordingTranslator()
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def next_page(qtbot: QtBot, wizard: QWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def walk_everything(
    qtbot: QtBot, controller: Controller, walk: Walk, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)

    # The wizard, page by page, with a mistake on the pages that check something.
    walk.look("wizard: language")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    walk.look("wizard: library, no name")
    qtbot.keyClicks(wizard.name, "Perpustakaan Desa Miroto")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.p_region
    walk.look("wizard: region, nothing chosen")
    next_page(qtbot, wizard)
    walk.look("wizard: region, error")
    wizard.select_region("33.74.01.1001")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.p_people
    walk.look("wizard: signatures")
    qtbot.keyClicks(wizard.head_name, "Sri Wahyuni")
    qtbot.keyClicks(wizard.village_head_name, "Joko Santoso")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.p_admin
    walk.look("wizard: administrator")
    qtbot.keyClicks(wizard.full_name, "Admin Perpustakaan")
    qtbot.keyClicks(wizard.username, "admin!")
    qtbot.keyClicks(wizard.password, "rahasia123")
    qtbot.keyClicks(wizard.password_repeat, "rahasia124")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    walk.look("wizard: bad username")
    wizard.username.clear()
    qtbot.keyClicks(wizard.username, "admin")
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    walk.look("wizard: passwords differ")
    wizard.password_repeat.clear()
    qtbot.keyClicks(wizard.password_repeat, "rahasia123")
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    walk.look("wizard: creating the library")
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=15_000)

    # The login screen, a wrong password, then the workspace.
    walk.look("login")
    log_in(qtbot, controller, "admin", "salah-sekali")
    walk.look("login: wrong password")
    log_in(qtbot, controller, "admin", "rahasia123")
    ws = workspace(controller)
    for key in ws.page_keys():
        ws.open_page(key)
        walk.look(f"page {key}")

    # Users: the add dialog (with a mistake), the change dialog, the password dialog.
    users = ws.open_page("pengguna")
    assert isinstance(users, UsersPage)
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(users, UserDialog)
    walk.look("add user")
    qtbot.keyClicks(dialog.full_name, "Admin Kedua")
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "rahasia123")
    qtbot.keyClicks(dialog.repeat, "rahasia123")
    click_save(qtbot, dialog)
    walk.look("add user: name taken")
    dialog.reject()
    users.table.selectRow(0)
    qtbot.mouseClick(users.edit_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(users, UserDialog)
    dialog.role.setCurrentIndex(dialog.role.findData("relawan"))
    click_save(qtbot, dialog)
    walk.look("change user: last administrator")
    dialog.reject()
    qtbot.mouseClick(users.password_button, Qt.MouseButton.LeftButton)
    password_dialog = find_dialog(users, PasswordDialog)
    qtbot.keyClicks(password_dialog.password, "pendek")
    qtbot.keyClicks(password_dialog.repeat, "pendek")
    click_save(qtbot, password_dialog)
    walk.look("password dialog: too short")
    password_dialog.reject()

    # Settings: an empty name, then a save (its message box recorded, not shown).
    settings = ws.open_page("pengaturan")
    assert isinstance(settings, SettingsPage)
    saved: list[str] = []
    monkeypatch.setattr(
        "app.ui.settings.page.QMessageBox.information",
        lambda _parent, _title, text: saved.append(text),
    )
    settings.name.clear()
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(settings.error.isVisible, timeout=10_000)
    walk.look("settings: empty name")
    qtbot.keyClicks(settings.name, "Perpustakaan Desa Miroto")
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    walk.look("settings: saved")

    # The locked login screen.
    qtbot.mouseClick(ws.lock_button, Qt.MouseButton.LeftButton)
    walk.look("locked")
    log_in(qtbot, controller, "admin", "salah-lagi")
    walk.look("locked: wrong password")


def problems(walk: Walk, heard: set[tuple[str, str]]) -> list[str]:
    """What the walk found that is not Indonesian, one block of lines per kind."""
    contexts, translated, catalogued = catalogue()
    untranslated = sorted(
        (context, source)
        for context, source in heard
        if source not in SAME_IN_BOTH and QCoreApplication.translate(context, source) == source
    )
    # PerpusDesa's own texts: every one needs a translation, shown yet or not.
    missing = [(c, s) for c, s in untranslated if c in contexts or not c.startswith("Q")]
    # Qt's own texts (standard buttons, the wizard's...): only those on screen count.
    # PySide's tr() also asks the base classes (QWidget, QObject...) when the
    # translation equals the source, as "Program" does: those are catalogued.
    on_screen = {without_mnemonic(text) for text in walk.seen} | set(walk.seen)
    qt_shown = [
        (c, s)
        for c, s in untranslated
        if (c, s) not in missing
        and s not in catalogued
        and (s in on_screen or without_mnemonic(s) in on_screen)
    ]
    # Texts shown in English although the catalogue has them: never passed through tr().
    english = set(translated) | {without_mnemonic(source) for source in translated}
    # The language picker names each language in its own tongue, by design.
    english -= set(i18n.LANGUAGES.values())
    not_through_tr = sorted(
        f"{text!r} (at {', '.join(sorted(places))})"
        for text, places in walk.seen.items()
        if text in english or without_mnemonic(text) in english
    )
    found = []
    if missing:
        found.append(
            "no Indonesian translation:\n" + "\n".join(f"  {c}: {s!r}" for c, s in missing)
        )
    if qt_shown:
        found.append(
            "Qt's own English text on screen:\n" + "\n".join(f"  {c}: {s!r}" for c, s in qt_shown)
        )
    if not_through_tr:
        found.append("shown in English (not through tr()):\n  " + "\n  ".join(not_through_tr))
    return found


def test_everything_shown_is_indonesian(
    qtbot: QtBot,
    recorder: RecordingTranslator,
    make_controller: Callable[[], Controller],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walk = Walk()
    walk_everything(qtbot, make_controller(), walk, monkeypatch)
    # The walk really looked: Indonesian texts from each part were seen.
    _, translated, _ = catalogue()
    for source in ("&Next >", "Log in to continue", "&Add user", "&Save settings", "&Lock"):
        assert source in translated, f"the catalogue has no Indonesian for {source!r}"
        assert translated[source] in walk.seen, f"{translated[source]!r} never seen"
    with recorder.lock:
        heard = set(recorder.heard)
    found = problems(walk, heard)
    assert not found, "\n".join(found)


def test_walk_spots_english_text(qtbot: QtBot, recorder: RecordingTranslator) -> None:
    """The checks themselves: a text that skipped tr(), and an untranslated one, are caught."""
    from app.ui import i18n

    i18n.install("id")
    window = QWidget()
    qtbot.addWidget(window)
    QLabel("Log in to continue", window)  # English, never through tr()
    QLabel(QCoreApplication.translate("LoginScreen", "Not in the catalogue"), window)
    window.show()
    walk = Walk()
    walk.look("test window")
    found = "\n".join(problems(walk, set(recorder.heard)))
    assert "'Log in to continue' (at test window)" in found
    assert "LoginScreen: 'Not in the catalogue'" in found


def test_recording_translator_changes_nothing(recorder: RecordingTranslator) -> None:
    """The recorder hears untranslated texts and Qt still shows the source."""
    assert QCoreApplication.translate("Nowhere", "Not in any catalogue") == "Not in any catalogue"
    assert ("Nowhere", "Not in any catalogue") in recorder.heard


def test_wizard_buttons_are_indonesian(
    qtbot: QtBot, make_controller: Callable[[], Controller]
) -> None:
    controller = make_controller()
    assert controller.start()
    wizard = controller.wizard
    assert isinstance(wizard, QWizard)
    _, translated, _ = catalogue()
    for which, source in (
        (QWizard.WizardButton.NextButton, "&Next >"),
        (QWizard.WizardButton.BackButton, "< &Back"),
        (QWizard.WizardButton.FinishButton, "&Finish"),
        (QWizard.WizardButton.CancelButton, "Cancel"),
    ):
        assert source in translated, f"the catalogue has no Indonesian for {source!r}"
        assert wizard.buttonText(which) == translated[source]
