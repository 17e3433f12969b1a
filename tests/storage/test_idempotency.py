"""Idempotency on (tenant, event id) beyond the Store contract's single-conversation cases."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import StoreResult, Transition
from tests.storage.helpers import StoreMaker, callback, deliver

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def _fixed() -> datetime:
    return T0


def test_one_event_id_sent_for_two_conversations_at_once_is_decided_once(
    make_store: StoreMaker,
) -> None:
    # A host bug, but the idempotency key is (tenant, event id): whichever
    # commits first wins, the other is answered with its decision and writes
    # nothing, not even the state of its own conversation.
    store = make_store(clock=_fixed)
    entered, release = threading.Event(), threading.Event()
    results: dict[str, StoreResult] = {}

    def slow(state: ConversationState | None) -> Transition:
        entered.set()
        assert release.wait(timeout=10)
        return deliver(callback(n=1), tag=1, conversation_id="c1")(state)

    def first() -> None:
        results["c1"] = store.apply("t", "c1", "e1", slow)

    thread = threading.Thread(target=first)
    thread.start()
    assert entered.wait(timeout=10)
    racer = threading.Thread(
        target=lambda: results.update(
            c2=store.apply("t", "c2", "e1", deliver(callback(n=2), tag=2, conversation_id="c2"))
        )
    )
    racer.start()
    racer.join(timeout=0.5)
    release.set()
    thread.join(timeout=10)
    racer.join(timeout=10)
    winner, loser = sorted(results.values(), key=lambda r: r.replayed)
    assert (winner.replayed, loser.replayed) == (False, True)
    assert loser.decision == winner.decision
    states = [store.load_state("t", c) for c in ("c1", "c2")]
    assert sum(s is not None for s in states) == 1
    assert len(store.outbox.claim_due(10, T0, 30)) == 1
