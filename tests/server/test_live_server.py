"""End to end: ``intimacy-rules serve`` as a real process on 127.0.0.1, called over HTTP.

A newcomer's first run (keys generated and printed once, the printed curl
works), the whole API with the real engine and SQLite store, a canary that
must appear in no log line and no file, and a graceful stop on SIGTERM.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.live import LiveServer, free_port, start_server, stopping

pytestmark = pytest.mark.slow


def _wait_for(lines: list[str], pattern: str, timeout: float = 30) -> re.Match[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, "".join(lines), re.DOTALL)
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"{pattern!r} never printed; got {''.join(lines)!r}")


def stop_gracefully(server: LiveServer, log_path: Path) -> None:
    """SIGTERM, then the server drains and shuts its app down before exiting.

    Uvicorn re-raises the signal once shut down, so the exit is 0 or -SIGTERM.
    """
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(30) in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in log_path.read_text()


def test_a_first_run_prints_a_curl_that_gets_a_decision(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    log_path = tmp_path / "server.log"
    with (
        log_path.open("w") as log,
        stopping(start_server(data_dir, port=free_port(), stderr=log)) as server,
    ):
        key = _wait_for(server.stdout_lines, r"tenant 'default'.*?\n  (ir_\S+)\n").group(1)
        curl = _wait_for(server.stdout_lines, r"(curl -sS .*?'\{.*?\}')").group(1)
        server.wait_ready()
        assert (data_dir / "api-key").read_text().strip() == key
        if shutil.which("curl"):
            pasted = subprocess.run(
                ["bash", "-c", curl], capture_output=True, text=True, timeout=30, check=True
            )
            decision = httpx.Response(200, content=pasted.stdout).json()
        else:  # pragma: no cover - curl is on CI
            decision = httpx.post(
                f"{server.base}/v1/events",
                headers={"Authorization": f"Bearer {key}"},
                content=re.search(r"-d '(.*)'", curl, re.DOTALL).group(1),  # type: ignore[union-attr]
            ).json()
        assert decision["ruleset"] == "dating"
        assert decision["conversation_id"] == "conv-1"
        assert {"decision_id", "revision", "fired", "criteria"} <= set(decision)
        stop_gracefully(server, log_path)

    log_path = tmp_path / "restart.log"
    with (
        log_path.open("w") as log,
        stopping(start_server(data_dir, port=free_port(), stderr=log)) as restarted,
    ):
        _wait_for(restarted.stdout_lines, r"Try:")
        restarted.wait_ready()
        printed = "".join(restarted.stdout_lines)
        assert key not in printed  # the key was shown once; later runs point at its file
        assert "$(cat " in printed
        stop_gracefully(restarted, log_path)


def test_the_api_over_http_with_the_real_engine_leaks_no_canary(tmp_path: Path) -> None:
    key = "ir_live-test-key-0123456789abcdef"
    canary = f"canary-{uuid.uuid4().hex}"
    raw_id = f"conv-{uuid.uuid4().hex}"
    data_dir = tmp_path / "data"
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        server = start_server(
            data_dir,
            port=free_port(),
            env={"INTIMACY_RULES_API_KEY": key, "INTIMACY_RULES_LOG_LEVEL": "debug"},
            stderr=log,
        )
        with stopping(server):
            server.wait_ready()
            auth = {"Authorization": f"Bearer {key}"}
            event = {
                "id": "evt-1",
                "conversation_id": raw_id,
                "sender": "alice",
                "recipients": ["bob"],
                "text": f"I feel so close to you right now {canary}",
                "sent_at": "2026-11-25T12:00:00Z",
                "context": {"platform": "dating", "match_age_hours": 30},
            }
            with httpx.Client(base_url=server.base, headers=auth, timeout=10) as client:
                first = client.post("/v1/events", json=event)
                assert first.status_code == 200
                again = client.post("/v1/events", json=event)
                assert again.headers["idempotent-replayed"] == "true"
                assert again.json()["decision_id"] == first.json()["decision_id"]
                assert client.post("/v1/evaluate", json={**event, "id": "evt-2"}).status_code == 200
                assert (
                    client.post("/v1/events", json={**event, "sent_at": canary}).status_code == 422
                )
                summary = client.get(f"/v1/conversations/{raw_id}")
                assert summary.json()["messages"] == 1
                assert canary not in summary.text
                assert client.get("/v1/conversations/other").status_code == 404
                assert httpx.post(f"{server.base}/v1/events", json=event).status_code == 401
                assert "intimacy_rules_decisions_total" in client.get("/metrics").text
                assert "decision.created" in client.get("/openapi.json").json()["webhooks"]
                for path in data_dir.rglob("*"):
                    if path.is_file():
                        content = path.read_bytes()
                        assert canary.encode() not in content, path
                        assert raw_id.encode() not in content, path
                assert client.delete(f"/v1/conversations/{raw_id}").status_code == 204
            stop_gracefully(server, log_path)
    logged = log_path.read_text()
    assert "POST /v1/events 200" in logged  # the access log is there...
    assert canary not in logged  # ...without message text
    assert raw_id not in logged  # ...or the conversation ids in paths


def test_sigterm_drains_a_request_in_flight(tmp_path: Path) -> None:
    key = "ir_drain-test-key-0123456789abcdef"
    log_path = tmp_path / "server.log"
    with (
        log_path.open("w") as log,
        stopping(
            start_server(
                tmp_path / "data",
                port=free_port(),
                env={"INTIMACY_RULES_API_KEY": key},
                stderr=log,
            )
        ) as server,
    ):
        server.wait_ready()
        batch = {
            "events": [
                {
                    "id": f"e{n}",
                    "conversation_id": f"c{n % 7}",
                    "sender": "alice" if n % 2 else "bob",
                    "text": "I feel closer to you when we talk like this",
                    "sent_at": "2026-11-25T12:00:00Z",
                }
                for n in range(100)
            ]
        }
        body = json.dumps(batch).encode()
        half = len(body) // 2

        def chunks() -> Iterator[bytes]:
            # The server has the headers and half the body (the request is in
            # flight) when SIGTERM arrives; the rest follows while it shuts down.
            yield body[:half]
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            yield body[half:]

        reply = httpx.post(
            f"{server.base}/v1/events",
            content=chunks(),
            headers={"Authorization": f"Bearer {key}", "content-type": "application/json"},
            timeout=30,
        )
        assert server.process.wait(30) in (0, -signal.SIGTERM)
        logged = log_path.read_text()
        assert "Application shutdown complete" in logged
        # The shutdown began before the request was answered: it was drained.
        assert logged.index("Shutting down") < logged.index("POST /v1/events 200")
        assert reply.status_code == 200  # finished, not cut off
        assert len(reply.json()["decisions"]) == 100
