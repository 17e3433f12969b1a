"""Measure how fast the analyzer is, per message and per kilobyte.

Usage::

    .venv/bin/python benchmarks/analyzer_speed.py [--messages FILE.jsonl] [--rounds 5]
        [--no-linearity]

Per message: every message is analysed ``--rounds`` times in-process, pinned to
one CPU core when the platform allows it; each call is timed alone, and the
median and p99 microseconds per call and the messages per second are
printed. Messages come from ``--messages`` (JSON Lines with a ``text``
field, e.g. a gold corpus) or, by default, from chat-length sentences this
script builds itself from a seeded generator.

Stages: the median microseconds of normalising, the language check, the
level grading, the flag detectors and the safety detectors, each alone.

Linearity: one long text of 1 KB, 10 KB, 100 KB and 1 MB (and a few
pathological ones: one repeated character, no spaces, only "I") is analysed
and the microseconds per kilobyte are printed: a linear analyzer keeps that
figure roughly flat. (The level is graded on the first
``text.MAX_ANALYZED_CHARS`` characters; flags and safety read everything.)
An empty-loop gauge is printed first: figures taken on a loaded machine are
inflated by about its ratio to an idle core's 10-20 ns. Message text is never
printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

_SUBJECTS = ("I'm", "im", "I've been", "I was", "I feel", "honestly I'm", "ngl i feel")
_FEELINGS = ("so nervous", "really happy", "kinda lonely", "sooo angry", "ashamed", "scared")
_OBJECTS = (
    "about us",
    "at my boss",
    "with you right now",
    "telling you this",
    "about the move",
    "lately",
    "after the game last week",
)
_OTHERS = (
    "what time works for you tomorrow?",
    "my sister moved to Porto last spring.",
    "you never listen to me.",
    "I feel like you don't care anymore.",
    "can we talk about us tonight?",
    "lol that movie was way too long 😂",
    "I grew up near the coast and still miss the sea.",
    "you should just ask your manager for a raise.",
    "she was really mad at me after dinner.",
    "I'm gonna crush it at the interview 💪",
)


def generated_messages(count: int, seed: int = 7) -> list[str]:
    """``count`` varied chat-length messages built from our own templates."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(count):
        parts = [
            f"{rng.choice(_SUBJECTS)} {rng.choice(_FEELINGS)} {rng.choice(_OBJECTS)}."
            for _ in range(rng.randint(0, 2))
        ]
        parts.extend(rng.choice(_OTHERS) for _ in range(rng.randint(1, 2)))
        rng.shuffle(parts)
        out.append(" ".join(parts))
    return out


def read_messages(path: Path) -> list[str]:
    """The ``text`` of every JSON Lines record in ``path`` that has one."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if isinstance(record, dict) and isinstance(record.get("text"), str):
                    texts.append(record["text"])
    return texts


def pin_to_one_core() -> str:
    """Pin this process to one CPU so the figures are single-core; say which."""
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity here)"


def per_message(analyze: Callable[[str], object], texts: Sequence[str], rounds: int) -> None:
    """Print median and p99 µs per message and messages per second."""
    for text in texts[:200]:
        analyze(text)  # warm caches and the lazily built default analyzer
    timings: list[int] = []
    clock = time.perf_counter_ns
    started = clock()
    for _ in range(rounds):
        for text in texts:
            t0 = clock()
            analyze(text)
            timings.append(clock() - t0)
    elapsed = (clock() - started) / 1e9
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    mean_chars = statistics.fmean(len(t) for t in texts)
    print(f"messages: {len(texts)} x {rounds} rounds, mean length {mean_chars:.0f} chars")
    print(f"  median   {statistics.median(timings) / 1000:8.2f} µs per message")
    print(f"  p99      {p99 / 1000:8.2f} µs per message")
    print(f"  rate     {len(timings) / elapsed:8.0f} messages per second (timer included)")


def breakdown(texts: Sequence[str], rounds: int) -> None:
    """Print the median µs of each stage, so a slow stage is easy to find."""
    from intimacy_rules.analysis.flags import detect_flags  # noqa: PLC0415
    from intimacy_rules.analysis.language import is_english  # noqa: PLC0415
    from intimacy_rules.analysis.level import grade  # noqa: PLC0415
    from intimacy_rules.analysis.safety import detect_safety  # noqa: PLC0415
    from intimacy_rules.analysis.text import normalize  # noqa: PLC0415

    norms = [normalize(t) for t in texts]
    stages: dict[str, tuple[Callable[[str], object], Sequence[str]]] = {
        "normalize": (normalize, texts),
        "language": (is_english, norms),
        "level (grade)": (grade, norms),
        "flags": (detect_flags, norms),
        "safety": (detect_safety, norms),
    }
    clock = time.perf_counter_ns
    print("stages (median µs per message):")
    for name, (stage, inputs) in stages.items():
        timings: list[int] = []
        for _ in range(rounds):
            for item in inputs:
                t0 = clock()
                stage(item)
                timings.append(clock() - t0)
        print(f"  {name:<14} {statistics.median(timings) / 1000:8.2f}")


def calibration() -> float:
    """Nanoseconds per iteration of an empty Python loop: a load gauge for the figures."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter_ns()
        for _ in range(200_000):
            pass
        best = min(best, (time.perf_counter_ns() - t0) / 200_000)
    return best


def _time_once(analyze: Callable[[str], object], text: str, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        t0 = time.perf_counter()
        analyze(text)
        best = min(best, time.perf_counter() - t0)
    return best


def linearity(analyze: Callable[[str], object]) -> None:
    """Print µs per KB for growing texts and for pathological ones."""
    base = " ".join(generated_messages(400, seed=11))
    print("linearity (best of 3; a flat µs/KB means linear cost):")
    for size in (1_000, 10_000, 100_000, 1_000_000):
        text = (base * (size // len(base) + 1))[:size]
        seconds = _time_once(analyze, text, 3 if size < 1_000_000 else 2)
        print(
            f"  {size // 1000:5d} KB  {seconds * 1e6 / (size / 1000):9.2f} µs/KB  {seconds:7.3f} s"
        )
    megabyte = 1_000_000
    pathological = {
        "1 MB of one letter": "a" * megabyte,
        "1 MB of 'i '": "i " * (megabyte // 2),
        "1 MB of '!'": "!" * megabyte,
        "1 MB of 'so '": "so " * (megabyte // 3),
        "1 MB of 'im so sad '": ("im so sad " * (megabyte // 10 + 1))[:megabyte],
    }
    for name, text in pathological.items():
        seconds = _time_once(analyze, text, 1)
        print(f"  {name:<24} {seconds:7.3f} s")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--count", type=int, default=2000, help="generated messages (default)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the messages")
    parser.add_argument("--no-linearity", action="store_true", help="skip the long texts")
    args = parser.parse_args(argv)

    from intimacy_rules.analysis.analyzer import analyze  # noqa: PLC0415

    print(pin_to_one_core(), f"Python {sys.version.split()[0]}")
    # An idle modern core runs an empty loop in ~10-20 ns; more means a loaded machine.
    print(f"empty-loop gauge: {calibration():.1f} ns per iteration")
    texts = read_messages(args.messages) if args.messages else generated_messages(args.count)
    if not texts:
        print("no messages to measure", file=sys.stderr)
        return 1
    per_message(analyze, texts, args.rounds)
    breakdown(texts, args.rounds)
    if not args.no_linearity:
        linearity(analyze)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
