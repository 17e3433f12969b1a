"""Lint: rules that load but cannot match, duplicate conditions, idle holds and templates."""

from __future__ import annotations

from pathlib import Path

from intimacy_rules.errors import Problem
from intimacy_rules.rules.compiled import Compare
from intimacy_rules.rules.compiler import compile_ruleset
from intimacy_rules.rules.lint import lint_ruleset, unsatisfiable
from intimacy_rules.rules.loader import read_ruleset
from intimacy_rules.rules.models import RulesetFile

FIXTURES = Path(__file__).parents[1] / "fixtures" / "rulesets"


def _lint(path: Path) -> list[Problem]:
    model, parsed, name = read_ruleset(path)
    lines = {r.id: parsed.line_of(("rules", i)) or 0 for i, r in enumerate(model.rules)}
    compiled = compile_ruleset(model, content=parsed.content, source=name, lines=lines)
    return lint_ruleset(compiled, model, parsed=parsed)


def test_each_kind_of_warning_names_its_rule_and_line() -> None:
    found = {(p.line, p.rule_id, p.message) for p in _lint(FIXTURES / "lint" / "warnings.yaml")}
    assert found == {
        (12, "level-five", "can never match: no value of message.level meets all its bounds"),
        (16, "contradictory", "can never match: no value of message.level meets all its bounds"),
        (
            27,
            "advice-again",
            "has the same condition as rule 'advice': it fires exactly when that one does",
        ),
        (
            31,
            "hold-after-sending",
            "holds apply to pre_send events only, and this rule never fires on one",
        ),
        (38, "exists-always", "message.level is always present: `exists: true` is always true"),
        (7, None, "template 'unused' is never used"),
        (7, None, "template 'unused' has no text in fr (falls back to en)"),
        (9, None, "template 'english_only' has no text in fr (falls back to en)"),
    }


def test_clean_rulesets_have_no_warnings() -> None:
    assert _lint(FIXTURES / "good" / "every_feature.yaml") == []
    assert _lint(FIXTURES / "good" / "minimal.yaml") == []


def test_unsatisfiable_explains_contradictions() -> None:
    level = "message.level"
    assert unsatisfiable((Compare(level, "gte", 2, "num"), Compare(level, "lte", 3, "num"))) is None
    assert unsatisfiable((Compare(level, "gt", 3, "num"), Compare(level, "lt", 4, "num"))) is None
    assert unsatisfiable((Compare(level, "gt", 3, "num"), Compare(level, "lte", 3, "num")))
    kind = "event.kind"
    assert unsatisfiable(
        (Compare(kind, "eq", "message", "str"), Compare(kind, "eq", "pre_send", "str"))
    ) == ("event.kind cannot equal both 'message' and 'pre_send'")
    assert unsatisfiable(
        (Compare(kind, "eq", "message", "str"), Compare(kind, "neq", "message", "str"))
    )


def test_a_ruleset_needing_several_durable_passes_is_flagged() -> None:
    rules = [
        {
            "id": f"r{i}",
            "description": "d",
            "when": {"field": "conversation.messages", "equals": i},
            "then": [{"signal": {"name": "s"}}],
        }
        for i in range(60)
    ]
    model = RulesetFile.model_validate(
        {"ruleset": {"name": "wide", "version": 1, "platform": "any"}, "rules": rules}
    )
    warnings = lint_ruleset(compile_ruleset(model, content=b"wide"), model)
    assert [w.message for w in warnings] == [
        "the rules expand to 60 alternatives: durable-rules runs them in 2 passes per message "
        "(each adds to the latency); split `any` lists or merge rules to stay within one pass"
    ]
