"""The validate and schema commands, as an operator runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from intimacy_rules.cli.main import main
from intimacy_rules.rules.fields import fact_catalogue
from intimacy_rules.rules.schema import ruleset_json_schema

FIXTURES = Path(__file__).parents[1] / "fixtures" / "rulesets"
REPO = Path(__file__).parents[2]


def test_valid_files_exit_zero_and_say_what_loaded(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "good")]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"every_feature\.yaml: ok: ruleset 'every-feature' revision 2026\.11-a@\w{8}, "
        r"4 rules, 0 warnings",
        out,
    )
    assert "minimal.yaml: ok: ruleset 'minimal'" in out


def test_an_invalid_file_exits_two_with_file_line_rule_and_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "validate",
            str(FIXTURES / "good" / "minimal.yaml"),
            str(FIXTURES / "bad" / "unknown_flag.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 2
    assert re.search(
        r"bad/unknown_flag\.yaml:7: error: rule 'advise', field 'when\.any\[0\]': unknown field "
        r"'message\.flags\.advise' \(did you mean 'message\.flags\.advice'\?\)",
        out,
    )
    assert "minimal.yaml: ok" in out


def test_syntax_errors_print_in_the_same_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "bad" / "alias_bomb.yaml")]) == 2
    out = capsys.readouterr().out
    assert re.search(r"alias_bomb\.yaml:2: error: YAML anchors and aliases", out)


def test_warnings_print_but_fail_only_with_strict(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIXTURES / "lint" / "warnings.yaml")
    assert main(["validate", path]) == 0
    out = capsys.readouterr().out
    assert "warnings.yaml:12: warning: rule 'level-five', field 'when': can never match" in out
    assert "warnings.yaml: ok: ruleset 'lint-me'" in out
    assert main(["validate", "--strict", path]) == 2
    assert "failed (--strict: warnings count)" in capsys.readouterr().out


def test_json_output_lists_every_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "validate",
            "--format",
            "json",
            str(FIXTURES / "good" / "minimal.yaml"),
            str(FIXTURES / "bad" / "duplicate_ids.yaml"),
        ]
    )
    results = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [r["valid"] for r in results] == [True, False]
    assert results[1]["errors"] == [
        {
            "line": 13,
            "rule_id": "same",
            "field": "id",
            "message": "duplicate rule id 'same' (first at rule #1)",
            "hint": None,
        }
    ]


def test_a_directory_without_rulesets_is_not_a_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "no ruleset files (*.yaml, *.yml) in" in capsys.readouterr().out


def test_the_default_rulesets_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(REPO / "rulesets")]) == 0
    assert capsys.readouterr().out.count(": ok: ") == 2


def test_schema_prints_a_json_schema_editors_can_complete_fields_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"ruleset", "rules"}
    names = schema["$defs"]["FieldName"]["anyOf"][0]["enum"]
    assert names == sorted(fact_catalogue().fields)
    booleans = schema["$defs"]["BooleanFieldName"]["anyOf"][0]["enum"]
    assert "message.flags.advice" in booleans
    assert "message.level" not in booleans
    assert schema["$defs"]["FieldTest"]["properties"]["field"] == {"$ref": "#/$defs/FieldName"}
    assert "in" in schema["$defs"]["FieldTest"]["properties"]
    assert schema["$defs"]["FieldTest"]["additionalProperties"] is False
    # a ruleset never writes null, so the schema does not offer it
    assert '"null"' not in json.dumps(schema)
    out = tmp_path / "ruleset.schema.json"
    assert main(["schema", "--output", str(out)]) == 0
    assert json.loads(out.read_text()) == schema


def errors(schema: dict[str, object], value: object) -> list[str]:
    """What a standard JSON Schema validator (as editors run it) says of ``value``."""
    validator = jsonschema.Draft202012Validator(schema)
    return [
        "/".join(map(str, error.absolute_path)) + ": " + error.message
        for error in validator.iter_errors(value)
    ]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(ruleset_json_schema())


GOOD_FILES = [
    *sorted((FIXTURES / "good").glob("*.yaml")),
    *sorted((REPO / "rulesets").glob("*.yaml")),
    FIXTURES / "lint" / "warnings.yaml",
]


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: p.name)
def test_the_schema_accepts_every_ruleset_that_loads(path: Path) -> None:
    schema = ruleset_json_schema()
    assert errors(schema, yaml.safe_load(path.read_text())) == []


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("unknown_key.yaml", "rules/0: Additional properties are not allowed ('priorty'"),
        (
            "unknown_field.yaml",
            "rules/1/when: {'all': [{'field': 'message.level', 'gte': 1}, "
            "{'field': 'message.advice', 'equals': True}]} is not valid",
        ),
        ("unknown_flag.yaml", "rules/0/when: {'any': ['message.flags.advise']} is not valid"),
        (
            "wrong_type.yaml",
            "rules/0/when: {'field': 'message.level', 'gte': 'three'} is not valid",
        ),
        ("unknown_criterion.yaml", "score/criterion: 'imediacy' is not one of"),
        ("two_outcomes_in_one_entry.yaml", "rules/0/then/0: {'signal'"),
        ("unknown_choice.yaml", None),  # a value the schema cannot know is wrong
    ],
)
def test_the_schema_refuses_what_an_editor_can_catch(name: str, why: str | None) -> None:
    found = errors(ruleset_json_schema(), yaml.safe_load((FIXTURES / "bad" / name).read_text()))
    if why is None:
        assert found == []
    else:
        assert any(why in problem for problem in found), found
