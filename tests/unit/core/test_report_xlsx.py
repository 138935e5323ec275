"""The report as a workbook: one sheet per section, numbers stored as numbers, bold headers.

The reports are built by hand (``sample_report``), with figures a librarian
would recognise, so that every cell can be checked against them; the printed
report's tests (tests/gui/test_report_pdf.py) use the same builder.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.model import (
    Activities,
    ActivityLine,
    Breakdown,
    Circulation,
    Collection,
    Comparison,
    DayCount,
    Iplm,
    LibraryHeader,
    Membership,
    Notes,
    Partnerships,
    Period,
    Report,
    Row,
    Stories,
    StoryLine,
    SupportLine,
    TopTitle,
    Visits,
)
from app.reports.xlsx import ReportXlsxError, sheet_title, write_xlsx

LIBRARY = "Perpustakaan Desa Cirahab Maju"
HEAD = "Siti Aminah"
VILLAGE_HEAD = "Bambang Sutrisno"


def same(text: str) -> str:
    return text


def c(current: int, previous: int, last_year: int) -> Comparison:
    return Comparison(current, previous, last_year)


def per_day(period: Period) -> tuple[DayCount, ...]:
    """People per day: 0 on Sundays, else 5 + (day * 7) % 23."""
    days = []
    for number in range(1, period.days + 1):
        day = date(period.year, period.month or 1, number)
        days.append(DayCount(day, 0 if day.weekday() == 6 else 5 + (number * 7) % 23))
    return tuple(days)


def sample_report(
    paper: str = "A4",
    *,
    period: Period | None = None,
    activities: int = 1,
    notes: str = "Listrik padam tiga hari.\n\nRencana: lomba membaca bulan Desember.",
) -> Report:
    """November 2026 of a village library in Banyumas, every section filled in."""
    period = period or Period.of_month(2026, 11)
    people = c(1234, 1100, 980)
    header = LibraryHeader(
        name=LIBRARY,
        library_type="desa",
        region_code="33.02.01.2001",
        village="Cirahab",
        kecamatan="Lumbir",
        kabupaten="Kabupaten Banyumas",
        provinsi="Jawa Tengah",
        address="Jl. Raya Cirahab No. 12",
        npp="3302012001000001",
        head_name=HEAD,
        village_head_name=VILLAGE_HEAD,
        paper=paper,
    )
    visits = Visits(
        people=people,
        visits=c(800, 760, 700),
        by_gender=Breakdown(
            people, (Row("L", "Male", c(600, 500, 480)), Row("P", "Female", c(634, 600, 500)))
        ),
        by_age_band=Breakdown(
            people,
            (
                Row("anak", "Anak-anak (0-12)", c(400, 300, 300), own_label=True),
                Row("dewasa", "Adults", c(834, 800, 680)),
                Row("unknown", "Not recorded", c(0, 0, 0)),
            ),
        ),
        by_kind=Breakdown(
            people,
            (
                Row("member", "Members", c(500, 400, 380)),
                Row("guest", "Non-members", c(434, 400, 300)),
                Row("group", "Groups", c(300, 300, 300)),
            ),
        ),
        by_purpose=Breakdown(
            people,
            (
                Row("membaca", "Reading", c(900, 800, 700)),
                Row("internet", "Internet", c(300, 200, 100)),
            ),
            overlapping=True,
        ),
        per_day=per_day(period) if period.month else (),
        per_month=tuple(DayCount(m.first_day, 100 + (m.month or 0)) for m in period.months())
        if period.month is None
        else (),
    )
    circulation = Circulation(
        loans=c(321, 300, 250),
        returns=c(310, 290, 240),
        overdue=c(12, 9, 14),
        borrowers=c(150, 140, 120),
        top_titles=tuple(
            TopTitle(f"t{i}", f"Laskar Pelangi jilid {i}", "Andrea Hirata", 20 - i)
            for i in range(1, 11)
        ),
        by_ddc=Breakdown(
            c(321, 300, 250),
            (
                Row("800", "800 Literature", c(200, 180, 150)),
                Row("unknown", "Not recorded", c(121, 120, 100)),
            ),
        ),
    )
    lines = tuple(
        ActivityLine(
            date(2026, 11, 1 + n % 28),
            f"Mendongeng untuk anak ke-{n + 1}",
            "kegiatan",
            "literasi_anak",
            "Children's literacy",
            False,
            "pelibatan",
            "Community engagement",
            8,
            12,
        )
        for n in range(activities)
    )
    report_activities = Activities(
        lines=lines,
        count=c(activities, 3, 2),
        people=c(20 * activities, 50, 30),
        by_category=Breakdown(
            c(activities, 3, 2), (Row("literasi_anak", "Children's literacy", c(activities, 3, 2)),)
        ),
        planned=2,
        cancelled=1,
    )
    partnerships = Partnerships(
        support=(
            SupportLine(
                date(2026, 11, 10), "Bantuan buku", "CV Sumber Ilmu", "buku", "Books", 1_250_000, 40
            ),
        ),
        support_received=c(1, 0, 1),
        rupiah=c(1_250_000, 0, 500_000),
    )
    stories = Stories(
        lines=(
            StoryLine(
                date(2026, 11, 12),
                "Bu Wati bisa membaca",
                "Wati Rahayu",
                True,
                "literasi",
                "Literacy",
                "Bu Wati kini membaca dongeng untuk cucunya.",
            ),
        ),
        count=c(1, 0, 0),
    )
    return Report(
        period,
        period.previous(),
        period.same_last_year(),
        header=header,
        generated_at=datetime(2026, 11, 30, 3, 0, tzinfo=UTC),
        visits=visits,
        membership=Membership(new=c(12, 10, 8), active=c(150, 140, 120), total=c(640, 628, 560)),
        collection=Collection(titles=c(2345, 2340, 2000), items=c(3456, 3450, 3000)),
        circulation=circulation,
        activities=report_activities,
        partnerships=partnerships,
        stories=stories,
        notes=Notes(notes),
        iplm=Iplm(users=c(9000, 8000, 8000), loans=c(3000, 2500, 2500))
        if period.month is None
        else None,
    )


def row_of(sheet: Worksheet, label: object) -> tuple[object, ...]:
    """The values of the first row whose first cell is ``label``."""
    for values in sheet.iter_rows(values_only=True):
        if values and values[0] == label:
            return tuple(values)
    raise AssertionError(f"no row {label!r} in {sheet.title}")


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "laporan.xlsx", sample_report(), same)


def test_one_sheet_per_section_after_the_cover(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == [
        "Report",
        "1. Visits",
        "2. Membership",
        "3. Collection",
        "4. Circulation",
        "5. Activities",
        "6. Partnerships and advocacy",
        "7. Success stories",
        "8. Obstacles and plans",
    ]
    cover = book["Report"]
    assert cover["A1"].value == LIBRARY and cover["A1"].font.b
    assert cover["A2"].value == (
        "Village Cirahab, Sub-district Lumbir, Kabupaten Banyumas, Province Jawa Tengah"
    )
    assert cover["A5"].value == "Monthly library report"
    assert cover["A6"].value == "Month: November 2026"


def test_figures_are_numbers_under_a_bold_header_of_the_three_periods(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["1. Visits"]
    header = [cell.value for cell in sheet[3]][:4]
    assert header == [
        None,
        "November 2026 (This month)",
        "Oktober 2026 (Previous month)",
        "November 2025 (Same month last year)",
    ]
    assert all(cell.font.b for cell in sheet[3][1:4])
    assert row_of(sheet, "People visiting")[:4] == ("People visiting", 1234, 1100, 980)
    assert row_of(sheet, "Male")[:4] == ("Male", 600, 500, 480)
    assert row_of(sheet, "Anak-anak (0-12)")[1] == 400  # the library's own label, as typed
    # The workbook keeps a row that is zero everywhere (the printed page leaves it out).
    assert row_of(sheet, "Not recorded")[:4] == ("Not recorded", 0, 0, 0)
    people = next(cell for cell in sheet["B"] if cell.value == 1234)
    assert people.number_format == "#,##0"
    assert sheet.column_dimensions["A"].width >= 40


def test_visits_per_day_are_listed_day_by_day(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["1. Visits"]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, values in enumerate(rows) if values[0] == "Day") + 1
    days = [(values[0], values[1]) for values in rows[start : start + 30]]
    expected = sample_report().visits.per_day
    assert days == [(d.day.day, d.people) for d in expected]
    assert sum(value for _day, value in days) == sum(d.people for d in expected)


def test_rupiah_dates_and_lists(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    partners = book["6. Partnerships and advocacy"]
    value = row_of(partners, "Value of the support received")
    assert value[1:4] == (1_250_000, 0, 500_000)
    rupiah_cell = next(cell for cell in partners["B"] if cell.value == 1_250_000)
    assert rupiah_cell.number_format == '"Rp" #,##0'
    support = row_of(partners, datetime(2026, 11, 10))
    assert support[1:6] == ("Bantuan buku", "CV Sumber Ilmu", "Books", 40, 1_250_000)
    circulation = book["4. Circulation"]
    assert row_of(circulation, 1)[:4] == (1, "Laskar Pelangi jilid 1", "Andrea Hirata", 19)
    activity = book["5. Activities"]
    line = row_of(activity, datetime(2026, 11, 1))
    assert line[1:6] == (
        "Mendongeng untuk anak ke-1",
        "Children's literacy",
        "Community engagement",
        8,
        12,
    )
    date_cell = next(cell for cell in activity["A"] if cell.value == datetime(2026, 11, 1))
    assert date_cell.number_format == "DD-MM-YYYY"
    notes = book["8. Obstacles and plans"]
    assert notes["A3"].value.startswith("Listrik padam tiga hari.")


def test_labels_go_through_the_translation(tmp_path: Path) -> None:
    words = {
        "Visits": "Kunjungan",
        "People visiting": "Jumlah pengunjung",
        "Report": "Laporan",
        "Male": "Laki-laki",
    }
    path = write_xlsx(tmp_path / "id.xlsx", sample_report(), lambda text: words.get(text, text))
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["Laporan", "1. Kunjungan"]
    sheet = book["1. Kunjungan"]
    assert row_of(sheet, "Jumlah pengunjung")[1] == 1234
    assert row_of(sheet, "Laki-laki")[1] == 600


def test_an_annual_report_compares_two_years_and_adds_the_iplm_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tahun.xlsx", sample_report(period=Period.of_year(2026)), same)
    book = load_workbook(path)
    assert book.sheetnames[1] == "1. Library development figures"
    iplm = book[book.sheetnames[1]]
    assert [cell.value for cell in iplm[3]] == [None, "2026 (This year)", "2025 (Last year)"]
    assert row_of(iplm, "Library users")[:3] == ("Library users", 9000, 8000)
    visits = book["2. Visits"]
    rows = list(visits.iter_rows(values_only=True))
    start = next(i for i, values in enumerate(rows) if values[0] == "Month") + 1
    assert [values[0] for values in rows[start : start + 12]] == [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ]  # fmt: skip


def test_a_file_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "missing-folder" / "laporan.xlsx"
    with pytest.raises(ReportXlsxError) as caught:
        write_xlsx(target, sample_report(), same)
    assert caught.value.params["path"] == str(target)
    assert not target.parent.exists()
    existing = folder / "laporan.xlsx"
    existing.write_bytes(b"old")
    write_xlsx(existing, sample_report(), same)
    assert existing.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in folder.iterdir()) == ["laporan.xlsx"]


def test_sheet_titles_fit_excel_rules() -> None:
    taken: set[str] = set()
    long = sheet_title(6, "Kemitraan dan advokasi: mitra/desa [baru]?", taken)
    assert len(long) <= 31 and not any(ch in long for ch in "[]:*?/\\")
    assert sheet_title(6, "Kemitraan dan advokasi: mitra/desa [baru]?", taken) != long
