"""Stream Chat: ``message.new`` webhooks and the Before Message Send hook.

Followed (read 2026-11-25):

- "Webhooks Overview", Stream Chat docs (getstream.io/chat/docs/python/webhooks_overview,
  as published in GetStream/stream-chat-python ``docs/webhooks/webhooks_overview``,
  revision 03849df of 2026-05): every request carries ``X-Signature`` (hex
  HMAC-SHA256 of the body with the app's API secret, computed on the
  *uncompressed* body when "Content-Encoding: gzip" compression is on),
  ``X-Webhook-Id`` (the same on every retry, for de-duplication),
  ``X-Webhook-Attempt`` and ``X-Api-Key``. A handler answers 2xx and must
  accept the same call more than once.
- "Webhook Events" (``docs/webhooks/webhook_events``): the ``message.new``
  payload (``type``, ``cid``, ``message`` with ``id``/``text``/``type``/``user``/
  ``created_at``, ``user``, ``members``, ``channel_type``, ``channel_id``).
- "Before Message Send Webhook" (``docs/webhooks/webhooks_overview/
  before_message_send_webhook``, revision 1f549cd): a POST with ``message``,
  ``user``, ``channel`` and ``request_info``; to discard the message the reply
  is HTTP **200** with ``{"message": {"type": "error", "text": "..."}}``;
  Stream waits 1500 ms per attempt by default and *fails open* on a 4xx/5xx or
  a timeout. The hook is signed like every webhook (Stream's own example
  handler, github.com/GetStream/messagehook ``cmd/lambda/main.go``, checks its
  ``X-Signature`` with the SDK's ``VerifyWebhook``).

Verdicts: a decision that holds the message discards it with the hold's text
(what the sender sees); anything else passes it unchanged (``{}``). Replay
protection: the signature, a ``max_age_s`` bound on the signed ``created_at``
of ``message.new``, and ``X-Webhook-Id`` de-duplication in the pipeline.
Stream sends no timestamp header, so the Before Message Send hook (a dry run
that stores nothing) is protected by its signature and its ``X-Webhook-Id``
when present.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Sequence
from datetime import timedelta

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

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
    gunzip_limited,
    held_text,
    json_reply,
    load_json_object,
    utc_now,
)
from .config import StreamSettings

__all__ = ["StreamAdapter"]

_GZIP_MAGIC = b"\x1f\x8b"
#: Message types that carry something a person wrote; system and error
#: messages, and deleted ones, are acknowledged and ignored.
_USER_MESSAGE_TYPES = frozenset({"regular", "reply"})


class _Loose(BaseModel):
    # Stream adds fields over time; take what we need, ignore the rest.
    model_config = ConfigDict(extra="ignore", frozen=True)


class _User(_Loose):
    id: str = Field(min_length=1, max_length=200)


class _Member(_Loose):
    user_id: str = Field(min_length=1, max_length=200)


class _Message(_Loose):
    id: str = Field(default="", max_length=200)
    text: str = ""
    type: str = "regular"
    user: _User | None = None
    created_at: AwareDatetime | None = None


class _MessageNew(_Loose):
    type: str
    cid: str = Field(min_length=1, max_length=200)
    message: _Message
    user: _User | None = None
    created_at: AwareDatetime | None = None
    members: list[_Member] = Field(default_factory=list)
    channel_type: str | None = None


class _Channel(_Loose):
    cid: str = Field(min_length=1, max_length=200)
    type: str | None = None
    members: list[_Member] = Field(default_factory=list)


class _BeforeSend(_Loose):
    message: _Message
    user: _User
    channel: _Channel


class StreamAdapter(Adapter):
    """Stream Chat's ``message.new`` webhook and Before Message Send hook."""

    name = "stream"
    hooks = ("webhook", "before_send")

    def __init__(
        self,
        settings: StreamSettings,
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
        self._secret = settings.api_secret.get_secret_value().encode("utf-8")
        self._api_key = settings.api_key.encode("utf-8") if settings.api_key else None
        self._context = context or EventContext()

    def _plain_body(self, request: InboundRequest) -> bytes:
        # Stream's SDKs sniff the gzip magic rather than trust Content-Encoding,
        # because some proxies decompress and leave the header behind.
        if request.body[:2] == _GZIP_MAGIC:
            return gunzip_limited(request.body, max_bytes=self.max_body_bytes)
        return request.body

    def verify(self, request: InboundRequest) -> None:
        """Check X-Api-Key (when configured) and X-Signature over the plain body."""
        if self._api_key is not None:
            presented = request.headers.get("x-api-key", "").encode("utf-8", "replace")
            if not hmac.compare_digest(presented, self._api_key):
                raise SignatureError("X-Api-Key does not match this app", status_code=401)
        signature = request.headers.get("x-signature")
        if not signature:
            raise SignatureError("missing X-Signature header", status_code=401)
        try:
            body = self._plain_body(request)
        except EventError as exc:
            # An undecodable body cannot carry a valid signature.
            raise SignatureError("the body cannot be verified", status_code=401) from exc
        expected = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode("ascii")
        presented_sig = signature.strip().lower().encode("utf-8", "replace")
        if not hmac.compare_digest(expected, presented_sig):
            raise SignatureError("X-Signature does not match the body", status_code=401)

    def parse(self, request: InboundRequest) -> ParsedEvents:
        """``message.new`` or a Before Message Send request as one canonical event."""
        raw = load_json_object(self._plain_body(request), what="stream payload")
        if request.hook == "before_send":
            return self._parse_before_send(raw, request)
        kind = raw.get("type")
        if kind != "message.new":
            return ParsedEvents(ignored=f"event type {kind!r} is not handled")
        try:
            payload = _MessageNew.model_validate(raw)
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="stream message.new") from exc
        message = payload.message
        if message.type not in _USER_MESSAGE_TYPES:
            return ParsedEvents(ignored=f"message type {message.type!r} is not handled")
        author = message.user or payload.user
        if author is None or not message.id:
            raise EventError("message.new without message.id or user", source="stream message.new")
        sent_at = message.created_at or payload.created_at
        if sent_at is None:
            raise EventError("message.new without created_at", source="stream message.new")
        ensure_fresh(
            sent_at, self._clock(), self.tolerance, status_code=401, what="message.created_at"
        )
        event = self._event(
            event_id=message.id,
            cid=payload.cid,
            sender=author.id,
            text=message.text,
            sent_at=sent_at,
            members=payload.members,
            channel_type=payload.channel_type,
            kind="message",
        )
        return ParsedEvents(events=(event,), delivery_id=request.headers.get("x-webhook-id"))

    def _parse_before_send(self, raw: dict[str, object], request: InboundRequest) -> ParsedEvents:
        try:
            payload = _BeforeSend.model_validate(raw)
        except ValidationError as exc:
            raise EventError(
                describe_validation_error(exc), source="stream before_message_send"
            ) from exc
        # The message has no id yet (Stream documents ""): a dry run needs one
        # only to be a valid event, it is never stored.
        event = self._event(
            event_id=payload.message.id or f"stream-presend-{uuid.uuid4().hex}",
            cid=payload.channel.cid,
            sender=payload.user.id,
            text=payload.message.text,
            sent_at=request.received_at,
            members=payload.channel.members,
            channel_type=payload.channel.type,
            kind="pre_send",
        )
        return ParsedEvents(
            events=(event,), delivery_id=request.headers.get("x-webhook-id"), pre_send=True
        )

    def _event(
        self,
        *,
        event_id: str,
        cid: str,
        sender: str,
        text: str,
        sent_at: object,
        members: Sequence[_Member],
        channel_type: str | None,
        kind: str,
    ) -> Event:
        recipients = tuple(dict.fromkeys(m.user_id for m in members if m.user_id != sender))[:64]
        attributes: dict[str, str | int | float | bool] = {"adapter": self.name}
        if channel_type:
            attributes["channel_type"] = channel_type
        try:
            return Event.model_validate(
                {
                    "id": event_id,
                    "conversation_id": cid,
                    "sender": sender,
                    "text": text,
                    "sent_at": sent_at,
                    "recipients": recipients,
                    "kind": kind,
                    "context": self._context.model_copy(update={"attributes": attributes}),
                }
            )
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="stream payload") from exc

    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """Before Message Send: discard a held message (200 + error message) or pass it."""
        if not parsed.pre_send:
            return json_reply(200, {})
        text = held_text(decisions)
        if text is None:
            return json_reply(200, {})
        return json_reply(200, {"message": {"type": "error", "text": text}})
