"""Shared by the engine tests: a scripted analyzer, a small ruleset, fixed collaborators."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest

# The contract is imported by other stores' test modules too; without this
# its failures would show a bare AssertionError instead of the values.
pytest.register_assert_rewrite("tests.engine.store_contract")

from intimacy_rules.analysis.models import Disclosure, Evidence, MessageAnalysis  # noqa: E402
from intimacy_rules.engine.events import Event, EventContext, EventKind  # noqa: E402
from intimacy_rules.rules.compiled import CompiledRuleset  # noqa: E402

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)

#: A small ruleset in the operator's language, exercising each outcome type.
SMALL_RULESET = """\
ruleset: {name: small, version: 1, platform: dating}
templates:
  sure: {en: "Send it anyway?", es: "¿Enviarlo de todos modos?"}
  bother: {en: "Did that bother you?"}
  name_it: {en: "What do you feel?"}
rules:
  - id: crisis
    description: "Safety: crisis escalates."
    priority: 0
    when: message.safety.crisis
    then:
      - escalate: {reason: crisis, urgency: urgent}
  - id: hold-contempt
    description: "Safety: hold contempt before sending."
    priority: 10
    when:
      all: [message.safety.contempt, {field: event.kind, equals: pre_send}]
    then:
      - hold: {template: sure, reason: contempt}
  - id: check-in
    description: "Safety: check on the recipient."
    priority: 20
    when:
      all: [message.safety.contempt, {field: event.kind, equals: message}]
    then:
      - nudge: {to: recipients, template: bother}
      - score: {criterion: safety, delta: -0.9}
  - id: deep
    description: "Immediacy: a present feeling."
    priority: 30
    when: {field: message.level, gte: 4}
    then:
      - signal: {name: present}
      - score: {criterion: immediacy, delta: 0.9}
  - id: thought
    description: "Immediacy: name the feeling."
    priority: 40
    when: message.flags.thought_as_feeling
    then:
      - nudge: {to: sender, template: name_it}
"""


class ScriptedAnalyzer:
    """An analyzer that answers from a table, so engine tests do not depend on the
    real analyzer's wording; unknown text is level 0 with no labels."""

    def __init__(self, table: dict[str, MessageAnalysis] | None = None) -> None:
        self.table = dict(table or {})
        self.calls = 0

    def analyze(self, text: str) -> MessageAnalysis:
        self.calls += 1
        return self.table.get(text, QUIET)


QUIET = MessageAnalysis(level=0, disclosure=Disclosure(facts=False, feelings=False))
CONTEMPT = MessageAnalysis(
    level=0,
    disclosure=Disclosure(facts=False, feelings=False),
    safety=("contempt",),
    evidence=(
        Evidence(label="contempt", span=(6, 12), why="insult aimed at the other"),
        Evidence(label="level:0", span=(0, 12), why="no self-disclosure"),
    ),
)
CRISIS = MessageAnalysis(
    level=3,
    disclosure=Disclosure(facts=False, feelings=True),
    safety=("crisis",),
    evidence=(Evidence(label="crisis", span=(0, 9), why="self-harm"),),
)
PRESENT = MessageAnalysis(
    level=4,
    disclosure=Disclosure(facts=False, feelings=True),
    evidence=(Evidence(label="level:4", span=(0, 20), why="present feeling toward the partner"),),
)
THOUGHT = MessageAnalysis(
    level=0,
    disclosure=Disclosure(facts=False, feelings=False),
    flags=("thought_as_feeling",),
    evidence=(Evidence(label="thought_as_feeling", span=(0, 11), why="I feel that + a thought"),),
)


@pytest.fixture
def analyzer() -> ScriptedAnalyzer:
    return ScriptedAnalyzer(
        {"insult": CONTEMPT, "crisis": CRISIS, "present": PRESENT, "thought": THOUGHT}
    )


def write_ruleset(tmp_path: Path, text: str, name: str = "ruleset.yaml") -> CompiledRuleset:
    """Load ``text`` as a ruleset file, through the public loader."""
    from intimacy_rules.rules.loader import load_ruleset

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_ruleset(path)


@pytest.fixture
def small_ruleset(tmp_path: Path) -> CompiledRuleset:
    return write_ruleset(tmp_path, SMALL_RULESET)


@pytest.fixture
def ids() -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"dec-{next(numbers)}"


def event_factory() -> Callable[..., Event]:
    """Events numbered in order, one minute apart, ``ana`` and ``ben`` by default."""
    numbers = count(1)

    def make(
        text: str,
        *,
        sender: str = "ana",
        conversation: str = "c1",
        kind: EventKind = "message",
        event_id: str | None = None,
        locale: str = "en",
        match_age_hours: float | None = 100.0,
    ) -> Event:
        n = next(numbers)
        return Event(
            id=event_id or f"e{n}",
            conversation_id=conversation,
            sender=sender,
            text=text,
            sent_at=T0 + timedelta(minutes=n),
            recipients=("ben",) if sender == "ana" else ("ana",),
            kind=kind,
            context=EventContext(platform="dating", match_age_hours=match_age_hours, locale=locale),
        )

    return make


@pytest.fixture
def event() -> Callable[..., Event]:
    return event_factory()
