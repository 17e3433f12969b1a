"""Generic: a host that signs its own requests the Standard Webhooks way.

Followed (read 2026-11-25): the Standard Webhooks specification
(github.com/standard-webhooks/standard-webhooks, ``spec/standard-webhooks.md``,
v1.0.0) and its reference library ``standardwebhooks`` 1.1.0 for Python:

- headers ``webhook-id`` (the idempotency key, the same on a retry),
  ``webhook-timestamp`` (integer Unix seconds) and ``webhook-signature``
  (space-separated ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``, keyed
  with the base64-decoded secret after its ``whsec_`` prefix);
- a timestamp tolerance (the library's five minutes by default);
- the payload structure the spec recommends: ``{"type", "timestamp", "data"}``.

The signature is computed by the library (``Webhook.sign``); the comparison,
in constant time, and the timestamp check are ours, because the library's
``verify`` reads the wall clock (we take a ``clock``) and lets a malformed
signature header escape as ``ValueError``.

Payload types we decide on, anything else is acknowledged and ignored:

- ``conversation.message``: ``data`` is one canonical event (``Event``); its
  ``kind`` says whether it was sent (``message``) or is about to be
  (``pre_send``, a dry run);
- ``conversation.messages``: ``data`` is ``{"events": [Event, ...]}``.

The reply is 200 with ``{"decisions": [...], "held": bool, "escalated": bool}``.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.errors import ConfigurationError, EventError, SignatureError

from .base import (
    DEFAULT_MAX_BODY_BYTES,
    Adapter,
    Clock,
    InboundRequest,
    OutboundReply,
    ParsedEvents,
    describe_validation_error,
    ensure_fresh,
    json_reply,
    load_json_object,
    utc_now,
)
from .config import GenericSettings

__all__ = ["MAX_BATCH", "GenericAdapter"]

#: The most events one ``conversation.messages`` delivery may carry.
MAX_BATCH = 100


class _Batch(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    events: tuple[Event, ...] = Field(min_length=1, max_length=MAX_BATCH)


class GenericAdapter(Adapter):
    """Canonical events from a host that signs the Standard Webhooks way."""

    name = "generic"
    hooks = ("events",)

    def __init__(
        self,
        settings: GenericSettings,
        *,
        context: EventContext | None = None,
        clock: Clock = utc_now,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        try:
            # Lazily: standardwebhooks comes with the `server` extra, and
            # importing the adapters package must work without it.
            from standardwebhooks import Webhook  # noqa: PLC0415
        except ImportError as exc:
            raise ConfigurationError(
                "the generic adapter needs the server extra: pip install 'intimacy-rules[server]'",
                field="adapters.generic",
            ) from exc

        super().__init__(
            clock=clock,
            tolerance=timedelta(seconds=settings.tolerance_s),
            max_body_bytes=max_body_bytes,
        )
        self._webhook = Webhook(settings.secret.get_secret_value())
        # Hosts send canonical events with their own context; ours only fills
        # in what they leave out (see parse).
        self._context = context

    def verify(self, request: InboundRequest) -> None:
        """Check webhook-timestamp against the clock, then every v1 signature."""
        msg_id = request.headers.get("webhook-id", "")
        stamp = request.headers.get("webhook-timestamp", "")
        signatures = request.headers.get("webhook-signature", "")
        if not (msg_id and stamp and signatures):
            raise SignatureError("missing webhook-id, -timestamp or -signature", status_code=401)
        try:
            sent_at = datetime.fromtimestamp(int(stamp), tz=UTC)
        except (ValueError, OverflowError, OSError) as exc:
            raise SignatureError("webhook-timestamp is not Unix seconds", status_code=401) from exc
        ensure_fresh(
            sent_at, self._clock(), self.tolerance, status_code=401, what="webhook-timestamp"
        )
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SignatureError("the body cannot be verified", status_code=401) from exc
        expected = base64.b64decode(
            self._webhook.sign(msg_id=msg_id, timestamp=sent_at, data=text).split(",", 1)[1]
        )
        matched = False
        for candidate in signatures.split(" "):
            version, _, encoded = candidate.partition(",")
            if version != "v1":
                continue
            try:
                presented = base64.b64decode(encoded, validate=True)
            except (binascii.Error, ValueError):
                continue
            matched |= hmac.compare_digest(expected, presented)
        if not matched:
            raise SignatureError("no webhook-signature matches", status_code=401)

    def parse(self, request: InboundRequest) -> ParsedEvents:
        """One canonical event, or a batch of them."""
        payload = load_json_object(request.body, what="generic payload")
        kind = payload.get("type")
        data = payload.get("data")
        delivery_id = request.headers.get("webhook-id")
        try:
            if kind == "conversation.message":
                events: tuple[Event, ...] = (Event.model_validate(self._with_context(data)),)
            elif kind == "conversation.messages":
                if not isinstance(data, dict):
                    raise EventError("data must be an object with 'events'", source="data")
                raw = data.get("events")
                items = [self._with_context(e) for e in raw] if isinstance(raw, list) else raw
                events = _Batch.model_validate({**data, "events": items}).events
            else:
                return ParsedEvents(ignored=f"type {kind!r} is not handled")
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="data") from exc
        pre_send = all(event.kind == "pre_send" for event in events)
        return ParsedEvents(events=events, delivery_id=delivery_id, pre_send=pre_send)

    def _with_context(self, data: Any) -> Any:
        # The tenant's platform applies when the host does not say otherwise.
        if self._context is None or not isinstance(data, dict) or "context" in data:
            return data
        return {**data, "context": self._context}

    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """Every decision, in order, and whether any holds or escalates."""
        return json_reply(
            200,
            {
                "decisions": [d.model_dump(mode="json") for d in decisions],
                "held": any(d.held for d in decisions),
                "escalated": any(d.escalated for d in decisions),
            },
        )
