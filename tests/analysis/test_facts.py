"""Facts about the speaker's own life (level 1), and what is not one."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.facts import find_fact
from intimacy_rules.analysis.scan import clause_starts, subject_positions
from intimacy_rules.analysis.text import normalize


def _fact(text: str) -> str | None:
    norm = normalize(text)
    span = find_fact(norm, subject_positions(norm), clause_starts(norm))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("I grew up in Leeds.", "I grew"),
        ("im a paramedic", "im a"),
        ("I have three kids.", "I have"),
        ("ive been sober since june", "ive been sober"),
        ("My grandma passed away in May.", "My grandma passed"),
        ("just got back from Rome", "got"),
        ("We got married last spring.", "We got married"),
    ],
)
def test_facts_are_found_with_their_span(text: str, starts: str) -> None:
    found = _fact(text)
    assert found is not None
    assert found.startswith(starts)


@pytest.mark.parametrize(
    "text",
    [
        "I think so.",
        "I'll call you tomorrow.",
        "Should I bring anything?",
        "I know where the keys are.",
        "I have to go.",
        "I took Monday off so we can hike.",
        "My dad said it's fine.",
        "you never asked how my day went",
        "I told you so.",
        "got it!",
        "went well?",
    ],
)
def test_opinions_plans_questions_and_reports_are_not_facts(text: str) -> None:
    assert _fact(text) is None
