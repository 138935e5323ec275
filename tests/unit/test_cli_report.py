"""``perpusdesa report (--month YYYY-MM | --year YYYY) [--pdf FILE] [--xlsx FILE]``: files, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Cli, LibraryDb

ROOT = Path(__file__).resolve().parents[2]


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and text.startswith("perpusdesa: "), text
    return text


def test_writes_the_pdf_and_the_workbook(cli: Cli, library_db: LibraryDb, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "laporan.pdf", tmp_path / "laporan.xlsx"
    folder = library_db.db.data_dir
    code, out, err = cli(
        "--data-dir", folder, "report", "--month", "2026-11", "--pdf", pdf, "--xlsx", xlsx
    )
    assert (code, err) == (0, "")
    assert out == f"Workbook written: {xlsx}\nPDF written: {pdf}\n"
    assert pdf.read_bytes().startswith(b"%PDF")
    book = load_workbook(xlsx)
    assert book.sheetnames[1] == "1. Visits"
    assert book["Report"]["A6"].value == "Month: November 2026"
    assert book["Report"]["A1"].value == library_db.profile.name


def test_without_files_it_prints_the_headline_figures(cli: Cli, library_db: LibraryDb) -> None:
    code, out, err = cli("--data-dir", library_db.db.data_dir, "report", "--year", "2026")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Annual library report: {library_db.profile.name}. Year: 2026"
    assert "Visits - People visiting: 0" in lines  # an empty library: zero, honestly


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--month", "2026-13", "Write the month as YYYY-MM, for example 2026-11 (not 2026-13)."),
        ("--month", "2026", "Write the month as YYYY-MM, for example 2026-11 (not 2026)."),
        ("--month", "11-2026", "Write the month as YYYY-MM, for example 2026-11 (not 11-2026)."),
        ("--year", "26", "Write the year as YYYY, for example 2026 (not 26)."),
    ],
)
def test_a_badly_written_period_is_a_usage_error_and_writes_nothing(
    cli: Cli, library_db: LibraryDb, tmp_path: Path, option: str, value: str, message: str
) -> None:
    pdf = tmp_path / "laporan.pdf"
    code, out, err = cli(
        "--data-dir", library_db.db.data_dir, "report", option, value, "--pdf", pdf
    )
    assert (code, out) == (2, "")
    assert one_line(err) == f"perpusdesa: {message}\n"
    assert not pdf.exists()


def test_month_and_year_together_or_neither_is_a_usage_error(
    cli: Cli, library_db: LibraryDb
) -> None:
    folder = library_db.db.data_dir
    assert cli("--data-dir", folder, "report", "--month", "2026-11", "--year", "2026")[0] == 2
    assert cli("--data-dir", folder, "report")[0] == 2


def test_no_library_or_an_unwritable_file_is_one_line_and_exit_1(
    cli: Cli, library_db: LibraryDb, tmp_path: Path
) -> None:
    code, out, err = cli("--data-dir", tmp_path / "kosong", "report", "--month", "2026-11")
    assert (code, out) == (1, "")
    assert "There is no library in" in one_line(err)
    target = tmp_path / "no-folder" / "laporan.pdf"
    code, out, err = cli(
        "--data-dir", library_db.db.data_dir, "report", "--month", "2026-11", "--pdf", target
    )
    assert code == 1
    assert (
        one_line(err)
        == f"perpusdesa: The file {target} could not be written. Choose another folder.\n"
    )
    assert not target.parent.exists()


def test_a_real_process_without_a_screen(library_db: LibraryDb, tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["PERPUSDESA_LANG"] = "en"
    pdf, xlsx = tmp_path / "laporan.pdf", tmp_path / "laporan.xlsx"
    args = ["--data-dir", str(library_db.db.data_dir), "report", "--month", "2026-11"]
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--pdf", str(pdf), "--xlsx", str(xlsx)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout == f"Workbook written: {xlsx}\nPDF written: {pdf}\n"
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
