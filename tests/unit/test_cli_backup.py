"""``perpusdesa backup [--to DIR]`` and ``perpusdesa restore FILE``: files, messages, exit codes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.visits import VisitInput, VisitService
from tests.conftest import Cli, LibraryDb

ROOT = Path(__file__).resolve().parents[2]


def visits(library_db: LibraryDb) -> int:
    conn = sqlite3.connect(str(library_db.db.path))
    try:
        return int(conn.execute("SELECT count(*) FROM visit").fetchone()[0])
    finally:
        conn.close()


def record_guest(library_db: LibraryDb) -> None:
    with VisitService(library_db.db, library_db.admin) as service:
        service.record(
            VisitInput(
                kind="guest", gender="L", age_band="dewasa", purposes=("membaca",), guest_name="X"
            )
        )
    library_db.db.dispose()


def test_backup_then_restore(cli: Cli, library_db: LibraryDb, tmp_path: Path) -> None:
    folder = library_db.db.data_dir
    record_guest(library_db)
    code, out, err = cli("--data-dir", folder, "backup", "--to", tmp_path / "usb")
    assert (code, err) == (0, "")
    (made,) = list((tmp_path / "usb").glob("perpusdesa-perpustakaan-desa-miroto-*.pdbak"))
    assert out.startswith(f"Backup written: {made} (") and out.endswith(
        " MB, database check: ok).\n"
    )
    record_guest(library_db)
    assert visits(library_db) == 2

    code, out, err = cli("--data-dir", folder, "restore", made)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith(
        f"Restored Perpustakaan Desa Miroto from {made.name}, a backup made on"
    )
    (safety,) = list((folder / "backups" / "before-restore").glob("*.pdbak"))
    assert lines[1] == f"The database as it was before the restore is kept in {safety}."
    assert visits(library_db) == 1


def test_a_bad_file_is_refused_in_one_line(cli: Cli, library_db: LibraryDb, tmp_path: Path) -> None:
    bad = tmp_path / "bukan.pdbak"
    bad.write_text("bukan cadangan")
    code, out, err = cli("--data-dir", library_db.db.data_dir, "restore", bad)
    assert (code, out) == (1, "")
    assert err == (
        "perpusdesa: bukan.pdbak is not a PerpusDesa backup, or it is incomplete (perhaps it was"
        " not copied to the end). Choose another backup file.\n"
    )
    code, _out, err = cli("--data-dir", library_db.db.data_dir, "restore")
    assert code == 2 and "FILE" in err


def test_backup_to_an_unwritable_folder(cli: Cli, library_db: LibraryDb, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, err = cli("--data-dir", library_db.db.data_dir, "backup", "--to", blocker / "b")
    assert (code, out) == (1, "")
    assert err == (
        f"perpusdesa: The backup folder {blocker / 'b'} cannot be written to."
        " Choose another folder or drive.\n"
    )


def test_a_real_process(library_db: LibraryDb, tmp_path: Path) -> None:
    env = dict(os.environ, PERPUSDESA_LANG="en")
    folder = str(library_db.db.data_dir)
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", folder, "backup"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    (made,) = list((library_db.db.data_dir / "backups").glob("*.pdbak"))
    assert done.stdout.startswith(f"Backup written: {made} (")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path / "pc-baru"), "restore", made],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith("Restored Perpustakaan Desa Miroto from")
    assert (tmp_path / "pc-baru" / "perpusdesa.sqlite3").is_file()


def test_ctrl_c_gives_one_line_and_no_traceback(
    cli: Cli, library_db: LibraryDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.cli

    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(app.cli, "_backup", interrupted)
    code, out, err = cli("--data-dir", library_db.db.data_dir, "backup")
    assert (code, out) == (130, "")
    assert err == "perpusdesa: Stopped at your request (Ctrl+C).\n"
