"""``WriteBatcher``: group commit for a SQLite store, without ever blocking the event loop.

SQLite has one writer at a time, and with several server processes on one
file they take turns on the writers' ``flock`` (``WriterFileLock``). A process
that waited for its turn inside ``Store.apply`` waited on its event loop
thread: while another process held the turn it parsed and analysed nothing,
so the processes took turns at everything, not only at writing.

The batcher instead takes the analysed events (``Engine.prepare``) of one
process and records them in batches. On submit, the store runs the event's
step ahead on the row as stored now (``SQLiteStore.batch_entry``); under the
turn it only checks the row is unchanged and writes, so the turn is short::

    request ──prepare (analysis), step run ahead (on the loop)──▶ submit ──▶ pending
                                                               │ turn free now?
         ┌─────────── no: try again in a moment ◀──────────────┤
         │            (the loop serves other requests)         │ yes
         ▼                                                     ▼
    later try                   one BEGIN IMMEDIATE, one SAVEPOINT per event,
                                one COMMIT, turn released ──▶ futures resolved

- The write turn is tried without blocking (``SQLiteStore.try_apply_batch``).
  When it is taken the batcher tries again after ``retry_s`` (1 ms), or at
  once when a new event arrives; meanwhile the loop goes on parsing and
  analysing requests, which join the next batch.
- Once it has the turn, it takes every pending event (at most ``max_batch``,
  so one transaction, and the loop's time in it, stay bounded), in arrival
  order: two events of one conversation are decided one after the other, the
  second seeing the state the first left.
- Nothing is answered before the ``COMMIT``. An event whose step raises gets
  its own error and writes nothing; the others commit. A failed ``COMMIT`` (or
  any database error) fails every event of the batch, which is then not
  recorded at all: the server answers 503 and the host's retries are decided
  again (or replayed, if another copy was recorded meanwhile).
- ``close`` records what is still pending (waiting for the turn) or fails it;
  no caller is left waiting.

It runs on one event loop and is not thread-safe: each server process has its
own, built by ``create_app`` when the store can batch (``BatchingStore``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, Final, Generic, Protocol, TypeVar, cast

from intimacy_rules.engine.store import PendingEvent, StoreResult
from intimacy_rules.errors import StoreUnavailableError

__all__ = ["DEFAULT_MAX_BATCH", "BatchingStore", "WriteBatcher", "as_batching_store"]

#: Events per transaction at most: bounds the WAL growth of one commit and
#: how long the loop is busy inside one (a few ms at ~0.1 ms per event).
DEFAULT_MAX_BATCH: Final = 64
#: The wait before trying a taken turn again (sooner when an event arrives).
#: uvloop keeps timers in whole milliseconds and runs a shorter delay on the
#: next loop iteration: a retry every ~0.1 ms spun the loop at full CPU
#: (measured: ~1.8 ms of server CPU per event instead of ~0.9) on cores the
#: other process needs. Any I/O wakes the loop sooner anyway.
DEFAULT_RETRY_S: Final = 0.001

_Entry = TypeVar("_Entry")


class BatchingStore(Protocol[_Entry]):
    """What the batcher needs of a store (``SQLiteStore`` has it)."""

    def batch_entry(self, pending: PendingEvent) -> _Entry:
        """``pending`` made ready for a batch (its row keys computed)."""
        ...

    def try_apply_batch(self, entries: Sequence[_Entry]) -> list[StoreResult | Exception] | None:
        """Record ``entries`` in one transaction if the write turn is free now, else None."""
        ...

    def apply_batch(self, entries: Sequence[_Entry]) -> list[StoreResult | Exception]:
        """Record ``entries`` in one transaction, waiting for the write turn."""
        ...


def as_batching_store(store: object) -> BatchingStore[Any] | None:
    """``store`` if it can record batches (``SQLiteStore``), else None (PostgreSQL, memory)."""
    methods = ("batch_entry", "try_apply_batch", "apply_batch")
    if all(callable(getattr(store, name, None)) for name in methods):
        return cast("BatchingStore[Any]", store)
    return None


class WriteBatcher(Generic[_Entry]):
    """Records the events of one event loop in group-committed batches."""

    def __init__(
        self,
        store: BatchingStore[_Entry],
        *,
        max_batch: int = DEFAULT_MAX_BATCH,
        retry_s: float = DEFAULT_RETRY_S,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._store = store
        self._max_batch = max_batch
        self._retry_s = retry_s
        self._pending: list[tuple[_Entry, asyncio.Future[StoreResult]]] = []
        self._scheduled: asyncio.Handle | None = None
        self._waiting = False  # the last try found the turn taken
        self._closed = False
        self.batches = 0
        """Transactions run so far (committed or failed)."""
        self.events = 0
        """Events handed to those transactions (``events / batches``: the mean batch)."""
        self.misses = 0
        """Tries that found the write turn taken."""

    async def submit(self, pending: PendingEvent) -> StoreResult:
        """Record ``pending`` with the next batch; its result once that batch committed.

        Raises the step's own exception, or the store's error when the batch
        could not be committed (``StoreUnavailableError``: retry later).
        """
        if self._closed:
            raise StoreUnavailableError("the server is shutting down: retry later")
        entry = self._store.batch_entry(pending)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[StoreResult] = loop.create_future()
        self._pending.append((entry, future))
        scheduled = self._scheduled
        if scheduled is None:
            # On the next loop iteration: requests whose bytes arrived with
            # this one are analysed first and join the batch.
            self._scheduled = loop.call_soon(self._flush)
        elif self._waiting:
            # A new arrival is a good moment to look at the turn again.
            scheduled.cancel()
            self._scheduled = loop.call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        self._scheduled = None
        batch = self._take()
        if not batch:
            return
        try:
            outcomes = self._store.try_apply_batch([entry for entry, _ in batch])
        except Exception as exc:  # the database failed: nothing of the batch is written
            outcomes = [exc] * len(batch)
        if outcomes is None:  # another writer has the turn: back in front, try again soon
            self._pending[:0] = batch
            self._waiting = True
            self.misses += 1
            loop = asyncio.get_running_loop()
            self._scheduled = loop.call_later(self._retry_s, self._flush)
            return
        self._waiting = False
        self._settle(batch, outcomes)
        if self._pending:
            self._scheduled = asyncio.get_running_loop().call_soon(self._flush)

    def _take(self) -> list[tuple[_Entry, asyncio.Future[StoreResult]]]:
        """Up to ``max_batch`` pending events whose caller still waits, oldest first."""
        live = [item for item in self._pending if not item[1].done()]
        batch = live[: self._max_batch]
        self._pending = live[self._max_batch :]
        return batch

    def _settle(
        self,
        batch: list[tuple[_Entry, asyncio.Future[StoreResult]]],
        outcomes: Sequence[StoreResult | Exception],
    ) -> None:
        self.batches += 1
        self.events += len(batch)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():  # the caller went away (cancelled): nothing to answer
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)

    def close(self) -> None:
        """Record what is pending, waiting for the turn, or fail it; refuse new events.

        Called by the server's shutdown once requests are drained, so nothing
        should be pending; whatever is gets an answer either way.
        """
        self._closed = True
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        while True:
            batch = self._take()
            if not batch:
                return
            try:
                outcomes = self._store.apply_batch([entry for entry, _ in batch])
            except Exception as exc:
                outcomes = [exc] * len(batch)
            self._settle(batch, outcomes)
