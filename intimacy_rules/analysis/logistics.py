"""Logistics: arrangements and errands, which the spec keeps at level 0.

``spec/criteria.md`` section 1: "Logistics and arrangements (bookings, times,
errands) are 0. The speaker's own history, circumstances and acts are facts
(1)." ``facts`` asks these tests before it calls a first-person clause a
fact: "I took Friday off so we could talk" and "I ordered us pizza" arrange
things; "I sat outside your flat last night" does not.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.scan import occurs_as_word

__all__ = ["arranges", "is_errand", "may_arrange"]

# Arrangements are logistics, not disclosure, even when told in the first person.
_LOGISTICS: Final = re.compile(
    r"\b(?:took\s+(?:\w+\s+){0,2}off|days?\s+off|cleared\s+my\s+(?:schedule|calendar)|"
    r"booked|reserved|reservation|running\s+late|tickets?|see\s+(?:you|u)\s+(?:at|in|on|there)|"
    r"on\s+my\s+way|omw|pick\s+(?:you|u)\s+up|be\s+there\s+(?:at|in|by))\b"
)
# Errands and turns of the chat, within one clause: "I ordered us pizza", "I called
# but you didn't pick up", "I asked my boss about Friday" (spec: logistics are 0).
# (At a word start: ``scan.occurs_as_word``. Each alternative opens with a
# literal, so ``re`` skips to them in C.)
_ERRAND: Final = re.compile(
    r"(?:dinner|pizza|takeout|take-out|groceries|recipe|"
    r"called|calling|replied|reply|texted|messaged|almost\s+home|"
    r"about\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow)|"
    r"ordered\s+us|got\s+us|bought\s+us|made\s+us|booked\s+us)\b"
)
# A clause mark, or " but ": "[,;.!?\n]|\sbut\s" written to open with one
# class (the marks and the spaces), which ``re`` skips to in C, where the
# alternation would be tried at every character; the same matches.
_CLAUSE_STOP: Final = re.compile(r"[,;.!?\n\s](?:(?<=[,;.!?\n])|(?<=\s)but\s)")
_LOGISTICS_KEYS: Final = (
    "off",
    "book",
    "reserv",
    "late",
    "way",
    "omw",
    "pick",
    "there",
    "ticket",
    "see ",
)


def may_arrange(norm: str) -> bool:
    """A cheap first look: whether ``norm`` holds any word an arrangement needs."""
    return any(key in norm for key in _LOGISTICS_KEYS)


def is_errand(norm: str, start: int) -> bool:
    """Whether the clause from ``start`` is an errand or a turn of the chat itself."""
    stop = _CLAUSE_STOP.search(norm, start, min(len(norm), start + 120))
    return occurs_as_word(
        _ERRAND, norm, start, stop.start() if stop else min(len(norm), start + 120)
    )


def arranges(norm: str, start: int) -> bool:
    """Whether the sentence from ``start`` makes an arrangement ("took Friday off")."""
    end = norm.find(".", start, start + 160)
    return (
        _LOGISTICS.search(norm, start, end if end >= 0 else min(len(norm), start + 160)) is not None
    )
