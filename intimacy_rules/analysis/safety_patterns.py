"""The phrase patterns behind the four safety categories ``safety.detect_safety`` reports.

Built from small word classes (second-person targets, insult nouns, harm
verbs, exposure targets, image nouns, self-harm expressions) following
``spec/criteria.md`` section 3: contempt, threat and sexual pressure are what
the speaker does to the other; crisis is the speaker's own danger. The cues
live in one module per category; this module gathers them.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.contempt_patterns import CONTEMPT
from intimacy_rules.analysis.crisis_patterns import CRISIS
from intimacy_rules.analysis.sexual_pressure_patterns import (
    SEXUAL_PRESSURE,
    SEXUAL_PRESSURE_IN_CONTEXT,
)
from intimacy_rules.analysis.threat_patterns import THREAT

__all__ = [
    "CONTEMPT",
    "CRISIS",
    "SAFETY_RULES",
    "SEXUAL_PRESSURE",
    "SEXUAL_PRESSURE_IN_CONTEXT",
    "THREAT",
]

#: The safety categories, in the order they are tried.
SAFETY_RULES: Final = (CONTEMPT, THREAT, SEXUAL_PRESSURE, SEXUAL_PRESSURE_IN_CONTEXT, CRISIS)
