"""Which decisions become callbacks, and to where: the engine's ``DeliveryFactory``.

The engine calls the factory inside the store's transaction, so the outbox
rows commit together with the decision or not at all. A tenant's ``callbacks``
setting chooses the decisions:

- ``actionable`` (default): decisions with a nudge, a hold or an escalation,
  what a host must act on;
- ``all``: every decision (analytics pipelines);
- ``none``: no callbacks (hosts that only use the synchronous reply).

Each chosen decision gives one row per configured endpoint, of type
``decision.created``, whose payload is the decision itself (labels, scores,
rule ids, ruleset texts; never the message text).
"""

from __future__ import annotations

from collections.abc import Callable

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.store import OutboundMessage
from intimacy_rules.server.settings import TenantSettings

__all__ = ["ACTIONABLE", "DECISION_CREATED", "callbacks_for"]

DECISION_CREATED = "decision.created"
ACTIONABLE = frozenset({"nudge", "hold", "escalate"})


def _actionable(decision: Decision) -> bool:
    return any(o.type in ACTIONABLE for rule in decision.fired for o in rule.outcomes)


def callbacks_for(
    settings: TenantSettings,
) -> Callable[[str, Decision], tuple[OutboundMessage, ...]] | None:
    """The delivery factory for a tenant, or None when it gets no callbacks."""
    endpoints = tuple(sorted(settings.endpoints))
    policy = settings.callbacks
    if not endpoints or policy == "none":
        return None

    def deliveries(tenant: str, decision: Decision) -> tuple[OutboundMessage, ...]:
        if policy == "actionable" and not _actionable(decision):
            return ()
        payload = decision.model_dump(mode="json")
        return tuple(
            OutboundMessage(endpoint=name, event_type=DECISION_CREATED, payload=payload)
            for name in endpoints
        )

    return deliveries
