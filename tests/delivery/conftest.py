"""Fixtures: a SQLite store with outbox rows, a fake clock, and a recording MockTransport."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.storage.helpers import callback, deliver

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
URL = "https://host.example/hooks"


@dataclass
class FakeClock:
    now: datetime = field(default_factory=lambda: datetime.now(UTC) + timedelta(seconds=1))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Receiver:
    """A MockTransport handler that records requests and answers from a script."""

    replies: list[httpx.Response | Exception] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if self.replies else httpx.Response(204)
        if isinstance(reply, Exception):
            raise reply
        return reply


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    db = SQLiteStore(tmp_path / "store.sqlite3", pseudonymizer=Pseudonymizer(b"k" * 32))
    yield db
    db.close()


@pytest.fixture
def enqueue(store: SQLiteStore) -> Callable[..., None]:
    counter = iter(range(1, 1_000_000))

    def add(endpoint: str = "default", tenant: str = "acme", **payload: object) -> None:
        n = next(counter)
        store.apply(
            tenant,
            f"c{n}",
            f"e{n}",
            deliver(callback(endpoint, decision_id=f"d{n}", **payload), event_id=f"e{n}"),
        )

    return add
