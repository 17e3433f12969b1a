"""Small word classes the flag and safety patterns are built from.

Every class is a regular-expression fragment over normalised text (lower-case,
ASCII quotes) written for this project. They absorb texting style: missing
apostrophes ("youre", "dont", "ill"), "u"/"ur" for "you"/"your", and common
misspellings, so the phrase patterns in ``flag_patterns`` and
``safety_patterns`` can be written once, in plain words.

Fragments are non-capturing and contain no nested quantifiers.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "AM",
    "APOS",
    "ARE_YOU",
    "DONT",
    "GAME_CONTEXT",
    "GAP",
    "I_AM",
    "I_WILL",
    "JOKE_MARKERS",
    "LAUGHTER",
    "NEGATION_BEFORE",
    "PERSON",
    "REPORTED_BEFORE",
    "SAFETY_REPORTED_BEFORE",
    "SEX_TERMS",
    "SEX_TERMS_RE",
    "SHORT_GAP",
    "TEASING",
    "YOU",
    "YOUR",
    "YOU_ARE",
    "YOU_WILL",
    "alt",
]


def alt(words: str) -> str:
    """A non-capturing alternation of space-separated words or ``_``-joined phrases."""
    return "(?:" + "|".join(w.replace("_", " ") for w in words.split()) + ")"


APOS: Final = "'?"
#: Up to a few words inside one sentence (bounded, so matching stays linear).
GAP: Final = r"[^.!?\n]{0,40}?"
SHORT_GAP: Final = r"[^.!?\n]{0,20}?"

YOU: Final = r"\b(?:you|u|ya|yu)\b"
YOUR: Final = r"\b(?:your|ur|yr|yur)\b"
#: "you are" in its texting forms; "your" too, the common typo ("your so rude").
YOU_ARE: Final = r"\b(?:you" + APOS + r"re|you are|you r|u r|u" + APOS + r"re|ur|your|youre)\b"
YOU_WILL: Final = (
    r"\b(?:you" + APOS + r"ll|you will|u" + APOS + r"ll|u will|you" + APOS + r"d|you would)\b"
)
ARE_YOU: Final = r"\b(?:are|r) (?:you|u)\b"
AM: Final = r"(?:" + APOS + r"m| am)"
I_AM: Final = r"\b(?:i" + APOS + r"m|i am|im)\b"
#: "I will / I'll / ill / I'm going to / I'm gonna".
I_WILL: Final = (
    r"\b(?:i" + APOS + r"ll|i will|ill|i" + APOS + r"m (?:going to|gonna)|im (?:going to|gonna)"
    r"|i am (?:going to|gonna)|i" + APOS + r"d|i would|i shall)\b"
)
DONT: Final = r"\b(?:don" + APOS + r"t|do not|dont)\b"
#: Other people a message can speak of (a third party or the partner).
PERSON: Final = r"\b(?:you|u|him|her|them|ya)\b"

# --- guards -------------------------------------------------------------------

#: A negation just before a cue, inside its sentence: "I'd never", "not that".
NEGATION_BEFORE: Final = re.compile(
    r"\b(?:not|never|no|nobody|no one|don" + APOS + r"t|didn" + APOS + r"t|won" + APOS + r"t"
    r"|wouldn" + APOS + r"t|isn" + APOS + r"t|aren" + APOS + r"t|dont|didnt|wont|wouldnt)"
    r"\b[^.!?\n,]{0,12}$"
)

_REPORTERS: Final = alt(
    "he she they you u someone somebody people everyone ex boss dad mom mum father mother "
    "brother sister friend friends husband wife boyfriend girlfriend bf gf partner guy girl "
    "man woman coworker colleague landlord teacher cousin uncle aunt therapist doctor "
    "counselor counsellor coach nan grandma grandpa people"
)
_REPORT_VERBS: Final = alt(
    "said says saying keeps_saying kept_saying told tells telling threaten threatens threatened "
    "threatening warned warns texted texts wrote writes messaged messages yelled screamed "
    "shouted claims claimed asked asks asking keeps_asking kept_asking pressures pressured "
    "called calls calling "
    "pressuring pushes pushed pushing wants_me wanted_me begs begged begging"
)
#: A third party (or the partner) reported as the one speaking: "he keeps saying".
REPORTED_BEFORE: Final = re.compile(
    r"\b" + _REPORTERS + r"\b[^.!?\n]{0,25}?\b" + _REPORT_VERBS + r"\b[^.!?\n]{0,45}$"
)

_STORY_REPORTERS: Final = alt(
    "villain character hero heroine narrator singer rapper song movie film show series episode "
    "book novel line lyric lyrics quote killer"
)
# A possessive or article makes "calls", "texts", "messages" nouns ("answer my calls").
_NOT_A_NOUN: Final = (
    "(?<!my )(?<!your )(?<!ur )(?<!the )(?<!his )(?<!her )(?<!our )(?<!their )(?<!a )(?<!any )"
)
#: The safety detectors' reported speech: people and characters in stories,
#: and reporting verbs that are not nouns ("he says" but not "my calls").
_NOUN_LIKE_VERBS: Final = frozenset({"calls", "texts", "messages"})
SAFETY_REPORTED_BEFORE: Final = re.compile(
    r"\b(?:"
    + _REPORTERS[3:-1]
    + "|"
    + _STORY_REPORTERS[3:-1]
    + r")\b[^.!?\n]{0,25}?\b(?:"
    + "|".join(v for v in _REPORT_VERBS[3:-1].split("|") if v not in _NOUN_LIKE_VERBS)
    # Only the verbs that are also nouns pay for the look-behinds.
    + "|"
    + _NOT_A_NOUN
    + "(?:"
    + "|".join(sorted(_NOUN_LIKE_VERBS))
    + r"))\b[^.!?\n]{0,45}$"
)

#: An explicit joke marker anywhere near the cue.
JOKE_MARKERS: Final = re.compile(
    r"\b(?:jk|j/k|just kidding|kidding|joking|only joking|haha\w{0,8}|hehe\w{0,6}|lmao|lmfao|rofl)"
    r"\b|\U0001f602|\U0001f923|\U0001f61c|\U0001f61d|\U0001f606|\U0001f639"
)
#: Laughter, for hyperbole that "lol" alone already softens ("ugh I want to die lol").
LAUGHTER: Final = re.compile(
    r"\b(?:lol|lmao|lmfao|haha\w{0,8}|hehe\w{0,6}|jk|kidding|joking|embarrass\w{0,6}|cringe)\b"
    r"|\U0001f602|\U0001f923|\U0001f480|\U0001f605|\U0001f606|\U0001f92a|\U0001f648"
)
#: Affection or an explicit joke that turns a name into teasing ("you dork 😂 love you").
TEASING: Final = re.compile(
    r"\b(?:jk|j/k|just kidding|kidding|joking|love you|love u|luv u|luv you|ily|ilysm)\b"
    r"|\U0001f602|\U0001f923|\U0001f61c|\U0001f61d|\U0001f618|\u2764|\u2665|\U0001f970"
)
#: Games and contests, where "destroy you" and "watch your back" are trash talk.
GAME_CONTEXT: Final = re.compile(
    r"\b(?:trivia|game|games|match|tournament|quiz|team|round|league|chess|poker|board game"
    r"|mario kart|fortnite|fifa|scrabble|monopoly|karaoke|bowling|race|rematch|1v1|pickleball"
    r"|tennis|golf|soccer|football|basketball)\b"
)

# --- shared content classes ------------------------------------------------------

#: Words that make a request or a conditional sexual: bodies, sex, images of them.
SEX_TERMS: Final = (
    r"\b(?:sex|sexy|sexual|sleep with me|sleep together|slept together|sleeping together"
    r"|sleeping with me|sleep with you|in the mood"
    r"|hook up|hookup|fuck|fucking|bang|smash|make love|in bed|nude|nudes|naked|topless"
    r"|shirtless|lingerie|underwear|bra|panties|boobs|tits|titties|ass|butt|booty|dick|cock"
    r"|nsfw|spicy|dirty|horny|without (?:your|ur|a) (?:shirt|top|clothes|bra)|in the shower"
    r"|blow ?job|bj|go down on|touch you|feel you up|body|bikini"
    r"|stay the night|spend the night|stay over|come to bed"
    r"|something (?:hot|sexy|naughty|dirty|spicy))\b"
    r"|\U0001f346|\U0001f351|\U0001f4a6|\U0001f60f"
)
SEX_TERMS_RE: Final = re.compile(SEX_TERMS)
