"""Arrangements and errands (level 0), told apart from the speaker's own acts (level 1)."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.logistics import arranges, is_errand, may_arrange


@pytest.mark.parametrize(
    "text",
    ["i took friday off so we could talk", "i booked a table for two", "on my way, be there at 8"],
)
def test_arrangements(text: str) -> None:
    assert may_arrange(text)
    assert arranges(text, 0)


@pytest.mark.parametrize(
    "text", ["i ordered us pizza", "i called but you didn't pick up", "i asked about friday"]
)
def test_errands(text: str) -> None:
    assert is_errand(text, 0)


@pytest.mark.parametrize(
    "text", ["i sat outside your flat last night", "i grew up by the sea", "i quit my job"]
)
def test_own_acts_are_neither(text: str) -> None:
    assert not arranges(text, 0)
    assert not is_errand(text, 0)


def test_an_errand_is_judged_within_its_clause() -> None:
    text = "im a nurse, so sorry if i reply late"
    assert not is_errand(text, 0)
    assert is_errand(text, text.index("if"))
