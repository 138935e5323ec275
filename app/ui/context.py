"""What every page is handed: the database, a light connection and who is logged in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.auth import Permission, User
from app.core.library import LibraryProfile, read_profile
from app.core.settings import Settings
from app.db.database import Connection, Database


class ContextSignals(QObject):
    user_changed = Signal(object)  # User
    profile_changed = Signal(object)  # LibraryProfile
    data_changed = Signal(str)  # table name: pages refresh what they show
    settings_changed = Signal(dict)  # the settings that were saved
    kiosk_running = Signal(bool)  # the self check-in covers the screen: no idle lock


class AppContext:
    """Shared state of one running program (GUI thread only).

    A plain class, not a dataclass: it is made at start-up, where a dataclass costs ~1 ms.
    """

    def __init__(
        self,
        db: Database,
        conn: Connection,  # light connection, GUI thread
        user: User,
        profile: LibraryProfile,
        signals: ContextSignals | None = None,
    ) -> None:
        self.db = db
        self.conn = conn
        self.user = user
        self.profile = profile
        self.signals = signals if signals is not None else ContextSignals()

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    @property
    def settings(self) -> Settings:
        return Settings(self.conn)

    def can(self, permission: Permission) -> bool:
        return self.user.can(permission)

    def set_user(self, user: User) -> None:
        self.user = user
        self.signals.user_changed.emit(user)

    def reload_profile(self) -> None:
        profile = read_profile(self.conn)
        if profile is not None:
            self.profile = profile
            self.signals.profile_changed.emit(profile)
