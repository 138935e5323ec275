"""The report as printed: its sections in words and numbers, and the HTML of the pages (no Qt).

:func:`report_content` turns a :class:`~app.reports.model.Report` into
:class:`Content`: the letterhead, the title and period, and the numbered
sections, each a list of blocks (a table of figures compared with the previous
period and the same period last year, a list, a chart, free text). The PDF
(:func:`report_document`, printed by :mod:`app.ui.report_print`) and the
workbook (:mod:`app.reports.xlsx`) are both drawn from it, so they show the
same labels and the same figures.

Every label is English source text marked with ``QT_TRANSLATE_NOOP`` and shown
through the ``translate`` callable the caller passes in (Qt's translation in
the program). Numbers, dates and month names are always Indonesian, as the
district office expects them on paper: 1.234; 12,5%; Rp 1.250.000;
"30 November 2026".

A chart is an SVG (:func:`bar_chart_svg`); in the HTML it stands as
``<img src="chart-NAME">`` which the printing code replaces by the vector
drawing. Each section heading carries the anchor ``section-N`` so that the
printing code can keep a section together on one page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from app.core.text import QT_TRANSLATE_NOOP
from app.reports.model import (
    YEAR,
    Breakdown,
    Comparison,
    DayCount,
    Period,
    Report,
)

Translate = Callable[[str], str]

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ZONE_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}
SECTION_MARK = "section-"
CHART_PREFIX = "chart-"
LOGO_URL = "logo"
GREEN = "#0b6e4f"
LIGHT = "#e3f1ec"
GREY = "#555555"
NBSP = "\u00a0"
DASH = "\u2013"
MINUS = "\u2212"

# --- Indonesian formats ------------------------------------------------------------------


def number(value: int | float, decimals: int = 0) -> str:
    """1234 -> '1.234'; 12.5 with decimals=1 -> '12,5'; -3 -> '−3'."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "\x00").replace(".", ",")
    text = text.replace("\x00", ".")
    return (MINUS + text) if value < 0 and text.strip("0.,") else text


def percent(value: float, decimals: int = 1) -> str:
    """12.5 -> '12,5%'."""
    return number(value, decimals) + "%"


def rupiah(value: int) -> str:
    """1250000 -> 'Rp 1.250.000' (with a space that does not break)."""
    return f"Rp{NBSP}{number(value)}"


def long_date(day: date) -> str:
    """'30 November 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """'30-11-2026': dates in lists."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def period_name(period: Period) -> str:
    """'November 2026' for a month, '2026' for a year."""
    if period.month is None:
        return str(period.year)
    return f"{MONTHS[period.month - 1]} {period.year}"


def change_text(figure: Comparison) -> str:
    """The change from the previous period in percent ('+12,5%'), or '–' with nothing before."""
    if figure.previous == 0:
        return DASH
    change = 100.0 * (figure.current - figure.previous) / figure.previous
    if round(change, 1) == 0:
        return percent(0.0)
    return ("+" if change > 0 else "") + percent(change)


def local_day(moment: datetime, zone: str) -> date:
    """The library's calendar day of an aware moment (WIB, WITA or WIT)."""
    hours = ZONE_HOURS.get(zone, 7)
    return (moment.astimezone(UTC) + timedelta(hours=hours)).date()


# --- the content --------------------------------------------------------------------------

Cell = str | int | date | None


@dataclass(frozen=True)
class Line:
    """One line of a figures table; ``value`` None makes it a group heading."""

    label: str
    value: Comparison | None = None
    rupiah: bool = False
    indent: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Figures:
    """A table of figures: this period, the previous one, the same period last year."""

    lines: tuple[Line, ...]
    note: str = ""


@dataclass(frozen=True)
class Listing:
    """A list (activities, top titles, stories...): one row per thing."""

    caption: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]  # percent of the page width
    numeric: tuple[bool, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str
    rupiah_columns: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart as SVG, its size on paper, and the figures it shows (for the workbook)."""

    name: str
    caption: str
    svg: str
    width_mm: float
    height_mm: float
    points: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Text:
    """Free text (the manager's notes); paragraphs split at empty lines."""

    text: str
    empty: str


Block = Figures | Listing | Chart | Text


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Content:
    library_name: str
    region_line: str
    address_line: str
    title: str
    period_line: str
    columns: tuple[str, ...]  # the period names heading the figure columns
    column_captions: tuple[str, ...]
    change_caption: str
    sections: tuple[Section, ...]
    signature_place_date: str
    signature_left: tuple[str, str, str]  # "Mengetahui,", "Kepala Desa X", name
    signature_right: tuple[str, str]  # "Kepala Perpustakaan", name
    generated_line: str
    paper: str
    is_year: bool


def _is_kelurahan(region_code: str) -> bool:
    """Kemendagri village codes: 1xxx is a kelurahan (headed by a lurah), 2xxx a desa."""
    parts = region_code.split(".")
    return len(parts) == 4 and parts[3].startswith("1")


def _lines(
    breakdown: Breakdown, translate: Translate, *, rupiah_values: bool = False
) -> list[Line]:
    return [
        Line(
            row.label if row.own_label else translate(row.label),
            row.value,
            rupiah=rupiah_values,
            indent=True,
        )
        for row in breakdown.rows
    ]


def _group(
    title: str, breakdown: Breakdown, translate: Translate, *, rupiah_values: bool = False
) -> list[Line]:
    if not breakdown.rows:
        return []
    return [Line(title), *_lines(breakdown, translate, rupiah_values=rupiah_values)]


def bar_chart_svg(
    points: Sequence[tuple[str, int]],
    width_mm: float,
    height_mm: float,
    *,
    value_labels: bool = True,
) -> str:
    """A bar chart as SVG in millimetres (tenths, for precision): bars, axis, labels."""
    scale = 10.0
    width, height = width_mm * scale, height_mm * scale
    left, right, top, bottom = 12 * scale, 2 * scale, 5 * scale, 7 * scale
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((value for _label, value in points), default=0)
    step = _nice_step(highest)
    ceiling = max(step * -(-highest // step), 4 if step == 1 else step)
    font = 'font-family="DejaVu Sans, Arial, sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"'
        f' width="{width_mm}mm" height="{height_mm}mm" viewBox="0 0 {width:.0f} {height:.0f}">'
    ]
    tick = 0
    while tick <= ceiling:
        y = top + plot_h - plot_h * tick / ceiling
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + plot_w:.1f}" y2="{y:.1f}"'
            f' stroke="#c8c8c8" stroke-width="{1.5 if tick else 3}"/>'
        )
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + 8:.1f}" text-anchor="end" font-size="24"'
            f' fill="{GREY}" {font}>{number(tick)}</text>'
        )
        tick += step
    count = max(len(points), 1)
    slot = plot_w / count
    bar = slot * 0.7
    for index, (label, value) in enumerate(points):
        x = left + slot * index + (slot - bar) / 2
        bar_h = plot_h * value / ceiling
        y = top + plot_h - bar_h
        middle = x + bar / 2
        if value:
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_h:.1f}"'
                f' fill="{GREEN}"/>'
            )
            if value_labels:
                parts.append(
                    f'<text x="{middle:.1f}" y="{y - 6:.1f}" text-anchor="middle"'
                    f' font-size="20" fill="#222222" {font}>{number(value)}</text>'
                )
        parts.append(
            f'<text x="{middle:.1f}" y="{top + plot_h + 30:.1f}" text-anchor="middle"'
            f' font-size="22" fill="#222222" {font}>{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(highest: int) -> int:
    """A round step for about four grid lines: 1, 2, 5, 10, 20, 50..."""
    if highest <= 4:
        return 1
    raw = highest / 4
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


def _visits_chart(report: Report, translate: Translate) -> Chart | None:
    visits = report.visits
    if report.period.kind == YEAR:
        days: Sequence[DayCount] = visits.per_month
        points = tuple((MONTHS[d.day.month - 1][:3], d.people) for d in days)
        caption = translate(QT_TRANSLATE_NOOP("PerpusDesa", "People visiting, month by month"))
    else:
        days = visits.per_day
        points = tuple((str(d.day.day), d.people) for d in days)
        caption = translate(QT_TRANSLATE_NOOP("PerpusDesa", "People visiting, day by day"))
    if not points:
        return None
    width, height = 170.0, 55.0
    return Chart(
        "visits",
        caption,
        bar_chart_svg(points, width, height),
        width,
        height,
        points,
    )


def _visits(report: Report, t: Translate) -> Section:
    v = report.visits
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "People visiting")), v.people, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Guestbook entries (a group is one)")), v.visits),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "By gender")), v.by_gender, t),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "By age band")), v.by_age_band, t),
        *_group(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Members, non-members and groups")), v.by_kind, t
        ),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "By purpose of the visit")), v.by_purpose, t),
    ]
    note = ""
    if v.by_purpose.overlapping and v.by_purpose.rows:
        note = t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "A visitor may give several purposes: the purposes add up to more than the total.",
            )
        )
    blocks: list[Block] = [Figures(tuple(lines), note)]
    chart = _visits_chart(report, t)
    if chart is not None:
        blocks.append(chart)
    return Section(1, t(QT_TRANSLATE_NOOP("PerpusDesa", "Visits")), tuple(blocks))


def _membership(report: Report, t: Translate) -> Section:
    m = report.membership
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "New members")), m.new, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Active members (visited or borrowed)")), m.active),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "All members at the end")), m.total, bold=True),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "All members by gender")), m.by_gender, t),
        *_group(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "All members by member type")), m.by_member_type, t
        ),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "New members by gender")), m.new_by_gender, t),
    ]
    return Section(2, t(QT_TRANSLATE_NOOP("PerpusDesa", "Membership")), (Figures(tuple(lines)),))


def _collection(report: Report, t: Translate) -> Section:
    c = report.collection
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Titles at the end")), c.titles, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Copies at the end")), c.items, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "New titles")), c.new_titles),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "New copies")), c.new_items),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "New copies by source")), c.new_by_source, t),
    ]
    return Section(3, t(QT_TRANSLATE_NOOP("PerpusDesa", "Collection")), (Figures(tuple(lines)),))


def _circulation(report: Report, t: Translate) -> Section:
    c = report.circulation
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Loans")), c.loans, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Returns")), c.returns),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Overdue at the end")), c.overdue),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Members who borrowed")), c.borrowers),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "Loans by DDC class")), c.by_ddc, t),
    ]
    top = Listing(
        t(QT_TRANSLATE_NOOP("PerpusDesa", "The most borrowed titles")),
        (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "No.")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Title")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Author")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Loans")),
        ),
        (6, 52, 30, 12),
        (True, False, False, True),
        tuple(
            (index, line.title, line.authors, line.loans)
            for index, line in enumerate(c.top_titles, start=1)
        ),
        t(QT_TRANSLATE_NOOP("PerpusDesa", "No loans in this period.")),
    )
    return Section(
        4, t(QT_TRANSLATE_NOOP("PerpusDesa", "Circulation")), (Figures(tuple(lines)), top)
    )


def _activities(report: Report, t: Translate) -> Section:
    a = report.activities
    listing = Listing(
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities held")),
        (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Date")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Activity")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Category")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Strategy")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "M")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "F")),
        ),
        (13, 35, 20, 20, 6, 6),
        (False, False, False, False, True, True),
        tuple(
            (
                line.day,
                line.title,
                line.category_label if line.category_own_label else t(line.category_label),
                t(line.strategy_label),
                line.male,
                line.female,
            )
            for line in a.lines
        ),
        t(QT_TRANSLATE_NOOP("PerpusDesa", "No activity was held in this period.")),
    )
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities held")), a.count, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "People reached")), a.people, bold=True),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities by category")), a.by_category, t),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities by strategy")), a.by_strategy, t),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "People reached by gender")), a.by_gender, t),
        *_group(t(QT_TRANSLATE_NOOP("PerpusDesa", "People reached by age band")), a.by_age_band, t),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Meetings, trainings"))),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Stakeholder meetings")), a.meetings, indent=True),
        Line(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Stakeholder representatives")),
            a.representatives,
            indent=True,
        ),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Trainings")), a.trainings, indent=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "People trained")), a.trainees, indent=True),
    ]
    note = ""
    if a.planned or a.cancelled:
        note = t(
            QT_TRANSLATE_NOOP(
                "PerpusDesa",
                "Not counted: {planned} planned but not yet held, {cancelled} cancelled.",
            )
        ).format(planned=number(a.planned), cancelled=number(a.cancelled))
    return Section(
        5,
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities")),
        (listing, Figures(tuple(lines), note)),
    )


def _partnerships(report: Report, t: Translate) -> Section:
    p = report.partnerships
    lines = [
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "New agreements")), p.new_agreements, bold=True),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Agreements in force")), p.in_force),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Support received")), p.support_received),
        Line(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Value of the support received")),
            p.rupiah,
            rupiah=True,
            bold=True,
        ),
        *_group(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Value by type of support")),
            p.rupiah_by_type,
            t,
            rupiah_values=True,
        ),
    ]
    agreements = Listing(
        t(QT_TRANSLATE_NOOP("PerpusDesa", "New agreements")),
        (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Date")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Agreement")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Kind")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Partner")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Number")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Until")),
        ),
        (13, 30, 9, 20, 15, 13),
        (False,) * 6,
        tuple(
            (line.day, line.title, t(line.kind_label), line.partner, line.number, line.end_on)
            for line in p.agreements
        ),
        t(QT_TRANSLATE_NOOP("PerpusDesa", "No new agreement in this period.")),
    )
    support = Listing(
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Support received")),
        (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Date")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Support")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Partner")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Type")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Quantity")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Value")),
        ),
        (13, 27, 19, 13, 10, 18),
        (False, False, False, False, True, True),
        tuple(
            (
                line.day,
                line.title,
                line.partner,
                t(line.support_label),
                line.quantity,
                line.rupiah,
            )
            for line in p.support
        ),
        t(QT_TRANSLATE_NOOP("PerpusDesa", "No support received in this period.")),
        rupiah_columns=(5,),
    )
    return Section(
        6,
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Partnerships and advocacy")),
        (Figures(tuple(lines)), agreements, support),
    )


def _stories(report: Report, t: Translate) -> Section:
    s = report.stories
    listing = Listing(
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Stories of the period")),
        (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Date")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Story")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Person")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Category")),
        ),
        (13, 52, 17, 18),
        (False,) * 4,
        tuple(
            (
                line.day,
                f"{line.title}\n{line.excerpt}" if line.excerpt else line.title,
                line.person,
                t(line.category_label),
            )
            for line in s.lines
        ),
        t(QT_TRANSLATE_NOOP("PerpusDesa", "No story was recorded in this period.")),
    )
    lines = (Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Success stories")), s.count, bold=True),)
    return Section(
        7, t(QT_TRANSLATE_NOOP("PerpusDesa", "Success stories")), (Figures(lines), listing)
    )


def _notes(report: Report, t: Translate) -> Section:
    return Section(
        8,
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Obstacles and plans")),
        (
            Text(
                report.notes.text.strip(),
                t(QT_TRANSLATE_NOOP("PerpusDesa", "Nothing was written for this period.")),
            ),
        ),
    )


def _iplm(report: Report, t: Translate) -> Section | None:
    i = report.iplm
    if i is None:
        return None
    lines = (
        Line(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Participants in literacy activities")),
            i.literacy_participants,
        ),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Library users")), i.users),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Users of computers and internet")), i.ict_users),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Loans")), i.loans),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Visits to read in the library")), i.read_on_site),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Activities held")), i.activities),
        Line(t(QT_TRANSLATE_NOOP("PerpusDesa", "Agreements in force")), i.partnerships),
    )
    return Section(
        9,
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Library development figures (IPLM)")),
        (Figures(lines),),
    )


def report_content(report: Report, translate: Translate) -> Content:
    """The report's words and figures, translated, in the order they are printed."""
    t = translate
    h = report.header
    is_year = report.period.kind == YEAR
    kelurahan = _is_kelurahan(h.region_code)
    region: list[str] = []
    if h.village:
        village = (
            QT_TRANSLATE_NOOP("PerpusDesa", "Urban village {name}")
            if kelurahan
            else QT_TRANSLATE_NOOP("PerpusDesa", "Village {name}")
        )
        region.append(t(village).format(name=h.village))
    if h.kecamatan:
        region.append(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Sub-district {name}")).format(name=h.kecamatan)
        )
    if h.kabupaten:
        region.append(h.kabupaten)
    if h.provinsi:
        region.append(t(QT_TRANSLATE_NOOP("PerpusDesa", "Province {name}")).format(name=h.provinsi))
    address = [h.address] if h.address else []
    if h.npp:
        address.append(t(QT_TRANSLATE_NOOP("PerpusDesa", "NPP {npp}")).format(npp=h.npp))
    title = (
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Annual library report"))
        if is_year
        else t(QT_TRANSLATE_NOOP("PerpusDesa", "Monthly library report"))
    )
    period_line = (
        t(QT_TRANSLATE_NOOP("PerpusDesa", "Year: {year}"))
        if is_year
        else t(QT_TRANSLATE_NOOP("PerpusDesa", "Month: {month}"))
    ).format(year=report.period.year, month=period_name(report.period))
    if is_year:
        columns: tuple[str, ...] = (period_name(report.period), period_name(report.previous))
        captions: tuple[str, ...] = (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "This year")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Last year")),
        )
        change = t(QT_TRANSLATE_NOOP("PerpusDesa", "Change from last year"))
    else:
        columns = (
            period_name(report.period),
            period_name(report.previous),
            period_name(report.last_year),
        )
        captions = (
            t(QT_TRANSLATE_NOOP("PerpusDesa", "This month")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Previous month")),
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Same month last year")),
        )
        change = t(QT_TRANSLATE_NOOP("PerpusDesa", "Change from previous month"))
    sections = [
        _visits(report, t),
        _membership(report, t),
        _collection(report, t),
        _circulation(report, t),
        _activities(report, t),
        _partnerships(report, t),
        _stories(report, t),
        _notes(report, t),
    ]
    iplm = _iplm(report, t)
    if iplm is not None:
        sections.insert(0, iplm)
        sections = [
            Section(number, section.title, section.blocks)
            for number, section in enumerate(sections, start=1)
        ]
    if report.generated_at is not None:
        signed_on = local_day(report.generated_at, h.time_zone)
    else:
        signed_on = report.ends_at or report.period.last_day
    place = h.village or h.kabupaten or h.kecamatan
    village_head = (
        QT_TRANSLATE_NOOP("PerpusDesa", "Head of the Urban Village of {village}")
        if kelurahan
        else QT_TRANSLATE_NOOP("PerpusDesa", "Head of the Village of {village}")
    )
    generated = ""
    if report.generated_at is not None:
        moment = report.generated_at.astimezone(UTC) + timedelta(
            hours=ZONE_HOURS.get(h.time_zone, 7)
        )
        generated = t(
            QT_TRANSLATE_NOOP("PerpusDesa", "Made with PerpusDesa on {date} at {time} {zone}.")
        ).format(date=long_date(moment.date()), time=moment.strftime("%H.%M"), zone=h.time_zone)
    return Content(
        library_name=h.name,
        region_line=", ".join(region),
        address_line=" · ".join(address),
        title=title,
        period_line=period_line,
        columns=columns,
        column_captions=captions,
        change_caption=change,
        sections=tuple(sections),
        signature_place_date=(f"{place}, " if place else "") + long_date(signed_on),
        signature_left=(
            t(QT_TRANSLATE_NOOP("PerpusDesa", "Acknowledged by,")),
            t(village_head).format(village=h.village) if h.village else "",
            h.village_head_name,
        ),
        signature_right=(t(QT_TRANSLATE_NOOP("PerpusDesa", "Head of the Library")), h.head_name),
        generated_line=generated,
        paper=h.paper if h.paper in ("A4", "F4") else "A4",
        is_year=is_year,
    )


# --- HTML -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportDocument:
    """The HTML of the printed report, its charts (by ``<img src>`` name) and its paper."""

    html: str
    charts: dict[str, Chart]
    title: str
    paper: str


def _e(text: object) -> str:
    return html.escape(str(text))


def cell_text(value: Cell, *, as_rupiah: bool = False) -> str:
    """A list cell as printed: numbers and dates in Indonesian, nothing as '–'."""
    if value is None or value == "":
        return DASH
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return rupiah(value) if as_rupiah else number(value)
    if isinstance(value, date):
        return short_date(value)
    return value


def _values(value: Comparison, columns: int) -> tuple[int, ...]:
    return (value.current, value.previous, value.last_year)[:columns]


def _figures_html(block: Figures, content: Content) -> str:
    columns = len(content.columns)
    label_width = 100 - 15 * columns - 12
    head = [f'<th width="{label_width}%" align="left" bgcolor="{LIGHT}"></th>']
    for name, caption in zip(content.columns, content.column_captions, strict=True):
        head.append(
            f'<th width="15%" align="right" bgcolor="{LIGHT}">{_e(name).replace(" ", "<br/>")}<br/>'
            f'<span style="font-size: 7pt; font-weight: normal; color: {GREY};">'
            f"{_e(caption)}</span></th>"
        )
    head.append(
        f'<th width="12%" align="right" bgcolor="{LIGHT}">'
        f'<span style="font-size: 7pt; font-weight: normal; color: {GREY};">'
        f"{_e(content.change_caption)}</span></th>"
    )
    rows = []
    # On paper a breakdown row that is zero in every column is left out (the workbook keeps it).
    lines = [
        line
        for line in block.lines
        if not (line.indent and line.value is not None and not any(_values(line.value, columns)))
    ]
    for index, line in enumerate(lines):
        if line.value is None:
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following is None or not following.indent:
                continue  # a group whose rows were all zero
            rows.append(
                f'<tr><td colspan="{columns + 2}" bgcolor="#f4f4f4">'
                f"<i>{_e(line.label)}</i></td></tr>"
            )
            continue
        shown = [rupiah(v) if line.rupiah else number(v) for v in _values(line.value, columns)]
        label = _e(line.label)
        if line.indent:
            label = f"{NBSP * 4}{label}"
        if line.bold:
            label = f"<b>{label}</b>"
            shown = [f"<b>{text}</b>" for text in shown]
        cells = "".join(f'<td align="right">{text}</td>' for text in shown)
        rows.append(
            f"<tr><td>{label}</td>{cells}"
            f'<td align="right"><span style="color: {GREY};">{_e(change_text(line.value))}'
            "</span></td></tr>"
        )
    note = (
        f'<p style="font-size: 8pt; color: {GREY}; margin-top: 2px;">{_e(block.note)}</p>'
        if block.note
        else ""
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
        ' style="border-collapse: collapse; border-color: #999999; font-size: 9pt;">'
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
    )


def _listing_html(block: Listing) -> str:
    caption = f'<p style="margin-top: 8px; margin-bottom: 2px;"><b>{_e(block.caption)}</b></p>'
    if not block.rows:
        return caption + f'<p style="color: {GREY};"><i>{_e(block.empty)}</i></p>'
    head = "".join(
        f'<th width="{width}%" align="{"right" if numeric else "left"}" bgcolor="{LIGHT}">'
        f"{_e(text)}</th>"
        for text, width, numeric in zip(block.headers, block.widths, block.numeric, strict=True)
    )
    rows = []
    for row in block.rows:
        cells = []
        for index, (value, numeric) in enumerate(zip(row, block.numeric, strict=True)):
            text = cell_text(value, as_rupiah=index in block.rupiah_columns)
            first, _, rest = text.partition("\n")
            shown = _e(first)
            if rest:
                shown += f'<br/><span style="font-size: 8pt; color: {GREY};">{_e(rest)}</span>'
            cells.append(f'<td align="{"right" if numeric else "left"}">{shown}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        caption + '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
        ' style="border-collapse: collapse; border-color: #999999; font-size: 9pt;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _chart_html(block: Chart) -> str:
    # The size here is only a placeholder: the printing code sizes the chart in millimetres.
    return (
        f'<p style="margin-top: 8px; margin-bottom: 2px;"><b>{_e(block.caption)}</b></p>'
        f'<p align="center"><img src="{CHART_PREFIX}{_e(block.name)}" width="600"'
        ' height="200"/></p>'
    )


def _text_html(block: Text) -> str:
    if not block.text:
        return f'<p style="color: {GREY};"><i>{_e(block.empty)}</i></p>'
    paragraphs = [part.strip() for part in block.text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        f'<p style="margin-bottom: 6px;">{_e(part).replace(chr(10), "<br/>")}</p>'
        for part in paragraphs
        if part
    )


def _signatures_html(content: Content) -> str:
    acknowledged, village_head, village_head_name = content.signature_left
    head_title, head_name = content.signature_right
    space = "<br/>" * 4

    def name(text: str) -> str:
        return f"<b><u>{_e(text)}</u></b>" if text else "(" + NBSP * 30 + ")"

    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 18px;"><tr>'
        f'<td width="50%" align="center">{NBSP}<br/>{_e(acknowledged)}<br/>{_e(village_head)}'
        f"{space}{name(village_head_name)}</td>"
        f'<td width="50%" align="center">{_e(content.signature_place_date)}<br/>'
        f"{NBSP}<br/>{_e(head_title)}{space}{name(head_name)}</td>"
        "</tr></table>"
    )


def document_html(content: Content, logo: tuple[int, int] | None = None) -> str:
    """The whole report as HTML for a QTextDocument.

    ``logo``: the size (pixels at 96 dpi) of the library's logo, shown left of the
    letterhead as ``<img src="logo">``; None for none.
    """
    kop = [
        f'<p align="center" style="font-size: 16pt; font-weight: bold; color: {GREEN};'
        f' margin-bottom: 0px;">{_e(content.library_name.upper())}</p>',
    ]
    if content.region_line:
        kop.append(
            f'<p align="center" style="font-size: 10pt; margin-top: 2px; margin-bottom: 0px;">'
            f"{_e(content.region_line)}</p>"
        )
    if content.address_line:
        kop.append(
            f'<p align="center" style="font-size: 9pt; color: {GREY}; margin-top: 2px;'
            f' margin-bottom: 0px;">{_e(content.address_line)}</p>'
        )
    parts = ["<html><body>"]
    if logo is None:
        parts.extend(kop)
    else:
        width, height = logo
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="14%" valign="middle"><img src="{LOGO_URL}" width="{width}"'
            f' height="{height}"/></td>'
            f'<td width="72%" valign="middle">{"".join(kop)}</td>'
            '<td width="14%"></td></tr></table>'
        )
    rule = '<tr><td bgcolor="{color}" style="font-size: {points}pt;">{space}</td></tr>'
    parts.append(
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px;">'
        + rule.format(color=GREEN, points=2.5, space=NBSP)
        + rule.format(color="#ffffff", points=1, space=NBSP)
        + rule.format(color=GREEN, points=0.8, space=NBSP)
        + "</table>"
    )
    parts.append(
        f'<p align="center" style="font-size: 14pt; font-weight: bold; margin-top: 10px;'
        f' margin-bottom: 0px;">{_e(content.title.upper())}</p>'
        f'<p align="center" style="font-size: 11pt; margin-top: 2px;">'
        f"{_e(content.period_line)}</p>"
    )
    for section in content.sections:
        parts.append(
            f'<p style="font-size: 12pt; font-weight: bold; color: {GREEN}; margin-top: 14px;'
            f' margin-bottom: 2px;"><a name="{SECTION_MARK}{section.number}"></a>'
            f"{section.number}. {_e(section.title)}</p>"
        )
        for block in section.blocks:
            if isinstance(block, Figures):
                parts.append(_figures_html(block, content))
            elif isinstance(block, Listing):
                parts.append(_listing_html(block))
            elif isinstance(block, Chart):
                parts.append(_chart_html(block))
            else:
                parts.append(_text_html(block))
    parts.append(_signatures_html(content))
    if content.generated_line:
        parts.append(
            f'<p style="font-size: 7pt; color: {GREY}; margin-top: 16px;">'
            f"{_e(content.generated_line)}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def report_document(
    report: Report, translate: Translate, logo: tuple[int, int] | None = None
) -> ReportDocument:
    """The printed report: HTML, its vector charts, a title for the PDF and the paper.

    ``logo``: the logo's size in pixels at 96 dpi when the printing code has loaded it.
    """
    content = report_content(report, translate)
    charts = {
        CHART_PREFIX + block.name: block
        for section in content.sections
        for block in section.blocks
        if isinstance(block, Chart)
    }
    return ReportDocument(
        document_html(content, logo),
        charts,
        f"{content.title} {content.library_name} {period_name(report.period)}",
        content.paper,
    )
