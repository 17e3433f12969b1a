"""The machinery the flag and safety detectors share: cue rules, guards, scanning.

A label (``threat``, ``advice``…) is a ``LabelRules``: a handful of named phrase
patterns compiled into one alternation, a set of trigger words that must occur
in the message before that alternation is even tried, and per-pattern guards
that veto a match in context (a reported threat, a negation, a joke).

Why this shape:

* speed: most messages contain no trigger word of most labels, so the only
  work done for them is one tokenisation (shared and cached) and a few
  set-disjointness tests;
* safety of cost: every pattern is built from bounded pieces (no nested
  quantifiers) and guards look at a bounded window, so cost stays linear in
  the length of the text;
* explanations: each pattern has a name and a reason, and the reason goes into
  the ``Finding`` so the analyzer's evidence says which cue fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, get_args

from intimacy_rules.analysis.text import Finding
from intimacy_rules.analysis.word_classes import (
    GAME_CONTEXT,
    JOKE_MARKERS,
    LAUGHTER,
    NEGATION_BEFORE,
    REPORTED_BEFORE,
    TEASING,
)
from intimacy_rules.errors import ConfigurationError

__all__ = ["Accept", "Cue", "Guard", "LabelRules", "message_words"]

#: What can veto a cue: a negation or a reporting verb just before it, the
#: sentence being a question, or a joke, laughter, affection or a game near it.
Guard = Literal["negated", "reported", "joke", "laughing", "teasing", "game", "question"]
_GUARDS: Final[frozenset[str]] = frozenset(get_args(Guard))

# Everything but letters, digits and apostrophes separates words for the
# trigger test; emoji become separators, which is what we want there.
_SEPARATORS: Final = re.compile(r"[^a-z0-9']+")

#: How far back (in characters, within the sentence) guards look.
_LOOKBACK: Final = 60
_SENTENCE_MARK: Final = re.compile(r"[.!?\n]")
_GUARD_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "negated": NEGATION_BEFORE,
    "reported": REPORTED_BEFORE,
}


@lru_cache(maxsize=64)
def message_words(norm: str) -> frozenset[str]:
    """The set of words in normalised text (cached: both detectors ask for it)."""
    return frozenset(_SEPARATORS.split(norm))


@dataclass(frozen=True)
class Cue:
    """One named phrase pattern of a label, the reason it gives, and its guards.

    ``pattern`` is a regular expression fragment over normalised text. It must
    not use named groups (the rules use them to tell cues apart) and must not
    nest quantifiers. ``guards`` is a space-separated list of ``Guard`` names.
    """

    name: str
    pattern: str
    why: str
    guards: str = ""

    @property
    def guard_set(self) -> frozenset[str]:
        """The guards as a set of names."""
        return frozenset(self.guards.split())


#: A detector's own veto: given the cue and its span, keep the match or not.
Accept = Callable[["Cue", int, int], bool]


class LabelRules:
    """The cues of one label, compiled once, with the words that gate them."""

    def __init__(self, label: str, triggers: str, cues: tuple[Cue, ...]) -> None:
        """Compile ``cues`` into one alternation; ``triggers`` is a space-separated list."""
        self.label = label
        self.triggers = frozenset(triggers.split())
        self._cues = {cue.name: cue for cue in cues}
        if len(self._cues) != len(cues):
            raise ConfigurationError("duplicate cue names", field=label)
        self._guards = {cue.name: cue.guard_set for cue in cues}
        for cue in cues:
            unknown = self._guards[cue.name] - _GUARDS
            if unknown:
                raise ConfigurationError(f"unknown guards {sorted(unknown)}", field=cue.name)
        alternation = "|".join(f"(?P<{cue.name}>{cue.pattern})" for cue in cues)
        self._regex = re.compile(alternation)

    def applies(self, words: frozenset[str]) -> bool:
        """Whether any trigger word occurs, so the patterns are worth running."""
        return not self.triggers.isdisjoint(words)

    def find(
        self,
        norm: str,
        words: frozenset[str] | None = None,
        accept: Accept | None = None,
    ) -> Finding | None:
        """Return the first match no guard vetoes as a ``Finding``, or ``None``.

        ``accept(cue, start, end)`` lets a detector veto a match with knowledge
        the rules lack (e.g. another label already covers that span).
        """
        if words is None:
            words = message_words(norm)
        if not self.applies(words):
            return None
        for match in self._regex.finditer(norm):
            name = match.lastgroup
            if name is None:  # pragma: no cover - every alternative is named
                continue
            cue = self._cues[name]
            start, end = match.span(name)
            guards = self._guards[name]
            if guards and _vetoed(guards, norm, start, end):
                continue
            if accept is not None and not accept(cue, start, end):
                continue
            return Finding(self.label, start, end, cue.why)
        return None


def _sentence_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    """The bounded window of the sentence around ``[start, end)``."""
    lo = max(0, start - _LOOKBACK)
    before = norm[lo:start]
    # The last sentence mark before the cue starts its sentence.
    cut = max(before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind("\n"))
    if cut >= 0:
        lo += cut + 1
    hi_window = norm[end : end + _LOOKBACK]
    stop = _SENTENCE_MARK.search(hi_window)
    hi = end + (stop.start() if stop else len(hi_window))
    return lo, hi


def _vetoed(guards: frozenset[str], norm: str, start: int, end: int) -> bool:
    lo, hi = _sentence_bounds(norm, start, end)
    before = norm[lo:start]
    for guard in guards:
        pattern = _GUARD_PATTERNS.get(guard)
        if pattern is not None and pattern.search(before):
            return True
    if "question" in guards and norm[hi : hi + 1] == "?":
        return True
    # Jokes and games colour the whole message, not one sentence: "haha now I
    # know where you live 👀 jk" marks the joke after the cue.
    near = norm[max(0, start - 2 * _LOOKBACK) : end + 2 * _LOOKBACK]
    if "joke" in guards and JOKE_MARKERS.search(near):
        return True
    if "laughing" in guards and LAUGHTER.search(near):
        return True
    if "teasing" in guards and TEASING.search(near):
        return True
    return "game" in guards and GAME_CONTEXT.search(near) is not None
