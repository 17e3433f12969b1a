"""The parts every adapter shares: headers, the replay cache, gzip limits, the registry."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta

import pytest
from adapter_helpers import FixedClock, RecordingDecider, fixture_bytes, request
from test_generic_adapter import SECRET, signed

import intimacy_rules.adapters as adapters
from intimacy_rules.adapters import (
    GenericAdapter,
    GenericSettings,
    Headers,
    OutboundReply,
    ReplayCache,
    handle_request,
)
from intimacy_rules.adapters.base import gunzip_limited
from intimacy_rules.errors import EventError, StoreUnavailableError


def test_headers_are_case_insensitive_and_repr_hides_values() -> None:
    headers = Headers([("X-Signature", "abc"), ("x-signature", "second")])
    assert headers["x-SIGNATURE"] == "abc"
    assert "X-SIGNATURE" in headers
    assert "abc" not in repr(headers)


def test_request_repr_never_shows_the_body() -> None:
    req = request(b"a secret message", {})
    assert "secret" not in repr(req)


def test_replay_cache_forgets_after_its_ttl(clock: FixedClock) -> None:
    cache = ReplayCache(ttl=timedelta(minutes=5), clock=clock)
    cache.put("a", OutboundReply(200))
    assert cache.get("a") == OutboundReply(200)
    clock.now += timedelta(minutes=6)
    assert cache.get("a") is None
    assert len(cache) == 0


def test_replay_cache_is_bounded_oldest_first(clock: FixedClock) -> None:
    cache = ReplayCache(ttl=timedelta(hours=1), max_entries=2, clock=clock)
    for key in ("a", "b", "c"):
        cache.put(key, OutboundReply(200))
    assert (cache.get("a"), len(cache)) == (None, 2)
    assert cache.get("c") is not None


def test_gzip_bombs_are_refused() -> None:
    bomb = gzip.compress(b"0" * 100_000)
    assert gunzip_limited(bomb, max_bytes=100_000) == b"0" * 100_000
    with pytest.raises(EventError, match="exceeds"):
        gunzip_limited(bomb, max_bytes=99_999)
    with pytest.raises(EventError, match="corrupt"):
        gunzip_limited(b"\x1f\x8bnot really gzip", max_bytes=1000)


def test_registry_names_every_platform_explicitly() -> None:
    assert sorted(adapters.ADAPTERS) == ["generic", "matrix", "sendbird", "stream", "twilio"]
    for name, cls in adapters.ADAPTERS.items():
        assert cls.name == name
        assert cls.hooks


def test_all_is_sorted_and_complete() -> None:
    assert list(adapters.__all__) == sorted(adapters.__all__)
    for name in adapters.__all__:
        assert hasattr(adapters, name), name


def test_store_outage_answers_503_and_is_not_remembered(clock: FixedClock) -> None:
    adapter = GenericAdapter(GenericSettings(secret=SECRET), clock=clock)
    seen = ReplayCache(clock=clock)

    def down(event):  # type: ignore[no-untyped-def]
        raise StoreUnavailableError("database is down")

    req = signed(fixture_bytes("generic_message.json"))
    assert handle_request(adapter, req, down, seen=seen).status == 503
    decide = RecordingDecider()
    # The platform's retry is decided now that the store is back.
    assert handle_request(adapter, req, decide, seen=seen).status == 200
    assert len(decide.events) == 1


def test_no_log_line_or_error_reply_carries_message_text(
    clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    canary = "CANARY-7f1e-unique-message-text"
    adapter = GenericAdapter(GenericSettings(secret=SECRET), clock=clock)
    payload = json.loads(fixture_bytes("generic_message.json"))
    payload["data"]["text"] = canary
    good = json.dumps(payload).encode()
    broken = json.dumps({**payload, "data": {**payload["data"], "sent_at": canary}}).encode()
    caplog.set_level("DEBUG")
    seen = ReplayCache(clock=clock)
    replies = [
        handle_request(adapter, signed(body, msg_id=msg_id), RecordingDecider(), seen=seen)
        for body, msg_id in ((good, "m-1"), (good, "m-1"), (broken, "m-2"))
    ]
    forged_headers = {**signed(good).headers, "webhook-signature": "v1,AAAA"}
    replies.append(handle_request(adapter, request(good, forged_headers), RecordingDecider()))
    assert [r.status for r in replies] == [200, 200, 400, 401]
    assert caplog.records  # the rejections and the duplicate were logged...
    assert canary not in caplog.text  # ...without the text
    assert all(canary.encode() not in r.body for r in replies[2:])
