"""Differential test: durable-rules and the Python oracle agree on generated rulesets.

Hypothesis writes random rulesets (nested all/any/not, every operator, required,
optional and host-attribute fields, values of the wrong kind) and random facts
(shaped like ``build_fact``'s, attributes of any kind including NaN and huge
integers), then asserts three evaluations give the same rule ids in the same
order: the ``DurableMatcher``, the ``ReferenceMatcher`` on the compiled tree,
and a direct reading of the YAML condition from the documented semantics
(``rules_semantics.holds``, which checks the compiler's negation and normal
form too). ``test_condition_compiler`` covers each operator exhaustively.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rules_semantics import holds

from intimacy_rules.errors import RulesetLimitError
from intimacy_rules.rules.compiled import AndNode, CompiledRuleset, CondNode, OrNode, leaf_holds
from intimacy_rules.rules.compiler import compile_ruleset
from intimacy_rules.rules.durable_matcher import DurableMatcher
from intimacy_rules.rules.fields import fact_catalogue
from intimacy_rules.rules.models import RulesetFile
from intimacy_rules.rules.reference_matcher import ReferenceMatcher

BOOLS = [
    "message.flags.advice",
    "message.safety.crisis",
    "conversation.patterns.love_bombing",
    "message.unsafe",
]
NUMBERS = ["message.level", "conversation.messages", "conversation.scores.safety"]
OPTIONAL_NUMBER = "conversation.match_age_hours"
STRINGS = ["event.kind", "context.locale"]
OPTIONAL_STRING = "context.platform"
ATTRIBUTES = ["context.attributes.a", "context.attributes.b"]
FIELDS = [*BOOLS, *NUMBERS, OPTIONAL_NUMBER, *STRINGS, OPTIONAL_STRING, *ATTRIBUTES]

NUMBER_VALUES = [-1, 0, 1, 2, 3, 4, 0.5, 2.5, 100]
STRING_VALUES = ["message", "pre_send", "dating", "counseling", "en", "fr", "", "é", 'a"b', "1"]
ANY_VALUE = st.one_of(st.booleans(), st.sampled_from(NUMBER_VALUES), st.sampled_from(STRING_VALUES))


def _value_for(field: str) -> st.SearchStrategy[Any]:
    if field in BOOLS:
        return st.booleans()
    if field in NUMBERS or field == OPTIONAL_NUMBER:
        return st.sampled_from(NUMBER_VALUES)
    if field in STRINGS or field == OPTIONAL_STRING:
        return st.sampled_from(STRING_VALUES)
    return ANY_VALUE  # attributes: any kind, so kind mismatches are exercised


@st.composite
def field_tests(draw: st.DrawFn) -> dict[str, Any]:
    field = draw(st.sampled_from(FIELDS))
    ops = draw(
        st.lists(
            st.sampled_from(
                ["equals", "not_equals", "lt", "lte", "gt", "gte", "in", "not_in", "exists"]
            ),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    test: dict[str, Any] = {"field": field}
    for op in ops:
        if op in ("lt", "lte", "gt", "gte"):
            test[op] = draw(st.sampled_from(NUMBER_VALUES))
        elif op in ("in", "not_in"):
            test[op] = draw(st.lists(_value_for(field), min_size=1, max_size=3))
        elif op == "exists":
            test[op] = draw(st.booleans())
        else:
            test[op] = draw(_value_for(field))
    return test


LEAVES = st.one_of(st.sampled_from([*BOOLS, *ATTRIBUTES]), field_tests())
CONDITIONS = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=8,
)


@st.composite
def rulesets(draw: st.DrawFn) -> tuple[RulesetFile, CompiledRuleset]:
    n = draw(st.integers(min_value=1, max_value=10))
    data = {
        "ruleset": {"name": "generated", "version": 1, "platform": "any"},
        "rules": [
            {
                "id": f"r{i}",
                "description": "generated",
                "priority": draw(st.sampled_from([0, 50, 100])),
                "when": draw(CONDITIONS),
                "then": [{"signal": {"name": "s"}}],
            }
            for i in range(n)
        ],
    }
    model = RulesetFile.model_validate(data)
    try:
        compiled = compile_ruleset(model, content=repr(data).encode())
    except RulesetLimitError:
        assume(False)
        raise
    return model, compiled


ATTRIBUTE_VALUES = st.one_of(
    ANY_VALUE,
    st.sampled_from([math.nan, math.inf, -math.inf, 2**60, -(2**60), 1.0]),
    st.text(max_size=3),
)


@st.composite
def facts(draw: st.DrawFn) -> dict[str, Any]:
    fact: dict[str, Any] = {}
    for name, spec in fact_catalogue().fields.items():
        if spec.optional:
            continue
        if spec.type == "bool":
            fact[name] = draw(st.booleans())
        elif spec.type == "str":
            fact[name] = draw(st.sampled_from(spec.choices or tuple(STRING_VALUES)))
        elif name == "message.level":
            fact[name] = draw(st.integers(0, 4))
        elif spec.type == "int":
            fact[name] = draw(st.sampled_from([0, 1, 2, 3, 4, 100]))
        else:
            fact[name] = draw(st.sampled_from([0.0, 0.5, 1.0, 0.25]))
    if draw(st.booleans()):
        fact[OPTIONAL_NUMBER] = draw(st.sampled_from([0.0, 0.5, 2.5, 3.0, 100.0, math.inf]))
    if draw(st.booleans()):
        fact[OPTIONAL_STRING] = draw(st.sampled_from(["dating", "counseling"]))
    for attribute in ATTRIBUTES:
        if draw(st.booleans()):
            fact[attribute] = draw(ATTRIBUTE_VALUES)
    return fact


def _tree_holds(node: CondNode, fact: dict[str, Any]) -> bool:
    if isinstance(node, AndNode):
        return all(_tree_holds(c, fact) for c in node.children)
    if isinstance(node, OrNode):
        return any(_tree_holds(c, fact) for c in node.children)
    return leaf_holds(node, fact)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(rulesets(), st.lists(facts(), min_size=1, max_size=15))
def test_durable_and_reference_matchers_agree(
    generated: tuple[RulesetFile, CompiledRuleset], fact_list: list[dict[str, Any]]
) -> None:
    model, compiled = generated
    durable, reference = DurableMatcher(compiled), ReferenceMatcher(compiled)
    by_id = {rule.id: rule for rule in model.rules}
    for fact in fact_list:
        expected = tuple(r.id for r in compiled.rules if holds(by_id[r.id].when, fact))
        assert reference.match(fact) == expected
        assert durable.match(fact) == expected
        # explain traces conditions with leaf_holds: it must tell the same story
        assert tuple(r.id for r in compiled.rules if _tree_holds(r.condition, fact)) == expected
