"""``STORES``: the durable stores by name, and ``open_store`` to build one.

An explicit registry, as for adapters and analyzers: the server's settings name
a store (``"sqlite"`` or ``"postgres"``) and a target (a file path or a DSN).
The factories import their module on call, so choosing SQLite never imports
the PostgreSQL driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

from intimacy_rules.engine.store import Store
from intimacy_rules.errors import ConfigurationError

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from intimacy_rules.privacy import Pseudonymizer
    from intimacy_rules.storage.outbox import OutboxStore
    from intimacy_rules.storage.retention import PurgeCounts, RetentionPolicy

__all__ = ["STORES", "DurableStore", "open_store"]


class DurableStore(Store, Protocol):
    """A ``Store`` that persists: with retention and an outbox for the delivery worker."""

    @property
    def outbox(self) -> OutboxStore:
        """The outbox the delivery worker drains."""
        ...

    def purge(self, now: datetime | None = None) -> PurgeCounts:
        """Delete every row past its retention period."""
        ...


def _sqlite(
    target: str, *, pseudonymizer: Pseudonymizer, retention: RetentionPolicy | None
) -> DurableStore:
    from intimacy_rules.storage.sqlite_store import SQLiteStore  # noqa: PLC0415

    return SQLiteStore(target, pseudonymizer=pseudonymizer, retention=retention)


def _postgres(
    target: str, *, pseudonymizer: Pseudonymizer, retention: RetentionPolicy | None
) -> DurableStore:
    from intimacy_rules.storage.postgres_store import PostgresStore  # noqa: PLC0415

    return PostgresStore(target, pseudonymizer=pseudonymizer, retention=retention)


#: Store name -> factory ``(target, *, pseudonymizer, retention) -> DurableStore``;
#: the target is a file path for ``sqlite`` and a DSN for ``postgres``.
STORES: Final[dict[str, Callable[..., DurableStore]]] = {
    "sqlite": _sqlite,
    "postgres": _postgres,
}


def open_store(
    kind: str,
    target: str,
    *,
    pseudonymizer: Pseudonymizer,
    retention: RetentionPolicy | None = None,
) -> DurableStore:
    """Open (and migrate) the store named ``kind`` on ``target``.

    Raises ``ConfigurationError`` for an unknown name and
    ``StoreUnavailableError`` when the database cannot be reached.
    """
    factory = STORES.get(kind)
    if factory is None:
        known = ", ".join(sorted(STORES))
        raise ConfigurationError(f"unknown store {kind!r}; known: {known}", field="store")
    return factory(target, pseudonymizer=pseudonymizer, retention=retention)
