"""DecisionStepper: remembered outcomes resolve exactly as fresh ones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.stepper import DecisionStepper
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.matcher import MATCHERS
from intimacy_rules.rules.resolve import resolve_outcomes
from tests.engine.conftest import CONTEMPT, THOUGHT


def _stepper(ruleset: CompiledRuleset) -> DecisionStepper:
    return DecisionStepper(
        ruleset,
        MATCHERS["reference"](ruleset),
        pseudonymizer=Pseudonymizer(b"k" * 32),
        clock=lambda: datetime(2026, 3, 1, tzinfo=UTC),
        decision_ids=lambda: "d",
    )


def _decide(stepper: DecisionStepper, event: Event, analysis: MessageAnalysis) -> Decision:
    return stepper.decide(event, analysis, None)[1]


@pytest.mark.parametrize("analysis", [CONTEMPT, THOUGHT])
@pytest.mark.parametrize("kind", ["message", "pre_send"])
@pytest.mark.parametrize("locale", ["en", "es", "es-MX"])
def test_remembered_outcomes_equal_a_fresh_resolution(
    small_ruleset: CompiledRuleset,
    event: Callable[..., Event],
    analysis: MessageAnalysis,
    kind: str,
    locale: str,
) -> None:
    stepper = _stepper(small_ruleset)
    for sender in ("ana", "ben", "ana", "ben"):  # the second round reads the cache
        message = event("x", sender=sender, kind=kind, locale=locale)
        decision = _decide(stepper, message, analysis)
        fresh = _decide(_stepper(small_ruleset), message, analysis)
        assert decision == fresh
        fact = stepper.fact(message, analysis, stepper.advance(message, analysis, None)[0], "p")
        for fired in decision.fired:
            rule = small_ruleset.rule(fired.rule_id)
            assert fired.outcomes == resolve_outcomes(
                rule,
                small_ruleset,
                sender=sender,
                recipients=message.recipients,
                locale=locale,
                fact=fact,
            )


def test_a_hold_remembered_for_a_draft_is_not_given_to_a_sent_message(
    small_ruleset: CompiledRuleset, event: Callable[..., Event]
) -> None:
    # hold-contempt's template reads no field, so its outcomes are remembered;
    # the event kind is part of what they are remembered under.
    stepper = _stepper(small_ruleset)
    draft = _decide(stepper, event("insult", kind="pre_send"), CONTEMPT)
    assert [o.type for rule in draft.fired for o in rule.outcomes] == ["hold"]
    sent = _decide(stepper, event("insult"), CONTEMPT)
    assert "hold" not in [o.type for rule in sent.fired for o in rule.outcomes]
