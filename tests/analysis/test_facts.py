"""Facts about the speaker's own life (level 1), and what is not one."""

from __future__ import annotations

import random
import re

import pytest

from intimacy_rules.analysis.facts import (
    LIFE_THRESHOLD,
    LIFE_WEIGHTS,
    _words,
    find_fact,
    life_features,
    not_information,
    weighs_as_life_information,
)
from intimacy_rules.analysis.scan import clause_starts, subject_positions
from intimacy_rules.analysis.text import normalize


def _fact(text: str) -> str | None:
    norm = normalize(text)
    span = find_fact(norm, subject_positions(norm), clause_starts(norm))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("I grew up in Leeds.", "I grew"),
        ("im a paramedic", "im a"),
        ("I have three kids.", "I have"),
        ("ive been sober since june", "ive been sober"),
        ("My grandma passed away in May.", "My grandma passed"),
        ("just got back from Rome", "got"),
        ("We got married last spring.", "We got married"),
    ],
)
def test_facts_are_found_with_their_span(text: str, starts: str) -> None:
    found = _fact(text)
    assert found is not None
    assert found.startswith(starts)


@pytest.mark.parametrize(
    "text",
    [
        "I think so.",
        "I'll call you tomorrow.",
        "Should I bring anything?",
        "I know where the keys are.",
        "I have to go.",
        "I took Monday off so we can hike.",
        "My dad said it's fine.",
        "you never asked how my day went",
        "I told you so.",
        "got it!",
        "went well?",
    ],
)
def test_opinions_plans_questions_and_reports_are_not_facts(text: str) -> None:
    assert _fact(text) is None


_WEIGHED = [
    "honestly the two of them are teenagers now and my evenings are mine again",
    "she was the one who taught me to swim, years ago at the lake",
    "we spent most of that winter at my aunt's, the whole family in three rooms",
    "I think you would love the coast up there",
    "that bakery on the corner does the best rolls",
    "they were the loudest neighbours I ever had",
    "my 2 cats are asleep on the radiator",
    "did you ever live abroad?",
    "I'll ask my sister tomorrow",
    "the river froze solid that year",
]


@pytest.mark.parametrize("text", _WEIGHED)
def test_the_weighing_is_the_fitted_score_behind_the_spec_gate(text: str) -> None:
    # The analyzer computes the features lazily; the fitting script reads them all
    # from life_features. Both must come to the same decision.
    norm = normalize(text)
    for feeling in (False, True):
        features = life_features(norm, feeling=feeling)
        expected = (
            features is not None
            and LIFE_WEIGHTS["bias"] + sum(LIFE_WEIGHTS[k] * v for k, v in features.items())
            > LIFE_THRESHOLD
            and not not_information(norm)
        )
        assert weighs_as_life_information(norm, feeling=feeling) is expected


@pytest.mark.parametrize(
    ("text", "feature", "value"),
    [
        ("my cousin and I shared a room", "family", 1.0),
        ("I shared a room with strangers", "family", 0.0),
        ("I was eight when we left", "time", 1.0),
        ("I like the blue one", "time", 0.0),
        ("she said I could stay with her", "told", 1.0),
        ("I said she could stay with me", "told", 0.0),
    ],
)
def test_life_features_name_what_they_count(text: str, feature: str, value: float) -> None:
    features = life_features(normalize(text), feeling=False)
    assert features is not None
    assert features[feature] == value


def test_text_with_no_first_person_never_weighs_as_the_speakers_life() -> None:
    norm = normalize("the river froze solid that year")
    assert life_features(norm, feeling=False) is None
    assert not weighs_as_life_information(norm, feeling=False)


def test_life_weights_read_the_words_a_regex_would_find() -> None:
    word = re.compile(r"[a-z0-9']+")
    rng = random.Random(19)
    alphabet = ["a", "z", "0", "'", " ", "-", "é", "😂", "\ud800", "i'm", ".", "\n", "_"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _words(text) == word.findall(text), repr(text)
