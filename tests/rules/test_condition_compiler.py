"""The compiler: every operator and its negation, on every kind of field, exhaustively.

For each field kind (required boolean, number, string with choices; optional
number and string; a host attribute of any kind), every operator with every
constant of a small grid is compiled both as written and under ``not:``, and
decided by both matchers for every value of the grid (and for "missing").
Each answer must equal the language reference's (``rules_semantics.holds``).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import TypeAdapter
from rules_semantics import holds

from intimacy_rules.errors import RulesetLimitError
from intimacy_rules.rules.compiled import AndNode, Compare, KindIsNot, OrNode
from intimacy_rules.rules.compiler import (
    MAX_CONJUNCTS_PER_RULE,
    compile_condition,
    compile_ruleset,
    compile_template,
    to_conjuncts,
)
from intimacy_rules.rules.durable_matcher import DurableMatcher
from intimacy_rules.rules.fields import fact_catalogue
from intimacy_rules.rules.models import Condition, RulesetFile
from intimacy_rules.rules.reference_matcher import ReferenceMatcher

MISSING = object()
GRID: dict[str, tuple[list[Any], list[Any]]] = {
    # field: (constants used in tests, values the fact may hold)
    "message.flags.advice": ([True, False], [True, False]),
    "message.level": ([0, 2, 4, 2.5], [0, 1, 2, 3, 4]),
    "conversation.scores.safety": ([0.5, 1], [0.0, 0.5, 0.75, 1.0]),
    "event.kind": (["message", "pre_send"], ["message", "pre_send"]),
    "conversation.match_age_hours": ([0, 24], [MISSING, 0.0, 12.0, 24.0, 48.0]),
    "context.platform": (["dating"], [MISSING, "dating", "counseling"]),
    "context.attributes.plan": (
        [1, "1", True, "premium"],
        [MISSING, 1, 1.0, "1", True, False, "premium", math.nan, 2**60],
    ),
}
OPERATORS = ["equals", "not_equals", "lt", "lte", "gt", "gte", "in", "not_in", "exists"]


def _tests_for(field: str, constants: list[Any]) -> list[dict[str, Any]]:
    spec = fact_catalogue().lookup(field)
    assert spec is not None
    tests: list[dict[str, Any]] = []
    for op in OPERATORS:
        if op == "exists":
            tests += [{"field": field, "exists": b} for b in (True, False)]
        elif op in ("in", "not_in"):
            tests.append({"field": field, op: constants})
            tests.append({"field": field, op: constants[:1]})
        elif op in ("lt", "lte", "gt", "gte"):
            numbers = [c for c in constants if isinstance(c, int | float) and c is not True]
            numbers = [c for c in numbers if not isinstance(c, bool)]
            tests += [{"field": field, op: c} for c in numbers]
        else:
            tests += [{"field": field, op: c} for c in constants]
    return tests


def _base_fact() -> dict[str, Any]:
    fact: dict[str, Any] = {}
    for name, spec in fact_catalogue().fields.items():
        if not spec.optional:
            fact[name] = {"bool": False, "int": 0, "float": 0.5, "str": "en"}[spec.type]
    fact["event.kind"] = "message"
    return fact


@pytest.mark.parametrize("field", list(GRID))
def test_each_operator_and_its_negation_match_the_reference_semantics(field: str) -> None:
    constants, values = GRID[field]
    tests = _tests_for(field, constants)
    rules = []
    for i, test in enumerate(tests):
        for negated in (False, True):
            rules.append(
                {
                    "id": f"t{i}-{'not' if negated else 'is'}",
                    "description": "grid",
                    "when": {"not": test} if negated else test,
                    "then": [{"signal": {"name": "s"}}],
                }
            )
    model = RulesetFile.model_validate(
        {"ruleset": {"name": "grid", "version": 1, "platform": "any"}, "rules": rules}
    )
    compiled = compile_ruleset(model, content=b"grid")
    durable, reference = DurableMatcher(compiled), ReferenceMatcher(compiled)
    by_id = {rule.id: rule for rule in model.rules}
    for value in values:
        fact = _base_fact()
        if value is not MISSING:
            fact[field] = value
        expected = tuple(r.id for r in compiled.rules if holds(by_id[r.id].when, fact))
        assert reference.match(fact) == expected, (field, value)
        assert durable.match(fact) == expected, (field, value)
        # a rule and its negation never agree
        for i in range(len(tests)):
            assert (f"t{i}-is" in expected) != (f"t{i}-not" in expected)


def _when(data: object) -> Condition:
    return TypeAdapter(Condition).validate_python(data)  # type: ignore[no-any-return]


def test_negation_is_pushed_into_the_leaves() -> None:
    node = compile_condition(_when({"field": "message.level", "lt": 2}))
    assert node == Compare("message.level", "lt", 2, "num")
    negated = compile_condition(_when({"not": {"field": "context.attributes.x", "lt": 2}}))
    assert negated == OrNode(
        (KindIsNot("context.attributes.x", "num"), Compare("context.attributes.x", "gte", 2, "num"))
    )


def test_required_fields_fold_kind_checks_away() -> None:
    # a required boolean is always a boolean: "not advice" is just "advice != true"
    node = compile_condition(_when({"not": "message.flags.advice"}))
    assert node == Compare("message.flags.advice", "neq", True, "bool")
    # a number compared with a string can never hold
    assert compile_condition(_when({"field": "message.level", "equals": "2"})) == OrNode(())
    # exists on a required field is always true
    assert compile_condition(_when({"field": "message.level", "exists": True})) == AndNode(())


def test_not_in_stays_linear_in_the_list_length() -> None:
    values = list(range(40))
    node = compile_condition(_when({"not": {"field": "context.attributes.n", "in": values}}))
    assert len(to_conjuncts(node)) == 2


def test_a_condition_that_expands_too_far_is_a_limit_error() -> None:
    pair = {"any": ["message.flags.advice", "message.flags.merging"]}
    when = {"all": [pair] * 7}  # 2**7 = 128 alternatives
    model = RulesetFile.model_validate(
        {
            "ruleset": {"name": "wide", "version": 1, "platform": "any"},
            "rules": [
                {
                    "id": "wide",
                    "description": "d",
                    "when": when,
                    "then": [{"signal": {"name": "s"}}],
                }
            ],
        }
    )
    with pytest.raises(
        RulesetLimitError,
        match=rf"rule 'wide': its condition expands to more than {MAX_CONJUNCTS_PER_RULE}",
    ):
        compile_ruleset(model, content=b"wide", source="wide.yaml")


def test_evidence_labels_name_what_the_condition_reads() -> None:
    model = RulesetFile.model_validate(
        {
            "ruleset": {"name": "ev", "version": 1, "platform": "any"},
            "rules": [
                {
                    "id": "deep-advice",
                    "description": "d",
                    "when": {"all": [{"field": "message.level", "gte": 3}, "message.flags.advice"]},
                    "then": [{"signal": {"name": "s"}}],
                },
                {
                    "id": "unsafe",
                    "description": "d",
                    "when": "message.unsafe",
                    "then": [{"signal": {"name": "s"}}],
                },
                {
                    "id": "pattern",
                    "description": "d",
                    "when": "conversation.patterns.love_bombing",
                    "then": [{"signal": {"name": "s"}}],
                },
            ],
        }
    )
    compiled = compile_ruleset(model, content=b"ev")
    labels = {rule.id: rule.evidence_labels for rule in compiled.rules}
    assert labels["deep-advice"] == {"level:3", "level:4", "advice"}
    assert labels["unsafe"] == {"contempt", "crisis", "sexual_pressure", "threat"}
    assert labels["pattern"] == frozenset()


def test_templates_split_into_text_and_placeholders() -> None:
    template = compile_template(
        "Depth {conversation.depth} {{literal}} after { speaker.messages }."
    )
    assert template.parts == (
        ("Depth ", "conversation.depth"),
        (" {literal} after ", "speaker.messages"),
        (".", None),
    )
    with pytest.raises(ValueError, match=r"a lone '\}'"):
        compile_template("oops }")
