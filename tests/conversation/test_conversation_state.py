"""ConversationState: pure updates, depth, snapshots, bounded size, round trips."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intimacy_rules.conversation.participants import ParticipantState
from intimacy_rules.conversation.snapshot import ConversationSnapshot, SpeakerSnapshot
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.conversation.tuning import MAX_PARTICIPANTS, OTHERS_ID
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.errors import InputError

from .conftest import T0, Play, Said


def test_a_new_conversation_has_neutral_scores_and_nothing_else() -> None:
    state = ConversationState.start(match_age_hours=3, platform="dating")
    assert state.messages == 0
    assert state.depth == 0
    assert state.patterns == ()
    assert state.scores == CriteriaScores(
        safety=1.0, mutuality=0.5, separateness=1.0, immediacy=0.5
    )
    assert state.snapshot("anyone").speaker == SpeakerSnapshot()


def test_advance_is_pure(said: Said) -> None:
    start = ConversationState.start()
    after = start.advance("a", said(2), T0)
    assert start.messages == 0
    assert start.participants == ()
    assert after.messages == 1
    assert after.participants[0].feeling_messages == 1


def test_depth_is_the_highest_level_both_reached(play: Play, said: Said) -> None:
    only_one = play([("a", said(4)), ("a", said(3))])
    assert only_one.depth == 0
    both = play([("a", said(4)), ("b", said(1)), ("b", said(3)), ("a", said(0))])
    assert both.depth == 3
    # A third person's depth counts: the second-highest of three.
    trio = play([("a", said(4)), ("b", said(1)), ("c", said(2))])
    assert trio.depth == 2


def test_snapshot_splits_speaker_from_partner(play: Play, said: Said) -> None:
    state = play(
        [
            ("a", said(2, ["advice"])),
            ("b", said(4)),
            ("c", said(1, ["merging"], ["contempt"])),
            ("a", said(3, ["criticism"])),
        ]
    )
    snap = state.snapshot("a")
    assert isinstance(snap, ConversationSnapshot)
    assert snap.messages == 4
    assert snap.participants == 3
    assert snap.speaker == SpeakerSnapshot(
        messages=2, max_level=3, feeling_messages=2, advice_messages=1, criticism_messages=1
    )
    assert snap.partner == SpeakerSnapshot(
        messages=2,
        max_level=4,
        feeling_messages=1,
        present_messages=1,
        unsafe_messages=1,
        merging_messages=1,
    )
    assert snap.unsafe_messages == 1
    assert snap.scores == state.scores
    assert snap.depth == state.depth == 3


def test_snapshot_of_someone_who_has_not_spoken_has_an_empty_speaker(
    play: Play, said: Said
) -> None:
    snap = play([("a", said(2))]).snapshot("newcomer")
    assert snap.speaker == SpeakerSnapshot()
    assert snap.partner.messages == 1


def test_match_age_moves_with_the_clock(said: Said) -> None:
    state = ConversationState.start(match_age_hours=2)
    state = state.advance("a", said(), T0).advance("b", said(), T0 + timedelta(hours=3))
    assert state.snapshot("a").match_age_hours == pytest.approx(5.0)
    # A host that repeats the starting age on every event: the clock still runs.
    state = state.advance("a", said(), T0 + timedelta(hours=4), match_age_hours=2)
    assert state.age_hours() == pytest.approx(6.0)
    # A host that sends a new current age resets the anchor.
    state = state.advance("b", said(), T0 + timedelta(hours=5), match_age_hours=100)
    assert state.age_hours() == pytest.approx(100.0)


def test_unknown_match_age_stays_unknown(play: Play, said: Said) -> None:
    assert play([("a", said())]).snapshot("a").match_age_hours is None


def test_equal_and_backward_timestamps_do_not_crash_or_age_backwards(said: Said) -> None:
    state = ConversationState.start(match_age_hours=1)
    state = state.advance("a", said(), T0 + timedelta(hours=2))
    state = state.advance("b", said(), T0 + timedelta(hours=2))
    state = state.advance("a", said(), T0)
    assert state.messages == 3
    assert state.age_hours() == pytest.approx(1.0)
    naive = state.advance("b", said(), T0.replace(tzinfo=None) + timedelta(hours=3))
    assert naive.age_hours() == pytest.approx(2.0)


def test_empty_sender_is_an_input_error(said: Said) -> None:
    with pytest.raises(InputError, match="sender id must be a non-empty string"):
        ConversationState.start().advance("", said(), T0)


def test_negative_match_age_is_an_input_error(said: Said) -> None:
    with pytest.raises(InputError, match="match_age_hours must be >= 0"):
        ConversationState.start().advance("a", said(), T0, match_age_hours=-1)


def test_senders_beyond_the_cap_are_folded_into_one_slot(play: Play, said: Said) -> None:
    senders = [f"p{i}" for i in range(MAX_PARTICIPANTS + 4)]
    state = play([(sender, said(1)) for sender in senders])
    assert state.participant_count == MAX_PARTICIPANTS
    folded = state.participants[-1]
    assert folded.id == OTHERS_ID
    assert folded.messages == len(senders) - (MAX_PARTICIPANTS - 1)
    assert state.snapshot("p11").speaker.messages == folded.messages


def _long_conversation(said: Said, count: int) -> ConversationState:
    cycle = [
        said(0),
        said(1),
        said(2, ["advice"]),
        said(3, ["thought_as_feeling"]),
        said(4, ["bid_for_closeness"]),
        said(0, ["criticism"], ["contempt"]),
        said(0, ["merging", "controlling"]),
    ]
    state = ConversationState.start(match_age_hours=1.5, platform="dating")
    for index in range(count):
        state = state.advance(
            "ab"[index % 2], cycle[index % len(cycle)], T0 + timedelta(seconds=index)
        )
    return state


def test_state_stays_small_after_ten_thousand_messages(said: Said) -> None:
    early = _long_conversation(said, 10)
    late = _long_conversation(said, 10_000)
    assert late.messages == 10_000
    size = len(late.model_dump_json())
    assert size <= 2048
    # O(1): the state does not grow with the conversation (digits aside).
    assert size - len(early.model_dump_json()) < 200


def test_json_round_trip_gives_an_equal_state(said: Said) -> None:
    state = _long_conversation(said, 57)
    _ = state.scores, state.patterns  # cached views must not leak into the JSON
    restored = ConversationState.model_validate_json(state.model_dump_json())
    assert restored == state
    assert restored.scores == state.scores
    assert restored.patterns == state.patterns
    assert restored.snapshot("a") == state.snapshot("a")
    assert restored.advance("b", said(4), T0) == state.advance("b", said(4), T0)


def test_trusted_builds_equal_validated_models(said: Said) -> None:
    state = _long_conversation(said, 30)
    for participant in state.participants:
        assert ParticipantState.model_validate(participant.model_dump()) == participant
    snap = state.snapshot("a")
    assert ConversationSnapshot.model_validate(snap.model_dump()) == snap
    assert ConversationState.model_validate(state.model_dump()) == state


def test_a_stored_state_with_a_wrong_field_is_refused() -> None:
    with pytest.raises(ValueError, match="messages"):
        ConversationState.model_validate_json('{"messages": -1}')
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        ConversationState.model_validate_json('{"text": "never stored"}')


def test_start_with_a_negative_match_age_is_an_input_error() -> None:
    with pytest.raises(InputError, match="match_age_hours: Input should be greater than or equal"):
        ConversationState.start(match_age_hours=-2)


def test_model_copy_with_update_never_keeps_stale_scores(play: Play, said: Said) -> None:
    state = play([("a", said(1)), ("b", said(1))])
    assert state.scores.safety == 1.0
    assert state.depth == 1
    harmed = state.model_copy(update={"harm": 3.0})
    assert harmed.scores.safety < 0.1
    assert harmed.depth == 1
    assert state.scores.safety == 1.0
    deep = state.model_copy(deep=True)
    assert deep == state
    assert deep.scores == state.scores
