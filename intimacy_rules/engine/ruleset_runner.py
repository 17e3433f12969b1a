"""Run ruleset test files through a real engine and check what operators expect.

``run_test_file`` plays every case of a test file (``rules/ruleset_tests.py``
holds the format) through an ``Engine`` with the ruleset the file names, an
in-memory store, and a fixed key, clock and ids, so a run decides the same
way every time. Each expectation that fails is reported naming the case, the
message (number and sender, never its text) and the difference between the
rules expected and fired. The runner lives beside the engine it drives, so
the rules package never imports the engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.engine import Analyzer, Engine
from intimacy_rules.engine.memory_store import InMemoryStore
from intimacy_rules.errors import InputError
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.loader import load_ruleset
from intimacy_rules.rules.ruleset_tests import FIXTURE_START, Expectation, load_test_file

__all__ = ["CaseResult", "FileResult", "run_test_file"]

_FIXED_KEY = b"ruleset-tests-fixed-key-32-bytes"


@dataclass
class CaseResult:
    """The outcome of one case: empty ``failures`` means it passed."""

    name: str
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """Whether every expectation of the case held."""
        return not self.failures


@dataclass
class FileResult:
    """The outcome of one test file, and which rules its cases asserted to fire."""

    path: Path
    ruleset: str
    revision: str
    rules: tuple[str, ...]
    cases: list[CaseResult] = field(default_factory=list)
    exercised: set[str] = field(default_factory=set)

    @property
    def passed(self) -> bool:
        """Whether every case passed."""
        return all(case.passed for case in self.cases)


def _check(expectation: Expectation, decision: Decision, where: str) -> list[str]:
    fired = [rule.rule_id for rule in decision.fired]
    fired_set = set(fired)
    lines: list[str] = []
    missing = [r for r in expectation.fires if r not in fired_set]
    unexpected = [r for r in expectation.not_fires if r in fired_set]
    if expectation.fires_only is not None:
        only = set(expectation.fires_only)
        missing += [r for r in expectation.fires_only if r not in fired_set and r not in missing]
        unexpected += [r for r in fired if r not in only and r not in unexpected]
    if missing or unexpected:
        lines.append(f"{where}: the rules that fired differ from the expected")
        lines.extend(f"    - {rule}   (expected to fire, did not)" for rule in missing)
        lines.extend(f"    + {rule}   (fired, expected not to)" for rule in unexpected)
        lines.append(f"    fired: {', '.join(fired) if fired else '(none)'}")
    outcomes = [outcome for rule in decision.fired for outcome in rule.outcomes]
    for pattern in expectation.outcomes:
        if not any(pattern.matches(outcome) for outcome in outcomes):
            lines.append(f"{where}: no outcome matches {pattern.describe()}")
            lines.append(f"    outcomes: {_outcomes_text(decision)}")
    for pattern in expectation.no_outcomes:
        hits = [rule.rule_id for rule in decision.fired if any(map(pattern.matches, rule.outcomes))]
        if hits:
            lines.append(
                f"{where}: {pattern.describe()} was produced by {', '.join(hits)}, expected none"
            )
    return lines


def _outcomes_text(decision: Decision) -> str:
    parts = []
    for rule in decision.fired:
        for outcome in rule.outcomes:
            data = outcome.model_dump(exclude={"text"})
            kind = data.pop("type")
            parts.append(f"{rule.rule_id}:{kind}({', '.join(f'{k}={v}' for k, v in data.items())})")
    return "; ".join(parts) if parts else "(none)"


def run_test_file(
    path: Path,
    *,
    ruleset: CompiledRuleset | None = None,
    analyzer: Analyzer | None = None,
    matcher: str = "durable",
    clock: Callable[[], float] = time.perf_counter,
) -> FileResult:
    """Play every case of the test file at ``path`` and check its expectations.

    ``ruleset`` overrides the file's own reference (to test an edited copy).
    Raises ``InputError`` when the file does not parse and ``RulesetError``
    when its ruleset does not load.
    """
    spec = load_test_file(path)
    if ruleset is None:
        target = path.parent / spec.ruleset
        if not target.is_file():
            raise InputError(f"the ruleset {str(target)!r} is not a file", source=str(path))
        ruleset = load_ruleset(target)
    # Fixed key, clock and ids: a test run decides the same way every time.
    engine = Engine(
        ruleset,
        analyzer=analyzer,
        store=InMemoryStore(),
        matcher=matcher,
        pseudonymizer=Pseudonymizer(_FIXED_KEY),
        clock=lambda: FIXTURE_START,
        decision_ids=lambda: "test",
    )
    result = FileResult(
        path=path,
        ruleset=ruleset.name,
        revision=ruleset.revision,
        rules=tuple(rule.id for rule in ruleset.rules),
    )
    known = set(result.rules)
    for number, case in enumerate(spec.cases, start=1):
        started = clock()
        outcome = CaseResult(case.name)
        for expectation in case.expect:
            for rule_id in (
                *expectation.fires,
                *expectation.not_fires,
                *(expectation.fires_only or ()),
            ):
                if rule_id not in known:
                    outcome.failures.append(f"the ruleset has no rule {rule_id!r}")
        wanted: dict[int, list[Expectation]] = {}
        for expectation in case.expect:
            wanted.setdefault(expectation.after, []).append(expectation)
        events = case.events(f"case{number}")
        for index, (message, event) in enumerate(zip(case.messages, events, strict=True), 1):
            decision = engine.process(event)
            for expectation in wanted.get(index, ()):
                kind = ", pre_send" if message.kind == "pre_send" else ""
                where = f"after message {index} ({message.sender}{kind})"
                outcome.failures.extend(_check(expectation, decision, where))
                result.exercised.update(r for r in expectation.fires if r in known)
                result.exercised.update(r for r in expectation.fires_only or () if r in known)
        outcome.seconds = clock() - started
        result.cases.append(outcome)
    engine.close()
    return result
