"""The trie-shaped word regexes match exactly the listed words (and stretched texting)."""

from __future__ import annotations

import re

import pytest

from intimacy_rules.analysis.lexicon import (
    EMOTION_ADJECTIVES,
    EMOTION_VERBS,
    FEEL_ONLY_ADJECTIVES,
    word_regex,
    words,
)


def test_every_listed_word_matches_and_nothing_else() -> None:
    listed = ["sad", "sadness", "scared", "in_love", "close", "closer"]
    pattern = re.compile(word_regex(listed, stretch=False))
    assert pattern.fullmatch("sad")
    assert pattern.fullmatch("sadness")
    assert pattern.fullmatch("in  love")
    assert pattern.fullmatch("closer")
    assert not pattern.fullmatch("sa")
    assert not pattern.fullmatch("scare")
    assert not pattern.fullmatch("saddd")


@pytest.mark.parametrize("word", ["sadddd", "sooo", "lonelyyy"])
def test_stretch_allows_a_repeated_last_letter(word: str) -> None:
    pattern = re.compile(word_regex(["sad", "so", "sort", "lonely"]))
    assert pattern.fullmatch(word)


def test_the_shipped_lexicons_compile_and_match_their_own_words() -> None:
    for lexicon in (EMOTION_ADJECTIVES, FEEL_ONLY_ADJECTIVES, EMOTION_VERBS):
        pattern = re.compile(word_regex(lexicon))
        for word in lexicon:
            assert pattern.fullmatch(word.replace("_", " ")), word


def test_words_splits_on_any_whitespace() -> None:
    assert words(" a  b\nc ") == frozenset({"a", "b", "c"})
