"""A canary sent as message text through every endpoint appears in no database file and no log.

The app runs over the real SQLite store under a temporary data dir, with a
callback endpoint (a MockTransport) so outbox rows are written and delivered.
Every route that takes text is called with the canary, on good and bad
requests; then every file under the data dir and every captured log record is
searched for it. Raw conversation and event ids get the same treatment: they
are pseudonymised or sealed at rest and never logged.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings
from tests.server.client import AppClient
from tests.server.conftest import ADMIN_KEY, API_KEY, auth, event
from tests.server.fakes import FakeEngine, fake_engine_factory, fake_loader


def test_the_canary_is_in_no_database_file_and_no_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    raw_id = f"rawid-{uuid.uuid4().hex}"
    received: list[bytes] = []

    def host(request: httpx.Request) -> httpx.Response:
        received.append(request.content)
        return httpx.Response(204)

    data_dir = tmp_path / "data"
    settings = Settings.load(
        data_dir=data_dir,
        admin_key=ADMIN_KEY,
        tenants={
            "acme": {
                "api_keys": [API_KEY],
                "callbacks": "all",
                "endpoints": {
                    "main": {
                        "url": "https://host.example/hook",
                        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                    }
                },
            }
        },
        delivery={"poll_interval_s": 0.02},
    )
    app = create_app(
        settings,
        engine_factory=fake_engine_factory,
        load_ruleset=fake_loader,
        transport=httpx.MockTransport(host),
    )
    text = f"I feel closer to you {canary}"
    with caplog.at_level(logging.DEBUG), AppClient(app) as client:
        one = event(f"{raw_id}-1", conversation=raw_id, text=text)
        assert client.post("/v1/events", json=one, headers=auth()).status_code == 200
        assert client.post("/v1/events", json=one, headers=auth()).status_code == 200
        batch = {"events": [event(f"{raw_id}-{i}", conversation=raw_id, text=text) for i in (2, 3)]}
        assert client.post("/v1/events", json=batch, headers=auth()).status_code == 200
        assert client.post("/v1/evaluate", json=one, headers=auth()).status_code == 200
        bad_schema = {**one, "sent_at": canary}
        assert client.post("/v1/events", json=bad_schema, headers=auth()).status_code == 422
        broken = json.dumps(one)[:-5].encode()
        assert (
            client.post(
                "/v1/events",
                content=broken,
                headers={**auth(), "content-type": "application/json"},
            ).status_code
            == 422
        )
        huge = json.dumps(event("big", text=canary * 200_000)).encode()
        assert client.post("/v1/events", content=huge, headers=auth()).status_code == 413
        assert client.post("/v1/events", json=one).status_code == 401
        assert client.get(f"/v1/conversations/{raw_id}", headers=auth()).status_code == 200
        assert client.post("/v1/rulesets/validate", content=canary, headers=auth(ADMIN_KEY))
        deadline = time.monotonic() + 10
        while len(received) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(received) == 3  # the callbacks went out (and carry no text)
        assert all(canary.encode() not in body for body in received)
        files = [p for p in data_dir.rglob("*") if p.is_file()]
        assert any(p.suffix == ".sqlite3" for p in files)
        for path in files:
            content = path.read_bytes()
            assert canary.encode() not in content, path
            assert raw_id.encode() not in content, path
        assert client.delete(f"/v1/conversations/{raw_id}", headers=auth()).status_code == 204

    server_records = [
        r for r in caplog.records if "http://testserver" not in r.getMessage()
    ]  # the test's own client logs the URLs it calls; the server's lines are checked
    assert any(r.name == "intimacy_rules.access" for r in server_records)
    for record in server_records:
        line = record.getMessage()
        assert canary not in line, record.name
        assert raw_id not in line, record.name


class _BrokenEngine(FakeEngine):
    """An engine with a bug whose exception message quotes the message text."""

    def process(self, event: Event, *, tenant: str) -> Decision:
        raise RuntimeError(f"could not handle {event.text!r}")


@pytest.mark.parametrize("fast_path", [True, False])
def test_a_bug_is_a_500_whose_log_line_names_the_type_never_the_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, fast_path: bool
) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    settings = Settings.load(
        data_dir=tmp_path, admin_key=ADMIN_KEY, tenants={"acme": {"api_keys": [API_KEY]}}
    )

    def factory(compiled: Any, **kwargs: Any) -> FakeEngine:
        return _BrokenEngine(
            compiled, store=kwargs["store"], clock=kwargs["clock"], deliveries=None
        )

    app = create_app(
        settings,
        engine_factory=factory,
        store=InMemoryStore(),
        load_ruleset=fake_loader,
        fast_path=fast_path,
    )
    with caplog.at_level(logging.DEBUG), AppClient(app) as client:
        reply = client.post("/v1/events", json=event(text=canary), headers=auth())
    assert reply.status_code == 500
    assert canary not in reply.text
    assert "unhandled RuntimeError on POST /v1/events" in caplog.text
    assert canary not in caplog.text
