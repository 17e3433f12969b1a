"""Twilio Conversations: onMessageAdd (pre-event) and onMessageAdded (post-event)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from adapter_helpers import FixedClock, RecordingDecider, fixture_json, request

from intimacy_rules.adapters import TwilioAdapter, TwilioSettings, handle_request
from intimacy_rules.adapters.twilio import twilio_signature
from intimacy_rules.errors import SignatureError

TOKEN = "twilio-auth-token-0123456789abcdef"
URL = "https://rules.example.org/adapters/twilio/default/webhook"


def reference_signature(url: str, params: dict[str, str]) -> str:
    """The documented algorithm, written out independently of the adapter."""
    data = url + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(TOKEN.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def form(params: dict[str, str], *, url: str = URL, signed_url: str | None = None):  # type: ignore[no-untyped-def]
    body = urlencode(params).encode()
    hdrs = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": reference_signature(signed_url or url, params),
        "I-Twilio-Idempotency-Token": "idem-1",
    }
    return request(body, hdrs, url=url)


@pytest.fixture
def adapter(clock: FixedClock) -> TwilioAdapter:
    return TwilioAdapter(TwilioSettings(auth_token=TOKEN), clock=clock)


def test_signature_helper_matches_the_documented_algorithm() -> None:
    params = {"b": "2", "a": "1", "Body": "hé"}
    assert twilio_signature(TOKEN, URL, {k: [v] for k, v in params.items()}) == (
        reference_signature(URL, params)
    )


def test_post_event_becomes_a_recorded_message(adapter: TwilioAdapter) -> None:
    req = form(fixture_json("twilio_on_message_added.json"))
    adapter.verify(req)
    parsed = adapter.parse(req)
    (event,) = parsed.events
    assert (event.id, event.conversation_id, event.sender, event.kind) == (
        "IM00000000000000000000000000000001",
        "CH00000000000000000000000000000001",
        "eli",
        "message",
    )
    assert parsed.delivery_id == "idem-1"
    assert handle_request(adapter, req, RecordingDecider()).status == 200


def test_pre_event_lets_through_what_nothing_holds(adapter: TwilioAdapter) -> None:
    decide = RecordingDecider(hold=False)
    reply = handle_request(adapter, form(fixture_json("twilio_on_message_add.json")), decide)
    assert reply.status == 200
    assert decide.events[0].kind == "pre_send"


def test_pre_event_rejects_a_held_message_with_403(adapter: TwilioAdapter) -> None:
    reply = handle_request(
        adapter, form(fixture_json("twilio_on_message_add.json")), RecordingDecider(hold=True)
    )
    assert reply.status == 403


def test_url_signed_with_the_default_port_is_accepted(adapter: TwilioAdapter) -> None:
    params = fixture_json("twilio_on_message_added.json")
    signed = "https://rules.example.org:443/adapters/twilio/default/webhook"
    adapter.verify(form(params, signed_url=signed))


def test_public_url_replaces_the_origin_a_proxy_rewrote(clock: FixedClock) -> None:
    adapter = TwilioAdapter(
        TwilioSettings(auth_token=TOKEN), public_url="https://rules.example.org", clock=clock
    )
    params = fixture_json("twilio_on_message_added.json")
    req = form(params, url="http://127.0.0.1:8000/adapters/twilio/default/webhook", signed_url=URL)
    adapter.verify(req)


def test_json_body_with_body_sha256_is_verified(adapter: TwilioAdapter) -> None:
    body = json.dumps(fixture_json("twilio_on_message_added.json")).encode()
    url = f"{URL}?bodySHA256={hashlib.sha256(body).hexdigest()}"
    hdrs = {
        "Content-Type": "application/json",
        "X-Twilio-Signature": reference_signature(url, {}),
    }
    req = request(body, hdrs, url=url)
    adapter.verify(req)
    assert adapter.parse(req).events[0].sender == "eli"
    tampered = body.replace(b"weekend", b"weekday")
    with pytest.raises(SignatureError):
        adapter.verify(request(tampered, hdrs, url=url))


@pytest.mark.parametrize(
    "forge",
    [
        lambda p: form(p, signed_url="https://evil.example/adapters/twilio/default/webhook"),
        lambda p: request(
            urlencode(p).encode(), {"Content-Type": "application/x-www-form-urlencoded"}
        ),
        lambda p: request(
            urlencode({**p, "Body": "changed"}).encode(),
            dict(form(p).headers),
            url=URL,
        ),
    ],
    ids=["other-url", "missing", "tampered-param"],
)
def test_forged_requests_are_refused_with_403(adapter: TwilioAdapter, forge) -> None:  # type: ignore[no-untyped-def]
    req = forge(fixture_json("twilio_on_message_added.json"))
    with pytest.raises(SignatureError) as info:
        adapter.verify(req)
    assert info.value.status_code == 403
    reply = handle_request(adapter, req, RecordingDecider())
    assert reply.status == 403
    assert b"Body" not in reply.body


def test_stale_post_event_is_refused(clock: FixedClock) -> None:
    adapter = TwilioAdapter(TwilioSettings(auth_token=TOKEN, max_age_s=600), clock=clock)
    clock.now += timedelta(hours=1)
    reply = handle_request(
        adapter, form(fixture_json("twilio_on_message_added.json")), RecordingDecider()
    )
    assert reply.status == 403


def test_malformed_message_is_400(adapter: TwilioAdapter) -> None:
    params = fixture_json("twilio_on_message_added.json")
    del params["ConversationSid"]
    reply = handle_request(adapter, form(params), RecordingDecider())
    assert reply.status == 400
    assert b"ConversationSid" in reply.body


def test_other_event_types_are_acknowledged(adapter: TwilioAdapter) -> None:
    decide = RecordingDecider()
    reply = handle_request(adapter, form(fixture_json("twilio_on_participant_added.json")), decide)
    assert reply.status == 200
    assert decide.events == []


def test_repeated_parameters_are_signed_name_by_name_values_sorted(adapter: TwilioAdapter) -> None:
    params = fixture_json("twilio_on_message_added.json")
    pairs = [*params.items(), ("Media", "ME2"), ("Media", "ME1")]
    body = urlencode(pairs).encode()
    data = URL + "".join(
        name + value
        for name, value in sorted([*params.items(), ("Media", "ME1"), ("Media", "ME2")])
    )
    signature = base64.b64encode(hmac.new(TOKEN.encode(), data.encode(), hashlib.sha1).digest())
    hdrs = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature.decode(),
    }
    adapter.verify(request(body, hdrs, url=URL))
