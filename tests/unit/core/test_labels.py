"""Label sheets: every label inside the paper, sheets counted, partly used sheets, content.

The geometry is checked against the makers' published figures (labels per
sheet, label size, equal margins left and right) and against the paper; the
content against call numbers as a librarian writes them. Loading copies and
picking them by a barcode range run on a real catalogue.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from app.core.barcode import QUIET_ZONE_MODULES, code128_modules
from app.core.catalog import CatalogService, ItemInput, TitleInput
from app.core.errors import ValidationError
from app.core.labels import (
    FORMATS,
    MAX_COPIES,
    BarcodeLabel,
    LabelItem,
    SpineLabel,
    build_labels,
    check_start,
    item_ids_in_barcode_range,
    load_label_items,
    place_labels,
    sheet_format,
    sheets_needed,
    short_library_name,
    spine_lines,
)
from tests.conftest import LibraryDb

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)
PUBLISHED = {  # code: (columns, rows, width, height) as printed on the pack
    "L7651": (5, 13, 38.1, 21.2),
    "L7654": (4, 10, 45.7, 25.4),
    "L7159": (3, 8, 63.5, 33.9),
    "L7160": (3, 7, 63.5, 38.1),
}


def items(count: int) -> list[LabelItem]:
    return [LabelItem(f"B{n:06d}", f"Judul {n}", f"297.1 AMI {n}") for n in range(1, count + 1)]


@pytest.mark.parametrize("code", sorted(PUBLISHED))
def test_every_label_lies_inside_the_paper_and_apart_from_the_next(code: str) -> None:
    fmt = sheet_format(code)
    assert (fmt.columns, fmt.rows, fmt.label_width, fmt.label_height) == PUBLISHED[code]
    assert (fmt.paper_width, fmt.paper_height) == (210.0, 297.0)
    rects = [fmt.slot_rect(slot) for slot in range(fmt.per_sheet)]
    for x, y, width, height in rects:
        assert x >= 4 and y >= 10  # room for a printer that cannot print to the edge
        assert x + width <= fmt.paper_width - 4
        assert y + height <= fmt.paper_height - 10
    # The sheet is symmetric, as die-cut sheets are: same margin left and right, top and bottom.
    right = fmt.paper_width - (rects[-1][0] + fmt.label_width)
    bottom = fmt.paper_height - (rects[-1][1] + fmt.label_height)
    assert right == pytest.approx(fmt.left, abs=0.15)
    assert bottom == pytest.approx(fmt.top, abs=0.15)
    # No two labels overlap.
    for (x1, y1, w1, h1), (x2, y2, w2, h2) in itertools.combinations(rects, 2):
        apart_x = x2 >= x1 + w1 - 1e-9 or x1 >= x2 + w2 - 1e-9
        apart_y = y2 >= y1 + h1 - 1e-9 or y1 >= y2 + h2 - 1e-9
        assert apart_x or apart_y
    with pytest.raises(IndexError):
        fmt.slot_rect(fmt.per_sheet)


def test_a_barcode_with_its_quiet_zones_fits_the_smallest_label() -> None:
    fmt = sheet_format("L7651")
    modules = len(code128_modules("B000123"))
    needed_mm = (modules + 2 * QUIET_ZONE_MODULES) * 0.25  # 0.25 mm: a module scanners read
    assert needed_mm <= fmt.label_width - 3  # 1.5 mm of padding each side


def test_slots_are_numbered_row_by_row_like_the_makers() -> None:
    fmt = sheet_format("L7160")
    assert fmt.slot_rect(0)[:2] == (7.21, 15.15)
    assert fmt.slot_rect(1)[:2] == pytest.approx((7.21 + 66.04, 15.15))
    assert fmt.slot_rect(3)[:2] == pytest.approx((7.21, 15.15 + 38.1))
    assert fmt.row_column(1) == (1, 1)
    assert fmt.row_column(5) == (2, 2)
    assert fmt.row_column(21) == (7, 3)


@pytest.mark.parametrize(
    ("count", "start", "sheets"),
    [(0, 1, 0), (1, 1, 1), (21, 1, 1), (22, 1, 2), (21, 2, 2), (19, 3, 1), (20, 3, 2), (43, 21, 3)],
)
def test_sheets_needed_counts_the_skipped_labels(count: int, start: int, sheets: int) -> None:
    fmt = sheet_format("L7160")
    assert sheets_needed(count, fmt, start) == sheets
    assert (
        len(place_labels(build_labels(items(count), "spine", 1, "X"), fmt, start) if count else [])
        == sheets
    )


def test_start_position_leaves_the_used_labels_empty() -> None:
    fmt = sheet_format("L7160")  # 21 a sheet
    labels = build_labels(items(25), "barcode", 1, "Perpustakaan Desa Miroto")
    sheets = place_labels(labels, fmt, start=8)
    assert [slot for slot, _ in sheets[0]] == list(range(7, 21))  # labels 8 to 21
    assert [slot for slot, _ in sheets[1]] == list(range(11))  # the next sheet from its first
    placed = [label for sheet in sheets for _, label in sheet]
    assert [label.barcode for label in placed if isinstance(label, BarcodeLabel)] == [
        f"B{n:06d}" for n in range(1, 26)
    ]


@pytest.mark.parametrize("start", [0, 22, -1])
def test_a_start_outside_the_sheet_is_refused(start: int) -> None:
    with pytest.raises(ValidationError, match="from 1 to 21") as caught:
        check_start(sheet_format("L7160"), start)
    assert caught.value.field == "start"
    with pytest.raises(ValidationError):
        place_labels(build_labels(items(1), "spine", 1, "X"), sheet_format("L7160"), start)


def test_unknown_sheet_is_refused() -> None:
    with pytest.raises(ValidationError, match="label sheets"):
        sheet_format("Tom & Jerry 103")
    assert set(FORMATS) == set(PUBLISHED)


@pytest.mark.parametrize(
    ("call_number", "lines"),
    [
        ("297.1 AMI b", ("297.1", "AMI", "b")),
        ("899.221 3 PRA r", ("899.221 3", "PRA", "r")),
        ("2X4.3 SYA f", ("2X4.3", "SYA", "f")),
        ("R 030 ENS", ("R", "030", "ENS")),
        ("  641.5   KUS  r ", ("641.5", "KUS", "r")),
        ("BUM", ("BUM",)),
        ("", ()),
        ("R 2X1 SYA t 2019 jil.1 c.2", ("R", "2X1", "SYA", "t", "2019 jil.1 c.2")),
    ],
)
def test_call_number_is_split_into_spine_lines(call_number: str, lines: tuple[str, ...]) -> None:
    assert spine_lines(call_number) == lines


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Perpustakaan Desa Miroto", "Perpusdes Miroto"),
        ("PERPUSTAKAAN DESA  Sukamaju", "Perpusdes Sukamaju"),
        ("Perpustakaan Kelurahan Miroto", "Perpuskel Miroto"),
        ("Taman Bacaan Masyarakat Pelangi", "TBM Pelangi"),
        ("Perpustakaan Umum Cahaya", "Perpus Umum Cahaya"),
        ("Rumah Baca Ceria", "Rumah Baca Ceria"),
    ],
)
def test_library_name_is_shortened_for_the_label(name: str, short: str) -> None:
    assert short_library_name(name) == short


def test_labels_per_copy_kind_and_number() -> None:
    two = items(2)
    both = build_labels(two, "both", 2, "Perpustakaan Desa Miroto")
    assert [type(label).__name__ for label in both] == [
        "SpineLabel",
        "SpineLabel",
        "BarcodeLabel",
        "BarcodeLabel",
    ] * 2
    spine = both[0]
    assert isinstance(spine, SpineLabel)
    assert spine.lines == ("297.1", "AMI", "1") and spine.library == "Perpusdes Miroto"
    code = both[2]
    assert code == BarcodeLabel("B000001", "Judul 1", "297.1 AMI 1", "Perpusdes Miroto")
    assert len(build_labels(two, "spine", 3, "X")) == 6
    assert len(build_labels(two, "barcode", 1, "X")) == 2


def test_bad_label_options_are_refused() -> None:
    with pytest.raises(ValidationError, match="spine labels, barcode labels or both"):
        build_labels(items(1), "punggung", 1, "X")
    for copies in (0, MAX_COPIES + 1):
        with pytest.raises(ValidationError, match="1 to 10 labels"):
            build_labels(items(1), "spine", copies, "X")
    with pytest.raises(ValidationError, match="at least one copy"):
        build_labels([], "spine", 1, "X")
    with pytest.raises(ValidationError, match="cannot be printed as a barcode"):
        build_labels([LabelItem("B00é", "X", "000 X x")], "barcode", 1, "X")


# --- on a real catalogue -----------------------------------------------------------


@pytest.fixture
def service(library_db: LibraryDb) -> CatalogService:
    return CatalogService(library_db.db, library_db.admin, lambda: NOW)


def test_copies_are_loaded_in_the_order_asked_with_their_call_numbers(
    service: CatalogService,
) -> None:
    arab = service.add_title(
        TitleInput("Bahasa Arab untuk Pemula", authors="Amin, Ahmad", ddc="297.1"), copies=2
    )
    bumi = service.add_title(
        TitleInput("Bumi Manusia", authors="Pramoedya Ananta Toer", ddc="899.221 3"),
        item=ItemInput(call_number="F PRA b"),
    )
    arab_items = service.items_of(arab.id)
    bumi_item = service.items_of(bumi.id)[0]
    loaded = load_label_items(service, [bumi_item.id, arab_items[1].id, arab_items[0].id])
    assert loaded == [
        LabelItem(bumi_item.barcode, "Bumi Manusia", "F PRA b"),
        LabelItem(arab_items[1].barcode, "Bahasa Arab untuk Pemula", "297.1 AMI b"),
        LabelItem(arab_items[0].barcode, "Bahasa Arab untuk Pemula", "297.1 AMI b"),
    ]
    service.close()


def test_copies_are_picked_by_a_range_of_barcodes(service: CatalogService) -> None:
    title = service.add_title(TitleInput("Laskar Pelangi", authors="Hirata, Andrea"), copies=6)
    copies = service.items_of(title.id)  # by barcode
    barcodes = [item.barcode for item in copies]
    assert barcodes == [f"B{n:06d}" for n in range(1, 7)]
    service.delete_item(copies[2].id)
    conn = service.conn
    assert item_ids_in_barcode_range(conn, "B000002", "b000005") == [
        copies[1].id,
        copies[3].id,
        copies[4].id,
    ]  # the deleted B000003 is left out; case does not matter
    assert item_ids_in_barcode_range(conn, "B000005", "B000002") == [
        copies[1].id,
        copies[3].id,
        copies[4].id,
    ]
    assert item_ids_in_barcode_range(conn, "B000006", "B000006") == [copies[5].id]
    assert item_ids_in_barcode_range(conn, "B000100", "B000200") == []
    with pytest.raises(ValidationError, match="first and the last barcode"):
        item_ids_in_barcode_range(conn, "", "B000002")
    service.close()
