"""The dashboard's tables (one definition for the page and its CSV/XLSX export), Indonesian formats.

Every figure comes from :mod:`sync.server.reports`; these functions only pick
and label them. Numbers show as ``1.234``, dates as ``26 November 2026``.
CSV is UTF-8 with a BOM (Excel then reads the accents right), XLSX by openpyxl.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final

WIB: Final = timezone(timedelta(hours=7))
MONTHS: Final = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)  # fmt: skip
SHORT_MONTHS: Final = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)  # fmt: skip
LEVEL_NAMES: Final = {
    0: "Nasional",
    1: "Provinsi",
    2: "Kabupaten/Kota",
    3: "Kecamatan",
    4: "Desa/Kelurahan",
    5: "Perpustakaan",
}
LIBRARY_TYPES: Final = {
    "desa": "Desa",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "kabupaten_kota": "Kabupaten/Kota",
    "provinsi": "Provinsi",
    "sekolah": "Sekolah",
    "komunitas": "Komunitas",
}


def number(value: Any) -> str:
    """``1234567`` -> ``1.234.567``; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float):
        whole, _, fraction = f"{value:,.1f}".partition(".")
        return whole.replace(",", ".") + "," + fraction
    return f"{value:,}".replace(",", ".")


def as_date(value: Any) -> date | None:
    """The day of a date, a datetime or ISO text; a moment's day in WIB (most staff's zone)."""
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    if value.tzinfo is not None:
        value = value.astimezone(WIB)
    return value.date()


def long_date(value: Any) -> str:
    """``26 November 2026`` (empty text for no date)."""
    day = as_date(value)
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_name(period: str, *, short: bool = False) -> str:
    """``2026-11`` -> ``November 2026`` (``Nov 2026`` when short)."""
    try:
        year, month = int(period[:4]), int(period[5:7])
        names = SHORT_MONTHS if short else MONTHS
        return f"{names[month - 1]} {year}"
    except (ValueError, IndexError):
        return period


def period_label(first: str, last: str) -> str:
    """A period in words: a month, a quarter, a year or a range."""
    if first == last:
        return month_name(first)
    if first[:4] == last[:4]:
        year, start, end = first[:4], int(first[5:7]), int(last[5:7])
        if start == 1 and end == 12:
            return f"Tahun {year}"
        if start % 3 == 1 and end == start + 2:
            return f"Kuartal {['I', 'II', 'III', 'IV'][start // 3]} {year}"
    return f"{month_name(first)} – {month_name(last)}"


def get(figures: Mapping[str, Any], path: str) -> int:
    """A figure by its dotted path (``visits.total``); 0 when absent."""
    value: Any = figures
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return 0
        value = value.get(part, 0)
    return value if isinstance(value, int) else 0


# (header in exports, shorter header on the page, dotted path in the figures)
FIGURE_COLUMNS: Final = (
    ("Kunjungan", "Kunjungan", "visits.total"),
    ("Anggota baru", "Anggota baru", "members.new"),
    ("Peminjaman", "Peminjaman", "loans.total"),
    ("Kegiatan", "Kegiatan", "activities.total"),
    ("Orang terlibat dalam kegiatan", "Orang terlibat", "people.total"),
    ("Pertemuan pemangku kepentingan", "Pertemuan", "meetings.total"),
    ("Perwakilan pemangku kepentingan", "Perwakilan", "meetings.representatives"),
    ("Pelatihan", "Pelatihan", "trainings.total"),
    ("Peserta pelatihan", "Peserta pelatihan", "trainings.trainees"),
    ("Cerita sukses boleh terbit", "Cerita terbit", "stories.publishable"),
)


@dataclass
class Table:
    """Headers and rows (ints stay ints for the export); ``links`` per row for the page."""

    name: str  # the export's file name stem
    title: str
    headers: list[str]
    rows: list[list[Any]]
    links: list[str | None] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
    empty: str = "Belum ada data."
    short: list[str] = field(default_factory=list)  # the page's headers, when shorter
    link_column: int = 0  # the column that carries the row's link

    @property
    def page_headers(self) -> list[tuple[str, str]]:
        """(shown header, full header) of each column."""
        return [
            (short, full)
            for short, full in zip(self.short or self.headers, self.headers, strict=True)
        ]


def _figure_cells(figures: Mapping[str, Any]) -> list[Any]:
    return [get(figures, path) for _header, _short, path in FIGURE_COLUMNS]


def children_table(
    summary: Mapping[str, Any], link: Callable[[Mapping[str, Any]], str | None]
) -> Table:
    level = int(summary.get("region", {}).get("level", 0) or 0)
    child_level = LEVEL_NAMES.get(level + 1, "Wilayah")
    rows, links = [], []
    for child in summary.get("children", []):
        libraries = child.get("libraries") or {}
        rows.append(
            [child.get("code") or "", child.get("name") or "",
             int(libraries.get("registered", 0) or 0), int(libraries.get("active", 0) or 0),
             *_figure_cells(child.get("figures") or {})]
        )  # fmt: skip
        links.append(link(child))
    headers = ["Kode", child_level, "Perpustakaan terdaftar", "Perpustakaan aktif"]
    short = ["Kode", child_level, "Perpus. terdaftar", "Perpus. aktif"]
    short += [short for _header, short, _path in FIGURE_COLUMNS]
    headers += [header for header, _short, _path in FIGURE_COLUMNS]
    return Table(
        name="wilayah",
        title=f"Rincian per {child_level.lower()}" if level < 4 else "Perpustakaan di desa ini",
        headers=headers,
        rows=rows,
        links=links,
        numeric=[False, False] + [True] * (len(headers) - 2),
        empty="Belum ada perpustakaan terdaftar di wilayah ini.",
        short=short,
        link_column=1,
    )


def months_table(months: list[Mapping[str, Any]], name: str = "bulanan") -> Table:
    rows = [
        [month_name(str(entry.get("period", ""))), *_figure_cells(entry.get("figures") or {})]
        for entry in months
    ]
    headers = ["Bulan"] + [header for header, _short, _path in FIGURE_COLUMNS]
    short = ["Bulan"] + [short for _header, short, _path in FIGURE_COLUMNS]
    return Table(
        name=name,
        title="Angka per bulan",
        headers=headers,
        rows=rows,
        numeric=[False] + [True] * (len(headers) - 1),
        empty="Belum ada data pada periode ini.",
        short=short,
    )


def library_type(code: str | None) -> str:
    return LIBRARY_TYPES.get(code or "", code or "")


def stale_table(
    stale: list[Mapping[str, Any]], days: int, link: Callable[[str], str | None]
) -> Table:
    rows: list[list[Any]] = []
    links: list[str | None] = []
    for entry in stale:
        last = entry.get("last_sync")
        since = entry.get("days_since")
        rows.append(
            [entry.get("name") or "", library_type(entry.get("library_type")),
             entry.get("region_name") or entry.get("region_code") or "",
             long_date(last) if last else "Belum pernah",
             since if isinstance(since, int) else "-"]
        )  # fmt: skip
        links.append(link(str(entry.get("library_id"))))
    return Table(
        name="tidak-sinkron",
        title=f"Perpustakaan yang tidak sinkron lebih dari {days} hari",
        headers=["Perpustakaan", "Jenis", "Wilayah", "Sinkron terakhir", "Hari sejak sinkron"],
        rows=rows,
        links=links,
        numeric=[False, False, False, False, True],
        empty=f"Semua perpustakaan sudah sinkron dalam {days} hari terakhir.",
    )


# --- exports --------------------------------------------------------------------------


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table, subtitle: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.name[:31]
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
    for index, header in enumerate(table.headers, start=1):
        width = max([len(str(header))] + [len(str(row[index - 1])) for row in table.rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(45, max(10, width + 2))
    sheet.freeze_panes = "A2"
    if subtitle:
        book.properties.title = f"{table.title} — {subtitle}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
