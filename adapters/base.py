"""What every platform adapter is made of, free of any web framework.

An adapter turns one platform's HTTP request into canonical ``Event`` objects
and the engine's ``Decision`` objects into the reply that platform expects::

    InboundRequest ──verify──▶ (or SignatureError with the platform's status)
                   ──parse───▶ ParsedEvents: events, delivery id, or "ignored"
    decisions      ──render──▶ OutboundReply: status, headers, body

Only ``intimacy_rules.server.adapter_routes`` knows about FastAPI; everything
here is plain data, so the adapters are tested and benchmarked without a
server, and another framework could host them.
"""

from __future__ import annotations

import gzip
import json
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from pydantic import ValidationError

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.errors import EventError, SignatureError

__all__ = [
    "Adapter",
    "Clock",
    "Headers",
    "InboundRequest",
    "OutboundReply",
    "ParsedEvents",
    "describe_validation_error",
    "ensure_fresh",
    "gunzip_limited",
    "held_text",
    "json_reply",
    "load_json_object",
    "millis_to_datetime",
    "utc_now",
]

Clock = Callable[[], datetime]

#: The largest body an adapter will decompress or parse (4 MiB, the server's default).
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024


def utc_now() -> datetime:
    """The wall clock in UTC; adapters take a ``clock`` so tests can fix time."""
    return datetime.now(UTC)


class Headers(Mapping[str, str]):
    """HTTP headers with case-insensitive names; the first value of a name wins."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        store: dict[str, str] = {}
        for name, value in pairs:
            store.setdefault(name.lower(), value)
        self._items = store

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        # Names only: values carry signatures and tokens.
        return f"Headers({sorted(self._items)!r})"


@dataclass(frozen=True, slots=True)
class InboundRequest:
    """One HTTP request as a platform sent it.

    ``url`` is the full URL the platform called (Twilio signs it), ``hook``
    names the route it arrived on (``"webhook"``, ``"before_send"``,
    ``"transactions"``...) and ``path_params`` the values taken from its path
    (a Matrix ``txnId``).
    """

    method: str
    url: str
    headers: Headers
    body: bytes
    received_at: datetime
    hook: str = "webhook"
    path_params: Mapping[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        # Never the body: it holds message text.
        return f"InboundRequest({self.method} hook={self.hook!r}, {len(self.body)} bytes)"


@dataclass(frozen=True, slots=True)
class ParsedEvents:
    """What a verified request asks for.

    ``events`` are the canonical events to decide on (none when ``ignored``
    says why the request is acknowledged without a decision); ``delivery_id``
    is the platform's id of this delivery, the same on every retry, which the
    pipeline de-duplicates on; ``pre_send`` says the platform waits for a
    verdict before it delivers the message; ``extra`` carries what a reply
    must echo (a ping id).
    """

    events: tuple[Event, ...] = ()
    delivery_id: str | None = None
    ignored: str | None = None
    pre_send: bool = False
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OutboundReply:
    """The HTTP reply the platform expects: status, body and headers."""

    status: int
    body: bytes = b""
    media_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()


def json_reply(
    status: int, payload: Any, *, headers: tuple[tuple[str, str], ...] = ()
) -> OutboundReply:
    """A JSON reply, compactly encoded."""
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return OutboundReply(status=status, body=body, headers=headers)


def load_json_object(body: bytes, *, what: str) -> dict[str, Any]:
    """Parse ``body`` as one JSON object, or raise ``EventError`` saying what is wrong."""
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise EventError(f"{what} is not valid JSON", source=what) from exc
    if not isinstance(value, dict):
        raise EventError(f"{what} must be a JSON object", source=what)
    return value


def gunzip_limited(body: bytes, *, max_bytes: int) -> bytes:
    """Decompress a gzip body, refusing more than ``max_bytes`` (a gzip bomb)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise EventError("the gzip body is corrupt", source="body") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise EventError(f"the decompressed body exceeds {max_bytes} bytes", source="body")
    return out


def ensure_fresh(
    sent_at: datetime, now: datetime, tolerance: timedelta, *, status_code: int, what: str
) -> None:
    """Refuse a request whose signed timestamp is further than ``tolerance`` from now.

    Both directions count: a timestamp far in the future is as suspicious as
    an old one, and would otherwise outlive the de-duplication window.
    """
    if abs(now - sent_at) > tolerance:
        raise SignatureError(
            f"{what} is outside the {int(tolerance.total_seconds())} s tolerance "
            "(a stale or replayed request)",
            status_code=status_code,
        )


class Adapter(ABC):
    """One platform's webhook format: verify, parse, render.

    Subclasses set ``name`` (the registry key) and ``hooks`` (the routes they
    serve), take their secrets and a ``clock`` in the constructor, and never
    log a payload. ``reject`` and ``acknowledge`` have JSON defaults that a
    platform with its own error shape (Matrix) overrides.
    """

    name: ClassVar[str]
    hooks: ClassVar[tuple[str, ...]] = ("webhook",)

    def __init__(
        self,
        *,
        clock: Clock = utc_now,
        tolerance: timedelta = timedelta(minutes=5),
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    ) -> None:
        self._clock = clock
        self.tolerance = tolerance
        self.max_body_bytes = max_body_bytes

    @abstractmethod
    def verify(self, request: InboundRequest) -> None:
        """Raise ``SignatureError`` (with the platform's status) unless the platform sent it."""

    @abstractmethod
    def parse(self, request: InboundRequest) -> ParsedEvents:
        """The events a verified request carries; ``EventError`` when malformed."""

    @abstractmethod
    def render(self, parsed: ParsedEvents, decisions: Sequence[Decision]) -> OutboundReply:
        """The platform's reply to the decisions on ``parsed.events``."""

    def acknowledge(self, parsed: ParsedEvents) -> OutboundReply:
        """The reply to a request with nothing to decide (an event type we ignore)."""
        return json_reply(200, {})

    def reject(self, error: SignatureError | EventError) -> OutboundReply:
        """The reply to a forged, stale or malformed request."""
        status = error.status_code if isinstance(error, SignatureError) else 400
        return json_reply(status, {"error": str(error)})

    def unavailable(self) -> OutboundReply:
        """The reply when the engine cannot decide now; the platform should retry."""
        return json_reply(503, {"error": "temporarily unavailable, retry later"})


def held_text(decisions: Sequence[Decision]) -> str | None:
    """The text of the first hold among ``decisions``, or None when nothing is held."""
    for decision in decisions:
        for rule in decision.fired:
            for outcome in rule.outcomes:
                if outcome.type == "hold":
                    return outcome.text
    return None


def millis_to_datetime(value: int | float, *, what: str) -> datetime:
    """A platform's epoch-milliseconds timestamp as an aware datetime."""
    try:
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise EventError(f"{what} is not a valid timestamp", source=what) from exc


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem of a payload as ``field.path: reason``, never its values."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "payload"
    return f"{where}: {first['msg']}"
