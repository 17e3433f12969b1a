"""A pure-Python evaluator of compiled conditions: the oracle for the durable matcher.

It evaluates each rule's normalised condition tree (``CompiledRule.condition``)
with the leaf semantics of ``rules.compiled.leaf_holds``, while the durable
matcher runs the disjunctive normal form in durable-rules. The differential
test asserts they agree on many generated rulesets and facts, which checks the
normal-form expansion and the durable encoding at once.

Each leaf becomes a small closure at construction, so ``match`` costs a few
function calls per rule. It holds no mutable state and is thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable

from intimacy_rules.rules.compiled import (
    AndNode,
    Compare,
    CompiledRuleset,
    CondNode,
    KindIs,
    KindIsNot,
    OrNode,
    value_kind,
)
from intimacy_rules.rules.facts import Fact

__all__ = ["ReferenceMatcher", "compile_predicate"]

Predicate = Callable[[Fact], bool]


def _as_number(value: object) -> float | None:
    """The value as a comparable float, or None when it is not a finite number."""
    return float(value) if value_kind(value) == "num" else None  # type: ignore[arg-type]


def _compare(leaf: Compare) -> Predicate:
    field, op = leaf.field, leaf.op
    if leaf.kind == "num":
        c = float(leaf.value)
        tests: dict[str, Callable[[float], bool]] = {
            "eq": lambda x: x == c,
            "neq": lambda x: x != c,
            "lt": lambda x: x < c,
            "lte": lambda x: x <= c,
            "gt": lambda x: x > c,
            "gte": lambda x: x >= c,
        }
        test = tests[op]

        def number(fact: Fact) -> bool:
            x = _as_number(fact.get(field))
            return x is not None and test(x)

        return number
    kind, value = leaf.kind, leaf.value
    if op == "eq":
        return lambda fact: value_kind(x := fact.get(field)) == kind and x == value
    if op == "neq":
        return lambda fact: value_kind(x := fact.get(field)) == kind and x != value
    raise ValueError(f"{op} does not apply to {leaf.kind} values")  # pragma: no cover


def compile_predicate(node: CondNode) -> Predicate:
    """A function deciding ``node`` for one fact."""
    if isinstance(node, Compare):
        return _compare(node)
    if isinstance(node, KindIs):
        field, kind = node.field, node.kind
        return lambda fact: value_kind(fact.get(field)) == kind
    if isinstance(node, KindIsNot):
        field, kind = node.field, node.kind
        return lambda fact: value_kind(fact.get(field)) != kind
    children = tuple(compile_predicate(c) for c in node.children)
    if isinstance(node, AndNode):

        def all_of(fact: Fact) -> bool:
            # an explicit loop: all() over a generator costs more per call
            for child in children:  # noqa: SIM110
                if not child(fact):
                    return False
            return True

        return all_of
    if isinstance(node, OrNode):

        def any_of(fact: Fact) -> bool:
            for child in children:  # noqa: SIM110
                if child(fact):
                    return True
            return False

        return any_of
    raise TypeError(f"not a condition node: {node!r}")  # pragma: no cover


class ReferenceMatcher:
    """Evaluates a compiled ruleset's conditions in Python."""

    def __init__(self, ruleset: CompiledRuleset):
        self.ruleset = ruleset
        self._rules = tuple((rule.id, compile_predicate(rule.condition)) for rule in ruleset.rules)

    def match(self, fact: Fact) -> tuple[str, ...]:
        """The ids of every rule whose condition holds, in priority order."""
        return tuple(rule_id for rule_id, holds in self._rules if holds(fact))
