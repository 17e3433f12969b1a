"""A plain-ASGI fast path for the two hot routes, ``POST /v1/events`` and ``/v1/evaluate``.

FastAPI's routing, dependency solving and response classes cost more per
request than deciding on the event does (measured: ~0.5 ms against ~0.3 ms of
engine work). These two routes are what platforms call for every message, so
they are answered here, before the router, with exactly the same logic
(``decide``), authentication (``TenantRegistry``) and error replies
(``problem_for``) as the FastAPI routes, which stay registered for the OpenAPI
document and serve when the fast path is off (``create_app(fast_path=False)``).
``ServerApp`` calls it inside an ``EdgeMiddleware`` of its own, before
FastAPI's middleware stack, so the body limit, metrics and access log apply
unchanged and FastAPI's layers cost these routes nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.types import ASGIApp, Receive, Scope, Send

from intimacy_rules.errors import IntimacyRulesError
from intimacy_rules.server.decide import Reply, post_evaluate, post_events
from intimacy_rules.server.error_handlers import problem_for
from intimacy_rules.server.services import Services

__all__ = ["FastPath"]

_UNAUTHORIZED = (
    b'{"type":"about:blank","title":"Unauthorized","status":401,'
    b'"detail":"a valid API key is required: Authorization: Bearer <key>"}'
)


class _Route:
    """Stands in for a Starlette route in ``scope["route"]`` (metrics read ``.path``)."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path


_HANDLERS = {
    "/v1/events": (post_events, _Route("/v1/events")),
    "/v1/evaluate": (post_evaluate, _Route("/v1/evaluate")),
}


class FastPath:
    """Answers the hot routes directly and passes everything else to ``app``."""

    def __init__(self, app: ASGIApp, *, services: Services) -> None:
        self.app = app
        self.services = services

    @staticmethod
    def handles(scope: Scope) -> bool:
        """Whether ``scope`` is a request for one of the hot routes."""
        return (
            scope["type"] == "http"
            and scope.get("path", "") in _HANDLERS
            and scope.get("method") == "POST"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.handles(scope):
            await self.app(scope, receive, send)
            return
        handler, route = _HANDLERS[scope["path"]]
        scope["route"] = route
        tenant = self._tenant(scope)
        if tenant is None:
            await _send(
                send,
                401,
                _UNAUTHORIZED,
                "application/problem+json",
                ((b"www-authenticate", b"Bearer"),),
            )
            return
        body = await _read_body(receive)
        try:
            reply: Reply = await handler(self.services, tenant, body)
        except (ValidationError, IntimacyRulesError) as exc:
            await problem_for(exc, route.path)(scope, receive, send)
            return
        await _send(
            send,
            reply.status,
            reply.body,
            reply.media_type,
            tuple((k.lower().encode(), v.encode()) for k, v in reply.headers),
        )

    def _tenant(self, scope: Scope) -> str | None:
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, key = value.decode("latin-1").partition(" ")
                if scheme.lower() != "bearer" or not key.strip():
                    return None
                tenant = self.services.tenants.authenticate(key.strip())
                return None if tenant is None else tenant.name
        return None


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message: Any = await receive()
        if message["type"] != "http.request":
            break  # http.disconnect: answer with what arrived (it will not parse)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _send(
    send: Send,
    status: int,
    body: bytes,
    media_type: str,
    extra: tuple[tuple[bytes, bytes], ...] = (),
) -> None:
    headers = [
        (b"content-type", media_type.encode()),
        (b"content-length", str(len(body)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
