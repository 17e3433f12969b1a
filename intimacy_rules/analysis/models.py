"""What the analyzer says about one message: ``MessageAnalysis`` and its parts."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from intimacy_rules.analysis.vocabulary import Flag, SafetyCategory

__all__ = ["Disclosure", "Evidence", "MessageAnalysis"]


class Evidence(BaseModel):
    """Why one label was given: the label, a character span of the input, a reason.

    ``span`` is ``[start, end)`` in the original text's characters, so a caller
    can highlight it; the text itself is never copied into evidence.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str = Field(description="'level:N', a flag name or a safety category")
    span: tuple[int, int] = Field(description="[start, end) character offsets")
    why: str = Field(description="a short human reason")


class Disclosure(BaseModel):
    """What kinds of self-disclosure the message makes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    facts: bool = Field(description="personal information about the speaker or their life")
    feelings: bool = Field(description="the speaker's own feelings (true exactly when level >= 2)")
    negative: bool = Field(
        default=False,
        description=(
            "a feeling disclosed at the message's level is a painful one (hurt, fear, shame,"
            " sadness, anger...), not only pride, joy, relief or closeness; false without feelings"
        ),
    )


class MessageAnalysis(BaseModel):
    """The analysis of one message, as ``spec/criteria.md`` section 5 defines it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    level: int = Field(ge=0, le=4, description="0 none … 4 present_intimate")
    disclosure: Disclosure
    flags: tuple[Flag, ...] = Field(default=(), description="sorted flag names")
    safety: tuple[SafetyCategory, ...] = Field(default=(), description="sorted categories")
    evidence: tuple[Evidence, ...] = ()

    @property
    def unsafe(self) -> bool:
        """Whether any safety category was found."""
        return bool(self.safety)
