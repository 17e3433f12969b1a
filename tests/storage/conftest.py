"""Fixtures for the storage tests: a fixed pseudonymisation key, store factories.

PostgreSQL tests read their server from ``INTIMACY_RULES_TEST_PG_DSN`` (start
one with ``eval "$(.ci/postgres.sh)"``). Without it they are skipped locally,
with the reason, but *fail* when ``CI`` is set: CI must never pass by silently
not testing PostgreSQL. Each PostgreSQL store gets a schema of its own, dropped
after the test, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.postgres_store import PostgresStore
from intimacy_rules.storage.sqlite_store import SQLiteStore

StoreMaker = Callable[..., Any]

PG_ENV = "INTIMACY_RULES_TEST_PG_DSN"
KEY = b"storage-tests-key-0123456789abcdef"


@pytest.fixture
def pseudonymizer() -> Pseudonymizer:
    return Pseudonymizer(KEY)


@pytest.fixture(scope="session")
def pg_dsn() -> str:
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set, and CI must test PostgreSQL: run .ci/postgres.sh")
        pytest.skip(f'{PG_ENV} is not set; eval "$(.ci/postgres.sh)" to test PostgreSQL')
    return dsn


@pytest.fixture
def pg_schemas(pg_dsn: str) -> Iterator[Callable[[], str]]:
    """Makes DSNs whose search_path is a fresh schema; drops the schemas afterwards."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    made: list[str] = []

    def make() -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(pg_dsn, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        made.append(name)
        return make_conninfo(pg_dsn, options=f"-c search_path={name}")

    yield make
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def sqlite_maker(tmp_path: Path, pseudonymizer: Pseudonymizer) -> Iterator[StoreMaker]:
    """Builds SQLite stores, each on a new file; closes them after the test."""
    stores: list[SQLiteStore] = []

    def make(**kwargs: Any) -> SQLiteStore:
        kwargs.setdefault("pseudonymizer", pseudonymizer)
        store = SQLiteStore(tmp_path / f"store{len(stores)}.sqlite3", **kwargs)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def postgres_maker(
    pg_schemas: Callable[[], str], pseudonymizer: Pseudonymizer
) -> Iterator[StoreMaker]:
    """Builds PostgreSQL stores, each in a new schema; closes them after the test."""
    stores: list[PostgresStore] = []

    def make(**kwargs: Any) -> PostgresStore:
        kwargs.setdefault("pseudonymizer", pseudonymizer)
        store = PostgresStore(pg_schemas(), **kwargs)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def make_store(request: pytest.FixtureRequest) -> StoreMaker:
    """Each test using it runs once per backend."""
    maker: StoreMaker = request.getfixturevalue(f"{request.param}_maker")
    return maker
