"""Measure a pre-send verdict through each platform adapter: in process and over HTTP.

Usage::

    .venv/bin/python benchmarks/adapter_presend.py [--requests 2000] [--engine real|stub]

Two figures per platform hook (Stream Before Message Send, Twilio
``onMessageAdd``, Matrix spam check, generic ``pre_send``):

- **pipeline**: ``handle_request`` in this process (verify the signature,
  parse, decide with the engine's dry run, render the platform's reply);
- **http**: the same request through the real server (``create_app`` on its
  default SQLite store) served by uvicorn in a *separate process* on
  127.0.0.1, from one keep-alive ``httpx`` client, one request at a time.

Every request is distinct (its own text and ids, signed before the clock
starts) so no replay cache answers for the engine. ``--engine real`` uses the
default dating ruleset and the real ``Engine`` (the durable-rules matcher);
``--engine stub`` a keyword engine, to isolate the adapters' own cost. The
target is p99 <= 15 ms over HTTP. Only timings are printed, never text.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import multiprocessing
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import uvicorn
from standardwebhooks import Webhook

from intimacy_rules.adapters import (
    AdapterSettings,
    GenericSettings,
    Headers,
    InboundRequest,
    MatrixSettings,
    StreamSettings,
    TwilioSettings,
    handle_request,
)
from intimacy_rules.server.adapter_routes import _AdapterHost
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings

STREAM_SECRET = "bench-stream-secret"
TWILIO_TOKEN = "bench-twilio-token"
SPAM_TOKEN = "bench-spam-token"
WHSEC = "whsec_" + base64.b64encode(b"b" * 32).decode()
TENANT = "bench"
API_KEY = "ir_bench-key-0123456789abcdef"

TEXTS = (
    "I loved hearing about your week, what was the best part?",
    "Honestly I am scared you will leave like everyone else",
    "You are the only one who understands me, nobody else matters",
    "Can we plan a walk on Sunday? I miss talking with you",
    "I felt close to you last night when you told me about your dad",
    "Why do you never answer me when I text you",
)


def adapter_settings() -> AdapterSettings:
    return AdapterSettings(
        platform="dating",
        stream=StreamSettings(api_secret=STREAM_SECRET),
        twilio=TwilioSettings(auth_token=TWILIO_TOKEN),
        matrix=MatrixSettings(hs_token="bench-hs-token", antispam_token=SPAM_TOKEN),
        generic=GenericSettings(secret=WHSEC),
    )


# -- requests, one distinct signed request per call ---------------------------

Request = tuple[str, str, bytes, dict[str, str]]  # hook name, path, body, headers


def stream_request(i: int, origin: str) -> Request:
    body = json.dumps(
        {
            "message": {"id": "", "text": TEXTS[i % len(TEXTS)] + f" #{i}", "type": "regular"},
            "user": {"id": f"user-{i % 50}"},
            "channel": {"cid": f"messaging:bench-{i % 200}", "type": "messaging"},
        }
    ).encode()
    signature = hmac.new(STREAM_SECRET.encode(), body, hashlib.sha256).hexdigest()
    path = f"/adapters/stream/{TENANT}/before-message-send"
    return ("stream", path, body, {"X-Signature": signature, "Content-Type": "application/json"})


def twilio_request(i: int, origin: str) -> Request:
    path = f"/adapters/twilio/{TENANT}/webhook"
    params = {
        "EventType": "onMessageAdd",
        "AccountSid": "AC" + "0" * 32,
        "ConversationSid": f"CH{i % 200:032d}",
        "Author": f"user-{i % 50}",
        "Body": TEXTS[i % len(TEXTS)] + f" #{i}",
        "Source": "SDK",
    }
    data = origin + path + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(TWILIO_TOKEN.encode(), data.encode(), hashlib.sha1).digest()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": base64.b64encode(digest).decode(),
    }
    return ("twilio", path, urlencode(params).encode(), headers)


def matrix_request(i: int, origin: str) -> Request:
    event = {
        "type": "m.room.message",
        "sender": f"@user{i % 50}:example.org",
        "room_id": f"!room{i % 200}:example.org",
        "event_id": f"${uuid.uuid4().hex}:example.org",
        "origin_server_ts": int(time.time() * 1000),
        "content": {"msgtype": "m.text", "body": TEXTS[i % len(TEXTS)] + f" #{i}"},
    }
    path = f"/adapters/matrix/{TENANT}/antispam/check_event_for_spam"
    headers = {"Authorization": f"Bearer {SPAM_TOKEN}", "Content-Type": "application/json"}
    return ("matrix", path, json.dumps({"event": event}).encode(), headers)


def generic_request(i: int, origin: str) -> Request:
    body = json.dumps(
        {
            "type": "conversation.message",
            "data": {
                "id": f"bench-{uuid.uuid4().hex}",
                "conversation_id": f"conv-{i % 200}",
                "sender": f"user-{i % 50}",
                "text": TEXTS[i % len(TEXTS)] + f" #{i}",
                "sent_at": datetime.now(UTC).isoformat(),
                "kind": "pre_send",
            },
        }
    )
    msg_id = f"msg_{uuid.uuid4().hex}"
    now = datetime.now(UTC)
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(WHSEC).sign(msg_id, now, body),
        "Content-Type": "application/json",
    }
    return ("generic", f"/adapters/generic/{TENANT}/events", body.encode(), headers)


MAKERS: dict[str, Callable[[int, str], Request]] = {
    "stream": stream_request,
    "twilio": twilio_request,
    "matrix": matrix_request,
    "generic": generic_request,
}
HOOKS = {"stream": "before_send", "twilio": "webhook", "matrix": "antispam", "generic": "events"}


# -- the server, in its own process -------------------------------------------


def build_app(data_dir: Path, engine: str) -> Any:
    settings = Settings.load(
        data_dir=data_dir, admin_key=API_KEY + "-admin", tenants={TENANT: {"api_keys": [API_KEY]}}
    )
    kwargs: dict[str, Any] = {"run_worker": False}
    if engine == "stub":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "adapters"))
        from server_helpers import StubEngine, stub_loader  # noqa: PLC0415 - tests' stub

        def factory(compiled: Any, *, store: Any, clock: Any, **_: Any) -> Any:
            return StubEngine(store, clock)

        kwargs.update(engine_factory=factory, load_ruleset=stub_loader)
    app = create_app(settings, **kwargs)
    app.state.adapter_settings = {TENANT: adapter_settings()}
    return app


def serve(port: int, data_dir: str, engine: str) -> None:
    app = build_app(Path(data_dir), engine)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", ws="none", access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# -- measuring -----------------------------------------------------------------


def summary(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):6.2f}  p95 {pct(0.95):6.2f}  "
        f"p99 {pct(0.99):6.2f}  max {ordered[-1]:6.2f} ms"
    )


def bench_pipeline(app: Any, n: int) -> dict[str, list[float]]:
    services = app.state.services
    settings = adapter_settings()
    host = _AdapterHost(services, {TENANT: settings})
    results: dict[str, list[float]] = {}
    origin = "http://127.0.0.1:8000"
    for platform, make in MAKERS.items():
        adapter = host.adapter(TENANT, platform, settings)
        assert adapter is not None
        decide = host.decider(TENANT)
        requests = [make(i, origin) for i in range(n + 100)]
        samples: list[float] = []
        for i, (_, path, body, headers) in enumerate(requests):
            inbound = InboundRequest(
                method="POST",
                url=origin + path,
                headers=Headers(headers),
                body=body,
                received_at=datetime.now(UTC),
                hook=HOOKS[platform],
                path_params={"callback": "check_event_for_spam"},
            )
            started = time.perf_counter()
            reply = handle_request(adapter, inbound, decide)
            elapsed = (time.perf_counter() - started) * 1000
            if reply.status not in (200, 403):
                raise SystemExit(f"{platform}: unexpected status {reply.status}")
            if i >= 100:  # warm-up
                samples.append(elapsed)
        results[platform] = samples
    return results


def bench_http(port: int, n: int) -> dict[str, list[float]]:
    origin = f"http://127.0.0.1:{port}"
    results: dict[str, list[float]] = {}
    with httpx.Client(base_url=origin, timeout=10) as client:
        # The server's floor on this machine: a route that decides nothing.
        floor: list[float] = []
        for i in range(n + 100):
            started = time.perf_counter()
            client.get("/healthz")
            if i >= 100:
                floor.append((time.perf_counter() - started) * 1000)
        results["(healthz)"] = floor
        for platform, make in MAKERS.items():
            requests = [make(i, origin) for i in range(n + 100)]
            samples: list[float] = []
            for i, (_, path, body, headers) in enumerate(requests):
                started = time.perf_counter()
                reply = client.post(path, content=body, headers=headers)
                elapsed = (time.perf_counter() - started) * 1000
                if reply.status_code not in (200, 403):
                    raise SystemExit(f"{platform}: unexpected status {reply.status_code}")
                if i >= 100:
                    samples.append(elapsed)
            results[platform] = samples
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--engine", choices=("real", "stub"), default="real")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp) / "inproc", args.engine)
        pipeline = bench_pipeline(app, args.requests)
        port = free_port()
        ctx = multiprocessing.get_context("spawn")
        server = ctx.Process(target=serve, args=(port, str(Path(tmp) / "http"), args.engine))
        server.start()
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or not server.is_alive():
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.1)
            http = bench_http(port, args.requests)
        finally:
            server.terminate()
            server.join(10)

    print(f"pre-send verdicts, engine={args.engine}, {args.requests} requests per hook")
    print(f"  {'(healthz)':9s} http      {summary(http['(healthz)'])}  (server floor)")
    for platform in MAKERS:
        print(f"  {platform:9s} pipeline  {summary(pipeline[platform])}")
        print(f"  {platform:9s} http      {summary(http[platform])}")
    worst = max(
        sorted(s)[min(len(s) - 1, int(0.99 * len(s)))] for name, s in http.items() if name in MAKERS
    )
    print(f"worst http p99: {worst:.2f} ms (target <= 15 ms): {'PASS' if worst <= 15 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
