"""Retention on both backends: ``purge(now)`` deletes what is past its period, only that."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from intimacy_rules.storage.retention import PurgeCounts, RetentionPolicy
from tests.engine.store_contract import make_state
from tests.storage.helpers import StoreMaker, callback, deliver

T0 = datetime(2026, 1, 1, tzinfo=UTC)
POLICY = RetentionPolicy(decisions_days=30, states_days=60, delivered_days=7, dead_days=14)


class _Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_each_kind_expires_after_its_own_period(make_store: StoreMaker) -> None:
    clock = _Clock()
    store = make_store(clock=clock, retention=POLICY)
    store.apply("t", "old", "e1", deliver(callback(n=1), callback(n=2), callback(n=3)))
    delivered, dead, pending = store.outbox.claim_due(10, T0, 30)
    store.outbox.mark_delivered(delivered.id, delivered.lease_token)
    store.outbox.mark_failed(dead.id, dead.lease_token, None, "gone")
    store.outbox.mark_failed(pending.id, pending.lease_token, T0 + timedelta(days=365), "503")
    clock.now = T0 + timedelta(days=20)
    store.apply("t", "recent", "e2", deliver(tag=2, event_id="e2"))

    # day 10: only the delivered row (7 days) is past its period
    assert store.purge(T0 + timedelta(days=10)) == PurgeCounts(delivered=1)
    # day 31: the old decision (30) and the dead letter (14) go too; states stay
    assert store.purge(T0 + timedelta(days=31)) == PurgeCounts(decisions=1, dead=1)
    assert store.load_state("t", "old") == make_state(1)
    assert store.outbox.list_dead("t") == []
    # day 61: the old conversation's state (60 after its last event) goes,
    # and the recent decision (day 20) is now past 30 days; its state is not
    assert store.purge(T0 + timedelta(days=61)) == PurgeCounts(decisions=1, states=1)
    assert store.load_state("t", "old") is None
    assert store.load_state("t", "recent") == make_state(2)
    # the pending callback is work in flight: never purged
    assert [c.id for c in store.outbox.claim_due(10, T0 + timedelta(days=366), 30)] == [pending.id]


def test_a_retry_after_the_decision_expired_is_decided_again(make_store: StoreMaker) -> None:
    clock = _Clock()
    store = make_store(clock=clock, retention=POLICY)
    store.apply("t", "c1", "e1", deliver())
    assert store.apply("t", "c1", "e1", deliver(tag=2)).replayed is True
    store.purge(T0 + timedelta(days=31))
    assert store.apply("t", "c1", "e1", deliver(tag=2)).replayed is False


def test_purge_defaults_to_the_store_clock_and_nothing_expires_early(
    make_store: StoreMaker,
) -> None:
    clock = _Clock()
    store = make_store(clock=clock, retention=POLICY)
    store.apply("t", "c1", "e1", deliver())
    clock.now = T0 + timedelta(days=29)
    assert store.purge() == PurgeCounts()
    assert store.purge().total == 0
    clock.now = T0 + timedelta(days=90)
    assert store.purge().total == 2


@pytest.mark.parametrize("field", ["decisions_days", "states_days", "delivered_days", "dead_days"])
def test_a_retention_period_must_be_positive(field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        RetentionPolicy.model_validate({field: 0})


def test_unknown_retention_settings_are_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        RetentionPolicy.model_validate({"decision_days": 3})
