"""Replay a whole conversation file through an analyzer and the conversation state.

``replay_conversation`` is what ``intimacy-rules analyze --conversation``
prints for each file, and what ``benchmarks/conversations.py`` compares with
a gold file's ``expect``. The report carries scores and labels only, never
message text.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.files import ConversationExpectation, ConversationFile
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CRITERIA, CriteriaScores, Pattern

__all__ = [
    "SCORE_DECIMALS",
    "ConversationReport",
    "MessageAnalyzer",
    "expectation_misses",
    "replay_conversation",
]

#: Criteria are reported rounded: more digits would suggest a precision the
#: scores do not have.
SCORE_DECIMALS = 3
#: The thresholds of ``expect.criteria`` (``spec/criteria.md`` section 6).
LOW_BELOW = 0.4
HIGH_FROM = 0.6


class MessageAnalyzer(Protocol):
    """Anything that analyses one message's text (``intimacy_rules`` ``Analyzer``)."""

    def analyze(self, text: str) -> MessageAnalysis:
        """The analysis of ``text``."""
        ...


class ConversationReport(BaseModel):
    """A conversation's outcome: what ``analyze --conversation`` prints for a file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    depth: int = Field(ge=0, le=4, description="the highest level both participants reached")
    criteria: CriteriaScores
    patterns: tuple[Pattern, ...] = Field(description="patterns present at the end, sorted")


def replay_conversation(
    conversation: ConversationFile, analyzer: MessageAnalyzer
) -> ConversationReport:
    """Analyse every message of ``conversation`` in order and report the end state.

    Senders are used as given: the state lives only for this call and the
    report names no participant.
    """
    context = conversation.context
    state = ConversationState.start(
        match_age_hours=context.match_age_hours, platform=context.platform
    )
    for message in conversation.messages:
        state = state.advance(message.sender, analyzer.analyze(message.text), message.sent_at)
    scores = state.scores
    return ConversationReport(
        id=conversation.id,
        depth=state.depth,
        criteria=CriteriaScores(
            **{name: round(getattr(scores, name), SCORE_DECIMALS) for name in CRITERIA}
        ),
        patterns=state.patterns,
    )


def expectation_misses(report: ConversationReport, expect: ConversationExpectation) -> list[str]:
    """What in ``report`` contradicts ``expect``, one human-readable line each.

    An empty list means the conversation came out as labelled.
    """
    misses: list[str] = []
    if expect.depth is not None and report.depth != expect.depth:
        misses.append(f"depth: expected {expect.depth}, got {report.depth}")
    if expect.patterns is not None and set(report.patterns) != set(expect.patterns):
        misses.append(
            f"patterns: expected {sorted(expect.patterns)}, got {sorted(report.patterns)}"
        )
    for name, side in sorted(expect.criteria.items()):
        score = getattr(report.criteria, name)
        right = score < LOW_BELOW if side == "low" else score >= HIGH_FROM
        if not right:
            misses.append(f"{name}: expected {side}, got {score}")
    return misses
