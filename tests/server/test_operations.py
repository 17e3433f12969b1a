"""/healthz, /readyz, /metrics and the OpenAPI document (with the callbacks as webhooks)."""

from __future__ import annotations

from tests.server.client import AppClient
from tests.server.conftest import auth, event


def test_healthz_and_readyz(client: AppClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}


def test_metrics_count_requests_decisions_and_outcomes(client: AppClient) -> None:
    client.post("/v1/events", json=event("e1"), headers=auth())
    client.post("/v1/events", json=event("e1"), headers=auth())
    client.post("/v1/evaluate", json=event("e2", text="hello"), headers=auth())
    client.post("/v1/events", json=event("e3"))
    text = client.get("/metrics").text
    assert (
        'intimacy_rules_http_requests_total{method="POST",route="/v1/events",status="200"} 2.0'
        in text
    )
    assert (
        'intimacy_rules_http_requests_total{method="POST",route="/v1/events",status="401"} 1.0'
        in text
    )
    assert 'intimacy_rules_decisions_total{kind="stored"} 1.0' in text
    assert 'intimacy_rules_decisions_total{kind="replayed"} 1.0' in text
    assert 'intimacy_rules_decisions_total{kind="dry_run"} 1.0' in text
    assert 'intimacy_rules_decision_outcomes_total{type="nudge"} 1.0' in text
    assert "intimacy_rules_http_request_duration_seconds_bucket" in text
    assert "intimacy_rules_dead_letters_total 0.0" in text


def test_two_apps_keep_separate_metrics(client: AppClient) -> None:
    # Each create_app has its own registry: building a second app in the same
    # process (as the fixture does per test) raises no duplicate-metric error.
    assert client.get("/metrics").status_code == 200


def test_openapi_documents_routes_bodies_and_callbacks(client: AppClient) -> None:
    doc = client.get("/openapi.json").json()
    assert {"/v1/events", "/v1/evaluate", "/v1/conversations/{conversation_id}"} <= set(
        doc["paths"]
    )
    body = doc["paths"]["/v1/events"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/EventOrBatch"}
    schemas = doc["components"]["schemas"]
    assert {"Event", "EventBatch", "EventOrBatch", "Decision", "DecisionBatch"} <= set(schemas)
    assert "decision.created" in doc["webhooks"]
    assert client.get("/docs").status_code == 200
