"""Staff use the dashboard in chromium: log in, drill down, export, upload a bundle.

Full-page screenshots go to /tmp/shots8/dashboard-*.png.
"""

from __future__ import annotations

import csv
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync.protocol import Bundle, pack_bundle
from tests.browser.conftest import SHOTS
from tests.browser.data import PASSWORD, Site, activity, month_visits
from tests.sync.conftest import visit


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"dashboard-{name}.png"), full_page=True)


def _log_in(page: Any, site: Site, username: str) -> None:
    page.goto(f"{site.url}/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def _bundle(site: Site, tmp_path: Path, name: str) -> Path:
    device = site.programme.devices[name]
    records = [*month_visits(11, 3), activity(11), visit(guest_name="Siti")]  # the last refused
    batch = device.batch(records, seq_from=1000, seq_to=1000 + len(records) - 1)
    bundle = Bundle(
        bundle_id=str(uuid.uuid4()),
        device_id=device.device_id,
        library_id=device.library_id,
        created_at=datetime.now(UTC),
        batches=[batch],
    )
    path = tmp_path / "perpus-miroto.pdbundle"
    path.write_bytes(pack_bundle(bundle, device.key.sign))
    return path


def test_national_staff_drill_down_export_and_upload(
    dashboard_site: Site, browser: Any, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{dashboard_site.url}/")
    _shot(page, "login")
    _log_in(page, dashboard_site, "pusat")
    page.wait_for_url("**/wilayah")
    assert page.get_by_role("heading", level=1).inner_text() == "Indonesia"
    # The programme's data is of 2026: choose that year (the drill-down keeps it).
    page.get_by_label("Tahun").select_option("2026")
    page.locator("form:has(#p-year)").get_by_role("button", name="Tampilkan").click()
    page.wait_for_url("**/wilayah?year=2026")
    assert "Tahun 2026" in page.locator(".periods .current").inner_text()
    cards = page.locator(".card")
    assert "Provinsi dengan perpustakaan aktif" in cards.all_inner_texts()[2]
    assert page.locator("svg.chart").count() == 2
    _shot(page, "national")

    page.locator("#rincian").get_by_role("link", name="Jawa Tengah").click()
    page.wait_for_url("**/wilayah/33?year=2026")
    assert page.get_by_role("heading", level=1).inner_text() == "Jawa Tengah"
    _shot(page, "province")
    page.locator("#rincian").get_by_role("link", name="Kota Semarang").click()
    page.wait_for_url("**/wilayah/33.74?year=2026")
    # The library that never synced is listed, with no date.
    stale = page.locator("#tidak-sinkron")
    assert "Perpustakaan Desa Jagalan" in stale.inner_text()
    assert "Belum pernah" in stale.inner_text()
    _shot(page, "district")
    page.locator("#rincian").get_by_role("link", name="Semarang Tengah").click()
    page.locator("#rincian").get_by_role("link", name="Miroto").click()
    page.locator("#rincian").get_by_role("link", name="Perpustakaan Desa Miroto").click()
    page.wait_for_url("**/perpustakaan/*")
    assert page.get_by_role("heading", level=1).inner_text() == "Perpustakaan Desa Miroto"
    assert "Warung kopi jadi pojok baca" in page.locator("#cerita").inner_text()
    _shot(page, "library")

    with page.expect_download() as download_info:
        page.locator("#bulanan").get_by_role("link", name="CSV").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".csv"
    rows = list(csv.reader(saved.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:2] == ["Bulan", "Kunjungan"]
    assert [row[0] for row in rows[1:]][7:11] == [
        "Agustus 2026", "September 2026", "Oktober 2026", "November 2026"
    ]  # fmt: skip

    page.get_by_role("link", name="Unggah bundel").click()
    page.wait_for_url("**/unggah")
    bundle = _bundle(dashboard_site, tmp_path, "Perpustakaan Desa Miroto")
    page.get_by_label("Berkas bundel").set_input_files(str(bundle))
    page.get_by_role("button", name="Unggah").click()
    receipt = page.locator(".receipt")
    receipt.wait_for()
    assert "Perpustakaan Desa Miroto" in receipt.inner_text()
    assert receipt.locator(".card .value").first.inner_text() == "4"
    assert "data pribadi" in receipt.inner_text()
    _shot(page, "upload")

    tampered = bytearray(bundle.read_bytes())
    tampered[-20] ^= 0x01
    bad = tmp_path / "rusak.pdbundle"
    bad.write_bytes(bytes(tampered))
    page.get_by_label("Berkas bundel").set_input_files(str(bad))
    page.get_by_role("button", name="Unggah").click()
    page.get_by_role("heading", name="Bundel ditolak").wait_for()
    _shot(page, "upload-refused")

    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/masuk?keluar=1")
    assert "Anda sudah keluar." in page.locator("main").inner_text()
    context.close()


def test_district_staff_see_their_district_only(dashboard_site: Site, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _log_in(page, dashboard_site, "semarang")
    page.wait_for_url("**/wilayah/33.74")
    assert page.get_by_role("heading", level=1).inner_text() == "Kota Semarang"
    # Above their region the trail shows names without links.
    assert page.locator(".crumbs a").count() == 0
    assert "semarang · Kota Semarang" in page.locator(".who").inner_text()
    # On a phone the page fits its width (tables scroll inside their panel).
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    _shot(page, "phone")
    answer = page.goto(f"{dashboard_site.url}/wilayah/35")
    assert answer is not None and answer.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Akses ditolak"
    _shot(page, "forbidden")
    context.close()
