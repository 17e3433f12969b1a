"""What a feeling is about, and whether it is anchored to this very exchange.

``spec/criteria.md`` section 1 grades a feeling by its object and its time:
about the partner or the two of them (4 when present, 3 when past), about
the speaker themself (3; 4 when anchored to this exchange, "ashamed telling
you this"), about things, events or third parties (2). The object is the
first thing named after the feeling ("angry at my boss", "scared of losing
you"); a causative's object is its cause ("my sister's wedding stressed me
out"); "it"/"this" and objectless feelings look back within the sentence.
All windows are bounded, so the cost per feeling is constant.
"""

from __future__ import annotations

import re
from typing import Final, Literal

__all__ = ["Target", "exchange_anchor", "find_target", "look_back"]

Target = Literal["partner", "us", "self", "third", "ref", "none"]

_WINDOW: Final = 120

_PERSON_NOUNS: Final = (
    r"(?:mom|mum|mother|dad|father|parents?|sister|brother|sibling|son|daughter|kids?|"
    r"children|child|baby|wife|husband|girlfriend|boyfriend|gf|bf|partner|ex|friends?|"
    r"bestie|family|boss|manager|coworkers?|colleagues?|roommates?|grandma|grandpa|"
    r"grandmother|grandfather|aunt|uncle|cousin|niece|nephew|teacher|therapist|doctor|"
    r"landlord|neighbou?rs?|dog|cat|pet|guy|girl|man|woman|people|team|class|relatives?|"
    r"in-laws|folks|stepdad|stepmom|twin)"
)

# Leftmost alternative wins at the same position, so the order below matters:
# time phrases are skipped, "your parents" is a third party before "your" is the partner.
_TARGET: Final = re.compile(
    r"(?P<time>\b(?:all\s+the\s+time|the\s+(?:time|moment|whole\s+time|other\s+day|"
    r"past\s+\w+|last\s+\w+|first\s+time|whole\s+\w+)|this\s+(?:morning|afternoon|evening|"
    r"week|weekend|month|year|time)|that\s+(?:day|night|time)|today|tonight|lately|anymore|"
    r"these\s+(?:past\s+)?(?:days|weeks|months|years|nights)|(?:the\s+)?past\s+(?:few\s+)?\w+|"
    r"right\s+now|rn|now|again|sometimes|a\s+lot|so\s+much|too|tbh|ngl|lol|haha|honestly|"
    r"anyway|last\s+(?:night|week|year|month|time)|yesterday|ago)\b"
    # "sad that we stopped": "that" opening a clause is no object; what follows is.
    r"|\bthat(?=\s+(?:i|i'm|im|you|u|we|we're|he|she|they|it|my|your|our|his|her|their)\b))"
    rf"|(?P<third>\b(?:your|ur|our)\s+(?:\w+\s+)?{_PERSON_NOUNS}(?:'s)?\b|\b(?:your|ur)\s+\w+'s\b)"
    r"|(?P<partner>\b(?:you|u|ya|yourself|youre|you're|you've|youve|you'll|your|ur|y'all)\b)"
    r"|(?P<us>\b(?:us|we|we're|we've|our|ours|ourselves|together)\b)"
    r"|(?P<self>\b(?:myself|my\s+(?:own|body|weight|looks|face|skin|hair|appearance|self|"
    r"future|past|life|mistakes?|choices|behaviou?r|actions|decisions|reactions?|temper|"
    r"anxiety|depression|mental\s+health|health|grades|performance|mind)|i'm|im|i've|ive|"
    r"i(?!\s+(?:could|can)\s+(?:cry|scream|die)))\b)"
    rf"|(?P<third2>\b(?:my|his|her|their|he|she|they|him|them|he's|she's|they're|hes|shes|"
    rf"theyre|work|school|college|uni|class|job|money|people|everyone|everybody|"
    rf"someone|somebody|news|world|politics|weather|exams?|tests?|interview|"
    rf"wedding|party|game|movie|show|book|song|music|food|election|rent|bills|"
    rf"{_PERSON_NOUNS})\b)"
    r"|(?P<thing>\b(?:the|that|this|these|those|a|an|some|every|any)\s+"
    r"(?!(?:i|you|we|he|she|they|it|me|us|him|them|is|was|are)\b)[a-z]\w*)"
    r"|(?P<ref>\b(?:it|this|that|which)\b)"
    r"|(?P<stop>[.!?;\n\u2600-\u27bf\U0001f300-\U0001faff]|,\s|"
    r"\s(?:but|because|cause|cuz|though|although|while)\s)"
)

_RELATIVE_YOU: Final = re.compile(r"\s+(?:\w+\s+){0,3}?(?:you|u)\b")
_PERSON_IN_NP: Final = re.compile(rf"\b{_PERSON_NOUNS}\b")

_EXCHANGE: Final = re.compile(
    r"\b(?:(?:telling|tell|told|saying|say|admitting|admit|writing|write|typing|type|"
    r"texting|text|sending|send|asking|ask|sharing|share)\s+(?:you\s+|u\s+)?"
    r"(?:this|that|all\s+this|these)|(?:telling|tell|admitting|admit|saying)\s+(?:to\s+)?"
    r"(?:you|u)\b|as\s+i\s+(?:write|type|say|read|tell)|reading\s+(?:your|ur|this|that)|"
    r"(?:you|u)\s+just\s+(?:said|wrote|told|asked|did|sent|texted)|just\s+now|"
    r"hearing\s+myself|this\s+conversation|this\s+chat|talking\s+to\s+(?:you|u)|"
    r"(?:with|to)\s+(?:you|u)\s+(?:right\s+)?now|tonight\s+with\s+(?:you|u)|"
    r"(?:at|in)\s+this\s+(?:very\s+)?moment|to\s+(?:you|u)\s+like\s+this)\b"
)
_NOW: Final = re.compile(r"\b(?:right\s+now|rn|atm|at\s+the\s+moment)\b")
_SENTENCE_STOP: Final = re.compile(r"[.!?\n]")
_CLAUSE_BREAK: Final = re.compile(r"[;,]\s|\s(?:but|because|cause|cuz|though|although|while)\s")


def find_target(
    norm: str, start: int, limit: int | None = None, *, skip_self: bool = False
) -> tuple[Target, int, int]:
    """The first object named in ``norm`` from ``start`` to the clause's end.

    Returns the target and the span of the words that name it (``-1`` when
    there is none). ``limit`` bounds the search (default: a short window).
    With ``skip_self``, "I"-clauses are passed over (used when looking back
    for the topic of an objectless feeling).
    """
    end = min(len(norm), start + _WINDOW, len(norm) if limit is None else limit)
    pos = start
    while pos < end:
        m = _TARGET.search(norm, pos, end)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "stop":
            break
        if kind == "time" or (skip_self and kind == "self"):
            pos = m.end()
            continue
        if kind == "thing":
            # "the notes you left me" is about the partner; "that guy who texts you" is not.
            words = m.group(0)
            rel = _RELATIVE_YOU.match(norm, m.end(), end)
            if rel is not None and not _PERSON_IN_NP.search(words):
                return "partner", m.start(), rel.end()
            return "third", m.start(), m.end()
        if kind in {"third", "third2"}:
            return "third", m.start(), m.end()
        return kind, m.start(), m.end()  # type: ignore[return-value]
    return "none", -1, -1


def look_back(norm: str, start: int) -> tuple[Target, int, int]:
    """The first object named earlier in the sentence that ends at ``start``."""
    lo = max(0, start - _WINDOW)
    cut = max(norm.rfind(ch, lo, start) for ch in ".!?\n")
    begin = cut + 1 if cut >= 0 else lo
    pos = begin
    while pos < start:
        target, s, e = find_target(norm, pos, start, skip_self=True)
        if target == "none":
            # A clause break ends one search; the sentence may go on after it.
            nxt = _CLAUSE_BREAK.search(norm, pos, start)
            if nxt is None:
                break
            pos = nxt.end()
            continue
        if target != "ref":
            return target, s, e
        pos = e
    return "none", -1, -1


def exchange_anchor(norm: str, start: int, end: int) -> tuple[str, int, int]:
    """Whether the sentence around ``[start, end)`` is anchored to this exchange.

    Returns ``"exchange"`` ("telling you this", "reading your message"),
    ``"now"`` ("right now", "rn") or ``""``, with the anchor's span.
    """
    lo = max(0, start - _WINDOW)
    hi = min(len(norm), end + _WINDOW)
    stop = _SENTENCE_STOP.search(norm, end, hi)
    hi = stop.start() if stop else hi
    cut = max(norm.rfind(ch, lo, start) for ch in ".!?\n")
    lo = cut + 1 if cut >= 0 else lo
    m = _EXCHANGE.search(norm, lo, hi)
    if m is not None:
        return "exchange", m.start(), m.end()
    m = _NOW.search(norm, lo, hi)
    if m is not None:
        return "now", m.start(), m.end()
    return "", -1, -1
