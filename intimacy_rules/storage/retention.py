"""How long each stored thing is kept, and what a purge removed.

Every kind of row has a period; ``purge(now)`` on a store deletes what is past
it. Pending outbox rows are never purged: they are work in flight, and become
delivered or dead letters (which do expire) in due course.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["PurgeCounts", "RetentionPolicy"]


class RetentionPolicy(BaseModel):
    """Retention periods, in days (fractions allowed)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    decisions_days: float = Field(
        default=30.0,
        gt=0,
        description="decision records, after the decision; a retry of an older event "
        "is decided anew",
    )
    states_days: float = Field(
        default=90.0, gt=0, description="conversation state, after its last event"
    )
    delivered_days: float = Field(
        default=7.0, gt=0, description="delivered outbox rows, after delivery"
    )
    dead_days: float = Field(default=30.0, gt=0, description="dead letters, after the last try")

    def cutoffs(self, now: datetime) -> dict[str, datetime]:
        """The instant before which each kind of row has expired at ``now``."""
        return {
            "decisions": now - timedelta(days=self.decisions_days),
            "states": now - timedelta(days=self.states_days),
            "delivered": now - timedelta(days=self.delivered_days),
            "dead": now - timedelta(days=self.dead_days),
        }


class PurgeCounts(BaseModel):
    """How many rows of each kind one purge deleted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    decisions: int = Field(default=0, ge=0)
    states: int = Field(default=0, ge=0)
    delivered: int = Field(default=0, ge=0)
    dead: int = Field(default=0, ge=0)

    @property
    def total(self) -> int:
        """All rows deleted."""
        return self.decisions + self.states + self.delivered + self.dead
