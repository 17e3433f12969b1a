"""A database that cannot be reached gives ``StoreUnavailableError`` and writes nothing."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import Transition
from intimacy_rules.errors import StoreError, StoreUnavailableError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.postgres_db import APPLICATION_NAME
from intimacy_rules.storage.postgres_store import PostgresStore
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.engine.store_contract import make_state
from tests.storage.helpers import StoreMaker, callback, deliver

AT = datetime(2026, 4, 1, tzinfo=UTC)


def test_a_dead_postgres_dsn_is_unavailable_quickly(pseudonymizer: Pseudonymizer) -> None:
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="PostgreSQL is unavailable"):
        PostgresStore(
            "postgresql://nobody:secret@127.0.0.1:9/none",
            pseudonymizer=pseudonymizer,
            connect_timeout_s=2,
        )
    assert time.monotonic() - started < 5


def test_a_sqlite_file_in_a_missing_directory_is_unavailable(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    with pytest.raises(StoreUnavailableError, match="unable to open"):
        SQLiteStore(tmp_path / "no" / "such" / "dir.sqlite3", pseudonymizer=pseudonymizer)


def test_a_file_that_is_not_a_database_is_an_error_not_a_retry(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are not the pages you are looking for" * 100)
    with pytest.raises(StoreError, match="not a database") as caught:
        SQLiteStore(path, pseudonymizer=pseudonymizer)
    assert caught.value.retryable is False


def test_a_sqlite_file_locked_by_another_process_is_unavailable_and_untouched(
    sqlite_maker: StoreMaker,
) -> None:
    store = sqlite_maker(busy_timeout_ms=200, clock=lambda: AT)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    calls: list[ConversationState | None] = []

    def step(state: ConversationState | None) -> Transition:
        calls.append(state)
        return deliver(callback(n=2), tag=2, event_id="e2")(state)

    try:
        with pytest.raises(StoreUnavailableError, match="locked") as caught:
            store.apply("t", "c1", "e2", step)
        assert caught.value.retryable is True
        assert calls == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.load_state("t", "c1") == make_state(1)
    assert [c.payload for c in store.outbox.claim_due(10, AT, 30)] == [{"n": 1}]
    # and once the lock is released, the retry goes through
    assert store.apply("t", "c1", "e2", step).replayed is False
    assert store.load_state("t", "c1") == make_state(2)


@pytest.mark.postgres
def test_a_connection_lost_mid_step_writes_nothing_and_the_store_recovers(
    postgres_maker: StoreMaker, pg_dsn: str
) -> None:
    import psycopg

    store = postgres_maker(clock=lambda: AT)
    store.apply("t", "c1", "e1", deliver(callback(n=1)))

    def step_while_the_server_drops_us(state: ConversationState | None) -> Transition:
        # what a server restart or a network cut does to an open transaction
        with psycopg.connect(pg_dsn, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name = %s",
                (APPLICATION_NAME,),
            ).fetchone()
            assert killed is not None
            assert killed[0] >= 1
        return deliver(callback(n=2), tag=2, event_id="e2")(state)

    with pytest.raises(StoreUnavailableError) as caught:
        store.apply("t", "c1", "e2", step_while_the_server_drops_us)
    assert caught.value.retryable is True
    assert store.load_state("t", "c1") == make_state(1)
    assert [c.payload for c in store.outbox.claim_due(10, AT, 30)] == [{"n": 1}]
    # the pool replaces the dead connection: the retry is decided normally
    assert store.apply("t", "c1", "e2", deliver(tag=2, event_id="e2")).replayed is False
    assert store.load_state("t", "c1") == make_state(2)


def test_a_closed_store_refuses_outbox_work_too(make_store: StoreMaker) -> None:
    store = make_store()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.outbox.claim_due(1, AT, 30)
    with pytest.raises(StoreError, match="closed"):
        store.load_state("t", "c1")


@pytest.mark.postgres
def test_an_exhausted_postgres_pool_is_unavailable_not_a_hang(
    postgres_maker: StoreMaker,
) -> None:
    store = postgres_maker(clock=lambda: AT, max_connections=1, connect_timeout_s=1)
    entered, release = threading.Event(), threading.Event()

    def hold(state: ConversationState | None) -> Transition:
        entered.set()
        assert release.wait(timeout=10)
        return deliver()(state)

    busy = threading.Thread(target=store.apply, args=("t", "c1", "e1", hold))
    busy.start()
    try:
        assert entered.wait(timeout=10)
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError, match="unavailable"):
            store.apply("t", "c2", "e2", deliver(tag=2, event_id="e2"))
        assert time.monotonic() - started < 5
    finally:
        release.set()
        busy.join(timeout=10)
    assert store.load_state("t", "c1") == make_state(1)
    assert store.load_state("t", "c2") is None
