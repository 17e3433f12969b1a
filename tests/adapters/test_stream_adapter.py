"""Stream Chat: message.new webhooks and the Before Message Send hook."""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from adapter_helpers import (
    HOLD_TEXT,
    FixedClock,
    RecordingDecider,
    fixture_bytes,
    request,
)

from intimacy_rules.adapters import ReplayCache, StreamAdapter, StreamSettings, handle_request
from intimacy_rules.errors import EventError, SignatureError

SECRET = "stream-api-secret-for-tests"
API_KEY = "a1b23cdefgh4"


def sign(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def headers(body: bytes, *, webhook_id: str = "wh-1", **extra: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Signature": sign(body),
        "X-Webhook-Id": webhook_id,
        "X-Webhook-Attempt": "1",
        "X-Api-Key": API_KEY,
        **extra,
    }


@pytest.fixture
def adapter(clock: FixedClock) -> StreamAdapter:
    return StreamAdapter(StreamSettings(api_key=API_KEY, api_secret=SECRET), clock=clock)


def test_message_new_becomes_one_canonical_event(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_message_new.json")
    req = request(body, headers(body))
    adapter.verify(req)
    parsed = adapter.parse(req)
    (event,) = parsed.events
    assert (event.id, event.conversation_id, event.sender) == (
        "msg-0b1c2d3e",
        "messaging:match-7f3a",
        "ana",
    )
    assert event.text.startswith("I really liked hearing")
    assert event.recipients == ("ben",)
    assert event.kind == "message"
    assert event.context.attributes["channel_type"] == "messaging"
    assert parsed.delivery_id == "wh-1"
    assert not parsed.pre_send


def test_gzip_body_is_verified_on_its_decompressed_bytes(adapter: StreamAdapter) -> None:
    plain = fixture_bytes("stream_message_new.json")
    compressed = gzip.compress(plain)
    req = request(compressed, headers(plain, **{"Content-Encoding": "gzip"}))
    adapter.verify(req)
    assert adapter.parse(req).events[0].id == "msg-0b1c2d3e"


def test_signature_over_the_compressed_bytes_is_rejected(adapter: StreamAdapter) -> None:
    compressed = gzip.compress(fixture_bytes("stream_message_new.json"))
    req = request(compressed, headers(compressed, **{"Content-Encoding": "gzip"}))
    with pytest.raises(SignatureError, match="X-Signature") as info:
        adapter.verify(req)
    assert info.value.status_code == 401


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda h: h.update({"X-Signature": sign(b"other body")}), "X-Signature"),
        (lambda h: h.update({"X-Signature": sign(b"x", "wrong-secret")}), "X-Signature"),
        (lambda h: h.pop("X-Signature"), "missing X-Signature"),
        (lambda h: h.update({"X-Api-Key": "someone-else"}), "X-Api-Key"),
        (lambda h: h.update({"X-Signature": "zz\u00e9not-hex"}), "X-Signature"),
    ],
    ids=["other-body", "wrong-secret", "missing", "wrong-api-key", "garbage"],
)
def test_forged_requests_are_refused_with_401(adapter: StreamAdapter, mutate, match) -> None:  # type: ignore[no-untyped-def]
    body = fixture_bytes("stream_message_new.json")
    hdrs = headers(body)
    mutate(hdrs)
    with pytest.raises(SignatureError, match=match) as info:
        adapter.verify(request(body, hdrs))
    assert info.value.status_code == 401


def test_tampered_body_fails_verification(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_message_new.json")
    tampered = body.replace(b"tell me more", b"send me money")
    with pytest.raises(SignatureError):
        adapter.verify(request(tampered, headers(body)))


def test_stale_message_new_is_refused(clock: FixedClock) -> None:
    adapter = StreamAdapter(StreamSettings(api_secret=SECRET, max_age_s=600), clock=clock)
    clock.now += timedelta(hours=2)
    body = fixture_bytes("stream_message_new.json")
    reply = handle_request(adapter, request(body, headers(body)), RecordingDecider())
    assert reply.status == 401
    assert b"tolerance" in reply.body


def test_replayed_delivery_is_answered_once_and_decided_once(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_message_new.json")
    decide = RecordingDecider()
    seen = ReplayCache(ttl=timedelta(hours=2))
    first = handle_request(adapter, request(body, headers(body)), decide, seen=seen, scope="t")
    again = handle_request(adapter, request(body, headers(body)), decide, seen=seen, scope="t")
    assert first.status == again.status == 200
    assert len(decide.events) == 1


def test_malformed_payloads_are_400(adapter: StreamAdapter) -> None:
    for body in (b"{not json", b"[1, 2]", json.dumps({"type": "message.new"}).encode()):
        reply = handle_request(adapter, request(body, headers(body)), RecordingDecider())
        assert reply.status == 400, body
    body = json.dumps({"type": "message.new", "cid": "c", "message": "nope"}).encode()
    with pytest.raises(EventError, match="message"):
        adapter.parse(request(body, headers(body)))


def test_other_event_types_are_acknowledged_and_ignored(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_reaction_new.json")
    decide = RecordingDecider()
    reply = handle_request(adapter, request(body, headers(body)), decide)
    assert reply.status == 200
    assert decide.events == []


def test_system_messages_are_ignored(adapter: StreamAdapter) -> None:
    payload = json.loads(fixture_bytes("stream_message_new.json"))
    payload["message"]["type"] = "system"
    body = json.dumps(payload).encode()
    assert adapter.parse(request(body, headers(body))).ignored is not None


def test_before_send_passes_a_message_nothing_holds(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_before_send.json")
    decide = RecordingDecider(hold=False)
    reply = handle_request(adapter, request(body, headers(body), hook="before_send"), decide)
    assert (reply.status, json.loads(reply.body)) == (200, {})
    (event,) = decide.events
    assert event.kind == "pre_send"
    assert (event.sender, event.conversation_id) == ("ben", "messaging:match-7f3a")


def test_before_send_discards_a_held_message_with_the_hold_text(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_before_send.json")
    reply = handle_request(
        adapter, request(body, headers(body), hook="before_send"), RecordingDecider(hold=True)
    )
    # Stream documents the discard as HTTP 200 with an error-typed message.
    assert reply.status == 200
    assert json.loads(reply.body) == {"message": {"type": "error", "text": HOLD_TEXT}}


def test_before_send_without_signature_is_refused(adapter: StreamAdapter) -> None:
    body = fixture_bytes("stream_before_send.json")
    hdrs = headers(body)
    del hdrs["X-Signature"]
    reply = handle_request(adapter, request(body, hdrs, hook="before_send"), RecordingDecider())
    assert reply.status == 401
