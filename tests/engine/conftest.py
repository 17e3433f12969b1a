"""Shared by the engine tests: pytest rewrites the asserts of the store contract."""

from __future__ import annotations

import pytest

# The contract is imported by other stores' test modules too; without this
# its failures would show a bare AssertionError instead of the values.
pytest.register_assert_rewrite("tests.engine.store_contract")
