"""What rules may read about the conversation when a message arrives.

``ConversationSnapshot`` is the ``conversation.*`` part of the fact a ruleset
matches, and ``SpeakerSnapshot`` the ``speaker.*`` and ``partner.*`` parts.
The ruleset compiler builds its catalogue of readable fields from these
models, so adding a field here makes it available to rulesets.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.conversation.vocabulary import CriteriaScores, Pattern

__all__ = ["ConversationSnapshot", "ConversationView", "SpeakerSnapshot"]


class SpeakerSnapshot(BaseModel):
    """One participant's aggregates, including the current message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    messages: int = Field(default=0, ge=0, description="messages sent so far")
    max_level: int = Field(default=0, ge=0, le=4, description="deepest level reached")
    feeling_messages: int = Field(default=0, ge=0, description="messages at level >= 2")
    present_messages: int = Field(default=0, ge=0, description="messages at level 4")
    unsafe_messages: int = Field(default=0, ge=0, description="messages with a safety category")
    advice_messages: int = Field(default=0, ge=0, description="messages flagged advice")
    merging_messages: int = Field(default=0, ge=0, description="messages flagged merging")
    controlling_messages: int = Field(default=0, ge=0, description="messages flagged controlling")
    criticism_messages: int = Field(default=0, ge=0, description="messages flagged criticism")


class ConversationSnapshot(BaseModel):
    """The conversation as it stands after the current message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    messages: int = Field(default=0, ge=0, description="messages in the conversation")
    participants: int = Field(default=0, ge=0, description="distinct senders seen")
    depth: int = Field(default=0, ge=0, le=4, description="highest level both reached")
    scores: CriteriaScores = Field(default_factory=CriteriaScores)
    patterns: tuple[Pattern, ...] = Field(default=(), description="patterns now present")
    unsafe_messages: int = Field(default=0, ge=0)
    match_age_hours: float | None = Field(
        default=None, ge=0, description="how long the two have been talking, when known"
    )
    speaker: SpeakerSnapshot = Field(default_factory=SpeakerSnapshot)
    partner: SpeakerSnapshot = Field(
        default_factory=SpeakerSnapshot, description="the other participants, combined"
    )


class ConversationView:
    """A ``ConversationSnapshot``'s fields as plain attributes, for the engine's fact.

    The engine builds its fact from one of these on every message
    (``ConversationState.view``): the same names and values as the snapshot
    (a test checks the facts are equal), without building three models and a
    speaker snapshot per message. ``speaker`` and ``partner`` are objects whose
    fields include ``SpeakerSnapshot``'s (a ``ParticipantState`` or a
    ``SpeakerSnapshot``). Never serialised nor returned to callers: use the
    snapshot for that.
    """

    __slots__ = ("__dict__",)

    @classmethod
    def of(cls, values: dict[str, Any]) -> ConversationView:
        """A view holding ``values`` (every field of ``ConversationSnapshot``)."""
        view = _new(cls)
        _set_view_dict(view, values)
        return view


_new = object.__new__
_set_view_dict: Final = ConversationView.__dict__["__dict__"].__set__
