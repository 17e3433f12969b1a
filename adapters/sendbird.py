"""Sendbird Chat: ``group_channel:message_send`` webhooks.

Followed (read 2026-11-25): Sendbird Chat Platform API v3, "Webhooks >
Overview" (docs.sendbird.com/docs/chat/platform-api/v3/webhook/webhook-overview)
and "Webhooks > Events > Group channel" (``.../webhook/events/group-channel``):

- Sendbird POSTs JSON with ``x-sendbird-signature``: the hex HMAC-SHA256 of the
  request body keyed with the application's master API token; the receiver
  computes the same value over the raw body and compares.
- It waits five seconds for an answer and sends the same POST up to three
  times until it gets one, so the endpoint answers 200 at once and must accept
  a repeat.
- ``group_channel:message_send`` carries ``category``, ``type`` (``MESG`` for
  a text message, ``FILE``, ``ADMM``), ``sender.user_id``, ``payload.message``,
  ``payload.message_id``, ``payload.created_at`` (epoch milliseconds),
  ``channel.channel_url`` and, when "Include member information" is on,
  ``members[].user_id``.

Sendbird has no pre-send hook with a verdict (its "Filter and moderation"
features run inside Sendbird), so every message is a post-event and the reply
is always an empty 200. Replay protection: the signature, a ``max_age_s``
bound on the signed ``payload.created_at``, and de-duplication on
``channel_url`` + ``message_id`` (Sendbird sends no delivery id header).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import timedelta

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.errors import EventError, SignatureError

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
    millis_to_datetime,
    utc_now,
)
from .config import SendbirdSettings

__all__ = ["SendbirdAdapter"]

_CATEGORY = "group_channel:message_send"


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Sender(_Loose):
    user_id: str = Field(min_length=1, max_length=200)


class _Member(_Loose):
    user_id: str = Field(min_length=1, max_length=200)


class _Payload(_Loose):
    message: str = ""
    message_id: int | str
    created_at: int = Field(ge=0)


class _Channel(_Loose):
    channel_url: str = Field(min_length=1, max_length=200)
    custom_type: str | None = None


class _MessageSend(_Loose):
    category: str
    type: str = "MESG"
    sender: _Sender
    payload: _Payload
    channel: _Channel
    members: list[_Member] = Field(default_factory=list)


class SendbirdAdapter(Adapter):
    """Sendbird's ``group_channel:message_send`` webhook."""

    name = "sendbird"
    hooks = ("webhook",)

    def __init__(
        self,
        settings: SendbirdSettings,
        *,
        context: EventContext | None = None,
        clock: Clock = utc_now,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        super().__init__(
            clock=clock,
            tolerance=timedelta(seconds=settings.max_age_s),
            max_body_bytes=max_body_bytes,
        )
        self._token = settings.api_token.get_secret_value().encode("utf-8")
        self._context = context or EventContext()

    def verify(self, request: InboundRequest) -> None:
        """Check x-sendbird-signature against the HMAC of the raw body."""
        signature = request.headers.get("x-sendbird-signature")
        if not signature:
            raise SignatureError("missing x-sendbird-signature header", status_code=401)
        expected = hmac.new(self._token, request.body, hashlib.sha256).hexdigest()
        presented = signature.strip().lower().encode("utf-8", "replace")
        if not hmac.compare_digest(expected.encode("ascii"), presented):
            raise SignatureError("x-sendbird-signature does not match the body", status_code=401)

    def parse(self, request: InboundRequest) -> ParsedEvents:
        """A text message sent to a group channel as one canonical event."""
        raw = load_json_object(request.body, what="sendbird payload")
        category = raw.get("category")
        if category != _CATEGORY:
            return ParsedEvents(ignored=f"category {category!r} is not handled")
        try:
            payload = _MessageSend.model_validate(raw)
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="sendbird payload") from exc
        if payload.type != "MESG":
            # File and admin messages carry no text a participant wrote.
            return ParsedEvents(ignored=f"message type {payload.type!r} is not handled")
        sent_at = millis_to_datetime(payload.payload.created_at, what="payload.created_at")
        ensure_fresh(
            sent_at, self._clock(), self.tolerance, status_code=401, what="payload.created_at"
        )
        sender = payload.sender.user_id
        recipients = tuple(
            dict.fromkeys(m.user_id for m in payload.members if m.user_id != sender)
        )[:64]
        attributes: dict[str, str | int | float | bool] = {"adapter": self.name}
        if payload.channel.custom_type:
            attributes["channel_custom_type"] = payload.channel.custom_type
        message_id = str(payload.payload.message_id)
        try:
            event = Event(
                id=message_id,
                conversation_id=payload.channel.channel_url,
                sender=sender,
                text=payload.payload.message,
                sent_at=sent_at,
                recipients=recipients,
                kind="message",
                context=self._context.model_copy(update={"attributes": attributes}),
            )
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="sendbird payload") from exc
        return ParsedEvents(
            events=(event,), delivery_id=f"{payload.channel.channel_url}/{message_id}"
        )

    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """Sendbird only needs a quick 200; decisions travel by the tenant's callbacks."""
        return json_reply(200, {})
