"""``PostgresDatabase``: a ``psycopg_pool.ConnectionPool`` on one DSN, schema on open.

psycopg is imported when a database is opened, never at package import, and a
missing driver names the extra to install. Connections run in autocommit mode:
every write is an explicit ``conn.transaction()`` block, so no statement is
left in an implicit transaction holding locks.

Opening checks the server with one direct connection (it fails fast on a dead
DSN instead of the pool retrying in the background), migrates under an
advisory lock (many server processes may start at once), then opens the pool.
psycopg errors become ``StoreUnavailableError`` (cannot connect, connection
lost, pool exhausted: nothing was committed, retry later), ``ConflictError``
(serialisation failure, deadlock) or ``StoreError``, raised from the original.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

from intimacy_rules.errors import (
    ConfigurationError,
    ConflictError,
    StoreError,
    StoreUnavailableError,
)
from intimacy_rules.storage.schema import POSTGRES_MIGRATIONS, latest_version

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

__all__ = ["APPLICATION_NAME", "PostgresDatabase"]

#: What the store's sessions are called in ``pg_stat_activity``.
APPLICATION_NAME: Final = "intimacy-rules"

#: Any 64-bit constant will do, as long as it is ours alone: it serialises migrations.
_MIGRATION_LOCK: Final = 0x1A7E_5EED_0001


def _require_driver() -> None:
    try:
        import psycopg  # noqa: F401, PLC0415 - optional extra, imported on use
        import psycopg_pool  # noqa: F401, PLC0415
    except ImportError as exc:
        raise ConfigurationError(
            "the PostgreSQL store needs psycopg and psycopg-pool: "
            "pip install 'intimacy-rules[postgres]'",
            field="store",
        ) from exc


def _translate(exc: Exception) -> StoreError:
    import psycopg  # noqa: PLC0415 - only reached once the driver is loaded

    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, psycopg.errors.SerializationFailure | psycopg.errors.DeadlockDetected):
        return ConflictError(f"PostgreSQL: a concurrent write won: {text}")
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return StoreUnavailableError(f"PostgreSQL is unavailable: {text}")
    return StoreError(f"PostgreSQL failed: {text}")


class PostgresDatabase:
    """A connection pool on one PostgreSQL database, migrated when opened."""

    def __init__(
        self,
        dsn: str,
        *,
        min_connections: int = 1,
        max_connections: int = 10,
        connect_timeout_s: float = 5.0,
    ) -> None:
        _require_driver()
        import psycopg  # noqa: PLC0415 - present, checked above
        from psycopg_pool import ConnectionPool  # noqa: PLC0415

        self._closed = False
        self._timeout = connect_timeout_s
        connect_timeout = max(1, round(connect_timeout_s))
        # The application name tells our sessions apart in pg_stat_activity.
        kwargs: dict[str, Any] = {
            "autocommit": True,
            "connect_timeout": connect_timeout,
            "application_name": APPLICATION_NAME,
        }
        try:
            with psycopg.connect(dsn, autocommit=True, connect_timeout=connect_timeout) as conn:
                self._migrate(conn)
        except psycopg.Error as exc:
            raise _translate(exc) from exc
        pool: ConnectionPool[psycopg.Connection[Any]] = ConnectionPool(
            dsn,
            kwargs=kwargs,
            min_size=min_connections,
            max_size=max_connections,
            timeout=connect_timeout_s,
            # Checked on checkout, so a pool outliving a server restart hands
            # out live connections instead of failing the next event.
            check=ConnectionPool.check_connection,
            open=False,
            name="intimacy-rules",
        )
        try:
            pool.open(wait=True, timeout=connect_timeout_s)
        except psycopg.Error as exc:
            pool.close()
            raise _translate(exc) from exc
        self._pool = pool

    def _migrate(self, conn: psycopg.Connection[Any]) -> None:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                "applied_at timestamptz NOT NULL DEFAULT now())"
            )
            applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
            newest = latest_version(POSTGRES_MIGRATIONS)
            if applied and max(applied) > newest:
                raise StoreError(
                    f"the PostgreSQL schema is at version {max(applied)}, newer than this "
                    f"intimacy-rules knows ({newest}); upgrade the package"
                )
            for migration in POSTGRES_MIGRATIONS:
                if migration.version not in applied:
                    for statement in migration.statements:
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_migrations (version) VALUES (%s)", (migration.version,)
                    )

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection in autocommit mode; open ``conn.transaction()`` to write.

        psycopg errors raised inside are translated; others (the step's own)
        propagate unchanged, after any open transaction rolled back.
        """
        import psycopg  # noqa: PLC0415 - already loaded by __init__

        if self._closed:
            raise StoreError("the PostgreSQL store is closed")
        try:
            with self._pool.connection(timeout=self._timeout) as conn:
                yield conn
        except psycopg.Error as exc:
            raise _translate(exc) from exc

    def close(self) -> None:
        """Close the pool; later calls raise ``StoreError``."""
        self._closed = True
        self._pool.close()
