"""Sendbird: group_channel:message_send webhooks signed with the master API token."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from adapter_helpers import FixedClock, RecordingDecider, fixture_bytes, request

from intimacy_rules.adapters import (
    ReplayCache,
    SendbirdAdapter,
    SendbirdSettings,
    handle_request,
)
from intimacy_rules.errors import SignatureError

TOKEN = "sendbird-master-api-token"


def headers(body: bytes, token: str = TOKEN) -> dict[str, str]:
    signature = hmac.new(token.encode(), body, hashlib.sha256).hexdigest()
    return {
        "content-type": "application/json",
        "user-agent": "SendBird",
        "x-sendbird-signature": signature,
    }


@pytest.fixture
def adapter(clock: FixedClock) -> SendbirdAdapter:
    return SendbirdAdapter(SendbirdSettings(api_token=TOKEN), clock=clock)


def test_message_send_becomes_one_canonical_event(adapter: SendbirdAdapter) -> None:
    body = fixture_bytes("sendbird_message_send.json")
    req = request(body, headers(body))
    adapter.verify(req)
    parsed = adapter.parse(req)
    (event,) = parsed.events
    assert (event.id, event.conversation_id, event.sender) == (
        "4815162342",
        "sendbird_group_channel_1234_abcd",
        "cleo",
    )
    assert event.recipients == ("dev",)
    assert event.sent_at.isoformat() == "2026-11-25T18:00:00+00:00"
    assert event.context.attributes["channel_custom_type"] == "match"
    assert parsed.delivery_id == "sendbird_group_channel_1234_abcd/4815162342"


def test_uppercase_hex_signature_is_accepted(adapter: SendbirdAdapter) -> None:
    body = fixture_bytes("sendbird_message_send.json")
    hdrs = headers(body)
    hdrs["x-sendbird-signature"] = hdrs["x-sendbird-signature"].upper()
    adapter.verify(request(body, hdrs))


@pytest.mark.parametrize(
    "hdrs",
    [
        {"content-type": "application/json"},
        headers(b"another body"),
        headers(fixture_bytes("sendbird_message_send.json"), token="not-the-token"),
    ],
    ids=["missing", "other-body", "wrong-token"],
)
def test_forged_requests_are_refused_with_401(
    adapter: SendbirdAdapter, hdrs: dict[str, str]
) -> None:
    body = fixture_bytes("sendbird_message_send.json")
    with pytest.raises(SignatureError, match="x-sendbird-signature") as info:
        adapter.verify(request(body, hdrs))
    assert info.value.status_code == 401
    reply = handle_request(adapter, request(body, hdrs), RecordingDecider())
    assert reply.status == 401


def test_stale_message_is_refused(clock: FixedClock) -> None:
    adapter = SendbirdAdapter(SendbirdSettings(api_token=TOKEN, max_age_s=300), clock=clock)
    clock.now += timedelta(minutes=10)
    body = fixture_bytes("sendbird_message_send.json")
    decide = RecordingDecider()
    assert handle_request(adapter, request(body, headers(body)), decide).status == 401
    assert decide.events == []


def test_sendbird_retry_is_not_decided_twice(adapter: SendbirdAdapter) -> None:
    body = fixture_bytes("sendbird_message_send.json")
    decide = RecordingDecider()
    seen = ReplayCache(ttl=timedelta(hours=1))
    for _ in range(3):  # Sendbird sends the same POST up to three times
        reply = handle_request(adapter, request(body, headers(body)), decide, seen=seen)
        assert reply.status == 200
    assert len(decide.events) == 1


def test_malformed_payload_is_400(adapter: SendbirdAdapter) -> None:
    payload = json.loads(fixture_bytes("sendbird_message_send.json"))
    del payload["payload"]["message_id"]
    body = json.dumps(payload).encode()
    reply = handle_request(adapter, request(body, headers(body)), RecordingDecider())
    assert reply.status == 400
    assert b"message_id" in reply.body


def test_other_categories_and_file_messages_are_ignored(adapter: SendbirdAdapter) -> None:
    decide = RecordingDecider()
    body = fixture_bytes("sendbird_channel_create.json")
    assert handle_request(adapter, request(body, headers(body)), decide).status == 200
    payload = json.loads(fixture_bytes("sendbird_message_send.json"))
    payload["type"] = "FILE"
    body = json.dumps(payload).encode()
    assert handle_request(adapter, request(body, headers(body)), decide).status == 200
    assert decide.events == []
