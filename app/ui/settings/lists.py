"""The library's own lists, opened from the Settings page: visit purposes and age bands.

Both dialogs only edit; ``app.core.codes`` decides what may change (the
national codes stay) and ``Settings.change`` checks everything again and writes
nothing on a bad list. A default label is kept as its English source, so it
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
from app.core.codes import AgeBand, PurposeEntry
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
class _PurposeRow:
    code: str | None  # None: added in this dialog; its code is made from the name on saving
    label: str
    hidden: bool = False

    @property
    def national(self) -> bool:
        return self.code in codes.NATIONAL_PURPOSE_CODES


class PurposesModel(QAbstractTableModel):
    """The purposes being edited: name (editable), offered (a tick), code (read-only)."""

    NAME, OFFERED, CODE = range(3)

    def __init__(self, entries: tuple[PurposeEntry, ...]) -> None:
        super().__init__()
        self.rows: list[_PurposeRow] = []
        self.reset(entries)

    def reset(self, entries: tuple[PurposeEntry, ...]) -> None:
        self.beginResetModel()
        self.rows = [_PurposeRow(e.code, e.label, e.hidden) for e in entries]
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
        self.rows.insert(position, _PurposeRow(None, codes.clean_label(label)))
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
            return self.tr("Name")
        if section == self.OFFERED:
            return self.tr("Offered")
        if section == self.CODE:
            return self.tr("Code")
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
                return self.tr("hidden") if row.hidden else self.tr("offered")
        if column == self.CODE and role == Qt.ItemDataRole.DisplayRole:
            return self.codes()[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.hidden:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _tip(self, row: _PurposeRow) -> str:
        if row.code is None:
            return self.tr("New: its code is made from the name when you save.")
        if row.national:
            return self.tr(
                "Counted by the national statistics: it can be renamed or hidden, not removed."
            )
        return self.tr("Your library's own purpose: it can be renamed or hidden.")

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        row = self.rows[index.row()]
        if index.column() == self.NAME and role == Qt.ItemDataRole.EditRole:
            default = next((p.label for p in codes.DEFAULT_PURPOSES if p.code == row.code), "")
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
        self.table = QTableView()
        self.table.setObjectName("purposesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PurposesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PurposesModel.OFFERED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PurposesModel.CODE, QHeaderView.ResizeMode.ResizeToContents)
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
            self.show_error(exc)
            number = exc.params.get("number")
            if isinstance(number, int):
                self.table.setCurrentIndex(self.model.index(number - 1, PurposesModel.NAME))
                self.table.setFocus()
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
