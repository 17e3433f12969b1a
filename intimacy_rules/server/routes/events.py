"""``POST /v1/events`` (decide and record) and ``POST /v1/evaluate`` (dry run).

Bodies are read as bytes and parsed once with pydantic (no intermediate
``json.loads``); replies are the decision's own JSON. The engine runs on the
event loop's thread: a decision costs tens to hundreds of microseconds, less
than a hop to a thread pool, and the rules core must not be entered from two
threads at once anyway.

A retry of an event already decided (same tenant, same event id) returns the
original decision with ``Idempotent-Replayed: true``. In a batch, events are
decided in order and each is committed on its own: if the store fails midway
the reply is 503 and a retry of the whole batch replays those already decided.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.server.auth import ServicesDep, TenantDep
from intimacy_rules.server.error_handlers import problem_response
from intimacy_rules.server.wire import (
    DecisionBatch,
    EventBatch,
    FieldProblem,
    Problem,
    parse_event,
    parse_events,
)

__all__ = ["REPLAY_HEADER", "router"]

REPLAY_HEADER = "Idempotent-Replayed"
_JSON = "application/json"

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no key, or an unknown key"},
    413: {"model": Problem, "description": "the body is larger than max_body_bytes"},
    422: {"model": Problem, "description": "malformed JSON or a schema violation"},
    503: {"model": Problem, "description": "the store is unavailable; nothing was recorded"},
}


def _body(schema_ref: str, example: dict[str, Any]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {_JSON: {"schema": {"$ref": schema_ref}, "example": example}},
        }
    }


EXAMPLE_EVENT: dict[str, Any] = {
    "id": "evt-1",
    "conversation_id": "conv-1",
    "sender": "alice",
    "recipients": ["bob"],
    "text": "I feel closer to you when we talk like this",
    "sent_at": "2026-01-01T12:00:00Z",
    "context": {"platform": "dating", "match_age_hours": 30},
}


def router() -> APIRouter:
    """The events routes."""
    api = APIRouter(prefix="/v1", tags=["events"])

    @api.post(
        "/events",
        summary="Decide on one event (or a batch) and record it",
        responses={
            200: {
                "description": "the decision (or, for a batch, the decisions in order); "
                f"`{REPLAY_HEADER}: true` when it is the replay of an earlier one",
                "content": {
                    _JSON: {
                        "schema": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/Decision"},
                                {"$ref": "#/components/schemas/DecisionBatch"},
                            ]
                        }
                    }
                },
            },
            **_ERRORS,
        },
        openapi_extra=_body("#/components/schemas/EventOrBatch", EXAMPLE_EVENT),
    )
    async def post_events(request: Request, tenant: TenantDep, services: ServicesDep) -> Response:
        parsed = parse_events(await request.body())
        if isinstance(parsed, EventBatch):
            limit = services.settings.max_batch
            if len(parsed.events) > limit:
                return problem_response(
                    422,
                    "the batch is too large",
                    errors=(FieldProblem(field="events", reason=f"at most {limit} events"),),
                )
            decisions: list[Decision] = []
            replayed: list[str] = []
            for event in parsed.events:
                outcome = services.process(tenant.name, event)
                decisions.append(outcome.decision)
                if outcome.replayed:
                    replayed.append(event.id)
            batch = DecisionBatch(decisions=tuple(decisions), replayed=tuple(replayed))
            return Response(batch.model_dump_json(), media_type=_JSON)
        outcome = services.process(tenant.name, parsed)
        headers = {REPLAY_HEADER: "true"} if outcome.replayed else None
        return Response(outcome.decision.model_dump_json(), media_type=_JSON, headers=headers)

    @api.post(
        "/evaluate",
        summary="Dry run: the decision for one event, nothing stored (pre-send hooks)",
        responses={200: {"model": Decision, "description": "the decision"}, **_ERRORS},
        openapi_extra=_body("#/components/schemas/Event", EXAMPLE_EVENT),
    )
    async def post_evaluate(request: Request, tenant: TenantDep, services: ServicesDep) -> Response:
        event: Event = parse_event(await request.body())
        decision = services.evaluate(tenant.name, event)
        return Response(decision.model_dump_json(), media_type=_JSON)

    return api
