"""The Analyzer end to end: levels, disclosure, flags, evidence, purity and bounds."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.analyzer import Analyzer, analyze
from intimacy_rules.analysis.level import LevelResult
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.analysis.text import Finding
from intimacy_rules.errors import InputError


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Are we still on for seven?", 0),
        ("My cousin moved to Lisbon in the spring.", 1),
        ("I'm furious at my landlord about the heating.", 2),
        ("I've felt so empty these past weeks.", 3),
        ("I'm really nervous saying this to you.", 4),
    ],
)
def test_each_level_is_reachable(text: str, level: int) -> None:
    assert analyze(text).level == level


def test_feelings_disclosure_is_true_exactly_from_level_two() -> None:
    for text in ("We should leave at nine.", "I was born in Leeds.", "I hate the rain so much."):
        result = analyze(text)
        assert result.disclosure.feelings is (result.level >= 2)


def test_output_revalidates_against_the_contract_model() -> None:
    result = analyze("I feel like you never listen, and I'm so tired of it.")
    again = MessageAnalysis.model_validate(result.model_dump())
    assert again == result


def test_every_label_has_evidence_with_a_span_inside_the_text() -> None:
    text = "I feel like you're hiding something. Honestly it scares me right now."
    result = analyze(text)
    labels = {e.label for e in result.evidence}
    assert f"level:{result.level}" in labels
    assert set(result.flags) <= labels
    assert set(result.safety) <= labels
    for ev in result.evidence:
        start, end = ev.span
        assert 0 <= start <= end <= len(text)


def test_injected_detectors_are_merged_sorted_and_unknown_names_dropped() -> None:
    def flags(norm: str) -> list[Finding]:
        return [
            Finding("merging", 0, 2, "x"),
            Finding("advice", 3, 4, "y"),
            Finding("nope", 0, 1, "z"),
        ]

    def safety(norm: str) -> list[Finding]:
        return [Finding("threat", 0, 1, "t"), Finding("contempt", 1, 2, "c")]

    analyzer = Analyzer(flag_detector=flags, safety_detector=safety)
    result = analyzer.analyze("hello there")
    assert result.flags == ("advice", "merging")
    assert result.safety == ("contempt", "threat")


def test_injected_grader_decides_the_level() -> None:
    def grader(norm: str) -> LevelResult:
        return LevelResult(3, True, 0, 5, "fake", ())

    result = Analyzer(grader=grader).analyze("whatever text")
    assert result.level == 3
    assert result.disclosure.facts is True
    assert result.evidence[0].why == "fake"


def test_non_string_input_is_an_input_error() -> None:
    with pytest.raises(InputError, match="must be a string"):
        Analyzer().analyze(42)  # type: ignore[arg-type]
