"""The room's secrets: a long token every URL carries, and a short code people can type."""

from __future__ import annotations

import hmac
import secrets

CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"     # no 0/O, 1/I/L look-alikes
CODE_LENGTH = 6


def new_token() -> str:
    """192 random bits, URL-safe: a new room gets a new one."""
    return secrets.token_urlsafe(24)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so timing tells nothing about the token."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def normal_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())[:CODE_LENGTH * 2]
