"""Text preparation shared by every detector: normalise without moving offsets.

Detectors match on ``normalize(text)``, which has exactly the length of the
input, so every span they find is also a span of the original text and
evidence can point at what the user wrote.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["MAX_ANALYZED_CHARS", "Finding", "Sentence", "normalize", "sentences"]

#: Text beyond this many characters is not analysed (the analysis says so in
#: its evidence); this keeps the cost of a pathological message bounded.
MAX_ANALYZED_CHARS: Final = 20_000

# One character in, one character out: curly quotes and dashes become ASCII.
_TRANSLATION: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        # Windows-1252 quotes read as Latin-1 (common in exported chat logs).
        "\u0091": "'",
        "\u0092": "'",
        "\u0093": '"',
        "\u0094": '"',
    }
)

# Every character ``_TRANSLATION`` changes.
_FOLDED: Final = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATION)) + "]")

_SENTENCE_END: Final = re.compile(r"[.!?\n]+(?:[\"')\]]*)(?=\s|$)|\n+")


class Finding(NamedTuple):
    """One label a detector found: the label, its span in the text, and why."""

    label: str
    start: int
    end: int
    why: str


class Sentence(NamedTuple):
    """A sentence's span in the text."""

    start: int
    end: int


def normalize(text: str) -> str:
    """Lower-case ``text`` and fold quotes and dashes, keeping its exact length."""
    if text.isascii() and "`" not in text:
        return text.lower()  # nothing to fold, and ASCII case folding keeps length
    # ``translate`` looks every character of a non-ASCII text up in the table
    # (an int object and a dict lookup each); most such texts (emoji, accents)
    # hold none of the characters it folds, which one class scan finds in C.
    folded = text if _FOLDED.search(text) is None else text.translate(_TRANSLATION)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters (e.g. 'İ') grow when lower-cased: do it one by one.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentence spans (linear time, no backtracking)."""
    spans: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append(Sentence(start, end))
        start = end
    if text[start:].strip():
        spans.append(Sentence(start, len(text)))
    return spans
