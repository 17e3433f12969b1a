"""Time for the stores: an injectable clock, and SQLite's epoch-second columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from intimacy_rules.errors import InputError

__all__ = ["Clock", "from_epoch", "require_aware", "to_epoch", "utc_now"]

#: Returns the current time as an aware datetime; tests hand in a fixed one.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def require_aware(moment: datetime) -> datetime:
    """``moment`` itself, if it is timezone-aware; ``InputError`` otherwise."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        # A naive time would be read in the machine's (or the database
        # session's) zone: refuse it rather than purge or deliver at the wrong hour.
        raise InputError("times given to a store must be timezone-aware", source=repr(moment))
    return moment


def to_epoch(moment: datetime) -> float:
    """Seconds since the epoch, for SQLite's REAL time columns; naive times are refused."""
    return require_aware(moment).timestamp()


def from_epoch(seconds: float) -> datetime:
    """An aware UTC datetime from epoch seconds."""
    return datetime.fromtimestamp(seconds, UTC)
