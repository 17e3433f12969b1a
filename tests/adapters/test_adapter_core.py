"""The parts every adapter shares: headers, the replay cache, gzip limits, the registry."""

from __future__ import annotations

import gzip
from datetime import timedelta

import intimacy_rules.adapters as adapters
import pytest
from adapter_helpers import FixedClock, RecordingDecider, fixture_bytes, request
from intimacy_rules.adapters import (
    GenericAdapter,
    GenericSettings,
    Headers,
    OutboundReply,
    ReplayCache,
    handle_request,
)
from intimacy_rules.adapters.base import gunzip_limited
from test_generic_adapter import SECRET, signed

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
