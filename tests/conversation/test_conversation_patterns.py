"""Each pattern appears when it should and only then."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.tuning import PATTERN_MEMORY, PRESENCE_WINDOW

from .conftest import T0, Play, Said

# --- pseudo_intimacy -----------------------------------------------------------------


def test_pseudo_intimacy_when_one_shares_and_the_other_only_advises(play: Play, said: Said) -> None:
    turns = []
    for _ in range(4):
        turns += [("a", said(2)), ("b", said(0, ["advice"]))]
    assert "pseudo_intimacy" in play(turns).patterns


def test_no_pseudo_intimacy_when_the_listener_shares_back(play: Play, said: Said) -> None:
    turns = []
    for _ in range(4):
        turns += [("a", said(2)), ("b", said(3))]
    assert "pseudo_intimacy" not in play(turns).patterns


def test_no_pseudo_intimacy_when_the_other_attacks_instead_of_listening(
    play: Play, said: Said
) -> None:
    turns = []
    for _ in range(4):
        turns += [("a", said(3)), ("b", said(0, ["controlling"], ["threat"]))]
    assert "pseudo_intimacy" not in play(turns).patterns


def test_no_pseudo_intimacy_from_one_or_two_disclosures(play: Play, said: Said) -> None:
    turns = [("a", said(2)), ("b", said(0, ["advice"])), ("a", said(2)), ("b", said(0))]
    assert "pseudo_intimacy" not in play(turns).patterns


# --- premature_disclosure --------------------------------------------------------------


def test_premature_disclosure_on_heavy_self_disclosure_in_a_new_match(
    play: Play, said: Said
) -> None:
    state = play([("a", said(0)), ("b", said(3)), ("a", said(0))], match_age_hours=1)
    assert "premature_disclosure" in state.patterns
    # It stays reported for the rest of the early conversation.
    later = play([("a", said(1)), ("b", said(1))] * 5, state=state)
    assert "premature_disclosure" in later.patterns


def test_pleasant_self_disclosure_early_is_not_premature(play: Play, said: Said) -> None:
    # The contract's premature disclosure is heavy *negative* disclosure: pride
    # or joy about oneself in the first messages pushes nobody away.
    state = play([("a", said(0)), ("b", said(3, negative=False))], match_age_hours=1)
    assert "premature_disclosure" not in state.patterns
    painful = play([("a", said(0)), ("b", said(3, negative=True))], match_age_hours=1)
    assert "premature_disclosure" in painful.patterns


def test_no_premature_disclosure_in_an_established_match(play: Play, said: Said) -> None:
    state = play([("a", said(0)), ("b", said(3))], match_age_hours=24 * 90)
    assert "premature_disclosure" not in state.patterns


def test_no_premature_disclosure_after_the_first_messages(play: Play, said: Said) -> None:
    state = play([("a", said(1)), ("b", said(1))] * 8 + [("a", said(3))], match_age_hours=1)
    assert "premature_disclosure" not in state.patterns


def test_present_feelings_for_the_partner_are_not_premature(play: Play, said: Said) -> None:
    state = play([("a", said(0)), ("b", said(4)), ("a", said(2))], match_age_hours=1)
    assert "premature_disclosure" not in state.patterns


def test_no_premature_disclosure_when_the_match_age_is_unknown(play: Play, said: Said) -> None:
    assert "premature_disclosure" not in play([("a", said(3))]).patterns


def test_premature_disclosure_fades_after_its_memory(play: Play, said: Said) -> None:
    state = play([("a", said(3))], match_age_hours=1)
    state = play([("b", said(1))] * PATTERN_MEMORY, state=state)
    assert "premature_disclosure" not in state.patterns


# --- love_bombing ----------------------------------------------------------------------


def test_love_bombing_on_repeated_merging_early_in_a_new_match(play: Play, said: Said) -> None:
    state = play(
        [("a", said(0)), ("b", said(4, ["merging"])), ("a", said(0)), ("b", said(0, ["merging"]))],
        match_age_hours=3,
    )
    assert state.patterns == ("love_bombing",)


def test_one_merging_message_very_early_is_love_bombing(play: Play, said: Said) -> None:
    state = play([("a", said(0)), ("b", said(0, ["merging"]))], match_age_hours=3)
    assert "love_bombing" in state.patterns


def test_merging_in_a_long_relationship_is_not_love_bombing(play: Play, said: Said) -> None:
    state = play([("b", said(0, ["merging"]))] * 3, match_age_hours=24 * 365)
    assert "love_bombing" not in state.patterns
    assert state.scores.separateness < 0.4


def test_merging_once_the_match_is_days_old_is_not_love_bombing(said: Said) -> None:
    state = ConversationState.start(match_age_hours=40)
    state = state.advance("a", said(1), T0)
    state = state.advance("b", said(0, ["merging"]), T0 + timedelta(hours=10))
    assert state.age_hours() == 50
    assert "love_bombing" not in state.patterns


# --- mutual_presence -------------------------------------------------------------------


def test_mutual_presence_when_both_reach_level_four(play: Play, said: Said) -> None:
    state = play([("a", said(4)), ("b", said(1)), ("b", said(4))])
    assert state.patterns == ("mutual_presence",)


def test_no_mutual_presence_when_only_one_is_present(play: Play, said: Said) -> None:
    state = play([("a", said(4)), ("b", said(3)), ("a", said(4))])
    assert "mutual_presence" not in state.patterns


def test_mutual_presence_needs_a_recent_window(play: Play, said: Said) -> None:
    state = play([("a", said(4))] + [("b", said(1))] * PRESENCE_WINDOW + [("b", said(4))])
    assert "mutual_presence" not in state.patterns
    state = play([("a", said(4))], state=state)
    assert "mutual_presence" in state.patterns


def test_patterns_are_sorted_names(play: Play, said: Said) -> None:
    turns = [
        ("a", said(4, ["merging"])),
        ("b", said(3)),
        ("a", said(4, ["merging"])),
        ("b", said(4)),
    ]
    state = play(turns, match_age_hours=1)
    assert state.patterns == ("love_bombing", "mutual_presence", "premature_disclosure")


def test_no_pseudo_intimacy_when_the_listener_answers_in_two_messages(
    play: Play, said: Said
) -> None:
    turns = []
    for _ in range(4):
        turns += [("a", said(2)), ("b", said(0, ["advice"])), ("b", said(1))]
    state = play(turns)
    assert "pseudo_intimacy" not in state.patterns
    listener = state.participants[1]
    assert listener.listening == pytest.approx(0.0)
    assert listener.replies > 3
