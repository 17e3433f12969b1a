"""Small stand-ins for the engine and the ruleset loader, so server tests run without them.

``FakeEngine`` keeps the real contract: it writes through the store it is given
(so idempotency, erasure and the outbox are the store's, as in production;
``prepare`` too, so a SQLite store is written through the server's batcher),
fires a ``nudge`` when a message mentions "closer", an ``escalate`` on "hurt
you", and stamps every decision with the revision of the ruleset it runs.
``fake_loader`` loads YAML that has ``name``, ``version`` and a ``rules`` list,
and reports problems like the real loader does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from intimacy_rules.analysis.models import Evidence
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision, FiredRule
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.store import OutboundMessage, PendingEvent, Store, Transition
from intimacy_rules.errors import Problem, RulesetSyntaxError, RulesetValidationError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.outcomes import EscalateOutcome, NudgeOutcome
from intimacy_rules.server.tenants import Tenant


@dataclass(frozen=True)
class FakeCompiled:
    name: str
    version: str
    revision: str


GOOD_YAML = "ruleset:\n  name: dating\n  version: 2\nrules:\n  - id: closer\n"


def fake_loader(label: str, text: str) -> FakeCompiled:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulesetSyntaxError("not YAML", path=label, line=1) from exc
    if not isinstance(doc, dict):
        raise RulesetValidationError([Problem("a ruleset must be a mapping", path=label, line=1)])
    head: dict[str, Any] = doc["ruleset"] if isinstance(doc.get("ruleset"), dict) else {}
    problems = [
        Problem(f"missing field {key!r}", path=label, line=1, field=f"ruleset.{key}")
        for key in ("name", "version")
        if key not in head
    ]
    if "rules" not in doc:
        problems.append(Problem("missing field 'rules'", path=label, line=1, field="rules"))
    if problems:
        raise RulesetValidationError(problems, path=label)
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    version = str(head["version"])
    return FakeCompiled(str(head["name"]), version, f"{version}+{digest}")


class FakeSummary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str
    messages: int
    criteria: CriteriaScores


class FakeEngine:
    def __init__(
        self,
        compiled: FakeCompiled,
        *,
        store: Store,
        clock: Callable[[], datetime],
        deliveries: Callable[[str, Decision], tuple[OutboundMessage, ...]] | None,
    ) -> None:
        self.compiled = compiled
        self.store = store
        self.clock = clock
        self.deliveries = deliveries
        self.counter = 0

    def _decide(
        self, event: Event, state: ConversationState | None
    ) -> tuple[ConversationState, Decision]:
        self.counter += 1
        fired = []
        lowered = event.text.lower()
        if "closer" in lowered:
            start = lowered.index("closer")
            fired.append(
                FiredRule(
                    rule_id="closer",
                    description="the sender asks for closeness",
                    priority=1,
                    outcomes=(
                        NudgeOutcome(
                            to=event.recipients[0] if event.recipients else "partner",
                            text="Tell them what you feel.",
                            template="feel",
                        ),
                    ),
                    evidence=(Evidence(label="level:3", span=(start, start + 6), why="closeness"),),
                )
            )
        if "hurt you" in lowered:
            fired.append(
                FiredRule(
                    rule_id="threat",
                    description="a threat",
                    priority=0,
                    outcomes=(EscalateOutcome(reason="threat", urgency="urgent"),),
                )
            )
        # Only the message count moves: enough for summaries and SQL round trips.
        old = state if state is not None else ConversationState.start()
        new_state = old.model_copy(update={"messages": old.messages + 1})
        decision = Decision(
            decision_id=f"d{self.counter}",
            event_id=event.id,
            conversation_id=event.conversation_id,
            ruleset=self.compiled.name,
            revision=self.compiled.revision,
            fired=tuple(fired),
            analysis=AnalysisSummary(level=3 if fired else 0, facts=False, feelings=bool(fired)),
            criteria=CriteriaScores(),
            depth=0,
            decided_at=self.clock(),
        )
        return new_state, decision

    def prepare(self, event: Event, *, tenant: str) -> PendingEvent:
        def step(state: ConversationState | None) -> Transition:
            new_state, decision = self._decide(event, state)
            rows = self.deliveries(tenant, decision) if self.deliveries else ()
            return Transition(new_state, decision, rows)

        return PendingEvent(tenant, event.conversation_id, event.id, step)

    def process(self, event: Event, *, tenant: str) -> Decision:
        return self.store.apply(*self.prepare(event, tenant=tenant)).decision

    def evaluate(self, event: Event, *, tenant: str) -> Decision:
        state = self.store.load_state(tenant, event.conversation_id)
        return self._decide(event, state)[1]

    def conversation(self, conversation_id: str, *, tenant: str) -> FakeSummary | None:
        state = self.store.load_state(tenant, conversation_id)
        if state is None:
            return None
        return FakeSummary(
            conversation_id=conversation_id, messages=state.messages, criteria=CriteriaScores()
        )

    def erase(self, conversation_id: str, *, tenant: str) -> bool:
        return self.store.erase(tenant, conversation_id)

    def swap_ruleset(self, compiled: Any) -> None:
        self.compiled = compiled


def fake_engine_factory(
    compiled: Any,
    *,
    tenant: Tenant,
    store: Store,
    pseudonymizer: Pseudonymizer,
    clock: Callable[[], datetime],
    deliveries: Callable[[str, Decision], tuple[OutboundMessage, ...]] | None,
) -> FakeEngine:
    return FakeEngine(compiled, store=store, clock=clock, deliveries=deliveries)
