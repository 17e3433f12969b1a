"""Conversation files: the gold format loads, broken files say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from intimacy_rules.conversation import files
from intimacy_rules.conversation.files import load_conversation_file
from intimacy_rules.errors import InputError

FILES = Path(__file__).parent / "files"


def test_a_gold_format_file_loads() -> None:
    conversation = load_conversation_file(FILES / "good.json")
    assert conversation.id == "t01"
    assert conversation.context.platform == "dating"
    assert conversation.context.match_age_hours == 5
    assert conversation.participants == ("ivy", "rex")
    assert [m.sender for m in conversation.messages] == ["ivy", "rex", "ivy", "rex"]
    assert conversation.expect is not None
    assert conversation.expect.depth == 4
    assert conversation.expect.patterns == ("mutual_presence",)
    assert conversation.expect.criteria == {"safety": "high"}


def test_an_operator_file_needs_no_expect_context_or_participants() -> None:
    conversation = load_conversation_file(str(FILES / "no_expect.json"))
    assert conversation.expect is None
    assert conversation.context.match_age_hours is None
    assert conversation.messages[0].sent_at.utcoffset() is not None


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("not_json.json", r"not_json\.json:4: not JSON: ", 4),
        ("not_an_object.json", r"expected a JSON object, got list", 1),
        ("missing_messages.json", r"messages: Field required", None),
        ("empty_messages.json", r"messages: .*at least 1 item", None),
        (
            "wrong_types.json",
            r"context\.match_age_hours: .*valid number.*messages\.0\.sender",
            None,
        ),
        ("bad_timestamp.json", r"messages\.1\.sent_at: Input should be a valid datetime", None),
        (
            "unknown_sender.json",
            r": messages\.1\.sender: 'zed' is not one of the participants",
            None,
        ),
        ("unknown_field.json", r"mesages: Extra inputs are not permitted", None),
        ("unknown_pattern.json", r"expect\.patterns\.0: .*expect\.criteria\.safety: ", None),
    ],
)
def test_a_broken_file_is_an_input_error_naming_file_and_place(
    name: str, message: str, line: int | None
) -> None:
    with pytest.raises(InputError, match=message) as info:
        load_conversation_file(FILES / name)
    assert info.value.source == str(FILES / name)
    assert info.value.line == line
    if name != "not_an_object.json":  # the other errors wrap the parser's
        assert isinstance(info.value.__cause__, Exception)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the file") as info:
        load_conversation_file(tmp_path / "nope.json")
    assert info.value.source == str(tmp_path / "nope.json")


def test_a_file_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"id": "caf\xe9"}')
    with pytest.raises(InputError, match="not UTF-8 text"):
        load_conversation_file(path)


def test_a_file_over_the_size_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match=r"file is \d+ bytes, more than 100"):
        load_conversation_file(FILES / "good.json")
