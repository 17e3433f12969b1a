"""The documented meaning of a ``when``, read straight from the YAML models.

Tests compare every matcher with this: it is written from ``docs/rulesets.md``
and shares no code with the compiler, so a mistake in negation, normal form or
encoding shows up as a disagreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intimacy_rules.rules.compiled import value_kind
from intimacy_rules.rules.models import (
    AllCondition,
    AnyCondition,
    Condition,
    FieldTest,
    NotCondition,
)


def equal(value: Any, wanted: Any) -> bool:
    """Same kind (bool, number, string) and equal; numbers compare as floats."""
    kind = value_kind(value)
    if kind is None or kind != value_kind(wanted):
        return False
    return float(value) == float(wanted) if kind == "num" else bool(value == wanted)


def holds(cond: Condition, fact: Mapping[str, Any]) -> bool:
    """Whether ``cond`` holds for ``fact`` as the language reference defines it."""
    if isinstance(cond, str):
        return equal(fact.get(cond), True)
    if isinstance(cond, AllCondition):
        return all(holds(c, fact) for c in cond.all)
    if isinstance(cond, AnyCondition):
        return any(holds(c, fact) for c in cond.any)
    if isinstance(cond, NotCondition):
        return not holds(cond.not_, fact)
    assert isinstance(cond, FieldTest)
    value = fact.get(cond.field)
    present = value_kind(value) is not None
    number = float(value) if value_kind(value) == "num" else None
    for op, wanted in cond.operators():
        if op == "exists":
            ok = present == wanted
        elif op == "equals":
            ok = equal(value, wanted)
        elif op == "not_equals":
            ok = present and not equal(value, wanted)
        elif op == "in":
            ok = any(equal(value, w) for w in wanted)
        elif op == "not_in":
            ok = present and not any(equal(value, w) for w in wanted)
        else:
            limit = float(wanted)
            ok = (
                number is not None
                and {
                    "lt": number < limit,
                    "lte": number <= limit,
                    "gt": number > limit,
                    "gte": number >= limit,
                }[op]
            )
        if not ok:
            return False
    return True
