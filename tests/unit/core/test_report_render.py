"""The printed report's words and HTML, without Qt: Indonesian formats, letterhead, signatures."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

from app.reports.model import Comparison, Period
from app.reports.render import (
    Figures,
    bar_chart_svg,
    change_text,
    long_date,
    number,
    percent,
    period_name,
    report_content,
    report_document,
    rupiah,
)
from tests.unit.core.test_report_xlsx import HEAD, LIBRARY, VILLAGE_HEAD, same, sample_report

INDONESIAN = {
    "Acknowledged by,": "Mengetahui,",
    "Head of the Village of {village}": "Kepala Desa {village}",
    "Head of the Urban Village of {village}": "Lurah {village}",
    "Head of the Library": "Kepala Perpustakaan",
    "Monthly library report": "Laporan Bulanan Perpustakaan",
}


def indonesian(text: str) -> str:
    return INDONESIAN.get(text, text)


def test_indonesian_numbers_dates_and_months() -> None:
    assert number(0) == "0"
    assert number(1234) == "1.234"
    assert number(1_234_567) == "1.234.567"
    assert number(-1234) == "\u22121.234"
    assert number(12.5, 1) == "12,5"
    assert percent(12.5) == "12,5%"
    assert rupiah(1_250_000) == "Rp\u00a01.250.000"
    assert long_date(date(2026, 11, 30)) == "30 November 2026"
    assert long_date(date(2027, 5, 1)) == "1 Mei 2027"
    assert period_name(Period.of_month(2026, 8)) == "Agustus 2026"
    assert period_name(Period.of_year(2026)) == "2026"
    assert change_text(Comparison(1234, 1100, 0)) == "+12,2%"
    assert change_text(Comparison(50, 100, 0)) == "\u221250,0%"
    assert change_text(Comparison(5, 0, 0)) == "\u2013"  # nothing to compare with


def test_letterhead_title_period_and_columns() -> None:
    content = report_content(sample_report(), indonesian)
    assert content.library_name == LIBRARY
    assert content.region_line == (
        "Village Cirahab, Sub-district Lumbir, Kabupaten Banyumas, Province Jawa Tengah"
    )
    assert content.address_line == "Jl. Raya Cirahab No. 12 · NPP 3302012001000001"
    assert content.title == "Laporan Bulanan Perpustakaan"
    assert content.period_line == "Month: November 2026"
    assert content.columns == ("November 2026", "Oktober 2026", "November 2025")
    assert [s.number for s in content.sections] == [1, 2, 3, 4, 5, 6, 7, 8]


def test_signature_blocks_in_the_indonesian_way() -> None:
    content = report_content(sample_report(), indonesian)
    assert content.signature_left == ("Mengetahui,", "Kepala Desa Cirahab", VILLAGE_HEAD)
    assert content.signature_right == ("Kepala Perpustakaan", HEAD)
    # Made on 30 November 2026 at 10.00 WIB (03.00 UTC): dated in the village, that day.
    assert content.signature_place_date == "Cirahab, 30 November 2026"
    kelurahan = sample_report()
    kelurahan = replace(kelurahan, header=replace(kelurahan.header, region_code="33.74.01.1001"))
    assert report_content(kelurahan, indonesian).signature_left[1] == "Lurah Cirahab"


def test_the_html_has_every_section_and_hides_rows_that_are_zero_everywhere() -> None:
    document = report_document(sample_report(), same)
    html = document.html
    for number_, title in enumerate(
        (
            "Visits",
            "Membership",
            "Collection",
            "Circulation",
            "Activities",
            "Partnerships and advocacy",
            "Success stories",
            "Obstacles and plans",
        ),
        start=1,
    ):
        assert f'<a name="section-{number_}"></a>{number_}. {title}' in html
    assert "<b>1.234</b>" in html and "Rp\u00a01.250.000" in html
    assert 'Not recorded</td><td align="right">0<' not in html  # 0 in every column: left out
    assert "Not counted: 2 planned but not yet held, 1 cancelled." in html
    assert "Listrik padam tiga hari." in html
    assert document.paper == "A4"
    assert set(document.charts) == {"chart-visits"}
    assert '<img src="chart-visits"' in html


def test_names_and_notes_are_escaped() -> None:
    report = sample_report(notes="<b>Atap bocor</b> & rak roboh")
    html = report_document(report, same).html
    assert "&lt;b&gt;Atap bocor&lt;/b&gt; &amp; rak roboh" in html


def test_an_annual_report_has_two_columns_and_the_iplm_section_first() -> None:
    content = report_content(sample_report(period=Period.of_year(2026)), same)
    assert content.title == "Annual library report"
    assert content.columns == ("2026", "2025")
    assert content.sections[0].title == "Library development figures (IPLM)"
    assert [s.number for s in content.sections] == list(range(1, 10))
    figures = content.sections[0].blocks[0]
    assert isinstance(figures, Figures)
    users = next(line for line in figures.lines if line.label == "Library users")
    assert users.value == Comparison(9000, 8000, 8000)


def test_the_chart_is_svg_with_one_bar_per_day_that_had_visitors() -> None:
    report = sample_report()
    days = report.visits.per_day
    svg = report_document(report, same).charts["chart-visits"].svg
    root = ET.fromstring(svg)
    rects = [e for e in root.iter() if e.tag.endswith("rect")]
    assert len(rects) == sum(1 for d in days if d.people)
    labels = [e.text for e in root.iter() if e.tag.endswith("text") and e.get("font-size") == "22"]
    assert labels == [str(d.day.day) for d in days]  # every day, zeros included
    values = [e.text for e in root.iter() if e.tag.endswith("text") and e.get("font-size") == "20"]
    assert values == [str(d.people) for d in days if d.people]
    empty = ET.fromstring(bar_chart_svg([("1", 0), ("2", 0)], 100, 40))
    assert not [e for e in empty.iter() if e.tag.endswith("rect")]
