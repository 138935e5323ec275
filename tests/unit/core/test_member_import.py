"""Importing members from CSV and XLSX: the template, Indonesian Excel, SLiMS exports, bad files.

Every check runs on a real library database; "nothing imported" is read back
from the member table (and the outbox), never assumed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.core.auth import Role, UserService
from app.core.member_import import (
    REPORT_LINE,
    TEMPLATE_COLUMNS,
    FileRefused,
    ImportReport,
    Layout,
    check_file,
    import_members,
    parse_date,
    parse_yes_no,
    read_table,
    report_lines,
    template_path,
)
from app.core.members import MemberInput, MemberService
from app.core.tasks import Cancelled, Progress
from tests.conftest import LibraryDb

DATA = Path(__file__).resolve().parents[2] / "data"
NOW = datetime(2026, 5, 4, 3, 0, tzinfo=UTC)  # 10:00 WIB
HEADER = ",".join(TEMPLATE_COLUMNS)


def now() -> datetime:
    return NOW


def check(library_db: LibraryDb, path: Path, progress: Progress | None = None) -> ImportReport:
    return check_file(library_db.db, library_db.admin, path, progress, now=now)


def member_count(library_db: LibraryDb) -> int:
    conn = library_db.db.connect()
    try:
        return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
    finally:
        conn.close()


def outbox_members(library_db: LibraryDb) -> int:
    conn = library_db.db.connect()
    try:
        sql = "SELECT count(*) FROM outbox WHERE table_name = 'member'"
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def service(library_db: LibraryDb) -> MemberService:
    return MemberService(library_db.db, library_db.admin, now)


def template_csv(tmp_path: Path, *rows: str, name: str = "anggota.csv") -> Path:
    """A template CSV: the header, then the rows (each a dict-like 'column=value;...' string)."""
    lines = [HEADER]
    for row in rows:
        values = dict(part.split("=", 1) for part in row.split(";") if part)
        unknown = set(values) - set(TEMPLATE_COLUMNS)
        assert not unknown, unknown
        lines.append(",".join(_quote(values.get(column, "")) for column in TEMPLATE_COLUMNS))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _quote(value: str) -> str:
    return f'"{value}"' if "," in value else value


ADULT = "nama=Siti Aminah;jenis_kelamin=P;tanggal_lahir=1988-03-14;tanggal_daftar=2026-01-05;persetujuan=ya"


def problems_of(report: ImportReport) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.render()) for p in report.problems]


# --- the template ---------------------------------------------------------------------


def test_template_csv_imports_every_member_with_their_data(library_db: LibraryDb) -> None:
    report = check(library_db, DATA / "anggota-template.csv")
    assert report.layout is Layout.TEMPLATE
    assert [row.row for row in report.rows] == [2, 3, 4, 6]  # the empty line 5 is skipped
    assert report.problems == []
    assert not report.needs_consent_confirmation

    result = import_members(library_db.db, library_db.admin, report, now=now)
    assert (result.imported, result.skipped) == (4, 0)
    assert member_count(library_db) == 4
    members = service(library_db)
    siti = members.get_by_no("2025-0101")
    assert siti is not None
    assert (siti.name, siti.gender, siti.birth_date) == ("Siti Aminah", "P", date(1988, 3, 14))
    assert (siti.rt, siti.rw, siti.village_name) == ("003", "002", "Miroto")
    assert (siti.phone, siti.occupation, siti.education) == ("081234567890", "pedagang", "sma")
    assert (siti.registered_on, siti.expires_on) == (date(2025, 1, 6), date(2026, 1, 6))
    assert siti.nik == "3374015403880001"
    assert siti.notes == "Ketua PKK"
    assert siti.consent_by_name == library_db.admin.full_name
    # DD/MM/YYYY and DD-MM-YYYY dates; no number in the file: the next free one of that year.
    budi = next(v for v in map(members.get, result.member_ids) if v.name == "Budi Santoso")
    assert budi.birth_date == date(1975, 8, 17)
    assert budi.registered_on == date(2025, 1, 6)
    assert budi.village_name == "Brumbungan"  # 3374011002 read as 33.74.01.1002
    assert budi.member_no == "2025-0103"
    dewi = next(v for v in map(members.get, result.member_ids) if v.name == "Dewi Lestari")
    assert dewi.guardian_name == "Sri Wahyuni"
    assert dewi.guardian_consent_at is not None
    assert dewi.member_type == "anak"
    ahmad = members.get_by_no("2025-0102")
    assert ahmad is not None and ahmad.gender == "L" and ahmad.phone == "085712345678"
    assert outbox_members(library_db) == 4  # synced the usual way, one outbox row each


def test_indonesian_excel_csv_with_semicolons_and_windows_1252(library_db: LibraryDb) -> None:
    report = check(library_db, DATA / "anggota-excel-titik-koma.csv")
    assert report.problems == []
    first = report.rows[0].member
    assert first is not None
    assert first.name == "Ny. Siti Ma\u2019rufah"  # byte 0x92 of Windows-1252
    assert first.birth_date == date(1962, 4, 5)  # 05/04/1962 is day first
    assert (first.occupation, first.education) == ("ibu_rumah_tangga", "smp")
    second = report.rows[1].member
    assert second is not None and second.education == "sma"  # SMK
    import_members(library_db.db, library_db.admin, report, now=now)
    siti = service(library_db).get_by_no("2025-0201")
    assert siti is not None
    assert siti.phone == "08123456789"  # the leading 0 Excel dropped is back
    assert siti.rt == "007"


def test_utf8_bom_latin1_and_sep_line(library_db: LibraryDb, tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    text = "sep=;\r\nnama;jenis_kelamin;persetujuan\r\nJos\u00e9 Rizal;L;ya\r\n"
    path.write_bytes(text.encode("latin-1"))
    report = check(library_db, path)
    assert report.problems == []
    assert report.rows[0].member is not None
    assert report.rows[0].member.name == "Jos\u00e9 Rizal"
    assert report.rows[0].row == 3


def test_xlsx_with_typed_cells_and_a_title_row(library_db: LibraryDb, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Anggota"
    sheet.append(["Daftar anggota Perpustakaan Desa Miroto"])
    sheet.append(list(TEMPLATE_COLUMNS))
    row = dict.fromkeys(TEMPLATE_COLUMNS)
    row.update(
        nama="Rahmat Hidayat",
        jenis_kelamin="L",
        tanggal_lahir=datetime(1979, 12, 1),
        rt=4,
        rw=1.0,
        kode_desa="33.74.01.1001",
        telepon=81311112222,  # typed as a number: Excel drops the 0
        tanggal_daftar=date(2026, 2, 2),
        persetujuan="Ya",
    )
    sheet.append([row[column] for column in TEMPLATE_COLUMNS])
    sheet.append([None] * len(TEMPLATE_COLUMNS))
    row.update(nama="Lina Marlina", jenis_kelamin="P", nik=3374015403880001, telepon=None)
    sheet.append([row[column] for column in TEMPLATE_COLUMNS])
    path = tmp_path / "anggota.xlsx"
    book.save(path)

    report = check(library_db, path)
    assert report.layout is Layout.TEMPLATE
    assert [r.row for r in report.rows] == [3, 5]  # sheet row numbers, as Excel shows them
    rahmat = report.rows[0].member
    assert rahmat is not None
    assert (rahmat.birth_date, rahmat.rt, rahmat.rw) == (date(1979, 12, 1), "4", "1")
    assert rahmat.registered_on == date(2026, 2, 2)
    # A NIK stored as a number has lost digits in Excel: the row says so.
    assert [(p.row, p.column) for p in report.problems] == [(5, "nik")]
    assert "NIK was stored as a number" in report.problems[0].render()
    with pytest.raises(Exception, match=re.escape("some rows have problems")):
        import_members(library_db.db, library_db.admin, report, now=now)
    assert member_count(library_db) == 0
    result = import_members(library_db.db, library_db.admin, report, skip_invalid=True, now=now)
    assert (result.imported, result.skipped) == (1, 1)
    saved = service(library_db).get(result.member_ids[0])
    assert (saved.name, saved.phone, saved.rt) == ("Rahmat Hidayat", "081311112222", "004")


# --- SLiMS ----------------------------------------------------------------------------


def test_slims_export_needs_the_operators_consent_confirmation(library_db: LibraryDb) -> None:
    report = check(library_db, DATA / "slims-member-export.csv")
    assert report.layout is Layout.SLIMS and report.header_row
    assert report.needs_consent_confirmation
    assert report.problems == []
    with pytest.raises(Exception, match="SLiMS export, which keeps no record of consent"):
        import_members(library_db.db, library_db.admin, report, now=now)
    assert member_count(library_db) == 0

    result = import_members(
        library_db.db, library_db.admin, report, consent_collected=True, now=now
    )
    assert result.imported == 3
    members = service(library_db)
    rina = members.get_by_no("M0001")
    assert rina is not None
    assert (rina.name, rina.gender, rina.birth_date) == ("Rina Kurniasih", "P", date(1990, 8, 1))
    assert rina.address == "Jl. Pandanaran 12 Semarang, 50134"
    assert rina.phone == "081298765432"
    assert rina.nik == "3374014108900001"  # SLiMS's "personal ID number" when it is a NIK
    assert rina.notes == 'pindahan dari "Perpus Kota"\nInstansi: SMAN 1 Semarang'
    assert (rina.registered_on, rina.expires_on) == (date(2023, 7, 1), date(2025, 7, 1))
    hendra = members.get_by_no("M0002")
    assert hendra is not None
    assert (hendra.gender, hendra.member_type, hendra.phone) == ("L", "pelajar", None)
    assert hendra.registered_on == date(2024, 1, 15)  # register_date 0000-00-00: member since
    agus = members.get_by_no("M0003")
    assert agus is not None and agus.birth_date is None and agus.nik is None  # "ABC123" dropped


def test_slims_export_without_header_row(library_db: LibraryDb) -> None:
    report = check(library_db, DATA / "slims-member-export-no-header.csv")
    assert report.layout is Layout.SLIMS and not report.header_row
    assert [row.row for row in report.rows] == [1, 2]
    assert report.problems == []
    import_members(library_db.db, library_db.admin, report, consent_collected=True, now=now)
    wahyu = service(library_db).get_by_no("S-10")
    assert wahyu is not None and wahyu.gender == "L" and wahyu.expires_on == date(2027, 5, 1)


def test_slims_child_is_a_row_error(library_db: LibraryDb, tmp_path: Path) -> None:
    path = tmp_path / "slims.csv"
    path.write_text(
        '"member_id","member_name","gender","birth_date","register_date"\n'
        '"A1","Putri Ayu","0","2016-04-01","2026-01-10"\n'
        '"A2","Bagus","1","1970-04-01","2026-01-10"\n',
        encoding="utf-8",
    )
    report = check(library_db, path)
    assert [(p.row, p.column) for p in report.problems] == [(2, "birth_date")]
    assert "under 18" in report.problems[0].render()
    assert len(report.valid_rows) == 1


# --- bad rows -------------------------------------------------------------------------


def test_one_bad_row_blocks_the_import_unless_skipped(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    path = template_csv(
        tmp_path,
        ADULT,
        "nama=Budi;jenis_kelamin=X;tanggal_lahir=31/02/1980;persetujuan=ya",
        ADULT.replace("Siti Aminah", "Sri Rahayu"),
    )
    report = check(library_db, path)
    assert [(p.row, p.column) for p in report.problems] == [
        (3, "jenis_kelamin"),
        (3, "tanggal_lahir"),
    ]
    assert "Write L for male or P for female (not X)." in report.problems[0].render()
    assert "31/02/1980 is not a date" in report.problems[1].render()
    assert next(iter(report_lines(report))) == REPORT_LINE.format(
        row=3, column="jenis_kelamin", problem=report.problems[0].render()
    )
    with pytest.raises(
        Exception, match=re.escape("Nothing was imported: some rows have problems (1).")
    ):
        import_members(library_db.db, library_db.admin, report, now=now)
    assert member_count(library_db) == 0
    assert outbox_members(library_db) == 0
    result = import_members(library_db.db, library_db.admin, report, skip_invalid=True, now=now)
    assert (result.imported, result.skipped) == (2, 1)
    assert sorted(service(library_db).get(i).name for i in result.member_ids) == [
        "Siti Aminah",
        "Sri Rahayu",
    ]


def test_rules_of_the_member_form_apply_to_each_row(library_db: LibraryDb, tmp_path: Path) -> None:
    path = template_csv(
        tmp_path,
        ADULT.replace("persetujuan=ya", "persetujuan=tidak"),
        ADULT + ";telepon=12345",
        ADULT + ";kode_desa=33.74.01.9999",
        ADULT.replace("1988-03-14", "2027-01-01"),
        ADULT + ";pekerjaan=astronot",
        ADULT + ";rt=12345",
        ADULT + ";persetujuan_wali=mungkin",
    )
    report = check(library_db, path)
    found = {(p.row, p.column) for p in report.problems}
    assert found == {
        (2, "persetujuan"),
        (3, "telepon"),
        (4, "kode_desa"),
        (5, "tanggal_lahir"),
        (6, "pekerjaan"),
        (7, "rt"),
        (8, "persetujuan_wali"),
    }
    texts = {p.row: p.render() for p in report.problems}
    assert "must agree" in texts[2]
    assert "12345 is not valid" in texts[3]
    assert "cannot be in the future" in texts[5]
    assert "astronot is not in the list" in texts[6] and "petani" in texts[6]
    assert texts[8] == "Write ya or tidak (not mungkin)."
    assert report.valid_rows == []


def test_child_without_guardian_consent(library_db: LibraryDb, tmp_path: Path) -> None:
    child = "nama=Dimas;jenis_kelamin=L;tanggal_lahir=2016-07-01;tanggal_daftar=2026-01-05;persetujuan=ya"
    path = template_csv(
        tmp_path,
        child,  # no guardian at all
        child + ";nama_wali=Slamet",  # a name but no consent
        child + ";nama_wali=Slamet;persetujuan_wali=ya",  # fine
    )
    report = check(library_db, path)
    assert [(p.row, p.column) for p in report.problems] == [
        (2, "nama_wali"),
        (3, "persetujuan_wali"),
    ]
    assert "under 18 needs the name and the consent" in report.problems[0].render()
    with pytest.raises(Exception, match=re.escape("some rows have problems")):
        import_members(library_db.db, library_db.admin, report, now=now)
    assert member_count(library_db) == 0


def test_duplicate_numbers_in_the_file_and_in_the_database(
    library_db: LibraryDb, tmp_path: Path
) -> None:
    existing = service(library_db).register(
        MemberInput("Sudah Ada", "L", date(1970, 1, 1), consent_given=True, member_no="2026-0007")
    )
    path = template_csv(
        tmp_path,
        ADULT + ";nomor_anggota=2026-0100",
        ADULT + ";nomor_anggota=2026-0100",
        ADULT + ";nomor_anggota=2026-0007",
        ADULT + ";nomor_anggota=2026-0101",
    )
    report = check(library_db, path)
    assert problems_of(report) == [
        (3, "nomor_anggota", "The member number 2026-0100 is also on row 2."),
        (4, "nomor_anggota", "The member number 2026-0007 is already in use."),
    ]
    result = import_members(library_db.db, library_db.admin, report, skip_invalid=True, now=now)
    assert result.imported == 2
    assert service(library_db).get_by_no("2026-0007") == service(library_db).get(existing.id)


def test_a_failure_half_way_imports_nothing(library_db: LibraryDb, tmp_path: Path) -> None:
    """A number taken after the check (another user, same PC) stops the whole import."""
    path = template_csv(
        tmp_path, *(ADULT + f";nomor_anggota=2026-{n:04d}" for n in range(200, 210))
    )
    report = check(library_db, path)
    assert report.problems == []
    service(library_db).register(
        MemberInput("Cepat", "P", date(1990, 1, 1), consent_given=True, member_no="2026-0205")
    )
    with pytest.raises(Exception, match="2026-0205 is already in use"):
        import_members(library_db.db, library_db.admin, report, now=now)
    assert member_count(library_db) == 1
    assert outbox_members(library_db) == 1


def test_cancelling_writes_nothing(library_db: LibraryDb) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        check(library_db, DATA / "anggota-template.csv", progress)
    report = check(library_db, DATA / "anggota-template.csv")
    with pytest.raises(Cancelled):
        import_members(library_db.db, library_db.admin, report, progress=progress, now=now)
    assert member_count(library_db) == 0


def test_progress_is_reported(library_db: LibraryDb) -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total, _text: seen.append((done, total)))
    report = check(library_db, DATA / "anggota-template.csv", progress)
    assert seen[-1] == (4, 4)
    import_members(library_db.db, library_db.admin, report, progress=progress, now=now)
    assert seen[-1] == (4, 4)


def test_a_volunteer_may_import(library_db: LibraryDb) -> None:
    conn = library_db.db.connect()
    try:
        volunteer = UserService(conn).create_user(
            library_db.admin, "relawan", "Relawan Satu", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()
    report = check_file(library_db.db, volunteer, DATA / "anggota-template.csv", now=now)
    result = import_members(library_db.db, volunteer, report, now=now)
    assert result.imported == 4
    assert service(library_db).get(result.member_ids[0]).consent_by_name == "Relawan Satu"


# --- malformed files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kosong.csv", b"", "is empty"),
        ("spasi.csv", b"\r\n  \r\n", "is empty"),
        ("gambar.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "is not a CSV or Excel"),
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Excel file (.xls)"),
        ("rusak.xlsx", b"this is not a zip", "could not be read as an Excel workbook"),
        ("judul.csv", b"nama;jenis_kelamin;persetujuan\r\n", "has a header row but no"),
        ("lain.csv", b"isbn,judul,pengarang\n978,Laskar Pelangi,Andrea\n", "does not have the"),
        ("kurang.csv", b"nama,alamat\nSiti,Jl. Mawar\n", "lacks columns that are required: "),
    ],
)
def test_malformed_files_are_refused(
    library_db: LibraryDb, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileRefused, match=re.escape(message)) as caught:
        check(library_db, path)
    assert name in caught.value.render()
    assert member_count(library_db) == 0


def test_missing_columns_are_named(library_db: LibraryDb, tmp_path: Path) -> None:
    path = tmp_path / "kurang.csv"
    path.write_text("nama,alamat\nSiti,Jl. Mawar\n", encoding="utf-8")
    with pytest.raises(FileRefused) as caught:
        read_table(path)
    assert caught.value.render().endswith("jenis_kelamin, persetujuan.")


def test_a_zip_that_is_not_a_workbook(library_db: LibraryDb, tmp_path: Path) -> None:
    path = tmp_path / "anggota.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(FileRefused, match="could not be read as an Excel workbook"):
        check(library_db, path)


def test_a_missing_file(library_db: LibraryDb, tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="could not be opened"):
        check(library_db, tmp_path / "tidak-ada.csv")


# --- the shipped template and the cell readers ----------------------------------------


def test_the_shipped_template_has_the_documented_columns() -> None:
    raw = template_path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    header = raw.decode("utf-8-sig").strip().split(";")  # ';' so Indonesian Excel splits it
    assert tuple(header) == TEMPLATE_COLUMNS
    with pytest.raises(FileRefused, match="has a header row but no members"):
        read_table(template_path())


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2015-08-17", date(2015, 8, 17)),
        ("17/08/2015", date(2015, 8, 17)),
        ("17-08-2015", date(2015, 8, 17)),
        ("7/8/2015", date(2015, 8, 7)),
        ("2015-08-17 00:00:00", date(2015, 8, 17)),
        (datetime(2015, 8, 17, 0, 0), date(2015, 8, 17)),
        (date(2015, 8, 17), date(2015, 8, 17)),
        ("", None),
        (None, None),
        ("0000-00-00", None),
    ],
)
def test_dates(cell: object, expected: date | None) -> None:
    assert parse_date(cell) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["2015-13-01", "17 Agustus 2015", "08/17/2015", "15-8-17", 42233])
def test_bad_dates(cell: object) -> None:
    with pytest.raises(Exception, match="is not a date"):
        parse_date(cell)  # type: ignore[arg-type]


def test_yes_and_no() -> None:
    assert [parse_yes_no(v) for v in ("ya", "Ya", "YA", "y", "1", "x", True)] == [True] * 7
    assert [parse_yes_no(v) for v in ("tidak", "Tidak", "t", "0", "", None, False)] == [False] * 7
    with pytest.raises(Exception, match="Write ya or tidak"):
        parse_yes_no("mungkin")


# --- the command line -------------------------------------------------------------------


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and text.startswith("perpusdesa: "), text
    return text


def test_cli_imports_the_template(
    library_db: LibraryDb, cli: Callable[..., tuple[int, str, str]]
) -> None:
    folder = library_db.db.data_dir
    code, out, err = cli("--data-dir", folder, "import", "members", DATA / "anggota-template.csv")
    assert (code, err) == (0, "")
    assert out == (
        "Members imported from anggota-template.csv: 4; consent recorded by Admin Perpustakaan.\n"
    )
    assert member_count(library_db) == 4


def test_cli_refuses_bad_rows_unless_skipped(
    library_db: LibraryDb, cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    folder = library_db.db.data_dir
    path = template_csv(tmp_path, ADULT, "nama=Budi;jenis_kelamin=X;persetujuan=ya")
    code, out, err = cli("--data-dir", folder, "import", "members", path)
    assert code == 1
    assert out == "Row 3, jenis_kelamin: Write L for male or P for female (not X).\n"
    assert "Nothing was imported: some rows have problems (1)." in one_line(err)
    assert "--skip-invalid" in err
    assert member_count(library_db) == 0

    code, out, err = cli("--data-dir", folder, "import", "members", path, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "Members imported from anggota.csv: 1; consent recorded by Admin Perpustakaan.",
        "Rows with problems left out (listed above): 1.",
    ]
    assert member_count(library_db) == 1


def test_cli_slims_export_needs_consent_collected(
    library_db: LibraryDb, cli: Callable[..., tuple[int, str, str]]
) -> None:
    folder = library_db.db.data_dir
    slims = DATA / "slims-member-export.csv"
    code, out, err = cli("--data-dir", folder, "import", "members", slims)
    assert (code, out) == (1, "")
    assert "--consent-collected" in one_line(err)
    assert member_count(library_db) == 0
    conn = library_db.db.connect()
    try:
        UserService(conn).create_user(
            library_db.admin, "relawan", "Relawan Satu", Role.RELAWAN, "relawan123"
        )
    finally:
        conn.close()
    code, out, err = cli(
        "--data-dir", folder, "import", "members", slims, "--consent-collected", "--user", "relawan"
    )
    assert (code, err) == (0, "")
    assert "consent recorded by Relawan Satu" in out
    assert member_count(library_db) == 3


def test_cli_errors_and_usage(
    library_db: LibraryDb, cli: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    folder = library_db.db.data_dir
    picture = tmp_path / "foto.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = cli("--data-dir", folder, "import", "members", picture)
    assert (code, out) == (1, "")
    assert "foto.csv is not a CSV or Excel (XLSX) file" in one_line(err)
    # An unknown kind of import is a usage error.
    code, _out, err = cli(
        "--data-dir", folder, "import", "dublin-core", DATA / "anggota-template.csv"
    )
    assert code == 2 and "invalid choice: 'dublin-core'" in err
    code, _out, err = cli("--data-dir", folder, "import", "members")
    assert code == 2 and "FILE" in err
    code, _out, err = cli(
        "--data-dir", folder, "import", "members", DATA / "anggota-template.csv", "--user", "x"
    )
    assert code == 2 and "There is no active staff member x." in one_line(err)
    code, _out, err = cli("--data-dir", tmp_path / "kosong", "import", "members", picture)
    assert code == 1 and "There is no library in" in one_line(err)
    assert member_count(library_db) == 0


def test_cli_as_a_program(library_db: LibraryDb) -> None:
    """The real entry point in its own process, in the library's language (Indonesian)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PERPUSDESA_LANG", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(library_db.db.data_dir),
            "import",
            "members",
            str(DATA / "slims-member-export-no-header.csv"),
        ],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    one_line(result.stderr)
    assert "--consent-collected" in result.stderr
    assert member_count(library_db) == 0
