"""Benchmark ``Engine.process`` in-process: per-message latency, floor, and long-run cost.

    .venv/bin/python benchmarks/engine.py [--conversations 200] [--messages 40]

Prints, for the default dating ruleset with the in-memory store and the
durable matcher:

1. p50 / p99 microseconds per message of ``Engine.process`` over made-up,
   realistic two-person conversations (mostly small talk and facts, some
   feelings, a few flags, rare unsafe messages);
2. side by side, in the same run and on the same messages, the floor
   "analyzer + reference matcher" (the analysis plus the pure-Python
   evaluation of the same fact) and the ratio of the two (target: p50 <= 80 µs,
   p99 <= 400 µs, within 3x of the floor);
3. where the time goes, stage by stage, on the same messages in the same
   run (each stage timed on its own call, interleaved message by message):
   the analyzer, the state's advance, its view (the snapshot's values, with
   the scores and patterns computed on first use), the fact, the durable
   match, the decision (``DecisionStepper.decide`` less the stages before it)
   and the store (``Engine.process`` less the analysis and the decision);
   median and p99 of each, and the engine's own overhead, process - analyzer;
4. the cost of message 10,000 of one conversation against message 10
   (target: within 1.2x), each timed on many conversations seeded with the
   same state so only the conversation's length differs;
5. with ``--only instructions``, under callgrind, the instructions the
   engine adds around the analyzer per message: the analyses are made
   beforehand and only ``Engine.process`` is counted, a figure that does not
   move with the machine's load (compare two revisions with it)::

       valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.out \
           .venv/bin/python benchmarks/engine.py --only instructions

Figures on a shared machine are noisy: run it twice and keep the lower.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from callgrind_window import callgrind_control, counted

from intimacy_rules.analysis.analyzer import Analyzer
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.state import ConversationState
from intimacy_rules.engine.engine import Engine, decision_id_factory
from intimacy_rules.engine.events import Event, EventContext
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.engine.stepper import DecisionStepper
from intimacy_rules.engine.store import Transition
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.facts import Fact, fact_builder
from intimacy_rules.rules.loader import load_default_ruleset
from intimacy_rules.rules.matcher import MATCHERS

# Made-up messages, weighted toward what dating chats mostly are.
SMALL_TALK = (
    "Hey! How was your weekend?",
    "What time works for you on Thursday?",
    "Ha, that's hilarious.",
    "Did you end up trying the new ramen place?",
    "I'm around after six if you want to call.",
    "Which part of town do you live in?",
    "Nice, I've never been hiking there.",
    "Sounds good, see you then!",
)
FACTS = (
    "I grew up in a tiny town by the sea.",
    "I work as a nurse, mostly night shifts.",
    "My brother and I started a band in high school.",
    "I moved here two years ago for work.",
)
FEELINGS = (
    "I'm so nervous about my job interview tomorrow.",
    "I loved that concert, it made my whole month.",
    "I've been feeling lonely since my best friend moved away.",
    "I'm proud of how I handled things with my dad.",
)
PRESENT = (
    "I feel really close to you right now.",
    "Talking with you tonight makes me happy.",
    "I'm a bit nervous telling you this, but I like you.",
)
FLAGGED = (
    "You should just quit that job.",
    "I feel like you never take me seriously.",
    "Could we talk about the two of us?",
    "You never listen to me.",
)
UNSAFE = ("You're such a loser.", "Come on, send me a photo.")
T = TypeVar("T")
T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


def conversation_texts(seed: int, length: int) -> list[str]:
    """A deterministic made-up conversation of ``length`` messages."""
    texts = []
    for n in range(length):
        k = (seed * 31 + n * 17) % 100
        pool = (
            UNSAFE
            if k < 2
            else FLAGGED
            if k < 10
            else PRESENT
            if k < 18
            else FEELINGS
            if k < 32
            else FACTS
            if k < 50
            else SMALL_TALK
        )
        texts.append(pool[(seed + n) % len(pool)])
    return texts


def make_event(conversation: str, n: int, text: str) -> Event:
    sender = "ana" if n % 2 == 0 else "ben"
    return Event(
        id=f"{conversation}-{n}",
        conversation_id=conversation,
        sender=sender,
        text=text,
        sent_at=T0 + timedelta(seconds=30 * n),
        recipients=("ben",) if sender == "ana" else ("ana",),
        context=EventContext(platform="dating", match_age_hours=30.0),
    )


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(call: Callable[[T], object], items: Sequence[T], *, collect: bool = True) -> list[float]:
    """Microseconds of ``call(item)`` for each item (garbage collected first, if asked)."""
    out = []
    clock = time.perf_counter_ns
    if collect:
        gc.collect()
    for item in items:
        start = clock()
        call(item)
        out.append((clock() - start) / 1000)
    return out


def bench_latency(conversations: int, messages: int) -> None:
    analyzer = Analyzer()
    ruleset = load_default_ruleset("dating")
    engine = Engine(ruleset, analyzer=analyzer, pseudonymizer=Pseudonymizer(b"b" * 32))
    events = [
        make_event(f"c{c}", n, text)
        for c in range(conversations)
        for n, text in enumerate(conversation_texts(c, messages))
    ]
    # The floor on the same messages: analysis plus the reference evaluator on
    # the very fact the engine will match (state, store and outcomes excluded).
    # The facts are computed beforehand by a stepper like the engine's own.
    reference = MATCHERS["reference"](ruleset)
    stepper = DecisionStepper(
        ruleset,
        reference,
        pseudonymizer=Pseudonymizer(b"b" * 32),
        clock=lambda: T0,
        decision_ids=lambda: "x",
    )
    facts = []
    states: dict[str, ConversationState | None] = {}
    for event in events:
        analysis = analyzer.analyze(event.text)
        advanced, sender = stepper.advance(event, analysis, states.get(event.conversation_id))
        states[event.conversation_id] = advanced
        facts.append(stepper.fact(event, analysis, advanced, sender))

    def floor_step(pair: tuple[Event, Fact]) -> None:
        analyzer.analyze(pair[0].text)
        reference.match(pair[1])

    # warm up: caches, the rules core's first use, branch predictors
    for event in events[: min(200, len(events))]:
        engine.evaluate(event)
    # Interleaved, message by message, so that the machine's load (shared
    # with others) weighs on the engine and on the floor alike.
    process: list[float] = []
    floor: list[float] = []
    gc.collect()
    for event, fact in zip(events, facts, strict=True):
        process.extend(timed(engine.process, [event], collect=False))
        floor.extend(timed(floor_step, [(event, fact)], collect=False))
    p50, p99 = percentile(process, 0.50), percentile(process, 0.99)
    f50, f99 = percentile(floor, 0.50), percentile(floor, 0.99)
    print(f"Engine.process  ({len(events)} messages, {conversations} conversations, durable)")
    print(f"  p50 {p50:8.1f} µs   (target <= 80)")
    print(f"  p99 {p99:8.1f} µs   (target <= 400)")
    print("floor: analyzer + reference matcher, same messages")
    print(f"  p50 {f50:8.1f} µs")
    print(f"  p99 {f99:8.1f} µs")
    print(f"ratio p50 {p50 / f50:5.2f}x, p99 {p99 / f99:5.2f}x   (target <= 3x)")


def bench_stages(conversations: int, messages: int) -> None:
    """Median and p99 of each stage of ``Engine.process`` on the same messages."""
    analyzer = Analyzer()
    ruleset = load_default_ruleset("dating")
    engine = Engine(ruleset, analyzer=analyzer, pseudonymizer=Pseudonymizer(b"b" * 32))
    durable = MATCHERS["durable"](ruleset)
    stepper = DecisionStepper(
        ruleset,
        durable,
        pseudonymizer=Pseudonymizer(b"b" * 32),
        clock=lambda: datetime.now(UTC),
        decision_ids=decision_id_factory(),
    )
    events = [
        make_event(f"s{c}", n, text)
        for c in range(conversations)
        for n, text in enumerate(conversation_texts(c, messages))
    ]
    # the fact as decide() builds it: the fields the rules and templates read
    make_fact = fact_builder(stepper.fact_fields)
    for event in events[: min(200, len(events))]:
        engine.evaluate(event)
    names = ("analyzer", "advance", "view", "build_fact", "match", "decide", "process")
    times: dict[str, list[float]] = {name: [] for name in names}
    states: dict[str, ConversationState | None] = {}
    clock = time.perf_counter_ns
    gc.collect()
    for event in events:
        t0 = clock()
        analysis = analyzer.analyze(event.text)
        t1 = clock()
        before = states.get(event.conversation_id)
        advanced, sender = stepper.advance(event, analysis, before)
        t2 = clock()
        view = advanced.view(sender)  # what decide() builds the fact from
        t3 = clock()
        fact = make_fact(analysis, view, event.context, kind=event.kind)
        t4 = clock()
        durable.match(fact)
        t5 = clock()
        stepper.decide(event, analysis, before)
        t6 = clock()
        engine.process(event)
        t7 = clock()
        states[event.conversation_id] = advanced
        marks = (t0, t1, t2, t3, t4, t5, t6, t7)
        for name, start, end in zip(names, marks, marks[1:], strict=False):
            times[name].append((end - start) / 1000)
    med = {name: statistics.median(samples) for name, samples in times.items()}
    p99 = {name: percentile(samples, 0.99) for name, samples in times.items()}
    parts = ("advance", "view", "build_fact", "match")
    print(f"stages, same {len(events)} messages, each on its own call (µs)")
    print(f"  {'stage':<24} {'median':>8} {'p99':>8}")
    for name in ("analyzer", *parts):
        print(f"  {name:<24} {med[name]:8.1f} {p99[name]:8.1f}")
    print(f"  {'decide (whole)':<24} {med['decide']:8.1f} {p99['decide']:8.1f}")
    decision = med["decide"] - sum(med[name] for name in parts)
    store = med["process"] - med["analyzer"] - med["decide"]
    print(f"  {'decision (decide - above)':<24} {decision:8.1f}")
    print(f"  {'store (process - rest)':<24} {store:8.1f}")
    print(f"  {'process (whole)':<24} {med['process']:8.1f} {p99['process']:8.1f}")
    print(
        f"  overhead process - analyzer: median {med['process'] - med['analyzer']:.1f} µs"
        "   (aim <= 40)"
    )


def _constant(transition: Transition) -> Callable[[ConversationState | None], Transition]:
    return lambda _old: transition


def bench_length(samples: int, long_at: int) -> None:
    ruleset = load_default_ruleset("dating")
    analyzer = Analyzer()
    store = InMemoryStore()
    engine = Engine(ruleset, analyzer=analyzer, store=store, pseudonymizer=Pseudonymizer(b"b" * 32))
    texts = conversation_texts(7, long_at)
    # Grow one conversation to ``long_at - 1`` messages (and one to 9), then seed
    # many conversations with each state: message 10 and message ``long_at``
    # are then timed under identical conditions but for the length.
    for n, text in enumerate(texts[: long_at - 1]):
        engine.process(make_event("grow", n, text))
    long_state = store.load_state("default", "grow")
    engine.erase("grow")
    for n, text in enumerate(texts[:9]):
        engine.process(make_event("short", n, text))
    short_state = store.load_state("default", "short")
    assert long_state is not None
    assert short_state is not None
    assert long_state.messages == long_at - 1
    probe = texts[9]

    def seeded(state: ConversationState, prefix: str, number: int) -> list[Event]:
        events = []
        for s in range(samples):
            conversation = f"{prefix}{s}"
            seed_event = make_event(conversation, number - 2, probe)
            decision = engine.evaluate(seed_event)
            store.apply(
                "default", conversation, f"seed-{s}", _constant(Transition(state, decision))
            )
            events.append(make_event(conversation, number - 1, probe))
        return events

    short = seeded(short_state, "s", 10)
    long = seeded(long_state, "l", long_at)
    for event in short[:50]:
        engine.evaluate(event)
    # interleave so drift in machine load hits both alike
    at_10: list[float] = []
    at_long: list[float] = []
    for a, b in zip(short, long, strict=True):
        at_10.extend(timed(engine.process, [a], collect=False))
        at_long.extend(timed(engine.process, [b], collect=False))
    m10, mlong = statistics.median(at_10), statistics.median(at_long)
    print(f"cost at message {long_at:,} vs message 10 ({samples} samples each, median)")
    print(f"  message 10      {m10:8.1f} µs")
    print(f"  message {long_at:<6,}  {mlong:8.1f} µs")
    print(f"  ratio {mlong / m10:5.2f}x   (target <= 1.2x)")


class _Remembered:
    """An analyzer that answers from analyses made beforehand (to count the rest)."""

    def __init__(self, analyses: dict[str, MessageAnalysis]) -> None:
        self._analyses = analyses

    def analyze(self, text: str) -> MessageAnalysis:
        return self._analyses[text]


def bench_instructions(conversations: int, messages: int) -> None:
    """Count, under callgrind, the instructions of ``Engine.process`` less the analyzer."""
    control = callgrind_control()
    analyzer = Analyzer()
    texts = [conversation_texts(c, messages) for c in range(conversations + 10)]  # 10 to warm up
    analyses = {text: analyzer.analyze(text) for conversation in texts for text in conversation}
    engine = Engine(
        load_default_ruleset("dating"),
        analyzer=_Remembered(analyses),
        pseudonymizer=Pseudonymizer(b"b" * 32),
    )
    for c, conversation in enumerate(texts[:10]):
        for n, text in enumerate(conversation):
            engine.process(make_event(f"w{c}", n, text))
    events = [
        make_event(f"c{c}", n, text)
        for c, conversation in enumerate(texts[10:])
        for n, text in enumerate(conversation)
    ]
    with counted(control):
        for event in events:
            engine.process(event)
    print(f"Engine.process less the analyzer: {len(events)} messages counted under callgrind;")
    print("instructions per message = the 'Collected' total valgrind prints / the messages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--conversations", type=int, help="default: 200 (25 for instructions, under callgrind)"
    )
    parser.add_argument("--messages", type=int, default=40)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--long-at", type=int, default=10_000)
    parser.add_argument(
        "--only",
        choices=("latency", "stages", "length", "instructions"),
        action="append",
        help="run only these parts (repeatable; default: all)",
    )
    args = parser.parse_args()
    parts = set(args.only or ("latency", "stages", "length"))
    if "latency" in parts:
        bench_latency(args.conversations or 200, args.messages)
    if "stages" in parts:
        bench_stages(args.conversations or 200, args.messages)
    if "length" in parts:
        bench_length(args.samples, args.long_at)
    if "instructions" in parts:  # under callgrind only, so never by default
        bench_instructions(args.conversations or 25, args.messages)


if __name__ == "__main__":
    main()
