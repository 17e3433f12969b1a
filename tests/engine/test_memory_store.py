"""InMemoryStore: the Store contract, plus its own documented bounds and outbox."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.engine.store import OutboundMessage, Transition
from intimacy_rules.errors import ConfigurationError
from tests.engine.store_contract import StoreContract, make_decision, make_state


class TestInMemoryStoreContract(StoreContract):
    @pytest.fixture
    def store_factory(self) -> type[InMemoryStore]:
        return InMemoryStore


def _put(store: InMemoryStore, conversation: str, event: str, tag: int = 1) -> bool:
    result = store.apply(
        "t", conversation, event, lambda _s: Transition(make_state(tag), make_decision(event))
    )
    return result.replayed


def test_the_least_recently_used_conversation_is_forgotten_beyond_the_limit() -> None:
    store = InMemoryStore(max_conversations=2)
    _put(store, "c1", "e1")
    _put(store, "c2", "e2")
    _put(store, "c1", "e3")  # c1 is now the most recently used
    _put(store, "c3", "e4")
    assert len(store) == 2
    assert store.load_state("t", "c2") is None
    assert store.load_state("t", "c1") is not None
    assert store.load_state("t", "c3") is not None
    # the forgotten conversation's decisions went with it
    assert _put(store, "c2", "e2") is False


def test_only_the_newest_decisions_are_remembered_for_retries() -> None:
    store = InMemoryStore(max_remembered_events=2)
    for n in range(1, 4):
        _put(store, "c1", f"e{n}")
    assert _put(store, "c1", "e3") is True
    assert _put(store, "c1", "e2") is True
    assert _put(store, "c1", "e1") is False  # too old: decided again


def test_deliveries_are_kept_in_order_and_a_full_outbox_counts_what_it_drops() -> None:
    store = InMemoryStore(max_outbox=2)

    def step(n: int) -> Callable[[ConversationState | None], Transition]:
        rows = (OutboundMessage(event_type="decision", payload={"n": n}),)
        return lambda _s: Transition(make_state(n), make_decision(f"e{n}"), rows)

    for n in range(3):
        store.apply("t", "c1", f"e{n}", step(n))
    assert store.dropped_deliveries == 1
    assert [row.payload["n"] for row in store.take_deliveries(limit=1)] == [1]
    assert [row.payload["n"] for row in store.take_deliveries()] == [2]
    assert store.take_deliveries() == []


def test_a_replayed_event_adds_no_delivery() -> None:
    store = InMemoryStore()
    row = (OutboundMessage(event_type="decision", payload={}),)
    for _ in range(2):
        store.apply("t", "c1", "e1", lambda _s: Transition(make_state(1), make_decision("e1"), row))
    assert len(store.take_deliveries()) == 1


@pytest.mark.parametrize("name", ["max_conversations", "max_remembered_events", "max_outbox"])
def test_a_bound_below_one_is_a_configuration_error(name: str) -> None:
    with pytest.raises(ConfigurationError, match="at least 1") as info:
        InMemoryStore(**{name: 0})
    assert info.value.field == name


@pytest.mark.parametrize("names_its_conversation", [True, False])
def test_remembered_decisions_stay_with_their_conversation_and_tenant(
    names_its_conversation: bool,
) -> None:
    # Decisions are remembered under one string per (tenant, event id), so
    # tenants and ids that would run together as plain text must stay apart;
    # evicting the oldest decision must free its own conversation's record,
    # whether or not the decision names that conversation.
    store = InMemoryStore(max_remembered_events=3)

    def put(tenant: str, conversation: str, event: str) -> bool:
        decision = make_decision(event, conversation if names_its_conversation else "elsewhere")
        return store.apply(
            tenant, conversation, event, lambda _s: Transition(make_state(1), decision)
        ).replayed

    assert put("1:a", "c1", "b") is False
    assert put("1", "c2", ":ab") is False  # not the same key as ("1:a", "b")
    assert put("1:a", "c1", "b") is True
    assert put("t", "c3", "e1") is False
    assert put("t", "c3", "e2") is False  # evicts ("1:a", "b")
    assert put("1", "c2", ":ab") is True
    assert put("1:a", "c1", "b") is False  # forgotten: decided again
    assert store.erase("1", "c2") is True
    assert put("1", "c2", ":ab") is False
