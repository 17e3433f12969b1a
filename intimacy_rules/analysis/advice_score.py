"""How much a sentence with an advice cue reads as advice: features and their weights.

Advice cues (``flag_patterns.ADVICE``) find candidates: "you should…", an
imperative at the start of a clause, "have you tried…". Some of them are weak
on their own ("you could…", "if you…"), and a candidate inside a personal story
("I should have…", "he told me to…") is often no advice at all. So each
sentence that holds a cue is scored: the cues it holds plus a few word-class
features of the sentence, each with a weight, and the sentence is advice when
the sum is above zero.

The weights were fitted by L2-regularised logistic regression with 5-fold
cross-validation (``benchmarks/fit_advice_weights.py``) on the labelled
training sentences of the CL-Aff "Get it #OffMyChest" shared task (Info_support
column; Jaidka, Singh, Liu, Ungar et al., AffCon @ AAAI 2020; licence CC BY
4.0). Only these weights derive from that corpus: no sentence of it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

__all__ = ["ADVICE_BIAS", "ADVICE_WEIGHTS", "advice_score", "sentence_features", "sentence_of"]

_WORD: Final = re.compile(r"[a-z0-9']+")
_MARKS: Final = ".!?\n"


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
    "w:help": _words("help helps helped helpful therapist therapy doctor counselor"),
}


_SPEAKER_OPENERS: Final = _words("i i'm im my i've ive i'd id me")
_SECOND_PERSON: Final = WORD_CLASSES["w:you"]


def sentence_of(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence that holds ``[start, end)`` (linear scans only)."""
    lo = max(norm.rfind(mark, 0, start) for mark in _MARKS) + 1
    hi = len(norm)
    for mark in _MARKS:
        found = norm.find(mark, end)
        if 0 <= found < hi:
            hi = found
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
    if sum(token in _SECOND_PERSON for token in tokens) >= 2:
        features.add("w:you_twice")
    if first_cue is not None and not sentence[: max(0, first_cue - lo)].strip(" \"'(,-*"):
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
    """The weighted sum of a candidate sentence's features; above zero is advice."""
    return ADVICE_BIAS + sum(ADVICE_WEIGHTS.get(feature, 0.0) for feature in features)


#: Fitted on OffMyChest (CC BY 4.0, CL-Aff 2020); see the module docstring.
ADVICE_BIAS: Final = -0.37
ADVICE_WEIGHTS: Final[Mapping[str, float]] = {
    "cue:best_thing": 1.29,
    "cue:better_to": -0.02,
    "cue:dont_imperative": 0.59,
    "cue:evaluative": 0.08,
    "cue:have_you_tried": 0.94,
    "cue:i_suggest": 1.65,
    "cue:i_would_try": 0.77,
    "cue:if_you": -0.03,
    "cue:imperative_advice": 0.51,
    "cue:imperative_general": 0.62,
    "cue:in_your_place": 0.81,
    "cue:make_sure": 0.61,
    "cue:maybe_try": 1.01,
    "cue:others_should": -0.25,
    "cue:please_do": 0.18,
    "cue:should_any": -0.01,
    "cue:take_over": 1.50,
    "cue:why_dont_you": 2.11,
    "cue:would_help": 0.39,
    "cue:you_could": -0.02,
    "cue:you_might_want": 1.26,
    "cue:you_need_to": 0.53,
    "cue:you_should": 1.15,
    "cue:you_will_want": 0.06,
    "s:cue_first": 0.30,
    "s:exclaim": -0.58,
    "s:long": 0.14,
    "s:question": -0.44,
    "s:short": -0.41,
    "s:speaker_first": 0.25,
    "w:hedge": -0.01,
    "w:help": 1.03,
    "w:i": -0.59,
    "w:if": 0.15,
    "w:modal": 0.32,
    "w:negation": 0.02,
    "w:past": -0.62,
    "w:third": 0.18,
    "w:we": -1.03,
    "w:wish": -0.30,
    "w:you": 0.52,
    "w:you_twice": 0.08,
}
