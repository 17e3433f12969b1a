"""``POST /v1/events`` (decide and record) and ``POST /v1/evaluate`` (dry run).

The logic lives in ``decide`` (shared with the ASGI fast path, which answers
these routes first when enabled); here they are declared for FastAPI, with the
request and response schemas the OpenAPI document shows.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from intimacy_rules.engine.decision import Decision
from intimacy_rules.server import decide
from intimacy_rules.server.auth import ServicesDep, TenantDep
from intimacy_rules.server.decide import REPLAY_HEADER, Reply
from intimacy_rules.server.wire import Problem

__all__ = ["router"]

_JSON = "application/json"


def _response(reply: Reply) -> Response:
    return Response(
        reply.body,
        status_code=reply.status,
        media_type=reply.media_type,
        headers=dict(reply.headers) or None,
    )


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
        body = await request.body()
        return _response(await decide.post_events(services, tenant.name, body))

    @api.post(
        "/evaluate",
        summary="Dry run: the decision for one event, nothing stored (pre-send hooks)",
        responses={200: {"model": Decision, "description": "the decision"}, **_ERRORS},
        openapi_extra=_body("#/components/schemas/Event", EXAMPLE_EVENT),
    )
    async def post_evaluate(request: Request, tenant: TenantDep, services: ServicesDep) -> Response:
        body = await request.body()
        return _response(await decide.post_evaluate(services, tenant.name, body))

    return api
