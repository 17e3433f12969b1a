"""The app's edge, as plain ASGI middleware: body size limit, timing and metrics.

Plain ASGI (not Starlette's ``BaseHTTPMiddleware``) because it runs on every
request and must stay cheap, and because it has to stop a body that grows past
the limit while it streams in, before the route buffers it whole.

It also writes the access log (logger ``intimacy_rules.access``), in place of
uvicorn's: a line names the method, the route *template*
(``/v1/conversations/{conversation_id}``), the status and the time taken, so
conversation ids in paths never reach a log. Bodies are never logged.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intimacy_rules.server.metrics import Metrics

__all__ = ["EdgeMiddleware"]

access_log = logging.getLogger("intimacy_rules.access")


class _BodyTooLarge(Exception):
    """Raised from ``receive`` when the body passes the limit."""


def _problem_413(limit: int) -> bytes:
    return (
        b'{"type":"about:blank","title":"Payload Too Large","status":413,'
        b'"detail":"the request body is larger than ' + str(limit).encode() + b' bytes"}'
    )


class EdgeMiddleware:
    """Rejects bodies over ``max_body_bytes`` with 413 and records every request."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics, max_body_bytes: int) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        response_started = False
        limit = self.max_body_bytes

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
            await send(message)

        try:
            declared = _content_length(scope)
            if declared is not None and declared > limit:
                status = 413
                await _send_413(send, limit)
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise _BodyTooLarge
                return message

            try:
                await self.app(scope, limited_receive, send_wrapper)
            except _BodyTooLarge:
                if response_started:
                    raise
                status = 413
                await _send_413(send, limit)
        finally:
            route: Any = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            self.metrics.observe_request(template, scope["method"], status, elapsed)
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "%s %s %s %.1fms", scope["method"], template, status, elapsed * 1000
                )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_413(send: Send, limit: int) -> None:
    body = _problem_413(limit)
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
