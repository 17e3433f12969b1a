"""``PostgresOutbox``: the outbox of a ``PostgresStore``, shared by many workers.

``claim_due`` selects due rows ``FOR UPDATE SKIP LOCKED`` and leases them in
the same statement: concurrent workers (in any process, on any machine) each
take different rows without waiting on one another, and once the claim commits
the lease keeps the row from being claimed again until it runs out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from intimacy_rules.storage.clock import Clock, require_aware
from intimacy_rules.storage.codec import UNREADABLE_PAYLOAD, DocumentCodec
from intimacy_rules.storage.outbox import MAX_ERROR_CHARS, ClaimedDelivery, DeadLetter
from intimacy_rules.storage.postgres_db import PostgresDatabase

if TYPE_CHECKING:
    import psycopg

    from intimacy_rules.engine.store import OutboundMessage

__all__ = ["PostgresOutbox"]

DISABLED_ERROR = "endpoint disabled (410 Gone)"

_ENQUEUE = """
INSERT INTO outbox (tenant, conversation, endpoint, event_type, payload, status,
                    created_at, next_attempt_at, last_error, finished_at)
SELECT %(tenant)s, %(conversation)s, %(endpoint)s, %(event_type)s, %(payload)s,
       CASE WHEN d.endpoint IS NULL THEN 'pending' ELSE 'dead' END,
       %(now)s, %(now)s,
       CASE WHEN d.endpoint IS NULL THEN NULL ELSE %(error)s::text END,
       CASE WHEN d.endpoint IS NULL THEN NULL ELSE %(now)s::timestamptz END
FROM (SELECT 1) AS one
LEFT JOIN disabled_endpoints AS d ON d.tenant = %(tenant)s AND d.endpoint = %(endpoint)s
"""

_CLAIM = """
WITH due AS (
    SELECT id FROM outbox AS o
    WHERE status = 'pending' AND next_attempt_at <= %(now)s
      AND (lease_until IS NULL OR lease_until <= %(now)s)
      AND NOT EXISTS (
          SELECT 1 FROM disabled_endpoints AS d
          WHERE d.tenant = o.tenant AND d.endpoint = o.endpoint)
    ORDER BY next_attempt_at, id
    LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
UPDATE outbox AS o
SET attempts = o.attempts + 1, lease_until = %(until)s, lease_token = gen_random_uuid()::text
FROM due WHERE o.id = due.id
RETURNING o.id, o.tenant, o.endpoint, o.event_type, o.payload, o.attempts, o.created_at,
          o.lease_token, o.next_attempt_at
"""


class PostgresOutbox:
    """Implements ``OutboxStore`` on a ``PostgresDatabase``."""

    def __init__(self, db: PostgresDatabase, codec: DocumentCodec, clock: Clock) -> None:
        self._db = db
        self._codec = codec
        self._clock = clock

    def enqueue(
        self,
        conn: psycopg.Connection[Any],
        tenant: str,
        conversation: str,
        deliveries: Sequence[OutboundMessage],
        now: datetime,
    ) -> None:
        """Write outbox rows inside the caller's transaction (``Store.apply``'s).

        A row for a disabled endpoint is written dead on arrival; the check is
        part of the insert, so it costs no round trip of its own.
        """
        with conn.cursor() as cur:
            cur.executemany(
                _ENQUEUE,
                [
                    {
                        "tenant": tenant,
                        "conversation": conversation,
                        "endpoint": d.endpoint,
                        "event_type": d.event_type,
                        "payload": self._codec.seal_payload(tenant, d.endpoint, d.payload),
                        "now": now,
                        "error": DISABLED_ERROR,
                    }
                    for d in deliveries
                ],
            )

    def claim_due(self, limit: int, now: datetime, lease_seconds: float) -> list[ClaimedDelivery]:
        """Lease up to ``limit`` due rows, oldest first; see ``OutboxStore``."""
        until = require_aware(now) + timedelta(seconds=lease_seconds)
        claimed: list[ClaimedDelivery] = []
        with self._db.connection() as conn, conn.transaction():
            rows = conn.execute(_CLAIM, {"now": now, "until": until, "limit": limit}).fetchall()
            rows.sort(key=lambda row: (row[8], row[0]))  # RETURNING has no order of its own
            for row_id, tenant, endpoint, event_type, sealed, attempt, created, token, _ in rows:
                payload = self._codec.open_payload_or_none(tenant, endpoint, sealed)
                if payload is None:
                    conn.execute(
                        "UPDATE outbox SET status = 'dead', finished_at = %s, last_error = %s, "
                        "lease_until = NULL, lease_token = NULL WHERE id = %s",
                        (now, UNREADABLE_PAYLOAD, row_id),
                    )
                    continue
                claimed.append(
                    ClaimedDelivery(
                        id=row_id,
                        tenant=tenant,
                        endpoint=endpoint,
                        event_type=event_type,
                        payload=payload,
                        attempt=attempt,
                        created_at=created,
                        lease_token=token,
                        lease_until=until,
                    )
                )
        return claimed

    def mark_delivered(
        self, delivery_id: int, lease_token: str, *, now: datetime | None = None
    ) -> bool:
        """Record a delivery; the payload is dropped (minimisation), the row kept for audit."""
        with self._db.connection() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET status = 'delivered', finished_at = %s, payload = ''::bytea, "
                "lease_until = NULL, lease_token = NULL, last_error = NULL "
                "WHERE id = %s AND lease_token = %s AND status = 'pending'",
                (require_aware(now or self._clock()), delivery_id, lease_token),
            )
            return cursor.rowcount == 1

    def mark_failed(
        self,
        delivery_id: int,
        lease_token: str,
        next_attempt_at: datetime | None,
        error: str,
        *,
        now: datetime | None = None,
    ) -> bool:
        """Schedule the next attempt, or dead-letter the row when ``next_attempt_at`` is None."""
        error = error[:MAX_ERROR_CHARS]
        with self._db.connection() as conn:
            if next_attempt_at is None:
                cursor = conn.execute(
                    "UPDATE outbox SET status = 'dead', finished_at = %s, last_error = %s, "
                    "lease_until = NULL, lease_token = NULL "
                    "WHERE id = %s AND lease_token = %s AND status = 'pending'",
                    (require_aware(now or self._clock()), error, delivery_id, lease_token),
                )
            else:
                cursor = conn.execute(
                    "UPDATE outbox SET next_attempt_at = %s, last_error = %s, "
                    "lease_until = NULL, lease_token = NULL "
                    "WHERE id = %s AND lease_token = %s AND status = 'pending'",
                    (require_aware(next_attempt_at), error, delivery_id, lease_token),
                )
            return cursor.rowcount == 1

    def list_dead(self, tenant: str, limit: int = 100) -> list[DeadLetter]:
        """The tenant's dead letters, newest failure first."""
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT id, endpoint, event_type, payload, attempts, last_error, created_at, "
                "finished_at FROM outbox WHERE tenant = %s AND status = 'dead' "
                "ORDER BY finished_at DESC, id DESC LIMIT %s",
                (tenant, limit),
            ).fetchall()
        return [
            DeadLetter(
                id=row[0],
                tenant=tenant,
                endpoint=row[1],
                event_type=row[2],
                payload=self._codec.open_payload_or_none(tenant, row[1], row[3]) or {},
                attempts=row[4],
                last_error=row[5],
                created_at=row[6],
                failed_at=row[7],
            )
            for row in rows
        ]

    def redeliver(self, tenant: str, delivery_id: int, *, now: datetime | None = None) -> bool:
        """Queue one of the tenant's dead letters again, re-enabling its endpoint."""
        with self._db.connection() as conn, conn.transaction():
            row = conn.execute(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = %s, "
                "finished_at = NULL, lease_until = NULL, lease_token = NULL "
                "WHERE id = %s AND tenant = %s AND status = 'dead' RETURNING endpoint",
                (require_aware(now or self._clock()), delivery_id, tenant),
            ).fetchone()
            if row is None:
                return False
            conn.execute(
                "DELETE FROM disabled_endpoints WHERE tenant = %s AND endpoint = %s",
                (tenant, row[0]),
            )
            return True

    def disable_endpoint(self, tenant: str, endpoint: str, *, now: datetime | None = None) -> int:
        """Disable an endpoint and dead-letter its pending rows; returns how many."""
        at = require_aware(now or self._clock())
        with self._db.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO disabled_endpoints (tenant, endpoint, disabled_at) "
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                (tenant, endpoint, at),
            )
            return conn.execute(
                "UPDATE outbox SET status = 'dead', finished_at = %s, last_error = %s, "
                "lease_until = NULL, lease_token = NULL "
                "WHERE tenant = %s AND endpoint = %s AND status = 'pending'",
                (at, DISABLED_ERROR, tenant, endpoint),
            ).rowcount

    def enable_endpoint(self, tenant: str, endpoint: str) -> bool:
        """Deliver to the endpoint again; True if it was disabled."""
        with self._db.connection() as conn:
            return (
                conn.execute(
                    "DELETE FROM disabled_endpoints WHERE tenant = %s AND endpoint = %s",
                    (tenant, endpoint),
                ).rowcount
                == 1
            )

    def disabled_endpoints(self, tenant: str) -> frozenset[str]:
        """The tenant's disabled endpoints."""
        with self._db.connection() as conn:
            rows = conn.execute(
                "SELECT endpoint FROM disabled_endpoints WHERE tenant = %s", (tenant,)
            ).fetchall()
        return frozenset(row[0] for row in rows)
