"""Message flags seen in the words: advice, bid for closeness, controlling…

``detect_flags`` takes text already passed through ``text.normalize`` and
returns ``Finding`` objects whose spans index the original text, at most one
per flag (the first cue that holds). The phrase patterns live in
``flag_patterns``; this module adds the decisions that need more than one
label at a time.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Final

from intimacy_rules.analysis.advice_score import is_advice, sentence_features, sentence_of
from intimacy_rules.analysis.cue_rules import (
    Accept,
    Cue,
    TriggerWords,
    restretch,
    triggers_of,
    unstretched,
)
from intimacy_rules.analysis.flag_patterns import (
    ADVICE,
    BID_FOR_CLOSENESS,
    CONTROLLING,
    CRITICISM,
    FLAG_RULES,
    MERGING,
)
from intimacy_rules.analysis.text import Finding
from intimacy_rules.analysis.word_classes import SEX_TERMS_RE

__all__ = ["advice_candidates", "detect_flags"]

_TRIGGERS: Final = triggers_of(FLAG_RULES)
# One set test in C against every trigger word of the family, per message.
_PRESENT: Final = TriggerWords(_TRIGGERS)

#: How far a conditional like "if you loved me you'd…" reaches for its object.
_CONDITIONAL_REACH: Final = 80


def _candidate_sentences(
    norm: str, words: AbstractSet[str], accept: Accept | None
) -> list[tuple[set[str], Cue, int, int]]:
    """Each sentence holding advice cues: its features and its first cue's span."""
    hits = ADVICE.find_all(norm, words, accept)
    by_sentence: dict[tuple[int, int], list[tuple[Cue, int, int]]] = {}
    for hit in hits:
        by_sentence.setdefault(sentence_of(norm, hit[1], hit[2]), []).append(hit)
    candidates = []
    for (lo, hi), in_sentence in sorted(by_sentence.items()):
        cue, start, end = min(in_sentence, key=lambda hit: hit[1])
        # "imperative_advice@tell" counts as the feature "imperative_advice".
        names = (c.name.partition("@")[0] for c, _, _ in in_sentence)
        features = sentence_features(norm, lo, hi, names, start)
        candidates.append((features, cue, start, end))
    return candidates


def advice_candidates(norm: str) -> list[set[str]]:
    """The features of every sentence of ``norm`` that holds an advice cue.

    What ``benchmarks/fit_advice_weights.py`` learns the advice weights from.
    """
    norm = unstretched(norm)[0]
    words = _PRESENT.present(norm)
    return [features for features, _, _, _ in _candidate_sentences(norm, words, None)]


def _advice(norm: str, words: AbstractSet[str], accept: Accept | None) -> Finding | None:
    """Advice when a sentence holding advice cues scores above zero."""
    for features, cue, start, end in _candidate_sentences(norm, words, accept):
        if is_advice(features):
            return Finding("advice", start, end, cue.why)
    return None


def _detect_flags(norm: str) -> list[Finding]:
    """Return the flags found in normalised text, at most one finding per flag.

    ``norm`` must be ``text.normalize(text)``, so spans index the original text.
    """
    # One set test against every flag's trigger words; the labels then only
    # look at the few words that matter.
    words = _PRESENT.present(norm)
    if not words:
        return []
    found: list[Finding] = []

    def not_sexual(cue: Cue, start: int, end: int) -> bool:
        # "if you loved me you'd stay the night" is sexual pressure (a safety
        # category), not a flag; the same frame about anything else controls.
        if cue.name != "if_you_loved":
            return True
        return SEX_TERMS_RE.search(norm, end, end + _CONDITIONAL_REACH) is None

    # Each label is asked only when one of its trigger words occurs: the
    # test is one set operation, a call into the label would cost more.
    if CONTROLLING.triggers.isdisjoint(words):
        orders: list[tuple[Cue, int, int]] = []
    else:
        orders = CONTROLLING.find_all(norm, words, not_sexual)
    if orders:
        cue, start, end = min(orders, key=lambda hit: hit[1])
        found.append(Finding("controlling", start, end, cue.why))

    def not_a_command(cue: Cue, start: int, end: int) -> bool:
        # A direct order about the other's contacts, whereabouts or feelings
        # is controlling; it is not also advice on the same words.
        return all(end <= o_start or start >= o_end for _, o_start, o_end in orders)

    if not ADVICE.triggers.isdisjoint(words):
        # Without orders nothing is vetoed: no call per advice hit then.
        advice = _advice(norm, words, not_a_command if orders else None)
        if advice is not None:
            found.append(advice)
    for rules in (BID_FOR_CLOSENESS, CRITICISM, MERGING):
        if rules.triggers.isdisjoint(words):
            continue
        finding = rules.find(norm, words)
        if finding is not None:
            found.append(finding)
    return found


def detect_flags(norm: str) -> list[Finding]:
    """Return the flags found in normalised text, at most one finding each.

    ``norm`` must be ``text.normalize(text)``, so spans index the original
    text. Letters stretched for emphasis ("neverrr", "pleeease") are read as
    the plain word; spans still point at what the user wrote.
    """
    squeezed, origin = unstretched(norm)
    return restretch(_detect_flags(squeezed), origin)
