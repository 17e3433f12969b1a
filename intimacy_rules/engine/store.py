"""The store interface the engine writes through, and the in-memory default.

A store keeps, per tenant and conversation, the serialised conversation state,
the decision record of every event, and outbox rows for callbacks. It runs one
*step* per event inside one transaction:

1. if ``(tenant, event_id)`` was processed before, return that decision
   (``replayed=True``) and call nothing;
2. otherwise lock the conversation (row lock or equivalent, so events of one
   conversation are decided one at a time, in arrival order), load its state,
   call ``step(state)``, and write the new state, the decision and the outbox
   rows together, or nothing at all.

Message text never reaches a store: states and decisions hold labels, scores
and spans only. Implementations pseudonymise ids at rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.decision import Decision

__all__ = ["OutboundMessage", "PendingEvent", "Store", "StoreResult", "Transition"]


class OutboundMessage(BaseModel):
    """A callback to deliver after the transaction commits (the outbox row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    endpoint: str = "default"
    event_type: str
    payload: dict[str, object]


class Transition(NamedTuple):
    """What one step produced: the new state, the decision, the callbacks."""

    state: ConversationState
    decision: Decision
    deliveries: tuple[OutboundMessage, ...] = ()


class PendingEvent(NamedTuple):
    """An analysed event ready to be recorded: exactly the arguments of ``Store.apply``.

    ``Engine.prepare`` hands it out so a caller can record several events in
    one transaction (``SQLiteStore.apply_batch``); ``store.apply(*pending)``
    records it alone.
    """

    tenant: str
    conversation_id: str
    event_id: str
    step: Callable[[ConversationState | None], Transition]


class StoreResult(NamedTuple):
    """The decision for an event, and whether it was recorded earlier (a retry)."""

    decision: Decision
    replayed: bool


class Store(Protocol):
    """Where conversation state, decisions and the outbox live."""

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        """Run ``step`` on the conversation's state (None if new), atomically.

        SQL stores keep the state as ``state.model_dump_json()`` and read it back
        with ``ConversationState.model_validate_json``; the in-memory store keeps
        the (immutable) object itself.
        """
        ...

    def load_state(self, tenant: str, conversation_id: str) -> ConversationState | None:
        """The conversation's state, or None when nothing is stored."""
        ...

    def erase(self, tenant: str, conversation_id: str) -> bool:
        """Delete everything stored for a conversation; True if anything was."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...
