"""normalize keeps length (so spans index the input) and folds what detectors need."""

from __future__ import annotations

import random

import pytest

from intimacy_rules.analysis.text import _TRANSLATION, normalize, sentences


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


def test_normalize_folds_exactly_what_the_table_folds() -> None:
    def plain(text: str) -> str:  # the definition, without the shortcuts
        folded = text.translate(_TRANSLATION)
        lowered = folded.lower()
        if len(lowered) == len(folded):
            return lowered
        return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)

    rng = random.Random(23)
    alphabet = [
        "A",
        "a",
        " ",
        "`",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u00a0",
        "\u0092",
        "é",
        "İ",
        "😂",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert normalize(text) == plain(text), repr(text)
