"""On SQLite, single events go through the write batcher; the loop never waits for the turn."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.app import create_app
from intimacy_rules.server.services import Services
from intimacy_rules.server.settings import Settings
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.server.client import AppClient
from tests.server.conftest import NOW, auth, event
from tests.server.fakes import fake_engine_factory, fake_loader


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore(tmp_path / "db.sqlite3", pseudonymizer=Pseudonymizer(b"p" * 32))
    yield store
    store.close()


def app_client(
    settings: Settings, store: SQLiteStore | InMemoryStore, *, fast_path: bool = True
) -> AppClient:
    app = create_app(
        settings,
        engine_factory=fake_engine_factory,
        store=store,
        clock=lambda: NOW,
        load_ruleset=fake_loader,
        run_worker=False,
        fast_path=fast_path,
    )
    return AppClient(app)


def services_of(client: AppClient) -> Services:
    services: Services = client.app.state.services
    return services


@pytest.mark.parametrize("fast_path", [True, False], ids=["fast-path", "router"])
def test_single_events_are_recorded_by_the_batcher_and_retries_replay(
    settings: Settings, sqlite_store: SQLiteStore, fast_path: bool
) -> None:
    with app_client(settings, sqlite_store, fast_path=fast_path) as client:
        batcher = services_of(client).batcher
        assert batcher is not None
        first = client.post("/v1/events", json=event("e1"), headers=auth())
        retry = client.post("/v1/events", json=event("e1"), headers=auth())
        assert first.status_code == retry.status_code == 200
        assert retry.json() == first.json()
        assert retry.headers["Idempotent-Replayed"] == "true"
        assert batcher.events == 2
        assert client.get("/v1/conversations/c1", headers=auth()).json()["messages"] == 1
        metrics = client.get("/metrics").text
        assert "intimacy_rules_write_batch_events_total 2.0" in metrics
        assert "intimacy_rules_write_batches_total 2.0" in metrics
        assert "intimacy_rules_write_turn_busy_total 0.0" in metrics


def test_no_batcher_without_a_store_that_batches_or_with_engine_threads(
    settings: Settings, sqlite_store: SQLiteStore
) -> None:
    with app_client(settings, InMemoryStore()) as client:
        assert services_of(client).batcher is None
    threaded = settings.model_copy(update={"engine_threads": 2})
    with app_client(threaded, sqlite_store) as client:
        assert services_of(client).batcher is None
    unbatched = settings.model_copy(update={"write_batch": 0})
    with app_client(unbatched, sqlite_store) as client:
        assert services_of(client).batcher is None
        assert client.post("/v1/events", json=event("e1"), headers=auth()).status_code == 200


def test_the_loop_serves_other_requests_while_another_process_holds_the_write_turn(
    settings: Settings, sqlite_store: SQLiteStore
) -> None:
    replies: list[httpx.Response] = []
    with app_client(settings, sqlite_store) as client:
        # Another process's writer has the turn (an flock of its own on the lock file).
        fd = os.open(f"{sqlite_store.path}-writer.lock", os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            poster = threading.Thread(
                target=lambda: replies.append(
                    client.post("/v1/events", json=event("e1"), headers=auth())
                )
            )
            poster.start()
            deadline = time.monotonic() + 5
            batcher = services_of(client).batcher
            assert batcher is not None
            while batcher.misses == 0 and time.monotonic() < deadline:
                time.sleep(0.001)
            assert batcher.misses > 0  # the event is analysed and waits for the turn...
            started = time.monotonic()
            assert client.get("/healthz").status_code == 200  # ...and the loop still serves
            assert time.monotonic() - started < 1
            evaluated = client.post("/v1/evaluate", json=event("e2"), headers=auth())
            assert evaluated.status_code == 200
            assert not replies  # not answered before its commit
        finally:
            os.close(fd)  # the other process is done
        poster.join(5)
    assert [reply.status_code for reply in replies] == [200]
