"""The serve command's HTTP protocol: a response's head and body leave in one write."""

from __future__ import annotations

import asyncio
from typing import Any

from intimacy_rules.cli.serve_command import _http_protocol
from intimacy_rules.server.http_protocol import CoalescingHttpToolsProtocol, _CoalescingTransport


class _Transport:
    """Records writes and closing, like an asyncio transport would see them."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False
        self.aborted = False

    def write(self, data: bytes) -> None:
        assert not self.closed, "written after close"
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = self.closed = True

    def get_write_buffer_size(self) -> int:
        return 0

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 1)}.get(name, default)


def test_a_head_and_its_body_leave_in_one_write_at_once() -> None:
    async def scenario() -> list[bytes]:
        inner = _Transport()
        transport = _CoalescingTransport(inner, asyncio.get_running_loop())  # type: ignore[arg-type]
        transport.write(b"HTTP/1.1 200 OK\r\n\r\n")
        assert inner.writes == []
        transport.write(b"{}")
        assert inner.writes == [b"HTTP/1.1 200 OK\r\n\r\n{}"]  # not waiting for the turn's end
        await asyncio.sleep(0)
        return inner.writes

    assert asyncio.run(scenario()) == [b"HTTP/1.1 200 OK\r\n\r\n{}"]


def test_a_lone_write_leaves_at_the_end_of_the_turn_and_order_is_kept() -> None:
    async def scenario() -> list[bytes]:
        inner = _Transport()
        transport = _CoalescingTransport(inner, asyncio.get_running_loop())  # type: ignore[arg-type]
        transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        await asyncio.sleep(0)
        transport.write(b"head")
        transport.write(bytearray(b"chunk-1"))
        transport.write(memoryview(b"chunk-2"))
        await asyncio.sleep(0)
        return inner.writes

    assert asyncio.run(scenario()) == [
        b"HTTP/1.1 100 Continue\r\n\r\n",
        b"headchunk-1",
        b"chunk-2",
    ]


def test_closing_writes_what_is_held_first_and_abort_drops_it() -> None:
    async def scenario() -> tuple[_Transport, _Transport]:
        loop = asyncio.get_running_loop()
        closed, aborted = _Transport(), _Transport()
        one = _CoalescingTransport(closed, loop)  # type: ignore[arg-type]
        one.write(b"last words")
        one.close()
        two = _CoalescingTransport(aborted, loop)  # type: ignore[arg-type]
        two.write(b"never sent")
        assert two.get_write_buffer_size() == len(b"never sent")
        two.abort()
        await asyncio.sleep(0)  # the scheduled flushes find nothing left
        assert one.get_extra_info("peername") == ("127.0.0.1", 1)  # the rest is delegated
        return closed, aborted

    closed, aborted = asyncio.run(scenario())
    assert closed.writes == [b"last words"]
    assert closed.closed
    assert aborted.writes == []
    assert aborted.aborted


def test_serve_runs_uvicorn_with_this_protocol() -> None:
    # The live-server tests (test_live_server.py, test_sigkill.py) run the real
    # ``serve`` command, and so this protocol, end to end.
    assert _http_protocol() is CoalescingHttpToolsProtocol
