"""The national server's HTTP API (FastAPI): the endpoints of ``sync.protocol``.

Every error answers ``application/problem+json`` with a stable code, FastAPI's
own 404s and validation errors included. A batch's body is refused with 413
before it is read when ``Content-Length`` is too big, and counted while it
streams when there is none; gzip is decompressed with a size limit. Database
work runs in the thread pool, one transaction per request.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Final

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from pydantic.json_schema import models_json_schema
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from sync.protocol import (
    ENVELOPE,
    MAX_BATCH_BYTES,
    MAX_BATCH_RECORDS,
    MAX_BUNDLE_BYTES,
    PROBLEM_MEDIA_TYPE,
    PROTOCOL_VERSION,
    RECORD_KINDS,
    SCHEMA_VERSION,
    Batch,
    BundleReceipt,
    CodeEntry,
    EnrollRequest,
    EnrollResponse,
    Info,
    LibraryData,
    Problem,
    Receipt,
    Reference,
    SyncState,
    _gunzip,
    problem,
)
from sync.server import admin, auth, ingest, reports, rollup
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.models import AdminToken, Device, Library

log = logging.getLogger("perpusdesa.server")

SERVER_NAME: Final = "PerpusDesa Nasional"
API: Final = "/api/v1"
REFERENCE_VERSION: Final = 1  # bump when a national code list changes
MAX_UNCOMPRESSED: Final = 32 * MAX_BATCH_BYTES
LAST_SEEN_EVERY: Final = timedelta(minutes=1)
ID_PATTERN: Final = r"^[0-9a-fA-F-]{1,36}$"

_bearer = HTTPBearer(auto_error=False, description="A device token (or an admin token)")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
BatchId = Annotated[str, Path(min_length=1, max_length=36, pattern=ID_PATTERN)]
_STATUS_CODES: Final = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


def problem_response(code: str, detail: str = "", **extra: Any) -> JSONResponse:
    body = problem(code, detail, **extra)
    return JSONResponse(
        body.model_dump(mode="json"), status_code=body.status, media_type=PROBLEM_MEDIA_TYPE
    )


def create_app(database_url: str | None = None, *, db: Database | None = None) -> FastAPI:
    """The API over the database at ``database_url`` (migrated first)."""
    database = db or Database(database_url)
    app = FastAPI(
        title="PerpusDesa sync",
        version=str(PROTOCOL_VERSION),
        description="The national server of PerpusDesa: see sync/protocol.py.",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.db = database
    _install_handlers(app)

    @app.get(f"{API}/info", response_model=Info, tags=["sync"])
    def info() -> Info:
        return Info(
            server=SERVER_NAME,
            protocol_versions=[PROTOCOL_VERSION],
            schema_versions=[SCHEMA_VERSION],
            server_time=datetime.now(UTC),
            max_batch_records=MAX_BATCH_RECORDS,
            max_batch_bytes=MAX_BATCH_BYTES,
            max_bundle_bytes=MAX_BUNDLE_BYTES,
        )

    @app.post(f"{API}/enroll", response_model=EnrollResponse, tags=["sync"])
    def enroll(request: EnrollRequest) -> EnrollResponse:
        return admin.enroll(database, request)

    @app.get(f"{API}/sync/state", response_model=SyncState, tags=["sync"])
    def sync_state(
        credentials: Credentials,
        db_epoch: Annotated[str, Query(min_length=1, max_length=36, pattern=ID_PATTERN)],
    ) -> SyncState:
        with database.transaction() as session:
            device = _device(session, credentials)
            mark, received = ingest.sync_mark(
                session, device.library_id, device.device_id, db_epoch
            )
        return SyncState(
            device_id=device.device_id,
            library_id=device.library_id,
            db_epoch=db_epoch,
            high_water=mark,
            server_time=datetime.now(UTC),
            received=received,
        )

    @app.put(
        f"{API}/batches/{{batch_id}}",
        response_model=Receipt,
        # A result's server_version and server_updated_at only where they say something.
        response_model_exclude_none=True,
        tags=["sync"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "A Batch as JSON, normally with Content-Encoding: gzip.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Batch"}}},
            }
        },
    )
    async def put_batch(batch_id: BatchId, request: Request, credentials: Credentials) -> Receipt:
        device = await run_in_threadpool(_authenticate, database, credentials)
        _check_length(request, MAX_BATCH_BYTES)
        _check_json_content(request)
        body = await _read_body(request, MAX_BATCH_BYTES)
        batch = decode_batch_body(body, request.headers.get("content-encoding"))
        if batch.batch_id != batch_id:
            raise ProblemError("format_invalid", "the batch id differs from the one in the URL")
        return await run_in_threadpool(_apply, database, device, batch)

    @app.get(
        f"{API}/batches/{{batch_id}}",
        response_model=Receipt,
        response_model_exclude_none=True,
        tags=["sync"],
    )
    def get_batch(batch_id: BatchId, credentials: Credentials) -> Receipt:
        with database.transaction() as session:
            device = _device(session, credentials)
            return ingest.stored_receipt(session, device.library_id, device.device_id, batch_id)

    @app.get(f"{API}/reference", response_model=Reference, tags=["sync"])
    def reference(credentials: Credentials) -> Reference:
        with database.transaction() as session:
            device = _device(session, credentials)
            library = session.get(Library, device.library_id)
            assert library is not None
            profile = LibraryData(
                name=library.name,
                library_type=library.library_type,
                region_code=library.region_code,
                time_zone=library.time_zone,  # type: ignore[arg-type]
            )
        return national_reference(profile)

    @app.post(
        f"{API}/bundles",
        response_model=BundleReceipt,
        response_model_exclude_none=True,
        tags=["sync"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "A bundle file as written by `perpusdesa bundle export`.",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def post_bundle(request: Request, credentials: Credentials) -> BundleReceipt:
        from sync.server import bundles

        await run_in_threadpool(_admin, database, credentials)
        _check_length(request, MAX_BUNDLE_BYTES)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/octet-stream":
            raise ProblemError(
                "unsupported_media_type", "send the bundle as application/octet-stream"
            )
        data = await _read_body(request, MAX_BUNDLE_BYTES)
        return await run_in_threadpool(bundles.import_bundle, database, data)

    @app.get(f"{API}/reports/summary", response_model=reports.Summary, tags=["reports"])
    def report_summary(
        scope: ReportScope,
        region: Annotated[
            str | None, Query(max_length=40, description="Kemendagri code; none: national")
        ] = None,
        month: Annotated[str | None, Query(max_length=40, description="YYYY-MM")] = None,
        quarter: Annotated[str | None, Query(max_length=40, description="YYYY-Qn")] = None,
        year: Annotated[str | None, Query(max_length=40, description="YYYY")] = None,
        start: Annotated[str | None, Query(max_length=40, description="YYYY-MM")] = None,
        end: Annotated[str | None, Query(max_length=40, description="YYYY-MM")] = None,
    ) -> dict[str, Any]:
        """The programme's figures for a region (default: the caller's) and period."""
        period = reports.Period.parse(month, quarter, year, start, end)
        code = reports.region_code(region if region else scope)
        if not reports.in_scope(code, scope):
            raise reports.ReportError("forbidden_region", f"you may see region {scope} only")
        return reports.summary(database, code, period)

    from sync.server import dashboard

    dashboard.install(app)  # the staff pages, /aset, Indonesian error pages off the API
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The roll-ups are refreshed in the background while the server runs (rollup.py)."""
    refresher = rollup.Refresher(app.state.db)
    refresher.start()
    try:
        yield
    finally:
        refresher.stop()


def national_reference(profile: LibraryData | None) -> Reference:
    """The national code lists (English labels; the PC shows its own translations)."""
    from app.core import codes
    from app.core.activities import STRATEGIES

    def entries(items: Any) -> list[CodeEntry]:
        return [CodeEntry(code=item.code, label=item.label) for item in items]

    return Reference(
        version=REFERENCE_VERSION,
        activity_categories=entries(codes.DEFAULT_ACTIVITY_CATEGORIES),
        strategies=entries(STRATEGIES),
        purposes=entries(codes.DEFAULT_PURPOSES),
        age_bands=entries(codes.DEFAULT_AGE_BANDS),
        library=profile,
    )


# --- authentication ---------------------------------------------------------------------


def _device(session: Any, credentials: HTTPAuthorizationCredentials | None) -> Device:
    """The device of the bearer token (last seen now), or a 401 problem."""
    token = credentials.credentials if credentials else None
    if not token or len(token) > 200:
        raise ProblemError("auth_required", "send Authorization: Bearer <device token>")
    device = session.scalars(
        select(Device).where(Device.token_hash == auth.hash_secret(token))
    ).first()
    if device is None:
        raise ProblemError("token_invalid", "unknown device token")
    if device.revoked_at is not None:
        raise ProblemError("token_revoked", "this device's token was revoked")
    stamp = datetime.now(UTC)
    if device.last_seen_at is None or stamp - device.last_seen_at > LAST_SEEN_EVERY:
        device.last_seen_at = stamp
    return device


def _authenticate(database: Database, credentials: HTTPAuthorizationCredentials | None) -> Device:
    with database.transaction() as session:
        return _device(session, credentials)


def _admin(database: Database, credentials: HTTPAuthorizationCredentials | None) -> None:
    token = credentials.credentials if credentials else None
    if not token or len(token) > 200:
        raise ProblemError("auth_required", "send Authorization: Bearer <admin token>")
    with database.transaction() as session:
        row = session.get(AdminToken, auth.hash_secret(token))
        if row is None:
            raise ProblemError("token_invalid", "unknown admin token")
        if row.revoked_at is not None:
            raise ProblemError("token_revoked", "this admin token was revoked")


def report_scope(request: Request, credentials: Credentials) -> str | None:
    """The region a caller of the reports may see (None: the nation), or a 401 problem.

    An admin token sees the nation. (A dashboard staff session, checked first,
    sees its own region: ``sync.server.staff``.)
    """
    from sync.server import staff

    if credentials is None and request.cookies.get(staff.SESSION_COOKIE):
        return staff.report_scope(request)
    _admin(request.app.state.db, credentials)
    return None


ReportScope = Annotated[str | None, Depends(report_scope)]


# --- the batch body ---------------------------------------------------------------------


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is not None:
        try:
            size = int(length)
        except ValueError:
            raise ProblemError("bad_request", "Content-Length is not a number") from None
        if size > limit:
            raise ProblemError("too_large", f"the body may be at most {limit} bytes", limit=limit)


def _check_json_content(request: Request) -> None:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise ProblemError("unsupported_media_type", "send the batch as application/json")
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in {"gzip", "identity", ""}:
        raise ProblemError("unsupported_media_type", "the batch may only be gzip-encoded")


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ProblemError(
                    "too_large", f"the body may be at most {limit} bytes", limit=limit
                )
            chunks.append(chunk)
    except ClientDisconnect:
        # A dropped mobile connection, an everyday event: one line, no traceback.
        log.info("the connection ended during the body of %s %s", request.method, request.url.path)
        raise ProblemError("bad_request", "the connection ended before the body did") from None
    return b"".join(chunks)


def decode_batch_body(body: bytes, encoding: str | None) -> Batch:
    """The Batch in a request body, or the problem that refuses the whole batch."""
    if (encoding or "").strip().lower() == "gzip":
        try:
            raw = _gunzip(body, MAX_UNCOMPRESSED)
        except ValueError as exc:
            if "too large" in str(exc):
                raise ProblemError(
                    "too_large", "the batch is too large when decompressed"
                ) from None
            raise ProblemError("gzip_invalid", str(exc)) from None
    else:
        raw = body
    try:
        return Batch.model_validate_json(raw)  # its versions are checked as it is applied
    except ValidationError as exc:
        raise _batch_problem(raw, exc) from None


def _batch_problem(raw: bytes, exc: ValidationError) -> ProblemError:
    """Why a body is not a Batch, as precisely as the protocol's codes tell it."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, or nested too deep for a batch
        return ProblemError("format_invalid", "the body is not JSON")
    if not isinstance(data, dict) or data.get("envelope") != ENVELOPE:
        return ProblemError("format_invalid", "the body is not a PerpusDesa batch")
    if data.get("protocol_version", PROTOCOL_VERSION) != PROTOCOL_VERSION:
        return ProblemError("protocol_version", f"this server speaks protocol {PROTOCOL_VERSION}")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        return ProblemError("schema_version", f"this server takes schema {SCHEMA_VERSION}")
    records = data.get("records")
    if isinstance(records, list):
        if len(records) > MAX_BATCH_RECORDS:
            return ProblemError(
                "too_many_records", f"at most {MAX_BATCH_RECORDS} records in a batch"
            )
        for record in records:
            if isinstance(record, dict) and record.get("kind") not in RECORD_KINDS:
                return ProblemError("unknown_kind", f"unknown record kind {record.get('kind')!r}")
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return ProblemError("format_invalid", f"{where}: {first['msg']}"[:300])


def _apply(database: Database, device: Device, batch: Batch) -> Receipt:
    """Apply in one transaction; once more if a concurrent request won a race on a key."""
    for attempt in range(3):
        try:
            with database.transaction() as session:
                library = session.get(Library, device.library_id)
                assert library is not None
                return ingest.apply_batch(
                    session, library, device.device_id, batch, datetime.now(UTC)
                )
        except (IntegrityError, OperationalError):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# --- problems for every error ------------------------------------------------------------


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def on_problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.code, exc.detail, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        detail = "invalid request"
        if errors:
            first = errors[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            detail = f"{where}: {first.get('msg', '')}"[:300]
        return problem_response("format_invalid", detail)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code)
        if code is None:
            body = Problem(title=str(exc.detail), status=exc.status_code, code="http_error")
            return JSONResponse(
                body.model_dump(mode="json"),
                status_code=exc.status_code,
                media_type=PROBLEM_MEDIA_TYPE,
            )
        return problem_response(code, str(exc.detail))

    @app.exception_handler(Exception)
    async def on_crash(_request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error", exc_info=exc)
        return problem_response("server_error", "internal error: see the server's log")


# --- the OpenAPI document ----------------------------------------------------------------


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with our problems instead of its validation-error schemas."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    _, extra = models_json_schema(
        [(Batch, "validation"), (Problem, "serialization")],
        ref_template="#/components/schemas/{model}",
    )
    for name, schema in extra.get("$defs", {}).items():
        schemas.setdefault(name, schema)
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    problem_answer = {
        "description": "A problem (RFC 9457) with a stable code from sync.protocol.PROBLEM_CODES",
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    for operations in document["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            responses.pop("422", None)
            responses["4XX"] = problem_answer
    app.openapi_schema = document
    return document


def openapi_document() -> dict[str, Any]:
    """The served document, made without a database (for ``perpusdesa-server openapi``)."""

    class _NoDatabase:
        pass

    app = create_app(db=_NoDatabase())  # type: ignore[arg-type]
    return app.openapi()


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory`` (several workers): the database from DATABASE_URL."""
    return create_app()
