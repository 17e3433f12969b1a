"""What a feeling is about (partner, us, self, third party) and here-and-now anchors."""

from __future__ import annotations

import pytest

from intimacy_rules.analysis.anchors import anchor_near
from intimacy_rules.analysis.targets import find_target, look_back
from intimacy_rules.analysis.text import normalize


def _after(text: str, marker: str) -> tuple[str, int]:
    norm = normalize(text)
    return norm, norm.index(marker) + len(marker)


@pytest.mark.parametrize(
    ("text", "after", "target", "named"),
    [
        ("I'm scared of losing you tonight", "scared", "partner", "you"),
        ("I'm angry at my landlord", "angry", "third", "my landlord"),
        ("I'm worried about your parents", "worried", "third", "your parents"),
        ("I'm excited about our trip", "excited", "us", "our trip"),
        ("I'm ashamed of myself", "ashamed", "self", "myself"),
        ("I'm sad that we stopped", "sad", "us", "we"),
        ("I loved the notes you left", "loved", "partner", "the notes you"),
        ("I'm scared of heights", "scared", "third", "heights"),
        ("I'm so lonely lately", "lonely", "none", ""),
        ("I'm tired, you know", "tired", "none", ""),
    ],
)
def test_find_target_names_the_first_object_in_the_clause(
    text: str, after: str, target: str, named: str
) -> None:
    norm, start = _after(text, after)
    found, s, e = find_target(norm, start)
    assert found == target
    if named:
        assert norm[s:e] == named
    else:
        assert (s, e) == (-1, -1)


def test_time_words_and_comparisons_are_skipped() -> None:
    norm, start = _after("I've been sad all the time like my father, honestly", "sad")
    assert find_target(norm, start)[0] == "none"


def test_look_back_finds_the_topic_earlier_in_the_sentence() -> None:
    norm = normalize("That concert last night, still buzzing")
    assert look_back(norm, norm.index("still"))[0] == "third"
    assert look_back(normalize("Hi. still buzzing"), 4)[0] == "none"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I'm nervous telling you this", "exchange"),
        ("reading your message I'm shaking", "exchange"),
        ("I'm blushing rn", "now"),
        ("I'm tired today", ""),
    ],
)
def test_anchor_near_grades_exchange_over_now(text: str, kind: str) -> None:
    norm = normalize(text)
    assert anchor_near(norm, 0, len(norm))[0] == kind


def test_anchors_stay_in_their_sentence() -> None:
    norm = normalize("I'm so tired. Telling you this was hard")
    assert anchor_near(norm, 0, len("i'm so tired"))[0] == ""
