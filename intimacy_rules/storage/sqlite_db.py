"""``SQLiteDatabase``: connections to one SQLite file, shaped for a threaded server.

- WAL journal, so readers never wait for the writer and a crash (even SIGKILL)
  loses no committed transaction; ``synchronous=NORMAL`` is durable across
  process crashes in WAL mode (only a power cut can lose the last commits).
- a small pool of connections handed to one thread at a time (so
  ``check_same_thread`` is off on purpose; the pool enforces the one-owner rule);
- writes in ``BEGIN IMMEDIATE`` transactions: the write lock is taken first,
  which serialises writers (and so the events of a conversation) and avoids the
  deadlock of two deferred transactions upgrading at once; ``busy_timeout``
  lets a writer of another process wait its turn instead of failing. Writers of
  this process queue on a ``threading.Lock`` first: SQLite's busy handler polls
  with growing sleeps, which under many threads wastes time and is unfair;
- writers of other processes take turns on an ``flock`` first
  (``WriterFileLock``), not in SQLite's sleeping busy handler;
- ``secure_delete`` so erased rows are overwritten, not left in free pages;
- checkpoints on a thread of their own (``WalCheckpointer``), not inside a
  writer's ``COMMIT``: a checkpoint ends with an ``fsync``, which was the p99;
- the schema migrated on open.

SQLite errors become ``StoreUnavailableError`` (busy, locked, unreachable
file: retry later) or ``StoreError``, raised from the original.
"""

from __future__ import annotations

import collections
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Final

from intimacy_rules.errors import StoreError, StoreUnavailableError
from intimacy_rules.storage.schema import SQLITE_MIGRATIONS, latest_version
from intimacy_rules.storage.sqlite_checkpointer import WalCheckpointer
from intimacy_rules.storage.sqlite_file_lock import WriterFileLock

__all__ = ["SQLiteDatabase"]

#: Idle connections kept for reuse; more may be open while threads hold them.
_MAX_IDLE: Final = 16
_UNAVAILABLE_HINTS: Final = ("locked", "busy", "unable to open", "disk i/o", "readonly")


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and any(
        hint in text.lower() for hint in _UNAVAILABLE_HINTS
    ):
        return StoreUnavailableError(f"SQLite database {path} is unavailable: {text}")
    return StoreError(f"SQLite database {path} failed: {text}")


class SQLiteDatabase:
    """One SQLite file: pooled connections, write transactions, schema on open."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 5_000) -> None:
        self.path = Path(path)
        self._busy_timeout_ms = busy_timeout_ms
        # Last in, first out: the connection used last is used next, so its
        # page cache, which SQLite empties whenever another connection wrote,
        # is usually still valid (one connection reads ahead, writes, reads).
        self._idle: collections.deque[sqlite3.Connection] = collections.deque()
        self._closed = False
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._checkpoint_lock = threading.Lock()
        with self._translated():
            conn = self._connect()
            try:
                self._migrate(conn)
            except BaseException:
                conn.close()
                raise
        try:
            self._file_lock = WriterFileLock(Path(f"{self.path}-writer.lock"))
        except OSError as exc:
            conn.close()
            raise StoreUnavailableError(
                f"SQLite database {self.path} is unavailable: its writer lock file "
                f"cannot be opened ({exc.strerror})"
            ) from exc
        self._checkpointer = WalCheckpointer(
            self._connect, self._checkpoint_lock, self._write_lock, file_lock=self._file_lock
        )
        self._release(conn)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path,
            timeout=self._busy_timeout_ms / 1000,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # the WalCheckpointer's job
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            # A file that is not a database fails here, after the connect: close
            # the handle rather than leave it to the garbage collector.
            conn.close()
            raise
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "applied_at REAL NOT NULL DEFAULT (strftime('%s', 'now')))"
            )
            applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
            newest = latest_version(SQLITE_MIGRATIONS)
            if applied and max(applied) > newest:
                raise StoreError(
                    f"SQLite database {self.path} has schema version {max(applied)}, "
                    f"newer than this intimacy-rules knows ({newest}); upgrade the package"
                )
            for migration in SQLITE_MIGRATIONS:
                if migration.version not in applied:
                    for statement in migration.statements:
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_migrations (version) VALUES (?)", (migration.version,)
                    )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from exc

    def _acquire(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"the SQLite store for {self.path} is closed")
        try:
            return self._idle.pop()  # atomic under the GIL, like append
        except IndexError:
            with self._translated():
                return self._connect()

    def _release(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            # A connection still in a transaction (a rollback that failed) is
            # never handed out again: the next user would inherit its locks.
            keep = not self._closed and not conn.in_transaction and len(self._idle) < _MAX_IDLE
            if keep:
                self._idle.append(conn)
        if not keep:
            conn.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode for single-statement reads."""
        conn = self._acquire()
        try:
            with self._translated():
                yield conn
        finally:
            self._release(conn)

    @contextmanager
    def writing(self, *, writes: int = 1) -> Iterator[sqlite3.Connection]:
        """A connection inside ``BEGIN IMMEDIATE``: committed on exit, rolled back on error.

        Any exception (the step's own included) rolls everything back and
        propagates; SQLite errors are translated first. ``writes``: see
        ``try_writing``.
        """
        if not self._take_turn(self._busy_timeout_ms / 1000):
            raise self._busy()
        with self._holding_turn(writes) as conn:
            yield conn

    def try_writing(self, *, writes: int = 1) -> AbstractContextManager[sqlite3.Connection] | None:
        """``writing()`` if the write turn is free now, else None; never waits.

        The turn is this process's write lock and the writers' ``flock``; both
        are tried without blocking and, when taken, held by the returned
        context manager, which must be entered at once (``with``): it begins
        the transaction, commits or rolls back, and releases the turn. For a
        caller on an event loop, which must not sleep on a lock held by
        another process (``storage/write_batcher.py``). ``writes`` is the
        number of events the transaction records, counted by the checkpointer
        as that many commits (it bounds the WAL by what was written).
        """
        return self._holding_turn(writes) if self._take_turn(None) else None

    def _take_turn(self, timeout_s: float | None) -> bool:
        """Take this process's write lock, then the writers' ``flock``; True if both are held.

        Each waits up to ``timeout_s``, or not at all when it is None. A lock
        taken is released again if the other is not.
        """
        if self._closed:
            raise StoreError(f"the SQLite store for {self.path} is closed")
        if timeout_s is None:
            if not self._write_lock.acquire(blocking=False):
                return False
        elif not self._write_lock.acquire(timeout=timeout_s):
            return False
        try:
            taken = (
                self._file_lock.try_acquire()
                if timeout_s is None
                else self._file_lock.acquire(timeout_s)
            )
        except BaseException:
            self._write_lock.release()
            raise
        if not taken:
            self._write_lock.release()
        return taken

    @contextmanager
    def _holding_turn(self, writes: int) -> Iterator[sqlite3.Connection]:
        """The transaction of a turn already taken; releases it on exit."""
        try:
            try:
                with self._writing(writes) as conn:
                    yield conn
            finally:
                self._file_lock.release()
        finally:
            self._write_lock.release()

    def _busy(self) -> StoreUnavailableError:
        return StoreUnavailableError(
            f"SQLite database {self.path} is busy: no write turn within {self._busy_timeout_ms} ms"
        )

    @contextmanager
    def _writing(self, writes: int = 1) -> Iterator[sqlite3.Connection]:
        conn = self._acquire()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            # A failed COMMIT (busy, disk full) leaves the transaction open:
            # the handler below rolls it back before the error is translated.
            conn.execute("COMMIT")
            self._checkpointer.committed(writes)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from exc
        finally:
            self._release(conn)

    def checkpoint(self) -> bool:
        """Copy the WAL into the database and truncate it; True if it fully completed.

        Called after deletions (erase, purge): the WAL keeps old page images
        until it is overwritten, and ``secure_delete`` only cleans the main
        file. Best effort: a reader of another process can make it incomplete.
        """
        with self._checkpoint_lock, self._write_lock, self.reading() as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return bool(busy == 0)

    def close(self) -> None:
        """Close the idle connections; those in use close when they are released."""
        self._checkpointer.stop()
        with self._lock:
            if not self._closed:
                self._file_lock.close()
            self._closed = True
            while True:
                try:
                    self._idle.pop().close()
                except IndexError:
                    break
