"""``Engine``: one event in, one explained ``Decision`` out, state kept in a store.

The step for one message::

    text ──analyzer──▶ MessageAnalysis          (the text goes no further)
    sender ──pseudonymizer──▶ pseudonym         (the state keys participants by it)
    state.advance(pseudonym, analysis) ──▶ new state ──snapshot──▶ fact
    matcher.match(fact) ──▶ rule ids ──resolve_outcomes──▶ outcomes, with
    the host's real ids (decisions go back to the host) and the evidence
    whose labels each rule's ``when`` reads
    store.apply(...) commits state + decision (+ callbacks) in one transaction

``prepare`` stops before the last line: it returns the analysed event and its
step (a ``PendingEvent``) for the caller to record, alone or in a batch.

``pre_send`` events are decided but never recorded: the message may never be
sent, so the conversation must not remember it, and a retry of the hook (or the
real message arriving later under the same id) must not be answered with an
old decision. A pre-send decision is computed on a copy of the state advanced
in memory, exactly like ``evaluate``, and nothing is written.
"""

from __future__ import annotations

import itertools
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import NamedTuple, Protocol

from intimacy_rules.analysis.analyzer import Analyzer as DefaultAnalyzer
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.events import Event, Platform
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.engine.stepper import DecisionStepper, Matcher
from intimacy_rules.engine.store import OutboundMessage, PendingEvent, Store, Transition
from intimacy_rules.engine.summary import ConversationSummary
from intimacy_rules.errors import ConfigurationError, InputError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.loader import load_default_ruleset
from intimacy_rules.rules.matcher import MATCHERS

__all__ = ["Analyzer", "DeliveryFactory", "Engine", "decision_id_factory"]


class Analyzer(Protocol):
    """What the engine needs of an analyzer: text in, ``MessageAnalysis`` out."""

    def analyze(self, text: str) -> MessageAnalysis:
        """Analyse one message."""
        ...


#: Builds the callbacks for a decision (the server's outbox rows); called
#: inside the store's transaction so they commit with the state or not at all.
DeliveryFactory = Callable[[str, Decision], tuple[OutboundMessage, ...]]


class _Active(NamedTuple):
    """The ruleset and its matcher, swapped together as one reference."""

    ruleset: CompiledRuleset
    stepper: DecisionStepper


_new_tuple = tuple.__new__


def _utc_now() -> datetime:
    return datetime.now(UTC)


def decision_id_factory() -> Callable[[], str]:
    """Unique decision ids: 64 random bits per factory, then a counter.

    32 hex characters like a UUID, at a tenth of ``uuid4``'s cost (it reads
    the OS's random source on every call); ``next`` on a shared counter is
    atomic under the GIL, so threads never get the same id.
    """
    prefix = secrets.token_hex(8)
    counter = itertools.count()
    return lambda: f"{prefix}{next(counter):016x}"


class Engine:
    """Decides on conversation events with one ruleset, keeping state in a store.

    Every collaborator has a default, and each can be handed in: a test gives
    a fixed ``clock`` and ``decision_ids``, a server gives a SQL store and a
    pseudonymizer keyed from its settings. Thread-safe: events of different
    conversations are decided in parallel, the store serialises each one's.
    """

    def __init__(
        self,
        ruleset: CompiledRuleset | None = None,
        *,
        platform: Platform = "dating",
        analyzer: Analyzer | None = None,
        store: Store | None = None,
        matcher: str = "durable",
        pseudonymizer: Pseudonymizer | None = None,
        clock: Callable[[], datetime] = _utc_now,
        decision_ids: Callable[[], str] | None = None,
        deliveries: DeliveryFactory | None = None,
    ) -> None:
        if matcher not in MATCHERS:
            known = ", ".join(sorted(MATCHERS))
            raise ConfigurationError(
                f"unknown matcher {matcher!r} (known: {known})", field="matcher"
            )
        if ruleset is None:
            ruleset = load_default_ruleset(platform)
        if analyzer is None:
            analyzer = DefaultAnalyzer()
        self._matcher_name = matcher
        self._matcher_factory: Callable[[CompiledRuleset], Matcher] = MATCHERS[matcher]
        self._analyzer = analyzer
        self._store: Store = InMemoryStore() if store is None else store
        self._pseudonymizer = Pseudonymizer.ephemeral() if pseudonymizer is None else pseudonymizer
        self._clock = clock
        self._decision_ids = decision_id_factory() if decision_ids is None else decision_ids
        self._deliveries = deliveries
        self._swap_lock = threading.Lock()
        self._active = self._bind(ruleset)

    @property
    def ruleset(self) -> CompiledRuleset:
        """The ruleset deciding events now."""
        return self._active.ruleset

    @property
    def store(self) -> Store:
        """The store the engine writes through."""
        return self._store

    def process(self, event: Event, *, tenant: str = "default") -> Decision:
        """Decide on ``event`` and record it; a retry returns the original decision.

        ``pre_send`` events are decided without being recorded (see the module
        docstring).
        """
        if event.kind == "pre_send":
            return self.evaluate(event, tenant=tenant)
        return self._store.apply(*self.prepare(event, tenant=tenant)).decision

    def prepare(self, event: Event, *, tenant: str = "default") -> PendingEvent:
        """Analyse ``event`` now and return what recording it takes, without recording it.

        ``process`` is ``store.apply(*engine.prepare(event))``. The analysis
        (the costly part, and the only one that reads the text) runs here,
        outside any store lock; the returned step decides on the conversation's
        state inside the store's transaction. A server hands several of these to
        one transaction (``SQLiteStore.apply_batch``). ``pre_send`` events are
        never recorded, so they are refused (``InputError``): ``evaluate`` them.
        """
        values = event.__dict__  # its fields, not through BaseModel.__getattr__'s slow hook
        if values["kind"] == "pre_send":
            raise InputError("a pre_send event is never recorded: evaluate it instead")
        analysis = self._analyzer.analyze(values["text"])
        # Read the active ruleset once: a swap during this event must not
        # give it the old matcher and the new ruleset's rules.
        stepper = self._active.stepper
        deliveries = self._deliveries

        def step(state: ConversationState | None) -> Transition:
            new_state, decision = stepper.decide(event, analysis, state)
            rows = deliveries(tenant, decision) if deliveries is not None else ()
            # tuple.__new__ in C, not the named tuples' Python-level __new__
            return _new_tuple(Transition, (new_state, decision, rows))

        return _new_tuple(PendingEvent, (tenant, values["conversation_id"], values["id"], step))

    def evaluate(self, event: Event, *, tenant: str = "default") -> Decision:
        """Decide on ``event`` as if it were sent now, storing nothing (a dry run)."""
        analysis = self._analyzer.analyze(event.text)
        state = self._store.load_state(tenant, event.conversation_id)
        return self._active.stepper.decide(event, analysis, state)[1]

    def conversation(
        self, conversation_id: str, *, tenant: str = "default"
    ) -> ConversationSummary | None:
        """What is known of a conversation (scores, depth, patterns, counts), or None."""
        state = self._store.load_state(tenant, conversation_id)
        if state is None:
            return None
        return ConversationSummary.of(conversation_id, state)

    def erase(self, conversation_id: str, *, tenant: str = "default") -> bool:
        """Delete everything stored for a conversation; True if anything was."""
        return self._store.erase(tenant, conversation_id)

    def swap_ruleset(self, ruleset: CompiledRuleset) -> None:
        """Decide later events with ``ruleset``; events in flight finish with the old one.

        The matcher is built before the swap, so a ruleset the matcher cannot
        run raises here and the working ruleset stays in place. Load the YAML
        first (``load_ruleset``), then swap: a file that fails to load never
        reaches this method.
        """
        active = self._bind(ruleset)
        with self._swap_lock:
            self._active = active

    def close(self) -> None:
        """Close the store."""
        self._store.close()

    def _bind(self, ruleset: CompiledRuleset) -> _Active:
        return _Active(
            ruleset,
            DecisionStepper(
                ruleset,
                self._matcher_factory(ruleset),
                pseudonymizer=self._pseudonymizer,
                clock=self._clock,
                decision_ids=self._decision_ids,
            ),
        )

    def __repr__(self) -> str:
        ruleset = self._active.ruleset
        return (
            f"Engine(ruleset={ruleset.name!r}, revision={ruleset.revision!r}, "
            f"matcher={self._matcher_name!r}, store={type(self._store).__name__})"
        )
