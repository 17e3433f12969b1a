"""The matcher interface: which rules of a compiled ruleset hold for one fact.

Two implementations share the compiled conditions of ``rules.compiled``:

- ``DurableMatcher`` runs them in durable-rules' C core (the production path);
- ``ReferenceMatcher`` evaluates them in plain Python (the test oracle, and
  the floor the engine's speed is compared with).

Both return the ids of *all* rules whose ``when`` holds, in the ruleset's
order (priority, then file order), and both are safe to call from several
threads. Pick one by name from ``MATCHERS``; a test can pass any object with
a ``match`` method instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.durable_matcher import DurableMatcher
from intimacy_rules.rules.facts import Fact
from intimacy_rules.rules.reference_matcher import ReferenceMatcher

__all__ = ["MATCHERS", "DurableMatcher", "Matcher", "ReferenceMatcher", "make_matcher"]


class Matcher(Protocol):
    """Matches facts against one compiled ruleset."""

    def match(self, fact: Fact) -> tuple[str, ...]:
        """The ids of every rule whose ``when`` holds for ``fact``, in priority order."""
        ...


MATCHERS: dict[str, Callable[[CompiledRuleset], Matcher]] = {
    "durable": DurableMatcher,
    "reference": ReferenceMatcher,
}


def make_matcher(ruleset: CompiledRuleset, kind: str = "durable") -> Matcher:
    """Build the matcher registered under ``kind`` for ``ruleset``."""
    try:
        factory = MATCHERS[kind]
    except KeyError:
        raise ValueError(
            f"unknown matcher {kind!r}; known: {', '.join(sorted(MATCHERS))}"
        ) from None
    return factory(ruleset)
