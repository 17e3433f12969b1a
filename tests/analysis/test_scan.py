"""Where the anchored detectors look: the speaker's subjects and clause starts."""

from __future__ import annotations

from intimacy_rules.analysis.scan import clause_starts, first_words, may_open, subject_positions
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
