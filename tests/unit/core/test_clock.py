"""Time: stored in UTC, grouped by the library's zone (WIB, WITA, WIT)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.clock import ZONES, from_db, to_db, utcnow, zone_for_region
from app.core.library import list_regions


def test_utcnow_is_aware_utc() -> None:
    now = utcnow()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)


def test_zones_have_fixed_offsets() -> None:
    offsets = {name: zone.utcoffset(None) for name, zone in ZONES.items()}
    assert offsets == {
        "WIB": timedelta(hours=7),
        "WITA": timedelta(hours=8),
        "WIT": timedelta(hours=9),
    }


@pytest.mark.parametrize(
    ("region_code", "zone"),
    [
        ("33.74.01.1001", "WIB"),  # Jawa Tengah: Miroto, Kota Semarang
        ("33", "WIB"),
        ("11", "WIB"),  # Aceh
        ("31", "WIB"),  # Jakarta
        ("61", "WIB"),  # Kalimantan Barat
        ("62", "WIB"),  # Kalimantan Tengah
        ("51.71.01.1001", "WITA"),  # Bali: Serangan, Denpasar
        ("51", "WITA"),
        ("53", "WITA"),  # Nusa Tenggara Timur
        ("64", "WITA"),  # Kalimantan Timur
        ("73", "WITA"),  # Sulawesi Selatan
        ("91.71.01.1001", "WIT"),  # Papua: Gurabesi, Jayapura
        ("91", "WIT"),
        ("81", "WIT"),  # Maluku
        ("94", "WIT"),  # Papua Tengah
        ("96", "WIT"),  # Papua Barat Daya
    ],
)
def test_zone_for_region(region_code: str, zone: str) -> None:
    assert zone_for_region(region_code) == zone


def test_every_province_has_a_zone() -> None:
    zones = {region.code: zone_for_region(region.code) for region in list_regions()}
    assert set(zones.values()) == {"WIB", "WITA", "WIT"}
    # Papua and its new provinces are all WIT.
    papua = {code for code in zones if code.startswith("9")}
    assert papua and all(zones[code] == "WIT" for code in papua)


def test_db_text_round_trip_in_utc() -> None:
    nine_in_bali = datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=ZONES["WITA"])
    text = to_db(nine_in_bali)
    assert text == "2026-03-02 01:00:00.123456"
    back = from_db(text)
    assert back == nine_in_bali
    assert back is not None and back.tzinfo == UTC


def test_to_db_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_db(datetime(2026, 3, 2, 9, 0))


@pytest.mark.parametrize("text", [None, ""])
def test_from_db_of_nothing_is_none(text: str | None) -> None:
    assert from_db(text) is None


def test_from_db_reads_what_sqlalchemy_stores() -> None:
    assert from_db("2026-03-02 01:00:00") == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
