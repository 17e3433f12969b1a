"""``intimacy-rules analyze``: JSON Lines in and out, bad lines in place, --text, --conversation."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intimacy_rules.analysis.analyzer import Analyzer
from intimacy_rules.cli import analyze_command
from intimacy_rules.cli.main import main

CONVERSATIONS = Path(__file__).resolve().parents[1] / "conversation" / "files"


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str
) -> tuple[int, list[str], str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(["analyze", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_each_line_gets_one_object_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines: list[dict[str, object]] = [
        {"id": "x1", "text": "I'm so nervous telling you this."},
        {"id": "x2", "text": "Shall we meet at the station?"},
        {"id": 3, "text": "I moved to Glasgow when I was twelve."},
    ]
    status, out, err = _run(monkeypatch, capsys, "".join(json.dumps(r) + "\n" for r in lines))
    assert status == 0
    assert err == ""
    objects = [json.loads(line) for line in out]
    assert [o["id"] for o in objects] == ["x1", "x2", 3]
    assert [o["level"] for o in objects] == [4, 0, 1]
    first = objects[0]
    assert set(first) == {"id", "level", "disclosure", "flags", "safety", "evidence"}
    assert first["disclosure"] == {"facts": False, "feelings": True, "negative": True}
    assert objects[1]["disclosure"]["negative"] is False  # no feelings, nothing painful
    assert first["evidence"][0]["label"] == "level:4"
    start, end = first["evidence"][0]["span"]
    text = lines[0]["text"]
    assert isinstance(text, str)
    assert text[start:end].startswith("I'm so nervous")


def test_output_carries_no_message_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(monkeypatch, capsys, '{"text": "I miss the zebra-striped umbrella"}\n')
    assert "zebra" not in out[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # After "not JSON: " comes the json module's own wording, which varies by version.
        ("this is not json", {"id": None, "error": "line 2: not JSON: "}),
        ("[1, 2]", {"id": None, "error": "line 2: not a JSON object"}),
        (
            '{"id": "m7", "text": "cut off',
            {"id": "m7", "error": "line 2: not JSON: "},
        ),
        ('{"id": "m9"}', {"id": "m9", "error": "line 2: no 'text' field"}),
        (
            '{"id": "m9", "text": null}',
            {"id": "m9", "error": "line 2: 'text' must be a string, not null"},
        ),
        (
            '{"id": "m9", "text": 12}',
            {"id": "m9", "error": "line 2: 'text' must be a string, not int"},
        ),
        (
            '{"id": [1], "text": "hi"}',
            {"id": None, "error": "line 2: 'id' must be a string or an integer"},
        ),
    ],
)
def test_a_bad_line_is_answered_in_place_and_the_rest_still_printed(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    line: str,
    expected: dict[str, object],
) -> None:
    stdin = (
        '{"id": "a", "text": "hello"}\n' + line + '\n{"id": "c", "text": "I grew up by the sea."}\n'
    )
    status, out, _ = _run(monkeypatch, capsys, stdin)
    assert status == 1
    assert len(out) == 3
    assert json.loads(out[0])["id"] == "a"
    reply = json.loads(out[1])
    assert set(reply) == {"id", "error"}
    assert reply["id"] == expected["id"]
    assert reply["error"].startswith(str(expected["error"]))
    assert reply["error"] != "line 2: not JSON: "
    assert json.loads(out[2])["level"] == 1


def test_blank_lines_are_skipped_without_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(
        monkeypatch, capsys, '\n{"id": "a", "text": "hi"}\n   \n\n{"id": "b", "text": "yo"}\n'
    )
    assert status == 0
    assert [json.loads(line)["id"] for line in out] == ["a", "b"]


def test_invalid_utf8_is_an_error_line_not_a_crash() -> None:
    source = io.TextIOWrapper(
        io.BytesIO(b'{"text": "ok"}\n\xff\xfe\n{"text": "fine"}\n'), encoding="utf-8"
    )
    out = io.StringIO()
    status = analyze_command.analyze_stream(source, out, Analyzer())
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 1
    assert replies[1] == {"id": None, "error": "line 2: not UTF-8 text"}
    assert "level" in replies[2]


def test_text_option_prints_a_readable_report_with_quoted_evidence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["analyze", "--text", "I feel like you never call me. I'm hurt right now."])
    out = capsys.readouterr().out
    assert status == 0
    assert "level:      4 (present_intimate)" in out
    assert "feelings yes" in out
    assert "thought_as_feeling" in out
    assert '"I feel like you"' in out


def test_conversation_option_prints_one_report_per_file_and_errors_in_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = CONVERSATIONS / "good.json"
    if not good.exists():
        pytest.skip("conversation fixtures not present")
    missing = tmp_path / "missing.json"
    status = main(["analyze", "--conversation", str(good), str(missing)])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 1
    assert set(out[0]) >= {"id", "depth", "criteria", "patterns"}
    assert out[1]["id"] == str(missing)
    assert "cannot read" in out[1]["error"]


def test_long_input_on_a_terminal_shows_progress_on_stderr_only() -> None:
    err = io.StringIO()
    progress = analyze_command._Progress(err, total=3)
    out = io.StringIO()
    source = io.StringIO('{"text": "a"}\n{"text": "b"}\n{"text": "c"}\n')
    analyze_command.analyze_stream(source, out, Analyzer(), progress=progress)
    assert "3/3 lines" in err.getvalue()
    assert "lines" not in out.getvalue()


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert analyze_command._progress_for(io.StringIO("")) is None


def test_lines_of_a_regular_file_are_counted_without_consuming_it(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    with path.open(encoding="utf-8") as handle:
        assert analyze_command._count_lines(handle) == 2
        assert handle.readline() == '{"text": "a"}\n'


@pytest.mark.slow
def test_installed_console_script_streams_json_lines() -> None:
    script = shutil.which("intimacy-rules", path=os.path.dirname(sys.executable))
    if script is None:
        pytest.skip("console script not installed next to this interpreter")
    result = subprocess.run(
        [script, "analyze"],
        input='{"id": "p", "text": "I was born in Cork."}\nnope\n',
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["id"] == "p"
    assert lines[0]["level"] == 1
    assert lines[1]["id"] is None
    assert lines[1]["error"].startswith("line 2: not JSON: ")


class _ClosedPipe(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError


def test_a_reader_that_goes_away_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "hi"}\n'))
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["analyze"]) == analyze_command.BROKEN_PIPE_STATUS
