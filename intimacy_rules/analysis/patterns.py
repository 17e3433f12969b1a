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
    words,
)

__all__ = [
    "ADVERB",
    "ADVERB_WORDS",
    "AUXILIARY",
    "EMOTION_ADJ_RE",
    "EMOTION_VERB_RE",
    "FEEL_ONLY_RE",
    "SUBJECT_I",
]

#: The speaker as a subject, with texting spellings ("im", "ive"); "we" includes them.
SUBJECT_I: Final = r"(?:i\s+am|i'm|im|i've|ive|i|we\s+are|we're|we've|weve|we)"

#: Intensifiers, hedges and negations that may stand between subject and feeling.
#: Built as a trie (``word_regex``) so each step tests one branch per letter.
ADVERB_WORDS: Final = words(
    """
        so really rly rlly realy very too just still kinda kind_of sort_of sorta a_bit extra
        a_little a_little_bit bit pretty quite truly honestly actually literally totally
        completely super extremely incredibly genuinely seriously deeply absolutely lowkey
        highkey fucking freaking always never not also even all now already more less
        most utterly terribly awfully slightly somewhat sometimes often constantly
        definitely legit lately mostly simply finally suddenly starting_to beginning_to
        getting becoming growing hella insanely so_damn damn especially probably maybe
        both feeling tbh ngl rn no_longer anymore somehow secretly weirdly oddly a_lot like
        much such no some any this that
        """
)
ADVERB: Final = word_regex(ADVERB_WORDS)

#: Copulas, "feel" forms and auxiliaries between the subject and the feeling.
AUXILIARY: Final = word_regex(
    words(
        """
        am m was were are been be being feel feels feeling felt get got getting gotten
        become became have has had ve do did don't dont didn't didnt do_not did_not can't
        cant cannot could would will keep kept used_to use_to start started wasn't wasnt
        couldn't couldnt wouldn't wouldnt stop
        ain't aint 'm 've 'd haven't havent hasn't hadn't
        """
    ),
    stretch=False,
)

EMOTION_ADJ_RE: Final = word_regex(EMOTION_ADJECTIVES)
FEEL_ONLY_RE: Final = word_regex(FEEL_ONLY_ADJECTIVES)
EMOTION_VERB_RE: Final = word_regex(EMOTION_VERBS)
