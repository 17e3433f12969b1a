"""Engine: explained decisions, idempotent retries, dry runs, erase, swaps, privacy."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.engine import Engine
from intimacy_rules.engine.events import Event
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.engine.store import OutboundMessage
from intimacy_rules.errors import ConfigurationError, InputError, MatcherError, RulesetError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.outcomes import EscalateOutcome, HoldOutcome, NudgeOutcome
from tests.engine.conftest import (
    CONTEMPT,
    SMALL_RULESET,
    T0,
    ScriptedAnalyzer,
    write_ruleset,
)

EventMaker = Callable[..., Event]


@pytest.fixture(params=["durable", "reference"])
def engine(
    request: pytest.FixtureRequest,
    small_ruleset: CompiledRuleset,
    analyzer: ScriptedAnalyzer,
    ids: Callable[[], str],
) -> Engine:
    return Engine(
        small_ruleset,
        analyzer=analyzer,
        matcher=request.param,
        pseudonymizer=Pseudonymizer(b"k" * 32),
        clock=lambda: T0,
        decision_ids=ids,
    )


def fired(decision: Decision) -> list[str]:
    return [rule.rule_id for rule in decision.fired]


def test_a_delivered_insult_checks_on_the_recipient_with_its_evidence(
    engine: Engine, event: EventMaker
) -> None:
    decision = engine.process(event("insult"))
    assert fired(decision) == ["check-in"]
    rule = decision.fired[0]
    assert rule.description == "Safety: check on the recipient."
    nudge = rule.outcomes[0]
    assert isinstance(nudge, NudgeOutcome)
    # addressed with the host's own id: the decision goes back to the host
    assert (nudge.to, nudge.text, nudge.template) == ("ben", "Did that bother you?", "bother")
    # only the evidence whose label the rule's condition reads
    assert [e.label for e in rule.evidence] == ["contempt"]
    assert rule.evidence[0].span == (6, 12)
    assert decision.analysis.safety == ("contempt",)
    assert decision.held is False
    assert (decision.decision_id, decision.event_id, decision.conversation_id) == (
        "dec-1",
        "e1",
        "c1",
    )
    assert decision.ruleset == "small"
    assert decision.revision == engine.ruleset.revision
    assert decision.decided_at == T0


def test_score_outcomes_move_the_decisions_criteria_within_bounds(
    engine: Engine, event: EventMaker
) -> None:
    calm = engine.evaluate(event("hello"))
    insulted = engine.process(event("insult"))
    assert insulted.criteria.safety == 0.0  # a -0.9 nudge past zero is clamped
    present = engine.process(event("present", sender="ben"))
    assert present.criteria.immediacy == 1.0
    assert calm.criteria.safety == 1.0


def test_fired_rules_come_in_priority_order(tmp_path: Path, analyzer: ScriptedAnalyzer) -> None:
    text = SMALL_RULESET.replace("priority: 30", "priority: 1")
    engine = Engine(write_ruleset(tmp_path, text), analyzer=analyzer)
    analyzer.table["both"] = analyzer.table["present"].model_copy(
        update={"flags": ("thought_as_feeling",)}
    )
    decision = engine.process(event_at("both"))
    assert fired(decision) == ["deep", "thought"]


def event_at(text: str, **kwargs: object) -> Event:
    from tests.engine.conftest import event_factory

    return event_factory()(text, **kwargs)


def test_a_crisis_escalates_urgently(engine: Engine, event: EventMaker) -> None:
    decision = engine.process(event("crisis"))
    assert decision.escalated
    escalation = decision.fired[0].outcomes[0]
    assert isinstance(escalation, EscalateOutcome)
    assert (escalation.reason, escalation.urgency) == ("crisis", "urgent")


def test_a_retry_returns_the_original_decision_and_counts_once(
    engine: Engine, event: EventMaker, analyzer: ScriptedAnalyzer
) -> None:
    first = engine.process(event("insult", event_id="host-42"))
    again = engine.process(event("insult", event_id="host-42"))
    assert again == first
    summary = engine.conversation("c1")
    assert summary is not None
    assert summary.messages == 1


def test_the_same_event_id_in_another_tenant_is_another_event(
    engine: Engine, event: EventMaker
) -> None:
    a = engine.process(event("hello", event_id="x"), tenant="a")
    b = engine.process(event("hello", event_id="x"), tenant="b")
    assert a.decision_id != b.decision_id
    assert engine.conversation("c1", tenant="a") is not None
    assert engine.conversation("c1") is None


def test_a_pre_send_draft_is_held_but_never_recorded(engine: Engine, event: EventMaker) -> None:
    engine.process(event("hello"))
    draft = event("insult", kind="pre_send", sender="ben", event_id="m-7")
    decision = engine.process(draft)
    assert decision.held
    hold = decision.fired[0].outcomes[0]
    assert isinstance(hold, HoldOutcome)
    assert (hold.to, hold.text, hold.reason) == ("ben", "Send it anyway?", "contempt")
    summary = engine.conversation("c1")
    assert summary is not None
    assert (summary.messages, summary.unsafe_messages) == (1, 0)
    # the host may reuse the draft's id for the real message: it is decided afresh
    sent = engine.process(event("insult", sender="ben", event_id="m-7"))
    assert fired(sent) == ["check-in"]
    summary = engine.conversation("c1")
    assert summary is not None
    assert (summary.messages, summary.unsafe_messages) == (2, 1)


def test_a_pre_send_draft_in_a_new_conversation_leaves_no_trace(
    engine: Engine, event: EventMaker
) -> None:
    engine.process(event("insult", kind="pre_send"))
    assert engine.conversation("c1") is None


def test_holds_use_the_events_locale(engine: Engine, event: EventMaker) -> None:
    decision = engine.process(event("insult", kind="pre_send", locale="es"))
    hold = decision.fired[0].outcomes[0]
    assert isinstance(hold, HoldOutcome)
    assert (hold.text, hold.locale) == ("¿Enviarlo de todos modos?", "es")


def test_evaluate_is_a_dry_run(engine: Engine, event: EventMaker) -> None:
    engine.process(event("hello"))
    decision = engine.evaluate(event("insult", sender="ben"))
    assert fired(decision) == ["check-in"]
    summary = engine.conversation("c1")
    assert summary is not None
    assert summary.messages == 1
    assert engine.conversation("c2") is None
    engine.evaluate(event("hello", conversation="c2"))
    assert engine.conversation("c2") is None


def test_the_conversation_summary_has_scores_depth_patterns_and_counts(
    engine: Engine, event: EventMaker
) -> None:
    assert engine.conversation("c1") is None
    engine.process(event("present"))
    engine.process(event("present", sender="ben"))
    engine.process(event("insult"))
    summary = engine.conversation("c1")
    assert summary is not None
    assert (summary.conversation_id, summary.messages, summary.participants) == ("c1", 3, 2)
    assert summary.unsafe_messages == 1
    assert summary.depth == 4
    assert "mutual_presence" in summary.patterns
    assert summary.criteria.safety < 1.0


def test_erase_forgets_the_conversation(engine: Engine, event: EventMaker) -> None:
    engine.process(event("hello", event_id="h1"))
    engine.process(event("hello", conversation="c2"))
    assert engine.erase("c1") is True
    assert engine.conversation("c1") is None
    assert engine.erase("c1") is False
    assert engine.conversation("c2") is not None
    # a retry after erase starts over: nothing of the old conversation remains
    engine.process(event("hello", event_id="h1"))
    summary = engine.conversation("c1")
    assert summary is not None
    assert summary.messages == 1


def test_swap_ruleset_changes_later_decisions(
    engine: Engine, event: EventMaker, tmp_path: Path
) -> None:
    before = engine.process(event("thought"))
    assert fired(before) == ["thought"]
    quieter = write_ruleset(
        tmp_path,
        SMALL_RULESET.replace("version: 1", "version: 2").replace(
            "when: message.flags.thought_as_feeling", "when: message.flags.merging"
        ),
        name="v2.yaml",
    )
    engine.swap_ruleset(quieter)
    after = engine.process(event("thought"))
    assert fired(after) == []
    assert after.revision.startswith("2@")
    assert after.revision != before.revision


def test_a_ruleset_that_fails_to_load_never_replaces_the_working_one(
    engine: Engine, event: EventMaker, tmp_path: Path
) -> None:
    working = engine.ruleset
    with pytest.raises(RulesetError):
        write_ruleset(tmp_path, SMALL_RULESET.replace("when: message.flags", "when: mesage.flags"))
    assert engine.ruleset is working
    assert fired(engine.process(event("thought"))) == ["thought"]


def test_a_ruleset_the_matcher_cannot_build_is_refused_and_the_old_one_kept(
    monkeypatch: pytest.MonkeyPatch,
    small_ruleset: CompiledRuleset,
    analyzer: ScriptedAnalyzer,
    event: EventMaker,
    tmp_path: Path,
) -> None:
    from intimacy_rules.rules import matcher as matchers

    reference = matchers.MATCHERS["reference"]

    def picky(ruleset: CompiledRuleset) -> object:
        if ruleset.name != "small":
            raise MatcherError("cannot run this ruleset")
        return reference(ruleset)

    monkeypatch.setitem(matchers.MATCHERS, "picky", picky)
    engine = Engine(small_ruleset, analyzer=analyzer, matcher="picky")
    other = write_ruleset(tmp_path, SMALL_RULESET.replace("name: small", "name: other"), "o.yaml")
    with pytest.raises(MatcherError, match="cannot run"):
        engine.swap_ruleset(other)
    assert engine.ruleset is small_ruleset
    assert fired(engine.process(event("thought"))) == ["thought"]


def test_an_unknown_matcher_is_a_configuration_error(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer
) -> None:
    with pytest.raises(ConfigurationError, match="unknown matcher 'duarble'") as info:
        Engine(small_ruleset, analyzer=analyzer, matcher="duarble")
    assert info.value.field == "matcher"


CANARY = "CANARY-5e1f-do-not-store"


def test_no_text_and_no_raw_participant_id_leave_the_step(
    small_ruleset: CompiledRuleset, event: EventMaker
) -> None:
    analyzer = ScriptedAnalyzer({f"insult {CANARY}": CONTEMPT})
    store = InMemoryStore()
    engine = Engine(small_ruleset, analyzer=analyzer, store=store)
    texts = [f"insult {CANARY}", f"{CANARY} present", f"I feel {CANARY}"]
    decisions = [engine.process(event(text, sender="ana-host-id-77")) for text in texts]
    decisions.append(engine.process(event(f"insult {CANARY}", kind="pre_send")))
    for decision in decisions:
        assert CANARY not in decision.model_dump_json()
    state = store.load_state("default", "c1")
    assert state is not None
    dumped = state.model_dump_json()
    assert CANARY not in dumped
    assert "ana-host-id-77" not in dumped  # keyed by pseudonym only
    summary = engine.conversation("c1")
    assert summary is not None
    assert CANARY not in summary.model_dump_json()
    assert fired(decisions[0]) == ["check-in"]  # the canary message was really decided


def test_deliveries_commit_with_the_decision_and_not_for_retries_or_drafts(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer, event: EventMaker
) -> None:
    store = InMemoryStore()
    calls: list[tuple[str, str]] = []

    def deliveries(tenant: str, decision: Decision) -> tuple[OutboundMessage, ...]:
        calls.append((tenant, decision.event_id))
        return (OutboundMessage(event_type="decision.created", payload={"id": decision.event_id}),)

    engine = Engine(small_ruleset, analyzer=analyzer, store=store, deliveries=deliveries)
    engine.process(event("insult", event_id="a"), tenant="t1")
    engine.process(event("insult", event_id="a"), tenant="t1")
    engine.process(event("insult", kind="pre_send"), tenant="t1")
    assert calls == [("t1", "a")]
    assert [row.payload for row in store.take_deliveries()] == [{"id": "a"}]


def test_the_text_is_analysed_once_per_event(
    engine: Engine, event: EventMaker, analyzer: ScriptedAnalyzer
) -> None:
    engine.process(event("insult"))
    engine.process(event("hello", kind="pre_send"))
    assert analyzer.calls == 2


def test_concurrent_events_on_many_conversations_are_all_recorded(
    small_ruleset: CompiledRuleset, analyzer: ScriptedAnalyzer
) -> None:
    engine = Engine(small_ruleset, analyzer=analyzer)
    conversations, per_conversation, workers = 24, 15, 6
    errors: list[BaseException] = []
    decisions: list[Decision] = []
    lock = threading.Lock()

    def work(worker: int) -> None:
        from tests.engine.conftest import event_factory

        make = event_factory()
        try:
            for n in range(per_conversation):
                for c in range(worker, conversations, workers):
                    text = "insult" if n % 5 == 0 else "present" if n % 3 == 0 else "hello"
                    sender = "ana" if n % 2 == 0 else "ben"
                    decision = engine.process(
                        make(text, sender=sender, conversation=f"c{c}", event_id=f"c{c}-{n}")
                    )
                    with lock:
                        decisions.append(decision)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(decisions) == conversations * per_conversation
    for c in range(conversations):
        summary = engine.conversation(f"c{c}")
        assert summary is not None
        assert (summary.messages, summary.unsafe_messages) == (per_conversation, 3)
    insults = [d for d in decisions if d.analysis.safety == ("contempt",)]
    assert all(fired(d) == ["check-in"] for d in insults)


def test_the_repr_names_ruleset_and_matcher_but_no_key(engine: Engine) -> None:
    text = repr(engine)
    assert "small" in text
    assert "matcher=" in text
    assert "k" * 8 not in text


def test_default_decision_ids_are_unique_across_threads() -> None:
    from intimacy_rules.engine.engine import decision_id_factory

    make = decision_id_factory()
    seen: list[str] = []

    def work() -> None:
        ids = [make() for _ in range(2000)]
        seen.extend(ids)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 8000
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in seen)
    assert decision_id_factory()()[:16] != make()[:16]  # each factory has its own prefix


def test_a_decision_equals_its_validated_round_trip(engine: Engine, event: EventMaker) -> None:
    engine.process(event("hello"))
    for text in ("insult", "present", "thought", "crisis"):
        decision = engine.process(event(text, sender="ben"))
        assert Decision.model_validate_json(decision.model_dump_json()) == decision
        assert Decision.model_validate(decision.model_dump()) == decision


def test_prepare_analyses_without_recording_and_apply_records(
    engine: Engine, event: EventMaker
) -> None:
    message = event("insult", event_id="m-1")
    pending = engine.prepare(message)
    assert (pending.tenant, pending.conversation_id, pending.event_id) == ("default", "c1", "m-1")
    assert engine.conversation("c1") is None  # nothing recorded yet
    result = engine.store.apply(*pending)
    assert not result.replayed
    assert fired(result.decision) == ["check-in"]
    assert engine.process(message) == result.decision  # a retry replays it


def test_prepare_refuses_a_pre_send_event(engine: Engine, event: EventMaker) -> None:
    with pytest.raises(InputError, match="pre_send"):
        engine.prepare(event("insult", kind="pre_send"))
