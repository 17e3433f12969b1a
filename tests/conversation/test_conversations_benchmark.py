"""The conversations benchmark's comparison and reporting, on made-up files."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import conversations as bench
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.conversation.files import load_conversation_file
from intimacy_rules.conversation.replay import ConversationReport
from intimacy_rules.conversation.vocabulary import CriteriaScores

from .conftest import Said

FILES = Path(__file__).parent / "files"


class LevelByLength:
    """A stand-in analyzer: longer texts go deeper, so replays are deterministic."""

    def __init__(self, said: Said) -> None:
        self.said = said

    def analyze(self, text: str) -> MessageAnalysis:
        return self.said(4 if len(text) > 30 else 0)


def test_directories_expand_to_their_json_files() -> None:
    paths = bench.conversation_paths([str(FILES), str(FILES / "good.json")])
    assert FILES / "good.json" in paths
    assert paths.count(FILES / "good.json") == 2
    assert all(path.suffix == ".json" for path in paths)


def test_tally_counts_hits_and_misses() -> None:
    conversation = load_conversation_file(FILES / "good.json")
    tally = bench.Tally()
    hit = ConversationReport(
        id="t01", depth=4, criteria=CriteriaScores(safety=0.9), patterns=("mutual_presence",)
    )
    miss = ConversationReport(id="t01", depth=1, criteria=CriteriaScores(safety=0.5), patterns=())
    assert "MISS" not in tally.compare(conversation, hit)
    line = tally.compare(conversation, miss)
    assert line.count("MISS") == 3
    assert tally.summary() == (
        "patterns exact 1/2, criteria on the right side 1/2, depth exact 1/2"
    )


def test_main_prints_labels_and_scores_but_never_text(
    said: Said, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "default_analyzer", lambda: LevelByLength(said))
    status = bench.main([str(FILES / "good.json"), "--trace", "--no-cost"])
    out = capsys.readouterr().out
    assert status == 0
    assert "t01  depth 4/4  patterns ['mutual_presence']/['mutual_presence']" in out
    assert "p1 level 4" in out
    assert "patterns exact 1/1, criteria on the right side 1/1, depth exact 1/1" in out
    assert "anxious" not in out


def test_main_reports_a_broken_file_and_fails(
    said: Said, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "default_analyzer", lambda: LevelByLength(said))
    status = bench.main([str(FILES / "bad_timestamp.json"), "--no-cost"])
    assert status == 1
    assert "messages.1.sent_at" in capsys.readouterr().err


def test_cost_is_measured_at_each_length() -> None:
    early, late = bench.costs_at((10, 200), repeat=20, batches=3)
    assert early > 0
    assert late > 0
