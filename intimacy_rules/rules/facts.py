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
    FieldSpec,
    fact_catalogue,
)

__all__ = ["Fact", "FactValue", "build_fact", "fact_plan"]

FactValue: TypeAlias = bool | int | float | str
Fact: TypeAlias = Mapping[str, FactValue]
"""A flat mapping of dotted field names to scalars; optional fields may be absent."""

_SOURCES = ("message", "conversation", "context")


@dataclass(frozen=True, slots=True)
class _Group:
    source: int
    """index into (analysis, conversation, context)"""
    parent: tuple[str, ...]
    """attributes leading from the source object to the object read"""
    keys: tuple[str, ...]
    """fact keys of the required scalars, in the order ``read`` returns them"""
    read: Callable[[Any], tuple[Any, ...]]
    """reads those scalars in one C-level call"""
    optional: tuple[tuple[str, str], ...]
    """(fact key, attribute) of scalars that may be None, left out when they are"""
    members: tuple[tuple[str, tuple[str, ...], dict[str, str]], ...]
    """(attribute holding a tuple of names, all its fact keys, name -> fact key)"""


def _reader(attrs: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if not attrs:
        return lambda obj: ()
    getter = attrgetter(*attrs)
    if len(attrs) == 1:
        return lambda obj: (getter(obj),)
    return getter


@cache
def fact_plan(catalogue: FieldCatalogue | None = None) -> tuple[_Group, ...]:
    """The reading plan for ``build_fact``, grouped by the object each field lives on."""
    catalogue = catalogue or fact_catalogue()
    groups: dict[tuple[int, tuple[str, ...]], tuple[list[FieldSpec], dict[str, list[FieldSpec]]]]
    groups = {}
    for spec in catalogue.fields.values():
        if spec.source not in _SOURCES:
            continue  # event.kind is an argument, not a model field
        source = _SOURCES.index(spec.source)
        scalars, members = groups.setdefault((source, spec.path[:-1]), ([], {}))
        if spec.member is not None:
            members.setdefault(spec.path[-1], []).append(spec)
        else:
            scalars.append(spec)
    plan = []
    for (source, parent), (scalars, members) in groups.items():
        required = [s for s in scalars if not s.optional]
        plan.append(
            _Group(
                source=source,
                parent=parent,
                keys=tuple(s.name for s in required),
                read=_reader([s.path[-1] for s in required]),
                optional=tuple((s.name, s.path[-1]) for s in scalars if s.optional),
                members=tuple(
                    (
                        attr,
                        tuple(s.name for s in specs),
                        {str(s.member): s.name for s in specs},
                    )
                    for attr, specs in members.items()
                ),
            )
        )
    return tuple(plan)


@cache
def _member_defaults() -> dict[str, FactValue]:
    # Every name-list boolean starts False; one C-level copy beats setting each.
    return {key: False for group in fact_plan() for _, keys, _ in group.members for key in keys}


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
    fact: dict[str, FactValue] = _member_defaults().copy()
    for group in fact_plan():
        obj: object = roots[group.source]
        for attr in group.parent:
            obj = getattr(obj, attr)
        # keys and read() come from the same list of specs, so lengths match
        fact.update(zip(group.keys, group.read(obj)))  # noqa: B905
        for key, attr in group.optional:
            value = getattr(obj, attr)
            if value is not None:
                fact[key] = value
        for attr, _keys, by_name in group.members:
            for name in getattr(obj, attr):
                fact[by_name[name]] = True
    for name, value in context.attributes.items():
        fact[ATTRIBUTES_PREFIX + name] = value
    fact["event.kind"] = kind
    return fact
