"""A first run's secrets: the default tenant's API key, the admin key, the pseudonym key.

With no tenants configured the server serves one tenant, ``default``, whose key
is ``INTIMACY_RULES_API_KEY`` or, failing that, a generated key written to
``<data_dir>/api-key``. The admin key (``admin-key``) and the pseudonymisation
key (``pseudonym.key``) are found or generated the same way. Files are created
with mode 0600 (``O_EXCL``, so two processes starting together agree on one
key), and the data dir with 0700. ``Secrets.generated`` holds the keys made on
this run, for the ``serve`` command to print once; later runs read the files.

The pseudonymisation key lives here, never in the database: a stolen database
alone cannot link pseudonyms back to the host's ids.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import MIN_KEY_BYTES
from intimacy_rules.server.settings import DEFAULT_TENANT, Settings, TenantSettings
from intimacy_rules.server.tenants import generate_key, hash_key

__all__ = ["ADMIN_KEY_FILE", "API_KEY_FILE", "PSEUDONYM_KEY_FILE", "Secrets", "prepare"]

API_KEY_FILE = "api-key"
ADMIN_KEY_FILE = "admin-key"
PSEUDONYM_KEY_FILE = "pseudonym.key"


@dataclass(frozen=True)
class Secrets:
    """What a server needs to start, resolved from settings and the data dir."""

    tenants: dict[str, TenantSettings]
    admin_key_hashes: tuple[str, ...]
    pseudonym_key: bytes
    generated: dict[str, str] = field(default_factory=dict)
    api_key_file: Path | None = None
    admin_key_file: Path | None = None


def prepare(settings: Settings) -> Secrets:
    """Find or make the keys ``settings`` leave open; creates the data dir."""
    data_dir = settings.data_dir
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    generated: dict[str, str] = {}

    tenants = dict(settings.tenants)
    api_key_file: Path | None = None
    if not tenants:
        if settings.api_key is not None:
            key = settings.api_key.get_secret_value()
        else:
            api_key_file = data_dir / API_KEY_FILE
            key, made = _find_or_make(api_key_file, generate_key)
            if made:
                generated["api_key"] = key
        tenants[DEFAULT_TENANT] = TenantSettings(api_key_hashes=(hash_key(key),))

    admin_key_file: Path | None = None
    if settings.admin_key is not None:
        admin_hashes: tuple[str, ...] = (hash_key(settings.admin_key.get_secret_value()),)
    elif settings.admin_key_hash is not None:
        admin_hashes = (settings.admin_key_hash,)
    else:
        admin_key_file = data_dir / ADMIN_KEY_FILE
        admin, made = _find_or_make(admin_key_file, generate_key)
        if made:
            generated["admin_key"] = admin
        admin_hashes = (hash_key(admin),)

    if settings.pseudonym_key is not None:
        pseudonym_key = _decode_key(settings.pseudonym_key.get_secret_value())
    else:
        text, _ = _find_or_make(
            data_dir / PSEUDONYM_KEY_FILE,
            lambda: base64.b64encode(secrets.token_bytes(32)).decode(),
        )
        pseudonym_key = _decode_key(text)

    return Secrets(tenants, admin_hashes, pseudonym_key, generated, api_key_file, admin_key_file)


def _find_or_make(path: Path, make: Callable[[], str]) -> tuple[str, bool]:
    """The key in ``path``, or a new one written there (0600); True if new.

    The new key is written to a private temporary file first and then linked
    into place, which fails if ``path`` exists: a reader never sees a
    half-written key, and of two processes starting together one key wins.
    """
    value = make()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    try:
        os.link(tmp, path)
    except FileExistsError:
        return _read_key(path), False
    finally:
        tmp.unlink()
    return value, True


def _read_key(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        raise ConfigurationError(
            f"{path} is readable by other users; chmod 600 it", field=path.name
        )
    value = path.read_text("utf-8").strip()
    if not value:
        raise ConfigurationError(f"{path} is empty", field=path.name)
    return value


def _decode_key(text: str) -> bytes:
    text = text.strip()
    try:
        raw = (
            bytes.fromhex(text)
            if len(text) >= 64 and all(c in "0123456789abcdefABCDEF" for c in text)
            else base64.b64decode(text, validate=True)
        )
    except (ValueError, binascii.Error) as exc:
        raise ConfigurationError("must be base64 or hex", field="pseudonym_key") from exc
    if len(raw) < MIN_KEY_BYTES:
        raise ConfigurationError(
            f"must hold at least {MIN_KEY_BYTES} bytes, got {len(raw)}", field="pseudonym_key"
        )
    return raw
