"""The shared "save as PDF or send to a printer" dialog and the safe PDF write behind it.

A print dialog subclasses :class:`PdfPrintDialog` and gives its own texts (in
its own translation context: the ``self.tr()`` calls stay in the subclass, so
the catalogue's translations still apply), a summary line, a default file
name, any rows of its own above the PDF/printer choice, and two methods:
``make_pdf(path, progress)`` writes the PDF (on a worker thread, in a
:class:`Task`) and ``print_to(printer)`` paints on the printer chosen in Qt's
print dialog. Hooks such as ``nothing_to_print``, ``pdf_job``,
``open_printer_dialog`` and ``setup_printer`` cover the dialogs that read
their data first::

    class StoryPrintDialog(PdfPrintDialog):
        def __init__(self, ...):
            texts = PrintTexts(title=self.tr("Print the story"), ...)
            super().__init__(texts, summary, pdf_path, parent)

:func:`write_pdf` writes a PDF to ``<name>.part`` and moves it over the target
only when it is whole, so a failed or cancelled run leaves the old file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.tasks import Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.i18n import error_text
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "PerpusDesa", "The file {path} could not be written. Choose another folder."
)
FILE_IN_USE = QT_TRANSLATE_NOOP(
    "PerpusDesa",
    "The file {path} could not be written. Is it open in another program? Close it and try again.",
)
PRINTER_NOT_STARTED = QT_TRANSLATE_NOOP(
    "PerpusDesa", "The printer could not be started. Check that it is on and try again."
)


class PdfFileError(KnownError):
    """The PDF could not be written where the user asked."""


def write_pdf(
    path: Path | str,
    layout: QPageLayout,
    dpi: int,
    title: str,
    paint: Callable[[QPdfWriter], None],
    progress: Progress | None = None,
    error: type[KnownError] = PdfFileError,
    replace_failed: str = CANNOT_WRITE,
) -> Path:
    """Paint a PDF at ``path`` through ``paint(writer)``, replaced whole or not at all.

    Safe on a worker thread when ``paint`` is: the writer is made and used here only.
    A file that cannot be made raises ``error`` with the shared message; one that
    cannot be put in place at the end, ``error`` with ``replace_failed``.
    """
    path = Path(path)
    if progress is not None:
        progress.check()
    partial = path.with_name(path.name + ".part")
    try:  # Qt only says "QPainter::begin(): Returned false"; Python says why
        partial.write_bytes(b"")
    except OSError as exc:
        raise error(CANNOT_WRITE, path=str(path)) from exc
    try:
        writer = QPdfWriter(str(partial))
        try:
            writer.setResolution(dpi)
            writer.setPageLayout(layout)
            writer.setTitle(title)
            writer.setCreator("PerpusDesa")
            paint(writer)
        finally:
            del writer  # closes the file, so it can be moved or removed
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise error(replace_failed, path=str(path)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


@dataclass(frozen=True)
class PrintTexts:
    """The dialog's texts, translated by the subclass in its own context."""

    title: str
    as_pdf: str
    to_printer: str
    browse: str
    open_pdf: str
    ok: str
    cancel: str
    file: str
    save_as: str
    pdf_files: str
    no_path: str
    close: str
    progress: str
    saved: str  # "... saved in {path}."
    doc_name: str


class PdfPrintDialog(QDialog):
    """Save as a PDF (the default) or send to a printer; subclasses supply what to make."""

    def __init__(
        self,
        texts: PrintTexts,
        summary: str,
        pdf_path: Path,
        parent: QWidget | None = None,
        rows: Sequence[tuple[str | QWidget, QWidget | QLayout]] = (),
    ) -> None:
        """``rows``: the subclass's own form rows, above the choice of PDF or printer."""
        super().__init__(parent)
        self.texts = texts
        self.saved_path: Path | None = None
        self.task: Task | None = None
        self.print_dialog: QPrintDialog | None = None
        self.setWindowTitle(texts.title)
        self.setMinimumWidth(460)

        self.summary = QLabel(summary)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.as_pdf = QRadioButton(texts.as_pdf)
        self.as_pdf.setObjectName("as_pdf")
        self.to_printer = QRadioButton(texts.to_printer)
        self.to_printer.setObjectName("to_printer")
        self.as_pdf.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_pdf)
        group.addButton(self.to_printer)
        self.as_pdf.toggled.connect(self.on_output_toggled)
        self.path = QLineEdit(str(pdf_path))
        self.path.setObjectName("pdf_path")
        self.browse = QPushButton(texts.browse)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)

        self.error = ErrorLabel("dialogError")
        self.done_label = QLabel()
        self.done_label.setObjectName("done")
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.open_button = QPushButton(texts.open_pdf)
        self.open_button.setObjectName("open_pdf")
        self.open_button.clicked.connect(self.on_open_clicked)
        self.open_button.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(texts.ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(texts.cancel)
        self.buttons.accepted.connect(self.on_ok_clicked)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        for label, field in rows:
            self.form.addRow(label, field)
        self.form.addRow("", self.as_pdf)
        file_label = QLabel(texts.file)
        file_label.setBuddy(self.path)
        self.form.addRow(file_label, path_row)
        self.form.addRow("", self.to_printer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    # --- what a subclass supplies ---------------------------------------------------

    def nothing_to_print(self) -> str | None:
        """The message to show instead of printing (nothing to print), or None."""
        return None

    def make_pdf(self, path: Path, progress: Progress) -> Path:
        """Write the PDF at ``path`` (on a worker thread); the path written."""
        raise NotImplementedError

    def print_to(self, printer: QPrinter) -> None:
        """Paint on the printer chosen in the print dialog (GUI thread)."""
        raise NotImplementedError

    def make_print_dialog(self, printer: QPrinter) -> QPrintDialog:
        """Qt's print dialog for ``printer`` (a subclass's module may name its own)."""
        return QPrintDialog(printer, self)

    def setup_printer(self, printer: QPrinter) -> None:
        """Set the paper the printer dialog starts with (A4 unless a subclass says)."""
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))

    def busy_widgets(self) -> list[QWidget]:
        """The widgets disabled while the PDF is made."""
        return [self.ok_button, self.as_pdf, self.to_printer, self.path]

    # --- the shared behaviour -----------------------------------------------------

    def on_output_toggled(self) -> None:
        pdf = self.as_pdf.isChecked()
        self.path.setEnabled(pdf)
        self.browse.setEnabled(pdf)

    def on_browse_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.texts.save_as, self.path.text(), self.texts.pdf_files
        )
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def on_open_clicked(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path)))

    def set_busy(self, busy: bool) -> None:
        for widget in self.busy_widgets():
            widget.setEnabled(not busy)
        self.browse.setEnabled(not busy and self.as_pdf.isChecked())

    def on_ok_clicked(self) -> None:
        self.error.hide()
        self.done_label.hide()
        self.open_button.hide()
        message = self.nothing_to_print()
        if message is not None:
            self.error.show_message(message)
            return
        if self.to_printer.isChecked():
            self.open_printer_dialog()
            return
        text = self.path.text().strip()
        if not text:
            self.error.show_message(self.texts.no_path)
            return
        target = Path(text).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.set_busy(True)
        self.task = (
            Task(self, self.pdf_job(target), self.on_pdf_saved)
            .on_failure(self.on_task_failed)
            .with_progress(self.texts.progress)
            .run()
        )

    def pdf_job(self, target: Path) -> Callable[[Progress], Path]:
        """The work the task runs: ``make_pdf`` for the target chosen."""
        return lambda progress: self.make_pdf(target, progress)

    def on_task_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if isinstance(exc, KnownError):
            self.error.show_message(error_text(exc))
        else:
            self.show_unexpected(exc)

    def show_unexpected(self, exc: BaseException) -> None:
        from app.ui.errors import show_error

        show_error(self, exc)

    def on_pdf_saved(self, path: Path) -> None:
        self.set_busy(False)
        self.saved_path = path
        self.done_label.setText(self.texts.saved.format(path=str(path)))
        self.done_label.show()
        self.open_button.show()
        self.cancel_button.setText(self.texts.close)

    def open_printer_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.setup_printer(printer)
        printer.setDocName(self.texts.doc_name)
        dialog = self.make_print_dialog(printer)
        dialog.setObjectName("printDialog")
        self.print_dialog = dialog

        def on_accepted() -> None:
            try:
                self.print_to(printer)
            except KnownError as exc:
                self.error.show_message(error_text(exc))
                return
            self.accept()

        dialog.accepted.connect(on_accepted)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
