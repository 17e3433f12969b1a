"""'I feel like/that + a proposition' is a thought (thought_as_feeling), not a feeling."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import analyze
from intimacy_rules.analysis.scan import subject_positions
from intimacy_rules.analysis.text import normalize
from intimacy_rules.analysis.thought import find_feel_like


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I feel that you only care about yourself.", 0),
        ("i feel like u never text first", 0),
        ("I feel like your hiding stuff from me", 0),  # "your" for "you're"
        ("I feel like I'm not smart enough for this job.", 0),
        ("I feel like nobody at work respects me.", 0),
        ("I feel you don't want to be here.", 0),
        ("I feel as if we're drifting apart.", 0),
        ("I feel like my friends forgot me, and it makes me so sad.", 2),
        ("I feel like you're avoiding me and honestly I'm hurt right now.", 4),
    ],
)
def test_thoughts_are_flagged_and_the_level_comes_from_the_rest(text: str, level: int) -> None:
    result = analyze(text)
    assert "thought_as_feeling" in result.flags
    assert result.level == level


@pytest.mark.parametrize(
    "text",
    [
        "I feel like crying.",
        "I feel like an idiot.",
        "I feel like I'm falling for you.",
        "I don't feel like going out.",
        "I feel like pizza tonight.",
        "I feel you, that's rough.",
        "I feel that way too sometimes.",
        "I feel sad that we argued.",
    ],
)
def test_feelings_and_preferences_are_not_thoughts(text: str) -> None:
    assert "thought_as_feeling" not in analyze(text).flags


def test_thought_evidence_spans_the_feel_like_words() -> None:
    text = "Honestly, I feel like you never listen."
    result = analyze(text)
    (evidence,) = [e for e in result.evidence if e.label == "thought_as_feeling"]
    assert text[evidence.span[0] : evidence.span[1]] == "I feel like you"


def test_find_feel_like_tells_kinds_apart() -> None:
    norm = normalize("I feel like crying. I feel like you lied.")
    kinds = [f.kind for f in find_feel_like(norm, subject_positions(norm))]
    assert kinds == ["feeling", "thought"]


@pytest.mark.parametrize(
    ("text", "thought", "level"),
    [
        ("feel like ur ignoring me", True, 0),
        ("honestly feel like nobody cares", True, 0),
        ("feel like a failure tbh", False, 3),
        ("feeling like crying rn", False, 4),
    ],
)
def test_texting_drops_the_i_before_feel_like(text: str, thought: bool, level: int) -> None:
    result = analyze(text)
    assert ("thought_as_feeling" in result.flags) is thought
    assert result.level == level
