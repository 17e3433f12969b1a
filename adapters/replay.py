"""De-duplication of platform deliveries: a bounded cache of delivery ids with a TTL.

Platforms retry a delivery with the same id (Stream's ``X-Webhook-Id``, a Matrix
``txnId``, a Standard Webhooks ``webhook-id``) when our answer was lost, and an
attacker may replay a captured request. Both get the same treatment: the first
answer is remembered for ``ttl`` and sent again, the request is never decided
twice. ``ttl`` must be at least the adapter's timestamp tolerance, so that a
request old enough to leave the cache is already refused as stale.

The cache is bounded (``max_entries``, oldest evicted first) so a flood of
distinct ids cannot exhaust memory; post-event deliveries are also idempotent
in the store on (tenant, event id), which covers an id evicted early.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime, timedelta

from .base import Clock, OutboundReply, utc_now

__all__ = ["ReplayCache"]


class ReplayCache:
    """Delivery id -> the reply first sent for it, for ``ttl``; thread-safe."""

    __slots__ = ("_clock", "_entries", "_lock", "max_entries", "ttl")

    def __init__(
        self,
        ttl: timedelta = timedelta(minutes=10),
        *,
        max_entries: int = 100_000,
        clock: Clock = utc_now,
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        # Insertion order is time order (every put is stamped "now"), so expiry
        # and eviction both pop from the front.
        self._entries: OrderedDict[str, tuple[datetime, OutboundReply]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> OutboundReply | None:
        """The reply remembered for ``key``, or None if unseen or expired."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            entry = self._entries.get(key)
            return entry[1] if entry is not None else None

    def put(self, key: str, reply: OutboundReply) -> None:
        """Remember ``reply`` as the answer to delivery ``key``."""
        now = self._clock()
        with self._lock:
            self._expire(now)
            self._entries.pop(key, None)
            self._entries[key] = (now, reply)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def _expire(self, now: datetime) -> None:
        horizon = now - self.ttl
        while self._entries:
            stamped, _ = next(iter(self._entries.values()))
            if stamped > horizon:
                break
            self._entries.popitem(last=False)
