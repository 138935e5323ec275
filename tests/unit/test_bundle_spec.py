"""The PyInstaller spec's file lists: every resource and migration lands where the program looks.

No build here (packaging/build_linux.py builds and smoke-tests the bundle):
these tests lay the listed files out as the bundle would and check them.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "perpusdesa.spec"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


bundle_files = _load("bundle_files")


def lay_out(datas: list[tuple[str, str]], bundle: Path) -> None:
    """Copy (source, folder) pairs into ``bundle`` as PyInstaller's COLLECT does."""
    for source, folder in datas:
        target = bundle / folder / Path(source).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def project_files(folder: Path) -> set[str]:
    return {
        path.relative_to(ROOT).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_every_resource_file_is_bundled_where_the_program_looks(tmp_path: Path) -> None:
    datas = bundle_files.resource_datas()
    bundled = {f"{folder}/{Path(source).name}" for source, folder in datas}
    expected = {name for name in project_files(ROOT / "resources") if not name.endswith(".ts")}
    assert bundled == expected
    assert "resources/icons/perpusdesa.svg" in bundled
    assert "resources/templates/katalog-template.xlsx" in bundled

    # In the bundle, app.paths.resources_dir() takes sys._MEIPASS / "resources".
    lay_out(datas, tmp_path)
    assert {
        path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()
    } == expected


def test_translations_are_shipped_compiled_and_load(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    sources = bundle_files.translation_sources()
    assert {path.name for path in sources} >= {"perpusdesa_id.ts", "qtbase_id.ts"}
    datas = bundle_files.compiled_translations(tmp_path / "qm")
    assert {f"{folder}/{Path(qm).name}" for qm, folder in datas} == {
        f"resources/translations/{path.stem}.qm" for path in sources
    }
    # Only the .qm files go in: the bundle has no lrelease to compile a .ts with.
    assert not any(source.endswith(".ts") for source, _ in bundle_files.resource_datas())
    indonesian = next(qm for qm, _ in datas if qm.endswith("perpusdesa_id.qm"))
    translator = QTranslator()
    assert translator.load(indonesian)
    assert not translator.isEmpty()


def test_every_migration_is_bundled_as_a_file_alembic_can_load(tmp_path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.db.tables import HEAD_REVISION

    datas = bundle_files.migration_datas()
    bundled = {f"{folder}/{Path(source).name}" for source, folder in datas}
    migrations = ROOT / "app" / "db" / "migrations"
    assert bundled == project_files(migrations)
    assert "app/db/migrations/env.py" in bundled
    assert {name for name in bundled if "/versions/0" in name} == {
        f"app/db/migrations/versions/{path.name}"
        for path in (migrations / "versions").glob("0*.py")
    }

    # app.db.migrate finds them beside itself: sys._MEIPASS / "app/db/migrations".
    lay_out(datas, tmp_path)
    config = Config()
    config.set_main_option("script_location", str(tmp_path / "app" / "db" / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_the_spec_uses_the_shared_lists() -> None:
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)  # a spec is Python
    for use in (
        "bundle_files.bundle_datas(",
        "bundle_files.DATA_PACKAGES",
        "bundle_files.HIDDEN_IMPORTS",
        "bundle_files.EXCLUDED_MODULES",
        "bundle_files.bundled(",
        'name="perpusdesa"',
        "console=False",
    ):
        assert use in text, use
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from app.cli import main" in launcher
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["perpusdesa"] == "app.cli:main"


def _imported_modules() -> set[str]:
    """What the desktop program's modules import (the national server's are not bundled)."""
    found: set[str] = set()
    for top in ("app", "sync"):
        for path in (ROOT / top).rglob("*.py"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            if module.startswith("sync.server"):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module)
                    found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_program_imports_nothing_the_bundle_leaves_out() -> None:
    used = _imported_modules()
    assert "PySide6.QtSvg" in used  # the scan sees the program's Qt imports
    left_out = {
        name
        for name in used
        for excluded in bundle_files.EXCLUDED_MODULES
        if name == excluded or name.startswith(excluded + ".")
    }
    assert not left_out, f"the bundle excludes modules the program imports: {sorted(left_out)}"


def test_the_spec_names_the_pages_and_not_the_server() -> None:
    assert bundle_files.is_program_module("app.ui.pages.members")
    assert bundle_files.is_program_module("sync.client")
    assert not bundle_files.is_program_module("sync.server")
    assert not bundle_files.is_program_module("sync.server.db")
    assert not bundle_files.is_program_module("app.db.migrations.versions.0001_initial")


@pytest.mark.parametrize("module", bundle_files.HIDDEN_IMPORTS + bundle_files.DATA_PACKAGES)
def test_named_modules_exist(module: str) -> None:
    assert importlib.util.find_spec(module) is not None


def test_only_unused_qt_files_are_dropped() -> None:
    kept = (
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\Qt6PrintSupport.dll",
        "resources/translations/perpusdesa_id.qm",
    )
    dropped = (
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6\\Qt6Quick.dll",
        "PySide6\\plugins\\imageformats\\qpdf.dll",
        "PySide6/Qt/translations/qt_de.qm",
    )
    assert all(bundle_files.bundled(name) for name in kept)
    assert not any(bundle_files.bundled(name) for name in dropped)
