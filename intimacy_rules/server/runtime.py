"""The delivery thread, as both the server (in process) and ``intimacy-rules worker`` run it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from intimacy_rules.delivery.retry import RetryPolicy
from intimacy_rules.delivery.worker import DeliveryWorker, WorkerThread
from intimacy_rules.server.settings import Settings
from intimacy_rules.server.tenants import TenantRegistry

__all__ = ["delivery_thread", "endpoint_resolver"]


def endpoint_resolver(tenants: TenantRegistry) -> Callable[[str, str], tuple[str, str] | None]:
    """``(tenant, endpoint) -> (url, secret)`` from the tenants' settings, or None."""

    def resolve(tenant: str, endpoint: str) -> tuple[str, str] | None:
        try:
            cfg = tenants.get(tenant).settings.endpoints.get(endpoint)
        except KeyError:
            return None
        return None if cfg is None else (cfg.url, cfg.secret.get_secret_value())

    return resolve


def delivery_thread(
    settings: Settings,
    tenants: TenantRegistry,
    store: Any,
    *,
    clock: Callable[[], datetime],
    metrics: Any = None,
    transport: httpx.BaseTransport | None = None,
) -> WorkerThread | None:
    """A (not yet started) thread delivering ``store``'s outbox and purging expired rows.

    None for a store without an outbox (the in-memory store): nothing to deliver.
    """
    outbox = getattr(store, "outbox", None)
    if outbox is None:
        return None
    cfg = settings.delivery
    # Redirects are not followed: a callback URL that moved must be updated
    # by the operator, not silently re-targeted (and re-signed) elsewhere.
    client = httpx.Client(transport=transport, timeout=cfg.timeout_s, follow_redirects=False)
    worker = DeliveryWorker(
        outbox,
        endpoint_resolver(tenants),
        client=client,
        policy=RetryPolicy(cfg.max_attempts, cfg.base_delay_s, cfg.max_delay_s),
        clock=clock,
        metrics=metrics,
        batch_size=cfg.batch_size,
        lease_s=cfg.lease_s,
    )
    return WorkerThread(
        worker,
        interval_s=cfg.poll_interval_s,
        batch_size=cfg.batch_size,
        housekeeping=getattr(store, "purge", None),
        housekeeping_interval_s=settings.purge_interval_s,
    )
