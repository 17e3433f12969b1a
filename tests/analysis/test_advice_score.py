"""Scoring advice candidates: sentence spans, features and the fitted weights."""

from __future__ import annotations

import itertools
import random

import pytest

from intimacy_rules.analysis.advice_score import (
    ADVICE_WEIGHTS,
    advice_score,
    is_advice,
    sentence_features,
    sentence_of,
)
from intimacy_rules.analysis.flags import advice_candidates
from intimacy_rules.analysis.text import normalize


def test_sentence_of_finds_the_sentence_around_a_span() -> None:
    text = "first one. second one! third"
    start = text.index("second")
    lo, hi = sentence_of(text, start, start + 6)
    assert text[lo:hi].strip() == "second one"


def test_features_name_cues_word_classes_and_shape() -> None:
    text = "you should call your doctor"
    features = sentence_features(text, 0, len(text), ["you_should"], 0)
    assert {"cue:you_should", "w:you", "w:help", "s:cue_first", "w:you_twice"} <= features
    assert "w:i" not in features


def test_reflexive_you_and_professional_help_are_features() -> None:
    text = "take care of yourself and see a counsellor"
    features = sentence_features(text, 0, len(text), ["imperative_advice"], 0)
    assert {"w:yourself", "w:help", "w:you"} <= features
    assert "w:laugh" not in features


def test_a_cue_after_a_softener_still_opens_the_sentence() -> None:
    text = "so just book the flight"
    start = text.index("book")
    assert "s:cue_first" in sentence_features(text, 0, len(text), ["imperative_general"], start)
    text = "my sister said book the flight"
    start = text.index("book")
    assert "s:cue_first" not in sentence_features(text, 0, len(text), ["imperative_general"], start)


def test_an_imperative_after_a_condition_is_conditional_advice() -> None:
    text = "if the pain gets worse, call the clinic"
    start = text.index("call")
    features = sentence_features(text, 0, len(text), ["imperative_advice"], start)
    assert "s:condition_then_imperative" in features
    plain = "if the pain gets worse, you could be in trouble"
    assert "s:condition_then_imperative" not in sentence_features(
        plain, 0, len(plain), ["you_could"], plain.index("you")
    )


def test_a_question_mark_after_the_sentence_is_a_feature() -> None:
    text = "have you tried yoga?"
    assert "s:question" in sentence_features(text, 0, len(text) - 1, ["have_you_tried"])


def test_plain_advice_cues_carry_positive_weight() -> None:
    for cue in ("you_should", "have_you_tried", "why_dont_you", "i_suggest", "take_over"):
        assert ADVICE_WEIGHTS["cue:" + cue] > 0


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("You should ask your GP about it.", True),
        ("Why not just tell her the truth?", True),
        ("I should have called my mom yesterday.", False),
        ("You both need some time away from the kids.", True),
        ("I've been in exactly your shoes, years back.", False),
    ],
)
def test_candidates_score_like_advice(text: str, advice: bool) -> None:
    scores = [advice_score(features) for features in advice_candidates(normalize(text))]
    assert (max(scores, default=-1.0) > 0) is advice


def test_a_sure_cue_is_advice_whatever_the_story_around_it() -> None:
    features = {"cue:maybe_try", "s:question", "s:short", "w:hedge", "w:i", "w:past"}
    assert advice_score(features) < 0
    assert is_advice(features)
    assert not is_advice({"cue:if_you", "w:i", "w:past"})


def test_the_score_does_not_depend_on_the_order_of_the_features() -> None:
    # Weights that cancel exactly must give exactly the same score in any
    # order: the order of a set of strings changes with the hash seed, and a
    # score of 1e-16 instead of 0.0 would flip "advice" between processes.
    names = sorted(ADVICE_WEIGHTS)
    rng = random.Random(7)
    for _ in range(200):
        chosen = rng.sample(names, k=min(6, len(names)))
        scores = {advice_score(order) for order in itertools.permutations(chosen)}
        assert len(scores) == 1, chosen
