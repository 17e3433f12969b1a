"""The real server (``create_app``) with a small deterministic engine, for end-to-end tests.

``StubEngine`` keeps the engine's contract: it writes through the store the
server hands it (so idempotency is the store's, as in production) and holds
any message that says "leave" or "nobody else", so pre-send verdicts can be
seen through each platform's reply.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
from fastapi import FastAPI

from intimacy_rules.adapters import AdapterSettings
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision, FiredRule
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.engine.store import Store, Transition
from intimacy_rules.rules.outcomes import HoldOutcome, SignalOutcome
from intimacy_rules.server.app import create_app
from intimacy_rules.server.settings import Settings

API_KEY = "ir_adapter-tests-tenant-key-0123"
ADMIN_KEY = "ir_adapter-tests-admin-key-0123"
HOLD_WORDS = ("leave", "nobody else")
STUB_HOLD_TEXT = "Take a breath: do you want to send this now?"


@dataclass(frozen=True)
class StubRuleset:
    name: str
    version: str
    revision: str


def stub_loader(label: str, text: str) -> StubRuleset:
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return StubRuleset(name=Path(label).stem or "stub", version="1", revision=f"1+{digest}")


class StubEngine:
    """Decides by keywords, records through the server's store."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock
        self.decided: list[Event] = []

    def _decide(self, event: Event) -> Decision:
        self.decided.append(event)
        outcomes: list[Any] = [SignalOutcome(name="seen")]
        if any(word in event.text.lower() for word in HOLD_WORDS):
            outcomes.append(HoldOutcome(to=event.sender, text=STUB_HOLD_TEXT, reason="pressure"))
        return Decision(
            decision_id=f"d-{len(self.decided)}",
            event_id=event.id,
            conversation_id=event.conversation_id,
            ruleset="stub",
            revision="1+stub",
            fired=(
                FiredRule(rule_id="stub", description="stub", priority=1, outcomes=tuple(outcomes)),
            ),
            analysis=AnalysisSummary(level=1, facts=True, feelings=False),
            criteria=CriteriaScores(),
            depth=1,
            decided_at=self.clock(),
        )

    def process(self, event: Event, *, tenant: str) -> Decision:
        def step(state: ConversationState | None) -> Transition:
            return Transition(state or ConversationState.start(), self._decide(event))

        return self.store.apply(tenant, event.conversation_id, event.id, step).decision

    def evaluate(self, event: Event, *, tenant: str = "default") -> Decision:
        return self._decide(event)

    def conversation(self, conversation_id: str, *, tenant: str) -> Any:
        return None

    def erase(self, conversation_id: str, *, tenant: str) -> bool:
        return self.store.erase(tenant, conversation_id)

    def swap_ruleset(self, compiled: Any) -> None:
        return None


def build_app(
    data_dir: Path,
    adapter_settings: dict[str, AdapterSettings],
    *,
    clock: Callable[[], datetime],
) -> tuple[FastAPI, dict[str, StubEngine]]:
    """``create_app`` for tenant ``acme``, its adapters configured, and its engines."""
    engines: dict[str, StubEngine] = {}

    def factory(compiled: Any, *, tenant: Any, store: Store, clock: Any, **_: Any) -> StubEngine:
        engines[tenant.name] = StubEngine(store, clock)
        return engines[tenant.name]

    settings = Settings.load(
        data_dir=data_dir, admin_key=ADMIN_KEY, tenants={"acme": {"api_keys": [API_KEY]}}
    )
    app = create_app(
        settings,
        engine_factory=factory,
        store=InMemoryStore(),
        clock=clock,
        load_ruleset=stub_loader,
        run_worker=False,
    )
    # The app-state source (for apps built in code); the config-file source has its own test.
    app.state.adapter_settings = adapter_settings
    return app, engines


def call(app: FastAPI, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to ``app`` in this process, over ASGI."""

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="https://rules.example.org"
        ) as c:
            return await c.request(method, url, **kwargs)

    return anyio.run(run)
