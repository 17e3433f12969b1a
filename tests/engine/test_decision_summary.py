"""The decision's summary of the analysis: labels only, ``negative`` included."""

from __future__ import annotations

import json
from collections.abc import Callable

from intimacy_rules.analysis.analyzer import Analyzer
from intimacy_rules.engine.decision import Decision
from intimacy_rules.engine.engine import Engine
from intimacy_rules.engine.events import Event
from intimacy_rules.privacy import Pseudonymizer
from intimacy_rules.rules.loader import load_default_ruleset


def _engine() -> Engine:
    return Engine(
        load_default_ruleset("dating"),
        analyzer=Analyzer(),
        pseudonymizer=Pseudonymizer(b"s" * 32),
    )


def test_a_painful_feeling_is_summarised_as_negative(event: Callable[..., Event]) -> None:
    engine = _engine()
    sad = engine.process(event("I've felt so worthless since the layoff."))
    glad = engine.process(event("I'm so proud of myself for finishing the course!"))
    plain = engine.process(event("What time is the film?"))
    assert (sad.analysis.level, sad.analysis.negative) == (3, True)
    assert (glad.analysis.level, glad.analysis.negative) == (3, False)
    assert (plain.analysis.feelings, plain.analysis.negative) == (False, False)


def test_a_decision_stored_before_the_field_existed_reads_back(
    event: Callable[..., Event],
) -> None:
    decision = _engine().process(event("I've felt so worthless since the layoff."))
    stored = json.loads(decision.model_dump_json())
    del stored["analysis"]["negative"]
    again = Decision.model_validate(stored)
    assert again.analysis.negative is False
    assert again.analysis.level == decision.analysis.level
