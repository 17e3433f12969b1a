"""Erasure on request: everything stored for one conversation goes, nothing else does."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import Transition
from intimacy_rules.privacy import Pseudonymizer
from tests.engine.store_contract import make_state
from tests.storage.helpers import StoreMaker, callback, deliver

AT = datetime(2026, 7, 1, tzinfo=UTC)


def test_erase_removes_the_conversations_callbacks_in_every_state(
    make_store: StoreMaker,
) -> None:
    store = make_store(clock=lambda: AT)
    store.apply("t", "c1", "e1", deliver(callback(n=1), callback(n=2), callback(n=3)))
    store.apply("t", "c2", "e2", deliver(callback(n=4), tag=2, event_id="e2"))
    first, second, _pending, _other = store.outbox.claim_due(10, AT, 30)
    store.outbox.mark_delivered(first.id, first.lease_token)
    store.outbox.mark_failed(second.id, second.lease_token, None, "gone")
    assert store.erase("t", "c1") is True
    assert store.outbox.list_dead("t") == []
    later = store.outbox.claim_due(10, AT + timedelta(hours=1), 30)
    assert [c.payload for c in later] == [{"n": 4}]
    assert store.load_state("t", "c2") == make_state(2)


def test_erase_is_scoped_to_the_tenant(make_store: StoreMaker) -> None:
    store = make_store(clock=lambda: AT)
    store.apply("a", "c1", "e1", deliver(callback(n=1)))
    store.apply("b", "c1", "e1", deliver(callback(n=2), tag=2))
    assert store.erase("a", "c1") is True
    assert store.load_state("a", "c1") is None
    assert store.load_state("b", "c1") == make_state(2)
    assert [c.tenant for c in store.outbox.claim_due(10, AT, 30)] == ["b"]


def test_erase_finds_dead_letters_left_after_the_state_expired(make_store: StoreMaker) -> None:
    store = make_store(clock=lambda: AT)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    (row,) = store.outbox.claim_due(10, AT, 30)
    store.outbox.mark_failed(row.id, row.lease_token, None, "gone", now=AT + timedelta(days=200))
    store.purge(AT + timedelta(days=100))  # state and decision expire, the dead letter not yet
    assert store.load_state("t", "c1") is None
    assert store.erase("t", "c1") is True
    assert store.outbox.list_dead("t") == []


def test_an_erased_conversation_leaves_no_key_in_the_sqlite_files(
    sqlite_maker: StoreMaker, pseudonymizer: Pseudonymizer, tmp_path: Path
) -> None:
    store = sqlite_maker(clock=lambda: AT)
    store.apply("t", "gone", "e1", deliver(callback(n=1)))
    store.apply("t", "kept", "e2", deliver(tag=2, event_id="e2"))
    erased = pseudonymizer.pseudonym("conversation", "t:gone").encode()
    kept = pseudonymizer.pseudonym("conversation", "t:kept").encode()

    def on_disk() -> bytes:
        return b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())

    assert erased in on_disk()  # the search finds a key that is there
    store.erase("t", "gone")
    # while the store is open (the WAL is where recent pages live)...
    assert kept in on_disk()
    assert erased not in on_disk()
    # ...and after it closed
    store.close()
    assert erased not in on_disk()


def test_an_erase_waits_for_the_event_being_decided_and_removes_it_too(
    make_store: StoreMaker,
) -> None:
    store = make_store(clock=lambda: AT)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    entered, release = threading.Event(), threading.Event()

    def slow(state: ConversationState | None) -> Transition:
        entered.set()
        assert release.wait(timeout=10)
        return deliver(callback(n=2), tag=2, event_id="e2")(state)

    deciding = threading.Thread(target=store.apply, args=("t", "c1", "e2", slow))
    deciding.start()
    assert entered.wait(timeout=10)
    erased: list[bool] = []
    erasing = threading.Thread(target=lambda: erased.append(store.erase("t", "c1")))
    erasing.start()
    erasing.join(timeout=0.3)
    assert erasing.is_alive()  # it waits for the event's transaction
    release.set()
    deciding.join(timeout=10)
    erasing.join(timeout=10)
    assert erased == [True]
    # the state written by the event did not survive the erase, nor its
    # decision or callback: nothing can bring the conversation back
    assert store.load_state("t", "c1") is None
    assert store.outbox.claim_due(10, AT, 30) == []
    assert store.apply("t", "c1", "e2", deliver(tag=3, event_id="e2")).replayed is False
