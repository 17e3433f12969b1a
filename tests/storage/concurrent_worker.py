"""A worker process for the cross-process tests: applies events or claims the outbox.

    python -m tests.storage.concurrent_worker BACKEND TARGET MODE ARG...

It prints one JSON document on stdout. Run by ``test_concurrency.py`` only.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import Transition
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.registry import open_store
from tests.engine.store_contract import make_decision

KEY = b"storage-tests-key-0123456789abcdef"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def apply_all(backend: str, target: str, events: int, seed: int) -> list[dict[str, object]]:
    """Apply events e0..e{events-1} in a shuffled order; report what each step saw."""
    store = open_store(backend, target, pseudonymizer=Pseudonymizer(KEY))
    order = list(range(events))
    random.Random(seed).shuffle(order)
    results: list[dict[str, object]] = []
    try:
        for n in order:
            seen: list[int] = []

            def step(
                state: ConversationState | None, n: int = n, seen: list[int] = seen
            ) -> Transition:
                count = 0 if state is None else state.messages
                seen.append(count)
                new = (state or ConversationState.start()).model_copy(
                    update={"messages": count + 1}
                )
                return Transition(new, make_decision(f"e{n}", tag=count))

            result = store.apply("t", "c1", f"e{n}", step)
            results.append(
                {
                    "event": n,
                    "replayed": result.replayed,
                    "decision": result.decision.decision_id,
                    "seen": seen,
                }
            )
    finally:
        store.close()
    return results


def claim_all(backend: str, target: str, batch: int) -> list[int]:
    """Claim rows until none is left; report their ids."""
    store = open_store(backend, target, pseudonymizer=Pseudonymizer(KEY))
    ids: list[int] = []
    try:
        while rows := store.outbox.claim_due(batch, NOW, 600):
            ids.extend(row.id for row in rows)
    finally:
        store.close()
    return ids


def wait_for_the_others() -> None:
    """Start together: say ready, then wait for the parent's go (process start-up varies)."""
    barrier = Path(os.environ["STORAGE_TEST_BARRIER"])
    (barrier / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 30
    while not (barrier / "go").exists():
        if time.monotonic() > deadline:
            raise SystemExit("the parent never said go")
        time.sleep(0.005)


def main(argv: list[str]) -> None:
    backend, target, mode, *args = argv
    wait_for_the_others()
    if mode == "apply":
        out: object = apply_all(backend, target, int(args[0]), int(args[1]))
    else:
        out = claim_all(backend, target, int(args[0]))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
