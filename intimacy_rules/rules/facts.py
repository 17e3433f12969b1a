"""Build the flat fact a ruleset matches, from the models of one event.

``build_fact`` sits on the engine's hot path, once per message, so it follows a
plan computed once from the field catalogue (``rules.fields``): for each
model object, the attributes to read and the name lists to test membership in.
No ``model_dump``, no per-call introspection. The fact holds analysis labels,
scores and counts only; message text never enters it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any, Literal, TypeAlias

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.snapshot import ConversationSnapshot
from intimacy_rules.engine.events import EventContext
from intimacy_rules.rules.fields import (
    ATTRIBUTES_PREFIX,
    FieldCatalogue,
    fact_catalogue,
)

__all__ = ["Fact", "FactValue", "build_fact", "fact_plan"]

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


def _reader(paths: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(paths) == 1:
        one = attrgetter(paths[0])
        return lambda obj: (one(obj),)
    return attrgetter(*paths)


@cache
def fact_plan(catalogue: FieldCatalogue | None = None) -> _Plan:
    """The reading plan for ``build_fact``: a few C-level reads per source object."""
    catalogue = catalogue or fact_catalogue()
    required: dict[int, tuple[list[str], list[str]]] = {}
    optional: list[tuple[int, str, Callable[[Any], Any]]] = []
    members: dict[tuple[int, str], dict[str, str]] = {}
    for spec in catalogue.fields.values():
        if spec.source not in _SOURCES:
            continue  # event.kind is an argument, not a model field
        source, path = _SOURCES.index(spec.source), ".".join(spec.path)
        if spec.member is not None:
            members.setdefault((source, path), {})[spec.member] = spec.name
        elif spec.optional:
            optional.append((source, spec.name, attrgetter(path)))
        else:
            keys, paths = required.setdefault(source, ([], []))
            keys.append(spec.name)
            paths.append(path)
    return _Plan(
        required=tuple(
            (source, tuple(keys), _reader(paths)) for source, (keys, paths) in required.items()
        ),
        optional=tuple(optional),
        members=tuple((source, attrgetter(path), by) for (source, path), by in members.items()),
        defaults={key: False for by in members.values() for key in by.values()},
    )


def build_fact(
    analysis: MessageAnalysis,
    conversation: ConversationSnapshot,
    context: EventContext,
    *,
    kind: Literal["message", "pre_send"] | str,
) -> dict[str, FactValue]:
    """The fact for one event: ``message.*``, ``conversation.*``, ``speaker.*``,
    ``partner.*``, ``context.*`` (with ``context.attributes.<name>``) and
    ``event.kind``. Fields whose value is None are left out.
    """
    roots = (analysis, conversation, context)
    plan = fact_plan()
    fact = plan.defaults.copy()
    for source, keys, read in plan.required:
        fact.update(zip(keys, read(roots[source])))  # noqa: B905 - same length by construction
    for source, key, get in plan.optional:
        value = get(roots[source])
        if value is not None:
            fact[key] = value
    for source, get, by_name in plan.members:
        for name in get(roots[source]):
            fact[by_name[name]] = True
    for name, value in context.attributes.items():
        fact[ATTRIBUTES_PREFIX + name] = value
    fact["event.kind"] = kind
    return fact
