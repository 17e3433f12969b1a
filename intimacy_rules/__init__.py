"""intimacy-rules: judge chat messages against the criteria of emotional intimacy.

Importing the package has no side effects: nothing is read, started or opened
until a caller builds an ``Analyzer``, an ``Engine``, a server or runs the CLI.
"""

from __future__ import annotations

from intimacy_rules.analysis.models import Disclosure, Evidence, MessageAnalysis
from intimacy_rules.errors import IntimacyRulesError

__version__ = "0.1.0"

__all__ = [
    "Disclosure",
    "Evidence",
    "IntimacyRulesError",
    "MessageAnalysis",
    "__version__",
]
