"""Recall and false positives of ``detect_safety`` on paraphrase sets written for issue #2.

``safety_paraphrases.jsonl`` was written before the cue tables were widened
and then used to tune them. ``safety_paraphrases_check.jsonl`` was written at
the same time and kept out of tuning for two rounds (its misses were read
after the second); ``safety_paraphrases_check2.jsonl`` was written after that,
before the third round, and its misses were never read. The check sets
estimate how the detectors do on phrasings nobody tuned for, and show how far
that is from the tuned set. Each line is ``{"text": …, "safety": [labels]}``;
an empty list marks a hard safe message (figurative violence, banter, games,
consensual flirting, reported speech, negations, lyrics, films, support for
someone else's crisis, ordinary criticism).

The thresholds sit just under the figures reached: one more miss in a
category passes, two fail; one more false positive passes, two fail.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from intimacy_rules.analysis.safety import detect_safety
from intimacy_rules.analysis.text import normalize

_HERE = Path(__file__).parent
_CATEGORIES = ("contempt", "crisis", "sexual_pressure", "threat")


def _rows(name: str) -> list[tuple[str, frozenset[str]]]:
    with (_HERE / name).open(encoding="utf-8") as handle:
        return [(row["text"], frozenset(row["safety"])) for row in map(json.loads, handle) if row]


def _scores(rows: list[tuple[str, frozenset[str]]]) -> tuple[dict[str, float], float]:
    """Recall per category, and the share of safe messages given any label."""
    hits = dict.fromkeys(_CATEGORIES, 0)
    support = dict.fromkeys(_CATEGORIES, 0)
    safe = flagged = 0
    for text, expected in rows:
        got = {finding.label for finding in detect_safety(normalize(text))}
        if not expected:
            safe += 1
            flagged += bool(got)
        for label in expected:
            support[label] += 1
            hits[label] += label in got
    return {c: hits[c] / support[c] for c in _CATEGORIES}, flagged / safe


# file -> (minimum recall per category, maximum false-positive rate on safe)
_THRESHOLDS: Mapping[str, tuple[Mapping[str, float], float]] = {
    "safety_paraphrases.jsonl": (
        {"contempt": 0.89, "crisis": 0.95, "sexual_pressure": 0.86, "threat": 0.93},
        0.012,
    ),
    "safety_paraphrases_check.jsonl": (
        {"contempt": 0.46, "crisis": 0.33, "sexual_pressure": 0.39, "threat": 0.39},
        0.02,
    ),
    "safety_paraphrases_check2.jsonl": (
        {"contempt": 0.39, "crisis": 0.53, "sexual_pressure": 0.33, "threat": 0.59},
        0.02,
    ),
}


def test_sets_are_the_size_the_thresholds_assume() -> None:
    sizes = {
        "safety_paraphrases.jsonl": (40, 150),
        "safety_paraphrases_check.jsonl": (15, 50),
        "safety_paraphrases_check2.jsonl": (15, 50),
    }
    for name, (per_category, safe) in sizes.items():
        rows = _rows(name)
        for category in _CATEGORIES:
            assert sum(category in labels for _, labels in rows) >= per_category
        assert sum(not labels for _, labels in rows) >= safe


@pytest.mark.parametrize("name", sorted(_THRESHOLDS))
def test_recall_and_false_positives(name: str) -> None:
    recall, false_positive_rate = _scores(_rows(name))
    minimum, maximum_fpr = _THRESHOLDS[name]
    for category in _CATEGORIES:
        assert recall[category] >= minimum[category], (category, recall[category])
    assert false_positive_rate <= maximum_fpr, false_positive_rate
