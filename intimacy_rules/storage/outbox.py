"""The transactional outbox: the rows the delivery worker claims, and its interface.

``Store.apply`` writes one outbox row per ``OutboundMessage`` in the same
transaction as the decision, so a callback exists exactly when its decision
does. The delivery worker then drives each row through this life cycle::

    pending ──claim_due──▶ leased ──mark_delivered──▶ delivered
       ▲                     │
       │                     ├──mark_failed(next_attempt_at)──▶ pending (later)
       │                     └──mark_failed(None)──────────────▶ dead
       └────────────redeliver (an operator, after fixing the endpoint)──┘

A claim is a *lease*: the row stays ``pending`` but no other worker can claim
it until ``lease_until``; a worker that dies mid-delivery simply lets the lease
run out and the row is claimed again. ``mark_*`` take the ``lease_token`` of the
claim, so a worker whose lease expired cannot overwrite the outcome of the
worker that took the row over.

Payloads carry the host's real ids (the host needs them), so stores keep them
sealed at rest (see ``sealing``); models here hold the opened payload in memory.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Protocol

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

__all__ = [
    "MAX_ERROR_CHARS",
    "ClaimedDelivery",
    "DeadLetter",
    "DeliveryStatus",
    "OutboxStore",
]

DeliveryStatus = Literal["pending", "delivered", "dead"]

#: Longer error texts are cut: they are diagnostics, not a place to store bodies.
MAX_ERROR_CHARS = 500


class ClaimedDelivery(BaseModel):
    """One outbox row leased to a worker for one delivery attempt."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int = Field(
        description="the outbox row id: the same on every attempt and never reused, "
        "so it can serve as the webhook id; pass it to mark_delivered/mark_failed"
    )
    tenant: str
    endpoint: str = Field(description="the tenant's callback endpoint name")
    event_type: str
    payload: dict[str, object] = Field(description="the callback body, opened")
    attempt: int = Field(ge=1, description="1 for the first try, counting this one")
    created_at: AwareDatetime
    lease_token: str = Field(description="proves this claim when marking the outcome")
    lease_until: AwareDatetime = Field(description="after this, another worker may claim it")


class DeadLetter(BaseModel):
    """An outbox row given up on after its last attempt, or for a disabled endpoint."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    tenant: str
    endpoint: str
    event_type: str
    payload: dict[str, object]
    attempts: int = Field(ge=0)
    last_error: str | None
    created_at: AwareDatetime
    failed_at: AwareDatetime


class OutboxStore(Protocol):
    """What the delivery worker and the dead-letter endpoints call.

    Every ``now`` is an aware datetime; the optional ones default to the
    store's clock.
    """

    def claim_due(self, limit: int, now: datetime, lease_seconds: float) -> list[ClaimedDelivery]:
        """Lease up to ``limit`` pending rows due at ``now``, oldest first.

        Rows of disabled endpoints and rows leased to another worker are never
        returned; two concurrent callers never receive the same row. Each claim
        counts one attempt.
        """
        ...

    def mark_delivered(
        self, delivery_id: int, lease_token: str, *, now: datetime | None = None
    ) -> bool:
        """Record a successful delivery; False when the lease was lost meanwhile."""
        ...

    def mark_failed(
        self,
        delivery_id: int,
        lease_token: str,
        next_attempt_at: datetime | None,
        error: str,
        *,
        now: datetime | None = None,
    ) -> bool:
        """Record a failed attempt: retry at ``next_attempt_at``, or dead-letter on None.

        False when the lease was lost meanwhile (nothing is changed then).
        """
        ...

    def list_dead(self, tenant: str, limit: int = 100) -> list[DeadLetter]:
        """The tenant's dead letters, newest failure first."""
        ...

    def redeliver(self, tenant: str, delivery_id: int, *, now: datetime | None = None) -> bool:
        """Put one of the tenant's dead letters back in line with a fresh attempt count.

        False when the tenant has no such dead letter (another tenant's rows are
        invisible). The endpoint is re-enabled, since an operator asked for it.
        """
        ...

    def disable_endpoint(self, tenant: str, endpoint: str, *, now: datetime | None = None) -> int:
        """Stop delivering to an endpoint (it answered 410 Gone).

        Its pending rows become dead letters, and rows written for it later are
        dead on arrival; returns how many rows were dead-lettered now.
        """
        ...

    def enable_endpoint(self, tenant: str, endpoint: str) -> bool:
        """Deliver to the endpoint again; True if it was disabled."""
        ...

    def disabled_endpoints(self, tenant: str) -> frozenset[str]:
        """The tenant's endpoints that are disabled."""
        ...
