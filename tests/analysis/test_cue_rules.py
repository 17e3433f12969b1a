"""The cue machinery: anchors gate patterns, guards veto matches, bad rules fail at load."""

from __future__ import annotations

import random

import pytest

from intimacy_rules.analysis.cue_rules import (
    _STRETCHED,
    Cue,
    LabelRules,
    _has_stretched,
    message_words,
    restretch,
    triggers_of,
    unstretched,
)
from intimacy_rules.analysis.text import Finding, normalize
from intimacy_rules.errors import ConfigurationError

RULES = LabelRules(
    "demo",
    (
        Cue("warn", "regret", r"\byou'?ll regret\b", "a warning", "negated reported joke"),
        Cue("order", "try", r"(?:just )?try\b", "an imperative", "question", clause_start=True),
    ),
)


def find(text: str) -> str | None:
    finding = RULES.find(normalize(text))
    return None if finding is None else finding.why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("You'll regret this.", "a warning"),
        ("youll regret it", "a warning"),
        ("She said you'll regret it.", None),  # reported
        ("Don't ignore me. You'll regret it.", "a warning"),  # negation in another sentence
        ("I don't think you'll regret it", None),  # negated
        ("you'll regret it haha jk", None),  # joke
        ("Just try it. It works.", "an imperative"),
        ("Ok. Try the blue one.", "an imperative"),
        ("I will try it.", None),  # not at the start of a clause
        ("Try the blue one?", None),  # a question
        ("Nothing to see here", None),  # no anchor word
    ],
)
def test_cues_are_gated_and_guarded(text: str, why: str | None) -> None:
    assert find(text) == why


def test_find_all_returns_every_unvetoed_match() -> None:
    hits = RULES.find_all(normalize("Try again. you'll regret it. Just try."))
    assert [cue.name for cue, _, _ in hits] == ["warn", "order", "order"]


def test_a_detector_can_veto_a_match() -> None:
    finding = RULES.find(normalize("Try it."), accept=lambda cue, start, end: cue.name != "order")
    assert finding is None


def test_left_word_boundary_is_kept_after_the_fast_path() -> None:
    # The leading \b is checked in Python; "hyou'll" must not count as "you'll".
    assert find("hyou'll regret") is None


def test_message_words_split_on_emoji_and_punctuation() -> None:
    assert {"ok", "i'm", "here"} <= message_words(normalize("ok🙂I'm here!!"))


def test_triggers_of_a_family_unions_the_anchors() -> None:
    assert triggers_of([RULES]) == {"regret", "try"}


def test_duplicate_cue_names_fail_at_load() -> None:
    cue = Cue("same", "x", "x", "why")
    with pytest.raises(ConfigurationError, match="duplicate"):
        LabelRules("bad", (cue, cue))


def test_unknown_guard_fails_at_load() -> None:
    with pytest.raises(ConfigurationError, match="unknown guards"):
        LabelRules("bad", (Cue("c", "x", "x", "why", "sarcasm"),))


def test_a_cue_without_anchors_fails_at_load() -> None:
    with pytest.raises(ConfigurationError, match="anchor"):
        LabelRules("bad", (Cue("c", "", "x", "why"),))


def test_stretched_letters_are_squeezed_and_spans_map_back() -> None:
    norm = normalize("you neverrr listen, pleeease")
    squeezed, origin = unstretched(norm)
    assert squeezed == "you never listen, please"
    assert origin is not None
    start = squeezed.index("never")
    (back,) = restretch([Finding("x", start, start + len("never"), "why")], origin)
    assert norm[back.start : back.end] == "neverrr"


def test_text_without_stretched_letters_is_left_alone() -> None:
    norm = normalize("good morning, all well")
    assert unstretched(norm) == (norm, None)


def test_the_stretch_test_agrees_with_the_stretch_pattern() -> None:
    rng = random.Random(17)
    alphabet = ["a", "b", "z", "A", ".", " ", "é", "\u00e9", "😂", "\ud800", "aa", "..."]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        assert _has_stretched(text) == (_STRETCHED.search(text) is not None), repr(text)
    # Many runs of one non-letter before (or without) a stretched letter.
    assert _has_stretched("!!! ... " * 20 + "sooo")
    assert not _has_stretched("!!! ... " * 20 + "so")
    assert not _has_stretched("!" * 10_000)
