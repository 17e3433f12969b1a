"""Check a parsed ruleset: shape (pydantic), then meaning (fields, types, templates).

Every problem names the file, the line, the rule id and the field, and a
misspelt name gets a "did you mean". Checks that need the fact catalogue
(field names, value types, choices) and the file as a whole (unique rule ids,
template references) run after the shape is known to be good.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError

from intimacy_rules.errors import Problem
from intimacy_rules.rules.compiler import compile_template
from intimacy_rules.rules.fields import FieldCatalogue, FieldSpec, fact_catalogue
from intimacy_rules.rules.models import (
    AllCondition,
    AnyCondition,
    Condition,
    FieldTest,
    HoldSpec,
    NotCondition,
    NudgeSpec,
    RulesetFile,
)
from intimacy_rules.rules.yaml_source import ParsedYaml

__all__ = ["MAX_CONDITION_DEPTH", "check_model", "check_shape", "iter_conditions"]

#: ``all`` / ``any`` / ``not`` nest at most this deep in one ``when``.
MAX_CONDITION_DEPTH = 8

Loc = tuple[str | int, ...]
_TAGS = {"all", "any", "not", "test", "name"}
_TYPE_SUFFIXES = {"bool", "int", "float", "str"}
_KIND_WORDS = {"bool": "true/false", "int": "a number", "float": "a number", "str": "a string"}


def _suggest(word: str, choices: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _rule_id(data: Any, loc: Loc) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        if isinstance(rules, list) and 0 <= loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rid = rules[loc[1]].get("id")
            return str(rid) if rid is not None else f"#{loc[1] + 1}"
    return None


def _field_path(loc: Loc) -> str:
    parts = loc[2:] if len(loc) >= 2 and loc[0] == "rules" else loc
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _strip_tags(loc: Sequence[str | int]) -> Loc:
    """Drop the union tags pydantic inserts after each condition position."""
    out: list[str | int] = []
    expect_tag = False
    parent_key: str | int | None = None
    for part in loc:
        if expect_tag and part in _TAGS:
            expect_tag = False
            continue
        expect_tag = part in ("when", "not") or (
            isinstance(part, int) and parent_key in ("all", "any")
        )
        parent_key = part
        out.append(part)
    return tuple(out)


def check_shape(parsed: ParsedYaml, *, source: str) -> tuple[RulesetFile | None, list[Problem]]:
    """Validate the data against the models; problems carry lines and rule ids."""
    try:
        return RulesetFile.model_validate(parsed.data), []
    except ValidationError as exc:
        problems: dict[tuple[Loc, str], Problem] = {}
        errors = exc.errors(include_url=False)
        # A scalar union (``equals``, ``version``) fails once per member, each
        # named last in the location: gather them into one "should be" problem.
        kinds: dict[Loc, list[str]] = {}
        for error in errors:
            raw = error["loc"]
            if raw and raw[-1] in _TYPE_SUFFIXES:
                kinds.setdefault(_strip_tags(raw[:-1]), []).append(str(raw[-1]))
        for error in errors:
            raw = error["loc"]
            union_member = bool(raw) and raw[-1] in _TYPE_SUFFIXES
            loc = _strip_tags(raw[:-1] if union_member else raw)
            message = error["msg"].removeprefix("Value error, ")
            if union_member:
                words = dict.fromkeys(_KIND_WORDS[k] for k in kinds[loc])
                message = f"should be {' or '.join(words)}, not {error['input']!r}"
            elif error["type"] in ("int_type", "float_type", "int_parsing", "float_parsing"):
                message = f"should be a number, not {error['input']!r}"
            if any(seen == loc for seen, _ in problems):
                continue  # one problem per place
            hint = None
            if error["type"] == "literal_error" and isinstance(error.get("input"), str):
                choices = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
                hint = _suggest(error["input"], choices)
                message = f"{error['input']!r} is not one of {', '.join(choices)}"
            if error["type"] == "extra_forbidden" and loc:
                message = f"unknown key {loc[-1]!r}"
                hint = _known_key_hint(parsed.data, loc)
            key = (loc, message)
            if key not in problems:
                problems[key] = Problem(
                    message=message,
                    path=source,
                    line=parsed.line_of(loc),
                    rule_id=_rule_id(parsed.data, loc),
                    field=_field_path(loc),
                    hint=hint,
                )
        return None, list(problems.values())


_KEYS_AT: dict[str, tuple[str, ...]] = {
    "top": tuple(RulesetFile.model_fields),
    "ruleset": ("name", "version", "platform", "description", "default_locale"),
    "rule": ("id", "description", "priority", "when", "then"),
    "test": ("field", "equals", "not_equals", "lt", "lte", "gt", "gte", "in", "not_in", "exists"),
    "then": ("signal", "nudge", "hold", "escalate", "score"),
}


def _known_key_hint(data: Any, loc: Loc) -> str | None:
    word = str(loc[-1])
    if len(loc) == 1:
        return _suggest(word, _KEYS_AT["top"])
    if loc[0] == "ruleset" and len(loc) == 2:
        return _suggest(word, _KEYS_AT["ruleset"])
    if loc[0] == "rules" and len(loc) == 3:
        return _suggest(word, _KEYS_AT["rule"])
    if loc[0] == "rules" and len(loc) >= 4 and loc[2] == "then":
        return _suggest(word, _KEYS_AT["then"])
    if loc[0] == "rules" and "when" in loc:
        return _suggest(word, (*_KEYS_AT["test"], "all", "any", "not"))
    return None


def iter_conditions(
    cond: Condition, loc: Loc, depth: int = 1
) -> Iterator[tuple[Condition, Loc, int]]:
    """Every node of a condition, with its location in the file and its depth."""
    yield cond, loc, depth
    if isinstance(cond, AllCondition | AnyCondition):
        key = "all" if isinstance(cond, AllCondition) else "any"
        for i, child in enumerate(cond.all if isinstance(cond, AllCondition) else cond.any):
            yield from iter_conditions(child, (*loc, key, i), depth + 1)
    elif isinstance(cond, NotCondition):
        yield from iter_conditions(cond.not_, (*loc, "not"), depth + 1)


def _value_problem(spec: FieldSpec, value: object) -> tuple[str, str | None] | None:
    """Why ``value`` cannot be compared with the field, and a suggestion."""
    if spec.type == "bool" and not isinstance(value, bool):
        return f"{spec.name} is true or false, not {value!r}", None
    if spec.type in ("int", "float") and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        return f"{spec.name} is a number, not {value!r}", None
    if spec.type == "str":
        if not isinstance(value, str):
            return f"{spec.name} is a string, not {value!r}", None
        if spec.choices is not None and value not in spec.choices:
            choices = ", ".join(spec.choices)
            return f"{spec.name} is one of {choices}, not {value!r}", _suggest(value, spec.choices)
    return None


class _Checker:
    def __init__(self, parsed: ParsedYaml, source: str, catalogue: FieldCatalogue):
        self.parsed, self.source, self.catalogue = parsed, source, catalogue
        self.problems: list[Problem] = []

    def add(self, message: str, loc: Loc, rule_id: str | None, hint: str | None = None) -> None:
        self.problems.append(
            Problem(
                message=message,
                path=self.source,
                line=self.parsed.line_of(loc),
                rule_id=rule_id,
                field=_field_path(loc),
                hint=hint,
            )
        )

    def field(self, name: str, loc: Loc, rule_id: str) -> FieldSpec | None:
        spec = self.catalogue.lookup(name)
        if spec is None:
            self.add(f"unknown field {name!r}", loc, rule_id, self.catalogue.suggest(name))
        return spec

    def test(self, test: FieldTest, loc: Loc, rule_id: str) -> None:
        spec = self.field(test.field, (*loc, "field"), rule_id)
        if spec is None:
            return
        attribute = self.catalogue.is_attribute(test.field)
        for op, value in test.operators():
            op_loc = (*loc, op)
            if op in ("lt", "lte", "gt", "gte") and not (spec.numeric or attribute):
                self.add(f"{op} needs a numeric field; {spec.name} is {spec.type}", op_loc, rule_id)
            elif op in ("equals", "not_equals", "in", "not_in") and not attribute:
                for item in value if isinstance(value, tuple) else (value,):
                    found = _value_problem(spec, item)
                    if found:
                        self.add(found[0], op_loc, rule_id, found[1])

    def rule_condition(self, cond: Condition, loc: Loc, rule_id: str) -> None:
        for node, node_loc, depth in iter_conditions(cond, loc):
            if depth > MAX_CONDITION_DEPTH:
                self.add(
                    f"conditions nest deeper than {MAX_CONDITION_DEPTH} levels", node_loc, rule_id
                )
                return
            if isinstance(node, str):
                spec = self.field(node, node_loc, rule_id)
                if (
                    spec is not None
                    and spec.type != "bool"
                    and not self.catalogue.is_attribute(node)
                ):
                    self.add(
                        f"{node} is {spec.type}: a bare field name needs a boolean field; "
                        f"write a test such as {{field: {node}, gte: ...}}",
                        node_loc,
                        rule_id,
                    )
            elif isinstance(node, FieldTest):
                self.test(node, node_loc, rule_id)


def check_model(
    model: RulesetFile,
    parsed: ParsedYaml,
    *,
    source: str,
    catalogue: FieldCatalogue | None = None,
) -> list[Problem]:
    """Problems of meaning in a well-shaped file: names, types, ids, templates."""
    checker = _Checker(parsed, source, catalogue or fact_catalogue())
    seen: dict[str, int] = {}
    for i, rule in enumerate(model.rules):
        loc: Loc = ("rules", i)
        if rule.id in seen:
            checker.add(
                f"duplicate rule id {rule.id!r} (first at rule #{seen[rule.id] + 1})",
                (*loc, "id"),
                rule.id,
            )
        seen.setdefault(rule.id, i)
        checker.rule_condition(rule.when, (*loc, "when"), rule.id)
        for j, entry in enumerate(rule.then):
            spec = entry.spec
            if isinstance(spec, NudgeSpec | HoldSpec) and spec.template not in model.templates:
                kind = "nudge" if isinstance(spec, NudgeSpec) else "hold"
                checker.add(
                    f"unknown template {spec.template!r}",
                    (*loc, "then", j, kind, "template"),
                    rule.id,
                    _suggest(spec.template, list(model.templates)),
                )
    default = model.ruleset.default_locale
    for tid, texts in model.templates.items():
        tloc: Loc = ("templates", tid)
        if default not in texts:
            checker.add(
                f"template {tid!r} has no text in the default locale {default!r}", tloc, None
            )
        for locale, text in texts.items():
            try:
                template = compile_template(text)
            except ValueError as exc:
                checker.add(f"template {tid!r} ({locale}): {exc}", (*tloc, locale), None)
                continue
            for name in template.fields:
                if name not in checker.catalogue.fields:
                    checker.add(
                        f"template {tid!r} ({locale}) names {{{name}}}, which is not a fact field"
                        " (host attributes cannot be shown)",
                        (*tloc, locale),
                        None,
                        _suggest(name, list(checker.catalogue.fields)),
                    )
    return checker.problems
