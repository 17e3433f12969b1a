"""Message flags a detector can see in the words: advice, merging, controlling…

``detect_flags`` takes text already passed through ``text.normalize`` and
returns ``Finding`` objects whose spans index the original text.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.text import Finding

__all__ = ["detect_flags"]

_PATTERNS: Final[tuple[tuple[str, re.Pattern[str], str], ...]] = (
    (
        "advice",
        re.compile(r"\b(?:you should|have you tried|you need to|let me handle)\b"),
        "tells the other what to do",
    ),
    (
        "merging",
        re.compile(r"\b(?:my (?:whole )?world|my everything|nothing without you)\b"),
        "loss of separateness",
    ),
    (
        "controlling",
        re.compile(r"\b(?:tell me where you are|delete his number|give me your password)\b"),
        "directs the other's behaviour",
    ),
    (
        "criticism",
        re.compile(r"\byou(?:'re| are)? (?:always|never|so selfish)\b"),
        "global attack on the other's character",
    ),
    (
        "bid_for_closeness",
        re.compile(r"\b(?:closer to you|talk about us)\b"),
        "wish to be closer",
    ),
)


def detect_flags(norm: str) -> list[Finding]:
    """Return the flags found in normalised text, at most one finding per label."""
    found: list[Finding] = []
    for label, pattern, why in _PATTERNS:
        match = pattern.search(norm)
        if match is not None:
            found.append(Finding(label, match.start(), match.end(), why))
    return found
