"""Build the flat fact a ruleset matches, from the models of one event.

``build_fact`` sits on the engine's hot path, once per message, so it follows a
plan computed once from the field catalogue (``rules.fields``): for each
model object, the attributes to read and the name lists to test membership in.
No ``model_dump``, no per-call introspection. The fact holds analysis labels,
scores and counts only; message text never enters it.

``fact_builder(fields)`` builds the same fact restricted to ``fields`` (those a
ruleset's conditions and templates read): the engine builds that one per
message, so a ruleset that reads 20 of the catalogue's 50 fields pays for 20.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any, Literal, TypeAlias

from pydantic import BaseModel

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.snapshot import ConversationSnapshot, ConversationView
from intimacy_rules.engine.events import EventContext
from intimacy_rules.rules.fields import (
    ATTRIBUTES_PREFIX,
    FieldCatalogue,
    fact_catalogue,
)

__all__ = ["Fact", "FactBuilder", "FactValue", "build_fact", "fact_builder", "fact_plan"]

FactValue: TypeAlias = bool | int | float | str
Fact: TypeAlias = Mapping[str, FactValue]
"""A flat mapping of dotted field names to scalars; optional fields may be absent."""

_SOURCES = ("message", "conversation", "context")


@dataclass(frozen=True, slots=True)
class _Plan:
    required: tuple[tuple[int, tuple[str, ...], Callable[[Any], tuple[Any, ...]]], ...]
    """per source object: (source index, fact keys, one C-level read of their values)"""
    optional: tuple[tuple[int, str, Callable[[Any], Any]], ...]
    """(source index, fact key, read): left out of the fact when the value is None"""
    members: tuple[tuple[int, Callable[[Any], Any], dict[str, str]], ...]
    """(source index, read of a tuple of names, name -> its boolean's fact key)"""
    defaults: dict[str, FactValue]
    """every name-list boolean, False: copied once per fact, then the present set True"""
    attributes: frozenset[str] | None = None
    """the host attributes to copy (their names), or None for all of them"""
    kind: bool = True
    """whether the fact holds ``event.kind``"""


_ROOTS: tuple[type[BaseModel], ...] = (MessageAnalysis, ConversationSnapshot, EventContext)


def _reader(paths: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(paths) == 1:
        one = attrgetter(paths[0])
        return lambda obj: (one(obj),)
    return attrgetter(*paths)


def _model_of(root: type[BaseModel], prefix: tuple[str, ...]) -> type[BaseModel] | None:
    """The model class at ``prefix`` below ``root``, if every step is a model field."""
    cls = root
    for name in prefix:
        info = cls.model_fields.get(name)
        annotation = None if info is None else info.annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        cls = annotation
    return cls


def _dict_reader(prefix: tuple[str, ...], names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """Read model fields from the instances' ``__dict__``, where pydantic keeps them.

    An attribute read on a model goes through ``BaseModel.__getattr__``'s
    slow hook; one ``__dict__`` per object and one C-level ``itemgetter``
    read all of its fields at once.
    """
    pick: Callable[[dict[str, Any]], tuple[Any, ...]]
    if len(names) == 1:
        only = names[0]

        def pick(values: dict[str, Any]) -> tuple[Any, ...]:
            return (values[only],)

    else:
        pick = itemgetter(*names)
    if not prefix:
        return lambda obj: pick(obj.__dict__)
    if len(prefix) == 1:
        step = prefix[0]
        return lambda obj: pick(obj.__dict__[step].__dict__)

    def read(obj: Any) -> tuple[Any, ...]:
        for name in prefix:
            obj = obj.__dict__[name]
        return pick(obj.__dict__)

    return read


@cache
def fact_plan(
    catalogue: FieldCatalogue | None = None, fields: frozenset[str] | None = None
) -> _Plan:
    """The reading plan for ``build_fact``: a few C-level reads per source object.

    ``fields`` restricts the plan to those fact fields (None: every field).
    """
    catalogue = catalogue or fact_catalogue()
    required: dict[int, tuple[list[str], list[str]]] = {}
    # (source, path to a model) -> (fact keys, field names): read from __dict__
    by_model: dict[tuple[int, tuple[str, ...]], tuple[list[str], list[str]]] = {}
    optional: list[tuple[int, str, Callable[[Any], Any]]] = []
    members: dict[tuple[int, str], dict[str, str]] = {}
    for spec in catalogue.fields.values():
        if spec.source not in _SOURCES:
            continue  # event.kind is an argument, not a model field
        if fields is not None and spec.name not in fields:
            continue
        source, path = _SOURCES.index(spec.source), ".".join(spec.path)
        if spec.member is not None:
            members.setdefault((source, path), {})[spec.member] = spec.name
        elif spec.optional:
            optional.append((source, spec.name, attrgetter(path)))
        else:
            prefix, leaf = spec.path[:-1], spec.path[-1]
            model = _model_of(_ROOTS[source], prefix)
            if model is not None and leaf in model.model_fields:
                keys, names = by_model.setdefault((source, prefix), ([], []))
                keys.append(spec.name)
                names.append(leaf)
            else:  # a property (message.unsafe): read as an attribute
                keys, paths = required.setdefault(source, ([], []))
                keys.append(spec.name)
                paths.append(path)
    return _Plan(
        required=(
            *(
                (source, tuple(keys), _dict_reader(prefix, names))
                for (source, prefix), (keys, names) in by_model.items()
            ),
            *((source, tuple(keys), _reader(paths)) for source, (keys, paths) in required.items()),
        ),
        optional=tuple(optional),
        members=tuple((source, attrgetter(path), by) for (source, path), by in members.items()),
        defaults={key: False for by in members.values() for key in by.values()},
        attributes=None
        if fields is None
        else frozenset(
            name[len(ATTRIBUTES_PREFIX) :] for name in fields if name.startswith(ATTRIBUTES_PREFIX)
        ),
        kind=fields is None or "event.kind" in fields,
    )


def _build(
    plan: _Plan,
    analysis: MessageAnalysis,
    conversation: ConversationSnapshot | ConversationView,
    context: EventContext,
    kind: str,
) -> dict[str, FactValue]:
    roots = (analysis, conversation, context)
    fact = plan.defaults.copy()
    for source, keys, read in plan.required:
        fact.update(zip(keys, read(roots[source])))  # noqa: B905 - same length by construction
    for source, key, get in plan.optional:
        value = get(roots[source])
        if value is not None:
            fact[key] = value
    wanted = plan.attributes
    if wanted is None:  # every field: a name the catalogue lacks is an error
        for source, get, by_name in plan.members:
            for name in get(roots[source]):
                fact[by_name[name]] = True
    else:  # some fields: a name the plan leaves out is skipped
        for source, get, by_name in plan.members:
            for name in get(roots[source]):
                named = by_name.get(name)
                if named is not None:
                    fact[named] = True
    if wanted is None:
        for name, value in context.attributes.items():
            fact[ATTRIBUTES_PREFIX + name] = value
    elif wanted:
        for name, value in context.attributes.items():
            if name in wanted:
                fact[ATTRIBUTES_PREFIX + name] = value
    if plan.kind:
        fact["event.kind"] = kind
    return fact


_Build = Callable[[MessageAnalysis, Any, EventContext, str], dict[str, FactValue]]


def _check_path(path: tuple[str, ...]) -> tuple[str, ...]:
    if not all(name.isidentifier() for name in path):  # model field names: always true
        raise ValueError(f"not a field path: {path!r}")
    return path


@cache
def _compiled_build(fields: frozenset[str]) -> _Build:
    """``_build`` with ``fact_plan(None, fields)`` unrolled into straight-line code.

    The generic ``_build`` loops over the plan's groups, calling a reader and
    zipping keys with values for each; the engine builds one fact per message,
    so for its builder the plan is written out once as the body of a function:
    each model's ``__dict__`` read once into a local, then one assignment per
    field, in the order ``_build`` fills them (the same keys, values and
    order: a test compares the two). Model fields are read from ``__dict__``
    as ``_dict_reader`` does, anything else (``message.unsafe``, a property)
    as an attribute. Only catalogue names (identifiers) reach the source;
    every other value is a constant of the function's namespace.
    """
    catalogue = fact_catalogue()
    plan = fact_plan(None, fields)
    roots = ("analysis", "conversation", "context")
    body = ["fact = DEFAULTS.copy()"]
    locals_: dict[tuple[int, tuple[str, ...]], str] = {}

    def values_of(source: int, prefix: tuple[str, ...]) -> str:
        """A local bound to the ``__dict__`` of the model at ``prefix`` (emitted once)."""
        name = locals_.get((source, prefix))
        if name is None:
            parent = f"{roots[source]}.__dict__" if not prefix else values_of(source, prefix[:-1])
            name = locals_[(source, prefix)] = f"d{len(locals_)}"
            body.append(
                f"{name} = {parent}"
                if not prefix
                else f"{name} = {parent}[{prefix[-1]!r}].__dict__"
            )
        return name

    def read(source: int, path: tuple[str, ...]) -> str:
        prefix, leaf = _check_path(path)[:-1], path[-1]
        model = _model_of(_ROOTS[source], prefix)
        if model is None or leaf not in model.model_fields:
            return ".".join((roots[source], *path))
        return f"{values_of(source, prefix)}[{leaf!r}]"

    by_model: dict[tuple[int, tuple[str, ...]], list[tuple[str, tuple[str, ...]]]] = {}
    properties: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    optional: list[tuple[int, str, tuple[str, ...]]] = []
    members: dict[tuple[int, tuple[str, ...]], dict[str, str]] = {}
    for spec in catalogue.fields.values():
        if spec.source not in _SOURCES or spec.name not in fields:
            continue
        source = _SOURCES.index(spec.source)
        if spec.member is not None:
            members.setdefault((source, spec.path), {})[spec.member] = spec.name
        elif spec.optional:
            optional.append((source, spec.name, spec.path))
        else:
            model = _model_of(_ROOTS[source], spec.path[:-1])
            if model is not None and spec.path[-1] in model.model_fields:
                by_model.setdefault((source, spec.path[:-1]), []).append((spec.name, spec.path))
            else:
                properties.setdefault(source, []).append((spec.name, spec.path))
    namespace: dict[str, Any] = {"DEFAULTS": plan.defaults, "WANTED": plan.attributes}
    for (source, _), entries in by_model.items():
        for name, path in entries:
            value = read(source, path)
            body.append(f"fact[{name!r}] = {value}")
    for source, entries in properties.items():
        for name, path in entries:
            value = read(source, path)
            body.append(f"fact[{name!r}] = {value}")
    for source, name, path in optional:
        value = read(source, path)
        body += [f"value = {value}", "if value is not None:", f"    fact[{name!r}] = value"]
    for n, ((source, path), by_name) in enumerate(members.items()):
        namespace[f"MEMBERS_{n}"] = by_name
        names = read(source, path)
        body += [
            f"for name in {names}:",
            f"    named = MEMBERS_{n}.get(name)",
            "    if named is not None:",
            "        fact[named] = True",
        ]
    if plan.attributes:
        body += [
            "for name, value in context.attributes.items():",
            "    if name in WANTED:",
            f"        fact[{ATTRIBUTES_PREFIX!r} + name] = value",
        ]
    if plan.kind:
        body.append("fact['event.kind'] = kind")
    body.append("return fact")
    source_code = "def build(analysis, conversation, context, kind):\n    " + "\n    ".join(body)
    namespace["__source__"] = source_code  # to read it in a debugger
    exec(compile(source_code, f"<fact builder of {len(fields)} fields>", "exec"), namespace)  # noqa: S102
    build: _Build = namespace["build"]
    return build


class FactBuilder:
    """``build_fact`` restricted to some fields: the same values, fewer keys.

    For every field it keeps, the fact it builds holds exactly what
    ``build_fact`` would (and lacks it exactly when ``build_fact``'s would).
    """

    __slots__ = ("_build", "_plan", "fields")

    def __init__(self, fields: frozenset[str]) -> None:
        self.fields = fields
        self._plan = fact_plan(None, fields)
        self._build = _compiled_build(fields)

    def __call__(
        self,
        analysis: MessageAnalysis,
        conversation: ConversationSnapshot | ConversationView,
        context: EventContext,
        *,
        kind: Literal["message", "pre_send"] | str,
    ) -> dict[str, FactValue]:
        """The fact for one event, holding only ``fields``."""
        return self._build(analysis, conversation, context, kind)


def fact_builder(fields: Iterable[str]) -> FactBuilder:
    """A builder of facts that hold only ``fields`` (catalogue names, attributes)."""
    return FactBuilder(frozenset(fields))


def build_fact(
    analysis: MessageAnalysis,
    conversation: ConversationSnapshot | ConversationView,
    context: EventContext,
    *,
    kind: Literal["message", "pre_send"] | str,
) -> dict[str, FactValue]:
    """The fact for one event: ``message.*``, ``conversation.*``, ``speaker.*``,
    ``partner.*``, ``context.*`` (with ``context.attributes.<name>``) and
    ``event.kind``. Fields whose value is None are left out.
    """
    return _build(fact_plan(), analysis, conversation, context, kind)
