"""The outbox on both backends: rows written with decisions, leased, retried, dead-lettered."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import Transition
from intimacy_rules.errors import StoreError
from tests.storage.helpers import StoreMaker, callback, deliver

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def _fixed(at: datetime = T0) -> datetime:
    return at


def test_rows_are_written_with_the_decision_and_claimed_once(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1), callback("moderators", n=2)))
    claimed = store.outbox.claim_due(10, T0, 30)
    assert [(c.endpoint, c.payload, c.attempt) for c in claimed] == [
        ("default", {"n": 1}, 1),
        ("moderators", {"n": 2}, 1),
    ]
    assert all(c.tenant == "t" and c.event_type == "decision.created" for c in claimed)
    assert all(c.lease_until == T0 + timedelta(seconds=30) for c in claimed)
    # leased: nobody else gets them until the lease runs out
    assert store.outbox.claim_due(10, T0 + timedelta(seconds=29), 30) == []
    again = store.outbox.claim_due(10, T0 + timedelta(seconds=31), 30)
    assert [c.attempt for c in again] == [2, 2]


def test_a_replayed_event_writes_no_second_row(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    assert store.apply("t", "c1", "e1", deliver(callback(n=2))).replayed is True
    assert [c.payload for c in store.outbox.claim_due(10, T0, 30)] == [{"n": 1}]


def test_a_failing_step_queues_nothing(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)

    def broken_after_building(state: ConversationState | None) -> Transition:
        deliver(callback(n=1))(None)
        raise RuntimeError("analysis failed")

    with pytest.raises(RuntimeError, match="analysis failed"):
        store.apply("t", "c1", "e1", broken_after_building)
    assert store.outbox.claim_due(10, T0, 30) == []


def test_delivered_rows_are_never_claimed_again(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (row,) = store.outbox.claim_due(10, T0, 30)
    assert store.outbox.mark_delivered(row.id, row.lease_token) is True
    assert store.outbox.claim_due(10, T0 + timedelta(hours=1), 30) == []
    assert store.outbox.mark_delivered(row.id, row.lease_token) is False


def test_a_failure_is_retried_at_the_time_given(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (row,) = store.outbox.claim_due(10, T0, 30)
    retry_at = T0 + timedelta(minutes=5)
    assert store.outbox.mark_failed(row.id, row.lease_token, retry_at, "HTTP 503") is True
    assert store.outbox.claim_due(10, retry_at - timedelta(seconds=1), 30) == []
    (again,) = store.outbox.claim_due(10, retry_at, 30)
    assert (again.id, again.attempt) == (row.id, 2)


def test_a_lost_lease_cannot_overwrite_the_new_owner(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (slow,) = store.outbox.claim_due(10, T0, 30)
    (fast,) = store.outbox.claim_due(10, T0 + timedelta(seconds=60), 30)
    assert store.outbox.mark_delivered(fast.id, fast.lease_token) is True
    assert store.outbox.mark_failed(slow.id, slow.lease_token, None, "timeout") is False
    assert store.outbox.list_dead("t") == []


def test_the_last_failure_dead_letters_and_redeliver_requeues(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (row,) = store.outbox.claim_due(10, T0, 30)
    failed_at = T0 + timedelta(seconds=2)
    assert store.outbox.mark_failed(row.id, row.lease_token, None, "HTTP 500", now=failed_at)
    assert store.outbox.claim_due(10, T0 + timedelta(days=1), 30) == []
    (dead,) = store.outbox.list_dead("t")
    assert (dead.id, dead.payload, dead.attempts, dead.last_error) == (
        row.id,
        {"n": 1},
        1,
        "HTTP 500",
    )
    assert dead.failed_at == failed_at
    # another tenant neither sees nor redelivers it
    assert store.outbox.list_dead("other") == []
    assert store.outbox.redeliver("other", row.id) is False
    assert store.outbox.redeliver("t", row.id) is True
    assert store.outbox.list_dead("t") == []
    (back,) = store.outbox.claim_due(10, T0, 30)
    assert (back.id, back.attempt) == (row.id, 1)


def test_error_texts_are_cut_to_a_bounded_length(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (row,) = store.outbox.claim_due(10, T0, 30)
    store.outbox.mark_failed(row.id, row.lease_token, None, "x" * 10_000)
    (dead,) = store.outbox.list_dead("t")
    assert dead.last_error == "x" * 500


def test_a_disabled_endpoint_dead_letters_its_rows_and_later_ones(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    store.apply("t", "c1", "e1", deliver(callback("gone", n=1), callback("ok", n=2)))
    assert store.outbox.disable_endpoint("t", "gone") == 1
    assert store.outbox.disabled_endpoints("t") == frozenset({"gone"})
    assert store.outbox.disabled_endpoints("other") == frozenset()
    store.apply("t", "c1", "e2", deliver(callback("gone", n=3), tag=2, event_id="e2"))
    assert [c.payload for c in store.outbox.claim_due(10, T0, 30)] == [{"n": 2}]
    dead = store.outbox.list_dead("t")
    assert sorted(d.payload["n"] for d in dead) == [1, 3]
    assert {d.last_error for d in dead} == {"endpoint disabled (410 Gone)"}
    # an operator redelivering re-enables the endpoint
    assert store.outbox.redeliver("t", dead[0].id) is True
    assert store.outbox.disabled_endpoints("t") == frozenset()
    assert len(store.outbox.claim_due(10, T0, 30)) == 1


def test_enable_endpoint_says_whether_it_was_disabled(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    assert store.outbox.enable_endpoint("t", "x") is False
    store.outbox.disable_endpoint("t", "x")
    assert store.outbox.enable_endpoint("t", "x") is True


def test_claims_are_oldest_first_and_limited(make_store: StoreMaker) -> None:
    moments = iter(T0 + timedelta(seconds=n) for n in range(10))
    store = make_store(clock=lambda: next(moments))
    for n in range(5):
        store.apply("t", f"c{n}", f"e{n}", deliver(callback(n=n), event_id=f"e{n}"))
    first = store.outbox.claim_due(2, T0 + timedelta(minutes=1), 30)
    rest = store.outbox.claim_due(10, T0 + timedelta(minutes=1), 30)
    assert [c.payload["n"] for c in first + rest] == [0, 1, 2, 3, 4]


def test_a_payload_that_is_not_json_is_refused_and_nothing_is_written(
    make_store: StoreMaker,
) -> None:
    store = make_store(clock=_fixed)
    with pytest.raises(StoreError, match="not JSON"):
        store.apply("t", "c1", "e1", deliver(callback(n=object())))
    assert store.load_state("t", "c1") is None
    assert store.outbox.claim_due(10, T0, 30) == []


def test_concurrent_claimers_never_get_the_same_row(make_store: StoreMaker) -> None:
    store = make_store(clock=_fixed)
    for n in range(60):
        store.apply("t", f"c{n % 6}", f"e{n}", deliver(callback(n=n), event_id=f"e{n}", tag=n))
    got: list[list[int]] = [[] for _ in range(6)]
    start = threading.Barrier(6, timeout=30)
    first_round = threading.Barrier(6, timeout=30)

    def worker(mine: list[int]) -> None:
        start.wait()
        # One claim each before any goes on: under the GIL one thread could
        # otherwise drain all 20 batches in its time slice, and the test would
        # not see claimers meet.
        mine.extend(row.id for row in store.outbox.claim_due(3, T0, 300))
        first_round.wait()
        while rows := store.outbox.claim_due(3, T0, 300):
            mine.extend(row.id for row in rows)

    threads = [threading.Thread(target=worker, args=(mine,)) for mine in got]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    ids = [i for mine in got for i in mine]
    assert len(ids) == 60
    assert len(set(ids)) == 60
    assert all(got)  # every claimer got rows of its own
