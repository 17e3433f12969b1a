"""The message analyzer: text in, ``MessageAnalysis`` out. Pure and deterministic.

``Analyzer`` and ``analyze`` are loaded on first use (PEP 562), so importing
the package (which every ``intimacy_rules`` import does, for the models)
compiles no detector regex::

    from intimacy_rules.analysis import analyze
    analyze("I'm nervous telling you this.").level  # 4

Modules: ``analyzer`` (the engine), ``level`` (grading 0-4) and its detectors
``feelings``, ``targets``, ``anchors``, ``facts``, ``logistics`` and ``thought``;
``lexicon`` and ``patterns`` (our word lists); ``language``, ``scan`` and
``text`` (helpers); ``flags`` and ``safety`` (flag and safety detectors);
``models`` and ``vocabulary`` (the contract).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intimacy_rules.analysis.analyzer import Analyzer, analyze

__all__ = ["Analyzer", "analyze"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from intimacy_rules.analysis import analyzer  # noqa: PLC0415

        return getattr(analyzer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
