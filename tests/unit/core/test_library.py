"""The library's profile: checking it against the official region list, and changing it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.core.auth import UserService
from app.core.errors import PermissionDenied, ValidationError
from app.core.library import (
    LIBRARY_TYPES,
    LOGO_MAX_BYTES,
    REGION_LEVEL,
    LibraryProfile,
    get_region,
    list_regions,
    read_profile,
    region_chain,
    region_path,
    set_logo,
    update_profile,
    validate_profile,
)
from app.core.settings import Settings
from app.db.database import Database
from app.db.models import Library, Outbox
from tests.conftest import VILLAGE_CODE, LibraryDb, valid_first_run

KECAMATAN_CODE = "33.74.01"  # Semarang Tengah
KOTA_CODE = "33.74"  # Kota Semarang
PROVINCE_CODE = "33"  # Jawa Tengah
BALI_VILLAGE = "51.71.01.1001"  # Serangan, Denpasar Selatan
PAPUA_VILLAGE = "91.71.01.1001"  # Gurabesi, Jayapura Utara


def profile(**changes: Any) -> LibraryProfile:
    good = dataclasses.replace(valid_first_run().profile, npp="3374011001-0001")
    return dataclasses.replace(good, **changes)


# --- checking a profile ------------------------------------------------------------


def test_a_real_village_is_accepted() -> None:
    checked = validate_profile(
        profile(name="  Perpustakaan Desa Miroto ", head_name=" Sri Wahyuni", npp="  ")
    )
    assert checked.name == "Perpustakaan Desa Miroto"
    assert checked.head_name == "Sri Wahyuni"
    assert checked.region_code == VILLAGE_CODE
    assert checked.npp is None
    assert checked.time_zone == "WIB"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "P" * 201}, "name"),
        ({"library_type": "museum"}, "library_type"),
        ({"library_type": ""}, "library_type"),
        ({"region_code": "99.99.99.9999"}, "region_code"),
        ({"region_code": ""}, "region_code"),
        ({"region_code": KECAMATAN_CODE}, "region_code"),  # a sub-district for a village library
        ({"region_code": PROVINCE_CODE}, "region_code"),
        ({"library_type": "kecamatan"}, "region_code"),  # a village for a sub-district library
        ({"library_type": "kabupaten_kota", "region_code": KECAMATAN_CODE}, "region_code"),
        ({"head_name": ""}, "head_name"),
        ({"head_name": "  "}, "head_name"),
        ({"village_head_name": ""}, "village_head_name"),
        ({"npp": "NPP-12"}, "npp"),
        ({"npp": "1" * 41}, "npp"),
    ],
)
def test_bad_profile_is_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_profile(profile(**changes))
    assert refused.value.field == field
    assert str(refused.value)  # a sentence for the librarian


@pytest.mark.parametrize(
    ("library_type", "region_code"),
    [
        ("desa", VILLAGE_CODE),
        ("kelurahan", VILLAGE_CODE),
        ("sekolah", VILLAGE_CODE),
        ("komunitas", VILLAGE_CODE),
        ("kecamatan", KECAMATAN_CODE),
        ("kabupaten_kota", KOTA_CODE),
        ("provinsi", PROVINCE_CODE),
    ],
)
def test_each_library_type_takes_its_level_of_region(library_type: str, region_code: str) -> None:
    checked = validate_profile(profile(library_type=library_type, region_code=region_code))
    assert checked.region_code == region_code


def test_every_library_type_has_a_region_level() -> None:
    assert set(REGION_LEVEL) == set(LIBRARY_TYPES)
    assert set(REGION_LEVEL.values()) == {1, 2, 3, 4}


# --- the official region list --------------------------------------------------------


def test_region_chain_of_a_village() -> None:
    chain = region_chain(VILLAGE_CODE)
    assert [(region.code, region.level) for region in chain] == [
        (PROVINCE_CODE, 1),
        (KOTA_CODE, 2),
        (KECAMATAN_CODE, 3),
        (VILLAGE_CODE, 4),
    ]
    assert chain[0].name == "Jawa Tengah"
    assert chain[-1].name == "Miroto"


def test_region_chain_of_an_unknown_code_is_empty() -> None:
    assert region_chain("99.99.99.9999") == []


def test_regions_cascade_from_province_to_village() -> None:
    provinces = list_regions()
    assert len(provinces) >= 34
    assert {region.level for region in provinces} == {1}
    assert PROVINCE_CODE in {region.code for region in provinces}
    villages = list_regions(KECAMATAN_CODE)
    assert VILLAGE_CODE in {region.code for region in villages}
    assert all(region.code.startswith(KECAMATAN_CODE + ".") for region in villages)


def test_unknown_region_is_none() -> None:
    assert get_region("99.99.99.9999") is None
    assert get_region("") is None


@pytest.mark.parametrize(
    ("region_code", "zone"),
    [(VILLAGE_CODE, "WIB"), (BALI_VILLAGE, "WITA"), (PAPUA_VILLAGE, "WIT")],
)
def test_profile_time_zone_follows_the_province(region_code: str, zone: str) -> None:
    assert validate_profile(profile(region_code=region_code)).time_zone == zone


# --- the stored profile ----------------------------------------------------------------


def test_read_profile(library_db: LibraryDb) -> None:
    conn = library_db.db.connect()
    try:
        stored = read_profile(conn)
    finally:
        conn.close()
    assert stored == library_db.profile
    assert stored is not None and stored.id == library_db.library_id


def test_read_profile_before_set_up(db: Database) -> None:
    conn = db.connect()
    try:
        assert read_profile(conn) is None
    finally:
        conn.close()


def _library(library_db: LibraryDb) -> Library:
    with library_db.db.session() as session:
        record = session.get(Library, library_db.library_id)
        assert record is not None
        return record


def test_update_profile_is_a_synced_change(library_db: LibraryDb) -> None:
    changed = dataclasses.replace(
        library_db.profile, name="Taman Baca Miroto", region_code=BALI_VILLAGE
    )
    update_profile(library_db.db, library_db.admin, changed)

    record = _library(library_db)
    assert (record.name, record.region_code, record.time_zone) == (
        "Taman Baca Miroto",
        BALI_VILLAGE,
        "WITA",
    )
    assert record.version == 2
    with library_db.db.session() as session:
        ops = session.execute(
            select(Outbox.op, Outbox.version).where(Outbox.record_id == library_db.library_id)
        ).all()
    assert [tuple(op) for op in ops] == [("create", 1), ("update", 2)]


def test_update_profile_without_changes_writes_nothing(library_db: LibraryDb) -> None:
    update_profile(library_db.db, library_db.admin, library_db.profile)
    assert _library(library_db).version == 1


def test_bad_profile_update_writes_nothing(library_db: LibraryDb) -> None:
    with pytest.raises(ValidationError):
        update_profile(
            library_db.db, library_db.admin, dataclasses.replace(library_db.profile, name="")
        )
    assert _library(library_db).name == library_db.profile.name
    assert _library(library_db).version == 1


def test_relawan_cannot_change_the_profile(library_db: LibraryDb) -> None:
    conn = library_db.db.connect()
    try:
        relawan = UserService(conn).create_user(
            library_db.admin, "wati", "Wati", "relawan", "rahasia123"
        )
    finally:
        conn.close()
    changed = dataclasses.replace(library_db.profile, name="Ganti Nama")
    with pytest.raises(PermissionDenied):
        update_profile(library_db.db, relawan, changed)
    assert _library(library_db).version == 1


def test_region_path_reads_from_village_to_province_and_is_kept(db: Database) -> None:
    conn = db.connect()
    try:
        path = region_path(conn, VILLAGE_CODE)
        assert path == "Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah"
        # Kept in the settings, so the home page need not load the region list again.
        assert Settings(conn).get(f"region_path:{VILLAGE_CODE}") == path
    finally:
        conn.close()


def _png(path: Path, size: int = 40) -> Path:
    """A real PNG picture written without Qt (zlib + the PNG chunks)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x20\x80\x40" * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


def test_logo_is_copied_in_replaced_and_removed(library_db: LibraryDb, tmp_path: Path) -> None:
    data_dir = library_db.db.data_dir
    first = set_logo(library_db.db, library_db.admin, _png(tmp_path / "logo desa.png"))
    assert first is not None and first.endswith(".png")
    assert (data_dir / first).read_bytes() == (tmp_path / "logo desa.png").read_bytes()
    assert _library(library_db).logo_path == first
    conn = library_db.db.connect()
    try:
        profile = read_profile(conn)
    finally:
        conn.close()
    assert profile is not None and profile.logo_path == first

    second = set_logo(library_db.db, library_db.admin, _png(tmp_path / "baru.png", 60))
    assert second != first and (data_dir / str(second)).exists()
    assert not (data_dir / first).exists()  # the old copy went with the change
    assert set_logo(library_db.db, library_db.admin, None) is None
    assert _library(library_db).logo_path is None
    assert not (data_dir / str(second)).exists()
    assert _library(library_db).version == 4  # each change a synced update


def test_a_bad_logo_is_refused_and_changes_nothing(library_db: LibraryDb, tmp_path: Path) -> None:
    text = tmp_path / "logo.png"
    text.write_text("bukan gambar", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a picture") as refused:
        set_logo(library_db.db, library_db.admin, text)
    assert refused.value.field == "logo"
    big = _png(tmp_path / "besar.png")
    with big.open("ab") as file:
        file.write(b"\x00" * (LOGO_MAX_BYTES + 1))
    with pytest.raises(ValidationError, match="larger than"):
        set_logo(library_db.db, library_db.admin, big)
    conn = library_db.db.connect()
    try:
        relawan = UserService(conn).create_user(
            library_db.admin, "wati", "Wati", "relawan", "rahasia123"
        )
    finally:
        conn.close()
    with pytest.raises(PermissionDenied):
        set_logo(library_db.db, relawan, _png(tmp_path / "logo2.png"))
    assert _library(library_db).logo_path is None and _library(library_db).version == 1
    assert not list(library_db.db.data_dir.glob("logo-*"))
