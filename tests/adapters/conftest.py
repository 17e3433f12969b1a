"""Fixtures for the adapter tests; the helpers themselves live in ``adapter_helpers``."""

from __future__ import annotations

import pytest
from adapter_helpers import SENT, FixedClock


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing two seconds after the fixtures' messages were sent."""
    return FixedClock(SENT.replace(second=2))
