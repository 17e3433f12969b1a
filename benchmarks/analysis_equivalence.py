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

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from detector_equivalence import inputs

_HASH_SEED = "0"


def compare(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> int:
    """Print how many inputs were compared and which differ (indices, fields); count them."""
    if len(ours) != len(theirs):
        print(f"different number of inputs: {len(ours)} vs {len(theirs)}")
        return max(len(ours), len(theirs))
    differences = 0
    for mine, other in zip(ours, theirs, strict=True):
        if mine["h"] != other["h"]:
            print(f"input {mine['i']}: a different text (were the tables the same?)")
            differences += 1
        elif mine["a"] != other["a"]:
            differences += 1
            if differences <= 30:
                fields = sorted(k for k in mine["a"] if mine["a"][k] != other["a"].get(k))
                print(f"input {mine['i']}: differs in {fields}")
    print(f"compared {len(ours)} inputs: {differences} with a different analysis")
    return differences


def main(argv: Sequence[str] | None = None) -> int:
    """Write the digest of every input; compare with a reference digest if given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="CSV, JSON Lines, JSON or folders")
    parser.add_argument("--out", type=Path, required=True, help="where the digest goes")
    parser.add_argument("--compare", type=Path, help="a reference digest to compare with")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != _HASH_SEED:  # see detector_equivalence.main
        os.environ["PYTHONHASHSEED"] = _HASH_SEED
        os.execv(sys.executable, [sys.executable, *sys.argv])

    from intimacy_rules.analysis import level  # noqa: PLC0415
    from intimacy_rules.analysis.analyzer import Analyzer  # noqa: PLC0415

    print(f"code under test: {level.__file__}")
    analyzer = Analyzer()
    rows = [
        {
            "i": i,
            "h": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            "a": analyzer.analyze(text).model_dump(mode="json"),
        }
        for i, text in enumerate(inputs(args.corpora))
    ]
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} inputs, digest in {args.out}")
    if args.compare is None:
        return 0
    with args.compare.open(encoding="utf-8") as handle:
        reference = [json.loads(line) for line in handle]
    return 1 if compare(rows, reference) else 0


if __name__ == "__main__":
    sys.exit(main())
