"""Koleksi: find a title as you type, see its copies, catalogue titles and copies, import.

The search box searches as you type (after a short pause, so that a fast typist
or a barcode scanner causes one search, not one per key) over title, authors,
subjects and ISBN through the catalogue's full-text index. Enter in the box
moves into the list; Enter on a title opens it; Delete deletes the chosen title
(or, in the list of copies, the chosen copy) after a confirmation; Ctrl+N
catalogues a new title. What a user may do follows the catalogue service's
rules: a volunteer adds titles and copies, a manager also changes, deletes and
imports. Importing and label printing live in their own modules, loaded when
their button is pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission, User
from app.core.catalog import SEARCH_LIMIT, CatalogService, ItemView, SearchHit, TitleView
from app.core.errors import KnownError
from app.ui.catalog.detail import TitleDetail
from app.ui.catalog.item_dialog import ItemDialog
from app.ui.catalog.model import TitleModel
from app.ui.catalog.title_form import TitleDialog
from app.ui.context import AppContext
from app.ui.errors import show_error

SEARCH_DELAY_MS = 150
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CatalogPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._service = self._make_service(context.user)

        heading = QLabel(self.tr("Collection"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("catalogSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Type a title, author, subject or ISBN, or scan the ISBN")
        )
        search_label = QLabel(self.tr("Sear&ch"))
        search_label.setBuddy(self.search_edit)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_timer_timeout)
        self.search_edit.textEdited.connect(self.on_search_text_edited)
        self.search_edit.textChanged.connect(self.on_search_text_changed)
        self.search_edit.returnPressed.connect(self.on_search_return_pressed)
        self.search_edit.installEventFilter(self)

        self.new_button = QPushButton(self.tr("&New title…"))
        self.new_button.setObjectName("newTitle")
        self.new_button.setToolTip(self.tr("Catalogue a new title (Ctrl+N)"))
        self.new_button.clicked.connect(self.on_new_clicked)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setObjectName("importCatalog")
        self.import_button.clicked.connect(self.on_import_clicked)
        self.labels_button = QPushButton(self.tr("Print &labels…"))
        self.labels_button.setObjectName("printLabels")
        self.labels_button.setToolTip(
            self.tr("Spine and barcode labels of the copies of the titles selected in the list")
        )
        self.labels_button.clicked.connect(self.on_labels_clicked)
        QShortcut(QKeySequence("Ctrl+N"), self, self.on_new_clicked)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)

        self.model = TitleModel(self)
        self.table = QTableView()
        self.table.setObjectName("titleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line per title; a long title ends in "…"
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 180)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_current_title())
        self.table.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("titleCount")

        self.detail = TitleDetail()
        self.detail.setObjectName("titleDetail")
        self.detail.edit_title_button.clicked.connect(self.on_edit_title_clicked)
        self.detail.delete_title_button.clicked.connect(self.on_delete_title_clicked)
        self.detail.add_copy_button.clicked.connect(self.on_add_copy_clicked)
        self.detail.edit_copy_button.clicked.connect(self.on_edit_copy_clicked)
        self.detail.delete_copy_button.clicked.connect(self.on_delete_copy_clicked)
        self.detail.item_table.selectionModel().selectionChanged.connect(
            self.on_item_selection_changed
        )
        self.detail.item_table.doubleClicked.connect(lambda _index: self.on_edit_copy_clicked())
        self.detail.item_table.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.labels_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([580, 560])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search_edit, self.table)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        self.run_search()
        self.update_buttons()

    # --- plumbing --------------------------------------------------------------------------

    def _make_service(self, user: User) -> CatalogService:
        return CatalogService(self.context.db, user, conn=self.context.conn)

    @property
    def service(self) -> CatalogService:
        return self._service

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search_edit.setFocus()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box enters the list; Enter and Delete act on a list's row."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched is self.search_edit and key == Qt.Key.Key_Down:
            self.enter_list()
            return True
        if watched is self.table and plain and key in _ENTER:
            self.open_current_title()
            return True
        if watched is self.table and plain and key == Qt.Key.Key_Delete:
            self.on_delete_title_clicked()
            return True
        if watched is self.detail.item_table and plain and key in _ENTER:
            self.on_edit_copy_clicked()
            return True
        if watched is self.detail.item_table and plain and key == Qt.Key.Key_Delete:
            self.on_delete_copy_clicked()
            return True
        return super().eventFilter(watched, event)

    def enter_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def update_buttons(self) -> None:
        can = self.context.can
        title = self.detail.title
        item = self.detail.selected_item()
        self.new_button.setEnabled(can(Permission.RECORD))
        self.import_button.setEnabled(can(Permission.EDIT))
        self.import_button.setToolTip(
            ""
            if can(Permission.EDIT)
            else self.tr("Only a manager or an administrator can import the catalogue.")
        )
        self.labels_button.setEnabled(can(Permission.RECORD) and bool(self.selected_ids()))
        self.detail.edit_title_button.setEnabled(title is not None and can(Permission.EDIT))
        self.detail.add_copy_button.setEnabled(title is not None and can(Permission.RECORD))
        self.detail.edit_copy_button.setEnabled(item is not None and can(Permission.EDIT))
        deleting = can(Permission.DELETE)
        self.detail.delete_title_button.setVisible(deleting)
        self.detail.delete_copy_button.setVisible(deleting)
        self.detail.delete_title_button.setEnabled(deleting and title is not None)
        self.detail.delete_copy_button.setEnabled(deleting and item is not None)

    # --- searching -------------------------------------------------------------------------

    def on_search_text_edited(self, _text: str) -> None:
        self.search_timer.start()  # restarted by every key: one search after the pause

    def on_search_text_changed(self, text: str) -> None:
        if not text:  # the clear button, or everything deleted: show the newest at once
            self.search_timer.stop()
            self.run_search()

    def on_search_timer_timeout(self) -> None:
        self.run_search()

    def on_search_return_pressed(self) -> None:
        if self.search_timer.isActive():
            self.search_timer.stop()
            self.run_search()
        self.enter_list()

    def run_search(self, keep: str | None = None) -> None:
        """Search for what the box holds; keep ``keep`` (or the chosen title) selected.

        A copy's barcode (scanned from its label) finds its title, with the copy chosen.
        """
        keep = keep or (self.detail.title.id if self.detail.title else None)
        text = self.search_edit.text().strip()
        copy: ItemView | None = None
        try:
            hits = self._service.search(text)
            if not hits and text:
                copy = self._service.item_by_barcode(text)
                if copy is not None:
                    hits = [self._hit(self._service.get_title(copy.title_id))]
                    keep = copy.title_id
        except KnownError as exc:
            show_error(self, exc)
            return
        self.model.set_rows(hits)
        if not text:
            self.count_label.setText(self.tr("The newest titles"))
        elif copy is not None:
            self.count_label.setText(
                self.tr("The title of the copy {barcode}").format(barcode=copy.barcode)
            )
        elif len(hits) >= SEARCH_LIMIT:
            self.count_label.setText(
                self.tr("The first {count} found; type more to narrow the search").format(
                    count=len(hits)
                )
            )
        elif hits:
            self.count_label.setText(self.tr("{count} found").format(count=len(hits)))
        else:
            self.count_label.setText(self.tr("No title found"))
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
            self.show_title(keep, copy.id if copy is not None else None)
        else:
            self.show_title(None)

    @staticmethod
    def _hit(title: TitleView) -> SearchHit:
        return SearchHit(
            title.id,
            title.title,
            title.authors,
            title.year,
            title.isbn,
            title.ddc,
            title.copies,
            title.available,
        )

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.hit(row).id for row in rows]

    def current_title_id(self) -> str | None:
        selection = self.table.selectionModel()
        current = selection.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row()):
            return self.model.hit(current.row()).id
        ids = self.selected_ids()
        return ids[0] if ids else None

    def on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self.show_title(self.current_title_id())

    def show_title(self, title_id: str | None, item_id: str | None = None) -> None:
        """Show a title and its copies in the panel (None: nothing chosen)."""
        title: TitleView | None = None
        items: list[ItemView] = []
        if title_id is not None:
            try:
                title = self._service.get_title(title_id)
                items = self._service.items_of(title_id)
            except KnownError as exc:
                show_error(self, exc)
        self.detail.show_title(title, items)
        row = self.detail.item_model.row_of(item_id) if item_id else None
        if row is not None:
            self.detail.item_table.selectRow(row)
        self.update_buttons()

    def on_item_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self.update_buttons()

    def select_title(self, title: TitleView, item_id: str | None = None) -> None:
        """Show ``title`` in the list, searching for it when the list does not hold it."""
        if self.model.row_of(title.id) is None:
            self.search_edit.setText(title.title)
            self.search_timer.stop()
        self.run_search(keep=title.id)
        if self.model.row_of(title.id) is None:
            self.show_title(title.id)
        if item_id is not None:
            self.show_title(title.id, item_id)

    # --- titles ----------------------------------------------------------------------------

    def open_title_form(self, title: TitleView | None, *, read_only: bool = False) -> TitleDialog:
        dialog = TitleDialog(self._service, title, self, read_only=read_only)
        dialog.saved.connect(self.on_title_saved)
        dialog.add_copy_requested.connect(self.on_duplicate_add_copy_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_new_clicked(self) -> None:
        if self.context.can(Permission.RECORD):
            self.open_title_form(None)

    def open_current_title(self) -> None:
        """Enter or a double click on a title: its form (read-only without the right to edit)."""
        title = self.detail.title
        if title is not None:
            self.open_title_form(title, read_only=not self.context.can(Permission.EDIT))

    def on_edit_title_clicked(self) -> None:
        if self.detail.title is not None and self.context.can(Permission.EDIT):
            self.open_title_form(self.detail.title)

    def on_title_saved(self, title: TitleView, is_new: bool) -> None:
        self.context.signals.data_changed.emit("title")
        self.select_title(title)
        if is_new:
            self.offer_first_copy(title)

    def offer_first_copy(self, title: TitleView) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("firstCopyBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Title saved"))
        box.setText(
            self.tr("{title} is in the catalogue. Add its first copy now?").format(
                title=title.title
            )
        )
        yes = box.addButton(self.tr("&Add a copy"), QMessageBox.ButtonRole.YesRole)
        yes.setObjectName("firstCopyYes")
        yes.clicked.connect(lambda: self.open_item_dialog(title, None))
        later = box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.NoRole)
        later.setObjectName("firstCopyNo")
        box.setDefaultButton(yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def on_duplicate_add_copy_requested(self, existing: TitleView) -> None:
        self.select_title(existing)
        self.open_item_dialog(existing, None)

    def on_delete_title_clicked(self) -> None:
        title = self.detail.title
        if title is None or not self.context.can(Permission.DELETE):
            return
        self.confirm(
            self.tr("Delete {title} from the catalogue, with its copies ({copies})?").format(
                title=title.title, copies=title.copies
            ),
            lambda: self.delete_title(title),
        )

    def delete_title(self, title: TitleView) -> None:
        try:
            self._service.delete_title(title.id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.context.signals.data_changed.emit("title")
        self.run_search()

    # --- copies ----------------------------------------------------------------------------

    def open_item_dialog(self, title: TitleView, item: ItemView | None) -> ItemDialog:
        dialog = ItemDialog(self._service, title, item, self)
        dialog.saved.connect(self.on_item_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def on_add_copy_clicked(self) -> None:
        if self.detail.title is not None and self.context.can(Permission.RECORD):
            self.open_item_dialog(self.detail.title, None)

    def on_edit_copy_clicked(self) -> None:
        item = self.detail.selected_item()
        if self.detail.title is not None and item is not None and self.context.can(Permission.EDIT):
            self.open_item_dialog(self.detail.title, item)

    def on_item_saved(self, item: ItemView) -> None:
        self.context.signals.data_changed.emit("item")
        self.select_title(self._service.get_title(item.title_id), item.id)

    def on_delete_copy_clicked(self) -> None:
        item = self.detail.selected_item()
        if item is None or not self.context.can(Permission.DELETE):
            return
        self.confirm(
            self.tr("Delete the copy {barcode} of {title}?").format(
                barcode=item.barcode, title=item.title
            ),
            lambda: self.delete_item(item),
        )

    def delete_item(self, item: ItemView) -> None:
        try:
            self._service.delete_item(item.id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.context.signals.data_changed.emit("item")
        self.run_search(keep=item.title_id)

    def confirm(self, text: str, action: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("deleteConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete"))
        box.setText(text)
        box.setInformativeText(
            self.tr("It leaves the catalogue and the searches; past loans stay in the history.")
        )
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("deleteConfirmButton")
        delete.clicked.connect(action)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("deleteCancelButton")
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # --- elsewhere -------------------------------------------------------------------------

    def on_context_data_changed(self, table: str) -> None:
        """An import, a loan or a return elsewhere changed titles, copies or their status."""
        if table in ("title", "item", "loan") and not self.search_timer.isActive():
            item = self.detail.selected_item()
            self.run_search()
            if item is not None and self.detail.title is not None:
                self.show_title(self.detail.title.id, item.id)

    def on_context_user_changed(self, user: User) -> None:
        self._service.close()
        self._service = self._make_service(user)
        self.update_buttons()

    def on_import_clicked(self) -> None:
        from app.ui.catalog.import_dialog import open_import_dialog

        open_import_dialog(self, self.context)

    def on_labels_clicked(self) -> None:
        item_ids = [
            item.id for title_id in self.selected_ids() for item in self._service.items_of(title_id)
        ]
        from app.ui.catalog.labels import LabelsDialog

        LabelsDialog(self.context, item_ids, self).open()
