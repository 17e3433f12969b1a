"""The Analyzer end to end: levels, disclosure, flags, evidence, purity and bounds."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_rules.analysis.analyzer import Analyzer, analyze
from intimacy_rules.analysis.level import LevelResult
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.analysis.text import Finding
from intimacy_rules.errors import ConfigurationError, InputError


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


def test_same_text_same_result() -> None:
    text = "I'm nervous telling you this, but I grew up in foster care."
    assert analyze(text) == analyze(text)
    assert Analyzer().analyze(text) == analyze(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😭😭😭",
        "I feel like you never listen. I'm so hurt right now! My dad died in May.",
        "İstanbul was lovely, I'm so glad we went",  # a letter that grows when lower-cased
    ],
)
def test_every_output_revalidates_and_spans_stay_inside(text: str) -> None:
    result = analyze(text)
    assert MessageAnalysis.model_validate(result.model_dump()) == result
    assert list(result.flags) == sorted(result.flags)
    assert list(result.safety) == sorted(result.safety)
    for ev in result.evidence:
        assert 0 <= ev.span[0] <= ev.span[1] <= len(text)


def test_thought_as_feeling_evidence_names_the_flag() -> None:
    result = analyze("I feel like you're bored of me.")
    assert result.flags == ("thought_as_feeling",)
    assert [e.label for e in result.evidence] == ["level:0", "thought_as_feeling"]


MEGABYTE = 1_000_000


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "a" * MEGABYTE,
        "i " * (MEGABYTE // 2),
        "!" * MEGABYTE,
        ("im so sad " * (MEGABYTE // 10 + 1))[:MEGABYTE],
        ("I feel like you never listen. I'm so hurt right now. " * 20_000)[:MEGABYTE],
        "so " * (MEGABYTE // 3),
        " me" * (MEGABYTE // 3),
    ],
    ids=["one-letter", "i-space", "bangs", "im-so-sad", "mixed", "so-space", "me"],
)
def test_a_megabyte_is_analysed_in_bounded_time(text: str) -> None:
    started = time.perf_counter()
    result = analyze(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert 0 <= result.level <= 4


def test_a_long_message_says_its_level_was_judged_on_a_prefix() -> None:
    text = "I grew up by the sea. " * 2000
    result = analyze(text)
    assert result.level == 1
    assert "first" in result.evidence[0].why


def test_package_exports_load_lazily() -> None:
    import intimacy_rules.analysis as package

    assert package.analyze is analyze
    assert package.Analyzer is Analyzer
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        package.nope  # noqa: B018


def test_importing_the_package_does_not_build_the_analyzer() -> None:
    code = (
        "import sys, intimacy_rules, intimacy_rules.analysis\n"
        "print('intimacy_rules.analysis.analyzer' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


_PIECES = st.sampled_from(
    [
        "I",
        "i'm",
        "im",
        "feel",
        "like",
        "you",
        "so",
        "sad",
        "scared",
        "my",
        "mom",
        "we",
        "me",
        "right now",
        "telling you this",
        "never",
        "'",
        "\u2019",
        ".",
        "!",
        ",",
        "😭",
        "\n",
        "İ",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map(" ".join))
def test_any_text_gives_a_valid_analysis(text: str) -> None:
    result = analyze(text)
    assert MessageAnalysis.model_validate(result.model_dump()) == result
    assert result.disclosure.feelings is (result.level >= 2)
    assert result.evidence[0].label == f"level:{result.level}"
    assert {e.label for e in result.evidence[1:]} == set(result.flags) | set(result.safety)
    for ev in result.evidence:
        assert 0 <= ev.span[0] <= ev.span[1] <= len(text)


def test_max_graded_chars_bounds_the_level_and_says_so() -> None:
    analyzer = Analyzer(max_graded_chars=30)
    text = "The weather was fine all week. I'm so scared of losing you."
    result = analyzer.analyze(text)
    assert result.level == 0
    assert "first 30 characters" in result.evidence[0].why
    assert Analyzer().analyze(text).level == 4


def test_max_graded_chars_must_be_positive() -> None:
    with pytest.raises(ConfigurationError, match="max_graded_chars"):
        Analyzer(max_graded_chars=0)
