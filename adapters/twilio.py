"""Twilio Conversations: the ``onMessageAdd`` pre-event hook and ``onMessageAdded``.

Followed (read 2026-11-25):

- "Conversations Webhooks" (twilio.com/docs/conversations/conversations-webhooks):
  pre-action and post-action webhooks, ``application/x-www-form-urlencoded``
  POSTs with ``EventType`` (``onMessageAdd`` before the message is committed,
  ``onMessageAdded`` after), ``AccountSid``, ``ConversationSid``,
  ``MessageSid`` (post), ``Author``, ``Body``, ``ParticipantSid``,
  ``DateCreated`` (ISO 8601, post), ``Index`` (post), ``Source``,
  ``RetryCount``; a five-second timeout. A pre-action hook lets the action
  through with HTTP 200 (a JSON body may modify it) and *rejects* it with any
  other status; we answer **403** to reject, as Twilio's examples do.
- "Webhooks security" (twilio.com/docs/usage/webhooks/webhooks-security) and
  twilio-python's ``RequestValidator`` (twilio/request_validator.py at commit
  306691e of 2026-08-11), whose algorithm this module re-implements:
  ``X-Twilio-Signature`` is the base64 HMAC-SHA1, keyed with the account's
  Auth Token, of the full URL Twilio requested followed by every POST
  parameter name and value, parameters sorted by name (values of a repeated
  name sorted too); the URL is tried both with and without its port, because
  Twilio's own signing is inconsistent about it. For a JSON body Twilio adds
  ``bodySHA256`` (hex SHA-256 of the body) to the query string and signs the
  URL alone.
- Twilio's ``I-Twilio-Idempotency-Token`` header is the same on a retry; it is
  the delivery id (else the ``MessageSid``).

Replay protection: the signature, a ``max_age_s`` bound on the signed
``DateCreated`` of post-events, and de-duplication on the delivery id. A
pre-event is a dry run (nothing is stored) signed like any other request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from urllib.parse import parse_qs, parse_qsl, urlsplit, urlunsplit

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
    held_text,
    json_reply,
    utc_now,
)
from .config import TwilioSettings

__all__ = ["TwilioAdapter", "twilio_signature"]

_PRE_EVENT = "onMessageAdd"
_POST_EVENT = "onMessageAdded"
_DEFAULT_PORTS = {"https": 443, "http": 80}


def twilio_signature(auth_token: str, url: str, params: Mapping[str, Sequence[str]]) -> str:
    """The ``X-Twilio-Signature`` Twilio computes for ``url`` and POST ``params``."""
    data = [url]
    for name in sorted(params):
        for value in sorted(set(params[name])):
            data.append(name + value)
    mac = hmac.new(auth_token.encode("utf-8"), "".join(data).encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


def _url_variants(url: str) -> tuple[str, str]:
    """``url`` without and with its (default) port, as Twilio may have signed either."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 80)
    without = urlunsplit(parts._replace(netloc=host))
    with_port = urlunsplit(parts._replace(netloc=f"{host}:{port}"))
    return without, with_port


class _Message(BaseModel):
    # Twilio adds parameters over time; take what we need, ignore the rest.
    model_config = ConfigDict(extra="ignore", frozen=True)

    EventType: str
    ConversationSid: str = Field(min_length=1, max_length=200)
    Author: str = Field(min_length=1, max_length=200)
    Body: str = ""
    MessageSid: str | None = Field(default=None, max_length=200)
    DateCreated: AwareDatetime | None = None
    Source: str | None = None


class TwilioAdapter(Adapter):
    """Twilio Conversations' pre-event and post-event message webhooks."""

    name = "twilio"
    hooks = ("webhook",)

    def __init__(
        self,
        settings: TwilioSettings,
        *,
        context: EventContext | None = None,
        public_url: str | None = None,
        clock: Clock = utc_now,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        super().__init__(
            clock=clock,
            tolerance=timedelta(seconds=settings.max_age_s),
            max_body_bytes=max_body_bytes,
        )
        self._token = settings.auth_token.get_secret_value()
        self._public_url = public_url.rstrip("/") if public_url else None
        self._context = context or EventContext()

    def signed_url(self, request: InboundRequest) -> str:
        """The URL Twilio called: ``public_url``'s origin when a proxy rewrote ours."""
        if self._public_url is None:
            return request.url
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self._public_url + path

    def verify(self, request: InboundRequest) -> None:
        """Check X-Twilio-Signature over the URL and the sorted form parameters."""
        signature = request.headers.get("x-twilio-signature")
        if not signature:
            raise SignatureError("missing X-Twilio-Signature header", status_code=403)
        url = self.signed_url(request)
        query = parse_qs(urlsplit(url).query)
        params: dict[str, list[str]] = {}
        body_ok = True
        if "bodySHA256" in query:
            # A JSON body: its hash travels (signed) in the URL.
            digest = hashlib.sha256(request.body).hexdigest().encode("ascii")
            claimed = query["bodySHA256"][0].lower().encode("utf-8", "replace")
            body_ok = hmac.compare_digest(digest, claimed)
        else:
            try:
                params = _form(request.body)
            except UnicodeDecodeError as exc:
                raise SignatureError("the body cannot be verified", status_code=403) from exc
        presented = signature.strip().encode("utf-8", "replace")
        matched = False
        for candidate in _url_variants(url):
            expected = twilio_signature(self._token, candidate, params).encode("ascii")
            # Both variants are always compared, so timing says nothing of which matched.
            matched |= hmac.compare_digest(expected, presented)
        if not (matched and body_ok):
            raise SignatureError("X-Twilio-Signature does not match the request", status_code=403)

    def parse(self, request: InboundRequest) -> ParsedEvents:
        """``onMessageAdd`` (a pre-send dry run) or ``onMessageAdded`` as one event."""
        fields = self._fields(request)
        event_type = fields.get("EventType")
        if event_type not in (_PRE_EVENT, _POST_EVENT):
            return ParsedEvents(ignored=f"EventType {event_type!r} is not handled")
        try:
            message = _Message.model_validate(fields)
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="twilio webhook") from exc
        pre_send = event_type == _PRE_EVENT
        token = request.headers.get("i-twilio-idempotency-token")
        if pre_send:
            sent_at: datetime = request.received_at
            event_id = message.MessageSid or f"twilio-presend-{uuid.uuid4().hex}"
        else:
            if message.MessageSid is None or message.DateCreated is None:
                raise EventError(
                    "onMessageAdded without MessageSid or DateCreated", source="twilio webhook"
                )
            sent_at = message.DateCreated
            event_id = message.MessageSid
            ensure_fresh(
                sent_at, self._clock(), self.tolerance, status_code=403, what="DateCreated"
            )
        attributes: dict[str, str | int | float | bool] = {"adapter": self.name}
        if message.Source:
            attributes["source"] = message.Source
        try:
            event = Event(
                id=event_id,
                conversation_id=message.ConversationSid,
                sender=message.Author,
                text=message.Body,
                sent_at=sent_at,
                kind="pre_send" if pre_send else "message",
                context=self._context.model_copy(update={"attributes": attributes}),
            )
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="twilio webhook") from exc
        delivery_id = token or (None if pre_send else message.MessageSid)
        return ParsedEvents(events=(event,), delivery_id=delivery_id, pre_send=pre_send)

    def _fields(self, request: InboundRequest) -> dict[str, object]:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("application/json"):
            try:
                value = json.loads(request.body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise EventError("twilio webhook is not valid JSON", source="body") from exc
            if not isinstance(value, dict):
                raise EventError("twilio webhook must be a JSON object", source="body")
            return value
        try:
            return {name: values[0] for name, values in _form(request.body).items()}
        except UnicodeDecodeError as exc:
            raise EventError("twilio webhook is not UTF-8 form data", source="body") from exc

    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """Pre-event: 403 rejects a held message, 200 lets it through; post-event: 200."""
        if parsed.pre_send and held_text(decisions) is not None:
            return json_reply(403, {"reason": "held by intimacy-rules"})
        return json_reply(200, {})

    def reject(self, error: SignatureError | EventError) -> OutboundReply:
        """Forged or malformed: 403 / 400, without detail a forger could learn from."""
        if isinstance(error, SignatureError):
            return json_reply(error.status_code, {"error": "signature verification failed"})
        return json_reply(400, {"error": str(error)})


def _form(body: bytes) -> dict[str, list[str]]:
    """Form parameters by name, every value kept (Twilio signs them all)."""
    params: dict[str, list[str]] = {}
    for name, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
        params.setdefault(name, []).append(value)
    return params
