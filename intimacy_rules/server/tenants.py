"""Tenants and their API keys: keys are kept hashed and compared in constant time.

Keys are random tokens of 256 bits, so a plain SHA-256 is the right hash (as for
GitHub or Stripe tokens): there is nothing to brute-force, and a slow password
hash would only cost every request time. The registry keeps the digests, never
the keys; ``authenticate`` hashes what the caller presented and compares it with
``hmac.compare_digest`` against every known digest, so the time taken does not
depend on which tenant (if any) it matched.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.server.settings import TenantSettings

__all__ = ["KEY_PREFIX", "Tenant", "TenantRegistry", "generate_key", "hash_key"]

#: Generated keys start with this, so secret scanners and people can spot them.
KEY_PREFIX = "ir_"
_MIN_KEY_CHARS = 16


def generate_key() -> str:
    """A new random API key (256 bits, URL-safe)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """The form a key is stored in: ``sha256:<hex digest>``."""
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Tenant:
    """A platform that calls the server, with its settings (never its keys)."""

    name: str
    settings: TenantSettings


class TenantRegistry:
    """Who a bearer key belongs to, and whether it is the admin key."""

    __slots__ = ("_admin", "_keys", "_tenants")

    def __init__(self, tenants: Mapping[str, TenantSettings], admin_key_hashes: Iterable[str]):
        self._tenants = {name: Tenant(name, cfg) for name, cfg in tenants.items()}
        self._keys: list[tuple[bytes, str]] = []
        for name, cfg in tenants.items():
            digests = list(cfg.api_key_hashes)
            for key in cfg.api_keys:
                plain = key.get_secret_value()
                if len(plain) < _MIN_KEY_CHARS:
                    raise ConfigurationError(
                        f"API keys must be at least {_MIN_KEY_CHARS} characters",
                        field=f"tenants.{name}.api_keys",
                    )
                digests.append(hash_key(plain))
            if not digests:
                raise ConfigurationError(
                    "a tenant needs at least one API key", field=f"tenants.{name}"
                )
            self._keys.extend((_raw(d), name) for d in digests)
        self._admin = [_raw(d) for d in admin_key_hashes]
        if not self._tenants:
            raise ConfigurationError("no tenant is configured", field="tenants")

    @property
    def names(self) -> tuple[str, ...]:
        """Every tenant's name, sorted."""
        return tuple(sorted(self._tenants))

    def get(self, name: str) -> Tenant:
        """The tenant called ``name``; KeyError if there is none."""
        return self._tenants[name]

    def authenticate(self, presented: str) -> Tenant | None:
        """The tenant whose key ``presented`` is, or None."""
        digest = _digest(presented)
        found: str | None = None
        for stored, name in self._keys:
            # No early exit: every digest is compared whatever matched.
            if hmac.compare_digest(stored, digest):
                found = name
        return self._tenants[found] if found is not None else None

    def is_admin(self, presented: str) -> bool:
        """Whether ``presented`` is the admin key."""
        digest = _digest(presented)
        matched = False
        for stored in self._admin:
            matched |= hmac.compare_digest(stored, digest)
        return matched


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def _raw(stored: str) -> bytes:
    return bytes.fromhex(stored.removeprefix("sha256:"))
