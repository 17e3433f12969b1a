"""Names of the conversation contract: criteria, patterns, and the scores model."""

from __future__ import annotations

from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CRITERIA", "PATTERNS", "CriteriaScores", "Criterion", "Pattern"]

Criterion = Literal["safety", "mutuality", "separateness", "immediacy"]
Pattern = Literal["love_bombing", "mutual_presence", "premature_disclosure", "pseudo_intimacy"]

CRITERIA: Final[tuple[Criterion, ...]] = get_args(Criterion)
PATTERNS: Final[tuple[Pattern, ...]] = get_args(Pattern)


class CriteriaScores(BaseModel):
    """The four conversation criteria, each in [0, 1], higher is healthier."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    safety: float = Field(default=1.0, ge=0.0, le=1.0)
    mutuality: float = Field(default=0.5, ge=0.0, le=1.0)
    separateness: float = Field(default=1.0, ge=0.0, le=1.0)
    immediacy: float = Field(default=0.5, ge=0.0, le=1.0)
