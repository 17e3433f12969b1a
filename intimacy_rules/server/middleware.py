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
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intimacy_rules.server.metrics import Metrics

__all__ = ["EdgeMiddleware"]

access_log = logging.getLogger("intimacy_rules.access")
errors_log = logging.getLogger("intimacy_rules.server")


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
            except Exception as exc:
                # A bug, not a known failure. Uvicorn would log the traceback
                # with the exception's message, which may quote what was being
                # processed (message text); log the type and where it was
                # raised instead, and answer 500 here.
                _log_unhandled(exc, scope)
                if response_started:
                    return
                status = 500
                await _send_problem(send, 500, _PROBLEM_500)
        finally:
            route: Any = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            self.metrics.observe_request(template, scope["method"], status, elapsed)
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "%s %s %s %.1fms", scope["method"], template, status, elapsed * 1000
                )


_PROBLEM_500 = (
    b'{"type":"about:blank","title":"Internal Server Error","status":500,'
    b'"detail":"the server failed on this request"}'
)


def _log_unhandled(exc: Exception, scope: Scope) -> None:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    route: Any = scope.get("route")
    template = getattr(route, "path", None) or "unmatched"
    errors_log.error(
        "unhandled %s on %s %s at %s", type(exc).__name__, scope["method"], template, where
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
    await _send_problem(send, 413, _problem_413(limit))


async def _send_problem(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
