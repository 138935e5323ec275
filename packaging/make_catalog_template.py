"""Writes resources/templates/katalog-template.xlsx and katalog-template.csv.

Run ``python packaging/make_catalog_template.py`` after changing the columns
(they must stay those of ``app.core.catalog_import.TEMPLATE_COLUMNS``; a test
checks the shipped files). The columns are documented in katalog-template.md.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent.parent / "resources" / "templates"

# (column, required in the header, what to write, example, width)
COLUMNS = (
    ("judul", "ya (wajib diisi)", "Judul buku, dengan anak judul bila ada.", "Laskar Pelangi", 34),
    (
        "pengarang",
        "ya (boleh kosong)",
        "Pengarang; lebih dari satu dipisah titik koma (;). Tulis nama keluarga dulu bila ada:"
        " Toer, Pramoedya Ananta.",
        "Andrea Hirata",
        24,
    ),
    ("penerbit", "", "Nama penerbit.", "Bentang Pustaka", 20),
    ("kota_terbit", "", "Kota terbit.", "Yogyakarta", 14),
    (
        "tahun",
        "ya (boleh kosong)",
        "Tahun terbit, empat angka.",
        "2005",
        8,
    ),
    ("edisi", "", "Edisi atau cetakan.", "Cet. 1", 10),
    (
        "isbn",
        "ya (boleh kosong)",
        "ISBN-10 atau ISBN-13, dengan atau tanpa tanda hubung. ISBN yang salah dilewati"
        " (buku tetap masuk, dengan peringatan).",
        "979-3062-79-7",
        18,
    ),
    (
        "ddc",
        "",
        "Nomor klas DDC: tiga angka dengan desimal (297.1, 899.221 3), atau 2X0 sampai 2X9"
        " untuk Islam (2X4.3).",
        "899.221 3",
        11,
    ),
    (
        "nomor_panggil",
        "",
        "Nomor panggil di punggung buku. Kosong: dibuat dari DDC, pengarang dan judul"
        " (899.221 3 HIR l).",
        "",
        16,
    ),
    ("subjek", "", "Subjek; lebih dari satu dipisah titik koma (;).", "Fiksi Indonesia", 24),
    (
        "bahasa",
        "",
        "Indonesia, Inggris, Arab, Jawa, Sunda, atau kode tiga huruf (ind, eng, ara, jav, sun).",
        "Indonesia",
        11,
    ),
    (
        "jenis_bahan",
        "",
        "buku, majalah, surat_kabar, audio_visual atau lainnya. Kosong: buku.",
        "buku",
        13,
    ),
    ("pembaca", "", "anak, remaja atau dewasa. Boleh kosong.", "remaja", 10),
    (
        "jumlah_eksemplar",
        "",
        "Banyaknya eksemplar (1 sampai 100). Kosong: 1, atau sebanyak barkode.",
        "2",
        10,
    ),
    (
        "barkode",
        "",
        "Barkode eksemplar yang sudah ada, dipisah titik koma. Kosong: PerpusDesa memberi nomor"
        " baru (B000001 ...).",
        "",
        16,
    ),
    (
        "sumber",
        "",
        "perpusnas (bantuan Perpusnas), hibah, pembelian atau swadaya. Kosong: perpusnas.",
        "perpusnas",
        12,
    ),
    (
        "tanggal_pengadaan",
        "",
        "Tanggal buku diterima: 2024-07-31 atau 31/07/2024 (sel tanggal Excel juga bisa).",
        "2024-07-15",
        14,
    ),
)

SAMPLES = (
    (
        "Laskar Pelangi",
        "Andrea Hirata",
        "Bentang Pustaka",
        "Yogyakarta",
        2005,
        "Cet. 1",
        "979-3062-79-7",
        "899.221 3",
        "",
        "Fiksi Indonesia; Pendidikan",
        "Indonesia",
        "buku",
        "remaja",
        2,
        "",
        "perpusnas",
        date(2024, 7, 15),
    ),
    (
        "Bumi Manusia",
        "Toer, Pramoedya Ananta",
        "Lentera Dipantara",
        "Jakarta",
        2005,
        "",
        "979-97312-3-2",
        "899.221 3",
        "",
        "Fiksi Indonesia; Sejarah",
        "Indonesia",
        "buku",
        "dewasa",
        1,
        "",
        "hibah",
        date(2024, 8, 15),
    ),
)

NOTES = (
    "Satu baris untuk satu judul. Baris 2 dan 3 di lembar Katalog adalah contoh:"
    " hapus sebelum mengisi.",
    "Nama kolom di baris pertama jangan diubah. Urutan kolom boleh diubah, kolom yang tidak"
    " dipakai boleh dihapus, kecuali judul, pengarang, tahun dan isbn.",
    "Buku yang sama (ISBN sama, atau judul, pengarang pertama dan tahun sama) tidak dibuat dua"
    " kali: eksemplarnya ditambahkan ke judul yang sudah ada.",
    "Baris yang salah dilewati dan dilaporkan dengan nomor barisnya; baris lain tetap diimpor.",
    "Simpan sebagai .xlsx, atau sebagai CSV (pemisah koma atau titik koma, UTF-8).",
)


def write_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Katalog"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.append([name for name, *_ in COLUMNS])
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    for sample in SAMPLES:
        sheet.append(list(sample))
    letters = {name: cell.column_letter for (name, *_), cell in zip(COLUMNS, sheet[1], strict=True)}
    for name, _required, _text, _example, width in COLUMNS:
        sheet.column_dimensions[letters[name]].width = width
    for name in ("isbn", "barkode", "ddc", "nomor_panggil"):  # text, so Excel keeps the digits
        for number in range(2, 1001):
            sheet[f"{letters[name]}{number}"].number_format = "@"
    for number in range(2, 1001):
        sheet[f"{letters['tanggal_pengadaan']}{number}"].number_format = "yyyy-mm-dd"
    for name, choices in (
        ("jenis_bahan", "buku,majalah,surat_kabar,audio_visual,lainnya"),
        ("pembaca", "anak,remaja,dewasa"),
        ("sumber", "perpusnas,hibah,pembelian,swadaya"),
    ):
        rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        rule.add(f"{letters[name]}2:{letters[name]}1000")
        sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"

    help_sheet = book.create_sheet("Petunjuk")
    help_sheet.append(["Kolom", "Wajib ada", "Cara mengisi", "Contoh"])
    for cell in help_sheet[1]:
        cell.font = bold
        cell.fill = fill
    for name, required, text, example, _width in COLUMNS:
        help_sheet.append([name, required, text, example])
    help_sheet.append([])
    for note in NOTES:
        help_sheet.append([note])
        help_sheet.merge_cells(
            start_row=help_sheet.max_row, start_column=1, end_row=help_sheet.max_row, end_column=4
        )
    for letter, width in zip("ABCD", (20, 18, 80, 18), strict=True):
        help_sheet.column_dimensions[letter].width = width
    for row in help_sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.active = 0
    book.save(path)


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([name for name, *_ in COLUMNS])
        for row in SAMPLES:
            writer.writerow(
                [value.isoformat() if isinstance(value, date) else value for value in row]
            )


if __name__ == "__main__":
    write_xlsx(HERE / "katalog-template.xlsx")
    write_csv(HERE / "katalog-template.csv")
