"""The wheel carries every package and every resource folder of the program."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(data["tool"]["setuptools"]["packages"])


def test_every_python_package_is_listed_for_the_wheel() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("app", "sync")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    found |= {"app.db.migrations", "app.db.migrations.versions"}  # Alembic's folders
    assert found <= _listed(), f"add to [tool.setuptools] packages: {sorted(found - _listed())}"


def test_every_resource_folder_is_listed_for_the_wheel() -> None:
    folders = {
        "app.resources." + ".".join(path.relative_to(ROOT / "resources").parts)
        for path in (ROOT / "resources").rglob("*")
        if path.is_dir() and any(child.is_file() for child in path.iterdir())
    }
    assert folders <= _listed(), f"add to [tool.setuptools] packages: {sorted(folders - _listed())}"
