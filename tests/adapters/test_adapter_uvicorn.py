"""The adapters behind a real uvicorn on 127.0.0.1: real sockets, real HTTP parsing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
import uvicorn
from adapter_helpers import SENT, FixedClock, fixture_bytes, fixture_json
from server_helpers import STUB_HOLD_TEXT, StubEngine, build_app

from intimacy_rules.adapters import AdapterSettings, StreamSettings, TwilioSettings

STREAM_SECRET = "uvicorn-stream-secret"
TWILIO_TOKEN = "uvicorn-twilio-token"


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, StubEngine]]:
    settings = AdapterSettings(
        stream=StreamSettings(api_secret=STREAM_SECRET),
        twilio=TwilioSettings(auth_token=TWILIO_TOKEN),
    )
    app, engines = build_app(
        tmp_path / "data", {"acme": settings}, clock=FixedClock(SENT.replace(second=2))
    )
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="warning", ws="none", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", engines["acme"]
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@pytest.mark.slow
def test_stream_and_twilio_through_uvicorn(live_server: tuple[str, StubEngine]) -> None:
    base, engine = live_server
    with httpx.Client(base_url=base, timeout=10) as client:
        body = fixture_bytes("stream_before_send.json")
        signature = hmac.new(STREAM_SECRET.encode(), body, hashlib.sha256).hexdigest()
        reply = client.post(
            "/adapters/stream/acme/before-message-send",
            content=body,
            headers={"X-Signature": signature, "Content-Type": "application/json"},
        )
        assert reply.status_code == 200
        assert reply.json()["message"] == {"type": "error", "text": STUB_HOLD_TEXT}

        forged = client.post(
            "/adapters/stream/acme/before-message-send",
            content=body,
            headers={"X-Signature": "0" * 64},
        )
        assert forged.status_code == 401

        # Twilio signs the URL it called: here the live server's own address.
        path = "/adapters/twilio/acme/webhook"
        params = fixture_json("twilio_on_message_added.json")
        data = base + path + "".join(k + params[k] for k in sorted(params))
        digest = hmac.new(TWILIO_TOKEN.encode(), data.encode(), hashlib.sha1).digest()
        reply = client.post(
            path,
            content=urlencode(params),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": base64.b64encode(digest).decode(),
            },
        )
        assert reply.status_code == 200
    assert [e.kind for e in engine.decided] == ["pre_send", "message"]
