"""Helpers for the adapter tests: fixtures on disk, a fixed clock, requests, decisions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intimacy_rules.adapters import Headers, InboundRequest
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision, FiredRule
from intimacy_rules.engine.events import Event
from intimacy_rules.rules.outcomes import EscalateOutcome, HoldOutcome, SignalOutcome

FIXTURES = Path(__file__).parent / "fixtures"

#: The moment every fixture's messages were sent.
SENT = datetime(2026, 11, 25, 18, 0, 0, tzinfo=UTC)
HOLD_TEXT = "Are you sure you want to send this?"


def fixture_bytes(name: str) -> bytes:
    """A fixture file's bytes, exactly as a platform would send them."""
    return (FIXTURES / name).read_bytes()


def fixture_json(name: str) -> dict[str, Any]:
    """A fixture file parsed."""
    value = json.loads(fixture_bytes(name))
    assert isinstance(value, dict)
    return value


class FixedClock:
    """A clock a test moves by hand."""

    def __init__(self, now: datetime = SENT) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def request(
    body: bytes,
    headers: dict[str, str],
    *,
    url: str = "https://rules.example.org/adapters/x/default/webhook",
    hook: str = "webhook",
    method: str = "POST",
    path_params: dict[str, str] | None = None,
    received_at: datetime = SENT,
) -> InboundRequest:
    """An ``InboundRequest`` as the server builds it."""
    return InboundRequest(
        method=method,
        url=url,
        headers=Headers(headers),
        body=body,
        received_at=received_at,
        hook=hook,
        path_params=path_params or {},
    )


def decision_for(event: Event, *, hold: bool = False, escalate: bool = False) -> Decision:
    """A decision on ``event``, holding it and/or escalating when asked."""
    outcomes: list[Any] = [SignalOutcome(name="checked")]
    if hold:
        outcomes.append(HoldOutcome(to=event.sender, text=HOLD_TEXT, reason="pressure"))
    if escalate:
        outcomes.append(EscalateOutcome(reason="threat", urgency="urgent"))
    return Decision(
        decision_id=f"d-{event.id}",
        event_id=event.id,
        conversation_id=event.conversation_id,
        ruleset="test",
        revision="1+abc",
        fired=(
            FiredRule(rule_id="r1", description="test rule", priority=1, outcomes=tuple(outcomes)),
        ),
        analysis=AnalysisSummary(level=2, facts=True, feelings=True),
        criteria=CriteriaScores(),
        depth=2,
        decided_at=SENT,
    )


class RecordingDecider:
    """A ``decide`` callable that records the events and holds when told to."""

    def __init__(self, *, hold: bool = False) -> None:
        self.hold = hold
        self.events: list[Event] = []

    def __call__(self, event: Event) -> Decision:
        self.events.append(event)
        return decision_for(event, hold=self.hold)
