"""Importing a USB bundle: check the device's signature, then apply each batch as PUT would.

The whole bundle is one transaction; its receipt is stored, so importing the same
bundle again returns that receipt and changes nothing (and a bundle whose batches
were meanwhile synced online gets their stored receipts back).
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError
from sqlalchemy import select

from sync import protocol
from sync.protocol import Bundle, BundleReceipt, Counts, read_bundle_payload, split_bundle
from sync.server.db import Database
from sync.server.errors import ProblemError
from sync.server.ingest import apply_batch
from sync.server.models import BundleImport, Device, Library


def bundle_head(data: bytes) -> tuple[str, str, str]:
    """(bundle id, library id, device id) a bundle file names, from its first kilobyte (not
    yet checked: :func:`import_bundle` checks the signature), or a bundle_invalid problem."""
    _signature, payload = _split(data)
    try:
        return protocol.bundle_head(payload)
    except ValueError as exc:
        raise ProblemError("bundle_invalid", str(exc)[:300]) from None


def _split(data: bytes) -> tuple[bytes, bytes]:
    try:
        return split_bundle(data)
    except ValueError as exc:
        raise ProblemError("bundle_invalid", str(exc)[:300]) from None


def _read(payload: bytes) -> Bundle:
    try:
        return read_bundle_payload(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ProblemError("bundle_invalid", f"{where}: {first['msg']}"[:300]) from None
    except ValueError as exc:
        raise ProblemError("bundle_invalid", str(exc)[:300]) from None


def verify(public_key: str, signature: bytes, payload: bytes) -> None:
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key))
        key.verify(signature, payload)
    except (InvalidSignature, ValueError):
        raise ProblemError(
            "bundle_signature", "the bundle was changed or signed by another key"
        ) from None


def import_bundle(db: Database, data: bytes) -> BundleReceipt:
    """Verify and apply a bundle file's batches in one transaction; the bundle's receipt.

    The signature is checked before the payload is unpacked (a forged file is not even
    read), with the key of the device named at its start."""
    bundle_id, library_id, device_id = bundle_head(data)
    signature, payload = _split(data)
    with db.transaction() as session:
        device = session.scalars(
            select(Device).where(Device.library_id == library_id, Device.device_id == device_id)
        ).first()
        if device is None:
            raise ProblemError("bundle_invalid", "the bundle's device is not enrolled here")
        verify(device.public_key, signature, payload)
        if device.revoked_at is not None:
            raise ProblemError("token_revoked", "the bundle's device was revoked")
        bundle = _read(payload)
        if (bundle.bundle_id, bundle.library_id.lower(), bundle.device_id.lower()) != (
            bundle_id,
            library_id,
            device_id,
        ):
            raise ProblemError("bundle_invalid", "the bundle's ids differ from its start")
        for batch in bundle.batches:
            if batch.library_id.lower() != library_id or batch.device_id.lower() != device_id:
                raise ProblemError(
                    "bundle_invalid", "a batch of the bundle names another library or device"
                )
        stored = session.get(BundleImport, (library_id, bundle.bundle_id))
        if stored is not None:
            return BundleReceipt.model_validate(stored.receipt)
        library = session.get(Library, library_id)
        assert library is not None
        received_at = datetime.now(UTC)
        receipts = [
            apply_batch(session, library, device_id, batch, received_at) for batch in bundle.batches
        ]
        totals = Counts(
            **{
                field: sum(getattr(receipt.counts, field) for receipt in receipts)
                for field in Counts.model_fields
            }
        )
        receipt = BundleReceipt(
            bundle_id=bundle.bundle_id,
            device_id=device_id,
            library_id=library_id,
            receipts=receipts,
            counts=totals,
        )
        session.add(
            BundleImport(
                library_id=library_id,
                bundle_id=bundle.bundle_id,
                device_id=device_id,
                imported_at=received_at,
                receipt=receipt.model_dump(mode="json", exclude_none=True),
            )
        )
    return receipt
