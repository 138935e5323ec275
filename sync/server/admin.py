"""What the server's admin does: libraries, enrolment codes, devices, admin tokens; enrolment.

Plain functions over a :class:`~sync.server.db.Database` (the CLI's commands and
the ``/enroll`` endpoint call them). Refusals raise
:class:`~sync.server.errors.ProblemError`.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from sync.protocol import EnrollRequest, EnrollResponse, enrolment_proof
from sync.server import auth, regions
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.models import AdminToken, Device, EnrolmentCode, Library, Record

LIBRARY_TYPES: Final = frozenset(
    {"desa", "kelurahan", "kecamatan", "kabupaten_kota", "provinsi", "sekolah", "komunitas"}
)
_DEFAULT_TYPE: Final = {1: "provinsi", 2: "kabupaten_kota", 3: "kecamatan", 4: "desa"}
# Province code -> time zone; every other province is WIB.
_WITA: Final = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
_WIT: Final = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})
TIME_ZONE_HOURS: Final = {"WIB": 7, "WITA": 8, "WIT": 9}


class AdminError(Exception):
    """A refused admin command, with a one-line message."""


def now() -> datetime:
    return datetime.now(UTC)


def time_zone_of(region_code: str) -> str:
    province = region_code[:2]
    return "WITA" if province in _WITA else "WIT" if province in _WIT else "WIB"


def add_library(
    db: Database,
    region_code: str,
    name: str,
    library_type: str | None = None,
    time_zone: str | None = None,
) -> Library:
    """Register a library in an existing region (a village or a higher region)."""
    name = " ".join(name.split())
    if not name or len(name) > 300:
        raise AdminError("The library's name must be 1 to 300 characters.")
    if library_type is not None and library_type not in LIBRARY_TYPES:
        raise AdminError(
            f"Unknown library type {library_type!r}: use one of {', '.join(sorted(LIBRARY_TYPES))}."
        )
    if time_zone is not None and time_zone not in TIME_ZONE_HOURS:
        raise AdminError("The time zone must be WIB, WITA or WIT.")
    with db.transaction() as session:
        try:
            region = regions.ensure_region(session, region_code)
        except regions.UnknownRegion:
            raise AdminError(
                f"No region has the code {region_code!r}: give a Kemendagri code such as "
                "33.74.01.1001 (village), 33.74.01 (kecamatan), 33.74 or 33."
            ) from None
        library = Library(
            library_id=str(uuid.uuid4()),
            name=name,
            library_type=library_type or _DEFAULT_TYPE[region.level],
            region_code=region.code,
            time_zone=time_zone or time_zone_of(region.code),
            created_at=now(),
        )
        session.add(library)
    return library


def find_library(session: Session, library_id: str) -> Library:
    library = session.get(Library, library_id.strip().lower())
    if library is None:
        raise AdminError(f"No library has the id {library_id!r}.")
    return library


def issue_code(db: Database, library_id: str, valid_days: int = auth.CODE_VALID_DAYS) -> str:
    """A new one-time enrolment code for the library (shown once, stored hashed)."""
    code = auth.new_code()
    with db.transaction() as session:
        library = find_library(session, library_id)
        stamp = now()
        session.add(
            EnrolmentCode(
                library_id=library.library_id,
                code_hash=auth.hash_secret(auth.normalize_code(code)),
                created_at=stamp,
                expires_at=stamp + timedelta(days=valid_days),
            )
        )
    return code


@dataclass(frozen=True)
class DeviceRow:
    library_id: str
    library_name: str
    device_id: str
    name: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


def devices(db: Database, library_id: str | None = None) -> list[DeviceRow]:
    with db.transaction() as session:
        query = (
            select(Device, Library.name)
            .join(Library, Library.library_id == Device.library_id)
            .order_by(Library.name, Device.enrolled_at)
        )
        if library_id:
            query = query.where(Device.library_id == library_id.strip().lower())
        return [
            DeviceRow(
                device.library_id,
                library_name,
                device.device_id,
                device.name,
                device.enrolled_at,
                device.last_seen_at,
                device.revoked_at,
            )
            for device, library_name in session.execute(query)
        ]


def revoke(db: Database, device_id: str) -> int:
    """Revoke a device's token at once; how many devices (of any library) had that id."""
    with db.transaction() as session:
        found = list(session.scalars(select(Device).where(Device.device_id == device_id.lower())))
        if not found:
            raise AdminError(f"No device has the id {device_id!r}.")
        stamp = now()
        for device in found:
            if device.revoked_at is None:
                device.revoked_at = stamp
        return len(found)


def add_admin_token(db: Database, name: str) -> str:
    """A new server admin token (for uploading bundles); shown once, stored hashed."""
    token = auth.new_token()
    with db.transaction() as session:
        session.add(AdminToken(token_hash=auth.hash_secret(token), name=name, created_at=now()))
    return token


def check_public_key(text: str) -> None:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ProblemError("format_invalid", "public_key must be base64 of 32 raw Ed25519 bytes")


def enroll(db: Database, request: EnrollRequest) -> EnrollResponse:
    """Exchange a one-time code for a device token, settling the one library id."""
    check_public_key(request.public_key)
    for text in (request.device_name, request.app_version):
        if "\x00" in text:
            raise ProblemError("format_invalid", "device_name and app_version must be plain text")
        try:
            text.encode()
        except UnicodeEncodeError:
            raise ProblemError(
                "format_invalid", "device_name and app_version must be UTF-8"
            ) from None
    code_hash = auth.hash_secret(auth.normalize_code(request.code))
    token = auth.new_token()
    with db.transaction() as session:
        row = session.scalars(
            select(EnrolmentCode).where(EnrolmentCode.code_hash == code_hash).with_for_update()
        ).first()
        stamp = now()
        if row is None:
            raise ProblemError("code_invalid", "unknown enrolment code")
        if row.used_at is not None:
            again = _same_pc_again(session, row, request, stamp)
            if again is None:
                raise ProblemError("code_used", "this enrolment code was already used")
            # The PC that used the code asks again: its answer was lost on the way (a
            # dropping line). A new token for it; the lost one is never valid.
            again.token_hash = auth.hash_secret(token)
            again.last_seen_at = stamp
            return EnrollResponse(
                device_id=again.device_id, library_id=again.library_id, token=token,
                server_time=stamp,
            )  # fmt: skip
        if row.expires_at <= stamp:
            raise ProblemError("code_expired", "this enrolment code has expired")
        library = session.scalars(
            select(Library).where(Library.library_id == row.library_id).with_for_update()
        ).one()
        row.used_at = stamp
        row.used_by_device_id = device_id = request.device_id.lower()  # before _rekey's flush
        library_id = library.library_id
        wanted = request.library_id.lower()
        if wanted != library_id and _unused(session, library_id):
            if session.get(Library, wanted) is not None:
                raise ProblemError("library_id_conflict", "another library has this id")
            _rekey(session, library, wanted)
            library_id = wanted
        device = session.get(Device, (library_id, device_id))
        if device is not None and device.public_key != request.public_key:
            # Another PC with this one's database (a backup restored on new hardware, a
            # folder copied without the keys the first PC keeps in its keyring): a key of
            # its own, so an id of its own. The PC that holds the id keeps it, and its
            # token; a revoked one stays revoked. (A library re-keyed above has no device.)
            device_id, device = str(uuid.uuid4()), None
            row.used_by_device_id = device_id
        if device is None:
            device = Device(library_id=library_id, device_id=device_id)
            session.add(device)
        device.name = request.device_name
        device.token_hash = auth.hash_secret(token)
        device.public_key = request.public_key
        device.app_version = request.app_version
        device.enrolled_at = stamp
        device.revoked_at = None
        device.last_seen_at = stamp
    return EnrollResponse(
        device_id=device_id, library_id=library_id, token=token, server_time=stamp
    )


# How long after its use a code still answers the PC that used it (its answer lost).
ENROL_RETRY_WINDOW: Final = timedelta(hours=1)


def _same_pc_again(
    session: Session, row: EnrolmentCode, request: EnrollRequest, stamp: datetime
) -> Device | None:
    """The device that used the code, if this request is the same PC asking again within
    the hour (not revoked since): it proves it holds the device's key (the device id may be
    one the server gave it). The public key alone proves nothing: the server shows it."""
    if row.used_at is None or row.used_by_device_id is None or request.proof is None:
        return None
    if row.used_at + ENROL_RETRY_WINDOW < stamp:
        return None
    device = session.get(Device, (row.library_id, row.used_by_device_id))
    if device is None or device.revoked_at is not None:
        return None
    if device.public_key != request.public_key:
        return None
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(device.public_key))
        key.verify(
            base64.b64decode(request.proof, validate=True),
            enrolment_proof(request.code, request.device_id),
        )
    except (InvalidSignature, ValueError):
        return None
    return device


def _unused(session: Session, library_id: str) -> bool:
    """No device enrolled and no record received yet: the library may take the PC's id."""
    has_device = session.scalar(select(exists().where(Device.library_id == library_id)))
    has_record = session.scalar(select(exists().where(Record.library_id == library_id)))
    return not has_device and not has_record


def _rekey(session: Session, library: Library, new_id: str) -> None:
    old_id = library.library_id
    session.flush()
    session.add(
        Library(
            library_id=new_id,
            name=library.name,
            library_type=library.library_type,
            region_code=library.region_code,
            time_zone=library.time_zone,
            created_at=library.created_at,
        )
    )
    session.flush()
    session.execute(
        update(EnrolmentCode).where(EnrolmentCode.library_id == old_id).values(library_id=new_id),
        execution_options={"synchronize_session": False},
    )
    session.expunge_all()
    session.execute(delete(Library).where(Library.library_id == old_id))
