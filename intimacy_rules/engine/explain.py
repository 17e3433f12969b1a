"""Why the engine decided what it did for one message: facts and condition traces.

``explain_events`` replays a conversation's events up to the one asked about
(exactly as the engine would: ``pre_send`` events are not recorded), then,
for that event, returns the analysis, the fact the rules matched, the
conversation snapshot, the decision, and for every rule of the ruleset a
trace of its condition: each test with the value the fact held and whether
it passed. The trace evaluates the compiled condition tree with the same leaf
semantics every matcher follows (``rules.compiled.leaf_holds``); when the
matcher that decided disagrees with the trace, ``RuleTrace.disagrees`` says so.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from intimacy_rules.analysis.analyzer import Analyzer as DefaultAnalyzer
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.snapshot import ConversationSnapshot
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.engine import Analyzer
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.stepper import DecisionStepper
from intimacy_rules.errors import InputError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import (
    AndNode,
    Compare,
    CompiledRule,
    CompiledRuleset,
    CondNode,
    KindIs,
    KindIsNot,
    OrNode,
    leaf_holds,
)
from intimacy_rules.rules.matcher import MATCHERS

__all__ = ["ConditionTrace", "Explanation", "RuleTrace", "explain_events", "trace_condition"]

_OPS = {"eq": "==", "neq": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}
_KIND_NAMES = {"bool": "true or false", "num": "a number", "str": "a string"}
_EXPLAIN_KEY = b"explain-fixed-key-for-one-replay"


@dataclass(frozen=True, slots=True)
class ConditionTrace:
    """One node of a rule's condition: what it tests, whether it held, its parts."""

    kind: str
    """``all``, ``any`` or ``test``."""
    text: str
    """The test in words, e.g. ``message.level >= 3``; empty for all/any."""
    holds: bool
    field: str | None = None
    value: object = None
    """The value the fact held for ``field`` (None when it was missing)."""
    children: tuple[ConditionTrace, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleTrace:
    """One rule: whether it fired, and the trace of its condition."""

    rule_id: str
    description: str
    priority: int
    fired: bool
    """Whether the matcher that decided fired it."""
    condition: ConditionTrace

    @property
    def disagrees(self) -> bool:
        """Whether the matcher and the trace of the compiled condition disagree."""
        return self.fired != self.condition.holds


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything the engine saw and decided for one message."""

    index: int
    """The message, counting from 1."""
    event: Event
    analysis: MessageAnalysis
    snapshot: ConversationSnapshot
    fact: Mapping[str, object]
    decision: Decision
    rules: tuple[RuleTrace, ...]


def _leaf_text(node: Compare | KindIs | KindIsNot) -> str:
    if isinstance(node, Compare):
        return f"{node.field} {_OPS[node.op]} {json.dumps(node.value)}"
    if isinstance(node, KindIs):
        if node.kind is None:
            return f"{node.field} is missing"
        return f"{node.field} is {_KIND_NAMES[node.kind]}"
    if node.kind is None:
        return f"{node.field} is present"
    return f"{node.field} is not {_KIND_NAMES[node.kind]}"


def trace_condition(node: CondNode, fact: Mapping[str, object]) -> ConditionTrace:
    """The truth of every node of a compiled condition for ``fact``."""
    if isinstance(node, AndNode | OrNode):
        children = tuple(trace_condition(child, fact) for child in node.children)
        if isinstance(node, AndNode):
            return ConditionTrace("all", "", all(c.holds for c in children), children=children)
        return ConditionTrace("any", "", any(c.holds for c in children), children=children)
    return ConditionTrace(
        "test",
        _leaf_text(node),
        leaf_holds(node, fact),
        field=node.field,
        value=fact.get(node.field),
    )


def _trace_rule(rule: CompiledRule, fact: Mapping[str, object], fired: set[str]) -> RuleTrace:
    return RuleTrace(
        rule_id=rule.id,
        description=rule.description,
        priority=rule.priority,
        fired=rule.id in fired,
        condition=trace_condition(rule.condition, fact),
    )


def explain_events(
    ruleset: CompiledRuleset,
    events: Sequence[Event],
    index: int,
    *,
    analyzer: Analyzer | None = None,
    matcher: str = "durable",
) -> Explanation:
    """Replay ``events`` and explain the decision on ``events[index - 1]``.

    Raises ``InputError`` when ``index`` is not a message of ``events``.
    """
    if not 1 <= index <= len(events):
        raise InputError(
            f"there is no message {index}: the conversation has {len(events)}", source="--message"
        )
    if analyzer is None:
        analyzer = DefaultAnalyzer()
    stepper = DecisionStepper(
        ruleset,
        MATCHERS[matcher](ruleset),
        pseudonymizer=Pseudonymizer(_EXPLAIN_KEY),
        clock=lambda: datetime.now(UTC),
        decision_ids=lambda: "explain",
    )
    state: ConversationState | None = None
    for event in events[: index - 1]:
        if event.kind == "message":
            state = stepper.decide(event, analyzer.analyze(event.text), state)[0]
    event = events[index - 1]
    analysis = analyzer.analyze(event.text)
    advanced, sender = stepper.advance(event, analysis, state)
    fact = stepper.fact(event, analysis, advanced, sender)
    decision = stepper.decide(event, analysis, state)[1]
    fired = {rule.rule_id for rule in decision.fired}
    return Explanation(
        index=index,
        event=event,
        analysis=analysis,
        snapshot=advanced.snapshot(sender),
        fact=fact,
        decision=decision,
        rules=tuple(_trace_rule(rule, fact, fired) for rule in ruleset.rules),
    )
