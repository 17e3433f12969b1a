"""The ruleset language as pydantic models: what a ruleset YAML file may say.

A file has three top-level keys::

    ruleset:   {name, version, platform, description, default_locale}
    templates: {template_id: {locale: text}}            # optional
    rules:     [{id, description, priority, when, then}]

``when`` is a condition tree (``Condition``): ``all:`` / ``any:`` lists, a
``not:``, a leaf test ``{field: message.level, gte: 3}``, or the bare name of
a boolean field (``message.flags.advice``) meaning "is true". ``then`` is a
list of one-key outcome entries (``signal``, ``nudge``, ``hold``,
``escalate``, ``score``). These models check the *shape*; field names, value
types and template references are checked against the fact catalogue by
``rules.validate``, which knows each problem's line.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    field_validator,
    model_validator,
)

from intimacy_rules.conversation.vocabulary import Criterion

__all__ = [
    "MAX_IN_VALUES",
    "OPERATORS",
    "AllCondition",
    "AnyCondition",
    "Condition",
    "EscalateSpec",
    "FieldTest",
    "HoldSpec",
    "NotCondition",
    "NudgeSpec",
    "OutcomeSpec",
    "Rule",
    "RulesetFile",
    "RulesetHeader",
    "ScoreSpec",
    "SignalSpec",
    "ThenEntry",
]

#: The longest list an ``in`` / ``not_in`` test may hold.
MAX_IN_VALUES = 64

_NAME = r"^[A-Za-z][A-Za-z0-9_.-]{0,79}$"
_FIELD = r"^[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$"

Scalar = StrictBool | StrictInt | StrictFloat | StrictStr
Number = StrictInt | StrictFloat

#: The comparison operators of a leaf test, in the order they are documented.
OPERATORS: tuple[str, ...] = (
    "equals",
    "not_equals",
    "lt",
    "lte",
    "gt",
    "gte",
    "in",
    "not_in",
    "exists",
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class FieldTest(_Model):
    """A leaf test on one fact field; several operators in one test must all hold.

    ``{field: message.level, gte: 2, lt: 4}`` reads "level is 2 or 3". A test on
    a field the fact does not carry (an unknown ``match_age_hours``, an absent
    host attribute) is false, except ``exists: false``.
    """

    field: Annotated[str, Field(pattern=_FIELD, description="a fact field, e.g. message.level")]
    equals: Scalar | None = Field(default=None, description="field == value")
    not_equals: Scalar | None = Field(default=None, description="field != value")
    lt: Number | None = Field(default=None, description="field < value")
    lte: Number | None = Field(default=None, description="field <= value")
    gt: Number | None = Field(default=None, description="field > value")
    gte: Number | None = Field(default=None, description="field >= value")
    in_: list[Scalar] | None = Field(
        default=None,
        alias="in",
        min_length=1,
        max_length=MAX_IN_VALUES,
        description="field is one of these values",
    )
    not_in: list[Scalar] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_IN_VALUES,
        description="field is none of these values",
    )
    exists: StrictBool | None = Field(
        default=None, description="true: the fact carries the field; false: it does not"
    )

    @model_validator(mode="after")
    def _one_operator_at_least(self) -> FieldTest:
        given = self.operators()
        if not given:
            raise ValueError(f"a test needs an operator: one of {', '.join(OPERATORS)}")
        for name, value in given:
            if value is None:
                raise ValueError(f"{name}: null is not a value to compare with")
        return self

    def operators(self) -> tuple[tuple[str, Any], ...]:
        """The operators this test uses, as (name, value) in documented order."""
        out: list[tuple[str, Any]] = []
        for name in OPERATORS:
            attr = "in_" if name == "in" else name
            if attr in self.model_fields_set:
                value = getattr(self, attr)
                out.append((name, tuple(value) if isinstance(value, list) else value))
        return tuple(out)


class AllCondition(_Model):
    """True when every condition in the list is true."""

    all: list[Condition] = Field(min_length=1, max_length=64)


class AnyCondition(_Model):
    """True when at least one condition in the list is true."""

    any: list[Condition] = Field(min_length=1, max_length=64)


class NotCondition(_Model):
    """True when the condition is false."""

    not_: Condition = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    # A callable discriminator picks the one branch a node means, so a mistake
    # is reported once against that branch instead of once per union member.
    if isinstance(value, str):
        return "name"
    if isinstance(value, BaseModel):
        return {
            AllCondition: "all",
            AnyCondition: "any",
            NotCondition: "not",
            FieldTest: "test",
        }.get(type(value))
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "test"
    return None


BooleanFieldName = Annotated[
    str,
    Field(pattern=_FIELD, description="the name of a boolean fact field: true when it is true"),
]

Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[FieldTest, Tag("test")]
    | Annotated[BooleanFieldName, Tag("name")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a field name, a test {field: ..., <operator>: ...}, "
            "or one of all: / any: / not:"
        ),
    ),
]


class SignalSpec(_Model):
    """Emit a named observation for the host's analytics."""

    name: str = Field(pattern=_NAME, description="the signal's name, e.g. love_bombing_early")


class NudgeSpec(_Model):
    """Send a short, kind suggestion to one side of the conversation."""

    to: Literal["sender", "recipients", "partner"] = Field(
        description="sender, or recipients (partner is the same as recipients)"
    )
    template: str = Field(pattern=_NAME, description="a template id from `templates`")


class HoldSpec(_Model):
    """Before a message is sent (pre_send events only): ask the sender to confirm."""

    template: str = Field(pattern=_NAME, description="a template id from `templates`")
    reason: str = Field(pattern=_NAME, description="a short machine-readable reason")


class EscalateSpec(_Model):
    """Route the conversation to a human, with the reason."""

    reason: str = Field(pattern=_NAME, description="a short machine-readable reason")
    urgency: Literal["normal", "urgent"] = "normal"


class ScoreSpec(_Model):
    """Adjust one criterion's score by ``delta`` in this decision."""

    criterion: Criterion
    delta: float = Field(ge=-1.0, le=1.0, allow_inf_nan=False)


OutcomeSpec = SignalSpec | NudgeSpec | HoldSpec | EscalateSpec | ScoreSpec


class ThenEntry(_Model):
    """One outcome of a rule: exactly one of the keys."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={"minProperties": 1, "maxProperties": 1},
    )

    signal: SignalSpec | None = None
    nudge: NudgeSpec | None = None
    hold: HoldSpec | None = None
    escalate: EscalateSpec | None = None
    score: ScoreSpec | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> ThenEntry:
        given = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "each `then` entry has exactly one of signal, nudge, hold, escalate, score"
                + (f" (found {', '.join(given)})" if given else "")
            )
        return self

    @property
    def spec(self) -> OutcomeSpec:
        """The one outcome this entry holds."""
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is not None:
                return value  # type: ignore[no-any-return]
        raise AssertionError("validated ThenEntry has no outcome")  # pragma: no cover


class Rule(_Model):
    """One rule: when its condition holds for a message, its outcomes are produced."""

    id: str = Field(pattern=_NAME, description="unique within the ruleset")
    description: str = Field(
        min_length=1, max_length=500, description="what it does and which criterion it serves"
    )
    priority: int = Field(
        default=100, ge=0, le=10_000, description="lower runs first; ties keep file order"
    )
    when: Condition
    then: list[ThenEntry] = Field(min_length=1, max_length=16)


class RulesetHeader(_Model):
    """The ruleset's identity."""

    name: str = Field(pattern=_NAME)
    version: StrictInt | StrictStr = Field(description="bumped by the operator on each change")
    platform: Literal["dating", "counseling", "any"]
    description: str = Field(default="", max_length=2000)
    default_locale: str = Field(
        default="en",
        pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$",
        description="the locale used when a template has no text in the event's locale",
    )

    @field_validator("version")
    @classmethod
    def _version_is_short(cls, value: int | str) -> int | str:
        if isinstance(value, str) and not (0 < len(value) <= 40):
            raise ValueError("version is 1 to 40 characters")
        if isinstance(value, int) and value < 0:
            raise ValueError("version is not negative")
        return value


class RulesetFile(_Model):
    """A whole ruleset file, as written by an operator."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        title="intimacy-rules ruleset",
    )

    ruleset: RulesetHeader
    templates: dict[
        Annotated[str, Field(pattern=_NAME)],
        dict[
            Annotated[str, Field(pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")],
            Annotated[str, Field(min_length=1, max_length=1000)],
        ],
    ] = Field(default_factory=dict, description="template id -> locale -> text")
    rules: list[Rule] = Field(min_length=1)


AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()
Rule.model_rebuild()
RulesetFile.model_rebuild()
