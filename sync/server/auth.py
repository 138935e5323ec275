"""Secrets: device and admin tokens, one-time enrolment codes (all stored only as hashes)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Final

# No 0/O, 1/I/L: a code is read aloud and typed by hand.
CODE_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH: Final = 10
CODE_VALID_DAYS: Final = 7


def hash_secret(secret: str) -> str:
    """SHA-256 hex of a token or a normalized code."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_code() -> str:
    """A fresh enrolment code, grouped for reading: ``K7PQ-3M9X-TR``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_code(code: str) -> str:
    """A code as typed (any case, dashes and spaces) in its stored form."""
    return "".join(ch for ch in code.upper() if ch not in "- \t")


def bearer_token(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        return None
    return token
