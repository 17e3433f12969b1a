"""Here-and-now anchors: is a feeling tied to this very exchange, or to this moment?

``spec/criteria.md`` section 1: present means now, "or anchored to this
moment ('right now', 'as I write this', 'telling you this', 'just now',
'tonight with you')". An anchor to the exchange lifts a feeling about the
self to level 4 ("ashamed telling you this"); "right now" lifts a feeling
with no object ("im blushing so hard rn"). Only the feeling's sentence is
searched, within a bounded window, so the cost per feeling is constant.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.scan import holds_any

__all__ = ["anchor_near"]

_WINDOW: Final = 120
_SENTENCE_STOP: Final = re.compile(r"[.!?\n]")

_EXCHANGE: Final = re.compile(
    r"\b(?:(?:telling|tell|told|saying|say|admitting|admit|writing|write|typing|type|"
    r"texting|text|sending|send|asking|ask|sharing|share)\s+(?:you\s+|u\s+)?"
    r"(?:this|that|all\s+this|these)|(?:saying|say|admitting|admit|writing|write|typing|type)"
    r"\s+it\b(?!\s+(?:to|in\s+front\s+of|at|when|if)\b)"
    r"|(?:telling|tell|admitting|admit|saying)\s+(?:to\s+)?"
    r"(?:you|u)\b|as\s+i\s+(?:write|type|say|read|tell)|reading\s+(?:your|ur|this|that)|"
    r"(?:you|u)\s+just\s+(?:said|wrote|told|asked|did|sent|texted)|just\s+now|"
    r"hearing\s+(?:myself|(?:it|this|that|you)\s+(?:now|say\s+(?:it|that|this)))|"
    r"(?:seeing|reading)\s+(?:this|that|your|ur)\s+(?:message|text|words|now)|"
    r"this\s+conversation|this\s+chat|talking\s+to\s+(?:you|u)|"
    r"(?:with|to)\s+(?:you|u)\s+(?:right\s+)?now|tonight\s+with\s+(?:you|u)|"
    r"(?:at|in)\s+this\s+(?:very\s+)?moment|to\s+(?:you|u)\s+like\s+this)\b"
)
_EXCHANGE_KEYS: Final = (
    "tell",
    "told",
    "say",
    "admit",
    "writ",
    "typ",
    "text",
    "send",
    "ask",
    "shar",
    "read",
    "just",
    "hearing",
    "conversation",
    "chat",
    "talking",
    "moment",
    "like this",
    "tonight",
    "now",
)
_NOW_KEYS: Final = ("now", "rn", "atm", "moment")
_NOW: Final = re.compile(r"\b(?:right\s+now|rn|atm|at\s+the\s+moment)\b")


def anchor_near(norm: str, start: int, end: int) -> tuple[str, int, int]:
    """The strongest here-and-now anchor in the sentence around ``[start, end)``.

    ``"exchange"`` anchors tie a feeling to this exchange ("telling you this",
    "reading your message"), ``"now"`` ones to this moment ("right now",
    "rn"); ``("", -1, -1)`` when there is none. Only the sentence (at most a
    window either side) is searched, so the cost per feeling is bounded.
    """
    lo = max(0, start - _WINDOW)
    hi = min(len(norm), end + _WINDOW)
    stop = _SENTENCE_STOP.search(norm, end, hi)
    hi = stop.start() if stop else hi
    cut = max(norm.rfind(ch, lo, start) for ch in ".!?\n")
    lo = cut + 1 if cut >= 0 else lo
    # Every anchor holds one of a few words: look for those first (str.find is
    # far cheaper than the anchor regexes, and most sentences have none).
    sentence = norm[lo:hi]
    if holds_any(sentence, _EXCHANGE_KEYS):
        m = _EXCHANGE.search(norm, lo, hi)
        if m is not None:
            return "exchange", m.start(), m.end()
    if holds_any(sentence, _NOW_KEYS):
        m = _NOW.search(norm, lo, hi)
        if m is not None:
            return "now", m.start(), m.end()
    return "", -1, -1
