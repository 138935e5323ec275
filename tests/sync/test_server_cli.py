"""``perpusdesa-server``: exit codes, one-line messages, ids and codes printed last."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from sync.server.admin import devices
from sync.server.db import Database

COMMITTED = Path(__file__).resolve().parents[2] / "sync" / "server" / "openapi.json"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-m", "sync.server", "--database-url", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    return result.stderr


def test_a_library_is_added_and_gets_a_code(tmp_path: Path) -> None:
    added = _cli(tmp_path, "add-library", "--region", "3374011001", "--name", "Perpus Miroto")
    assert added.returncode == 0, added.stderr
    library = added.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[0-9a-f-]{36}", library)
    assert "33.74.01.1001" in added.stdout and "desa" in added.stdout
    issued = _cli(tmp_path, "issue-code", library)
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}", code)
    # The code itself is stored nowhere, only its hash.
    assert code.encode() not in (tmp_path / "server.sqlite3").read_bytes()
    database = Database(f"sqlite:///{tmp_path / 'server.sqlite3'}", run_migrations=False)
    try:
        assert devices(database) == []
    finally:
        database.close()


def test_an_unknown_region_or_library_is_a_one_line_error(tmp_path: Path) -> None:
    message = _one_line_error(_cli(tmp_path, "add-library", "--region", "99.99", "--name", "X"))
    assert "99.99" in message
    message = _one_line_error(_cli(tmp_path, "issue-code", "0000-not-there"))
    assert "0000-not-there" in message


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _cli(tmp_path, "no-such-command").returncode == 2
    assert _cli(tmp_path, "add-library", "--name", "X").returncode == 2  # no --region


def test_an_unreachable_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sync.server", "--database-url",
         "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2", "devices"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert "database error" in _one_line_error(result)


def test_the_openapi_command_writes_the_committed_document(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    result = subprocess.run(
        [sys.executable, "-m", "sync.server", "openapi", "--output", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        COMMITTED.read_text(encoding="utf-8")
    )
    assert not (tmp_path / "perpusdesa-server.sqlite3").exists()  # no database touched
