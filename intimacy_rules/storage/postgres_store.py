"""``PostgresStore``: the store for many server processes on many machines.

Implements ``engine.store.Store`` (plus retention and the outbox) over
``PostgresDatabase``. Per-conversation ordering comes from a row lock: the
conversation's row is created if missing (``INSERT ... ON CONFLICT DO
NOTHING``) and locked with ``SELECT ... FOR UPDATE``, so the events of one
conversation are decided one at a time, in the order their transactions take
the lock, while different conversations proceed in parallel in any process.

Idempotency: the decision row is keyed by (tenant, event pseudonym). A retry
that arrives while the original is still being decided waits on the same row
lock and then finds the decision; one that names another conversation (a host
bug) loses the insert (``ON CONFLICT DO NOTHING``), rolls back, and is answered
with the decision that won.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from intimacy_rules.engine.store import StoreResult, Transition
from intimacy_rules.errors import ConflictError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.clock import Clock, require_aware, utc_now
from intimacy_rules.storage.codec import DocumentCodec
from intimacy_rules.storage.postgres_db import PostgresDatabase
from intimacy_rules.storage.postgres_outbox import PostgresOutbox
from intimacy_rules.storage.retention import PurgeCounts, RetentionPolicy
from intimacy_rules.storage.sealing import Sealer
from intimacy_rules.storage.state_cache import DEFAULT_MAX_STATES, StateCache

if TYPE_CHECKING:
    import psycopg

    from intimacy_rules.conversation.state import ConversationState

__all__ = ["PostgresStore"]

#: Creates the conversation's row if missing (a row this statement inserts is
#: locked by the insert), locks it ``FOR UPDATE`` otherwise, and looks the
#: event's decision up, in one statement. The lookup reads the statement's
#: snapshot, taken before any wait for the lock; it is still current when the
#: row locked is the very version that snapshot saw (``unchanged``): every
#: transaction that records a decision of this conversation also updates its
#: row, so none committed one while this statement waited. A new row has no
#: other writer. In any other case the caller looks again.
_LOCK = (
    "WITH created AS ("
    " INSERT INTO conversations (tenant, conversation, state, updated_at)"
    " VALUES (%(tenant)s, %(conversation)s, NULL, %(now)s)"
    " ON CONFLICT DO NOTHING RETURNING 1"
    "), seen AS ("
    " SELECT xmin AS version FROM conversations"
    " WHERE tenant = %(tenant)s AND conversation = %(conversation)s"
    "), locked AS ("
    " SELECT state, xmin AS version FROM conversations"
    " WHERE tenant = %(tenant)s AND conversation = %(conversation)s FOR UPDATE"
    ") SELECT EXISTS (SELECT 1 FROM created), EXISTS (SELECT 1 FROM locked),"
    " (SELECT state FROM locked),"
    " (SELECT version FROM locked) = (SELECT version FROM seen),"
    " (SELECT decision FROM decisions WHERE tenant = %(tenant)s AND event = %(event)s)"
)


class PostgresStore:
    """Conversation state, decisions and the outbox in one PostgreSQL database."""

    def __init__(
        self,
        dsn: str,
        *,
        pseudonymizer: Pseudonymizer,
        retention: RetentionPolicy | None = None,
        sealer: Sealer | None = None,
        clock: Clock = utc_now,
        min_connections: int = 1,
        max_connections: int = 10,
        connect_timeout_s: float = 5.0,
        cache_states: int = DEFAULT_MAX_STATES,
    ) -> None:
        self._db = PostgresDatabase(
            dsn,
            min_connections=min_connections,
            max_connections=max_connections,
            connect_timeout_s=connect_timeout_s,
        )
        self._codec = DocumentCodec(pseudonymizer, sealer)
        self._retention = retention if retention is not None else RetentionPolicy()
        self._clock = clock
        self._states = StateCache(cache_states)
        self.outbox = PostgresOutbox(self._db, self._codec, clock)
        """The delivery worker's view of this store's outbox (``OutboxStore``)."""

    def apply(
        self,
        tenant: str,
        conversation_id: str,
        event_id: str,
        step: Callable[[ConversationState | None], Transition],
    ) -> StoreResult:
        """Decide one event under the conversation's row lock; a recorded event is replayed.

        If ``step`` raises, nothing is written and its exception propagates.
        """
        from psycopg import Rollback  # noqa: PLC0415 - the driver is an optional extra

        conversation = self._codec.conversation_key(tenant, conversation_id)
        event = self._codec.event_key(tenant, event_id)
        with self._db.connection() as conn:
            replay: StoreResult | None = None
            lost_race = False
            with conn.transaction():
                sealed, replay = self._lock_conversation(conn, tenant, conversation, event)
                if replay is not None:
                    raise Rollback  # leaves no empty conversation row behind
                state = None if sealed is None else self._open_state(tenant, conversation, sealed)
                transition = step(state)
                written = self._write(conn, tenant, conversation, event, transition)
                lost_race = written is None
                if lost_race:
                    raise Rollback
            if replay is not None:
                return replay
            if lost_race:
                replay = self._recorded(conn, tenant, event)
                if replay is None:  # recorded, then erased in between: the host may retry
                    raise ConflictError(f"event {event_id!r} was decided concurrently; retry it")
                return replay
        if written is not None:  # committed: the next event reads these bytes back
            self._states.put(tenant, conversation, written, transition.state)
        return StoreResult(transition.decision, replayed=False)

    def _open_state(self, tenant: str, conversation: str, sealed: bytes) -> ConversationState:
        sealed = bytes(sealed)
        cached = self._states.get(tenant, conversation, sealed)
        if cached is not None:
            return cached
        state = self._codec.open_state(tenant, conversation, sealed)
        self._states.put(tenant, conversation, sealed, state)
        return state

    def _lock_conversation(
        self, conn: psycopg.Connection[Any], tenant: str, conversation: str, event: str
    ) -> tuple[bytes | None, StoreResult | None]:
        """Lock the conversation's row (created if missing), then look the event up.

        Returns the sealed state (None for a new conversation) and the replay of
        the event's recorded decision (None when the event is new). The lock,
        the insert and the lookup go in one statement, one round trip (the
        comment on ``_LOCK`` says why its lookup can be trusted); only when the
        row changed while this transaction waited for its lock is the event
        looked up again, in a fresh statement that sees what was committed.
        """
        for _ in range(3):
            row = conn.execute(
                _LOCK,
                {
                    "tenant": tenant,
                    "conversation": conversation,
                    "event": event,
                    "now": self._clock(),
                },
            ).fetchone()
            if row is None:  # pragma: no cover - a SELECT without FROM gives one row
                break
            created, locked, sealed, unchanged, recorded = row
            if not (created or locked):
                # Erased, or created by a transaction that committed after
                # this statement's snapshot, while it waited: try again.
                continue
            if created or unchanged is True:
                replay = (
                    None
                    if recorded is None
                    else StoreResult(
                        self._codec.open_decision(tenant, event, bytes(recorded)), replayed=True
                    )
                )
            else:
                replay = self._recorded(conn, tenant, event)
            return (None if sealed is None else bytes(sealed)), replay
        raise ConflictError("the conversation was erased repeatedly while an event waited; retry")

    def _recorded(
        self, conn: psycopg.Connection[Any], tenant: str, event: str
    ) -> StoreResult | None:
        row = conn.execute(
            "SELECT decision FROM decisions WHERE tenant = %s AND event = %s", (tenant, event)
        ).fetchone()
        if row is None:
            return None
        return StoreResult(self._codec.open_decision(tenant, event, row[0]), replayed=True)

    def _write(
        self,
        conn: psycopg.Connection[Any],
        tenant: str,
        conversation: str,
        event: str,
        transition: Transition,
    ) -> bytes | None:
        """Write decision, state and outbox rows: the sealed state, or None if the event
        was recorded meanwhile.

        The statements go in one pipeline (one round trip); when the decision
        insert finds the event already recorded, the caller rolls all of it back.
        """
        now = self._clock()
        decision = self._codec.seal_decision(tenant, event, transition.decision)
        state = self._codec.seal_state(tenant, conversation, transition.state)
        with conn.pipeline():
            inserted = conn.execute(
                "INSERT INTO decisions (tenant, event, conversation, decision, decided_at) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING 1",
                (tenant, event, conversation, decision, now),
            )
            conn.execute(
                "UPDATE conversations SET state = %s, updated_at = %s "
                "WHERE tenant = %s AND conversation = %s",
                (state, now, tenant, conversation),
            )
            if transition.deliveries:
                self.outbox.enqueue(conn, tenant, conversation, transition.deliveries, now)
        return state if inserted.fetchone() is not None else None

    def load_state(self, tenant: str, conversation_id: str) -> ConversationState | None:
        """The conversation's state, or None when nothing is stored."""
        conversation = self._codec.conversation_key(tenant, conversation_id)
        with self._db.connection() as conn:
            row = conn.execute(
                "SELECT state FROM conversations WHERE tenant = %s AND conversation = %s",
                (tenant, conversation),
            ).fetchone()
        if row is None or row[0] is None:
            return None
        return self._open_state(tenant, conversation, row[0])

    def erase(self, tenant: str, conversation_id: str) -> bool:
        """Delete the state, the decisions and every outbox row of a conversation.

        The conversation's row lock is taken first, so an event being decided
        commits before the erase and cannot write the state back after it.
        """
        conversation = self._codec.conversation_key(tenant, conversation_id)
        deleted = 0
        with self._db.connection() as conn, conn.transaction():
            conn.execute(
                "SELECT 1 FROM conversations WHERE tenant = %s AND conversation = %s FOR UPDATE",
                (tenant, conversation),
            )
            for statement in (
                "DELETE FROM conversations WHERE tenant = %s AND conversation = %s",
                "DELETE FROM decisions WHERE tenant = %s AND conversation = %s",
                "DELETE FROM outbox WHERE tenant = %s AND conversation = %s",
            ):
                deleted += conn.execute(statement, (tenant, conversation)).rowcount
        self._states.discard(tenant, conversation)
        return deleted > 0

    def purge(self, now: datetime | None = None) -> PurgeCounts:
        """Delete every row past its retention period at ``now``; pending callbacks stay."""
        cut = self._retention.cutoffs(require_aware(now or self._clock()))
        with self._db.connection() as conn, conn.transaction():
            decisions = conn.execute(
                "DELETE FROM decisions WHERE decided_at < %s", (cut["decisions"],)
            ).rowcount
            states = conn.execute(
                "DELETE FROM conversations WHERE updated_at < %s", (cut["states"],)
            ).rowcount
            delivered = conn.execute(
                "DELETE FROM outbox WHERE status = 'delivered' AND finished_at < %s",
                (cut["delivered"],),
            ).rowcount
            dead = conn.execute(
                "DELETE FROM outbox WHERE status = 'dead' AND finished_at < %s", (cut["dead"],)
            ).rowcount
        if states:
            self._states.clear()
        return PurgeCounts(decisions=decisions, states=states, delivered=delivered, dead=dead)

    def close(self) -> None:
        """Close the pool; later calls raise ``StoreError``."""
        self._states.clear()
        self._db.close()
