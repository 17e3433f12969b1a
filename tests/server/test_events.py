"""POST /v1/events and /v1/evaluate: decisions, idempotency, batches and every error case."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from intimacy_rules.engine.memory_store import InMemoryStore
from tests.server.client import AppClient
from tests.server.conftest import ADMIN_KEY, OTHER_KEY, auth, event


def test_an_event_gets_its_decision(client: AppClient) -> None:
    reply = client.post("/v1/events", json=event(), headers=auth())
    assert reply.status_code == 200
    body = reply.json()
    assert body["event_id"] == "e1"
    assert body["conversation_id"] == "c1"
    assert body["ruleset"] == "dating"
    assert [r["rule_id"] for r in body["fired"]] == ["closer"]
    assert "Idempotent-Replayed" not in reply.headers
    assert "I feel closer" not in reply.text  # evidence is spans, never the text


def test_a_retry_returns_the_original_decision_marked_as_a_replay(client: AppClient) -> None:
    first = client.post("/v1/events", json=event(), headers=auth())
    again = client.post("/v1/events", json=event(), headers=auth())
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    summary = client.get("/v1/conversations/c1", headers=auth()).json()
    assert summary["messages"] == 1  # the retry was not counted twice


def test_the_same_event_id_from_two_tenants_is_two_events(client: AppClient) -> None:
    client.post("/v1/events", json=event(), headers=auth())
    other = client.post("/v1/events", json=event(), headers=auth(OTHER_KEY))
    assert other.status_code == 200
    assert "Idempotent-Replayed" not in other.headers


def test_a_batch_is_decided_in_order_and_reports_replays(client: AppClient) -> None:
    client.post("/v1/events", json=event("e1"), headers=auth())
    batch = {"events": [event("e1"), event("e2", text="hello"), event("e3")]}
    reply = client.post("/v1/events", json=batch, headers=auth())
    assert reply.status_code == 200
    body = reply.json()
    assert [d["event_id"] for d in body["decisions"]] == ["e1", "e2", "e3"]
    assert body["replayed"] == ["e1"]


def test_a_batch_over_the_limit_is_refused_and_nothing_is_decided(
    client: AppClient, store: InMemoryStore
) -> None:
    batch = {"events": [event(f"e{i}") for i in range(101)]}
    reply = client.post("/v1/events", json=batch, headers=auth())
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["field"] == "events"
    assert len(store) == 0


def test_an_empty_batch_is_a_schema_violation(client: AppClient) -> None:
    reply = client.post("/v1/events", json={"events": []}, headers=auth())
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["field"] == "events"


def test_malformed_json_is_422(client: AppClient) -> None:
    reply = client.post(
        "/v1/events",
        content=b'{"id": "e1", "text": "secret words',
        headers={**auth(), "content-type": "application/json"},
    )
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
    assert "secret words" not in reply.text


def test_a_schema_violation_names_the_field_and_reason_without_echoing_input(
    client: AppClient,
) -> None:
    bad = event(text="my private words", sent_at="yesterday")
    reply = client.post("/v1/events", json=bad, headers=auth())
    assert reply.status_code == 422
    errors = reply.json()["errors"]
    assert errors[0]["field"] == "sent_at"
    assert "datetime" in errors[0]["reason"]
    assert "yesterday" not in reply.text
    assert "private words" not in reply.text


def test_a_field_in_a_batch_is_named_by_its_position(client: AppClient) -> None:
    batch = {"events": [event("e1"), {**event("e2"), "colour": "red"}]}
    reply = client.post("/v1/events", json=batch, headers=auth())
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["field"] == "events.1.colour"


def test_no_key_or_an_unknown_key_is_401(client: AppClient) -> None:
    assert client.post("/v1/events", json=event()).status_code == 401
    reply = client.post("/v1/events", json=event(), headers=auth("ir_not-a-key-at-all-000"))
    assert reply.status_code == 401
    assert reply.headers["www-authenticate"] == "Bearer"


def test_the_admin_key_is_not_a_tenant_key(client: AppClient) -> None:
    assert client.post("/v1/events", json=event(), headers=auth(ADMIN_KEY)).status_code == 401


def test_a_body_over_the_limit_is_413(client: AppClient) -> None:
    huge = json.dumps(event(text="x" * (4 * 1024 * 1024 + 10))).encode()
    reply = client.post(
        "/v1/events", content=huge, headers={**auth(), "content-type": "application/json"}
    )
    assert reply.status_code == 413


def test_a_streamed_body_over_the_limit_is_413(client: AppClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(5):
            yield b"x" * (1024 * 1024)

    reply = client.post(
        "/v1/events", content=chunks(), headers={**auth(), "content-type": "application/json"}
    )
    assert reply.status_code == 413


def test_evaluate_decides_without_storing(client: AppClient, store: InMemoryStore) -> None:
    reply = client.post("/v1/evaluate", json=event(), headers=auth())
    assert reply.status_code == 200
    assert [r["rule_id"] for r in reply.json()["fired"]] == ["closer"]
    assert len(store) == 0
    assert client.get("/v1/conversations/c1", headers=auth()).status_code == 404


def test_evaluate_takes_one_event_only(client: AppClient) -> None:
    reply = client.post("/v1/evaluate", json={"events": [event()]}, headers=auth())
    assert reply.status_code == 422
