"""Tell "I feel like/that + a proposition" (a thought) from "I feel like crying".

``spec/criteria.md`` section 1, hard cases: "I feel like you don't care" and
"I feel like I'm never enough for you" are thoughts dressed as feelings
(the ``thought_as_feeling`` flag); "I feel like crying", "I feel like an
idiot" and "I feel like I'm falling for you" state feelings; "I feel like
pizza" and "I don't feel like talking" are preferences (neither).
"""

from __future__ import annotations

import re
from typing import Final, Literal, NamedTuple

from intimacy_rules.analysis.lexicon import EMOTIONAL_ING, words
from intimacy_rules.analysis.patterns import ADVERB, ADVERB_WORDS, EMOTION_ADJ_RE
from intimacy_rules.analysis.scan import first_words, may_open

__all__ = ["FeelLike", "find_feel_like"]


class FeelLike(NamedTuple):
    """One "I feel like/that ..." construction and what it states."""

    kind: Literal["thought", "feeling"]
    start: int
    end: int


# Between "feel" and "like": how much or how long ("I've been feeling more and
# more like a stranger"), never "like" or "that" themselves (ADVERB has both).
_FEEL_DEGREE: Final = (
    r"(?:(?:so|really|kinda|kind\s+of|sort\s+of|sorta|a\s+bit|a\s+little|more\s+and\s+more|"
    r"just|almost|totally|completely|honestly|sometimes|literally|always|often|lately)\s+)?"
)
_FEEL_LIKE: Final = re.compile(
    rf"(?:i|i'm|im|i've|ive)\s+(?:(?:{ADVERB}|do|don't|dont|did|didn't|didnt|can't|cant|'m|m|am|"
    rf"been|have|had|'ve|ve)\s+){{0,3}}"
    rf"(?P<feel>feel|feels|felt|feeling)\s+{_FEEL_DEGREE}(?P<conn>like|that|as\s+if|as\s+though)?\s*"
    r"(?P<next>[a-z']+)?"
)

# The same with the "I" dropped, at a clause start: "feel like a failure tbh".
_FEEL_LIKE_DROPPED: Final = re.compile(
    rf"(?:(?:{ADVERB}|just|sometimes|honestly)\s+){{0,2}}"
    r"(?P<feel>feel|feels|felt|feeling)\s+(?P<conn>like|that|as\s+if|as\s+though)?\s*"
    r"(?P<next>[a-z']+)?"
)
_DROPPED_FIRST: Final = first_words(ADVERB_WORDS) | words("feel feels felt feeling just sometimes")
# Words that open a clause: after "feel like" they make it a proposition.
_CLAUSE_OPENERS: Final = words(
    """
    you u youre you're ur your he she they we we're were i i'm im i've ive i'd id it its
    it's nobody noone everyone everybody people my his her their our this there things
    the nothing anything someone somebody life everything all no that these those something
    men women guys girls maybe theres there's he's she's they're hes shes theyre
    you've youve they've theyve we've weve he'd she'd they'd you'd youd we'd hed shed i'll
    """
)

# "I feel like I'm falling for you": after "I'm", a feeling keeps it a feeling.
_IM_FEELING: Final = re.compile(
    rf"\s*(?:i'm|im|i\s+am)\s+(?:{ADVERB}\s+){{0,3}}(?:{EMOTION_ADJ_RE}\b|falling\s+(?:for|in)|"
    r"going\s+crazy|losing\s+my\s+mind|drowning|suffocating|dying|on\s+top\s+of\s+the\s+world)"
)
_FEELING_NOUN_START: Final = words(
    "a an such shit crap garbage trash death dirt hell absolute complete total"
)
_SUBJECT_AFTER_FEEL: Final = words("you're youre he's she's they're it's nobody everyone everybody")


def find_feel_like(
    norm: str, subjects: list[int], clauses: list[int] | None = None
) -> list[FeelLike]:
    """Each "I feel like/that/as if" in ``norm`` that states a thought or a feeling.

    ``subjects`` are ``scan.subject_positions(norm)``; ``clauses``, when given,
    are ``scan.clause_starts(norm)``, where texting drops the "I" ("feel like
    a failure tbh", "feel like ur ignoring me").
    """
    out: list[FeelLike] = []
    if "feel" not in norm and "felt" not in norm:
        return out
    matches = [_FEEL_LIKE.match(norm, pos) for pos in subjects]
    for pos in clauses or ():
        if may_open(norm, pos, _DROPPED_FIRST):
            matches.append(_FEEL_LIKE_DROPPED.match(norm, pos))
    for m in matches:
        if m is None:
            continue
        conn, word = m.group("conn"), m.group("next")
        if word is None:
            continue
        if conn is None:
            # "I feel you're pulling away": a clause right after "feel" is a thought;
            # "I feel you" (I understand) is not.
            if word in _SUBJECT_AFTER_FEEL or (word in {"you", "u"} and _continues(norm, m.end())):
                out.append(FeelLike("thought", m.start(), m.end()))
            continue
        if conn == "that":
            if word in {"way", "too", "pain", "one"}:
                continue  # "I feel that way" refers back; not a proposition
            out.append(FeelLike("thought", m.start(), m.end()))
            continue
        if word in {"i'm", "im", "i"} and _IM_FEELING.match(norm, m.start("next")):
            out.append(FeelLike("feeling", m.start(), m.end()))
        elif word in _CLAUSE_OPENERS:
            out.append(FeelLike("thought", m.start(), m.end()))
        elif word in _FEELING_NOUN_START or (word.endswith("ing") and word in EMOTIONAL_ING):
            out.append(FeelLike("feeling", m.start(), m.end()))
    return out


_NEXT_WORD: Final = re.compile(
    r"\s+(?:never|always|don't|dont|do|are|were|will|won't|should|just|only|can't|cant|would|could|hate|love|think|want|need|have|had|did|didn't|didnt|care|seem|keep|[a-z]+ed|[a-z]+s)\b"
)


def _continues(norm: str, pos: int) -> bool:
    """Whether a verb follows, so "you" opens a clause ("I feel you never listen")."""
    return _NEXT_WORD.match(norm, pos) is not None
