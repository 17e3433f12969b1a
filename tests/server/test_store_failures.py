"""Store unavailable: 503 with Retry-After, the event not acknowledged, nothing half-written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import PendingEvent, StoreResult, Transition
from intimacy_rules.errors import StoreUnavailableError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings
from intimacy_rules.storage.sqlite_store import BatchEntry, SQLiteStore
from tests.server.client import AppClient
from tests.server.conftest import NOW, auth, event
from tests.server.fakes import fake_engine_factory, fake_loader


class FlakyStore(SQLiteStore):
    """A SQLite store whose next ``failures`` writes fail after ``step`` ran.

    Replays (which never call ``step``) still succeed, as they would on a
    database that can be read but not written.
    """

    failures = 0

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        return super().apply(tenant, conversation_id, event_id, self._failing(step))

    def batch_entry(self, pending: PendingEvent, *, ahead: bool = True) -> BatchEntry:
        # The server records single events through its write batcher; the
        # step runs under the write turn, as apply runs it.
        return super().batch_entry(pending._replace(step=self._failing(pending.step)), ahead=False)

    def _failing(
        self, step: Callable[[ConversationState | None], Transition]
    ) -> Callable[[ConversationState | None], Transition]:
        def failing(state: ConversationState | None) -> Transition:
            transition = step(state)  # the decision is computed...
            if self.failures:
                self.failures -= 1
                raise StoreUnavailableError("database is locked")  # ...the commit fails
            return transition

        return failing


@pytest.fixture
def flaky(tmp_path: Path) -> Iterator[FlakyStore]:
    store = FlakyStore(tmp_path / "db.sqlite3", pseudonymizer=Pseudonymizer(b"p" * 32))
    yield store
    store.close()


@pytest.fixture
def flaky_client(settings: Settings, flaky: FlakyStore) -> Iterator[AppClient]:
    app = create_app(
        settings,
        engine_factory=fake_engine_factory,
        store=flaky,
        clock=lambda: NOW,
        load_ruleset=fake_loader,
        run_worker=False,
    )
    with AppClient(app) as client:
        yield client


def test_an_unavailable_store_is_503_and_the_event_is_not_recorded(
    flaky_client: AppClient, flaky: FlakyStore
) -> None:
    flaky.failures = 1
    reply = flaky_client.post("/v1/events", json=event(), headers=auth())
    assert reply.status_code == 503
    assert reply.headers["retry-after"] == "1"
    assert flaky_client.get("/v1/conversations/c1", headers=auth()).status_code == 404
    retry = flaky_client.post("/v1/events", json=event(), headers=auth())
    assert retry.status_code == 200
    assert "Idempotent-Replayed" not in retry.headers  # decided now, not replayed
    assert flaky_client.get("/v1/conversations/c1", headers=auth()).json()["messages"] == 1


def test_a_batch_that_fails_midway_can_be_retried_whole(
    flaky_client: AppClient, flaky: FlakyStore
) -> None:
    batch = {"events": [event("e1"), event("e2"), event("e3")]}
    flaky_client.post("/v1/events", json={"events": [event("e1")]}, headers=auth())
    flaky.failures = 1  # e2 fails after e1 replays
    assert flaky_client.post("/v1/events", json=batch, headers=auth()).status_code == 503
    reply = flaky_client.post("/v1/events", json=batch, headers=auth())
    assert reply.status_code == 200
    assert reply.json()["replayed"] == ["e1"]
    assert flaky_client.get("/v1/conversations/c1", headers=auth()).json()["messages"] == 3


def test_readyz_is_503_when_the_store_is_closed(flaky_client: AppClient, flaky: FlakyStore) -> None:
    flaky.close()
    assert flaky_client.get("/readyz").status_code == 503
