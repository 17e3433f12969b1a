"""Outbound callbacks: Standard Webhooks signing, the retry policy and the delivery worker.

The worker drives the store's transactional outbox (``intimacy_rules.storage.outbox``):
it claims due rows, POSTs each to its tenant's endpoint with httpx, and marks it
delivered, due again later (exponential backoff with jitter, ``Retry-After``
honoured), or dead after the last attempt. A ``410 Gone`` disables the endpoint.
"""

from __future__ import annotations

from intimacy_rules.delivery.retry import RetryPolicy
from intimacy_rules.delivery.signing import WebhookSigner
from intimacy_rules.delivery.worker import DeliveryWorker, EndpointResolver, WorkerThread

__all__ = ["DeliveryWorker", "EndpointResolver", "RetryPolicy", "WebhookSigner", "WorkerThread"]
