"""Shared by the storage tests: building transitions with outbox rows, the store type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import OutboundMessage, Transition
from tests.engine.store_contract import make_decision, make_state

#: Builds a fresh store of one backend; keyword arguments go to its constructor.
StoreMaker = Callable[..., Any]


def callback(endpoint: str = "default", **payload: object) -> OutboundMessage:
    """An outbox message for ``endpoint`` with ``payload``."""
    return OutboundMessage(endpoint=endpoint, event_type="decision.created", payload=payload)


def deliver(
    *messages: OutboundMessage, tag: int = 1, event_id: str = "e1", conversation_id: str = "c1"
) -> Callable[[ConversationState | None], Transition]:
    """A step that writes state ``tag`` and queues ``messages``."""

    def step(state: ConversationState | None) -> Transition:
        return Transition(
            make_state(tag), make_decision(event_id, conversation_id, tag=tag), messages
        )

    return step
