"""`intimacy-rules explain`: analysis, facts, snapshot and per-rule traces for one message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intimacy_rules.cli.main import main

RULESETS = Path(__file__).resolve().parents[2] / "rulesets"


def test_text_mode_shows_labels_facts_and_the_rule_that_fired(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["explain", "--text", "You never listen to me.", "--match-age-hours", "200"])
    assert code == 0
    out = capsys.readouterr().out
    assert "analysis: level 0 (none)" in out
    assert "flags:  criticism" in out
    assert "evidence criticism at [" in out
    assert "message.flags.criticism = true" in out
    assert "conversation: 1 messages" in out
    assert "FIRED criticism-gentle-start" in out
    assert "✓ message.flags.criticism == true   (fact: true)" in out
    assert "hold-unsafe-draft" not in out  # rules that did not fire need --all
    assert "You never listen" not in out  # the text itself is not echoed


def test_all_traces_the_rules_that_did_not_fire_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "--text", "You're an idiot.", "--all"]) == 0
    out = capsys.readouterr().out
    assert "-     hold-unsafe-draft" in out
    assert '✗ event.kind == "pre_send"   (fact: "message")' in out
    assert "FIRED check-in-recipient" in out


def test_a_conversation_file_message_is_explained_in_its_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conversation = {
        "id": "x1",
        "context": {"platform": "counseling"},
        "participants": ["sam", "kim"],
        "messages": [
            {
                "sender": "sam",
                "text": "I feel really close to you right now.",
                "sent_at": "2026-03-01T20:00:00Z",
            },
            {
                "sender": "kim",
                "text": "I feel so happy with you right now.",
                "sent_at": "2026-03-01T20:01:00Z",
            },
            {"sender": "sam", "text": "Did you buy milk?", "sent_at": "2026-03-01T20:02:00Z"},
        ],
    }
    path = tmp_path / "x1.json"
    path.write_text(json.dumps(conversation), encoding="utf-8")
    assert main(["explain", "--conversation", str(path), "--message", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["message"] == 2
    assert data["sender"] == "kim"
    assert data["decision"]["ruleset"] == "counseling"  # the file's platform picks it
    assert "mutual_presence" in data["snapshot"]["patterns"]
    fired = {rule["id"] for rule in data["rules"] if rule["fired"]}
    assert "mutual-presence" in fired
    assert data["fact"]["conversation.patterns.mutual_presence"] is True
    assert "text" not in json.dumps(data["analysis"])


def test_a_case_of_a_ruleset_test_file_can_be_explained(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "explain",
            "--tests",
            str(RULESETS / "tests" / "dating.yaml"),
            "--case",
            "a contemptuous draft is held and, once sent, its recipient is checked on",
            "--message",
            "2",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "message 2 from ben (pre_send)" in out
    assert "FIRED hold-unsafe-draft" in out


def test_an_unknown_case_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    path = RULESETS / "tests" / "dating.yaml"
    assert main(["explain", "--tests", str(path), "--case", "nope"]) == 2
    assert "a crisis is escalated at once" in capsys.readouterr().err


def test_a_message_number_out_of_range_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "--text", "hi", "--message", "2"]) == 2
    assert "there is no message 2" in capsys.readouterr().err
