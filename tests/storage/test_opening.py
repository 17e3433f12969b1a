"""Opening stores: the registry, schema migrations, sealing keys, and a clean import."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from intimacy_rules.errors import ConfigurationError, InputError, StoreError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.registry import STORES, open_store
from intimacy_rules.storage.schema import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, latest_version
from intimacy_rules.storage.sealing import Sealer
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.engine.store_contract import make_state
from tests.storage.helpers import StoreMaker, deliver


def test_the_registry_names_both_stores() -> None:
    assert sorted(STORES) == ["postgres", "sqlite"]


def test_an_unknown_store_names_the_known_ones(pseudonymizer: Pseudonymizer) -> None:
    with pytest.raises(ConfigurationError, match="unknown store 'mysql'; known: postgres, sqlite"):
        open_store("mysql", "x", pseudonymizer=pseudonymizer)


def test_open_store_builds_a_working_sqlite_store(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    store = open_store("sqlite", str(tmp_path / "a.sqlite3"), pseudonymizer=pseudonymizer)
    try:
        assert isinstance(store, SQLiteStore)
        store.apply("t", "c1", "e1", deliver())
        assert store.load_state("t", "c1") == make_state(1)
    finally:
        store.close()


def test_reopening_keeps_the_data_and_migrates_nothing_twice(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    path = tmp_path / "a.sqlite3"
    first = SQLiteStore(path, pseudonymizer=pseudonymizer)
    first.apply("t", "c1", "e1", deliver())
    first.close()
    second = SQLiteStore(path, pseudonymizer=pseudonymizer)
    try:
        assert second.load_state("t", "c1") == make_state(1)
        assert second.apply("t", "c1", "e1", deliver(tag=2)).replayed is True
    finally:
        second.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    conn.close()
    assert versions == [m.version for m in SQLITE_MIGRATIONS]


def test_a_version_1_database_is_migrated_with_its_decisions(
    tmp_path: Path, pseudonymizer: Pseudonymizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Version 2 moves the decisions into a rowid table: a data dir written
    # before it still replays its events and erases its conversations.
    path = tmp_path / "a.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr("intimacy_rules.storage.sqlite_db.SQLITE_MIGRATIONS", SQLITE_MIGRATIONS[:1])
        old = SQLiteStore(path, pseudonymizer=pseudonymizer)
        first = old.apply("t", "c1", "e1", deliver())
        old.apply("t", "c2", "e2", deliver())
        old.close()
    store = SQLiteStore(path, pseudonymizer=pseudonymizer)
    try:
        again = store.apply("t", "c1", "e1", deliver(tag=2))
        assert again.replayed is True
        assert again.decision == first.decision
        assert store.apply("t", "c1", "e3", deliver(tag=2)).replayed is False
        assert store.erase("t", "c2") is True
        assert store.apply("t", "c2", "e2", deliver()).replayed is False
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as conn, conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(decisions)")}
    assert versions == [1, 2]
    assert {"decisions_event", "decisions_conversation", "decisions_decided"} <= indexes


def test_a_database_from_a_newer_release_is_refused(
    tmp_path: Path, pseudonymizer: Pseudonymizer
) -> None:
    path = tmp_path / "a.sqlite3"
    SQLiteStore(path, pseudonymizer=pseudonymizer).close()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO schema_migrations (version) VALUES (999)")
    conn.close()
    with pytest.raises(StoreError, match="schema version 999, newer than"):
        SQLiteStore(path, pseudonymizer=pseudonymizer)


@pytest.mark.postgres
def test_postgres_reopens_and_refuses_a_newer_schema(
    pg_schemas: object, pseudonymizer: Pseudonymizer
) -> None:
    import psycopg

    from intimacy_rules.storage.postgres_store import PostgresStore

    assert callable(pg_schemas)
    dsn = pg_schemas()
    first = PostgresStore(dsn, pseudonymizer=pseudonymizer)
    first.apply("t", "c1", "e1", deliver())
    first.close()
    second = PostgresStore(dsn, pseudonymizer=pseudonymizer)
    try:
        assert second.load_state("t", "c1") == make_state(1)
    finally:
        second.close()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (version) VALUES (999)")
    with pytest.raises(StoreError, match="version 999, newer than"):
        PostgresStore(dsn, pseudonymizer=pseudonymizer)


def test_both_dialects_have_the_same_schema_versions() -> None:
    assert [m.version for m in SQLITE_MIGRATIONS] == [m.version for m in POSTGRES_MIGRATIONS]
    assert latest_version(SQLITE_MIGRATIONS) == len(SQLITE_MIGRATIONS)


def test_a_sealed_document_opens_only_in_its_own_context() -> None:
    sealer = Sealer(b"0" * 32)
    sealed = sealer.seal(b"hello", "state\x00t\x00c1")
    assert b"hello" not in sealed
    assert sealer.open(sealed, "state\x00t\x00c1") == b"hello"
    with pytest.raises(StoreError, match="failed to open"):
        sealer.open(sealed, "state\x00t\x00c2")
    with pytest.raises(StoreError, match="failed to open"):
        Sealer(b"1" * 32).open(sealed, "state\x00t\x00c1")
    with pytest.raises(StoreError, match="unknown seal version"):
        sealer.open(b"\x09" + sealed[1:], "state\x00t\x00c1")


def test_the_derived_sealing_key_follows_the_pseudonymisation_key() -> None:
    one = Sealer.derived_from(Pseudonymizer(b"a" * 32))
    sealed = one.seal(b"x", "ctx")
    assert Sealer.derived_from(Pseudonymizer(b"a" * 32)).open(sealed, "ctx") == b"x"
    with pytest.raises(StoreError):
        Sealer.derived_from(Pseudonymizer(b"b" * 32)).open(sealed, "ctx")
    assert "hidden" in repr(one)


def test_a_short_sealing_key_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="32 bytes, got 16"):
        Sealer(b"k" * 16)


def test_naive_times_are_refused(make_store: StoreMaker) -> None:
    naive = datetime(2026, 1, 1)
    store = make_store()
    with pytest.raises(InputError, match="timezone-aware"):
        store.outbox.claim_due(1, naive, 30)
    with pytest.raises(InputError, match="timezone-aware"):
        store.purge(naive)


def test_importing_the_storage_package_opens_nothing_and_loads_no_driver() -> None:
    code = (
        "import sys\n"
        "import intimacy_rules.storage, intimacy_rules.storage.registry\n"
        "import intimacy_rules.storage.sqlite_store, intimacy_rules.storage.postgres_store\n"
        "assert 'psycopg' not in sys.modules, 'psycopg imported'\n"
        "assert 'cryptography' not in sys.modules, 'cryptography imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
