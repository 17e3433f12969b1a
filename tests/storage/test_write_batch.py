"""Group commit on SQLite: ``apply_batch``, ``try_apply_batch`` and the ``WriteBatcher``.

Several events in one transaction must keep every guarantee of one event per
transaction: each decided once, in order, replayed when retried, its failure
its own, nothing acknowledged before the commit and nothing half-written when
the commit fails. The batcher must never block its event loop on the write
turn another process holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import PendingEvent, StoreResult, Transition
from intimacy_rules.errors import StoreError, StoreUnavailableError
from intimacy_rules.storage.sqlite_store import BatchEntry, SQLiteStore
from intimacy_rules.storage.write_batcher import WriteBatcher, as_batching_store
from tests.engine.store_contract import make_decision
from tests.storage.helpers import StoreMaker, callback

Step = Callable[[ConversationState | None], Transition]


class StepFailed(Exception):
    """What a step of these tests raises."""


def counting(event_id: str, conversation: str = "c1", *, seen: list[int] | None = None) -> Step:
    """A step that counts the conversation's messages (and notes the count it found)."""

    def step(state: ConversationState | None) -> Transition:
        old = state if state is not None else ConversationState.start()
        if seen is not None:
            seen.append(old.messages)
        new = old.model_copy(update={"messages": old.messages + 1})
        return Transition(new, make_decision(event_id, conversation), (callback(n=event_id),))

    return step


def failing(state: ConversationState | None) -> Transition:
    raise StepFailed("the step failed")


def entry(
    store: SQLiteStore, event_id: str, step: Step, conversation: str = "c1", *, ahead: bool = False
) -> BatchEntry:
    """The entry of an event; its step run ahead only when asked (those tests count calls)."""
    return store.batch_entry(PendingEvent("acme", conversation, event_id, step), ahead=ahead)


def messages(store: SQLiteStore, conversation: str = "c1") -> int:
    state = store.load_state("acme", conversation)
    return 0 if state is None else state.messages


def outbox_rows(store: SQLiteStore) -> int:
    # closing(): a connection's own context manager commits but does not close.
    with contextlib.closing(sqlite3.connect(store.path)) as conn:
        count: int = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    return count


@pytest.fixture
def store(sqlite_maker: StoreMaker) -> SQLiteStore:
    made: SQLiteStore = sqlite_maker()
    return made


class HeldTurn:
    """The writers' ``flock`` held through a descriptor of its own, as another process holds it."""

    def __init__(self, store: SQLiteStore) -> None:
        self._fd: int | None = os.open(f"{store.path}-writer.lock", os.O_RDWR)
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # drops the lock
            self._fd = None


# --- the store: one transaction, one savepoint per event -------------------------------


def test_a_batch_records_every_event_in_order(store: SQLiteStore) -> None:
    seen: list[int] = []
    outcomes = store.apply_batch(
        [entry(store, f"e{n}", counting(f"e{n}", seen=seen)) for n in range(1, 4)]
    )
    assert [o.decision.event_id for o in outcomes if isinstance(o, StoreResult)] == [
        "e1",
        "e2",
        "e3",
    ]
    assert not any(o.replayed for o in outcomes if isinstance(o, StoreResult))
    assert messages(store) == 3
    assert outbox_rows(store) == 3


def test_two_events_of_one_conversation_in_one_batch_are_ordered(store: SQLiteStore) -> None:
    store.apply("acme", "c1", "e0", counting("e0"))
    seen: list[int] = []
    store.apply_batch(
        [
            entry(store, "e1", counting("e1", seen=seen)),
            entry(store, "x1", counting("x1", "c2"), conversation="c2"),
            entry(store, "e2", counting("e2", seen=seen)),
        ]
    )
    # The second step of c1 read the state the first left, in the same transaction.
    assert seen == [1, 2]
    assert messages(store) == 3
    assert messages(store, "c2") == 1


def test_a_step_that_raises_fails_only_its_own_event(store: SQLiteStore) -> None:
    outcomes = store.apply_batch(
        [
            entry(store, "e1", counting("e1")),
            entry(store, "e2", failing),
            entry(store, "e3", counting("e3")),
        ]
    )
    assert isinstance(outcomes[1], StepFailed)
    assert isinstance(outcomes[0], StoreResult)
    assert isinstance(outcomes[2], StoreResult)
    assert messages(store) == 2
    assert outbox_rows(store) == 2
    # The failed event was not recorded: its retry is decided, not replayed.
    (retry,) = store.apply_batch([entry(store, "e2", counting("e2"))])
    assert isinstance(retry, StoreResult)
    assert not retry.replayed


def test_a_write_that_fails_for_one_event_rolls_back_its_savepoint_only(
    store: SQLiteStore,
) -> None:
    def not_json(state: ConversationState | None) -> Transition:
        transition = counting("e2")(state)
        return transition._replace(deliveries=(callback(bad=object()),))

    outcomes = store.apply_batch([entry(store, "e1", counting("e1")), entry(store, "e2", not_json)])
    assert isinstance(outcomes[0], StoreResult)
    assert isinstance(outcomes[1], Exception)
    assert messages(store) == 1  # e2's state, written before its outbox row failed, is gone
    assert outbox_rows(store) == 1


def test_a_duplicate_event_id_in_one_batch_is_replayed(store: SQLiteStore) -> None:
    calls: list[int] = []

    def step(state: ConversationState | None) -> Transition:
        calls.append(1)
        return counting("e1")(state)

    first, second = store.apply_batch([entry(store, "e1", step), entry(store, "e1", step)])
    assert isinstance(first, StoreResult)
    assert isinstance(second, StoreResult)
    assert (first.replayed, second.replayed) == (False, True)
    assert second.decision == first.decision
    assert len(calls) == 1
    assert messages(store) == 1


def test_an_event_recorded_earlier_is_replayed_in_a_batch(store: SQLiteStore) -> None:
    store.apply("acme", "c1", "e1", counting("e1"))
    (outcome,) = store.apply_batch([entry(store, "e1", failing)])  # never called
    assert isinstance(outcome, StoreResult)
    assert outcome.replayed
    assert messages(store) == 1


class FailingCommit:
    """A connection whose next ``COMMIT`` fails, as a failing disk makes it fail."""

    armed = False

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "COMMIT" and FailingCommit.armed:
            FailingCommit.armed = False
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def fail_next_commit(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    db = store._db
    acquire = db._acquire
    monkeypatch.setattr(db, "_acquire", lambda: FailingCommit(acquire()))
    monkeypatch.setattr(FailingCommit, "armed", True)


def test_a_failed_commit_fails_the_whole_batch_and_writes_nothing(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.apply("acme", "c1", "e0", counting("e0"))
    fail_next_commit(store, monkeypatch)
    with pytest.raises(StoreUnavailableError):
        store.apply_batch([entry(store, "e1", counting("e1")), entry(store, "e2", counting("e2"))])
    monkeypatch.undo()
    assert messages(store) == 1
    assert outbox_rows(store) == 1
    # Nothing was recorded, so both retries are decided afresh (and see the old state).
    seen: list[int] = []
    outcomes = store.apply_batch(
        [
            entry(store, "e1", counting("e1", seen=seen)),
            entry(store, "e2", counting("e2", seen=seen)),
        ]
    )
    assert not any(o.replayed for o in outcomes if isinstance(o, StoreResult))
    assert seen == [1, 2]


def test_try_apply_batch_does_nothing_while_another_process_has_the_turn(
    store: SQLiteStore,
) -> None:
    held = HeldTurn(store)
    try:
        assert store.try_apply_batch([entry(store, "e1", counting("e1"))]) is None
    finally:
        held.release()
    assert messages(store) == 0
    outcomes = store.try_apply_batch([entry(store, "e1", counting("e1"))])
    assert outcomes is not None
    (outcome,) = outcomes
    assert isinstance(outcome, StoreResult)
    assert not outcome.replayed


def test_a_batch_does_not_mislead_the_state_cache(sqlite_maker: StoreMaker) -> None:
    first: SQLiteStore = sqlite_maker()
    other = SQLiteStore(first.path, pseudonymizer=first._codec._pseudonymizer)
    try:
        first.apply_batch([entry(first, "e1", counting("e1")), entry(first, "e2", counting("e2"))])
        other.apply("acme", "c1", "e3", counting("e3"))  # another process writes the row
        seen: list[int] = []
        first.apply_batch([entry(first, "e4", counting("e4", seen=seen))])
        assert seen == [3]
    finally:
        other.close()


# --- steps run ahead of the turn -------------------------------------------------------


def test_a_step_run_ahead_is_written_as_it_is_when_the_row_did_not_change(
    store: SQLiteStore,
) -> None:
    store.apply("acme", "c1", "e0", counting("e0"))
    seen: list[int] = []
    ahead = entry(store, "e1", counting("e1", seen=seen), ahead=True)
    assert ahead.ahead is not None
    assert seen == [1]  # run now, outside the turn
    (outcome,) = store.apply_batch([ahead])
    assert isinstance(outcome, StoreResult)
    assert seen == [1]  # not again under the turn
    assert outcome.decision == ahead.ahead.transition.decision
    assert messages(store) == 2


def test_a_step_run_ahead_runs_again_when_another_writer_changed_the_row(
    sqlite_maker: StoreMaker,
) -> None:
    first: SQLiteStore = sqlite_maker()
    other = SQLiteStore(first.path, pseudonymizer=first._codec._pseudonymizer)
    try:
        seen: list[int] = []
        ahead = entry(first, "e1", counting("e1", seen=seen), ahead=True)
        other.apply("acme", "c1", "x1", counting("x1"))  # another process, in between
        (outcome,) = first.apply_batch([ahead])
        assert isinstance(outcome, StoreResult)
        assert seen == [0, 1]  # ahead on the empty row, then on the state x1 left
        assert messages(first) == 2
    finally:
        other.close()


def test_steps_run_ahead_for_one_conversation_in_one_batch_stay_ordered(
    store: SQLiteStore,
) -> None:
    seen: list[int] = []
    entries = [entry(store, f"e{n}", counting(f"e{n}", seen=seen), ahead=True) for n in (1, 2)]
    assert seen == [0, 0]  # both ran ahead on the same (empty) row
    outcomes = store.apply_batch(entries)
    assert all(isinstance(o, StoreResult) for o in outcomes)
    assert seen == [0, 0, 1]  # e2 ran again on the state e1 left
    assert messages(store) == 2


def test_a_step_that_raises_ahead_raises_again_under_the_turn(store: SQLiteStore) -> None:
    ahead = entry(store, "e1", failing, ahead=True)
    assert ahead.ahead is None
    (outcome,) = store.apply_batch([ahead])
    assert isinstance(outcome, StepFailed)
    assert messages(store) == 0


def test_a_retry_is_not_run_ahead_and_is_replayed(store: SQLiteStore) -> None:
    store.apply("acme", "c1", "e1", counting("e1"))
    retry = entry(store, "e1", failing, ahead=True)
    assert retry.ahead is None
    (outcome,) = store.apply_batch([retry])
    assert isinstance(outcome, StoreResult)
    assert outcome.replayed


# --- the batcher: group commit on an event loop -----------------------------------------


def pending(event_id: str, step: Step, conversation: str = "c1") -> PendingEvent:
    return PendingEvent("acme", conversation, event_id, step)


def test_only_a_store_that_can_batch_gets_a_batcher(store: SQLiteStore) -> None:
    from intimacy_rules.engine.memory_store import InMemoryStore

    assert as_batching_store(store) is store
    assert as_batching_store(InMemoryStore()) is None


def test_events_submitted_together_share_one_transaction(store: SQLiteStore) -> None:
    batcher = WriteBatcher(store)

    async def main() -> list[StoreResult]:
        return await asyncio.gather(
            *(batcher.submit(pending(f"e{n}", counting(f"e{n}"))) for n in range(1, 6))
        )

    results = asyncio.run(main())
    assert [r.decision.event_id for r in results] == ["e1", "e2", "e3", "e4", "e5"]
    assert (batcher.batches, batcher.events) == (1, 5)
    assert messages(store) == 5


def test_a_step_raising_inside_a_batch_fails_only_its_request(store: SQLiteStore) -> None:
    batcher = WriteBatcher(store)

    async def main() -> tuple[StoreResult | BaseException, ...]:
        return await asyncio.gather(
            batcher.submit(pending("e1", counting("e1"))),
            batcher.submit(pending("e2", failing)),
            batcher.submit(pending("e3", counting("e3"))),
            return_exceptions=True,
        )

    first, second, third = asyncio.run(main())
    assert isinstance(second, StepFailed)
    assert isinstance(first, StoreResult)
    assert isinstance(third, StoreResult)
    assert batcher.batches == 1
    assert messages(store) == 2


def test_a_failed_commit_fails_every_request_of_the_batch(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    batcher = WriteBatcher(store)
    fail_next_commit(store, monkeypatch)

    async def main() -> tuple[StoreResult | BaseException, ...]:
        return await asyncio.gather(
            batcher.submit(pending("e1", counting("e1"))),
            batcher.submit(pending("e2", counting("e2", "c2"), "c2")),
            return_exceptions=True,
        )

    outcomes = asyncio.run(main())
    assert all(isinstance(o, StoreUnavailableError) for o in outcomes)
    monkeypatch.undo()
    assert messages(store) == 0
    assert messages(store, "c2") == 0
    assert outbox_rows(store) == 0


def test_the_loop_keeps_running_while_another_process_holds_the_turn(
    store: SQLiteStore,
) -> None:
    batcher = WriteBatcher(store, retry_s=0.001)
    held = HeldTurn(store)

    async def main() -> tuple[int, StoreResult]:
        task = asyncio.create_task(batcher.submit(pending("e1", counting("e1"))))
        ticks = 0
        for _ in range(20):  # ~20 ms during which the event cannot be recorded
            await asyncio.sleep(0.001)
            ticks += 1
            assert not task.done()  # nothing answered before its commit
        held.release()
        result = await asyncio.wait_for(task, timeout=5)
        return ticks, result

    try:
        ticks, result = asyncio.run(main())
    finally:
        held.release()
    assert ticks == 20  # the loop ran other coroutines all along
    assert not result.replayed
    assert batcher.misses >= 1
    assert messages(store) == 1


def test_close_records_what_is_pending_and_refuses_new_events(store: SQLiteStore) -> None:
    batcher = WriteBatcher(store)
    held = HeldTurn(store)

    async def main() -> tuple[asyncio.Task[StoreResult], StoreResult | BaseException]:
        task = asyncio.create_task(batcher.submit(pending("e1", counting("e1"))))
        await asyncio.sleep(0.005)  # tried, found the turn taken
        held.release()
        batcher.close()  # waits for the turn and records e1
        refused = await asyncio.gather(
            batcher.submit(pending("e2", counting("e2"))), return_exceptions=True
        )
        return task, refused[0]

    task, refused = asyncio.run(main())
    assert task.done()
    assert not task.result().replayed
    assert isinstance(refused, StoreUnavailableError)
    assert messages(store) == 1


def test_close_fails_pending_events_when_the_store_cannot_record_them(
    store: SQLiteStore,
) -> None:
    batcher = WriteBatcher(store)
    held = HeldTurn(store)

    async def main() -> StoreResult | BaseException:
        task = asyncio.create_task(batcher.submit(pending("e1", counting("e1"))))
        await asyncio.sleep(0.005)
        store.close()  # the store goes away before the batcher is closed
        batcher.close()
        held.release()
        (outcome,) = await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 1)
        return outcome

    error = asyncio.run(main())
    assert isinstance(error, StoreError)  # answered with an error, never left waiting
