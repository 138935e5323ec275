"""Catalogue imports: MARC 21, MARCXML (INLISLite) and SLiMS CSV, into titles and copies."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pymarc
import pytest
from pymarc import Field, Indicators, Record, Subfield
from sqlalchemy.exc import IntegrityError

from app.core.auth import Role
from app.core.catalog_import import FileKind, FileRefused, check_file, run_import
from app.core.errors import PermissionDenied
from app.core.tasks import Cancelled, Progress
from tests.conftest import LibraryDb

DATA = Path(__file__).resolve().parents[2] / "data" / "catalog"


def book(
    title: str,
    *,
    subtitle: str | None = None,
    author: str = "Siti Aminah",
    year: str = "2019",
    isbn: str | None = None,
    barcodes: tuple[str, ...] = (),
    leader: str = "00000nam a2200000   4500",
) -> Record:
    record = Record(leader=leader)
    record.add_field(Field(tag="008", data="240105s2019    io            000 0 ind  "))
    if isbn:
        record.add_field(
            Field(tag="020", indicators=Indicators(" ", " "), subfields=[Subfield("a", isbn)])
        )
    record.add_field(
        Field(tag="082", indicators=Indicators(" ", " "), subfields=[Subfield("a", "297.3")])
    )
    record.add_field(
        Field(tag="100", indicators=Indicators("0", " "), subfields=[Subfield("a", author + ",")])
    )
    parts = [Subfield("a", title + (" :" if subtitle else " /"))]
    if subtitle:
        parts.append(Subfield("b", subtitle + " /"))
    parts.append(Subfield("c", author))
    record.add_field(Field(tag="245", indicators=Indicators("1", "0"), subfields=parts))
    record.add_field(
        Field(
            tag="260",
            indicators=Indicators(" ", " "),
            subfields=[
                Subfield("a", "Yogyakarta :"),
                Subfield("b", "Pustaka Pelajar,"),
                Subfield("c", f"c{year}."),
            ],
        )
    )
    record.add_field(
        Field(tag="650", indicators=Indicators(" ", "4"), subfields=[Subfield("a", "Salat.")])
    )
    for code in barcodes:
        record.add_field(
            Field(tag="952", indicators=Indicators(" ", " "), subfields=[Subfield("p", code)])
        )
    return record


def write(path: Path, *records: Record | bytes) -> Path:
    path.write_bytes(b"".join(r if isinstance(r, bytes) else r.as_marc() for r in records))
    return path


def rows(library_db: LibraryDb, sql: str) -> list[sqlite3.Row]:
    conn = library_db.db.connect()
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def count(library_db: LibraryDb, table: str) -> int:
    return int(rows(library_db, f"SELECT count(*) FROM {table}")[0][0])


def test_marc_record_fills_every_catalogue_field(library_db: LibraryDb, tmp_path: Path) -> None:
    record = book(
        "Tuntunan salat",
        subtitle="untuk anak-anak",
        isbn="602-424-694-3 (pbk.)",
        barcodes=("INL0001", "INL0002"),
    )
    record.add_field(
        Field(tag="250", indicators=Indicators(" ", " "), subfields=[Subfield("a", "Cet. 2")])
    )
    path = write(tmp_path / "satu.mrc", record)

    plan = check_file(path, "marc")
    report = run_import(library_db.db, library_db.admin, plan, Progress())

    assert (report.imported, report.merged_as_duplicates, report.skipped) == (1, 0, [])
    (title,) = rows(library_db, "SELECT * FROM title")
    assert title["title"] == "Tuntunan salat: untuk anak-anak"
    assert title["authors"] == "Siti Aminah"
    assert (title["place"], title["publisher"], title["year"]) == (
        "Yogyakarta",
        "Pustaka Pelajar",
        2019,
    )
    assert title["edition"] == "Cet. 2"
    assert title["isbn"] == "9786024246945"  # ISBN-10 made ISBN-13
    assert (title["ddc"], title["subjects"], title["language"]) == ("297.3", "Salat", "ind")
    assert title["material_type"] == "buku"
    assert bytes(title["marc_raw"]) == record.as_marc()
    barcodes = [r["barcode"] for r in rows(library_db, "SELECT barcode FROM item ORDER BY barcode")]
    assert barcodes == ["INL0001", "INL0002"]


def test_marc8_record_keeps_its_diacritics(library_db: LibraryDb, tmp_path: Path) -> None:
    # MARC-8: leader/09 blank, the combining acute (0xE2) comes before its letter.
    # The placeholder "~" has the byte length of the MARC-8 acute, so the lengths hold.
    utf8 = book("Kumpulan resep kafe", author="Ren~e Dubois").as_marc()
    assert utf8.count(b"~") == 2  # 100 $a and 245 $c
    raw = (utf8[:9] + b" " + utf8[10:]).replace(b"~", b"\xe2")
    plan = check_file(write(tmp_path / "marc8.mrc", raw), FileKind.MARC)

    run_import(library_db.db, library_db.admin, plan)

    (title,) = rows(library_db, "SELECT authors, marc_raw FROM title")
    assert title["authors"] == "Ren\u00e9 Dubois"
    assert bytes(title["marc_raw"]) == raw


def test_inlislite_marcxml_imports_and_reports_bad_isbn_and_missing_title(
    library_db: LibraryDb,
) -> None:
    plan = check_file(DATA / "inlislite.xml", "marcxml")
    report = run_import(library_db.db, library_db.admin, plan)

    assert (report.imported, report.merged_as_duplicates) == (2, 0)
    assert [(n, str(m)) for n, m in report.skipped] == [(3, "no title (field 245 $a)")]
    assert [(n, str(m)) for n, m in report.warnings] == [(2, "invalid ISBN 979-123-456-0 left out")]
    assert "Record 2: warning: invalid ISBN 979-123-456-0 left out" in report.lines()
    titles = rows(
        library_db, "SELECT title, isbn, year, publisher, marc_raw FROM title ORDER BY title"
    )
    assert [(t["title"], t["isbn"], t["year"], t["publisher"]) for t in titles] == [
        ("Budidaya cabai di pekarangan", None, 2020, "Penebar Swadaya"),
        ("Tuntunan salat sehari-hari: untuk anak-anak", "9786024246945", 2019, "Pustaka Pelajar"),
    ]
    assert all(pymarc.Record(data=bytes(t["marc_raw"])).title for t in titles)
    items = rows(library_db, "SELECT barcode, call_number FROM item ORDER BY barcode")
    assert [(i["barcode"], i["call_number"]) for i in items] == [
        ("B000001", None),
        ("INL0001", "297.3 AMI t"),
        ("INL0002", "297.3 AMI t"),
    ]


def test_broken_records_are_reported_and_the_good_ones_import(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    broken = bytearray(book("Rusak").as_marc())
    broken[12:17] = b"99999"  # base address past the end of the record
    no_title = Record(leader="00000nam a2200000   4500")
    no_title.add_field(Field(tag="001", data="X1"))
    path = write(
        tmp_path / "campur.mrc", book("Satu"), bytes(broken), book("Dua"), no_title, book("Tiga")
    )

    plan = check_file(path, "marc")
    report = run_import(library_db.db, library_db.admin, plan)

    assert report.imported == 3
    assert [n for n, _ in report.skipped] == [2, 4]
    assert "damaged MARC record" in str(report.skipped[0][1])
    assert str(report.skipped[1][1]) == "no title (field 245 $a)"
    assert [r["title"] for r in rows(library_db, "SELECT title FROM title ORDER BY title")] == [
        "Dua",
        "Satu",
        "Tiga",
    ]


def test_file_cut_in_a_later_record_imports_what_is_whole(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    last = book("Terpotong").as_marc()
    path = write(tmp_path / "potong.mrc", book("Utuh"), last[: len(last) // 2])

    report = run_import(library_db.db, library_db.admin, check_file(path, "marc"))

    assert report.imported == 1
    assert [(n, str(m)) for n, m in report.skipped] == [
        (2, "the file ends in the middle of this record")
    ]


@pytest.mark.parametrize(
    ("name", "content", "kind", "words"),
    [
        ("kosong.mrc", b"", "marc", "is empty"),
        ("not_marc.mrc", None, "marc", "is not a MARC 21"),
        ("pendek.mrc", b"01234nam a2200049   4500001000", "marc", "is cut short"),
        ("buku.xml", b"<collection><record><leader>", "marcxml", "not a readable MARCXML"),
        ("buku.xml", b"judul,pengarang\n", "marcxml", "not a readable MARCXML"),
        ("missing_columns.csv", None, "slims-csv", "the column title is missing"),
    ],
)
def test_malformed_file_is_refused_and_nothing_written(
    library_db: LibraryDb, tmp_path: Path, name: str, content: bytes | None, kind: str, words: str
) -> None:
    path = DATA / name if content is None else tmp_path / name
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(FileRefused) as refused:
        check_file(path, kind)

    assert words in str(refused.value)
    assert path.name in str(refused.value)
    assert count(library_db, "title") == 0


def test_duplicates_add_copies_in_the_file_and_against_the_database(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "dobel.mrc",
        book("Tuntunan salat", isbn="978-602-424-694-5"),
        book("Judul lain", isbn="6024246943"),  # the same ISBN, written as ISBN-10
        book("Kisah nabi", author="Ahmad"),
        book("KISAH  NABI", author="ahmad"),  # same title, author and year, other case
        book("Kisah nabi", author="Ahmad", year="2001"),  # another year: another book
    )
    plan = check_file(path, "marc")
    assert [r.duplicate_of for r in plan.records] == [None, 1, None, 3, None]

    first = run_import(library_db.db, library_db.admin, plan)
    assert (first.imported, first.merged_as_duplicates, first.copies) == (3, 2, 5)

    again = run_import(library_db.db, library_db.admin, check_file(path, "marc"))
    assert (again.imported, again.merged_as_duplicates) == (0, 5)
    assert count(library_db, "title") == 3
    assert count(library_db, "item") == 10
    barcodes = [r[0] for r in rows(library_db, "SELECT barcode FROM item")]
    assert len(set(barcodes)) == 10


def test_barcode_already_in_use_gets_a_new_one_with_a_warning(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "kode.mrc", book("Satu", barcodes=("X1",)), book("Dua", barcodes=("X1",))
    )
    report = run_import(library_db.db, library_db.admin, check_file(path, "marc"))

    assert [(n, str(m)) for n, m in report.warnings] == [
        (2, "barcode X1 is already in use or too long; the copy got B000001")
    ]
    assert sorted(r[0] for r in rows(library_db, "SELECT barcode FROM item")) == ["B000001", "X1"]


def test_material_type_from_the_leader(library_db: LibraryDb, tmp_path: Path) -> None:
    path = write(
        tmp_path / "jenis.mrc",
        book("Buku", leader="00000nam a2200000   4500"),
        book("Majalah", leader="00000nas a2200000   4500"),
        book("Rekaman", leader="00000njm a2200000   4500"),
        book("Peta", leader="00000nem a2200000   4500"),
    )
    run_import(library_db.db, library_db.admin, check_file(path, "marc"))

    kinds = {r[0]: r[1] for r in rows(library_db, "SELECT title, material_type FROM title")}
    assert kinds == {
        "Buku": "buku",
        "Majalah": "majalah",
        "Rekaman": "audio_visual",
        "Peta": "lainnya",
    }


def test_slims_biblio_export(library_db: LibraryDb) -> None:
    plan = check_file(DATA / "slims_biblio.csv", "slims-csv")
    report = run_import(library_db.db, library_db.admin, plan)

    assert (report.imported, report.copies) == (3, 4)
    assert [(n, str(m)) for n, m in report.skipped] == [(4, "no title")]
    laskar = rows(library_db, "SELECT * FROM title WHERE title = 'Laskar pelangi'")[0]
    assert laskar["isbn"] == "9789793062792"
    assert laskar["authors"] == "Andrea Hirata"
    assert laskar["subjects"] == "Novel Indonesia; Pendidikan"
    assert (laskar["publisher"], laskar["place"], laskar["year"]) == (
        "Bentang Pustaka",
        "Yogyakarta",
        2008,
    )
    assert (laskar["ddc"], laskar["language"], laskar["edition"]) == ("899.221", "ind", "Cet. 5")
    kambing = rows(library_db, "SELECT authors FROM title WHERE title LIKE 'Panduan%'")[0]
    assert kambing["authors"] == "Santoso, Budi; Wijaya, Rina"
    album = rows(library_db, "SELECT material_type FROM title WHERE title LIKE 'Album%'")[0]
    assert album["material_type"] == "audio_visual"
    items = rows(
        library_db,
        "SELECT item.barcode, item.call_number FROM item JOIN title ON title.id = item.title_id"
        " WHERE title.title = 'Laskar pelangi' ORDER BY barcode",
    )
    assert [(i[0], i[1]) for i in items] == [
        ("B00101", "899.221 HIR l"),
        ("B00102", "899.221 HIR l"),
    ]


def test_slims_export_without_its_header_row(library_db: LibraryDb, tmp_path: Path) -> None:
    lines = (DATA / "slims_biblio.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "tanpa_judul_kolom.csv"
    path.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")

    report = run_import(library_db.db, library_db.admin, check_file(path, "slims-csv"))

    assert report.imported == 3
    assert [n for n, _ in report.skipped] == [3]  # the third line of this file
    assert rows(library_db, "SELECT isbn FROM title WHERE title = 'Laskar pelangi'")[0][0] == (
        "9789793062792"
    )


def test_cancel_writes_nothing(library_db: LibraryDb, tmp_path: Path) -> None:
    outbox_before = count(library_db, "outbox")
    path = write(tmp_path / "banyak.mrc", *(book(f"Buku {n}") for n in range(300)))
    plan = check_file(path, "marc")
    progress = Progress(lambda done, total, text: progress.cancel() if done >= 200 else None)

    with pytest.raises(Cancelled):
        run_import(library_db.db, library_db.admin, plan, progress)

    assert count(library_db, "title") == 0
    assert count(library_db, "item") == 0
    assert count(library_db, "outbox") == outbox_before


def test_failure_mid_import_writes_nothing(library_db: LibraryDb, tmp_path: Path) -> None:
    plan = check_file(write(tmp_path / "dua.mrc", book("Satu"), book("Dua")), "marc")

    with pytest.raises(IntegrityError):  # a copy without a source: the database refuses it
        run_import(library_db.db, library_db.admin, plan, source=None)  # type: ignore[arg-type]

    assert count(library_db, "title") == 0
    assert count(library_db, "item") == 0


def test_volunteer_may_not_import(library_db: LibraryDb, tmp_path: Path) -> None:
    plan = check_file(write(tmp_path / "satu.mrc", book("Satu")), "marc")
    volunteer = dataclasses.replace(library_db.admin, role=Role.RELAWAN)

    with pytest.raises(PermissionDenied):
        run_import(library_db.db, volunteer, plan)

    assert count(library_db, "title") == 0
