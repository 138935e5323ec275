"""The library's own lists, opened from the Settings page: visit purposes, age bands, activity categories.

The dialogs only edit; ``app.core.codes`` decides what may change (the
national codes stay; activity categories can be renamed, moved and hidden,
never added or removed) and ``Settings.change`` checks everything again and
writes nothing on a bad list (nor for a role without the settings permission). A default label is kept as its English source, so it
stays translated; a label the library types is shown as typed. After a save the
open pages hear ``settings_changed`` (with the changed key) and
``data_changed("setting")``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import codes
from app.core.codes import AgeBand, CategoryEntry, PurposeEntry
from app.core.errors import KnownError, ValidationError
from app.ui.context import AppContext
from app.ui.i18n import error_text, tr
from app.ui.widgets import ErrorLabel

_Index = QModelIndex | QPersistentModelIndex


def _shown(label: str) -> str:
    """A stored label as the librarian sees it."""
    return codes.clean_label(tr(label))


def _kept_label(typed: str, *sources: str) -> str:
    """What to store for a typed name: a source label if the name is its translation."""
    text = codes.clean_label(typed)
    for source in sources:
        if source and text == _shown(source):
            return source
    return text


def _notify(context: AppContext, key: str, value: object) -> None:
    context.signals.settings_changed.emit({key: value})
    context.signals.data_changed.emit("setting")


@dataclass
class _Row:
    code: str | None  # None: a purpose added in this dialog; its code is made on saving
    label: str
    hidden: bool = False


class _OfferedListModel(QAbstractTableModel):
    """A list the library names and offers: name (editable), offered (a tick), code (read-only).

    The words the lists share keep the context they were first translated
    under, "PurposesModel" (a literal one: pyside6-lupdate extracts only those).
    """

    NAME, OFFERED, CODE = range(3)
    defaults: tuple[codes.Code, ...] = ()  # the national entries, whose labels stay translated

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[_Row] = []

    def codes(self) -> list[str]:
        return [row.code or "" for row in self.rows]

    def _tip(self, row: _Row) -> str:
        raise NotImplementedError

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.NAME:
            return QCoreApplication.translate("PurposesModel", "Name")
        if section == self.OFFERED:
            return QCoreApplication.translate("PurposesModel", "Offered")
        if section == self.CODE:
            return QCoreApplication.translate("PurposesModel", "Code")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == self.OFFERED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == self.NAME and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _shown(row.label)
        if column == self.OFFERED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Unchecked if row.hidden else Qt.CheckState.Checked
            if role == Qt.ItemDataRole.DisplayRole:
                if row.hidden:
                    return QCoreApplication.translate("PurposesModel", "hidden")
                return QCoreApplication.translate("PurposesModel", "offered")
        if column == self.CODE and role == Qt.ItemDataRole.DisplayRole:
            return self.codes()[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.hidden:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        row = self.rows[index.row()]
        if index.column() == self.NAME and role == Qt.ItemDataRole.EditRole:
            default = next((c.label for c in self.defaults if c.code == row.code), "")
            row.label = _kept_label(str(value), row.label, default)
            self.dataChanged.emit(index, index)
            self._codes_changed()
            return True
        if index.column() == self.OFFERED and role == Qt.ItemDataRole.CheckStateRole:
            state = Qt.CheckState(value) if isinstance(value, int) else value
            row.hidden = state != Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        return False

    def _codes_changed(self) -> None:
        """A purpose added here takes its code from its name: show the codes again."""


class PurposesModel(_OfferedListModel):
    """The purposes being edited; the library may add its own."""

    defaults = codes.DEFAULT_PURPOSES

    def __init__(self, entries: tuple[PurposeEntry, ...]) -> None:
        super().__init__()
        self.reset(entries)

    def reset(self, entries: tuple[PurposeEntry, ...]) -> None:
        self.beginResetModel()
        self.rows = [_Row(e.code, e.label, e.hidden) for e in entries]
        self.endResetModel()

    def entries(self) -> tuple[PurposeEntry, ...]:
        """The rows as they would be saved, new ones with the code they get."""
        return tuple(
            PurposeEntry(code, row.label, row.hidden)
            for row, code in zip(self.rows, self.codes(), strict=True)
        )

    def codes(self) -> list[str]:
        taken = {row.code for row in self.rows if row.code is not None}
        found = []
        for row in self.rows:
            code = row.code
            if code is None:
                code = codes.new_purpose_code(row.label, taken)
                taken.add(code)
            found.append(code)
        return found

    def is_new(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and self.rows[row].code is None

    def add(self, label: str) -> int:
        """A new purpose, offered, placed before "Other"; returns its row."""
        position = next(
            (i for i, row in enumerate(self.rows) if row.code == "lainnya"), len(self.rows)
        )
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, _Row(None, codes.clean_label(label)))
        self.endInsertRows()
        self._codes_changed()
        return position

    def remove(self, row: int) -> bool:
        """Take out a purpose added in this dialog (a saved one can only be hidden)."""
        if not self.is_new(row):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self._codes_changed()
        return True

    def _codes_changed(self) -> None:
        if self.rows:
            last = len(self.rows) - 1
            self.dataChanged.emit(self.index(0, self.CODE), self.index(last, self.CODE))

    def _tip(self, row: _Row) -> str:
        if row.code is None:
            return self.tr("New: its code is made from the name when you save.")
        if row.code in codes.NATIONAL_PURPOSE_CODES:
            return self.tr(
                "Counted by the national statistics: it can be renamed or hidden, not removed."
            )
        return self.tr("Your library's own purpose: it can be renamed or hidden.")


class CategoriesModel(_OfferedListModel):
    """The ten national activity categories being renamed, moved or hidden."""

    defaults = codes.DEFAULT_ACTIVITY_CATEGORIES

    def __init__(self, entries: tuple[CategoryEntry, ...]) -> None:
        super().__init__()
        self.reset(entries)

    def reset(self, entries: tuple[CategoryEntry, ...]) -> None:
        self.beginResetModel()
        self.rows = [_Row(e.code, e.label, e.hidden) for e in entries]
        self.endResetModel()

    def entries(self) -> tuple[CategoryEntry, ...]:
        """The rows as they would be saved, in their order."""
        return tuple(CategoryEntry(row.code or "", row.label, row.hidden) for row in self.rows)

    def move(self, row: int, step: int) -> int:
        """Move a row ``step`` places (-1 up, +1 down); the row it is on afterwards."""
        target = row + step
        if step == 0 or not 0 <= row < len(self.rows) or not 0 <= target < len(self.rows):
            return row
        # Qt names the row the moved one is placed before, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (step > 0))
        self.rows.insert(target, self.rows.pop(row))
        self.endMoveRows()
        return target

    def _tip(self, row: _Row) -> str:
        return self.tr(
            "A national category: it can be renamed, moved or hidden. Activities keep counting"
            " under its code."
        )


def _list_table(model: _OfferedListModel, name: str) -> QTableView:
    """A table of a list: rows selected whole, F2 or a double-click renames, Tab leaves it."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(model.NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(model.OFFERED, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.CODE, QHeaderView.ResizeMode.ResizeToContents)
    return table


class _ListDialog(QDialog):
    """What both editors share: an error line, Restore the defaults, Save and Cancel."""

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error = ErrorLabel("listError")
        # A literal context: a tr() in a base class is looked up under the subclass's name first.
        self.restore_button = QPushButton(
            QCoreApplication.translate("ListDialog", "&Restore the defaults")
        )
        self.restore_button.setObjectName("restoreDefaults")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.on_save_clicked)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    def save(self, key: str, value: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
        """Write ``value`` (already checked) unless it is what is stored; then close."""
        if value != stored:
            try:
                self.context.settings.change(self.context.user, {key: value})
            except KnownError as exc:
                self.show_error(exc)
                return
            _notify(self.context, key, value)
        self.accept()

    def show_error(self, exc: KnownError) -> None:
        self.error.show_message(error_text(exc))

    def show_row_error(self, exc: ValidationError, table: QTableView) -> None:
        """Show the message and select the row it names by number, ready to be fixed."""
        self.show_error(exc)
        number = exc.params.get("number")
        if isinstance(number, int):
            table.setCurrentIndex(table.model().index(number - 1, _OfferedListModel.NAME))
            table.setFocus()

    def on_restore_clicked(self) -> None:
        raise NotImplementedError

    def on_save_clicked(self) -> None:
        raise NotImplementedError


class PurposesDialog(_ListDialog):
    """Rename, hide or add visit purposes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Visit purposes"))
        self.setMinimumSize(560, 460)
        self.stored = codes.purposes_setting(
            codes.purpose_entries(context.settings.get("purposes"))
        )
        self.model = PurposesModel(codes.purpose_entries(context.settings.get("purposes")))

        intro = QLabel(
            self.tr(
                "The guestbook and the self check-in offer the ticked purposes. Untick one to "
                "stop offering it: old visits keep it. Double-click a name or press F2 to rename it."
            )
        )
        intro.setWordWrap(True)
        self.table = _list_table(self.model, "purposesTable")
        table_label = QLabel(self.tr("&Purposes"))
        table_label.setBuddy(self.table)

        self.new_label = QLineEdit()
        self.new_label.setObjectName("newPurpose")
        self.new_label.setMaxLength(codes.MAX_LABEL)
        self.new_label.installEventFilter(self)
        self.new_label.setPlaceholderText(self.tr("For example: Posyandu for toddlers"))
        new_caption = QLabel(self.tr("&New purpose:"))
        new_caption.setBuddy(self.new_label)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("addPurpose")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("removePurpose")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(
            self.tr("Only a purpose added now can be removed; a saved one can be unticked.")
        )
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.on_current_changed(self.table.currentIndex())

        adding = QHBoxLayout()
        adding.addWidget(new_caption)
        adding.addWidget(self.new_label, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        self.finish_layout(layout)
        self.setTabOrder(self.table, self.new_label)
        self.table.setFocus()
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, PurposesModel.NAME))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the new purpose's field adds it (instead of saving the dialog).
        if (
            watched is self.new_label
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.on_add_clicked()
            return True
        return super().eventFilter(watched, event)

    def on_current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        self.remove_button.setEnabled(self.model.is_new(current.row()))

    def on_add_clicked(self) -> None:
        self.error.hide()
        label = codes.clean_label(self.new_label.text())
        if not label:
            self.error.show_message(self.tr("Type the name of the new purpose first."))
            self.new_label.setFocus()
            return
        row = self.model.add(label)
        self.new_label.clear()
        self.table.setCurrentIndex(self.model.index(row, PurposesModel.NAME))
        self.table.scrollTo(self.model.index(row, PurposesModel.NAME))

    def on_remove_clicked(self) -> None:
        row = self.table.currentIndex().row()
        if self.model.remove(row):
            self.on_current_changed(self.table.currentIndex())

    def on_restore_clicked(self) -> None:
        self.error.hide()
        self.model.reset(codes.restored_purposes(self.model.entries()))
        self.table.setCurrentIndex(self.model.index(0, PurposesModel.NAME))

    def on_save_clicked(self) -> None:
        self.error.hide()
        value = codes.purposes_setting(self.model.entries())
        try:
            checked = codes.check_purposes(value, display=tr)
        except ValidationError as exc:
            self.show_row_error(exc, self.table)
            return
        self.save("purposes", checked, self.stored)


class AgeBandsDialog(_ListDialog):
    """Rename the four age bands and move the ages where they start."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Age bands"))
        self.setMinimumWidth(520)
        bands = codes.age_bands(context.settings.get("age_bands"))
        self.stored = codes.age_bands_setting(bands)
        self.sources = [band.label for band in bands]  # the labels as stored

        intro = QLabel(
            self.tr(
                "Rename a band or change the age at which it starts; the next band starts "
                "where it ends. Bands cannot be added or removed in this version."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        captions = [
            QLabel(text)
            for text in (self.tr("Code"), self.tr("&Name"), self.tr("&From age"), self.tr("Ages"))
        ]
        for column, caption in enumerate(captions):
            caption.setStyleSheet("font-weight: bold;")
            grid.addWidget(caption, 0, column)
        self.names: list[QLineEdit] = []
        self.starts: list[QSpinBox] = []
        self.ranges: list[QLabel] = []
        for index, band in enumerate(bands):
            name = QLineEdit(_shown(band.label))
            name.setObjectName(f"band_{band.code}_label")
            name.setMaxLength(codes.MAX_LABEL)
            start = QSpinBox()
            start.setObjectName(f"band_{band.code}_start")
            start.setRange(0, 0 if index == 0 else codes.MAX_AGE)
            start.setValue(band.min_age)
            start.setEnabled(index > 0)  # the first band starts at 0
            start.valueChanged.connect(self.on_start_changed)
            ages = QLabel()
            ages.setObjectName(f"band_{band.code}_ages")
            grid.addWidget(QLabel(band.code), index + 1, 0)
            grid.addWidget(name, index + 1, 1)
            grid.addWidget(start, index + 1, 2)
            grid.addWidget(ages, index + 1, 3)
            self.names.append(name)
            self.starts.append(start)
            self.ranges.append(ages)
        grid.setColumnStretch(1, 1)
        captions[1].setBuddy(self.names[0])
        captions[2].setBuddy(self.starts[1])
        self.on_start_changed()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.finish_layout(layout)
        self.names[0].setFocus()

    def bands(self) -> tuple[AgeBand, ...]:
        """The bands as typed (a default name kept as its source, so it stays translated)."""
        return tuple(
            AgeBand(
                default.code,
                _kept_label(name.text(), source, default.label),
                start.value(),
            )
            for default, source, name, start in zip(
                codes.DEFAULT_AGE_BANDS, self.sources, self.names, self.starts, strict=True
            )
        )

    def on_start_changed(self, _value: int = 0) -> None:
        bands = tuple(AgeBand("", "", start.value()) for start in self.starts)
        for index, label in enumerate(self.ranges):
            low, high = codes.age_range(bands, index)
            if high is None:
                label.setText(self.tr("{low} years and older").format(low=low))
            elif high < low:
                label.setText("—")
            else:
                label.setText(self.tr("{low}–{high} years").format(low=low, high=high))

    def on_restore_clicked(self) -> None:
        self.error.hide()
        for index, band in enumerate(codes.DEFAULT_AGE_BANDS):
            self.sources[index] = band.label
            self.names[index].setText(_shown(band.label))
            self.starts[index].setValue(band.min_age)

    def on_save_clicked(self) -> None:
        self.error.hide()
        value = codes.age_bands_setting(self.bands())
        try:
            checked = codes.check_age_bands(value, display=tr)
        except ValidationError as exc:
            self.show_error(exc)
            self.focus_field(exc.params)
            return
        self.save("age_bands", checked, self.stored)

    def focus_field(self, params: dict[str, Any]) -> None:
        """Put the cursor where the message points: a band's name, or where it starts."""
        number, label = params.get("number"), params.get("label")
        shown = [codes.clean_label(name.text()) for name in self.names]
        index = number - 1 if isinstance(number, int) else None
        if index is None and label in shown:
            index = shown.index(label)
        if index is None:
            return
        age_problem = "previous" in params or ("limit" in params and number is None)
        widget = self.starts[index] if age_problem else self.names[index]
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()


class CategoriesDialog(_ListDialog):
    """Rename, reorder and hide the activity categories (the ten national ones stay)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(self.tr("Activity categories"))
        self.setMinimumSize(600, 480)
        entries = codes.activity_category_entries(context.settings.get("activity_categories"))
        self.stored = codes.activity_categories_setting(entries)
        self.model = CategoriesModel(entries)

        intro = QLabel(
            self.tr(
                "New activities offer the ticked categories, in this order. Untick one to stop "
                "offering it: old activities keep it. Double-click a name or press F2 to rename "
                "it. Every category keeps its national code, so the reports still count it."
            )
        )
        intro.setWordWrap(True)
        self.table = _list_table(self.model, "categoriesTable")
        self.table.installEventFilter(self)
        table_label = QLabel(self.tr("&Categories"))
        table_label.setBuddy(self.table)

        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setObjectName("moveCategoryUp")
        self.up_button.setAutoDefault(False)
        self.up_button.setToolTip(self.tr("Ctrl+Up in the list does the same."))
        self.up_button.clicked.connect(self.on_up_clicked)
        self.down_button = QPushButton(self.tr("Move &down"))
        self.down_button.setObjectName("moveCategoryDown")
        self.down_button.setAutoDefault(False)
        self.down_button.setToolTip(self.tr("Ctrl+Down in the list does the same."))
        self.down_button.clicked.connect(self.on_down_clicked)
        self.table.selectionModel().currentRowChanged.connect(self.on_current_changed)

        moving = QHBoxLayout()
        moving.addWidget(self.up_button)
        moving.addWidget(self.down_button)
        moving.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(moving)
        self.finish_layout(layout)
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, CategoriesModel.NAME))
        self.on_current_changed(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Up / Ctrl+Down in the list move the current category.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def on_current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        row = current.row()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    def move_current(self, step: int) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        row = self.model.move(current.row(), step)
        self.table.setCurrentIndex(self.model.index(row, current.column()))
        self.on_current_changed(self.table.currentIndex())

    def on_up_clicked(self) -> None:
        self.move_current(-1)

    def on_down_clicked(self) -> None:
        self.move_current(1)

    def on_restore_clicked(self) -> None:
        """The national names, in the national order, all offered."""
        self.error.hide()
        self.model.reset(codes.activity_category_entries(None))
        self.table.setCurrentIndex(self.model.index(0, CategoriesModel.NAME))
        self.on_current_changed(self.table.currentIndex())

    def on_save_clicked(self) -> None:
        self.error.hide()
        value = codes.activity_categories_setting(self.model.entries())
        try:
            checked = codes.check_activity_categories(value, display=tr)
        except ValidationError as exc:
            self.show_row_error(exc, self.table)
            return
        self.save("activity_categories", checked, self.stored)
