"""One request through one adapter: verify, parse, de-duplicate, decide, render.

This is the whole request path minus HTTP plumbing, so the server's routes,
the tests and the benchmark all run the same code::

    verify ─✗─▶ reject (SignatureError: the platform's status, e.g. 401/403)
    parse  ─✗─▶ reject (EventError: 400)
      └─ ignored ──────▶ acknowledge (200: the platform must not retry)
    delivery id seen ──▶ the reply sent the first time (a retry or a replay)
    decide each event ─✗─▶ unavailable (StoreError: 503, the platform retries)
    render ────────────▶ remember the reply under the delivery id, send it

Errors are reported by type and status only: never a payload, never text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.errors import EventError, SignatureError, StoreError

from .base import Adapter, InboundRequest, OutboundReply
from .replay import ReplayCache

__all__ = ["Decide", "handle_request"]

logger = logging.getLogger(__name__)

#: Decides on one event: a dry run for ``pre_send`` events, a recorded step otherwise.
Decide = Callable[[Event], Decision]


def handle_request(
    adapter: Adapter,
    request: InboundRequest,
    decide: Decide,
    *,
    seen: ReplayCache | None = None,
    scope: str = "",
) -> OutboundReply:
    """The reply ``adapter``'s platform expects for ``request``.

    ``seen`` de-duplicates deliveries; ``scope`` (tenant and platform) keeps
    one tenant's delivery ids apart from another's.
    """
    try:
        adapter.verify(request)
        parsed = adapter.parse(request)
    except SignatureError as exc:
        logger.warning(
            "%s %s rejected: %s (status %d)",
            adapter.name,
            request.hook,
            type(exc).__name__,
            exc.status_code,
        )
        return adapter.reject(exc)
    except EventError as exc:
        logger.warning("%s %s: malformed payload (%s)", adapter.name, request.hook, exc.source)
        return adapter.reject(exc)

    if parsed.ignored is not None:
        return adapter.acknowledge(parsed)

    key = f"{scope}|{request.hook}|{parsed.delivery_id}" if parsed.delivery_id else None
    if key is not None and seen is not None:
        earlier = seen.get(key)
        if earlier is not None:
            logger.info("%s %s: duplicate delivery answered again", adapter.name, request.hook)
            return earlier

    try:
        decisions = [decide(event) for event in parsed.events]
    except StoreError:
        logger.warning("%s %s: store unavailable, asking for a retry", adapter.name, request.hook)
        return adapter.unavailable()

    reply = adapter.render(parsed, decisions)
    if key is not None and seen is not None and reply.status < 500:
        seen.put(key, reply)
    return reply
