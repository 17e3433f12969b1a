"""The catalogue of fact fields a ruleset may read, derived from the pydantic models.

The fact a rule matches is flat: ``message.level``, ``message.flags.advice``,
``conversation.scores.safety``, ``speaker.max_level``, ``context.locale``,
``event.kind``… Every name, its type and its bounds come from the models that
carry the values (``MessageAnalysis``, ``ConversationSnapshot``,
``SpeakerSnapshot``, ``EventContext``), walked here once. The JSON Schema, the
validator's "did you mean", the lint and the fact builder all read this one
catalogue, so they cannot disagree, and a field added to a model becomes
readable by rulesets without touching this package.

How a model field becomes fact fields:

- a scalar (bool, int, float, str, a ``Literal``) becomes one field of that
  type; ``X | None`` becomes an *optional* field, absent from the fact when None;
- a nested model becomes ``<field>.<subfield>`` fields;
- a tuple of ``Literal`` names (flags, safety categories, patterns) becomes one
  boolean per name: ``message.flags.advice``;
- ``conversation.speaker`` / ``conversation.partner`` are lifted to their own
  namespaces ``speaker.*`` and ``partner.*``;
- ``context.attributes`` is open: ``context.attributes.<name>`` (optional; a
  string, number or boolean the host supplies).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.snapshot import ConversationSnapshot, SpeakerSnapshot
from intimacy_rules.engine.events import EventContext, EventKind

__all__ = [
    "ATTRIBUTES_PREFIX",
    "FieldCatalogue",
    "FieldSpec",
    "FieldType",
    "fact_catalogue",
]

FieldType = Literal["bool", "int", "float", "str"]

#: Host-supplied attributes are open-ended: any name under this prefix.
ATTRIBUTES_PREFIX = "context.attributes."
_ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")

# Nested models that get their own namespace instead of a conversation.* prefix.
_LIFTED = {"speaker": "speaker", "partner": "partner"}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One readable fact field: its dotted name, type and what it holds."""

    name: str
    type: FieldType
    description: str = ""
    optional: bool = False
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    #: where the value comes from: (source object, path of attributes / a label)
    source: str = ""
    path: tuple[str, ...] = field(default=())
    #: set for the booleans derived from a tuple of names: the name tested for
    member: str | None = None

    @property
    def numeric(self) -> bool:
        """Whether the field compares with lt/lte/gt/gte."""
        return self.type in ("int", "float")


@dataclass(frozen=True, slots=True)
class FieldCatalogue:
    """All readable fields by name, plus the open ``context.attributes.*`` family."""

    fields: dict[str, FieldSpec]

    def lookup(self, name: str) -> FieldSpec | None:
        """The spec of ``name``; an attribute gets an open, optional spec."""
        spec = self.fields.get(name)
        if spec is not None:
            return spec
        if name.startswith(ATTRIBUTES_PREFIX) and _ATTRIBUTE_NAME.match(
            name[len(ATTRIBUTES_PREFIX) :]
        ):
            return FieldSpec(
                name=name,
                type="str",
                description="a host-supplied attribute",
                optional=True,
                source="attribute",
                path=(name[len(ATTRIBUTES_PREFIX) :],),
            )
        return None

    def is_attribute(self, name: str) -> bool:
        """Whether ``name`` is a host attribute (its type is known only at run time)."""
        return name not in self.fields and self.lookup(name) is not None

    def suggest(self, name: str) -> str | None:
        """The closest known field name, for a "did you mean"."""
        candidates = [*self.fields, ATTRIBUTES_PREFIX + "<name>"]
        found = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
        if found:
            return found[0]
        # A bare flag or pattern name under the wrong namespace: message.advice.
        tail = name.rsplit(".", 1)[-1]
        for known in self.fields:
            if known.rsplit(".", 1)[-1] == tail:
                return known
        return None

    def boolean_names(self) -> tuple[str, ...]:
        """The boolean fields: the names a bare-string condition may use."""
        return tuple(n for n, s in self.fields.items() if s.type == "bool")


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) != len(get_args(annotation))
    return annotation, False


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    low = high = None
    for item in metadata:
        if isinstance(item, Ge):
            low = float(item.ge)  # type: ignore[arg-type]
        elif isinstance(item, Le):
            high = float(item.le)  # type: ignore[arg-type]
    return low, high


def _walk(
    model: type[BaseModel], prefix: str, source: str, path: tuple[str, ...]
) -> list[FieldSpec]:
    out: list[FieldSpec] = []
    for attr, info in model.model_fields.items():
        name = f"{prefix}.{attr}"
        annotation, optional = _strip_optional(info.annotation)
        description = info.description or ""
        if source == "conversation" and not path and attr in _LIFTED:
            continue  # speaker.* and partner.* have their own namespaces
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_walk(annotation, name, source, (*path, attr)))
            continue
        origin = get_origin(annotation)
        if origin is tuple:
            member = get_args(annotation)[0]
            if get_origin(member) is Literal:
                for label in get_args(member):
                    out.append(
                        FieldSpec(
                            name=f"{name}.{label}",
                            type="bool",
                            description=f"whether {attr} include {label}",
                            source=source,
                            path=(*path, attr),
                            member=str(label),
                        )
                    )
            continue  # tuples of models (evidence) are not facts
        if origin is Literal:
            out.append(
                FieldSpec(
                    name=name,
                    type="str",
                    description=description,
                    optional=optional,
                    choices=tuple(str(a) for a in get_args(annotation)),
                    source=source,
                    path=(*path, attr),
                )
            )
            continue
        scalar: dict[Any, FieldType] = {bool: "bool", int: "int", float: "float", str: "str"}
        if annotation in scalar:
            low, high = _bounds(info.metadata)
            out.append(
                FieldSpec(
                    name=name,
                    type=scalar[annotation],
                    description=description,
                    optional=optional,
                    minimum=low,
                    maximum=high,
                    source=source,
                    path=(*path, attr),
                )
            )
        # dicts (attributes) and anything else are not plain facts
    return out


@cache
def fact_catalogue() -> FieldCatalogue:
    """The catalogue of readable fields, built once from the models."""
    specs: list[FieldSpec] = []
    specs.extend(_walk(MessageAnalysis, "message", "message", ()))
    specs.append(
        FieldSpec(
            name="message.unsafe",
            type="bool",
            description="whether the message has any safety category",
            source="message",
            path=("unsafe",),
        )
    )
    specs.extend(_walk(ConversationSnapshot, "conversation", "conversation", ()))
    for namespace in _LIFTED.values():
        specs.extend(_walk(SpeakerSnapshot, namespace, "conversation", (namespace,)))
    specs.extend(_walk(EventContext, "context", "context", ()))
    specs.append(
        FieldSpec(
            name="event.kind",
            type="str",
            description="message (sent) or pre_send (about to be sent)",
            choices=tuple(str(a) for a in typing.get_args(EventKind)),
            source="event",
            path=("kind",),
        )
    )
    return FieldCatalogue({spec.name: spec for spec in specs})
