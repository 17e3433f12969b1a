"""``disclosure.negative``: is a feeling disclosed at the message's level a painful one?

The contract's premature disclosure is heavy *negative* self-disclosure, so the
analysis says whether the feeling that sets the level is painful (hurt, fear,
shame, loneliness, anger...) or only pleasant (pride, joy, relief, closeness).
"""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import analyze


@pytest.mark.parametrize(
    "text",
    [
        "I feel so useless since I lost the job.",
        "I'm ashamed of how I talked to my brother.",
        "I've been really lonely since the divorce.",
        "I'm not proud of the way I left things.",  # a pleasant word, negated
        "I never feel safe in crowds.",
        "I feel like a burden to everyone.",
        "I'm thrilled about the trip but honestly terrified of flying alone.",  # mixed
        "I'm scared telling you this.",
    ],
)
def test_painful_feelings_are_negative(text: str) -> None:
    result = analyze(text)
    assert result.disclosure.feelings, text
    assert result.disclosure.negative, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm so proud of myself for finishing the marathon!",
        "honestly im so excited about the new flat",
        "I can't stop smiling today.",  # "can't stop" negates nothing
        "I feel really close to you tonight.",
        "I'm grateful for my sister.",
    ],
)
def test_pleasant_feelings_are_not_negative(text: str) -> None:
    result = analyze(text)
    assert result.disclosure.feelings, text
    assert not result.disclosure.negative, text


@pytest.mark.parametrize(
    "text",
    ["What time is the film?", "I work nights at the bakery.", "She was furious with me."],
)
def test_without_feelings_nothing_is_negative(text: str) -> None:
    result = analyze(text)
    assert not result.disclosure.feelings
    assert not result.disclosure.negative
