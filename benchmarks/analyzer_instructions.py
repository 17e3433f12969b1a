"""Count the machine instructions the analyzer spends per message, under callgrind.

Usage::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no \\
        --callgrind-out-file=/tmp/cg.out \\
        .venv/bin/python benchmarks/analyzer_instructions.py \\
        [--messages FILE.jsonl] [--count 300] [--limit 400]

Counts are steady from run to run where wall-clock figures on a shared machine
are not, so this is how two builds (pure Python and mypyc-compiled, see
docs/analyzer.md) or two revisions are compared. The messages are analysed
once to warm up (regex compilation, caches), then collection is switched on
(``callgrind_control -i on``) around one more pass only; the script prints
how many messages that pass had, and valgrind prints the instructions it
collected: divide. ``--messages`` reads the ``text`` of JSON Lines records
(e.g. a gold corpus, first ``--limit``); without it, ``--count`` generated
chat messages of analyzer_speed.py are used. Message text is never printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyzer_speed import generated_messages, read_messages
from callgrind_window import callgrind_control, counted

from intimacy_rules.analysis.analyzer import Analyzer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--count", type=int, default=300, help="generated messages (default)")
    parser.add_argument("--limit", type=int, default=400, help="first N messages of --messages")
    args = parser.parse_args(argv)
    control = callgrind_control()
    if args.messages:
        texts = read_messages(args.messages)[: args.limit]
    else:
        texts = generated_messages(args.count)
    analyzer = Analyzer()
    for text in texts:  # warm up: compiled patterns, per-text caches of other texts
        analyzer.analyze(text)
    module = sys.modules["intimacy_rules.analysis.level"]
    build = "compiled" if not getattr(module, "__file__", "").endswith(".py") else "pure Python"
    with counted(control):
        for text in texts:
            analyzer.analyze(text)
    print(f"analyzer ({build}): {len(texts)} messages counted under callgrind;")
    print("instructions per message = the 'Collected' total valgrind prints / the messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
