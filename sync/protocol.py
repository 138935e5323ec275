"""The sync wire, version 1: what the PC and the national server say to each other.

Both ends import this module, so they can never disagree about a field. It is
plain pydantic (no Qt, no database) and is the source of the OpenAPI document
the server serves and the repository commits (``sync/server/openapi.json``).

Privacy is decided here, once. :data:`ALLOWED_FIELDS` lists, per record kind,
the fields that may leave the village: what national statistics need (gender,
age band, purpose, counts, categories, strategy, dates, region, DDC class,
material type, loan dates, partnership values) and never a person's name,
phone number, address, birth date, NIK or member number. Each kind's payload
model forbids any other field, so the server refuses a record that carries
one, and :func:`personal_fields_in` lets a test prove the client never sends
one. The one exception is a success story whose teller agreed to publication
with the name (``publish_with_name``): then its name, title and text travel.

Endpoints (all under ``/api/v1``; the device token in ``Authorization: Bearer``,
never in a URL)::

    GET  /info                      Info            (no auth)
    POST /enroll                    EnrollRequest -> EnrollResponse (no auth: the code is the credential)
    GET  /sync/state                SyncState       (?db_epoch=...)
    PUT  /batches/{batch_id}        Batch (gzip JSON) -> Receipt; a replay returns the stored receipt
    GET  /batches/{batch_id}        Receipt
    GET  /reference                 Reference       (national code lists, the library's profile)
    POST /bundles                   a bundle file (staff auth) -> BundleReceipt

Every error is a :class:`Problem` (``application/problem+json``) with a stable
``code`` from :data:`PROBLEM_CODES`.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
import zlib
from datetime import date, datetime
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION: Final = 1
# The version of the record payloads (ALLOWED_FIELDS and the kind models below).
# Adding an optional field keeps it; removing or changing one bumps it.
SCHEMA_VERSION: Final = 1
ENVELOPE: Final = (
    "perpusdesa-sync"  # every JSON answer of ours carries it: a captive portal's does not
)

MAX_BATCH_RECORDS: Final = 500
MAX_BATCH_BYTES: Final = 256 * 1024  # compressed body
MAX_RECORD_BYTES: Final = 64 * 1024  # one record's JSON, uncompressed
MAX_BUNDLE_BYTES: Final = 64 * 1024 * 1024
CLOCK_SKEW_WARNING_SECONDS: Final = 300
# An outbox sequence number: the server keeps them as 32-bit integers (two billion changes).
MAX_SEQ: Final = 2**31 - 1

BATCH_MEDIA_TYPE: Final = "application/json"  # with Content-Encoding: gzip
PROBLEM_MEDIA_TYPE: Final = "application/problem+json"

# --- shared field types -------------------------------------------------------------

Id = Annotated[str, StringConstraints(min_length=1, max_length=36, pattern=r"^[0-9a-fA-F-]{1,36}$")]
Code = Annotated[
    str, StringConstraints(min_length=1, max_length=40, pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
]
RegionCode = Annotated[
    str, StringConstraints(pattern=r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
]
Gender = Literal["L", "P"]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Rupiah = Annotated[int, Field(ge=0, le=10**13)]
ShortText = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]
# {age band code: people}
AgeCounts = dict[Code, Count]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Answer(BaseModel):
    """What the server answers: a PC ignores a field it does not know, so that a newer
    server may add one without stopping the PCs not yet updated (what the PC sends is
    checked strictly: an unknown field there is refused)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# --- record payloads: the allow-list, one model per kind ------------------------------


class LibraryData(_Strict):
    """The library's public profile (its head's and village head's names stay home)."""

    name: ShortText
    library_type: Code
    region_code: RegionCode
    npp: Annotated[str, StringConstraints(max_length=40)] | None = None
    time_zone: Literal["WIB", "WITA", "WIT"]


class MemberData(_Strict):
    """A member as a statistic: no name, number, birth date, NIK, address or phone."""

    gender: Gender
    age_band: Code | None = None  # from the birth date on the day of registration
    member_type: Code
    occupation: Code | None = None
    education: Code | None = None
    village_code: RegionCode | None = None
    registered_on: date
    expires_on: date | None = None
    active: bool = True
    # When the membership ended (``active`` false): the region's member count at
    # the end of a month is those registered and not yet gone, as the PC counts.
    deactivated_at: datetime | None = None


class VisitData(_Strict):
    """A guestbook line: who came as counts, never as names."""

    kind: Literal["member", "guest", "group"]
    visited_at: datetime
    gender: Gender | None = None
    age_band: Code | None = None
    occupation: Code | None = None
    origin_village_code: RegionCode | None = None
    purposes: list[Code] = Field(default_factory=list, max_length=30)
    count_male: Count = 0
    count_female: Count = 0
    age_counts: AgeCounts = Field(default_factory=dict)


class TitleData(_Strict):
    """Bibliographic data (an author is a public name, not a library user's)."""

    title: Annotated[str, StringConstraints(max_length=2000)]
    authors: Annotated[str, StringConstraints(max_length=2000)] = ""
    publisher: ShortText | None = None
    year: Annotated[int, Field(ge=0, le=3000)] | None = None
    isbn: Annotated[str, StringConstraints(pattern=r"^\d{13}$")] | None = None
    ddc: Annotated[str, StringConstraints(max_length=20)] | None = None
    language: Annotated[str, StringConstraints(max_length=3)] | None = None
    material_type: Code
    audience: Code | None = None


class ItemData(_Strict):
    """A copy on the shelf."""

    title_id: Id
    acquired_on: date | None = None
    source: Code
    condition: Code
    status: Code


class LoanData(_Strict):
    """A loan of a copy: dates only, never who borrowed it."""

    item_id: Id
    loaned_at: datetime
    due_on: date
    returned_at: datetime | None = None
    renewals: Count = 0


class ActivityData(_Strict):
    """An activity, meeting or training: counts, categories and strategy."""

    kind: Code  # kegiatan, pertemuan, pelatihan
    title: ShortText
    category_code: Code
    strategy: Code
    starts_at: datetime
    ends_at: datetime | None = None
    status: Code
    target_group: Code | None = None
    participants: dict[Gender, AgeCounts] = Field(default_factory=dict)
    participants_male: Count = 0
    participants_female: Count = 0
    representatives: dict[Code, Count] = Field(default_factory=dict)
    trainee_libraries: Count = 0
    partner_ids: list[Id] = Field(default_factory=list, max_length=100)


class PartnerData(_Strict):
    """A partner organisation (its contact person, phone and address stay home)."""

    name: ShortText
    partner_type: Code


class PartnershipData(_Strict):
    """An agreement, support received or a village regulation."""

    partner_id: Id | None = None
    kind: Code
    title: ShortText
    number: Annotated[str, StringConstraints(max_length=100)] | None = None
    start_on: date
    end_on: date | None = None
    support_type: Code | None = None
    value_rupiah: Rupiah | None = None
    quantity: Count | None = None


class StoryData(_Strict):
    """A success story; the name, title and text only with consent to publish them."""

    category: Code
    gender: Gender
    age_band: Code
    occupation: Annotated[str, StringConstraints(max_length=40)] | None = None  # typed freely
    activity_id: Id | None = None
    figure_label: ShortText | None = None
    value_before: int | None = None
    value_after: int | None = None
    consent_at: datetime
    publish_with_name: bool = False
    person_name: ShortText | None = None
    title: ShortText | None = None
    text: LongText | None = None


DATA_MODELS: Final[dict[str, type[_Strict]]] = {
    "library": LibraryData,
    "partner": PartnerData,
    "member": MemberData,
    "title": TitleData,
    "item": ItemData,
    "visit": VisitData,
    "loan": LoanData,
    "activity": ActivityData,
    "partnership": PartnershipData,
    "story": StoryData,
}
RECORD_KINDS: Final = tuple(DATA_MODELS)  # the kinds, parents before children
RecordKind = Literal[
    "library",
    "partner",
    "member",
    "title",
    "item",
    "visit",
    "loan",
    "activity",
    "partnership",
    "story",
]

# What may leave the PC, per kind (the fields of the models above).
ALLOWED_FIELDS: Final[dict[str, frozenset[str]]] = {
    kind: frozenset(model.model_fields) for kind, model in DATA_MODELS.items()
}
# Fields made on the PC from a personal field that itself stays home.
DERIVED_FIELDS: Final[dict[str, frozenset[str]]] = {"member": frozenset({"age_band"})}
# Story fields that travel only when ``publish_with_name`` is true.
PUBLISH_ONLY_FIELDS: Final = frozenset({"person_name", "title", "text"})

# Personal fields of the PC's tables: never in any request body.
PERSONAL_FIELDS: Final = frozenset(
    {
        "name",  # a member's (a library's and a partner's name are allowed: not people)
        "member_no",
        "birth_date",
        "nik",
        "address",
        "rt",
        "rw",
        "phone",
        "email",
        "guest_name",
        "group_name",
        "group_leader",
        "group_phone",
        "origin_other",
        "head_name",
        "village_head_name",
        "contact_person",
        "guardian_name",
        "guardian_consent_at",
        "consent_by",
        "consent_witness",
        "facilitator",
        "notes",
        "photo_path",
        "member_id",
        "fine",
        "barcode",
        "marc_raw",
        "description",
        "outcomes",
        "commitments",
        "place",
        "logo_path",
    }
)
_NAME_ALLOWED_KINDS = frozenset({"library", "partner"})


def personal_fields_in(kind: str, data: dict[str, Any]) -> list[str]:
    """The personal fields a record's payload carries (a test's and the server's check)."""
    found = [
        key
        for key in data
        if key in PERSONAL_FIELDS and not (key == "name" and kind in _NAME_ALLOWED_KINDS)
    ]
    if kind == "story" and not data.get("publish_with_name"):
        found += [key for key in PUBLISH_ONLY_FIELDS if data.get(key) is not None]
    return found


# --- records and batches ----------------------------------------------------------------


class Record(_Strict):
    """One record at one version, as the PC holds it."""

    kind: RecordKind
    id: Id
    version: Annotated[int, Field(ge=1)]
    created_at: datetime
    updated_at: datetime  # the device's clock: kept, never used as a cursor
    deleted_at: datetime | None = None
    # The payload is checked against the kind's model on the server, record by
    # record, so that one bad record is rejected alone instead of the batch.
    data: dict[str, Any]


class Batch(_Strict):
    """What ``PUT /batches/{batch_id}`` carries (gzip JSON)."""

    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    protocol_version: int = PROTOCOL_VERSION
    schema_version: int = SCHEMA_VERSION
    batch_id: Id
    device_id: Id
    library_id: Id
    db_epoch: Id
    # The outbox sequence numbers this batch covers (inclusive). After this batch
    # the server's high-water mark for (device, epoch) is seq_to, provided every
    # earlier sequence number has arrived.
    seq_from: Annotated[int, Field(ge=1, le=MAX_SEQ)]
    seq_to: Annotated[int, Field(ge=1, le=MAX_SEQ)]
    sent_at: datetime  # the device's clock
    records: list[Record] = Field(max_length=MAX_BATCH_RECORDS)


RecordStatus = Literal["inserted", "updated", "unchanged", "stale", "rejected"]


class Counts(_Answer):
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    rejected: int = 0


class RecordResult(_Answer):
    """A record that was not simply applied (stale or rejected), with why; or one the
    server holds at the same version with other content (``unchanged``, code
    ``differs``: a PC restored from a backup, or two PCs, made that version twice).

    For ``stale`` and ``differs``, the version the server holds and the device's time
    of its last change: where the PC changed the record after that, its change is the
    newer one, and it sends it again above the server's version."""

    kind: str
    id: str
    status: RecordStatus
    code: str  # stale, differs, forbidden_library, invalid_record, personal_field
    message: str  # English, for logs; the PC shows its own Indonesian text per code
    server_version: int | None = None
    server_updated_at: datetime | None = None  # the device's clock of that version


class Receipt(_Answer):
    """The server's answer to a batch, stored so that a replay gets it again."""

    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    batch_id: Id
    device_id: Id
    db_epoch: Id
    seq_from: int
    seq_to: int
    received_at: datetime  # the server's clock
    counts: Counts
    results: list[RecordResult] = Field(default_factory=list)
    high_water: int  # the server's mark for (device, epoch) after this batch


# --- the other endpoints ------------------------------------------------------------------


class Info(_Answer):
    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    server: str  # "PerpusDesa Nasional"
    protocol_versions: list[int]
    schema_versions: list[int]
    server_time: datetime
    max_batch_records: int
    max_batch_bytes: int
    max_bundle_bytes: int


class EnrollRequest(_Strict):
    """The PC exchanges a one-time code for a device token."""

    code: Annotated[str, StringConstraints(min_length=4, max_length=64)]
    device_id: Id
    device_name: ShortText  # the PC's host name, for the devices list
    library_id: Id  # the PC's own library id (see EnrollResponse.library_id)
    public_key: Annotated[str, StringConstraints(max_length=100)]  # Ed25519, base64: signs bundles
    app_version: Annotated[str, StringConstraints(max_length=40)]
    # The key's signature (base64) of :func:`enrolment_proof` of this request: it lets the
    # PC whose answer was lost ask again with the same code (within the hour).
    proof: Annotated[str, StringConstraints(max_length=100)] | None = None


def enrolment_proof(code: str, device_id: str) -> bytes:
    """What the PC's key signs in an enrolment request (``EnrollRequest.proof``)."""
    return f"perpusdesa-enrol\n{code}\n{device_id}".encode()


class EnrollResponse(_Answer):
    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    # The PC's own device id, unless the library has a device of that id with another
    # key (another PC with a copy of this database): then a new one, for this PC.
    device_id: Id
    # The one id of the library from now on. The server takes the PC's id when its
    # registration has no records yet; otherwise the PC adopts the server's (a
    # second PC, or one reinstalled without a backup) and re-sends under it.
    library_id: Id
    token: str  # shown once; the server keeps only its hash
    server_time: datetime


class SyncState(_Answer):
    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    device_id: Id
    library_id: Id
    db_epoch: Id
    # The highest outbox sequence number up to which every record of this device and
    # epoch has arrived (0: none, or an epoch the server has never seen).
    high_water: int
    server_time: datetime
    # Every range of outbox numbers that has arrived ([[from, to], ...], merged, sorted):
    # rows the PC holds as sent past a gap and outside these, the server lost (it was
    # restored from a backup). None from an older server.
    received: list[list[int]] | None = None


class CodeEntry(_Answer):
    code: Code
    label: str


class Reference(_Answer):
    """National code lists and the library's profile, as the server holds them."""

    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    version: int  # bumps when any list changes
    activity_categories: list[CodeEntry]
    strategies: list[CodeEntry]
    purposes: list[CodeEntry]
    age_bands: list[CodeEntry]
    library: LibraryData | None = None


class BundleReceipt(_Answer):
    """What importing a bundle did, one receipt per batch in it."""

    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    bundle_id: Id
    device_id: Id
    library_id: Id
    receipts: list[Receipt]
    counts: Counts  # the sum over the receipts


class Problem(BaseModel):
    """RFC 9457 problem details, with our stable ``code``."""

    model_config = ConfigDict(extra="allow")

    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail: str = ""


PROBLEM_CODES: Final[dict[str, int]] = {
    "auth_required": 401,  # no or malformed Authorization header
    "token_invalid": 401,  # unknown token
    "token_revoked": 401,
    "code_invalid": 403,  # enrolment code unknown
    "code_expired": 403,
    "code_used": 403,
    "forbidden_library": 403,  # a batch or read for another library than the token's
    "device_mismatch": 403,  # the batch's device is not the token's
    "not_found": 404,
    "batch_conflict": 409,  # the batch id was used for different content
    "library_id_conflict": 409,  # enrolment: the PC's library id is taken by another library
    "too_large": 413,
    "too_many_records": 413,
    "unsupported_media_type": 415,
    "gzip_invalid": 400,
    "format_invalid": 422,  # not our JSON, or a field of the envelope wrong
    "unknown_kind": 422,
    "protocol_version": 422,
    "schema_version": 422,
    "bundle_invalid": 422,
    "bundle_signature": 422,  # tampered or signed by another key
    "rate_limited": 429,
    # Reports (GET /reports/...): a period or region the server cannot answer for.
    "invalid_period": 422,  # not a month, quarter, year or range it understands
    "unknown_region": 404,  # no region has this Kemendagri code
    "forbidden_region": 403,  # the region is outside the caller's own
    # Added by the server: answers no client sends for (the server's own 400/404/405/500).
    "bad_request": 400,
    "method_not_allowed": 405,
    "server_error": 500,
}


# --- wire helpers (both ends) ------------------------------------------------------------


def encode_batch(batch: Batch) -> bytes:
    """The gzip body of ``PUT /batches/{id}``: compact JSON, compressed."""
    raw = batch.model_dump_json(exclude_defaults=False).encode()
    return gzip.compress(raw, compresslevel=9, mtime=0)


def decode_batch(body: bytes, max_uncompressed: int = 32 * MAX_BATCH_BYTES) -> Batch:
    """The batch in a gzip body; raises ValueError (gzip) or pydantic.ValidationError."""
    raw = _gunzip(body, max_uncompressed)
    return Batch.model_validate_json(raw)


def _gunzip(body: bytes, limit: int) -> bytes:
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        raw = decompressor.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"not gzip: {exc}") from exc
    if len(raw) > limit or decompressor.unconsumed_tail:
        raise ValueError("gzip body too large when decompressed")
    if not decompressor.eof:
        raise ValueError("truncated gzip body")
    return raw


# --- USB bundles ---------------------------------------------------------------------------
#
# A bundle file is: the line ``PERPUSDESA-BUNDLE 1``, a line with the base64 Ed25519
# signature (by the device's key, registered at enrolment) of everything after the
# second newline, then the gzip of a Bundle's JSON, which starts with the bundle's
# ids (the fields in their order below). The server reads the device's ids from the
# first kilobyte (:func:`bundle_head`), checks the signature against that device's
# public key, and only then unpacks and reads the rest.

BUNDLE_MAGIC: Final = b"PERPUSDESA-BUNDLE 1\n"


class Bundle(_Strict):
    envelope: Literal["perpusdesa-sync"] = ENVELOPE
    bundle_id: Id
    device_id: Id
    library_id: Id
    created_at: datetime
    batches: list[Batch]


def pack_bundle(bundle: Bundle, sign: Any) -> bytes:
    """The bundle file's bytes; ``sign(payload) -> signature bytes`` (the device key)."""
    payload = gzip.compress(bundle.model_dump_json().encode(), compresslevel=9, mtime=0)
    signature = base64.b64encode(sign(payload))
    return BUNDLE_MAGIC + signature + b"\n" + payload


def split_bundle(data: bytes) -> tuple[bytes, bytes]:
    """(signature, signed payload) of a bundle file; ValueError if it is not one."""
    if not data.startswith(BUNDLE_MAGIC):
        raise ValueError("not a PerpusDesa bundle")
    rest = data[len(BUNDLE_MAGIC) :]
    line, sep, payload = rest.partition(b"\n")
    if not sep or not payload:
        raise ValueError("truncated bundle")
    try:
        signature = base64.b64decode(line, validate=True)
    except ValueError as exc:
        raise ValueError("bundle signature line is not base64") from exc
    return signature, payload


_HEAD: Final = re.compile(
    r'^\{"envelope":"perpusdesa-sync","bundle_id":"([0-9a-fA-F-]{1,36})",'
    r'"device_id":"([0-9a-fA-F-]{1,36})","library_id":"([0-9a-fA-F-]{1,36})"'
)


def bundle_head(payload: bytes) -> tuple[str, str, str]:
    """(bundle id, library id, device id) at the start of a bundle's payload, unpacking no
    more than its first kilobyte: whose key to check the signature with; ValueError if not
    there."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        head = decompressor.decompress(payload, 1024)
    except zlib.error as exc:
        raise ValueError(f"not gzip: {exc}") from exc
    found = _HEAD.match(head.decode("ascii", "replace"))
    if found is None:
        raise ValueError("not a PerpusDesa bundle (its ids do not come first)")
    bundle_id, device_id, library_id = found.groups()
    return bundle_id, library_id.lower(), device_id.lower()


def read_bundle_payload(payload: bytes) -> Bundle:
    """The Bundle in a (verified) payload; ValueError or pydantic.ValidationError."""
    return Bundle.model_validate_json(_gunzip(payload, 32 * MAX_BUNDLE_BYTES))


def problem(code: str, detail: str = "", **extra: Any) -> Problem:
    """A problem with its status and a title from the code."""
    return Problem(
        title=code.replace("_", " "), status=PROBLEM_CODES[code], code=code, detail=detail, **extra
    )


def plain_json_size(records: list[Record]) -> int:
    """Bytes of the records sent one plain JSON object per request (a benchmark baseline)."""
    return sum(len(json.dumps(r.model_dump(mode="json")).encode()) for r in records)
