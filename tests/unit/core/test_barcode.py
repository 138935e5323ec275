"""Code 128 for member numbers: the module pattern is checked against an independent reader.

The pattern is drawn as a plain picture (Pillow, no Qt) with its quiet zones
and read back with zxing-cpp, which implements Code 128 on its own; the
structure (start code, stop code, 11-module symbols) is checked directly.
"""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from app.core.barcode import QUIET_ZONE_MODULES, bar_runs, check_text, code128_modules
from app.core.errors import ValidationError

START_C = "11010011100"  # start code C: the number begins with digits
START_B = "11010010000"
STOP = "1100011101011"


def scan(modules: str, pixels: int = 3) -> list[str]:
    """Draw the modules with quiet zones and read them as a scanner would."""
    width = (len(modules) + 2 * QUIET_ZONE_MODULES) * pixels
    image = Image.new("L", (width, 60), 255)
    draw = ImageDraw.Draw(image)
    for start, run in bar_runs(modules):
        left = (QUIET_ZONE_MODULES + start) * pixels
        draw.rectangle([left, 5, left + run * pixels - 1, 54], fill=0)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)]


@pytest.mark.parametrize(
    "number",
    [
        "2026-0001",  # PerpusDesa's own numbers
        "2026-12345",
        "20260001",  # digits only
        "12345",  # an odd number of digits
        "M0001",  # SLiMS member ids
        "S-10",
        "ab12345c",
        "2026/ANG/007",
        "A",
    ],
)
def test_member_numbers_scan_back(number: str) -> None:
    assert scan(code128_modules(number)) == [number]


def test_symbol_structure() -> None:
    modules = code128_modules("2026-0001")
    assert modules.startswith(START_C)
    assert code128_modules("M0001").startswith(START_B)
    assert modules.endswith(STOP)
    assert (len(modules) - len(STOP)) % 11 == 0  # every other symbol is 11 modules
    assert set(modules) == {"0", "1"}
    # Runs of digits use code set C: two digits per symbol, so the card's bars stay short.
    assert len(code128_modules("20260001")) < len(code128_modules("2026-0001"))
    assert len(code128_modules("20260001")) == 11 * (1 + 4 + 1) + 13


def test_bar_runs() -> None:
    assert bar_runs("0110111") == [(1, 2), (4, 3)]
    assert bar_runs("1") == [(0, 1)]
    assert bar_runs("000") == []
    modules = code128_modules("2026-0001")
    runs = bar_runs(modules)
    assert sum(width for _, width in runs) == modules.count("1")
    assert all(1 <= width <= 4 for _, width in runs)  # Code 128 bars are 1 to 4 modules


@pytest.mark.parametrize("number", ["", "2026-0001é", "nomor\tsatu", "２０２６"])
def test_text_a_barcode_cannot_carry(number: str) -> None:
    with pytest.raises(ValidationError) as caught:
        code128_modules(number)
    assert caught.value.field == "member_no"
    assert "cannot be printed as a barcode" in caught.value.render()


def test_check_text_passes_printable_ascii() -> None:
    assert check_text("2026-0001 A/b.c") == "2026-0001 A/b.c"
