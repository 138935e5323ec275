"""SQLAlchemy 2 typed models for every record kind (see DESIGN.md, "Data").

Synced records inherit :class:`SyncedRecord`: a UUID made on the PC,
``library_id``, ``created_at``/``updated_at`` (UTC), ``version`` (+1 on every
change) and ``deleted_at`` (tombstone). They are written only through
``app.db.uow.UnitOfWork``, which keeps version, audit and outbox in step.

Personal data (names, phones, addresses, birth dates, NIK) lives in these
tables but never leaves the PC; the sync protocol's allow-list decides what
travels.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in Python, naive UTC text in SQLite."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use app.core.clock.utcnow()")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


ID = String(36)


class SyncedRecord(Base):
    """Columns every synced record carries."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(ID, primary_key=True)

    @declared_attr
    def library_id(cls) -> Mapped[str]:
        return mapped_column(ID, ForeignKey("library.id"), index=True)

    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer)
    deleted_at: Mapped[datetime | None]


class Library(SyncedRecord):
    """The library's own profile (one row; its ``library_id`` is its ``id``)."""

    __tablename__ = "library"

    name: Mapped[str] = mapped_column(String(200))
    # desa, kelurahan, kecamatan, kabupaten_kota, provinsi, sekolah, komunitas
    library_type: Mapped[str] = mapped_column(String(20))
    region_code: Mapped[str] = mapped_column(String(13))  # Kemendagri PP.KK.CC.DDDD
    address: Mapped[str] = mapped_column(Text, default="")
    npp: Mapped[str | None] = mapped_column(String(40))  # Nomor Pokok Perpustakaan
    head_name: Mapped[str] = mapped_column(String(200))  # Kepala Perpustakaan
    village_head_name: Mapped[str] = mapped_column(String(200))  # Kepala Desa / Lurah
    time_zone: Mapped[str] = mapped_column(String(4))  # WIB, WITA, WIT
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    logo_path: Mapped[str | None] = mapped_column(Text)


class Member(SyncedRecord):
    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("library_id", "member_no"),)

    member_no: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(1))  # L, P
    birth_date: Mapped[date | None] = mapped_column(Date)
    nik: Mapped[str | None] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(Text, default="")
    rt: Mapped[str | None] = mapped_column(String(4))
    rw: Mapped[str | None] = mapped_column(String(4))
    village_code: Mapped[str | None] = mapped_column(String(13))
    village_name: Mapped[str | None] = mapped_column(String(100))  # for search, from the code
    phone: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(40))
    education: Mapped[str | None] = mapped_column(String(40))
    member_type: Mapped[str] = mapped_column(String(20))  # umum, pelajar, anak
    registered_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    photo_path: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Consent (UU 27/2022): when, recorded by which staff member; a guardian's for a child.
    consent_at: Mapped[datetime]
    consent_by: Mapped[str] = mapped_column(ID)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_consent_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    deactivated_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]  # personal data wiped, statistics kept


class Visit(SyncedRecord):
    """One guestbook line: a member, a guest or a group (rombongan)."""

    __tablename__ = "visit"

    kind: Mapped[str] = mapped_column(String(10))  # member, guest, group
    visited_at: Mapped[datetime] = mapped_column(index=True)
    member_id: Mapped[str | None] = mapped_column(ID, ForeignKey("member.id"), index=True)
    guest_name: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(1))
    age_band: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(40))
    origin_village_code: Mapped[str | None] = mapped_column(String(13))
    origin_other: Mapped[str | None] = mapped_column(String(200))
    purposes: Mapped[list[str]] = mapped_column(default=list)
    group_name: Mapped[str | None] = mapped_column(String(200))
    group_leader: Mapped[str | None] = mapped_column(String(200))
    group_phone: Mapped[str | None] = mapped_column(String(20))
    # Headcounts (1 for an individual visit) so that totals are plain sums.
    count_male: Mapped[int] = mapped_column(Integer, default=0)
    count_female: Mapped[int] = mapped_column(Integer, default=0)
    age_counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {age band: people}
    notes: Mapped[str] = mapped_column(Text, default="")


class Title(SyncedRecord):
    __tablename__ = "title"

    title: Mapped[str] = mapped_column(Text)
    authors: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(100))
    year: Mapped[int | None] = mapped_column(Integer)
    edition: Mapped[str | None] = mapped_column(String(50))
    isbn: Mapped[str | None] = mapped_column(String(13), index=True)  # normalised ISBN-13
    ddc: Mapped[str | None] = mapped_column(String(20))
    subjects: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(3))
    material_type: Mapped[str] = mapped_column(String(20), default="buku")
    audience: Mapped[str | None] = mapped_column(String(10))  # anak, remaja, dewasa
    marc_raw: Mapped[bytes | None] = mapped_column(LargeBinary)


class Item(SyncedRecord):
    """A copy of a title on the shelf."""

    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("library_id", "barcode"),)

    title_id: Mapped[str] = mapped_column(ID, ForeignKey("title.id"), index=True)
    barcode: Mapped[str] = mapped_column(String(30))
    call_number: Mapped[str | None] = mapped_column(String(60))
    acquired_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))  # perpusnas, hibah, pembelian, swadaya
    condition: Mapped[str] = mapped_column(String(20), default="baik")
    status: Mapped[str] = mapped_column(String(20), default="tersedia")


class Loan(SyncedRecord):
    __tablename__ = "loan"

    item_id: Mapped[str] = mapped_column(ID, ForeignKey("item.id"), index=True)
    member_id: Mapped[str] = mapped_column(ID, ForeignKey("member.id"), index=True)
    loaned_at: Mapped[datetime] = mapped_column(index=True)
    due_on: Mapped[date] = mapped_column(Date)
    returned_at: Mapped[datetime | None] = mapped_column(index=True)  # a month's returns
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    fine: Mapped[int] = mapped_column(Integer, default=0)  # Rupiah


class Activity(SyncedRecord):
    """A community activity, stakeholder meeting or training."""

    __tablename__ = "activity"

    kind: Mapped[str] = mapped_column(
        String(20), default="kegiatan"
    )  # kegiatan, pertemuan, pelatihan
    title: Mapped[str] = mapped_column(String(300))
    category_code: Mapped[str] = mapped_column(String(40))  # national category code
    strategy: Mapped[str] = mapped_column(String(40))  # layanan, pelibatan, advokasi
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(200), default="")
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    partner_ids: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="rencana")  # rencana, terlaksana, batal
    target_group: Mapped[str | None] = mapped_column(String(30))
    # {"L": {age band: n}, "P": {age band: n}} and the totals, for plain sums.
    participants: Mapped[dict[str, Any]] = mapped_column(default=dict)
    participants_male: Mapped[int] = mapped_column(Integer, default=0)
    participants_female: Mapped[int] = mapped_column(Integer, default=0)
    representatives: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {type: n}
    commitments: Mapped[str] = mapped_column(Text, default="")
    trainee_libraries: Mapped[int] = mapped_column(Integer, default=0)


class Partner(SyncedRecord):
    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(200))
    partner_type: Mapped[str] = mapped_column(String(30))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(Text, default="")


class Partnership(SyncedRecord):
    """An agreement (MoU/PKS), support received, or a village regulation."""

    __tablename__ = "partnership"

    partner_id: Mapped[str | None] = mapped_column(ID, ForeignKey("partner.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # mou, pks, dukungan, regulasi
    title: Mapped[str] = mapped_column(String(300))
    number: Mapped[str | None] = mapped_column(String(100))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    support_type: Mapped[str | None] = mapped_column(String(20))  # apbdes, buku, peralatan, ...
    value_rupiah: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class Story(SyncedRecord):
    """A success story (kisah sukses), with the consent recorded."""

    __tablename__ = "story"

    person_name: Mapped[str] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(1))
    age_band: Mapped[str] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40))
    activity_id: Mapped[str | None] = mapped_column(ID, ForeignKey("activity.id"))
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    figure_label: Mapped[str | None] = mapped_column(String(100))
    value_before: Mapped[int | None] = mapped_column(Integer)
    value_after: Mapped[int | None] = mapped_column(Integer)
    photo_path: Mapped[str | None] = mapped_column(Text)
    consent_at: Mapped[datetime]
    consent_witness: Mapped[str] = mapped_column(ID)  # staff user id
    publish_with_name: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_consent_at: Mapped[datetime | None]


# --- local-only tables -------------------------------------------------------


class StaffUser(Base):
    """A person who uses the program on this PC (never synced)."""

    __tablename__ = "staff_user"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # admin, pengelola, relawan
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Outbox(Base):
    """One row per change of a synced record, in commit order; never reused."""

    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(ID, index=True)
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))  # create, update, delete
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    batch_id: Mapped[str | None] = mapped_column(ID)
    error: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """Who did what, when (local only)."""

    __tablename__ = "audit_entry"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[str | None] = mapped_column(ID)
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete, login, ...
    table_name: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(ID)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Setting(Base):
    """Local settings as JSON values (language, idle lock, paper size, ...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SyncState(Base):
    """This PC's identity for sync (one row)."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(ID)
    db_epoch: Mapped[str] = mapped_column(ID)
    server_url: Mapped[str | None] = mapped_column(Text)
    last_sync_at: Mapped[datetime | None]
    last_acked_seq: Mapped[int] = mapped_column(Integer, default=0)


class Stocktake(Base):
    """One count of the shelves (stock opname); at most one is open at a time."""

    __tablename__ = "stocktake"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # closed, cancelled
    notes: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime]
    started_by: Mapped[str] = mapped_column(String(40))  # username
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(40))
    # Figures and lists as they stood when the count was closed (for printing later).
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class StocktakeScan(Base):
    """A code scanned or typed during a count; the same code counts once per count."""

    __tablename__ = "stocktake_scan"
    __table_args__ = (UniqueConstraint("stocktake_id", "barcode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stocktake_id: Mapped[str] = mapped_column(ID, ForeignKey("stocktake.id"))
    barcode: Mapped[str] = mapped_column(String(30))
    # None: no copy has this barcode.
    item_id: Mapped[str | None] = mapped_column(ID, ForeignKey("item.id"), index=True)
    scanned_at: Mapped[datetime]


class MonthNote(Base):
    """The obstacles and plans (kendala dan rencana) typed for a report's period (local only)."""

    __tablename__ = "month_note"

    period: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-11" or "2026"
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(40))  # username


SYNCED_MODELS: tuple[type[SyncedRecord], ...] = (
    Library,
    Member,
    Visit,
    Title,
    Item,
    Loan,
    Activity,
    Partner,
    Partnership,
    Story,
)
