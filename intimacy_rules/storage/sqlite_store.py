"""``SQLiteStore``: the embedded default store, one SQLite file under the data dir.

Implements ``engine.store.Store`` (plus retention and the outbox) over
``SQLiteDatabase``. Per-conversation ordering comes from ``BEGIN IMMEDIATE``:
SQLite has one writer at a time, so the events of a conversation (and of all
others) are decided one after the other, each seeing the state the previous
one committed. That is the embedded trade-off; PostgreSQL locks per
conversation instead.

Ids are pseudonymised and documents sealed through ``DocumentCodec``; no
message text is ever given to a store.

Group commit: ``apply_batch`` and ``try_apply_batch`` record several events
in one transaction, one ``SAVEPOINT`` each, with one ``COMMIT`` (and one
write turn) for all. The server's ``WriteBatcher`` uses them so a process
does not sleep on its event loop while another process holds the turn.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from intimacy_rules.engine.store import PendingEvent, StoreResult, Transition
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.clock import Clock, to_epoch, utc_now
from intimacy_rules.storage.codec import DocumentCodec
from intimacy_rules.storage.retention import PurgeCounts, RetentionPolicy
from intimacy_rules.storage.sealing import Sealer
from intimacy_rules.storage.sqlite_db import SQLiteDatabase
from intimacy_rules.storage.sqlite_outbox import SQLiteOutbox
from intimacy_rules.storage.state_cache import DEFAULT_MAX_STATES, StateCache

if TYPE_CHECKING:
    from datetime import datetime

    from intimacy_rules.conversation.state import ConversationState

__all__ = ["Ahead", "BatchEntry", "BatchOutcome", "SQLiteStore"]

_FIND_STATE = "SELECT state FROM conversations WHERE tenant = ? AND conversation = ?"
#: The event's recorded decision and the conversation's state, in one statement:
#: one row, each column NULL when there is nothing stored.
_FIND_DECISION_AND_STATE = (
    "SELECT (SELECT decision FROM decisions WHERE tenant = ?1 AND event = ?2), "
    "(SELECT state FROM conversations WHERE tenant = ?1 AND conversation = ?3)"
)

#: What ``apply_batch`` gives for each entry: its result, or the exception
#: that failed that event alone (its step's own, or a row that does not open).
BatchOutcome = StoreResult | Exception


class Ahead(NamedTuple):
    """A step run before the write turn, on the row as it was then.

    Under the turn the row is read again: when it holds the very bytes the
    step ran on (``stored``; None: no row), the step's result is still the
    right one (every seal has a fresh nonce, so equal bytes mean no writer
    came in between) and is written as it is; otherwise the step runs again.
    """

    stored: bytes | None
    transition: Transition
    sealed_state: bytes
    sealed_decision: bytes


class BatchEntry(NamedTuple):
    """A ``PendingEvent`` ready for a batch (``SQLiteStore.batch_entry``).

    The keys are keyed HMACs: computed once, before the write turn, and not
    again on every try for it; ``ahead`` is the step already run, if it was.
    """

    tenant: str
    conversation: str
    event: str
    step: Callable[[ConversationState | None], Transition]
    ahead: Ahead | None = None


class SQLiteStore:
    """Conversation state, decisions and the outbox in one SQLite file."""

    def __init__(
        self,
        path: str | Path,
        *,
        pseudonymizer: Pseudonymizer,
        retention: RetentionPolicy | None = None,
        sealer: Sealer | None = None,
        clock: Clock = utc_now,
        busy_timeout_ms: int = 5_000,
        cache_states: int = DEFAULT_MAX_STATES,
    ) -> None:
        self._db = SQLiteDatabase(path, busy_timeout_ms=busy_timeout_ms)
        self._codec = DocumentCodec(pseudonymizer, sealer)
        self._retention = retention if retention is not None else RetentionPolicy()
        self._clock = clock
        self._states = StateCache(cache_states)
        self.outbox = SQLiteOutbox(self._db, self._codec, clock)
        """The delivery worker's view of this store's outbox (``OutboxStore``)."""

    @property
    def path(self) -> Path:
        """The database file."""
        return self._db.path

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        """Decide one event under the write lock; a recorded event is replayed.

        If ``step`` raises, nothing is written and its exception propagates.
        """
        # A batch of one: the same transaction, replay check and cache update
        # as group commit, with the step run under the turn.
        entry = self.batch_entry(PendingEvent(tenant, conversation_id, event_id, step), ahead=False)
        (outcome,) = self.apply_batch([entry])
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def batch_entry(self, pending: PendingEvent, *, ahead: bool = True) -> BatchEntry:
        """``pending`` (``Engine.prepare``'s) ready for a batch, its step run ahead.

        The step runs now, outside the write turn, on the conversation's row
        as stored now, and its state and decision are sealed (``Ahead``): the
        turn, which every writer of every process waits for, then only checks
        that the row is unchanged and writes. Events of a conversation stay
        ordered: if any write reached the row meanwhile (another process,
        an earlier event of the same batch), the step runs again under the
        turn on the state it finds, as without ``ahead``. A step that raises
        here is left to raise under the turn, where its error is answered.
        """
        tenant, conversation_id, event_id, step = pending
        entry = BatchEntry(
            tenant,
            self._codec.conversation_key(tenant, conversation_id),
            self._codec.event_key(tenant, event_id),
            step,
        )
        return entry._replace(ahead=self._run_ahead(entry)) if ahead else entry

    def _run_ahead(self, entry: BatchEntry) -> Ahead | None:
        tenant, conversation, event, step, _ = entry
        try:
            with self._db.reading() as conn:
                recorded, stored = conn.execute(
                    _FIND_DECISION_AND_STATE, (tenant, event, conversation)
                ).fetchone()
            if recorded is not None:
                return None  # a retry: replayed under the turn
            state = None if stored is None else self._open_state(tenant, conversation, stored)
            transition = step(state)
            return Ahead(
                stored,
                transition,
                self._codec.seal_state(tenant, conversation, transition.state),
                self._codec.seal_decision(tenant, event, transition.decision),
            )
        except Exception:  # decided under the turn, where an error is the event's answer
            return None

    def apply_batch(self, entries: Sequence[BatchEntry]) -> list[BatchOutcome]:
        """Record ``entries`` in order, in one transaction; waits for the write turn.

        Each entry is decided as ``apply`` would, seeing the state the entries
        before it left (two events of one conversation in one batch are
        ordered) and replaying an event already recorded, in the database or
        earlier in the batch. An entry whose step raises (or whose recorded
        decision does not open) gets that exception in its place and writes
        nothing, its ``SAVEPOINT`` rolled back; the others commit. If the
        database fails (``StoreUnavailableError``, ``StoreError``) or the
        ``COMMIT`` does, nothing of the batch is written and the error is
        raised: every entry failed.
        """
        return self._run_batch(self._db.writing(writes=len(entries)), entries)

    def try_apply_batch(self, entries: Sequence[BatchEntry]) -> list[BatchOutcome] | None:
        """``apply_batch`` if the write turn is free now; None (nothing done) if not.

        Never waits for another writer, so an event loop can call it and try
        again later (``WriteBatcher``).
        """
        turn = self._db.try_writing(writes=len(entries))
        return None if turn is None else self._run_batch(turn, entries)

    def _run_batch(
        self,
        turn: AbstractContextManager[sqlite3.Connection],
        entries: Sequence[BatchEntry],
    ) -> list[BatchOutcome]:
        # The states this batch wrote, by row: the next event of a
        # conversation reads them back without opening them, and the cache
        # learns them only once they are committed.
        written: dict[tuple[str, str], tuple[bytes, ConversationState]] = {}
        with turn as conn:
            outcomes = [self._apply_entry(conn, entry, written) for entry in entries]
        for (tenant, conversation), (sealed, state) in written.items():
            self._states.put(tenant, conversation, sealed, state)
        return outcomes

    def _apply_entry(
        self,
        conn: sqlite3.Connection,
        entry: BatchEntry,
        written: dict[tuple[str, str], tuple[bytes, ConversationState]],
    ) -> BatchOutcome:
        """One event of a batch; its own failure returned, the database's raised."""
        tenant, conversation, event, step, ahead = entry
        # The replay check and the state's read are one statement (~10 us less
        # than two), in the event's transaction: a separate read first would
        # cost a second transaction per event to spare a rare retry a wait.
        recorded, stored = conn.execute(
            _FIND_DECISION_AND_STATE, (tenant, event, conversation)
        ).fetchone()
        try:
            if recorded is not None:
                return StoreResult(self._codec.open_decision(tenant, event, recorded), True)
            if ahead is not None and ahead.stored == stored:
                transition = ahead.transition  # the row is as the step saw it
                presealed: tuple[bytes, bytes] | None = (ahead.sealed_state, ahead.sealed_decision)
            else:
                state = None
                if stored is not None:
                    mine = written.get((tenant, conversation))
                    if mine is not None and mine[0] == stored:
                        state = mine[1]
                    else:
                        state = self._open_state(tenant, conversation, stored)
                transition = step(state)
                presealed = None
        except Exception as exc:  # the step's own error is this event's answer
            return exc
        # The step wrote nothing; the writes below are undone alone if one
        # of them fails for this event only (a payload that is not JSON).
        conn.execute("SAVEPOINT event")
        try:
            sealed = self._write(conn, tenant, conversation, event, transition, presealed=presealed)
        except sqlite3.Error:
            raise
        except Exception as exc:
            conn.execute("ROLLBACK TO event")
            conn.execute("RELEASE event")
            return exc
        conn.execute("RELEASE event")
        written[(tenant, conversation)] = (sealed, transition.state)
        return StoreResult(transition.decision, replayed=False)

    def _open_state(self, tenant: str, conversation: str, sealed: bytes) -> ConversationState:
        cached = self._states.get(tenant, conversation, sealed)
        if cached is not None:
            return cached
        state = self._codec.open_state(tenant, conversation, sealed)
        self._states.put(tenant, conversation, sealed, state)
        return state

    def _write(
        self,
        conn: sqlite3.Connection,
        tenant: str,
        conversation: str,
        event: str,
        transition: Transition,
        *,
        presealed: tuple[bytes, bytes] | None = None,
    ) -> bytes:
        """Write the transition; the sealed state as written.

        ``presealed``: the state and the decision, sealed already (``Ahead``).
        """
        now = to_epoch(self._clock())
        if presealed is None:
            sealed = self._codec.seal_state(tenant, conversation, transition.state)
            sealed_decision = self._codec.seal_decision(tenant, event, transition.decision)
        else:
            sealed, sealed_decision = presealed
        conn.execute(
            "INSERT INTO conversations (tenant, conversation, state, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (tenant, conversation) "
            "DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (tenant, conversation, sealed, now),
        )
        conn.execute(
            "INSERT INTO decisions (tenant, event, conversation, decision, decided_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (tenant, event, conversation, sealed_decision, now),
        )
        if transition.deliveries:
            self.outbox.enqueue(conn, tenant, conversation, transition.deliveries, now)
        return sealed

    def load_state(self, tenant: str, conversation_id: str) -> ConversationState | None:
        """The conversation's state, or None when nothing is stored."""
        conversation = self._codec.conversation_key(tenant, conversation_id)
        with self._db.reading() as conn:
            row = conn.execute(_FIND_STATE, (tenant, conversation)).fetchone()
        return None if row is None else self._open_state(tenant, conversation, row[0])

    def erase(self, tenant: str, conversation_id: str) -> bool:
        """Delete the state, the decisions and every outbox row of a conversation.

        True if anything was stored. Freed pages are overwritten
        (``secure_delete``) and the WAL is checkpointed and truncated, so the
        rows do not linger in either file.
        """
        conversation = self._codec.conversation_key(tenant, conversation_id)
        deleted = 0
        with self._db.writing() as conn:
            for statement in (
                "DELETE FROM conversations WHERE tenant = ? AND conversation = ?",
                "DELETE FROM decisions WHERE tenant = ? AND conversation = ?",
                "DELETE FROM outbox WHERE tenant = ? AND conversation = ?",
            ):
                deleted += conn.execute(statement, (tenant, conversation)).rowcount
        self._states.discard(tenant, conversation)
        if deleted:
            self._db.checkpoint()
        return deleted > 0

    def purge(self, now: datetime | None = None) -> PurgeCounts:
        """Delete every row past its retention period at ``now``; pending callbacks stay."""
        cut = {
            kind: to_epoch(t) for kind, t in self._retention.cutoffs(now or self._clock()).items()
        }
        with self._db.writing() as conn:
            decisions = conn.execute(
                "DELETE FROM decisions WHERE decided_at < ?", (cut["decisions"],)
            ).rowcount
            states = conn.execute(
                "DELETE FROM conversations WHERE updated_at < ?", (cut["states"],)
            ).rowcount
            delivered = conn.execute(
                "DELETE FROM outbox WHERE status = 'delivered' AND finished_at < ?",
                (cut["delivered"],),
            ).rowcount
            dead = conn.execute(
                "DELETE FROM outbox WHERE status = 'dead' AND finished_at < ?", (cut["dead"],)
            ).rowcount
        counts = PurgeCounts(decisions=decisions, states=states, delivered=delivered, dead=dead)
        if states:
            self._states.clear()
        if counts.total:
            self._db.checkpoint()
        return counts

    def close(self) -> None:
        """Close the connections; later calls raise ``StoreError``."""
        self._states.clear()
        self._db.close()
