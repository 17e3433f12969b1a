"""Which store a server opens: SQLite under the data dir, or PostgreSQL by DSN.

``database_url`` unset: ``<data_dir>/intimacy-rules.sqlite3`` (WAL), the
embedded default. ``database_url`` starting with ``postgresql://`` (or
``postgres://``): the PostgreSQL store, which many server processes can share.
Both come from the storage registry (``intimacy_rules.storage.registry``). The
pseudonymisation key comes from the data dir or settings, never the database.
"""

from __future__ import annotations

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.settings import Settings
from intimacy_rules.storage.registry import DurableStore
from intimacy_rules.storage.registry import open_store as open_registered

__all__ = ["SQLITE_FILE", "open_store", "store_kind"]

SQLITE_FILE = "intimacy-rules.sqlite3"


def store_kind(settings: Settings) -> tuple[str, str]:
    """``(registry name, target)`` of the store ``settings`` name."""
    url = settings.database_url.get_secret_value() if settings.database_url else None
    if url is None:
        return "sqlite", str(settings.data_dir / SQLITE_FILE)
    if url.startswith(("postgresql://", "postgres://")):
        return "postgres", url
    raise ConfigurationError(
        "must be a postgresql:// DSN (or unset for SQLite)", field="database_url"
    )


def open_store(settings: Settings, pseudonymizer: Pseudonymizer) -> DurableStore:
    """Open (and migrate) the store ``settings`` name."""
    kind, target = store_kind(settings)
    try:
        return open_registered(
            kind, target, pseudonymizer=pseudonymizer, retention=settings.retention
        )
    except ImportError as exc:
        raise ConfigurationError(
            "PostgreSQL needs its extra: pip install 'intimacy-rules[postgres]'",
            field="database_url",
        ) from exc
