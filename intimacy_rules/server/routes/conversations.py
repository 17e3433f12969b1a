"""``GET`` and ``DELETE /v1/conversations/{id}``: a conversation's scores, and its erasure.

A conversation belongs to the tenant that sent its events: another tenant's key
gets 404, exactly as for a conversation that does not exist, so nothing about
other tenants' data can be learnt. Erasure answers 204 whether or not anything
was stored, for the same reason (and because erasing twice is not an error).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Response

from intimacy_rules.server.auth import ServicesDep, TenantDep
from intimacy_rules.server.error_handlers import problem_response
from intimacy_rules.server.wire import Problem

__all__ = ["router"]

_ID = Path(min_length=1, max_length=200, description="the host's conversation id")


def router() -> APIRouter:
    """The conversation routes."""
    from intimacy_rules.engine.summary import ConversationSummary  # noqa: PLC0415

    api = APIRouter(prefix="/v1/conversations", tags=["conversations"])
    errors: dict[int | str, dict[str, Any]] = {
        401: {"model": Problem, "description": "no key, or an unknown key"},
        404: {"model": Problem, "description": "no such conversation for this tenant"},
        503: {"model": Problem, "description": "the store is unavailable"},
    }

    @api.get(
        "/{conversation_id}",
        summary="Scores, depth and patterns of a conversation (never its text)",
        responses={200: {"model": ConversationSummary}, **errors},
    )
    async def get_conversation(
        tenant: TenantDep, services: ServicesDep, conversation_id: str = _ID
    ) -> Response:
        engine = services.engine(tenant.name)
        summary = await services.run(
            lambda: engine.conversation(conversation_id, tenant=tenant.name)
        )
        if summary is None:
            return problem_response(404, "no such conversation")
        return Response(summary.model_dump_json(), media_type="application/json")

    @api.delete(
        "/{conversation_id}",
        status_code=204,
        summary="Erase everything stored for a conversation",
        responses=errors,
    )
    async def delete_conversation(
        tenant: TenantDep, services: ServicesDep, conversation_id: str = _ID
    ) -> Response:
        engine = services.engine(tenant.name)
        await services.run(lambda: engine.erase(conversation_id, tenant=tenant.name))
        return Response(status_code=204)

    return api
