"""The phrase patterns behind the five flags ``flags.detect_flags`` reports.

Each flag is a ``LabelRules``: named cues built from the word classes in
``word_classes``, following ``spec/criteria.md`` section 2 and its hard cases.
They describe kinds of phrase ("you + should + verb", "imperative at the start
of a clause"), never single sentences. The cues live in ``advice_patterns``,
``control_patterns`` and ``closeness_patterns``; this module gathers them.
"""

from __future__ import annotations

from typing import Final

from intimacy_rules.analysis.advice_patterns import ADVICE
from intimacy_rules.analysis.closeness_patterns import BID_FOR_CLOSENESS, MERGING
from intimacy_rules.analysis.control_patterns import CONTROLLING, CRITICISM

__all__ = ["ADVICE", "BID_FOR_CLOSENESS", "CONTROLLING", "CRITICISM", "FLAG_RULES", "MERGING"]

#: The flags, in the order they are tried.
FLAG_RULES: Final = (ADVICE, BID_FOR_CLOSENESS, CONTROLLING, CRITICISM, MERGING)
