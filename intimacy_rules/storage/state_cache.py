"""``StateCache``: the states this process last wrote, reused while their row is unchanged.

Opening a stored state costs an AES-GCM decryption and a validated JSON parse,
a sizeable part of a store's work per event (~60-80 us here). But the state
read back is, nearly always, the one this very process wrote a moment before.
So a store remembers, per conversation row, the sealed bytes it wrote and the
(immutable) ``ConversationState`` they hold; when the row it reads, inside its
transaction, has exactly those bytes, it takes the remembered object instead
of opening them.

Why the comparison is enough, with many processes and machines: every seal has
a fresh random nonce (``Sealer``), so any other write of the row, by any
process, even of an equal state, leaves different bytes, and a row that was
erased or purged is not read at all. A cache entry can only ever be used for
the exact bytes it was made from; a stale entry merely misses. Nothing is
cached that the store does not write itself, and no message text ever reaches a
state. Entries are evicted oldest first past ``max_entries``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from intimacy_rules.conversation.state import ConversationState

__all__ = ["DEFAULT_MAX_STATES", "StateCache"]

#: A state takes a few KiB in memory: a few tens of MiB at most.
DEFAULT_MAX_STATES: Final = 8192


class StateCache:
    """``(tenant, row key) -> (sealed bytes, state)``, bounded, thread-safe."""

    __slots__ = ("_entries", "_lock", "_max")

    def __init__(self, max_entries: int = DEFAULT_MAX_STATES) -> None:
        self._entries: dict[tuple[str, str], tuple[bytes, ConversationState]] = {}
        self._lock = threading.Lock()
        self._max = max_entries

    def get(self, tenant: str, key: str, sealed: bytes) -> ConversationState | None:
        """The state sealed in ``sealed``, if this cache holds those very bytes."""
        entry = self._entries.get((tenant, key))
        if entry is None or entry[0] != sealed:
            return None
        return entry[1]

    def put(self, tenant: str, key: str, sealed: bytes, state: ConversationState) -> None:
        """Remember that ``sealed`` (as written to the row) holds ``state``."""
        if self._max <= 0:
            return
        with self._lock:
            entries = self._entries
            entries.pop((tenant, key), None)  # re-inserted last: evicted last
            entries[(tenant, key)] = (sealed, state)
            if len(entries) > self._max:
                del entries[next(iter(entries))]

    def discard(self, tenant: str, key: str) -> None:
        """Forget a conversation (erased)."""
        with self._lock:
            self._entries.pop((tenant, key), None)

    def clear(self) -> None:
        """Forget everything (purged, closed)."""
        with self._lock:
            self._entries.clear()
