"""``SQLiteOutbox``: the outbox of a ``SQLiteStore``, for the delivery worker.

A claim runs in a ``BEGIN IMMEDIATE`` transaction, so two workers (threads or
processes on the same file) claim one after the other and the second sees the
first one's leases: no row is handed out twice while its lease runs.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from intimacy_rules.storage.clock import Clock, from_epoch, to_epoch
from intimacy_rules.storage.codec import UNREADABLE_PAYLOAD, DocumentCodec
from intimacy_rules.storage.outbox import MAX_ERROR_CHARS, ClaimedDelivery, DeadLetter
from intimacy_rules.storage.sqlite_db import SQLiteDatabase

if TYPE_CHECKING:
    import sqlite3

    from intimacy_rules.engine.store import OutboundMessage

__all__ = ["SQLiteOutbox"]

DISABLED_ERROR = "endpoint disabled (410 Gone)"


class SQLiteOutbox:
    """Implements ``OutboxStore`` on a ``SQLiteDatabase``."""

    def __init__(self, db: SQLiteDatabase, codec: DocumentCodec, clock: Clock) -> None:
        self._db = db
        self._codec = codec
        self._clock = clock

    def enqueue(
        self,
        conn: sqlite3.Connection,
        tenant: str,
        conversation: str,
        deliveries: Sequence[OutboundMessage],
        now: float,
    ) -> None:
        """Write outbox rows inside the caller's transaction (``Store.apply``'s)."""
        disabled = {
            row[0]
            for row in conn.execute(
                "SELECT endpoint FROM disabled_endpoints WHERE tenant = ?", (tenant,)
            )
        }
        conn.executemany(
            "INSERT INTO outbox (tenant, conversation, endpoint, event_type, payload, status, "
            "created_at, next_attempt_at, last_error, finished_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    tenant,
                    conversation,
                    d.endpoint,
                    d.event_type,
                    self._codec.seal_payload(tenant, d.endpoint, d.payload),
                    *(
                        ("dead", now, now, DISABLED_ERROR, now)
                        if d.endpoint in disabled
                        else ("pending", now, now, None, None)
                    ),
                )
                for d in deliveries
            ],
        )

    def claim_due(self, limit: int, now: datetime, lease_seconds: float) -> list[ClaimedDelivery]:
        """Lease up to ``limit`` due rows, oldest first; see ``OutboxStore``."""
        at = to_epoch(now)
        until = now + timedelta(seconds=lease_seconds)
        claimed: list[ClaimedDelivery] = []
        with self._db.writing() as conn:
            rows = conn.execute(
                "SELECT id, tenant, endpoint, event_type, payload, attempts, created_at "
                "FROM outbox AS o WHERE status = 'pending' AND next_attempt_at <= ? "
                "AND (lease_until IS NULL OR lease_until <= ?) AND NOT EXISTS ("
                "  SELECT 1 FROM disabled_endpoints AS d "
                "  WHERE d.tenant = o.tenant AND d.endpoint = o.endpoint) "
                "ORDER BY next_attempt_at, id LIMIT ?",
                (at, at, limit),
            ).fetchall()
            for row_id, tenant, endpoint, event_type, sealed, attempts, created in rows:
                payload = self._codec.open_payload_or_none(tenant, endpoint, sealed)
                if payload is None:
                    conn.execute(
                        "UPDATE outbox SET status = 'dead', finished_at = ?, last_error = ? "
                        "WHERE id = ?",
                        (at, UNREADABLE_PAYLOAD, row_id),
                    )
                    continue
                token = secrets.token_hex(16)
                conn.execute(
                    "UPDATE outbox SET attempts = attempts + 1, lease_until = ?, lease_token = ? "
                    "WHERE id = ?",
                    (to_epoch(until), token, row_id),
                )
                claimed.append(
                    ClaimedDelivery(
                        id=row_id,
                        tenant=tenant,
                        endpoint=endpoint,
                        event_type=event_type,
                        payload=payload,
                        attempt=attempts + 1,
                        created_at=from_epoch(created),
                        lease_token=token,
                        lease_until=until,
                    )
                )
        return claimed

    def mark_delivered(
        self, delivery_id: int, lease_token: str, *, now: datetime | None = None
    ) -> bool:
        """Record a delivery; the payload is dropped (minimisation), the row kept for audit."""
        with self._db.writing() as conn:
            return (
                conn.execute(
                    "UPDATE outbox SET status = 'delivered', finished_at = ?, payload = x'', "
                    "lease_until = NULL, lease_token = NULL, last_error = NULL "
                    "WHERE id = ? AND lease_token = ? AND status = 'pending'",
                    (to_epoch(now or self._clock()), delivery_id, lease_token),
                ).rowcount
                == 1
            )

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
        with self._db.writing() as conn:
            if next_attempt_at is None:
                cursor = conn.execute(
                    "UPDATE outbox SET status = 'dead', finished_at = ?, last_error = ?, "
                    "lease_until = NULL, lease_token = NULL "
                    "WHERE id = ? AND lease_token = ? AND status = 'pending'",
                    (to_epoch(now or self._clock()), error, delivery_id, lease_token),
                )
            else:
                cursor = conn.execute(
                    "UPDATE outbox SET next_attempt_at = ?, last_error = ?, "
                    "lease_until = NULL, lease_token = NULL "
                    "WHERE id = ? AND lease_token = ? AND status = 'pending'",
                    (to_epoch(next_attempt_at), error, delivery_id, lease_token),
                )
            return cursor.rowcount == 1

    def list_dead(self, tenant: str, limit: int = 100) -> list[DeadLetter]:
        """The tenant's dead letters, newest failure first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, endpoint, event_type, payload, attempts, last_error, created_at, "
                "finished_at FROM outbox WHERE tenant = ? AND status = 'dead' "
                "ORDER BY finished_at DESC, id DESC LIMIT ?",
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
                created_at=from_epoch(row[6]),
                failed_at=from_epoch(row[7]),
            )
            for row in rows
        ]

    def redeliver(self, tenant: str, delivery_id: int, *, now: datetime | None = None) -> bool:
        """Queue one of the tenant's dead letters again, re-enabling its endpoint."""
        with self._db.writing() as conn:
            row = conn.execute(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, "
                "finished_at = NULL, lease_until = NULL, lease_token = NULL "
                "WHERE id = ? AND tenant = ? AND status = 'dead' RETURNING endpoint",
                (to_epoch(now or self._clock()), delivery_id, tenant),
            ).fetchone()
            if row is None:
                return False
            conn.execute(
                "DELETE FROM disabled_endpoints WHERE tenant = ? AND endpoint = ?", (tenant, row[0])
            )
            return True

    def disable_endpoint(self, tenant: str, endpoint: str, *, now: datetime | None = None) -> int:
        """Disable an endpoint and dead-letter its pending rows; returns how many."""
        at = to_epoch(now or self._clock())
        with self._db.writing() as conn:
            conn.execute(
                "INSERT INTO disabled_endpoints (tenant, endpoint, disabled_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (tenant, endpoint, at),
            )
            return conn.execute(
                "UPDATE outbox SET status = 'dead', finished_at = ?, last_error = ?, "
                "lease_until = NULL, lease_token = NULL "
                "WHERE tenant = ? AND endpoint = ? AND status = 'pending'",
                (at, DISABLED_ERROR, tenant, endpoint),
            ).rowcount

    def enable_endpoint(self, tenant: str, endpoint: str) -> bool:
        """Deliver to the endpoint again; True if it was disabled."""
        with self._db.writing() as conn:
            return (
                conn.execute(
                    "DELETE FROM disabled_endpoints WHERE tenant = ? AND endpoint = ?",
                    (tenant, endpoint),
                ).rowcount
                == 1
            )

    def disabled_endpoints(self, tenant: str) -> frozenset[str]:
        """The tenant's disabled endpoints."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT endpoint FROM disabled_endpoints WHERE tenant = ?", (tenant,)
            ).fetchall()
        return frozenset(row[0] for row in rows)
