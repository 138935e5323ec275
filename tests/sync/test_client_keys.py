"""The device token and bundle key: outside the database, private, and never in a backup."""

from __future__ import annotations

import base64
import os
import stat
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.core.backup import make_backup
from sync.bundle import verify_bundle
from sync.keys import KeyStore, public_key_b64
from sync.protocol import Bundle, pack_bundle
from sync.transport import SyncError
from tests.conftest import LibraryDb

TOKEN = "tOk3n-" + "x" * 37


def test_without_a_keyring_the_token_is_a_private_file(data_dir: Path) -> None:
    store = KeyStore(data_dir, "dev-1")
    assert not store.use_keyring  # the tests' null keyring is not a real one
    assert store.token() is None
    store.set_token(TOKEN)
    path = data_dir / "sync-keys" / "dev-1.token"
    assert path.read_text() == TOKEN
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert KeyStore(data_dir, "dev-1").token() == TOKEN
    assert KeyStore(data_dir, "dev-2").token() is None  # another library's device
    store.delete_token()
    assert store.token() is None and not path.exists()


def test_the_signing_key_is_made_once_and_kept(data_dir: Path) -> None:
    store = KeyStore(data_dir, "dev-1")
    assert store.signing_key() is None
    key = store.signing_key(create=True)
    assert key is not None
    again = KeyStore(data_dir, "dev-1").signing_key()
    assert again is not None and public_key_b64(again) == public_key_b64(key)
    assert len(base64.b64decode(public_key_b64(key))) == 32
    Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64(key))).verify(
        key.sign(b"data"), b"data"
    )


def test_a_backup_holds_neither_token_nor_key(library_db: LibraryDb, tmp_path: Path) -> None:
    db = library_db.db
    store = KeyStore(db.data_dir, "dev-1")
    store.set_token(TOKEN)
    key = store.signing_key(create=True)
    assert key is not None
    secret = (db.data_dir / "sync-keys" / "dev-1.device-key").read_bytes()
    info = make_backup(db, to_dir=tmp_path / "backups")
    with zipfile.ZipFile(info.path) as archive:
        names = archive.namelist()
        contents = b"".join(archive.read(name) for name in names)
    assert not any("sync-keys" in name for name in names)
    assert TOKEN.encode() not in contents and secret not in contents
    conn = db.connect()
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    assert TOKEN not in dump and secret.decode() not in dump


def test_a_bundle_verifies_with_its_key_only(data_dir: Path) -> None:
    from datetime import UTC, datetime

    key = KeyStore(data_dir, "dev-1").signing_key(create=True)
    other = KeyStore(data_dir, "dev-2").signing_key(create=True)
    assert key is not None and other is not None
    bundle = Bundle(
        bundle_id="b1", device_id="d1", library_id="a1", created_at=datetime.now(UTC), batches=[]
    )
    data = pack_bundle(bundle, key.sign)
    assert verify_bundle(data, public_key_b64(key)) == bundle
    with pytest.raises(SyncError) as failed:
        verify_bundle(data, public_key_b64(other))
    assert failed.value.code == "bundle_invalid"
    tampered = data[:-5] + bytes(5)
    with pytest.raises(SyncError):
        verify_bundle(tampered, public_key_b64(key))
