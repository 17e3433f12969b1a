"""Only English is analysed: other languages get no confident labels."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import analyze
from intimacy_rules.analysis.language import is_english
from intimacy_rules.analysis.text import normalize

FOREIGN = [
    "Tengo miedo de perderte, te quiero mucho.",
    "Je suis tellement triste ce soir, tu me manques.",
    "Ich habe Angst, dich zu verlieren, und ich vermisse dich.",
    "Estou com muito medo, você é tudo para mim.",
    "Я так по тебе скучаю, мне страшно.",
    "我很想你\uff0c我很害怕",
    "あなたがいなくて寂しい",
    "أنا خائف جدا",
]
ENGLISH = [
    "I'm so scared of losing you.",
    "lol ok",
    "te amo is the only spanish I know haha",
    "I had the best tacos in Mexico City 🌮",
    "omg 😭😭😭",
    "",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_other_languages_get_level_zero_and_no_labels(text: str) -> None:
    assert not is_english(normalize(text))
    result = analyze(text)
    assert result.level == 0
    assert result.flags == ()
    assert result.safety == ()
    assert result.disclosure.facts is False
    assert result.disclosure.feelings is False
    assert result.evidence[0].span == (0, len(text))
    assert "not English" in result.evidence[0].why


def test_threatening_words_in_another_language_are_not_labelled() -> None:
    assert analyze("Sé dónde vives y te vas a arrepentir.").safety == ()


@pytest.mark.parametrize("text", ENGLISH)
def test_english_texting_is_english(text: str) -> None:
    assert is_english(normalize(text))
