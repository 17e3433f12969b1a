"""The default rulesets: they load, cover the whole vocabulary, and pass their own tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intimacy_rules.analysis.vocabulary import FLAGS, SAFETY_CATEGORIES
from intimacy_rules.conversation.vocabulary import CRITERIA, PATTERNS
from intimacy_rules.engine.ruleset_runner import run_test_file
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.models import HoldSpec, NudgeSpec, ScoreSpec

RULESETS = Path(__file__).resolve().parents[2] / "rulesets"
PLATFORMS = ("dating", "counseling")


@pytest.fixture(scope="module")
def defaults() -> dict[str, CompiledRuleset]:
    from intimacy_rules.rules.loader import load_default_ruleset

    return {platform: load_default_ruleset(platform) for platform in PLATFORMS}


@pytest.mark.parametrize("matcher", ["durable", "reference"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_default_ruleset_passes_its_own_tests(platform: str, matcher: str) -> None:
    result = run_test_file(RULESETS / "tests" / f"{platform}.yaml", matcher=matcher)
    failures = [f"{case.name}: {line}" for case in result.cases for line in case.failures]
    assert failures == []
    assert len(result.cases) >= 15
    untested = [rule for rule in result.rules if rule not in result.exercised]
    assert untested == [], "every default rule is asserted to fire by some case"


def test_together_they_read_every_flag_category_pattern_and_criterion(
    defaults: dict[str, CompiledRuleset],
) -> None:
    read = set().union(*(ruleset.fields for ruleset in defaults.values()))
    wanted = (
        {f"message.flags.{flag}" for flag in FLAGS}
        | {f"message.safety.{category}" for category in SAFETY_CATEGORIES}
        | {f"conversation.patterns.{pattern}" for pattern in PATTERNS}
        | {f"conversation.scores.{criterion}" for criterion in CRITERIA}
    )
    assert sorted(wanted - read) == []


def test_every_rule_names_the_criterion_it_serves(defaults: dict[str, CompiledRuleset]) -> None:
    names = ("Safety", "Mutuality", "Separateness", "Immediacy")
    for ruleset in defaults.values():
        for rule in ruleset.rules:
            assert rule.description.startswith(names), rule.id


def test_a_crisis_rule_escalates_urgently_and_no_rule_holds_a_crisis(
    defaults: dict[str, CompiledRuleset],
) -> None:
    for ruleset in defaults.values():
        crisis = [r for r in ruleset.rules if r.fields == {"message.safety.crisis"}]
        assert len(crisis) == 1, ruleset.name
        assert crisis[0].priority == min(r.priority for r in ruleset.rules)
        for rule in ruleset.rules:
            if any(isinstance(spec, HoldSpec) for spec in rule.outcomes):
                assert "message.safety.crisis" in rule.fields, rule.id


def test_nudge_texts_are_short_and_every_template_has_english(
    defaults: dict[str, CompiledRuleset],
) -> None:
    for platform in PLATFORMS:
        data = yaml.safe_load((RULESETS / f"{platform}.yaml").read_text(encoding="utf-8"))
        for template_id, texts in data["templates"].items():
            assert "en" in texts, template_id
            for locale, text in texts.items():
                assert len(text) <= 300, (template_id, locale)
        # a second locale shows that locales work
        assert {loc for texts in data["templates"].values() for loc in texts} > {"en"}
    for ruleset in defaults.values():
        used = {
            spec.criterion
            for r in ruleset.rules
            for spec in r.outcomes
            if isinstance(spec, ScoreSpec)
        }
        assert used, ruleset.name
        assert any(isinstance(s, NudgeSpec) for r in ruleset.rules for s in r.outcomes)
