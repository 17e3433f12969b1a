"""Uvicorn's httptools protocol, with each response leaving in one ``write``.

Uvicorn writes a response's status line and headers as soon as the app sends
``http.response.start``, and the body on ``http.response.body``: two
``send()`` calls, two TCP segments, and a reader that wakes twice, for every
decision. On a host whose cores the server shares with its clients, that
costs both sides (measured on an empty app here: ~95 against ~70-80 us of
server CPU per request, and more requests per second from the same client).
``CoalescingHttpToolsProtocol`` hands uvicorn a transport that holds a lone
write (the head) until the next one (the body) and sends both as one buffer;
a write nothing follows leaves at the end of the event loop's turn, and
closing flushes first, so nothing is lost, reordered or kept waiting.

Only ``serve`` uses it; where httptools is missing (it comes with
``uvicorn[standard]``) this module does not import and ``serve`` leaves the
choice to uvicorn.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["CoalescingHttpToolsProtocol"]


class _CoalescingTransport:
    """Delegates to ``transport``, holding each lone write until the next one.

    A held write (a response's head) leaves together with the write that
    follows it (the body), at once; if none follows in this turn of the event
    loop, it leaves at the end of the turn on its own. Writes are never held
    longer than that, so a long turn (other requests decided meanwhile) does
    not delay a response whose body is already written.
    """

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Hold ``data``, or write it after the held write in one buffer."""
        held = self._held
        if held is None:
            self._held = bytes(data)
            self._loop.call_soon(self._flush)
            return
        self._held = None
        self._transport.write(held + bytes(data))

    def _flush(self) -> None:
        held = self._held
        if held is None:
            return
        self._held = None
        if not self._transport.is_closing():
            self._transport.write(held)

    def close(self) -> None:
        """Write what is held, then close."""
        self._flush()
        self._transport.close()

    def abort(self) -> None:
        """Drop what is held and close at once."""
        self._held = None
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        """Bytes held here and buffered in the real transport."""
        held = 0 if self._held is None else len(self._held)
        return self._transport.get_write_buffer_size() + held

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class CoalescingHttpToolsProtocol(HttpToolsProtocol):
    """``HttpToolsProtocol`` writing through a ``_CoalescingTransport``."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Take the connection; writes go through the coalescing queue from now on."""
        super().connection_made(transport)
        # Set after the base class took the real transport for flow control
        # (pausing reads), so that only writes go through the queue.
        self.transport = _CoalescingTransport(transport, self.loop)  # type: ignore[assignment]
