"""Kill -9 mid-load: no acknowledged event lost, no decision duplicated, the outbox delivered.

The server runs as a real process over SQLite (one, or two worker processes
recording by group commit and taking turns on the write lock) with a callback
endpoint on 127.0.0.1 that answers 503 until the kill, so outbox rows are
pending when the server dies. After a restart on the same data dir every acknowledged event is a
replay with its original decision, each event counts once in its conversation,
and every acknowledged decision reaches the endpoint, signed, with one
webhook id per decision.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from standardwebhooks import Webhook

from tests.server.live import Receiver, free_port, start_server, stopping

pytestmark = pytest.mark.slow

KEY = "ir_sigkill-test-key-0123456789abcdef"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
CONVERSATIONS = 12


def _config(path: Path, receiver_url: str) -> Path:
    path.write_text(
        f"""
[tenants.acme]
api_keys = ["{KEY}"]
callbacks = "all"

[tenants.acme.endpoints.main]
url = "{receiver_url}"
secret = "{SECRET}"

[delivery]
poll_interval_s = 0.05
base_delay_s = 0.2
max_delay_s = 0.5
max_attempts = 50
lease_s = 2
"""
    )
    return path


def _event(n: int, thread: int) -> dict[str, object]:
    return {
        "id": f"t{thread}-e{n}",
        "conversation_id": f"c{(n + thread) % CONVERSATIONS}",
        "sender": "alice" if n % 2 else "bob",
        "recipients": ["bob" if n % 2 else "alice"],
        "text": "I feel closer to you when we talk like this",
        "sent_at": "2026-11-25T12:00:00Z",
    }


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "two-processes"])
def test_sigkill_loses_no_acknowledged_event_and_duplicates_no_decision(
    tmp_path: Path, workers: int
) -> None:
    receiver = Receiver(status=503)
    data_dir = tmp_path / "data"
    acked: dict[str, str] = {}
    sent: dict[str, dict[str, object]] = {}
    lock = threading.Lock()
    stop = threading.Event()

    with receiver.running() as url, (tmp_path / "server.log").open("w") as log:
        config = _config(tmp_path / "server.toml", url)
        port = free_port()
        # Two processes record their events by group commit, taking turns on the
        # SQLite write lock; every one of them is killed mid-batch.
        extra = ("--workers", str(workers))
        with stopping(
            start_server(data_dir, port=port, config=config, stderr=log, extra=extra)
        ) as server:
            server.wait_ready()

            def load(thread: int) -> None:
                with httpx.Client(
                    base_url=server.base, headers={"Authorization": f"Bearer {KEY}"}, timeout=5
                ) as client:
                    for n in range(100_000):
                        if stop.is_set():
                            return
                        event = _event(n, thread)
                        with lock:
                            sent[str(event["id"])] = event
                        try:
                            reply = client.post("/v1/events", json=event)
                        except httpx.HTTPError:
                            return  # the server is gone: this one was never acknowledged
                        if reply.status_code == 200:
                            with lock:
                                acked[str(event["id"])] = reply.json()["decision_id"]

            threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 30
            while len(acked) < 150 and time.monotonic() < deadline:
                time.sleep(0.05)
            os.killpg(server.process.pid, signal.SIGKILL)  # the server and its workers
            server.process.wait(10)
            stop.set()
            for thread in threads:
                thread.join(30)
        assert len(acked) >= 150
        assert receiver.received == []  # nothing was delivered before the kill

        receiver.status = 204
        with stopping(start_server(data_dir, port=free_port(), config=config, stderr=log)) as again:
            again.wait_ready()
            with httpx.Client(
                base_url=again.base, headers={"Authorization": f"Bearer {KEY}"}, timeout=10
            ) as client:
                for event_id, decision_id in acked.items():
                    reply = client.post("/v1/events", json=sent[event_id])
                    assert reply.status_code == 200
                    assert reply.headers.get("idempotent-replayed") == "true", event_id
                    assert reply.json()["decision_id"] == decision_id
                # Events in flight at the kill were either committed or not; sent
                # again now, each is decided exactly once overall.
                for event_id, event in sent.items():
                    if event_id not in acked:
                        assert client.post("/v1/events", json=event).status_code == 200
                total = sum(
                    client.get(f"/v1/conversations/c{i}").json()["messages"]
                    for i in range(CONVERSATIONS)
                )
                assert total == len(sent)

            wanted = set(acked.values())
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with receiver.lock:
                    got = {json.loads(body)["data"]["decision_id"] for _, body in receiver.received}
                if wanted <= got:
                    break
                time.sleep(0.1)
            assert wanted <= got, f"{len(wanted - got)} acknowledged decisions never delivered"
            ids_by_decision: dict[str, set[str]] = {}
            for headers, body in list(receiver.received):
                payload = Webhook(SECRET).verify(body, headers)
                ids_by_decision.setdefault(payload["data"]["decision_id"], set()).add(
                    headers["webhook-id"]
                )
            assert all(len(ids) == 1 for ids in ids_by_decision.values())
