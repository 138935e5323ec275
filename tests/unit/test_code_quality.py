"""Code checks run as tests: ruff, mypy, import-linter and the layering rules.

The tools are dev dependencies, so a missing one is a failure, never a skip.
Each tool runs on the whole repository with its settings from pyproject.toml,
and a failing test shows the tool's own output.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# The UI calls services in app/core; it must not reach the database another
# way, or a change to a synced table could skip the audit log and the outbox.
UI_FORBIDDEN = ("sqlalchemy", "sqlite3", "app.db.uow", "app.db.models")
# Qt stays in app/ui (the import-linter contract says the same).
QT_FREE_DIRS = ("app/core", "app/db", "sync")
QT_FORBIDDEN = ("PySide6",)


def _run(args: list[str]) -> None:
    result = subprocess.run(
        args,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        shown = " ".join(args[1:] if args[0] == sys.executable else args)
        pytest.fail(
            f"`{shown}` exited {result.returncode}:\n{result.stdout}{result.stderr}",
            pytrace=False,
        )


def test_ruff_check() -> None:
    _run([sys.executable, "-m", "ruff", "check", "--no-cache", "."])


def test_ruff_format() -> None:
    _run([sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."])


@pytest.mark.slow
def test_mypy() -> None:
    _run([sys.executable, "-m", "mypy"])


def test_import_contracts() -> None:
    lint_imports = shutil.which("lint-imports", path=str(BIN))
    assert lint_imports, f"lint-imports (import-linter) is not installed in {BIN}"
    _run([lint_imports, "--no-cache"])


def _modules(folder: str) -> Iterator[tuple[Path, str]]:
    """Every Python file under a repository folder, with its dotted module name."""
    root = REPO / folder
    assert root.is_dir(), f"{folder} is missing"
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield path, ".".join(parts)


def _imports(path: Path, module: str) -> Iterator[tuple[int, str]]:
    """(line, imported name) for every import in a file, anywhere in it.

    ``from a.b import c`` gives both ``a.b`` and ``a.b.c``, since ``c`` may be a
    module; relative imports are resolved against the file's package.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")
                if not is_package:
                    package.pop()
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, node.module] if node.module else package)
            else:
                base = node.module or ""
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def _violations(folders: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for folder in folders:
        for path, module in _modules(folder):
            for line, name in _imports(path, module):
                for bad in forbidden:
                    if name == bad or name.startswith(bad + "."):
                        found.append(f"{path.relative_to(REPO)}:{line}: imports {name}")
    return sorted(set(found))


def test_ui_does_not_touch_the_database_directly() -> None:
    found = _violations(("app/ui",), UI_FORBIDDEN)
    assert not found, "app/ui must call services in app/core instead:\n" + "\n".join(found)


def test_core_db_and_sync_are_qt_free() -> None:
    found = _violations(QT_FREE_DIRS, QT_FORBIDDEN)
    assert not found, "Qt belongs in app/ui only:\n" + "\n".join(found)


def test_import_scan_sees_relative_and_from_imports(tmp_path: Path) -> None:
    """The scanner itself: relative, aliased and function-level imports count."""
    source = tmp_path / "page.py"
    source.write_text(
        "from ..db import uow\n"
        "from ..db.models import Member\n"
        "def f():\n"
        "    import sqlite3 as s\n"
        "from app.core import auth\n",
        encoding="utf-8",
    )
    names = {name for _, name in _imports(source, "app.ui.page")}
    assert "app.db.uow" in names
    assert "app.db.models" in names
    assert "sqlite3" in names
    assert "app.core.auth" in names
