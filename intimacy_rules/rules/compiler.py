"""Compile a validated ``RulesetFile`` into a ``CompiledRuleset``.

The compiler runs after ``rules.validate`` has accepted the file, so every
field name, operator and template reference is known to be good here. It
normalises each ``when`` (negation pushed into total leaf tests, constants
folded with what the catalogue knows: a required boolean field is always
present and always a boolean), expands it to disjunctive normal form within
bounds, and works out the analysis labels a rule reads for the evidence.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence

from intimacy_rules.analysis.vocabulary import SAFETY_CATEGORIES
from intimacy_rules.errors import RulesetLimitError
from intimacy_rules.rules.compiled import (
    AndNode,
    Compare,
    CompareOp,
    CompiledRule,
    CompiledRuleset,
    CompiledTemplate,
    CondNode,
    Conjunct,
    KindIs,
    KindIsNot,
    Leaf,
    OrNode,
    ValueKind,
    leaf_holds,
    value_kind,
)
from intimacy_rules.rules.fields import FieldCatalogue, FieldSpec, fact_catalogue
from intimacy_rules.rules.models import (
    AllCondition,
    AnyCondition,
    Condition,
    FieldTest,
    NotCondition,
    RulesetFile,
)

__all__ = [
    "MAX_CONJUNCTS",
    "MAX_CONJUNCTS_PER_RULE",
    "MAX_RULES",
    "compile_condition",
    "compile_ruleset",
    "compile_template",
    "to_conjuncts",
]

#: At most this many rules in one ruleset.
MAX_RULES = 200
#: A rule's condition expands to at most this many alternatives (its DNF).
MAX_CONJUNCTS_PER_RULE = 64
#: All rules together expand to at most this many alternatives.
MAX_CONJUNCTS = 1024

TRUE: CondNode = AndNode(())
FALSE: CondNode = OrNode(())

_KIND_OF_TYPE: dict[str, ValueKind] = {"bool": "bool", "int": "num", "float": "num", "str": "str"}
_NEGATED_OP: dict[CompareOp, CompareOp] = {
    "eq": "neq",
    "neq": "eq",
    "lt": "gte",
    "gte": "lt",
    "gt": "lte",
    "lte": "gt",
}
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _and(children: Sequence[CondNode]) -> CondNode:
    flat: list[CondNode] = []
    for child in children:
        if child == FALSE:
            return FALSE
        if isinstance(child, AndNode):
            flat.extend(child.children)
        else:
            flat.append(child)
    return flat[0] if len(flat) == 1 else AndNode(tuple(flat))


def _or(children: Sequence[CondNode]) -> CondNode:
    flat: list[CondNode] = []
    for child in children:
        if child == TRUE:
            return TRUE
        if isinstance(child, OrNode):
            flat.extend(child.children)
        else:
            flat.append(child)
    return flat[0] if len(flat) == 1 else OrNode(tuple(flat))


def _fold(leaf: Leaf, spec: FieldSpec | None, attribute: bool) -> CondNode:
    """Replace a leaf by a constant when the catalogue decides it."""
    if spec is None or attribute:
        return leaf
    kind = _KIND_OF_TYPE[spec.type]
    if isinstance(leaf, Compare):
        return leaf if leaf.kind == kind else FALSE
    if isinstance(leaf, KindIs):
        if leaf.kind is None:
            return leaf if spec.optional else FALSE
        if leaf.kind != kind:
            return FALSE
        return KindIsNot(leaf.field, None) if spec.optional else TRUE
    if leaf.kind is None:
        return leaf if spec.optional else TRUE
    if leaf.kind != kind:
        return TRUE
    return KindIs(leaf.field, None) if spec.optional else FALSE


class _Builder:
    def __init__(self, catalogue: FieldCatalogue):
        self._catalogue = catalogue

    def leaf(self, leaf: Leaf) -> CondNode:
        spec = self._catalogue.lookup(leaf.field)
        return _fold(leaf, spec, self._catalogue.is_attribute(leaf.field))

    def compare(self, field: str, op: CompareOp, value: object, negate: bool) -> CondNode:
        kind = value_kind(value)
        if kind is None:  # pragma: no cover - the models accept finite scalars only
            return TRUE if negate else FALSE
        if not negate:
            return self.leaf(Compare(field, op, value, kind))  # type: ignore[arg-type]
        return _or(
            [
                self.leaf(KindIsNot(field, kind)),
                self.leaf(Compare(field, _NEGATED_OP[op], value, kind)),  # type: ignore[arg-type]
            ]
        )

    def one_of(self, field: str, values: Sequence[object], negate: bool) -> CondNode:
        if not negate:
            return _or([self.compare(field, "eq", v, negate=False) for v in values])
        # "none of these": per kind, either another kind or unequal to each value;
        # grouping by kind keeps the normal form linear in the list's length.
        by_kind: dict[ValueKind, list[object]] = {}
        for v in values:
            kind = value_kind(v)
            if kind is not None:
                by_kind.setdefault(kind, []).append(v)
        parts = []
        for kind, group in by_kind.items():
            unequal = _and([self.leaf(Compare(field, "neq", v, kind)) for v in group])  # type: ignore[arg-type]
            parts.append(_or([self.leaf(KindIsNot(field, kind)), unequal]))
        return _and(parts)

    def present(self, field: str, negate: bool) -> CondNode:
        return self.leaf(KindIs(field, None) if negate else KindIsNot(field, None))

    def test(self, test: FieldTest, negate: bool) -> CondNode:
        field = test.field
        parts: list[CondNode] = []
        for name, value in test.operators():
            if name == "exists":
                parts.append(self.present(field, negate=negate == bool(value)))
            elif name == "in":
                parts.append(self.one_of(field, value, negate))
            elif name == "not_in":
                # present, and none of the values; negated: missing, or one of them
                parts.append(
                    _or([self.present(field, True), self.one_of(field, value, False)])
                    if negate
                    else _and([self.present(field, False), self.one_of(field, value, True)])
                )
            elif name == "not_equals":
                parts.append(
                    _or([self.present(field, True), self.compare(field, "eq", value, False)])
                    if negate
                    else _and([self.present(field, False), self.compare(field, "eq", value, True)])
                )
            else:
                op: CompareOp = "eq" if name == "equals" else name  # type: ignore[assignment]
                parts.append(self.compare(field, op, value, negate))
        return _or(parts) if negate else _and(parts)

    def node(self, cond: Condition, negate: bool = False) -> CondNode:
        if isinstance(cond, str):
            return self.compare(cond, "eq", True, negate)
        if isinstance(cond, AllCondition):
            kids = [self.node(c, negate) for c in cond.all]
            return _or(kids) if negate else _and(kids)
        if isinstance(cond, AnyCondition):
            kids = [self.node(c, negate) for c in cond.any]
            return _and(kids) if negate else _or(kids)
        if isinstance(cond, NotCondition):
            return self.node(cond.not_, not negate)
        return self.test(cond, negate)


def compile_condition(cond: Condition, catalogue: FieldCatalogue | None = None) -> CondNode:
    """Normalise a ``when`` into a negation-free tree of total leaf tests."""
    return _Builder(catalogue or fact_catalogue()).node(cond)


def to_conjuncts(node: CondNode, *, limit: int = MAX_CONJUNCTS_PER_RULE) -> tuple[Conjunct, ...]:
    """The tree in disjunctive normal form; ``OverflowError`` beyond ``limit``."""
    if isinstance(node, OrNode):
        out: list[Conjunct] = []
        for child in node.children:
            out.extend(to_conjuncts(child, limit=limit))
            if len(out) > limit:
                raise OverflowError(len(out))
    elif isinstance(node, AndNode):
        out = [()]
        for child in node.children:
            alternatives = to_conjuncts(child, limit=limit)
            out = [a + b for a, b in itertools.product(out, alternatives)]
            if len(out) > limit:
                raise OverflowError(len(out))
    else:
        out = [(node,)]
    seen: dict[Conjunct, None] = {}
    for conj in out:
        seen.setdefault(tuple(dict.fromkeys(conj)), None)
    return tuple(seen)


def _evidence_labels(conjuncts: tuple[Conjunct, ...], catalogue: FieldCatalogue) -> frozenset[str]:
    labels: set[str] = set()
    for conj in conjuncts:
        level_leaves = [leaf for leaf in conj if leaf.field == "message.level"]
        if level_leaves:
            for n in range(5):
                if all(leaf_holds(leaf, {"message.level": n}) for leaf in level_leaves):
                    labels.add(f"level:{n}")
        for leaf in conj:
            spec = catalogue.fields.get(leaf.field)
            if spec is None or spec.source != "message":
                continue
            if spec.member is not None:
                labels.add(spec.member)
            elif spec.name == "message.unsafe":
                labels.update(SAFETY_CATEGORIES)
    return frozenset(labels)


def _fields(node: CondNode) -> set[str]:
    if isinstance(node, AndNode | OrNode):
        return set().union(*(_fields(c) for c in node.children)) if node.children else set()
    return {node.field}


def compile_template(text: str) -> CompiledTemplate:
    """Split a template into literal text and ``{field}`` placeholders.

    ``ValueError`` for a lone brace; field names are checked by the validator.
    """
    parts: list[tuple[str, str | None]] = []
    literal: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        literal.append(text[pos : m.start()])
        pos = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
        elif m.group(1) is None:
            raise ValueError(f"a lone {token!r}; write {token * 2!r} for a literal brace")
        else:
            parts.append(("".join(literal), m.group(1).strip()))
            literal = []
    literal.append(text[pos:])
    parts.append(("".join(literal), None))
    return CompiledTemplate(tuple(p for p in parts if p[0] or p[1] is not None))


def compile_ruleset(
    model: RulesetFile,
    *,
    content: bytes,
    source: str = "<ruleset>",
    lines: dict[str, int] | None = None,
    catalogue: FieldCatalogue | None = None,
) -> CompiledRuleset:
    """Compile a validated file. ``lines`` maps rule ids to their line numbers."""
    catalogue = catalogue or fact_catalogue()
    lines = lines or {}
    if len(model.rules) > MAX_RULES:
        raise RulesetLimitError(
            f"{source}: {len(model.rules)} rules; a ruleset holds at most {MAX_RULES}", path=source
        )
    builder = _Builder(catalogue)
    rules: list[CompiledRule] = []
    total = 0
    for index, rule in enumerate(model.rules):
        where = ":".join(str(p) for p in (source, lines.get(rule.id)) if p is not None)
        node = builder.node(rule.when)
        try:
            conjuncts = to_conjuncts(node)
        except OverflowError as exc:
            raise RulesetLimitError(
                f"{where}: rule {rule.id!r}: its condition expands to more than "
                f"{MAX_CONJUNCTS_PER_RULE} alternatives; split it into several rules",
                path=source,
            ) from exc
        total += len(conjuncts)
        rules.append(
            CompiledRule(
                id=rule.id,
                description=rule.description,
                priority=rule.priority,
                index=index,
                condition=node,
                conjuncts=conjuncts,
                outcomes=tuple(entry.spec for entry in rule.then),
                evidence_labels=_evidence_labels(conjuncts, catalogue),
                fields=frozenset(_fields(node)),
                line=lines.get(rule.id),
            )
        )
    if total > MAX_CONJUNCTS:
        raise RulesetLimitError(
            f"{source}: the rules expand to {total} alternatives; at most {MAX_CONJUNCTS} run",
            path=source,
        )
    rules.sort(key=lambda r: (r.priority, r.index))
    header = model.ruleset
    digest = hashlib.sha256(content).hexdigest()[:8]
    templates = {
        tid: {loc: compile_template(text) for loc, text in texts.items()}
        for tid, texts in model.templates.items()
    }
    return CompiledRuleset(
        name=header.name,
        version=str(header.version),
        revision=f"{header.version}@{digest}",
        platform=header.platform,
        description=header.description,
        default_locale=header.default_locale,
        rules=tuple(rules),
        templates=templates,
        source=source,
    )
