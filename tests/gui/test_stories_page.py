"""The success stories page: recording a story with its consent, the refusals, the roles.

Real SQLite (``library_db``); the form is filled in as a librarian would and
saved with its Save button. Every refusal is checked to leave the story table
as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.activities import ActivityInput, ActivityService
from app.core.auth import Role, User, UserService
from app.core.errors import ValidationError
from app.core.stories import StoryInput, StoryService
from app.ui.app import Controller
from app.ui.context import AppContext
from app.ui.pages.kisah import PAGE
from app.ui.stories.form import StoryDialog, parse_figure, recent_months
from app.ui.stories.page import StoriesPage
from app.ui.stories.sheet import StoryPrintDialog
from tests.conftest import LibraryDb
from tests.gui.helpers import click_save, find_dialog, log_in, workspace

ACTIVITY = "Pelatihan membuat keripik singkong"


def shown(source: str, **params: object) -> str:
    """What the program shows for an English source text (translated once the catalogue has it)."""
    text = QCoreApplication.translate("PerpusDesa", source)
    return text.format(**params) if params else text


def story_count(library_db: LibraryDb) -> int:
    conn = library_db.db.connect()
    try:
        return int(conn.execute("SELECT count(*) FROM story").fetchone()[0])
    finally:
        conn.close()


def photo_files(library_db: LibraryDb) -> list[Path]:
    folder = library_db.db.data_dir / "photos" / "stories"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def activity_id(library_db: LibraryDb) -> str:
    with ActivityService(library_db.db, library_db.admin) as activities:
        return activities.record(
            ActivityInput(
                title=ACTIVITY,
                category="umkm",
                strategy="pelibatan",
                starts_at=datetime.now(UTC) - timedelta(days=20),
                participants={"P": {"dewasa": 15}},
            )
        )


def make_context(library_db: LibraryDb, user: User) -> Iterator[AppContext]:
    conn = library_db.db.connect()
    yield AppContext(db=library_db.db, conn=conn, user=user, profile=library_db.profile)
    conn.close()


@pytest.fixture
def context(library_db: LibraryDb) -> Iterator[AppContext]:
    yield from make_context(library_db, library_db.admin)


@pytest.fixture
def relawan(library_db: LibraryDb) -> User:
    conn = library_db.db.connect()
    try:
        return UserService(conn).create_user(
            library_db.admin, "relawan", "Dewi Relawan", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()


def open_page(
    qtbot: QtBot, context: AppContext, now: Callable[[], datetime] | None = None
) -> StoriesPage:
    page = StoriesPage(context) if now is None else StoriesPage(context, now=now)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def open_form(qtbot: QtBot, page: StoriesPage) -> StoryDialog:
    assert page.new_button.isEnabled()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    return find_dialog(page, StoryDialog)


def fill(qtbot: QtBot, form: StoryDialog, activity_id: str | None = None) -> None:
    """A grown-up's story with consent, not to be published with the name."""
    qtbot.keyClicks(form.person_name, "Siti Aminah")
    form.gender.setCurrentIndex(form.gender.findData("P"))
    form.age_band.setCurrentIndex(form.age_band.findData("dewasa"))
    form.occupation.setText("Pedagang keripik")
    form.category.setCurrentIndex(form.category.findData("peningkatan_pendapatan"))
    if activity_id is not None:
        index = form.activity.findData(activity_id)
        assert index > 0, "the recent activity is offered"
        form.activity.setCurrentIndex(index)
    form.title.setText("Keripik Bu Siti kini dijual sampai kota")
    form.text.setPlainText("Setelah pelatihan, Siti Aminah mulai menjual keripik.\nOmzetnya naik.")
    form.figure_label.setText("Omzet per bulan (Rp)")
    form.value_before.setText("300.000")
    form.value_after.setText("1.500.000")
    form.consent.setChecked(True)


def png(path: Path) -> Path:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#7fb77e"))
    assert image.save(str(path))
    return path


def table_rows(page: StoriesPage) -> list[list[str]]:
    model = page.model
    return [
        [str(model.data(model.index(row, column))) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


# --- recording -------------------------------------------------------------------------


def test_a_story_with_consent_is_recorded_and_listed(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, activity_id: str
) -> None:
    page = open_page(qtbot, context)
    assert table_rows(page) == []
    form = open_form(qtbot, page)
    fill(qtbot, form, activity_id)
    assert form.witness.currentData() == library_db.admin.id, "the one logged in by default"
    assert not form.guardian_name.isVisible(), "no guardian for an adult"
    with qtbot.waitSignal(context.signals.data_changed) as changed:
        click_save(qtbot, form)
    assert changed.args == ["story"]
    assert not form.isVisible()
    assert story_count(library_db) == 1
    [row] = table_rows(page)
    assert row[1:] == [
        "Siti Aminah",
        shown("Higher income"),
        ACTIVITY,
        shown("Initials only ({initials})", initials="S. A."),
    ]
    current = page.current()
    assert current is not None and (current.value_before, current.value_after) == (
        300_000,
        1_500_000,
    )
    preview = page.preview.toPlainText()
    assert "Siti Aminah mulai menjual keripik" in preview
    assert "Rp 300.000 → Rp 1.500.000" in preview
    assert "Admin Perpustakaan" in preview
    assert page.print_button.isEnabled() and page.change_button.isEnabled()


def test_a_story_without_consent_is_refused_and_nothing_written(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, activity_id: str
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    fill(qtbot, form, activity_id)
    form.consent.setChecked(False)
    click_save(qtbot, form)
    assert form.isVisible(), "the form stays open"
    assert form.consent_error.isVisible()
    assert form.consent_error.text() == shown(
        "A story is kept only with the person's consent. Ask for it and record it first."
    )
    assert form.focusWidget() is form.consent
    assert story_count(library_db) == 0
    assert table_rows(page) == []


def test_a_childs_story_needs_the_guardians_consent(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    fill(qtbot, form)
    form.age_band.setCurrentIndex(form.age_band.findData("anak"))
    assert form.guardian_name.isVisible(), "the guardian's fields appear for a child"
    form.guardian_name.setText("Ibu Warsini")
    click_save(qtbot, form)
    assert form.consent_error.text() == shown(
        "A child's story needs a parent's or guardian's consent."
    )
    assert form.focusWidget() is form.guardian_consent
    assert story_count(library_db) == 0
    form.guardian_consent.setChecked(True)
    click_save(qtbot, form)
    assert not form.isVisible()
    assert story_count(library_db) == 1
    assert "Ibu Warsini" in page.preview.toPlainText()
    form = open_form(qtbot, page)
    form.age_band.setCurrentIndex(form.age_band.findData("lansia"))
    assert not form.guardian_name.isVisible()


def test_a_bad_field_is_said_in_its_group(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    fill(qtbot, form)
    form.person_name.clear()
    click_save(qtbot, form)
    assert form.person_error.text() == shown("Fill in the person's name.")
    assert not form.story_error.isVisible() and not form.consent_error.isVisible()
    assert form.focusWidget() is form.person_name
    form.person_name.setText("Siti Aminah")
    form.value_after.setText("satu juta")
    click_save(qtbot, form)
    assert not form.person_error.isVisible()
    assert form.story_error.text() == shown("Fill in a whole number.")
    assert form.focusWidget() is form.value_after
    form.value_after.setText("-5")
    click_save(qtbot, form)
    assert form.story_error.text() == shown("A figure cannot be negative.")
    assert story_count(library_db) == 0


def test_figures_are_typed_the_indonesian_way() -> None:
    assert parse_figure("1.500.000", "value_before") == 1_500_000
    assert parse_figure("Rp 300.000", "value_before") == 300_000
    assert parse_figure("  ", "value_before") is None
    assert parse_figure("-5", "value_before") == -5
    with pytest.raises(ValidationError) as refused:
        parse_figure("1,5", "value_before")
    assert refused.value.field == "value_before"
    assert recent_months(datetime(2026, 2, 10).date(), 3) == [(2026, 2), (2026, 1), (2025, 12)]


def test_a_typed_figure_is_shown_with_dots(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.value_before.setFocus()
    qtbot.keyClicks(form.value_before, "2500000")
    qtbot.keyClick(form.value_before, Qt.Key.Key_Tab)
    assert form.value_before.text() == "2.500.000"
    assert form.focusWidget() is form.value_after


# --- the photo -------------------------------------------------------------------------


def test_a_photo_is_stored_with_its_thumbnail(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    fill(qtbot, form)
    form.publish.setChecked(True)
    form.set_photo(png(tmp_path / "siti.png"))
    picture = form.thumbnail.pixmap()
    assert not picture.isNull() and picture.width() <= 160 and picture.height() <= 120
    assert not form.story_error.isVisible()
    click_save(qtbot, form)
    assert not form.isVisible()
    assert len(photo_files(library_db)) == 1
    assert page.photo.isVisible() and not page.photo.pixmap().isNull(), "the preview shows it"
    assert table_rows(page)[0][4] == shown("With the name")


def test_a_file_that_is_no_picture_is_refused(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, tmp_path: Path
) -> None:
    page = open_page(qtbot, context)
    form = open_form(qtbot, page)
    fill(qtbot, form)
    fake = tmp_path / "foto.jpg"
    fake.write_text("this is not a photo")
    form.set_photo(fake)
    message = shown(
        "The file {name} is not a picture: choose a JPEG or PNG photo.", name="foto.jpg"
    )
    assert form.story_error.isVisible() and form.story_error.text() == message
    assert form.thumbnail.pixmap().isNull()
    click_save(qtbot, form)
    assert form.isVisible() and form.story_error.text() == message
    assert form.focusWidget() is form.photo_button
    assert story_count(library_db) == 0
    assert photo_files(library_db) == []


# --- changing, deleting, printing, roles ---------------------------------------------


@pytest.fixture
def stored(library_db: LibraryDb, activity_id: str) -> str:
    with StoryService(library_db.db, library_db.admin) as service:
        base = StoryInput(
            person_name="Siti Aminah",
            gender="P",
            age_band="dewasa",
            category="peningkatan_pendapatan",
            activity_id=activity_id,
            title="Keripik Bu Siti kini dijual sampai kota",
            text="Setelah pelatihan, Siti Aminah mulai menjual keripik.",
            consent_given=True,
            consent_witness=library_db.admin.id,
        )
        service.record(replace(base, person_name="Budi Santoso", category="usaha_baru"))
        return service.record(base)


def test_a_story_is_changed_in_the_form(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, stored: str
) -> None:
    page = open_page(qtbot, context)
    page.refresh(select=stored)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    form = find_dialog(page, StoryDialog)
    assert form.person_name.text() == "Siti Aminah" and form.consent.isChecked()
    assert form.activity.currentText().endswith(ACTIVITY)
    form.title.setText("Keripik Siti laris")
    with qtbot.waitSignal(context.signals.data_changed):
        click_save(qtbot, form)
    assert story_count(library_db) == 2
    current = page.current()
    assert current is not None and current.id == stored and current.title == "Keripik Siti laris"


def test_the_category_filter(qtbot: QtBot, context: AppContext, stored: str) -> None:
    page = open_page(qtbot, context)
    assert len(table_rows(page)) == 2
    page.category.setCurrentIndex(page.category.findData("usaha_baru"))
    assert [row[1] for row in table_rows(page)] == ["Budi Santoso"]
    assert page.count_label.text() == shown("Stories: {count}", count=1)


def test_a_manager_deletes_a_story_after_confirming(
    qtbot: QtBot, context: AppContext, library_db: LibraryDb, stored: str
) -> None:
    page = open_page(qtbot, context)
    page.refresh(select=stored)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = find_dialog(page, QMessageBox)
    button = box.findChild(QPushButton, "deleteConfirmButton")
    assert button is not None
    with qtbot.waitSignal(context.signals.data_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [row[1] for row in table_rows(page)] == ["Budi Santoso"]


def test_print_opens_the_sheet_dialog(qtbot: QtBot, context: AppContext, stored: str) -> None:
    page = open_page(qtbot, context)
    page.refresh(select=stored)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    dialog = find_dialog(page, StoryPrintDialog)
    assert "Keripik Bu S. kini dijual sampai kota" in dialog.summary.text()
    assert "Siti" not in dialog.content, "nothing of the name on a sheet without consent"


def test_a_volunteer_records_and_changes_only_todays_stories(
    qtbot: QtBot, library_db: LibraryDb, relawan: User, stored: str
) -> None:
    contexts = make_context(library_db, relawan)
    context = next(contexts)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    page = open_page(qtbot, context, now=lambda: tomorrow)
    page.refresh(select=stored)
    assert page.new_button.isEnabled(), "a volunteer may record"
    assert page.print_button.isEnabled()
    assert not page.change_button.isEnabled(), "yesterday's story"
    assert not page.delete_button.isEnabled(), "a volunteer never deletes"
    today_page = open_page(qtbot, context)
    today_page.refresh(select=stored)
    assert today_page.change_button.isEnabled(), "typed in today"
    assert not today_page.delete_button.isEnabled()
    form = open_form(qtbot, today_page)
    assert form.witness.currentData() == relawan.id
    assert form.witness.findData(library_db.admin.id) >= 0, "any staff member may witness"
    next(contexts, None)


def test_the_models_are_correct_qt_models(
    qtbot: QtBot, context: AppContext, stored: str, qtmodeltester: ModelTester
) -> None:
    page = open_page(qtbot, context)
    qtmodeltester.check(page.model)
    page.category.setCurrentIndex(page.category.findData("kesehatan"))
    qtmodeltester.check(page.model)


def test_the_page_spec_opens_the_page_lazily(qtbot: QtBot, context: AppContext) -> None:
    assert (PAGE.key, PAGE.order) == ("kisah", 65)
    assert PAGE.title() == QCoreApplication.translate("Pages", "Success stories")
    page = PAGE.factory(context)
    qtbot.addWidget(page)
    assert isinstance(page, StoriesPage)


def test_cancelling_the_form_in_the_program_closes_it(
    qtbot: QtBot, library_db: LibraryDb, make_controller: Callable[[], Controller]
) -> None:
    """In the whole program (its idle lock watches every event), Batal closes the form and
    the program goes on: a photo row of nested layouts once crashed it here."""
    controller = make_controller()
    assert controller.start()
    log_in(qtbot, controller, "admin", library_db.admin_password)
    page = workspace(controller).open_page("kisah")
    assert isinstance(page, StoriesPage)
    for _ in range(2):  # the second form replaces the page's hold on the first
        page.on_new_clicked()
        cancel = find_dialog(page, StoryDialog).buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        cancel.click()
        del cancel
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        assert page.findChildren(StoryDialog) == []
    assert page.isVisible()
