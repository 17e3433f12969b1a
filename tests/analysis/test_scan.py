"""Where the anchored detectors look: the speaker's subjects and clause starts."""

from __future__ import annotations

import random
import re

import pytest

from intimacy_rules.analysis.scan import (
    clause_starts,
    first_words,
    may_open,
    occurs_as_word,
    subject_positions,
)
from intimacy_rules.analysis.text import normalize


def test_subject_positions_find_word_initial_i_and_we_only() -> None:
    norm = normalize("Hi, I'm here and im sure we can; wifi is on. i am")
    found = [norm[p : p + 3] for p in subject_positions(norm)]
    assert found == ["i'm", "im ", "we ", "i a"]


def test_clause_starts_follow_punctuation_emoji_and_joiners() -> None:
    norm = normalize("  ok. so happy 😭 still buzzing and so tired")
    starts = clause_starts(norm)
    assert starts == sorted(starts)
    words = [norm[p:].split()[0] for p in starts]
    assert words == ["ok.", "so", "still", "so"]


def test_both_scans_are_linear_on_a_long_text() -> None:
    norm = "i " * 100_000
    assert len(subject_positions(norm)) == 100_000
    assert len(clause_starts("a. " * 100_000)) == 100_000


def test_may_open_checks_the_first_word_and_lets_stretched_words_through() -> None:
    firsts = first_words(frozenset({"so", "kind_of", "been"}))
    assert firsts == frozenset({"so", "kind", "been"})
    norm = "ok. sooo happy, kind of sad, the end, been there"
    assert may_open(norm, norm.index("sooo"), firsts)
    assert may_open(norm, norm.index("kind"), firsts)
    assert may_open(norm, norm.index("been"), firsts)
    assert not may_open(norm, norm.index("the"), firsts)
    assert not may_open(norm, len(norm), firsts)


@pytest.mark.parametrize("pattern", [r"(?:ab|b\s+a|ba)\b", r"(?:i'll|ill|i\s+will)\b"])
def test_occurs_as_word_is_a_search_of_the_pattern_after_a_word_boundary(pattern: str) -> None:
    regex, bounded = re.compile(pattern), re.compile(r"\b" + pattern)
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("abil'_ w.é") for _ in range(rng.randint(0, 14)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = bounded.search(text, lo, hi) is not None
        assert occurs_as_word(regex, text, lo, hi) == expected, (text, lo, hi)


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        # The rewritten forms of alternations that open with different classes.
        (r"[,;.!?\n\s](?:(?<=[,;.!?\n])|(?<=\s)but\s)", r"[,;.!?\n]|\sbut\s"),
        (r"[;,\s](?:(?<=[;,])\s|(?<=\s)(?:but|cuz)\s)", r"[;,]\s|\s(?:but|cuz)\s"),
        (r"[.!?\n][.!?\n]*\s*", r"[.!?\n]+\s*"),
    ],
)
def test_patterns_written_to_open_with_a_class_match_as_their_plain_form(
    fast: str, plain: str
) -> None:
    fast_re, plain_re = re.compile(fast), re.compile(plain)
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(
            rng.choice(["but", "cuz", " ", "\n", ",", ";", ".", "!", "x"]) for _ in range(8)
        )
        assert [m.span() for m in fast_re.finditer(text)] == [
            m.span() for m in plain_re.finditer(text)
        ], text
