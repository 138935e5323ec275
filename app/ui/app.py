"""Start-up and the flow between the set-up wizard, the login screen and the workspace.

Start-up time matters on an old PC. This module imports only what showing the
window needs: the login screen, the wizard and the background-task helper load
when first used; the idle watcher's event filter starts once the window is on
screen, the housekeeping half a minute later.

Backups (``app.core.backup``) are made on the database worker: at the
housekeeping and then every hour when the last one is a day old, and when the
window closes (the close waits for it, with a progress dialog if it takes more
than a moment; a failed backup is logged and never stops the close).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.core.auth import User, UserService
from app.core.errors import KnownError
from app.core.library import read_profile
from app.core.settings import Settings
from app.core.setup import is_set_up
from app.db.database import Connection, Database
from app.ui import i18n
from app.ui.context import AppContext
from app.ui.errors import ErrorHook, log, setup_logging
from app.ui.idle import IdleWatcher
from app.ui.main_window import MainWindow, Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.login import LoginScreen

# Test and benchmark hooks.
# QUIT_WHEN_IDLE: once the window is shown and the event loop idle, print what the
# window shows and when ("idle: beranda <time.monotonic()>") and quit.
# AUTOLOGIN=USERNAME: open the workspace as that user without asking the password.
# Honoured only together with QUIT_WHEN_IDLE, so the session it opens ends before
# anyone could use it; the benchmark times the password check on its own.
AUTOLOGIN_ENV = "PERPUSDESA_AUTOLOGIN"
MAINTENANCE_DELAY_MS = 30_000
BACKUP_CHECK_MS = 3_600_000  # while the program runs, every hour: is a backup a day old?
BACKUP_EVERY_HOURS = 24
CLOSE_BACKUP_LIMIT_MS = 120_000  # the close never waits longer for its backup
QUIT_WHEN_IDLE_ENV = "PERPUSDESA_QUIT_WHEN_IDLE"


class Controller(QObject):
    """Owns the window and decides what it shows."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.db = Database(data_dir)
        self.window = MainWindow()
        self.window.close_requested.connect(self.on_window_close_requested)
        self.window.restore_host = self  # found by app.ui.restore.restore_host
        self.conn: Connection | None = None
        self.context: AppContext | None = None
        self.login: LoginScreen | None = None
        self.wizard: QWidget | None = None
        self.language = "id"
        self.idle = IdleWatcher(10, parent=self)
        self.idle.idle.connect(self.lock)
        self.settled = False  # the window has been shown and the event loop was idle
        # The program (not a test) freezes what start-up built once the window is up: it
        # lives as long as the program, so the collector need not walk it again
        # (shorter pauses later, a quicker exit).
        self.freeze_when_settled = False
        self.closing = False
        self.backup_timer: QTimer | None = None

    # --- start ---------------------------------------------------------------

    def start(self) -> bool:
        """Show the wizard or the login screen; False if the database cannot be used."""
        try:
            ready = False
            language = "id"
            if self.db.exists():
                try:
                    conn = self.db.connect()  # one connection for every start-up read
                except KnownError:
                    # Read the file the way is_set_up does on its own, so that the
                    # message names what is wrong (a damaged file, a read-only folder).
                    is_set_up(self.db)
                    raise
                try:
                    ready = is_set_up(self.db, conn)
                    if ready:
                        language = str(Settings(conn).get("language"))
                except BaseException:
                    conn.close()
                    raise
                if ready:
                    self.conn = conn
                else:
                    conn.close()
        except KnownError as exc:
            i18n.install("id")
            self.fatal(i18n.error_text(exc))
            return False
        self.language = language
        i18n.install(language)
        if not ready:
            self.show_wizard(language)
        elif not self.db.is_current(self.conn):
            self.upgrade_then_login()
        else:
            self.show_login()
        return True

    def fatal(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("PerpusDesa"), message)
        box.setInformativeText(self.tr("Data folder: {path}").format(path=str(self.data_dir)))
        box.exec()

    def upgrade_then_login(self) -> None:
        from app.ui.tasks import Task

        self.window.show()
        Task(self.window, lambda _p: self.db.upgrade(), lambda _r: self.show_login()).with_progress(
            self.tr("Updating the database to this version of PerpusDesa..."), cancellable=False
        ).on_failure(self.on_upgrade_failed).run()

    def on_upgrade_failed(self, exc: BaseException) -> None:
        """No backup before the update, or the update failed: say so and stop (nothing changed)."""
        from app.ui.i18n import error_text

        if not isinstance(exc, KnownError):
            log.error("database update failed", exc_info=exc)
        self.fatal(
            error_text(exc)
            if isinstance(exc, KnownError)
            else self.tr(
                "The database could not be updated to this version of PerpusDesa. Nothing was"
                " changed: the previous version still opens it."
            )
        )
        QApplication.exit(1)

    # --- wizard --------------------------------------------------------------

    def show_wizard(self, language: str) -> None:
        from app.ui.wizard import FirstRunWizard

        self.freeze_when_settled = False  # the wizard's objects must stay collectable
        if self.wizard is not None:
            self.wizard.deleteLater()
        wizard = FirstRunWizard(self.db, language)
        wizard.language_changed.connect(self.on_wizard_language_changed)
        wizard.completed.connect(self.on_wizard_completed)
        wizard.rejected.connect(QApplication.quit)
        self.wizard = wizard
        wizard.show()

    def on_wizard_language_changed(self, language: str) -> None:
        self.language = language
        i18n.install(language)
        QTimer.singleShot(0, lambda: self.show_wizard(language))

    def on_wizard_completed(self, _profile: object, _admin: User) -> None:
        self.wizard = (
            None  # hidden by accept(); Qt's parentless dialog is freed with Python's reference
        )
        self.conn = self.db.connect()
        self.show_login()

    # --- login and lock --------------------------------------------------------

    def users(self) -> UserService:
        assert self.conn is not None
        return UserService(self.conn)

    def login_screen(self) -> LoginScreen:
        """The login screen, built the first time it is needed."""
        if self.login is None:
            from app.ui.login import LoginScreen

            assert self.conn is not None
            profile = read_profile(self.conn)
            self.login = LoginScreen(self.users, profile.name if profile else "")
            self.login.logged_in.connect(self.on_logged_in)
        return self.login

    def autologin_user(self) -> User | None:
        """The user named by the AUTOLOGIN hook, only when QUIT_WHEN_IDLE is set too."""
        username = os.environ.get(AUTOLOGIN_ENV, "").strip().lower()
        if not username or not os.environ.get(QUIT_WHEN_IDLE_ENV):
            return None
        for user in self.users().list_users():
            if user.username == username:
                return user
        log.error("%s: no active user %r", AUTOLOGIN_ENV, username)
        return None

    def show_login(self) -> None:
        user = self.autologin_user()
        if user is not None:
            self.on_logged_in(user)
            self.window.show()
        else:
            screen = self.login_screen()
            self.window.show_widget(screen)
            self.window.show()
            screen.show_fresh()
        QTimer.singleShot(0, self.window, self.on_window_shown)

    def on_window_shown(self) -> None:
        """The window is on screen and the event loop idle: start what could wait."""
        if not self.settled:
            self.settled = True
            app = QApplication.instance()
            if app is not None:
                # The icon before the idle watcher: the event it sends every widget need
                # not pass through Python (nor make PySide build QEvent and its ~180 types).
                set_window_icon()
                app.installEventFilter(self.idle)  # the lock is armed only after a login
            if self.freeze_when_settled:
                gc.freeze()
        if os.environ.get(QUIT_WHEN_IDLE_ENV):
            print(f"idle: {self.shown()} {time.monotonic()}", flush=True)
            QApplication.quit()

    def shown(self) -> str:
        """What the window shows: 'login', 'wizard' or the open page's key."""
        if self.window.workspace is not None and self.window.stack.currentWidget() is (
            self.window.workspace
        ):
            return self.window.workspace.current_key() or ""
        return "login" if self.login is not None else "wizard"

    def on_logged_in(self, user: User) -> None:
        assert self.conn is not None
        profile = read_profile(self.conn)
        assert profile is not None
        if self.context is None:
            self.context = AppContext(self.db, self.conn, user, profile)
            self.context.signals.settings_changed.connect(self.on_settings_changed)
            self.context.signals.kiosk_running.connect(self.on_kiosk_running)
            # Housekeeping once the window has settled, never during start-up.
            # Tied to the window: if the window is gone, the chore is not run.
            later(self.window, MAINTENANCE_DELAY_MS, self.start_maintenance)
            self.window.set_workspace(self.new_workspace())
        else:
            self.context.set_user(user)
            assert self.window.workspace is not None
            self.window.show_widget(self.window.workspace)
        self.idle.set_minutes(float(self.context.settings.get("idle_lock_minutes")))
        self.idle.start()

    def new_workspace(self) -> Workspace:
        assert self.context is not None
        workspace = Workspace(self.context)
        workspace.lock_requested.connect(self.lock)
        return workspace

    def lock(self) -> None:
        """Back to the login screen; the workspace and its unsaved work stay."""
        self.idle.stop()
        if self.context is None:
            return
        screen = self.login_screen()
        self.window.show_widget(screen)
        screen.show_locked(self.context.user)

    def start_maintenance(self) -> None:
        """Daily chores on the database worker: old guests' names are removed (UU 27/2022)."""
        if self.context is None:
            return
        from app.ui.tasks import Task

        db, user = self.db, self.context.user

        def work(_progress: object) -> int:
            from app.core.visits import VisitService

            with VisitService(db, user) as visits:
                return visits.anonymise_old_guest_names()

        def done(count: object) -> None:
            if count:
                log.info("names of %s old guest visits removed", count)
                if self.context is not None:
                    self.context.signals.data_changed.emit("visit")

        def failed(exc: BaseException) -> None:  # a chore: tried again at the next start
            log.warning("housekeeping failed: %s", exc)

        Task(self.window, work, done).on_failure(failed).run()
        self.on_backup_timer_timeout()
        if self.backup_timer is None:
            self.backup_timer = QTimer(self.window)
            self.backup_timer.setInterval(BACKUP_CHECK_MS)
            self.backup_timer.timeout.connect(self.on_backup_timer_timeout)
            self.backup_timer.start()

    def on_backup_timer_timeout(self) -> None:
        """The daily backup, if the last good one is a day old or more."""
        from datetime import UTC, datetime, timedelta

        from app.ui.tasks import Task

        db = self.db

        def work(_progress: object) -> object:
            from app.core.backup import last_good_backup, make_backup

            last = last_good_backup(db)
            if last is not None and datetime.now(UTC) - last.created_at < timedelta(
                hours=BACKUP_EVERY_HOURS
            ):
                return None
            return make_backup(db)

        Task(self.window, work, self.on_backup_done).on_failure(self.on_backup_failed).run()

    def backup_on_close(self) -> None:
        """Back up as the window closes; wait for it (a progress dialog if it takes a while)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QProgressDialog

        from app.ui.tasks import Task

        if self.backup_timer is not None:
            self.backup_timer.stop()
        db = self.db

        def work(_progress: object) -> object:
            from app.core.backup import make_backup

            return make_backup(db)

        dialog = QProgressDialog(self.tr("Making a backup of the library..."), "", 0, 0)
        dialog.setWindowTitle(self.tr("PerpusDesa"))
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(400)
        dialog.setValue(0)
        loop = QEventLoop()
        task = Task(self.window, work, self.on_backup_done).on_failure(self.on_backup_failed)
        task.finished.connect(loop.quit)
        QTimer.singleShot(CLOSE_BACKUP_LIMIT_MS, loop.quit)
        task.run()
        loop.exec()
        dialog.close()
        dialog.deleteLater()

    def on_backup_done(self, info: object) -> None:
        if info is not None:
            log.info("backup written: %s", getattr(info, "path", info))
            problem = getattr(info, "second_error", None)
            if problem is not None:
                log.warning("second backup copy not written: %s", problem)

    def on_backup_failed(self, exc: BaseException) -> None:
        """A backup that failed is tried again later; the next start shows no error."""
        log.warning("backup failed: %s", exc)

    # --- restore (app.ui.restore) ----------------------------------------------

    def close_for_restore(self) -> None:
        """Before a backup replaces the database: the workspace and every connection closed."""
        from app.ui.tasks import wait_all

        self.idle.stop()
        if self.backup_timer is not None:
            self.backup_timer.stop()
            self.backup_timer.deleteLater()
            self.backup_timer = None
        wait_all()  # no background job may still read the database
        workspace = self.window.workspace
        if workspace is not None:  # its unsaved work belongs to the data being replaced
            self.window.stack.removeWidget(workspace)
            workspace.deleteLater()
            self.window.workspace = None
        self.context = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        self.db.dispose()

    def reload_after_restore(self) -> None:
        """Open the (restored) database again and show its login screen: its users, its name."""
        if self.conn is None:
            self.conn = self.db.connect()
        if self.login is not None:
            self.window.stack.removeWidget(self.login)
            self.login.deleteLater()
            self.login = None
        screen = self.login_screen()
        self.window.show_widget(screen)
        screen.show_fresh()

    def on_kiosk_running(self, running: bool) -> None:
        """No idle lock while the kiosk is up; the clock starts afresh when it closes."""
        if running:
            self.idle.stop()
        else:
            self.idle.start()

    def on_settings_changed(self, values: dict[str, object]) -> None:
        assert self.context is not None
        if "idle_lock_minutes" in values:
            self.idle.set_minutes(float(values["idle_lock_minutes"]))  # type: ignore[arg-type]
        language = values.get("language")
        if isinstance(language, str) and language != self.language:
            self.language = language
            i18n.install(language)
            # Rebuild the visible widgets in the new language; the database state is unchanged.
            key = self.window.workspace.current_key() if self.window.workspace else None
            workspace = self.new_workspace()
            self.window.set_workspace(workspace)
            if key:
                workspace.open_page(key)
            if self.login is not None:  # rebuilt in the new language when next needed
                self.window.stack.removeWidget(self.login)
                self.login.deleteLater()
                self.login = None

    def on_window_close_requested(self) -> None:
        self.idle.stop()
        if self.context is not None and not self.closing:
            self.closing = True
            try:
                self.backup_on_close()
            except Exception:  # the close goes on whatever happens
                log.exception("backup on close")
        app = QApplication.instance()
        if app is not None:  # nothing to watch any more: closing sends many events
            app.removeEventFilter(self.idle)
        tasks = sys.modules.get("app.ui.tasks")
        if tasks is not None:  # not loaded: no background task was ever started
            tasks.wait_all()


def later(owner: QObject, msecs: int, call: Callable[[], object]) -> None:
    """Call ``call`` once after ``msecs``, unless ``owner`` is gone by then.

    ``QTimer.singleShot(msecs, owner, call)`` does the same, but with a method of a
    QObject it makes PySide build ``QMetaMethod``'s enums, which start-up can do without.
    """
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(call)
    timer.timeout.connect(timer.deleteLater)
    timer.start(msecs)


def set_window_icon() -> None:
    """The program's icon on every window (after the first paint: it is not needed before)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from app.paths import resources_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resources_dir() / "icons" / f"perpusdesa-{size}.png"), QSize(size, size))
    QApplication.setWindowIcon(icon)


def run_gui(data_dir: Path, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PerpusDesa")
    app.setOrganizationName("PerpusDesa")
    from app.ui import single_instance

    instance = single_instance.claim(data_dir)
    if isinstance(instance, int):  # another copy has this data folder (and was brought forward)
        return instance
    setup_logging(data_dir)
    hook = ErrorHook(data_dir)
    hook.install()
    controller = Controller(data_dir)
    instance.activate_requested.connect(
        lambda: single_instance.bring_to_front(controller.wizard, controller.window)
    )
    controller.freeze_when_settled = True
    gc.disable()  # building the window allocates much and frees little
    try:
        if not controller.start():
            return 1
        if controller.freeze_when_settled:
            # Frozen before the collector is back on: its first run would otherwise walk
            # everything start-up built (~4 ms), just before the window is first idle.
            gc.freeze()
    finally:
        gc.enable()
    QTimer.singleShot(0, instance.listen)  # once the window is shown (QtNetwork loads then)
    code = app.exec()
    hook.uninstall()
    return code
