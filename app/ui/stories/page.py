"""Kisah Sukses: the library's success stories, their consent, and a printed sheet of each.

The list shows every story (newest consent first): the date of the consent,
the person, the category, the related activity and whether it may be
published with the name. The chosen story is previewed beside the list
(photo, text, figures, consent). "New story…" opens the form; a volunteer
may change only the stories typed in today, and only a manager deletes.
"Print story sheet…" makes the one-page A4 sheet of the chosen story.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.auth import Permission, User
from app.core.clock import utcnow
from app.core.errors import KnownError
from app.core.stories import CATEGORIES, StoryService, StoryView
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import error_text, tr
from app.ui.stories.form import StoryDialog, thumbnail
from app.ui.stories.sheet import (
    StoryPrintDialog,
    category_label,
    code_label,
    figure_text,
    indonesian_date,
    initials,
    region_text,
    story_html,
)
from app.ui.table_model import RowsModel
from app.ui.widgets import ErrorLabel

_Index = QModelIndex | QPersistentModelIndex
STORY_ID_ROLE = Qt.ItemDataRole.UserRole


class StoriesModel(RowsModel):
    """The stories: consent date, person, category, related activity, published with the name."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Date"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Person"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Category"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Related activity"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Published"),
    )

    def __init__(self) -> None:
        super().__init__(self.HEADERS)

    def story_at(self, row: int) -> StoryView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        story: StoryView = self.rows[index.row()]
        if role == STORY_ID_ROLE:
            return story.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            day = story.consent_on
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        if column == 1:
            return story.person_name
        if column == 2:
            return category_label(story.category)
        if column == 3:
            return story.activity_title or ""
        if story.publish_with_name:
            return tr(QT_TRANSLATE_NOOP("PerpusDesa", "With the name"))
        return tr(QT_TRANSLATE_NOOP("PerpusDesa", "Initials only ({initials})")).format(
            initials=initials(story.person_name)
        )


class StoriesPage(QWidget):
    """The success stories of the library; ``now`` is the clock (tests fix it)."""

    def __init__(self, context: AppContext, now: Callable[[], datetime] = utcnow) -> None:
        super().__init__()
        self.context = context
        self.now = now
        self.service = StoryService(context.db, context.user, now=now)
        self.bands = codes.age_bands(context.settings.get("age_bands"))
        self.dialog: StoryDialog | None = None

        heading = QLabel(self.tr("Success stories"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("All categories"), None)
        for code in CATEGORIES:
            self.category.addItem(tr(code.label), code.code)
        self.category.currentIndexChanged.connect(self.on_category_changed)
        category_label_widget = QLabel(self.tr("Ca&tegory"))
        category_label_widget.setBuddy(self.category)
        self.new_button = QPushButton(self.tr("&New story…"))
        self.new_button.setObjectName("newStory")
        self.new_button.clicked.connect(self.on_new_clicked)
        self.change_button = QPushButton(self.tr("C&hange…"))
        self.change_button.setObjectName("changeStory")
        self.change_button.clicked.connect(self.on_change_clicked)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("deleteStory")
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.print_button = QPushButton(self.tr("&Print story sheet…"))
        self.print_button.setObjectName("printStory")
        self.print_button.clicked.connect(self.on_print_clicked)

        self.model = StoriesModel()
        self.table = QTableView()
        self.table.setObjectName("storyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("storyCount")
        self.error = ErrorLabel("storiesError")

        self.photo = QLabel()
        self.photo.setObjectName("previewPhoto")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = QTextBrowser()
        self.preview.setObjectName("storyPreview")
        self.preview.setOpenLinks(False)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.photo)
        preview_layout.addWidget(self.preview, 1)

        top = QHBoxLayout()
        top.addWidget(category_label_widget)
        top.addWidget(self.category)
        top.addStretch(1)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.change_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.print_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.error)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 360])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        self.refresh()

    # --- reading ---------------------------------------------------------------------

    def current(self) -> StoryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.story_at(rows[0].row()) if rows else None

    def refresh(self, select: str | None = None) -> None:
        """Read the stories again; keep (or move to) the chosen one."""
        chosen = select or (story.id if (story := self.current()) else None)
        try:
            stories = self.service.stories(category=self.category.currentData())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            stories = []
        self.model.set_rows(stories)
        self.count_label.setText(self.tr("Stories: {count}").format(count=len(stories)))
        row = next((n for n, s in enumerate(stories) if s.id == chosen), 0 if stories else -1)
        if row >= 0:
            self.table.selectRow(row)
        self.show_story(self.current())

    def show_story(self, story: StoryView | None) -> None:
        picture = thumbnail(self.service.photo_file(story)) if story is not None else None
        self.photo.setVisible(picture is not None)
        if picture is not None:
            self.photo.setPixmap(picture)
        self.preview.setHtml(self.preview_html(story) if story is not None else "")
        self.update_buttons()

    def preview_html(self, story: StoryView) -> str:
        """The story as the library sees it (full name, guardian, consent details)."""
        details = [
            code_label(codes.GENDERS, story.gender),
            code_label(self.bands, story.age_band),
        ]
        if story.occupation:
            details.append(story.occupation)
        text = "".join(f"<p>{html.escape(line)}</p>" for line in story.text.splitlines() if line)
        parts = [
            f'<p style="color: #0b6e4f; font-weight: bold;">'
            f"{html.escape(category_label(story.category).upper())}</p>",
            f'<p style="font-size: 14pt; font-weight: bold;">{html.escape(story.title)}</p>',
            f"<p><b>{html.escape(story.person_name)}</b> · {html.escape(' · '.join(details))}</p>",
            text,
        ]
        if story.value_before is not None or story.value_after is not None:
            label = story.figure_label or ""
            figures = self.tr("{label}: {before} → {after}").format(
                label=label,
                before=figure_text(story.value_before, label),
                after=figure_text(story.value_after, label),
            )
            parts.append(f"<p><b>{html.escape(figures)}</b></p>")
        if story.activity_title:
            activity = self.tr("Related activity: {title}").format(title=story.activity_title)
            parts.append(f"<p><i>{html.escape(activity)}</i></p>")
        consent = self.tr("Consent given on {date}, witnessed by {witness}.").format(
            date=indonesian_date(story.consent_on),
            witness=story.witness_name or story.consent_witness,
        )
        if story.guardian_name:
            consent += " " + self.tr("Parent or guardian: {name}.").format(name=story.guardian_name)
        if story.publish_with_name:
            consent += " " + self.tr("May be published with the name and photo.")
        else:
            consent += " " + self.tr(
                "Published only with the initials {initials}, no photo."
            ).format(initials=initials(story.person_name))
        parts.append(f'<hr/><p style="color: #555555;">{html.escape(consent)}</p>')
        return "".join(parts)

    def update_buttons(self) -> None:
        story = self.current()
        self.new_button.setEnabled(self.context.can(Permission.RECORD))
        self.change_button.setEnabled(story is not None and self.service.can_change(story))
        self.delete_button.setEnabled(story is not None and self.context.can(Permission.DELETE))
        self.print_button.setEnabled(story is not None)

    # --- slots -----------------------------------------------------------------------

    def on_category_changed(self, _index: int) -> None:
        self.refresh()

    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self.show_story(self.current())

    def on_table_double_clicked(self, _index: QModelIndex) -> None:
        if self.change_button.isEnabled():
            self.on_change_clicked()

    def on_new_clicked(self) -> None:
        self.open_form(None)

    def on_change_clicked(self) -> None:
        story = self.current()
        if story is not None:
            self.open_form(story)

    def open_form(self, story: StoryView | None) -> StoryDialog:
        """The form of a new story (None) or of ``story``, chosen in the list if listed."""
        self.error.hide()
        if story is not None:
            listed = [n for n, s in enumerate(self.model.rows) if s.id == story.id]
            if listed:
                self.table.selectRow(listed[0])
        dialog = StoryDialog(self.context, self.service, story, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.on_dialog_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def on_dialog_saved(self, story_id: str) -> None:
        self.context.signals.data_changed.emit("story")
        self.refresh(select=story_id)

    def on_delete_clicked(self) -> None:
        story = self.current()
        if story is None:
            return
        box = QMessageBox(self)
        box.setObjectName("deleteConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete a story"))
        box.setText(self.tr("Delete the story “{title}”?").format(title=story.title))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("deleteConfirmButton")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(
            lambda button: self.on_delete_confirmed(story) if button is delete else None
        )
        box.open()

    def on_delete_confirmed(self, story: StoryView) -> None:
        try:
            self.service.delete(story.id)
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        except Exception as exc:  # a bug: the crash report
            show_error(self, exc, self.context.data_dir)
            return
        self.context.signals.data_changed.emit("story")

    def on_print_clicked(self) -> None:
        story = self.current()
        if story is None:
            return
        profile = self.context.profile
        content = story_html(profile.name, region_text(profile.region_code), story, self.bands)
        dialog = StoryPrintDialog(content, self.service.photo_file(story), story, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def on_context_data_changed(self, table: str) -> None:
        if table in ("story", "activity", "staff_user"):
            self.refresh()

    def on_context_user_changed(self, user: User) -> None:
        self.service.close()
        self.service = StoryService(self.context.db, user, now=self.now)
        self.update_buttons()

    def closeEvent(self, event: Any) -> None:
        self.service.close()
        super().closeEvent(event)
