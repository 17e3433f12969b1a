"""The delivery worker against a real SQLite outbox, a fake clock and httpx.MockTransport."""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable

import httpx
import pytest
from standardwebhooks import Webhook

from intimacy_rules.delivery.retry import RetryPolicy
from intimacy_rules.delivery.worker import DeliveryWorker, WorkerThread
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.delivery.conftest import SECRET, URL, FakeClock, Receiver


def make_worker(
    store: SQLiteStore,
    receiver: Receiver,
    clock: FakeClock,
    *,
    endpoints: dict[str, str] | None = None,
    max_attempts: int = 5,
) -> DeliveryWorker:
    known = endpoints if endpoints is not None else {"default": URL}

    def resolve(tenant: str, endpoint: str) -> tuple[str, str] | None:
        url = known.get(endpoint)
        return None if url is None else (url, SECRET)

    return DeliveryWorker(
        store.outbox,
        resolve,
        client=httpx.Client(transport=httpx.MockTransport(receiver)),
        policy=RetryPolicy(max_attempts=max_attempts, base_delay_s=10, max_delay_s=3600),
        clock=clock,
        rng=random.Random(7),
    )


def test_a_row_is_posted_signed_the_standard_webhooks_way(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue(score=1)
    worker = make_worker(store, receiver, clock)
    assert worker.run_once() == 1
    (request,) = receiver.requests
    assert str(request.url) == URL
    body = Webhook(SECRET).verify(request.content, dict(request.headers))
    assert body["type"] == "decision.created"
    assert body["data"] == {"decision_id": "d1", "score": 1}
    assert request.headers["webhook-id"].startswith("msg_")
    assert worker.run_once() == 0  # delivered: never sent again


def test_a_tampered_body_fails_verification(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    make_worker(store, receiver, clock).run_once()
    request = receiver.requests[0]
    with pytest.raises(Exception, match="signature"):
        Webhook(SECRET).verify(request.content.replace(b"d1", b"d2"), dict(request.headers))


def test_a_failure_is_retried_after_a_backoff_with_the_same_webhook_id(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    receiver.replies = [httpx.Response(500)]
    worker = make_worker(store, receiver, clock)
    worker.run_once()
    clock.advance(4)  # the first retry waits 5-10 s (base 10 s, equal jitter)
    assert worker.run_once() == 0
    clock.advance(7)
    assert worker.run_once() == 1
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert worker.run_once() == 0


def test_retry_after_is_honoured(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    receiver.replies = [httpx.Response(503, headers={"Retry-After": "120"})]
    worker = make_worker(store, receiver, clock)
    worker.run_once()
    clock.advance(119)
    assert worker.run_once() == 0
    clock.advance(2)
    assert worker.run_once() == 1


def test_a_connection_error_is_retried(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    receiver.replies = [httpx.ConnectError("refused")]
    worker = make_worker(store, receiver, clock)
    worker.run_once()
    assert store.outbox.list_dead("acme") == []
    clock.advance(11)
    assert worker.run_once() == 1


def test_the_last_failed_attempt_makes_a_dead_letter(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    receiver.replies = [httpx.Response(500)] * 3
    worker = make_worker(store, receiver, clock, max_attempts=3)
    for _ in range(3):
        worker.run_once()
        clock.advance(3600)
    assert worker.run_once() == 0
    (dead,) = store.outbox.list_dead("acme")
    assert dead.attempts == 3
    assert dead.last_error is not None
    assert "HTTP 500" in dead.last_error


def test_410_dead_letters_and_disables_the_endpoint(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    enqueue()
    receiver.replies = [httpx.Response(410)]
    worker = make_worker(store, receiver, clock)
    worker.run_once()
    assert len(receiver.requests) == 1  # the second row was not tried after the 410
    assert store.outbox.disabled_endpoints("acme") == {"default"}
    assert len(store.outbox.list_dead("acme")) == 2
    enqueue()  # rows written for a disabled endpoint are dead on arrival
    assert worker.run_once() == 0


def test_a_redelivered_dead_letter_is_delivered(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    receiver.replies = [httpx.Response(410)]
    worker = make_worker(store, receiver, clock)
    worker.run_once()
    (dead,) = store.outbox.list_dead("acme")
    assert store.outbox.redeliver("acme", dead.id, now=clock())
    assert worker.run_once() == 1
    assert store.outbox.list_dead("acme") == []


def test_a_row_for_an_unconfigured_endpoint_is_dead_lettered(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue("removed")
    make_worker(store, receiver, clock).run_once()
    assert receiver.requests == []
    (dead,) = store.outbox.list_dead("acme")
    assert dead.last_error == "endpoint not configured"


def test_logs_never_hold_the_payload_or_the_secret(
    store: SQLiteStore,
    receiver: Receiver,
    clock: FakeClock,
    enqueue: Callable[..., None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    enqueue(note="canary-3f9a")
    receiver.replies = [httpx.Response(500, text="canary-3f9a echoed")]
    with caplog.at_level(logging.DEBUG):
        make_worker(store, receiver, clock).run_once()
    assert caplog.records  # the failure was logged...
    assert "canary-3f9a" not in caplog.text  # ...without the payload or the reply
    assert SECRET not in caplog.text


def test_the_worker_thread_delivers_and_stops_cleanly(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    delivered = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        delivered.set()
        return httpx.Response(200)

    enqueue()
    worker = DeliveryWorker(
        store.outbox,
        lambda tenant, endpoint: (URL, SECRET),
        client=httpx.Client(transport=httpx.MockTransport(handler)),
        clock=clock,
    )
    thread = WorkerThread(worker, interval_s=0.01, batch_size=10)
    thread.start()
    assert delivered.wait(5)
    assert thread.stop(timeout=5)
    assert not thread.running


def test_a_body_is_json_with_the_envelope_fields(
    store: SQLiteStore, receiver: Receiver, clock: FakeClock, enqueue: Callable[..., None]
) -> None:
    enqueue()
    make_worker(store, receiver, clock).run_once()
    body = json.loads(receiver.requests[0].content)
    assert set(body) == {"type", "timestamp", "data"}
    assert receiver.requests[0].headers["content-type"] == "application/json"
