"""The ``Store`` protocol's contract, as tests any store implementation can reuse.

Subclass ``StoreContract`` in a test module and give it a ``store_factory``
fixture returning a callable that builds a fresh, empty store::

    class TestSQLiteStore(StoreContract):
        @pytest.fixture
        def store_factory(self, tmp_path):
            return lambda: SQLiteStore(tmp_path / "db.sqlite3", pseudonymizer=...)

A store that decides one conversation's events while another's wait (one
writer, as SQLite has) sets ``parallel_conversations = False`` to skip the one
test that needs two conversations' steps to run at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision
from intimacy_rules.engine.store import Store, Transition
from intimacy_rules.errors import StoreError

__all__ = ["StoreContract", "make_decision", "make_state"]

StoreFactory = Callable[[], Store]
_AT = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
_QUIET = MessageAnalysis(level=0, disclosure=Disclosure(facts=False, feelings=False))


def make_state(tag: int) -> ConversationState:
    """A state told apart from others by ``tag`` (its match age, in hours)."""
    return ConversationState.start(match_age_hours=float(tag))


def make_decision(event_id: str, conversation_id: str = "c1", *, tag: int = 0) -> Decision:
    """A decision for ``event_id``; ``tag`` makes two decisions differ."""
    return Decision(
        decision_id=f"d-{event_id}-{tag}",
        event_id=event_id,
        conversation_id=conversation_id,
        ruleset="contract",
        revision="1@test",
        analysis=AnalysisSummary(level=0, facts=False, feelings=False),
        criteria=CriteriaScores(),
        depth=0,
        decided_at=_AT,
    )


def _step(
    tag: int, event_id: str, seen: list[ConversationState | None] | None = None
) -> Callable[[ConversationState | None], Transition]:
    def step(state: ConversationState | None) -> Transition:
        if seen is not None:
            seen.append(state)
        return Transition(make_state(tag), make_decision(event_id, tag=tag))

    return step


class StoreContract:
    """What every ``Store`` must do; subclasses provide ``store_factory``."""

    parallel_conversations = True

    @pytest.fixture
    def store(self, store_factory: StoreFactory) -> Store:
        return store_factory()

    def test_a_new_conversation_starts_from_none(self, store: Store) -> None:
        seen: list[ConversationState | None] = []
        result = store.apply("t", "c1", "e1", _step(1, "e1", seen))
        assert seen == [None]
        assert result.replayed is False
        assert result.decision == make_decision("e1", tag=1)
        assert store.load_state("t", "c1") == make_state(1)

    def test_each_step_receives_the_state_the_previous_one_wrote(self, store: Store) -> None:
        seen: list[ConversationState | None] = []
        for n in range(1, 4):
            store.apply("t", "c1", f"e{n}", _step(n, f"e{n}", seen))
        assert seen == [None, make_state(1), make_state(2)]
        assert store.load_state("t", "c1") == make_state(3)

    def test_a_retry_returns_the_original_decision_without_running_the_step(
        self, store: Store
    ) -> None:
        first = store.apply("t", "c1", "e1", _step(1, "e1"))
        calls: list[ConversationState | None] = []
        again = store.apply("t", "c1", "e1", _step(2, "e1", calls))
        assert again.replayed is True
        assert again.decision == first.decision
        assert calls == []
        assert store.load_state("t", "c1") == make_state(1)

    def test_tenants_are_separate_for_conversations_and_event_ids(self, store: Store) -> None:
        store.apply("a", "c1", "e1", _step(1, "e1"))
        result = store.apply("b", "c1", "e1", _step(2, "e1"))
        assert result.replayed is False
        assert store.load_state("a", "c1") == make_state(1)
        assert store.load_state("b", "c1") == make_state(2)

    def test_an_unknown_conversation_has_no_state(self, store: Store) -> None:
        assert store.load_state("t", "nobody") is None

    def test_a_failing_step_writes_nothing(self, store: Store) -> None:
        store.apply("t", "c1", "e1", _step(1, "e1"))

        def broken(state: ConversationState | None) -> Transition:
            raise RuntimeError("step failed")

        with pytest.raises(RuntimeError, match="step failed"):
            store.apply("t", "c1", "e2", broken)
        assert store.load_state("t", "c1") == make_state(1)
        # the failed event was not remembered: its retry is decided afresh
        result = store.apply("t", "c1", "e2", _step(2, "e2"))
        assert result.replayed is False
        assert store.load_state("t", "c1") == make_state(2)

    def test_erase_forgets_state_and_decisions(self, store: Store) -> None:
        store.apply("t", "c1", "e1", _step(1, "e1"))
        store.apply("t", "c2", "e2", _step(2, "e2"))
        assert store.erase("t", "c1") is True
        assert store.load_state("t", "c1") is None
        assert store.erase("t", "c1") is False
        # a retry of an erased event is decided again, from nothing
        seen: list[ConversationState | None] = []
        assert store.apply("t", "c1", "e1", _step(3, "e1", seen)).replayed is False
        assert seen == [None]
        # other conversations are untouched
        assert store.load_state("t", "c2") == make_state(2)
        assert store.apply("t", "c2", "e2", _step(9, "e2")).replayed is True

    def test_erase_of_an_unknown_conversation_is_false(self, store: Store) -> None:
        assert store.erase("t", "nobody") is False

    def test_one_conversation_is_decided_one_event_at_a_time(self, store: Store) -> None:
        inside = 0
        overlaps = 0
        guard = threading.Lock()
        seen: list[ConversationState | None] = []
        written: list[ConversationState] = []

        def step_for(n: int) -> Callable[[ConversationState | None], Transition]:
            def step(state: ConversationState | None) -> Transition:
                nonlocal inside, overlaps
                with guard:
                    inside += 1
                    overlaps += inside > 1
                seen.append(state)
                new = make_state(n) if state is None else state.advance("p", _QUIET, _AT)
                written.append(new)
                with guard:
                    inside -= 1
                return Transition(new, make_decision(f"e{n}", tag=n))

            return step

        threads = [
            threading.Thread(target=store.apply, args=("t", "c1", f"e{n}", step_for(n)))
            for n in range(40)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert overlaps == 0
        assert len(written) == 40
        # every step saw exactly what the step before it wrote: nothing lost
        assert seen[0] is None
        assert seen[1:] == written[:-1]
        assert store.load_state("t", "c1") == written[-1]

    def test_concurrent_retries_of_one_event_run_its_step_once(self, store: Store) -> None:
        calls: list[ConversationState | None] = []
        results = []
        lock = threading.Lock()

        def run() -> None:
            result = store.apply("t", "c1", "e1", _step(1, "e1", calls))
            with lock:
                results.append(result)

        threads = [threading.Thread(target=run) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert len(calls) == 1
        assert sorted(r.replayed for r in results) == [False] + [True] * 7
        assert {r.decision for r in results} == {make_decision("e1", tag=1)}

    def test_other_conversations_proceed_while_one_is_busy(self, store: Store) -> None:
        if not self.parallel_conversations:
            pytest.skip("this store decides one conversation at a time")
        entered = threading.Event()
        release = threading.Event()

        def slow(state: ConversationState | None) -> Transition:
            entered.set()
            assert release.wait(timeout=10)
            return Transition(make_state(1), make_decision("e1", tag=1))

        busy = threading.Thread(target=store.apply, args=("t", "c1", "e1", slow))
        busy.start()
        try:
            assert entered.wait(timeout=10)
            result = store.apply("t", "c2", "e2", _step(2, "e2"))
            assert result.replayed is False
            assert store.load_state("t", "c2") == make_state(2)
        finally:
            release.set()
            busy.join(timeout=10)
        assert store.load_state("t", "c1") == make_state(1)

    def test_a_closed_store_refuses_work(self, store: Store) -> None:
        store.apply("t", "c1", "e1", _step(1, "e1"))
        store.close()
        with pytest.raises(StoreError):
            store.apply("t", "c1", "e2", _step(2, "e2"))
