"""What ``/openapi.json`` says beyond the routes: request schemas and the callbacks.

The events routes parse their bodies themselves (one pass from bytes), so their
request schemas are added to the components here. The outbound callbacks are
documented as OpenAPI webhooks (``app.webhooks``): routes that are never
served, so ``/docs`` shows hosts what the server POSTs to their callback URLs
and how to verify it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.engine.decision import Decision
from intimacy_rules.server.callbacks import DECISION_CREATED
from intimacy_rules.server.wire import DecisionBatch, events_schema

__all__ = ["DecisionCallback", "document_api"]


class DecisionCallback(BaseModel):
    """The body of a ``decision.created`` callback (the Standard Webhooks envelope)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(default=DECISION_CREATED, description="the event type")
    timestamp: datetime = Field(description="when the decision was recorded")
    data: Decision


_REF = "#/components/schemas/{model}"


def document_api(app: FastAPI) -> None:
    """Add the body schemas and the callbacks to ``app``'s OpenAPI document."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
                webhooks=app.webhooks.routes,
            )
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            either = events_schema(_REF)
            schemas.update(either.pop("$defs", {}))
            schemas["EventOrBatch"] = {"title": "EventOrBatch", **either}
            batch = DecisionBatch.model_json_schema(ref_template=_REF)
            schemas.update(batch.pop("$defs", {}))
            schemas["DecisionBatch"] = batch
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.webhooks.post(DECISION_CREATED, status_code=204)
    def decision_created(body: DecisionCallback) -> None:
        """A decision the host should act on (nudge, hold, escalation), or every decision.

        Headers: `webhook-id` (stable across retries of one callback: de-duplicate on
        it), `webhook-timestamp` (Unix seconds) and `webhook-signature`
        (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the endpoint's
        `whsec_` secret). Verify with the `standardwebhooks` library. Answer 2xx to
        acknowledge; any other status is retried with exponential backoff over hours
        (`Retry-After` is honoured); `410 Gone` disables the endpoint.
        """
