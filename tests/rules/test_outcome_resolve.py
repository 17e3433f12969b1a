"""Resolving a fired rule's outcomes: locales, placeholders, addressing, holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intimacy_rules.rules.compiled import CompiledRuleset
from intimacy_rules.rules.loader import load_ruleset
from intimacy_rules.rules.outcomes import (
    EscalateOutcome,
    HoldOutcome,
    NudgeOutcome,
    ScoreOutcome,
    SignalOutcome,
)
from intimacy_rules.rules.resolve import locale_candidates, resolve_outcomes

GOOD = Path(__file__).parents[1] / "fixtures" / "rulesets" / "good"


@pytest.fixture(scope="module")
def ruleset() -> CompiledRuleset:
    return load_ruleset(GOOD / "every_feature.yaml")


def _resolve(
    ruleset: CompiledRuleset, rule_id: str, fact: dict[str, Any], **kw: Any
) -> tuple[Any, ...]:
    args: dict[str, Any] = {"sender": "ana", "recipients": ("ben",), "locale": "en"}
    args.update(kw)
    return resolve_outcomes(ruleset.rule(rule_id), ruleset, fact=fact, **args)


def test_hold_and_signal_before_sending(ruleset: CompiledRuleset) -> None:
    outcomes = _resolve(ruleset, "hold-unsafe", {"event.kind": "pre_send"}, locale="fr-CA")
    assert outcomes == (
        HoldOutcome(to="ana", text="L'envoyer quand même ?", locale="fr", reason="unsafe_message"),
        SignalOutcome(name="unsafe_held"),
    )


def test_a_hold_is_dropped_once_the_message_is_sent(ruleset: CompiledRuleset) -> None:
    assert _resolve(ruleset, "hold-unsafe", {"event.kind": "message"}) == (
        SignalOutcome(name="unsafe_held"),
    )


def test_nudges_fill_placeholders_and_reach_each_recipient(ruleset: CompiledRuleset) -> None:
    fact = {"conversation.depth": 2, "conversation.messages": 20, "event.kind": "message"}
    outcomes = _resolve(ruleset, "progress-note", fact, recipients=("ben", "cy"), locale="de")
    text = "Depth 2 after 20 messages {so far}."
    assert outcomes == (
        NudgeOutcome(to="ben", text=text, locale="en", template="progress"),
        NudgeOutcome(to="cy", text=text, locale="en", template="progress"),
        NudgeOutcome(to="ana", text=text, locale="en", template="progress"),
    )


def test_nudges_to_recipients_need_a_recipient(ruleset: CompiledRuleset) -> None:
    fact = {"conversation.depth": 1, "conversation.messages": 10}
    outcomes = _resolve(ruleset, "progress-note", fact, recipients=())
    assert [o.to for o in outcomes] == ["ana"]


def test_score_and_escalate_pass_through(ruleset: CompiledRuleset) -> None:
    assert _resolve(ruleset, "deep-but-not-present", {}) == (
        ScoreOutcome(criterion="immediacy", delta=0.05),
    )
    assert _resolve(ruleset, "pseudo-intimacy", {}) == (
        SignalOutcome(name="pseudo_intimacy"),
        EscalateOutcome(reason="pseudo_intimacy", urgency="normal"),
    )


def test_placeholder_values_are_shown_plainly_and_never_evaluated() -> None:
    text = (
        "ruleset: {name: p, version: 1, platform: any}\n"
        "templates:\n"
        "  t: {en: '{conversation.scores.safety} {message.unsafe} "
        "{conversation.match_age_hours}!'}\n"
        "rules:\n"
        "  - {id: r, description: d, when: message.unsafe,\n"
        "     then: [{nudge: {to: sender, template: t}}]}\n"
    )
    ruleset = load_ruleset("p.yaml", text=text)
    fact = {"conversation.scores.safety": 0.833333, "message.unsafe": True}
    (nudge,) = _resolve(ruleset, "r", fact)
    assert nudge.text == "0.83 yes !"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("fr-CA", ("fr-CA", "fr", "en")), ("fr_ca", ("fr-ca", "fr", "en")), ("en", ("en",))],
)
def test_locale_fallback_order(locale: str, expected: tuple[str, ...]) -> None:
    assert locale_candidates(locale, "en") == expected


def test_resolved_outcomes_equal_validated_ones(ruleset: CompiledRuleset) -> None:
    # Outcomes are built without re-validating (their values were validated
    # as the event and the ruleset); they must be exactly what validation gives.
    defaults = Path(__file__).parents[2] / "rulesets"
    for compiled in (ruleset, *(load_ruleset(p) for p in sorted(defaults.glob("*.yaml")))):
        for rule in compiled.rules:
            for kind in ("message", "pre_send"):
                fact = {"event.kind": kind, "conversation.depth": 1, "conversation.messages": 3}
                outcomes = resolve_outcomes(
                    rule, compiled, sender="ana", recipients=("ben",), locale="fr", fact=fact
                )
                for outcome in outcomes:
                    validated = type(outcome).model_validate(outcome.model_dump())
                    assert validated == outcome
                    assert validated.model_dump_json() == outcome.model_dump_json()
