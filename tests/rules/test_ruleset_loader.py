"""Loading rulesets: good files compile, broken ones fail fast with file, line and rule."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from intimacy_rules.errors import (
    RulesetError,
    RulesetLimitError,
    RulesetSyntaxError,
    RulesetValidationError,
)
from intimacy_rules.rules.compiler import MAX_RULES
from intimacy_rules.rules.loader import load_default_ruleset, load_ruleset
from intimacy_rules.rules.yaml_source import MAX_BYTES, MAX_NODES

FIXTURES = Path(__file__).parent.parent / "fixtures" / "rulesets"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
DOCS = Path(__file__).parent.parent.parent / "docs" / "rulesets.md"

# (file, error type, what the message must say: the file's line, the rule, the field)
BROKEN = [
    ("broken_yaml.yaml", RulesetSyntaxError, r"broken_yaml\.yaml:8: not valid YAML"),
    (
        "unknown_field.yaml",
        RulesetValidationError,
        r"unknown_field\.yaml:13, rule 'advice-nudge', field 'when\.all\[1\]\.field': "
        r"unknown field 'message\.advice' \(did you mean 'message\.flags\.advice'\?\)",
    ),
    (
        "unknown_key.yaml",
        RulesetValidationError,
        r"unknown_key\.yaml:5, rule 'misspelt-priority', field 'priorty': "
        r"unknown key 'priorty' \(did you mean 'priority'\?\)",
    ),
    (
        "wrong_type.yaml",
        RulesetValidationError,
        r"wrong_type\.yaml:5, rule 'level-as-text', field 'when\.gte': "
        r"should be a number, not 'three'",
    ),
    (
        "wrong_value_type.yaml",
        RulesetValidationError,
        r"wrong_value_type\.yaml:5, rule 'flag-against-number', field 'when\.equals': "
        r"message\.flags\.merging is true or false, not 1",
    ),
    (
        "unknown_flag.yaml",
        RulesetValidationError,
        r"unknown_flag\.yaml:7, rule 'advise', field 'when\.any\[0\]': unknown field "
        r"'message\.flags\.advise' \(did you mean 'message\.flags\.advice'\?\)",
    ),
    (
        "unknown_pattern.yaml",
        RulesetValidationError,
        r"unknown_pattern\.yaml:7, rule 'love-bomb', field 'when\.not\.not': unknown field "
        r"'conversation\.patterns\.love_bomb' \(did you mean "
        r"'conversation\.patterns\.love_bombing'\?\)",
    ),
    (
        "unknown_criterion.yaml",
        RulesetValidationError,
        r"unknown_criterion\.yaml:7, rule 'score-intimacy', field 'then\[0\]\.score\.criterion'"
        r": 'imediacy' is not one of safety, mutuality, separateness, immediacy "
        r"\(did you mean 'immediacy'\?\)",
    ),
    (
        "unknown_choice.yaml",
        RulesetValidationError,
        r"unknown_choice\.yaml:5, rule 'before-send', field 'when\.equals': event\.kind is one "
        r"of message, pre_send, not 'presend' \(did you mean 'pre_send'\?\)",
    ),
    (
        "duplicate_ids.yaml",
        RulesetValidationError,
        r"duplicate_ids\.yaml:13, rule 'same', field 'id': duplicate rule id 'same' "
        r"\(first at rule #1\)",
    ),
    (
        "unknown_template.yaml",
        RulesetValidationError,
        r"unknown_template\.yaml:10, rule 'criticism', field 'then\[0\]\.nudge\.template': "
        r"unknown template 'gentle_strat' \(did you mean 'gentle_start'\?\)",
    ),
    (
        "template_without_default_locale.yaml",
        RulesetValidationError,
        r"template_without_default_locale\.yaml:3, field 'templates\.gentle_start': "
        r"template 'gentle_start' has no text in the default locale 'en'",
    ),
    (
        "template_placeholder.yaml",
        RulesetValidationError,
        r"template_placeholder\.yaml:4, field 'templates\.leak\.en': template 'leak' \(en\) "
        r"names \{context\.attributes\.plan\.__class__\}, which is not a fact field",
    ),
    (
        "bare_number_field.yaml",
        RulesetValidationError,
        r"bare_number_field\.yaml:5, rule 'level', field 'when': message\.level is int: "
        r"a bare field name needs a boolean field",
    ),
    (
        "two_outcomes_in_one_entry.yaml",
        RulesetValidationError,
        r"two_outcomes_in_one_entry\.yaml:7, rule 'both', field 'then\[0\]': each `then` "
        r"entry has exactly one of .* \(found signal, escalate\)",
    ),
    (
        "deep_conditions.yaml",
        RulesetValidationError,
        r"deep_conditions\.yaml:13, rule 'nine-levels', .*conditions nest deeper than 8 levels",
    ),
    ("deeply_nested.yaml", RulesetSyntaxError, r"deeply_nested\.yaml:34: nested deeper than 32"),
    (
        "alias_bomb.yaml",
        RulesetSyntaxError,
        r"alias_bomb\.yaml:2: YAML anchors and aliases \(&, \*\) are not allowed",
    ),
    (
        "python_tag.yaml",
        RulesetSyntaxError,
        r"python_tag\.yaml:2: YAML tag 'tag:yaml\.org,2002:python/object/apply:os\.system' "
        r"is not allowed",
    ),
    ("not_a_mapping.yaml", RulesetSyntaxError, r"not_a_mapping\.yaml:1: a ruleset is a mapping"),
    (
        "duplicate_key.yaml",
        RulesetSyntaxError,
        r"duplicate_key\.yaml:6: duplicate key 'when' in one mapping",
    ),
]


def test_every_bad_fixture_has_a_case() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(name for name, _, _ in BROKEN)


@pytest.mark.parametrize(("name", "error", "match"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rulesets_are_rejected_fast_with_where_and_why(
    name: str, error: type[Exception], match: str
) -> None:
    started = time.perf_counter()
    with pytest.raises(error, match=match):
        load_ruleset(BAD / name)
    assert time.perf_counter() - started < 1.0


def test_a_value_of_no_accepted_kind_is_named_once() -> None:
    text = (
        "ruleset: {name: a, version: [1], platform: any}\n"
        "rules:\n"
        " - {id: r, description: d, when: {field: message.level, in: [1, [2]]},\n"
        "    then: [{signal: {name: s}}]}\n"
    )
    with pytest.raises(RulesetValidationError) as caught:
        load_ruleset("kinds.yaml", text=text)
    assert [str(p) for p in caught.value.problems] == [
        "kinds.yaml:1, field 'ruleset.version': should be a number or a string, not [1]",
        "kinds.yaml:3, rule 'r', field 'when.in[1]': "
        "should be true/false or a number or a string, not [2]",
    ]


def test_validation_reports_every_problem_not_just_the_first() -> None:
    text = (GOOD / "every_feature.yaml").read_text()
    text = text.replace("message.safety.threat", "message.safety.threats")
    text = text.replace("template: progress}", "template: progres}")
    with pytest.raises(RulesetValidationError) as caught:
        load_ruleset("upload.yaml", text=text)
    messages = [p.message for p in caught.value.problems]
    assert "unknown field 'message.safety.threats'" in messages
    assert messages.count("unknown template 'progres'") == 2
    assert all(p.path == "upload.yaml" and p.line for p in caught.value.problems)


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("rules:\n" + "  - {id: x, description: y}\n" * (MAX_BYTES // 20))
    started = time.perf_counter()
    with pytest.raises(
        RulesetSyntaxError, match=rf"huge\.yaml: the file is \d+ bytes; .* {MAX_BYTES}"
    ):
        load_ruleset(path)
    assert time.perf_counter() - started < 1.0


def test_an_uploaded_huge_text_is_refused_too() -> None:
    with pytest.raises(RulesetSyntaxError, match=r"upload\.yaml: the file is"):
        load_ruleset("upload.yaml", text="#" * (MAX_BYTES + 1))


def test_a_file_just_under_the_limit_with_many_rules_is_still_judged_within_a_second() -> None:
    rule = (
        "  - id: r{i}\n    description: d\n    when: {{field: message.level, gte: 1}}\n"
        "    then: [{{signal: {{name: s}}}}]\n"
    )
    body = "ruleset: {name: big, version: 1, platform: any}\nrules:\n"
    i = 0
    while len(body) < MAX_BYTES - 200:
        body += rule.format(i=i)
        i += 1
    started = time.perf_counter()
    with pytest.raises(RulesetSyntaxError, match=rf"big\.yaml:\d+: more than {MAX_NODES} YAML"):
        load_ruleset("big.yaml", text=body)
    assert time.perf_counter() - started < 1.0


def test_more_rules_than_the_limit_are_refused_before_each_is_validated() -> None:
    rule = (
        "  - {{id: r{i}, description: d, when: message.unsafe, then: [{{signal: {{name: s}}}}]}}\n"
    )
    body = "ruleset: {name: many, version: 1, platform: any}\nrules:\n"
    body += "".join(rule.format(i=i) for i in range(MAX_RULES + 1))
    with pytest.raises(
        RulesetLimitError, match=rf"many\.yaml:2: {MAX_RULES + 1} rules; .* {MAX_RULES}"
    ):
        load_ruleset("many.yaml", text=body)


def test_text_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("ruleset: {name: caf\u00e9}\n".encode("latin-1"))
    with pytest.raises(RulesetSyntaxError, match=r"latin\.yaml: not UTF-8 text"):
        load_ruleset(path)


def test_missing_file_is_a_ruleset_error(tmp_path: Path) -> None:
    with pytest.raises(RulesetError, match=r"nope\.yaml: cannot read"):
        load_ruleset(tmp_path / "nope.yaml")


def test_good_fixtures_load_with_revision_and_priority_order() -> None:
    ruleset = load_ruleset(GOOD / "every_feature.yaml")
    assert ruleset.name == "every-feature"
    assert re.fullmatch(r"2026\.11-a@[0-9a-f]{8}", ruleset.revision)
    assert ruleset.platform == "dating"
    assert [r.id for r in ruleset.rules] == [
        "hold-unsafe",
        "deep-but-not-present",
        "pseudo-intimacy",
        "progress-note",
    ]
    assert ruleset.rule("hold-unsafe").line == 16
    assert ruleset.locales == {"en", "fr"}
    assert load_ruleset(GOOD / "minimal.yaml").rules[0].priority == 100


def test_revision_changes_with_the_content_not_the_name() -> None:
    text = (GOOD / "minimal.yaml").read_text()
    first = load_ruleset("a.yaml", text=text).revision
    assert load_ruleset("b.yaml", text=text).revision == first
    assert load_ruleset("a.yaml", text=text + "# a comment\n").revision != first


def test_the_documented_example_loads() -> None:
    block = re.search(r"```yaml\n(ruleset:.*?)```", DOCS.read_text(), re.S)
    assert block is not None
    ruleset = load_ruleset("docs-example.yaml", text=block.group(1))
    assert len(ruleset.rules) == 6


@pytest.mark.parametrize("platform", ["dating", "counseling"])
def test_default_rulesets_load(platform: str) -> None:
    ruleset = load_default_ruleset(platform)
    assert ruleset.platform in (platform, "any")
    assert ruleset.rules


def test_unknown_default_platform_is_named() -> None:
    with pytest.raises(RulesetError, match=r"no default ruleset for platform 'chess'"):
        load_default_ruleset("chess")
