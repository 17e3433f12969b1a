"""Find where the anchored detectors should look: the speaker's subjects, clause starts.

Python's ``re`` has no fast path for a pattern that opens with ``\\b`` and an
alternation, so running every detector over the whole text would cost
microseconds each. Instead one cheap pass finds the places a detector can
match (an "I" that is a word, the start of a clause) and the detectors
``match`` only there. Both passes are linear in the text.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "clause_starts",
    "first_words",
    "holds_any",
    "may_open",
    "occurs_as_word",
    "subject_positions",
]

# A literal first character keeps this scan on re's fast path; the word
# boundary before the "i" is checked in Python for the few candidates.
_I_CANDIDATE: Final = re.compile(r"(?:i|we)(?='m\s|m\s|'ve\s|ve\s|'re\s|\s)")
# "[b][b]*", not "[b]+": the same matches, but ``re`` skips in C to the next
# break instead of trying the pattern at every character (a pattern opening
# with a repeat gets no such skip).
_CLAUSE_BREAK: Final = re.compile(
    r"[.!?,;:\n(\u2600-\u27bf\U0001f300-\U0001faff][.!?,;:\n(\u2600-\u27bf\U0001f300-\U0001faff]*\s*"
)


def subject_positions(norm: str) -> list[int]:
    """Offsets of every "I" ("i", "i'm", "im", "i've", "i am") or "we" that starts a word."""
    found: list[int] = []
    for m in _I_CANDIDATE.finditer(norm):
        at = m.start()
        if at == 0 or not ((before := norm[at - 1]).isalnum() or before in "'_"):
            found.append(at)
    return found


def clause_starts(norm: str) -> list[int]:
    """Offsets where a clause begins: the text's start, after each break, and after
    " and "/" but " (where "and felt guilty" drops its subject), in order."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(norm)]
    if breaks and breaks[-1] == len(norm):
        breaks.pop()  # a break that ends the text opens nothing (only the last can)
    starts = [len(norm) - len(norm.lstrip()), *breaks]
    for joiner in (" and ", " but "):
        at = norm.find(joiner)
        while at >= 0:
            starts.append(at + len(joiner))
            at = norm.find(joiner, at + len(joiner))
    if len(starts) > 1:
        starts.sort()
    return starts


def first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first word of each phrase ("kind_of" -> "kind"), for ``may_open``."""
    return frozenset(phrase.split("_", 1)[0] for phrase in phrases)


def may_open(norm: str, pos: int, firsts: frozenset[str]) -> bool:
    """Whether the word at ``pos`` can open a pattern whose first words are ``firsts``.

    A cheap test before a clause-start regex: most clauses open with a word no
    pattern starts with. Stretched words ("sooo") always pass, since the
    regexes allow them and the set does not list them.
    """
    word = norm[pos : pos + 24].split(None, 1)
    if not word:
        return False
    first = word[0].rstrip(".,!?;:)")
    return first in firsts or (len(first) > 2 and first[-1] == first[-2])


def occurs_as_word(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int = -1) -> bool:
    """Whether ``pattern`` matches ``text[pos:endpos]`` where a word starts: what
    ``\\b`` + the pattern would find, for a pattern every match of which opens with
    a word character and whose alternatives each open with a literal.

    A pattern opening with ``\\b`` is tried at every character; without it ``re``
    skips in C to the letters its alternatives open with, and the few places
    found are checked for a word start here (``\\b`` before a word character:
    the text's start or a character that is neither alphanumeric nor "_").
    """
    end = len(text) if endpos < 0 else endpos
    found = pattern.search(text, pos, end)
    while found is not None:
        at = found.start()
        if at == 0 or not ((before := text[at - 1]).isalnum() or before == "_"):
            return True
        found = pattern.search(text, at + 1, end)
    return False


def holds_any(text: str, keys: tuple[str, ...]) -> bool:
    """Whether any of ``keys`` occurs in ``text``: the cheap gate before a regex scan."""
    # A plain loop: any() over a generator costs twice as much for a few keys.
    for key in keys:  # noqa: SIM110
        if key in text:
            return True
    return False
