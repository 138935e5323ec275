"""Start-up and the flow between the set-up wizard, the login screen and the workspace."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
from app.ui.login import LoginScreen
from app.ui.main_window import MainWindow, Workspace
from app.ui.tasks import Task, wait_all

# Test and benchmark hooks: log in as USER:PASSWORD, and quit once the window is idle.
AUTOLOGIN_ENV = "PERPUSDESA_AUTOLOGIN"
MAINTENANCE_DELAY_MS = 30_000
QUIT_WHEN_IDLE_ENV = "PERPUSDESA_QUIT_WHEN_IDLE"


class Controller(QObject):
    """Owns the window and decides what it shows."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.db = Database(data_dir)
        self.window = MainWindow()
        self.window.close_requested.connect(self.on_window_close_requested)
        self.conn: Connection | None = None
        self.context: AppContext | None = None
        self.login: LoginScreen | None = None
        self.wizard: QWidget | None = None
        self.language = "id"
        self.idle = IdleWatcher(10, parent=self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    # --- start ---------------------------------------------------------------

    def start(self) -> bool:
        """Show the wizard or the login screen; False if the database cannot be used."""
        try:
            ready = is_set_up(self.db)
            language = "id"
            if ready:
                self.conn = self.db.connect()
                language = str(Settings(self.conn).get("language"))
        except KnownError as exc:
            i18n.install("id")
            self.fatal(i18n.error_text(exc))
            return False
        self.language = language
        i18n.install(language)
        if not ready:
            self.show_wizard(language)
        elif not self.db.is_current():
            self.upgrade_then_login()
        else:
            self.show_login()
        return True

    def fatal(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("PerpusDesa"), message)
        box.setInformativeText(self.tr("Data folder: {path}").format(path=str(self.data_dir)))
        box.exec()

    def upgrade_then_login(self) -> None:
        self.window.show()
        Task(self.window, lambda _p: self.db.upgrade(), lambda _r: self.show_login()).with_progress(
            self.tr("Updating the database to this version of PerpusDesa..."), cancellable=False
        ).run()

    # --- wizard --------------------------------------------------------------

    def show_wizard(self, language: str) -> None:
        from app.ui.wizard import FirstRunWizard

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
            assert self.conn is not None
            profile = read_profile(self.conn)
            self.login = LoginScreen(self.users, profile.name if profile else "")
            self.login.logged_in.connect(self.on_logged_in)
        return self.login

    def show_login(self) -> None:
        auto = os.environ.get(AUTOLOGIN_ENV)
        if auto and ":" in auto:  # the test hook types the password for you
            username, password = auto.split(":", 1)
            self.on_logged_in(self.users().login(username, password))
            self.window.show()
            return
        screen = self.login_screen()
        self.window.show_widget(screen)
        self.window.show()
        screen.show_fresh()
        if os.environ.get(QUIT_WHEN_IDLE_ENV):
            QTimer.singleShot(0, QApplication.quit)

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
            QTimer.singleShot(MAINTENANCE_DELAY_MS, self.window, self.start_maintenance)
            self.window.set_workspace(self.new_workspace())
        else:
            self.context.set_user(user)
            assert self.window.workspace is not None
            self.window.show_widget(self.window.workspace)
        self.idle.set_minutes(float(self.context.settings.get("idle_lock_minutes")))
        self.idle.start()
        if os.environ.get(QUIT_WHEN_IDLE_ENV):
            QTimer.singleShot(0, QApplication.quit)

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
        wait_all()


def run_gui(data_dir: Path, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("PerpusDesa")
    app.setOrganizationName("PerpusDesa")
    setup_logging(data_dir)
    hook = ErrorHook(data_dir)
    hook.install()
    controller = Controller(data_dir)
    if not controller.start():
        return 1
    code = app.exec()
    hook.uninstall()
    return code
