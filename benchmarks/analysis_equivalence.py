"""Check that two builds of the analyzer give exactly the same ``MessageAnalysis``.

Usage (pure Python against the mypyc-compiled build, see docs/analyzer.md)::

    # 1. the reference: e.g. the pure-Python venv
    .venv/bin/python benchmarks/analysis_equivalence.py --out /tmp/pure.jsonl CORPUS.jsonl
    # 2. the build under test: e.g. a venv installed with INTIMACY_RULES_COMPILE=1
    /tmp/compiled/.venv/bin/python benchmarks/analysis_equivalence.py \\
        --out /tmp/compiled.jsonl --compare /tmp/pure.jsonl CORPUS.jsonl

The inputs are those of ``detector_equivalence.py`` (corpora, the analysis
tests' sentences, strings generated from every cue pattern, seeded mutations,
long texts up to 1 MB), which compares the flag and safety detectors; this
script compares the whole result of ``Analyzer.analyze``: level, disclosure,
flags, safety and evidence (spans and the cues' own reasons, never message
text). One line per input: its index, a hash of its text and the analysis.
Like detector_equivalence.py, it runs itself with ``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from detector_equivalence import Row, run_digest, text_hash


def _row(index: int, text: str) -> Row:
    from intimacy_rules.analysis.analyzer import analyze  # noqa: PLC0415

    return {"i": index, "h": text_hash(text), "a": analyze(text).model_dump(mode="json")}


def main(argv: Sequence[str] | None = None) -> int:
    """Digest the whole analysis of every input; compare if asked."""
    return run_digest(__doc__.split("\n\n")[0], _row, ("a",), argv)


if __name__ == "__main__":
    sys.exit(main())
