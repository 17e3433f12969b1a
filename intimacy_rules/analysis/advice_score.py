"""How much a sentence with an advice cue reads as advice: features and their weights.

Advice cues (``flag_patterns.ADVICE``) find candidates: "you should…", an
imperative at the start of a clause, "have you tried…". Some of them are weak
on their own ("you could…", "if you…"), and a candidate inside a personal story
("I should have…", "he told me to…") is often no advice at all. So each
sentence that holds a cue is scored: the cues it holds plus a few word-class
features of the sentence, each with a weight, and the sentence is advice when
the sum is above zero (or when it holds a cue that is advice by its very form).

The weights were fitted by L2-regularised logistic regression with 5-fold
cross-validation (``benchmarks/fit_advice_weights.py``) on the labelled
training sentences of the CL-Aff "Get it #OffMyChest" shared task (Info_support
column; Jaidka, Singh, Liu, Ungar et al., AffCon @ AAAI 2020; licence CC BY
4.0). The cues and word classes were chosen on one half of its authors and
checked on the other (``--fit-on A``); the table below is then fitted on the
whole file. Only these weights derive from that corpus: no sentence of it is
kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Final

__all__ = [
    "ADVICE_BIAS",
    "ADVICE_WEIGHTS",
    "SURE_CUES",
    "advice_score",
    "is_advice",
    "sentence_features",
    "sentence_of",
]

# "[c][c]*", not "[c]+": a pattern opening with a class lets ``re`` skip in C
# to the next place it can match; one opening with a repeat is tried at every
# character (several times the cost). Both match exactly the same.
_WORD: Final = re.compile(r"[a-z0-9'][a-z0-9']*")
_MARKS: Final = ".!?\n"
_REACH: Final = 300


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Word classes whose presence in the sentence is a feature (name -> words).
WORD_CLASSES: Final[Mapping[str, frozenset[str]]] = {
    "w:you": _words("you your u ur yourself yours ya"),
    "w:i": _words("i i'm im me my myself i've ive i'd id mine"),
    "w:we": _words("we us our we're ourselves"),
    "w:third": _words("he she they him her them his their he's she's they're"),
    "w:past": _words("was were had did went got told said thought felt made took saw wanted tried"),
    "w:modal": _words("can could would might may will"),
    "w:negation": _words("not never don't dont no can't cant won't wont didn't"),
    "w:hedge": _words("maybe perhaps probably possibly"),
    "w:wish": _words("hope thank thanks congrats congratulations glad sorry wish"),
    "w:if": frozenset(["if"]),
    "w:help": _words(
        "help helps helped helpful therapist therapy doctor counselor counsellor counseling "
        "counselling professional lawyer attorney police psychologist psychiatrist medication"
    ),
    "w:yourself": _words("yourself yourselves urself"),
    "w:comfort": _words(
        "alone deserve deserves proud strong brave okay ok fine hugs hug luck amazing loved "
        "beautiful wonderful awesome"
    ),
    "w:laugh": _words("lol haha hahaha lmao lmfao xd"),
}


_SPEAKER_OPENERS: Final = _words("i i'm im my i've ive i'd id me")
# Words that may stand before a cue that still opens its sentence ("just ask her").
_OPENING_SOFTENERS: Final = _words(
    "so and but then or just maybe honestly seriously please pls plz definitely also first "
    "firstly finally now ok okay well tbh ngl"
)
# A sentence opened by a condition whose main clause is an imperative ("if it
# gets worse, call the doctor") is conditional advice.
_CONDITION_OPENERS: Final = _words("if when once unless whenever until before after")
_IMPERATIVE_CUES: Final = frozenset(
    "cue:" + name for name in ("imperative_advice", "imperative_general", "dont_imperative")
)
_SECOND_PERSON: Final = WORD_CLASSES["w:you"]


def sentence_of(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence that holds ``[start, end)``.

    Looks at most ``_REACH`` characters each way; without a sentence mark in
    reach the span snaps to a grid of ``_REACH`` characters, so the cues of a
    huge unpunctuated text share a few windows and cost stays linear.
    """
    floor = max(0, start - _REACH)
    lo = max(norm.rfind(mark, floor, start) for mark in _MARKS) + 1
    if lo == 0 and floor > 0:
        lo = start - start % _REACH
    ceiling = min(len(norm), end + _REACH)
    hi = -1
    for mark in _MARKS:
        found = norm.find(mark, end, ceiling)
        if found >= 0 and (hi < 0 or found < hi):
            hi = found
    if hi < 0:
        hi = min(len(norm), end - end % _REACH + _REACH) if ceiling < len(norm) else len(norm)
    return lo, hi


def sentence_features(
    norm: str, lo: int, hi: int, cues: Iterable[str], first_cue: int | None = None
) -> set[str]:
    """The features of one candidate sentence: its cues and its word classes.

    ``first_cue`` is where the sentence's first cue starts: a cue that opens
    the sentence ("Try…", "You should…") is told apart from one inside it.
    """
    sentence = norm[lo:hi]
    tokens = _WORD.findall(sentence)
    words = set(tokens)
    features = {"cue:" + name for name in cues}
    for name, members in WORD_CLASSES.items():
        if not members.isdisjoint(words):
            features.add(name)
    if tokens and tokens[0] in _SPEAKER_OPENERS:
        features.add("s:speaker_first")
    if tokens and tokens[0] in _CONDITION_OPENERS and not _IMPERATIVE_CUES.isdisjoint(features):
        features.add("s:condition_then_imperative")
    if sum(token in _SECOND_PERSON for token in tokens) >= 2:
        features.add("w:you_twice")
    if first_cue is not None and _OPENING_SOFTENERS.issuperset(
        _WORD.findall(sentence[: max(0, first_cue - lo)])
    ):
        features.add("s:cue_first")
    if norm[hi : hi + 1] == "!":
        features.add("s:exclaim")
    if norm[hi : hi + 1] == "?":
        features.add("s:question")
    if len(words) < 6:
        features.add("s:short")
    elif len(words) > 25:
        features.add("s:long")
    return features


def advice_score(features: Iterable[str]) -> float:
    """The weighted sum of a candidate sentence's features; above zero is advice.

    ``math.fsum`` is correctly rounded, so the sum does not depend on the order
    the features come in. A plain ``sum`` over a set varied with the string
    hash seed: weights that cancel exactly gave 0.0 in one process and 1e-16
    in the next, so the same sentence was advice in one run and not another.
    """
    return math.fsum([ADVICE_BIAS, *(ADVICE_WEIGHTS.get(feature, 0.0) for feature in features)])


#: Cues that are advice by their very form, whatever surrounds them. Trusting
#: them outright cost nothing in cross-validation on OffMyChest and keeps chat
#: advice inside a personal story ("…it helped me. You should try it") intact.
SURE_CUES: Final = frozenset(
    "cue:" + name
    for name in (
        "you_should",
        "have_you_tried",
        "why_dont_you",
        "maybe_try",
        "take_over",
        "i_suggest",
        "in_your_place",
        "you_might_want",
    )
)


def is_advice(features: AbstractSet[str]) -> bool:
    """Whether a candidate sentence is advice: a sure cue, or a score above zero."""
    return not SURE_CUES.isdisjoint(features) or advice_score(features) > 0


#: Fitted on OffMyChest (CC BY 4.0, CL-Aff 2020); see the module docstring.
ADVICE_BIAS: Final = -0.71
ADVICE_WEIGHTS: Final[Mapping[str, float]] = {
    "cue:always_do": 0.55,
    "cue:best_thing": 1.18,
    "cue:better_to": -0.13,
    "cue:dont_imperative": 0.40,
    "cue:evaluative": -0.03,
    "cue:have_you_tried": 0.76,
    "cue:i_suggest": 1.54,
    "cue:i_would_try": 0.95,
    "cue:if_you": -0.21,
    "cue:imperative_advice": 0.46,
    "cue:imperative_comfort": -1.05,
    "cue:imperative_general": 0.42,
    "cue:in_your_place": 1.14,
    "cue:make_sure": 0.46,
    "cue:may_help": -0.53,
    "cue:maybe_others": 0.16,
    "cue:maybe_try": 1.23,
    "cue:others_should": -0.50,
    "cue:please_do": -0.06,
    "cue:question_option": 1.37,
    "cue:should_any": -0.09,
    "cue:take_over": 1.50,
    "cue:time_to": 0.35,
    "cue:what_helped": 0.54,
    "cue:why_dont_you": 2.06,
    "cue:would_help": 0.29,
    "cue:you_could": -0.19,
    "cue:you_dont_have_to": -0.11,
    "cue:you_might_want": 1.36,
    "cue:you_need_thing": 0.64,
    "cue:you_need_to": 0.35,
    "cue:you_should": 0.98,
    "cue:you_will_want": -0.12,
    "s:condition_then_imperative": 0.55,
    "s:cue_first": 0.38,
    "s:exclaim": -0.49,
    "s:long": 0.14,
    "s:question": -0.52,
    "s:short": -0.46,
    "s:speaker_first": 0.35,
    "w:comfort": -0.45,
    "w:hedge": -0.00,
    "w:help": 1.36,
    "w:i": -0.57,
    "w:if": 0.05,
    "w:laugh": -0.71,
    "w:modal": 0.32,
    "w:negation": 0.08,
    "w:past": -0.53,
    "w:third": 0.25,
    "w:we": -1.04,
    "w:wish": -0.24,
    "w:you": 0.47,
    "w:you_twice": 0.11,
    "w:yourself": 0.60,
}
