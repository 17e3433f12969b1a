"""Warnings about a ruleset that loads but probably does not do what its author meant.

None of these stop a ruleset from running (``validate --strict`` makes them
fail it):

- a rule that can never match: contradictory bounds (``gte: 3`` with ``lt: 2``),
  a value outside the field's range (``message.level`` above 4), two different
  values required of one field;
- a rule with the same condition as an earlier one (it fires exactly when the
  other does: merge them, or one is a copy-paste slip);
- a ``hold`` in a rule that can never fire on a ``pre_send`` event;
- ``exists`` on a field that is always there;
- templates no rule uses, and templates missing a locale others have;
- a ruleset large enough that durable-rules runs it in several passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from intimacy_rules.errors import Problem
from intimacy_rules.rules.compiled import (
    Compare,
    CompiledRule,
    CompiledRuleset,
    Conjunct,
    KindIs,
    KindIsNot,
)
from intimacy_rules.rules.durable_matcher import CHUNK
from intimacy_rules.rules.fields import FieldCatalogue, fact_catalogue
from intimacy_rules.rules.models import (
    FieldTest,
    HoldSpec,
    NudgeSpec,
    RulesetFile,
)
from intimacy_rules.rules.validate import iter_conditions
from intimacy_rules.rules.yaml_source import ParsedYaml

__all__ = ["lint_ruleset", "unsatisfiable"]


@dataclass
class _Range:
    low: float = float("-inf")
    low_open: bool = False
    high: float = float("inf")
    high_open: bool = False

    def clip(self, op: str, value: float) -> None:
        if op in ("gt", "gte", "eq") and (value > self.low or (value == self.low and op == "gt")):
            self.low, self.low_open = value, op == "gt"
        if op in ("lt", "lte", "eq") and (value < self.high or (value == self.high and op == "lt")):
            self.high, self.high_open = value, op == "lt"

    def empty(self) -> bool:
        return self.low > self.high or (self.low == self.high and (self.low_open or self.high_open))


def unsatisfiable(conj: Conjunct, catalogue: FieldCatalogue | None = None) -> str | None:
    """Why no fact can satisfy every leaf of ``conj``, or None when some fact may."""
    catalogue = catalogue or fact_catalogue()
    ranges: dict[str, _Range] = {}
    equal: dict[str, object] = {}
    unequal: dict[str, set[object]] = {}
    absent: set[str] = set()
    present: set[str] = set()
    for leaf in conj:
        field = leaf.field
        if isinstance(leaf, KindIs):
            (absent if leaf.kind is None else present).add(field)
            continue
        if isinstance(leaf, KindIsNot):
            if leaf.kind is None:
                present.add(field)
            continue
        present.add(field)
        if leaf.kind == "num":
            rng = ranges.get(field)
            if rng is None:
                rng = ranges[field] = _Range()
                spec = catalogue.fields.get(field)
                if spec is not None and spec.minimum is not None:
                    rng.clip("gte", spec.minimum)
                if spec is not None and spec.maximum is not None:
                    rng.clip("lte", spec.maximum)
            if leaf.op != "neq":
                rng.clip(leaf.op, float(leaf.value))
            if rng.empty():
                return f"no value of {field} meets all its bounds"
        if leaf.op == "eq":
            if field in equal and equal[field] != leaf.value:
                return f"{field} cannot equal both {equal[field]!r} and {leaf.value!r}"
            equal[field] = leaf.value
        elif leaf.op == "neq":
            unequal.setdefault(field, set()).add(leaf.value)
        if field in equal and equal[field] in unequal.get(field, ()):
            return f"{field} cannot both equal and differ from {equal[field]!r}"
    both = absent & present
    if both:
        return f"{sorted(both)[0]} cannot be both missing and present"
    return None


def _can_fire_on_pre_send(rule: CompiledRule, catalogue: FieldCatalogue) -> bool:
    pre_send = Compare("event.kind", "eq", "pre_send", "str")
    return any(unsatisfiable((*conj, pre_send), catalogue) is None for conj in rule.conjuncts)


def lint_ruleset(
    compiled: CompiledRuleset,
    model: RulesetFile,
    *,
    parsed: ParsedYaml | None = None,
    catalogue: FieldCatalogue | None = None,
) -> list[Problem]:
    """Every warning for a loaded ruleset; ``parsed`` lets template warnings name lines."""
    catalogue = catalogue or fact_catalogue()

    def template_line(tid: str) -> int | None:
        return None if parsed is None else parsed.line_of(("templates", tid))

    path = compiled.source
    out: list[Problem] = []
    by_file_order = sorted(compiled.rules, key=lambda r: r.index)
    seen_conditions: dict[frozenset[Conjunct], CompiledRule] = {}
    for rule in by_file_order:

        def warn(message: str, rule: CompiledRule = rule, field: str | None = None) -> None:
            out.append(Problem(message, path=path, line=rule.line, rule_id=rule.id, field=field))

        reasons = [unsatisfiable(conj, catalogue) for conj in rule.conjuncts]
        if all(reasons):
            why = next((r for r in reasons if r), "its condition is always false")
            warn(f"can never match: {why}", field="when")
            continue
        key = frozenset(rule.conjuncts)
        earlier = seen_conditions.get(key)
        if earlier is not None:
            warn(
                f"has the same condition as rule {earlier.id!r}: "
                "it fires exactly when that one does"
            )
        else:
            seen_conditions[key] = rule
        if any(isinstance(s, HoldSpec) for s in rule.outcomes) and not _can_fire_on_pre_send(
            rule, catalogue
        ):
            warn(
                "holds apply to pre_send events only, and this rule never fires on one",
                field="then",
            )
    for i, rule_model in enumerate(model.rules):
        for node, _loc, _depth in iter_conditions(rule_model.when, ("rules", i, "when")):
            if isinstance(node, FieldTest) and node.exists is not None:
                spec = catalogue.fields.get(node.field)
                if spec is not None and not spec.optional:
                    rule = compiled.rule(rule_model.id)
                    out.append(
                        Problem(
                            f"{node.field} is always present: `exists: {str(node.exists).lower()}`"
                            f" is always {'true' if node.exists else 'false'}",
                            path=path,
                            line=rule.line,
                            rule_id=rule.id,
                            field="when",
                        )
                    )
    used = {
        s.template
        for rule in compiled.rules
        for s in rule.outcomes
        if isinstance(s, NudgeSpec | HoldSpec)
    }
    locales = compiled.locales
    for tid, texts in compiled.templates.items():
        if tid not in used:
            out.append(
                Problem(
                    f"template {tid!r} is never used",
                    path=path,
                    line=template_line(tid),
                    field=f"templates.{tid}",
                )
            )
        missing = sorted(locales - set(texts))
        if missing:
            out.append(
                Problem(
                    f"template {tid!r} has no text in {', '.join(missing)} "
                    f"(falls back to {compiled.default_locale})",
                    path=path,
                    line=template_line(tid),
                    field=f"templates.{tid}",
                )
            )
    conjuncts = sum(len(rule.conjuncts) for rule in compiled.rules)
    if conjuncts > CHUNK:
        passes = -(-conjuncts // CHUNK)
        out.append(
            Problem(
                f"the rules expand to {conjuncts} alternatives: durable-rules runs them in "
                f"{passes} passes per message (each adds to the latency); split `any` lists "
                "or merge rules to stay within one pass",
                path=path,
            )
        )
    return out
