"""The retry policy: exponential backoff with jitter over hours, Retry-After parsing."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from intimacy_rules.delivery.retry import RetryPolicy, parse_retry_after

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_delays_double_within_their_jitter_band_and_are_capped() -> None:
    policy = RetryPolicy(max_attempts=20, base_delay_s=5, max_delay_s=600)
    rng = random.Random(1)
    for failures, nominal in [(1, 5), (2, 10), (3, 20), (8, 600), (15, 600)]:
        delay = policy.delay(failures, rng=rng)
        assert nominal / 2 <= delay <= nominal


def test_jitter_spreads_rows_that_failed_together() -> None:
    policy = RetryPolicy()
    rng = random.Random(3)
    assert len({round(policy.delay(4, rng=rng), 3) for _ in range(20)}) > 10


def test_the_default_schedule_spans_hours() -> None:
    policy = RetryPolicy()
    rng = random.Random(5)
    total = sum(policy.delay(n, rng=rng) for n in range(1, policy.max_attempts))
    assert 8 * 3600 < total < 12 * 3600


def test_no_next_attempt_after_the_last() -> None:
    policy = RetryPolicy(max_attempts=3)
    rng = random.Random(0)
    assert policy.next_attempt_at(2, NOW, rng=rng) is not None
    assert policy.next_attempt_at(3, NOW, rng=rng) is None


def test_retry_after_replaces_the_backoff_and_is_capped() -> None:
    policy = RetryPolicy(max_delay_s=3600)
    rng = random.Random(0)
    assert policy.next_attempt_at(1, NOW, retry_after_s=90, rng=rng) == NOW + timedelta(seconds=90)
    assert policy.delay(1, retry_after_s=10**9, rng=rng) == 3600


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        ("Thu, 01 Jan 2026 00:02:00 GMT", 120.0),
        ("Wed, 31 Dec 2025 23:00:00 GMT", 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_retry_after_header_forms(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
