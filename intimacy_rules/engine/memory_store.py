"""``InMemoryStore``: the default ``Store``, keeping state objects in this process.

It implements the ``Store`` protocol of ``engine/store.py`` exactly: one lock
per conversation (events of one conversation are decided one at a time, those
of different conversations in parallel), idempotency on ``(tenant, event_id)``,
erase, and an outbox of pending callbacks. It keeps the immutable
``ConversationState`` objects themselves, so the hot path never serialises.

Memory is bounded, and the bounds are part of the contract:

- at most ``max_conversations`` conversations; when a new one would exceed
  it, the least recently used conversation is forgotten whole (its state and
  the decisions remembered for its events), as if it had been erased;
- at most ``max_remembered_events`` decisions are remembered for retries;
  beyond that the oldest is forgotten, so a retry of a very old event is
  decided again (hosts retry within minutes, not 100,000 events later);
- at most ``max_outbox`` undelivered callbacks; beyond that the oldest is
  dropped and counted in ``dropped_deliveries``.

Measured on CPython 3.11 with the default dating ruleset: about 10 KiB per
two-person conversation and 3 KiB per remembered decision, so the defaults
(20,000 conversations, 100,000 decisions) hold the store under about 0.5 GiB.

Nothing here outlives the process, so ids are kept as the host sent them:
pseudonymisation at rest is the job of stores that write to disk.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Union

from intimacy_rules.engine.store import OutboundMessage, StoreResult, Transition
from intimacy_rules.errors import ConfigurationError, StoreError

if TYPE_CHECKING:
    from intimacy_rules.conversation.state import ConversationState
    from intimacy_rules.engine.decision import Decision

__all__ = ["DEFAULT_MAX_CONVERSATIONS", "DEFAULT_MAX_REMEMBERED_EVENTS", "InMemoryStore"]

DEFAULT_MAX_CONVERSATIONS: Final = 20_000
DEFAULT_MAX_REMEMBERED_EVENTS: Final = 100_000
DEFAULT_MAX_OUTBOX: Final = 100_000

_Key = tuple[str, str]
_new_tuple = tuple.__new__
# A remembered decision, with its conversation's key when the decision names
# another conversation than the one it was recorded in (only a custom step does).
_Remembered = Union["Decision", tuple[_Key, "Decision"]]


def _event_key(tenant: str, event_id: str) -> str:
    """``(tenant, event_id)`` as one unambiguous string (the tenant's length first).

    A string, not a tuple: the garbage collector does not track strings, and
    one key is kept per remembered decision (fewer tracked objects per event,
    fewer collector passes in the middle of an event).
    """
    return f"{len(tenant)}:{tenant}{event_id}"


def _split_event_key(key: str) -> _Key:
    length, _, rest = key.partition(":")
    cut = int(length)
    return rest[:cut], rest[cut:]


@dataclass(eq=False, slots=True)
class _Conversation:
    """One conversation's slot: its key, lock and state, the events decided in it."""

    key: _Key
    lock: threading.Lock = field(default_factory=threading.Lock)
    state: ConversationState | None = None
    event_ids: deque[str] = field(default_factory=deque)


class InMemoryStore:
    """A thread-safe ``Store`` in this process's memory, with documented bounds."""

    def __init__(
        self,
        *,
        max_conversations: int = DEFAULT_MAX_CONVERSATIONS,
        max_remembered_events: int = DEFAULT_MAX_REMEMBERED_EVENTS,
        max_outbox: int = DEFAULT_MAX_OUTBOX,
    ) -> None:
        for name, value in (
            ("max_conversations", max_conversations),
            ("max_remembered_events", max_remembered_events),
            ("max_outbox", max_outbox),
        ):
            if value < 1:
                raise ConfigurationError(f"must be at least 1, got {value}", field=name)
        self._max_conversations = max_conversations
        self._max_events = max_remembered_events
        # One short global lock guards the maps; the long work (the step) runs
        # under the conversation's own lock only, so conversations never wait
        # on each other.
        self._maps_lock = threading.Lock()
        self._conversations: OrderedDict[_Key, _Conversation] = OrderedDict()
        self._decisions: OrderedDict[str, _Remembered] = OrderedDict()
        self._outbox: deque[OutboundMessage] = deque(maxlen=max_outbox)
        self._dropped = 0
        self._closed = False

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        """Run ``step`` on the conversation's state under its lock; replay retries.

        If ``step`` raises, nothing is written and the exception propagates.
        """
        key = (tenant, conversation_id)
        event_key = _event_key(tenant, event_id)
        while True:
            slot = self._slot(key)
            with slot.lock:
                # erase() may have removed the slot while we waited for its
                # lock; writing into a detached slot would lose the event.
                with self._maps_lock:
                    if self._conversations.get(key) is not slot:
                        continue
                    remembered = self._decisions.get(event_key)
                if remembered is not None:
                    if isinstance(remembered, tuple):
                        remembered = remembered[1]
                    return _new_tuple(StoreResult, (remembered, True))
                transition = step(slot.state)
                with self._maps_lock:
                    self._commit(slot, event_key, event_id, transition)
                # tuple.__new__ in C, not the named tuple's Python-level __new__
                return _new_tuple(StoreResult, (transition.decision, False))

    def load_state(self, tenant: str, conversation_id: str) -> ConversationState | None:
        """The conversation's state, or None when nothing is stored."""
        self._check_open()
        with self._maps_lock:
            slot = self._conversations.get((tenant, conversation_id))
            return None if slot is None else slot.state

    def erase(self, tenant: str, conversation_id: str) -> bool:
        """Forget the conversation's state and remembered decisions; True if any."""
        self._check_open()
        key = (tenant, conversation_id)
        with self._maps_lock:
            slot = self._conversations.get(key)
        if slot is None:
            return False
        # Take the conversation's lock so an event being decided finishes
        # first and cannot write the state back after the erase.
        with slot.lock, self._maps_lock:
            if self._conversations.get(key) is not slot:
                return False
            self._forget(key, slot)
            return slot.state is not None or bool(slot.event_ids)

    def take_deliveries(self, limit: int | None = None) -> list[OutboundMessage]:
        """Remove and return up to ``limit`` pending callbacks, oldest first."""
        with self._maps_lock:
            count = len(self._outbox) if limit is None else min(limit, len(self._outbox))
            return [self._outbox.popleft() for _ in range(count)]

    @property
    def dropped_deliveries(self) -> int:
        """How many callbacks were dropped because the outbox was full."""
        return self._dropped

    def __len__(self) -> int:
        """How many conversations are held."""
        return len(self._conversations)

    def close(self) -> None:
        """Forget everything; later calls raise ``StoreError``."""
        with self._maps_lock:
            self._closed = True
            self._conversations.clear()
            self._decisions.clear()
            self._outbox.clear()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the in-memory store is closed")

    def _slot(self, key: _Key) -> _Conversation:
        with self._maps_lock:
            if self._closed:
                raise StoreError("the in-memory store is closed")
            slot = self._conversations.get(key)
            if slot is None:
                slot = _Conversation(key)
                self._conversations[key] = slot
                self._evict_conversations(key)
            else:
                self._conversations.move_to_end(key)
            return slot

    def _commit(
        self, slot: _Conversation, event_key: str, event_id: str, transition: Transition
    ) -> None:
        slot.state = transition.state
        slot.event_ids.append(event_id)
        decision = transition.decision
        # The decision alone when it names its conversation (the engine's
        # always do): one tracked object fewer kept per remembered decision.
        self._decisions[event_key] = (
            decision if decision.conversation_id == slot.key[1] else (slot.key, decision)
        )
        while len(self._decisions) > self._max_events:
            old_event_key, old = self._decisions.popitem(last=False)
            old_tenant, old_event = _split_event_key(old_event_key)
            old_key = old[0] if isinstance(old, tuple) else (old_tenant, old.conversation_id)
            owner = self._conversations.get(old_key)
            if owner is not None and owner.event_ids and owner.event_ids[0] == old_event:
                owner.event_ids.popleft()
        for delivery in transition.deliveries:
            if len(self._outbox) == self._outbox.maxlen:
                self._dropped += 1
            self._outbox.append(delivery)

    def _evict_conversations(self, newest: _Key) -> None:
        # Called with the maps lock held, right after ``newest`` was added at
        # the end; the first slots are the least recently used. A slot whose
        # lock is held is busy and is skipped rather than pulled from under
        # its step, and the newest is never evicted to make room for itself.
        while len(self._conversations) > self._max_conversations:
            for key, slot in self._conversations.items():
                if key != newest and not slot.lock.locked():
                    break
            else:
                return  # every other conversation is busy: exceed briefly
            self._forget(key, slot)

    def _forget(self, key: _Key, slot: _Conversation) -> None:
        del self._conversations[key]
        tenant = key[0]
        for event_id in slot.event_ids:
            self._decisions.pop(_event_key(tenant, event_id), None)
