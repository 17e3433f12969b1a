"""Pseudonymisation of ids at rest: a keyed HMAC whose key never enters the store.

Participant and conversation ids are personal data. Everything written to a
store keys them by ``Pseudonymizer.pseudonym(kind, value)``; without the key
(kept in settings or a secret manager, never in the database) the pseudonyms
cannot be linked back to the host's ids.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import Final

from intimacy_rules.errors import ConfigurationError

__all__ = ["MIN_KEY_BYTES", "Pseudonymizer"]

#: Shorter keys make the HMAC guessable; 32 bytes matches SHA-256's block strength.
MIN_KEY_BYTES: Final = 32


class Pseudonymizer:
    """Maps ids to stable pseudonyms with HMAC-SHA256 under a secret key.

    The ``kind`` (``"conversation"``, ``"participant"``, ``"tenant"``…) is part
    of the MAC input, so the same string used as two kinds of id gives two
    unrelated pseudonyms.
    """

    __slots__ = ("_key",)

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ConfigurationError(
                f"the pseudonymisation key must be at least {MIN_KEY_BYTES} bytes, got {len(key)}",
                field="pseudonym_key",
            )
        self._key = key

    @classmethod
    def ephemeral(cls) -> Pseudonymizer:
        """A pseudonymizer with a random key, for in-memory use (nothing persists)."""
        return cls(secrets.token_bytes(MIN_KEY_BYTES))

    def pseudonym(self, kind: str, value: str) -> str:
        """The pseudonym of ``value`` as an id of ``kind``: 32 URL-safe characters."""
        mac = hmac.new(self._key, f"{kind}\x00{value}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac[:24]).decode("ascii")

    def __repr__(self) -> str:
        return "Pseudonymizer(key=<hidden>)"
