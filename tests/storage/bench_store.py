"""Store throughput: ``Store.apply`` per second and its latency, on either backend.

    python -m tests.storage.bench_store sqlite [THREADS] [EVENTS_PER_THREAD]
    eval "$(.ci/postgres.sh)"; python -m tests.storage.bench_store postgres 4 500

Each thread decides events spread over 50 conversations of its own, each event
with one callback, and a trivial step (the engine's analysis is not measured
here). Prints one line of figures. Not a test: run it by hand.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import uuid

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.store import OutboundMessage, Transition
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.storage.registry import open_store
from tests.engine.store_contract import make_decision, make_state


def _target(backend: str) -> str:
    if backend == "sqlite":
        return os.path.join(tempfile.mkdtemp(), "bench.sqlite3")
    import psycopg
    from psycopg.conninfo import make_conninfo

    base = os.environ["INTIMACY_RULES_TEST_PG_DSN"]
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return make_conninfo(base, options=f"-c search_path={schema}")


def main(backend: str, threads: int = 4, per_thread: int = 500) -> None:
    store = open_store(backend, _target(backend), pseudonymizer=Pseudonymizer(b"b" * 32))
    state = make_state(1)
    callback = (OutboundMessage(event_type="decision.created", payload={"n": 1}),)
    latencies: list[float] = []

    def run(worker: int) -> None:
        for n in range(per_thread):
            event = f"e{worker}-{n}"

            def step(_: ConversationState | None, event: str = event) -> Transition:
                return Transition(state, make_decision(event), callback)

            started = time.perf_counter()
            store.apply("bench", f"c{worker}-{n % 50}", event, step)
            latencies.append(time.perf_counter() - started)

    pool = [threading.Thread(target=run, args=(w,)) for w in range(threads)]
    began = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - began
    store.close()
    latencies.sort()
    total = threads * per_thread
    print(
        f"{backend}: {threads} threads x {per_thread} events: {total / elapsed:,.0f} applies/s, "
        f"p50 {latencies[total // 2] * 1e3:.2f} ms, p99 {latencies[int(total * 0.99)] * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:4]))
