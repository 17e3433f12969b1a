"""normalize keeps length (so spans index the input) and folds what detectors need."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.text import normalize, sentences


@pytest.mark.parametrize(
    "text",
    [
        "I\u2019M SO HAPPY",
        "plain ascii text",
        "back`tick",
        "cp1252 quote: I\u0092m",
        "\u0130stanbul",
        "😭 emoji 😭",
        "",
    ],
)
def test_normalize_keeps_the_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


def test_normalize_folds_quotes_and_case() -> None:
    assert normalize("I\u2019M Fine") == "i'm fine"
    assert normalize("I\u0092m ok") == "i'm ok"
    assert normalize("it`s") == "it's"


def test_sentences_split_on_terminal_punctuation() -> None:
    text = "Hi there. How are you?! Fine"
    assert [text[s:e].strip() for s, e in sentences(text)] == ["Hi there.", "How are you?!", "Fine"]
