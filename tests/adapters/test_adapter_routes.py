"""Every platform end to end through the real server (``create_app``) over ASGI."""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from adapter_helpers import SENT, FixedClock, fixture_bytes, fixture_json
from fastapi import FastAPI
from server_helpers import STUB_HOLD_TEXT, StubEngine, build_app, call, stub_loader
from standardwebhooks import Webhook

from intimacy_rules.adapters import (
    AdapterSettings,
    GenericSettings,
    MatrixSettings,
    SendbirdSettings,
    StreamSettings,
    TwilioSettings,
)
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.server.adapter_routes import build_adapter_router
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings

STREAM_SECRET = "stream-secret"
SENDBIRD_TOKEN = "sendbird-token"
TWILIO_TOKEN = "twilio-token"
HS_TOKEN = "hs-token"
SPAM_TOKEN = "spam-token"
WHSEC = "whsec_" + base64.b64encode(b"k" * 32).decode()
ORIGIN = "https://rules.example.org"

SETTINGS = AdapterSettings(
    platform="dating",
    stream=StreamSettings(api_secret=STREAM_SECRET),
    sendbird=SendbirdSettings(api_token=SENDBIRD_TOKEN),
    twilio=TwilioSettings(auth_token=TWILIO_TOKEN),
    matrix=MatrixSettings(hs_token=HS_TOKEN, antispam_token=SPAM_TOKEN),
    generic=GenericSettings(secret=WHSEC),
)


@pytest.fixture
def server(tmp_path: Path) -> tuple[FastAPI, StubEngine]:
    app, engines = build_app(
        tmp_path / "data", {"acme": SETTINGS}, clock=FixedClock(SENT.replace(second=2))
    )
    return app, engines["acme"]


def hex_hmac(key: str, body: bytes) -> str:
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def twilio_headers(path: str, params: dict[str, str], token: str = TWILIO_TOKEN) -> dict[str, str]:
    data = ORIGIN + path + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": base64.b64encode(digest).decode(),
    }


def test_stream_message_new_is_recorded_once_across_retries(
    server: tuple[FastAPI, StubEngine],
) -> None:
    app, engine = server
    body = fixture_bytes("stream_message_new.json")
    headers = {"X-Signature": hex_hmac(STREAM_SECRET, body), "X-Webhook-Id": "wh-77"}
    for _ in range(2):
        reply = call(app, "POST", "/adapters/stream/acme/webhook", content=body, headers=headers)
        assert reply.status_code == 200
    assert [e.id for e in engine.decided] == ["msg-0b1c2d3e"]
    assert engine.decided[0].context.platform == "dating"


def test_stream_gzip_webhook(server: tuple[FastAPI, StubEngine]) -> None:
    app, engine = server
    body = fixture_bytes("stream_message_new.json")
    headers = {"X-Signature": hex_hmac(STREAM_SECRET, body), "Content-Encoding": "gzip"}
    reply = call(
        app, "POST", "/adapters/stream/acme/webhook", content=gzip.compress(body), headers=headers
    )
    assert reply.status_code == 200
    assert len(engine.decided) == 1


def test_stream_before_send_discards_a_held_message(server: tuple[FastAPI, StubEngine]) -> None:
    app, engine = server
    body = fixture_bytes("stream_before_send.json")
    reply = call(
        app,
        "POST",
        "/adapters/stream/acme/before-message-send",
        content=body,
        headers={"X-Signature": hex_hmac(STREAM_SECRET, body)},
    )
    assert reply.status_code == 200
    assert reply.json() == {"message": {"type": "error", "text": STUB_HOLD_TEXT}}
    assert engine.decided[0].kind == "pre_send"


def test_stream_forged_signature_is_401(server: tuple[FastAPI, StubEngine]) -> None:
    app, engine = server
    body = fixture_bytes("stream_message_new.json")
    reply = call(
        app,
        "POST",
        "/adapters/stream/acme/webhook",
        content=body,
        headers={"X-Signature": hex_hmac("guess", body)},
    )
    assert reply.status_code == 401
    assert engine.decided == []


def test_sendbird_message_and_forgery(server: tuple[FastAPI, StubEngine]) -> None:
    app, engine = server
    body = fixture_bytes("sendbird_message_send.json")
    good = {"x-sendbird-signature": hex_hmac(SENDBIRD_TOKEN, body)}
    bad = {"x-sendbird-signature": hex_hmac("guess", body)}
    url = "/adapters/sendbird/acme/webhook"
    assert call(app, "POST", url, content=body, headers=bad).status_code == 401
    assert call(app, "POST", url, content=body, headers=good).status_code == 200
    assert [e.sender for e in engine.decided] == ["cleo"]


def test_twilio_pre_event_rejects_held_and_post_event_records(
    server: tuple[FastAPI, StubEngine],
) -> None:
    app, engine = server
    path = "/adapters/twilio/acme/webhook"
    pre = fixture_json("twilio_on_message_add.json")
    reply = call(app, "POST", path, content=urlencode(pre), headers=twilio_headers(path, pre))
    assert reply.status_code == 403  # Twilio rejects the message on any non-200
    post = fixture_json("twilio_on_message_added.json")
    reply = call(app, "POST", path, content=urlencode(post), headers=twilio_headers(path, post))
    assert reply.status_code == 200
    forged = twilio_headers(path, post, token="guess")
    assert call(app, "POST", path, content=urlencode(post), headers=forged).status_code == 403
    assert [e.kind for e in engine.decided] == ["pre_send", "message"]


def test_matrix_transaction_spam_check_and_tokens(server: tuple[FastAPI, StubEngine]) -> None:
    app, engine = server
    txn = "/adapters/matrix/acme/_matrix/app/v1/transactions/42"
    body = fixture_bytes("matrix_transaction.json")
    hs = {"Authorization": f"Bearer {HS_TOKEN}"}
    assert call(app, "PUT", txn, content=body, headers=hs).json() == {}
    assert call(app, "PUT", txn, content=body, headers=hs).status_code == 200  # retried txnId
    reply = call(app, "PUT", txn, content=body, headers={"Authorization": "Bearer guess"})
    assert (reply.status_code, reply.json()["errcode"]) == (403, "M_FORBIDDEN")
    reply = call(app, "PUT", txn, content=body)
    assert (reply.status_code, reply.json()["errcode"]) == (401, "M_UNAUTHORIZED")
    spam = call(
        app,
        "POST",
        "/adapters/matrix/acme/antispam/check_event_for_spam",
        content=fixture_bytes("matrix_spam_check.json"),
        headers={"Authorization": f"Bearer {SPAM_TOKEN}"},
    )
    assert (spam.status_code, spam.json()) == (
        403,
        {"errcode": "M_FORBIDDEN", "error": STUB_HOLD_TEXT},
    )
    ping = call(app, "POST", "/adapters/matrix/acme/_matrix/app/v1/ping", json={}, headers=hs)
    assert ping.status_code == 200
    unknown = call(app, "GET", "/adapters/matrix/acme/_matrix/app/v1/users/@x:y", headers=hs)
    assert (unknown.status_code, unknown.json()["errcode"]) == (404, "M_UNRECOGNIZED")
    assert [e.kind for e in engine.decided] == ["message", "pre_send"]


def test_generic_events_return_decisions_and_refuse_stale(
    server: tuple[FastAPI, StubEngine],
) -> None:
    app, engine = server
    body = fixture_bytes("generic_message.json")

    def headers(at: int, msg_id: str = "msg_1") -> dict[str, str]:
        from datetime import UTC, datetime

        sig = Webhook(WHSEC).sign(msg_id, datetime.fromtimestamp(at, tz=UTC), body.decode())
        return {"webhook-id": msg_id, "webhook-timestamp": str(at), "webhook-signature": sig}

    now = int(SENT.timestamp())
    reply = call(app, "POST", "/adapters/generic/acme/events", content=body, headers=headers(now))
    assert reply.status_code == 200
    assert reply.json()["decisions"][0]["event_id"] == "host-msg-1"
    stale = call(
        app, "POST", "/adapters/generic/acme/events", content=body, headers=headers(now - 600, "m2")
    )
    assert stale.status_code == 401
    assert len(engine.decided) == 1


def test_unknown_tenant_and_unconfigured_platform_are_404(tmp_path: Path) -> None:
    app, _ = build_app(
        tmp_path / "data",
        {"acme": AdapterSettings(sendbird=SendbirdSettings(api_token=SENDBIRD_TOKEN))},
        clock=FixedClock(),
    )
    body = fixture_bytes("stream_message_new.json")
    headers = {"X-Signature": hex_hmac(STREAM_SECRET, body)}
    assert (
        call(
            app, "POST", "/adapters/stream/acme/webhook", content=body, headers=headers
        ).status_code
        == 404
    )
    assert (
        call(
            app, "POST", "/adapters/stream/nobody/webhook", content=body, headers=headers
        ).status_code
        == 404
    )


def test_adapter_routes_are_in_the_openapi_document(server: tuple[FastAPI, StubEngine]) -> None:
    app, _ = server
    paths = call(app, "GET", "/openapi.json").json()["paths"]
    assert "/adapters/stream/{tenant}/before-message-send" in paths
    assert "/adapters/matrix/{tenant}/_matrix/app/v1/transactions/{txn_id}" in paths
    assert json.dumps(paths).count("/adapters/") >= 8


def test_builder_argument_takes_plain_settings_and_keeps_state(
    server: tuple[FastAPI, StubEngine],
) -> None:
    app, engine = server
    embedded = FastAPI()
    embedded.state.services = app.state.services
    source = {"acme": {"stream": {"api_secret": "embedded-secret"}}}
    embedded.include_router(build_adapter_router(app.state.services, adapter_settings=source))
    url = "/adapters/stream/acme/before-message-send"
    body = fixture_bytes("stream_before_send.json")
    headers = {"X-Signature": hex_hmac("embedded-secret", body), "X-Webhook-Id": "wh-9"}
    # A dry run stores nothing: only the replay cache, kept across requests,
    # can answer the second delivery without deciding again.
    for _ in range(2):
        reply = call(embedded, "POST", url, content=body, headers=headers)
        assert reply.json() == {"message": {"type": "error", "text": STUB_HOLD_TEXT}}
    assert len(engine.decided) == 1
    wrong = {"X-Signature": hex_hmac(STREAM_SECRET, body)}  # app.state's secret, not ours
    assert call(embedded, "POST", url, content=body, headers=wrong).status_code == 401


def test_the_config_file_shape_in_the_guides_configures_the_adapters(tmp_path: Path) -> None:
    config = tmp_path / "intimacy-rules.toml"
    config.write_text(
        f"""
data_dir = "{tmp_path / "data"}"
admin_key = "ir_adapter-tests-admin-key-0123"

[tenants.acme]
api_keys = ["ir_adapter-tests-tenant-key-0123"]

[tenants.acme.adapters]
platform = "counseling"

[tenants.acme.adapters.stream]
api_secret = "{STREAM_SECRET}"
""",
        encoding="utf-8",
    )
    engines: dict[str, StubEngine] = {}

    def factory(compiled: Any, *, tenant: Any, store: Any, clock: Any, **_: Any) -> StubEngine:
        engines[tenant.name] = StubEngine(store, clock)
        return engines[tenant.name]

    app = create_app(
        Settings.load(config_file=config),
        engine_factory=factory,
        store=InMemoryStore(),
        clock=FixedClock(SENT.replace(second=2)),
        load_ruleset=stub_loader,
        run_worker=False,
    )
    body = fixture_bytes("stream_message_new.json")
    headers = {"X-Signature": hex_hmac(STREAM_SECRET, body)}
    reply = call(app, "POST", "/adapters/stream/acme/webhook", content=body, headers=headers)
    assert reply.status_code == 200
    assert engines["acme"].decided[0].context.platform == "counseling"
    sendbird = call(app, "POST", "/adapters/sendbird/acme/webhook", content=b"{}")
    assert sendbird.status_code == 404  # not configured for this tenant
