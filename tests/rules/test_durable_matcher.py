"""The durable matcher: every matching rule fires, nothing is left behind, threads are safe."""

from __future__ import annotations

import gc
import resource
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from intimacy_rules.errors import MatcherError
from intimacy_rules.rules import durable_matcher
from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.compiler import compile_ruleset
from intimacy_rules.rules.durable_matcher import CHUNK, DurableMatcher
from intimacy_rules.rules.fields import fact_catalogue
from intimacy_rules.rules.loader import load_ruleset
from intimacy_rules.rules.matcher import MATCHERS, make_matcher
from intimacy_rules.rules.models import RulesetFile
from intimacy_rules.rules.reference_matcher import ReferenceMatcher


def _ruleset(rules: list[tuple[str, Any, int]], name: str = "t") -> CompiledRuleset:
    data = {
        "ruleset": {"name": name, "version": 1, "platform": "any"},
        "rules": [
            {
                "id": rid,
                "description": "d",
                "priority": pri,
                "when": when,
                "then": [{"signal": {"name": "s"}}],
            }
            for rid, when, pri in rules
        ],
    }
    return compile_ruleset(RulesetFile.model_validate(data), content=repr(data).encode())


def _fact(**values: Any) -> dict[str, Any]:
    fact: dict[str, Any] = {}
    for name, spec in fact_catalogue().fields.items():
        if not spec.optional:
            fact[name] = {"bool": False, "int": 0, "float": 0.5, "str": "en"}[spec.type]
    fact["event.kind"] = "message"
    fact.update({k.replace("__", "."): v for k, v in values.items()})
    return fact


LEVELS = _ruleset(
    [
        ("deep", {"field": "message.level", "gte": 3}, 50),
        ("any-feeling", {"field": "message.level", "gte": 2}, 100),
        ("present", {"field": "message.level", "equals": 4}, 10),
        ("advice", "message.flags.advice", 100),
    ]
)


@pytest.fixture
def matcher() -> DurableMatcher:
    return DurableMatcher(LEVELS)


def test_every_matching_rule_fires_in_priority_then_file_order(matcher: DurableMatcher) -> None:
    assert matcher.match(_fact(message__level=4)) == ("present", "deep", "any-feeling")
    assert matcher.match(_fact(message__level=2, message__flags__advice=True)) == (
        "any-feeling",
        "advice",
    )


def test_a_fact_matching_nothing_is_a_normal_empty_answer(matcher: DurableMatcher) -> None:
    assert matcher.match(_fact(message__level=0)) == ()


def test_identical_facts_get_identical_answers_every_time(matcher: DurableMatcher) -> None:
    fact = _fact(message__level=3)
    answers = {matcher.match(fact) for _ in range(2000)}
    assert answers == {("deep", "any-feeling")}


def test_many_matches_leave_no_facts_behind(matcher: DurableMatcher) -> None:
    for level in range(5):  # warm up allocations
        matcher.match(_fact(message__level=level))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for i in range(20_000):
        matcher.match(_fact(message__level=i % 5, message__flags__advice=bool(i % 2)))
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    # 20,000 facts kept would cost tens of MiB; retracted, the session stays flat
    assert grown_kib < 8 * 1024


def test_many_rulesets_and_many_matches_never_reach_the_session_cap() -> None:
    matchers = [
        DurableMatcher(_ruleset([("r", {"field": "message.level", "gte": i % 5}, 100)], f"m{i}"))
        for i in range(40)
    ]
    for i in range(3000):  # 1024 sessions per ruleset would be the cap; we use one
        for m in matchers[:: 1 + i % 7]:
            m.match(_fact(message__level=i % 5))
    assert matchers[4].match(_fact(message__level=4)) == ("r",)
    assert matchers[4].match(_fact(message__level=3)) == ()


def test_dropped_matchers_free_their_durable_rulesets() -> None:
    finalizers = []
    for i in range(300):
        m = DurableMatcher(_ruleset([("r", "message.unsafe", 100)], f"drop{i}"))
        m.match(_fact(message__unsafe=True))
        finalizers.append(m._finalizer)  # the durable rulesets' release
        del m
    gc.collect()
    assert finalizers
    assert not any(f is not None and f.alive for f in finalizers)
    # released handles wait for the next match, to be deleted outside any other's calls
    assert durable_matcher._DOOMED
    survivor = DurableMatcher(LEVELS)
    survivor.match(_fact())
    assert durable_matcher._DOOMED == []


def test_two_revisions_of_one_ruleset_run_side_by_side() -> None:
    old = DurableMatcher(_ruleset([("r", {"field": "message.level", "gte": 2}, 100)], "same"))
    new = DurableMatcher(_ruleset([("r", {"field": "message.level", "gte": 4}, 100)], "same"))
    fact = _fact(message__level=3)
    assert (old.match(fact), new.match(fact)) == (("r",), ())


def test_threads_on_shared_and_separate_matchers_get_correct_answers() -> None:
    shared = DurableMatcher(LEVELS)
    oracle = ReferenceMatcher(LEVELS)
    facts = [_fact(message__level=i % 5, message__flags__advice=i % 3 == 0) for i in range(30)]
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        own = DurableMatcher(
            _ruleset([("own", {"field": "message.level", "equals": seed % 5}, 1)], f"own{seed}")
        )
        try:
            for i in range(600):
                fact = facts[(seed + i) % len(facts)]
                assert shared.match(fact) == oracle.match(fact)
                assert own.match(fact) == (("own",) if fact["message.level"] == seed % 5 else ())
        except BaseException as exc:  # collected: the main thread asserts on them
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_matching_starts_no_threads() -> None:
    before = threading.active_count()
    DurableMatcher(LEVELS).match(_fact(message__level=4))
    assert threading.active_count() == before


def test_a_ruleset_wider_than_one_durable_pass_is_split_and_still_fires_every_rule() -> None:
    wide = _ruleset(
        [(f"r{i}", {"field": "conversation.messages", "gte": -i}, 100) for i in range(150)]
    )
    matcher = DurableMatcher(wide)
    assert matcher.chunks == -(-150 // CHUNK)
    assert matcher.match(_fact()) == tuple(f"r{i}" for i in range(150))


def test_errors_of_the_rules_core_surface_as_matcher_errors_and_the_matcher_recovers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without splitting, one fact satisfying more than 64 distinct tests overflows
    # durable's evaluation stack (error 303): it must be raised, not swallowed.
    monkeypatch.setattr(durable_matcher, "CHUNK", 1000)
    wide = _ruleset(
        [(f"r{i}", {"field": "conversation.messages", "gte": -i}, 100) for i in range(80)]
    )
    matcher = DurableMatcher(wide)
    with pytest.raises(MatcherError, match=r"the rules core failed: .*303"):
        matcher.match(_fact(conversation__messages=100))
    # fresh durable rulesets replace the failed ones: no stale action leaks into this answer
    assert matcher.match(_fact(conversation__messages=-78)) == ("r78", "r79")


def test_a_fact_not_built_by_build_fact_is_refused_clearly(matcher: DurableMatcher) -> None:
    fact = _fact()
    del fact["message.level"]
    with pytest.raises(
        MatcherError, match=r"the fact lacks 'message\.level'; build facts with build_fact"
    ):
        matcher.match(fact)


def test_a_fact_value_that_is_not_a_scalar_is_refused(matcher: DurableMatcher) -> None:
    with pytest.raises(MatcherError, match=r"not a finite scalar"):
        matcher.match(_fact(message__level=[4]))


def test_the_registry_builds_both_matchers_by_name() -> None:
    assert set(MATCHERS) == {"durable", "reference"}
    fact = _fact(message__level=4)
    assert make_matcher(LEVELS, "durable").match(fact) == make_matcher(LEVELS, "reference").match(
        fact
    )
    with pytest.raises(ValueError, match=r"unknown matcher 'drools'; known: durable, reference"):
        make_matcher(LEVELS, "drools")


def test_default_rulesets_agree_across_matchers_on_realistic_facts() -> None:
    for path in sorted((Path(__file__).parents[2] / "rulesets").glob("*.yaml")):
        ruleset = load_ruleset(path)
        durable, reference = DurableMatcher(ruleset), ReferenceMatcher(ruleset)
        for level in range(5):
            for kind in ("message", "pre_send"):
                for flag in ("advice", "merging", "criticism", "thought_as_feeling"):
                    fact = _fact(message__level=level, event__kind=kind)
                    fact[f"message.flags.{flag}"] = True
                    fact["message.safety.contempt"] = level == 1
                    assert durable.match(fact) == reference.match(fact)


def test_a_missing_rules_core_is_a_clear_matcher_error(monkeypatch: pytest.MonkeyPatch) -> None:
    durable_matcher._engine.cache_clear()
    monkeypatch.setitem(sys.modules, "durable_rules_engine", None)  # import now fails
    try:
        with pytest.raises(MatcherError, match=r"durable-rules cannot be imported; reinstall it"):
            DurableMatcher(LEVELS).match(_fact())
    finally:
        durable_matcher._engine.cache_clear()


def test_remembered_parts_of_a_fact_never_leak_into_another() -> None:
    # The matcher remembers the JSON of each combination of booleans and
    # strings; facts that share them but differ in numbers, or the reverse,
    # must still get their own answers, and a value of the wrong kind is
    # still refused after its combination was seen with the right one.
    for path in sorted((Path(__file__).parents[2] / "rulesets").glob("*.yaml")):
        ruleset = load_ruleset(path)
        durable, reference = DurableMatcher(ruleset), ReferenceMatcher(ruleset)
        for round_ in range(3):
            for level in range(5):
                for unsafe in (False, True):
                    fact = _fact(
                        message__level=level,
                        message__unsafe=unsafe,
                        message__safety__contempt=unsafe,
                        conversation__messages=round_ * 7 + level,
                        conversation__scores__safety=0.1 + 0.2 * level,
                    )
                    assert durable.match(fact) == reference.match(fact)
        with pytest.raises(MatcherError, match=r"not a finite scalar"):
            durable.match(_fact(message__unsafe=[True]))


def test_a_boolean_tested_only_for_true_is_left_out_when_false_and_answers_the_same() -> None:
    # advice is only ever tested for true: absent from the JSON when false;
    # crisis is also negated, so it always travels (false is not "absent" there).
    ruleset = _ruleset(
        [
            ("advice", "message.flags.advice", 10),
            (
                "advice-and-calm",
                {"all": ["message.flags.advice", {"not": "message.safety.crisis"}]},
                20,
            ),
            ("calm", {"not": "message.safety.crisis"}, 30),
        ]
    )
    durable, reference = DurableMatcher(ruleset), ReferenceMatcher(ruleset)
    for advice in (False, True):
        for crisis in (False, True):
            fact = _fact(message__flags__advice=advice, message__safety__crisis=crisis)
            assert durable.match(fact) == reference.match(fact)
            settled = durable._settled_json(fact)
            assert (":true" in settled) == (advice or crisis)
            assert settled.count(":") == (2 if advice else 1)  # crisis is always written
