"""Helpers for tests that run ``intimacy-rules serve`` as a real process on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    process: subprocess.Popen[str]
    base: str
    stdout_lines: list[str] = field(default_factory=list)
    pump: threading.Thread | None = None

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError("the server did not become ready")


def _pump(stream: IO[str], into: list[str]) -> None:
    for line in stream:
        into.append(line)


def start_server(
    data_dir: Path,
    *,
    port: int,
    config: Path | None = None,
    env: dict[str, str] | None = None,
    stderr: IO[str] | int | None = None,
    extra: tuple[str, ...] = (),
) -> LiveServer:
    command = [
        sys.executable,
        "-m",
        "intimacy_rules.cli.main",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
    ]
    if config is not None:
        command += ["--config", str(config)]
    command += extra
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTIMACY_RULES_")}
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={**clean, **(env or {})},
        start_new_session=True,  # its own process group: --workers children die with it
    )
    server = LiveServer(process, f"http://127.0.0.1:{port}")
    assert process.stdout is not None
    server.pump = threading.Thread(
        target=_pump, args=(process.stdout, server.stdout_lines), daemon=True
    )
    server.pump.start()
    return server


@contextmanager
def stopping(server: LiveServer) -> Iterator[LiveServer]:
    try:
        yield server
    finally:
        with suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)  # the server and any workers
        server.process.wait(10)
        if server.pump is not None:
            server.pump.join(10)  # reads to the end of the closed pipe
        if server.process.stdout is not None:
            server.process.stdout.close()


@dataclass
class Receiver:
    """A callback receiver on 127.0.0.1: records bodies and headers, answers ``status``."""

    status: int = 204
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def running(self) -> Iterator[str]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with owner.lock:
                    status = owner.status
                    if status < 300:
                        owner.received.append((dict(self.headers.items()), body))
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return  # keep test output quiet

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/hooks"
        finally:
            server.shutdown()
            server.server_close()
