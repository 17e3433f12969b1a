"""``ConversationSummary``: what the engine tells a host about a conversation.

Scores, depth, patterns and counts; never text and never participant ids (the
state keys participants by pseudonym, and those stay inside).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CriteriaScores, Pattern

__all__ = ["ConversationSummary"]


class ConversationSummary(BaseModel):
    """The state of one conversation as a host may see it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str
    messages: int = Field(ge=0, description="messages recorded (pre-send checks are not)")
    participants: int = Field(ge=0, description="distinct senders seen")
    unsafe_messages: int = Field(ge=0, description="messages with a safety category")
    depth: int = Field(ge=0, le=4, description="the highest level both participants reached")
    criteria: CriteriaScores
    patterns: tuple[Pattern, ...] = ()

    @classmethod
    def of(cls, conversation_id: str, state: ConversationState) -> ConversationSummary:
        """The summary of ``state``, named by the host's ``conversation_id``."""
        return cls(
            conversation_id=conversation_id,
            messages=state.messages,
            participants=state.participant_count,
            unsafe_messages=state.unsafe_messages,
            depth=state.depth,
            criteria=state.scores,
            patterns=tuple(state.patterns),
        )
