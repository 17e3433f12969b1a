"""Shared builders for the conversation tests: analyses made by hand.

The tests build ``MessageAnalysis`` objects directly, so they test the state's
arithmetic and not the analyzer's accuracy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Protocol

import pytest

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.analysis.vocabulary import Flag, SafetyCategory
from intimacy_rules.conversation.state import ConversationState

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


class Said(Protocol):
    def __call__(
        self,
        level: int = 0,
        flags: Iterable[Flag] = (),
        safety: Iterable[SafetyCategory] = (),
        *,
        facts: bool | None = None,
    ) -> MessageAnalysis: ...


def _said(
    level: int = 0,
    flags: Iterable[Flag] = (),
    safety: Iterable[SafetyCategory] = (),
    *,
    facts: bool | None = None,
    negative: bool | None = None,
) -> MessageAnalysis:
    """``negative`` defaults to painful feelings whenever there are feelings."""
    return MessageAnalysis(
        level=level,
        disclosure=Disclosure(
            facts=level >= 1 if facts is None else facts,
            feelings=level >= 2,
            negative=level >= 2 if negative is None else negative,
        ),
        flags=tuple(sorted(flags)),
        safety=tuple(sorted(safety)),
    )


@pytest.fixture
def said() -> Said:
    """Build the analysis of one message: level, flags, safety categories."""
    return _said


Turn = tuple[str, MessageAnalysis]
Play = Callable[..., ConversationState]


def _play(
    turns: Iterable[Turn],
    *,
    state: ConversationState | None = None,
    match_age_hours: float | None = None,
    minutes_apart: float = 2.0,
) -> ConversationState:
    state = state or ConversationState.start(match_age_hours=match_age_hours)
    for sender, analysis in turns:
        at = T0 + timedelta(minutes=minutes_apart * state.messages)
        state = state.advance(sender, analysis, at)
    return state


@pytest.fixture
def play() -> Play:
    """Advance a fresh (or given) state through ``(sender, analysis)`` turns."""
    return _play
