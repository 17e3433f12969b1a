"""Ruleset test files: conversation fixtures and the outcomes an operator expects.

A test file is YAML (see ``docs/ruleset-tests.md``)::

    ruleset: ../dating.yaml          # relative to this file
    cases:
      - name: a contemptuous draft is held before it is sent
        context: {platform: dating, match_age_hours: 3}
        participants: [ana, ben]
        messages:
          - {sender: ana, text: "How was your weekend?"}
          - {sender: ben, text: "...", kind: pre_send}
        expect:
          - after: 2                 # the 2nd message, counting from 1
            fires: [hold-unsafe-draft]
            not_fires: [checkin-recipient]
            outcomes: [{type: hold, to: ben}]

``load_test_file`` parses one file (``InputError`` with file and line when it
does not parse) and ``TestCase.events`` turns a case into the events a host
would send. ``engine.ruleset_runner.run_test_file`` plays them through a real
engine and checks the expectations.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from intimacy_rules.engine.events import Event, EventContext, EventKind
from intimacy_rules.errors import InputError

__all__ = [
    "FIXTURE_START",
    "ContextOverride",
    "Expectation",
    "MessageFixture",
    "OutcomePattern",
    "RulesetTestFile",
    "TestCase",
    "load_test_file",
]

#: Test files larger than this are refused before parsing (they are hand-written).
MAX_TEST_FILE_BYTES = 2_000_000
#: When a message gives no ``sent_at``, the n-th is sent n minutes after this.
FIXTURE_START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
_STEP = timedelta(minutes=1)

OutcomeType = Literal["signal", "nudge", "hold", "escalate", "score"]
# The fields of each resolved outcome (rules/outcomes.py) a pattern may test.
_OUTCOME_KEYS: dict[str, frozenset[str]] = {
    "signal": frozenset({"name"}),
    "nudge": frozenset({"to", "template", "locale"}),
    "hold": frozenset({"to", "reason", "locale"}),
    "escalate": frozenset({"reason", "urgency"}),
    "score": frozenset({"criterion"}),
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OutcomePattern(_Model):
    """Part of an outcome: every key given must equal the outcome's field.

    ``to`` names a participant of the fixture (the engine addresses nudges and
    holds with the host's ids, which here are the fixture's names).
    """

    type: OutcomeType
    name: str | None = None
    to: str | None = None
    template: str | None = None
    reason: str | None = None
    urgency: Literal["normal", "urgent"] | None = None
    criterion: str | None = None
    locale: str | None = None

    @model_validator(mode="after")
    def _keys_fit_the_type(self) -> OutcomePattern:
        # A key the outcome type does not have could never match: say so at
        # load time rather than fail the case with a puzzling message.
        allowed = _OUTCOME_KEYS[self.type]
        extra = sorted(set(self.model_dump(exclude_none=True)) - allowed - {"type"})
        if extra:
            raise ValueError(
                f"a {self.type} outcome has no {', '.join(extra)} "
                f"(it has: {', '.join(sorted(allowed))})"
            )
        return self

    def matches(self, outcome: BaseModel) -> bool:
        """Whether ``outcome`` has every field this pattern gives."""
        for key, wanted in self.model_dump(exclude_none=True).items():
            if getattr(outcome, key, None) != wanted:
                return False
        return True

    def describe(self) -> str:
        """The pattern as ``type(key=value, ...)`` for failure messages."""
        items = self.model_dump(exclude_none=True)
        kind = items.pop("type")
        return f"{kind}({', '.join(f'{k}={v}' for k, v in items.items())})"


class Expectation(_Model):
    """What must hold for the decision on message ``after`` (counted from 1)."""

    after: int = Field(ge=1, description="the message, counting from 1")
    fires: tuple[str, ...] = Field(default=(), description="rules that must fire")
    not_fires: tuple[str, ...] = Field(default=(), description="rules that must not fire")
    fires_only: tuple[str, ...] | None = Field(
        default=None, description="the exact set of rules that fire (empty: none)"
    )
    outcomes: tuple[OutcomePattern, ...] = Field(
        default=(), description="each must match at least one outcome of the decision"
    )
    no_outcomes: tuple[OutcomePattern, ...] = Field(
        default=(), description="none may match any outcome of the decision"
    )


class ContextOverride(_Model):
    """Context fields one message changes (e.g. a later ``match_age_hours``)."""

    platform: Literal["dating", "counseling"] | None = None
    match_age_hours: float | None = Field(default=None, ge=0)
    locale: str | None = Field(default=None, min_length=2, max_length=35)
    attributes: dict[str, str | int | float | bool] | None = Field(default=None, max_length=64)


class MessageFixture(_Model):
    """One message of a case; ``kind: pre_send`` is checked but not recorded."""

    sender: str = Field(min_length=1, max_length=200)
    text: str = Field(max_length=20_000)
    kind: EventKind = "message"
    sent_at: datetime | None = None
    recipients: tuple[str, ...] | None = Field(
        default=None, description="default: every other participant"
    )
    context: ContextOverride | None = Field(
        default=None, description="fields that override the case's context for this message"
    )


class TestCase(_Model):
    """A conversation fixture and the expectations on its decisions."""

    __test__ = False  # a model, not a pytest class

    name: str = Field(min_length=1, max_length=200)
    context: EventContext = Field(default_factory=EventContext)
    participants: tuple[str, ...] = Field(min_length=1, max_length=64)
    messages: tuple[MessageFixture, ...] = Field(min_length=1, max_length=5_000)
    expect: tuple[Expectation, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> TestCase:
        for message in self.messages:
            if message.sender not in self.participants:
                raise ValueError(f"sender {message.sender!r} is not one of the participants")
        for expectation in self.expect:
            if expectation.after > len(self.messages):
                raise ValueError(
                    f"expect after message {expectation.after}, "
                    f"but the case has {len(self.messages)} messages"
                )
        return self

    def events(self, conversation_id: str) -> list[Event]:
        """The case's messages as the events a host would send, in order.

        Event ids are ``<conversation_id>-m<n>`` (n counts from 1); recipients
        default to every other participant, and a message's own context
        fields override the case's.
        """
        events = []
        for index, message in enumerate(self.messages, start=1):
            context = self.context
            if message.context:
                context = context.model_copy(update=message.context.model_dump(exclude_none=True))
            recipients = message.recipients
            if recipients is None:
                recipients = tuple(p for p in self.participants if p != message.sender)
            events.append(
                Event(
                    id=f"{conversation_id}-m{index}",
                    conversation_id=conversation_id,
                    sender=message.sender,
                    text=message.text,
                    sent_at=message.sent_at or FIXTURE_START + _STEP * index,
                    recipients=recipients,
                    kind=message.kind,
                    context=context,
                )
            )
        return events


class RulesetTestFile(_Model):
    """A whole test file: which ruleset, and its cases."""

    __test__ = False

    ruleset: str = Field(min_length=1, description="the ruleset file, relative to this one")
    description: str = ""
    cases: tuple[TestCase, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> RulesetTestFile:
        seen: set[str] = set()
        for case in self.cases:
            if case.name in seen:
                raise ValueError(f"two cases are named {case.name!r}")
            seen.add(case.name)
        return self


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    # Follow the pydantic error location through the YAML node tree to report
    # the line an operator has to fix, not just a dotted path.
    line = None if node is None else node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def load_test_file(path: Path) -> RulesetTestFile:
    """Parse a test file; ``InputError`` names the file and line of a problem."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the test file: {exc.strerror}", source=source) from exc
    if len(raw) > MAX_TEST_FILE_BYTES:
        raise InputError(f"the test file is larger than {MAX_TEST_FILE_BYTES} bytes", source=source)
    try:
        text = raw.decode("utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except UnicodeDecodeError as exc:
        raise InputError("the test file is not UTF-8", source=source) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        raise InputError(
            f"not YAML: {getattr(exc, 'problem', exc)}", source=source, line=line
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            "a test file is a mapping with `ruleset` and `cases`", source=source, line=1
        )
    try:
        return RulesetTestFile.model_validate(data)
    except ValidationError as exc:
        problems = exc.errors()
        shown = [
            f"{'.'.join(str(p) for p in e['loc']) or '(file)'}: {e['msg']}" for e in problems[:5]
        ]
        message = "; ".join(shown)
        if len(problems) > len(shown):
            message += f" (and {len(problems) - len(shown)} more)"
        line = _line_of(node, problems[0]["loc"])
        raise InputError(message, source=source, line=line) from exc
