"""Dead letters (admin key): list a tenant's failed deliveries, and redeliver one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Response

from intimacy_rules.server.auth import AdminDep, ServicesDep
from intimacy_rules.server.error_handlers import problem_response
from intimacy_rules.server.services import Services
from intimacy_rules.server.wire import DeadLetterList, Problem

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no key, or an unknown key"},
    403: {"model": Problem, "description": "a tenant's key; these routes need the admin key"},
    404: {"model": Problem, "description": "no such tenant, or no outbox in this store"},
}


def _outbox(services: Services, tenant: str) -> Any:
    if tenant not in services.tenants.names:
        return None
    return getattr(services.store, "outbox", None)


def router() -> APIRouter:
    """The dead-letter routes."""
    api = APIRouter(prefix="/v1/deliveries", tags=["deliveries"])

    @api.get("/dead", summary="A tenant's dead letters, newest first", responses=_ERRORS)
    async def list_dead(
        _: AdminDep,
        services: ServicesDep,
        tenant: str = Query(description="the tenant whose dead letters to list"),
        limit: int = Query(default=100, ge=1, le=1000),
    ) -> Response:
        outbox = _outbox(services, tenant)
        if outbox is None:
            return problem_response(404, "no such tenant, or the store keeps no outbox")
        found = DeadLetterList(dead=tuple(outbox.list_dead(tenant, limit)))
        return Response(found.model_dump_json(), media_type="application/json")

    @api.post(
        "/dead/{delivery_id}/redeliver",
        status_code=202,
        summary="Put a dead letter back in line (and re-enable its endpoint)",
        responses=_ERRORS,
    )
    async def redeliver(
        delivery_id: int,
        _: AdminDep,
        services: ServicesDep,
        tenant: str = Query(description="the tenant the delivery belongs to"),
    ) -> Response:
        outbox = _outbox(services, tenant)
        if outbox is None or not outbox.redeliver(tenant, delivery_id, now=services.clock()):
            return problem_response(404, "no such dead letter for this tenant")
        return Response(status_code=202)

    return api
