"""What a fired rule produces, once resolved for one event: the decision's outcomes.

These are the *resolved* outcomes (templates filled, recipient named) that
travel in a ``Decision``; the ruleset language's own ``then`` entries live in
``rules.models`` and compile to these.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.conversation.vocabulary import Criterion

__all__ = [
    "Criterion",
    "EscalateOutcome",
    "HoldOutcome",
    "NudgeOutcome",
    "Outcome",
    "ScoreOutcome",
    "SignalOutcome",
]


class _Base(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SignalOutcome(_Base):
    """A named observation for the host's analytics."""

    type: Literal["signal"] = "signal"
    name: str


class NudgeOutcome(_Base):
    """A short, kind suggestion to one participant."""

    type: Literal["nudge"] = "nudge"
    to: str = Field(description="the participant id the nudge is for")
    text: str
    locale: str = "en"
    template: str = Field(description="the id of the ruleset template it came from")


class HoldOutcome(_Base):
    """For pre-send hooks: ask the sender "are you sure?" before delivering."""

    type: Literal["hold"] = "hold"
    to: str = Field(description="the sender, who is asked to confirm")
    text: str
    locale: str = "en"
    reason: str


class EscalateOutcome(_Base):
    """Route the conversation to a human, with the reason."""

    type: Literal["escalate"] = "escalate"
    reason: str
    urgency: Literal["normal", "urgent"] = "normal"


class ScoreOutcome(_Base):
    """Adjust one criterion's score by ``delta`` for this decision."""

    type: Literal["score"] = "score"
    criterion: Criterion
    delta: float = Field(ge=-1.0, le=1.0)


Outcome = Annotated[
    SignalOutcome | NudgeOutcome | HoldOutcome | EscalateOutcome | ScoreOutcome,
    Field(discriminator="type"),
]
