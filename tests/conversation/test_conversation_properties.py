"""Properties that hold for any sequence of analyses (hypothesis)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.analysis.vocabulary import FLAGS, SAFETY_CATEGORIES
from intimacy_rules.conversation import criteria
from intimacy_rules.conversation.criteria import score_all
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.tuning import MAX_PARTICIPANTS
from intimacy_rules.conversation.vocabulary import PATTERNS
from intimacy_rules.engine.events import EventContext
from intimacy_rules.rules.facts import build_fact, fact_builder
from intimacy_rules.rules.fields import fact_catalogue

from .conftest import T0

analyses = st.builds(
    lambda level, flags, safety: MessageAnalysis(
        level=level,
        disclosure=Disclosure(facts=level >= 1, feelings=level >= 2),
        flags=tuple(sorted(flags)),
        safety=tuple(sorted(safety)),
    ),
    st.integers(0, 4),
    st.frozensets(st.sampled_from(FLAGS)),
    st.frozensets(st.sampled_from(SAFETY_CATEGORIES)),
)
turns = st.lists(
    st.tuples(
        st.sampled_from([f"p{i}" for i in range(11)]),
        analyses,
        st.integers(-3600, 36_000),  # seconds from the start: out of order on purpose
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(turns=turns, age=st.none() | st.floats(0, 10_000))
def test_any_conversation_gives_bounded_scores_sorted_patterns_and_round_trips(
    turns: list[tuple[str, MessageAnalysis, int]], age: float | None
) -> None:
    state = ConversationState.start(match_age_hours=age)
    for sender, analysis, offset in turns:
        state = state.advance(sender, analysis, T0 + timedelta(seconds=offset))
        snap = state.snapshot(sender)
        assert snap.speaker.messages >= 1
        assert snap.speaker.messages + snap.partner.messages == state.messages
    for value in state.scores.model_dump().values():
        assert 0.0 <= value <= 1.0
    assert list(state.patterns) == sorted(set(state.patterns))
    assert set(state.patterns) <= set(PATTERNS)
    assert 0 <= state.depth <= 4
    assert state.participant_count <= MAX_PARTICIPANTS
    assert state.messages == len(turns)
    restored = ConversationState.model_validate_json(state.model_dump_json())
    assert restored == state
    assert restored.scores == state.scores
    assert restored.patterns == state.patterns


@settings(max_examples=60, deadline=None)
@given(turns=turns, age=st.none() | st.floats(0, 10_000))
def test_the_views_derived_values_are_exactly_the_memoized_ones(
    turns: list[tuple[str, MessageAnalysis, int]], age: float | None
) -> None:
    # view() computes recent, depth, scores and patterns in one pass; a copy
    # of the state (memoized views forgotten) computes each on first access.
    state = ConversationState.start(match_age_hours=age)
    for sender, analysis, offset in turns:
        state = state.advance(sender, analysis, T0 + timedelta(seconds=offset))
        if offset % 3 == 0:  # sometimes one view is computed first, on its own
            assert state.scores is not None
        view = state.view(sender)
        lazy = state.model_copy()
        assert "scores" not in lazy.__dict__
        assert lazy.recent == state.recent
        assert (lazy.depth, lazy.scores, lazy.patterns) == (
            view.depth,
            view.scores,
            view.patterns,
        )
        assert (state.depth, state.scores, state.patterns) == (
            view.depth,
            view.scores,
            view.patterns,
        )


@settings(max_examples=80, deadline=None)
@given(turns=turns, age=st.none() | st.floats(0, 10_000))
def test_score_all_gives_exactly_what_the_criteria_functions_define(
    turns: list[tuple[str, MessageAnalysis, int]], age: float | None
) -> None:
    # score_all writes the four criteria out in one function for speed; the
    # functions of ``criteria`` define them, to the last bit.
    state = ConversationState.start(match_age_hours=age)
    for sender, analysis, offset in turns:
        state = state.advance(sender, analysis, T0 + timedelta(seconds=offset))
        recent = state.recent
        values = state.model_dump()
        assert score_all(state, recent).model_dump() == {
            "safety": criteria.safety(values["harm"], values["hard"]),
            "mutuality": criteria.mutuality(
                [r.depth for r in recent], values["credit"], values["replies"]
            ),
            "separateness": criteria.separateness(values["pressure"], [r.advice for r in recent]),
            "immediacy": criteria.immediacy(values["present_feelings"], values["feeling_weight"]),
        }


@settings(max_examples=60, deadline=None)
@given(turns=turns, age=st.none() | st.floats(0, 10_000))
def test_the_engines_view_gives_the_snapshots_fact(
    turns: list[tuple[str, MessageAnalysis, int]], age: float | None
) -> None:
    # The engine builds its fact from state.view(sender), not from the snapshot
    # models: every catalogue field must read the same, for every kind of slot
    # (couples, groups, folded senders, someone who has not spoken).
    state = ConversationState.start(match_age_hours=age)
    context = EventContext(platform="dating", match_age_hours=age)
    every_field = fact_builder(fact_catalogue().fields)
    for sender, analysis, offset in turns:
        state = state.advance(sender, analysis, T0 + timedelta(seconds=offset))
        for who in (sender, "p0", "newcomer"):
            expected = build_fact(analysis, state.snapshot(who), context, kind="message")
            assert build_fact(analysis, state.view(who), context, kind="message") == expected
            # and the engine's builder (the plan unrolled into code) on the view
            assert every_field(analysis, state.view(who), context, kind="message") == expected
