"""Each criterion moves the right way on small made-up conversations."""

from __future__ import annotations

import pytest

from .conftest import Play, Said

# --- safety ---------------------------------------------------------------------


def test_safety_falls_with_each_unsafe_message(play: Play, said: Said) -> None:
    calm = play([("a", said(1)), ("b", said(1))])
    one = play([("a", said(1)), ("b", said(0, safety=["contempt"]))])
    two = play([("a", said(0, safety=["contempt"])), ("b", said(0, safety=["sexual_pressure"]))])
    assert calm.scores.safety == 1.0
    assert one.scores.safety < 0.4
    assert two.scores.safety < one.scores.safety


def test_threat_and_crisis_drop_safety_at_once(play: Play, said: Said) -> None:
    for category in ("threat", "crisis"):
        state = play([("a", said(1)), ("b", said(0, safety=[category]))])
        assert state.scores.safety < 0.2, category


def test_a_threat_is_not_forgotten_after_a_few_kind_messages(play: Play, said: Said) -> None:
    threatened = play([("a", said(0, safety=["threat"]))] + [("b", said(2))] * 10)
    assert threatened.scores.safety < 0.4


def test_recent_harm_weighs_more_than_old_harm(play: Play, said: Said) -> None:
    recent = play([("a", said(1))] * 40 + [("b", said(0, safety=["contempt"]))])
    old = play([("b", said(0, safety=["contempt"]))] + [("a", said(1))] * 40)
    assert old.scores.safety > recent.scores.safety
    assert old.scores.safety >= 0.85


def test_reporting_pressure_received_keeps_safety(play: Play, said: Said) -> None:
    # The analyzer puts no category on a report; the state must not invent one.
    state = play([("a", said(3)), ("b", said(2))])
    assert state.scores.safety == 1.0


# --- mutuality ------------------------------------------------------------------------


def test_mutuality_is_high_when_both_disclose_back(play: Play, said: Said) -> None:
    state = play([("a", said(3)), ("b", said(3)), ("a", said(2)), ("b", said(4)), ("a", said(3))])
    assert state.scores.mutuality >= 0.6


def test_mutuality_is_low_when_one_only_asks_and_advises(play: Play, said: Said) -> None:
    turns = []
    for _ in range(5):
        turns += [("a", said(2)), ("b", said(0, ["advice"]))]
    state = play(turns)
    assert state.scores.mutuality < 0.4


def test_facts_in_return_count_half(play: Play, said: Said) -> None:
    feelings = play([("a", said(3)), ("b", said(3))] * 3)
    facts = play([("a", said(3)), ("b", said(1))] * 3)
    nothing = play([("a", said(3)), ("b", said(0))] * 3)
    assert feelings.scores.mutuality > facts.scores.mutuality > nothing.scores.mutuality


def test_mutuality_starts_neutral(play: Play, said: Said) -> None:
    assert play([("a", said(0)), ("b", said(0))]).scores.mutuality == 0.5
    assert play([("a", said(3))]).scores.mutuality == 0.5


# --- separateness ----------------------------------------------------------------------


def test_separateness_falls_with_merging_and_controlling(play: Play, said: Said) -> None:
    calm = play([("a", said(1)), ("b", said(1))])
    one = play([("a", said(0, ["merging"])), ("b", said(1))])
    three = play(
        [("a", said(0, ["merging"])), ("a", said(0, ["controlling"])), ("a", said(0, ["merging"]))]
    )
    assert calm.scores.separateness == 1.0
    assert three.scores.separateness < 0.4 < one.scores.separateness < calm.scores.separateness


def test_one_sided_advice_lowers_separateness_but_advice_both_ways_does_not(
    play: Play, said: Said
) -> None:
    one_way = play([("a", said(2)), ("b", said(0, ["advice"]))] * 4)
    both_ways = play([("a", said(0, ["advice"])), ("b", said(0, ["advice"]))] * 4)
    assert one_way.scores.separateness < 0.6
    assert both_ways.scores.separateness > 0.9


# --- immediacy ---------------------------------------------------------------------------


def test_immediacy_is_the_share_of_present_feelings(play: Play, said: Said) -> None:
    present = play([("a", said(4)), ("b", said(4)), ("a", said(4)), ("b", said(3))])
    past = play([("a", said(3)), ("b", said(2)), ("a", said(3)), ("b", said(2))])
    assert present.scores.immediacy >= 0.6
    assert past.scores.immediacy < 0.4


def test_thought_as_feeling_counts_against_immediacy(play: Play, said: Said) -> None:
    plain = play([("a", said(4)), ("b", said(4))])
    judged = play([("a", said(4)), ("b", said(4))] + [("a", said(0, ["thought_as_feeling"]))] * 3)
    assert judged.scores.immediacy < plain.scores.immediacy
    assert judged.scores.immediacy < 0.6


def test_immediacy_starts_neutral_and_ignores_messages_without_feelings(
    play: Play, said: Said
) -> None:
    assert play([("a", said(0)), ("b", said(1))]).scores.immediacy == 0.5


def test_every_score_stays_in_the_unit_interval(play: Play, said: Said) -> None:
    worst = play(
        [("a", said(0, ["merging", "controlling", "advice"], ["threat", "contempt", "crisis"]))]
        * 60
    )
    for value in worst.scores.model_dump().values():
        assert 0.0 <= value <= 1.0


def test_a_reply_turn_of_several_messages_counts_its_best_disclosure(
    play: Play, said: Said
) -> None:
    # "oh no" then "me too, I was crushed": one turn that discloses back.
    split = play([("a", said(3)), ("b", said(0)), ("b", said(3)), ("a", said(1))])
    asked_only = play([("a", said(3)), ("b", said(0)), ("b", said(0)), ("a", said(1))])
    # b answered a once in both; in the split turn it disclosed back.
    assert split.participants[1].replies == asked_only.participants[1].replies
    assert split.credit > asked_only.credit
    assert split.scores.mutuality > asked_only.scores.mutuality


def test_the_discloser_speaking_again_ends_the_reply_turn(play: Play, said: Said) -> None:
    state = play([("a", said(3)), ("b", said(0)), ("a", said(1)), ("b", said(1))])
    # b's second message answers nothing open: only the first reply counted.
    assert state.credit == pytest.approx(0.0)
    assert state.replier is None
