"""``WalCheckpointer``: copies the SQLite WAL into the database off the request path.

SQLite's automatic checkpoint runs inside the ``COMMIT`` that pushes the WAL
past 1,000 pages, and a checkpoint ends with an ``fsync`` of the database file:
on this machine that made one commit in ~150 take 8-28 ms while the mean
commit took 50 us, which is the whole p99 of ``POST /v1/events`` (the server
decides on its event loop, so every request in flight waited for it).

So the store's connections run with ``wal_autocheckpoint = 0`` and this daemon
thread checkpoints instead, after every ``every_commits`` commits or
``interval_s`` seconds, whichever comes first, in two passes:

1. ``PASSIVE``, while writers go on: it copies nearly all the WAL and pays the
   ``fsync``s on this thread, with the GIL released;
2. in one round out of ``restart_every``, ``PASSIVE`` again under the store's
   write lock: it copies only the few frames committed during the first pass
   (~1 ms, two small ``fsync``s, during which this process's writers wait).
   Only a fully copied WAL is restarted from its beginning by the next writer;
   without this pass writers always add frames during the checkpoint, the WAL
   grows without end (measured: 146 MB after 4,000 events) and every read gets
   slower as SQLite searches its ever longer index. With it the WAL stays
   under ~20 MB; doing it every round instead halved that but doubled the
   writers' p99.9 wait (measured 12 ms against 20-24 ms at load average 9).

The second pass also takes the writers' ``flock`` shared by every process
(``WriterFileLock``), so writers of other processes wait for it too. Without
it, with two server processes, some other process's writer always added frames
during the pass, the WAL was never fully copied and never restarted (122 MB
after 4,300 events, where one process keeps it near 15 MB), and each event
cost ~15-20% more CPU (longer WAL index searches, copies of ever more frames).
If the ``flock`` is not free within ``file_lock_wait_s`` the pass is left to a
later round.

Durability does not change: a commit is in the WAL before it is acknowledged
and the WAL is replayed after a crash, checkpointed or not. Nor does privacy:
``erase`` and ``purge`` still run their own ``TRUNCATE`` checkpoint at once
(``SQLiteDatabase.checkpoint``), under the same lock as this thread's.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from intimacy_rules.storage.sqlite_file_lock import WriterFileLock

__all__ = ["WalCheckpointer"]

_log = logging.getLogger(__name__)

#: ~7 WAL pages per event: about SQLite's own 1,000-page threshold.
DEFAULT_EVERY_COMMITS: Final = 128
DEFAULT_INTERVAL_S: Final = 1.0
#: The second pass (under the write lock) in one round out of this many.
DEFAULT_RESTART_EVERY: Final = 4
#: How long the second pass waits for the writers' ``flock`` (a write holds it < 1 ms).
DEFAULT_FILE_LOCK_WAIT_S: Final = 0.05
_CHECKPOINT: Final = "PRAGMA wal_checkpoint(PASSIVE)"


class WalCheckpointer:
    """A daemon thread running ``PRAGMA wal_checkpoint(PASSIVE)`` after enough commits."""

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        lock: threading.Lock,
        write_lock: threading.Lock,
        *,
        file_lock: WriterFileLock | None = None,
        file_lock_wait_s: float = DEFAULT_FILE_LOCK_WAIT_S,
        every_commits: int = DEFAULT_EVERY_COMMITS,
        interval_s: float = DEFAULT_INTERVAL_S,
        restart_every: int = DEFAULT_RESTART_EVERY,
    ) -> None:
        self._connect = connect
        self._lock = lock  # shared with the store's own (TRUNCATE) checkpoints
        self._write_lock = write_lock  # always taken after ``lock``, never before
        self._file_lock = file_lock  # after ``write_lock``, as writers take it
        self._file_lock_wait_s = file_lock_wait_s
        self._every = every_commits
        self._interval_s = interval_s
        self._restart_every = restart_every
        self._rounds = 0
        self._commits = 0
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def committed(self, count: int = 1) -> None:
        """Note ``count`` commits (a batch counts its events); wakes the thread
        every ``every_commits`` of them."""
        self._commits += count  # a lost update under threads only delays one checkpoint
        if self._thread is None:
            self._start()
        if self._commits >= self._every:
            self._wake.set()

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None and not self._stopping:
                thread = threading.Thread(
                    target=self._run, name="intimacy-rules-sqlite-checkpoint", daemon=True
                )
                thread.start()
                self._thread = thread

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while not self._stopping:
                self._wake.wait(self._interval_s)
                self._wake.clear()
                if self._stopping or self._commits == 0:
                    continue
                self._commits = 0
                try:
                    if conn is None:
                        conn = self._connect()
                    self._rounds += 1
                    with self._lock:
                        conn.execute(_CHECKPOINT).fetchall()
                        if self._rounds % self._restart_every == 0:
                            self._final_pass(conn)
                except sqlite3.Error as exc:
                    # Not fatal: the WAL grows until a later checkpoint succeeds.
                    _log.warning("SQLite WAL checkpoint failed: %s", type(exc).__name__)
        finally:
            if conn is not None:
                conn.close()

    def _final_pass(self, conn: sqlite3.Connection) -> None:
        """Copy the last frames while no writer of any process can add more."""
        with self._write_lock:
            file_lock = self._file_lock
            if file_lock is None:
                conn.execute(_CHECKPOINT).fetchall()
                return
            try:
                if not file_lock.acquire(self._file_lock_wait_s):
                    return  # busy: a later round
            except OSError:
                return  # the store closed its lock file meanwhile
            try:
                conn.execute(_CHECKPOINT).fetchall()
            finally:
                file_lock.release()

    def stop(self) -> None:
        """Stop the thread (it finishes a checkpoint in progress first)."""
        with self._start_lock:
            self._stopping = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join(timeout=10)
