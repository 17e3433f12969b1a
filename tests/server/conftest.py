"""Fixtures: an app over an in-memory store with the fake engine, and its TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings
from tests.server.client import AppClient
from tests.server.fakes import fake_engine_factory, fake_loader

API_KEY = "ir_test-tenant-key-0123456789"
OTHER_KEY = "ir_other-tenant-key-0123456789"
ADMIN_KEY = "ir_test-admin-key-0123456789"
NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def auth(key: str = API_KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def event(
    event_id: str = "e1",
    *,
    conversation: str = "c1",
    text: str = "I feel closer to you",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": event_id,
        "conversation_id": conversation,
        "sender": "alice",
        "recipients": ["bob"],
        "text": text,
        "sent_at": "2026-01-01T12:00:00Z",
        **extra,
    }


def two_tenant_settings(data_dir: Path, **overrides: Any) -> Settings:
    return Settings.load(
        data_dir=data_dir,
        admin_key=ADMIN_KEY,
        tenants={
            "acme": {"api_keys": [API_KEY]},
            "globex": {"api_keys": [OTHER_KEY], "ruleset": "counseling"},
        },
        **overrides,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return two_tenant_settings(tmp_path / "data")


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


@pytest.fixture(
    params=[(True, 0), (False, 0), (True, 2)], ids=["fast-path", "router", "engine-threads"]
)
def client(
    request: pytest.FixtureRequest, settings: Settings, store: InMemoryStore
) -> Iterator[AppClient]:
    """The app with the ASGI fast path for the hot routes, without it, and with threads."""
    fast_path, threads = request.param
    app = create_app(
        settings.model_copy(update={"engine_threads": threads}),
        engine_factory=fake_engine_factory,
        store=store,
        clock=lambda: NOW,
        load_ruleset=fake_loader,
        fast_path=fast_path,
    )
    with AppClient(app) as test_client:
        yield test_client
