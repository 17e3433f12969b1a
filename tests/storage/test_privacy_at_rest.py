"""Nothing at rest names the host's conversations or participants; replays give them back.

A canary conversation id and sender id go through state, decision (as a nudge
and a hold recipient) and outbox payload, then the raw SQLite files and every
PostgreSQL row are searched for them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import AnalysisSummary, Decision, FiredRule
from intimacy_rules.engine.store import Transition
from intimacy_rules.errors import StoreError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.outcomes import HoldOutcome, NudgeOutcome
from intimacy_rules.storage.postgres_store import PostgresStore
from intimacy_rules.storage.sqlite_store import SQLiteStore
from tests.storage.helpers import StoreMaker, callback

CONVERSATION = "canary-conv-7f3e9d21"
SENDER = "canary-sender-5b8c04aa"
EVENT = "canary-event-91d2c6e0"
AT = datetime(2026, 2, 14, 21, 30, tzinfo=UTC)
CANARIES = (CONVERSATION, SENDER, EVENT)


def _decision() -> Decision:
    outcomes = (
        NudgeOutcome(to=SENDER, text="Tell them how you feel.", template="t1"),
        HoldOutcome(to=SENDER, text="Are you sure?", reason="pressure"),
    )
    return Decision(
        decision_id="d1",
        event_id=EVENT,
        conversation_id=CONVERSATION,
        ruleset="r",
        revision="1@x",
        fired=(FiredRule(rule_id="r1", description="d", priority=1, outcomes=outcomes),),
        analysis=AnalysisSummary(level=2, facts=True, feelings=True),
        criteria=CriteriaScores(),
        depth=1,
        decided_at=AT,
    )


def _step(state: ConversationState | None) -> Transition:
    analysis = MessageAnalysis(level=2, disclosure=Disclosure(facts=True, feelings=True))
    # The raw sender id in the state is the worst case: the engine passes a
    # pseudonym, but the store must not rely on that.
    new = (state or ConversationState.start()).advance(SENDER, analysis, AT)
    payload = {"conversation_id": CONVERSATION, "to": SENDER, "event_id": EVENT}
    return Transition(new, _decision(), (callback(**payload),))


def _fill(store: SQLiteStore) -> None:
    assert store.apply("tenant", CONVERSATION, EVENT, _step).replayed is False
    replay = store.apply("tenant", CONVERSATION, EVENT, _step)
    # the replay names the host's real ids again, although none is stored
    assert replay.replayed is True
    assert replay.decision == _decision()
    assert store.load_state("tenant", CONVERSATION) == _step(None).state
    (claimed,) = store.outbox.claim_due(5, AT, 30)
    assert claimed.payload["conversation_id"] == CONVERSATION


def test_no_canary_reaches_the_sqlite_files(sqlite_maker: StoreMaker, tmp_path: Path) -> None:
    store = sqlite_maker(clock=lambda: AT)
    _fill(store)
    files = [p for p in tmp_path.iterdir() if p.name.startswith(store.path.name)]
    assert {p.name for p in files} >= {store.path.name, f"{store.path.name}-wal"}
    for path in files:
        data = path.read_bytes()
        for canary in CANARIES:
            assert canary.encode() not in data, (canary, path.name)
    store.close()
    data = store.path.read_bytes()  # after the checkpoint on close
    assert not any(canary.encode() in data for canary in CANARIES)


@pytest.mark.postgres
def test_no_canary_reaches_a_postgres_table(postgres_maker: StoreMaker) -> None:
    import psycopg

    store = postgres_maker(clock=lambda: AT)
    _fill(store)
    with store._db.connection() as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        ]
        assert {"conversations", "decisions", "outbox"} <= set(tables)
        for table in tables:
            query = psycopg.sql.SQL("SELECT t.*, t::text FROM {} AS t").format(
                psycopg.sql.Identifier(table)
            )
            for row in conn.execute(query):
                for value in row:
                    raw = value if isinstance(value, bytes) else str(value).encode()
                    for canary in CANARIES:
                        assert canary.encode() not in raw, (canary, table)


def test_a_state_copied_onto_another_conversation_does_not_open(
    sqlite_maker: StoreMaker, pseudonymizer: Pseudonymizer
) -> None:
    store = sqlite_maker(clock=lambda: AT)
    store.apply("tenant", CONVERSATION, EVENT, _step)
    store.apply("tenant", "other", "e2", _step)
    victim = pseudonymizer.pseudonym("conversation", f"tenant:{CONVERSATION}")
    source = pseudonymizer.pseudonym("conversation", "tenant:other")
    with closing(sqlite3.connect(store.path)) as conn, conn:
        # someone with write access to the file swaps one state for another
        conn.execute(
            "UPDATE conversations SET state = "
            "(SELECT state FROM conversations WHERE conversation = ?) WHERE conversation = ?",
            (source, victim),
        )
    conn.close()
    with pytest.raises(StoreError, match="failed to open"):
        store.load_state("tenant", CONVERSATION)


def test_another_key_cannot_read_the_rows(sqlite_maker: StoreMaker) -> None:
    store = sqlite_maker(clock=lambda: AT)
    store.apply("tenant", CONVERSATION, EVENT, _step)
    store.close()
    # same file, wrong key: the pseudonyms do not match, so nothing is found...
    stranger = SQLiteStore(store.path, pseudonymizer=Pseudonymizer(b"s" * 32), clock=lambda: AT)
    try:
        assert stranger.load_state("tenant", CONVERSATION) is None
        # ...and the sealed payload does not open either: the row is set aside
        # as a dead letter rather than jamming the outbox for every other row
        assert stranger.outbox.claim_due(5, AT, 30) == []
        (dead,) = stranger.outbox.list_dead("tenant")
        assert dead.payload == {}
        assert dead.last_error is not None
        assert "does not open" in dead.last_error
    finally:
        stranger.close()


@pytest.mark.postgres
def test_postgres_sets_aside_rows_sealed_under_another_key(
    pg_schemas: Callable[[], str],
) -> None:
    dsn = pg_schemas()
    writer = PostgresStore(dsn, pseudonymizer=Pseudonymizer(b"w" * 32), clock=lambda: AT)
    try:
        writer.apply("tenant", CONVERSATION, EVENT, _step)
    finally:
        writer.close()
    stranger = PostgresStore(dsn, pseudonymizer=Pseudonymizer(b"s" * 32), clock=lambda: AT)
    try:
        assert stranger.load_state("tenant", CONVERSATION) is None
        assert stranger.outbox.claim_due(5, AT, 30) == []
        (dead,) = stranger.outbox.list_dead("tenant")
        assert (dead.payload, dead.attempts) == ({}, 1)
    finally:
        stranger.close()
