"""``serve --workers 2 --no-delivery`` with ``intimacy-rules worker`` delivering on its own."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.server.live import Receiver, free_port, start_server, stopping

pytestmark = pytest.mark.slow

KEY = "ir_worker-process-key-0123456789abcdef"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_a_separate_worker_delivers_what_two_server_processes_recorded(tmp_path: Path) -> None:
    receiver = Receiver()
    with receiver.running() as url, (tmp_path / "server.log").open("w") as log:
        config = tmp_path / "server.toml"
        config.write_text(
            f"""
[tenants.acme]
api_keys = ["{KEY}"]
callbacks = "all"

[tenants.acme.endpoints.main]
url = "{url}"
secret = "{SECRET}"

[delivery]
poll_interval_s = 0.05
"""
        )
        data_dir = tmp_path / "data"
        server = start_server(
            data_dir,
            port=free_port(),
            config=config,
            stderr=log,
            extra=("--workers", "2", "--no-delivery"),
        )
        with stopping(server):
            server.wait_ready()
            auth = {"Authorization": f"Bearer {KEY}"}
            with httpx.Client(base_url=server.base, headers=auth, timeout=10) as client:
                for n in range(20):
                    event = {
                        "id": f"e{n}",
                        "conversation_id": f"c{n % 3}",
                        "sender": "alice",
                        "text": "hello there",
                        "sent_at": "2026-11-25T12:00:00Z",
                    }
                    assert client.post("/v1/events", json=event).status_code == 200
            time.sleep(0.5)
            assert receiver.received == []  # the servers deliver nothing themselves

            clean = {k: v for k, v in os.environ.items() if not k.startswith("INTIMACY_RULES_")}
            worker = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "intimacy_rules.cli.main",
                    "worker",
                    "--data-dir",
                    str(data_dir),
                    "--config",
                    str(config),
                ],
                env=clean,
                stderr=log,
            )
            try:
                deadline = time.monotonic() + 30
                while len(receiver.received) < 20 and time.monotonic() < deadline:
                    time.sleep(0.05)
                ids = sorted(json.loads(body)["data"]["event_id"] for _, body in receiver.received)
                assert ids == sorted(f"e{n}" for n in range(20))
                worker.send_signal(signal.SIGTERM)
                assert worker.wait(30) == 0  # stopped after the row in hand, cleanly
            finally:
                if worker.poll() is None:
                    worker.kill()
                    worker.wait(10)
