"""Time for the stores: an injectable clock, and SQLite's epoch-second columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from intimacy_rules.errors import InputError

__all__ = ["Clock", "from_epoch", "to_epoch", "utc_now"]

#: Returns the current time as an aware datetime; tests hand in a fixed one.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def to_epoch(moment: datetime) -> float:
    """Seconds since the epoch, for SQLite's REAL time columns; naive times are refused."""
    if moment.tzinfo is None:
        # A naive time would be read as the machine's local zone: refuse it
        # rather than purge or deliver at the wrong hour.
        raise InputError("times given to a store must be timezone-aware", source=repr(moment))
    return moment.timestamp()


def from_epoch(seconds: float) -> datetime:
    """An aware UTC datetime from epoch seconds."""
    return datetime.fromtimestamp(seconds, UTC)
