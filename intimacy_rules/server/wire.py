"""The HTTP API's own request and response models (the engine's live in ``engine``).

Requests are parsed straight from the body bytes with ``model_validate_json``
(one pass, no intermediate dict), so validation errors are turned into the
API's problem format here, without ever echoing the input: a rejected body may
carry message text, and error replies end up in host logs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter, ValidationError

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.storage.outbox import DeadLetter

__all__ = [
    "DeadLetterList",
    "DecisionBatch",
    "EventBatch",
    "FieldProblem",
    "Problem",
    "RulesetDocument",
    "RulesetInfo",
    "RulesetList",
    "RulesetProblems",
    "parse_events",
    "problems_of",
]

#: The schema's ceiling on a batch; the configured ``max_batch`` may be lower.
BATCH_CEILING = 1000


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventBatch(_Model):
    """Several events in one request, decided in order."""

    events: tuple[Event, ...] = Field(min_length=1, max_length=BATCH_CEILING)


class DecisionBatch(_Model):
    """The decisions for a batch, in the order of its events."""

    decisions: tuple[Decision, ...]
    replayed: tuple[str, ...] = Field(
        default=(), description="ids of events that had been decided before (retries)"
    )


class FieldProblem(_Model):
    """One thing wrong with a request: where, and why."""

    field: str = Field(description="dotted path into the body, e.g. 'events.0.sent_at'")
    reason: str


class Problem(_Model):
    """An error reply, in the shape of RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    errors: tuple[FieldProblem, ...] = ()


class RulesetInfo(_Model):
    """A ruleset the server runs: its name, version, revision and source."""

    name: str
    version: str
    revision: str
    source: str = Field(description="'builtin', 'file' or 'upload'")
    tenants: tuple[str, ...] = Field(default=(), description="tenants that run it")


class RulesetList(_Model):
    """Every ruleset the server knows."""

    rulesets: tuple[RulesetInfo, ...]


class RulesetDocument(_Model):
    """A ruleset's YAML with what the server knows of it."""

    info: RulesetInfo
    yaml: str


class DeadLetterList(_Model):
    """A tenant's dead letters, newest failure first."""

    dead: tuple[DeadLetter, ...]


class RulesetProblems(_Model):
    """The result of validating a ruleset: empty ``problems`` means it loads."""

    valid: bool
    problems: tuple[FieldProblem, ...] = ()
    revision: str | None = None


def _kind(value: Any) -> Literal["event", "batch"]:
    return "batch" if isinstance(value, dict) and "events" in value else "event"


_EVENTS: TypeAdapter[Event | EventBatch] = TypeAdapter(
    Annotated[
        Annotated[Event, Tag("event")] | Annotated[EventBatch, Tag("batch")],
        Discriminator(_kind),
    ]
)


def events_schema(ref_template: str) -> dict[str, Any]:
    """The JSON schema of the ``POST /v1/events`` body (one event or a batch)."""
    return _EVENTS.json_schema(ref_template=ref_template)


def parse_events(body: bytes) -> Event | EventBatch:
    """Parse a request body as one event or a batch; raises ``ValidationError``."""
    return _EVENTS.validate_json(body)


def parse_event(body: bytes) -> Event:
    """Parse a request body as exactly one event; raises ``ValidationError``."""
    return Event.model_validate_json(body)


def problems_of(exc: ValidationError) -> tuple[FieldProblem, ...]:
    """The field and reason of each validation error, without the input values."""
    found = []
    for error in exc.errors(include_input=False, include_url=False, include_context=False):
        loc = list(error["loc"])
        if loc and loc[0] in {"event", "batch"}:
            loc = loc[1:]  # the union's tag is ours, not a field of the body
        field = ".".join(str(part) for part in loc) or "body"
        found.append(FieldProblem(field=field, reason=error["msg"]))
    return tuple(found[:20])
