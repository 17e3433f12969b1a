"""Measure the flag and safety detectors alone: median and p99 µs per message.

Usage::

    .venv/bin/python benchmarks/detector_speed.py [--messages FILE.jsonl] [--rounds 5]

Messages are normalised once; then ``detect_flags`` + ``detect_safety``
together, and each family alone, are timed call by call with
``time.perf_counter_ns`` over ``--rounds`` passes, pinned to one core when
the platform allows it. Between calls the per-message caches are cleared, so
every call pays for the whole message as the analyzer's first sight of it
would. Messages come from ``--messages`` (JSON Lines with a ``text`` field)
or from the chat-length generator of ``analyzer_speed.py``. The empty-loop
gauge and the load average are printed, since the machine may be shared.
Message text is never printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analyzer_speed import (
    calibration,
    generated_messages,
    pin_to_one_core,
    read_messages,
)


def _clear_caches() -> None:
    """Forget every per-message cache, whatever the machinery version keeps."""
    from intimacy_rules.analysis import cue_rules  # noqa: PLC0415

    for name in dir(cue_rules):
        clear = getattr(getattr(cue_rules, name), "cache_clear", None)
        if callable(clear):
            clear()


def timings(
    stage: Callable[[str], object], norms: Sequence[str], rounds: int, clear: Callable[[], None]
) -> list[int]:
    """Nanoseconds of each call of ``stage``, caches cleared before each."""
    clock = time.perf_counter_ns
    out: list[int] = []
    for _ in range(rounds):
        for norm in norms:
            clear()
            t0 = clock()
            stage(norm)
            out.append(clock() - t0)
    return out


def report(name: str, values: list[int], overhead: float) -> None:
    """Print the median and p99 µs of ``values`` minus the timer's own overhead."""
    values.sort()
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    median = statistics.median(values)
    median_us = (median - overhead) / 1000
    p99_us = (p99 - overhead) / 1000
    print(f"  {name:<22} median {median_us:7.2f} µs   p99 {p99_us:8.2f} µs")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--count", type=int, default=2000, help="generated messages (default)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the messages")
    args = parser.parse_args(argv)

    from intimacy_rules.analysis.flags import detect_flags  # noqa: PLC0415
    from intimacy_rules.analysis.safety import detect_safety  # noqa: PLC0415
    from intimacy_rules.analysis.text import normalize  # noqa: PLC0415

    print(pin_to_one_core(), f"Python {sys.version.split()[0]}")
    print(f"empty-loop gauge: {calibration():.1f} ns per iteration")
    if hasattr(os, "getloadavg"):
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    texts = read_messages(args.messages) if args.messages else generated_messages(args.count)
    if not texts:
        print("no messages to measure", file=sys.stderr)
        return 1
    norms = [normalize(text) for text in texts]
    for norm in norms[:200]:  # warm up: imports, lazily compiled patterns
        detect_flags(norm)
        detect_safety(norm)

    def both(norm: str) -> None:
        detect_flags(norm)
        detect_safety(norm)

    overhead = statistics.median(timings(lambda norm: None, norms, 1, _clear_caches))
    print(f"messages: {len(norms)} x {args.rounds} rounds (µs per message, caches cleared)")
    report("flags + safety", timings(both, norms, args.rounds, _clear_caches), overhead)
    report("flags", timings(detect_flags, norms, args.rounds, _clear_caches), overhead)
    report("safety", timings(detect_safety, norms, args.rounds, _clear_caches), overhead)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
