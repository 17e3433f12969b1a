"""The ruleset test-file format: parsing, errors with lines, and the events a case becomes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from intimacy_rules.errors import InputError
from intimacy_rules.rules.ruleset_tests import FIXTURE_START, load_test_file

CASE = """\
ruleset: ../dating.yaml
cases:
  - name: three people, one late message
    context: {platform: dating, match_age_hours: 5, locale: es}
    participants: [ana, ben, cy]
    messages:
      - {sender: ana, text: "hola"}
      - {sender: ben, text: "draft", kind: pre_send, recipients: [cy]}
      - {sender: cy, text: "later", sent_at: "2026-05-01T10:00:00+02:00",
         context: {match_age_hours: 300}}
    expect:
      - {after: 3, fires_only: []}
"""


def test_a_case_becomes_the_events_a_host_would_send(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(CASE, encoding="utf-8")
    (case,) = load_test_file(path).cases
    first, draft, late = case.events("conv")
    assert [e.id for e in (first, draft, late)] == ["conv-m1", "conv-m2", "conv-m3"]
    assert first.recipients == ("ben", "cy")  # every other participant by default
    assert draft.recipients == ("cy",)
    assert draft.kind == "pre_send"
    assert first.sent_at == FIXTURE_START + timedelta(minutes=1)
    assert late.sent_at.isoformat() == "2026-05-01T10:00:00+02:00"
    assert (first.context.match_age_hours, late.context.match_age_hours) == (5, 300)
    assert late.context.locale == "es"  # the rest of the case's context is kept


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("locale: es}", "locale: es, mood: calm}"), 4, "context.mood: Extra inputs"),
        (("kind: pre_send", "kind: draft"), 8, "kind: Input should be 'message' or 'pre_send'"),
        (("{after: 3,", "{after: 0,"), 12, "after: Input should be greater than or equal to 1"),
        (("fires_only: []", "fires_only: [], held: true"), 12, "held: Extra inputs"),
    ],
)
def test_mistakes_are_reported_with_their_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(CASE.replace(*change), encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_test_file(path)
    assert (info.value.source, info.value.line) == (str(path), line)


def test_two_cases_with_one_name_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    body = CASE.split("cases:\n", 1)[1]
    path.write_text(CASE + body, encoding="utf-8")
    with pytest.raises(InputError, match="two cases are named 'three people, one late message'"):
        load_test_file(path)


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("#" * 2_000_001, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        load_test_file(path)
