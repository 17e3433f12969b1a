"""Replaying a conversation file: the report's exact shape, and expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.files import ConversationExpectation, load_conversation_file
from intimacy_rules.conversation.replay import (
    ConversationReport,
    expectation_misses,
    replay_conversation,
)
from intimacy_rules.conversation.vocabulary import CriteriaScores

from .conftest import Said

FILES = Path(__file__).parent / "files"


class TableAnalyzer:
    """An analyzer that looks each text up in a table, and records what it saw."""

    def __init__(self, table: dict[str, MessageAnalysis]) -> None:
        self.table = table
        self.seen: list[str] = []

    def analyze(self, text: str) -> MessageAnalysis:
        self.seen.append(text)
        return self.table[text]


@pytest.fixture
def analyzer(said: Said) -> TableAnalyzer:
    return TableAnalyzer(
        {
            "the lighthouse tour was fun": said(0),
            "I keep bees on my roof": said(1),
            "I am anxious right now writing to you": said(4),
            "I am anxious right now too, in a nice way": said(4),
            "hello there": said(0),
        }
    )


def test_replay_reports_depth_criteria_and_patterns(analyzer: TableAnalyzer) -> None:
    conversation = load_conversation_file(FILES / "good.json")
    report = replay_conversation(conversation, analyzer)
    assert analyzer.seen == [m.text for m in conversation.messages]
    dumped = report.model_dump(mode="json")
    assert list(dumped) == ["id", "depth", "criteria", "patterns"]
    assert dumped["id"] == "t01"
    assert dumped["depth"] == 4
    assert dumped["patterns"] == ["mutual_presence"]
    assert list(dumped["criteria"]) == ["safety", "mutuality", "separateness", "immediacy"]
    assert dumped["criteria"]["safety"] == 1.0
    assert dumped["criteria"]["immediacy"] >= 0.6
    for value in dumped["criteria"].values():
        assert value == round(value, 3)
    assert "anxious" not in report.model_dump_json()


def test_replay_of_an_operator_file_without_context(analyzer: TableAnalyzer) -> None:
    report = replay_conversation(load_conversation_file(FILES / "no_expect.json"), analyzer)
    assert report.model_dump(mode="json") == {
        "id": "op-7",
        "depth": 0,
        "criteria": {"safety": 1.0, "mutuality": 0.5, "separateness": 1.0, "immediacy": 0.5},
        "patterns": [],
    }


def _report(depth: int, patterns: tuple[str, ...], **scores: float) -> ConversationReport:
    return ConversationReport.model_validate(
        {"id": "r", "depth": depth, "criteria": CriteriaScores(**scores), "patterns": patterns}
    )


def test_expectations_met_give_no_misses() -> None:
    expect = ConversationExpectation(
        depth=2, patterns=("pseudo_intimacy",), criteria={"mutuality": "low", "safety": "high"}
    )
    report = _report(2, ("pseudo_intimacy",), mutuality=0.39, safety=0.6)
    assert expectation_misses(report, expect) == []


def test_each_missed_expectation_is_named() -> None:
    expect = ConversationExpectation(
        depth=3, patterns=(), criteria={"mutuality": "low", "safety": "high"}
    )
    report = _report(1, ("love_bombing",), mutuality=0.4, safety=0.59)
    assert expectation_misses(report, expect) == [
        "depth: expected 3, got 1",
        "patterns: expected [], got ['love_bombing']",
        "mutuality: expected low, got 0.4",
        "safety: expected high, got 0.59",
    ]
