"""When to try a failed callback again: exponential backoff with jitter, over hours.

The n-th failure waits ``base * 2**(n-1)`` seconds, capped at ``max_delay``,
and the wait is "equal jitter": half of it fixed, half random, so a host that
comes back after an outage is not hit by every row at the same instant, and a
row never retries sooner than half its nominal wait. With the defaults (5 s
base, 3 h cap, 15 attempts) the last try comes 8-12 hours after the first.
A ``Retry-After`` from the host replaces the computed wait (capped the same).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["RetryPolicy", "parse_retry_after"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many attempts a row gets, and how long to wait between them."""

    max_attempts: int = 15
    base_delay_s: float = 5.0
    max_delay_s: float = 3 * 3600.0

    def delay(
        self, failures: int, *, retry_after_s: float | None = None, rng: random.Random
    ) -> float:
        """Seconds to wait after the ``failures``-th failed attempt."""
        if retry_after_s is not None:
            return min(max(retry_after_s, 0.0), self.max_delay_s)
        nominal = min(self.base_delay_s * 2.0 ** (failures - 1), self.max_delay_s)
        return nominal / 2 + rng.uniform(0, nominal / 2)

    def next_attempt_at(
        self,
        attempt: int,
        now: datetime,
        *,
        retry_after_s: float | None = None,
        rng: random.Random,
    ) -> datetime | None:
        """When to try again after attempt number ``attempt`` failed; None: give up."""
        if attempt >= self.max_attempts:
            return None
        return now + timedelta(seconds=self.delay(attempt, retry_after_s=retry_after_s, rng=rng))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)
