"""GET and DELETE /v1/conversations/{id}: scores without text, tenant isolation, erasure."""

from __future__ import annotations

from tests.server.client import AppClient
from tests.server.conftest import OTHER_KEY, auth, event


def test_a_conversation_shows_scores_and_counts_never_text(client: AppClient) -> None:
    client.post("/v1/events", json=event("e1", text="my secret feelings"), headers=auth())
    client.post("/v1/events", json=event("e2"), headers=auth())
    reply = client.get("/v1/conversations/c1", headers=auth())
    assert reply.status_code == 200
    body = reply.json()
    assert body["conversation_id"] == "c1"
    assert body["messages"] == 2
    assert set(body["criteria"]) == {"safety", "mutuality", "separateness", "immediacy"}
    assert "secret" not in reply.text


def test_an_unknown_conversation_is_404(client: AppClient) -> None:
    reply = client.get("/v1/conversations/nope", headers=auth())
    assert reply.status_code == 404
    assert reply.headers["content-type"] == "application/problem+json"


def test_another_tenants_conversation_is_404_and_untouched(client: AppClient) -> None:
    client.post("/v1/events", json=event(), headers=auth())
    assert client.get("/v1/conversations/c1", headers=auth(OTHER_KEY)).status_code == 404
    assert client.delete("/v1/conversations/c1", headers=auth(OTHER_KEY)).status_code == 204
    assert client.get("/v1/conversations/c1", headers=auth()).json()["messages"] == 1


def test_erasure_removes_the_conversation_and_its_remembered_decisions(client: AppClient) -> None:
    client.post("/v1/events", json=event(), headers=auth())
    assert client.delete("/v1/conversations/c1", headers=auth()).status_code == 204
    assert client.get("/v1/conversations/c1", headers=auth()).status_code == 404
    again = client.post("/v1/events", json=event(), headers=auth())
    assert "Idempotent-Replayed" not in again.headers  # nothing was left to replay
    assert client.delete("/v1/conversations/c1", headers=auth()).status_code == 204


def test_conversation_routes_need_a_key(client: AppClient) -> None:
    assert client.get("/v1/conversations/c1").status_code == 401
    assert client.delete("/v1/conversations/c1").status_code == 401
