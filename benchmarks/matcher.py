"""Measure the matchers: µs per match, durable-rules against the pure-Python oracle.

Usage::

    .venv/bin/python benchmarks/matcher.py [--facts 20000] [--ruleset PATH]

Figures, each as median and p99 over ``--facts`` matches of realistic facts
(built with ``build_fact`` from random analyses and conversation snapshots):

- ``build_fact``: the flat fact from the models, every catalogue field, and
  ``fact_builder``: only the fields the default dating ruleset reads (what
  the engine builds per message);
- ``durable``: ``DurableMatcher.match`` (JSON encode, assert, collect every
  fired rule, retract; under the process-wide lock);
- ``reference``: ``ReferenceMatcher.match`` on the same facts.

By default on a 20-rule ruleset built here (the shape of the default
rulesets: flags, safety, levels, patterns, scores, pre_send holds); the
default ``dating`` and ``counseling`` rulesets are measured too. The two
matchers' answers are compared on every fact; a disagreement aborts.
Only timings are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from intimacy_rules.analysis.models import Disclosure, MessageAnalysis
from intimacy_rules.analysis.vocabulary import FLAGS, SAFETY_CATEGORIES
from intimacy_rules.conversation.snapshot import ConversationSnapshot, SpeakerSnapshot
from intimacy_rules.conversation.vocabulary import PATTERNS, CriteriaScores
from intimacy_rules.engine.events import EventContext
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.durable_matcher import DurableMatcher
from intimacy_rules.rules.facts import build_fact, fact_builder
from intimacy_rules.rules.loader import load_default_ruleset, load_ruleset
from intimacy_rules.rules.reference_matcher import ReferenceMatcher

TWENTY_RULES = """
ruleset: {name: bench-20, version: 1, platform: dating}
templates:
  sure: {en: "Send it anyway?"}
  kind: {en: "Try naming the feeling."}
rules:
  - {id: crisis, description: d, priority: 0, when: message.safety.crisis,
     then: [{escalate: {reason: crisis, urgency: urgent}}]}
  - {id: threat, description: d, priority: 1, when: message.safety.threat,
     then: [{escalate: {reason: threat, urgency: urgent}}]}
  - id: hold-unsafe
    description: d
    priority: 5
    when:
      all:
        - {field: event.kind, equals: pre_send}
        - any: [message.safety.contempt, message.safety.threat, message.safety.sexual_pressure]
    then: [{hold: {template: sure, reason: unsafe}}]
  - {id: check-recipient, description: d, when: {all: [message.unsafe, not: message.safety.crisis]},
     then: [{nudge: {to: recipients, template: kind}}]}
  - {id: thought, description: d, when: message.flags.thought_as_feeling,
     then: [{nudge: {to: sender, template: kind}}]}
  - {id: criticism, description: d, when: message.flags.criticism,
     then: [{nudge: {to: sender, template: kind}}]}
  - {id: controlling, description: d, when: message.flags.controlling,
     then: [{signal: {name: controlling}}]}
  - {id: advice-to-feeling, description: d,
     when: {all: [message.flags.advice, {field: partner.max_level, gte: 2}]},
     then: [{signal: {name: advice_over_feeling}}]}
  - {id: love-bombing, description: d,
     when: {all: [conversation.patterns.love_bombing,
                  {field: conversation.match_age_hours, lt: 72}]},
     then: [{signal: {name: love_bombing}}]}
  - {id: premature, description: d, when: conversation.patterns.premature_disclosure,
     then: [{signal: {name: premature_disclosure}}]}
  - {id: pseudo, description: d, when: conversation.patterns.pseudo_intimacy,
     then: [{signal: {name: pseudo_intimacy}}]}
  - {id: mutual, description: d, when: conversation.patterns.mutual_presence,
     then: [{signal: {name: mutual_presence}}]}
  - {id: present, description: d, when: {field: message.level, equals: 4},
     then: [{score: {criterion: immediacy, delta: 0.05}}]}
  - {id: feelings, description: d, when: {field: message.level, gte: 2, lt: 4},
     then: [{signal: {name: feelings}}]}
  - {id: bid, description: d, when: message.flags.bid_for_closeness,
     then: [{signal: {name: bid}}]}
  - {id: stuck, description: d,
     when: {all: [{field: conversation.messages, gte: 20}, {field: conversation.depth, lte: 1}]},
     then: [{nudge: {to: sender, template: kind}}]}
  - {id: unsafe-trend, description: d, when: {field: conversation.scores.safety, lt: 0.4},
     then: [{escalate: {reason: safety_low}}]}
  - {id: merging, description: d, when: {field: speaker.merging_messages, gte: 2},
     then: [{signal: {name: merging}}]}
  - {id: mutuality-low, description: d,
     when: {all: [{field: conversation.scores.mutuality, lt: 0.3},
                  {field: conversation.messages, gte: 10}]},
     then: [{signal: {name: mutuality_low}}]}
  - {id: premium-coach, description: d,
     when: {all: [{field: context.attributes.plan, equals: premium},
                  {field: message.level, gte: 3}]},
     then: [{signal: {name: coach}}]}
"""


def _facts(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    facts = []
    for _ in range(n):
        level = rng.choice([0, 0, 0, 1, 1, 2, 2, 3, 4])
        analysis = MessageAnalysis(
            level=level,
            disclosure=Disclosure(facts=level >= 1, feelings=level >= 2),
            flags=tuple(sorted(f for f in FLAGS if rng.random() < 0.08)),
            safety=tuple(sorted(c for c in SAFETY_CATEGORIES if rng.random() < 0.03)),
        )
        snapshot = ConversationSnapshot(
            messages=rng.randint(1, 200),
            participants=2,
            depth=rng.randint(0, 4),
            scores=CriteriaScores(
                safety=rng.random(), mutuality=rng.random(), separateness=rng.random()
            ),
            patterns=tuple(p for p in PATTERNS if rng.random() < 0.05),
            match_age_hours=rng.choice([None, 1.0, 48.0, 500.0]),
            speaker=SpeakerSnapshot(messages=rng.randint(0, 100), max_level=rng.randint(0, 4)),
            partner=SpeakerSnapshot(messages=rng.randint(0, 100), max_level=rng.randint(0, 4)),
        )
        context = EventContext(
            platform="dating", attributes={"plan": rng.choice(["free", "premium"])}
        )
        facts.append(
            build_fact(analysis, snapshot, context, kind=rng.choice(["message", "pre_send"]))
        )
    return facts


def _time(fn: Callable[[Any], object], items: Sequence[Any]) -> list[float]:
    timings = []
    clock = time.perf_counter_ns
    for item in items:
        started = clock()
        fn(item)
        timings.append((clock() - started) / 1000)
    return timings


def _row(label: str, timings: list[float]) -> str:
    timings = sorted(timings)
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    return f"  {label:<12} median {statistics.median(timings):7.2f} µs   p99 {p99:7.2f} µs"


def bench_ruleset(name: str, ruleset: CompiledRuleset, facts: list[dict[str, Any]]) -> None:
    """Print the figures of one ruleset; abort if the matchers ever disagree."""
    durable, reference = DurableMatcher(ruleset), ReferenceMatcher(ruleset)
    fired = 0
    for fact in facts:
        answer = durable.match(fact)
        if answer != reference.match(fact):
            raise SystemExit(f"{name}: the matchers disagree: {answer} != {reference.match(fact)}")
        fired += len(answer)
    conjuncts = sum(len(r.conjuncts) for r in ruleset.rules)
    print(
        f"{name}: {len(ruleset.rules)} rules, {conjuncts} durable rules in "
        f"{durable.chunks} pass(es), {fired / len(facts):.2f} rules fire per fact"
    )
    print(_row("durable", _time(durable.match, facts)))
    print(_row("reference", _time(reference.match, facts)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--facts", type=int, default=20_000)
    parser.add_argument("--ruleset", type=Path, help="also measure this ruleset file")
    args = parser.parse_args(argv)
    facts = _facts(args.facts)

    analysis = MessageAnalysis(level=3, disclosure=Disclosure(facts=True, feelings=True))
    snapshot = ConversationSnapshot(messages=42, match_age_hours=2.0)
    context = EventContext(platform="dating", attributes={"plan": "premium"})
    print(f"{args.facts} facts")
    print("build_fact:")
    print(
        _row(
            "build_fact",
            _time(
                lambda kind: build_fact(analysis, snapshot, context, kind=kind),
                ["message"] * args.facts,
            ),
        )
    )
    dating_fields = fact_builder({*load_default_ruleset("dating").fields, "event.kind"})
    print(
        _row(
            "dating's",
            _time(
                lambda kind: dating_fields(analysis, snapshot, context, kind=kind),
                ["message"] * args.facts,
            ),
        )
    )
    bench_ruleset("bench-20", load_ruleset("bench-20.yaml", text=TWENTY_RULES), facts)
    for platform in ("dating", "counseling"):
        bench_ruleset(f"default {platform}", load_default_ruleset(platform), facts)
    if args.ruleset is not None:
        bench_ruleset(str(args.ruleset), load_ruleset(args.ruleset), facts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
