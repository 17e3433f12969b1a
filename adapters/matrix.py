"""Matrix: an application service, and the HTTP spam-check a homeserver calls first.

Followed (read 2026-11-25):

- The Matrix Specification **v1.19**, Application Service API
  (spec.matrix.org/v1.19/application-service-api; matrix-org/matrix-spec at
  d0ba2aa): ``PUT /_matrix/app/v1/transactions/{txnId}`` with
  ``{"events": [...]}`` in the client-server format; the homeserver retries a
  transaction with the same ``txnId`` until it gets 200, and the application
  service NO-OPs a transaction it has processed (so ``txnId`` is our delivery
  id); "Authorisation" (changed in v1.4): the homeserver sends
  ``Authorization: Bearer <hs_token>`` and the service fails a mismatch with
  ``M_FORBIDDEN``; the legacy ``access_token`` query parameter may still be
  sent alongside it, in which case both must match. A missing token is
  answered 401 ``M_UNAUTHORIZED``, a wrong one 403 ``M_FORBIDDEN``; an unknown
  route 404 ``M_UNRECOGNIZED``; ``POST /_matrix/app/v1/ping`` answers ``{}``.
- The spam check: Synapse calls a module's ``check_event_for_spam`` before it
  accepts an event (Synapse docs, "Spam checker callbacks", v1.126). The module
  we speak to is **synapse-http-antispam v0.5.0** (github.com/maunium/
  synapse-http-antispam, commit 0a28a4d of 2025-06-27), which POSTs to
  ``<base_url>/<callback>`` with ``Authorization: Bearer <authorization>`` and,
  for ``check_event_for_spam``, ``{"event": <client-format event with
  event_id>}``. Any 2xx means "not spam"; any other status rejects the event
  and its JSON body (``errcode``, ``error``) goes back to the sender's client.
  Its ``ping`` callback expects ``{"id": <same id>, "status": "ok"}``.

Verdicts: a held message is refused with 403 ``M_FORBIDDEN`` and the hold's
text as ``error``; everything else is allowed (200 ``{}``). Transactions
always answer 200 ``{}`` once decided: an application service cannot change
events, decisions go out through the tenant's callbacks. Only
``m.room.message`` events with a ``body`` are decided; edits, state events,
encrypted events and everything else are acknowledged and skipped.
Transactions are not bounded by a timestamp tolerance: a homeserver keeps
retrying after an outage, by design. Replays are answered from the ``txnId``
cache and the store is idempotent on the event id.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

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
    held_text,
    json_reply,
    load_json_object,
    millis_to_datetime,
    utc_now,
)
from .config import MatrixSettings

__all__ = ["MatrixAdapter"]

logger = logging.getLogger(__name__)

_TEXT_MSGTYPES = frozenset({"m.text", "m.emote"})
_SPAM_CALLBACK = "check_event_for_spam"


class _RoomMessage(BaseModel):
    # Client-format events gain fields over spec versions; ignore the rest.
    model_config = ConfigDict(extra="ignore", frozen=True)

    type: str
    event_id: str = Field(min_length=1, max_length=200)
    room_id: str = Field(min_length=1, max_length=200)
    sender: str = Field(min_length=1, max_length=200)
    origin_server_ts: int = Field(ge=0)
    content: dict[str, Any]
    state_key: str | None = None


class MatrixAdapter(Adapter):
    """A Matrix application service and an HTTP spam-check endpoint."""

    name = "matrix"
    hooks = ("transactions", "ping", "antispam", "unrecognized")

    def __init__(
        self,
        settings: MatrixSettings,
        *,
        context: EventContext | None = None,
        clock: Clock = utc_now,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        super().__init__(clock=clock, max_body_bytes=max_body_bytes)
        self._hs_token = settings.hs_token.get_secret_value().encode("utf-8")
        token = settings.antispam_token
        self._antispam_token = token.get_secret_value().encode("utf-8") if token else None
        self._context = context or EventContext()

    def verify(self, request: InboundRequest) -> None:
        """The homeserver's ``hs_token``, or the spam-check module's bearer token."""
        if request.hook == "antispam":
            if self._antispam_token is None:
                raise SignatureError("the spam check is not configured", status_code=403)
            _check_bearer(request, self._antispam_token, allow_query=False)
        else:
            _check_bearer(request, self._hs_token, allow_query=True)

    def parse(self, request: InboundRequest) -> ParsedEvents:
        """A transaction's message events, or one event to spam-check."""
        if request.hook == "unrecognized":
            return ParsedEvents(ignored="unrecognized", extra={"reply": "unrecognized"})
        if request.hook == "ping":
            return ParsedEvents(ignored="ping", extra={"reply": "ping"})
        body = load_json_object(request.body, what="matrix request")
        if request.hook == "antispam":
            return self._parse_spam_check(request, body)
        events = body.get("events")
        if not isinstance(events, list):
            raise EventError("a transaction needs an 'events' list", source="events")
        decided: list[Event] = []
        skipped = 0
        for raw in events:
            event = self._message_event(raw, kind="message") if isinstance(raw, dict) else None
            if event is None:
                skipped += 1
            else:
                decided.append(event)
        if skipped:
            # A malformed event must not block the homeserver's queue: it is
            # skipped (and counted), the rest of the transaction is decided.
            logger.info("matrix transaction: %d of %d events skipped", skipped, len(events))
        txn_id = request.path_params.get("txnId")
        if not decided:
            return ParsedEvents(ignored="no m.room.message events", delivery_id=txn_id)
        return ParsedEvents(events=tuple(decided), delivery_id=txn_id)

    def _parse_spam_check(self, request: InboundRequest, body: dict[str, Any]) -> ParsedEvents:
        callback = request.path_params.get("callback", "")
        if callback == "ping":
            ping_id = body.get("id")
            return ParsedEvents(
                ignored="ping", extra={"reply": "antispam_ping", "id": str(ping_id or "")}
            )
        if callback != _SPAM_CALLBACK:
            # Other callbacks (invites, joins...) are not ours to judge: allowed.
            return ParsedEvents(ignored=f"callback {callback!r} is not handled")
        raw = body.get("event")
        if not isinstance(raw, dict):
            raise EventError("check_event_for_spam needs an 'event' object", source="event")
        try:
            _RoomMessage.model_validate(raw)
        except ValidationError as exc:
            raise EventError(describe_validation_error(exc), source="event") from exc
        event = self._message_event(raw, kind="pre_send")
        if event is None:
            return ParsedEvents(ignored="not a text m.room.message")
        return ParsedEvents(events=(event,), delivery_id=event.id, pre_send=True)

    def _message_event(self, raw: dict[str, Any], *, kind: str) -> Event | None:
        """The canonical event for a text ``m.room.message``, else None."""
        try:
            message = _RoomMessage.model_validate(raw)
        except ValidationError:
            return None
        content = message.content
        body = content.get("body")
        relates = content.get("m.relates_to")
        is_edit = isinstance(relates, dict) and relates.get("rel_type") == "m.replace"
        if (
            message.type != "m.room.message"
            or message.state_key is not None
            or not isinstance(body, str)
            or content.get("msgtype") not in _TEXT_MSGTYPES
            or is_edit
        ):
            return None
        try:
            sent_at = millis_to_datetime(message.origin_server_ts, what="origin_server_ts")
            return Event.model_validate(
                {
                    "id": message.event_id,
                    "conversation_id": message.room_id,
                    "sender": message.sender,
                    "text": body,
                    "sent_at": sent_at,
                    "kind": kind,
                    "context": self._context.model_copy(
                        update={"attributes": {"adapter": self.name}}
                    ),
                }
            )
        except (ValidationError, EventError):
            return None

    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """Spam check: 403 M_FORBIDDEN for a held message, else 200 ``{}``."""
        if parsed.pre_send:
            text = held_text(decisions)
            if text is not None:
                return json_reply(403, {"errcode": "M_FORBIDDEN", "error": text})
        return json_reply(200, {})

    def acknowledge(self, parsed: ParsedEvents) -> OutboundReply:
        """``{}``; the module's ping echoes its id; an unknown route is M_UNRECOGNIZED."""
        reply = parsed.extra.get("reply")
        if reply == "antispam_ping":
            return json_reply(200, {"id": parsed.extra.get("id", ""), "status": "ok"})
        if reply == "unrecognized":
            return json_reply(404, {"errcode": "M_UNRECOGNIZED", "error": "Unrecognized request"})
        return json_reply(200, {})

    def reject(self, error: SignatureError | EventError) -> OutboundReply:
        """Matrix errors: M_UNAUTHORIZED / M_FORBIDDEN / M_NOT_JSON / M_BAD_JSON."""
        if isinstance(error, SignatureError):
            code = "M_UNAUTHORIZED" if error.status_code == 401 else "M_FORBIDDEN"
            return json_reply(error.status_code, {"errcode": code, "error": str(error)})
        code = "M_NOT_JSON" if "not valid JSON" in str(error) else "M_BAD_JSON"
        return json_reply(400, {"errcode": code, "error": str(error)})

    def unavailable(self) -> OutboundReply:
        """503 ``M_UNKNOWN``: the homeserver backs off and retries the transaction."""
        return json_reply(503, {"errcode": "M_UNKNOWN", "error": "temporarily unavailable"})


def _check_bearer(request: InboundRequest, expected: bytes, *, allow_query: bool) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    from_header = value.strip().encode("utf-8", "replace") if scheme.lower() == "bearer" else None
    from_query: bytes | None = None
    if allow_query:
        legacy = parse_qs(urlsplit(request.url).query).get("access_token")
        from_query = legacy[0].encode("utf-8", "replace") if legacy else None
    if from_header is None and from_query is None:
        raise SignatureError("missing access token", status_code=401)
    ok = True
    for presented in (from_header, from_query):
        if presented is not None:
            # Each token given must match (the spec: "ensure both match").
            ok &= hmac.compare_digest(presented, expected)
    if not ok:
        raise SignatureError("the access token is not this service's", status_code=403)
