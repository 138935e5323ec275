"""The PerpusDesa catalogue template (CSV or XLSX): columns, row errors by row number, copies."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.core.catalog_import import (
    TEMPLATE_COLUMNS,
    TEMPLATE_REQUIRED,
    FileKind,
    FileRefused,
    check_file,
    run_import,
    sniff_kind,
    template_path,
)
from tests.conftest import LibraryDb

TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"
HEADER = "judul;pengarang;tahun;isbn"


def query(library_db: LibraryDb, sql: str) -> list[sqlite3.Row]:
    conn = library_db.db.connect()
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def csv_file(tmp_path: Path, *lines: str, name: str = "katalog.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig" if bom else "utf-8")
    return path


def xlsx_file(tmp_path: Path, rows: list[list[object]], *, help_first: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Katalog"
    for row in rows:
        sheet.append(row)
    notes = book.create_sheet("Petunjuk", 0 if help_first else None)
    notes.append(["Kolom", "Cara mengisi"])
    notes.append(["judul", "Judul buku"])
    book.active = 0
    path = tmp_path / "katalog.xlsx"
    book.save(path)
    return path


def test_shipped_templates_have_the_documented_columns_and_read_alike() -> None:
    assert template_path("csv") == TEMPLATES / "katalog-template.csv"
    with template_path("csv").open(encoding="utf-8-sig", newline="") as handle:
        assert tuple(next(csv.reader(handle, delimiter=";"))) == TEMPLATE_COLUMNS
    book = openpyxl.load_workbook(template_path("xlsx"))
    assert book.sheetnames == ["Katalog", "Petunjuk"]
    header = book["Katalog"][1]
    assert tuple(cell.value for cell in header) == TEMPLATE_COLUMNS
    assert all(cell.font.b for cell in header)
    explained = [row[0] for row in book["Petunjuk"].iter_rows(min_row=2, values_only=True)]
    assert list(TEMPLATE_COLUMNS) == explained[: len(TEMPLATE_COLUMNS)]
    documented = (TEMPLATES / "katalog-template.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in documented for name in TEMPLATE_COLUMNS)

    from_csv = check_file(template_path("csv"), FileKind.TEMPLATE)
    from_xlsx = check_file(template_path("xlsx"), FileKind.TEMPLATE)
    assert [r.data for r in from_csv.records] == [r.data for r in from_xlsx.records]
    assert [(r.number, r.data and r.data.title) for r in from_xlsx.records] == [
        (2, "Laskar Pelangi"),
        (3, "Bumi Manusia"),
    ]


def test_every_column_reaches_the_catalogue(library_db: LibraryDb, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        ";".join(TEMPLATE_COLUMNS),
        'Bertani Padi Organik;"Suryani, Endah; Wibowo, Agus";Penebar Swadaya;Depok;2018;Ed. 2;'
        '602-424-694-3;631.5;631.5 SUR b;"Pertanian; Padi";Indonesia;buku;dewasa;3;"INV-01; INV-02";'
        "pembelian;31/07/2024",
        bom=True,
    )
    report = run_import(library_db.db, library_db.admin, check_file(path, "template"))

    assert (report.imported, report.copies, report.skipped, report.warnings) == (1, 3, [], [])
    (title,) = query(library_db, "SELECT * FROM title")
    assert (title["title"], title["authors"], title["publisher"], title["place"]) == (
        "Bertani Padi Organik",
        "Suryani, Endah; Wibowo, Agus",
        "Penebar Swadaya",
        "Depok",
    )
    assert (title["year"], title["edition"], title["isbn"], title["ddc"]) == (
        2018,
        "Ed. 2",
        "9786024246945",
        "631.5",
    )
    assert (title["subjects"], title["language"], title["material_type"], title["audience"]) == (
        "Pertanian; Padi",
        "ind",
        "buku",
        "dewasa",
    )
    items = query(
        library_db, "SELECT barcode, call_number, source, acquired_on FROM item ORDER BY barcode"
    )
    assert [tuple(row) for row in items][1:] == [
        ("INV-01", "631.5 SUR b", "pembelian", "2024-07-31"),
        ("INV-02", "631.5 SUR b", "pembelian", "2024-07-31"),
    ]
    assert items[0]["barcode"] == "B000001"  # the third copy got a new number


def test_comma_separated_with_other_spellings_of_the_columns(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "Judul Buku,Penulis,Tahun Terbit,ISBN,Jumlah",
        '"Si Kancil, Anak Nakal",Tim Kancil,2021,,2',
    )
    (record,) = check_file(path, "template").records
    assert record.data is not None
    assert (record.data.title, record.data.authors, record.data.year, record.data.copies) == (
        "Si Kancil, Anak Nakal",
        ["Tim Kancil"],
        2021,
        2,
    )


def test_windows_1252_and_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "lama.csv"
    path.write_bytes(
        "sep=;\r\njudul;pengarang;tahun;isbn\r\nCafé Kopi Desa;Adé;2020;\r\n".encode("cp1252")
    )
    (record,) = check_file(path, "template").records
    assert record.data is not None
    # Excel hides the sep= line: the header is its row 1, the book row 2.
    assert (record.number, record.data.title, record.data.authors) == (2, "Café Kopi Desa", ["Adé"])


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("judul;pengarang;penerbit", "tahun, isbn"),
        ("title;authors;publish_year;isbn_issn", "judul, pengarang, tahun, isbn"),
        ("nama;jenis_kelamin", "judul, pengarang, tahun, isbn"),
    ],
)
def test_a_file_without_the_required_columns_is_refused_naming_them(
    library_db: LibraryDb, tmp_path: Path, header: str, missing: str
) -> None:
    path = csv_file(tmp_path, header, "Laskar Pelangi;Andrea Hirata;Bentang")
    with pytest.raises(FileRefused) as refused:
        check_file(path, "template")
    assert str(refused.value) == (
        f"The file katalog.csv is not a PerpusDesa catalogue template: the columns {missing} are"
        " missing. Start from katalog-template.xlsx or katalog-template.csv."
    )
    assert TEMPLATE_REQUIRED == ("judul", "pengarang", "tahun", "isbn")
    assert query(library_db, "SELECT count(*) FROM title")[0][0] == 0


def test_bad_rows_are_skipped_and_reported_by_row_number(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    future = date(date.today().year + 2, 1, 1).isoformat()
    path = csv_file(
        tmp_path,
        "judul;pengarang;tahun;isbn;ddc;bahasa;jenis_bahan;pembaca;sumber;jumlah_eksemplar;"
        "barkode;tanggal_pengadaan",
        "Buku Baik;Ani;2019;;;;;;;;;",
        ";Tanpa Judul;2019;;;;;;;;;",
        "Tahun Salah;Ani;20O5;;;;;;;;;",
        "",
        "Klas Salah;Ani;2019;;9999;;;;;;;",
        "Bahasa Salah;Ani;2019;;;Klingon;;;;;;",
        "Bahan Salah;Ani;2019;;;;komik;;;;;",
        "Pembaca Salah;Ani;2019;;;;;balita;;;;",
        "Sumber Salah;Ani;2019;;;;;;curian;;;",
        "Jumlah Salah;Ani;2019;;;;;;;0;;",
        'Barkode Lebih;Ani;2019;;;;;;;1;"X1; X2";',
        f"Tanggal Salah;Ani;2019;;;;;;;;;{future}",
        "ISBN Salah;Ani;2019;979-123-456-0;;;;;;;;",
    )
    plan = check_file(path, "template")
    report = run_import(library_db.db, library_db.admin, plan)

    assert (report.imported, len(report.skipped)) == (2, 10)
    assert report.lines() == [
        "Row 3: skipped: no title (column judul)",
        "Row 4: skipped: 20O5 is not a year of publication (column tahun)",
        "Row 6: skipped: 9999 is not a DDC class. Use three digits with optional decimals, such as"
        " 297.1, or 2X0 to 2X9 for Islam, such as 2X4.3.",
        "Row 7: skipped: Klingon is not a language; write Indonesia, Inggris, Arab, Jawa, Sunda or"
        " a three-letter code such as ind (column bahasa)",
        "Row 8: skipped: komik is not a material type; write buku, majalah, surat_kabar,"
        " audio_visual or lainnya (column jenis_bahan)",
        "Row 9: skipped: balita is not a reader group; write anak, remaja or dewasa (column"
        " pembaca)",
        "Row 10: skipped: curian is not a source; write perpusnas, hibah, pembelian or swadaya"
        " (column sumber)",
        "Row 11: skipped: 0 is not a number of copies from 1 to 100 (column jumlah_eksemplar)",
        "Row 12: skipped: 1 copies, but more barcodes are given; correct one of the two (column"
        " jumlah_eksemplar)",
        f"Row 13: skipped: {future} is not a date of acquisition; write it as 2024-07-31 or"
        " 31/07/2024, not in the future (column tanggal_pengadaan)",
        "Row 14: warning: invalid ISBN 979-123-456-0 left out",
    ]
    titles = [row[0] for row in query(library_db, "SELECT title FROM title ORDER BY title")]
    assert titles == ["Buku Baik", "ISBN Salah"]


def test_duplicates_in_the_file_and_in_the_catalogue_add_copies(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    lines = (
        HEADER + ";jumlah_eksemplar",
        "Laskar Pelangi;Andrea Hirata;2005;979-3062-79-7;2",
        "LASKAR PELANGI (cetak ulang);Andrea Hirata;2008;9789793062792;1",  # the same ISBN
        "Ronggeng Dukuh Paruk;Ahmad Tohari;2003;;1",
        "ronggeng  dukuh paruk;AHMAD TOHARI;2003;;3",  # the same title, author and year
    )
    plan = check_file(csv_file(tmp_path, *lines), "template")
    assert [r.duplicate_of for r in plan.records] == [None, 2, None, 4]
    first = run_import(library_db.db, library_db.admin, plan)
    assert (first.imported, first.merged_as_duplicates, first.copies) == (2, 2, 7)

    again = run_import(
        library_db.db, library_db.admin, check_file(template_path("csv"), "template")
    )
    assert (again.imported, again.merged_as_duplicates) == (1, 1)  # Laskar Pelangi is there
    counts = query(
        library_db,
        "SELECT t.title, count(i.id) FROM title t JOIN item i ON i.title_id = t.id"
        " GROUP BY t.id ORDER BY t.title",
    )
    assert [tuple(row) for row in counts] == [
        ("Bumi Manusia", 1),
        ("Laskar Pelangi", 5),
        ("Ronggeng Dukuh Paruk", 4),
    ]


def test_xlsx_cells_numbers_dates_and_the_right_sheet(tmp_path: Path) -> None:
    path = xlsx_file(
        tmp_path,
        [
            ["Katalog Perpustakaan Desa Miroto"],  # a heading above the header row
            [],
            ["judul", "pengarang", "tahun", "isbn", "jumlah_eksemplar", "tanggal_pengadaan"],
            ["Laskar Pelangi", "Andrea Hirata", 2005, 9789793062792, 2.0, datetime(2024, 7, 15)],
            [None, None, None, None, None, None],
            ["Ayat-Ayat Cinta", "Habiburrahman El Shirazy", 2004.0, "979-3604-02-6", None, None],
        ],
        help_first=True,  # the help sheet comes first: the catalogue sheet is still found
    )
    plan = check_file(path, "template")
    assert [r.number for r in plan.records] == [4, 6]
    first, second = (r.data for r in plan.records)
    assert first is not None and second is not None
    assert (first.year, first.isbn, first.copies, first.acquired_on) == (
        2005,
        "9789793062792",
        2,
        date(2024, 7, 15),
    )
    assert (second.year, second.isbn, second.copies) == (2004, "9789793604022", 1)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Excel file (.xls)"),
        ("rusak.xlsx", b"bukan excel", "is not a readable Excel (.xlsx) file"),
        ("rusak.xlsx", b"PK\x03\x04 terpotong", "is not a readable Excel (.xlsx) file"),
        ("kosong.csv", b"\n\n", "is empty"),
        ("gambar.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is not a CSV file"),
    ],
)
def test_files_that_are_not_a_template_are_refused(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRefused) as refused:
        check_file(path, "template")
    assert words in str(refused.value) and name in str(refused.value)


def test_xlsx_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = xlsx_file(tmp_path, [["nama", "alamat"], ["Budi", "Miroto"]])
    with pytest.raises(FileRefused, match="the columns judul, pengarang, tahun, isbn are missing"):
        check_file(path, "template")


def test_a_template_csv_is_told_apart_from_a_slims_export(tmp_path: Path) -> None:
    slims = Path(__file__).resolve().parents[2] / "data" / "catalog" / "slims_biblio.csv"
    assert sniff_kind(template_path("csv")) is FileKind.TEMPLATE
    assert sniff_kind(template_path("xlsx")) is FileKind.TEMPLATE
    assert sniff_kind(slims) is FileKind.SLIMS_CSV
    assert sniff_kind(csv_file(tmp_path, "sep=,", '"Judul","Pengarang"')) is FileKind.TEMPLATE
    assert sniff_kind(tmp_path / "buku.mrc") is FileKind.MARC
    assert sniff_kind(tmp_path / "buku.xml") is FileKind.MARCXML
    assert sniff_kind(tmp_path / "foto.png") is None
    with pytest.raises(FileRefused) as refused:
        check_file(template_path("csv"), FileKind.SLIMS_CSV)
    assert str(refused.value) == (
        "The file katalog-template.csv is a PerpusDesa catalogue template, not a SLiMS export:"
        " import it as the catalogue template."
    )


def test_a_cancelled_template_import_writes_nothing(library_db: LibraryDb, tmp_path: Path) -> None:
    from app.core.tasks import Cancelled, Progress

    lines = [HEADER] + [f"Buku Desa {n};Penulis {n};2020;" for n in range(300)]
    plan = check_file(csv_file(tmp_path, *lines), "template")
    progress = Progress(lambda done, total, text: progress.cancel() if done >= 200 else None)

    with pytest.raises(Cancelled):
        run_import(library_db.db, library_db.admin, plan, progress)

    assert query(library_db, "SELECT count(*) FROM title")[0][0] == 0
    assert query(library_db, "SELECT count(*) FROM item")[0][0] == 0
