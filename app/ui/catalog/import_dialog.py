"""Importing catalogue records: pick a file and its kind, read the plan, import, read the report.

``open_import_dialog(parent, context)`` asks for a file, guesses its kind from
the extension (MARC 21, MARCXML, SLiMS CSV, and whatever kinds
``app.core.catalog_import.FileKind`` lists, so a kind added there appears here
too), and checks the whole file on a background task with a progress dialog
that can be cancelled. The plan says how many records will be imported, how
many repeat an earlier record and are merged, and which are skipped and why.
"Import" writes every good record in one transaction on a background task:
cancelled or failed, nothing is written. The report lists what was imported,
merged and skipped, record by record. A file that is not what it claims to be
is refused with a clear message before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission
from app.core.catalog import SOURCES
from app.core.catalog_import import (
    FileKind,
    ImportPlan,
    ImportReport,
    PlannedRecord,
    check_file,
    run_import,
    sniff_kind,
)
from app.core.errors import KnownError
from app.core.tasks import Cancelled, Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.catalog.format import SOURCE_LABELS, label
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import error_text, tr
from app.ui.table_model import RowsModel
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

_Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    "marc": QT_TRANSLATE_NOOP("PerpusDesa", "MARC 21 (ISO 2709), such as an INLISLite export"),
    "marcxml": QT_TRANSLATE_NOOP("PerpusDesa", "MARCXML"),
    "slims-csv": QT_TRANSLATE_NOOP("PerpusDesa", "SLiMS bibliography export (CSV)"),
    "template": QT_TRANSLATE_NOOP("PerpusDesa", "PerpusDesa catalogue template (CSV or XLSX)"),
}
OUTCOME_IMPORT = QT_TRANSLATE_NOOP("PerpusDesa", "Import")
OUTCOME_MERGE = QT_TRANSLATE_NOOP("PerpusDesa", "Merge")
OUTCOME_SKIP = QT_TRANSLATE_NOOP("PerpusDesa", "Skip")
SAME_AS = QT_TRANSLATE_NOOP("PerpusDesa", "the same book as record {number}")


def kind_label(kind: FileKind) -> str:
    source = KIND_LABELS.get(kind.value)
    return tr(source) if source is not None else kind.value


class PlanModel(RowsModel):
    """The records of a plan that are worth a look: skipped, merged, or with a warning."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Record"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Title"),
        QT_TRANSLATE_NOOP("PerpusDesa", "What happens"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Why"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, parent)

    def set_plan(self, plan: ImportPlan | None) -> None:
        records = [] if plan is None else plan.records
        self.set_rows(
            [r for r in records if r.data is None or r.duplicate_of is not None or r.warnings]
        )

    def record(self, row: int) -> PlannedRecord:
        record: PlannedRecord = self.rows[row]
        return record

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return record.number
        if column == 1:
            return record.data.title if record.data is not None else ""
        if column == 2:
            if record.data is None:
                return tr(OUTCOME_SKIP)
            return tr(OUTCOME_MERGE if record.duplicate_of is not None else OUTCOME_IMPORT)
        reasons = []
        if record.skipped is not None:
            reasons.append(record.skipped.render(QCoreApplication.translate))
        if record.duplicate_of is not None:
            reasons.append(tr(SAME_AS).format(number=record.duplicate_of))
        reasons += [warning.render(QCoreApplication.translate) for warning in record.warnings]
        return "; ".join(reasons)


class CatalogImportDialog(QDialog):
    """One file: its kind, the plan of what will happen, the import and its report."""

    def __init__(
        self, context: AppContext, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.task: Task | None = None
        self.close_when_stopped = False
        self.setObjectName("catalogImportDialog")
        self.setWindowTitle(self.tr("Import catalogue records"))
        self.resize(820, 520)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.textEdited.connect(self.on_path_edited)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setObjectName("choose")
        self.choose_button.clicked.connect(self.on_choose_clicked)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        for kind in FileKind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.kind_box.activated.connect(self.on_kind_activated)
        self.source_box = QComboBox()
        self.source_box.setObjectName("source")
        for code in SOURCES:
            self.source_box.addItem(label(SOURCE_LABELS, code), code)
        self.check_button = QPushButton(self.tr("Check the fi&le"))
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(self.on_check_clicked)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "A record of a book already in the catalogue (the same ISBN, else the same"
                " title, first author and year) adds its copies to that title."
            )
        )
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.model = PlanModel(self)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 70)
        header.resizeSection(1, 260)
        header.resizeSection(2, 110)
        header.setStretchLastSection(True)
        self.table.hide()
        self.report_lines = QPlainTextEdit()
        self.report_lines.setObjectName("reportLines")
        self.report_lines.setReadOnly(True)
        self.report_lines.hide()
        self.spacer = QWidget()
        self.error = ErrorLabel("dialogError")

        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.on_import_clicked)
        self.import_button.hide()
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.on_close_clicked)
        buttons = QDialogButtonBox()
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_box, 1)
        kind_row.addWidget(self.check_button)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        kind_caption = QLabel(self.tr("&Kind of file"))
        kind_caption.setBuddy(self.kind_box)
        form.addRow(kind_caption, kind_row)
        form.addRow(self.tr("&Copies came from"), self.source_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.report_lines, 1)
        layout.addWidget(self.spacer, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if path is not None:
            self.set_path(path)

    # --- the file --------------------------------------------------------------------

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.on_path_edited(str(path))

    def on_path_edited(self, text: str) -> None:
        kind = sniff_kind(Path(text.strip()))
        if kind is not None:
            self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
        self.forget_plan()

    def on_kind_activated(self, _index: int) -> None:
        self.forget_plan()

    def on_choose_clicked(self) -> None:
        chosen = choose_file(self)
        if chosen is not None:
            self.set_path(chosen)
            self.start()

    def forget_plan(self) -> None:
        """The file or its kind changed: what was checked no longer holds."""
        if self.report is not None:
            return
        self.plan = None
        self.model.set_plan(None)
        self.summary.clear()
        self.note.hide()
        self.table.hide()
        self.spacer.show()
        self.error.hide()
        self.update_buttons()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def kind(self) -> FileKind:
        return FileKind(self.kind_box.currentData())

    # --- checking --------------------------------------------------------------------

    def on_check_clicked(self) -> None:
        self.start()

    def start(self) -> None:
        """Check the whole file on a background task."""
        if self.task is not None or not self.path_edit.text().strip():
            return
        self.forget_plan()
        path, kind = self.path(), self.kind()
        self.summary.setText(self.tr("Checking every record..."))
        self.task = (
            Task(self, lambda progress: check_file(path, kind, progress), self.on_checked)
            .on_failure(self.on_task_failed)
            .with_progress(self.tr("Reading {file}...").format(file=path.name))
            .run()
        )
        self.update_buttons()

    def on_checked(self, plan: ImportPlan) -> None:
        if self.finished_task():
            return
        self.plan = plan
        self.model.set_plan(plan)
        good, skipped = len(plan.good), len(plan.skipped)
        self.summary.setText(
            self.tr(
                "Records in the file: {total}. To import: {good}. Duplicates to merge:"
                " {duplicates}. Skipped: {skipped}."
            ).format(
                total=len(plan.records),
                good=good,
                duplicates=len(plan.duplicates),
                skipped=skipped,
            )
        )
        self.note.show()
        self.table.setVisible(self.model.rowCount() > 0)
        self.spacer.setVisible(self.model.rowCount() == 0)
        self.import_button.setText(self.tr("&Import {count} records").format(count=good))
        self.import_button.show()
        if not self.context.can(Permission.EDIT):
            self.error.show_message(
                self.tr("Only a manager or an administrator can import the catalogue.")
            )
        self.update_buttons()
        if self.import_button.isEnabled():
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def update_buttons(self) -> None:
        idle = self.task is None
        done = self.report is not None
        self.path_edit.setEnabled(idle and not done)
        self.choose_button.setEnabled(idle and not done)
        self.kind_box.setEnabled(idle and not done)
        self.source_box.setEnabled(idle and not done)
        self.check_button.setEnabled(idle and not done and bool(self.path_edit.text().strip()))
        self.import_button.setVisible(self.plan is not None and not done)
        self.import_button.setEnabled(
            idle
            and not done
            and self.plan is not None
            and bool(self.plan.good)
            and self.context.can(Permission.EDIT)
        )
        self.close_button.setText(self.tr("&Close") if done else self.tr("Cancel"))

    # --- importing -------------------------------------------------------------------

    def on_import_clicked(self) -> None:
        plan = self.plan
        if plan is None or self.task is not None:
            return
        self.error.hide()
        db, user = self.context.db, self.context.user
        source = self.source_box.currentData()

        def op(progress: Progress) -> ImportReport:
            return run_import(db, user, plan, progress, source=source)

        self.task = (
            Task(self, op, self.on_imported)
            .on_failure(self.on_task_failed)
            .with_progress(self.tr("Importing {count} records...").format(count=len(plan.good)))
            .run()
        )
        self.update_buttons()

    def on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.context.signals.data_changed.emit("title")
        if self.finished_task():
            return
        self.summary.setText(
            self.tr(
                "Imported: {imported} new titles. Merged as duplicates: {merged}. Copies"
                " added: {copies}. Skipped: {skipped}."
            ).format(
                imported=report.imported,
                merged=report.merged_as_duplicates,
                copies=report.copies,
                skipped=len(report.skipped),
            )
        )
        lines = report.lines(QCoreApplication.translate)
        self.report_lines.setPlainText(
            "\n".join(lines) if lines else self.tr("Every record was imported without a problem.")
        )
        self.note.hide()
        self.table.hide()
        self.spacer.hide()
        self.report_lines.show()
        self.update_buttons()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def on_task_failed(self, exc: BaseException) -> None:
        checking = self.plan is None
        if self.finished_task():  # closed meanwhile: only a bug is still worth a message
            if not isinstance(exc, KnownError):
                show_error(self.parentWidget(), exc, self.context.data_dir)
            return
        if checking:
            self.summary.clear()
        if isinstance(exc, Cancelled):
            self.error.show_message(
                self.tr("Stopped. Nothing was read.")
                if checking
                else self.tr("Stopped. Nothing was imported.")
            )
        elif isinstance(exc, KnownError):
            self.error.show_message(error_text(exc))
        else:
            show_error(self, exc, self.context.data_dir)
        self.update_buttons()

    def on_close_clicked(self) -> None:
        if self.report is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        """Cancel, Close or Escape. A running job is stopped first (nothing is written);
        the dialog closes when it has stopped."""
        if self.task is not None:
            self.close_when_stopped = True
            self.close_button.setEnabled(False)
            self.task.cancel()
            return
        super().reject()

    def finished_task(self) -> bool:
        """Forget the finished job; True if the dialog was asked to close meanwhile."""
        self.task = None
        if self.close_when_stopped:
            super().reject()
            return True
        return False


def choose_file(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CatalogImportDialog", "Choose the file of catalogue records"),
        str(Path.home()),
        QCoreApplication.translate(
            "CatalogImportDialog",
            "Catalogue files (*.mrc *.marc *.iso *.dat *.xml *.csv *.xlsx);;All files (*)",
        ),
    )
    return Path(chosen) if chosen else None


def open_import_dialog(
    parent: QWidget, context: AppContext, path: Path | None = None
) -> CatalogImportDialog | None:
    """Ask for a file (unless given), then open the dialog and check the file (non-blocking)."""
    chosen = path if path is not None else choose_file(parent)
    if chosen is None:
        return None
    dialog = CatalogImportDialog(context, chosen, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()
    return dialog
