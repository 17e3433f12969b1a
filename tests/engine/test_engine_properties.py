"""Properties of Engine over generated event streams: retries and drafts never count."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.engine import Engine
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.loader import load_ruleset
from tests.engine.conftest import (
    CONTEMPT,
    CRISIS,
    PRESENT,
    SMALL_RULESET,
    T0,
    THOUGHT,
    ScriptedAnalyzer,
)

TEXTS = ("hello", "insult", "present", "thought", "crisis")
ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(("message", "message", "pre_send", "retry")),
        st.sampled_from(TEXTS),
        st.sampled_from(("ana", "ben", "cy")),
        st.sampled_from(("c1", "c2")),
    ),
    max_size=40,
)


def _ruleset() -> CompiledRuleset:
    return load_ruleset("small.yaml", text=SMALL_RULESET)


def _engine(ruleset: CompiledRuleset) -> Engine:
    analyzer = ScriptedAnalyzer(
        {"insult": CONTEMPT, "crisis": CRISIS, "present": PRESENT, "thought": THOUGHT}
    )
    return Engine(
        ruleset,
        analyzer=analyzer,
        matcher="reference",
        pseudonymizer=Pseudonymizer(b"p" * 32),
        clock=lambda: T0,
        decision_ids=lambda: "same",
    )


def _event(n: int, kind: str, text: str, sender: str, conversation: str) -> Event:
    return Event(
        id=f"{conversation}-e{n}",
        conversation_id=conversation,
        sender=sender,
        text=text,
        sent_at=T0 + timedelta(minutes=n),
        recipients=tuple(p for p in ("ana", "ben", "cy") if p != sender),
        kind="pre_send" if kind == "pre_send" else "message",
        context=EventContext(platform="dating", match_age_hours=10.0),
    )


@settings(max_examples=60, deadline=None)
@given(actions=ACTIONS)
def test_retries_and_drafts_leave_the_same_state_as_the_messages_alone(
    actions: list[tuple[str, str, str, str]],
) -> None:
    ruleset = _ruleset()
    engine, replay = _engine(ruleset), _engine(ruleset)
    sent: list[tuple[Event, Decision]] = []
    for n, (kind, text, sender, conversation) in enumerate(actions):
        if kind == "retry":
            if not sent:
                continue
            event, original = sent[n % len(sent)]
            assert engine.process(event) == original
            continue
        event = _event(n, kind, text, sender, conversation)
        decision = engine.process(event)
        assert decision.event_id == event.id
        if kind == "message":
            sent.append((event, decision))
            # the same message alone, in order, decides the same way
            assert replay.process(event) == decision
        else:
            assert decision.held == (text == "insult")
    for conversation in ("c1", "c2"):
        messages = [e for e, _ in sent if e.conversation_id == conversation]
        summary = engine.conversation(conversation)
        assert summary == replay.conversation(conversation)
        if not messages:
            assert summary is None
            continue
        assert summary is not None
        assert summary.messages == len(messages)
        assert summary.unsafe_messages == sum(e.text in ("insult", "crisis") for e in messages)
        assert summary.participants == len({e.sender for e in messages})
