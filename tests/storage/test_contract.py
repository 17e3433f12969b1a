"""Both SQL stores pass the same ``Store`` contract as the in-memory store."""

from __future__ import annotations

import pytest

from tests.engine.store_contract import StoreContract
from tests.storage.helpers import StoreMaker


class TestSQLiteStoreContract(StoreContract):
    # SQLite has one writer at a time: conversations wait for each other.
    parallel_conversations = False

    @pytest.fixture
    def store_factory(self, sqlite_maker: StoreMaker) -> StoreMaker:
        return sqlite_maker


@pytest.mark.postgres
class TestPostgresStoreContract(StoreContract):
    @pytest.fixture
    def store_factory(self, postgres_maker: StoreMaker) -> StoreMaker:
        return postgres_maker
