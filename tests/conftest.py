"""Suite-wide pytest setup.

Shared assertion helpers are registered for rewriting here, once, before any
test package imports them; registering them from a sub-folder's conftest
fails when another folder imported them first.
"""

from __future__ import annotations

import pytest

pytest.register_assert_rewrite("tests.engine.store_contract", "tests.storage.helpers")
