"""Replay the gold conversations and compare depth, patterns and criteria.

Usage::

    .venv/bin/python benchmarks/conversations.py ../shared/corpus/conversations/
    .venv/bin/python benchmarks/conversations.py c01.json c02.json [--cost-repeat 20000]

Each argument is a conversation file or a directory of ``*.json`` files in the
gold format (``spec/criteria.md`` section 6). Every message goes through the
real analyzer (``intimacy_rules.analysis.analyzer``) and the conversation
state. Printed per conversation: depth expected/got, patterns expected/got,
and each clear-cut criterion (low < 0.4, high >= 0.6) against its score; then
the totals. Only ids, labels and scores are printed, never message text.

The last line is the state's per-message cost: microseconds for
``advance`` + ``snapshot`` at message 10 and at message 10,000 of one synthetic
conversation (the target is within 1.2x), as the median of several batches.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.conversation.files import ConversationFile, load_conversation_file
from intimacy_rules.conversation.replay import (
    HIGH_FROM,
    LOW_BELOW,
    ConversationReport,
    MessageAnalyzer,
    replay_conversation,
)
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.errors import InputError


def conversation_paths(arguments: Iterable[str]) -> list[Path]:
    """The files named, with each directory expanded to its ``*.json`` files."""
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        paths.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return paths


def default_analyzer() -> MessageAnalyzer:
    """The project's analyzer, imported only when the benchmark runs."""
    from intimacy_rules.analysis import analyzer as module  # noqa: PLC0415

    analyzer_class = getattr(module, "Analyzer", None)
    if analyzer_class is not None:
        built: MessageAnalyzer = analyzer_class()
        return built
    analyze = module.analyze

    class _FunctionAnalyzer:
        def analyze(self, text: str) -> MessageAnalysis:
            result: MessageAnalysis = analyze(text)
            return result

    return _FunctionAnalyzer()


class Tally:
    """Running totals over the conversations compared."""

    def __init__(self) -> None:
        self.conversations = 0
        self.depth_exact = 0
        self.patterns_exact = 0
        self.criteria_right = 0
        self.criteria_total = 0

    def compare(self, conversation: ConversationFile, report: ConversationReport) -> str:
        """One line comparing ``report`` with the file's ``expect``; counts it."""
        expect = conversation.expect
        if expect is None:
            return f"{conversation.id}: no expect; got {report.model_dump_json()}"
        self.conversations += 1
        parts = [conversation.id]
        if expect.depth is not None:
            ok = expect.depth == report.depth
            self.depth_exact += ok
            parts.append(f"depth {expect.depth}/{report.depth}{'' if ok else ' MISS'}")
        if expect.patterns is not None:
            ok = set(expect.patterns) == set(report.patterns)
            self.patterns_exact += ok
            parts.append(
                f"patterns {sorted(expect.patterns)}/{sorted(report.patterns)}"
                f"{'' if ok else ' MISS'}"
            )
        for name, side in sorted(expect.criteria.items()):
            score = getattr(report.criteria, name)
            ok = score < LOW_BELOW if side == "low" else score >= HIGH_FROM
            self.criteria_total += 1
            self.criteria_right += ok
            parts.append(f"{name} {side} {score:.3f}{'' if ok else ' MISS'}")
        return "  ".join(parts)

    def summary(self) -> str:
        """The totals line."""
        n = self.conversations
        return (
            f"patterns exact {self.patterns_exact}/{n}, "
            f"criteria on the right side {self.criteria_right}/{self.criteria_total}, "
            f"depth exact {self.depth_exact}/{n}"
        )


def trace(conversation: ConversationFile, analyzer: MessageAnalyzer) -> str:
    """Each message's labels as the analyzer saw them: sender number, level, flags, safety."""
    senders: dict[str, int] = {}
    lines = []
    for index, message in enumerate(conversation.messages, start=1):
        analysis = analyzer.analyze(message.text)
        who = senders.setdefault(message.sender, len(senders))
        labels = ",".join((*analysis.flags, *analysis.safety)) or "-"
        lines.append(f"    {index:>3} p{who} level {analysis.level} {labels}")
    return "\n".join(lines)


def _synthetic(count: int) -> list[MessageAnalysis]:
    """A varied cycle of analyses: every level, flag mix and safety category."""
    cycle = [
        (0, (), ()),
        (1, (), ()),
        (2, ("advice",), ()),
        (3, ("thought_as_feeling",), ()),
        (4, ("bid_for_closeness",), ()),
        (0, ("criticism",), ("contempt",)),
        (0, ("controlling", "merging"), ()),
        (2, (), ("crisis",)),
    ]
    return [
        MessageAnalysis(
            level=level,
            disclosure=Disclosure(facts=level >= 1, feelings=level >= 2),
            flags=flags,
            safety=safety,
        )
        for level, flags, safety in (cycle[i % len(cycle)] for i in range(count))
    ]


def _state_before(message: int) -> tuple[ConversationState, str, MessageAnalysis, datetime]:
    """A synthetic conversation just before its ``message``-th message, and that message.

    The measured message is the same at every length (a level-3 reply from
    the second participant), so only the conversation's length differs.
    """
    start = datetime(2026, 1, 1, tzinfo=UTC)
    state = ConversationState.start(match_age_hours=1.0, platform="dating")
    for index, analysis in enumerate(_synthetic(message - 1)):
        state = state.advance("ab"[index % 2], analysis, start + timedelta(seconds=index))
    measured = MessageAnalysis(level=3, disclosure=Disclosure(facts=True, feelings=True))
    return state, "b", measured, start + timedelta(seconds=message)


def costs_at(messages: Sequence[int], repeat: int, batches: int = 9) -> list[float]:
    """Median µs of ``advance`` + ``snapshot`` at each message number.

    The batches of the different message numbers are interleaved, so a noisy
    neighbour on a shared machine slows them alike.
    """
    cases = [_state_before(message) for message in messages]
    timings: list[list[float]] = [[] for _ in cases]
    for _ in range(batches):
        for case, (state, sender, analysis, at) in enumerate(cases):
            began = time.perf_counter()
            for _ in range(repeat):
                state.advance(sender, analysis, at).snapshot(sender)
            timings[case].append((time.perf_counter() - began) / repeat * 1e6)
    return [statistics.median(case) for case in timings]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 when a file cannot be read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="+", help="conversation files or directories")
    parser.add_argument("--cost-repeat", type=int, default=5000, help="calls per timing batch")
    parser.add_argument("--no-cost", action="store_true", help="skip the cost measurement")
    parser.add_argument(
        "--trace",
        action="store_true",
        help="also print each message's labels (level, flags, safety; never its text)",
    )
    args = parser.parse_args(argv)

    analyzer = default_analyzer()
    tally = Tally()
    status = 0
    for path in conversation_paths(args.paths):
        try:
            conversation = load_conversation_file(path)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        print(tally.compare(conversation, replay_conversation(conversation, analyzer)))
        if args.trace:
            print(trace(conversation, analyzer))
    print(tally.summary())
    if not args.no_cost:
        early, late = costs_at((10, 10_000), args.cost_repeat)
        size = len(_state_before(10_001)[0].model_dump_json())
        print(
            f"state cost per message (advance + snapshot): message 10 {early:.2f} µs, "
            f"message 10,000 {late:.2f} µs, ratio {late / early:.2f}x; "
            f"state JSON after 10,000 messages {size} bytes"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
