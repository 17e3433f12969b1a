"""Which store a server opens: SQLite under the data dir, or PostgreSQL by DSN.

``database_url`` unset: ``<data_dir>/intimacy-rules.sqlite3`` (WAL), the
embedded default. ``database_url`` starting with ``postgresql://`` (or
``postgres://``): the PostgreSQL store, which many server processes can share.
The pseudonymisation key comes from the data dir or settings, never from the
database.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime
from typing import cast

from intimacy_rules.engine.store import Store
from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.settings import Settings

__all__ = ["SQLITE_FILE", "open_store"]

SQLITE_FILE = "intimacy-rules.sqlite3"


def open_store(
    settings: Settings, pseudonymizer: Pseudonymizer, clock: Callable[[], datetime]
) -> Store:
    """Open the store ``settings`` name."""
    url = settings.database_url.get_secret_value() if settings.database_url else None
    if url is None:
        module = importlib.import_module("intimacy_rules.storage.sqlite_store")
        return cast(
            Store,
            module.SQLiteStore(
                settings.data_dir / SQLITE_FILE, pseudonymizer=pseudonymizer, clock=clock
            ),
        )
    if url.startswith(("postgresql://", "postgres://")):
        try:
            module = importlib.import_module("intimacy_rules.storage.postgres_store")
        except ImportError as exc:
            raise ConfigurationError(
                "PostgreSQL needs its extra: pip install 'intimacy-rules[postgres]'",
                field="database_url",
            ) from exc
        return cast(Store, module.PostgresStore(url, pseudonymizer=pseudonymizer, clock=clock))
    raise ConfigurationError(
        "must be a postgresql:// DSN (or unset for SQLite)", field="database_url"
    )
