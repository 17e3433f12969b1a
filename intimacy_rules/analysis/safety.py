"""Safety categories: contempt, threat, sexual pressure and the speaker's crisis.

``detect_safety`` takes text already passed through ``text.normalize`` and
returns ``Finding`` objects whose spans index the original text.
"""

from __future__ import annotations

import re
from typing import Final

from intimacy_rules.analysis.text import Finding

__all__ = ["detect_safety"]

_PATTERNS: Final[tuple[tuple[str, re.Pattern[str], str], ...]] = (
    (
        "contempt",
        re.compile(r"\b(?:you(?:'re| are) pathetic|loser|idiot)\b"),
        "insult aimed at the other",
    ),
    (
        "threat",
        re.compile(r"\b(?:you'll regret|i know where you live)\b"),
        "intimidation",
    ),
    (
        "sexual_pressure",
        re.compile(r"\b(?:send me a (?:pic|nude)|sleep with me)\b"),
        "pushes for sex or images",
    ),
    (
        "crisis",
        re.compile(r"\b(?:kill myself|want to die|be alive anymore)\b"),
        "signals self-harm or suicidal thinking",
    ),
)


def detect_safety(norm: str) -> list[Finding]:
    """Return the safety categories found in normalised text, one finding per label."""
    found: list[Finding] = []
    for label, pattern, why in _PATTERNS:
        match = pattern.search(norm)
        if match is not None:
            found.append(Finding(label, match.start(), match.end(), why))
    return found
