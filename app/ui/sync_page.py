"""The sync page (Sinkronisasi): enrol this PC, send what was recorded, carry it on a USB stick.

Not enrolled yet, the page explains what syncing is for and offers the
enrolment form (the national server's address and the one-time code from the
district or national administrator); only staff with ``Permission.SYNC``
(administrator, manager) may enrol. Enrolled, it shows the server, the
library, this PC, the last successful sync, the changes by state (waiting,
being sent, sent, refused) and a clock warning when the PC's clock is more
than five minutes off. "Sync now" may be pressed by everyone who records: it
runs :meth:`sync.client.SyncClient.sync` on the network worker, shows records
and bytes as they go, and can be stopped at once. After it the result is told
in plain words and the refused records are listed with what they are (a
visit's date, an activity's title: read through the core services) and why,
with a button that opens the record on its page to fix it. Without internet
the changes go out as a signed USB bundle for the district facilitator, whose
receipt file is imported here afterwards.

Every failure is one sentence for the librarian (the client raises
:class:`~app.core.errors.KnownError` subclasses with stable codes); the
window never waits on the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.auth import Permission
from app.core.clock import ZONES
from app.core.errors import KnownError
from app.core.kinds import RECORD_KIND_LABELS
from app.core.tasks import Cancelled, Progress
from app.core.text import QT_TRANSLATE_NOOP
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import error_text, show_value, tr
from app.ui.table_model import Index, RowsModel
from app.ui.tasks import Task
from app.ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from sync.client import (
        BundleResult,
        EnrollResult,
        ReceiptResult,
        RejectedRecord,
        SyncClient,
        SyncResult,
        SyncStatus,
        SyncStep,
    )

BUNDLE_SUFFIX = "pdsync"
RECEIPT_SUFFIX = "json"
MAX_LISTED = 200  # refused records listed (the client keeps as many)
VISIBLE_ROWS = 6  # the refused table grows to this many rows, then scrolls

# What a record is, by its kind (the PC's table name).
KIND_LABELS = RECORD_KIND_LABELS

# The client gives each refused record's reason (``RejectedRecord.message``); else this.
OTHER_REASON = QT_TRANSLATE_NOOP("PerpusDesa", "Refused by the national server ({code}).")

REFUSED_HEADERS = (
    QT_TRANSLATE_NOOP("PerpusDesa", "Kind"),
    QT_TRANSLATE_NOOP("PerpusDesa", "What it is"),
    QT_TRANSLATE_NOOP("PerpusDesa", "Why it was refused"),
)

# The page that shows each kind of record.
PAGE_OF_KIND = {
    "member": "anggota",
    "title": "koleksi",
    "item": "koleksi",
    "loan": "sirkulasi",
    "visit": "bukutamu",
    "activity": "kegiatan",
    "partner": "kemitraan",
    "partnership": "kemitraan",
    "story": "kisah",
    "library": "pengaturan",
}


def failure_text(error: BaseException) -> str | None:
    """The sentence for a failure the librarian can act on (the client's
    :class:`~sync.client.SyncError` says which, in words); None for a bug."""
    return error_text(error) if isinstance(error, KnownError) else None


def reason_text(record: RejectedRecord) -> str:
    if record.message:
        return tr(record.message)
    return tr(OTHER_REASON).format(code=record.code)


def data_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def number(value: int) -> str:
    return QLocale().toString(value)


@dataclass(frozen=True)
class RefusedRow:
    kind: str
    record_id: str
    kind_text: str
    what: str
    reason: str


class RefusedModel(RowsModel):
    """The refused records: kind, what the record is, and why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REFUSED_HEADERS, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row: RefusedRow = self.rows[index.row()]
            return (row.kind_text, row.what, row.reason)[index.column()]
        return None


class _StepRelay(QObject):
    """Carries the client's progress steps from the worker thread to the page."""

    step = Signal(object)  # SyncStep


class SyncPage(QWidget):
    """Enrolment, "Sync now" with its progress and result, refused records, USB bundles."""

    def __init__(
        self,
        context: AppContext,
        client: SyncClient | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        if client is None:
            from sync.client import SyncClient

            client = SyncClient(context.db)
        self.client = client  # its calls open their own connections: safe on a worker thread
        self.sync_task: Task | None = None
        self.busy_task: Task | None = None  # an enrolment, export or receipt import
        self.status: SyncStatus | None = None
        self.last_result: SyncResult | None = None  # of the last sync that finished
        self.last_bundle: BundleResult | None = None  # the last USB bundle written
        self._steps = _StepRelay(self)
        self._steps.step.connect(self.on_sync_step)
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )

        title = QLabel(self.tr("Sync with the national library"))
        title.setObjectName("syncTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")

        # --- not enrolled -------------------------------------------------------------
        self.enrol_box = QGroupBox(self.tr("Enrol this PC"))
        self.enrol_box.setObjectName("enrolBox")
        explain = QLabel(
            self.tr(
                "What you record here (visits, loans, activities, the collection) is sent to"
                " the national library for the statistics of your village, district and"
                " province. Names, addresses, phone numbers and birth dates of people never"
                " leave this PC.\n\nTo start, this PC is enrolled once: write the server"
                " address and the code you received from the district or national"
                " administrator."
            )
        )
        explain.setObjectName("enrolExplanation")
        explain.setWordWrap(True)
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverAddress")
        self.server_edit.setPlaceholderText("https://sync.perpusnas.go.id")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrolCode")
        self.code_edit.setPlaceholderText("K7PQ-3M9X-TR")
        self.code_edit.setMaxLength(64)
        self.server_edit.returnPressed.connect(self.code_edit.setFocus)
        self.code_edit.returnPressed.connect(self.on_enrol_clicked)
        form = QFormLayout()
        server_label = QLabel(self.tr("&Server address:"))
        server_label.setBuddy(self.server_edit)
        code_label = QLabel(self.tr("Enrolment &code:"))
        code_label.setBuddy(self.code_edit)
        form.addRow(server_label, self.server_edit)
        form.addRow(code_label, self.code_edit)
        self.enrol_error = ErrorLabel("enrolError")
        self.enrol_button = QPushButton(self.tr("&Enrol this PC"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self.on_enrol_clicked)
        self.enrol_not_allowed = QLabel(
            self.tr("Only an administrator or a manager can enrol this PC.")
        )
        self.enrol_not_allowed.setObjectName("enrolNotAllowed")
        self.enrol_not_allowed.setWordWrap(True)
        self.enrol_not_allowed.setStyleSheet("color: #8a5a00;")
        enrol_buttons = QHBoxLayout()
        enrol_buttons.addWidget(self.enrol_button)
        enrol_buttons.addStretch(1)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(explain)
        enrol_layout.addLayout(form)
        enrol_layout.addWidget(self.enrol_error)
        enrol_layout.addWidget(self.enrol_not_allowed)
        enrol_layout.addLayout(enrol_buttons)

        # --- enrolled -------------------------------------------------------------------
        self.status_box = QGroupBox(self.tr("This PC"))
        self.status_box.setObjectName("statusBox")
        self.server_value = QLabel()
        self.server_value.setObjectName("serverValue")
        self.library_value = QLabel()
        self.library_value.setObjectName("libraryValue")
        self.device_value = QLabel()
        self.device_value.setObjectName("deviceValue")
        self.last_sync_value = QLabel()
        self.last_sync_value.setObjectName("lastSyncValue")
        self.states_value = QLabel()
        self.states_value.setObjectName("statesValue")
        self.states_value.setWordWrap(True)
        for label in (self.server_value, self.library_value, self.device_value):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QFormLayout()
        details.addRow(self.tr("Server:"), self.server_value)
        details.addRow(self.tr("Library:"), self.library_value)
        details.addRow(self.tr("This PC:"), self.device_value)
        details.addRow(self.tr("Last successful sync:"), self.last_sync_value)
        details.addRow(self.tr("Changes:"), self.states_value)
        self.clock_warning = QLabel()
        self.clock_warning.setObjectName("clockWarning")
        self.clock_warning.setWordWrap(True)
        self.clock_warning.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.clock_warning.hide()

        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setMinimumHeight(48)
        self.sync_button.setStyleSheet("font-size: 14pt; font-weight: bold; padding: 4px 24px;")
        self.sync_button.clicked.connect(self.on_sync_clicked)
        self.cancel_button = QPushButton(self.tr("S&top"))
        self.cancel_button.setObjectName("cancelSyncButton")
        self.cancel_button.setMinimumHeight(48)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self.cancel_button.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("syncProgressText")
        self.progress_label.hide()
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button)
        sync_row.addWidget(self.cancel_button)
        sync_row.addStretch(1)
        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        status_layout = QVBoxLayout(self.status_box)
        status_layout.addLayout(details)
        status_layout.addWidget(self.clock_warning)
        status_layout.addSpacing(6)
        status_layout.addLayout(sync_row)
        status_layout.addWidget(self.progress_bar)
        status_layout.addWidget(self.progress_label)
        status_layout.addWidget(self.result_label)

        # --- refused records ------------------------------------------------------------
        self.refused_box = QGroupBox(self.tr("Refused records"))
        self.refused_box.setObjectName("refusedBox")
        refused_help = QLabel(
            self.tr(
                "The national server did not take these records. Open each one, correct it"
                " and save it: it is sent again at the next sync."
            )
        )
        refused_help.setWordWrap(True)
        self.refused_model = RefusedModel(self)
        self.refused_table = QTableView()
        self.refused_table.setObjectName("refusedTable")
        self.refused_table.setModel(self.refused_model)
        self.refused_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refused_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.refused_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused_table.verticalHeader().hide()
        self.refused_table.setWordWrap(True)  # the reason is a sentence or two
        header = self.refused_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 260)
        header.sectionResized.connect(self.on_refused_header_section_resized)
        self.refused_table.doubleClicked.connect(self.on_refused_table_double_clicked)
        self.refused_table.activated.connect(self.on_refused_table_double_clicked)
        self.open_button = QPushButton(self.tr("&Open the record"))
        self.open_button.setObjectName("openRefusedButton")
        self.open_button.clicked.connect(self.on_open_clicked)
        self.refused_table.selectionModel().selectionChanged.connect(self.update_buttons)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        refused_layout = QVBoxLayout(self.refused_box)
        refused_layout.addWidget(refused_help)
        refused_layout.addWidget(self.refused_table)
        refused_layout.addLayout(open_row)
        self.refused_box.hide()

        # --- USB --------------------------------------------------------------------------
        self.usb_box = QGroupBox(self.tr("No internet? Use a USB stick"))
        self.usb_box.setObjectName("usbBox")
        usb_help = QLabel(
            self.tr(
                "Save what is waiting as one file on a USB stick and give it to the district"
                " facilitator. The facilitator brings back a receipt file: import it here."
            )
        )
        usb_help.setWordWrap(True)
        self.export_button = QPushButton(self.tr("E&xport USB bundle..."))
        self.export_button.setObjectName("exportBundleButton")
        self.export_button.clicked.connect(self.on_export_clicked)
        self.receipt_button = QPushButton(self.tr("&Import receipt..."))
        self.receipt_button.setObjectName("importReceiptButton")
        self.receipt_button.clicked.connect(self.on_receipt_clicked)
        usb_row = QHBoxLayout()
        usb_row.addWidget(self.export_button)
        usb_row.addWidget(self.receipt_button)
        usb_row.addStretch(1)
        self.usb_result = QLabel()
        self.usb_result.setObjectName("usbResult")
        self.usb_result.setWordWrap(True)
        self.usb_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.usb_result.hide()
        usb_layout = QVBoxLayout(self.usb_box)
        usb_layout.addWidget(usb_help)
        usb_layout.addLayout(usb_row)
        usb_layout.addWidget(self.usb_result)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.status_box)
        layout.addWidget(self.refused_box)
        layout.addWidget(self.usb_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        context.signals.user_changed.connect(self.on_context_user_changed)
        context.signals.data_changed.connect(self.on_context_data_changed)
        self.refresh()

    # --- the client and its state ----------------------------------------------------------

    def refresh(self) -> None:
        """Read the client's state again (a few counts) and show it."""
        try:
            self.status = self.client.state()
        except KnownError as exc:
            self.status = None
            self.show_result(error_text(exc), error=True)
        self.show_status()

    def show_status(self) -> None:
        status = self.status
        enrolled = status is not None and status.enrolled
        self.enrol_box.setVisible(not enrolled)
        self.status_box.setVisible(enrolled)
        allowed = self.context.can(Permission.SYNC)
        for widget in (self.server_edit, self.code_edit, self.enrol_button):
            widget.setEnabled(allowed and self.busy_task is None)
        self.enrol_not_allowed.setVisible(not allowed)
        if status is None:
            self.refused_box.hide()
            self.update_buttons()
            return
        if enrolled:
            self.server_value.setText(status.server_url or "")
            self.library_value.setText(self.context.profile.name)
            self.device_value.setText(status.device_name or status.device_id)
            self.last_sync_value.setText(
                self.moment(status.last_sync_at)
                if status.last_sync_at is not None
                else self.tr("not yet")
            )
            self.states_value.setText(
                self.tr(
                    "{pending} waiting · {sending} being sent · {synced} sent · {rejected} refused"
                ).format(
                    pending=number(status.pending),
                    sending=number(status.sending),
                    synced=number(status.synced),
                    rejected=number(status.rejected),
                )
            )
            self.show_clock(status.clock_warning, status.clock_skew_seconds)
        self.show_refused(status.rejected_records)
        self.update_buttons()

    def moment(self, when: datetime) -> str:
        """An aware time as the library reads it: "26 November 2026, 14.05"."""
        local = when.astimezone(ZONES[self.context.profile.time_zone])
        return self.tr("{date}, {time}").format(
            date=show_value(local.date()),
            time=QLocale().toString(
                QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
            ),
        )

    def show_clock(self, warning: bool, skew: float | None) -> None:
        if not warning or skew is None:
            self.clock_warning.hide()
            return
        minutes = number(round(abs(skew) / 60))
        text = (
            self.tr(
                "This PC's clock is {minutes} minutes behind the national server's clock."
                " Please set the PC's date and time right."
            )
            if skew > 0
            else self.tr(
                "This PC's clock is {minutes} minutes ahead of the national server's clock."
                " Please set the PC's date and time right."
            )
        )
        self.clock_warning.setText(text.format(minutes=minutes))
        self.clock_warning.show()

    def update_buttons(self) -> None:
        syncing = self.sync_task is not None
        busy = syncing or self.busy_task is not None
        enrolled = self.status is not None and self.status.enrolled
        self.sync_button.setEnabled(enrolled and not busy)
        self.cancel_button.setVisible(syncing)
        self.export_button.setEnabled(enrolled and not busy)
        self.receipt_button.setEnabled(enrolled and not busy)
        self.usb_box.setVisible(enrolled)
        self.open_button.setEnabled(self.selected_refused() is not None)

    def show_result(self, text: str, *, error: bool = False) -> None:
        self.result_label.setStyleSheet("color: #b00020;" if error else "")
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    # --- enrolment ------------------------------------------------------------------------

    def on_enrol_clicked(self) -> None:
        if not self.context.can(Permission.SYNC) or self.busy_task is not None:
            return
        server = self.server_edit.text().strip()
        code = self.code_edit.text().strip()
        if not server:
            self.enrol_error.show_message(self.tr("Fill in the server address."))
            self.server_edit.setFocus()
            return
        if not code:
            self.enrol_error.show_message(self.tr("Fill in the enrolment code."))
            self.code_edit.setFocus()
            return
        self.enrol_error.hide()
        client = self.client
        self.enrol_button.setText(self.tr("Enrolling..."))
        task = Task(
            self,
            lambda progress: client.enroll(server, code, progress),
            self.on_enrol_succeeded,
            kind="net",
        ).on_failure(self.on_enrol_failed)
        self.busy_task = task
        self.show_status()
        task.run()

    def _enrol_finished(self) -> None:
        self.busy_task = None
        self.enrol_button.setText(self.tr("&Enrol this PC"))

    def on_enrol_succeeded(self, result: EnrollResult) -> None:
        self._enrol_finished()
        self.code_edit.clear()
        self.refresh()
        text = self.tr(
            'This PC is enrolled. Press "Sync now" to send what the library has recorded.'
        )
        if result.adopted_library:
            self.context.reload_profile()  # the library's id is now the server's
            text += " " + self.tr(
                "The national server already knew this library: everything will be sent again"
                " under its registration, without doubles."
            )
        elif result.new_device:
            text += " " + self.tr(
                "Another PC with this library's data is enrolled already (this is a copy, or a"
                " restored backup): this PC is enrolled as a PC of its own, and everything will"
                " be sent again, without doubles."
            )
        self.show_result(text)
        self.show_clock(result.clock_warning, result.clock_skew_seconds)
        self.context.signals.data_changed.emit("sync_state")
        self.sync_button.setFocus()

    def on_enrol_failed(self, error: BaseException) -> None:
        self._enrol_finished()
        self.show_status()
        text = failure_text(error)
        if text is None:
            show_error(self, error)
            return
        self.enrol_error.show_message(text)
        code = getattr(error, "code", None)
        address = ("bad_url", "no_internet", "not_our_server", "timeout", "server_error")
        target = self.server_edit if code in address else self.code_edit
        target.setFocus()
        target.selectAll()

    # --- sync now -----------------------------------------------------------------------------

    def on_sync_clicked(self) -> None:
        if self.sync_task is not None or self.busy_task is not None:
            return
        if self.status is None or not self.status.enrolled:
            return
        client = self.client
        relay = self._steps

        def op(progress: Progress) -> SyncResult:
            return client.sync(progress, relay.step.emit)

        self.show_result("")
        self.progress_bar.setRange(0, 0)  # busy until the first step says how much
        self.progress_bar.show()
        self.progress_label.setText(self.tr("Connecting to the national server..."))
        self.progress_label.show()
        task = Task(self, op, self.on_sync_succeeded, kind="net").on_failure(self.on_sync_failed)
        self.sync_task = task
        self.update_buttons()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        task.run()

    def on_sync_step(self, step: SyncStep) -> None:
        if self.sync_task is None:
            return  # a late step of a sync that already ended
        if step.records_total > 0:
            self.progress_bar.setRange(0, step.records_total)
            self.progress_bar.setValue(min(step.records_done, step.records_total))
        if step.phase == "sending" and step.batches_done > 0:
            self.refresh()  # the changes by state move as batches are acknowledged
        if step.phase == "connecting":
            text = self.tr("Connecting to the national server...")
        elif step.phase == "checking":
            text = self.tr("Asking the server what it already has...")
        elif step.phase == "reference":
            text = self.tr("Fetching the national lists...")
        else:
            text = self.tr("{done} of {total} records · {size} sent").format(
                done=number(step.records_done),
                total=number(step.records_total),
                size=data_size(step.bytes_sent),
            )
        self.progress_label.setText(text)

    def on_cancel_clicked(self) -> None:
        if self.sync_task is not None:
            self.sync_task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping..."))

    def _sync_finished(self) -> None:
        self.sync_task = None
        self.progress_bar.hide()
        self.progress_label.hide()
        self.refresh()
        self.context.signals.data_changed.emit("outbox")
        self.sync_button.setFocus()

    def on_sync_succeeded(self, result: SyncResult) -> None:
        self.last_result = result
        self._sync_finished()
        lines = [
            self.tr("Sync finished."),
            self.tr("Sent: {count} records.").format(count=number(result.sent)),
            self.tr("Already on the server: {count}.").format(count=number(result.already_there)),
        ]
        # A record sent twice in one sync (changed again later) is refused twice: count it once.
        refused = len({(r.kind, r.id) for r in result.rejected_records}) or result.refused
        if refused:
            lines.append(
                self.tr("Refused: {count} (listed below: open each one to fix it).").format(
                    count=number(refused)
                )
            )
        else:
            lines.append(self.tr("Refused: none."))
        if result.new_epoch:
            lines.append(
                self.tr(
                    "This database was restored or copied: everything not yet confirmed was"
                    " sent again, and the server keeps each record once."
                )
            )
        self.show_result("\n".join(lines))
        self.show_clock(result.clock_warning, result.clock_skew_seconds)

    def on_sync_failed(self, error: BaseException) -> None:
        self._sync_finished()
        if isinstance(error, Cancelled):
            self.show_result(
                self.tr(
                    "Sync stopped. What was sent stays sent; the next sync continues from there."
                )
            )
            return
        text = failure_text(error)
        if text is None:
            show_error(self, error)
            return
        self.show_result(
            self.tr("The sync did not finish. {reason}").format(reason=text), error=True
        )

    # --- refused records --------------------------------------------------------------------

    def show_refused(self, records: list[RejectedRecord]) -> None:
        chosen = self.selected_refused()
        rows = [self.refused_row(record) for record in records[:MAX_LISTED]]
        self.refused_model.set_rows(rows)
        self.refused_box.setVisible(bool(rows))
        self.fit_refused_table()
        if rows:
            keep = next(
                (n for n, r in enumerate(rows) if chosen and r.record_id == chosen.record_id), 0
            )
            self.refused_table.selectRow(keep)
        self.update_buttons()

    def fit_refused_table(self) -> None:
        """As tall as its rows (at most VISIBLE_ROWS of them): no empty box under one row."""
        table = self.refused_table
        table.resizeRowsToContents()
        shown = min(self.refused_model.rowCount(), VISIBLE_ROWS)
        rows = sum(table.rowHeight(n) for n in range(shown))
        frame = 2 * table.frameWidth()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + max(rows, 30) + frame)

    def on_refused_header_section_resized(self, _column: int, _old: int, _new: int) -> None:
        if self.refused_model.rowCount():
            self.fit_refused_table()  # wrapped reasons take more or fewer lines

    def refused_row(self, record: RejectedRecord) -> RefusedRow:
        label = KIND_LABELS.get(record.kind)
        return RefusedRow(
            kind=record.kind,
            record_id=record.id,
            kind_text=tr(label) if label else record.kind,
            what=self.describe(record.kind, record.id),
            reason=reason_text(record),
        )

    def describe(self, kind: str, record_id: str) -> str:
        """What the record is, in the librarian's words (its id only if it is gone)."""
        try:
            text = self._describe(kind, record_id)
        except KnownError:
            text = None
        if text:
            return text
        return self.tr("record {id} (no longer found)").format(id=record_id[:8])

    def _local_day(self, when: datetime) -> date:
        return when.astimezone(ZONES[self.context.profile.time_zone]).date()

    def _describe(self, kind: str, record_id: str) -> str | None:
        ctx = self.context
        args = (ctx.db, ctx.user)
        if kind == "member":
            from app.core.members import MemberService

            member = MemberService(*args, conn=ctx.conn).get(record_id)
            return self.tr("{name} (no. {number})").format(
                name=member.name, number=member.member_no
            )
        if kind == "title":
            from app.core.catalog import CatalogService

            return CatalogService(*args, conn=ctx.conn).get_title(record_id).title
        if kind == "item":
            from app.core.catalog import CatalogService

            item = CatalogService(*args, conn=ctx.conn).get_item(record_id)
            return self.tr("{title}, copy {barcode}").format(title=item.title, barcode=item.barcode)
        if kind == "loan":
            from app.core.circulation import CirculationService

            loan = CirculationService(*args, conn=ctx.conn).loan(record_id)
            if loan is None:
                return None
            return self.tr("{title}, lent on {date}").format(
                title=loan.title, date=show_value(self._local_day(loan.loaned_at))
            )
        if kind == "visit":
            from app.core.visits import VisitService

            visit = VisitService(*args).get(record_id)
            if visit is None:
                return None
            return self.tr("Visit on {date}").format(
                date=show_value(self._local_day(visit.visited_at))
            )
        if kind == "activity":
            from app.core.activities import ActivityService

            activity = ActivityService(*args, conn=ctx.conn).get(record_id)
            if activity is None:
                return None
            return self.tr("{title} ({date})").format(
                title=activity.title, date=show_value(activity.day)
            )
        if kind in ("partner", "partnership"):
            from app.core.partnerships import PartnershipService

            service = PartnershipService(*args, conn=ctx.conn)
            if kind == "partner":
                partner = service.get_partner(record_id)
                return partner.name if partner is not None else None
            partnership = service.get(record_id)
            return partnership.title if partnership is not None else None
        if kind == "story":
            from app.core.stories import StoryService

            story = StoryService(*args, conn=ctx.conn).get(record_id)
            if story is None:
                return None
            return story.title or story.person_name
        if kind == "library":
            return ctx.profile.name
        return None

    def selected_refused(self) -> RefusedRow | None:
        rows = self.refused_table.selectionModel().selectedRows()
        if not rows:
            return None
        row: RefusedRow = self.refused_model.rows[rows[0].row()]
        return row

    def on_refused_table_double_clicked(self, _index: Index) -> None:
        self.on_open_clicked()

    def on_open_clicked(self) -> None:
        row = self.selected_refused()
        if row is not None:
            self.open_record(row.kind, row.record_id)

    def open_record(self, kind: str, record_id: str) -> QWidget | None:
        """Show the record's page and, where the page has one, its form; the page shown."""
        from app.ui.main_window import Workspace

        workspace = self.parent()
        while workspace is not None and not isinstance(workspace, Workspace):
            workspace = workspace.parent()
        key = PAGE_OF_KIND.get(kind)
        if workspace is None or key is None or key not in workspace.page_keys():
            self.show_result(
                self.tr("You cannot open this record: ask an administrator to fix it."),
                error=True,
            )
            return None
        page = workspace.open_page(key)
        try:
            self._open_form(page, kind, record_id)
        except KnownError as exc:
            show_error(self, exc)
        return page

    def _open_form(self, page: QWidget, kind: str, record_id: str) -> None:
        """Open the record's form on its page when the user may change it."""
        if not self.context.can(Permission.EDIT):
            return
        target: Any = page
        if kind == "member" and hasattr(target, "open_form"):
            target.open_form(target.service.get(record_id))
        elif kind == "activity" and hasattr(target, "open_form"):
            from app.core.activities import ActivityService

            ctx = self.context
            view = ActivityService(ctx.db, ctx.user, conn=ctx.conn).get(record_id)
            if view is not None:
                target.open_form(view)
        elif kind == "title" and hasattr(target, "open_title_form"):
            from app.core.catalog import CatalogService

            ctx = self.context
            target.open_title_form(
                CatalogService(ctx.db, ctx.user, conn=ctx.conn).get_title(record_id)
            )
        elif kind == "item" and hasattr(target, "open_item_dialog"):
            from app.core.catalog import CatalogService

            ctx = self.context
            catalog = CatalogService(ctx.db, ctx.user, conn=ctx.conn)
            item = catalog.get_item(record_id)
            title = catalog.get_title(item.title_id)
            target.select_title(title, item.id)  # the copy among its title's copies
            target.open_item_dialog(title, item)
        elif kind == "visit" and hasattr(target, "edit_visit"):
            target.edit_visit(record_id)  # nothing opens if the visit was deleted
        elif kind == "story" and hasattr(target, "open_form"):
            from app.core.stories import StoryService

            ctx = self.context
            story = StoryService(ctx.db, ctx.user, conn=ctx.conn).get(record_id)
            if story is not None and not story.deleted:
                target.open_form(story)
        elif kind in ("partner", "partnership") and hasattr(target, "open_form"):
            from app.core.partnerships import PartnershipService

            ctx = self.context
            service = PartnershipService(ctx.db, ctx.user, conn=ctx.conn)
            if kind == "partner":
                partner = service.get_partner(record_id)
                if partner is not None:
                    from app.ui.partnerships.page import PARTNERS

                    target.open_form(PARTNERS, partner)
            else:
                partnership = service.get(record_id)
                if partnership is not None:
                    target.open_form(partnership.kind, partnership)

    # --- USB bundle and receipt -----------------------------------------------------------------

    def on_export_clicked(self) -> None:
        today = date.today().isoformat()
        suggested = self._folder / f"perpusdesa-{today}.{BUNDLE_SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the USB bundle"),
            str(suggested),
            self.tr("PerpusDesa bundles (*.{suffix})").format(suffix=BUNDLE_SUFFIX),
        )
        if not chosen:
            return
        path = Path(chosen).expanduser()
        if path.suffix.lower() != f".{BUNDLE_SUFFIX}":
            path = path.with_name(f"{path.name}.{BUNDLE_SUFFIX}")
        self._folder = path.parent
        self.export_bundle(path)

    def export_bundle(self, path: Path) -> Task:
        client = self.client
        self.usb_result.hide()
        task = (
            Task(
                self,
                lambda progress: client.export_bundle(path, progress),
                self.on_export_succeeded,
                kind="net",
            )
            .on_failure(self.on_usb_failed)
            .with_progress(self.tr("Writing the USB bundle..."))
        )
        self.busy_task = task
        self.update_buttons()
        return task.run()

    def on_export_succeeded(self, result: BundleResult) -> None:
        self.busy_task = None
        self.last_bundle = result
        self.refresh()
        if result.records == 0:
            text = self.tr(
                "Nothing is waiting to be sent, so the file {path} holds no records."
            ).format(path=str(result.path))
        else:
            text = self.tr(
                "Saved {count} records ({size}) in:\n{path}\n\nBring this file to the district"
                " facilitator. When the facilitator gives you back a receipt file, import it"
                ' here with "Import receipt...".'
            ).format(
                count=number(result.records), size=data_size(result.bytes), path=str(result.path)
            )
        self.show_usb(text)

    def on_receipt_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the receipt from the facilitator"),
            str(self._folder),
            self.tr("Receipts (*.{suffix});;All files (*)").format(suffix=RECEIPT_SUFFIX),
        )
        if chosen:
            path = Path(chosen).expanduser()
            self._folder = path.parent
            self.import_receipt(path)

    def import_receipt(self, path: Path) -> Task:
        client = self.client
        self.usb_result.hide()
        task = Task(
            self, lambda _progress: client.import_receipt(path), self.on_receipt_succeeded
        ).on_failure(self.on_usb_failed)
        self.busy_task = task
        self.update_buttons()
        return task.run()

    def on_receipt_succeeded(self, result: ReceiptResult) -> None:
        self.busy_task = None
        self.refresh()
        self.context.signals.data_changed.emit("outbox")
        text = self.tr(
            "Receipt imported: {synced} changes arrived at the national server,"
            " {rejected} were refused."
        ).format(synced=number(result.synced), rejected=number(result.rejected))
        if result.ignored_batches:
            text += " " + self.tr(
                "{count} parts of the receipt belong to another PC or an older copy of this"
                " database and were left alone."
            ).format(count=number(result.ignored_batches))
        self.show_usb(text)

    def on_usb_failed(self, error: BaseException) -> None:
        self.busy_task = None
        self.refresh()
        if isinstance(error, Cancelled):
            self.show_usb(self.tr("Stopped: no file was written."))
            return
        text = failure_text(error)
        if text is None:
            show_error(self, error)
            return
        self.show_usb(text, error=True)

    def show_usb(self, text: str, *, error: bool = False) -> None:
        self.usb_result.setStyleSheet("color: #b00020;" if error else "")
        self.usb_result.setText(text)
        self.usb_result.show()

    # --- the rest of the program -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.sync_task is None and self.busy_task is None:
            self.refresh()

    def on_context_user_changed(self, _user: object) -> None:
        self.show_status()

    def on_context_data_changed(self, table: str) -> None:
        if table in ("outbox", "sync_state"):
            return  # our own signal: the page is up to date
        if self.isVisible() and self.sync_task is None and self.busy_task is None:
            self.refresh()
