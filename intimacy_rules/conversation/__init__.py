"""Conversation state: incremental aggregates, criteria scores, patterns, depth."""

from __future__ import annotations

from intimacy_rules.conversation.files import ConversationFile, load_conversation_file
from intimacy_rules.conversation.replay import ConversationReport, replay_conversation
from intimacy_rules.conversation.snapshot import ConversationSnapshot, SpeakerSnapshot
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CRITERIA, PATTERNS, CriteriaScores

__all__ = [
    "CRITERIA",
    "PATTERNS",
    "ConversationFile",
    "ConversationReport",
    "ConversationSnapshot",
    "ConversationState",
    "CriteriaScores",
    "SpeakerSnapshot",
    "load_conversation_file",
    "replay_conversation",
]
