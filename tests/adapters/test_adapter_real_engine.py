"""The whole product: platform requests through create_app, the real engine and SQLite."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from adapter_helpers import fixture_json
from fastapi import FastAPI
from server_helpers import ADMIN_KEY, API_KEY, call

from intimacy_rules.adapters import AdapterSettings, MatrixSettings, StreamSettings
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings

STREAM_SECRET = "real-engine-stream-secret"
HS_TOKEN = "real-engine-hs-token"


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    settings = Settings.load(
        data_dir=tmp_path / "data",
        admin_key=ADMIN_KEY,
        tenants={"acme": {"api_keys": [API_KEY], "ruleset": "dating"}},
    )
    application = create_app(settings, run_worker=False)  # the SQLite store, the real engine
    application.state.adapter_settings = {
        "acme": AdapterSettings(
            platform="dating",
            stream=StreamSettings(api_secret=STREAM_SECRET),
            matrix=MatrixSettings(hs_token=HS_TOKEN),
        )
    }
    return application


def before_send(app: FastAPI, text: str) -> dict[str, object]:
    payload = fixture_json("stream_before_send.json")
    payload["message"]["text"] = text
    body = json.dumps(payload).encode()
    signature = hmac.new(STREAM_SECRET.encode(), body, hashlib.sha256).hexdigest()
    reply = call(
        app,
        "POST",
        "/adapters/stream/acme/before-message-send",
        content=body,
        headers={"X-Signature": signature},
    )
    assert reply.status_code == 200
    result: dict[str, object] = reply.json()
    return result


@pytest.mark.slow
def test_the_dating_ruleset_discards_a_threat_and_passes_a_kind_message(app: FastAPI) -> None:
    discarded = before_send(app, "If you leave me I will hurt you")
    message = discarded["message"]
    assert isinstance(message, dict)
    assert message["type"] == "error"
    assert message["text"]  # the ruleset's "are you sure" text, shown to the sender
    assert before_send(app, "I loved our walk today, thank you") == {}


@pytest.mark.slow
def test_a_matrix_transaction_is_recorded_in_the_conversation(app: FastAPI) -> None:
    body = json.dumps(fixture_json("matrix_transaction.json")).encode()
    reply = call(
        app,
        "PUT",
        "/adapters/matrix/acme/_matrix/app/v1/transactions/t1",
        content=body,
        headers={"Authorization": f"Bearer {HS_TOKEN}"},
    )
    assert reply.status_code == 200
    retry = call(
        app,
        "PUT",
        "/adapters/matrix/acme/_matrix/app/v1/transactions/t1",
        content=body,
        headers={"Authorization": f"Bearer {HS_TOKEN}"},
    )
    assert retry.status_code == 200
    summary = call(
        app,
        "GET",
        f"/v1/conversations/{quote('!couple:example.org', safe='')}",
        headers={"Authorization": f"Bearer {API_KEY}"},
    )
    assert summary.status_code == 200
    # The message was recorded (the member event was not), and no text is kept.
    assert summary.json()["messages"] == 1
    assert "I miss our walks" not in summary.text  # never text, only scores and counts
