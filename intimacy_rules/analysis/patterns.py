"""Regex building blocks shared by the level detectors (subjects, fillers, lexicons).

All pieces are bounded: repetitions carry explicit maxima and alternatives are
words, so every compiled pattern runs in time linear in the text it scans.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.lexicon import (
    EMOTION_ADJECTIVES,
    EMOTION_VERBS,
    FEEL_ONLY_ADJECTIVES,
    word_regex,
)

__all__ = [
    "ADVERB",
    "AUXILIARY",
    "EMOTION_ADJ_RE",
    "EMOTION_VERB_RE",
    "FEEL_ONLY_RE",
    "SUBJECT_I",
]

#: The speaker as a subject, with texting spellings ("im", "ive").
SUBJECT_I: Final = r"(?:i\s+am|i'm|im|i've|ive|i)"

#: Intensifiers, hedges and negations that may stand between subject and feeling.
ADVERB: Final = (
    r"(?:s+o+|re+a+l+y+|rly|rlly|realy|very|too|just|still|kinda|kind\s+of|sort\s+of|"
    r"sorta|a\s+bit|a\s+little(?:\s+bit)?|bit|pretty|quite|truly|honestly|actually|"
    r"literally|totally|completely|super|extremely|incredibly|genuinely|seriously|"
    r"deeply|absolutely|lowkey|highkey|fucking|freaking|always|never|not|also|even|"
    r"all|now|already|more|less|most|utterly|terribly|awfully|slightly|somewhat|"
    r"sometimes|often|constantly|definitely|legit|lately|mostly|simply|finally|"
    r"suddenly|starting\s+to|beginning\s+to|getting|becoming|growing|hella|insanely|"
    r"so\s+damn|damn|especially|probably|maybe|both|feeling|kinda|tbh|ngl|rn|"
    r"no\s+longer|anymore|somehow|secretly|weirdly|oddly|a\s+lot|like)"
)

#: Copulas, "feel" forms and auxiliaries between the subject and the feeling.
AUXILIARY: Final = (
    r"(?:am|m|was|were|are|been|be|being|feel|feels|feeling|felt|get|got|getting|gotten|"
    r"become|became|have|has|had|ve|do|did|don't|dont|didn't|didnt|do\s+not|did\s+not|"
    r"can't|cant|cannot|could|would|will|keep|kept|used\s+to|use\s+to|start|started|"
    r"wasn't|wasnt|ain't|aint|'m|'ve|'d)"
)

EMOTION_ADJ_RE: Final = word_regex(EMOTION_ADJECTIVES)
FEEL_ONLY_RE: Final = word_regex(FEEL_ONLY_ADJECTIVES)
EMOTION_VERB_RE: Final = word_regex(EMOTION_VERBS)
