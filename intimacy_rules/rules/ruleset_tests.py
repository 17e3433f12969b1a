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
does not parse); ``run_test_file`` plays every case through a real ``Engine``
with an in-memory store and reports each expectation that failed, naming the
case, the message and the difference between the rules expected and fired.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from intimacy_rules.engine.events import EventContext, EventKind
from intimacy_rules.errors import InputError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.loader import load_ruleset

if TYPE_CHECKING:
    from intimacy_rules.engine.decision import Decision
    from intimacy_rules.engine.engine import Analyzer
    from intimacy_rules.rules.compiled import CompiledRuleset

__all__ = [
    "CaseResult",
    "Expectation",
    "FileResult",
    "MessageFixture",
    "RulesetTestFile",
    "TestCase",
    "load_test_file",
    "run_test_file",
]

#: Test files larger than this are refused before parsing (they are hand-written).
MAX_TEST_FILE_BYTES = 2_000_000
#: When a message gives no ``sent_at``, messages are this far apart from START.
_STEP = timedelta(minutes=1)
_START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

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


@dataclass
class CaseResult:
    """The outcome of one case: empty ``failures`` means it passed."""

    name: str
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """Whether every expectation of the case held."""
        return not self.failures


@dataclass
class FileResult:
    """The outcome of one test file, and which rules its cases asserted to fire."""

    path: Path
    ruleset: str
    revision: str
    rules: tuple[str, ...]
    cases: list[CaseResult] = field(default_factory=list)
    exercised: set[str] = field(default_factory=set)

    @property
    def passed(self) -> bool:
        """Whether every case passed."""
        return all(case.passed for case in self.cases)


def _check(expectation: Expectation, decision: Decision, where: str) -> list[str]:
    fired = [rule.rule_id for rule in decision.fired]
    fired_set = set(fired)
    lines: list[str] = []
    missing = [r for r in expectation.fires if r not in fired_set]
    unexpected = [r for r in expectation.not_fires if r in fired_set]
    if expectation.fires_only is not None:
        only = set(expectation.fires_only)
        missing += [r for r in expectation.fires_only if r not in fired_set and r not in missing]
        unexpected += [r for r in fired if r not in only and r not in unexpected]
    if missing or unexpected:
        lines.append(f"{where}: the rules that fired differ from the expected")
        lines.extend(f"    - {rule}   (expected to fire, did not)" for rule in missing)
        lines.extend(f"    + {rule}   (fired, expected not to)" for rule in unexpected)
        lines.append(f"    fired: {', '.join(fired) if fired else '(none)'}")
    outcomes = [outcome for rule in decision.fired for outcome in rule.outcomes]
    for pattern in expectation.outcomes:
        if not any(pattern.matches(outcome) for outcome in outcomes):
            lines.append(f"{where}: no outcome matches {pattern.describe()}")
            lines.append(f"    outcomes: {_outcomes_text(decision)}")
    for pattern in expectation.no_outcomes:
        hits = [rule.rule_id for rule in decision.fired if any(map(pattern.matches, rule.outcomes))]
        if hits:
            lines.append(
                f"{where}: {pattern.describe()} was produced by {', '.join(hits)}, expected none"
            )
    return lines


def _outcomes_text(decision: Decision) -> str:
    parts = []
    for rule in decision.fired:
        for outcome in rule.outcomes:
            data = outcome.model_dump(exclude={"text"})
            kind = data.pop("type")
            parts.append(f"{rule.rule_id}:{kind}({', '.join(f'{k}={v}' for k, v in data.items())})")
    return "; ".join(parts) if parts else "(none)"


def run_test_file(
    path: Path,
    *,
    ruleset: CompiledRuleset | None = None,
    analyzer: Analyzer | None = None,
    matcher: str = "durable",
    clock: Callable[[], float] = time.perf_counter,
) -> FileResult:
    """Play every case of the test file at ``path`` and check its expectations.

    ``ruleset`` overrides the file's own reference (to test an edited copy).
    Raises ``InputError`` when the file does not parse and ``RulesetError``
    when its ruleset does not load.
    """
    # The runner drives the engine, which sits above the rules package: it is
    # imported here so that importing ``intimacy_rules.rules`` never pulls in
    # the engine (each layer imports only the layers below it).
    from intimacy_rules.engine.engine import Engine  # noqa: PLC0415
    from intimacy_rules.engine.events import Event  # noqa: PLC0415
    from intimacy_rules.engine.memory_store import InMemoryStore  # noqa: PLC0415

    spec = load_test_file(path)
    if ruleset is None:
        target = path.parent / spec.ruleset
        if not target.is_file():
            raise InputError(f"the ruleset {str(target)!r} is not a file", source=str(path))
        ruleset = load_ruleset(target)
    # Fixed key, clock and ids: a test run decides the same way every time.
    engine = Engine(
        ruleset,
        analyzer=analyzer,
        store=InMemoryStore(),
        matcher=matcher,
        pseudonymizer=Pseudonymizer(b"ruleset-tests-fixed-key-32-bytes"),
        clock=lambda: _START,
        decision_ids=lambda: "test",
    )
    result = FileResult(
        path=path,
        ruleset=ruleset.name,
        revision=ruleset.revision,
        rules=tuple(rule.id for rule in ruleset.rules),
    )
    known = set(result.rules)
    for number, case in enumerate(spec.cases, start=1):
        started = clock()
        outcome = CaseResult(case.name)
        for expectation in case.expect:
            for rule_id in (
                *expectation.fires,
                *expectation.not_fires,
                *(expectation.fires_only or ()),
            ):
                if rule_id not in known:
                    outcome.failures.append(f"the ruleset has no rule {rule_id!r}")
        wanted: dict[int, list[Expectation]] = {}
        for expectation in case.expect:
            wanted.setdefault(expectation.after, []).append(expectation)
        for index, message in enumerate(case.messages, start=1):
            context = case.context
            if message.context:
                context = context.model_copy(update=message.context.model_dump(exclude_none=True))
            event = Event(
                id=f"case{number}-m{index}",
                conversation_id=f"case{number}",
                sender=message.sender,
                text=message.text,
                sent_at=message.sent_at or _START + _STEP * index,
                recipients=message.recipients
                if message.recipients is not None
                else tuple(p for p in case.participants if p != message.sender),
                kind=message.kind,
                context=context,
            )
            decision = engine.process(event)
            for expectation in wanted.get(index, ()):
                kind = ", pre_send" if message.kind == "pre_send" else ""
                where = f"after message {index} ({message.sender}{kind})"
                outcome.failures.extend(_check(expectation, decision, where))
                result.exercised.update(r for r in expectation.fires if r in known)
                result.exercised.update(r for r in expectation.fires_only or () if r in known)
        outcome.seconds = clock() - started
        result.cases.append(outcome)
    engine.close()
    return result
