"""The engine's answer to one event: an explained ``Decision``."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.analysis.models import Evidence
from intimacy_rules.analysis.vocabulary import Flag, SafetyCategory
from intimacy_rules.conversation.vocabulary import CriteriaScores, Pattern
from intimacy_rules.rules.outcomes import Outcome

__all__ = ["AnalysisSummary", "Decision", "FiredRule"]


class FiredRule(BaseModel):
    """One rule whose ``when`` matched, what it produced, and the evidence for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    description: str
    priority: int
    outcomes: tuple[Outcome, ...]
    evidence: tuple[Evidence, ...] = Field(
        default=(), description="analysis labels and spans; never the text itself"
    )


class AnalysisSummary(BaseModel):
    """The labels of the analysed message, without its text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: int = Field(ge=0, le=4)
    facts: bool
    feelings: bool
    #: Decisions stored before this field existed read back as False.
    negative: bool = Field(default=False, description="a feeling disclosed is a painful one")
    flags: tuple[Flag, ...] = ()
    safety: tuple[SafetyCategory, ...] = ()


class Decision(BaseModel):
    """What the engine decided for one event, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    decision_id: str
    event_id: str
    conversation_id: str
    ruleset: str = Field(description="the ruleset's name")
    revision: str = Field(description="the ruleset's version and content hash")
    fired: tuple[FiredRule, ...] = ()
    analysis: AnalysisSummary
    criteria: CriteriaScores
    depth: int = Field(ge=0, le=4)
    patterns: tuple[Pattern, ...] = ()
    decided_at: datetime

    @property
    def held(self) -> bool:
        """Whether any rule asked the sender to confirm before sending."""
        return any(o.type == "hold" for rule in self.fired for o in rule.outcomes)

    @property
    def escalated(self) -> bool:
        """Whether any rule routed the conversation to a human."""
        return any(o.type == "escalate" for rule in self.fired for o in rule.outcomes)
