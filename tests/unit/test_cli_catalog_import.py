"""``perpusdesa import marc|marcxml|slims-csv|template FILE``: reports, exit codes, nothing half-done."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pymarc import Field, Indicators, Record, Subfield

from app.core.auth import Role, UserService
from tests.conftest import Cli, LibraryDb

ROOT = Path(__file__).resolve().parents[2]
MARC = ROOT / "tests" / "data" / "marc"
CATALOG = ROOT / "tests" / "data" / "catalog"
TEMPLATES = ROOT / "resources" / "templates"


def query(library_db: LibraryDb, sql: str) -> list[sqlite3.Row]:
    conn = library_db.db.connect()
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def count(library_db: LibraryDb, table: str) -> int:
    return int(query(library_db, f"SELECT count(*) FROM {table}")[0][0])


def summary(file: str, new: int, merged: int, copies: int) -> str:
    return (
        f"Imported from {file}. New titles: {new}; merged into titles already in the catalogue:"
        f" {merged}; copies: {copies}."
    )


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and text.startswith("perpusdesa: "), text
    return text


def book(title: str, number: int = 1) -> bytes:
    record = Record(leader="00000nam a2200000   4500")
    record.add_field(
        Field(tag="100", indicators=Indicators("0", " "), subfields=[Subfield("a", "Siti Aminah")])
    )
    record.add_field(
        Field(
            tag="245",
            indicators=Indicators("1", "0"),
            subfields=[Subfield("a", f"{title} {number}")],
        )
    )
    record.add_field(
        Field(tag="260", indicators=Indicators(" ", " "), subfields=[Subfield("c", "2020")])
    )
    return record.as_marc()


def test_template_xlsx_imports_titles_and_copies(library_db: LibraryDb, cli: Cli) -> None:
    folder = library_db.db.data_dir
    code, out, err = cli(
        "--data-dir", folder, "import", "template", TEMPLATES / "katalog-template.xlsx"
    )
    assert (code, err) == (0, "")
    assert out == summary("katalog-template.xlsx", 2, 0, 3) + "\n"
    titles = query(library_db, "SELECT title, isbn, audience FROM title ORDER BY title")
    assert [tuple(row) for row in titles] == [
        ("Bumi Manusia", "9789799731234", "dewasa"),
        ("Laskar Pelangi", "9789793062792", "remaja"),
    ]
    items = query(
        library_db,
        "SELECT t.title, i.call_number, i.source, i.acquired_on FROM item i"
        " JOIN title t ON t.id = i.title_id ORDER BY t.title, i.barcode",
    )
    assert [tuple(row) for row in items] == [
        ("Bumi Manusia", "899.221 3 TOE b", "hibah", "2024-08-15"),
        ("Laskar Pelangi", "899.221 3 HIR l", "perpusnas", "2024-07-15"),
        ("Laskar Pelangi", "899.221 3 HIR l", "perpusnas", "2024-07-15"),
    ]


def test_the_same_file_again_adds_copies_not_titles(library_db: LibraryDb, cli: Cli) -> None:
    folder = library_db.db.data_dir
    path = TEMPLATES / "katalog-template.csv"
    assert cli("--data-dir", folder, "import", "template", path)[0] == 0
    code, out, err = cli("--data-dir", folder, "import", "template", path, "--source", "hibah")
    assert (code, err) == (0, "")
    assert out == summary("katalog-template.csv", 0, 2, 3) + "\n"
    assert (count(library_db, "title"), count(library_db, "item")) == (2, 6)


def test_real_marc_file_imports(library_db: LibraryDb, cli: Cli) -> None:
    folder = library_db.db.data_dir
    code, out, err = cli("--data-dir", folder, "import", "marc", MARC / "loc-python-books.mrc")
    assert (code, err) == (0, "")
    assert out == summary("loc-python-books.mrc", 20, 0, 20) + "\n"
    assert count(library_db, "title") == 20


def test_marcxml_imports_with_skip_invalid(library_db: LibraryDb, cli: Cli) -> None:
    folder = library_db.db.data_dir
    path = CATALOG / "inlislite.xml"
    code, out, err = cli("--data-dir", folder, "import", "marcxml", path, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Record 2: warning: invalid ISBN 979-123-456-0 left out",
        "Record 3: skipped: no title (field 245 $a)",
        summary("inlislite.xml", 2, 0, 3),
        "Records left out because they cannot be imported: 1.",
    ]
    assert count(library_db, "title") == 2


@pytest.mark.parametrize(
    ("kind", "path", "words"),
    [
        ("marc", CATALOG / "not_marc.mrc", "is not a MARC 21 (ISO 2709) file"),
        ("marc", MARC / "loc-batch.xml", "is not a MARC 21 (ISO 2709) file"),
        ("marcxml", MARC / "loc-python-books.mrc", "is not a readable MARCXML file"),
        ("slims-csv", CATALOG / "missing_columns.csv", "the column title is missing"),
        ("template", CATALOG / "slims_biblio.csv", "the columns judul, pengarang, tahun"),
        ("template", Path("tidak-ada.xlsx"), "cannot be read"),
    ],
)
def test_malformed_file_exits_1_with_one_line_and_writes_nothing(
    library_db: LibraryDb, cli: Cli, kind: str, path: Path, words: str
) -> None:
    folder = library_db.db.data_dir
    code, out, err = cli("--data-dir", folder, "import", kind, path)
    assert (code, out) == (1, "")
    assert words in one_line(err)
    assert path.name in err
    assert "Traceback" not in err
    assert (count(library_db, "title"), count(library_db, "item")) == (0, 0)


def test_broken_records_need_skip_invalid(library_db: LibraryDb, cli: Cli, tmp_path: Path) -> None:
    """A real file with its third record cut in the middle: nothing, then the good ones."""
    folder = library_db.db.data_dir
    data = (MARC / "loc-python-books.mrc").read_bytes()
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x1D]
    third = data[ends[1] : ends[2]]
    path = tmp_path / "rusak.mrc"
    path.write_bytes(data[: ends[1]] + third[: len(third) // 2] + data[ends[2] :])

    code, out, err = cli("--data-dir", folder, "import", "marc", path)
    assert code == 1
    assert out == (
        "Record 3: skipped: damaged MARC record: it is shorter or longer than its leader says\n"
    )
    assert "Nothing was imported: 1 of the 20 records in rusak.mrc cannot be imported" in (
        one_line(err)
    )
    assert "--skip-invalid" in err
    assert count(library_db, "title") == 0

    code, out, err = cli("--data-dir", folder, "import", "marc", path, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Record 3: skipped: damaged MARC record: it is shorter or longer than its leader says",
        summary("rusak.mrc", 19, 0, 19),
        "Records left out because they cannot be imported: 1.",
    ]
    titles = {row[0] for row in query(library_db, "SELECT title FROM title")}
    assert "Learning Python" not in titles  # the cut record
    assert {"Programming Python", "Python cookbook"} <= titles  # just before and after it


def test_template_row_errors_are_listed_by_row(
    library_db: LibraryDb, cli: Cli, tmp_path: Path
) -> None:
    folder = library_db.db.data_dir
    path = tmp_path / "katalog.csv"
    path.write_text(
        "judul;pengarang;tahun;isbn\nSi Kancil;;2019;\n;Tanpa Judul;2019;\nBertani;;20O5;\n",
        encoding="utf-8",
    )
    code, out, err = cli("--data-dir", folder, "import", "template", path, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Row 3: skipped: no title (column judul)",
        "Row 4: skipped: 20O5 is not a year of publication (column tahun)",
        summary("katalog.csv", 1, 0, 1),
        "Records left out because they cannot be imported: 2.",
    ]


def test_a_file_with_nothing_importable_exits_1(
    library_db: LibraryDb, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "kosong.csv"
    path.write_text("judul,pengarang,tahun,isbn\n", encoding="utf-8")
    code, out, err = cli("--data-dir", library_db.db.data_dir, "import", "template", path)
    assert (code, out) == (1, "")
    assert "kosong.csv holds no record that can be imported" in one_line(err)


def test_unknown_kind_and_bad_options_are_usage_errors(library_db: LibraryDb, cli: Cli) -> None:
    folder = library_db.db.data_dir
    path = MARC / "loc-python-books.mrc"
    code, out, err = cli("--data-dir", folder, "import", "dublin-core", path)
    assert (code, out) == (2, "")
    assert "invalid choice: 'dublin-core'" in err
    code, _out, err = cli("--data-dir", folder, "import", "marc", path, "--source", "curian")
    assert code == 2 and "invalid choice: 'curian'" in err
    code, _out, err = cli("--data-dir", folder, "import", "marc", path, "--user", "siapa")
    assert code == 2 and "There is no active staff member siapa." in err
    assert count(library_db, "title") == 0


def test_help_says_what_happens_to_broken_records(cli: Cli) -> None:
    code, out, _err = cli("import", "template", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "nothing is imported; so is a file with broken records, unless --skip-invalid" in text
    assert "{perpusnas,hibah,pembelian,swadaya}" in text


def test_source_choices_are_the_catalogue_sources() -> None:
    from app import cli
    from app.core import catalog

    assert cli.SOURCES == catalog.SOURCES


def test_a_volunteer_may_not_import(library_db: LibraryDb, cli: Cli) -> None:
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, "relawan", "Relawan Satu", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()
    code, out, err = cli(
        "--data-dir",
        library_db.db.data_dir,
        "import",
        "marc",
        MARC / "loc-python-books.mrc",
        "--user",
        "relawan",
    )
    assert (code, out) == (1, "")
    assert "Only a manager or an administrator can import the catalogue." in one_line(err)
    assert count(library_db, "title") == 0


def test_no_library_yet(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli(
        "--data-dir", tmp_path / "baru", "import", "marc", MARC / "loc-python-books.mrc"
    )
    assert (code, out) == (1, "")
    assert "There is no library in" in one_line(err)


def test_progress_goes_to_stderr_in_tenths_for_a_big_file(
    library_db: LibraryDb, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "besar.mrc"
    path.write_bytes(b"".join(book("Buku seri", number) for number in range(600)))
    code, out, err = cli("--data-dir", library_db.db.data_dir, "import", "marc", path)
    assert code == 0
    assert out == summary("besar.mrc", 600, 0, 600) + "\n"
    lines = err.splitlines()
    assert lines[-1] == "Importing the catalogue... 100%"
    assert 2 <= len(lines) <= 11
    assert all(line.startswith("Importing the catalogue... ") for line in lines)


def test_as_a_separate_program(library_db: LibraryDb, tmp_path: Path) -> None:
    env = {**os.environ, "PERPUSDESA_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    folder = str(library_db.db.data_dir)
    xml = str(MARC / "loc-batch.xml")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", folder, "import", "marcxml", xml],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (summary("loc-batch.xml", 2, 0, 2) + "\n")
    broken = tmp_path / "rusak.mrc"
    broken.write_bytes(b"00123nam  2200049   4500\x1e\x1d" + b"\x00" * 10)
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", folder, "import", "marc", str(broken)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("perpusdesa: ") and done.stderr.count("\n") == 1, done.stderr
    assert count(library_db, "title") == 2
