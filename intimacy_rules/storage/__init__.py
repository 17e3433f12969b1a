"""Durable stores for the webhook service: SQLite (embedded) and PostgreSQL (scale-out).

Both implement ``engine.store.Store`` plus retention (``purge``) and an
``outbox`` for the delivery worker (``OutboxStore``). Pick one by name through
``STORES`` in ``storage.registry``; importing this package opens nothing and
does not import the PostgreSQL driver.
"""

from __future__ import annotations

from intimacy_rules.storage.outbox import ClaimedDelivery, DeadLetter, DeliveryStatus, OutboxStore
from intimacy_rules.storage.retention import PurgeCounts, RetentionPolicy

__all__ = [
    "ClaimedDelivery",
    "DeadLetter",
    "DeliveryStatus",
    "OutboxStore",
    "PurgeCounts",
    "RetentionPolicy",
]
