"""``ParticipantState``: one sender's running aggregates inside a conversation.

Counts are exact and cumulative (rules read them as ``speaker.*``). The
"recent" sums (disclosure depth, feelings, advice, replies) decay by
``PARTICIPANT_DECAY`` per *conversation* message; to keep each update O(1)
they are stored as of message ``at`` and decayed lazily when read or updated,
so a message from one participant never has to touch the others.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from pydantic import ConfigDict, Field

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.snapshot import SpeakerSnapshot
from intimacy_rules.conversation.trusted import MemoizingModel, memoized, trusted
from intimacy_rules.conversation.tuning import PARTICIPANT_DECAY

__all__ = ["ParticipantState", "Recent"]


class Recent(NamedTuple):
    """A participant's decayed sums brought to the conversation's latest message."""

    depth: float
    feelings: float
    advice: float
    replies: float
    listening: float


class ParticipantState(MemoizingModel):
    """One sender's aggregates: exact counts plus decayed recent sums."""

    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(memoized,))

    id: str = Field(min_length=1, description="pseudonymised sender id, or '*' for the rest")
    messages: int = Field(default=0, ge=0)
    max_level: int = Field(default=0, ge=0, le=4)
    feeling_messages: int = Field(default=0, ge=0, description="messages at level >= 2")
    present_messages: int = Field(default=0, ge=0, description="messages at level 4")
    unsafe_messages: int = Field(default=0, ge=0)
    advice_messages: int = Field(default=0, ge=0)
    merging_messages: int = Field(default=0, ge=0)
    controlling_messages: int = Field(default=0, ge=0)
    criticism_messages: int = Field(default=0, ge=0)
    early_merging: int = Field(
        default=0, ge=0, description="merging messages while the match was very new"
    )
    last_present: int | None = Field(
        default=None, ge=1, description="conversation message number of the last level 4"
    )
    at: int = Field(default=0, ge=0, description="message number the sums below are as of")
    depth_sum: float = Field(default=0.0, ge=0, description="decayed sum of levels")
    feelings: float = Field(default=0.0, ge=0, description="decayed count of level >= 2")
    advice: float = Field(default=0.0, ge=0, description="decayed count of advice")
    replies: float = Field(default=0.0, ge=0, description="decayed replies to others' feelings")
    listening: float = Field(default=0.0, ge=0, description="of which only asked or advised")

    @classmethod
    def first(cls, sender: str) -> ParticipantState:
        """A participant who has not spoken yet, keyed by ``sender`` (non-empty).

        Built without validation: the defaults are valid, and the state checks
        the sender id before it asks.
        """
        return trusted(cls, {"id": sender, **_FIRST})

    def decay_to(self, message: int) -> float:
        """The factor that brings this participant's sums to ``message``."""
        return float(PARTICIPANT_DECAY ** (message - self.at)) if message > self.at else 1.0

    def advanced(
        self,
        analysis: MessageAnalysis,
        message: int,
        *,
        replies: float = 0.0,
        listening: float = 0.0,
        early_new_match: bool = False,
    ) -> ParticipantState:
        """This participant after sending ``analysis`` as conversation message ``message``.

        ``replies`` and ``listening`` are what this message adds to the reply
        sums (the state decides: a first reply to someone's feelings adds one
        reply; a later message of the same turn that discloses takes back the
        turn's "only listened"); ``early_new_match`` says the match is still
        very new.
        """
        old = self.__dict__  # not through BaseModel.__getattr__'s slow hook
        labels = analysis.__dict__
        flags, level = labels["flags"], labels["level"]
        at = old["at"]  # decay_to(message), without a call and a slow attribute read
        factor = float(PARTICIPANT_DECAY ** (message - at)) if message > at else 1.0
        feeling = level >= 2
        advice = "advice" in flags
        merging = "merging" in flags
        replies = old["replies"] * factor + replies
        listening = max(0.0, old["listening"] * factor + listening)
        return trusted(
            ParticipantState,
            {
                "id": old["id"],
                "messages": old["messages"] + 1,
                "max_level": level if level > old["max_level"] else old["max_level"],
                "feeling_messages": old["feeling_messages"] + feeling,
                "present_messages": old["present_messages"] + (level == 4),
                "unsafe_messages": old["unsafe_messages"] + (len(labels["safety"]) > 0),
                "advice_messages": old["advice_messages"] + advice,
                "merging_messages": old["merging_messages"] + merging,
                "controlling_messages": old["controlling_messages"] + ("controlling" in flags),
                "criticism_messages": old["criticism_messages"] + ("criticism" in flags),
                "early_merging": old["early_merging"] + (merging and early_new_match),
                "last_present": message if level == 4 else old["last_present"],
                "at": message,
                "depth_sum": old["depth_sum"] * factor + level,
                "feelings": old["feelings"] * factor + feeling,
                "advice": old["advice"] * factor + advice,
                "replies": replies,
                "listening": listening,
            },
        )

    @memoized
    def speaker_snapshot(self) -> SpeakerSnapshot:
        """The exact counts rules read as ``speaker.*`` (built once per state)."""
        return trusted(
            SpeakerSnapshot,
            {
                "messages": self.messages,
                "max_level": self.max_level,
                "feeling_messages": self.feeling_messages,
                "present_messages": self.present_messages,
                "unsafe_messages": self.unsafe_messages,
                "advice_messages": self.advice_messages,
                "merging_messages": self.merging_messages,
                "controlling_messages": self.controlling_messages,
                "criticism_messages": self.criticism_messages,
            },
        )


# The defaults of every field but the id, in field order: ``first`` adds the id.
_FIRST: Final = {
    name: info.default for name, info in ParticipantState.model_fields.items() if name != "id"
}
