"""explain_events: the facts and a condition trace for every rule of one message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intimacy_rules.engine.events import Event
from intimacy_rules.engine.explain import ConditionTrace, explain_events
from intimacy_rules.errors import InputError
from intimacy_rules.rules.compiled import CompiledRuleset
from tests.engine.conftest import ScriptedAnalyzer

EventMaker = Callable[..., Event]


def leaves(trace: ConditionTrace) -> list[ConditionTrace]:
    if trace.kind == "test":
        return [trace]
    return [leaf for child in trace.children for leaf in leaves(child)]


@pytest.mark.parametrize("matcher", ["durable", "reference"])
def test_the_trace_shows_which_tests_held_and_agrees_with_the_matcher(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer, event: EventMaker, matcher: str
) -> None:
    events = [event("hello"), event("insult", sender="ben", kind="pre_send")]
    explanation = explain_events(small_ruleset, events, 2, analyzer=analyzer, matcher=matcher)
    rules = {rule.rule_id: rule for rule in explanation.rules}
    assert [r.rule_id for r in explanation.rules] == [r.id for r in small_ruleset.rules]
    assert rules["hold-contempt"].fired
    assert not any(rule.disagrees for rule in explanation.rules)
    check_in = rules["check-in"]
    assert not check_in.fired
    by_field = {leaf.field: leaf for leaf in leaves(check_in.condition)}
    assert by_field["message.safety.contempt"].holds
    assert by_field["event.kind"].holds is False
    assert by_field["event.kind"].value == "pre_send"
    assert by_field["event.kind"].text == 'event.kind == "message"'
    assert explanation.fact["message.safety.contempt"] is True
    assert explanation.decision.held
    assert explanation.analysis.safety == ("contempt",)


def test_earlier_drafts_are_not_replayed_into_the_state(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer, event: EventMaker
) -> None:
    events = [event("hello"), event("insult", kind="pre_send"), event("present", sender="ben")]
    explanation = explain_events(small_ruleset, events, 3, analyzer=analyzer, matcher="reference")
    assert explanation.snapshot.messages == 2
    assert explanation.snapshot.unsafe_messages == 0
    assert explanation.fact["conversation.messages"] == 2


def test_a_missing_optional_field_is_traced_as_missing(
    tmp_path: Path, analyzer: ScriptedAnalyzer, event: EventMaker
) -> None:
    from tests.engine.conftest import write_ruleset

    ruleset = write_ruleset(
        tmp_path,
        "ruleset: {name: r, version: 1, platform: dating}\n"
        "rules:\n"
        "  - id: young\n"
        "    description: 'Mutuality: young match.'\n"
        "    when: {field: conversation.match_age_hours, lt: 24}\n"
        "    then: [{signal: {name: young}}]\n",
    )
    explanation = explain_events(
        ruleset, [event("hello", match_age_hours=None)], 1, analyzer=analyzer, matcher="reference"
    )
    (trace,) = leaves(explanation.rules[0].condition)
    assert (trace.holds, trace.value) == (False, None)
    assert "conversation.match_age_hours" not in explanation.fact


@pytest.mark.parametrize("index", [0, 3])
def test_a_message_outside_the_conversation_is_an_input_error(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer, event: EventMaker, index: int
) -> None:
    with pytest.raises(InputError, match="there is no message"):
        explain_events(small_ruleset, [event("a"), event("b")], index, analyzer=analyzer)
