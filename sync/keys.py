"""Where the PC keeps its device token and its Ed25519 bundle key: never in the database.

The token (what ``POST /enroll`` returned) and the device's private key go into
the operating system's keyring when one works (Windows Credential Manager, the
Secret Service...), else into files readable by the user only (mode 0600) in
the ``sync-keys`` folder of the data folder. Neither the database nor a backup
(``app.core.backup`` copies the database, ``photos/`` and the logo only) ever
holds them, so a backup on a USB stick cannot be used to send in the library's
name. Entries are keyed by the device id, so two libraries on one PC do not mix.
"""

from __future__ import annotations

import base64
import contextlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SERVICE = "PerpusDesa sync"
FOLDER = "sync-keys"
_TOKEN, _KEY = "token", "device-key"


def _keyring_usable() -> bool:
    """True if a real keyring backend is configured (not the null or failing one)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop the sync
        return False
    inner = getattr(backend, "backends", None)  # a chainer: usable if it chains something real
    if inner is not None:
        return bool(inner)
    return not isinstance(backend, null.Keyring | fail.Keyring)


class KeyStore:
    """The token and the device key of one device (one library database)."""

    def __init__(self, data_dir: Path, device_id: str, *, use_keyring: bool | None = None) -> None:
        self.folder = Path(data_dir) / FOLDER
        self.device_id = device_id
        self.use_keyring = _keyring_usable() if use_keyring is None else use_keyring

    # --- generic entries ---------------------------------------------------------------

    def _name(self, what: str) -> str:
        return f"{what}:{self.device_id}"

    def _file(self, what: str) -> Path:
        return self.folder / f"{self.device_id}.{what}"

    def _get(self, what: str) -> str | None:
        if self.use_keyring:
            try:
                import keyring

                value = keyring.get_password(SERVICE, self._name(what))
                if value:
                    return value
            except Exception:
                pass
        path = self._file(what)
        try:
            return path.read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            return None

    def _set(self, what: str, value: str) -> None:
        if self.use_keyring:
            try:
                import keyring

                keyring.set_password(SERVICE, self._name(what), value)
                if keyring.get_password(SERVICE, self._name(what)) == value:
                    self._file(what).unlink(missing_ok=True)
                    return
            except Exception:
                pass
        self._write_private(self._file(what), value)

    def _delete(self, what: str) -> None:
        if self.use_keyring:
            with contextlib.suppress(Exception):
                import keyring

                keyring.delete_password(SERVICE, self._name(what))
        self._file(what).unlink(missing_ok=True)

    def _write_private(self, path: Path, value: str) -> None:
        """Write ``value`` to a file only its owner may read, atomically."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(path.parent, 0o700)
        temp = path.with_suffix(path.suffix + ".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, value.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, 0o600)
        os.replace(temp, path)

    # --- the token -------------------------------------------------------------------

    def token(self) -> str | None:
        return self._get(_TOKEN)

    def set_token(self, token: str) -> None:
        self._set(_TOKEN, token)

    def delete_token(self) -> None:
        self._delete(_TOKEN)

    # --- the device key --------------------------------------------------------------

    def signing_key(self, create: bool = False) -> Ed25519PrivateKey | None:
        """The device's Ed25519 private key (made and stored on first use if ``create``)."""
        stored = self._get(_KEY)
        if stored:
            try:
                return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
            except ValueError:
                pass
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        self._set(_KEY, base64.b64encode(private_bytes(key)).decode("ascii"))
        return key


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_key_b64(key: Ed25519PrivateKey) -> str:
    """The public key as EnrollRequest.public_key wants it: base64 of the raw 32 bytes."""
    from cryptography.hazmat.primitives import serialization

    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")
