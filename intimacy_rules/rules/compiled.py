"""A ruleset compiled for matching: normalised conditions, outcome specs, templates.

A rule's ``when`` compiles to a tree in negation normal form whose leaves are
*total* tests (true or false for every fact, never an error):

- ``Compare(field, op, value, kind)``: the fact carries ``field`` with a value
  of ``kind`` (``bool``, ``num`` or ``str``) and ``value op constant`` holds;
  numbers compare as floats; a missing field, a value of another kind or a
  non-finite number make it false;
- ``KindIs(field, kind)`` / ``KindIsNot(field, kind)``: the value's kind is (is
  not) ``kind``; kind ``None`` means "the fact does not carry the field".

Negation is pushed into the leaves (``not lt`` is ``gte`` *or* "not a number"),
so the tree and its disjunctive normal form (``CompiledRule.conjuncts``, an OR
of ANDs of leaves) need no negation at all. The reference matcher evaluates the
tree; the durable matcher compiles each conjunct to one single-fact pattern.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from intimacy_rules.rules.models import OutcomeSpec

__all__ = [
    "MAX_EXACT_INT",
    "AndNode",
    "Compare",
    "CompareOp",
    "CompiledRule",
    "CompiledRuleset",
    "CompiledTemplate",
    "CondNode",
    "Conjunct",
    "KindIs",
    "KindIsNot",
    "Leaf",
    "OrNode",
    "ValueKind",
    "leaf_holds",
    "value_kind",
]

ValueKind = Literal["bool", "num", "str"]
CompareOp = Literal["eq", "neq", "lt", "lte", "gt", "gte"]
Scalar = bool | int | float | str


#: Integers beyond this magnitude cannot round-trip through a double: not comparable.
MAX_EXACT_INT = 2**53


def value_kind(value: object) -> ValueKind | None:
    """The kind of a fact value, or None when it counts as missing.

    Missing are: None, non-finite floats, integers beyond ±2**53 and anything
    that is not a bool, number or string.
    """
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "num" if -MAX_EXACT_INT <= value <= MAX_EXACT_INT else None
    if isinstance(value, float):
        return "num" if math.isfinite(value) else None
    if isinstance(value, str):
        return "str"
    return None


@dataclass(frozen=True, slots=True)
class Compare:
    """``field op value`` on a value of ``kind``; false when the field is missing."""

    field: str
    op: CompareOp
    value: Scalar
    kind: ValueKind


@dataclass(frozen=True, slots=True)
class KindIs:
    """The field's value is of ``kind`` (``None``: the field is missing)."""

    field: str
    kind: ValueKind | None


@dataclass(frozen=True, slots=True)
class KindIsNot:
    """The field's value is not of ``kind`` (``None``: the field is present)."""

    field: str
    kind: ValueKind | None


Leaf = Compare | KindIs | KindIsNot


@dataclass(frozen=True, slots=True)
class AndNode:
    """All children hold (an empty ``AndNode`` is true)."""

    children: tuple[CondNode, ...]


@dataclass(frozen=True, slots=True)
class OrNode:
    """At least one child holds (an empty ``OrNode`` is false)."""

    children: tuple[CondNode, ...]


CondNode = Leaf | AndNode | OrNode
Conjunct = tuple[Leaf, ...]


@dataclass(frozen=True, slots=True)
class CompiledTemplate:
    """One template text split into literal parts and fact-field placeholders."""

    parts: tuple[tuple[str, str | None], ...]
    """(literal text, field name or None), in order."""

    @property
    def fields(self) -> tuple[str, ...]:
        """The fact fields the text names."""
        return tuple(f for _, f in self.parts if f is not None)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One rule, ready to match: its normalised condition and outcome specs."""

    id: str
    description: str
    priority: int
    index: int
    """Position in the file; ties on priority keep this order."""
    condition: CondNode
    conjuncts: tuple[Conjunct, ...]
    """The condition in disjunctive normal form; empty when it can never hold."""
    outcomes: tuple[OutcomeSpec, ...]
    evidence_labels: frozenset[str]
    """Analysis labels the condition reads: ``level:N``, flag and category names."""
    fields: frozenset[str]
    """Every fact field the condition reads."""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class CompiledRuleset:
    """A validated, compiled ruleset: what matchers and the engine run."""

    name: str
    version: str
    revision: str
    """``version@hash``: the version plus a short hash of the file's content."""
    platform: Literal["dating", "counseling", "any"]
    description: str
    default_locale: str
    rules: tuple[CompiledRule, ...]
    """In matching order: by priority (lower first), then file order."""
    templates: Mapping[str, Mapping[str, CompiledTemplate]]
    """template id -> locale -> compiled text."""
    source: str = "<ruleset>"

    @property
    def locales(self) -> frozenset[str]:
        """Every locale some template has text in."""
        return frozenset(loc for texts in self.templates.values() for loc in texts)

    def rule(self, rule_id: str) -> CompiledRule:
        """The rule with this id; ``KeyError`` when there is none."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def fields(self) -> frozenset[str]:
        """Every fact field some rule reads."""
        return frozenset(f for rule in self.rules for f in rule.fields)


def leaf_holds(leaf: Leaf, fact: Mapping[str, object]) -> bool:
    """Whether one leaf test holds for a fact: the semantics every matcher follows."""
    value = fact.get(leaf.field)
    kind = value_kind(value)
    if isinstance(leaf, KindIs):
        return kind == leaf.kind
    if isinstance(leaf, KindIsNot):
        return kind != leaf.kind
    if kind != leaf.kind:
        return False
    if kind == "num":
        left: Scalar = float(value)  # type: ignore[arg-type]
        right: Scalar = float(leaf.value)
    else:
        left, right = value, leaf.value  # type: ignore[assignment]
    op = leaf.op
    if op == "eq":
        return left == right
    if op == "neq":
        return left != right
    if op == "lt":
        return left < right  # type: ignore[operator]
    if op == "lte":
        return left <= right  # type: ignore[operator]
    if op == "gt":
        return left > right  # type: ignore[operator]
    return left >= right  # type: ignore[operator]
