"""Feelings the speaker owns, found with their tense; others' feelings never are."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.feelings import FeelingHit, find_feelings
from intimacy_rules.analysis.scan import clause_starts, subject_positions
from intimacy_rules.analysis.text import normalize


def _hits(text: str) -> list[tuple[str, bool]]:
    norm = normalize(text)
    found: list[FeelingHit] = find_feelings(norm, subject_positions(norm), clause_starts(norm))
    return [(text[h.start : h.end], h.past) for h in found]


@pytest.mark.parametrize(
    ("text", "words", "past"),
    [
        ("I'm so scared", "I'm so scared", False),
        ("I was so scared", "I was so scared", True),
        ("I've been so lonely lately", "I've been so lonely", False),
        ("I used to love it", "I used to love", True),
        ("I don't feel safe", "I don't feel safe", False),
        ("it still makes me sad", "makes me sad", False),
        ("work stressed me out", "stressed me", True),
        ("so happy rn", "so happy", False),
        ("my heart sank", "my heart sank", True),
        ("I want to feel closer to you", "I want to feel closer", False),
    ],
)
def test_owned_feelings_and_their_tense(text: str, words: str, past: bool) -> None:
    assert (words, past) in _hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was really upset.",
        "Are you scared?",
        "I can tell you're nervous.",
        "I'm safe, don't worry.",
        "I moved to Leeds.",
        "sorry I'm late",
        "I used to live there.",
    ],
)
def test_nothing_the_speaker_does_not_own_is_found(text: str) -> None:
    assert _hits(text) == []
