"""Telling a replayed decision from a new one, around an engine that returns only the decision.

``Engine.process`` returns the ``Decision``; the store's ``StoreResult`` (which
says ``replayed``) stays inside it. The server wraps the store it hands to the
engines in ``ReplayRecorder``, which notes each ``apply`` result in a
thread-local slot, so ``Services.process`` can answer a retry with the
``Idempotent-Replayed: true`` header. Everything else passes straight through.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from intimacy_rules.engine.store import Store, StoreResult, Transition

if TYPE_CHECKING:
    from intimacy_rules.conversation.state import ConversationState

__all__ = ["ReplayRecorder"]


class ReplayRecorder:
    """A ``Store`` that delegates to ``inner`` and remembers the last ``apply`` result."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self._last = threading.local()

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        """Delegate, and note whether the result was a replay."""
        self._last.result = None
        result = self.inner.apply(tenant, conversation_id, event_id, step)
        self._last.result = result
        return result

    def take_last(self) -> StoreResult | None:
        """The result of this thread's last ``apply`` (then forgotten), or None."""
        result: StoreResult | None = getattr(self._last, "result", None)
        self._last.result = None
        return result

    def load_state(self, tenant: str, conversation_id: str) -> ConversationState | None:
        """Delegate."""
        return self.inner.load_state(tenant, conversation_id)

    def erase(self, tenant: str, conversation_id: str) -> bool:
        """Delegate."""
        return self.inner.erase(tenant, conversation_id)

    def close(self) -> None:
        """Delegate."""
        self.inner.close()

    def __getattr__(self, name: str) -> Any:
        # ``outbox``, ``purge``, ``path`` and the like of the real store.
        return getattr(self.inner, name)
