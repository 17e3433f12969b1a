"""What every route needs, built once by ``create_app``: the ``Services`` object.

Routes (ours, and the platform adapters' router in ``adapter_routes.py``) get it
from ``request.app.state.services`` or the ``get_services`` dependency, and
never build collaborators themselves. So a test hands ``create_app`` a fake
engine factory, an in-memory store or a fixed clock and every route uses them.

``Services.process(tenant, event)`` is the one way an event reaches an engine:
it picks the tenant's engine (with the tenant's current ruleset), counts the
decision in the metrics and tells whether it was a replay of an event decided
before. It blocks on the store, so async routes call ``await
services.record(tenant, event)`` instead: on SQLite the event is analysed on
the loop and recorded by the ``WriteBatcher`` (group commit; the loop never
waits for another process's write turn); with a networked store it runs
``process`` on the engine thread pool (``engine_threads``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol, TypeVar

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.store import OutboundMessage, PendingEvent, Store, StoreResult
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.server.replay import ReplayRecorder
from intimacy_rules.server.settings import Settings, TenantSettings
from intimacy_rules.server.tenants import Tenant, TenantRegistry
from intimacy_rules.storage.write_batcher import WriteBatcher

__all__ = [
    "Clock",
    "DeliveryFactory",
    "EngineFactory",
    "EngineLike",
    "Outcome",
    "PreparingEngine",
    "Services",
]

Clock = Callable[[], datetime]
_T = TypeVar("_T")
#: Builds a decision's outbox rows inside the store's transaction (see ``callbacks``).
DeliveryFactory = Callable[[str, Decision], tuple[OutboundMessage, ...]]


class EngineLike(Protocol):
    """What the server needs of ``intimacy_rules.engine.engine.Engine``."""

    def process(self, event: Event, *, tenant: str) -> Any:
        """Decide on ``event`` and record it; a Decision or a StoreResult."""
        ...

    def evaluate(self, event: Event, *, tenant: str) -> Decision:
        """Decide on ``event`` without storing anything (a dry run)."""
        ...

    def conversation(self, conversation_id: str, *, tenant: str) -> Any:
        """The conversation's summary (a pydantic model) or None."""
        ...

    def erase(self, conversation_id: str, *, tenant: str) -> bool:
        """Delete everything stored for the conversation."""
        ...

    def swap_ruleset(self, compiled: Any) -> None:
        """Use ``compiled`` for every later event."""
        ...


class PreparingEngine(Protocol):
    """An engine that can hand out an analysed event without recording it (``Engine``)."""

    def prepare(self, event: Event, *, tenant: str) -> PendingEvent:
        """Analyse ``event``; what ``store.apply`` takes to record it."""
        ...


class EngineFactory(Protocol):
    """Builds one tenant's engine; ``create_app(engine_factory=...)`` swaps it in tests."""

    def __call__(
        self,
        compiled: Any,
        *,
        tenant: Tenant,
        store: Store,
        pseudonymizer: Pseudonymizer,
        clock: Clock,
        deliveries: DeliveryFactory | None,
    ) -> EngineLike:
        """An engine running ``compiled`` over ``store``."""
        ...


class Outcome(NamedTuple):
    """A decision, and whether it is the replay of one recorded earlier."""

    decision: Decision
    replayed: bool


@dataclass(eq=False)
class Services:
    """The collaborators of one app: settings, tenants, engines, store, clock.

    ``rulesets`` is the ``RulesetCatalog`` and ``metrics`` the app's ``Metrics``;
    they are typed ``Any`` here so this module stays importable without the
    server extra (adapters may import it at type-check time).
    """

    settings: Settings
    tenants: TenantRegistry
    engines: dict[str, EngineLike]
    store: Store
    clock: Clock
    pseudonymizer: Pseudonymizer
    rulesets: Any
    metrics: Any
    replays: ReplayRecorder | None = None
    executor: Executor | None = None
    batcher: WriteBatcher[Any] | None = None

    async def run(self, func: Callable[..., _T], *args: Any) -> _T:
        """Run blocking engine work: on the loop, or on ``executor`` when there is one.

        Deciding costs well under a millisecond of CPU, less than a hop to a
        thread; but with a networked store (PostgreSQL) most of an event's time
        is spent waiting on round trips, which threads overlap.
        """
        if self.executor is None:
            return func(*args)
        return await asyncio.get_running_loop().run_in_executor(self.executor, func, *args)

    def engine(self, tenant: str) -> EngineLike:
        """The engine serving ``tenant``."""
        return self.engines[tenant]

    def tenant_settings(self, tenant: str) -> TenantSettings:
        """The settings of ``tenant`` (its ruleset name, endpoints, callbacks)."""
        return self.tenants.get(tenant).settings

    def process(self, tenant: str, event: Event) -> Outcome:
        """Decide on ``event`` for ``tenant`` and record it (idempotent on its id)."""
        self.rulesets.sync(self.tenant_settings(tenant).ruleset)
        if self.replays is not None:
            self.replays.take_last()  # forget anything a failed call left behind
        result = self.engines[tenant].process(event, tenant=tenant)
        if isinstance(result, StoreResult):
            outcome = Outcome(result.decision, result.replayed)
        else:
            # The engine returns the bare decision; the store it writes
            # through noted whether that decision was recorded earlier.
            last = self.replays.take_last() if self.replays is not None else None
            outcome = Outcome(result, last is not None and last.replayed)
        self.metrics.count_decision(outcome.decision, replayed=outcome.replayed)
        return outcome

    async def record(self, tenant: str, event: Event) -> Outcome:
        """``process`` for async callers: through the write batcher when there is one.

        The event is analysed on the loop, then recorded with the batcher's
        next transaction; without a batcher (PostgreSQL, ``engine_threads``,
        an engine that cannot ``prepare``) ``process`` runs through ``run``.
        """
        batcher = self.batcher
        engine = self.engines[tenant]
        prepare = getattr(engine, "prepare", None)
        if batcher is None or prepare is None or event.kind == "pre_send":
            return await self.run(self.process, tenant, event)
        self.rulesets.sync(self.tenant_settings(tenant).ruleset)
        pending: PendingEvent = prepare(event, tenant=tenant)
        result = await batcher.submit(pending)
        outcome = Outcome(result.decision, result.replayed)
        self.metrics.count_decision(outcome.decision, replayed=outcome.replayed)
        return outcome

    def evaluate(self, tenant: str, event: Event) -> Decision:
        """A dry run of ``event`` for ``tenant``: the decision, nothing stored."""
        self.rulesets.sync(self.tenant_settings(tenant).ruleset)
        decision = self.engines[tenant].evaluate(event, tenant=tenant)
        self.metrics.count_decision(decision, replayed=False, dry_run=True)
        return decision
