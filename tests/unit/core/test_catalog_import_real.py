"""Catalogue imports of real, public MARC records (Library of Congress, GPO; see tests/data/marc)."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from app.core.catalog import CatalogService
from app.core.catalog_import import FileKind, check_file, run_import
from tests.conftest import LibraryDb

MARC = Path(__file__).resolve().parents[2] / "data" / "marc"
LOC = MARC / "loc-python-books.mrc"
LOC_2016 = MARC / "loc-books-2016-sample.mrc"


def query(library_db: LibraryDb, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = library_db.db.connect()
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def count(library_db: LibraryDb, table: str) -> int:
    return int(query(library_db, f"SELECT count(*) FROM {table}")[0][0])


def title_row(library_db: LibraryDb, title: str) -> sqlite3.Row:
    (row,) = query(library_db, "SELECT * FROM title WHERE title = ?", title)
    return row


def records_of(data: bytes) -> list[bytes]:
    """The ISO 2709 records of a file, split on the record terminator."""
    ends = [i + 1 for i, byte in enumerate(data) if byte == 0x1D]
    return [data[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def test_files_are_those_described_in_sources() -> None:
    sources = (MARC / "SOURCES.md").read_text(encoding="utf-8")
    listed = dict(
        (name, digest) for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", sources, re.M)
    )
    files = {path.name for path in MARC.iterdir() if path.name != "SOURCES.md"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((MARC / name).read_bytes()).hexdigest() == digest, name
    assert sum((MARC / name).stat().st_size for name in files) < 200_000


def test_library_of_congress_records_import_with_their_data(library_db: LibraryDb) -> None:
    plan = check_file(LOC, FileKind.MARC)
    assert (len(plan.records), len(plan.good), plan.skipped, plan.duplicates) == (20, 20, [], [])

    report = run_import(library_db.db, library_db.admin, plan)

    assert (report.imported, report.merged_as_duplicates, report.copies) == (20, 0, 20)
    assert (report.skipped, report.warnings) == ([], [])
    book = title_row(library_db, "The pragmatic programmer: from journeyman to master")
    assert book["authors"] == "Hunt, Andrew; Thomas, David"
    assert book["isbn"] == "9780201616224"  # 020161622X as ISBN-13
    assert (book["publisher"], book["place"], book["year"]) == (
        "Addison-Wesley",
        "Reading, Mass",
        2000,
    )
    assert (book["ddc"], book["language"], book["material_type"]) == ("005.1", "eng", "buku")
    assert book["subjects"] == "Computer programming"
    assert bytes(book["marc_raw"]) == records_of(LOC.read_bytes())[0]  # kept byte for byte
    # LoC writes segmentation marks in the class number: 005.13/3 is the class 005.133.
    assert title_row(library_db, "Programming Python")["ddc"] == "005.133"
    found = CatalogService(library_db.db, library_db.admin).search("pragmatic")
    assert [hit.title for hit in found] == ["The pragmatic programmer: from journeyman to master"]


def test_marc8_diacritics_are_decoded(library_db: LibraryDb) -> None:
    plan = check_file(MARC / "gpo-marc8-japanese.mrc", "marc")
    assert len(plan.records) == len(plan.good) == 1
    raw = (MARC / "gpo-marc8-japanese.mrc").read_bytes()
    assert raw[9:10] == b" " and b"t\xe5ochi" in raw  # MARC-8: the macron comes before the o
    report = run_import(library_db.db, library_db.admin, plan)

    assert report.imported == 1
    book = title_row(library_db, "Beikoku no t\u014dchi no shikumi")
    assert book["title"] == "Beikoku no tōchi no shikumi"
    assert (book["authors"], book["year"], book["language"]) == ("Arnold, Paul A.", 2004, "jpn")
    # The 880 field holds CJK characters pymarc cannot decode: a warning, the record imports.
    assert report.lines() == [
        "Record 1: warning: some characters could not be read and were left out or replaced"
    ]


def test_marc8_record_with_a_damaged_escape_imports_clean_text(library_db: LibraryDb) -> None:
    report = run_import(
        library_db.db, library_db.admin, check_file(MARC / "marc8-bad-escape.mrc", "marc")
    )

    assert report.imported == 1
    (book,) = query(library_db, "SELECT * FROM title")
    assert book["title"] == "Bulletin de la Société linnenne de Bordeaux"
    assert book["publisher"] == "La Sociét"  # the stray ESC of the damaged escape is gone
    assert not re.search(r"[\x00-\x1f]", book["publisher"] + book["title"] + book["subjects"])
    assert (book["material_type"], book["language"]) == ("majalah", "fre")  # a serial


def test_utf8_records_in_decomposed_form_are_stored_composed(library_db: LibraryDb) -> None:
    data = LOC_2016.read_bytes()
    assert "No\u0308el".encode() in data  # LoC writes ö as o + combining diaeresis
    plan = check_file(LOC_2016, "marc")
    assert (len(plan.records), len(plan.good), len(plan.duplicates)) == (58, 58, 0)

    report = run_import(library_db.db, library_db.admin, plan)

    assert (report.imported, report.copies, report.skipped) == (58, 58, [])
    book = title_row(library_db, "Trois contes de Nöel")
    assert book["authors"].split("; ")[1] == "Renard, Georges François"
    assert (book["year"], book["language"]) == (1900, "fre")
    for row in query(library_db, "SELECT title, authors FROM title"):
        for text in row:
            assert text == unicodedata.normalize("NFC", text)
    with_isbn = query(library_db, "SELECT isbn FROM title WHERE isbn IS NOT NULL")
    assert len(with_isbn) == 25 and all(len(row[0]) == 13 for row in with_isbn)
    typed = CatalogService(library_db.db, library_db.admin).search("Nöel")  # typed: one ö
    assert [hit.title for hit in typed] == ["Trois contes de Nöel"]


def test_importing_the_same_records_again_adds_copies_only(library_db: LibraryDb) -> None:
    run_import(library_db.db, library_db.admin, check_file(LOC_2016, "marc"))
    again = run_import(library_db.db, library_db.admin, check_file(LOC_2016, "marc"))

    assert (again.imported, again.merged_as_duplicates) == (0, 58)
    assert (count(library_db, "title"), count(library_db, "item")) == (58, 116)


def test_library_of_congress_marcxml(library_db: LibraryDb) -> None:
    report = run_import(
        library_db.db, library_db.admin, check_file(MARC / "loc-batch.xml", "marcxml")
    )

    assert (report.imported, report.skipped) == (2, [])
    rows = query(library_db, "SELECT title, authors, year, material_type FROM title ORDER BY title")
    assert [tuple(row) for row in rows] == [
        ("The Great Ray Charles", "Charles, Ray", 1957, "audio_visual"),  # a sound recording
        ("The White House", "", 1994, "lainnya"),  # a web site
    ]


def test_record_cut_in_the_middle_among_good_ones(library_db: LibraryDb, tmp_path: Path) -> None:
    records = records_of(LOC.read_bytes())
    cut = records[2][: len(records[2]) // 2]
    path = tmp_path / "terpotong.mrc"
    path.write_bytes(b"".join(records[:2]) + cut + b"".join(records[3:]))

    plan = check_file(path, "marc")
    report = run_import(library_db.db, library_db.admin, plan)

    assert len(plan.records) == 20
    assert (report.imported, [n for n, _ in report.skipped]) == (19, [3])
    assert str(report.skipped[0][1]) == (
        "damaged MARC record: it is shorter or longer than its leader says"
    )
    titles = {row[0] for row in query(library_db, "SELECT title FROM title")}
    assert "Learning Python" not in titles
    assert {"Programming Python", "Python cookbook"} <= titles  # its neighbours


def test_damaged_leader_and_cut_end_among_good_ones(library_db: LibraryDb, tmp_path: Path) -> None:
    records = records_of(LOC.read_bytes())
    bad_leader = b"x" * 5 + records[4][5:]  # the record length is no longer digits
    path = tmp_path / "campur.mrc"
    path.write_bytes(
        b"".join(records[:4]) + bad_leader + b"".join(records[5:19]) + records[19][:300]
    )

    report = run_import(library_db.db, library_db.admin, check_file(path, "marc"))

    assert report.imported == 18
    assert [(n, str(m)) for n, m in report.skipped] == [
        (5, "not a valid MARC record (bad leader)"),
        (20, "the file ends in the middle of this record"),
    ]


def test_line_breaks_between_records_are_not_records(library_db: LibraryDb, tmp_path: Path) -> None:
    """Some exports put CR LF after each record; the records are all still good."""
    path = tmp_path / "baris.mrc"
    path.write_bytes(b"\r\n".join(records_of(LOC.read_bytes())) + b"\r\n\x1a")

    plan = check_file(path, "marc")

    assert (len(plan.records), len(plan.good)) == (20, 20)


@pytest.mark.parametrize("kind", ["marc", "marcxml"])
def test_a_real_file_of_the_other_kind_is_refused(library_db: LibraryDb, kind: str) -> None:
    from app.core.catalog_import import FileRefused

    path = MARC / ("loc-batch.xml" if kind == "marc" else "loc-python-books.mrc")
    with pytest.raises(FileRefused):
        check_file(path, kind)
    assert count(library_db, "title") == 0
