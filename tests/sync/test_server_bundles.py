"""USB bundles on the server: signed by the device, applied as PUT would, harmless twice."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import (
    PROBLEM_MEDIA_TYPE,
    Bundle,
    pack_bundle,
    read_bundle_payload,
    split_bundle,
)
from sync.server.bundles import import_bundle
from sync.server.errors import ProblemError
from tests.sync.conftest import Enrolled, SyncServer, enroll, stored_records, visit


def _bundle(device: Enrolled, key: Ed25519PrivateKey | None = None) -> tuple[bytes, list[str]]:
    records = [[visit(), visit()], [visit(), visit(guest_name="Siti")]]
    batches = [device.batch(records[0], 1, 2), device.batch(records[1], 3, 4)]
    bundle = Bundle(
        bundle_id=str(uuid.uuid4()),
        device_id=device.device_id,
        library_id=device.library_id,
        created_at=datetime.now(UTC),
        batches=batches,
    )
    signer = key or device.key
    return pack_bundle(bundle, signer.sign), [r.id for batch in records for r in batch]


def test_a_bundle_imported_twice_changes_nothing_the_second_time(
    shared_server: SyncServer, tmp_path: Path
) -> None:
    device = enroll(shared_server)
    data, ids = _bundle(device)
    path = tmp_path / "perpus.pdbundle"
    path.write_bytes(data)
    receipt_path = tmp_path / "receipt.json"
    first = shared_server.run_cli("import-bundle", str(path), "--receipt", str(receipt_path))
    assert first.returncode == 0, first.stderr
    assert "3 inserted" in first.stdout and "1 rejected" in first.stdout
    receipt = json.loads(receipt_path.read_text(encoding="utf-8"))
    assert receipt["counts"]["inserted"] == 3 and receipt["counts"]["rejected"] == 1
    assert [r["high_water"] for r in receipt["receipts"]] == [2, 4]
    assert receipt["receipts"][1]["results"][0]["code"] == "personal_field"
    after_first = stored_records(shared_server, device.library_id)
    assert set(after_first) == {("visit", rid) for rid in ids[:3]}

    second = import_bundle(shared_server.database(), path.read_bytes())  # what the CLI does
    # The same receipt (the file leaves out what says nothing: a refusal has no version).
    assert second.model_dump(mode="json", exclude_none=True) == receipt
    assert stored_records(shared_server, device.library_id) == after_first
    # The device's own mark counts the bundle's batches as arrived.
    assert device.get("/sync/state", db_epoch=device.epoch).json()["high_water"] == 4


def test_a_tampered_bundle_is_refused(shared_server: SyncServer, tmp_path: Path) -> None:
    device = enroll(shared_server)
    data, _ids = _bundle(device)
    tampered = bytearray(data)
    tampered[-20] ^= 0x01  # one bit of the signed payload
    with pytest.raises(ProblemError) as refused:
        import_bundle(shared_server.database(), bytes(tampered))
    assert refused.value.code in {"bundle_invalid", "bundle_signature"}
    # A record changed and the bundle put together again with the old signature.
    signature, payload = split_bundle(data)
    bundle = read_bundle_payload(payload)
    changed = bundle.batches[0].records[0].model_copy(update={"version": 99})
    batch = bundle.batches[0].model_copy(update={"records": [changed]})
    edited = pack_bundle(bundle.model_copy(update={"batches": [batch]}), lambda _: signature)
    with pytest.raises(ProblemError) as refused:
        import_bundle(shared_server.database(), edited)
    assert refused.value.code == "bundle_signature"
    # Signed by another key: refused as well, by the command with a one-line message.
    forged, _ = _bundle(device, key=Ed25519PrivateKey.generate())
    path = tmp_path / "forged.pdbundle"
    path.write_bytes(forged)
    result = shared_server.run_cli("import-bundle", str(path))
    assert result.returncode == 1 and "bundle_signature" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert stored_records(shared_server, device.library_id) == {}


def test_a_bundle_is_not_unpacked_before_its_signature_is_checked(
    shared_server: SyncServer,
) -> None:
    """Only its first kilobyte is read (whose key); a file cut short (or a gzip bomb)
    with another's signature is refused for the signature, not found broken inside."""
    device = enroll(shared_server)
    data, _ids = _bundle(device)
    cut = data[: len(data) - 40]  # the gzip stream cut short: unpacking it would fail
    with pytest.raises(ProblemError) as refused:
        import_bundle(shared_server.database(), cut)
    assert refused.value.code == "bundle_signature"
    with pytest.raises(ProblemError) as refused:
        import_bundle(shared_server.database(), data[:60])  # not even its ids
    assert refused.value.code == "bundle_invalid"
    assert stored_records(shared_server, device.library_id) == {}


def test_a_bundle_of_a_newer_pc_is_refused_whole(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    data, _ids = _bundle(device)
    _, payload = split_bundle(data)
    bundle = read_bundle_payload(payload)
    newer = bundle.batches[1].model_copy(update={"schema_version": 2})
    data = pack_bundle(
        bundle.model_copy(update={"batches": [bundle.batches[0], newer]}), device.key.sign
    )
    with pytest.raises(ProblemError) as refused:
        import_bundle(shared_server.database(), data)
    assert refused.value.code == "schema_version"
    assert stored_records(shared_server, device.library_id) == {}  # not even the first batch
    assert device.get("/sync/state", db_epoch=device.epoch).json()["high_water"] == 0


def test_the_upload_endpoint_needs_an_admin_token(shared_server: SyncServer) -> None:
    device = enroll(shared_server)
    data, _ids = _bundle(device)
    url = f"{shared_server.url}/api/v1/bundles"
    octets = {"Content-Type": "application/octet-stream"}
    refused = requests.post(url, data=data, headers=octets, timeout=30)
    assert refused.status_code == 401 and refused.json()["code"] == "auth_required"
    # A device token is not an admin token.
    as_device = requests.post(url, data=data, headers={**octets, **device.headers}, timeout=30)
    assert as_device.status_code == 401 and as_device.json()["code"] == "token_invalid"
    assert stored_records(shared_server, device.library_id) == {}

    admin = {**octets, "Authorization": f"Bearer {shared_server.add_admin_token()}"}
    answer = requests.post(url, data=data, headers=admin, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.json()["counts"]["inserted"] == 3
    again = requests.post(url, data=data, headers=admin, timeout=30)
    assert again.json() == answer.json()
    assert len(stored_records(shared_server, device.library_id)) == 3

    garbage = requests.post(url, data=b"PERPUSDESA-BUNDLE 1\nnot base64!\nxx", headers=admin,
                            timeout=30)  # fmt: skip
    assert garbage.status_code == 422 and garbage.json()["code"] == "bundle_invalid"
    assert garbage.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    wrong_type = requests.post(url, data=data, headers={**admin, "Content-Type": "text/plain"},
                               timeout=30)  # fmt: skip
    assert wrong_type.status_code == 415
