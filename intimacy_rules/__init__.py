"""intimacy-rules: judge chat messages against the criteria of emotional intimacy.

Importing the package has no side effects: nothing is read, started or opened
until a caller builds an ``Analyzer``, an ``Engine``, a server or runs the CLI.
The analyzer, the engine and the ruleset loader are imported on first use
(PEP 562), so ``import intimacy_rules`` stays cheap::

    from intimacy_rules import analyze, Engine, Event
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from intimacy_rules.analysis.models import Disclosure, Evidence, MessageAnalysis
from intimacy_rules.conversation.vocabulary import CriteriaScores
from intimacy_rules.engine.decision import Decision, FiredRule
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.errors import (
    EventError,
    InputError,
    IntimacyRulesError,
    RulesetError,
    RulesetValidationError,
    SignatureError,
    StoreError,
    StoreUnavailableError,
)

if TYPE_CHECKING:
    from intimacy_rules.analysis.analyzer import Analyzer, analyze
    from intimacy_rules.engine.engine import Engine
    from intimacy_rules.engine.memory_store import InMemoryStore
    from intimacy_rules.engine.summary import ConversationSummary
    from intimacy_rules.rules.compiled import CompiledRuleset
    from intimacy_rules.rules.loader import load_default_ruleset, load_ruleset

__version__ = "0.1.0"

__all__ = [
    "Analyzer",
    "CompiledRuleset",
    "ConversationSummary",
    "CriteriaScores",
    "Decision",
    "Disclosure",
    "Engine",
    "Event",
    "EventContext",
    "EventError",
    "Evidence",
    "FiredRule",
    "InMemoryStore",
    "InputError",
    "IntimacyRulesError",
    "MessageAnalysis",
    "RulesetError",
    "RulesetValidationError",
    "SignatureError",
    "StoreError",
    "StoreUnavailableError",
    "__version__",
    "analyze",
    "load_default_ruleset",
    "load_ruleset",
]

# Names loaded on first use, and the module each comes from.
_LAZY: dict[str, str] = {
    "Analyzer": "intimacy_rules.analysis.analyzer",
    "analyze": "intimacy_rules.analysis.analyzer",
    "Engine": "intimacy_rules.engine.engine",
    "InMemoryStore": "intimacy_rules.engine.memory_store",
    "ConversationSummary": "intimacy_rules.engine.summary",
    "CompiledRuleset": "intimacy_rules.rules.compiled",
    "load_ruleset": "intimacy_rules.rules.loader",
    "load_default_ruleset": "intimacy_rules.rules.loader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
