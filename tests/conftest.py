"""Shared test set-up: headless Qt, no real keyring, no real user folder.

Every test gets its own temporary home, XDG folders and PerpusDesa data folder
(``data_dir``), so nothing a test does can reach the developer's own files.
The database fixtures use real SQLite files in that folder.
"""

from __future__ import annotations

import os

# Before anything imports Qt or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.core.auth import User
from app.core.library import LibraryProfile
from app.core.setup import FirstRun, run_first_run
from app.db.database import Database

if TYPE_CHECKING:
    from app.db.uow import Actor

VILLAGE_CODE = "33.74.01.1001"  # Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "rahasia123"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The PerpusDesa data folder of this test (not created yet).

    Home, XDG and Windows profile folders point into the test's temp folder too.
    """
    home = tmp_path / "home"
    folders = {
        "HOME": home,
        "USERPROFILE": home,
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    data = tmp_path / "data"
    monkeypatch.setenv("PERPUSDESA_DATA_DIR", str(data))
    return data


@pytest.fixture
def empty_db(data_dir: Path) -> Iterator[Database]:
    """A Database on the (still empty) data folder; no schema yet."""
    database = Database(data_dir)
    yield database
    database.dispose()


def valid_first_run() -> FirstRun:
    """Valid answers to the first-run wizard (change one with dataclasses.replace)."""
    return FirstRun(
        profile=LibraryProfile(
            name="Perpustakaan Desa Miroto",
            library_type="desa",
            region_code=VILLAGE_CODE,
            address="Jl. Pemuda No. 1",
            head_name="Sri Wahyuni",
            village_head_name="Joko Santoso",
        ),
        language="id",
        admin_username=ADMIN_USERNAME,
        admin_full_name="Admin Perpustakaan",
        admin_password=ADMIN_PASSWORD,
        admin_password_repeat=ADMIN_PASSWORD,
    )


@pytest.fixture
def first_run_data() -> FirstRun:
    return valid_first_run()


@dataclass(frozen=True)
class _Templates:
    schema: Path
    library: Path
    profile: LibraryProfile
    admin: User


@pytest.fixture(scope="session")
def _db_templates(tmp_path_factory: pytest.TempPathFactory) -> _Templates:
    """Made once per run by the real code paths, then copied: a migration and a
    first run cost a few hundred milliseconds, a file copy almost nothing."""
    base = tmp_path_factory.mktemp("templates")
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in ("HOME", "USERPROFILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            monkeypatch.setenv(name, str(base / "home"))
        schema = Database(base / "schema")
        schema.upgrade()
        schema.dispose()
        library = Database(base / "library")
        profile, admin = run_first_run(library, valid_first_run())
        library.dispose()
    return _Templates(schema.path, library.path, profile, admin)


def _copy_database(template: Path, target: Database) -> None:
    target.dispose()
    target.data_dir.mkdir(parents=True, exist_ok=True)
    for old in target.data_dir.glob(target.path.name + "*"):
        old.unlink()
    for part in template.parent.glob(template.name + "*"):  # the file, and a -wal if any
        shutil.copyfile(part, target.data_dir / part.name.replace(template.name, target.path.name))


@pytest.fixture
def db(empty_db: Database, _db_templates: _Templates) -> Database:
    """A Database with the schema at the newest revision, and no data."""
    _copy_database(_db_templates.schema, empty_db)
    return empty_db


@dataclass(frozen=True)
class LibraryDb:
    """A database after the first-run set-up, with the handles tests need."""

    db: Database
    admin: User
    profile: LibraryProfile
    admin_password: str = ADMIN_PASSWORD

    @property
    def library_id(self) -> str:
        assert self.profile.id is not None
        return self.profile.id

    @property
    def actor(self) -> Actor:
        from app.db.uow import Actor

        return Actor(self.admin.id, self.admin.username)


@pytest.fixture
def library_db(db: Database, _db_templates: _Templates) -> LibraryDb:
    """``db`` after the first-run set-up: a real village, administrator admin/rahasia123."""
    _copy_database(_db_templates.library, db)
    return LibraryDb(db=db, admin=_db_templates.admin, profile=_db_templates.profile)


Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    qapp: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Cli]:
    """``perpusdesa ARGS`` in this process: (exit code, stdout, stderr); English messages."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.cli import main
    from app.ui import i18n

    monkeypatch.setenv("PERPUSDESA_LANG", "en")

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run
    for translator in i18n._installed:
        QCoreApplication.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(QLocale.system())
