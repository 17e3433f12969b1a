"""The real server over PostgreSQL: two processes share one database (the scale-out form).

Runs when ``INTIMACY_RULES_TEST_PG_DSN`` names a PostgreSQL (``.ci/postgres.sh``
starts one). Two ``serve`` processes with their own data dirs but the same
pseudonymisation key and database answer for the same conversation: an event
decided by one is a replay on the other, and callbacks are delivered once.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.server.live import Receiver, free_port, start_server, stopping

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

DSN = os.environ.get("INTIMACY_RULES_TEST_PG_DSN")
KEY = "ir_postgres-live-key-0123456789abcdef"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_two_servers_share_one_postgresql(tmp_path: Path) -> None:
    if DSN is None:
        if os.environ.get("CI"):  # CI must never pass by silently skipping PostgreSQL
            pytest.fail("INTIMACY_RULES_TEST_PG_DSN is not set: run .ci/postgres.sh")
        pytest.skip("INTIMACY_RULES_TEST_PG_DSN is not set")
    tenant = f"t{uuid.uuid4().hex[:12]}"
    receiver = Receiver()
    with receiver.running() as url:
        config = tmp_path / "server.toml"
        config.write_text(
            f"""
[tenants.{tenant}]
api_keys = ["{KEY}"]
callbacks = "all"

[tenants.{tenant}.endpoints.main]
url = "{url}"
secret = "{SECRET}"

[delivery]
poll_interval_s = 0.05
"""
        )
        env = {
            "INTIMACY_RULES_DATABASE_URL": DSN,
            "INTIMACY_RULES_PSEUDONYM_KEY": base64.b64encode(os.urandom(32)).decode(),
        }
        logs = [(tmp_path / f"s{i}.log").open("w") for i in range(2)]
        try:
            servers = [
                start_server(
                    tmp_path / f"d{i}", port=free_port(), config=config, env=env, stderr=logs[i]
                )
                for i in range(2)
            ]
            with stopping(servers[0]) as one, stopping(servers[1]) as two:
                one.wait_ready()
                two.wait_ready()
                auth = {"Authorization": f"Bearer {KEY}"}
                event = {
                    "id": "evt-1",
                    "conversation_id": "conv-pg",
                    "sender": "alice",
                    "text": "I feel closer to you",
                    "sent_at": "2026-11-25T12:00:00Z",
                }
                first = httpx.post(f"{one.base}/v1/events", json=event, headers=auth)
                assert first.status_code == 200
                replay = httpx.post(f"{two.base}/v1/events", json=event, headers=auth)
                assert replay.headers["idempotent-replayed"] == "true"
                assert replay.json()["decision_id"] == first.json()["decision_id"]
                second = {**event, "id": "evt-2", "sender": "bob"}
                assert httpx.post(f"{two.base}/v1/events", json=second, headers=auth).is_success
                summary = httpx.get(f"{one.base}/v1/conversations/conv-pg", headers=auth)
                assert summary.json()["messages"] == 2
                deadline = time.monotonic() + 20
                while len(receiver.received) < 2 and time.monotonic() < deadline:
                    time.sleep(0.05)
                time.sleep(0.5)  # a duplicate delivery would arrive by now
                ids = sorted(json.loads(body)["data"]["event_id"] for _, body in receiver.received)
                assert ids == ["evt-1", "evt-2"]
                erased = httpx.delete(f"{two.base}/v1/conversations/conv-pg", headers=auth)
                assert erased.status_code == 204
                for server in (one, two):
                    server.process.send_signal(signal.SIGTERM)
                    assert server.process.wait(30) in (0, -signal.SIGTERM)
        finally:
            for log in logs:
                log.close()
