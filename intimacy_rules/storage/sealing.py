"""Sealing documents at rest: AES-256-GCM under a key that is not in the database.

Lookup keys (conversation and event ids) are HMAC pseudonyms, which cannot be
reversed. The documents a store keeps must give real ids back, though: a
replayed decision names the host's conversation, event and participants, and
an outbox payload is posted to the host as is. So the stores keep those
documents sealed (authenticated encryption), and each seal is bound to where it
is stored (the ``context``: tenant and row key) so a row copied elsewhere fails
to open instead of being misread.

The key is derived from the pseudonymisation key by default, so an operator
keeps one secret; losing it makes the stored data unreadable, as it should.
"""

from __future__ import annotations

import base64
import os
from typing import TYPE_CHECKING, Final

from intimacy_rules.errors import ConfigurationError, StoreError
from intimacy_rules.privacy import Pseudonymizer

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["SEAL_KEY_BYTES", "Sealer"]

SEAL_KEY_BYTES: Final = 32
_VERSION: Final = b"\x01"
_NONCE_BYTES: Final = 12


def _aesgcm(key: bytes) -> AESGCM:
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415 - lazy: import stays cheap
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ConfigurationError(
            "sealing stored documents needs the 'cryptography' package "
            "(pip install intimacy-rules)",
            field="storage",
        ) from exc
    return AESGCM(key)


class Sealer:
    """Seals and opens byte strings with AES-256-GCM; the key stays in memory."""

    __slots__ = ("_aead",)

    def __init__(self, key: bytes) -> None:
        if len(key) != SEAL_KEY_BYTES:
            raise ConfigurationError(
                f"the sealing key must be {SEAL_KEY_BYTES} bytes, got {len(key)}",
                field="seal_key",
            )
        self._aead = _aesgcm(key)

    @classmethod
    def derived_from(cls, pseudonymizer: Pseudonymizer) -> Sealer:
        """A sealer whose key is derived (HMAC-SHA256) from the pseudonymisation key.

        Two HMACs under the pseudonymisation key, with labels no id can take,
        give 2 x 24 bytes; the first 32 form the AES key. Knowing pseudonyms does
        not reveal it, since HMAC outputs are independent for distinct inputs.
        """
        halves = (pseudonymizer.pseudonym("\x00sealing-key", label) for label in ("v1:a", "v1:b"))
        material = b"".join(base64.urlsafe_b64decode(half) for half in halves)
        return cls(material[:SEAL_KEY_BYTES])

    def seal(self, plaintext: bytes, context: str) -> bytes:
        """Encrypt and authenticate ``plaintext``, bound to ``context``."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, context.encode())
        return _VERSION + nonce + sealed

    def open(self, sealed: bytes, context: str) -> bytes:
        """The plaintext of ``sealed``; StoreError if it was altered, moved or keyed otherwise."""
        from cryptography.exceptions import InvalidTag  # noqa: PLC0415

        if sealed[:1] != _VERSION:
            raise StoreError("a stored document has an unknown seal version")
        nonce, body = sealed[1 : 1 + _NONCE_BYTES], sealed[1 + _NONCE_BYTES :]
        try:
            plain = self._aead.decrypt(nonce, body, context.encode())
        except InvalidTag as exc:
            raise StoreError(
                "a stored document failed to open: wrong key, or the row was altered or moved"
            ) from exc
        return plain

    def __repr__(self) -> str:
        return "Sealer(key=<hidden>)"
