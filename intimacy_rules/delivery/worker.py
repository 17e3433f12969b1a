"""The delivery worker: claims due outbox rows and POSTs them, signed, to their endpoints.

One ``run_once`` claims up to ``batch_size`` due rows (a lease, so a worker that
dies mid-batch loses nothing: the rows come due again when the lease runs out)
and settles each one:

- a 2xx reply: delivered;
- ``410 Gone``: the host retired the endpoint; the row is dead-lettered and the
  endpoint disabled, so its other rows stop too (an operator re-enables it by
  redelivering);
- any other reply, a timeout or a connection error: tried again later
  (``RetryPolicy``: backoff with jitter, ``Retry-After`` honoured), or
  dead-lettered after the last attempt;
- a row whose endpoint is no longer configured: dead-lettered.

The body posted is ``{"type", "timestamp", "data"}`` as Standard Webhooks
suggests. Logs name the row id, the tenant, the endpoint's name and the status:
never a body, a URL's query or a secret. ``WorkerThread`` runs the loop in a
thread that stops cleanly (between rows) when the server shuts down.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

import httpx

from intimacy_rules.delivery.retry import RetryPolicy, parse_retry_after
from intimacy_rules.delivery.signing import WebhookSigner
from intimacy_rules.storage.outbox import ClaimedDelivery, OutboxStore

__all__ = ["DeliveryWorker", "EndpointResolver", "WorkerThread"]

log = logging.getLogger("intimacy_rules.delivery")


#: ``(tenant, endpoint name) -> (url, secret)``, or None when not configured.
EndpointResolver = Callable[[str, str], tuple[str, str] | None]


class _Counter(Protocol):
    def count_delivery(self, result: str) -> None: ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DeliveryWorker:
    """Delivers due outbox rows; ``run_once`` is one claim-and-settle pass."""

    def __init__(
        self,
        outbox: OutboxStore,
        endpoints: EndpointResolver,
        *,
        client: httpx.Client,
        policy: RetryPolicy | None = None,
        clock: Callable[[], datetime] = _utc_now,
        metrics: _Counter | None = None,
        rng: random.Random | None = None,
        batch_size: int = 50,
        lease_s: float = 60.0,
    ) -> None:
        self._outbox = outbox
        self._endpoints = endpoints
        self._client = client
        self._policy = policy or RetryPolicy()
        self._clock = clock
        self._metrics = metrics
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not a secret
        self._batch_size = batch_size
        self._lease_s = lease_s
        self._signers: dict[str, WebhookSigner] = {}

    def run_once(self, stop: threading.Event | None = None) -> int:
        """Claim due rows and settle each; returns how many were claimed."""
        rows = self._outbox.claim_due(self._batch_size, self._clock(), self._lease_s)
        gone: set[tuple[str, str]] = set()
        for row in rows:
            if stop is not None and stop.is_set():
                break  # the leases run out and another pass takes the rest
            if (row.tenant, row.endpoint) in gone:
                continue  # disabling the endpoint dead-lettered this row already
            if self._settle(row) == "gone":
                gone.add((row.tenant, row.endpoint))
        return len(rows)

    def close(self) -> None:
        """Close the HTTP client's connections."""
        self._client.close()

    def _settle(self, row: ClaimedDelivery) -> str:
        """Post one row and record the outcome; returns it (delivered/retry/dead/gone)."""
        target = self._endpoints(row.tenant, row.endpoint)
        if target is None:
            self._fail(row, None, "endpoint not configured", result="dead")
            return "dead"
        url, secret = target
        body = json.dumps(
            {"type": row.event_type, "timestamp": row.created_at.isoformat(), "data": row.payload},
            separators=(",", ":"),
            ensure_ascii=False,
        )
        now = self._clock()
        headers = self._signer(secret).headers(f"msg_{row.id}", now, body)
        headers["content-type"] = "application/json"
        try:
            response = self._client.post(url, content=body.encode("utf-8"), headers=headers)
        except httpx.HTTPError as exc:
            return self._retry(row, f"{type(exc).__name__}", None)
        status = response.status_code
        if 200 <= status < 300:
            self._outbox.mark_delivered(row.id, row.lease_token, now=self._clock())
            self._count("delivered")
            log.info("delivered row %s for %s/%s: %s", row.id, row.tenant, row.endpoint, status)
            return "delivered"
        if status == 410:
            self._fail(row, status, "HTTP 410 Gone: endpoint disabled", result="gone")
            self._outbox.disable_endpoint(row.tenant, row.endpoint, now=self._clock())
            log.warning("endpoint %s/%s answered 410: disabled", row.tenant, row.endpoint)
            return "gone"
        retry_after = parse_retry_after(response.headers.get("retry-after"), self._clock())
        return self._retry(row, f"HTTP {status}", retry_after)

    def _retry(self, row: ClaimedDelivery, error: str, retry_after_s: float | None) -> str:
        now = self._clock()
        when = self._policy.next_attempt_at(
            row.attempt, now, retry_after_s=retry_after_s, rng=self._rng
        )
        if when is None:
            self._fail(row, None, f"{error} (attempt {row.attempt}, the last)", result="dead")
            return "dead"
        self._outbox.mark_failed(row.id, row.lease_token, when, error, now=now)
        self._count("retry")
        log.info(
            "row %s for %s/%s failed (%s), attempt %s; next at %s",
            row.id,
            row.tenant,
            row.endpoint,
            error,
            row.attempt,
            when.isoformat(timespec="seconds"),
        )
        return "retry"

    def _fail(self, row: ClaimedDelivery, status: int | None, error: str, *, result: str) -> None:
        self._outbox.mark_failed(row.id, row.lease_token, None, error, now=self._clock())
        self._count(result)
        if result == "gone":
            self._count("dead")
        log.warning("row %s for %s/%s dead-lettered: %s", row.id, row.tenant, row.endpoint, error)

    def _signer(self, secret: str) -> WebhookSigner:
        signer = self._signers.get(secret)
        if signer is None:
            signer = self._signers[secret] = WebhookSigner(secret)
        return signer

    def _count(self, result: str) -> None:
        if self._metrics is not None:
            self._metrics.count_delivery(result)


class WorkerThread:
    """Runs a ``DeliveryWorker`` (and, optionally, periodic housekeeping) in a thread.

    It polls every ``interval_s`` while the outbox is idle, and goes straight on
    when a pass claimed a full batch. An error in one pass is logged by type
    and the loop goes on (the store may be briefly unavailable).
    """

    def __init__(
        self,
        worker: DeliveryWorker,
        *,
        interval_s: float,
        batch_size: int,
        housekeeping: Callable[[], object] | None = None,
        housekeeping_interval_s: float = 3600.0,
    ) -> None:
        self._worker = worker
        self._interval = interval_s
        self._batch_size = batch_size
        self._housekeeping = housekeeping
        self._housekeeping_interval = housekeeping_interval_s
        self._next_housekeeping = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, name="intimacy-rules-delivery", daemon=True
        )

    def start(self) -> None:
        """Start delivering."""
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> bool:
        """Ask the loop to stop after the row in hand; True if it stopped in time."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        stopped = not self._thread.is_alive()
        if stopped:
            self._worker.close()  # never under a thread still posting with it
        return stopped

    @property
    def running(self) -> bool:
        """Whether the loop is running."""
        return self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._maybe_housekeep()
            try:
                claimed = self._worker.run_once(self._stop)
            except Exception as exc:  # a bad pass must not end delivery
                log.warning("delivery pass failed: %s", type(exc).__name__)
                claimed = 0
            if claimed < self._batch_size:
                self._stop.wait(self._interval)

    def _maybe_housekeep(self) -> None:
        # The retention purge rides on the delivery loop: one thread per
        # process doing background store work is enough.
        if self._housekeeping is None or time.monotonic() < self._next_housekeeping:
            return
        self._next_housekeeping = time.monotonic() + self._housekeeping_interval
        try:
            self._housekeeping()
        except Exception as exc:  # a failed purge is retried at the next interval
            log.warning("housekeeping failed: %s", type(exc).__name__)
