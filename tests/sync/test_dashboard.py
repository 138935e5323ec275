"""The staff dashboard over HTTP: logins, sessions, CSRF, throttling, scope, exports, upload.

Against a real server process (SQLite; the throttle also on PostgreSQL) with
libraries in two provinces that synced real batches (tests/browser/data.py).
"""

from __future__ import annotations

import csv
import http.client
import io
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from sync.protocol import MAX_BUNDLE_BYTES, Bundle, pack_bundle
from sync.server import reports, staff
from sync.server.models import LoginAttempt, StaffSession
from tests.browser.data import PASSWORD, Site, activity, month_visits, open_site
from tests.sync.conftest import Enrolled, SyncServer, stored_records, visit

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from open_site(tmp_path_factory.mktemp("dashboard"))


def _login_form(client: requests.Session, url: str) -> str:
    page = client.get(f"{url}/masuk", timeout=30)
    assert page.status_code == 200
    found = CSRF.search(page.text)
    assert found
    return found.group(1)


def _post_login(
    client: requests.Session, url: str, username: str, password: str = PASSWORD
) -> requests.Response:
    token = _login_form(client, url)
    return client.post(
        f"{url}/masuk",
        data={"username": username, "password": password, "csrf_token": token, "lanjut": "/"},
        allow_redirects=False,
        timeout=30,
    )


def login(url: str, username: str) -> requests.Session:
    client = requests.Session()
    answer = _post_login(client, url, username)
    assert answer.status_code == 303, answer.text
    return client


def _csrf_of(client: requests.Session, url: str, path: str = "/unggah") -> str:
    found = CSRF.search(client.get(f"{url}{path}", timeout=30).text)
    assert found
    return found.group(1)


def _sessions(server: SyncServer, username: str) -> int:
    return staff.count_sessions(server.database(), username)


# --- logging in ------------------------------------------------------------------------


def test_a_wrong_password_is_refused_and_a_login_sets_a_safe_cookie(site: Site) -> None:
    client = requests.Session()
    refused = _post_login(client, site.url, "jateng", "salah-sekali")
    assert refused.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in refused.text
    assert "salah-sekali" not in refused.text
    assert staff.SESSION_COOKIE not in client.cookies
    unknown = _post_login(client, site.url, "tidak-ada", PASSWORD)
    assert unknown.status_code == 401 and "kata sandi salah" in unknown.text

    answer = _post_login(client, site.url, "jateng")
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = next(
        header
        for header in answer.raw.headers.getlist("set-cookie")
        if header.startswith(staff.SESSION_COOKIE + "=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "samesite=lax", "path=/"} <= flags
    assert "secure" not in flags  # plain http here
    # The cookie's token is stored only hashed.
    token = client.cookies[staff.SESSION_COOKIE]
    with site.server.database().transaction() as session:
        hashes = set(session.scalars(select(StaffSession.token_hash)))
    assert token not in hashes and len(hashes) >= 1
    # Home goes to the staff member's own region.
    home = client.get(f"{site.url}/", allow_redirects=False, timeout=30)
    assert home.status_code == 303 and home.headers["location"] == "/wilayah/33"

    # Behind an https proxy the cookie is Secure as well.
    secure = requests.Session()
    token = _login_form(secure, site.url)
    behind = secure.post(
        f"{site.url}/masuk",
        data={"username": "jateng", "password": PASSWORD, "csrf_token": token},
        headers={"X-Forwarded-Proto": "https"},
        allow_redirects=False,
        timeout=30,
    )
    assert behind.status_code == 303
    assert "secure" in behind.headers["set-cookie"].lower()


def test_a_page_without_a_session_leads_to_the_login_and_back(site: Site) -> None:
    client = requests.Session()
    answer = client.get(f"{site.url}/wilayah/33?year=2026", allow_redirects=False, timeout=30)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/masuk?lanjut=%2Fwilayah%2F33%3Fyear%3D2026"
    token = _login_form(client, site.url)
    back = client.post(
        f"{site.url}/masuk",
        data={"username": "jateng", "password": PASSWORD, "csrf_token": token,
              "lanjut": "/wilayah/33?year=2026"},
        allow_redirects=False,
        timeout=30,
    )  # fmt: skip
    assert back.headers["location"] == "/wilayah/33?year=2026"
    # Never back to another site.
    client = requests.Session()
    token = _login_form(client, site.url)
    away = client.post(
        f"{site.url}/masuk",
        data={"username": "jateng", "password": PASSWORD, "csrf_token": token,
              "lanjut": "//evil.example/"},
        allow_redirects=False,
        timeout=30,
    )  # fmt: skip
    assert away.headers["location"] == "/"


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(site: Site) -> None:
    before = _sessions(site.server, "semarang")
    client = requests.Session()
    _login_form(client, site.url)  # the form's cookie, but not its token
    forged = client.post(
        f"{site.url}/masuk",
        data={"username": "semarang", "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert forged.status_code == 403 and "Akses ditolak" in forged.text
    assert staff.SESSION_COOKIE not in client.cookies
    assert _sessions(site.server, "semarang") == before

    client = login(site.url, "semarang")
    logout = client.post(f"{site.url}/keluar", data={}, allow_redirects=False, timeout=30)
    assert logout.status_code == 403
    assert client.get(f"{site.url}/wilayah/33.74", timeout=30).status_code == 200  # still in

    device = site.programme.devices["Perpustakaan Desa Miroto"]
    before_records = stored_records(site.server, device.library_id)
    data = _bundle(device)
    upload = client.post(
        f"{site.url}/unggah",
        files={"berkas": ("miroto.pdbundle", data, "application/octet-stream")},
        data={"csrf_token": "not-the-token"},
        timeout=30,
    )
    assert upload.status_code == 403
    assert "kedaluwarsa" in upload.text
    assert stored_records(site.server, device.library_id) == before_records


def test_a_session_expires_and_logging_out_ends_it(site: Site) -> None:
    client = login(site.url, "surabaya")
    assert client.get(f"{site.url}/wilayah/35.78", timeout=30).status_code == 200
    with site.server.database().transaction() as session:
        session.execute(
            update(StaffSession)
            .where(StaffSession.username == "surabaya")
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    expired = client.get(f"{site.url}/wilayah/35.78", allow_redirects=False, timeout=30)
    assert expired.status_code == 303 and expired.headers["location"].startswith("/masuk")

    client = login(site.url, "surabaya")
    token = client.cookies.get(staff.SESSION_COOKIE) or ""
    out = client.post(
        f"{site.url}/keluar",
        data={"csrf_token": _csrf_of(client, site.url)},
        allow_redirects=False,
        timeout=30,
    )
    assert out.status_code == 303 and out.headers["location"] == "/masuk?keluar=1"
    assert "Anda sudah keluar." in client.get(f"{site.url}/masuk?keluar=1", timeout=30).text
    # The old cookie, sent again, opens nothing.
    again = requests.get(
        f"{site.url}/wilayah/35.78",
        cookies={staff.SESSION_COOKIE: token},
        allow_redirects=False,
        timeout=30,
    )
    assert again.status_code == 303
    with site.server.database().transaction() as session:
        left = session.scalar(
            select(func.count())
            .select_from(StaffSession)
            .where(StaffSession.username == "surabaya")
        )
    assert left == 0  # the expired one went at the next login, the new one at logout


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_logins_are_throttled_after_five_failures(
    backend: str, request: pytest.FixtureRequest
) -> None:
    server: SyncServer = request.getfixturevalue(
        "server_sqlite" if backend == "sqlite" else "server_pg"
    )
    staff.add_user(server.database(), "operator", "nasional", None, PASSWORD)
    staff.add_user(server.database(), "rekan", "nasional", None, PASSWORD)
    client = requests.Session()
    for _ in range(staff.MAX_FAILURES):
        assert _post_login(client, server.url, "operator", "tebak-tebak").status_code == 401
    # The right password is refused now, for this user and for others from this address.
    for username in ("operator", "rekan"):
        throttled = _post_login(client, server.url, username)
        assert throttled.status_code == 429
        assert "Terlalu banyak percobaan masuk yang gagal" in throttled.text
        assert "15 menit" in throttled.text
        assert staff.SESSION_COOKIE not in client.cookies
    # A quarter of an hour later (the failures moved back in time) it works again.
    with server.database().transaction() as session:
        for attempt in session.scalars(select(LoginAttempt)):
            attempt.at -= timedelta(minutes=16)
    assert _post_login(client, server.url, "operator").status_code == 303
    assert staff.SESSION_COOKIE in client.cookies


# --- scope ------------------------------------------------------------------------------


def test_district_staff_cannot_open_another_region(site: Site) -> None:
    client = login(site.url, "semarang")
    surabaya = site.programme.library_id("Perpustakaan Karang Pilang")
    miroto = site.programme.library_id("Perpustakaan Desa Miroto")
    for path in ("/wilayah/33.74", "/wilayah/33.74.01.1001", f"/perpustakaan/{miroto}",
                 f"/ekspor/perpustakaan-bulanan.csv?perpustakaan={miroto}",
                 "/ekspor/wilayah.csv?wilayah=33.74"):  # fmt: skip
        assert client.get(f"{site.url}{path}", timeout=30).status_code == 200, path
    for path in ("/wilayah", "/wilayah/33", "/wilayah/35", "/wilayah/33.22",
                 "/wilayah/35.78.01.1001", f"/perpustakaan/{surabaya}",
                 "/ekspor/wilayah.csv", "/ekspor/bulanan.xlsx?wilayah=35",
                 "/ekspor/tidak-sinkron.csv?wilayah=33",
                 f"/ekspor/perpustakaan-bulanan.xlsx?perpustakaan={surabaya}"):  # fmt: skip
        answer = client.get(f"{site.url}{path}", timeout=30)
        assert answer.status_code == 403, path
        assert answer.headers["content-type"].startswith("text/html")
        assert "Halaman ini di luar wilayah Anda" in answer.text
        assert "Karang Pilang" not in answer.text

    # The reports API with the session: the staff member's region, and no other.
    api = f"{site.url}/api/v1/reports/summary"
    own = client.get(api, params={"year": "2026"}, timeout=30)
    assert own.status_code == 200, own.text
    assert own.json()["region"]["code"] == "33.74"
    other = client.get(api, params={"region": "35", "year": "2026"}, timeout=30)
    assert other.status_code == 403 and other.json()["code"] == "forbidden_region"
    nobody = requests.get(api, params={"year": "2026"}, timeout=30)
    assert nobody.status_code == 401
    forged = requests.get(api, cookies={staff.SESSION_COOKIE: "made-up"}, timeout=30)
    assert forged.status_code == 401 and forged.json()["code"] == "auth_required"

    # A province's staff see its districts, not another province.
    province = login(site.url, "jateng")
    assert province.get(f"{site.url}/wilayah/33.74", timeout=30).status_code == 200
    assert province.get(f"{site.url}/wilayah/35", timeout=30).status_code == 403
    national = login(site.url, "pusat")
    assert national.get(api, params={"region": "35", "year": "2026"}, timeout=30).status_code == 200


# --- pages and exports -----------------------------------------------------------------


def test_the_overview_shows_the_reports_figures(site: Site) -> None:
    client = login(site.url, "pusat")
    page = client.get(f"{site.url}/wilayah?year=2026", timeout=30)
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    expected = reports.summary(site.server.database(), None, reports.Period.parse(year="2026"))
    text = re.sub(r"\s+", " ", page.text)
    visits = expected["figures"]["visits"]["total"]
    people = expected["figures"]["people"]["total"]
    assert f'<div class="value">{visits}</div> <div class="label">Kunjungan</div>' in text
    assert f'<div class="value">{people}</div>' in text
    assert 'href="/wilayah/33?year=2026">Jawa Tengah</a>' in page.text
    assert page.text.count("<svg") == 2
    assert "Perpustakaan Desa Jagalan" in page.text and "Belum pernah" in page.text
    # Indonesian number format from the thousands on.
    from sync.server.dashboard.tables import long_date, number

    assert number(1234567) == "1.234.567"
    assert long_date("2026-11-26T10:00:00+00:00") == "26 November 2026"
    assert long_date("2026-11-30T18:00:00+00:00") == "1 Desember 2026"  # in WIB


def test_every_table_exports_as_csv_and_xlsx_that_read_back(site: Site) -> None:
    client = login(site.url, "jateng")
    period = reports.Period.parse(year="2026")
    expected = reports.summary(site.server.database(), "33", period)
    miroto = site.programme.library_id("Perpustakaan Desa Miroto")
    exports = {
        "wilayah": "wilayah=33&year=2026",
        "bulanan": "wilayah=33&year=2026",
        "tidak-sinkron": "wilayah=33",
        "perpustakaan-bulanan": f"perpustakaan={miroto}&year=2026",
    }
    for name, query in exports.items():
        answer = client.get(f"{site.url}/ekspor/{name}.csv?{query}", timeout=30)
        assert answer.status_code == 200, (name, answer.text[:300])
        assert answer.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
        assert "attachment" in answer.headers["content-disposition"]
        rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
        book = client.get(f"{site.url}/ekspor/{name}.xlsx?{query}", timeout=30)
        assert book.status_code == 200
        sheet = load_workbook(io.BytesIO(book.content)).active
        assert sheet is not None
        cells = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
        assert [[str(v) for v in row] for row in cells] == rows, name
        if name == "wilayah":
            assert rows[0][:4] == ["Kode", "Kabupaten/Kota", "Perpustakaan terdaftar",
                                   "Perpustakaan aktif"]  # fmt: skip
            by_code = {row[0]: row for row in cells[1:]}
            for child in expected["children"]:
                row = by_code[child["code"]]
                assert row[4] == child["figures"]["visits"]["total"]
                assert row[7] == child["figures"]["activities"]["total"]
        if name == "bulanan":
            assert len(rows) == 13 and rows[8][0] == "Agustus 2026"
            assert [row[1] for row in cells[1:]] == [
                month["figures"]["visits"]["total"] for month in expected["months"]
            ]
        if name == "tidak-sinkron":
            assert [row[0] for row in rows[1:]] == ["Perpustakaan Desa Jagalan"]
            assert rows[1][3] == "Belum pernah"


def test_the_library_page_shows_its_profile_months_and_stories(site: Site) -> None:
    client = login(site.url, "semarang")
    miroto = site.programme.library_id("Perpustakaan Desa Miroto")
    page = client.get(f"{site.url}/perpustakaan/{miroto}?year=2026", timeout=30)
    assert page.status_code == 200
    assert "Perpustakaan Desa Miroto" in page.text and "Miroto (33.74.01.1001)" in page.text
    assert "Warung kopi jadi pojok baca" in page.text and "Ibu Sri Wahyuni" in page.text
    assert "Agustus 2026" in page.text
    unknown = client.get(f"{site.url}/perpustakaan/{uuid.uuid4()}", timeout=30)
    assert unknown.status_code == 404 and "tidak terdaftar" in unknown.text


def test_errors_are_indonesian_pages_without_a_traceback(site: Site) -> None:
    client = login(site.url, "pusat")
    for path, status, words in (
        ("/tidak-ada", 404, "Halaman tidak ditemukan"),
        ("/wilayah/99.99", 404, "Tidak ada wilayah"),
        ("/wilayah/33?month=2026-13", 400, "Periode tidak dikenal"),
        ("/wilayah/33?month=2026-11&year=2026", 400, "Periode tidak dikenal"),
        ("/ekspor/rahasia.csv", 404, "Ekspor ini tidak dikenal"),
    ):
        answer = client.get(f"{site.url}{path}", timeout=30)
        assert answer.status_code == status, path
        assert answer.headers["content-type"].startswith("text/html")
        assert words in answer.text and "Traceback" not in answer.text
    # The API keeps its problem+json answers.
    api = client.get(f"{site.url}/api/v1/tidak-ada", timeout=30)
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"


# --- bundle upload ---------------------------------------------------------------------


def _bundle(device: Enrolled, key: Ed25519PrivateKey | None = None) -> bytes:
    records = [*month_visits(11, 2), activity(11), visit(guest_name="Siti")]
    seq = 5000 + uuid.uuid4().int % 100000
    batch = device.batch(records, seq_from=seq, seq_to=seq + len(records) - 1)
    bundle = Bundle(
        bundle_id=str(uuid.uuid4()),
        device_id=device.device_id,
        library_id=device.library_id,
        created_at=datetime.now(UTC),
        batches=[batch],
    )
    return pack_bundle(bundle, (key or device.key).sign)


def _upload(client: requests.Session, url: str, data: bytes) -> requests.Response:
    return client.post(
        f"{url}/unggah",
        files={"berkas": ("perpus.pdbundle", data, "application/octet-stream")},
        data={"csrf_token": _csrf_of(client, url)},
        timeout=60,
    )


def _cards(html: str) -> dict[str, str]:
    text = re.sub(r"\s+", " ", html)
    return {
        label: value
        for value, label in re.findall(
            r'<div class="value">([\d.]+)</div><div class="label">([^<]+)</div>', text
        )
    }


def test_a_signed_bundle_uploads_with_its_receipt_and_a_tampered_one_is_refused(
    site: Site,
) -> None:
    client = login(site.url, "semarang")
    device = site.programme.devices["Perpustakaan Kelurahan Brumbungan"]
    before = stored_records(site.server, device.library_id)
    data = _bundle(device)
    answer = _upload(client, site.url, data)
    assert answer.status_code == 200, answer.text
    cards = _cards(answer.text)
    assert cards["Catatan baru atau diperbarui"] == "3"
    assert cards["Sudah ada di server"] == "0" and cards["Ditolak"] == "1"
    assert "data pribadi" in answer.text and "Kunjungan" in answer.text
    after = stored_records(site.server, device.library_id)
    assert len(after) == len(before) + 3

    again = _upload(client, site.url, data)
    assert again.status_code == 200 and "sudah pernah diunggah" in again.text
    assert stored_records(site.server, device.library_id) == after

    forged = _upload(client, site.url, _bundle(device, Ed25519PrivateKey.generate()))
    assert forged.status_code == 422
    assert "Tanda tangan bundel tidak cocok" in forged.text
    broken = bytearray(data)
    broken[-20] ^= 0x01
    damaged = _upload(client, site.url, bytes(broken))
    assert damaged.status_code == 422 and "Tidak ada data yang disimpan" in damaged.text
    nothing = client.post(
        f"{site.url}/unggah", data={"csrf_token": _csrf_of(client, site.url)}, timeout=30
    )
    assert nothing.status_code == 400 and "Pilih berkas bundel" in nothing.text
    assert stored_records(site.server, device.library_id) == after

    # A body larger than the bundle limit is refused from its Content-Length, unread.
    connection = http.client.HTTPConnection("127.0.0.1", site.server.port, timeout=30)
    connection.putrequest("POST", "/unggah")
    connection.putheader("Cookie", f"{staff.SESSION_COOKIE}={client.cookies[staff.SESSION_COOKIE]}")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(MAX_BUNDLE_BYTES * 2))
    connection.endheaders()
    too_large = connection.getresponse()
    assert too_large.status == 413
    assert "Berkas terlalu besar" in too_large.read().decode()
    connection.close()

    # A bundle of a library outside the staff member's region is refused whole.
    far = site.programme.devices["Perpustakaan Karang Pilang"]
    far_before = stored_records(site.server, far.library_id)
    outside = _upload(client, site.url, _bundle(far))
    assert outside.status_code == 403 and "di luar wilayah Anda" in outside.text
    assert stored_records(site.server, far.library_id) == far_before


# --- the command --------------------------------------------------------------------------


def test_add_user_reads_the_password_from_stdin_and_checks_the_region(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "sync.server", "--database-url", site.server.database_url,
         "add-user", "--username", "Sidoarjo", "--role", "kabupaten", "--region", "3515",
         "--password-stdin"],
        input="rahasia-baru-1\n", capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "added sidoarjo (kabupaten 35.15)"
    client = requests.Session()
    token = _login_form(client, site.url)
    answer = client.post(
        f"{site.url}/masuk",
        data={"username": "sidoarjo", "password": "rahasia-baru-1", "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.headers["location"] == "/"

    from sync.server import cli

    for args, password, message in (
        (("--username", "xa1", "--role", "provinsi", "--region", "33.74"), "rahasia-baru-1",
         "must be a province"),
        (("--username", "xa2", "--role", "kabupaten"), "rahasia-baru-1", "needs --region"),
        (("--username", "sidoarjo", "--role", "nasional"), "rahasia-baru-1", "exists already"),
        (("--username", "xa3", "--role", "kabupaten", "--region", "99.99"), "rahasia-baru-1",
         "No region"),
        (("--username", "x", "--role", "nasional"), "rahasia-baru-1", "3 to 60 characters"),
        (("--username", "xa4", "--role", "nasional"), "pendek", "at least 8"),
    ):  # fmt: skip
        monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
        code = cli.main(
            ["--database-url", site.server.database_url, "add-user", *args, "--password-stdin"]
        )
        err = capsys.readouterr().err
        assert code == 1, args
        assert message in err and err.count("\n") == 1, err


def test_an_unknown_role_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sync.server", "--database-url",
         f"sqlite:///{tmp_path / 's.sqlite3'}", "add-user", "--username", "a",
         "--role", "camat"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "invalid choice" in result.stderr
