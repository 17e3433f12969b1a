"""The names of the domain contract (``spec/criteria.md``): levels, flags, safety.

These tuples are the single source of the vocabulary. Models, the ruleset
schema and the CLI all read them from here, so a name can never be accepted
in one place and unknown in another.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final, Literal, get_args

__all__ = [
    "FLAGS",
    "LEVEL_NAMES",
    "SAFETY_CATEGORIES",
    "Flag",
    "Level",
    "SafetyCategory",
]


class Level(IntEnum):
    """How deep one message goes: the deepest self-disclosure in it."""

    NONE = 0
    FACTS = 1
    FEELINGS_ABOUT_OTHERS = 2
    FEELINGS_ABOUT_SELF = 3
    PRESENT_INTIMATE = 4

    @property
    def label(self) -> str:
        """The contract's name for the level, e.g. ``present_intimate``."""
        return self.name.lower()


Flag = Literal[
    "advice",
    "bid_for_closeness",
    "controlling",
    "criticism",
    "merging",
    "thought_as_feeling",
]
SafetyCategory = Literal["contempt", "crisis", "sexual_pressure", "threat"]

FLAGS: Final[tuple[Flag, ...]] = get_args(Flag)
SAFETY_CATEGORIES: Final[tuple[SafetyCategory, ...]] = get_args(SafetyCategory)
LEVEL_NAMES: Final[tuple[str, ...]] = tuple(level.label for level in Level)
