"""Several processes on one database: ordering, exactly-once decisions, disjoint claims.

Threads of one process are covered by the Store contract and the outbox tests;
here each worker is its own interpreter, as server processes are in production
(SQLite: several processes on one file; PostgreSQL: several machines).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.postgres_store import PostgresStore
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.storage.concurrent_worker import KEY
from tests.storage.helpers import callback, deliver

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
EVENTS = 40
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """A backend name and an empty database for it, migrated."""
    if request.param == "sqlite":
        path = str(tmp_path / "shared.sqlite3")
        SQLiteStore(path, pseudonymizer=Pseudonymizer(KEY)).close()
        return "sqlite", path
    make: Callable[[], str] = request.getfixturevalue("pg_schemas")
    dsn = make()
    PostgresStore(dsn, pseudonymizer=Pseudonymizer(KEY)).close()
    return "postgres", dsn


def _run_workers(backend: str, target: str, barrier: Path, *argsets: list[str]) -> list[Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STORAGE_TEST_BARRIER": str(barrier)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.concurrent_worker", backend, target, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in argsets
    ]
    # release them together, once each has imported everything and is ready
    deadline = time.monotonic() + 60
    while len(list(barrier.glob("ready-*"))) < len(procs) and time.monotonic() < deadline:
        time.sleep(0.01)
    (barrier / "go").touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        outputs.append(json.loads(out))
    return outputs


def test_processes_retrying_the_same_events_decide_each_once_in_order(
    target: tuple[str, str], tmp_path: Path
) -> None:
    backend, where = target
    runs = _run_workers(
        backend, where, tmp_path, ["apply", str(EVENTS), "1"], ["apply", str(EVENTS), "2"]
    )
    results = [r for run in runs for r in run]
    decided = [r for r in results if not r["replayed"]]
    # every event decided exactly once, by one process or the other
    assert sorted(r["event"] for r in decided) == list(range(EVENTS))
    # each step saw the state the previous one wrote: counts 0..N-1, none twice
    assert sorted(r["seen"][0] for r in decided) == list(range(EVENTS))
    # a step never ran for a replay, and a replay returned the original decision
    assert all(r["seen"] == [] for r in results if r["replayed"])
    original = {r["event"]: r["decision"] for r in decided}
    assert all(r["decision"] == original[r["event"]] for r in results)
    store = (
        SQLiteStore(where, pseudonymizer=Pseudonymizer(KEY))
        if backend == "sqlite"
        else PostgresStore(where, pseudonymizer=Pseudonymizer(KEY))
    )
    try:
        state = store.load_state("t", "c1")
        assert state is not None
        assert state.messages == EVENTS
    finally:
        store.close()


def test_processes_claiming_the_outbox_never_get_the_same_row(
    target: tuple[str, str], tmp_path: Path
) -> None:
    backend, where = target
    store = (
        SQLiteStore(where, pseudonymizer=Pseudonymizer(KEY), clock=lambda: NOW)
        if backend == "sqlite"
        else PostgresStore(where, pseudonymizer=Pseudonymizer(KEY), clock=lambda: NOW)
    )
    try:
        for n in range(30):
            messages = [callback(n=n, part=i) for i in range(5)]
            store.apply("t", f"c{n}", f"e{n}", deliver(*messages, event_id=f"e{n}"))
    finally:
        store.close()
    claims = _run_workers(backend, where, tmp_path, ["claim", "4"], ["claim", "4"], ["claim", "4"])
    ids = [i for claim in claims for i in claim]
    assert len(ids) == 150
    assert len(set(ids)) == 150
