"""``/healthz`` (the process answers), ``/readyz`` (the store answers) and ``/metrics``."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response

from intimacy_rules.errors import IntimacyRulesError
from intimacy_rules.server.auth import ServicesDep
from intimacy_rules.server.metrics import CONTENT_TYPE_LATEST

__all__ = ["router"]

log = logging.getLogger("intimacy_rules.server")
_PROBE = "readyz-probe"


def router() -> APIRouter:
    """The health and metrics routes (no key needed; expose them on a private network)."""
    api = APIRouter(tags=["operations"])

    @api.get("/healthz", summary="Liveness: the process is serving")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @api.get(
        "/readyz",
        summary="Readiness: the store can be read",
        responses={503: {"description": "the store cannot be reached"}},
    )
    async def readyz(services: ServicesDep) -> Response:
        try:
            # A real read through the store's ordinary path: a conversation
            # that never exists, under a tenant name no tenant can have.
            services.store.load_state("-", _PROBE)
        except (IntimacyRulesError, OSError) as exc:
            log.warning("readiness probe failed: %s", type(exc).__name__)
            return Response(
                '{"status":"unavailable"}', status_code=503, media_type="application/json"
            )
        return Response('{"status":"ready"}', media_type="application/json")

    @api.get("/metrics", summary="Prometheus metrics of this process")
    async def metrics(services: ServicesDep) -> Response:
        return Response(services.metrics.render(), media_type=CONTENT_TYPE_LATEST)

    return api
