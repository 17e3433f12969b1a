"""Callbacks through the app: which decisions are sent, dead letters listed and redelivered."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings
from tests.server.client import AppClient
from tests.server.conftest import ADMIN_KEY, API_KEY, auth, event
from tests.server.fakes import fake_engine_factory, fake_loader

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Host:
    """The tenant's callback endpoint: answers from a script, records what arrived."""

    def __init__(self) -> None:
        self.status = 204
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.status < 300:
            self.bodies.append(Webhook(SECRET).verify(request.content, dict(request.headers)))
        return httpx.Response(self.status)


@pytest.fixture
def host() -> Host:
    return Host()


@pytest.fixture
def make_client(tmp_path: Path, host: Host) -> Iterator[Callable[[str], AppClient]]:
    opened: list[AppClient] = []

    def make(policy: str) -> AppClient:
        settings = Settings.load(
            data_dir=tmp_path / policy,
            admin_key=ADMIN_KEY,
            tenants={
                "acme": {
                    "api_keys": [API_KEY],
                    "callbacks": policy,
                    "endpoints": {"main": {"url": "https://acme.example/hook", "secret": SECRET}},
                }
            },
            delivery={"poll_interval_s": 0.02, "max_attempts": 1},
        )
        app = create_app(
            settings,
            engine_factory=fake_engine_factory,
            load_ruleset=fake_loader,
            transport=httpx.MockTransport(host),
        )
        client = AppClient(app).__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def _wait(predicate: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_actionable_decisions_are_called_back_and_others_are_not(
    make_client: Callable[[str], AppClient], host: Host
) -> None:
    client = make_client("actionable")
    client.post("/v1/events", json=event("e1", text="hello there"), headers=auth())
    client.post("/v1/events", json=event("e2", text="I feel closer"), headers=auth())
    _wait(lambda: len(host.bodies) == 1)
    time.sleep(0.1)
    assert [b["data"]["event_id"] for b in host.bodies] == ["e2"]
    assert host.bodies[0]["type"] == "decision.created"


def test_policy_all_calls_back_every_decision_and_replays_add_none(
    make_client: Callable[[str], AppClient], host: Host
) -> None:
    client = make_client("all")
    client.post("/v1/events", json=event("e1", text="hello"), headers=auth())
    client.post("/v1/events", json=event("e1", text="hello"), headers=auth())
    client.post("/v1/evaluate", json=event("e9", text="I feel closer"), headers=auth())
    _wait(lambda: len(host.bodies) == 1)
    time.sleep(0.1)
    assert len(host.bodies) == 1  # the replay and the dry run sent nothing


def test_dead_letters_are_listed_and_redelivered_by_the_admin(
    make_client: Callable[[str], AppClient], host: Host
) -> None:
    client = make_client("all")
    host.status = 500
    client.post("/v1/events", json=event("e1"), headers=auth())
    admin = auth(ADMIN_KEY)

    def dead() -> list[dict[str, Any]]:
        reply = client.get("/v1/deliveries/dead", params={"tenant": "acme"}, headers=admin)
        assert reply.status_code == 200
        found: list[dict[str, Any]] = reply.json()["dead"]
        return found

    _wait(lambda: len(dead()) == 1)
    (letter,) = dead()
    assert letter["endpoint"] == "main"
    assert "HTTP 500" in letter["last_error"]
    host.status = 204
    redo = client.post(
        f"/v1/deliveries/dead/{letter['id']}/redeliver", params={"tenant": "acme"}, headers=admin
    )
    assert redo.status_code == 202
    _wait(lambda: len(host.bodies) == 1)
    assert dead() == []


def test_dead_letter_routes_are_for_the_admin_and_the_right_tenant(
    make_client: Callable[[str], AppClient],
) -> None:
    client = make_client("all")
    params = {"tenant": "acme"}
    assert client.get("/v1/deliveries/dead", params=params, headers=auth()).status_code == 403
    assert client.get("/v1/deliveries/dead", params=params).status_code == 401
    admin = auth(ADMIN_KEY)
    unknown = client.get("/v1/deliveries/dead", params={"tenant": "nope"}, headers=admin)
    assert unknown.status_code == 404
    missing = client.post("/v1/deliveries/dead/999/redeliver", params=params, headers=admin)
    assert missing.status_code == 404
