"""The dashboard's pages: login, region overview, library page, exports, bundle upload.

Every page needs a staff session (else a redirect to the login page) and checks
that what it shows lies in the staff member's region (else a 403 page). Every
POST form checks its CSRF token (else a 403 page, nothing changed). Figures come
only from :mod:`sync.server.reports`.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from sync.protocol import MAX_BUNDLE_BYTES
from sync.server import regions, staff
from sync.server.dashboard import charts, tables
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.models import BundleImport, Library, Region

HERE = Path(__file__).parent
STALE_DAYS: Final = 45
FORM_OVERHEAD: Final = 64 * 1024  # multipart boundaries and the other fields
SECURITY_HEADERS: Final = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}
PERIOD_KEYS: Final = ("month", "quarter", "year", "start", "end")
KIND_NAMES: Final = {
    "library": "Profil perpustakaan",
    "partner": "Mitra",
    "member": "Anggota",
    "title": "Judul buku",
    "item": "Eksemplar",
    "visit": "Kunjungan",
    "loan": "Peminjaman",
    "activity": "Kegiatan",
    "partnership": "Kemitraan",
    "story": "Cerita sukses",
}
REJECT_REASONS: Final = {
    "invalid_record": "Data catatan ini tidak lengkap atau salah. Perbaiki di komputer "
    "perpustakaan, lalu sinkronkan lagi.",
    "personal_field": "Catatan ini membawa data pribadi yang tidak boleh diterima server.",
    "forbidden_library": "Catatan ini milik perpustakaan lain.",
    "stale": "Server sudah menyimpan versi yang lebih baru.",
}
BUNDLE_REFUSALS: Final = {
    "bundle_signature": "Tanda tangan bundel tidak cocok: berkas ini telah diubah, atau "
    "ditandatangani oleh komputer lain. Tidak ada data yang disimpan.",
    "token_revoked": "Akses komputer yang membuat bundel ini sudah dicabut. Tidak ada data "
    "yang disimpan.",
    "too_large": f"Berkas terlalu besar: paling besar {MAX_BUNDLE_BYTES // (1024 * 1024)} MB.",
}

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["angka"] = tables.number
templates.filters["tanggal"] = tables.long_date
templates.filters["bulan"] = tables.month_name
templates.globals["level_name"] = tables.LEVEL_NAMES
templates.globals["library_type"] = tables.library_type

router = APIRouter(include_in_schema=False)


class PageError(Exception):
    """Answer with the Indonesian error page: ``status`` and a message."""

    def __init__(self, status: int, message: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class LoginNeeded(Exception):
    """No valid session: to the login page, back here afterwards."""


# --- rendering ------------------------------------------------------------------------


def render(
    request: Request,
    name: str,
    *,
    status: int = 200,
    who: staff.Staff | None = None,
    **context: Any,
) -> HTMLResponse:
    html = templates.get_template(name).render(request_path=request.url.path, staff=who, **context)
    return HTMLResponse(html, status_code=status, headers=dict(SECURITY_HEADERS))


ERROR_TITLES: Final = {
    400: ("Permintaan tidak dapat diproses", "Alamat atau isian halaman ini tidak sesuai."),
    403: ("Akses ditolak", "Anda tidak berhak membuka halaman ini."),
    404: ("Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada atau sudah dipindah."),
    405: ("Cara membuka halaman tidak sesuai", "Halaman ini tidak dapat dibuka dengan cara itu."),
    413: ("Berkas terlalu besar", "Kiriman Anda melebihi batas ukuran server."),
    500: (
        "Terjadi kesalahan di server",
        "Maaf, server tidak dapat menyelesaikan permintaan ini. Coba lagi nanti; jika tetap "
        "gagal, hubungi pengelola server.",
    ),
}


def error_page(request: Request, status: int, message: str = "") -> HTMLResponse:
    """The Indonesian page for an HTTP error (never a traceback)."""
    if status not in ERROR_TITLES:
        status = 400 if status < 500 else 500
    title, default = ERROR_TITLES[status]
    who = None
    try:
        if status != 500:
            who = staff.request_staff(request)
    except Exception:  # the error page itself must not fail
        who = None
    return render(
        request, "error.html", status=status, who=who, title=title, message=message or default,
        code=status,
    )  # fmt: skip


def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _require(request: Request) -> staff.Staff:
    who = staff.request_staff(request)
    if who is None:
        raise LoginNeeded()
    return who


def _secure(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").lower()
    return request.url.scheme == "https" or forwarded == "https"


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def region_url(code: str | None) -> str:
    return f"/wilayah/{code}" if code else "/wilayah"


def library_url(library_id: str) -> str:
    return f"/perpustakaan/{quote(library_id)}"


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})


# --- periods --------------------------------------------------------------------------


def _period(request: Request) -> tuple[Any, dict[str, str]]:
    """The reports' Period of the query string (default: this year) and its parameters."""
    from sync.server import reports

    given = {key: request.query_params[key] for key in PERIOD_KEYS if request.query_params.get(key)}
    try:
        period = reports.Period.parse(  # nothing given: this year
            month=given.get("month"),
            quarter=given.get("quarter"),
            year=given.get("year"),
            start=given.get("start"),
            end=given.get("end"),
        )
    except ProblemError:
        raise PageError(
            400,
            "Periode tidak dikenal. Pilih bulan (mis. 2026-11), kuartal (mis. 2026-Q4) atau "
            "tahun (mis. 2026).",
        ) from None
    return period, given


def _shift(period: str, months: int) -> str:
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _period_choices(period: Any) -> dict[str, Any]:
    """The chooser's options: the last 24 months, 12 quarters and 6 years (newest first)."""
    today = datetime.now(UTC)
    this_month = f"{today.year:04d}-{today.month:02d}"
    months = [_shift(this_month, -back) for back in range(24)]
    quarters = []
    for year in range(today.year, today.year - 3, -1):
        for number in (4, 3, 2, 1):
            first = f"{year:04d}-{3 * number - 2:02d}"
            if first <= this_month:
                label = f"Kuartal {['I', 'II', 'III', 'IV'][number - 1]} {year}"
                quarters.append((f"{year}-Q{number}", label, first, f"{year:04d}-{3 * number:02d}"))
    return {
        "months": [(month, tables.month_name(month)) for month in months],
        "quarters": quarters,
        "years": [str(year) for year in range(today.year, today.year - 6, -1)],
        "current": tables.period_label(period.first, period.last),
        "first": period.first,
        "last": period.last,
    }


def _with_period(url: str | None, given: Mapping[str, str]) -> str | None:
    """A page's link that keeps the chosen period."""
    if url is None or not given:
        return url
    return f"{url}?{urlencode(given)}"


# --- regions --------------------------------------------------------------------------


def _normalize_region(code: str) -> str:
    try:
        return regions.normalize(code)
    except regions.UnknownRegion:
        raise PageError(404, f"Tidak ada wilayah dengan kode {code!r}.") from None


def _check_scope(who: staff.Staff, code: str | None) -> None:
    if not staff.in_scope(who.region, code):
        raise PageError(
            403,
            "Halaman ini di luar wilayah Anda. Akun Anda hanya dapat melihat data "
            f"{_scope_name(who)}.",
        )


def _scope_name(who: staff.Staff) -> str:
    return (
        "seluruh Indonesia" if who.region is None else f"{who.scope_label} dan wilayah di bawahnya"
    )


def _crumbs(
    db: Database, who: staff.Staff, code: str | None, given: Mapping[str, str]
) -> list[tuple[str, str | None]]:
    """(name, link or None) from Indonesia down to the region ``code``."""
    parts = code.split(".") if code else []
    prefixes = [".".join(parts[: depth + 1]) for depth in range(len(parts))]
    with db.transaction() as session:
        names = dict(
            session.execute(select(Region.code, Region.name).where(Region.code.in_(prefixes)))
            .tuples()
            .all()
        )
    crumbs: list[tuple[str, str | None]] = [
        ("Indonesia", _with_period(region_url(None), given) if who.region is None else None)
    ]
    for prefix in prefixes:
        link = region_url(prefix) if staff.in_scope(who.region, prefix) else None
        crumbs.append((names.get(prefix, prefix), _with_period(link, given)))
    return crumbs


def _child_link(child: Mapping[str, Any]) -> str | None:
    if child.get("library_id"):
        return library_url(str(child["library_id"]))
    if child.get("code"):
        return region_url(str(child["code"]))
    return None


def _cards(summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    figures = summary.get("figures") or {}
    libraries = summary.get("libraries") or {}
    level = int((summary.get("region") or {}).get("level", 0) or 0)
    get = tables.get
    cards = [
        {"label": "Perpustakaan terdaftar", "value": libraries.get("registered", 0),
         "note": "di wilayah ini, terdaftar di server"},
        {"label": "Perpustakaan aktif", "value": libraries.get("active", 0),
         "note": "mengirim data pada periode ini"},
    ]  # fmt: skip
    if level == 0:
        cards.append(
            {"label": "Provinsi dengan perpustakaan aktif",
             "value": summary.get("provinces_active", 0), "note": ""}
        )  # fmt: skip
    if level <= 1:
        cards.append(
            {"label": "Kabupaten/kota dengan perpustakaan aktif",
             "value": summary.get("districts_active", 0), "note": ""}
        )  # fmt: skip
    cards += [
        {"label": "Kegiatan", "value": get(figures, "activities.total"), "note": ""},
        {"label": "Orang terlibat dalam kegiatan", "value": get(figures, "people.total"),
         "note": f"{tables.number(get(figures, 'people.male'))} laki-laki, "
                 f"{tables.number(get(figures, 'people.female'))} perempuan"},
        {"label": "Pertemuan pemangku kepentingan", "value": get(figures, "meetings.total"),
         "note": f"{tables.number(get(figures, 'meetings.representatives'))} perwakilan hadir"},
        {"label": "Pelatihan", "value": get(figures, "trainings.total"),
         "note": f"{tables.number(get(figures, 'trainings.trainees'))} peserta dilatih"},
        {"label": "Kunjungan", "value": get(figures, "visits.total"),
         "note": f"{tables.number(get(figures, 'visits.male'))} laki-laki, "
                 f"{tables.number(get(figures, 'visits.female'))} perempuan"},
        {"label": "Peminjaman buku", "value": get(figures, "loans.total"),
         "note": f"{tables.number(get(figures, 'loans.returns'))} pengembalian"},
        {"label": "Anggota", "value": get(figures, "members.total"),
         "note": f"{tables.number(get(figures, 'members.new'))} anggota baru"},
        {"label": "Kemitraan", "value": get(figures, "partnerships.agreements"),
         "note": f"Rp {tables.number(get(figures, 'partnerships.rupiah'))} dukungan"},
        {"label": "Cerita sukses boleh terbit", "value": get(figures, "stories.publishable"),
         "note": ""},
    ]  # fmt: skip
    return cards


def _trend(db: Database, region: str | None, period: Any, summary: Mapping[str, Any]) -> Any:
    """Two bar charts (visits, activities) over the period, at least its last 12 months."""
    from sync.server import reports

    months = list(summary.get("months") or [])
    first = period.first
    if _shift(period.first, 11) > period.last:
        first = _shift(period.last, -11)
        months = list(
            reports.summary(db, region, reports.Period.parse(start=first, end=period.last)).get(
                "months"
            )
            or []
        )
    by_month = {str(entry.get("period")): entry.get("figures") or {} for entry in months}
    span: list[str] = []
    cursor = first
    while cursor <= period.last and len(span) < 120:
        span.append(cursor)
        cursor = _shift(cursor, 1)
    label_of = (
        (lambda p: tables.SHORT_MONTHS[int(p[5:7]) - 1])
        if len(span) <= 12
        else (lambda p: tables.month_name(p, short=True))
    )
    return [
        charts.bar_chart(
            f"{title} per bulan",
            [(label_of(p), tables.get(by_month.get(p, {}), path)) for p in span],
            css_class,
        )
        for title, path, css_class in (
            ("Kunjungan", "visits.total", "series-a"),
            ("Kegiatan", "activities.total", "series-b"),
        )
    ]


def _export_links(name: str, query: dict[str, str]) -> dict[str, str]:
    text = urlencode(query)
    return {fmt: f"/ekspor/{name}.{fmt}" + (f"?{text}" if text else "") for fmt in ("csv", "xlsx")}


# --- the overview and the library page --------------------------------------------------


def _region_tables(
    db: Database, code: str | None, period: Any, given: Mapping[str, str]
) -> tuple[dict[str, Any], tables.Table, tables.Table, tables.Table]:
    from sync.server import reports

    try:
        summary = reports.summary(db, code, period)
        stale = reports.stale_libraries(db, code, days=STALE_DAYS)
    except ProblemError as exc:
        if exc.status == 404:
            raise PageError(404, f"Tidak ada wilayah dengan kode {code!r}.") from None
        raise
    children = tables.children_table(summary, lambda child: _with_period(_child_link(child), given))
    months = tables.months_table(list(summary.get("months") or []))
    stale_rows = tables.stale_table(
        list(stale), STALE_DAYS, lambda library_id: _with_period(library_url(library_id), given)
    )
    return summary, children, months, stale_rows


def overview(request: Request, code: str | None) -> Response:
    who = _require(request)
    if code is not None:
        code = _normalize_region(code)
    _check_scope(who, code)
    period, given = _period(request)
    db = _database(request)
    summary, children, months, stale = _region_tables(db, code, period, given)
    query = {**given, **({"wilayah": code} if code else {})}
    region = summary.get("region") or {}
    return render(
        request,
        "overview.html",
        who=who,
        region=region,
        region_name=region.get("name") or code or "Indonesia",
        level=int(region.get("level", 0) or 0),
        summary=summary,
        crumbs=_crumbs(db, who, code, given),
        cards=_cards(summary),
        charts=_trend(db, code, period, summary),
        children=children,
        months=months,
        stale=stale,
        exports={
            "children": _export_links(children.name, query),
            "months": _export_links(months.name, query),
            "stale": _export_links(stale.name, {"wilayah": code} if code else {}),
        },
        periods=_period_choices(period),
        page_path=request.url.path,
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    who = staff.request_staff(request)
    if who is None:
        return _redirect("/masuk")
    return _redirect(region_url(who.region))


@router.get("/wilayah", response_class=HTMLResponse)
def national(request: Request) -> Response:
    return overview(request, None)


@router.get("/wilayah/{code}", response_class=HTMLResponse)
def region_page(request: Request, code: str) -> Response:
    return overview(request, code)


def _library(db: Database, who: staff.Staff, library_id: str) -> Library:
    with db.transaction() as session:
        library = session.get(Library, library_id.strip().lower()[:36])
    if library is None:
        raise PageError(404, "Perpustakaan ini tidak terdaftar di server.")
    _check_scope(who, library.region_code)
    return library


def _library_data(db: Database, library: Library, period: Any) -> dict[str, Any]:
    from sync.server import reports

    data: dict[str, Any] = reports.library_summary(db, library.library_id, period)
    return data


@router.get("/perpustakaan/{library_id}", response_class=HTMLResponse)
def library_page(request: Request, library_id: str) -> Response:
    who = _require(request)
    db = _database(request)
    library = _library(db, who, library_id)
    period, given = _period(request)
    data = _library_data(db, library, period)
    months = tables.months_table(list(data.get("months") or []), name="perpustakaan-bulanan")
    return render(
        request,
        "library.html",
        who=who,
        library=library,
        data=data,
        region_name=next(
            (r["name"] for r in data.get("regions") or [] if r.get("code") == library.region_code),
            library.region_code,
        ),
        last_sync=data.get("last_sync"),
        days_since=data.get("days_since"),
        active=bool(data.get("active")),
        crumbs=[*_crumbs(db, who, library.region_code, given), (library.name, None)],
        cards=_cards({**data, "region": {"level": 5}})[2:],  # no library counts
        months=months,
        stories=list(data.get("stories") or []),
        exports={
            "months": _export_links(months.name, {**given, "perpustakaan": library.library_id})
        },
        periods=_period_choices(period),
        page_path=request.url.path,
    )


# --- exports --------------------------------------------------------------------------


@router.get("/ekspor/{name}")
def export(request: Request, name: str) -> Response:
    who = _require(request)
    stem, _, fmt = name.rpartition(".")
    if fmt not in {"csv", "xlsx"} or stem not in {
        "wilayah", "bulanan", "tidak-sinkron", "perpustakaan-bulanan"
    }:  # fmt: skip
        raise PageError(404, "Ekspor ini tidak dikenal.")
    db = _database(request)
    subtitle = ""
    if stem == "perpustakaan-bulanan":
        library = _library(db, who, request.query_params.get("perpustakaan", ""))
        period, _given = _period(request)
        data = _library_data(db, library, period)
        table = tables.months_table(list(data.get("months") or []), name=stem)
        label = library.name
        subtitle = tables.period_label(period.first, period.last)
    else:
        raw = request.query_params.get("wilayah") or None
        code = _normalize_region(raw) if raw else None
        _check_scope(who, code)
        if stem == "tidak-sinkron":
            from sync.server import reports

            table = tables.stale_table(
                list(reports.stale_libraries(db, code, days=STALE_DAYS)), STALE_DAYS, library_url
            )
            label = code or "nasional"
        else:
            period, _given = _period(request)
            _summary, children, months, _stale = _region_tables(db, code, period, {})
            table = children if stem == "wilayah" else months
            label = code or "nasional"
            subtitle = tables.period_label(period.first, period.last)
    safe = "".join(ch if ch.isalnum() else "-" for ch in f"{stem}-{label}").strip("-").lower()
    filename = f"{safe[:80]}.{fmt}"
    if fmt == "csv":
        body, media = tables.to_csv(table), "text/csv; charset=utf-8"
    else:
        body = tables.to_xlsx(table, subtitle)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        body,
        media_type=media,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


# --- login and logout -----------------------------------------------------------------


def _login_page(
    request: Request, *, message: str = "", info: str = "", status: int = 200, username: str = ""
) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        status=status,
        csrf_token=token,
        message=message,
        info=info,
        username=username,
        next=_safe_next(request.query_params.get("lanjut")),
    )
    response.set_cookie(
        staff.LOGIN_CSRF_COOKIE, token, max_age=3600, path="/masuk", httponly=True,
        samesite="strict", secure=_secure(request),
    )  # fmt: skip
    return response


@router.get("/masuk", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    if staff.request_staff(request) is not None:
        return _redirect(_safe_next(request.query_params.get("lanjut")))
    info = "Anda sudah keluar." if request.query_params.get("keluar") else ""
    return _login_page(request, info=info)


@router.post("/masuk", response_class=HTMLResponse)
def login_submit(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    csrf_token: str = Form(""),
    lanjut: str = Form("/"),
) -> Response:
    if not staff.csrf_matches(request.cookies.get(staff.LOGIN_CSRF_COOKIE), csrf_token):
        raise PageError(
            403,
            "Formulir masuk sudah kedaluwarsa atau tidak sah. Buka kembali halaman masuk "
            "dan coba lagi.",
        )
    if not username.strip() or not password:
        return _login_page(
            request, message="Isi nama pengguna dan kata sandi.", status=400, username=username
        )
    try:
        token, _who = staff.login(
            _database(request), username, password, staff.client_address(request)
        )
    except staff.LoginRefused as refused:
        return _login_page(
            request,
            message=refused.message,
            status=429 if refused.throttled else 401,
            username=username,
        )
    response = _redirect(_safe_next(lanjut))
    response.set_cookie(
        staff.SESSION_COOKIE, token, max_age=staff.SESSION_HOURS * 3600, path="/",
        httponly=True, samesite="lax", secure=_secure(request),
    )  # fmt: skip
    response.delete_cookie(staff.LOGIN_CSRF_COOKIE, path="/masuk")
    return response


@router.post("/keluar")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    who = _require(request)
    if not staff.csrf_matches(who.csrf_token, csrf_token):
        raise PageError(403, "Formulir sudah kedaluwarsa. Muat ulang halaman dan coba lagi.")
    staff.logout(_database(request), request.cookies.get(staff.SESSION_COOKIE))
    response = _redirect("/masuk?keluar=1")
    response.delete_cookie(staff.SESSION_COOKIE, path="/")
    return response


# --- bundle upload --------------------------------------------------------------------


@router.get("/unggah", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    who = _require(request)
    return render(request, "upload.html", who=who, receipt=None, refusal="")


def _receipt_view(receipt: Any, db: Database) -> dict[str, Any]:
    counts = receipt.counts
    rejected, stale = [], 0
    for batch in receipt.receipts:
        for result in batch.results:
            if result.status == "rejected":
                rejected.append(
                    {
                        "kind": KIND_NAMES.get(result.kind, result.kind),
                        "id": result.id,
                        "reason": REJECT_REASONS.get(result.code, "Server menolak catatan ini."),
                    }
                )
            else:
                stale += 1
    with db.transaction() as session:
        library = session.get(Library, receipt.library_id)
    return {
        "library": library.name if library else receipt.library_id,
        "library_url": library_url(receipt.library_id),
        "new": counts.inserted,
        "updated": counts.updated,
        "present": counts.unchanged + counts.stale,
        "rejected": counts.rejected,
        "rejected_rows": rejected,
        "batches": len(receipt.receipts),
    }


def _import(db: Database, who: staff.Staff, data: bytes) -> dict[str, Any]:
    from sync.server import bundles

    bundle_id, library_id, _device_id = bundles.bundle_head(data)  # unpacked after the check
    with db.transaction() as session:
        library = session.get(Library, library_id)
        earlier = session.get(BundleImport, (library_id, bundle_id))
    if library is not None and not staff.in_scope(who.region, library.region_code):
        raise PageError(
            403,
            f"Bundel ini milik {library.name}, di luar wilayah Anda. Tidak ada data yang disimpan.",
        )
    view = _receipt_view(bundles.import_bundle(db, data), db)
    view["earlier"] = earlier.imported_at if earlier is not None else None
    return view


def _refusal(exc: ProblemError) -> str:
    if exc.code == "bundle_invalid":
        if "not enrolled" in exc.detail:
            return (
                "Komputer yang membuat bundel ini belum terdaftar di server ini. Tidak ada data "
                "yang disimpan."
            )
        return (
            "Berkas ini bukan bundel PerpusDesa yang utuh (mungkin rusak atau terpotong saat "
            "disalin). Tidak ada data yang disimpan."
        )
    return BUNDLE_REFUSALS.get(exc.code, "Bundel ditolak server. Tidak ada data yang disimpan.")


@router.post("/unggah", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    who = await run_in_threadpool(_require, request)
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise PageError(400, "Ukuran kiriman tidak diketahui. Unggah berkas dari formulir ini.")
    if int(length) > MAX_BUNDLE_BYTES + FORM_OVERHEAD:
        return render(
            request, "upload.html", status=413, who=who, receipt=None,
            refusal=BUNDLE_REFUSALS["too_large"],
        )  # fmt: skip
    async with request.form(max_files=1, max_fields=4) as form:
        token = form.get("csrf_token")
        if not staff.csrf_matches(who.csrf_token, token if isinstance(token, str) else None):
            raise PageError(403, "Formulir sudah kedaluwarsa. Muat ulang halaman dan coba lagi.")
        upload_file = form.get("berkas")
        if upload_file is None or isinstance(upload_file, str) or not upload_file.filename:
            return render(
                request, "upload.html", status=400, who=who, receipt=None,
                refusal="Pilih berkas bundel (.pdbundle) dulu.",
            )  # fmt: skip
        data = await upload_file.read(MAX_BUNDLE_BYTES + 1)
        filename = upload_file.filename
    if len(data) > MAX_BUNDLE_BYTES:
        return render(
            request, "upload.html", status=413, who=who, receipt=None,
            refusal=BUNDLE_REFUSALS["too_large"],
        )  # fmt: skip
    try:
        receipt = await run_in_threadpool(_import, _database(request), who, data)
    except ProblemError as exc:
        return render(
            request, "upload.html", status=exc.status if exc.status < 500 else 400, who=who,
            receipt=None, refusal=_refusal(exc), filename=filename,
        )  # fmt: skip
    return render(request, "upload.html", who=who, receipt=receipt, refusal="", filename=filename)
