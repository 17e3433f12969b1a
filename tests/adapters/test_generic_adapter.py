"""Generic: canonical events from hosts that sign the Standard Webhooks way."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from adapter_helpers import SENT, FixedClock, RecordingDecider, fixture_bytes, fixture_json, request
from standardwebhooks import Webhook

from intimacy_rules.adapters import GenericAdapter, GenericSettings, ReplayCache, handle_request
from intimacy_rules.engine.events import EventContext
from intimacy_rules.errors import SignatureError

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()


def signed(body: bytes, msg_id: str = "msg_1", *, at=SENT, secret: str = SECRET):  # type: ignore[no-untyped-def]
    signature = Webhook(secret).sign(msg_id=msg_id, timestamp=at, data=body.decode())
    hdrs = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }
    return request(body, hdrs, url="https://rules.example.org/adapters/generic/default/events")


@pytest.fixture
def adapter(clock: FixedClock) -> GenericAdapter:
    return GenericAdapter(GenericSettings(secret=SECRET), clock=clock)


def test_signed_event_is_decided_and_every_decision_returned(adapter: GenericAdapter) -> None:
    decide = RecordingDecider()
    reply = handle_request(adapter, signed(fixture_bytes("generic_message.json")), decide)
    assert reply.status == 200
    body = json.loads(reply.body)
    assert [d["event_id"] for d in body["decisions"]] == ["host-msg-1"]
    assert body["held"] is False
    (event,) = decide.events
    assert event.context.match_age_hours == 36


def test_batch_and_pre_send_with_tenant_context(clock: FixedClock) -> None:
    adapter = GenericAdapter(
        GenericSettings(secret=SECRET), context=EventContext(platform="counseling"), clock=clock
    )
    data = fixture_json("generic_message.json")["data"]
    del data["context"]
    second = {**data, "id": "host-msg-2", "kind": "pre_send"}
    payload = {"type": "conversation.messages", "data": {"events": [data, second]}}
    decide = RecordingDecider(hold=True)
    reply = handle_request(adapter, signed(json.dumps(payload).encode()), decide)
    assert reply.status == 200
    assert json.loads(reply.body)["held"] is True
    assert [e.kind for e in decide.events] == ["message", "pre_send"]
    assert {e.context.platform for e in decide.events} == {"counseling"}


def test_several_signatures_any_v1_match_is_enough(adapter: GenericAdapter) -> None:
    req = signed(fixture_bytes("generic_message.json"))
    good = req.headers["webhook-signature"]
    hdrs = dict(req.headers)
    hdrs["webhook-signature"] = f"v1,{base64.b64encode(b'x' * 32).decode()} v2,abc {good}"
    adapter.verify(request(req.body, hdrs))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda h: h.pop("webhook-signature"),
        lambda h: h.update({"webhook-signature": "v1,not-base64!!"}),
        lambda h: h.update({"webhook-signature": "garbage-without-comma"}),
        lambda h: h.update({"webhook-id": "msg_other"}),
        lambda h: h.update({"webhook-timestamp": "yesterday"}),
    ],
    ids=["missing", "bad-base64", "malformed", "other-id", "bad-timestamp"],
)
def test_forged_requests_are_refused_with_401(adapter: GenericAdapter, mutate) -> None:  # type: ignore[no-untyped-def]
    req = signed(fixture_bytes("generic_message.json"))
    hdrs = dict(req.headers)
    mutate(hdrs)
    with pytest.raises(SignatureError) as info:
        adapter.verify(request(req.body, hdrs))
    assert info.value.status_code == 401


def test_wrong_secret_is_refused(adapter: GenericAdapter) -> None:
    other = "whsec_" + base64.b64encode(b"another secret of 32 bytes......").decode()
    with pytest.raises(SignatureError, match="no webhook-signature matches"):
        adapter.verify(signed(fixture_bytes("generic_message.json"), secret=other))


@pytest.mark.parametrize("skew", [timedelta(minutes=6), timedelta(minutes=-6)])
def test_timestamps_outside_five_minutes_are_refused(
    adapter: GenericAdapter, clock: FixedClock, skew: timedelta
) -> None:
    decide = RecordingDecider()
    reply = handle_request(
        adapter, signed(fixture_bytes("generic_message.json"), at=clock.now - skew), decide
    )
    assert reply.status == 401
    assert decide.events == []


def test_replayed_webhook_id_gets_the_first_answer(adapter: GenericAdapter) -> None:
    decide = RecordingDecider()
    seen = ReplayCache(ttl=timedelta(minutes=10))
    req = signed(fixture_bytes("generic_message.json"))
    first = handle_request(adapter, req, decide, seen=seen)
    second = handle_request(adapter, req, decide, seen=seen)
    assert first == second
    assert len(decide.events) == 1


def test_malformed_event_is_400_naming_the_field(adapter: GenericAdapter) -> None:
    payload = fixture_json("generic_message.json")
    payload["data"]["sent_at"] = "last tuesday"
    reply = handle_request(adapter, signed(json.dumps(payload).encode()), RecordingDecider())
    assert reply.status == 400
    assert b"sent_at" in reply.body


def test_other_types_are_acknowledged(adapter: GenericAdapter) -> None:
    decide = RecordingDecider()
    body = json.dumps({"type": "conversation.closed", "data": {"id": "conv-42"}}).encode()
    assert handle_request(adapter, signed(body), decide).status == 200
    assert decide.events == []


def test_secret_must_be_in_standard_webhooks_form() -> None:
    with pytest.raises(ValueError, match="whsec_"):
        GenericSettings(secret="plain-secret")
