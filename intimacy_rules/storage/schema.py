"""The versioned schema of both SQL stores, applied in order when a store opens.

Each migration is a tuple of statements with a version number; a store records
the versions it applied in ``schema_migrations`` and runs the missing ones, in
one transaction each, under a lock so that processes opening the same database
at once do not race. Never edit a released migration: append a new one.

Columns (the same in both dialects; times are epoch seconds in SQLite and
``timestamptz`` in PostgreSQL):

- ``conversations``: the sealed state per (tenant, conversation pseudonym),
  and when it last changed (retention counts from there);
- ``decisions``: the sealed decision per (tenant, event pseudonym), the
  idempotency record; also keyed by conversation, for erasure;
- ``outbox``: one row per callback, with its delivery life cycle;
- ``disabled_endpoints``: endpoints that answered 410 Gone.
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["POSTGRES_MIGRATIONS", "SQLITE_MIGRATIONS", "Migration", "latest_version"]


class Migration(NamedTuple):
    """One schema step: its version and the statements that take the schema there."""

    version: int
    statements: tuple[str, ...]


SQLITE_MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(
        1,
        (
            """CREATE TABLE conversations (
                tenant TEXT NOT NULL,
                conversation TEXT NOT NULL,
                state BLOB NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (tenant, conversation)
            ) WITHOUT ROWID""",
            "CREATE INDEX conversations_updated ON conversations (updated_at)",
            """CREATE TABLE decisions (
                tenant TEXT NOT NULL,
                event TEXT NOT NULL,
                conversation TEXT NOT NULL,
                decision BLOB NOT NULL,
                decided_at REAL NOT NULL,
                PRIMARY KEY (tenant, event)
            ) WITHOUT ROWID""",
            "CREATE INDEX decisions_conversation ON decisions (tenant, conversation)",
            "CREATE INDEX decisions_decided ON decisions (decided_at)",
            """CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant TEXT NOT NULL,
                conversation TEXT NOT NULL,
                endpoint TEXT NOT NULL,
                event_type TEXT NOT NULL,
                payload BLOB NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at REAL NOT NULL,
                next_attempt_at REAL NOT NULL,
                lease_until REAL,
                lease_token TEXT,
                last_error TEXT,
                finished_at REAL
            )""",
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
            "CREATE INDEX outbox_conversation ON outbox (tenant, conversation)",
            "CREATE INDEX outbox_finished ON outbox (status, finished_at)",
            """CREATE TABLE disabled_endpoints (
                tenant TEXT NOT NULL,
                endpoint TEXT NOT NULL,
                disabled_at REAL NOT NULL,
                PRIMARY KEY (tenant, endpoint)
            ) WITHOUT ROWID""",
        ),
    ),
    # Decisions in a rowid table, in the order they are decided, with the
    # (tenant, event) key as a unique index: rows of ~1 KiB inserted at random
    # key positions split a leaf every few events, and each commit wrote ~1.4
    # more WAL pages than appending at the table's end plus one small index
    # entry does (~9.6 -> 8.2 pages per event with 1.5 KB states; the event's
    # SQL ~10-20 us less).
    Migration(
        2,
        (
            """CREATE TABLE decisions_v2 (
                id INTEGER PRIMARY KEY,
                tenant TEXT NOT NULL,
                event TEXT NOT NULL,
                conversation TEXT NOT NULL,
                decision BLOB NOT NULL,
                decided_at REAL NOT NULL
            )""",
            "INSERT INTO decisions_v2 (tenant, event, conversation, decision, decided_at) "
            "SELECT tenant, event, conversation, decision, decided_at FROM decisions "
            "ORDER BY decided_at",
            "DROP TABLE decisions",
            "ALTER TABLE decisions_v2 RENAME TO decisions",
            "CREATE UNIQUE INDEX decisions_event ON decisions (tenant, event)",
            "CREATE INDEX decisions_conversation ON decisions (tenant, conversation)",
            "CREATE INDEX decisions_decided ON decisions (decided_at)",
        ),
    ),
)

POSTGRES_MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(
        1,
        (
            # state is NULL only inside the transaction that creates the row
            # to lock it (INSERT ... ON CONFLICT DO NOTHING, then FOR UPDATE).
            """CREATE TABLE conversations (
                tenant text NOT NULL,
                conversation text NOT NULL,
                state bytea,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (tenant, conversation)
            )""",
            "CREATE INDEX conversations_updated ON conversations (updated_at)",
            """CREATE TABLE decisions (
                tenant text NOT NULL,
                event text NOT NULL,
                conversation text NOT NULL,
                decision bytea NOT NULL,
                decided_at timestamptz NOT NULL,
                PRIMARY KEY (tenant, event)
            )""",
            "CREATE INDEX decisions_conversation ON decisions (tenant, conversation)",
            "CREATE INDEX decisions_decided ON decisions (decided_at)",
            """CREATE TABLE outbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant text NOT NULL,
                conversation text NOT NULL,
                endpoint text NOT NULL,
                event_type text NOT NULL,
                payload bytea NOT NULL,
                status text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'dead')),
                attempts integer NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                lease_until timestamptz,
                lease_token text,
                last_error text,
                finished_at timestamptz
            )""",
            # Partial index: claim_due scans only the pending rows, however
            # many delivered ones wait for their retention period.
            "CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending'",
            "CREATE INDEX outbox_conversation ON outbox (tenant, conversation)",
            "CREATE INDEX outbox_finished ON outbox (status, finished_at)",
            """CREATE TABLE disabled_endpoints (
                tenant text NOT NULL,
                endpoint text NOT NULL,
                disabled_at timestamptz NOT NULL,
                PRIMARY KEY (tenant, endpoint)
            )""",
        ),
    ),
    # Version 2 re-lays SQLite's decisions table; PostgreSQL's heap already
    # appends rows in the order they come, so it has nothing to change.
    Migration(2, ()),
)


def latest_version(migrations: tuple[Migration, ...]) -> int:
    """The version a fully migrated database is at."""
    return max(m.version for m in migrations)
