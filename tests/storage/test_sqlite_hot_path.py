"""The SQLite store's hot path: the state cache, the WAL checkpoint thread, the writer lock.

Both only make an event cheaper; these tests pin down that neither can change
what a store returns, with one process or several on one file.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import Transition
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.codec import DocumentCodec
from intimacy_rules.storage.sqlite_file_lock import WriterFileLock
from intimacy_rules.storage.sqlite_store import SQLiteStore
from intimacy_rules.storage.state_cache import StateCache
from tests.engine.store_contract import make_decision, make_state
from tests.storage.helpers import StoreMaker


def _writes(
    tag: int, event_id: str, seen: list[ConversationState | None] | None = None
) -> Callable[[ConversationState | None], Transition]:
    def step(state: ConversationState | None) -> Transition:
        if seen is not None:
            seen.append(state)
        return Transition(make_state(tag), make_decision(event_id, tag=tag))

    return step


def test_a_state_this_process_wrote_is_reused_without_opening_it(
    sqlite_maker: StoreMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    store: SQLiteStore = sqlite_maker()
    store.apply("t", "c1", "e1", _writes(1, "e1"))
    opened: list[bytes] = []
    real_open = DocumentCodec.open_state

    def counting_open(
        codec: DocumentCodec, tenant: str, key: str, sealed: bytes
    ) -> ConversationState:
        opened.append(sealed)
        return real_open(codec, tenant, key, sealed)

    monkeypatch.setattr(DocumentCodec, "open_state", counting_open)
    seen: list[ConversationState | None] = []
    store.apply("t", "c1", "e2", _writes(2, "e2", seen))
    assert seen == [make_state(1)]
    assert store.load_state("t", "c1") == make_state(2)
    assert opened == []


def test_another_process_writing_the_conversation_is_never_missed(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    # Two stores on one file stand for two server processes: each caches what
    # it wrote, and each must still read what the other wrote after it.
    path = tmp_path / "shared.sqlite3"
    one = SQLiteStore(path, pseudonymizer=pseudonymizer)
    two = SQLiteStore(path, pseudonymizer=pseudonymizer)
    try:
        one.apply("t", "c1", "e1", _writes(1, "e1"))
        seen: list[ConversationState | None] = []
        two.apply("t", "c1", "e2", _writes(2, "e2", seen))
        assert seen == [make_state(1)]
        # ``one`` still remembers state 1, but its row now holds state 2.
        seen.clear()
        one.apply("t", "c1", "e3", _writes(3, "e3", seen))
        assert seen == [make_state(2)]
        assert two.load_state("t", "c1") == make_state(3)
        # An equal state written elsewhere still has other bytes (a fresh nonce).
        two.apply("t", "c1", "e4", _writes(3, "e4"))
        assert one.load_state("t", "c1") == make_state(3)
        assert two.erase("t", "c1")
        assert one.load_state("t", "c1") is None
        seen.clear()
        one.apply("t", "c1", "e5", _writes(5, "e5", seen))
        assert seen == [None]
    finally:
        one.close()
        two.close()


def test_a_failed_commit_leaves_no_state_behind_in_the_cache(sqlite_maker: StoreMaker) -> None:
    store: SQLiteStore = sqlite_maker()
    store.apply("t", "c1", "e1", _writes(1, "e1"))

    def fails(state: ConversationState | None) -> Transition:
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError, match="step failed"):
        store.apply("t", "c1", "e2", fails)
    seen: list[ConversationState | None] = []
    store.apply("t", "c1", "e3", _writes(3, "e3", seen))
    assert seen == [make_state(1)]


def test_the_cache_is_bounded_and_keyed_by_the_exact_bytes() -> None:
    cache = StateCache(max_entries=2)
    for n in range(3):
        cache.put("t", f"c{n}", b"sealed-%d" % n, make_state(n))
    assert cache.get("t", "c0", b"sealed-0") is None  # evicted, oldest first
    assert cache.get("t", "c2", b"sealed-2") == make_state(2)
    assert cache.get("t", "c2", b"other bytes") is None
    assert cache.get("u", "c2", b"sealed-2") is None


def test_the_wal_stays_small_under_a_steady_stream_of_writes(sqlite_maker: StoreMaker) -> None:
    # Checkpoints run on a thread; without its second pass under the write
    # lock the WAL is never fully copied, so never restarted, and grows on.
    store: SQLiteStore = sqlite_maker()
    wal = Path(f"{store.path}-wal")
    for n in range(3000):
        store.apply("t", f"c{n % 50}", f"e{n}", _writes(n % 7, f"e{n}"))
    time.sleep(0.2)
    assert wal.stat().st_size < 32 * 2**20


def test_the_wal_stays_small_with_two_processes_writing(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    # Two stores on one file stand for two server processes. Each one's second
    # checkpoint pass also holds the writers' flock: without it the other
    # process always adds frames meanwhile, and the WAL never restarts.
    path = tmp_path / "db.sqlite3"
    stores = [SQLiteStore(path, pseudonymizer=pseudonymizer) for _ in range(2)]
    try:
        for n in range(3000):
            stores[n % 2].apply("t", f"c{n % 50}", f"e{n}", _writes(n % 7, f"e{n}"))
        time.sleep(0.2)
        wal_size = Path(f"{path}-wal").stat().st_size  # closing the last one removes it
    finally:
        for store in stores:
            store.close()
    assert wal_size < 32 * 2**20


def test_the_writer_file_lock_gives_one_turn_at_a_time(tmp_path: Path) -> None:
    # Two descriptors stand for two processes: flock excludes between them.
    path = tmp_path / "db.sqlite3-writer.lock"
    one, two = WriterFileLock(path), WriterFileLock(path)
    try:
        assert one.acquire(1.0)
        started = time.monotonic()
        assert not two.acquire(0.05)
        assert time.monotonic() - started >= 0.05
        one.release()
        assert two.acquire(0.05)
        two.release()
    finally:
        one.close()
        two.close()


def test_a_writer_that_dies_holding_the_turn_does_not_block_the_others(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3-writer.lock"
    code = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(path)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    lock = WriterFileLock(path)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"held\n"
        assert not lock.acquire(0.05)
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        assert lock.acquire(1.0)
    finally:
        holder.kill()
        holder.wait(10)
        assert holder.stdout is not None
        holder.stdout.close()
        lock.close()


@pytest.mark.postgres
def test_another_postgres_server_writing_the_conversation_is_never_missed(
    pg_schemas: Callable[[], str], pseudonymizer: Pseudonymizer
) -> None:
    from intimacy_rules.storage.postgres_store import PostgresStore

    dsn = pg_schemas()
    one = PostgresStore(dsn, pseudonymizer=pseudonymizer)
    two = PostgresStore(dsn, pseudonymizer=pseudonymizer)
    try:
        one.apply("t", "c1", "e1", _writes(1, "e1"))
        seen: list[ConversationState | None] = []
        two.apply("t", "c1", "e2", _writes(2, "e2", seen))
        one.apply("t", "c1", "e3", _writes(3, "e3", seen))
        assert seen == [make_state(1), make_state(2)]
        two.apply("t", "c1", "e4", _writes(3, "e4"))
        assert one.load_state("t", "c1") == make_state(3)
        assert two.erase("t", "c1")
        assert one.load_state("t", "c1") is None
    finally:
        one.close()
        two.close()
