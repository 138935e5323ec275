"""USB bundles on the PC's side: write a signed bundle, read the server's receipt.

A bundle (format in :mod:`sync.protocol`) carries the changes not yet on the
server as ordinary batches with their outbox ranges, signed with the device's
Ed25519 key (:mod:`sync.keys`); writing one marks nothing: only the receipt
the server writes when it imports the bundle (``perpusdesa-server
import-bundle FILE --receipt OUT``) marks rows, through
``SyncClient.import_receipt``, and the next online sync checks again against
the server's own high-water mark anyway.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError as PydanticError

from sync.protocol import Bundle, BundleReceipt, pack_bundle, read_bundle_payload, split_bundle
from sync.transport import SyncError


def write_bundle(path: Path, bundle: Bundle, key: Ed25519PrivateKey) -> int:
    """Sign and write the bundle (atomically: a full file or none); its size in bytes."""
    data = pack_bundle(bundle, key.sign)
    write_atomically(Path(path), data)
    return len(data)


def verify_bundle(data: bytes, public_key: str) -> Bundle:
    """The bundle in a file's bytes if the device key (base64 raw) signed it; SyncError else."""
    try:
        signature, payload = split_bundle(data)
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key)).verify(signature, payload)
        return read_bundle_payload(payload)
    except (ValueError, InvalidSignature, PydanticError) as exc:
        raise SyncError("bundle_invalid", path="", reason=str(exc) or "signature") from exc


def read_receipt(path: Path) -> BundleReceipt:
    """The server's bundle receipt in ``path``; SyncError ``receipt_invalid`` if it is not one."""
    try:
        return BundleReceipt.model_validate_json(Path(path).read_bytes())
    except (OSError, PydanticError, ValueError) as exc:
        raise SyncError("receipt_invalid", path=str(path)) from exc


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename; a full disk leaves no half file."""
    temp = path.with_name(path.name + ".tmp")
    try:
        with temp.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        from app.db.database import storage_error

        raise storage_error(exc, path.parent) from exc
