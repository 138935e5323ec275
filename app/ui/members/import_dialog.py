"""Importing members from a file: pick it, read the report of every row, then import.

``open_import_dialog(parent, context)`` asks for a CSV or XLSX file, then the
dialog checks every row on a background task (with a progress dialog that
can be cancelled) and lists the problems -- row, column, what is wrong -- in a
table. "Import N members" is offered only when every row is valid; otherwise
"Skip the bad rows and import N" imports the valid ones. A SLiMS export
records no consent, so the operator ticks that consent was collected on paper
before either button works. The import itself is one transaction on a
background task: cancelled or failed, nothing is written.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.member_import import (
    SLIMS_CONSENT_NOTE,
    ImportReport,
    ImportResult,
    Layout,
    Problem,
    check_file,
    import_members,
    template_path,
)
from app.core.tasks import Cancelled, Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import error_text, tr
from app.ui.table_model import RowsModel
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

_Index = QModelIndex | QPersistentModelIndex

LAYOUT_LABELS = {
    Layout.TEMPLATE: QT_TRANSLATE_NOOP("PerpusDesa", "PerpusDesa member template"),
    Layout.SLIMS: QT_TRANSLATE_NOOP("PerpusDesa", "SLiMS member export"),
}


class ProblemModel(RowsModel):
    """The problems of a report, one line each: row, column, problem."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Row"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Column"),
        QT_TRANSLATE_NOOP("PerpusDesa", "Problem"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.HEADERS, parent)

    @property
    def problems(self) -> list[Problem]:
        return self.rows

    def set_report(self, report: ImportReport | None) -> None:
        self.set_rows([] if report is None else report.problems)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return problem.row
            if column == 1:
                return problem.column
            return problem.render(QCoreApplication.translate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportDialog(QDialog):
    """The report of one file and the buttons to import it."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = Path(path)
        self.report: ImportReport | None = None
        self.outcome: ImportResult | None = None
        self.task: Task | None = None
        self.close_when_stopped = False
        self.setWindowTitle(self.tr("Import members"))
        self.resize(760, 480)

        self.file_label = QLabel(self.tr("File: {file}").format(file=str(self.path)))
        self.file_label.setObjectName("file")
        self.file_label.setWordWrap(True)
        self.summary = QLabel(self.tr("Checking every row..."))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.consent_note = QLabel(tr(SLIMS_CONSENT_NOTE))
        self.consent_note.setObjectName("consentNote")
        self.consent_note.setWordWrap(True)
        self.consent_note.hide()
        self.consent = QCheckBox(
            self.tr(
                "Every member in this file agreed &on paper to how their data are kept "
                "(for children: a parent or guardian)."
            )
        )
        self.consent.setObjectName("consent")
        self.consent.hide()
        self.consent.toggled.connect(self.on_consent_toggled)

        self.model = ProblemModel(self)
        self.table = QTableView()
        self.table.setObjectName("problems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.hide()

        self.error = ErrorLabel("dialogError")
        self.done_label = QLabel()
        self.done_label.setObjectName("done")
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skip")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.skip_button.clicked.connect(self.on_skip_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.import_button.hide()
        self.skip_button.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.consent_note)
        layout.addWidget(self.consent)
        layout.addWidget(self.table, 1)
        self.spacer = QWidget()  # takes the table's room while there is no table
        layout.addWidget(self.spacer, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.buttons)

    # --- checking --------------------------------------------------------------------

    def start(self) -> None:
        """Check the file's rows on a background task."""
        db, user, path = self.context.db, self.context.user, self.path
        self.task = (
            Task(self, lambda progress: check_file(db, user, path, progress), self.on_checked)
            .on_failure(self.on_task_failed)
            .with_progress(self.tr("Checking the rows of {file}...").format(file=path.name))
            .run()
        )

    def on_checked(self, report: ImportReport) -> None:
        if self.finished_task():
            return
        self.report = report
        self.model.set_report(report)
        valid, invalid = len(report.valid_rows), len(report.invalid_rows)
        kind = tr(LAYOUT_LABELS[report.layout])
        self.file_label.setText(
            self.tr("File: {file} ({kind})").format(file=str(self.path), kind=kind)
        )
        if invalid:
            self.summary.setText(
                self.tr(
                    "Rows in the file: {total}. Ready to import: {valid}. With problems: "
                    "{invalid}. Correct the file and open it again, or skip the bad rows."
                ).format(total=valid + invalid, valid=valid, invalid=invalid)
            )
        else:
            self.summary.setText(
                self.tr("Rows in the file: {total}. Every one can be imported.").format(total=valid)
            )
        self.table.setVisible(bool(invalid))
        self.spacer.setVisible(not invalid)
        needs_consent = report.needs_consent_confirmation
        self.consent_note.setVisible(needs_consent)
        self.consent.setVisible(needs_consent)
        self.import_button.setText(self.tr("&Import {count} members").format(count=valid))
        self.skip_button.setText(
            self.tr("&Skip the bad rows and import {count}").format(count=valid)
        )
        self.import_button.setVisible(not invalid)
        self.skip_button.setVisible(bool(invalid) and valid > 0)
        self.update_buttons()
        if invalid:
            self.table.setFocus()
        elif needs_consent:
            self.consent.setFocus()
        else:
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def update_buttons(self) -> None:
        report = self.report
        ready = (
            report is not None
            and self.task is None
            and self.outcome is None
            and (not report.needs_consent_confirmation or self.consent.isChecked())
        )
        self.import_button.setEnabled(ready and report is not None and not report.invalid_rows)
        self.skip_button.setEnabled(ready and report is not None and bool(report.valid_rows))

    def on_consent_toggled(self) -> None:
        self.update_buttons()

    # --- importing -------------------------------------------------------------------

    def on_import_clicked(self) -> None:
        self.run_import(skip_invalid=False)

    def on_skip_clicked(self) -> None:
        self.run_import(skip_invalid=True)

    def run_import(self, *, skip_invalid: bool) -> None:
        report = self.report
        if report is None:
            return
        self.error.hide()
        db, user = self.context.db, self.context.user
        consent = self.consent.isChecked()

        def op(progress: Progress) -> ImportResult:
            return import_members(
                db,
                user,
                report,
                skip_invalid=skip_invalid,
                consent_collected=consent,
                progress=progress,
            )

        count = len(report.valid_rows)
        self.task = (
            Task(self, op, self.on_imported)
            .on_failure(self.on_task_failed)
            .with_progress(self.tr("Importing {count} members...").format(count=count))
            .run()
        )
        self.consent.setEnabled(False)
        self.update_buttons()

    def on_imported(self, result: ImportResult) -> None:
        self.outcome = result
        self.context.signals.data_changed.emit("member")
        if self.finished_task():
            return
        text = self.tr("Members imported: {count}.").format(count=result.imported)
        if result.skipped:
            text += " " + self.tr("Rows with problems left out: {count}.").format(
                count=result.skipped
            )
        self.done_label.setText(text)
        self.done_label.show()
        self.import_button.hide()
        self.skip_button.hide()
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setFocus()
        self.update_buttons()

    def on_task_failed(self, exc: BaseException) -> None:
        if self.finished_task() and isinstance(exc, KnownError):
            return
        self.consent.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.error.show_message(self.tr("Stopped. Nothing was imported."))
        elif isinstance(exc, KnownError):
            self.error.show_message(error_text(exc))
        else:
            show_error(self, exc, self.context.data_dir)
        if self.report is None:
            self.summary.hide()
        self.update_buttons()

    def on_cancel_clicked(self) -> None:
        if self.task is None:
            self.reject()
            return
        # The job stops at its next safe point; the dialog closes when it has.
        self.close_when_stopped = True
        self.cancel_button.setEnabled(False)
        self.task.cancel()

    def finished_task(self) -> bool:
        """Forget the finished task; True if the dialog was asked to close meanwhile."""
        self.task = None
        if self.close_when_stopped:
            self.reject()
            return True
        return False


def choose_file(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Choose the file of members"),
        str(Path.home()),
        QCoreApplication.translate(
            "ImportDialog", "Member files (*.csv *.xlsx *.txt);;All files (*)"
        ),
    )
    return Path(chosen) if chosen else None


def open_import_dialog(
    parent: QWidget, context: AppContext, path: Path | None = None
) -> ImportDialog | None:
    """Ask for a file (unless given), then open the report dialog (non-blocking)."""
    chosen = path if path is not None else choose_file(parent)
    if chosen is None:
        return None
    dialog = ImportDialog(context, chosen, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()
    return dialog


def save_member_template(parent: QWidget) -> Path | None:
    """Save a copy of the blank member template where the user chooses."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save the member template"),
        str(Path.home() / template_path().name),
        QCoreApplication.translate("ImportDialog", "CSV files (*.csv)"),
    )
    if not chosen:
        return None
    try:
        shutil.copyfile(template_path(), chosen)
    except OSError as exc:
        show_error(
            parent,
            KnownError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The file {path} could not be written: {reason}"),
                path=chosen,
                reason=exc.strerror or str(exc),
            ),
        )
        return None
    return Path(chosen)
